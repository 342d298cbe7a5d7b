// E Pluribus Hugo (EPH), the Hugo Awards' nomination rule, as a committee rule.
#include <algorithm>
#include <set>

#include "committee/approval_profile.hpp"
#include "committee/committee_search.hpp"
#include "committee/run_committee.hpp"
#include "core/rational.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

struct EphSearch {
  const ApprovalProfile& a;
  int k;
  bool resolute;
  Deadline deadline;
  std::set<std::vector<char>> seen;
  std::vector<std::vector<Cand>> committees;
  bool stopped = false;

  void run(std::vector<char>& in, int size) {
    if (stopped || deadline.expired()) {
      stopped = true;
      return;
    }
    if (size == k) {
      std::vector<Cand> w;
      for (Cand c = 0; c < a.num_candidates; ++c)
        if (in[static_cast<size_t>(c)]) w.push_back(c);
      committees.push_back(std::move(w));
      return;
    }
    if (!seen.insert(in).second) return;
    // points: each voter's one point split equally among its approved remaining candidates
    std::vector<Rational> points(static_cast<size_t>(a.num_candidates), Rational(0));
    std::vector<int64_t> nominations(static_cast<size_t>(a.num_candidates), 0);
    for (size_t b = 0; b < a.size(); ++b) {
      int64_t left = 0;
      for (Cand c : a.approved[b]) left += in[static_cast<size_t>(c)];
      for (Cand c : a.approved[b])
        if (in[static_cast<size_t>(c)]) {
          points[static_cast<size_t>(c)] += Rational(a.weights[b], left);
          nominations[static_cast<size_t>(c)] += a.weights[b];
        }
    }
    std::vector<Cand> rest;
    for (Cand c = 0; c < a.num_candidates; ++c)
      if (in[static_cast<size_t>(c)]) rest.push_back(c);
    std::sort(rest.begin(), rest.end(), [&](Cand x, Cand y) { return points[static_cast<size_t>(x)] < points[static_cast<size_t>(y)]; });
    // the elimination shortlist: the two lowest point totals (with everyone tied with the second)
    const Rational& second = points[static_cast<size_t>(rest[1])];
    std::vector<Cand> shortlist;
    for (Cand c : rest)
      if (points[static_cast<size_t>(c)] <= second) shortlist.push_back(c);
    int64_t fewest = nominations[static_cast<size_t>(shortlist[0])];
    for (Cand c : shortlist) fewest = std::min(fewest, nominations[static_cast<size_t>(c)]);
    std::vector<Cand> out;
    for (Cand c : shortlist)
      if (nominations[static_cast<size_t>(c)] == fewest) out.push_back(c);
    // still tied: the one with the fewest points goes
    Rational lowest = points[static_cast<size_t>(out[0])];
    for (Cand c : out) lowest = std::min(lowest, points[static_cast<size_t>(c)]);
    std::vector<Cand> tied;
    for (Cand c : out)
      if (points[static_cast<size_t>(c)] == lowest) tied.push_back(c);
    std::sort(tied.begin(), tied.end());
    if (resolute) tied.resize(1);
    for (Cand c : tied) {
      in[static_cast<size_t>(c)] = 0;
      run(in, size - 1);
      in[static_cast<size_t>(c)] = 1;
    }
  }
};

}  // namespace

// E Pluribus Hugo (J. Quinn, B. Sunday; Hugo Awards nominations since 2017): single divisible vote
// with least-popular elimination. While more than k candidates remain, each voter's point is split
// among its approved remaining candidates; of the two candidates with the fewest points, the one
// with fewer nominations (approvals) is eliminated. Irresolute: every committee some tie-break reaches.
CommitteeResult e_pluribus_hugo(const Profile& p, int k, const Params& params) {
  ApprovalProfile a = approval_profile(p, params);
  EphSearch s{a, k, params.boolean("resolute"), Deadline(params.number("time_limit")), {}, {}, false};
  std::vector<char> in(static_cast<size_t>(a.num_candidates), 1);
  s.run(in, a.num_candidates);
  CommitteeResult r;
  r.committees = std::move(s.committees);
  r.proven = !s.stopped;
  return r;
}

static const Registration eph_registration{MethodInfo{
    .id = "eph",
    .aliases = {"e_pluribus_hugo"},
    .family = "committee",
    .input = "approval",
    .summary = "E Pluribus Hugo: split each vote among the remaining approved candidates; of the two lowest, "
               "eliminate the one with fewer approvals, until k remain",
    .citation = "J. Quinn, B. Sunday, E Pluribus Hugo: Out of the Many, a Nominee (WSFS 2015); Hugo Award rules",
    .params = committee_params({}),
    .committee = e_pluribus_hugo,
}};

}  // namespace prefero
