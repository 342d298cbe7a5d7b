#include "registry/registry.hpp"

#include <algorithm>
#include <cstdint>

#include "core/error.hpp"
#include "elect/common.hpp"

namespace prefero {

namespace {
std::vector<MethodInfo>& table() {
  static std::vector<MethodInfo> t;
  return t;
}
bool sorted = false;
}  // namespace

std::vector<ParamSpec> common_elect_params() {
  return {
      {"tie_break", ParamType::choice, "none",
       "how to pick one winner from a tie: none (report every tied winner), fixed (first in "
       "tie_break_order), random (seeded draw)",
       {"none", "fixed", "random"}},
      {"tie_break_order", ParamType::candidate_list, "",
       "candidate ids or names, comma-separated, most favoured first; default: ascending id", {}},
      {"seed", ParamType::integer, "0", "seed of the random tie-break (same seed, same winner)", {}},
  };
}

Registration::Registration(MethodInfo info) {
  if (info.family == "elect") {
    for (auto& p : common_elect_params()) info.params.push_back(std::move(p));
  }
  table().push_back(std::move(info));
  sorted = false;
}

const std::vector<MethodInfo>& methods() {
  if (!sorted) {
    std::sort(table().begin(), table().end(), [](const MethodInfo& a, const MethodInfo& b) { return a.id < b.id; });
    sorted = true;
  }
  return table();
}

const MethodInfo* find_method(std::string_view name) {
  for (const auto& m : methods()) {
    if (m.id == name) return &m;
    for (const auto& a : m.aliases)
      if (a == name) return &m;
  }
  return nullptr;
}

const MethodInfo& require_method(std::string_view name) {
  if (const MethodInfo* m = find_method(name)) return *m;
  std::string close;
  for (const auto& m : methods()) {
    bool shares_prefix = name.size() >= 3 && m.id.compare(0, 3, name.substr(0, 3)) == 0;
    bool contains = !name.empty() && m.id.find(name) != std::string::npos;
    if (shares_prefix || contains) close += (close.empty() ? "" : ", ") + m.id;
  }
  throw InputError("unknown method '" + std::string(name) + "'" +
                   (close.empty() ? "" : "; did you mean: " + close + "?") + " (see `prefero methods`)");
}

namespace {

// splitmix64: a fixed, portable generator so a seed gives the same draw everywhere.
uint64_t splitmix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

void apply_tie_break(const Profile& profile, const Params& params, ElectionResult& r) {
  const std::string& how = params.text("tie_break");
  if (how == "none" || r.winners.size() <= 1) return;
  json note = {{"method", how}, {"tied", ids_json(profile, r.winners)}};
  Cand chosen = r.winners.front();
  if (how == "fixed") {
    for (Cand c : tie_break_order(profile, params))
      if (std::find(r.winners.begin(), r.winners.end(), c) != r.winners.end()) {
        chosen = c;
        break;
      }
  } else {  // random
    uint64_t seed = static_cast<uint64_t>(params.integer("seed"));
    chosen = r.winners[splitmix64(seed) % r.winners.size()];
    note["seed"] = params.integer("seed");
  }
  r.winners = {chosen};
  r.explanation["tie_break"] = note;
}

}  // namespace

ElectOutcome run_elect(const MethodInfo& method, const Profile& profile,
                       const std::map<std::string, std::string>& given) {
  if (!method.elect) throw InputError("'" + method.id + "' is not a single-winner rule (family " + method.family + ")");
  ElectOutcome out;
  out.method = &method;
  out.params = resolve_params(method.id, method.params, given);
  if (profile.num_candidates() == 0) throw InputError("the profile has no candidates");
  tie_break_order(profile, out.params);  // validate the order even when unused
  out.result = method.elect(profile, all_candidates(profile.num_candidates()), out.params);
  std::sort(out.result.winners.begin(), out.result.winners.end());
  apply_tie_break(profile, out.params, out.result);
  return out;
}

}  // namespace prefero
