#include "committee/thiele.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "core/error.hpp"
#include "solve/lp.hpp"

namespace prefero {

namespace {

Rational parse_rational(const std::string& s, const std::string& what) {
  try {
    auto dot = s.find('.');
    if (dot != std::string::npos) {
      std::string ip = s.substr(0, dot), fp = s.substr(dot + 1);
      mpz_class den = 1;
      for (size_t i = 0; i < fp.size(); ++i) den *= 10;
      Rational r(mpz_class((ip.empty() ? "0" : ip) + fp), den);
      r.canonicalize();
      return r;
    }
    Rational r(s);
    r.canonicalize();
    return r;
  } catch (const std::exception&) {
    throw InputError(what + ": '" + s + "' is not a number");
  }
}

}  // namespace

std::vector<Rational> thiele_marginals(const std::string& id, int k) {
  std::vector<Rational> w;
  for (int i = 1; i <= k; ++i) {
    if (id == "av") w.emplace_back(1);
    else if (id == "pav") w.emplace_back(1, i);
    else if (id == "slav") w.emplace_back(1, 2 * i - 1);
    else if (id == "cc") w.emplace_back(i == 1 ? 1 : 0);
    else if (id == "adams_tail") w.push_back(i == 1 ? Rational(0) : Rational(1, i - 1));
    else break;
  }
  if (!w.empty() || k == 0) return w;
  if (id.rfind("geom", 0) == 0) {
    Rational p = parse_rational(id.substr(4), "score geom<p>");
    if (p <= 0) throw InputError("score geom<p>: p must be positive");
    Rational x = 1;
    for (int i = 1; i <= k; ++i, x /= p) w.push_back(x);
    return w;
  }
  if (id.rfind("atleast", 0) == 0) {
    std::string l = id.substr(7);
    if (l.empty() || l.size() > 6 || !std::all_of(l.begin(), l.end(), [](char c) { return c >= '0' && c <= '9'; }))
      throw InputError("score atleast<l>: l must be a positive integer");
    int ell = std::stoi(l);
    for (int i = 1; i <= k; ++i) w.emplace_back(i == ell ? 1 : 0);
    return w;
  }
  if (id.find(',') != std::string::npos || (!id.empty() && (std::isdigit(static_cast<unsigned char>(id[0])) != 0))) {
    size_t start = 0;
    while (start <= id.size() && static_cast<int>(w.size()) < k) {
      size_t end = id.find(',', start);
      if (end == std::string::npos) end = id.size();
      Rational r = parse_rational(id.substr(start, end - start), "score weights");
      if (r < 0) throw InputError("score weights must be >= 0");
      w.push_back(r);
      start = end + 1;
    }
    while (static_cast<int>(w.size()) < k) w.push_back(w.back());
    return w;
  }
  throw InputError("unknown Thiele score function '" + id +
                   "' (av, pav, slav, cc, geom<p>, atleast<l>, or weights like 1,1/2,1/3)");
}

ScaledThiele scale_thiele(std::vector<Rational> marginal, const ApprovalProfile& a) {
  ScaledThiele t;
  t.marginal = std::move(marginal);
  for (const auto& x : t.marginal) t.scale = lcm(t.scale, mpz_class(x.get_den()));
  mpz_class total = 0;
  for (const auto& x : t.marginal) total += mpz_class(x * t.scale);
  total *= a.total_weight;
  if (mpz_sizeinbase(total.get_mpz_t(), 2) > 120)
    throw InputError("Thiele weights too fine for exact 128-bit scores (scale " + t.scale.get_str() + ")");
  for (size_t i = 0; i < t.marginal.size(); ++i) {
    mpz_class v = mpz_class(t.marginal[i] * t.scale);
    // build the 128-bit value from two 64-bit halves
    mpz_class hi = v >> 64, lo = v - (hi << 64);
    Int128 x = (static_cast<Int128>(hi.get_ui()) << 64) | static_cast<Int128>(lo.get_ui());
    t.w.push_back(x);
    if (i > 0 && t.marginal[i] > t.marginal[i - 1]) t.nonincreasing = false;
  }
  return t;
}

Int128 thiele_score(const ApprovalProfile& a, const ScaledThiele& t, const std::vector<Cand>& committee) {
  std::vector<char> in(static_cast<size_t>(a.num_candidates), 0);
  for (Cand c : committee) in[static_cast<size_t>(c)] = 1;
  Int128 s = 0;
  for (size_t b = 0; b < a.size(); ++b) {
    int x = 0;
    for (Cand c : a.approved[b]) x += in[static_cast<size_t>(c)];
    Int128 f = 0;
    for (int i = 0; i < x && i < static_cast<int>(t.w.size()); ++i) f += t.w[static_cast<size_t>(i)];
    s += f * a.weights[b];
  }
  return s;
}

Rational to_rational(Int128 v, const mpz_class& scale) {
  bool neg = v < 0;
  std::string s = to_string_i128(neg ? -v : v);
  Rational r(mpz_class(s), scale);
  r.canonicalize();
  return neg ? Rational(-r) : r;
}

SolveSettings solve_settings(const Params& params) {
  SolveSettings s;
  s.algorithm = params.has("algorithm") ? params.text("algorithm") : "auto";
  s.resolute = params.has("resolute") && params.boolean("resolute");
  s.time_limit = params.has("time_limit") ? params.number("time_limit") : 0;
  return s;
}

ParamSpec algorithm_param(const std::string& default_value, std::vector<std::string> choices) {
  return {"algorithm", ParamType::choice, default_value,
          "exact algorithm: auto (brute force on small instances, else the fastest), brute-force (the oracle), "
          "branch-and-bound, ilp (COIN-OR CBC)",
          std::move(choices)};
}

namespace {

double binomial(int n, int k) {
  double r = 1;
  for (int i = 1; i <= k; ++i) r = r * (n - k + i) / i;
  return r;
}

CommitteeResult finish(BestCommittees<Int128>& best, const ScaledThiele& t, const std::string& algorithm,
                       bool proven) {
  CommitteeResult r;
  r.committees = std::move(best.committees);
  r.proven = proven;
  r.explanation["score"] = to_string(to_rational(best.best, t.scale));
  r.explanation["algorithm"] = algorithm;
  return r;
}

CommitteeResult brute_force(const ApprovalProfile& a, int k, const ScaledThiele& t, const SolveSettings& s) {
  BestCommittees<Int128> best;
  Deadline deadline(s.time_limit);
  bool complete = for_each_committee(a.num_candidates, k, [&](const std::vector<Cand>& w) {
    best.offer(thiele_score(a, t, w), w);
    return !deadline.poll();
  });
  return finish(best, t, "brute-force", complete);
}

// Branch and bound: branch on the candidate with the largest marginal gain (include first, so the
// first leaf is the sequential Thiele committee). Upper bound = score + the smaller of
// - the r largest marginal gains (candidate side; valid because marginal gains only shrink as the
//   committee grows, w being nonincreasing), and
// - what each voter could still gain from min(r, its open approved candidates) more seats (voter
//   side; for CC: the weight of the uncovered voters who approve an open candidate).
class ThieleBranchAndBound {
 public:
  ThieleBranchAndBound(const ApprovalProfile& a, int k, const ScaledThiele& t, const SolveSettings& s)
      : a_(a), k_(k), t_(t), resolute_(s.resolute), deadline_(s.time_limit) {
    approvers_.resize(static_cast<size_t>(a.num_candidates));
    for (size_t b = 0; b < a.size(); ++b)
      for (Cand c : a.approved[b]) approvers_[static_cast<size_t>(c)].push_back(b);
    sat_.assign(a.size(), 0);
    state_.assign(static_cast<size_t>(a.num_candidates), 0);
  }
  CommitteeResult run() {
    dfs(0, 0, a_.num_candidates);
    return finish(best_, t_, "branch-and-bound", !stopped_);
  }

 private:
  Int128 gain(Cand c) const {
    Int128 g = 0;
    for (size_t b : approvers_[static_cast<size_t>(c)]) {
      int x = sat_[b];
      if (x < static_cast<int>(t_.w.size())) g += t_.w[static_cast<size_t>(x)] * a_.weights[b];
    }
    return g;
  }
  void dfs(Int128 score, int chosen, int available) {
    if (stopped_) return;
    if (deadline_.poll()) {
      stopped_ = true;
      return;
    }
    if (chosen == k_) {
      std::vector<Cand> w;
      for (Cand c = 0; c < a_.num_candidates; ++c)
        if (state_[static_cast<size_t>(c)] == 1) w.push_back(c);
      best_.offer(score, w);
      return;
    }
    int r = k_ - chosen;
    if (available < r) return;
    std::vector<std::pair<Int128, Cand>> gains;
    gains.reserve(static_cast<size_t>(available));
    for (Cand c = 0; c < a_.num_candidates; ++c)
      if (state_[static_cast<size_t>(c)] == 0) gains.emplace_back(gain(c), c);
    auto by_gain = [](const auto& x, const auto& y) { return x.first > y.first || (x.first == y.first && x.second < y.second); };
    std::partial_sort(gains.begin(), gains.begin() + r, gains.end(), by_gain);
    Int128 bound = score;
    for (int i = 0; i < r; ++i) bound += gains[static_cast<size_t>(i)].first;
    bound = std::min(bound, score + voter_side_gain(r));
    if (best_.any && (bound < best_.best || (resolute_ && !(best_.best < bound)))) return;
    Cand c = gains[0].second;
    Int128 g = gains[0].first;
    state_[static_cast<size_t>(c)] = 1;
    take(c, +1);
    dfs(score + g, chosen + 1, available - 1);
    take(c, -1);
    state_[static_cast<size_t>(c)] = 2;
    dfs(score, chosen, available - 1);
    state_[static_cast<size_t>(c)] = 0;
  }
  Int128 voter_side_gain(int r) const {
    Int128 total = 0;
    for (size_t b = 0; b < a_.size(); ++b) {
      int open = 0;
      for (Cand c : a_.approved[b]) open += state_[static_cast<size_t>(c)] == 0;
      const int from = sat_[b], to = std::min<int>(from + std::min(r, open), static_cast<int>(t_.w.size()));
      for (int x = from; x < to; ++x) total += t_.w[static_cast<size_t>(x)] * a_.weights[b];
    }
    return total;
  }
  void take(Cand c, int d) {
    for (size_t b : approvers_[static_cast<size_t>(c)]) sat_[b] += d;
  }

  const ApprovalProfile& a_;
  int k_;
  const ScaledThiele& t_;
  bool resolute_;
  Deadline deadline_;
  std::vector<std::vector<size_t>> approvers_;
  std::vector<int> sat_;
  std::vector<char> state_;  // 0 open, 1 in, 2 out
  BestCommittees<Int128> best_;
  bool stopped_ = false;
};

// The ILP (as abcvoting's): x_c in {0,1}, sum x = k; y_{v,l} = "voter v has at least l approved
// members", sum_l y_{v,l} <= sum_{c in A_v} x_c; maximise sum weight_v * w(l) * y_{v,l}.
// y may be continuous when w is nonincreasing; otherwise binary and ordered.
struct ThieleIlp {
  solve::LinearModel model;
  std::vector<int> x;
  std::vector<std::pair<int, double>> objective_terms;
};

ThieleIlp build_thiele_ilp(const ApprovalProfile& a, int k, const ScaledThiele& t) {
  ThieleIlp ilp;
  ilp.model.sense = solve::Sense::maximize;
  for (Cand c = 0; c < a.num_candidates; ++c) ilp.x.push_back(ilp.model.add_variable(0, 1, 0, true));
  std::vector<std::pair<int, double>> all;
  for (int v : ilp.x) all.emplace_back(v, 1.0);
  ilp.model.add_equality(all, k);
  for (size_t b = 0; b < a.size(); ++b) {
    int levels = std::min<int>(static_cast<int>(a.approved[b].size()), k);
    std::vector<std::pair<int, double>> row;
    int prev = -1;
    for (int l = 0; l < levels; ++l) {
      double coef = t.marginal[static_cast<size_t>(l)].get_d() * static_cast<double>(a.weights[b]);
      if (coef == 0 && t.nonincreasing) break;
      int y = ilp.model.add_variable(0, 1, coef, !t.nonincreasing);
      if (coef != 0) ilp.objective_terms.emplace_back(y, coef);
      row.emplace_back(y, 1.0);
      if (!t.nonincreasing && prev >= 0) ilp.model.add_constraint({{y, 1.0}, {prev, -1.0}}, -solve::kInfinity, 0);
      prev = y;
    }
    if (row.empty()) continue;
    for (Cand c : a.approved[b]) row.emplace_back(ilp.x[static_cast<size_t>(c)], -1.0);
    ilp.model.add_constraint(row, -solve::kInfinity, 0);
  }
  return ilp;
}

CommitteeResult ilp(const ApprovalProfile& a, int k, const ScaledThiele& t, const SolveSettings& s) {
  ThieleIlp m = build_thiele_ilp(a, k, t);
  Deadline deadline(s.time_limit);
  BestCommittees<Int128> best;
  bool proven = true;
  double target = -solve::kInfinity;
  while (true) {
    solve::SolveOptions opt;
    opt.time_limit_seconds = s.time_limit > 0 ? deadline.remaining_seconds() : 0;
    solve::Solution sol = solve::solve(m.model, opt);
    if (!sol.has_solution()) {
      if (sol.status != solve::SolveStatus::infeasible) proven = false;
      break;
    }
    std::vector<Cand> w;
    for (Cand c = 0; c < a.num_candidates; ++c)
      if (sol.values[static_cast<size_t>(m.x[static_cast<size_t>(c)])] > 0.5) w.push_back(c);
    if (static_cast<int>(w.size()) != k) throw std::runtime_error("thiele ilp: solution of the wrong size");
    Int128 score = thiele_score(a, t, w);
    if (best.any && score < best.best) break;  // below the optimum: every optimal committee found
    best.offer(score, w);
    if (!sol.proven_optimal) {
      proven = false;
      break;
    }
    if (s.resolute) break;
    // exclude this committee; keep only committees as good as the optimum (with a safety margin)
    std::vector<std::pair<int, double>> cut;
    for (Cand c : w) cut.emplace_back(m.x[static_cast<size_t>(c)], 1.0);
    m.model.add_constraint(cut, -solve::kInfinity, k - 1);
    if (target == -solve::kInfinity) {
      target = sol.objective - 1e-6 * std::max(1.0, std::abs(sol.objective));
      m.model.add_constraint(m.objective_terms, target, solve::kInfinity);
    }
  }
  return finish(best, t, "ilp", proven);
}

}  // namespace

CommitteeResult thiele_optimal(const ApprovalProfile& a, int k, const ScaledThiele& t, const SolveSettings& s) {
  std::string alg = s.algorithm;
  // On abcvoting's 1,000 benchmark instances (docs/committee.md): branch and bound solves every CC
  // instance (its voter-side bound is tight when weights drop to 0), the ILP beats it for PAV.
  const bool cc_like = t.nonincreasing && std::all_of(t.w.begin() + std::min<ptrdiff_t>(1, static_cast<ptrdiff_t>(t.w.size())),
                                                      t.w.end(), [](Int128 x) { return x == 0; });
  if (alg == "auto")
    alg = binomial(a.num_candidates, k) <= 2000 ? "brute-force" : cc_like ? "branch-and-bound" : "ilp";
  if (alg == "brute-force") return brute_force(a, k, t, s);
  if (alg == "branch-and-bound") {
    if (!t.nonincreasing) throw InputError("branch-and-bound needs nonincreasing Thiele weights; use algorithm=ilp");
    return ThieleBranchAndBound(a, k, t, s).run();
  }
  if (alg == "ilp") return ilp(a, k, t, s);
  throw InputError("unknown algorithm '" + alg + "' (brute-force, branch-and-bound, ilp)");
}

CommitteeResult lex_thiele_optimal(const ApprovalProfile& a, int k, const std::vector<ScaledThiele>& ts,
                                   const SolveSettings& s) {
  if (s.algorithm != "auto" && s.algorithm != "brute-force")
    throw InputError("lexicographic Thiele rules are computed by brute force only (algorithm=brute-force)");
  BestCommittees<std::vector<Int128>> best;
  Deadline deadline(s.time_limit);
  bool complete = for_each_committee(a.num_candidates, k, [&](const std::vector<Cand>& w) {
    std::vector<Int128> sc;
    for (const auto& t : ts) sc.push_back(thiele_score(a, t, w));
    best.offer(sc, w);
    return !deadline.poll();
  });
  CommitteeResult r;
  r.committees = std::move(best.committees);
  r.proven = complete;
  json scores = json::array();
  for (size_t i = 0; i < ts.size() && best.any; ++i) scores.push_back(to_string(to_rational(best.best[i], ts[i].scale)));
  r.explanation["scores"] = scores;
  r.explanation["algorithm"] = "brute-force";
  return r;
}

}  // namespace prefero
