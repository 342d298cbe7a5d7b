#pragma once
// Weng-Lin online Bayesian rating for K-wise and team votes: the five closed-form updates of
// R. C. Weng, C.-J. Lin, A Bayesian approximation method for online ranking, JMLR 12, 2011
// (Algorithms 1-4 and the partial-pair Thurstone-Mosteller variant), as openskill.py 6.2.0
// implements them (its test fixtures are our conformance suite).
#include <vector>

namespace prefero {

enum class WengLinModel {
  plackett_luce,             // Algorithm 4
  bradley_terry_full,        // Algorithm 1
  bradley_terry_part,        // Algorithm 2 (opponents within window_size places)
  thurstone_mosteller_full,  // Algorithm 3
  thurstone_mosteller_part,  // Algorithm 3 on nearby places, openskill's partial variant
};

struct WengLinSettings {
  double mu = 25.0;            // prior mean of a new player
  double sigma = 25.0 / 3.0;   // prior standard deviation of a new player
  double beta = 25.0 / 6.0;    // performance noise
  double kappa = 1e-4;         // floor of the variance shrink factor
  double tau = 25.0 / 300.0;   // dynamics: sigma^2 += tau^2 before every match
  double epsilon = 0.1;        // draw margin of the Thurstone-Mosteller models
  int window_size = 4;         // Part models: opponents at most this many places away
  bool limit_sigma = false;    // never let a match increase sigma (min with the pre-tau sigma)
  bool balance = false;        // weight players by ordinal spread inside a team (openskill)
};

struct Skill {
  double mu = 25.0, sigma = 25.0 / 3.0;
};
using SkillTeam = std::vector<Skill>;

// One match. `ranks[t]` = place of team t (lower = better, equal = tied; empty = list order);
// `weights[t][j]` = contribution of player j of team t (empty = all equal), rescaled per team
// into [1, 2] as openskill does. Returns every player's new rating, teams in input order.
std::vector<SkillTeam> weng_lin_rate(WengLinModel model, const WengLinSettings& s, const std::vector<SkillTeam>& teams,
                                     const std::vector<double>& ranks = {},
                                     const std::vector<std::vector<double>>& weights = {});

}  // namespace prefero
