#include "elect/common.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace prefero {

ParamSpec unranked_param() {
  return {"unranked", ParamType::choice, "incomparable",
          "what a truncated ballot says about candidates it leaves out: incomparable (nothing; "
          "pref_voting's default) or tied_last (below every ranked candidate; Condorcet PHP's implicit mode)",
          {"incomparable", "tied_last"}};
}

Unranked unranked_of(const Params& params) { return *parse_unranked(params.text("unranked")); }

const PairwiseMatrix& support_of(const Profile& p, const Params& params) { return p.support(unranked_of(params)); }

json ids_json(const Profile& p, const std::vector<Cand>& cands) {
  json a = json::array();
  for (Cand c : cands) a.push_back(p.id(c));
  return a;
}

json scores_json(const Profile& p, const CandidateSet& cands, const std::function<json(Cand)>& value) {
  json o = json::object();
  for (Cand c : cands) o[std::to_string(p.id(c))] = value(c);
  return o;
}

json margins_json(const Profile& p, const PairwiseMatrix& support, const CandidateSet& cands) {
  json rows = json::array();
  for (Cand a : cands) {
    json row = json::array();
    for (Cand b : cands) row.push_back(support.margin(a, b));
    rows.push_back(row);
  }
  return {{"candidates", ids_json(p, cands)}, {"margins", rows}};
}

std::vector<Cand> tie_break_order(const Profile& p, const Params& params) {
  std::vector<Cand> order;
  std::vector<char> listed(static_cast<size_t>(p.num_candidates()), 0);
  const std::string& spec = params.has("tie_break_order") ? params.text("tie_break_order") : std::string();
  size_t start = 0;
  while (start < spec.size()) {
    size_t end = spec.find(',', start);
    if (end == std::string::npos) end = spec.size();
    std::string key = spec.substr(start, end - start);
    key.erase(0, key.find_first_not_of(' '));
    key.erase(key.find_last_not_of(' ') + 1);
    start = end + 1;
    if (key.empty()) continue;
    auto c = p.candidates.find(key);
    if (!c) throw InputError("tie_break_order: no candidate with id or name '" + key + "'");
    if (listed[*c]) throw InputError("tie_break_order: candidate '" + key + "' listed twice");
    listed[*c] = 1;
    order.push_back(*c);
  }
  std::vector<Cand> rest;
  for (Cand c = 0; c < p.num_candidates(); ++c)
    if (!listed[c]) rest.push_back(c);
  std::sort(rest.begin(), rest.end(), [&p](Cand a, Cand b) { return p.id(a) < p.id(b); });
  order.insert(order.end(), rest.begin(), rest.end());
  return order;
}

CandidateSet without(const CandidateSet& cands, const std::vector<Cand>& drop) {
  CandidateSet out;
  for (Cand c : cands)
    if (std::find(drop.begin(), drop.end(), c) == drop.end()) out.push_back(c);
  return out;
}

}  // namespace prefero
