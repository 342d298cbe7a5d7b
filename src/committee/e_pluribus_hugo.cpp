// E Pluribus Hugo (EPH), the Hugo Awards' nomination rule, as a committee rule.
#include <algorithm>
#include <vector>

#include "committee/approval_profile.hpp"
#include "committee/approval_voters.hpp"
#include "committee/run_committee.hpp"
#include "core/rational.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Every way to drop `drop` of the `shortlist` candidates from `remaining` (abcvoting's final step:
// the tied shortlist is cut down to exactly k seats in all possible ways).
void enumerate_cuts(const std::vector<Cand>& remaining, const std::vector<Cand>& shortlist, size_t drop,
                    size_t from, std::vector<Cand>& dropped, std::vector<std::vector<Cand>>& out) {
  if (dropped.size() == drop) {
    std::vector<Cand> w;
    for (Cand c : remaining)
      if (std::find(dropped.begin(), dropped.end(), c) == dropped.end()) w.push_back(c);
    out.push_back(std::move(w));
    return;
  }
  for (size_t i = from; i + (drop - dropped.size()) <= shortlist.size(); ++i) {
    dropped.push_back(shortlist[i]);
    enumerate_cuts(remaining, shortlist, drop, i + 1, dropped, out);
    dropped.pop_back();
  }
}

}  // namespace

// E Pluribus Hugo (J. Quinn, B. Schneier, "A proportional voting system for awards nominations
// resistant to voting blocs" — Single Divisible Vote with Least-Popular Elimination; abcvoting "eph").
// Each round every voter's weight is split equally among its approved remaining candidates (SDV
// points). The shortlist is every candidate whose points are at most the second-smallest point total;
// of those, every candidate with the fewest approvals is eliminated at once. When that would leave k
// or fewer, the committees are all ways of eliminating just enough shortlisted candidates
// (irresolute: all of them; resolute: the lexicographically first committee).
CommitteeResult e_pluribus_hugo(const Profile& p, int k, const Params& params) {
  ApprovalProfile a = approval_profile(p, params);
  const bool resolute = params.boolean("resolute");
  std::vector<Cand> remaining;
  for (Cand c = 0; c < a.num_candidates; ++c) remaining.push_back(c);
  CommitteeResult r;
  while (true) {  // each round eliminates at least one candidate: at most m rounds
    std::vector<char> in(static_cast<size_t>(a.num_candidates), 0);
    for (Cand c : remaining) in[static_cast<size_t>(c)] = 1;
    std::vector<Rational> points(static_cast<size_t>(a.num_candidates), Rational(0));
    std::vector<int64_t> approvals(static_cast<size_t>(a.num_candidates), 0);
    for (size_t b = 0; b < a.size(); ++b) {
      int64_t left = 0;
      for (Cand c : a.approved[b]) left += in[static_cast<size_t>(c)];
      for (Cand c : a.approved[b])
        if (in[static_cast<size_t>(c)]) {
          points[static_cast<size_t>(c)] += Rational(a.weights[b], left);
          approvals[static_cast<size_t>(c)] += a.weights[b];
        }
    }
    std::vector<Rational> sorted_points;
    for (Cand c : remaining) sorted_points.push_back(points[static_cast<size_t>(c)]);
    std::sort(sorted_points.begin(), sorted_points.end());
    const Rational cutoff = sorted_points[std::min<size_t>(1, sorted_points.size() - 1)];
    std::vector<Cand> shortlist;
    for (Cand c : remaining)
      if (points[static_cast<size_t>(c)] <= cutoff) shortlist.push_back(c);
    int64_t fewest = approvals[static_cast<size_t>(shortlist[0])];
    for (Cand c : shortlist) fewest = std::min(fewest, approvals[static_cast<size_t>(c)]);
    std::erase_if(shortlist, [&](Cand c) { return approvals[static_cast<size_t>(c)] > fewest; });
    if (remaining.size() - shortlist.size() <= static_cast<size_t>(k)) {
      const size_t drop = remaining.size() - static_cast<size_t>(k);
      if (resolute) {  // the lexicographically first committee keeps the smallest: drop the largest
        const std::vector<Cand> largest(shortlist.end() - static_cast<std::ptrdiff_t>(drop), shortlist.end());
        std::vector<Cand> w;
        for (Cand c : remaining)
          if (std::find(largest.begin(), largest.end(), c) == largest.end()) w.push_back(c);
        r.committees.push_back(std::move(w));
      } else {
        std::vector<Cand> dropped;
        enumerate_cuts(remaining, shortlist, drop, 0, dropped, r.committees);
      }
      break;
    }
    std::erase_if(remaining, [&](Cand c) { return std::find(shortlist.begin(), shortlist.end(), c) != shortlist.end(); });
  }
  r.committees = sorted_committees(std::move(r.committees));
  return r;
}

static const Registration eph_registration{MethodInfo{
    .id = "eph",
    .aliases = {"e_pluribus_hugo"},
    .family = "committee",
    .input = "approval",
    .summary = "E Pluribus Hugo: split each vote among the remaining approved candidates; of the candidates with "
               "at most the second-lowest points, those with the fewest approvals are eliminated, until k remain",
    .citation = "J. Quinn, B. Schneier, A proportional voting system for awards nominations resistant to voting "
                "blocs (2016); Hugo Award rules since 2017; abcvoting eph",
    .params = committee_params({}),
    .committee = e_pluribus_hugo,
}};

}  // namespace prefero
