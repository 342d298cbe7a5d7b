#include "tools/prefero/json_out.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "agree/agreement.hpp"
#include "core/error.hpp"
#include "elect/common.hpp"
#include "rate/matchmaking.hpp"
#include "rate/weng_lin.hpp"

namespace prefero {

json method_json(const MethodInfo& m) {
  json params = json::array();
  for (const auto& p : m.params) {
    json pj = {{"name", p.name}, {"type", to_string(p.type)}, {"default", p.default_value}, {"doc", p.doc}};
    if (!p.choices.empty()) pj["choices"] = p.choices;
    params.push_back(pj);
  }
  return {{"id", m.id},           {"aliases", m.aliases},   {"family", m.family},
          {"input", m.input},     {"summary", m.summary},   {"citation", m.citation},
          {"resolute", m.resolute}, {"probabilistic", m.probabilistic}, {"params", params}};
}

json profile_json(const Profile& p) {
  ProfileStats s = stats_of(p);
  json cands = json::array();
  for (Cand c = 0; c < p.num_candidates(); ++c) cands.push_back({{"id", p.id(c)}, {"name", p.name(c)}});
  CandidateSet all = all_candidates(p.num_candidates());
  json out = {{"kind", to_string(p.kind)},
              {"voters", s.voters},
              {"unique_ballots", s.unique_ballots},
              {"candidates", cands},
              {"voters_truncated", s.voters_truncated},
              {"voters_with_ties", s.voters_with_ties},
              {"voters_empty", s.voters_empty}};
  for (Unranked u : {Unranked::incomparable, Unranked::tied_last}) {
    const PairwiseMatrix& sup = p.support(u);
    json cw = nullptr;
    for (Cand a = 0; a < p.num_candidates(); ++a) {
      bool beats_all = true;
      for (Cand b = 0; b < p.num_candidates() && beats_all; ++b) beats_all = a == b || sup.beats(a, b);
      if (beats_all) cw = p.id(a);
    }
    json support = json::array();
    for (Cand a = 0; a < p.num_candidates(); ++a) {
      json row = json::array();
      for (Cand b = 0; b < p.num_candidates(); ++b) row.push_back(sup(a, b));
      support.push_back(row);
    }
    out[std::string("unranked_") + std::string(to_string(u))] = {{"condorcet_winner", cw}, {"support", support}};
  }
  return out;
}

json elect_json(const Profile& p, const ElectOutcome& o) {
  std::vector<Cand> winners = o.result.winners;
  std::sort(winners.begin(), winners.end(), [&p](Cand a, Cand b) { return p.id(a) < p.id(b); });
  json names = json::array();
  for (Cand c : winners) names.push_back(p.name(c));
  json out = {{"rule", o.method->id}, {"params", o.params.values()}, {"winners", ids_json(p, winners)},
              {"names", names}};
  if (!o.result.lottery.empty()) {
    json lottery = json::object();
    for (const auto& [c, prob] : o.result.lottery) lottery[std::to_string(p.id(c))] = prob.get_d();
    out["lottery"] = lottery;
    json exact = json::object();
    for (const auto& [c, prob] : o.result.lottery) exact[std::to_string(p.id(c))] = to_string(prob);
    out["lottery_exact"] = exact;
  }
  out["explanation"] = o.result.explanation;
  return out;
}

const MethodInfo& consensus_method(const std::string& name) {
  for (const std::string& n : {name, name + "_ranking"})
    if (const MethodInfo* m = find_method(n); m != nullptr && m->family == "consensus") return *m;
  std::string ids;
  for (const auto& m : methods())
    if (m.family == "consensus") ids += (ids.empty() ? "" : ", ") + m.id;
  throw InputError("unknown consensus method '" + name + "'; one of: " + ids);
}

namespace {
json ranking_json(const Profile& p, const Ranking& r) {
  json a = json::array();
  for (const auto& tier : r) {
    json t = json::array();
    for (Cand c : tier) t.push_back(p.id(c));
    a.push_back(t);
  }
  return a;
}
}  // namespace

json consensus_json(const Profile& p, const MethodInfo& m, const ConsensusResult& r, const Params& params,
                    bool with_all) {
  json j = {{"method", m.id},
            {"ranking", ranking_json(p, r.ranking)},
            {"cost", r.cost},
            {"proven_optimal", r.proven_optimal},
            {"lower_bound", r.lower_bound}};
  if (with_all) {
    json a = json::array();
    for (const auto& o : r.all_optimal) a.push_back(ranking_json(p, o));
    j["all_optimal"] = a;
  }
  json prm = json::object();
  for (const auto& [k, v] : params.values()) prm[k] = v;
  j["params"] = prm;
  j["explanation"] = r.explanation;
  return j;
}

namespace {
std::string class_name(const VoteTensor& t, int c) {
  return c < static_cast<int>(t.class_names.size()) ? t.class_names[static_cast<size_t>(c)] : std::to_string(c);
}

}  // namespace

json ensemble_json(const MethodInfo& m, const Params& params, const VoteTensor& t, const EnsembleResult& r) {
  json j;
  j["method"] = m.id;
  j["params"] = params.values();
  json samples = json::array();
  for (size_t s = 0; s < r.samples.size(); ++s) {
    const SampleDecision& d = r.samples[s];
    json one{{"id", t.ids[s]}, {"prediction", class_name(t, d.prediction)}};
    if (d.certificate >= 0) one["certificate"] = d.certificate;
    if (!t.labels.empty() && t.labels[s] >= 0) one["label"] = class_name(t, t.labels[s]);
    one["details"] = d.details;
    samples.push_back(one);
  }
  j["samples"] = samples;
  j["explanation"] = r.explanation;
  return j;
}


json rating_json(const MethodInfo& m, const Params& params, const Comparisons& c, const RatingResult& r) {
  auto num = [](double v) { return std::isfinite(v) ? json(v) : json(nullptr); };
  json out;
  out["model"] = m.id;
  json pj = json::object();
  for (const auto& [k, v] : params.values()) pj[k] = v;
  out["params"] = pj;
  json ratings = json::array();
  for (const auto& x : r.ratings)
    ratings.push_back({{"name", c.models[static_cast<size_t>(x.model)]},
                       {"rating", num(x.rating)},
                       {"ci_low", num(x.ci_low)},
                       {"ci_high", num(x.ci_high)},
                       {"rank_ub", x.rank_ub},
                       {"votes", x.votes}});
  out["ratings"] = ratings;
  out["explanation"] = r.explanation;
  return out;
}

// ---- agree -------------------------------------------------------------------------------------

namespace {

int worker_index(const LabelData& d, const std::string& name) {
  for (size_t w = 0; w < d.workers.size(); ++w)
    if (d.workers[w] == name) return static_cast<int>(w);
  throw InputError("rater '" + name + "' does not appear in the file");
}

// The two raters compared by pairwise metrics: --raters A,B, or the only two in the file.
std::pair<int, int> two_raters(const LabelData& d, const std::string& raters) {
  if (raters.empty()) {
    if (d.workers.size() != 2)
      throw InputError("the file has " + std::to_string(d.workers.size()) + " raters; name two with --raters A,B");
    return {0, 1};
  }
  auto comma = raters.find(',');
  if (comma == std::string::npos) throw InputError("--raters '" + raters + "': expected two names, A,B");
  return {worker_index(d, raters.substr(0, comma)), worker_index(d, raters.substr(comma + 1))};
}

}  // namespace

json agree_json(const LabelData& d, const std::string& metric, const std::string& level, const std::string& raters,
                const std::string& judge) {
  static const std::vector<std::string> metrics = {"all",         "krippendorff_alpha", "fleiss_kappa",   "cohen_kappa",
                                                   "kendall_tau", "spearman",           "judge_agreement"};
  if (std::find(metrics.begin(), metrics.end(), metric) == metrics.end())
    throw InputError("metric '" + metric +
                     "': expected all, krippendorff_alpha, fleiss_kappa, cohen_kappa, kendall_tau, spearman or "
                     "judge_agreement");
  if (level != "nominal" && level != "ordinal" && level != "interval")
    throw InputError("level '" + level + "': expected nominal, ordinal or interval");
  json out = json::object();
  const bool all = metric == "all";
  Level lv = level == "ordinal" ? Level::ordinal : level == "interval" ? Level::interval : Level::nominal;
  auto matrix = rating_matrix(d, lv != Level::nominal);
  if (all || metric == "krippendorff_alpha") out["krippendorff_alpha"] = {{"level", level}, {"value", krippendorff_alpha(matrix, lv)}};
  if (all || metric == "fleiss_kappa") {
    std::vector<std::vector<int>> counts(d.tasks.size(), std::vector<int>(d.labels.size(), 0));
    for (const Judgment& j : d.judgments) ++counts[static_cast<size_t>(j.task)][static_cast<size_t>(j.label)];
    try {
      out["fleiss_kappa"] = fleiss_kappa(counts);
    } catch (const InputError& e) {
      if (!all) throw;
      out["fleiss_kappa"] = {{"skipped", e.what()}};
    }
  }
  const bool pairwise = metric == "cohen_kappa" || metric == "kendall_tau" || metric == "spearman";
  if (pairwise || (all && (d.workers.size() == 2 || !raters.empty()))) {
    auto [a, b] = two_raters(d, raters);
    std::vector<int> la(d.tasks.size(), -1), lb(d.tasks.size(), -1);
    for (const Judgment& j : d.judgments) {
      if (j.worker == a) la[static_cast<size_t>(j.task)] = j.label;
      if (j.worker == b) lb[static_cast<size_t>(j.task)] = j.label;
    }
    if (all || metric == "cohen_kappa") out["cohen_kappa"] = cohen_kappa(la, lb);
    if (metric == "kendall_tau" || metric == "spearman") {
      auto numeric = rating_matrix(d, true);
      std::vector<double> x, y;
      for (const auto& row : numeric)
        if (!std::isnan(row[static_cast<size_t>(a)]) && !std::isnan(row[static_cast<size_t>(b)])) {
          x.push_back(row[static_cast<size_t>(a)]);
          y.push_back(row[static_cast<size_t>(b)]);
        }
      out[metric] = metric == "kendall_tau" ? kendall_tau_b(x, y) : spearman_rho(x, y);
    }
  }
  if (metric == "judge_agreement" || (all && !judge.empty())) {
    if (judge.empty()) throw InputError("judge_agreement needs --judge NAME (the rater compared with the others' majority)");
    JudgeAgreement r = judge_agreement(d, judge);
    out["judge_agreement"] = {{"judge", judge}, {"tasks", r.tasks}, {"agreement", r.agreement}, {"cohen_kappa", r.kappa}};
  }
  out["tasks"] = d.tasks.size();
  out["raters"] = d.workers.size();
  return out;
}

// ---- match -------------------------------------------------------------------------------------

namespace {

// Pair counts and current skills (Weng-Lin Plackett-Luce mu / beta, as K-Sort Arena's TrueSkill).
MatchState state_of(const Comparisons& c) {
  MatchState s;
  s.num_models = c.models.size();
  s.pair_counts.assign(s.num_models * s.num_models, 0.0);
  for (const PairRow& p : c.pairs) record_match(s, {p.a, p.b});
  for (const KwiseRow& r : c.rankings) {
    std::vector<int> shown;
    for (const auto& t : r.tiers) shown.insert(shown.end(), t.begin(), t.end());
    record_match(s, shown);
  }
  const MethodInfo& wl = require_method("weng_lin_plackett_luce");
  const RatingResult r = wl.rate(c, resolve_params(wl.id, wl.params, {}));
  s.skill.assign(s.num_models, 0.0);
  for (const auto& p : r.ratings) s.skill[static_cast<size_t>(p.model)] = p.rating / WengLinSettings{}.beta;
  return s;
}

}  // namespace

json match_json(const Comparisons& c, const std::string& policy, int k, uint64_t seed, double alpha,
                const std::string& weights) {
  MatchState s = state_of(c);
  s.alpha = alpha;
  if (!weights.empty()) {
    s.weights.assign(s.num_models, 1.0);
    std::stringstream ss(weights);
    for (std::string item; std::getline(ss, item, ',');) {
      const auto eq = item.rfind('=');
      if (eq == std::string::npos) throw InputError("--weights: expected NAME=WEIGHT, got '" + item + "'");
      const std::string name = item.substr(0, eq);
      double w = 0;
      try {
        w = std::stod(item.substr(eq + 1));
      } catch (const std::exception&) {
        throw InputError("--weights: '" + item.substr(eq + 1) + "' is not a number");
      }
      if (!(w >= 0)) throw InputError("--weights: weights must be non-negative");
      const auto it = std::find(c.models.begin(), c.models.end(), name);
      if (it == c.models.end()) throw InputError("--weights: no model named '" + name + "' in the log");
      s.weights[static_cast<size_t>(it - c.models.begin())] = w;
    }
  }
  SeededRng rng(seed, 0);
  const auto pick = propose_match(match_policy_from(policy), s, k, rng);
  json names = json::array();
  for (int m : pick) names.push_back(c.models[static_cast<size_t>(m)]);
  return json{{"policy", policy}, {"k", k}, {"models", names}};
}

// ---- simulate ----------------------------------------------------------------------------------

json simulate_json(const SimulationSettings& s, const std::string& policies) {
  std::vector<std::string> list;
  std::stringstream ss(policies);
  for (std::string p; std::getline(ss, p, ',');)
    if (!p.empty()) list.push_back(p);
  const auto res = simulate_convergence(s, list);
  json out = {{"models", s.models},       {"k", s.k},         {"estimator", s.estimator},   {"runs", s.runs},
              {"max_votes", s.max_votes}, {"tau", s.tau_target}, {"confidence", s.confidence}, {"seed", s.seed},
              {"policies", json::array()}};
  for (const auto& r : res)
    out["policies"].push_back({{"policy", r.policy},
                               {"votes_to_tau", r.votes_tau < 0 ? json(nullptr) : json(r.votes_tau)},
                               {"votes_to_top1", r.votes_top1 < 0 ? json(nullptr) : json(r.votes_top1)},
                               {"final_mean_tau", r.final_mean_tau}});
  return out;
}

}  // namespace prefero
