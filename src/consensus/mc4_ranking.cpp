// MC4 Markov-chain rank aggregation.
#include <cmath>

#include "consensus/consensus_common.hpp"
#include "registry/registry.hpp"

namespace prefero {

// C. Dwork, R. Kumar, M. Naor, D. Sivakumar, "Rank aggregation methods for the web", WWW 2001
// (MC4): from candidate a pick b uniformly; move to b if a majority prefers b to a. Candidates
// are ranked by the stationary probability of this chain, made ergodic by a uniform jump with
// probability `damping`.
ConsensusResult mc4_ranking(const Profile& p, const CandidateSet& cands, const Params& params) {
  PairCosts pc = costs_of(p, cands, params);
  const int n = pc.n;
  const double d = params.number("damping");
  if (n == 0) return heuristic_result(pc, {});
  std::vector<double> pi(static_cast<size_t>(n), 1.0 / n), next(static_cast<size_t>(n));
  for (int it = 0; it < 100000; ++it) {
    std::fill(next.begin(), next.end(), 0.0);
    for (int a = 0; a < n; ++a) {
      double stay = 1.0 / n;
      for (int b = 0; b < n; ++b) {
        if (b == a) continue;
        if (pc.strict(b, a) > pc.strict(a, b)) next[static_cast<size_t>(b)] += pi[static_cast<size_t>(a)] / n;
        else stay += 1.0 / n;
      }
      next[static_cast<size_t>(a)] += pi[static_cast<size_t>(a)] * stay;
    }
    double change = 0;
    for (int a = 0; a < n; ++a) {
      double v = (1 - d) * next[static_cast<size_t>(a)] + d / n;
      change += std::abs(v - pi[static_cast<size_t>(a)]);
      pi[static_cast<size_t>(a)] = v;
    }
    if (change < 1e-14) break;
  }
  // probabilities equal to 12 significant digits share a tier
  std::vector<double> key(static_cast<size_t>(n));
  for (int a = 0; a < n; ++a) key[static_cast<size_t>(a)] = std::round(pi[static_cast<size_t>(a)] * 1e12);
  ConsensusResult r = heuristic_result(pc, tiers_by_score(key));
  json probs = json::object();
  for (int a = 0; a < n; ++a) probs[std::to_string(p.id(cands[static_cast<size_t>(a)]))] = pi[static_cast<size_t>(a)];
  r.explanation["stationary_probability"] = probs;
  return r;
}

static const Registration mc4_ranking_registration{MethodInfo{
    .id = "mc4_ranking",
    .aliases = {"mc4", "MC4"},
    .family = "consensus",
    .input = "ranking",
    .summary = "MC4 Markov chain: walk to a uniformly drawn candidate when a majority prefers it; candidates "
               "sorted by stationary probability (uniform jump with probability `damping` keeps the chain ergodic)",
    .citation = "C. Dwork, R. Kumar, M. Naor, D. Sivakumar, WWW 2001",
    .params = [] {
      auto ps = consensus_cost_params();
      ps.push_back({"damping", ParamType::number, "0.05",
                    "probability of a uniform jump per step (0 = the plain chain, which a Condorcet winner absorbs)", {}});
      return ps;
    }(),
    .consensus = mc4_ranking,
}};

}  // namespace prefero
