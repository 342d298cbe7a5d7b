// The crowd label reader: layouts of the refdata files, natural order, dedup, gold, weights,
// and located errors.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "io/labels_read.hpp"

using namespace prefero;

namespace {
std::string error_of(const std::string& text, LabelReadOptions o = {}, const std::string& gold = "") {
  try {
    read_labels_text(text, "a.csv", gold, gold.empty() ? "" : "g.csv", {}, "", o);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(LabelsRead, ZhengHeaderCrlfAndNaturalOrder) {
  auto d = read_labels_text("question,worker,answer\r\n10,A,1\r\n9,B,0\r\n10,B,1\r\n", "answer.csv",
                            "question,truth\r\n9,0\r\n10,1\r\n11,1\r\n", "truth.csv");
  EXPECT_EQ(d.tasks, (std::vector<std::string>{"9", "10", "11"}));  // numeric order; 11 only in gold
  EXPECT_EQ(d.workers, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(d.labels, (std::vector<std::string>{"0", "1"}));
  ASSERT_EQ(d.judgments.size(), 3u);
  EXPECT_EQ(d.judgments[0].task, 1);  // file order kept, indices natural
  EXPECT_EQ(d.judgments[1].task, 0);
  EXPECT_EQ(d.gold, (std::vector<int>{0, 1, 1}));
}

TEST(LabelsRead, HeaderlessWhitespaceAndColumnsOption) {
  auto d = read_labels_text("1\t2\t2\r\n2\t1\t1\n", "bird_crowd.txt", "1\t2\n2\t0\n", "bird_truth.txt", {}, "",
                            [] { LabelReadOptions o; o.gold_none = "0"; return o; }());
  EXPECT_EQ(d.tasks, (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(d.gold, (std::vector<int>{1, -1}));
  LabelReadOptions o;
  o.columns = "worker,task,label";
  auto t = read_labels_text("0 85 1\n1 85 3\n", "color.txt", {}, "", {}, "", o);
  EXPECT_EQ(t.tasks, (std::vector<std::string>{"85"}));
  EXPECT_EQ(t.workers.size(), 2u);
}

TEST(LabelsRead, SnowTsvWithInlineGoldAndActWithIgnoredColumn) {
  auto s = read_labels_text(
      "!amt_annotation_ids\t!amt_worker_ids\torig_id\tresponse\tgold\nX1\tW1\t266\t1\t1\nX2\tW2\t266\t0\t1\n",
      "rte.tsv");
  EXPECT_EQ(s.tasks, (std::vector<std::string>{"266"}));
  EXPECT_EQ(s.gold, (std::vector<int>{1}));
  LabelReadOptions o;
  o.columns = "worker,task,label,gold,-";
  auto a = read_labels_text("A2,8119,0,0,14\nA4,8119,1,0,5\n", "CF_amt.csv", {}, "", {}, "", o);
  EXPECT_EQ(a.judgments.size(), 2u);
  EXPECT_EQ(a.gold, (std::vector<int>{0}));
}

TEST(LabelsRead, DuplicateRowsKeepFirstLast) {
  const std::string text = "task,worker,label\nt,w,a\nt,v,b\nt,w,b\n";
  auto keep = read_labels_text(text, "x.csv");
  EXPECT_EQ(keep.judgments.size(), 3u);
  auto first = read_labels_text(text, "x.csv", {}, "", {}, "", [] { LabelReadOptions o; o.dedup = "first"; return o; }());
  ASSERT_EQ(first.judgments.size(), 2u);
  EXPECT_EQ(first.labels[first.judgments[0].label], "a");
  auto last = read_labels_text(text, "x.csv", {}, "", {}, "", [] { LabelReadOptions o; o.dedup = "last"; return o; }());
  ASSERT_EQ(last.judgments.size(), 2u);
  EXPECT_EQ(last.labels[last.judgments[0].label], "b");  // v's row, then w's last row
  EXPECT_EQ(last.workers[last.judgments[0].worker], "v");
  EXPECT_EQ(last.labels[last.judgments[1].label], "b");
}

TEST(LabelsRead, WorkerWeights) {
  auto d = read_labels_text("task,worker,label\nt,w,a\nt,v,b\n", "x.csv", {}, "", "worker,weight\nv,2.5\nghost,1\n",
                            "w.csv");
  EXPECT_EQ(d.worker_weights, (std::vector<double>{2.5, 1.0}));  // v, w (natural order); w defaults to 1
}

TEST(LabelsRead, LocatedErrors) {
  EXPECT_EQ(error_of(""), "a.csv:1:1: empty file: expected (task, worker, label) rows");
  EXPECT_EQ(error_of("task,worker,label\nt1,w1\n"), "a.csv:2:6: expected 3 columns, found 2");
  EXPECT_EQ(error_of("task,worker,label\nt1,,x\n"), "a.csv:2:4: empty worker");
  EXPECT_EQ(error_of("task,worker,label\nt1,w1,x,y\n"), "a.csv:2:9: expected 3 columns, found 4");
  EXPECT_EQ(error_of("task,worker,label\n\"t1,w1,x\n"), "a.csv:2:1: unterminated quoted cell");
  EXPECT_EQ(error_of("task,worker,label,gold\nt1,w1,x,a\nt1,w2,x,b\n"),
            "a.csv:3:9: task 't1' has two different gold labels ('a' at line 2, 'b' here)");
  LabelReadOptions o;
  o.format = "header";
  EXPECT_EQ(error_of("a,b,c\n", o), "a.csv:1:1: the header (a, b, c) does not name the task, worker and label columns");
  EXPECT_EQ(error_of("task,task,worker,label\n"), "a.csv:1:6: column 'task' has the same role as column 'task'");
  EXPECT_EQ(error_of("task,worker,label\nt,w,x\n", {}, "task,truth\nt\n"),
            "g.csv:2:2: expected 2 columns (task, gold label), found 1");
}
