// Dawid–Skene EM and its one-coin and classification-EM (Fast DS) variants, with crowd-kit's
// conventions by default (MV-soft start, log2 E-step, 1e-10 floor, ELBO/N stopping rule).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <thread>

#include "core/error.hpp"
#include "crowd/answers.hpp"
#include "crowd/dawid_skene.hpp"
#include "crowd/spectral_init.hpp"
#include "registry/registry.hpp"

namespace prefero::crowd {

namespace {

constexpr double kEps = 1e-10;
constexpr int kChunk = 16384;  // fixed work units: results do not depend on the thread count

// Runs fn(begin, end, chunk_index) over [0, n) in fixed chunks on up to `threads` threads.
template <class Fn>
void for_chunks(int n, int threads, Fn fn) {
  const int chunks = (n + kChunk - 1) / kChunk;
  auto work = [&](int id, int stride) {
    for (int c = id; c < chunks; c += stride) fn(c * kChunk, std::min(n, (c + 1) * kChunk), c);
  };
  const int use = std::max(1, std::min(threads, chunks));
  if (use == 1) return work(0, 1);
  std::vector<std::thread> pool;
  for (int i = 1; i < use; ++i) pool.emplace_back(work, i, use);
  work(0, use);
  for (auto& t : pool) t.join();
}

// Worker error tables: err[(w*K + given)*K + truth] = P(worker w says `given` | truth).
using Errors = std::vector<double>;

size_t at(int K, int w, int given, int truth) {
  return (static_cast<size_t>(w) * K + given) * K + truth;
}

// Flat row offsets of the answers, computed once per fit: in task order the offset of
// (worker, label)'s row of the error table, in worker order the offsets of the task's posterior
// and of the label's row inside the worker's table.
struct Rows {
  std::vector<int> task_err;                  // (w*K + l)*K, task order
  std::vector<int> worker_post, worker_label;  // t*K and l*K, worker order
  Rows(const Answers& a) : task_err(a.task_worker.size()), worker_post(a.worker_task.size()), worker_label(a.worker_task.size()) {
    for (size_t i = 0; i < task_err.size(); ++i) task_err[i] = (a.task_worker[i] * a.K + a.task_label[i]) * a.K;
    for (size_t i = 0; i < worker_post.size(); ++i)
      worker_post[i] = a.worker_task[i] * a.K, worker_label[i] = a.worker_label[i] * a.K;
  }
};

// x[c] += table[rows[i] + c] for the n rows; KK > 0 fixes K at compile time (same order, same bits).
template <int KK>
void gather_rows(double* x, const double* table, const int* rows, int n, int K) {
  const int k = KK > 0 ? KK : K;
  for (int i = 0; i < n; ++i) {
    const double* e = table + rows[i];
    for (int c = 0; c < k; ++c) x[c] += e[c];
  }
}

// table[to[i] + c] += src[from[i] + c] for the n answers of one worker.
template <int KK>
void scatter_rows(double* table, const double* src, const int* to, const int* from, int n, int K) {
  const int k = KK > 0 ? KK : K;
  for (int i = 0; i < n; ++i) {
    double* e = table + to[i];
    const double* p = src + from[i];
    for (int c = 0; c < k; ++c) e[c] += p[c];
  }
}

using GatherFn = void (*)(double*, const double*, const int*, int, int);
using ScatterFn = void (*)(double*, const double*, const int*, const int*, int, int);

GatherFn gather_for(int K) {
  switch (K) {
    case 2: return gather_rows<2>;
    case 3: return gather_rows<3>;
    case 4: return gather_rows<4>;
    case 5: return gather_rows<5>;
    default: return gather_rows<0>;
  }
}

ScatterFn scatter_for(int K) {
  switch (K) {
    case 2: return scatter_rows<2>;
    case 3: return scatter_rows<3>;
    case 4: return scatter_rows<4>;
    case 5: return scatter_rows<5>;
    default: return scatter_rows<0>;
  }
}

int chunk_count(int n) { return (n + kChunk - 1) / kChunk; }

double sum_parts(const std::vector<double>& part) {
  double total = 0;
  for (double x : part) total += x;
  return total;
}

// Full confusion M-step into `err` (reused). Without smoothing (crowd-kit): counts of the labels a
// worker used, floored at 1e-10, normalised over those labels; with smoothing alpha: counts +
// alpha over all K. Returns the ELBO's likelihood term sum_{answers, c} p_tc ln err[w, l, c]
// = sum_{w,l,c} counts[w,l,c] ln err[w,l,c], so the ELBO needs no extra pass over the answers.
double m_step_full(const Answers& a, const Rows& rows, const std::vector<double>& post, double alpha, int threads,
                   Errors& err) {
  const int K = a.K;
  const ScatterFn scatter = scatter_for(K);
  err.assign(static_cast<size_t>(a.W) * K * K, 0.0);
  std::vector<double> part(static_cast<size_t>(chunk_count(a.W)), 0.0);
  for_chunks(a.W, threads, [&](int w0, int w1, int chunk) {
    std::vector<char> used(static_cast<size_t>(K));
    std::vector<double> col(static_cast<size_t>(K)), raw(static_cast<size_t>(K) * K);
    double loglik = 0;
    for (int w = w0; w < w1; ++w) {
      std::fill(used.begin(), used.end(), 0);
      double* ew = &err[at(K, w, 0, 0)];
      const int i0 = a.worker_start[w], i1 = a.worker_start[w + 1];
      for (int i = i0; i < i1; ++i) used[a.worker_label[i]] = 1;
      scatter(ew, post.data(), &rows.worker_label[i0], &rows.worker_post[i0], i1 - i0, K);
      std::copy(ew, ew + static_cast<size_t>(K) * K, raw.begin());
      std::fill(col.begin(), col.end(), 0.0);
      for (int l = 0; l < K; ++l) {
        if (!used[l] && alpha <= 0) continue;
        double* e = ew + static_cast<size_t>(l) * K;
        for (int c = 0; c < K; ++c) {
          e[c] = alpha > 0 ? e[c] + alpha : std::max(e[c], kEps);
          col[c] += e[c];
        }
      }
      for (int l = 0; l < K; ++l) {
        if (!used[l] && alpha <= 0) continue;
        double* e = ew + static_cast<size_t>(l) * K;
        for (int c = 0; c < K; ++c) {
          e[c] /= col[c];
          if (raw[static_cast<size_t>(l) * K + c] > 0) loglik += raw[static_cast<size_t>(l) * K + c] * std::log(e[c]);
        }
      }
    }
    part[chunk] = loglik;
  });
  return sum_parts(part);
}

// One-coin M-step (crowd-kit OneCoinDawidSkene): skill = mean posterior of the worker's given
// labels; P(given = truth) = skill, else (1 - skill)/(K - 1); clipped to [1e-10, 1 - 1e-10].
// Returns the ELBO's likelihood term: per worker S ln P(right) + (n - S) ln P(wrong).
double m_step_one_coin(const Answers& a, const std::vector<double>& post, std::vector<double>& skill, Errors& err) {
  const int K = a.K;
  err.assign(static_cast<size_t>(a.W) * K * K, 0.0);
  skill.assign(a.W, 0.0);
  double loglik = 0;
  for (int w = 0; w < a.W; ++w) {
    double s = 0;
    for (int i = a.worker_start[w]; i < a.worker_start[w + 1]; ++i)
      s += post[static_cast<size_t>(a.worker_task[i]) * K + a.worker_label[i]];
    const double total = s;
    s = a.worker_size(w) ? s / a.worker_size(w) : 0.0;
    skill[w] = s;
    const double off = K > 1 ? (1 - s) / (K - 1) : 0.0;
    for (int l = 0; l < K; ++l)
      for (int c = 0; c < K; ++c) err[at(K, w, l, c)] = std::clamp(c == l ? s : off, kEps, 1 - kEps);
    const double right = std::clamp(s, kEps, 1 - kEps), wrong = std::clamp(off, kEps, 1 - kEps);
    if (total > 0) loglik += total * std::log(right);
    if (a.worker_size(w) - total > 0) loglik += (a.worker_size(w) - total) * std::log(wrong);
  }
  return loglik;
}

// What one pass over the tasks after the E-step yields for the next M-step and the ELBO.
struct TaskSums {
  std::vector<double> prior;     // mean posterior over tasks with judgments
  std::vector<double> weighted;  // sum_t |answers of t| * p_t (the ELBO's prior term)
  double entropy = 0;
};

// E-step in log2 with the row maximum subtracted (crowd-kit), gold tasks optionally one-hot,
// fused with the class prior and the posterior entropy (ln p = ln2 (x - max) - ln sum, one log
// per task). `lerr` is a reused buffer.
TaskSums e_step(const Answers& a, const Rows& rows, const std::vector<double>& prior, const Errors& err,
                std::vector<double>& post, const std::vector<int>* gold, int threads, std::vector<double>& lerr) {
  const int K = a.K;
  const GatherFn gather = gather_for(K);
  std::vector<double> lp(static_cast<size_t>(K));
  for (int c = 0; c < K; ++c) lp[c] = std::log2(prior[c]);
  lerr.resize(err.size());
  for_chunks(static_cast<int>(err.size() / K), threads, [&](int i0, int i1, int) {
    for (size_t i = static_cast<size_t>(i0) * K; i < static_cast<size_t>(i1) * K; ++i) lerr[i] = std::log2(err[i]);
  });
  const size_t stride = 2 * static_cast<size_t>(K) + 2;  // prior sums, weighted sums, entropy, #tasks
  std::vector<double> part(static_cast<size_t>(chunk_count(a.T)) * stride, 0.0);
  constexpr double kLn2 = 0.6931471805599453;
  for_chunks(a.T, threads, [&](int t0, int t1, int chunk) {
    double* acc = &part[static_cast<size_t>(chunk) * stride];
    std::vector<double> x(static_cast<size_t>(K));
    for (int t = t0; t < t1; ++t) {
      const int n = a.task_size(t);
      if (n == 0) continue;
      double* p = &post[static_cast<size_t>(t) * K];
      for (int c = 0; c < K; ++c) x[c] = lp[c];
      gather(x.data(), lerr.data(), &rows.task_err[a.task_start[t]], n, K);
      int top = 0;
      for (int c = 1; c < K; ++c)
        if (x[c] > x[top]) top = c;
      const double mx = x[top];
      double s = 0;
      for (int c = 0; c < K; ++c) s += (p[c] = c == top ? 1.0 : std::exp2(x[c] - mx));  // exp2(0) = 1 exactly
      for (int c = 0; c < K; ++c) p[c] /= s;
      if (gold && (*gold)[t] >= 0) {
        for (int c = 0; c < K; ++c) p[c] = c == (*gold)[t] ? 1.0 : 0.0;
      } else {
        const double ls = std::log(s);
        for (int c = 0; c < K; ++c)
          if (p[c] > 0) acc[2 * K] -= p[c] * (kLn2 * (x[c] - mx) - ls);
      }
      for (int c = 0; c < K; ++c) acc[c] += p[c], acc[K + c] += n * p[c];
      acc[2 * K + 1] += 1;
    }
  });
  TaskSums out{std::vector<double>(static_cast<size_t>(K), 0.0), std::vector<double>(static_cast<size_t>(K), 0.0), 0};
  double tasks = 0;
  for (size_t ch = 0; ch < part.size() / stride; ++ch) {
    const double* acc = &part[ch * stride];
    for (int c = 0; c < K; ++c) out.prior[c] += acc[c], out.weighted[c] += acc[K + c];
    out.entropy += acc[2 * K];
    tasks += acc[2 * K + 1];
  }
  for (double& v : out.prior) v = tasks > 0 ? v / tasks : 1.0 / K;
  return out;
}

std::vector<double> class_prior(const Answers& a, const std::vector<double>& post) {
  std::vector<double> prior(static_cast<size_t>(a.K), 0.0);
  int n = 0;
  for (int t = 0; t < a.T; ++t) {
    if (a.task_size(t) == 0) continue;
    ++n;
    for (int c = 0; c < a.K; ++c) prior[c] += post[static_cast<size_t>(t) * a.K + c];
  }
  for (double& x : prior) x = n ? x / n : 1.0 / a.K;
  return prior;
}

// Task sums of a hardened posterior (Fast DS): entropy 0.
TaskSums hard_sums(const Answers& a, const std::vector<double>& post) {
  TaskSums out{class_prior(a, post), std::vector<double>(static_cast<size_t>(a.K), 0.0), 0};
  for (int t = 0; t < a.T; ++t)
    for (int c = 0; c < a.K; ++c) out.weighted[c] += a.task_size(t) * post[static_cast<size_t>(t) * a.K + c];
  return out;
}

// Evidence lower bound per judgment (crowd-kit's stopping statistic) from the fused sums:
// sum p (ln err + ln prior) + entropy; 0 * ln 0 terms are skipped.
double elbo(const Answers& a, const TaskSums& sums, const std::vector<double>& prior, double loglik) {
  double total = loglik + sums.entropy;
  for (int c = 0; c < a.K; ++c)
    if (sums.weighted[c] > 0) total += sums.weighted[c] * std::log(prior[c]);
  const size_t n = a.task_worker.size();
  return n ? total / static_cast<double>(n) : 0.0;
}

void harden(const Answers& a, std::vector<double>& post) {
  for (int t = 0; t < a.T; ++t) {
    if (a.task_size(t) == 0) continue;
    double* p = &post[static_cast<size_t>(t) * a.K];
    int best = argmax_lowest(p, a.K);
    for (int c = 0; c < a.K; ++c) p[c] = c == best ? 1.0 : 0.0;
  }
}

}  // namespace

InferenceResult dawid_skene_em(const LabelData& d, const DsOptions& o) {
  Answers a(d);
  const int K = a.K;
  if (o.n_iter < 0 || o.n_iter > 1000000) throw InputError("dawid_skene: n_iter must be in [0, 1000000]");
  if (static_cast<int64_t>(a.W) * K * K > std::numeric_limits<int>::max() ||
      static_cast<int64_t>(a.T) * K > std::numeric_limits<int>::max())
    throw InputError("dawid_skene: workers x labels^2 or tasks x labels exceeds 2^31 table cells");
  if (o.smoothing < 0) throw InputError("dawid_skene: smoothing must be non-negative");
  const int threads = o.threads > 0 ? o.threads : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  const std::vector<int>* gold = o.use_gold && !d.gold.empty() ? &d.gold : nullptr;
  std::vector<double> post, prior, skill;
  Errors err;
  std::vector<double> lerr;
  const Rows rows(a);
  auto m_step = [&]() {
    return o.one_coin ? m_step_one_coin(a, post, skill, err) : m_step_full(a, rows, post, o.smoothing, threads, err);
  };
  auto fix_gold = [&]() {
    if (!gold) return;
    for (int t = 0; t < a.T; ++t)
      if ((*gold)[t] >= 0 && a.task_size(t))
        for (int c = 0; c < K; ++c) post[static_cast<size_t>(t) * K + c] = c == (*gold)[t] ? 1.0 : 0.0;
  };
  std::string spectral_failure;
  SpectralStart spectral;
  const bool use_spectral = o.init == "spectral" && spectral_start(a, spectral, spectral_failure);
  if (use_spectral) {
    // Zhang et al. 2014: confusion matrices and class weights from the method of moments.
    post.assign(static_cast<size_t>(a.T) * K, 1.0 / K);
    prior = spectral.prior;
    err = std::move(spectral.errors);
  } else if (o.init == "zheng") {
    // Zheng et al. 2017's D&S start: uniform prior, diagonal q = 0.7, off-diagonal 0.3/(K-1).
    post.assign(static_cast<size_t>(a.T) * K, 1.0 / K);
    prior.assign(K, 1.0 / K);
    err.assign(static_cast<size_t>(a.W) * K * K, 0.0);
    for (int w = 0; w < a.W; ++w)
      for (int l = 0; l < K; ++l)
        for (int c = 0; c < K; ++c) err[at(K, w, l, c)] = c == l ? o.init_quality : (1 - o.init_quality) / std::max(1, K - 1);
  } else {
    post = weighted_vote(a, {});
    if (o.init == "mv_hard" || o.hard) harden(a, post);
    fix_gold();
    prior = class_prior(a, post);
    m_step();
  }
  double loss = -std::numeric_limits<double>::infinity();
  json history = json::array();
  int64_t it = 0;
  for (; it < o.n_iter; ++it) {
    std::vector<double> old_prior = prior;
    TaskSums sums = e_step(a, rows, prior, err, post, gold, threads, lerr);
    if (o.hard) harden(a, post), fix_gold(), sums = hard_sums(a, post);
    prior = sums.prior;
    const double loglik = m_step();
    if (o.stop == "fixed") continue;
    if (o.stop == "prior") {
      double change = 0;
      for (int c = 0; c < K; ++c) change += std::abs(prior[c] - old_prior[c]);
      if (change < o.tol) {
        ++it;
        break;
      }
      continue;
    }
    double new_loss = elbo(a, sums, prior, loglik);
    history.push_back(new_loss);
    if (new_loss - loss < o.tol) {
      ++it;
      break;
    }
    loss = new_loss;
  }
  InferenceResult r = result_from_posteriors(a, post);
  r.confusion.assign(a.W, std::vector<std::vector<double>>(K, std::vector<double>(K, 0.0)));
  for (int w = 0; w < a.W; ++w)
    for (int l = 0; l < K; ++l)
      for (int c = 0; c < K; ++c) r.confusion[w][c][l] = err[at(K, w, l, c)];
  if (o.one_coin) {
    r.worker_skill = skill;
  } else {  // skill = prior-weighted probability of answering correctly
    r.worker_skill.assign(a.W, 0.0);
    for (int w = 0; w < a.W; ++w)
      for (int c = 0; c < K; ++c) r.worker_skill[w] += prior[c] * err[at(K, w, c, c)];
  }
  r.explanation["iterations"] = it;
  if (!spectral_failure.empty()) r.explanation["spectral_fallback_to_mv"] = spectral_failure;
  r.explanation["priors"] = prior;
  if (!history.empty()) r.explanation["elbo_history"] = history;
  return r;
}

namespace {

DsOptions options_from(const Params& p) {
  DsOptions o;
  o.n_iter = p.integer("n_iter");
  o.tol = p.number("tol");
  if (p.has("init")) o.init = p.text("init");
  if (p.has("smoothing")) o.smoothing = p.number("smoothing");
  if (p.has("stop")) o.stop = p.text("stop");
  if (p.has("use_gold")) o.use_gold = p.boolean("use_gold");
  if (p.has("init_quality")) o.init_quality = p.number("init_quality");
  if (p.has("threads")) o.threads = static_cast<int>(std::clamp<int64_t>(p.integer("threads"), 0, 256));
  return o;
}

InferenceResult dawid_skene(const LabelData& d, const Params& p) { return dawid_skene_em(d, options_from(p)); }

InferenceResult one_coin_dawid_skene(const LabelData& d, const Params& p) {
  DsOptions o = options_from(p);
  o.one_coin = true;
  return dawid_skene_em(d, o);
}

InferenceResult fast_dawid_skene(const LabelData& d, const Params& p) {
  DsOptions o = options_from(p);
  o.hard = true;
  return dawid_skene_em(d, o);
}

std::vector<ParamSpec> ds_params(const std::string& n_iter, const std::string& tol, const std::string& stop) {
  return {
      {"n_iter", ParamType::integer, n_iter, "maximum number of EM iterations", {}},
      {"tol", ParamType::number, tol, "stop when the statistic of `stop` changes by less than this", {}},
      {"stop", ParamType::choice, stop,
       "elbo (ELBO per judgment rises by < tol, crowd-kit), prior (sum |change of class prior| < tol, Fast DS), "
       "fixed (always n_iter iterations, Zheng et al.)",
       {"elbo", "prior", "fixed"}},
      {"init", ParamType::choice, "mv",
       "start: mv (majority-vote shares, crowd-kit), mv_hard (one-hot majority vote), zheng (uniform prior, "
       "confusion diagonal init_quality), spectral (Zhang et al. 2014 method of moments; falls back to mv, "
       "noted in the explanation, when the moments are degenerate)",
       {"mv", "mv_hard", "zheng", "spectral"}},
      {"init_quality", ParamType::number, "0.7", "diagonal of the starting confusion matrices when init=zheng", {}},
      {"use_gold", ParamType::boolean, "false", "hold gold tasks at their gold label (crowd-kit true_labels)", {}},
      {"threads", ParamType::integer, "1", "worker threads (0 = all cores); results are identical for any count", {}},
  };
}

std::vector<ParamSpec> full_ds_params() {
  auto p = ds_params("100", "1e-05", "elbo");
  p.push_back({"smoothing", ParamType::number, "0",
               "Dirichlet pseudo-count added to every confusion cell (0 = crowd-kit: only a 1e-10 floor)", {}});
  return p;
}

const Registration r_ds{MethodInfo{
    .id = "dawid_skene", .aliases = {"ds", "DawidSkene"}, .family = "crowd", .input = "labels",
    .summary = "EM over per-worker confusion matrices and a class prior",
    .citation = "Dawid & Skene, Applied Statistics 28(1) 1979; crowd-kit DawidSkene",
    .params = full_ds_params(), .infer = dawid_skene}};
const Registration r_oc{MethodInfo{
    .id = "one_coin_dawid_skene", .aliases = {"one_coin_ds", "OneCoinDawidSkene"}, .family = "crowd",
    .input = "labels", .summary = "Dawid–Skene with one accuracy per worker (errors spread evenly)",
    .citation = "Zhang, Chen, Zhou & Jordan, JMLR 17 2016; crowd-kit OneCoinDawidSkene",
    .params = ds_params("100", "1e-05", "elbo"), .infer = one_coin_dawid_skene}};
const Registration r_fds{MethodInfo{
    .id = "fast_dawid_skene", .aliases = {"fds", "FastDawidSkene"}, .family = "crowd", .input = "labels",
    .summary = "Classification EM: Dawid–Skene with each posterior hardened to its argmax",
    .citation = "Sinha, Rao & Balasubramanian, KDD WISDOM 2018 (Fast Dawid-Skene)",
    .params = [] {
      auto p = ds_params("100", "0.0001", "prior");
      p[3].default_value = "mv_hard";
      p.push_back({"smoothing", ParamType::number, "0", "Dirichlet pseudo-count added to every confusion cell", {}});
      return p;
    }(),
    .infer = fast_dawid_skene}};

}  // namespace

}  // namespace prefero::crowd
