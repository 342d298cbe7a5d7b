// Truth inference against crowd-kit 1.4.1's outputs on the Zheng et al. 2017 and
// Spectral-meets-EM datasets (refdata/crowd), against the Zheng et al. protocol (D_PosSent D&S
// 0.9600) and against the published majority-vote error rates of Zhang et al. 2014.
//  1. per-task labels: every task of the five datasets with crowd-kit label files, for the
//     deterministic methods (MV, Wawa, ZBS, DS, OneCoinDS);
//  2. accuracy_summary.csv: every (dataset, method) row within 0.001;
//  3. the two published protocols above.
#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "conformance/report.hpp"
#include "crowd/infer.hpp"
#include "io/labels_read.hpp"
#include "registry/registry.hpp"

using namespace prefero;
using namespace prefero::conformance;

namespace {

const std::string kCrowd = std::string(PREFERO_SHARED_DIR) + "/refdata/crowd";
const std::string kRef = kCrowd + "/reference_outputs/crowdkit_1.4.1";

// crowd-kit class name -> our method id.
const std::map<std::string, std::string> kMethod = {
    {"MV", "majority_vote"}, {"Wawa", "wawa"},  {"ZBS", "zero_based_skill"}, {"DS", "dawid_skene"},
    {"OneCoinDS", "one_coin_dawid_skene"},      {"GLAD", "glad"},            {"MACE", "mace"},
    {"KOS", "kos"},          {"MMSR", "mmsr"}};

std::vector<std::vector<std::string>> read_csv(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string c;
    while (std::getline(ss, c, ',')) cells.push_back(c);
    if (!line.empty() && line.back() == ',') cells.push_back("");
    rows.push_back(cells);
  }
  return rows;
}

// "zheng2017/d_sentiment" or "spectral/rte" -> the data with gold.
LabelData load(const std::string& dataset) {
  LabelReadOptions opt;
  if (dataset.rfind("zheng2017/", 0) == 0) {
    std::string dir = kCrowd + "/" + dataset;
    return read_labels(dir + "/answer.csv", dir + "/truth.csv", "", opt);
  }
  std::string name = dataset.substr(dataset.find('/') + 1);
  opt.gold_none = "0";
  std::string base = kCrowd + "/spectral_meets_em/" + name;
  return read_labels(base + "_crowd.txt", base + "_truth.txt", "", opt);
}

// One crowd-kit label file: the header row names the methods, column 0 the task.
struct LabelFile {
  std::vector<std::vector<std::string>> rows;
  std::map<std::string, int> task_index;
  LabelFile(const std::string& ds, const LabelData& d) : rows(read_csv(kRef + "/zheng2017__" + ds + ".labels.csv")) {
    for (size_t t = 0; t < d.tasks.size(); ++t) task_index[d.tasks[t]] = static_cast<int>(t);
  }
};

// Compares our labels with column c of the file, task by task; prints the counts.
void compare_labels(Report& report, const std::string& method, const std::string& ds, const LabelData& d,
                    const LabelFile& file, size_t c, const InferenceResult& r) {
  int agree = 0, disagree = 0;
  for (size_t i = 1; i < file.rows.size(); ++i) {
    if (file.rows[i].size() <= c) continue;
    int t = file.task_index.at(file.rows[i][0]);
    std::string ours = r.labels[t] >= 0 ? d.labels[r.labels[t]] : "";
    if (ours == file.rows[i][c]) {
      ++agree;
      report.agree(method);
    } else {
      ++disagree;
      report.disagree(method, ds + ":" + file.rows[i][0]);
    }
  }
  fmt::print("labels {:<36} {:<16} agree {:>5} disagree {}\n", ds, method.substr(7), agree, disagree);
}

struct Cache {
  std::map<std::string, LabelData> data;
  std::map<std::pair<std::string, std::string>, InferenceResult> results;
  const LabelData& get(const std::string& ds) {
    auto it = data.find(ds);
    if (it == data.end()) it = data.emplace(ds, load(ds)).first;
    return it->second;
  }
  const InferenceResult& run(const std::string& ds, const std::string& id) {
    auto key = std::make_pair(ds, id);
    auto it = results.find(key);
    if (it == results.end()) it = results.emplace(key, run_infer(require_method(id), get(ds), {}).result).first;
    return it->second;
  }
};

}  // namespace

int main() {
  std::vector<KnownDisagreement> known = {
      {"accuracy/MACE", {"zheng2017/d_jn-product", "zheng2017/d_sentiment", "zheng2017/s5_AdultContent",
                         "zheng2017/s4_Relevance", "spectral/rte", "spectral/web", "spectral/bluebird",
                         "zheng2017/d_Duck_Identification", "zheng2017/s4_Face_Sentiment_Identification"},
       "crowd-kit 1.4.1's MACE reads the strategy counts back from a groupby table ordered by worker name and "
       "sorted label and uses them in first-appearance order, so each worker gets another worker's spam strategy "
       "(and its start is one numpy draw reused by every restart). mace convention=crowdkit reproduces this and "
       "agrees (accuracy/MACE[crowdkit] and labels/MACE[crowdkit] below); the default keeps each worker's own "
       "counts (D_Product 0.83 vs 0.929: a scratch numpy re-statement gives 0.9290 with crowd-kit's order and "
       "0.8162 aligned)"},
      {"accuracy/GLAD", {},
       "crowd-kit's GLAD M-step is scipy CG (25 iterations, tol 1e-2) with a stopping test mixing normalised and "
       "unnormalised Q; ours runs gradient ascent with backtracking to convergence, so the optimum differs slightly"},
  };
  known.push_back({"spectral_em/Opt-D&S error", {"web", "trec"},
                   "reference values are a recollection (UNVERIFIED in the note); the authors' EM differs from ours "
                   "(no class prior, zero-likelihood terms skipped, 10 fixed rounds) and their SolveCFG.m is not in the "
                   "stored repository. Our spectral start is checked on a planted model instead (unit test); on TREC "
                   "(4.6 answers per task split over three worker groups) the start is poor (49% error after one step)"});
  Report report(known);
  Cache cache;

  // 1. per-task labels; 1b. MACE under crowd-kit's conventions (deterministic: same numpy start,
  //    same order quirk).
  for (const std::string ds : {"d_sentiment", "d_jn-product", "d_Duck_Identification", "s4_Dog_data",
                               "s4_Face_Sentiment_Identification"}) {
    const LabelData& d = cache.get("zheng2017/" + ds);
    const LabelFile file(ds, d);
    const auto& header = file.rows.at(0);
    for (size_t c = 1; c < header.size(); ++c) {
      const std::string method = "labels/" + header[c];
      auto mid = kMethod.find(header[c]);
      bool deterministic = header[c] == "MV" || header[c] == "Wawa" || header[c] == "ZBS" || header[c] == "DS" ||
                           header[c] == "OneCoinDS" || header[c] == "MMSR";
      report.tally(method).rule = mid->second;
      if (deterministic)
        compare_labels(report, method, ds, d, file, c, cache.run("zheng2017/" + ds, mid->second));
      else
        report.skip(method, "randomised or optimiser-dependent in crowd-kit: compared on accuracy only (section 2)");
      if (header[c] != "MACE") continue;
      const std::string mm = "labels/MACE[crowdkit]";
      report.tally(mm).rule = "mace convention=crowdkit";
      compare_labels(report, mm, ds, d, file, c,
                     run_infer(require_method("mace"), d, {{"convention", "crowdkit"}}).result);
    }
  }
  report.tally("labels/GoldMV").rule = "gold_majority_vote";
  report.skip("labels/GoldMV", "crowd-kit's reference outputs have no GoldMajorityVote column (tested on the "
                               "crowd-kit unit fixture in tests/unit/test_crowd.cpp)");

  // 2. accuracy table.
  auto summary = read_csv(kRef + "/accuracy_summary.csv");
  for (size_t i = 1; i < summary.size(); ++i) {
    const auto& row = summary[i];
    const std::string ds = row[0], ck = row[1], method = "accuracy/" + ck;
    const std::string id = kMethod.at(ck);
    report.tally(method).rule = id;
    if (row[3].rfind("ERROR", 0) == 0) {
      report.skip(method, "crowd-kit raised an error on this dataset (" + row[3] + ")");
      continue;
    }
    if (!find_method(id)) {
      report.skip(method, "not implemented (no method '" + id + "')");
      continue;
    }
    const LabelData& d = cache.get(ds);
    GoldScore s = score_against_gold(d, cache.run(ds, id));
    const double expected = std::stod(row[3]);
    const bool ok = std::abs(s.accuracy() - expected) <= 0.001 && s.evaluated == std::stoi(row[2]);
    fmt::print("accuracy {:<44} {:<10} ours {:.4f} (n={}) crowd-kit {:.4f} (n={}) {}\n", ds, ck, s.accuracy(),
               s.evaluated, expected, row[2], ok ? "ok" : "DIFFERENT");
    if (ok)
      report.agree(method);
    else
      report.disagree(method, ds);
    if (ck == "MACE") {
      const std::string mm = "accuracy/MACE[crowdkit]";
      report.tally(mm).rule = "mace convention=crowdkit";
      // The reference run read Zheng files as text and the spectral files as integers.
      const std::string ids = ds.rfind("spectral/", 0) == 0 ? "number" : "text";
      GoldScore sc = score_against_gold(
          d, run_infer(require_method("mace"), d, {{"convention", "crowdkit"}, {"crowdkit_ids", ids}}).result);
      const bool same = std::abs(sc.accuracy() - expected) <= 0.001;
      fmt::print("accuracy {:<44} MACE[crowdkit] ours {:.4f} crowd-kit {:.4f} {}\n", ds, sc.accuracy(), expected,
                 same ? "ok" : "DIFFERENT");
      if (same)
        report.agree(mm);
      else
        report.disagree(mm, ds);
    }
    if (!row[4].empty() && ok) {
      const std::string zm = "zheng_expected/" + ck;
      report.tally(zm).rule = id;
      if (std::abs(s.zheng_expected - std::stod(row[4])) <= 0.001)
        report.agree(zm);
      else
        report.disagree(zm, ds);
    }
  }

  // 3a. Zheng et al. 2017 protocol: D&S from a 0.7-diagonal start, uniform prior, 20 fixed iterations.
  {
    const std::string m = "zheng2017/D&S D_PosSent 0.9600";
    report.tally(m).rule = "dawid_skene init=zheng stop=fixed n_iter=20";
    const LabelData& d = cache.get("zheng2017/d_sentiment");
    auto r = run_infer(require_method("dawid_skene"), d, {{"init", "zheng"}, {"stop", "fixed"}, {"n_iter", "20"}});
    GoldScore s = score_against_gold(d, r.result);
    fmt::print("zheng protocol D_PosSent D&S accuracy {:.4f} (published 0.9600)\n", s.zheng_expected);
    if (std::abs(s.zheng_expected - 0.96) < 5e-5)
      report.agree(m);
    else
      report.disagree(m, "d_sentiment");
  }
  // 3b. Spectral meets EM (Zhang et al. 2014) majority-vote error with fractional tie credit.
  for (auto [name, err] : std::vector<std::pair<std::string, double>>{
           {"bluebird", 24.07}, {"rte", 10.31}, {"web", 26.93}, {"trec", 34.86}}) {
    const std::string m = "spectral_em/MV error";
    report.tally(m).rule = "majority_vote, fractional tie credit";
    const LabelData& d = cache.get("spectral/" + name);
    GoldScore s = score_against_gold(d, cache.run("spectral/" + name, "majority_vote"));
    double ours = 100.0 * (1.0 - s.fractional_accuracy());
    fmt::print("spectral {:<9} MV error {:.2f}% (published {:.2f}%)\n", name, ours, err);
    if (std::abs(ours - err) < 0.005)
      report.agree(m);
    else
      report.disagree(m, name);
  }

  // 3c. Spectral meets EM, Opt-D&S (spectral start + EM) error rates. The values are the research
  //     note's UNVERIFIED recollection of the JMLR table (the stored repository has no results
  //     file), so they are reported, and a difference beyond 1 point is a known disagreement.
  for (auto [name, err] : std::vector<std::pair<std::string, double>>{
           {"bluebird", 10.09}, {"rte", 7.12}, {"web", 15.86}, {"trec", 29.80}}) {
    const std::string m = "spectral_em/Opt-D&S error";
    report.tally(m).rule = "dawid_skene init=spectral";
    const LabelData& d = cache.get("spectral/" + name);
    auto r = run_infer(require_method("dawid_skene"), d, {{"init", "spectral"}});
    double ours = 100.0 * (1.0 - score_against_gold(d, r.result).accuracy());
    fmt::print("spectral {:<9} Opt-D&S error {:.2f}% (recalled {:.2f}%)\n", name, ours, err);
    if (std::abs(ours - err) <= 1.0)
      report.agree(m);
    else
      report.disagree(m, name);
  }

  // 4. Top-two (Jeong & Chung 2023): stage-2 top-1 error of the research note's independent numpy
  //    re-implementation (shared/notes/crowd.md section 9; q estimated from the stage-1 answer).
  for (auto [name, err] : std::vector<std::pair<std::string, double>>{
           {"color", 0.355}, {"adult2", 0.246}, {"flag", 0.130}, {"food", 0.259}, {"plot", 0.589}}) {
    const std::string m = "top_two/top-1 error";
    report.tally(m).rule = "top_two";
    LabelReadOptions opt;
    opt.columns = "worker,task,label";
    const std::string base = kCrowd + "/toptwo/" + name;
    LabelData d = read_labels(base + ".txt", base + "_truth.txt", "", opt);
    auto r = run_infer(require_method("top_two"), d, {});
    double ours = 1.0 - score_against_gold(d, r.result).accuracy();
    fmt::print("top_two {:<7} top-1 error {:.3f} (note {:.3f})\n", name, ours, err);
    if (std::abs(ours - err) < 0.0015)
      report.agree(m);
    else
      report.disagree(m, name);
    if (name == "color") {  // the second answer against color_conf.txt (note: 0.482)
      const std::string m2 = "top_two/second answer (color)";
      report.tally(m2).rule = "top_two";
      std::ifstream in(kCrowd + "/toptwo/color_conf.txt");
      int task = 0, label = 0, right = 0, total = 0;
      while (in >> task >> label) {
        ++total;
        auto& sec = r.result.explanation["second_labels"];
        std::string key = std::to_string(task);
        if (sec.contains(key) && sec[key].get<std::string>() == std::to_string(label)) ++right;
      }
      double acc = total ? static_cast<double>(right) / total : 0.0;
      fmt::print("top_two color second-answer accuracy {:.3f} (note 0.482)\n", acc);
      if (std::abs(acc - 0.482) < 0.0015)
        report.agree(m2);
      else
        report.disagree(m2, "color");
    }
  }

  int unexplained = report.print(stdout);
  return unexplained == 0 ? 0 : 1;
}
