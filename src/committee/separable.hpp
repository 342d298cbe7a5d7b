#pragma once
// Separable committee rules (AV, SAV): a committee's score is the sum of its members' scores,
// so the winning committees are the k best candidates with every way of filling the last places
// from the candidates tied at the threshold.
#include <vector>

#include "committee/committee.hpp"
#include "core/rational.hpp"

namespace prefero {

CommitteeResult best_separable(const std::vector<Rational>& score, int k, bool resolute);

}  // namespace prefero
