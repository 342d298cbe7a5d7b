#include "committee/phragmen_params.hpp"

#include <algorithm>

namespace prefero {

std::vector<ParamSpec> phragmen_mode_params() {
  return {
      {"resolute", ParamType::boolean, "false",
       "true: one committee (ties broken towards the smaller candidate index, as abcvoting); false: every "
       "winning committee (sequential rules: every committee some tie-break reaches)",
       {}},
      {"time_limit", ParamType::number, "0",
       "seconds (0 = none); when reached, the committees found so far are returned marked not proven",
       {}},
  };
}

bool resolute_mode(const Params& params) { return params.has("resolute") && params.boolean("resolute"); }

Deadline::Deadline(double seconds) : limited_(seconds > 0) {
  if (limited_)
    end_ = std::chrono::steady_clock::now() +
           std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
}

Deadline Deadline::from(const Params& params) {
  return Deadline(params.has("time_limit") ? params.number("time_limit") : 0.0);
}

bool Deadline::expired() const { return limited_ && std::chrono::steady_clock::now() >= end_; }

double Deadline::remaining_seconds() const {
  if (!limited_) return 0.0;
  double left = std::chrono::duration<double>(end_ - std::chrono::steady_clock::now()).count();
  return std::max(left, 1e-3);
}

}  // namespace prefero
