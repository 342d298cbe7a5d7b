// GLAD: Whitehill, Ruvolo, Wu, Bergsma & Movellan, "Whose vote should count more", NIPS 2009.
// P(worker w gives the true label of task t) = sigma(alpha_w * beta_t), beta_t = exp(b_t) > 0;
// wrong labels uniform. EM: E-step over the true label, M-step gradient ascent on
// Q(alpha, b) + log N(alpha; mu_alpha, 1) + log N(b; mu_b, 1) (crowd-kit's parameterisation).
#include <cmath>
#include <limits>
#include <cstdint>

#include "core/error.hpp"
#include "crowd/answers.hpp"
#include "registry/registry.hpp"

namespace prefero::crowd {

namespace {

double log_sigmoid(double x) { return x >= 0 ? -std::log1p(std::exp(-x)) : x - std::log1p(std::exp(x)); }
double sigmoid(double x) { return x >= 0 ? 1 / (1 + std::exp(-x)) : std::exp(x) / (1 + std::exp(x)); }

struct Glad {
  const Answers& a;
  double log_k1, mu_a, mu_b;
  // q[i] = posterior that judgment i's label is the true one.
  double objective(const std::vector<double>& alpha, const std::vector<double>& b, const std::vector<double>& q) const {
    double f = 0;
    for (int t = 0; t < a.T; ++t) {
      const double beta = std::exp(b[t]);
      for (int i = a.task_start[t]; i < a.task_start[t + 1]; ++i) {
        const double x = alpha[a.task_worker[i]] * beta;
        f += q[i] * log_sigmoid(x) + (1 - q[i]) * (log_sigmoid(-x) - log_k1);
      }
      f -= 0.5 * (b[t] - mu_b) * (b[t] - mu_b);
    }
    for (double al : alpha) f -= 0.5 * (al - mu_a) * (al - mu_a);
    return f;
  }
  void gradient(const std::vector<double>& alpha, const std::vector<double>& b, const std::vector<double>& q,
                std::vector<double>& ga, std::vector<double>& gb) const {
    ga.assign(alpha.size(), 0.0);
    gb.assign(b.size(), 0.0);
    for (int t = 0; t < a.T; ++t) {
      const double beta = std::exp(b[t]);
      for (int i = a.task_start[t]; i < a.task_start[t + 1]; ++i) {
        const int w = a.task_worker[i];
        const double g = q[i] - sigmoid(alpha[w] * beta);  // dQ/dx
        ga[w] += g * beta;
        gb[t] += g * alpha[w] * beta;
      }
      gb[t] -= b[t] - mu_b;
    }
    for (size_t w = 0; w < alpha.size(); ++w) ga[w] -= alpha[w] - mu_a;
  }
};

InferenceResult glad(const LabelData& d, const Params& p) {
  Answers a(d);
  const int K = a.K;
  const int64_t n_iter = p.integer("n_iter"), m_iter = p.integer("m_step_max_iter");
  if (n_iter < 0 || n_iter > 100000 || m_iter < 0 || m_iter > 10000)
    throw InputError("glad: n_iter must be in [0, 100000] and m_step_max_iter in [0, 10000]");
  const double tol = p.number("tol");
  Glad g{a, K > 1 ? std::log(static_cast<double>(K - 1)) : 0.0, p.number("alphas_priors_mean"),
         p.number("betas_priors_mean")};
  std::vector<double> alpha(a.W, 1.0), b(a.T, 1.0), q(a.task_worker.size());
  std::vector<double> post(static_cast<size_t>(a.T) * K, 0.0);
  const double log_prior = -std::log(static_cast<double>(K));  // uniform, never re-estimated (crowd-kit)
  auto e_step = [&]() {
    for (int t = 0; t < a.T; ++t) {
      if (a.task_size(t) == 0) continue;
      double* pt = &post[static_cast<size_t>(t) * K];
      const double beta = std::exp(b[t]);
      double wrong_all = 0;
      for (int i = a.task_start[t]; i < a.task_start[t + 1]; ++i)
        wrong_all += log_sigmoid(-alpha[a.task_worker[i]] * beta) - g.log_k1;
      for (int c = 0; c < K; ++c) pt[c] = log_prior + wrong_all;
      for (int i = a.task_start[t]; i < a.task_start[t + 1]; ++i) {
        const double x = alpha[a.task_worker[i]] * beta;
        pt[a.task_label[i]] += log_sigmoid(x) - (log_sigmoid(-x) - g.log_k1);
      }
      double mx = pt[0];
      for (int c = 1; c < K; ++c) mx = std::max(mx, pt[c]);
      double s = 0;
      for (int c = 0; c < K; ++c) s += (pt[c] = std::exp(pt[c] - mx));
      for (int c = 0; c < K; ++c) pt[c] /= s;
      for (int i = a.task_start[t]; i < a.task_start[t + 1]; ++i) q[i] = pt[a.task_label[i]];
    }
  };
  std::vector<double> ga, gb, na(alpha.size()), nb(b.size());
  double last = -std::numeric_limits<double>::infinity();
  int64_t it = 0;
  for (; it < n_iter; ++it) {
    e_step();
    double f = g.objective(alpha, b, q);
    double step = 1.0 / std::max<double>(1.0, static_cast<double>(a.task_worker.size()) / std::max(1, a.W));
    for (int64_t m = 0; m < m_iter; ++m) {  // gradient ascent with backtracking
      g.gradient(alpha, b, q, ga, gb);
      bool moved = false;
      for (int tries = 0; tries < 30; ++tries) {
        for (size_t w = 0; w < alpha.size(); ++w) na[w] = alpha[w] + step * ga[w];
        for (size_t t = 0; t < b.size(); ++t) nb[t] = b[t] + step * gb[t];
        double nf = g.objective(na, nb, q);
        if (nf >= f) {
          moved = nf - f > 1e-12 * std::abs(f);
          alpha.swap(na), b.swap(nb), f = nf, step *= 1.5;
          break;
        }
        step *= 0.5;
      }
      if (!moved) break;
    }
    const double per = f / static_cast<double>(std::max<size_t>(1, a.task_worker.size()));
    if (per - last < tol) {
      ++it;
      break;
    }
    last = per;
  }
  e_step();
  InferenceResult r = result_from_posteriors(a, post);
  r.worker_skill = alpha;
  r.explanation["iterations"] = it;
  json diff = json::array();
  for (int t = 0; t < a.T; ++t) diff.push_back(std::exp(b[t]));
  r.explanation["task_easiness_beta"] = std::move(diff);
  return r;
}

const Registration r_glad{MethodInfo{
    .id = "glad", .aliases = {"GLAD"}, .family = "crowd", .input = "labels",
    .summary = "EM over worker expertise alpha and task easiness beta: P(correct) = sigmoid(alpha * beta)",
    .citation = "Whitehill, Ruvolo, Wu, Bergsma & Movellan, NIPS 2009; crowd-kit GLAD",
    .params = {{"n_iter", ParamType::integer, "100", "maximum EM iterations", {}},
               {"tol", ParamType::number, "1e-05", "stop when Q per judgment rises by less than this", {}},
               {"m_step_max_iter", ParamType::integer, "25", "gradient steps per M-step", {}},
               {"alphas_priors_mean", ParamType::number, "1", "mean of the N(mu, 1) prior on worker alpha", {}},
               {"betas_priors_mean", ParamType::number, "1", "mean of the N(mu, 1) prior on log task beta", {}}},
    .infer = glad}};

}  // namespace

}  // namespace prefero::crowd
