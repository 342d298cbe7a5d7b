#include "committee/committee_search.hpp"

#include <algorithm>

namespace prefero {

std::string to_string_i128(Int128 v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  std::string s;
  while (v != 0) {
    int d = static_cast<int>(v % 10);
    s += static_cast<char>('0' + (d < 0 ? -d : d));
    v /= 10;
  }
  if (neg) s += '-';
  std::reverse(s.begin(), s.end());
  return s;
}

Deadline::Deadline(double seconds)
    : seconds_(seconds),
      end_(std::chrono::steady_clock::now() +
           std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds))) {}

bool Deadline::expired() {
  if (seconds_ <= 0) return false;
  if (hit_) return true;
  if ((++calls_ & 255u) != 0) return false;
  hit_ = std::chrono::steady_clock::now() >= end_;
  return hit_;
}

double Deadline::remaining() const {
  if (seconds_ <= 0) return 0;
  double r = std::chrono::duration<double>(end_ - std::chrono::steady_clock::now()).count();
  return r > 1e-3 ? r : 1e-3;
}

}  // namespace prefero
