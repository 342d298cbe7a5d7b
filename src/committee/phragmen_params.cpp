#include "committee/phragmen_params.hpp"

#include <algorithm>

#include "committee/run_committee.hpp"

namespace prefero {

std::vector<ParamSpec> phragmen_mode_params() { return committee_params({}); }

bool resolute_mode(const Params& params) { return params.has("resolute") && params.boolean("resolute"); }

PhragmenDeadline::PhragmenDeadline(double seconds) : limited_(seconds > 0) {
  if (limited_)
    end_ = std::chrono::steady_clock::now() +
           std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
}

PhragmenDeadline PhragmenDeadline::from(const Params& params) {
  return PhragmenDeadline(params.has("time_limit") ? params.number("time_limit") : 0.0);
}

bool PhragmenDeadline::expired() const { return limited_ && std::chrono::steady_clock::now() >= end_; }

double PhragmenDeadline::remaining_seconds() const {
  if (!limited_) return 0.0;
  double left = std::chrono::duration<double>(end_ - std::chrono::steady_clock::now()).count();
  return std::max(left, 1e-3);
}

}  // namespace prefero
