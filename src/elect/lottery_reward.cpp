// Win-rate reward against a lottery (SPO's reward); see lottery_reward.hpp.
#include "elect/lottery_reward.hpp"

#include <string>

namespace prefero {

std::vector<Rational> lottery_win_rate_reward(const PairwiseMatrix& s, const CandidateSet& cands,
                                              const std::vector<Rational>& lottery) {
  std::vector<Rational> reward(cands.size(), Rational(0));
  for (size_t i = 0; i < cands.size(); ++i)
    for (size_t j = 0; j < cands.size(); ++j) {
      if (lottery[j] == 0) continue;
      const int64_t won = s(cands[i], cands[j]), lost = s(cands[j], cands[i]);
      Rational w = (i == j || won + lost == 0) ? Rational(1, 2) : Rational(static_cast<long>(won)) / Rational(static_cast<long>(won + lost));
      reward[i] += lottery[j] * w;
    }
  for (auto& r : reward) r.canonicalize();
  return reward;
}

json lottery_reward_json(const Profile& p, const PairwiseMatrix& s, const CandidateSet& cands,
                         const std::vector<Rational>& lottery) {
  json out = json::object();
  std::vector<Rational> reward = lottery_win_rate_reward(s, cands, lottery);
  for (size_t i = 0; i < cands.size(); ++i) out[std::to_string(p.id(cands[i]))] = to_string(reward[i]);
  return out;
}

}  // namespace prefero
