#pragma once
// A wall-clock budget shared by every exact solver (ILPs, branch and bound, enumerations).
// 0 (or negative) seconds = no limit.
#include <chrono>
#include <cstdint>

#include "registry/params.hpp"

namespace prefero {

class Deadline {
 public:
  explicit Deadline(double seconds);
  // From the `time_limit` parameter (no limit when the method has none).
  static Deadline from(const Params& params);

  // Reads the clock on every call.
  bool expired() const;
  // For inner loops: reads the clock once every 256 calls; true stays true.
  bool poll();
  // Seconds left (at least 1 ms while limited), for handing on to a solver; 0 when unlimited.
  double remaining_seconds() const;
  bool limited() const { return limited_; }
  double seconds() const { return seconds_; }

 private:
  double seconds_ = 0;
  bool limited_ = false;
  std::chrono::steady_clock::time_point end_;
  uint32_t calls_ = 0;
  bool hit_ = false;
};

}  // namespace prefero
