#pragma once
// Numbers on the terminal as a board paper shows them.

#include <cmath>
#include <cstdio>
#include <string>

namespace icsim::tools {

// 12,345 for large numbers, 3.14 for small ones.
inline std::string readable(double x) {
  char digits[64];
  if (std::abs(x) < 100.0) {
    std::snprintf(digits, sizeof digits, "%.2f", x);
    return digits;
  }
  std::snprintf(digits, sizeof digits, "%.0f", std::abs(x));
  std::string grouped;
  const std::string whole = digits;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  return (x < 0 ? "-" : "") + grouped;
}

}  // namespace icsim::tools
