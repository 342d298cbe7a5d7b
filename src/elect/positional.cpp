// Positional scoring on weak and truncated orders (see positional.hpp).
#include "elect/positional.hpp"

#include <algorithm>

namespace prefero {

void for_each_class(const Profile& p, const CandidateSet& cands, const ClassVisitor& visit) {
  std::vector<std::pair<int32_t, Cand>> ranked;
  std::vector<Cand> cls, unranked;
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    auto lv = p.ballot(b);
    ranked.clear();
    unranked.clear();
    for (Cand c : cands) {
      if (lv[c] == kUnranked) unranked.push_back(c);
      else ranked.emplace_back(lv[c], c);
    }
    std::sort(ranked.begin(), ranked.end());
    int above = 0;
    for (size_t i = 0; i < ranked.size();) {
      cls.clear();
      size_t j = i;
      for (; j < ranked.size() && ranked[j].first == ranked[i].first; ++j) cls.push_back(ranked[j].second);
      visit(BallotClass{p.counts[b], cls, above, static_cast<int>(ranked.size()), false});
      above += static_cast<int>(cls.size());
      i = j;
    }
    if (!unranked.empty()) visit(BallotClass{p.counts[b], unranked, above, above, true});
  }
}

ParamSpec unranked_points_param() {
  return {"unranked_points", ParamType::choice, "share",
          "what candidates a ballot leaves out receive: share (tied in the last positions, sharing their "
          "points; Condorcet PHP's implicit mode) or zero (nothing; Condorcet PHP's explicit mode)",
          {"share", "zero"}};
}

UnrankedPoints unranked_points_of(const Params& params) {
  return params.text("unranked_points") == "zero" ? UnrankedPoints::zero : UnrankedPoints::share;
}

std::vector<Rational> positional_scores(const Profile& p, const CandidateSet& cands, const PositionPoints& points,
                                        UnrankedPoints unranked) {
  const int m = static_cast<int>(cands.size());
  std::vector<Rational> at(static_cast<size_t>(m) + 1);  // points of positions 1..m
  for (int pos = 1; pos <= m; ++pos) at[pos] = points(m, pos);
  std::vector<Rational> score(static_cast<size_t>(p.num_candidates()));
  // Voters putting c alone at position pos, counted in integers (the common case); classes of
  // several candidates add their shared points directly.
  std::vector<int64_t> alone(static_cast<size_t>(p.num_candidates()) * (static_cast<size_t>(m) + 1));
  for_each_class(p, cands, [&](const BallotClass& k) {
    if (k.unranked && unranked == UnrankedPoints::zero) return;
    const int size = static_cast<int>(k.cands.size());
    if (size == 1) {
      alone[static_cast<size_t>(k.cands[0]) * (m + 1) + k.above + 1] += k.count;
      return;
    }
    Rational sum;
    for (int pos = k.above + 1; pos <= k.above + size; ++pos) sum += at[pos];
    Rational each = sum * k.count / static_cast<long>(size);
    for (Cand c : k.cands) score[c] += each;
  });
  for (Cand c : cands)
    for (int pos = 1; pos <= m; ++pos)
      if (int64_t n = alone[static_cast<size_t>(c) * (m + 1) + pos]) score[c] += at[pos] * static_cast<long>(n);
  return score;
}

}  // namespace prefero
