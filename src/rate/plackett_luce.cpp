// Plackett-Luce MLE by minorization-maximization: D. R. Hunter, MM algorithms for generalized
// Bradley-Terry models, Annals of Statistics 32(1):384-406, 2004 (section 5); the model of
// R. L. Plackett, Applied Statistics 24, 1975 and R. D. Luce, Individual Choice Behavior, 1959.
#include "rate/plackett_luce.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/error.hpp"
#include "rate/rating_table.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

void add_ranking(std::vector<PlStage>& stages, const std::vector<std::vector<int>>& tiers, double count,
                 const PlSettings& s, bool last_unranked, size_t num_models) {
  if (!(count >= 0) || !std::isfinite(count)) throw InputError("plackett_luce: counts must be finite and non-negative");
  if (count == 0) return;
  std::vector<int> remaining;
  for (const auto& t : tiers)
    for (int m : t) {
      if (m < 0 || static_cast<size_t>(m) >= num_models) throw InputError("plackett_luce: model index out of range");
      remaining.push_back(m);
    }
  std::vector<int> sorted = remaining;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
    throw InputError("plackett_luce: a model appears twice in one ranking");
  for (size_t t = 0; t < tiers.size(); ++t) {
    const bool last = t + 1 == tiers.size();
    if (last && last_unranked) break;
    const auto& tier = tiers[t];
    if (tier.empty()) continue;
    if (tier.size() == remaining.size() && tier.size() == 1) break;  // the last model left: probability 1
    PlStage st;
    st.remaining = remaining;
    const double w = s.ties == PlTies::split ? count / static_cast<double>(tier.size()) : count;
    for (int m : tier) st.chosen.emplace_back(m, w);
    stages.push_back(std::move(st));
    std::erase_if(remaining, [&](int m) { return std::find(tier.begin(), tier.end(), m) != tier.end(); });
  }
}

// Tarjan-free strong connectivity: every model reaches model 0 and is reached from it along
// "beats" edges (j -> i when i was chosen while j was still in play).
std::vector<int> not_strongly_connected(const std::vector<PlStage>& stages, size_t n) {
  std::vector<std::vector<int>> out(n), in(n);
  for (const PlStage& st : stages)
    for (const auto& [i, w] : st.chosen) {
      if (w <= 0) continue;
      for (int j : st.remaining)
        if (j != i) out[static_cast<size_t>(j)].push_back(i), in[static_cast<size_t>(i)].push_back(j);
    }
  auto reach = [&](const std::vector<std::vector<int>>& g) {
    std::vector<char> seen(n, 0);
    std::vector<int> todo{0};
    seen[0] = 1;
    while (!todo.empty()) {
      const int v = todo.back();
      todo.pop_back();
      for (int u : g[static_cast<size_t>(v)])
        if (!seen[static_cast<size_t>(u)]) seen[static_cast<size_t>(u)] = 1, todo.push_back(u);
    }
    return seen;
  };
  const auto a = reach(out), b = reach(in);
  std::vector<int> bad;
  for (size_t i = 0; i < n; ++i)
    if (!a[i] || !b[i]) bad.push_back(static_cast<int>(i));
  return bad;
}

}  // namespace

std::vector<PlStage> plackett_luce_stages(const Comparisons& c, const PlSettings& s) {
  std::vector<PlStage> stages;
  const size_t n = c.models.size();
  for (const PairRow& r : c.pairs) {
    if (r.a == r.b) continue;
    switch (r.outcome) {
      case Outcome::a_wins: add_ranking(stages, {{r.a}, {r.b}}, r.count, s, false, n); break;
      case Outcome::b_wins: add_ranking(stages, {{r.b}, {r.a}}, r.count, s, false, n); break;
      default: add_ranking(stages, {{r.a, r.b}}, r.count, s, false, n);
    }
  }
  for (const KwiseRow& k : c.rankings) add_ranking(stages, k.tiers, k.count, s, s.last_tier_unranked, n);
  return stages;
}

double plackett_luce_log_likelihood(const std::vector<PlStage>& stages, const std::vector<double>& theta,
                                    double prior) {
  double ll = 0;
  for (const PlStage& st : stages) {
    double denom = 0, total = 0;
    for (int m : st.remaining) denom += std::exp(theta[static_cast<size_t>(m)]);
    for (const auto& [m, w] : st.chosen) ll += w * theta[static_cast<size_t>(m)], total += w;
    ll -= total * std::log(denom);
  }
  if (prior > 0)  // virtual ties with a reference of strength 1, split: 1/2 choice each
    for (double t : theta) ll += prior * (0.5 * t - std::log(std::exp(t) + 1.0));
  return ll;
}

PlFit plackett_luce_mle(const Comparisons& c, const PlSettings& s) {
  const size_t n = c.models.size();
  const std::vector<PlStage> stages = plackett_luce_stages(c, s);
  if (s.prior == 0 && n > 1) {
    const std::vector<int> bad = not_strongly_connected(stages, n);
    if (!bad.empty()) {
      std::string names;
      for (size_t i = 0; i < bad.size() && i < 10; ++i) names += (i ? ", " : "") + c.models[static_cast<size_t>(bad[i])];
      if (bad.size() > 10) names += ", ...";
      throw InputError("plackett_luce: the maximum-likelihood ratings do not exist (infinite): the comparison graph is "
                       "not strongly connected (some models never lose to, or never beat, the others; e.g. " +
                       names + "); add a prior (prior=1) or more comparisons");
    }
  }
  std::vector<double> wins(n, 0.0), gamma(n, 1.0), denom(n), theta(n, 0.0);
  for (const PlStage& st : stages)
    for (const auto& [m, w] : st.chosen) wins[static_cast<size_t>(m)] += w;
  PlFit fit;
  while (!fit.converged && fit.iterations < s.limit) {
    ++fit.iterations;
    std::fill(denom.begin(), denom.end(), 0.0);
    for (const PlStage& st : stages) {
      double total = 0, g = 0;
      for (const auto& [m, w] : st.chosen) total += w;
      for (int m : st.remaining) g += gamma[static_cast<size_t>(m)];
      for (int m : st.remaining) denom[static_cast<size_t>(m)] += total / g;
    }
    double mean_log = 0;
    std::vector<double> next(n);
    for (size_t i = 0; i < n; ++i) {
      double num = wins[i], den = denom[i];
      if (s.prior > 0) num += s.prior * 0.5, den += s.prior / (gamma[i] + 1.0);
      next[i] = den > 0 && num > 0 ? std::log(num / den) : std::log(gamma[i]);
      mean_log += next[i];
    }
    mean_log /= static_cast<double>(std::max<size_t>(n, 1));
    double change = 0;
    for (size_t i = 0; i < n; ++i) {
      // With a prior the reference (strength 1) fixes the scale, so no re-centring inside.
      const double t = s.prior > 0 ? next[i] : next[i] - mean_log;
      change = std::max(change, std::fabs(t - theta[i]));
      theta[i] = t;
      gamma[i] = std::exp(t);
    }
    fit.converged = change < s.tolerance;
  }
  double mean = 0;
  for (double t : theta) mean += t;
  mean /= static_cast<double>(std::max<size_t>(n, 1));
  fit.log_likelihood = plackett_luce_log_likelihood(stages, theta, s.prior);
  for (double& t : theta) t -= mean;
  fit.log_strength = theta;
  return fit;
}

namespace {

RatingResult plackett_luce_rate(const Comparisons& c, const Params& p) {
  PlSettings s;
  s.ties = p.text("ties") == "breslow" ? PlTies::breslow : PlTies::split;
  s.last_tier_unranked = p.text("last_tier") == "unranked";
  s.prior = p.number("prior");
  s.tolerance = p.number("tolerance");
  const int64_t limit = p.integer("limit");
  if (!(s.prior >= 0) || !std::isfinite(s.prior)) throw InputError("plackett_luce: prior must be >= 0");
  if (!(s.tolerance > 0)) throw InputError("plackett_luce: tolerance must be positive");
  if (limit < 1 || limit > 10000000) throw InputError("plackett_luce: limit must be between 1 and 10^7");
  s.limit = static_cast<int>(limit);
  const double base = p.number("base"), scale = p.number("scale"), initial = p.number("initial");
  if (!(base > 0) || base == 1 || !std::isfinite(scale) || !std::isfinite(initial))
    throw InputError("plackett_luce: base must be positive and not 1; scale, initial finite");
  const PlFit fit = plackett_luce_mle(c, s);
  std::vector<double> rating(fit.log_strength.size());
  for (size_t i = 0; i < rating.size(); ++i) rating[i] = initial + scale * fit.log_strength[i] / std::log(base);
  RatingResult r = rating_table(c, rating);
  r.explanation = {{"iterations", fit.iterations},
                   {"converged", fit.converged},
                   {"log_likelihood", fit.log_likelihood},
                   {"ties", p.text("ties")},
                   {"last_tier", p.text("last_tier")}};
  return r;
}

}  // namespace

static const Registration plackett_luce_registration{MethodInfo{
    .id = "plackett_luce",
    .aliases = {"pl", "plackett_luce_mle"},
    .family = "rate",
    .input = "rankings",
    .summary = "Plackett-Luce maximum likelihood for K-wise and top-k rankings (battles as 2-item rankings) by "
               "Hunter's MM; ratings scale * log_base(strength) + initial, mean-centred",
    .citation = "R. L. Plackett, Applied Statistics 24, 1975; R. D. Luce, Individual Choice Behavior, 1959; "
                "D. R. Hunter, MM algorithms for generalized Bradley-Terry models, Ann. Statist. 32, 2004",
    .params = {{"ties", ParamType::choice, "split",
                "a tier of d tied models at its stage: split (each counts 1/d of one choice; a pairwise tie = half a "
                "win each, FastChat) or breslow (each counts a full choice; a pairwise tie = a win each)",
                {"split", "breslow"}},
               {"last_tier", ParamType::choice, "ranked",
                "ranked (the last tier is a tied group, as written) or unranked (top-k: the last tier lists the "
                "models shown but not ranked; they only lose)",
                {"ranked", "unranked"}},
               {"prior", ParamType::number, "0",
                "virtual tied comparisons of each model with a reference of strength 1 (0 = pure MLE; > 0 keeps "
                "ratings finite on disconnected data)", {}},
               {"base", ParamType::number, "10", "rating = initial + scale * log_base(strength)", {}},
               {"scale", ParamType::number, "400", "rating points per factor `base` in strength", {}},
               {"initial", ParamType::number, "1000", "mean rating", {}},
               {"tolerance", ParamType::number, "1e-10", "stop when no log-strength changes by more than this", {}},
               {"limit", ParamType::integer, "10000", "maximum MM iterations (the explanation says if it converged)",
                {}}},
    .rate = plackett_luce_rate,
}};

}  // namespace prefero
