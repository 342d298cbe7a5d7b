// M-MSR: Ma & Olshevsky, "Adversarial Crowdsourcing Through Robust Rank-One Matrix Completion",
// NeurIPS 2020; crowd-kit MMSR (same conventions: numpy-compatible uniform start from the seed,
// trimmed-mean updates, sign recovery on the signed co-worker graph, clipping, log-odds weighted
// vote). Unlike crowd-kit, the W x W covariation matrix is kept sparse (observed pairs only), so
// the cost is O(sum over tasks of answers^2) per pass instead of O(W^2 T).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>

#include "core/error.hpp"
#include "crowd/answers.hpp"
#include "crowd/small_linalg.hpp"
#include "registry/registry.hpp"

namespace prefero::crowd {

namespace {

// One observed co-worker pair: C = K/(K-1) * agree/common - 1/(K-1).
struct CoWorker {
  int other = 0;
  double c = 0;
};

// numpy.random.RandomState(seed).random_sample(n): MT19937 and 53-bit doubles (genrand_res53).
std::vector<double> numpy_uniform(uint32_t seed, int n) {
  std::mt19937 g(seed);
  std::vector<double> out(static_cast<size_t>(n));
  for (double& x : out) {
    const double a = static_cast<double>(g() >> 5), b = static_cast<double>(g() >> 6);
    x = (a * 67108864.0 + b) / 9007199254740992.0;
  }
  return out;
}

// Covariation of every pair of workers with a common task. A worker answering a task twice
// counts with its last answer (crowd-kit fills a dense worker x task matrix row by row).
std::vector<std::vector<CoWorker>> covariation(const Answers& a, int K_used) {
  // last label of (task, worker): walk each task's judgments in file order.
  std::vector<std::vector<std::pair<int, int>>> task_votes(a.T);  // (worker, label), one per worker
  std::vector<int> slot(a.W, -1);
  for (int t = 0; t < a.T; ++t) {
    auto& v = task_votes[t];
    for (int i = a.task_start[t]; i < a.task_start[t + 1]; ++i) {
      const int w = a.task_worker[i];
      if (slot[w] < 0) {
        slot[w] = static_cast<int>(v.size());
        v.emplace_back(w, a.task_label[i]);
      } else {
        v[slot[w]].second = a.task_label[i];
      }
    }
    for (auto& [w, l] : v) slot[w] = -1;
  }
  std::vector<std::vector<int>> worker_tasks(a.W);
  for (int t = 0; t < a.T; ++t)
    for (int k = 0; k < static_cast<int>(task_votes[t].size()); ++k) worker_tasks[task_votes[t][k].first].push_back(t);
  std::vector<std::vector<CoWorker>> out(a.W);
  std::vector<int> common(a.W, 0), agree(a.W, 0), touched;
  const double k1 = static_cast<double>(K_used) / (K_used - 1), off = 1.0 / (K_used - 1);
  for (int w = 0; w < a.W; ++w) {
    touched.clear();
    for (int t : worker_tasks[w]) {
      int mine = -1;
      for (auto [u, l] : task_votes[t])
        if (u == w) mine = l;
      for (auto [u, l] : task_votes[t]) {
        if (u == w) continue;
        if (common[u]++ == 0) touched.push_back(u);
        agree[u] += l == mine;
      }
    }
    std::sort(touched.begin(), touched.end());
    for (int u : touched) {
      out[w].push_back({u, k1 * (static_cast<double>(agree[u]) / common[u]) - off});
      common[u] = agree[u] = 0;
    }
  }
  return out;
}

// crowd-kit's _remove_largest_and_smallest_F_value followed by the mean; false when nothing is left.
bool trimmed_mean(std::vector<double>& y, int F, double a, int n_tasks, double& out) {
  std::sort(y.begin(), y.end(), [](double p, double q) { return p < q || (!std::isnan(p) && std::isnan(q)); });
  const auto count_if = [&](auto pred) { return static_cast<int>(std::count_if(y.begin(), y.end(), pred)); };
  if (F >= 0 && count_if([&](double x) { return x < a; }) < F) {
    y.erase(std::remove_if(y.begin(), y.end(), [&](double x) { return !(x >= a); }), y.end());
  } else if (F >= 0) {
    y.erase(y.begin(), y.begin() + std::min<size_t>(static_cast<size_t>(F), y.size()));
  } else {  // y[F:] with F < 0 keeps the last -F values
    const size_t keep = std::min<size_t>(static_cast<size_t>(-F), y.size());
    y.erase(y.begin(), y.end() - static_cast<std::ptrdiff_t>(keep));
  }
  if (F >= 0 && count_if([&](double x) { return x > a; }) < F) {
    y.erase(std::remove_if(y.begin(), y.end(), [&](double x) { return !(x <= a); }), y.end());
  } else if (F >= 0) {
    y.resize(y.size() - std::min<size_t>(static_cast<size_t>(F), y.size()));
  }
  if (y.size() == 1 && y[0] == 0) y[0] = 1 / std::sqrt(static_cast<double>(n_tasks));
  if (y.empty()) return false;
  double s = 0;
  for (double x : y) s += x;
  out = s / static_cast<double>(y.size());
  return true;
}

// crowd-kit's _sign_determination_valid. Graph on the valid workers (row sum of C != 0): a
// negative C_ij (also every unobserved pair and the diagonal, where C = -1/(K-1)) is an edge i-j;
// a positive C_ij (i < j) is a path i-e-j through a new node e. The signs of the eigenvector of
// the random-walk matrix D^-1 A for its smallest eigenvalue split the workers. Computed here with
// restarted Lanczos on D^-1/2 A D^-1/2 (same eigenvectors up to the positive scaling D^-1/2).
std::vector<double> worker_signs(const std::vector<std::vector<CoWorker>>& cov, int W, int K_used) {
  const double unobserved = -1.0 / (K_used - 1);
  std::vector<int> vid(W, -1), workers;
  for (int w = 0; w < W; ++w) {
    double sum = 0;
    for (const auto& e : cov[w]) sum += e.c;
    sum += static_cast<double>(W - static_cast<int>(cov[w].size())) * unobserved;
    if (std::abs(sum) > 1e-12) vid[w] = static_cast<int>(workers.size()), workers.push_back(w);
  }
  const int k = static_cast<int>(workers.size());
  std::vector<std::vector<int>> not_negative(k);  // valid co-workers j with C_ij >= 0
  std::vector<std::pair<int, int>> positive;      // i < j with C_ij > 0 (new nodes)
  std::vector<int> n_pos(k, 0);
  for (int i = 0; i < k; ++i)
    for (const auto& e : cov[workers[i]]) {
      const int j = vid[e.other];
      if (j < 0 || e.c < 0) continue;
      not_negative[i].push_back(j);
      if (e.c > 0) {
        ++n_pos[i];
        if (i < j) positive.emplace_back(i, j);
      }
    }
  std::vector<std::vector<int>> incident(k);  // new nodes at each worker
  for (int e = 0; e < static_cast<int>(positive.size()); ++e)
    incident[positive[e].first].push_back(e), incident[positive[e].second].push_back(e);
  const int n = k + static_cast<int>(positive.size());
  std::vector<double> inv_sqrt_deg(static_cast<size_t>(n));
  for (int i = 0; i < k; ++i)
    inv_sqrt_deg[i] = 1 / std::sqrt(static_cast<double>(k - static_cast<int>(not_negative[i].size()) + n_pos[i]));
  for (int e = k; e < n; ++e) inv_sqrt_deg[e] = 1 / std::sqrt(2.0);
  auto apply = [&](const std::vector<double>& x, std::vector<double>& y) {  // y = D^-1/2 A D^-1/2 x
    std::vector<double> z(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) z[i] = x[i] * inv_sqrt_deg[i];
    double all = 0;
    for (int i = 0; i < k; ++i) all += z[i];
    for (int i = 0; i < k; ++i) {
      double s = all;
      for (int j : not_negative[i]) s -= z[j];
      for (int e : incident[i]) s += z[k + e];
      y[i] = s * inv_sqrt_deg[i];
    }
    for (int e = 0; e < n - k; ++e) y[k + e] = (z[positive[e].first] + z[positive[e].second]) * inv_sqrt_deg[k + e];
  };
  // Restarted Lanczos with full reorthogonalisation for the smallest eigenvalue.
  const int steps = std::min(n, 48);
  std::vector<double> start(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) start[i] = 1.0 + 0.5 * std::sin(1.0 + 0.7 * i);
  std::vector<std::vector<double>> Q;
  std::vector<double> x = start, w(static_cast<size_t>(n));
  auto dot = [&](const std::vector<double>& p, const std::vector<double>& q) {
    double s = 0;
    for (int i = 0; i < n; ++i) s += p[i] * q[i];
    return s;
  };
  for (int restart = 0; restart < 500; ++restart) {
    double norm = std::sqrt(dot(x, x));
    for (double& v : x) v /= norm;
    Q.assign(1, x);
    std::vector<double> alpha, beta;
    double residual_scale = 0;
    for (int s = 0; s < steps; ++s) {
      apply(Q[s], w);
      alpha.push_back(dot(Q[s], w));
      for (int pass = 0; pass < 2; ++pass)
        for (const auto& q : Q) {
          const double c = dot(q, w);
          for (int i = 0; i < n; ++i) w[i] -= c * q[i];
        }
      const double b = std::sqrt(dot(w, w));
      beta.push_back(b);
      if (b < 1e-12 || s + 1 == steps) break;
      for (double& v : w) v /= b;
      Q.push_back(w);
    }
    const int m = static_cast<int>(alpha.size());
    SmallMatrix T(m);
    for (int i = 0; i < m; ++i) {
      T(i, i) = alpha[i];
      if (i + 1 < m) T(i, i + 1) = T(i + 1, i) = beta[i];
    }
    const SymmetricEigen eig = symmetric_eigen(T);
    std::vector<double> z(static_cast<size_t>(m));
    for (int j = 0; j < m; ++j) z[j] = eig.vectors(j, 0);
    std::fill(x.begin(), x.end(), 0.0);
    for (int j = 0; j < m; ++j)
      for (int i = 0; i < n; ++i) x[i] += z[j] * Q[j][i];
    residual_scale = beta.back() * std::abs(z.back());
    if (residual_scale < 1e-10 || m == n) break;
  }
  std::vector<double> sign(static_cast<size_t>(W), 0.0);
  int total = 0;
  for (int i = 0; i < k; ++i) total += (x[i] > 0) - (x[i] < 0);
  const double flip = (total > 0) - (total < 0);
  for (int i = 0; i < k; ++i) sign[workers[i]] = flip * ((x[i] > 0) - (x[i] < 0));
  return sign;
}

InferenceResult mmsr(const LabelData& d, const Params& p) {
  Answers a(d);
  const int64_t n_iter = p.integer("n_iter");
  if (n_iter < 0 || n_iter > 1000000) throw InputError("mmsr: n_iter must be in [0, 1000000]");
  const double tol = p.number("tol");
  const int64_t seed = p.integer("seed");
  if (seed < 0 || seed > 4294967295LL) throw InputError("mmsr: seed must be in [0, 2^32 - 1]");
  std::vector<char> used(static_cast<size_t>(a.K), 0);
  for (int l : a.task_label) used[l] = 1;
  const int K_used = static_cast<int>(std::count(used.begin(), used.end(), 1));
  if (K_used < 2) throw InputError("mmsr needs judgments with at least two distinct labels");
  int n_tasks = 0;
  for (int t = 0; t < a.T; ++t) n_tasks += a.task_size(t) > 0;
  const int W = a.W;
  const auto cov = covariation(a, K_used);
  int sparsity = W > 0 ? W : 0;
  for (int w = 0; w < W; ++w) sparsity = std::min(sparsity, static_cast<int>(cov[w].size()));
  const int F = sparsity / 2 - 1;
  // Robust rank-one completion of |C| by alternating trimmed means (u and v start equal).
  std::vector<double> u = numpy_uniform(static_cast<uint32_t>(seed), W), v = u, y;
  json losses = json::array();
  int64_t it = 0;
  for (; it < n_iter; ++it) {
    const std::vector<double> u0 = u, v0 = v;
    for (int j = 0; j < W; ++j) {
      y.clear();
      for (const auto& e : cov[j]) y.push_back(std::abs(e.c) / u[e.other]);
      double m = 0;
      if (trimmed_mean(y, F, v[j], n_tasks, m)) v[j] = m;
    }
    for (int i = 0; i < W; ++i) {
      y.clear();
      for (const auto& e : cov[i]) y.push_back(std::abs(e.c) / v[e.other]);
      double m = 0;
      if (trimmed_mean(y, F, u[i], n_tasks, m)) u[i] = m;
    }
    // ||u v^T - u0 v0^T||_F from differences: (u - u0) v^T + u0 (v - v0)^T.
    double du2 = 0, dv2 = 0, vv = 0, uu0 = 0, du_u0 = 0, v_dv = 0;
    for (int i = 0; i < W; ++i) {
      const double du = u[i] - u0[i], dv = v[i] - v0[i];
      du2 += du * du, dv2 += dv * dv, vv += v[i] * v[i], uu0 += u0[i] * u0[i];
      du_u0 += du * u0[i], v_dv += v[i] * dv;
    }
    const double loss = std::sqrt(std::max(0.0, du2 * vv + 2 * du_u0 * v_dv + uu0 * dv2));
    losses.push_back(loss);
    if (loss < tol) {
      ++it;
      break;
    }
  }
  double nu = 0, nv = 0;
  for (int i = 0; i < W; ++i) nu += u[i] * u[i], nv += v[i] * v[i];
  const double scale = std::sqrt(std::sqrt(nu) / std::sqrt(nv));
  const std::vector<double> sign = worker_signs(cov, W, K_used);
  const double Kd = K_used, root_t = std::sqrt(static_cast<double>(n_tasks));
  InferenceResult r;
  r.worker_skill.assign(W, 0.0);
  std::vector<double> weight(W, 0.0);
  for (int w = 0; w < W; ++w) {
    double s = sign[w] * (u[w] / scale);
    s = std::max(std::min(s, 1 - 1 / root_t), -1 / (Kd - 1) + 1 / root_t);
    const double prob = s * (Kd - 1) / Kd + 1 / Kd;
    r.worker_skill[w] = prob;
    weight[w] = std::log(prob * (Kd - 1) / (1 - prob));
  }
  // crowd-kit's MajorityVote(skills=weights): scores per label, divided by their row sum; the
  // label is the argmax of that ratio over the labels present in the data (a negative row sum
  // reverses the order, as in crowd-kit); a zero row sum falls back to the largest score.
  r.labels.assign(a.T, -1);
  r.posteriors.resize(a.T);
  for (int t = 0; t < a.T; ++t) {
    if (a.task_size(t) == 0) continue;
    std::vector<double> score(static_cast<size_t>(a.K), 0.0);
    for (int i = a.task_start[t]; i < a.task_start[t + 1]; ++i) score[a.task_label[i]] += weight[a.task_worker[i]];
    double sum = 0;
    for (double s : score) sum += s;
    std::vector<double> ratio = score;
    if (sum != 0)
      for (double& x : ratio) x /= sum;
    int best = -1;
    for (int l = 0; l < a.K; ++l)
      if (used[l] && (best < 0 || ratio[l] > ratio[best])) best = l;
    r.labels[t] = best;
    r.posteriors[t] = ratio;
  }
  r.explanation["iterations"] = it;
  r.explanation["trim_F"] = F;
  r.explanation["worker_weights"] = weight;
  r.explanation["posteriors_are_weight_shares"] = true;
  if (!losses.empty()) r.explanation["final_loss"] = losses.back();
  return r;
}

const Registration r_mmsr{MethodInfo{
    .id = "mmsr", .aliases = {"m_msr", "MMSR"}, .family = "crowd", .input = "labels",
    .summary = "Matrix Mean-Subsequence-Reduced: robust rank-one completion of worker agreement, then a "
               "log-odds weighted vote",
    .citation = "Ma & Olshevsky, NeurIPS 2020 (arXiv 2010.12181); crowd-kit MMSR",
    .params = {{"n_iter", ParamType::integer, "10000", "maximum number of trimmed-mean passes", {}},
               {"tol", ParamType::number, "1e-10", "stop when ||u v^T - u' v'^T||_F falls below this", {}},
               {"seed", ParamType::integer, "0", "seed of the uniform start (numpy RandomState compatible)", {}}},
    .infer = mmsr}};

}  // namespace

}  // namespace prefero::crowd
