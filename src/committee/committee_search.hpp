#pragma once
// Small tools the exact committee rules share: a deadline, enumeration of all k-subsets (the
// brute-force oracle), exact 128-bit scores, and the collection of every tied best committee.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "core/candidates.hpp"

#include "solve/deadline.hpp"

namespace prefero {

__extension__ typedef __int128 Int128;

std::string to_string_i128(Int128 v);


// Calls f(committee) for every k-subset of 0..m-1 in lexicographic order; f returns false to
// stop. Returns false if stopped early.
template <class F>
bool for_each_committee(int m, int k, F&& f) {
  if (k < 0 || k > m) return true;
  std::vector<Cand> w(static_cast<size_t>(k));
  for (int i = 0; i < k; ++i) w[static_cast<size_t>(i)] = i;
  while (true) {
    if (!f(static_cast<const std::vector<Cand>&>(w))) return false;
    int i = k - 1;
    while (i >= 0 && w[static_cast<size_t>(i)] == m - k + i) --i;
    if (i < 0) return true;
    ++w[static_cast<size_t>(i)];
    for (int j = i + 1; j < k; ++j) w[static_cast<size_t>(j)] = w[static_cast<size_t>(j - 1)] + 1;
  }
}

// Keeps every committee whose score equals the best so far (larger is better).
template <class Score>
struct BestCommittees {
  bool any = false;
  Score best{};
  std::vector<std::vector<Cand>> committees;
  void offer(const Score& s, const std::vector<Cand>& w) {
    if (!any || best < s) {
      any = true;
      best = s;
      committees.clear();
    }
    if (!(s < best)) committees.push_back(w);
  }
};

}  // namespace prefero
