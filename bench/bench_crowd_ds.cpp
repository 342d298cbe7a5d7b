// Dawid–Skene speed. Plain main (not Google Benchmark: one run of a multi-second fit is the figure).
//   bench_crowd_ds synthetic [TASKS [WORKERS [PER_TASK [K [THREADS]]]]]
//       generated data, default 1,000,000 tasks x 100,000 workers x 10 labels per task, K = 5,
//       2 threads; prints generation, indexing and EM seconds and the accuracy vs the planted truth.
//   bench_crowd_ds refdata [REPEATS [NAME_PART]]
//       crowd-kit-convention DS on the refdata/crowd datasets (best of REPEATS fits, 1 thread),
//       one line per dataset "dataset<TAB>seconds<TAB>accuracy" (read by crowd_ds_baseline.py).
#include <fmt/core.h>

#include <chrono>
#include <ctime>
#include <cstdint>
#include <random>
#include <string>

#include "crowd/dawid_skene.hpp"
#include "crowd/infer.hpp"
#include "io/labels_read.hpp"

using namespace prefero;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Planted Dawid–Skene data: each worker answers correctly with probability in [0.35, 0.95],
// otherwise a uniformly random wrong label; each task gets PER_TASK distinct random workers.
LabelData generate(int tasks, int workers, int per_task, int K, std::vector<int>& truth) {
  std::mt19937_64 rng(20260127);
  LabelData d;
  d.tasks.resize(static_cast<size_t>(tasks));
  d.workers.resize(static_cast<size_t>(workers));
  for (int k = 0; k < K; ++k) d.labels.push_back(std::to_string(k));
  std::vector<double> acc(static_cast<size_t>(workers));
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (auto& a : acc) a = 0.35 + 0.6 * u(rng);
  truth.resize(static_cast<size_t>(tasks));
  d.judgments.reserve(static_cast<size_t>(tasks) * per_task);
  std::uniform_int_distribution<int> pick_worker(0, workers - 1), pick_label(0, K - 1), pick_wrong(1, K - 1);
  std::vector<int> chosen;
  for (int t = 0; t < tasks; ++t) {
    truth[t] = pick_label(rng);
    chosen.clear();
    while (static_cast<int>(chosen.size()) < per_task) {
      int w = pick_worker(rng);
      if (std::find(chosen.begin(), chosen.end(), w) != chosen.end()) continue;
      chosen.push_back(w);
      int l = u(rng) < acc[w] ? truth[t] : (truth[t] + pick_wrong(rng)) % K;
      d.judgments.push_back({t, w, l});
    }
  }
  return d;
}

int synthetic(int tasks, int workers, int per_task, int K, int threads) {
  auto t0 = Clock::now();
  std::vector<int> truth;
  LabelData d = generate(tasks, workers, per_task, K, truth);
  const double gen = seconds_since(t0);
  crowd::DsOptions o;
  o.threads = threads;
  t0 = Clock::now();
  const std::clock_t c0 = std::clock();
  InferenceResult r = crowd::dawid_skene_em(d, o);
  const double fit = seconds_since(t0);
  const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  int right = 0;
  for (int t = 0; t < tasks; ++t) right += r.labels[t] == truth[t];
  fmt::print("dawid_skene synthetic: {} judgments ({} tasks, {} workers, {} per task, K={}), {} threads\n",
             d.judgments.size(), tasks, workers, per_task, K, threads);
  fmt::print("  generate {:.2f} s, fit (index + MV init + {} EM iterations) {:.2f} s wall, {:.2f} s CPU (all threads), "
             "accuracy vs planted truth {:.4f}\n",
             gen, r.explanation["iterations"].get<int>(), fit, cpu, static_cast<double>(right) / tasks);
  return 0;
}

int refdata(int repeats, const std::string& only) {
  const std::string root = std::string(PREFERO_SHARED_DIR) + "/refdata/crowd/";
  struct Set {
    std::string name, answers, truth, gold_none;
  };
  std::vector<Set> sets = {
      {"zheng2017/d_sentiment", "zheng2017/d_sentiment/answer.csv", "zheng2017/d_sentiment/truth.csv", ""},
      {"zheng2017/d_jn-product", "zheng2017/d_jn-product/answer.csv", "zheng2017/d_jn-product/truth.csv", ""},
      {"zheng2017/s4_Relevance", "zheng2017/s4_Relevance/answer.csv", "zheng2017/s4_Relevance/truth.csv", ""},
      {"zheng2017/s5_AdultContent", "zheng2017/s5_AdultContent/answer.csv", "zheng2017/s5_AdultContent/truth.csv", ""},
      {"zheng2017/s4_Dog_data", "zheng2017/s4_Dog_data/answer.csv", "zheng2017/s4_Dog_data/truth.csv", ""},
      {"spectral/web", "spectral_meets_em/web_crowd.txt", "spectral_meets_em/web_truth.txt", "0"},
      {"spectral/trec", "spectral_meets_em/trec_crowd.txt", "spectral_meets_em/trec_truth.txt", "0"},
  };
  for (const auto& s : sets) {
    if (!only.empty() && s.name.find(only) == std::string::npos) continue;
    LabelReadOptions opt;
    opt.gold_none = s.gold_none;
    LabelData d = read_labels(root + s.answers, root + s.truth, "", opt);
    double best = 1e30;
    InferenceResult r;
    for (int i = 0; i < repeats; ++i) {
      auto t0 = Clock::now();
      r = crowd::dawid_skene_em(d, crowd::DsOptions{});
      best = std::min(best, seconds_since(t0));
    }
    fmt::print("{}\t{:.6f}\t{:.4f}\n", s.name, best, score_against_gold(d, r).accuracy());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "synthetic";
  auto arg = [&](int i, int def) { return argc > i ? std::stoi(argv[i]) : def; };
  if (mode == "refdata") return refdata(arg(2, 5), argc > 3 ? argv[3] : "");
  if (mode == "synthetic") {
    int tasks = arg(2, 1000000), workers = arg(3, 100000), per = arg(4, 10), K = arg(5, 5), threads = arg(6, 2);
    if (tasks < 1 || tasks > 20000000 || workers < per || workers > 10000000 || per < 1 || per > 100 || K < 2 ||
        K > 100 || threads < 1 || threads > 64) {
      fmt::print(stderr, "bench_crowd_ds: arguments out of range\n");
      return 2;
    }
    return synthetic(tasks, workers, per, K, threads);
  }
  fmt::print(stderr, "usage: bench_crowd_ds synthetic [TASKS [WORKERS [PER_TASK [K [THREADS]]]]] | refdata [REPEATS]\n");
  return 2;
}
