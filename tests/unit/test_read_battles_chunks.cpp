// The JSONL battles reader's chunked, multi-threaded path: inputs of more than one 16 MB chunk
// give the same rows, order and counts for 1, 2 and 3 threads, equal to counts tallied here
// directly from the generated battles; an object spanning the chunk cut falls back to the
// sequential reader with the same answer; an error in a later chunk names its line.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <tuple>

#include "core/error.hpp"
#include "io/read_comparisons.hpp"

namespace prefero {
namespace {

using Key = std::tuple<std::string, std::string, int>;
const char* kWinners[4] = {"model_a", "model_b", "tie", "tie (bothbad)"};

// About `bytes` of battles among 40 models with weights 0.5, 1 or 1.25; `tally` gets the
// expected count per (model_a, model_b, outcome).
std::string battles(size_t bytes, std::map<Key, double>& tally, uint64_t seed) {
  std::mt19937_64 gen(seed);
  std::string out;
  const double weights[3] = {0.5, 1, 1.25};
  while (out.size() < bytes) {
    int a = static_cast<int>(gen() % 40), b = static_cast<int>((a + 1 + gen() % 39) % 40), o = static_cast<int>(gen() % 4);
    double w = weights[gen() % 3];
    std::string ma = "model-" + std::to_string(a), mb = "model-" + std::to_string(b);
    out += R"({"model_a": ")" + ma + R"(", "model_b": ")" + mb + R"(", "winner": ")" + kWinners[o] +
           R"(", "weight": )" + std::to_string(w) + "}\n";
    tally[{ma, mb, o}] += w;
  }
  return out;
}

void expect_tally(const Comparisons& c, const std::map<Key, double>& tally) {
  std::map<Key, double> got;
  for (const PairRow& r : c.pairs)
    got[{c.models[static_cast<size_t>(r.a)], c.models[static_cast<size_t>(r.b)], static_cast<int>(r.outcome)}] += r.count;
  ASSERT_EQ(got.size(), tally.size());
  for (const auto& [k, v] : tally) EXPECT_DOUBLE_EQ(got.at(k), v);
}

Comparisons read_with(const std::string& text, int threads) {
  ComparisonsReadOptions o;
  o.threads = threads;
  return read_battles_jsonl_text(text, "big.jsonl", o);
}

TEST(ReadBattlesChunks, SameRowsForAnyThreadCount) {
  std::map<Key, double> tally;
  std::string text = battles((size_t{1} << 24) * 2 + 12345, tally, 1);  // three chunks
  Comparisons one = read_with(text, 1);
  expect_tally(one, tally);
  for (int t : {2, 3}) {
    Comparisons c = read_with(text, t);
    EXPECT_EQ(c.models, one.models) << t;
    ASSERT_EQ(c.pairs.size(), one.pairs.size()) << t;
    for (size_t i = 0; i < c.pairs.size(); ++i) {
      EXPECT_EQ(c.pairs[i].a, one.pairs[i].a);
      EXPECT_EQ(c.pairs[i].b, one.pairs[i].b);
      EXPECT_EQ(c.pairs[i].outcome, one.pairs[i].outcome);
      EXPECT_EQ(c.pairs[i].count, one.pairs[i].count) << "bitwise, threads " << t;
    }
  }
}

TEST(ReadBattlesChunks, ObjectAcrossTheChunkCutFallsBack) {
  std::map<Key, double> tally;
  std::string text = battles((size_t{1} << 24) - 100, tally, 2);
  // A pretty-printed object whose lines straddle byte 2^24 (where the first chunk ends).
  text += "{\n  \"model_a\": \"model-1\",\n  \"model_b\": \"model-2\",\n" + std::string(150, ' ') +
          "\n  \"winner\": \"model_b\"\n}\n";
  tally[{"model-1", "model-2", 1}] += 1;
  std::map<Key, double> more;
  text += battles(1000, more, 3);
  for (const auto& [k, v] : more) tally[k] += v;
  for (int t : {1, 2}) expect_tally(read_with(text, t), tally);
}

TEST(ReadBattlesChunks, ErrorInALaterChunkNamesItsLine) {
  std::map<Key, double> tally;
  std::string text = battles((size_t{1} << 24) + 5000, tally, 4);
  size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  text += R"({"model_a": "x", "model_b": "y", "winner": "A>B"})" "\n";
  text += battles(20000, tally, 5);
  for (int t : {1, 2}) {
    try {
      read_with(text, t);
      ADD_FAILURE() << "no error";
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find("big.jsonl:" + std::to_string(lines + 1) + ":"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace prefero
