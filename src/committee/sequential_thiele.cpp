// Sequential and reverse-sequential Thiele rules (seq-PAV, seq-SLAV, seq-CC, revseq-PAV, ...).
// Irresolute: every committee reachable by some tie-break (abcvoting's "parallel universes"),
// found by a search over committees with every visited committee remembered.
#include <algorithm>
#include <set>

#include "committee/run_committee.hpp"
#include "committee/thiele.hpp"
#include "core/error.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Marginal change of the Thiele score when candidate c joins (add) or leaves (remove) W.
std::vector<Int128> marginals(const ApprovalProfile& a, const ScaledThiele& t, const std::vector<char>& in, bool add) {
  std::vector<Int128> g(static_cast<size_t>(a.num_candidates), 0);
  for (size_t b = 0; b < a.size(); ++b) {
    int x = 0;
    for (Cand c : a.approved[b]) x += in[static_cast<size_t>(c)];
    int idx = add ? x : x - 1;  // w(x+1) when adding, w(x) when removing
    if (idx < 0 || idx >= static_cast<int>(t.w.size())) continue;
    Int128 v = t.w[static_cast<size_t>(idx)] * a.weights[b];
    for (Cand c : a.approved[b]) g[static_cast<size_t>(c)] += v;
  }
  return g;
}

struct SequentialSearch {
  const ApprovalProfile& a;
  const ScaledThiele& t;
  int k;
  bool reverse;  // remove the candidate whose removal costs least, from all candidates down to k
  bool resolute;
  Deadline deadline;
  std::set<std::vector<char>> seen;
  std::vector<std::vector<Cand>> committees;
  json steps = json::array();
  bool stopped = false;

  void run(std::vector<char> in, int size) {
    if (stopped) return;
    if (deadline.poll()) {
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
    if (!resolute && !seen.insert(in).second) return;
    std::vector<Int128> g = marginals(a, t, in, !reverse);
    bool any = false;
    Int128 best = 0;
    for (Cand c = 0; c < a.num_candidates; ++c) {
      bool eligible = reverse ? in[static_cast<size_t>(c)] : !in[static_cast<size_t>(c)];
      if (!eligible) continue;
      Int128 v = g[static_cast<size_t>(c)];
      if (!any || (reverse ? v < best : v > best)) best = v, any = true;
    }
    std::vector<Cand> tied;
    for (Cand c = 0; c < a.num_candidates; ++c) {
      bool eligible = reverse ? in[static_cast<size_t>(c)] : !in[static_cast<size_t>(c)];
      if (eligible && g[static_cast<size_t>(c)] == best) tied.push_back(c);
    }
    if (resolute) {
      json step = {{reverse ? "removed" : "added", tied.front()},
                   {reverse ? "loss" : "gain", to_string(to_rational(best, t.scale))}};
      if (tied.size() > 1) step["tied"] = tied;
      steps.push_back(step);
      tied.resize(1);
    }
    for (Cand c : tied) {
      in[static_cast<size_t>(c)] = reverse ? 0 : 1;
      run(in, reverse ? size - 1 : size + 1);
      in[static_cast<size_t>(c)] = reverse ? 1 : 0;
    }
  }
};

CommitteeResult sequential_thiele(const Profile& p, int k, const Params& params, const std::string& score_id,
                                  bool reverse) {
  ApprovalProfile a = approval_profile(p, params);
  // reverse-sequential rules start from all candidates: weights up to m are needed
  ScaledThiele t = scale_thiele(thiele_marginals(score_id, reverse ? a.num_candidates : k), a);
  SequentialSearch s{a, t, k, reverse, params.boolean("resolute"), Deadline(params.number("time_limit")), {}, {}, json::array(), false};
  std::vector<char> in(static_cast<size_t>(a.num_candidates), reverse ? 1 : 0);
  s.run(in, reverse ? a.num_candidates : 0);
  CommitteeResult r;
  r.committees = std::move(s.committees);
  r.proven = !s.stopped;
  r.explanation["score_function"] = score_id;
  if (s.resolute) {
    for (auto& step : s.steps) {  // candidates by external id
      for (const char* key : {"added", "removed"})
        if (step.contains(key)) step[key] = p.id(step[key].get<Cand>());
      if (step.contains("tied"))
        for (auto& c : step["tied"]) c = p.id(c.get<Cand>());
    }
    r.explanation["steps"] = s.steps;
  }
  if (!r.committees.empty()) r.explanation["score"] = to_string(to_rational(thiele_score(a, t, r.committees.front()), t.scale));
  return r;
}

}  // namespace

// Sequential PAV (Thiele 1895, "reweighted approval voting"): add the candidate with the largest marginal PAV gain.
CommitteeResult seqpav(const Profile& p, int k, const Params& params) { return sequential_thiele(p, k, params, "pav", false); }
// Sequential SLAV (Lackner & Skowron 2023).
CommitteeResult seqslav(const Profile& p, int k, const Params& params) { return sequential_thiele(p, k, params, "slav", false); }
// Sequential CC (greedy Chamberlin–Courant; Lu & Boutilier 2011).
CommitteeResult seqcc(const Profile& p, int k, const Params& params) { return sequential_thiele(p, k, params, "cc", false); }
// Reverse-sequential PAV (Thiele 1895): remove the candidate whose removal lowers the PAV score least.
CommitteeResult revseqpav(const Profile& p, int k, const Params& params) { return sequential_thiele(p, k, params, "pav", true); }
// Reverse-sequential CC.
CommitteeResult revseqcc(const Profile& p, int k, const Params& params) { return sequential_thiele(p, k, params, "cc", true); }
// Any sequential Thiele rule (score parameter).
CommitteeResult seqthiele(const Profile& p, int k, const Params& params) {
  return sequential_thiele(p, k, params, params.text("score"), false);
}
// Any reverse-sequential Thiele rule (score parameter).
CommitteeResult revseqthiele(const Profile& p, int k, const Params& params) {
  return sequential_thiele(p, k, params, params.text("score"), true);
}

namespace {
MethodInfo seq_info(std::string id, std::vector<std::string> aliases, std::string summary, CommitteeFn fn,
                    bool with_score = false) {
  std::vector<ParamSpec> own;
  if (with_score)
    own.push_back({"score", ParamType::text, "pav",
                   "marginal weights: av, pav, slav, cc, geom<p>, atleast<l>, or a list 1,1/2,1/3 (last repeats)", {}});
  return MethodInfo{.id = std::move(id),
                    .aliases = std::move(aliases),
                    .family = "committee",
                    .input = "approval",
                    .summary = std::move(summary),
                    .citation = "T. N. Thiele 1895; M. Lackner, P. Skowron, Multi-Winner Voting with Approval "
                                "Preferences, Springer 2023, §2.2",
                    .params = committee_params(std::move(own)),
                    .committee = fn};
}
}  // namespace

static const Registration seqpav_registration{seq_info(
    "seqpav", {"seq-pav", "seq_pav"}, "sequential PAV: add, k times, the candidate with the largest marginal PAV gain", seqpav)};
static const Registration seqslav_registration{seq_info(
    "seqslav", {"seq-slav"}, "sequential SLAV: add the candidate with the largest marginal SLAV gain", seqslav)};
static const Registration seqcc_registration{seq_info(
    "seqcc", {"seq-cc", "greedy_cc"}, "sequential CC: add the candidate covering the most uncovered voters", seqcc)};
static const Registration revseqpav_registration{seq_info(
    "revseqpav", {"revseq-pav"},
    "reverse-sequential PAV: from all candidates, remove the one whose loss of PAV score is smallest", revseqpav)};
static const Registration revseqcc_registration{seq_info(
    "revseqcc", {"revseq-cc"}, "reverse-sequential CC: remove the candidate whose removal uncovers the fewest voters",
    revseqcc)};
static const Registration seqthiele_registration{seq_info(
    "seqthiele", {"seq-thiele"}, "any sequential Thiele rule, score function given by `score`", seqthiele, true)};
static const Registration revseqthiele_registration{seq_info(
    "revseqthiele", {"revseq-thiele"}, "any reverse-sequential Thiele rule, score function given by `score`",
    revseqthiele, true)};

}  // namespace prefero
