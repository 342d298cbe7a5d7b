#pragma once
// Exact rationals (GMP) for rules whose fractions could flip a tie in floating point.
#include <gmpxx.h>

#include <string>

namespace prefero {

using Rational = mpq_class;

// "p/q" (or "p" when q = 1).
inline std::string to_string(const Rational& r) { return r.get_str(); }

}  // namespace prefero
