// Method of Equal Shares (Rule X; D. Peters, P. Skowron, EC 2020 "Proportionality and the limits of
// welfarism"; abcvoting "equal-shares" and variants): every voter starts with an equal share of
// the committee size; a candidate is bought by its approvers paying equally (or all they have)
// the smallest per-voter price q; when nobody can afford another candidate, a completion fills
// the remaining seats.
#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "committee/approval_voters.hpp"
#include "committee/committee.hpp"
#include "committee/phragmen_params.hpp"
#include "committee/seqphragmen.hpp"
#include "core/error.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

enum class Completion { none, seqphragmen, av };

// Each unique ballot's remaining budget per voter.
struct MesState {
  std::vector<Cand> committee;  // in order of purchase
  std::vector<Rational> budget;
};

// Smallest q such that the approvers of c, each paying min(budget, q), raise one unit; nullopt if
// they cannot (abcvoting's _equal_shares_get_min_q: voters poorer than q pay everything).
std::optional<Rational> min_price(const ApprovalVoters& a, const std::vector<Rational>& budget, Cand c) {
  std::vector<int> rich = a.approvers[static_cast<size_t>(c)];
  Rational poor_budget = 0;
  while (!rich.empty()) {
    int64_t rich_weight = 0;
    for (int v : rich) rich_weight += a.weight[static_cast<size_t>(v)];
    Rational q = (1 - poor_budget) / rich_weight;
    std::vector<int> still_rich;
    bool moved = false;
    for (int v : rich) {
      if (budget[static_cast<size_t>(v)] < q) {
        poor_budget += a.weight[static_cast<size_t>(v)] * budget[static_cast<size_t>(v)];
        moved = true;
      } else {
        still_rich.push_back(v);
      }
    }
    if (!moved) return q;
    rich = std::move(still_rich);
  }
  return std::nullopt;
}

// Committees of size s maximising the approval score (abcvoting's irresolute AV), over all candidates.
std::vector<std::vector<Cand>> av_committees(const ApprovalVoters& a, int s) {
  std::vector<int64_t> score(static_cast<size_t>(a.num_cand), 0);
  for (Cand c = 0; c < a.num_cand; ++c)
    for (int v : a.approvers[static_cast<size_t>(c)]) score[static_cast<size_t>(c)] += a.weight[static_cast<size_t>(v)];
  std::vector<int64_t> sorted = score;
  std::sort(sorted.begin(), sorted.end());
  int64_t cutoff = sorted[sorted.size() - static_cast<size_t>(s)];
  std::vector<Cand> certain, possible;
  for (Cand c = 0; c < a.num_cand; ++c) {
    if (score[static_cast<size_t>(c)] > cutoff) certain.push_back(c);
    if (score[static_cast<size_t>(c)] == cutoff) possible.push_back(c);
  }
  const size_t missing = static_cast<size_t>(s) - certain.size();
  std::vector<std::vector<Cand>> out;
  std::vector<char> pick(possible.size(), 0);
  std::fill(pick.begin(), pick.begin() + static_cast<std::ptrdiff_t>(missing), 1);
  do {
    std::vector<Cand> committee = certain;
    for (size_t i = 0; i < possible.size(); ++i)
      if (pick[i]) committee.push_back(possible[i]);
    out.push_back(std::move(committee));
  } while (std::prev_permutation(pick.begin(), pick.end()));
  return sorted_committees(std::move(out));
}

// abcvoting's av_phase: the AV committees of size s (s = missing seats, then more) whose union with
// the partial committee has exactly k members.
std::vector<std::vector<Cand>> av_completion(const ApprovalVoters& a, int k, const std::vector<Cand>& partial) {
  for (int s = k - static_cast<int>(partial.size()); s <= a.num_cand; ++s) {
    std::vector<std::vector<Cand>> found;
    for (auto& extra : av_committees(a, s)) {
      std::set<Cand> u(partial.begin(), partial.end());
      u.insert(extra.begin(), extra.end());
      if (static_cast<int>(u.size()) == k) found.emplace_back(u.begin(), u.end());
    }
    if (!found.empty()) return sorted_committees(std::move(found));
  }
  throw std::logic_error("equal-shares: AV completion found no committee");
}

struct MesOutcome {
  std::vector<std::vector<Cand>> committees;
  bool complete = true;
  std::optional<MesState> resolute_state;  // where the equal-shares phase stopped (resolute)
};

// Runs the equal-shares phase from per-voter budget `start_budget`, branching on every tie
// (irresolute) or following the smallest index (resolute), then the completion.
MesOutcome equal_shares(const ApprovalVoters& a, int k, const Rational& start_budget, Completion completion,
                        bool resolute, const Deadline& deadline) {
  MesOutcome out;
  std::vector<MesState> stack{{{}, std::vector<Rational>(static_cast<size_t>(a.num_ballots()), start_budget)}};
  std::set<std::pair<std::vector<Cand>, std::vector<Rational>>> seen;
  while (!stack.empty()) {
    MesState s = std::move(stack.back());
    stack.pop_back();
    if (static_cast<int>(s.committee.size()) == k) {
      out.committees.push_back(s.committee);
      if (resolute) {
        out.resolute_state = s;
        break;
      }
      continue;
    }
    if (!resolute) {
      std::vector<Cand> members = s.committee;
      std::sort(members.begin(), members.end());
      if (!seen.insert({std::move(members), s.budget}).second) continue;
      if (deadline.expired()) {
        out.complete = false;
        break;
      }
    }
    std::vector<char> in(static_cast<size_t>(a.num_cand), 0);
    for (Cand c : s.committee) in[static_cast<size_t>(c)] = 1;
    std::vector<std::optional<Rational>> price(static_cast<size_t>(a.num_cand));
    std::optional<Rational> best;
    for (Cand c = 0; c < a.num_cand; ++c) {
      if (in[static_cast<size_t>(c)]) continue;
      price[static_cast<size_t>(c)] = min_price(a, s.budget, c);
      if (price[static_cast<size_t>(c)] && (!best || *price[static_cast<size_t>(c)] < *best)) best = price[static_cast<size_t>(c)];
    }
    if (best) {
      std::vector<MesState> next;
      for (Cand c = 0; c < a.num_cand; ++c) {
        if (!price[static_cast<size_t>(c)] || *price[static_cast<size_t>(c)] != *best) continue;
        MesState t = s;
        t.committee.push_back(c);
        for (int v : a.approvers[static_cast<size_t>(c)]) {
          Rational& b = t.budget[static_cast<size_t>(v)];
          b -= std::min(b, *best);
        }
        next.push_back(std::move(t));
        if (resolute) break;
      }
      for (auto it = next.rbegin(); it != next.rend(); ++it) stack.push_back(std::move(*it));
      continue;
    }
    // Nobody can afford another candidate: complete.
    if (resolute) out.resolute_state = s;
    if (completion == Completion::none) {
      out.committees.push_back(s.committee);
    } else if (completion == Completion::av) {
      auto found = av_completion(a, k, s.committee);
      if (resolute) found.resize(1);
      out.committees.insert(out.committees.end(), found.begin(), found.end());
    } else {
      PhragmenState start{s.committee, {}};
      for (const Rational& b : s.budget) start.load.push_back(-b);
      auto phr = seq_phragmen_complete(a, k, std::move(start), resolute, deadline);
      out.committees.insert(out.committees.end(), phr.committees.begin(), phr.committees.end());
      out.complete = out.complete && phr.complete;
    }
    if (resolute) break;
  }
  out.committees = sorted_committees(std::move(out.committees));
  if (resolute && out.committees.size() > 1) out.committees.resize(1);
  return out;
}

json state_json(const Profile& p, const MesState& s) {
  json order = json::array();
  for (Cand c : s.committee) order.push_back(p.id(c));
  json budget = json::array();
  for (const Rational& b : s.budget) budget.push_back(to_string(b));
  return json{{"bought_in_order", order}, {"remaining_budget_per_voter_by_ballot", budget}};
}

CommitteeResult run_equal_shares(const Profile& p, int k, const Params& params, Completion completion,
                                 const char* id) {
  ApprovalVoters a = approval_voters(p, params);
  check_committee_size(a, k, id);
  bool resolute = resolute_mode(params);
  Rational share{mpz_class(k), mpz_class(static_cast<long>(a.total_weight))};
  share.canonicalize();
  auto outcome = equal_shares(a, k, share, completion, resolute, Deadline::from(params));
  CommitteeResult r;
  r.committees = outcome.committees;
  r.proven = outcome.complete;
  r.explanation["rule"] = id;
  r.explanation["start_budget_per_voter"] = to_string(share);
  if (resolute && outcome.resolute_state) r.explanation["equal_shares_phase"] = state_json(p, *outcome.resolute_state);
  return r;
}

CommitteeResult equal_shares_rule(const Profile& p, int k, const Params& params) {
  return run_equal_shares(p, k, params, Completion::seqphragmen, "equal-shares");
}
CommitteeResult equal_shares_av_rule(const Profile& p, int k, const Params& params) {
  return run_equal_shares(p, k, params, Completion::av, "equal-shares-with-av-completion");
}
CommitteeResult equal_shares_none_rule(const Profile& p, int k, const Params& params) {
  return run_equal_shares(p, k, params, Completion::none, "equal-shares-without-completion");
}

// Increment completion (abcvoting): raise the per-voter budget to k'/n for k' = k, k+1, ... until the
// equal-shares phase alone buys k candidates. abcvoting defines it resolute only; irresolute mode here
// returns every k-member committee some tie-break reaches at the first sufficient k'.
CommitteeResult equal_shares_increment_rule(const Profile& p, int k, const Params& params) {
  const char* id = "equal-shares-with-increment-completion";
  ApprovalVoters a = approval_voters(p, params);
  check_committee_size(a, k, id);
  bool resolute = resolute_mode(params);
  Deadline deadline = Deadline::from(params);
  CommitteeResult r;
  r.explanation["rule"] = id;
  auto approved = a.approved_candidates();
  if (static_cast<int>(approved.size()) < k) {
    // Too few approved candidates: AV (all approved ones plus fillers), as abcvoting.
    auto found = av_committees(a, k);
    if (resolute) found.resize(1);
    r.committees = found;
    r.explanation["note"] = "fewer approved candidates than seats: approval voting fills the committee";
    return r;
  }
  const int64_t n = a.total_weight;
  for (int64_t virtual_k = k; virtual_k < static_cast<int64_t>(k) * n + 1; ++virtual_k) {
    Rational share{mpz_class(static_cast<long>(virtual_k)), mpz_class(static_cast<long>(n))};
    share.canonicalize();
    auto outcome = equal_shares(a, k, share, Completion::none, resolute, deadline);
    std::vector<std::vector<Cand>> full;
    for (auto& c : outcome.committees)
      if (static_cast<int>(c.size()) == k) full.push_back(c);
    if (!full.empty()) {
      r.committees = full;
      r.proven = outcome.complete;
      r.explanation["virtual_committee_size"] = virtual_k;
      r.explanation["start_budget_per_voter"] = to_string(share);
      return r;
    }
    if (deadline.expired()) break;
  }
  r.proven = false;
  return r;
}

const std::string kMesCitation =
    "D. Peters, P. Skowron, Proportionality and the limits of welfarism, EC 2020; D. Peters, G. Pierczyński, "
    "P. Skowron, NeurIPS 2021; abcvoting equal-shares";

}  // namespace

static const Registration equal_shares_registration{MethodInfo{
    .id = "equal-shares",
    .aliases = {"mes", "rule-x", "method_of_equal_shares"},
    .family = "committee",
    .input = "approval",
    .summary = "Method of Equal Shares (Rule X): voters buy candidates from equal budgets; remaining seats by "
               "seq-Phragmén from the leftover budgets (exact rationals)",
    .citation = kMesCitation,
    .params = phragmen_mode_params(),
    .committee = equal_shares_rule,
}};

static const Registration equal_shares_av_registration{MethodInfo{
    .id = "equal-shares-with-av-completion",
    .aliases = {},
    .family = "committee",
    .input = "approval",
    .summary = "Method of Equal Shares; remaining seats filled by approval voting (abcvoting's av completion)",
    .citation = kMesCitation,
    .params = phragmen_mode_params(),
    .committee = equal_shares_av_rule,
}};

static const Registration equal_shares_increment_registration{MethodInfo{
    .id = "equal-shares-with-increment-completion",
    .aliases = {},
    .family = "committee",
    .input = "approval",
    .summary = "Method of Equal Shares with the smallest virtual committee size (budget k'/n) that fills all seats",
    .citation = kMesCitation,
    .params = phragmen_mode_params(),
    .committee = equal_shares_increment_rule,
}};

static const Registration equal_shares_none_registration{MethodInfo{
    .id = "equal-shares-without-completion",
    .aliases = {"equal-shares-without-phragmen-phase", "rule-x-without-phragmen-phase"},
    .family = "committee",
    .input = "approval",
    .summary = "Method of Equal Shares without completion: may return fewer than k candidates",
    .citation = kMesCitation,
    .params = phragmen_mode_params(),
    .committee = equal_shares_none_rule,
}};

}  // namespace prefero
