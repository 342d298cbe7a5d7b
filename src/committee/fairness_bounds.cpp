#include "committee/fairness_bounds.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>

#include "core/error.hpp"

namespace prefero {

namespace {

std::string trim(std::string s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const auto pos = s.find(sep, start);
    out.push_back(s.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
    if (pos == std::string::npos) return out;
    start = pos + 1;
  }
}

int parse_count(const std::string& text, const std::string& term) {
  const std::string t = trim(text);
  if (t.empty() || t.size() > 9 || !std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
    throw InputError("bounds: '" + term + "': expected a non-negative integer, got '" + t + "'");
  return std::stoi(t);
}

// The committee-size row, x binary, and the rows of the bounds in `active` (indices into bounds).
solve::LinearModel bounds_model(const Groups& groups, const GroupBounds& bounds, const std::vector<size_t>& active,
                                int m, int k, std::vector<int>& x) {
  solve::LinearModel model;
  model.sense = solve::Sense::maximize;
  x.clear();
  std::vector<std::pair<int, double>> size_row;
  for (Cand c = 0; c < m; ++c) {
    x.push_back(model.add_variable(0.0, 1.0, 0.0, true));
    size_row.push_back({x.back(), 1.0});
  }
  model.add_equality(std::move(size_row), k);
  for (size_t i : active) {
    const auto& bd = bounds[i];
    std::vector<std::pair<int, double>> row;
    for (Cand c : groups.members[static_cast<size_t>(bd.group)]) row.push_back({x[static_cast<size_t>(c)], 1.0});
    model.add_constraint(std::move(row), bd.lower, bd.upper);
  }
  return model;
}

bool feasible(const Groups& groups, const GroupBounds& bounds, const std::vector<size_t>& active, int m, int k,
              const std::vector<Cand>& fixed = {}) {
  std::vector<int> x;
  auto model = bounds_model(groups, bounds, active, m, k, x);
  for (Cand c : fixed) model.variables[static_cast<size_t>(x[static_cast<size_t>(c)])].lower = 1.0;
  const auto sol = solve::solve(model);
  return sol.status == solve::SolveStatus::optimal;
}

std::vector<size_t> all_indices(const GroupBounds& bounds) {
  std::vector<size_t> v(bounds.size());
  for (size_t i = 0; i < v.size(); ++i) v[i] = i;
  return v;
}

std::vector<Cand> committee_of(const solve::Solution& sol, const std::vector<int>& x) {
  std::vector<Cand> w;
  for (size_t c = 0; c < x.size(); ++c)
    if (sol.values[static_cast<size_t>(x[c])] > 0.5) w.push_back(static_cast<Cand>(c));
  return w;
}

// Number of k-subsets of m, saturating at `cap` + 1.
long binomial_capped(int m, int k, long cap) {
  if (k < 0 || k > m) return 0;
  k = std::min(k, m - k);
  long double r = 1;
  for (int i = 1; i <= k; ++i) {
    r = r * (m - k + i) / i;
    if (r > static_cast<long double>(cap)) return cap + 1;
  }
  return static_cast<long>(std::llround(r));
}

void sort_committees(std::vector<std::vector<Cand>>& list) {
  for (auto& w : list) std::sort(w.begin(), w.end());
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
}

CommitteeResult brute_force(const CommitteeObjective& objective, int k, const Groups& groups,
                            const GroupBounds& bounds, const OptimizeOptions& options) {
  const int m = objective.num_candidates;
  CommitteeResult r;
  std::optional<Rational> best;
  std::vector<Cand> w(static_cast<size_t>(k));
  for (int i = 0; i < k; ++i) w[static_cast<size_t>(i)] = i;
  bool cap_reached = false;
  while (true) {
    if (satisfies_bounds(w, groups, bounds)) {
      const Rational s = objective.evaluate(w);
      if (!best || s > *best) {
        best = s;
        r.committees.clear();
        cap_reached = false;
      }
      if (s == *best) {
        if (options.all || r.committees.empty()) {
          if (static_cast<int>(r.committees.size()) < options.max_committees) r.committees.push_back(w);
          else cap_reached = true;
        }
      }
    }
    int i = k - 1;
    while (i >= 0 && w[static_cast<size_t>(i)] == m - k + i) --i;
    if (i < 0) break;
    ++w[static_cast<size_t>(i)];
    for (int j = i + 1; j < k; ++j) w[static_cast<size_t>(j)] = w[static_cast<size_t>(j - 1)] + 1;
  }
  sort_committees(r.committees);
  r.explanation["algorithm"] = "brute_force";
  if (best) r.explanation["score"] = to_string(*best);
  if (cap_reached) r.explanation["cap_reached"] = true;
  return r;
}

CommitteeResult ilp(const CommitteeObjective& objective, int k, const Groups& groups, const GroupBounds& bounds,
                    const OptimizeOptions& options) {
  if (!objective.linearize) throw InputError(objective.name + ": no ILP formulation; use algorithm=brute_force");
  const int m = objective.num_candidates;
  std::vector<int> x;
  auto model = bounds_model(groups, bounds, all_indices(bounds), m, k, x);
  objective.linearize(model, x);
  solve::SolveOptions so;
  so.time_limit_seconds = options.time_limit_seconds;
  CommitteeResult r;
  r.explanation["algorithm"] = "ilp";
  auto sol = solve::solve(model, so);
  if (!sol.has_solution()) {
    if (sol.status == solve::SolveStatus::infeasible) throw InputError("no committee satisfies the bounds");
    throw std::runtime_error(objective.name + ": the solver found no committee (" + solve::to_string(sol.status) + ")");
  }
  auto first = committee_of(sol, x);
  r.committees.push_back(first);
  Rational best = objective.evaluate(first);
  if (!sol.proven_optimal) {
    r.proven = false;
    r.explanation["solver_status"] = solve::to_string(sol.status);
    r.explanation["score"] = to_string(best);
    return r;
  }
  if (options.all) {
    // Every committee whose (integer) objective reaches the optimum: objective >= opt - 1/2, and
    // a no-good cut after each committee found.
    const double opt = std::round(sol.objective);
    std::vector<std::pair<int, double>> objective_row;
    for (int v = 0; v < model.num_variables(); ++v)
      if (model.variables[static_cast<size_t>(v)].objective != 0.0)
        objective_row.push_back({v, model.variables[static_cast<size_t>(v)].objective});
    model.add_constraint(std::move(objective_row), opt - 0.5, solve::kInfinity);
    auto cut = [&](const std::vector<Cand>& w) {
      std::vector<std::pair<int, double>> row;
      for (Cand c : w) row.push_back({x[static_cast<size_t>(c)], 1.0});
      model.add_constraint(std::move(row), -solve::kInfinity, k - 1);
    };
    cut(first);
    while (true) {
      if (static_cast<int>(r.committees.size()) >= options.max_committees) {
        r.explanation["cap_reached"] = true;
        break;
      }
      sol = solve::solve(model, so);
      if (sol.status == solve::SolveStatus::infeasible) break;
      if (!sol.proven_optimal && !sol.has_solution()) {
        r.proven = false;
        r.explanation["solver_status"] = solve::to_string(sol.status);
        break;
      }
      auto w = committee_of(sol, x);
      if (objective.evaluate(w) != best) break;  // numerical guard: never report a worse committee
      r.committees.push_back(w);
      cut(w);
    }
  }
  sort_committees(r.committees);
  r.explanation["score"] = to_string(best);
  return r;
}

// Separable objective without bounds: the top-k scores, every way of filling the tied places.
CommitteeResult top_k(const CommitteeObjective& objective, int k, const OptimizeOptions& options) {
  const int m = objective.num_candidates;
  const auto& s = objective.separable;
  std::vector<Cand> order(static_cast<size_t>(m));
  for (Cand c = 0; c < m; ++c) order[static_cast<size_t>(c)] = c;
  std::stable_sort(order.begin(), order.end(), [&](Cand a, Cand b) { return s[static_cast<size_t>(a)] > s[static_cast<size_t>(b)]; });
  const Rational threshold = s[static_cast<size_t>(order[static_cast<size_t>(k - 1)])];
  std::vector<Cand> sure, tied;
  for (Cand c : order) {
    if (s[static_cast<size_t>(c)] > threshold) sure.push_back(c);
    else if (s[static_cast<size_t>(c)] == threshold) tied.push_back(c);
  }
  std::sort(tied.begin(), tied.end());
  const int need = k - static_cast<int>(sure.size());
  const int t = static_cast<int>(tied.size());
  CommitteeResult r;
  std::vector<int> pick(static_cast<size_t>(need));
  for (int i = 0; i < need; ++i) pick[static_cast<size_t>(i)] = i;
  bool cap_reached = false;
  while (true) {
    if (static_cast<int>(r.committees.size()) >= options.max_committees) {
      cap_reached = true;
      break;
    }
    auto w = sure;
    for (int i : pick) w.push_back(tied[static_cast<size_t>(i)]);
    r.committees.push_back(w);
    if (!options.all) break;
    int i = need - 1;
    while (i >= 0 && pick[static_cast<size_t>(i)] == t - need + i) --i;
    if (i < 0) break;
    ++pick[static_cast<size_t>(i)];
    for (int j = i + 1; j < need; ++j) pick[static_cast<size_t>(j)] = pick[static_cast<size_t>(j - 1)] + 1;
  }
  sort_committees(r.committees);
  r.explanation["algorithm"] = "top_k";
  r.explanation["score"] = to_string(objective.evaluate(r.committees.front()));
  if (cap_reached) r.explanation["cap_reached"] = true;
  return r;
}

}  // namespace

std::optional<int> Groups::find(const std::string& name) const {
  for (size_t g = 0; g < names.size(); ++g)
    if (names[g] == name) return static_cast<int>(g);
  return std::nullopt;
}

Groups read_groups(std::istream& in, const std::string& file_name, const Candidates& candidates) {
  Groups groups;
  std::vector<std::set<Cand>> members;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    const auto fields = split(t, ',');
    if (fields.size() < 2)
      throw InputError(SourceLocation{file_name, line_no, 1}, "expected 'candidate,group[,group...]'");
    const std::string cand = trim(fields[0]);
    const auto c = candidates.find(cand);
    if (!c) throw InputError(SourceLocation{file_name, line_no, 1}, "unknown candidate '" + cand + "'");
    for (size_t i = 1; i < fields.size(); ++i) {
      const std::string g = trim(fields[i]);
      if (g.empty()) throw InputError(SourceLocation{file_name, line_no, 1}, "empty group name");
      auto idx = groups.find(g);
      if (!idx) {
        groups.names.push_back(g);
        members.emplace_back();
        idx = static_cast<int>(groups.names.size()) - 1;
      }
      members[static_cast<size_t>(*idx)].insert(*c);
    }
  }
  for (const auto& s : members) groups.members.emplace_back(s.begin(), s.end());
  return groups;
}

Groups read_groups_file(const std::string& path, const Candidates& candidates) {
  std::ifstream in(path);
  if (!in) throw InputError("cannot open groups file '" + path + "'");
  return read_groups(in, path, candidates);
}

GroupBounds parse_bounds(const std::string& spec, const Groups& groups, int k) {
  GroupBounds out;
  auto bound_for = [&](const std::string& name, const std::string& term) -> GroupBound& {
    const auto g = groups.find(trim(name));
    if (!g) {
      std::string known;
      for (const auto& n : groups.names) known += (known.empty() ? "" : ", ") + n;
      throw InputError("bounds: '" + term + "': unknown group '" + trim(name) + "' (groups: " + known + ")");
    }
    for (auto& b : out)
      if (b.group == *g) return b;
    out.push_back({*g, 0, k});
    return out.back();
  };
  for (const auto& raw : split(spec, ',')) {
    const std::string term = trim(raw);
    if (term.empty()) continue;
    const auto le = term.find("<=");
    const auto ge = term.find(">=");
    if (le != std::string::npos && term.find("<=", le + 2) != std::string::npos) {  // L<=G<=U
      const auto le2 = term.find("<=", le + 2);
      auto& b = bound_for(term.substr(le + 2, le2 - le - 2), term);
      b.lower = std::max(b.lower, parse_count(term.substr(0, le), term));
      b.upper = std::min(b.upper, parse_count(term.substr(le2 + 2), term));
    } else if (ge != std::string::npos) {
      auto& b = bound_for(term.substr(0, ge), term);
      b.lower = std::max(b.lower, parse_count(term.substr(ge + 2), term));
    } else if (le != std::string::npos) {
      auto& b = bound_for(term.substr(0, le), term);
      b.upper = std::min(b.upper, parse_count(term.substr(le + 2), term));
    } else if (const auto eq = term.find('='); eq != std::string::npos) {
      auto& b = bound_for(term.substr(0, eq), term);
      const int n = parse_count(term.substr(eq + 1), term);
      b.lower = std::max(b.lower, n);
      b.upper = std::min(b.upper, n);
    } else {
      throw InputError("bounds: '" + term + "': expected GROUP>=L, GROUP<=U, GROUP=N or L<=GROUP<=U");
    }
  }
  return out;
}

bool satisfies_bounds(const std::vector<Cand>& w, const Groups& groups, const GroupBounds& bounds) {
  for (const auto& b : bounds) {
    const auto& mem = groups.members[static_cast<size_t>(b.group)];
    int n = 0;
    for (Cand c : w) n += std::binary_search(mem.begin(), mem.end(), c);
    if (n < b.lower || n > b.upper) return false;
  }
  return true;
}

void check_bounds_feasible(const Groups& groups, const GroupBounds& bounds, int m, int k) {
  if (k < 1 || k > m) throw InputError("committee size " + std::to_string(k) + " is not between 1 and " + std::to_string(m));
  for (const auto& b : bounds) {
    const auto& name = groups.names[static_cast<size_t>(b.group)];
    if (b.lower > b.upper)
      throw InputError("bounds: group '" + name + "' has lower bound " + std::to_string(b.lower) + " above its upper bound " +
                       std::to_string(b.upper));
    const int size = static_cast<int>(groups.members[static_cast<size_t>(b.group)].size());
    if (b.lower > size)
      throw InputError("bounds: group '" + name + "' needs at least " + std::to_string(b.lower) + " members but has only " +
                       std::to_string(size) + " candidates");
  }
  auto active = all_indices(bounds);
  if (feasible(groups, bounds, active, m, k)) return;
  // Deletion filter: drop every bound whose removal leaves the rest infeasible.
  for (size_t i = 0; i < active.size();) {
    auto without = active;
    without.erase(without.begin() + static_cast<long>(i));
    if (!feasible(groups, bounds, without, m, k)) active = std::move(without);
    else ++i;
  }
  std::string names;
  for (size_t i : active) {
    const auto& b = bounds[i];
    names += (names.empty() ? "" : ", ") + groups.names[static_cast<size_t>(b.group)] + " [" + std::to_string(b.lower) +
             "," + std::to_string(b.upper) + "]";
  }
  throw InputError("bounds are infeasible for a committee of " + std::to_string(k) + " (of " + std::to_string(m) +
                   " candidates); conflicting groups: " + names);
}

CommitteeResult optimal_committees(const CommitteeObjective& objective, int k, const Groups& groups,
                                   const GroupBounds& bounds, const OptimizeOptions& options) {
  const int m = objective.num_candidates;
  check_bounds_feasible(groups, bounds, m, k);
  std::string algorithm = options.algorithm;
  if (algorithm == "auto") {
    if (!objective.separable.empty() && bounds.empty()) algorithm = "top_k";
    else {
      const long limit = objective.costly_evaluation ? options.brute_force_limit / 100 : options.brute_force_limit;
      algorithm = binomial_capped(m, k, limit) <= limit ? "brute_force" : "ilp";
    }
  }
  if (algorithm == "top_k" && !objective.separable.empty() && bounds.empty()) return top_k(objective, k, options);
  if (algorithm == "brute_force") return brute_force(objective, k, groups, bounds, options);
  return ilp(objective, k, groups, bounds, options);
}

GreedyOutcome greedy_committee(const CommitteeObjective& objective, int k, const Groups& groups,
                               const GroupBounds& bounds) {
  const int m = objective.num_candidates;
  check_bounds_feasible(groups, bounds, m, k);
  const auto active = all_indices(bounds);
  GreedyOutcome out;
  std::vector<char> in(static_cast<size_t>(m), 0);
  for (int step = 0; step < k; ++step) {
    std::optional<Rational> best;
    Cand pick = -1;
    for (Cand c = 0; c < m; ++c) {
      if (in[static_cast<size_t>(c)]) continue;
      auto w = out.committee;
      w.push_back(c);
      std::sort(w.begin(), w.end());
      const Rational s = objective.evaluate(w);
      if (best && s <= *best) continue;
      if (!bounds.empty() && !feasible(groups, bounds, active, m, k, w)) continue;
      best = s;
      pick = c;
    }
    out.committee.push_back(pick);
    std::sort(out.committee.begin(), out.committee.end());
    in[static_cast<size_t>(pick)] = 1;
  }
  out.score = objective.evaluate(out.committee);
  return out;
}

json bounds_json(const Groups& groups, const GroupBounds& bounds, const Candidates& candidates) {
  json arr = json::array();
  for (const auto& b : bounds) {
    json members = json::array();
    for (Cand c : groups.members[static_cast<size_t>(b.group)]) members.push_back(candidates.ids[static_cast<size_t>(c)]);
    arr.push_back({{"group", groups.names[static_cast<size_t>(b.group)]}, {"lower", b.lower}, {"upper", b.upper},
                   {"members", members}});
  }
  return arr;
}

}  // namespace prefero
