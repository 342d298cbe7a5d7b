// Top-two answers and confusion probability: Jeong & Chung, "Recovering Top-Two Answers and
// Confusion Probability in Multi-Choice Crowdsourcing", ICML 2023 (two-stage: spectral estimate,
// then plug-in maximum likelihood). The released code estimates q from the ground truth; here q
// is estimated from the stage-1 top answer, as the paper intends.
#include <cmath>
#include <cstdint>

#include "core/error.hpp"
#include "crowd/answers.hpp"
#include "registry/registry.hpp"

namespace prefero::crowd {

namespace {

struct Obs {
  int worker, task, label;
};

// Top left singular vector of A = B - c 11^T, B the sparse +-1 matrix of threshold `ell`
// (worker x task), by power iteration on A A^T from the all-ones vector.
std::vector<double> top_left_vector(const std::vector<Obs>& obs, int n, int m, int ell, double c, int iters) {
  std::vector<double> u(static_cast<size_t>(n), 1.0 / std::sqrt(static_cast<double>(n))), v(static_cast<size_t>(m));
  for (int it = 0; it < iters; ++it) {
    double su = 0;
    for (double x : u) su += x;
    std::fill(v.begin(), v.end(), -c * su);  // v = A^T u
    for (const auto& o : obs) v[o.task] += (o.label <= ell ? -1.0 : 1.0) * u[o.worker];
    double sv = 0;
    for (double x : v) sv += x;
    std::vector<double> nu(static_cast<size_t>(n), -c * sv);  // u = A v
    for (const auto& o : obs) nu[o.worker] += (o.label <= ell ? -1.0 : 1.0) * v[o.task];
    double norm = 0;
    for (double x : nu) norm += x * x;
    norm = std::sqrt(norm);
    if (!(norm > 0)) break;
    double change = 0;
    for (int i = 0; i < n; ++i) {
      nu[i] /= norm;
      change += std::abs(nu[i] - u[i]);
    }
    u.swap(nu);
    if (change < 1e-12) break;
  }
  double s = 0;
  for (double x : u) s += x;
  if (s < 0)
    for (double& x : u) x = -x;
  return u;
}

InferenceResult top_two(const LabelData& d, const Params& p) {
  Answers a(d);
  const int K = a.K, n = a.W, m = a.T;
  if (K < 3) throw InputError("top_two needs at least 3 labels (the model is degenerate for K = 2); the data have " +
                              std::to_string(K));
  const int iters = static_cast<int>(std::clamp<int64_t>(p.integer("power_iterations"), 1, 100000));
  // One answer per (worker, task): the last in file order (the authors' loaders overwrite).
  std::vector<Obs> obs;
  for (int t = 0; t < m; ++t) {
    for (int i = a.task_start[t]; i < a.task_start[t + 1]; ++i) {
      bool later = false;
      for (int k = i + 1; k < a.task_start[t + 1]; ++k) later |= a.task_worker[k] == a.task_worker[i];
      if (!later) obs.push_back({a.task_worker[i], t, a.task_label[i] + 1});  // labels 1..K
    }
  }
  const double S = static_cast<double>(obs.size()) / (static_cast<double>(n) * m);
  // Stage 1.
  std::vector<double> ubar(static_cast<size_t>(n), 0.0);
  std::vector<std::vector<double>> wv(static_cast<size_t>(K + 1), std::vector<double>(static_cast<size_t>(m), 0.0));
  std::vector<std::vector<double>> us;
  for (int ell = 1; ell < K; ++ell) {
    const double c = S * (K - 2.0 * ell) / K;
    us.push_back(top_left_vector(obs, n, m, ell, c, iters));
    for (int i = 0; i < n; ++i) ubar[i] += us.back()[i] / (K - 1);
  }
  for (double& x : ubar) x = std::clamp(x, 0.0, 1.0);
  double su = 0;
  for (double x : ubar) su += x;
  for (int ell = 1; ell < K; ++ell) {
    const double c = S * (K - 2.0 * ell) / K;
    auto& w = wv[ell];
    std::fill(w.begin(), w.end(), -c * su);
    for (const auto& o : obs) w[o.task] += (o.label <= ell ? -1.0 : 1.0) * ubar[o.worker];
    for (double& x : w) x /= 2 * S;
  }
  auto top2_of = [&](const std::vector<double>& score, int& g, int& h) {  // ties -> lower index
    g = 0;
    for (int k = 1; k < K; ++k)
      if (score[k] > score[g]) g = k;
    h = g == 0 ? 1 : 0;
    for (int k = 0; k < K; ++k)
      if (k != g && score[k] > score[h]) h = k;
  };
  std::vector<int> g1(m), h1(m);
  std::vector<double> delta_g(m);
  std::vector<double> neg(static_cast<size_t>(K));
  for (int t = 0; t < m; ++t) {
    for (int k = 1; k <= K; ++k) neg[k - 1] = -(wv[k][t] - wv[k - 1][t]);
    top2_of(neg, g1[t], h1[t]);
    delta_g[t] = -neg[g1[t]];
  }
  std::vector<double> phat(static_cast<size_t>(n), 0.0), cnt(static_cast<size_t>(n), 0.0);
  for (const auto& o : obs) {
    cnt[o.worker] += 1;
    phat[o.worker] += (o.label - 1 == g1[o.task] || o.label - 1 == h1[o.task]) ? 1.0 : 0.0;
  }
  double pn = 0;
  for (int i = 0; i < n; ++i) {
    double f = cnt[i] > 0 ? phat[i] / cnt[i] : 2.0 / K;
    phat[i] = std::clamp((f - 2.0 / K) / (1 - 2.0 / K), 0.001, 0.999);
    pn += phat[i] * phat[i];
  }
  pn = std::sqrt(pn);
  std::vector<double> q(m);
  for (int t = 0; t < m; ++t) q[t] = std::clamp(1.0 / K - delta_g[t] / pn, 0.501, 0.999);
  // Stage 2: plug-in MLE of (top1, top2) per task.
  std::vector<std::vector<int>> by_task(static_cast<size_t>(m));
  for (size_t k = 0; k < obs.size(); ++k) by_task[obs[k].task].push_back(static_cast<int>(k));
  InferenceResult r;
  r.labels.assign(m, -1);
  r.posteriors.resize(m);
  json second = json::object(), conf = json::object();
  std::vector<double> G(static_cast<size_t>(K)), H(static_cast<size_t>(K));
  for (int t = 0; t < m; ++t) {
    if (by_task[t].empty()) continue;
    std::fill(G.begin(), G.end(), 0.0), std::fill(H.begin(), H.end(), 0.0);
    for (int k : by_task[t]) {
      const Obs& o = obs[k];
      const double odds = phat[o.worker] / (1 - phat[o.worker]);
      G[o.label - 1] += std::log(K * q[t] * odds + 1);
      H[o.label - 1] += std::log(K * (1 - q[t]) * odds + 1);
    }
    int bg = -1, bh = -1;
    double best = -1;
    std::vector<double> profile(static_cast<size_t>(K), -1e300);
    for (int x = 0; x < K; ++x)
      for (int y = 0; y < K; ++y) {
        if (x == y) continue;
        const double v = G[x] + H[y];
        profile[x] = std::max(profile[x], v);
        if (v > best) best = v, bg = x, bh = y;
      }
    r.labels[t] = bg;
    // Posterior of the top answer: softmax of the profile log-likelihood max_{y != x} G(x) + H(y).
    auto& post = r.posteriors[t];
    post.resize(static_cast<size_t>(K));
    double mx = *std::max_element(profile.begin(), profile.end()), s = 0;
    for (int x = 0; x < K; ++x) s += (post[x] = std::exp(profile[x] - mx));
    for (double& x : post) x /= s;
    second[d.tasks[t]] = d.labels[bh];
    conf[d.tasks[t]] = q[t];
  }
  r.worker_skill = phat;
  r.explanation["second_labels"] = std::move(second);
  r.explanation["confusion_q"] = std::move(conf);
  return r;
}

const Registration r_top_two{MethodInfo{
    .id = "top_two", .aliases = {"TopTwo"}, .family = "crowd", .input = "labels",
    .summary = "Top-two answers and a confusion probability per task (spectral stage, then plug-in MLE)",
    .citation = "Jeong & Chung, ICML 2023 (PMLR 202:14836-14868)",
    .params = {{"power_iterations", ParamType::integer, "200", "power iterations per singular vector", {}}},
    .infer = top_two}};

}  // namespace

}  // namespace prefero::crowd
