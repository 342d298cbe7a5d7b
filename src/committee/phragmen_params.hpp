#pragma once
// Parameters and limits shared by the Phragmén-family committee rules (seqphragmen,
// minimax/leximax-Phragmén, maximin-support, equal-shares, phragmen-enestroem, rsd).
#include <chrono>
#include <vector>

#include "committee/committee.hpp"
#include "registry/params.hpp"

namespace prefero {

// The common committee parameters (run_committee.hpp: resolute, time_limit, approve_top); in
// resolute mode these rules break ties towards the smaller candidate index, as abcvoting.
std::vector<ParamSpec> phragmen_mode_params();
bool resolute_mode(const Params& params);

// A wall-clock budget; expired() is false forever when the limit is 0.
class PhragmenDeadline {
 public:
  explicit PhragmenDeadline(double seconds);
  static PhragmenDeadline from(const Params& params);
  bool expired() const;
  double remaining_seconds() const;  // 0 when unlimited
  bool limited() const { return limited_; }

 private:
  bool limited_ = false;
  std::chrono::steady_clock::time_point end_;
};

}  // namespace prefero
