#pragma once
// Positional scoring on weak and truncated orders: the shared core of Borda, Dowdall,
// anti-plurality and positive-negative voting.
//
// A ballot is read restricted to the candidates in play. Its indifference classes occupy
// consecutive positions 1, 2, ..., m (m = candidates in play); the candidates it leaves out form
// one last class. Tied candidates share equally the points of the positions they occupy
// (Condorcet PHP's convention), so a strict complete ballot scores exactly as the textbook rule.
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "core/profile.hpp"
#include "core/rational.hpp"
#include "registry/params.hpp"

namespace prefero {

// One indifference class of one ballot, restricted to the candidates in play.
struct BallotClass {
  int64_t count = 0;            // the ballot's multiplicity
  std::span<const Cand> cands;  // the class
  int above = 0;                // candidates in play ranked strictly above the class
  int ranked = 0;               // candidates in play the ballot ranks
  bool unranked = false;        // the class of candidates the ballot leaves out
};
using ClassVisitor = std::function<void(const BallotClass&)>;
void for_each_class(const Profile& p, const CandidateSet& cands, const ClassVisitor& visit);

// Points of position `pos` (1 = top) on a ballot over `m` candidates.
using PositionPoints = std::function<Rational(int m, int pos)>;

// What the candidates a ballot leaves out receive.
//   share: they are tied in the last positions and share those positions' points (default)
//   zero:  they receive nothing (Condorcet PHP's "explicit" ranking mode)
enum class UnrankedPoints { share, zero };
ParamSpec unranked_points_param();
UnrankedPoints unranked_points_of(const Params& params);

// Total score of every candidate (indexed by Cand; zero outside `cands`).
std::vector<Rational> positional_scores(const Profile& p, const CandidateSet& cands, const PositionPoints& points,
                                        UnrankedPoints unranked);

}  // namespace prefero
