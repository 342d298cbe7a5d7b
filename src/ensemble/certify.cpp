#include "ensemble/certify.hpp"

#include <algorithm>
#include <climits>
#include <functional>
#include <map>
#include <utility>

#include "ensemble/votes.hpp"

namespace prefero {

namespace {
size_t at(int i) { return static_cast<size_t>(i); }
int ceil_half(int x) { return x <= 0 ? 0 : (x + 1) / 2; }
int lower(int a, int b) { return a < b ? 1 : 0; }  // [a < b]
}  // namespace

// Levine & Feizi 2021, Theorem 1 with the lowest-index tie rule.
int dpa_certificate(const std::vector<int>& counts) {
  auto [c1, c2] = top_two(counts);
  return (counts[at(c1)] - counts[at(c2)] - lower(c2, c1)) / 2;
}

// Wang, Levine & Feizi 2022, Theorem 2: per rival c, spend buckets in decreasing order of the
// damage delta_h they can do to the gap N_y - N_c - [c < y].
int fa_certificate(const std::vector<int>& votes, int classes, const std::vector<int>& shifts) {
  const int kd = static_cast<int>(votes.size());
  std::vector<int> counts = vote_counts(votes, classes);
  const int y = top_two(counts).first;
  int cert = INT_MAX;
  for (int c = 0; c < classes; ++c) {
    if (c == y) continue;
    int gap = counts[at(y)] - counts[at(c)] - lower(c, y);
    std::vector<int> delta(at(kd), 0);
    for (int h = 0; h < kd; ++h)
      for (int s : shifts) {
        int v = votes[at((h + s) % kd)];
        delta[at(h)] += 1 + (v == y ? 1 : 0) - (v == c ? 1 : 0);
      }
    std::sort(delta.begin(), delta.end(), std::greater<>());
    int r = 0;
    while (r < kd && gap - delta[at(r)] >= 0) gap -= delta[at(r++)];
    cert = std::min(cert, r);
  }
  return cert == INT_MAX ? kd : cert;
}

// dp_calc.py of k1rezaei/DPA-election, memoised.
int roe_two_overtake(int g1, int g2) {
  thread_local std::map<std::pair<int, int>, int> memo;
  if (g1 <= 0 && g2 <= 0) return 0;
  g1 = std::max(g1, 0);
  g2 = std::max(g2, 0);
  if ((g1 <= 1 && g2 <= 2) || (g1 <= 2 && g2 <= 1)) return 1;
  if (g2 <= 1) return ceil_half(g1);
  if (g1 <= 1) return ceil_half(g2);
  auto key = std::make_pair(g1, g2);
  if (auto it = memo.find(key); it != memo.end()) return it->second;
  int v = 1 + std::min(roe_two_overtake(g1 - 2, g2 - 1), roe_two_overtake(g1 - 1, g2 - 2));
  memo.emplace(key, v);
  return v;
}

// Rezaei, Banihashem, Chegini & Feizi 2023, "Run-Off Election" (DPA+ROE certificate).
RunOff run_off(const double* scores, int models, int classes) {
  std::vector<int> counts = vote_counts(model_votes(scores, models, classes), classes);
  auto [m1, m2] = top_two(counts);
  auto prefers = [&](int m, int a, int b) { return scores[m * classes + a] > scores[m * classes + b]; };
  auto margin = [&](int a, int b) {  // 2 * #{models preferring a to b} - M
    int n = 0;
    for (int m = 0; m < models; ++m) n += prefers(m, a, b) ? 1 : 0;
    return 2 * n - models;
  };
  RunOff r;
  r.first = m1;
  r.second = m2;
  int e = margin(m1, m2);
  r.prediction = e > 0 ? m1 : e < 0 ? m2 : std::min(m1, m2);
  const int cp = r.prediction, cs = cp == m1 ? m2 : m1;
  auto need_overtake = [&](int target, int c) {  // votes c lacks to rank above target in round 1
    return std::max(0, counts[at(target)] - counts[at(c)] + lower(target, c));
  };
  int cert_r1 = INT_MAX;
  for (int c1 = 0; c1 < classes; ++c1)
    for (int c2 = c1 + 1; c2 < classes; ++c2)
      if (c1 != cp && c2 != cp)
        cert_r1 = std::min(cert_r1, roe_two_overtake(need_overtake(cp, c1), need_overtake(cp, c2)));
  int cert_r2 = INT_MAX;
  for (int c = 0; c < classes; ++c) {
    if (c == cp) continue;
    int reach = c == cs ? 0 : ceil_half(need_overtake(cs, c));
    int beat = ceil_half(std::max(0, margin(cp, c) + lower(cp, c)));
    cert_r2 = std::min(cert_r2, std::max(reach, beat));
  }
  int cert = std::min(cert_r1, cert_r2);
  r.certificate = cert == INT_MAX ? models : cert - 1;
  return r;
}

namespace {

// get_sample_cert of fa_roe_certify.py: the fewest buckets, largest power first, that bring gap to
// <= 0; buckets + 1 when all of them cannot (the authors' loop has no bound there).
int greedy_buckets(int gap, std::vector<int> power) {
  std::sort(power.begin(), power.end(), std::greater<>());
  int r = 0;
  while (gap > 0) {
    if (r == static_cast<int>(power.size())) return r + 1;
    gap -= power[at(r++)];
  }
  return r;
}

}  // namespace

// Rezaei, Banihashem, Chegini & Feizi 2023, FA+ROE certificate (Certv1 / Certv2 bounds).
RunOff fa_run_off(const double* scores, int models, int classes, const std::vector<int>& shifts) {
  RunOff r = run_off(scores, models, classes);  // prediction and finalists
  const int kd = models, cp = r.prediction, cs = cp == r.first ? r.second : r.first;
  const std::vector<int> votes = model_votes(scores, models, classes);
  const std::vector<int> counts = vote_counts(votes, classes);
  // Per bucket, the summed effect of the models it touches: power[h] = sum_j effect((h + shift_j) mod kd).
  auto bucket_power = [&](auto effect) {
    std::vector<int> power(at(kd), 0);
    for (int h = 0; h < kd; ++h)
      for (int s : shifts) power[at(h)] += effect((h + s) % kd);
    return power;
  };
  auto is = [&](int m, int c) { return votes[at(m)] == c ? 1 : 0; };
  // Buckets needed until c ranks above `target` in round 1 (Certv1).
  auto overtake = [&](int target, int c) {
    const int gap = counts[at(target)] - counts[at(c)] + lower(target, c);
    return greedy_buckets(gap, bucket_power([&](int m) { return 1 + is(m, target) - is(m, c); }));
  };
  const int kImpossible = kd + 1;
  int cert_r1 = kImpossible + 1;  // cp eliminated in round 1: two classes overtake it (Certv2)
  for (int c1 = 0; c1 < classes; ++c1)
    for (int c2 = 0; c2 < classes; ++c2) {
      if (c1 == cp || c2 == cp || c1 == c2) continue;
      const int gap = (counts[at(cp)] - counts[at(c1)] + lower(cp, c1)) + (counts[at(cp)] - counts[at(c2)] + lower(cp, c2));
      const int both = greedy_buckets(gap, bucket_power([&](int m) { return 1 + 2 * is(m, cp) - is(m, c1) - is(m, c2); }));
      cert_r1 = std::min(cert_r1, std::max(std::max(overtake(cp, c1), overtake(cp, c2)), both));
    }
  int cert_r2 = kImpossible + 1;  // c reaches the run-off against cp and wins it
  for (int c = 0; c < classes; ++c) {
    if (c == cp) continue;
    int prefer = 0;
    for (int m = 0; m < models; ++m) prefer += scores[m * classes + cp] > scores[m * classes + c] ? 1 : 0;
    const int gap = 2 * prefer - models + lower(cp, c);
    const int win = greedy_buckets(gap, bucket_power([&](int m) {
      return scores[m * classes + cp] > scores[m * classes + c] ? 2 : 0;
    }));
    cert_r2 = std::min(cert_r2, std::max(overtake(cs, c), win));
  }
  r.certificate = std::min(std::min(cert_r1, cert_r2) - 1, kd);
  return r;
}

}  // namespace prefero
