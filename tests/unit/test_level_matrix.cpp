// profile_from_level_matrix (the bulk path) against ProfileBuilder, ballot at a time, as the oracle.
#include <gtest/gtest.h>

#include <random>

#include "core/error.hpp"
#include "io/level_matrix.hpp"

namespace prefero {
namespace {

void expect_same(const Profile& a, const Profile& b) {
  EXPECT_EQ(a.levels, b.levels);
  EXPECT_EQ(a.counts, b.counts);
  EXPECT_EQ(a.num_voters, b.num_voters);
  EXPECT_EQ(a.support_ranked, b.support_ranked);
  EXPECT_EQ(a.support_tied_last, b.support_tied_last);
  EXPECT_EQ(a.category_names, b.category_names);
}

TEST(LevelMatrix, EqualsProfileBuilderOnRandomRowsWithRepeatsTiesGapsAndUnranked) {
  std::mt19937 rng(7);
  for (int m : {1, 3, 5}) {
    for (BallotKind kind : {BallotKind::ranking, BallotKind::categorical}) {
      const size_t rows = 400;
      std::vector<int32_t> levels(rows * static_cast<size_t>(m));
      std::vector<int64_t> counts(rows);
      // Levels -1..2*m (gaps, ties, unranked): few distinct rows, so many merge.
      std::uniform_int_distribution<int32_t> level(-1, 2 * m);
      std::uniform_int_distribution<int64_t> count(1, 3);
      for (auto& l : levels) l = level(rng);
      for (auto& c : counts) c = count(rng);
      std::vector<std::string> cats = kind == BallotKind::categorical ? std::vector<std::string>{"x"} : std::vector<std::string>{};
      ProfileBuilder b(Candidates::numbered(m), kind);
      if (!cats.empty()) b.set_category_names(cats);
      for (size_t r = 0; r < rows; ++r)
        b.add_levels(std::span<const int32_t>(levels.data() + r * static_cast<size_t>(m), static_cast<size_t>(m)), counts[r]);
      expect_same(profile_from_level_matrix(Candidates::numbered(m), kind, levels, counts, cats), b.finish());
    }
  }
}

TEST(LevelMatrix, BadCountOrLevelNamesTheRow) {
  std::vector<int32_t> levels = {0, 1, 1, 0};
  EXPECT_THROW(profile_from_level_matrix(Candidates::numbered(2), BallotKind::ranking, levels, std::vector<int64_t>{1, 0}),
               InputError);
  levels[2] = -2;
  try {
    profile_from_level_matrix(Candidates::numbered(2), BallotKind::ranking, levels, std::vector<int64_t>{1, 1});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "ballot 1: level -2 (expected >= 0, or -1 for unranked)");
  }
}

}  // namespace
}  // namespace prefero
