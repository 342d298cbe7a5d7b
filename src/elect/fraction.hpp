#pragma once
// A canonical fraction. GMP's two-argument mpq constructor does not reduce (Rational(2, 2) stays
// 2/2, and GMP arithmetic requires canonical operands), so every p/q built from integers goes
// through here.
#include <cstdint>

#include "core/rational.hpp"

namespace prefero {

inline Rational fraction(int64_t num, int64_t den) {
  Rational r(static_cast<long>(num), static_cast<long>(den));
  r.canonicalize();
  return r;
}

}  // namespace prefero
