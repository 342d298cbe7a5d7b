#include "tools/prefero/json_out.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "elect/common.hpp"

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


void shift_to_anchor(const Comparisons& c, RatingResult& r, const std::string& anchor) {
  auto eq = anchor.rfind('=');
  if (eq == std::string::npos) throw InputError("--anchor '" + anchor + "': expected NAME=VALUE");
  std::string name = anchor.substr(0, eq);
  double value = 0;
  try {
    value = std::stod(anchor.substr(eq + 1));
  } catch (const std::exception&) {
    throw InputError("--anchor '" + anchor + "': VALUE must be a number");
  }
  const ModelRating* a = nullptr;
  for (const auto& x : r.ratings)
    if (c.models[static_cast<size_t>(x.model)] == name) a = &x;
  if (!a) throw InputError("--anchor: model '" + name + "' does not appear in the input");
  double shift = value - a->rating;
  for (auto& x : r.ratings) x.rating += shift, x.ci_low += shift, x.ci_high += shift;
  r.explanation["anchor"] = {{"model", name}, {"value", value}, {"applied_by", "cli (point and interval shifted)"}};
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

}  // namespace prefero
