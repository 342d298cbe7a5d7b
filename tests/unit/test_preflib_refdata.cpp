// Every PrefLib file in ../shared/refdata reads without error, and its counts match
// refdata/preflib/INVENTORY.tsv (an independent listing made when the data was copied).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "io/read.hpp"
#include "io/weighted_digraph.hpp"
#include "io/write.hpp"
#include "preflib_test_util.hpp"

using namespace prefero;
using namespace prefero::test;

namespace {

struct InventoryRow {
  std::string data_type;
  int64_t alternatives = 0;
  int64_t voters = -1;  // empty for wmd
  int64_t unique_or_edges = 0;
};

std::map<std::string, InventoryRow> read_inventory() {
  std::ifstream in(preflib_dir() / "INVENTORY.tsv");
  std::map<std::string, InventoryRow> rows;
  std::string line;
  std::getline(in, line);  // column names
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    if (f.size() < 6) continue;
    InventoryRow r;
    r.data_type = f[1];
    r.alternatives = std::stoll(f[3]);
    if (!f[4].empty()) r.voters = std::stoll(f[4]);
    r.unique_or_edges = std::stoll(f[5]);
    rows[f[0]] = r;
  }
  return rows;
}

std::string rel_path(const std::filesystem::path& p) { return std::filesystem::relative(p, preflib_dir()).string(); }

}  // namespace

TEST(PreflibRefdata, EveryNewFormatFileReadsAndMatchesInventory) {
  const auto inventory = read_inventory();
  ASSERT_GT(inventory.size(), 500u);
  const auto files = preflib_files("datasets", {"soc", "soi", "toc", "toi", "cat"});
  ASSERT_GT(files.size(), 500u);
  size_t checked = 0;
  for (const auto& path : files) {
    const std::string rel = rel_path(path);
    SCOPED_TRACE(rel);
    Profile p;
    try {
      p = read_profile(path.string());
    } catch (const InputError& e) {
      ADD_FAILURE() << e.what();
      continue;
    }
    auto it = inventory.find(rel);
    ASSERT_NE(it, inventory.end());
    const InventoryRow& r = it->second;
    EXPECT_EQ(p.num_candidates(), r.alternatives);
    EXPECT_EQ(p.num_voters, r.voters);
    EXPECT_EQ(static_cast<int64_t>(p.num_ballots()), r.unique_or_edges);
    EXPECT_EQ(p.kind, r.data_type == "cat" ? BallotKind::categorical : BallotKind::ranking);
    EXPECT_EQ(p.meta("DATA TYPE"), r.data_type);
    // Alternatives keep the file's ids 1..m.
    for (Cand c = 0; c < p.num_candidates(); ++c) EXPECT_EQ(p.id(c), c + 1);
    ++checked;
  }
  EXPECT_EQ(checked, files.size());
}

TEST(PreflibRefdata, EveryWmdFileReadsAsAGraph) {
  const auto inventory = read_inventory();
  const auto files = preflib_files("datasets", {"wmd"});
  ASSERT_GE(files.size(), 3u);
  for (const auto& path : files) {
    const std::string rel = rel_path(path);
    SCOPED_TRACE(rel);
    WeightedDigraph g = read_weighted_digraph(path.string());
    const InventoryRow& r = inventory.at(rel);
    EXPECT_EQ(g.candidates.size(), r.alternatives);
    EXPECT_EQ(static_cast<int64_t>(g.edges.size()), r.unique_or_edges);
    EXPECT_EQ(g.candidates.names[0], "Pair 1");
  }
}

TEST(PreflibRefdata, KidneyGraphFirstEdgesAsInTheFile) {
  // 00036-00000004.wmd starts with "1,5,1.0", "3,4,1.0", "3,8,1.0".
  WeightedDigraph g =
      read_weighted_digraph((preflib_dir() / "datasets" / "00036-kidney" / "00036-00000004.wmd").string());
  ASSERT_GE(g.edges.size(), 3u);
  EXPECT_EQ(g.candidates.ids[g.edges[0].src], 1);
  EXPECT_EQ(g.candidates.ids[g.edges[0].dst], 5);
  EXPECT_EQ(g.edges[0].weight, 1.0);
  EXPECT_EQ(g.candidates.ids[g.edges[2].src], 3);
  EXPECT_EQ(g.candidates.ids[g.edges[2].dst], 8);
}

// The old-format copies of the Debian files hold the same elections as the new-format ones.
TEST(PreflibRefdata, OldFormatFilesReadAndEqualTheirNewFormatCopies) {
  const auto files = preflib_files("datasets_old_format", {"soc", "soi", "toc", "toi"});
  ASSERT_GE(files.size(), 22u);
  size_t compared = 0;
  for (const auto& path : files) {
    const std::string rel = rel_path(path);
    SCOPED_TRACE(rel);
    Profile old_p;
    try {
      old_p = read_profile(path.string());
    } catch (const InputError& e) {
      ADD_FAILURE() << e.what();
      continue;
    }
    EXPECT_GT(old_p.num_voters, 0);
    const auto new_path = preflib_dir() / "datasets" / std::filesystem::relative(path, preflib_dir() / "datasets_old_format");
    if (!std::filesystem::exists(new_path)) continue;
    expect_same_profile(old_p, read_profile(new_path.string()), rel);
    ++compared;
  }
  EXPECT_EQ(compared, 16u);
}

// Debian 2002 leader (00002-00000001.soi): hand-checked against the file's first lines and
// header: 475 voters, 41 orders, alternative 3 "Bdale Garbee", and the top line "60: 3,1,2,4".
TEST(PreflibRefdata, Debian2002HeaderAndFirstBallot) {
  Profile p = read_profile((preflib_dir() / "datasets" / "00002-debian" / "00002-00000001.soi").string());
  EXPECT_EQ(p.num_voters, 475);
  EXPECT_EQ(p.num_ballots(), 41u);
  EXPECT_EQ(p.name(2), "Bdale Garbee");
  EXPECT_EQ(p.meta("TITLE"), "Debian 2002 Leader");
  EXPECT_EQ(p.meta("DESCRIPTION"), "");
  EXPECT_EQ(p.counts[0], 60);
  EXPECT_EQ(p.tiers(0), (std::vector<std::vector<Cand>>{{2}, {0}, {1}, {3}}));
}

// 00057 numbers its categories from 0 ("CATEGORY NAME 0: Vote"); category index 0 = "Vote".
TEST(PreflibRefdata, CategoriesNumberedFromZero) {
  Profile p = read_profile((preflib_dir() / "datasets" / "00057-parliaments" / "00057-00000001.cat").string());
  EXPECT_EQ(p.category_names, (std::vector<std::string>{"Vote", "Not Selected"}));
  EXPECT_EQ(p.num_voters, 4633114);
  EXPECT_EQ(p.counts[0], 1617804);  // "1617804: 1,{2,...,13}": alternative 1 in category 0
  EXPECT_EQ(p.ballot(0)[0], 0);
  EXPECT_EQ(p.ballot(0)[1], 1);
}

TEST(PreflibRefdata, EveryFileRoundTripsThroughTheWriter) {
  auto files = preflib_files("datasets", {"soc", "soi", "toc", "toi", "cat"});
  auto old_files = preflib_files("datasets_old_format", {"soc", "soi", "toc", "toi"});
  files.insert(files.end(), old_files.begin(), old_files.end());
  for (const auto& path : files) {
    const std::string rel = rel_path(path);
    SCOPED_TRACE(rel);
    Profile p = read_profile(path.string());
    std::ostringstream out;
    write_preflib(p, out);
    Profile q = read_preflib_text(out.str(), rel + " (rewritten)", preflib_data_type(p));
    expect_same_profile(p, q, rel);
    EXPECT_EQ(q.meta("TITLE").value_or(""), p.meta("TITLE").value_or(""));
    if (HasFailure()) break;
  }
}
