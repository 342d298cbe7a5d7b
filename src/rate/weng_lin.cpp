// Weng-Lin online Bayesian rating: R. C. Weng, C.-J. Lin, A Bayesian approximation method for
// online ranking, JMLR 12:267-300, 2011; conventions of openskill.py 6.2.0 (V. Joshy).
#include "rate/weng_lin.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numbers>
#include <numeric>
#include <string>

#include "core/error.hpp"
#include "rate/rating_table.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

double Phi(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }
double phi(double x) { return std::exp(-x * x / 2) / std::sqrt(2 * std::numbers::pi); }

// Truncated-Gaussian corrections (TrueSkill's v, w for a win, v~, w~ for a draw), with
// openskill's guards for vanishing denominators.
double v_win(double x, double t) {
  const double xt = x - t, d = Phi(xt);
  return d < DBL_EPSILON ? -xt : phi(xt) / d;
}
double w_win(double x, double t) {
  const double xt = x - t, d = Phi(xt);
  if (d < DBL_EPSILON) return x < 0 ? 1 : 0;
  const double v = v_win(x, t);
  return v * (v + xt);
}
double v_draw(double x, double t) {
  const double xx = std::fabs(x), b = Phi(t - xx) - Phi(-t - xx);
  if (b < 1e-5) return x < 0 ? -x - t : -x + t;
  const double a = phi(-t - xx) - phi(t - xx);
  return (x < 0 ? -a : a) / b;
}
double w_draw(double x, double t) {
  const double xx = std::fabs(x), b = Phi(t - xx) - Phi(-t - xx);
  if (b < DBL_EPSILON) return 1.0;
  const double v = v_draw(x, t);
  return ((t - xx) * phi(t - xx) + (t + xx) * phi(-t - xx)) / b + v * v;
}

// openskill's per-team weight rescaling into [1, 2]: one player -> 2; equal weights -> 1.
std::vector<double> rescale_weights(const std::vector<double>& w) {
  if (w.size() == 1) return {2.0};
  const auto [lo, hi] = std::minmax_element(w.begin(), w.end());
  double range = *hi - *lo;
  if (range == 0) range = 0.0001;
  std::vector<double> out(w.size());
  for (size_t j = 0; j < w.size(); ++j) out[j] = (w[j] - *lo) / range + 1.0;
  return out;
}

struct TeamRating {
  double mu = 0, sigma_sq = 0, rank = 0;
};

TeamRating team_rating(const SkillTeam& team, double rank, const WengLinSettings& s) {
  TeamRating t;
  t.rank = rank;
  double max_ordinal = -INFINITY;
  if (s.balance)
    for (const Skill& p : team) max_ordinal = std::max(max_ordinal, p.mu - 3 * p.sigma);
  for (const Skill& p : team) {
    const double f = s.balance ? 1 + (max_ordinal - (p.mu - 3 * p.sigma)) / (max_ordinal + s.kappa) : 1.0;
    t.mu += p.mu * f;
    t.sigma_sq += (p.sigma * f) * (p.sigma * f);
  }
  return t;
}

struct OmegaDelta {
  double omega = 0, delta = 0;
};

// Algorithm 4: Plackett-Luce; A_q shares a stage among the teams tied at place q.
std::vector<OmegaDelta> plackett_luce_terms(const std::vector<TeamRating>& T, const WengLinSettings& s) {
  const size_t n = T.size();
  double c2 = 0;
  for (const auto& t : T) c2 += t.sigma_sq + s.beta * s.beta;
  const double c = std::sqrt(c2);
  std::vector<double> sum_q(n, 0.0), a(n, 0.0);
  for (size_t q = 0; q < n; ++q)
    for (size_t i = 0; i < n; ++i) {
      if (T[i].rank >= T[q].rank) sum_q[q] += std::exp(T[i].mu / c);
      if (T[i].rank == T[q].rank) a[q] += 1;
    }
  std::vector<OmegaDelta> out(n);
  for (size_t i = 0; i < n; ++i) {
    const double e = std::exp(T[i].mu / c);
    double omega = 0, delta = 0;
    for (size_t q = 0; q < n; ++q) {
      if (T[q].rank > T[i].rank) continue;
      const double p = e / sum_q[q];
      delta += p * (1 - p) / a[q];
      omega += (q == i ? 1 - p : -p) / a[q];
    }
    const double gamma = std::sqrt(T[i].sigma_sq) / c;
    out[i] = {omega * T[i].sigma_sq / c, delta * T[i].sigma_sq / (c * c) * gamma};
  }
  return out;
}

// Algorithms 1-3: pairwise terms against every opponent (Full) or the opponents within
// window_size places, averaged (Part, as openskill 6.2).
std::vector<OmegaDelta> pairwise_terms(const std::vector<TeamRating>& T, const WengLinSettings& s, bool thurstone,
                                       bool part) {
  const size_t n = T.size();
  const auto window = static_cast<size_t>(std::max(s.window_size, 1));
  std::vector<OmegaDelta> out(n);
  for (size_t i = 0; i < n; ++i) {
    double omega = 0, delta = 0;
    int opponents = 0;
    const double s2 = T[i].sigma_sq;
    for (size_t q = 0; q < n; ++q) {
      if (q == i) continue;
      if (part && (q > i ? q - i : i - q) > window) continue;
      ++opponents;
      // openskill's Thurstone-Mosteller Part doubles c_iq.
      const double ciq = std::sqrt(s2 + T[q].sigma_sq + 2 * s.beta * s.beta) * (thurstone && part ? 2.0 : 1.0);
      const double eta = s2 / ciq, gamma = std::sqrt(s2) / ciq;
      if (!thurstone) {
        const double p = 1.0 / (1.0 + std::exp((T[q].mu - T[i].mu) / ciq));
        const double score = T[q].rank > T[i].rank ? 1.0 : T[q].rank < T[i].rank ? 0.0 : 0.5;
        omega += eta * (score - p);
        delta += gamma * eta / ciq * p * (1 - p);
      } else {
        const double d = (T[i].mu - T[q].mu) / ciq, e = s.epsilon / ciq;
        if (T[q].rank == T[i].rank) {
          omega += eta * v_draw(d, e);
          delta += gamma * eta / ciq * w_draw(d, e);
        } else {
          const double sign = T[q].rank > T[i].rank ? 1.0 : -1.0;
          omega += sign * eta * v_win(sign * d, e);
          delta += gamma * eta / ciq * w_win(sign * d, e);
        }
      }
    }
    if (part && opponents > 0) omega /= opponents, delta /= opponents;
    out[i] = {omega, delta};
  }
  return out;
}

}  // namespace

std::vector<SkillTeam> weng_lin_rate(WengLinModel model, const WengLinSettings& s, const std::vector<SkillTeam>& teams,
                                     const std::vector<double>& ranks_in,
                                     const std::vector<std::vector<double>>& weights_in) {
  const size_t n = teams.size();
  if (n < 2) throw InputError("weng_lin: a match needs at least 2 teams");
  if (!ranks_in.empty() && ranks_in.size() != n) throw InputError("weng_lin: one rank per team");
  if (!weights_in.empty() && weights_in.size() != n) throw InputError("weng_lin: one weight list per team");
  std::vector<SkillTeam> cur = teams;
  for (size_t t = 0; t < n; ++t) {
    if (teams[t].empty()) throw InputError("weng_lin: every team needs at least one player");
    if (!weights_in.empty() && weights_in[t].size() != teams[t].size())
      throw InputError("weng_lin: one weight per player");
    for (Skill& p : cur[t]) p.sigma = std::sqrt(p.sigma * p.sigma + s.tau * s.tau);
  }
  std::vector<double> ranks = ranks_in;
  if (ranks.empty())
    for (size_t t = 0; t < n; ++t) ranks.push_back(static_cast<double>(t));
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ranks[a] < ranks[b]; });
  std::vector<TeamRating> T(n);
  for (size_t k = 0; k < n; ++k) T[k] = team_rating(cur[order[k]], ranks[order[k]], s);
  std::vector<OmegaDelta> od;
  switch (model) {
    case WengLinModel::plackett_luce: od = plackett_luce_terms(T, s); break;
    case WengLinModel::bradley_terry_full: od = pairwise_terms(T, s, false, false); break;
    case WengLinModel::bradley_terry_part: od = pairwise_terms(T, s, false, true); break;
    case WengLinModel::thurstone_mosteller_full: od = pairwise_terms(T, s, true, false); break;
    case WengLinModel::thurstone_mosteller_part: od = pairwise_terms(T, s, true, true); break;
  }
  std::vector<SkillTeam> out = cur;
  for (size_t k = 0; k < n; ++k) {
    const size_t t = order[k];
    const std::vector<double> w = weights_in.empty() ? std::vector<double>(cur[t].size(), 1.0)
                                                     : rescale_weights(weights_in[t]);
    for (size_t j = 0; j < cur[t].size(); ++j) {
      const Skill& p = cur[t][j];
      const double share = p.sigma * p.sigma / T[k].sigma_sq;
      const double wj = od[k].omega > 0 ? w[j] : 1.0 / w[j];
      out[t][j].mu = p.mu + share * od[k].omega * wj;
      out[t][j].sigma = p.sigma * std::sqrt(std::max(1 - share * od[k].delta * wj, s.kappa));
      if (s.limit_sigma) out[t][j].sigma = std::min(out[t][j].sigma, teams[t][j].sigma);
    }
  }
  return out;
}

namespace {

WengLinSettings settings_of(const Params& p) {
  WengLinSettings s;
  s.mu = p.number("mu");
  s.sigma = p.number("sigma");
  s.beta = p.number("beta");
  s.kappa = p.number("kappa");
  s.tau = p.number("tau");
  if (p.has("epsilon")) s.epsilon = p.number("epsilon");
  if (p.has("window_size")) {
    const int64_t w = p.integer("window_size");
    if (w < 1 || w > 1000000) throw InputError("weng_lin: window_size must be between 1 and 10^6");
    s.window_size = static_cast<int>(w);
  }
  s.limit_sigma = p.boolean("limit_sigma");
  s.balance = p.boolean("balance");
  for (double x : {s.mu, s.sigma, s.beta, s.kappa, s.tau, s.epsilon})
    if (!std::isfinite(x)) throw InputError("weng_lin: parameters must be finite");
  if (!(s.sigma > 0) || !(s.beta > 0) || s.kappa < 0 || s.tau < 0 || s.epsilon < 0)
    throw InputError("weng_lin: sigma and beta must be positive; kappa, tau, epsilon non-negative");
  return s;
}

// Replays the battles (each a 2-team match of one-player teams) in file order, then the
// K-wise rankings (each model its own team, tiers as tied places), counts expanded.
RatingResult weng_lin_comparisons(WengLinModel model, const char* id, const Comparisons& c, const Params& p) {
  const WengLinSettings s = settings_of(p);
  std::vector<Skill> r(c.models.size(), Skill{s.mu, s.sigma});
  uint64_t matches = 0;
  for (const PairRow& row : c.pairs) {
    const long long n = whole_count(id, row.count);
    if (row.a == row.b) continue;
    const std::vector<double> ranks = row.outcome == Outcome::a_wins   ? std::vector<double>{0, 1}
                                      : row.outcome == Outcome::b_wins ? std::vector<double>{1, 0}
                                                                       : std::vector<double>{0, 0};
    for (long long k = 0; k < n; ++k) {
      auto out = weng_lin_rate(model, s, {{r[static_cast<size_t>(row.a)]}, {r[static_cast<size_t>(row.b)]}}, ranks);
      r[static_cast<size_t>(row.a)] = out[0][0];
      r[static_cast<size_t>(row.b)] = out[1][0];
      if (++matches > 2000000000ULL) throw InputError(std::string(id) + ": more than 2e9 matches");
    }
  }
  for (const KwiseRow& row : c.rankings) {
    const long long n = whole_count(id, row.count);
    std::vector<int> models;
    std::vector<double> ranks;
    for (size_t t = 0; t < row.tiers.size(); ++t)
      for (int m : row.tiers[t]) models.push_back(m), ranks.push_back(static_cast<double>(t));
    std::vector<int> sorted = models;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
      throw InputError(std::string(id) + ": a model appears twice in one ranking");
    if (models.size() < 2) continue;  // a ranking of one model says nothing
    for (long long k = 0; k < n; ++k) {
      std::vector<SkillTeam> teams;
      for (int m : models) teams.push_back({r[static_cast<size_t>(m)]});
      auto out = weng_lin_rate(model, s, teams, ranks);
      for (size_t i = 0; i < models.size(); ++i) r[static_cast<size_t>(models[i])] = out[i][0];
      if (++matches > 2000000000ULL) throw InputError(std::string(id) + ": more than 2e9 matches");
    }
  }
  const double z = p.number("z");
  const bool ordinal = p.text("score") == "ordinal";
  std::vector<double> rating(r.size()), low(r.size()), high(r.size());
  for (size_t i = 0; i < r.size(); ++i) {
    rating[i] = ordinal ? r[i].mu - z * r[i].sigma : r[i].mu;
    low[i] = r[i].mu - z * r[i].sigma;
    high[i] = r[i].mu + z * r[i].sigma;
  }
  RatingResult out = rating_table(c, rating, low, high);
  out.explanation = {{"matches", matches}, {"score", ordinal ? "ordinal mu - z sigma" : "mu"}};
  json players = json::array();
  for (size_t i = 0; i < r.size(); ++i) players.push_back({{"name", c.models[i]}, {"mu", r[i].mu}, {"sigma", r[i].sigma}});
  out.explanation["players"] = players;
  return out;
}

std::vector<ParamSpec> weng_lin_params(bool thurstone, bool part) {
  std::vector<ParamSpec> ps = {
      {"mu", ParamType::number, "25", "prior mean of every model (openskill 25)", {}},
      {"sigma", ParamType::number, "8.333333333333334", "prior standard deviation (openskill 25/3)", {}},
      {"beta", ParamType::number, "4.166666666666667", "performance noise (openskill 25/6)", {}},
      {"kappa", ParamType::number, "0.0001", "floor of the variance shrink factor (openskill 1e-4)", {}},
      {"tau", ParamType::number, "0.08333333333333333",
       "dynamics: sigma^2 += tau^2 before every match (openskill 25/300)", {}},
      {"limit_sigma", ParamType::boolean, "false", "never let a match raise sigma (openskill limit_sigma)", {}},
      {"balance", ParamType::boolean, "false", "weight team members by ordinal spread (openskill balance)", {}},
      {"score", ParamType::choice, "mu", "reported rating: mu, or ordinal = mu - z sigma (a conservative score)",
       {"mu", "ordinal"}},
      {"z", ParamType::number, "3", "interval mu +- z sigma, and the ordinal's z (openskill 3)", {}},
  };
  if (thurstone) ps.push_back({"epsilon", ParamType::number, "0.1", "draw margin (openskill 0.1)", {}});
  if (part)
    ps.push_back({"window_size", ParamType::integer, "4", "opponents at most this many places away (openskill 4)", {}});
  return ps;
}

RatingResult wl_pl(const Comparisons& c, const Params& p) {
  return weng_lin_comparisons(WengLinModel::plackett_luce, "weng_lin_plackett_luce", c, p);
}
RatingResult wl_btf(const Comparisons& c, const Params& p) {
  return weng_lin_comparisons(WengLinModel::bradley_terry_full, "weng_lin_bradley_terry_full", c, p);
}
RatingResult wl_btp(const Comparisons& c, const Params& p) {
  return weng_lin_comparisons(WengLinModel::bradley_terry_part, "weng_lin_bradley_terry_part", c, p);
}
RatingResult wl_tmf(const Comparisons& c, const Params& p) {
  return weng_lin_comparisons(WengLinModel::thurstone_mosteller_full, "weng_lin_thurstone_mosteller_full", c, p);
}
RatingResult wl_tmp(const Comparisons& c, const Params& p) {
  return weng_lin_comparisons(WengLinModel::thurstone_mosteller_part, "weng_lin_thurstone_mosteller_part", c, p);
}

const char* kWengLinCitation =
    "R. C. Weng, C.-J. Lin, A Bayesian approximation method for online ranking, JMLR 12:267-300, 2011; "
    "openskill.py 6.2.0";

}  // namespace

static const Registration wl_pl_registration{MethodInfo{
    .id = "weng_lin_plackett_luce",
    .aliases = {"PlackettLuce", "openskill_plackett_luce"},
    .family = "rate",
    .input = "rankings",
    .summary = "Weng-Lin online Bayesian update under Plackett-Luce (Algorithm 4; openskill's default model): "
               "mu and sigma per model, battles then K-wise rankings in file order",
    .citation = kWengLinCitation,
    .params = weng_lin_params(false, false),
    .rate = wl_pl,
}};
static const Registration wl_btf_registration{MethodInfo{
    .id = "weng_lin_bradley_terry_full",
    .aliases = {"BradleyTerryFull", "openskill_bradley_terry_full"},
    .family = "rate",
    .input = "rankings",
    .summary = "Weng-Lin online Bayesian update, Bradley-Terry against every opponent (Algorithm 1)",
    .citation = kWengLinCitation,
    .params = weng_lin_params(false, false),
    .rate = wl_btf,
}};
static const Registration wl_btp_registration{MethodInfo{
    .id = "weng_lin_bradley_terry_part",
    .aliases = {"BradleyTerryPart", "openskill_bradley_terry_part"},
    .family = "rate",
    .input = "rankings",
    .summary = "Weng-Lin online Bayesian update, Bradley-Terry against nearby places only, averaged (Algorithm 2; "
               "openskill window)",
    .citation = kWengLinCitation,
    .params = weng_lin_params(false, true),
    .rate = wl_btp,
}};
static const Registration wl_tmf_registration{MethodInfo{
    .id = "weng_lin_thurstone_mosteller_full",
    .aliases = {"ThurstoneMostellerFull", "openskill_thurstone_mosteller_full"},
    .family = "rate",
    .input = "rankings",
    .summary = "Weng-Lin online Bayesian update, Thurstone-Mosteller (Gaussian) against every opponent, draw margin "
               "epsilon (Algorithm 3)",
    .citation = kWengLinCitation,
    .params = weng_lin_params(true, false),
    .rate = wl_tmf,
}};
static const Registration wl_tmp_registration{MethodInfo{
    .id = "weng_lin_thurstone_mosteller_part",
    .aliases = {"ThurstoneMostellerPart", "openskill_thurstone_mosteller_part"},
    .family = "rate",
    .input = "rankings",
    .summary = "Weng-Lin online Bayesian update, Thurstone-Mosteller against nearby places only, averaged "
               "(openskill's partial variant, c doubled)",
    .citation = kWengLinCitation,
    .params = weng_lin_params(true, true),
    .rate = wl_tmp,
}};

}  // namespace prefero
