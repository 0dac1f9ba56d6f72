#pragma once
// One CSV field as RFC 4180 writes it: quoted when it holds a comma, a quote
// or a line break, with quotes doubled.

#include <string>

namespace icsim::tools {

inline std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace icsim::tools
