// MACE: Hovy, Berg-Kirkpatrick, Vaswani & Hovy, "Learning Whom to Trust with MACE", NAACL 2013.
// Worker j answers the true label with probability theta_j ("knows"), otherwise spams from its
// own strategy xi_j. EM or variational Bayes (Beta(alpha, beta) prior on theta, symmetric
// Dirichlet prior on xi), in log space, n_restarts independent random starts (crowd-kit reuses
// one start for every restart), best restart by log marginal likelihood.
#include <boost/math/special_functions/digamma.hpp>

#include <cmath>
#include <cstdint>
#include <algorithm>
#include <limits>
#include <random>
#include <string>

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

// crowd-kit 1.4.1's conventions, reproduced for comparison (convention=crowdkit): workers and
// labels are coded by first appearance (pd.factorize), every restart starts from the same numpy
// draws, and the spam strategies are read back from a groupby table whose rows are workers in
// name order and whose columns are labels in sorted order, then used as if they were in
// first-appearance order, so worker j receives the strategy counts of another worker.
struct CrowdKitOrder {
  std::vector<int> worker_code, label_code;  // first-appearance code of each worker / label
  std::vector<int> worker_by_sorted_name;    // i-th worker in name order
};

CrowdKitOrder crowdkit_order(const LabelData& d, bool numeric_ids) {
  CrowdKitOrder o;
  o.worker_code.assign(d.workers.size(), -1);
  o.label_code.assign(d.labels.size(), -1);
  int nw = 0, nl = 0;
  for (const auto& j : d.judgments) {
    if (o.worker_code[j.worker] < 0) o.worker_code[j.worker] = nw++;
    if (o.label_code[j.label] < 0) o.label_code[j.label] = nl++;
  }
  for (int& c : o.worker_code)
    if (c < 0) c = nw++;
  for (int& c : o.label_code)
    if (c < 0) c = nl++;
  o.worker_by_sorted_name.resize(d.workers.size());
  for (size_t w = 0; w < d.workers.size(); ++w) o.worker_by_sorted_name[w] = static_cast<int>(w);
  // pandas sorts ids read as text lexicographically and ids read as numbers numerically.
  std::vector<long long> numeric(d.workers.size());
  for (size_t w = 0; w < d.workers.size() && numeric_ids; ++w) {
    const std::string& name = d.workers[w];
    size_t used = 0;
    try {
      numeric[w] = std::stoll(name, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (name.empty() || used != name.size())
      throw InputError("mace: crowdkit_ids=number needs integer worker ids; '" + name + "' is not one");
  }
  std::stable_sort(o.worker_by_sorted_name.begin(), o.worker_by_sorted_name.end(), [&](int x, int y) {
    return numeric_ids ? numeric[x] < numeric[y] : d.workers[x] < d.workers[y];
  });
  return o;
}

// numpy RandomState(seed).uniform draws (MT19937, 53-bit doubles).
std::vector<double> numpy_uniform_draws(uint32_t seed, size_t n) {
  std::mt19937 g(seed);
  std::vector<double> out(n);
  for (double& x : out) {
    const double hi = static_cast<double>(g() >> 5), lo = static_cast<double>(g() >> 6);
    x = (hi * 67108864.0 + lo) / 9007199254740992.0;
  }
  return out;
}

MaceFit fit_once(const Answers& a, std::mt19937_64& rng, int64_t n_iter, bool vb, double alpha, double beta,
                 double dir, double smoothing, double noise, const CrowdKitOrder* ck = nullptr, uint32_t ck_seed = 0) {
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
  if (ck) {  // crowd-kit: spamming_ (W x 2) and thetas_ (W x K) from two fresh streams of the same seed
    const auto s2 = numpy_uniform_draws(ck_seed, static_cast<size_t>(a.W) * 2);
    const auto sk = numpy_uniform_draws(ck_seed, static_cast<size_t>(a.W) * K);
    for (int w = 0; w < a.W; ++w) {
      const size_t c = static_cast<size_t>(ck->worker_code[w]);
      const double spam0 = 1 + (1 + noise) * s2[2 * c], know1 = 1 + (1 + noise) * s2[2 * c + 1];
      f.spam[w] = spam0 / (spam0 + know1), f.know[w] = know1 / (spam0 + know1);
      double tot = 0;
      for (int l = 0; l < K; ++l)
        tot += (f.xi[static_cast<size_t>(w) * K + l] = 1 + (1 + noise) * sk[c * K + static_cast<size_t>(ck->label_code[l])]);
      for (int l = 0; l < K; ++l) f.xi[static_cast<size_t>(w) * K + l] /= tot;
    }
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
    std::vector<double> permuted;
    if (ck) {  // worker with code i gets the counts of the i-th worker by name; label code j those of label j
      permuted.resize(xi_c.size());
      for (int w = 0; w < a.W; ++w) {
        const int src = ck->worker_by_sorted_name[ck->worker_code[w]];
        for (int l = 0; l < K; ++l)
          permuted[static_cast<size_t>(w) * K + l] = xi_c[static_cast<size_t>(src) * K + ck->label_code[l]];
      }
    }
    for (int w = 0; w < a.W; ++w) {
      double* xc = ck ? &permuted[static_cast<size_t>(w) * K] : &xi_c[static_cast<size_t>(w) * K];
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
  const bool crowdkit = p.text("convention") == "crowdkit";
  if (crowdkit && (p.integer("seed") < 0 || p.integer("seed") > 4294967295LL))
    throw InputError("mace: convention=crowdkit needs a seed in [0, 2^32 - 1]");
  const CrowdKitOrder order = crowdkit ? crowdkit_order(d, p.text("crowdkit_ids") == "number") : CrowdKitOrder{};
  MaceFit best;
  json lls = json::array();
  // Under crowd-kit's convention every restart repeats the same start, so one fit is the result.
  for (int64_t r = 0; r < (crowdkit ? 1 : restarts); ++r) {
    MaceFit f = fit_once(a, rng, n_iter, vb, p.number("alpha"), p.number("beta"), p.number("strategy_prior"), smoothing,
                        p.number("default_noise"), crowdkit ? &order : nullptr, static_cast<uint32_t>(p.integer("seed")));
    lls.push_back(f.loglik);
    if (f.loglik > best.loglik) best = std::move(f);
  }
  InferenceResult res = result_from_posteriors(a, best.post);
  if (crowdkit)  // crowd-kit's idxmax runs over labels in first-appearance order
    for (int t = 0; t < a.T; ++t) {
      if (a.task_size(t) == 0) continue;
      const double* q = &best.post[static_cast<size_t>(t) * a.K];
      int pick = -1;
      for (int l = 0; l < a.K; ++l)
        if (pick < 0 || q[l] > q[pick] || (q[l] == q[pick] && order.label_code[l] < order.label_code[pick])) pick = l;
      res.labels[t] = pick;
    }
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
               {"seed", ParamType::integer, "0", "seed of the random starts", {}},
               {"convention", ParamType::choice, "correct",
                "correct (each worker's own strategy counts, independent starts) or crowdkit (crowd-kit 1.4.1: one "
                "numpy start reused by every restart, codes by first appearance, and strategy counts read back in "
                "worker-name order, i.e. given to other workers; reproduces its accuracies)",
                {"correct", "crowdkit"}},
               {"crowdkit_ids", ParamType::choice, "text",
                "with convention=crowdkit: worker ids as crowd-kit saw them, text (read as strings, sorted "
                "lexicographically) or number (read as integers, sorted numerically)",
                {"text", "number"}}},
    .infer = mace}};

}  // namespace

}  // namespace prefero::crowd
