// MACE: Hovy, Berg-Kirkpatrick, Vaswani & Hovy, "Learning Whom to Trust with MACE", NAACL 2013.
// Worker j answers the true label with probability theta_j ("knows"), otherwise spams from its
// own strategy xi_j. EM or variational Bayes (Beta(alpha, beta) prior on theta, symmetric
// Dirichlet prior on xi), in log space, n_restarts independent random starts (crowd-kit reuses
// one start for every restart), best restart by log marginal likelihood.
#include <boost/math/special_functions/digamma.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

#include "core/error.hpp"
#include "crowd/answers.hpp"
#include "registry/registry.hpp"

namespace prefero::crowd {

namespace {

struct MaceFit {
  std::vector<double> know, spam, xi, post;  // xi: W*K
  double loglik = -std::numeric_limits<double>::infinity();
};

double log_sum_exp(const double* v, int n) {
  double mx = v[0];
  for (int i = 1; i < n; ++i) mx = std::max(mx, v[i]);
  if (!std::isfinite(mx)) return mx;
  double s = 0;
  for (int i = 0; i < n; ++i) s += std::exp(v[i] - mx);
  return mx + std::log(s);
}

MaceFit fit_once(const Answers& a, std::mt19937_64& rng, int64_t n_iter, bool vb, double alpha, double beta,
                 double dir, double smoothing, double noise) {
  const int K = a.K;
  MaceFit f;
  std::uniform_real_distribution<double> u0(0.0, 1.0);
  // Starts drawn from U(1, 2 + noise) and normalised (crowd-kit: scipy uniform(loc=1, scale=1 + noise)).
  auto u = [&](std::mt19937_64& g) { return (1 + noise) * u0(g); };
  f.know.resize(a.W), f.spam.resize(a.W), f.xi.resize(static_cast<size_t>(a.W) * K);
  for (int w = 0; w < a.W; ++w) {  // random start, drawn per worker index (row order does not matter)
    double k = 1 + u(rng), s = 1 + u(rng);
    f.know[w] = k / (k + s), f.spam[w] = s / (k + s);
    double tot = 0;
    for (int l = 0; l < K; ++l) tot += (f.xi[static_cast<size_t>(w) * K + l] = 1 + u(rng));
    for (int l = 0; l < K; ++l) f.xi[static_cast<size_t>(w) * K + l] /= tot;
  }
  f.post.assign(static_cast<size_t>(a.T) * K, 0.0);
  std::vector<double> know_c(a.W), spam_c(a.W), xi_c(static_cast<size_t>(a.W) * K);
  std::vector<double> lg(static_cast<size_t>(K));
  for (int64_t it = 0; it <= n_iter; ++it) {
    // E-step: P(T = k | answers) and the log marginal likelihood.
    double ll = 0;
    std::fill(know_c.begin(), know_c.end(), 0.0);
    std::fill(spam_c.begin(), spam_c.end(), 0.0);
    std::fill(xi_c.begin(), xi_c.end(), 0.0);
    for (int t = 0; t < a.T; ++t) {
      if (a.task_size(t) == 0) continue;
      for (int k = 0; k < K; ++k) lg[k] = -std::log(static_cast<double>(K));
      for (int i = a.task_start[t]; i < a.task_start[t + 1]; ++i) {
        const int w = a.task_worker[i], l = a.task_label[i];
        const double sp = f.spam[w] * f.xi[static_cast<size_t>(w) * K + l];
        for (int k = 0; k < K; ++k) lg[k] += std::log((k == l ? f.know[w] : 0.0) + sp);
      }
      const double z = log_sum_exp(lg.data(), K);
      ll += z;
      double* p = &f.post[static_cast<size_t>(t) * K];
      for (int k = 0; k < K; ++k) p[k] = std::exp(lg[k] - z);
      for (int i = a.task_start[t]; i < a.task_start[t + 1]; ++i) {
        const int w = a.task_worker[i], l = a.task_label[i];
        const double sp = f.spam[w] * f.xi[static_cast<size_t>(w) * K + l];
        const double knows = p[l] * f.know[w] / (f.know[w] + sp);  // P(not spamming | answers)
        know_c[w] += knows;
        spam_c[w] += 1 - knows;
        xi_c[static_cast<size_t>(w) * K + l] += 1 - knows;
      }
    }
    f.loglik = ll;
    if (it == n_iter) break;
    // M-step.
    for (int w = 0; w < a.W; ++w) {
      double* xc = &xi_c[static_cast<size_t>(w) * K];
      double* xw = &f.xi[static_cast<size_t>(w) * K];
      if (vb) {
        using boost::math::digamma;
        const double tot = digamma(know_c[w] + spam_c[w] + alpha + beta);
        f.know[w] = std::exp(digamma(know_c[w] + alpha) - tot);
        f.spam[w] = std::exp(digamma(spam_c[w] + beta) - tot);
        double xs = 0;
        for (int l = 0; l < K; ++l) xs += xc[l] + dir;
        const double xt = digamma(xs);
        for (int l = 0; l < K; ++l) xw[l] = std::exp(digamma(xc[l] + dir) - xt);
      } else {
        const double tot = know_c[w] + spam_c[w] + 2 * smoothing;
        f.know[w] = (know_c[w] + smoothing) / tot;
        f.spam[w] = (spam_c[w] + smoothing) / tot;
        double xs = 0;
        for (int l = 0; l < K; ++l) xs += xc[l] + smoothing;
        for (int l = 0; l < K; ++l) xw[l] = (xc[l] + smoothing) / xs;
      }
    }
  }
  return f;
}

InferenceResult mace(const LabelData& d, const Params& p) {
  Answers a(d);
  const int64_t restarts = p.integer("n_restarts"), n_iter = p.integer("n_iter");
  if (restarts < 1 || restarts > 1000 || n_iter < 0 || n_iter > 100000)
    throw InputError("mace: n_restarts must be in [1, 1000] and n_iter in [0, 100000]");
  const bool vb = p.text("method") == "vb";
  const double smoothing = p.number("smoothing") > 0 ? p.number("smoothing") : 0.01 / a.K;
  std::mt19937_64 rng(static_cast<uint64_t>(p.integer("seed")));
  MaceFit best;
  json lls = json::array();
  for (int64_t r = 0; r < restarts; ++r) {
    MaceFit f = fit_once(a, rng, n_iter, vb, p.number("alpha"), p.number("beta"), p.number("strategy_prior"), smoothing,
                        p.number("default_noise"));
    lls.push_back(f.loglik);
    if (f.loglik > best.loglik) best = std::move(f);
  }
  InferenceResult res = result_from_posteriors(a, best.post);
  res.worker_skill.resize(a.W);
  for (int w = 0; w < a.W; ++w) res.worker_skill[w] = best.know[w] / (best.know[w] + best.spam[w]);
  res.explanation["restart_log_likelihoods"] = std::move(lls);
  res.explanation["log_likelihood"] = best.loglik;
  return res;
}

const Registration r_mace{MethodInfo{
    .id = "mace", .aliases = {"MACE"}, .family = "crowd", .input = "labels",
    .summary = "Multi-Annotator Competence Estimation: each worker knows the answer or spams by its own strategy",
    .citation = "Hovy, Berg-Kirkpatrick, Vaswani & Hovy, NAACL 2013; crowd-kit MACE",
    .params = {{"n_restarts", ParamType::integer, "10", "independent random starts; the best likelihood wins", {}},
               {"n_iter", ParamType::integer, "50", "EM / VB iterations per start", {}},
               {"method", ParamType::choice, "vb", "vb (variational Bayes, crowd-kit default) or em", {"vb", "em"}},
               {"alpha", ParamType::number, "0.5", "Beta prior on knowing (vb)", {}},
               {"beta", ParamType::number, "0.5", "Beta prior on spamming (vb)", {}},
               {"strategy_prior", ParamType::number, "10", "symmetric Dirichlet prior on the spam strategy (vb)", {}},
               {"smoothing", ParamType::number, "0", "add-s smoothing of the em M-step (0 = 0.01/K, crowd-kit)", {}},
               {"default_noise", ParamType::number, "0.5", "starting values are drawn from U(1, 2 + default_noise), normalised",
                {}},
               {"seed", ParamType::integer, "0", "seed of the random starts", {}}},
    .infer = mace}};

}  // namespace

}  // namespace prefero::crowd
