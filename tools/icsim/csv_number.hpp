#pragma once
// A number in a CSV file, exactly as printf's "%.*g" writes it, appended to
// the text: std::to_chars gives the same characters without printf's format
// parsing and locale (formatting daily.csv was 4-12% of a Lancashire run).

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

namespace icsim::tools {

inline void append_number(std::string& text, double x, int precision) {
  char digits[32];
  if (!std::isfinite(x)) {  // printf's own spelling of inf and nan
    const int n = std::snprintf(digits, sizeof digits, "%.*g", precision, x);
    text.append(digits, static_cast<std::size_t>(n));
    return;
  }
  const auto written = std::to_chars(digits, digits + sizeof digits, x, std::chars_format::general, precision);
  text.append(digits, written.ptr);
}

// ",a,b,c\n": the last fields of a row.
inline void append_numbers(std::string& text, double a, double b, double c, int precision) {
  for (const double x : {a, b, c}) {
    text += ',';
    append_number(text, x, precision);
  }
  text += '\n';
}

}  // namespace icsim::tools
