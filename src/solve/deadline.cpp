#include "solve/deadline.hpp"

#include <algorithm>

namespace prefero {

Deadline::Deadline(double seconds) : seconds_(seconds), limited_(seconds > 0) {
  if (limited_)
    end_ = std::chrono::steady_clock::now() +
           std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
}

Deadline Deadline::from(const Params& params) {
  return Deadline(params.has("time_limit") ? params.number("time_limit") : 0.0);
}

bool Deadline::expired() const { return limited_ && std::chrono::steady_clock::now() >= end_; }

bool Deadline::poll() {
  if (!limited_) return false;
  if (hit_) return true;
  if ((++calls_ & 255u) != 0) return false;
  hit_ = expired();
  return hit_;
}

double Deadline::remaining_seconds() const {
  if (!limited_) return 0.0;
  const double left = std::chrono::duration<double>(end_ - std::chrono::steady_clock::now()).count();
  return std::max(left, 1e-3);
}

}  // namespace prefero
