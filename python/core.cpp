// prefero._core: the registry from Python (pybind11). Inputs are built here from flat Python
// containers (the pure-Python package in python/prefero normalises lists, numpy arrays and pandas
// DataFrames into them) or read with the engine's own readers; every result is the JSON the CLI
// prints (same field names), converted to Python objects in one place (to_python). The GIL is
// released while the engine reads and computes. InputError becomes prefero.InputError (a
// ValueError) with the CLI's message; any other failure is a RuntimeError.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "committee/bounded_committee.hpp"
#include "committee/fairness_bounds.hpp"
#include "committee/run_committee.hpp"
#include "consensus/benchmark/benchmark.hpp"
#include "consensus/consensus.hpp"
#include "core/error.hpp"
#include "crowd/infer.hpp"
#include "ensemble/ensemble.hpp"
#include "io/abc_yaml.hpp"
#include "io/ensemble_jsonl.hpp"
#include "io/labels_read.hpp"
#include "io/level_matrix.hpp"
#include "io/read.hpp"
#include "io/read_comparisons.hpp"
#include "rate/anchor.hpp"
#include "rate/bootstrap.hpp"
#include "rate/simulate.hpp"
#include "registry/registry.hpp"
#include "tools/prefero/json_out.hpp"

namespace py = pybind11;
using namespace prefero;

namespace {

using Given = std::map<std::string, std::string>;

// nlohmann JSON -> Python objects (dict keeps the JSON's key order).
py::object to_python(const json& j) {
  switch (j.type()) {
    case json::value_t::boolean:
      return py::bool_(j.get<bool>());
    case json::value_t::number_integer:
      return py::int_(j.get<int64_t>());
    case json::value_t::number_unsigned:
      return py::int_(j.get<uint64_t>());
    case json::value_t::number_float:
      return py::float_(j.get<double>());
    case json::value_t::string:
      return py::str(j.get_ref<const std::string&>());
    case json::value_t::array: {
      py::list l(j.size());
      size_t i = 0;
      for (const auto& x : j) l[i++] = to_python(x);
      return l;
    }
    case json::value_t::object: {
      py::dict d;
      for (const auto& [k, v] : j.items()) d[py::str(k)] = to_python(v);
      return d;
    }
    default:
      return py::none();
  }
}

const MethodInfo& method_of_family(const std::string& name, const std::string& family, const std::string& function) {
  const MethodInfo& m = require_method(name);
  if (m.family != family)
    throw InputError("'" + m.id + "' is a " + m.family + " method; prefero." + function + " runs " + family +
                     " methods (see prefero.methods('" + family + "'))");
  return m;
}

// ---- profiles ----------------------------------------------------------------------------------

struct PyProfile {
  Profile profile;
  std::optional<int> committee_size;  // from an abcvoting file
};

Candidates candidates_named(const std::vector<std::string>& names, const std::vector<int64_t>& ids) {
  Candidates c;
  c.names = names;
  if (!ids.empty()) {
    if (ids.size() != names.size()) throw InputError("candidate ids: expected one per candidate");
    c.ids = ids;
  } else {
    for (size_t i = 0; i < names.size(); ++i) c.ids.push_back(static_cast<int64_t>(i + 1));
  }
  std::set<std::string> seen;
  for (const auto& n : names)
    if (!seen.insert(n).second) throw InputError("candidate '" + n + "' is listed twice");
  return c;
}

// Ballots as one level per candidate (0 = top, equal = tied, -1 = unranked), rows x candidates.
PyProfile profile_from_levels(py::array_t<int32_t, py::array::c_style | py::array::forcecast> levels,
                              py::array_t<int64_t, py::array::c_style | py::array::forcecast> counts,
                              const std::vector<std::string>& names, const std::vector<int64_t>& ids,
                              const std::string& kind, const std::vector<std::string>& category_names) {
  if (levels.ndim() != 2) throw InputError("ballots: expected a 2-dimensional array (ballots x candidates)");
  const auto rows = static_cast<size_t>(levels.shape(0)), m = static_cast<size_t>(levels.shape(1));
  if (m != names.size())
    throw InputError("ballots have " + std::to_string(m) + " columns but there are " + std::to_string(names.size()) +
                     " candidates");
  if (counts.ndim() != 1 || static_cast<size_t>(counts.shape(0)) != rows)
    throw InputError("counts: expected one count per ballot");
  if (m == 0) throw InputError("a profile needs at least one candidate");
  BallotKind k = kind == "categorical" ? BallotKind::categorical : BallotKind::ranking;
  PyProfile out;
  std::span<const int32_t> lv(levels.data(), rows * m);
  std::span<const int64_t> cn(counts.data(), rows);
  {
    py::gil_scoped_release release;
    out.profile = profile_from_level_matrix(candidates_named(names, ids), k, lv, cn, category_names);
  }
  return out;
}

// Ballots as candidate indices best first (pref_voting's layout: rows x positions, -1 pads a
// truncated ballot), converted to levels and merged in one pass without Python objects per row.
PyProfile profile_from_orders(py::array_t<int32_t, py::array::c_style | py::array::forcecast> orders,
                              py::array_t<int64_t, py::array::c_style | py::array::forcecast> counts,
                              const std::vector<std::string>& names) {
  if (orders.ndim() != 2) throw InputError("ballots: expected a 2-dimensional array (ballots x candidates)");
  const auto rows = static_cast<size_t>(orders.shape(0)), width = static_cast<size_t>(orders.shape(1));
  const size_t m = names.size();
  if (counts.ndim() != 1 || static_cast<size_t>(counts.shape(0)) != rows)
    throw InputError("counts: expected one count per ballot");
  if (m == 0) throw InputError("a profile needs at least one candidate");
  PyProfile out;
  const int32_t* od = orders.data();
  std::span<const int64_t> cn(counts.data(), rows);
  {
    py::gil_scoped_release release;
    std::vector<int32_t> levels(rows * m, kUnranked);
    for (size_t r = 0; r < rows; ++r) {
      int32_t* lv = levels.data() + r * m;
      int32_t next = 0;
      for (size_t i = 0; i < width; ++i) {
        const int32_t c = od[r * width + i];
        if (c == -1) continue;
        if (c < -1 || static_cast<size_t>(c) >= m)
          throw InputError("ballots: candidate indices must be in [0, " + std::to_string(m) + ") (or -1 for padding)");
        if (lv[c] != kUnranked) throw InputError("ballot " + std::to_string(r) + ": a candidate is ranked twice");
        lv[c] = next++;
      }
    }
    out.profile = profile_from_level_matrix(candidates_named(names, {}), BallotKind::ranking, levels, cn);
  }
  return out;
}

// Score ballots: one integer grade per candidate (higher is better); missing = not graded.
PyProfile profile_from_grades(py::array_t<int64_t, py::array::c_style | py::array::forcecast> grades,
                              py::array_t<bool, py::array::c_style | py::array::forcecast> missing,
                              py::array_t<int64_t, py::array::c_style | py::array::forcecast> counts,
                              const std::vector<std::string>& names, const std::vector<int64_t>& ids) {
  if (grades.ndim() != 2 || missing.ndim() != 2 || missing.shape(0) != grades.shape(0) ||
      missing.shape(1) != grades.shape(1))
    throw InputError("scores: expected a 2-dimensional array (ballots x candidates)");
  const auto rows = static_cast<size_t>(grades.shape(0)), m = static_cast<size_t>(grades.shape(1));
  if (m != names.size()) throw InputError("scores have " + std::to_string(m) + " columns but there are " +
                                          std::to_string(names.size()) + " candidates");
  if (counts.ndim() != 1 || static_cast<size_t>(counts.shape(0)) != rows)
    throw InputError("counts: expected one count per ballot");
  PyProfile out;
  const int64_t* g = grades.data();
  const bool* miss = missing.data();
  const int64_t* cn = counts.data();
  {
    py::gil_scoped_release release;
    ProfileBuilder b(candidates_named(names, ids), BallotKind::scores);
    std::vector<int64_t> row(m);
    for (size_t r = 0; r < rows; ++r) {
      if (cn[r] <= 0) throw InputError("ballot " + std::to_string(r) + ": count must be positive");
      for (size_t c = 0; c < m; ++c) row[c] = miss[r * m + c] ? kNoGrade : g[r * m + c];
      b.add_grades(row, cn[r]);
    }
    out.profile = b.finish();
  }
  return out;
}

PyProfile read_profile_file(const std::string& path) {
  py::gil_scoped_release release;
  PyProfile out;
  if (is_abc_yaml_path(path)) {
    AbcInstance inst = read_abc_yaml(path);
    out.profile = std::move(inst.profile);
    out.committee_size = inst.committee_size;
  } else {
    out.profile = read_profile(path);
  }
  return out;
}

// Unique ballots as (tiers of candidate names, count).
py::list ballots_of(const Profile& p) {
  py::list out;
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    py::list tiers;
    for (const auto& tier : p.tiers(b)) {
      py::list t;
      for (Cand c : tier) t.append(p.name(c));
      tiers.append(t);
    }
    out.append(py::make_tuple(tiers, p.counts[b]));
  }
  return out;
}

// ---- single-winner, committee, consensus ------------------------------------------------------

py::object py_elect(const PyProfile& pp, const std::string& rule, const Given& given) {
  json j;
  {
    py::gil_scoped_release release;
    const MethodInfo& m = method_of_family(rule, "elect", "elect");
    ElectOutcome o = run_elect(m, pp.profile, given);
    j = elect_json(pp.profile, o);
  }
  return to_python(j);
}

// The JSON of `prefero committee --json`, with the CLI's group bounds (--groups/--bounds/--greedy):
// groups from a file (groups_is_path) or from the text of one (lines 'candidate,group[,group...]'
// the Python side wrote from a dict), bounds as the CLI's SPEC.
py::object py_committee(const PyProfile& pp, const std::string& rule, int size, const Given& given,
                        const std::string& groups, bool groups_is_path, const std::string& bounds, bool greedy) {
  json j;
  {
    py::gil_scoped_release release;
    const MethodInfo& m = method_of_family(rule, "committee", "committee");
    int k = size;
    if (k <= 0) {
      if (!pp.committee_size) throw InputError("give the committee size (size=K)");
      k = *pp.committee_size;
    }
    if (groups.empty() != bounds.empty()) throw InputError("groups= and bounds= go together");
    if (greedy && groups.empty()) throw InputError("greedy=True needs groups= and bounds=");
    CommitteeOutcome out;
    if (!groups.empty()) {
      std::istringstream text(groups);
      const Groups g = groups_is_path ? read_groups_file(groups, pp.profile.candidates)
                                      : read_groups(text, "<groups>", pp.profile.candidates);
      const GroupBounds b = parse_bounds(bounds, g, k);
      out.method = &m;
      out.params = resolve_params(m.id, m.params, given);
      out.committee_size = k;
      out.result = run_committee_with_bounds(m, pp.profile, k, out.params, g, b, greedy);
    } else {
      out = run_committee(m, pp.profile, k, given);
    }
    j = committee_json(pp.profile, out);
  }
  return to_python(j);
}

// The JSON of `prefero consensus --json` (tools/prefero/cmd_consensus.cpp).
py::object py_consensus(const PyProfile& pp, const std::string& method, const Given& given) {
  json j;
  {
    py::gil_scoped_release release;
    const MethodInfo& m = consensus_method(method);
    Params resolved = resolve_params(m.id, m.params, given);
    const Profile& p = pp.profile;
    ConsensusResult r = m.consensus(p, all_candidates(p.num_candidates()), resolved);
    j = consensus_json(p, m, r, resolved, given.count("all") > 0);
  }
  return to_python(j);
}

// ---- ratings ------------------------------------------------------------------------------------

bool declares(const MethodInfo& m, const std::string& name) {
  for (const auto& p : m.params)
    if (p.name == name) return true;
  return false;
}


// Battles given as columns (from a DataFrame, dict or list) or K-wise rankings.
struct BattleColumns {
  std::vector<std::string> model_a, model_b, winner;
  std::vector<double> weights;                    // empty = 1 each
  std::vector<std::string> voters;                // judge/voter/worker per battle; empty = none
  std::vector<std::string> covariate_names;
  std::vector<std::vector<double>> covariates;    // per battle
  std::vector<std::vector<std::vector<std::string>>> rankings;  // K-wise: tiers of names
  std::vector<double> ranking_counts;
};

Comparisons comparisons_from_columns(const BattleColumns& in, const ComparisonsReadOptions& opt) {
  ComparisonsBuilder b(opt);
  const size_t n = in.model_a.size();
  if (in.model_b.size() != n || in.winner.size() != n)
    throw InputError("battles: model_a, model_b and winner must have the same length");
  if (!in.weights.empty() && in.weights.size() != n) throw InputError("battles: one weight per battle");
  if (!in.voters.empty() && in.voters.size() != n) throw InputError("battles: one voter per battle");
  // The voter column is read only where a method uses it (options.voters), as the file readers do.
  const bool voters = opt.voters && !in.voters.empty();
  if (!in.covariate_names.empty() && in.covariates.size() != n) throw InputError("battles: one covariate row per battle");
  b.set_covariate_names(in.covariate_names);
  for (size_t i = 0; i < n; ++i) {
    const std::string row = "battle " + std::to_string(i);
    Outcome o;
    if (!parse_outcome(in.winner[i], o))
      throw InputError(row + ": winner '" + in.winner[i] +
                       "': expected model_a, model_b, tie or tie (bothbad) (or left, right, tie, both)");
    if (in.model_a[i] == in.model_b[i]) throw InputError(row + ": a model cannot battle itself ('" + in.model_a[i] + "')");
    int a = b.model(in.model_a[i]), c = b.model(in.model_b[i]);
    if (a < 0 || c < 0) throw InputError(row + ": too many models");
    double w = in.weights.empty() ? 1.0 : in.weights[i];
    if (!(w > 0) || !std::isfinite(w)) throw InputError(row + ": weight must be a positive number");
    const double* cov = nullptr;
    if (!in.covariate_names.empty()) {
      if (in.covariates[i].size() != in.covariate_names.size()) throw InputError(row + ": wrong number of covariates");
      for (double x : in.covariates[i])
        if (!std::isfinite(x)) throw InputError(row + ": covariates must be finite numbers");
      cov = in.covariates[i].data();
    }
    int v = -1;
    if (voters) {
      if (in.voters[i].empty()) throw InputError(row + ": empty voter id");
      v = b.voter(in.voters[i]);
      if (v < 0) throw InputError(row + ": too many voters");
    }
    if (!b.add_pair(a, c, o, w, cov, v)) throw InputError(row + ": too many rows");
  }
  for (size_t i = 0; i < in.rankings.size(); ++i) {
    KwiseRow r;
    std::set<int> seen;
    for (const auto& tier : in.rankings[i]) {
      std::vector<int> t;
      for (const auto& name : tier) {
        int id = b.model(name);
        if (id < 0) throw InputError("ranking " + std::to_string(i) + ": too many models");
        if (!seen.insert(id).second)
          throw InputError("ranking " + std::to_string(i) + ": model '" + name + "' appears twice");
        t.push_back(id);
      }
      if (!t.empty()) r.tiers.push_back(std::move(t));
    }
    r.count = in.ranking_counts.empty() ? 1.0 : in.ranking_counts.at(i);
    if (!(r.count > 0)) throw InputError("ranking " + std::to_string(i) + ": count must be positive");
    b.add_ranking(std::move(r));
  }
  return b.finish();
}

// The logic and JSON of `prefero rate` (tools/prefero/cmd_rate.cpp): bootstrap, seed, threads and
// anchor go to the method when it declares them; otherwise they are applied generically.
py::object py_rate(const std::optional<std::string>& path, const BattleColumns& columns, const std::string& model,
                Given given, const std::string& order, const std::vector<std::string>& covariates) {
  json out;
  {
    py::gil_scoped_release release;
    const MethodInfo& m = require_method(model);
    if (m.family != "rate" || !m.rate)
      throw InputError("'" + m.id + "' is not a rating method (family " + m.family + "); see prefero.methods('rate')");
    if (order != "auto" && order != "file" && order != "compressed")
      throw InputError("order '" + order + "': expected auto, file or compressed");
    std::optional<std::string> rounds_s, seed_s, threads_s, anchor;
    auto take = [&given, &m](const std::string& name, std::optional<std::string>& generic) {
      auto it = given.find(name);
      if (it == given.end() || declares(m, name)) return;
      generic = it->second;
      given.erase(it);
    };
    take("bootstrap", rounds_s);
    take("seed", seed_s);
    take("threads", threads_s);
    take("anchor", anchor);
    auto integer = [](const std::string& name, const std::optional<std::string>& v, int64_t fallback) {
      if (!v) return fallback;
      try {
        size_t used = 0;
        int64_t x = std::stoll(*v, &used);
        if (used == v->size() && x >= 0) return x;
      } catch (const std::exception&) {
      }
      throw InputError(name + " '" + *v + "': expected a non-negative integer");
    };
    int64_t rounds = integer("bootstrap", rounds_s, 0), seed = integer("seed", seed_s, 0),
            threads = integer("threads", threads_s, 0);
    Params resolved = resolve_params(m.id, m.params, given);
    ComparisonsReadOptions opt;
    static const std::set<std::string> order_free = {"bradley_terry", "rao_kupper", "davidson", "bt_style",
                                                     "bt_mixture"};
    opt.keep_order = order == "file" || (order == "auto" && !order_free.count(m.id));
    opt.voters = m.id == "bt_mixture";  // per-voter rows (judge/voter/worker) only where a method uses them
    if (threads_s && threads > 0) opt.threads = static_cast<int>(std::min<int64_t>(threads, 64));  // the JSONL reader's too
    opt.covariates = covariates;
    Comparisons c = path ? read_comparisons(*path, opt) : comparisons_from_columns(columns, opt);
    RatingResult r = m.rate(c, resolved);
    if (rounds_s && rounds > 0)
      rate::bootstrap_any(m, c, resolved, r, static_cast<int>(rounds), static_cast<uint64_t>(seed),
                          static_cast<int>(threads), 0.05);
    if (anchor) rate::shift_to_anchor(c, r, rate::parse_anchor(*anchor, "anchor"), "python (point and interval shifted)");
    out = rating_json(m, resolved, c, r);
  }
  return to_python(out);
}

// The JSON of `prefero benchmark --json` (src/consensus/benchmark/benchmark.hpp).
py::object py_benchmark(const std::string& path, const std::string& method, const Given& given,
                        const BenchmarkTableOptions& table, bool instances, int bootstrap, uint64_t seed,
                        const std::string& resample, double level) {
  json j;
  {
    py::gil_scoped_release release;
    const MethodInfo& m = benchmark_method(method);
    const Params params = resolve_params(m.id, m.params, given);
    const BenchmarkData d = read_benchmark(path, table, instances);
    const BenchmarkResult r = m.benchmark(d, params);
    std::vector<SystemStability> stab;
    if (bootstrap > 0) {
      BootstrapOptions b;
      b.replicates = bootstrap;
      b.seed = seed;
      b.resample = resample;
      b.level = level;
      stab = bootstrap_ranks(d, benchmark_options(m, params), b);
    }
    j = benchmark_json(d, r, stab);
    j["params"] = params.values();
  }
  return to_python(j);
}

// ---- crowd labels -------------------------------------------------------------------------------

// Judgments from a file, or from texts the Python side wrote (tab-separated with a header), so
// names are numbered exactly as the CLI numbers them.
py::object py_infer(const std::string& source, bool is_path, const std::string& gold, const std::string& weights,
                 const std::string& method, const Given& given, const std::string& format, const std::string& columns,
                 const std::string& dedup, const std::string& gold_none) {
  json j;
  {
    py::gil_scoped_release release;
    const MethodInfo& m = method_of_family(method, "crowd", "infer");
    LabelReadOptions opt;
    opt.format = format;
    opt.columns = columns;
    opt.dedup = dedup;
    opt.gold_none = gold_none;
    LabelData d = is_path ? read_labels(source, gold, weights, opt)
                          : read_labels_text(source, "<labels>", gold, gold.empty() ? "" : "<gold>", weights,
                                             weights.empty() ? "" : "<weights>", opt);
    j = infer_json(d, run_infer(m, d, given));
  }
  return to_python(j);
}

// ---- ensembles ----------------------------------------------------------------------------------


py::object py_ensemble(const std::optional<std::string>& path,
                    std::optional<py::array_t<double, py::array::c_style | py::array::forcecast>> scores,
                    std::vector<std::string> ids, std::vector<int> labels, std::vector<std::string> class_names,
                    const std::string& method, const Given& given) {
  VoteTensor t;
  if (!path) {
    if (!scores || scores->ndim() != 3)
      throw InputError("scores: expected a 3-dimensional array (samples x models x classes)");
    t.samples = static_cast<int>(scores->shape(0));
    t.models = static_cast<int>(scores->shape(1));
    t.classes = static_cast<int>(scores->shape(2));
    if (t.samples == 0 || t.models == 0 || t.classes < 2)
      throw InputError("scores: need at least one sample, one model and two classes");
    t.scores.assign(scores->data(), scores->data() + scores->size());
    for (double x : t.scores)
      if (!std::isfinite(x)) throw InputError("scores: every score must be a finite number");
    if (ids.empty())
      for (int s = 0; s < t.samples; ++s) ids.push_back(std::to_string(s));
    if (ids.size() != static_cast<size_t>(t.samples)) throw InputError("ids: expected one per sample");
    if (!labels.empty() && labels.size() != static_cast<size_t>(t.samples))
      throw InputError("labels: expected one per sample");
    for (int l : labels)
      if (l < -1 || l >= t.classes) throw InputError("labels: a class index in [0, classes) or -1 for unknown");
    if (!class_names.empty() && class_names.size() != static_cast<size_t>(t.classes))
      throw InputError("classes: expected one name per class");
    t.ids = std::move(ids);
    t.labels = std::move(labels);
    t.class_names = std::move(class_names);
  }
  json j;
  {
    py::gil_scoped_release release;
    const MethodInfo& m = method_of_family(method, "ensemble", "ensemble");
    Params resolved = resolve_params(m.id, m.params, given);
    if (path) t = read_vote_tensor_file(*path);
    j = ensemble_json(m, resolved, t, m.ensemble(t, resolved));
  }
  return to_python(j);
}

// ---- agreement, matchmaking, simulation -------------------------------------------------------

// `prefero agree --json` over judgments from a file or from a text the Python side wrote.
py::object py_agree(const std::string& source, bool is_path, const std::string& metric, const std::string& level,
                    const std::string& raters, const std::string& judge, const std::string& columns,
                    const std::string& format) {
  json j;
  {
    py::gil_scoped_release release;
    LabelReadOptions opt;
    opt.columns = columns;
    if (!is_path) opt.format = format;
    LabelData d = is_path ? read_labels(source, "", "", opt) : read_labels_text(source, "<labels>", {}, "", "", "", opt);
    j = agree_json(d, metric, level, raters, judge);
  }
  return to_python(j);
}

// `prefero match --json` over a vote log from a file or from battle columns / K-wise rankings.
py::object py_match(const std::optional<std::string>& path, const BattleColumns& columns, const std::string& policy,
                    int k, uint64_t seed, double alpha, const std::string& weights) {
  json j;
  {
    py::gil_scoped_release release;
    const Comparisons c = path ? read_comparisons(*path) : comparisons_from_columns(columns, ComparisonsReadOptions{});
    j = match_json(c, policy, k, seed, alpha, weights);
  }
  return to_python(j);
}

// `prefero simulate --json`.
py::object py_simulate(int models, int k, double spread, const std::string& estimator, const std::string& policies,
                       int runs, int64_t max_votes, double tau, double confidence, uint64_t seed) {
  SimulationSettings s;
  s.models = models;
  s.k = k;
  s.spread = spread;
  s.estimator = estimator;
  s.runs = runs;
  s.max_votes = max_votes;
  s.tau_target = tau;
  s.confidence = confidence;
  s.seed = seed;
  json j;
  {
    py::gil_scoped_release release;
    j = simulate_json(s, policies);
  }
  return to_python(j);
}

py::object methods_list() {
  json all = json::array();
  for (const auto& m : methods()) all.push_back(method_json(m));
  return to_python(all);
}

}  // namespace

PYBIND11_MODULE(_core, mod) {
  mod.doc() = "Prefero's engine (C++). Use the package prefero, not this module.";
  py::register_exception<InputError>(mod, "InputError", PyExc_ValueError);

  py::class_<PyProfile>(mod, "Profile", "An anonymized profile: unique ballots with their counts.")
      .def_property_readonly("num_voters", [](const PyProfile& p) { return p.profile.num_voters; })
      .def_property_readonly("num_ballots", [](const PyProfile& p) { return p.profile.num_ballots(); })
      .def_property_readonly("num_candidates", [](const PyProfile& p) { return p.profile.num_candidates(); })
      .def_property_readonly("candidates", [](const PyProfile& p) { return p.profile.candidates.names; },
                             "candidate names, in index order")
      .def_property_readonly("candidate_ids", [](const PyProfile& p) { return p.profile.candidates.ids; },
                             "external ids (PrefLib ids; 1..m for profiles built in Python)")
      .def_property_readonly("kind", [](const PyProfile& p) { return std::string(to_string(p.profile.kind)); })
      .def_property_readonly("committee_size", [](const PyProfile& p) { return p.committee_size; },
                             "committeesize of an abcvoting file, else None")
      .def_property_readonly("metadata", [](const PyProfile& p) { return p.profile.metadata; })
      .def("ballots", [](const PyProfile& p) { return ballots_of(p.profile); },
           "unique ballots as (tiers of candidate names, count), best tier first")
      .def("summary", [](const PyProfile& p) { return to_python(profile_json(p.profile)); },
           "the JSON of `prefero profile --json`");

  py::class_<BattleColumns>(mod, "BattleColumns")
      .def(py::init<>())
      .def_readwrite("model_a", &BattleColumns::model_a)
      .def_readwrite("model_b", &BattleColumns::model_b)
      .def_readwrite("winner", &BattleColumns::winner)
      .def_readwrite("weights", &BattleColumns::weights)
      .def_readwrite("voters", &BattleColumns::voters)
      .def_readwrite("covariate_names", &BattleColumns::covariate_names)
      .def_readwrite("covariates", &BattleColumns::covariates)
      .def_readwrite("rankings", &BattleColumns::rankings)
      .def_readwrite("ranking_counts", &BattleColumns::ranking_counts);

  mod.def("read_profile", &read_profile_file, py::arg("path"));
  mod.def("profile_from_levels", &profile_from_levels, py::arg("levels"), py::arg("counts"), py::arg("names"),
          py::arg("ids"), py::arg("kind"), py::arg("category_names"));
  mod.def("profile_from_orders", &profile_from_orders, py::arg("orders"), py::arg("counts"), py::arg("names"));
  mod.def("profile_from_grades", &profile_from_grades, py::arg("grades"), py::arg("missing"), py::arg("counts"),
          py::arg("names"), py::arg("ids"));
  mod.def("methods", &methods_list);
  mod.def("require_method", [](const std::string& name) { return require_method(name).id; }, py::arg("name"));
  mod.def("elect", &py_elect, py::arg("profile"), py::arg("rule"), py::arg("params"));
  mod.def("committee", &py_committee, py::arg("profile"), py::arg("rule"), py::arg("size"), py::arg("params"),
          py::arg("groups"), py::arg("groups_is_path"), py::arg("bounds"), py::arg("greedy"));
  mod.def("agree", &py_agree, py::arg("source"), py::arg("is_path"), py::arg("metric"), py::arg("level"),
          py::arg("raters"), py::arg("judge"), py::arg("columns"), py::arg("format"));
  mod.def("match", &py_match, py::arg("path"), py::arg("columns"), py::arg("policy"), py::arg("k"), py::arg("seed"),
          py::arg("alpha"), py::arg("weights"));
  mod.def("simulate", &py_simulate, py::arg("models"), py::arg("k"), py::arg("spread"), py::arg("estimator"),
          py::arg("policies"), py::arg("runs"), py::arg("max_votes"), py::arg("tau"), py::arg("confidence"),
          py::arg("seed"));
  py::class_<BenchmarkTableOptions>(mod, "BenchmarkTable")
      .def(py::init<>())
      .def_readwrite("lower_is_better", &BenchmarkTableOptions::lower_is_better)
      .def_readwrite("exclude", &BenchmarkTableOptions::exclude)
      .def_readwrite("default_lower", &BenchmarkTableOptions::default_lower)
      .def_readwrite("system_column", &BenchmarkTableOptions::system_column)
      .def_readwrite("instance_column", &BenchmarkTableOptions::instance_column);
  mod.def("benchmark", &py_benchmark, py::arg("path"), py::arg("method"), py::arg("params"), py::arg("table"),
          py::arg("instances"), py::arg("bootstrap"), py::arg("seed"), py::arg("resample"), py::arg("level"));
  mod.def("consensus", &py_consensus, py::arg("profile"), py::arg("method"), py::arg("params"));
  mod.def("rate", &py_rate, py::arg("path"), py::arg("columns"), py::arg("model"), py::arg("params"), py::arg("order"),
          py::arg("covariates"));
  mod.def("infer", &py_infer, py::arg("source"), py::arg("is_path"), py::arg("gold"), py::arg("weights"),
          py::arg("method"), py::arg("params"), py::arg("format"), py::arg("columns"), py::arg("dedup"),
          py::arg("gold_none"));
  mod.def("ensemble", &py_ensemble, py::arg("path"), py::arg("scores"), py::arg("ids"), py::arg("labels"),
          py::arg("classes"), py::arg("method"), py::arg("params"));
}
