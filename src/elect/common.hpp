#pragma once
// Small pieces every single-winner rule uses: the `unranked` parameter, candidate-id JSON,
// arg-max sets, tie-break orders.
#include <functional>
#include <string>
#include <vector>

#include "core/profile.hpp"
#include "core/result.hpp"
#include "registry/params.hpp"

namespace prefero {

// The `unranked` parameter (default: incomparable, as pref_voting).
ParamSpec unranked_param();
Unranked unranked_of(const Params& params);
// support matrix chosen by the rule's `unranked` parameter
const PairwiseMatrix& support_of(const Profile& p, const Params& params);

// External ids of candidates, as a JSON array (in the given order).
json ids_json(const Profile& p, const std::vector<Cand>& cands);
// {"<id>": value} for each candidate of `cands`.
json scores_json(const Profile& p, const CandidateSet& cands, const std::function<json(Cand)>& value);
// Margin matrix restricted to `cands`: {"candidates": [ids], "margins": [[...]]}.
json margins_json(const Profile& p, const PairwiseMatrix& support, const CandidateSet& cands);

// Every candidate of `cands` with the largest (smallest) key.
template <class Key>
std::vector<Cand> argmax(const CandidateSet& cands, const std::function<Key(Cand)>& key) {
  std::vector<Cand> best;
  Key top{};
  for (Cand c : cands) {
    Key k = key(c);
    if (best.empty() || top < k) {
      best = {c};
      top = k;
    } else if (!(k < top)) {
      best.push_back(c);
    }
  }
  return best;
}
template <class Key>
std::vector<Cand> argmin(const CandidateSet& cands, const std::function<Key(Cand)>& key) {
  std::vector<Cand> best;
  Key low{};
  for (Cand c : cands) {
    Key k = key(c);
    if (best.empty() || k < low) {
      best = {c};
      low = k;
    } else if (!(low < k)) {
      best.push_back(c);
    }
  }
  return best;
}

// The `tie_break_order` parameter as candidate indices, most favoured first. Candidates not
// listed follow in ascending id order. Unknown names are InputErrors.
std::vector<Cand> tie_break_order(const Profile& p, const Params& params);

// `cands` without the candidates in `drop`.
CandidateSet without(const CandidateSet& cands, const std::vector<Cand>& drop);

}  // namespace prefero
