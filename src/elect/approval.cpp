// Approval voting: the candidates approved by the most voters.
#include "core/error.hpp"
#include "elect/common.hpp"
#include "elect/positional.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Approval counts (indexed by Cand). What a ballot approves depends on its kind:
//   categorical: categories 0 .. approve_top-1 (PrefLib .cat: category 0 = approved)
//   ranking:     its first approve_top indifference classes among the candidates in play
//   scores:      every grade >= min_grade
std::vector<int64_t> approvals(const Profile& p, const CandidateSet& cands, int64_t top, int64_t min_grade) {
  std::vector<int64_t> n(static_cast<size_t>(p.num_candidates()));
  if (p.kind == BallotKind::ranking) {
    int cls_index = 0;
    for_each_class(p, cands, [&](const BallotClass& k) {
      if (k.above == 0) cls_index = 0;
      if (!k.unranked && cls_index++ < top)
        for (Cand c : k.cands) n[c] += k.count;
    });
    return n;
  }
  for (size_t b = 0; b < p.num_ballots(); ++b)
    for (Cand c : cands) {
      bool yes = p.kind == BallotKind::scores
                     ? p.ballot_grades(b)[c] != kNoGrade && p.ballot_grades(b)[c] >= min_grade
                     : p.ballot(b)[c] != kUnranked && p.ballot(b)[c] < top;
      if (yes) n[c] += p.counts[b];
    }
  return n;
}

}  // namespace

// Approval voting (S. J. Brams, P. C. Fishburn, Approval voting, APSR 72(3), 1978).
ElectionResult approval(const Profile& p, const CandidateSet& cands, const Params& params) {
  const int64_t top = params.integer("approve_top");
  if (top < 1) throw InputError("approval: approve_top must be at least 1");
  auto n = approvals(p, cands, top, params.integer("min_grade"));
  ElectionResult r;
  r.winners = argmax<int64_t>(cands, [&](Cand c) { return n[c]; });
  r.explanation["approvals"] = scores_json(p, cands, [&](Cand c) { return n[c]; });
  return r;
}

static const Registration approval_registration{MethodInfo{
    .id = "approval",
    .aliases = {"Approval", "approval_voting"},
    .family = "elect",
    .input = "approval",
    .summary = "the candidates approved by the most voters (categorical: category 0 approves; rankings: the "
               "first approve_top classes; scores: grades >= min_grade)",
    .citation = "S. J. Brams, P. C. Fishburn, Approval voting, American Political Science Review 72(3), 1978",
    .params = {{"approve_top", ParamType::integer, "1",
                "rankings: approve the first K indifference classes (among candidates in play); categorical: "
                "approve categories 0..K-1",
                {}},
               {"min_grade", ParamType::integer, "1", "scores: the lowest grade that counts as approval", {}}},
    .elect = approval,
}};

}  // namespace prefero
