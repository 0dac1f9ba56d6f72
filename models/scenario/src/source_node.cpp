#include "source_node.hpp"

#include <algorithm>
#include <cstdio>

namespace icsim::scenario {

const MapEntry* SourceNode::find_entry(std::string_view key) const {
  const auto it = std::find_if(entries.begin(), entries.end(), [&](const MapEntry& e) { return e.key == key; });
  return it == entries.end() ? nullptr : &*it;
}

MapEntry* SourceNode::find_entry(std::string_view key) {
  const auto it = std::find_if(entries.begin(), entries.end(), [&](const MapEntry& e) { return e.key == key; });
  return it == entries.end() ? nullptr : &*it;
}

std::string escaped(std::string_view text) {
  std::string quoted;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      quoted += '\\';
      quoted += c;
    } else if (c == '\n') {
      quoted += "\\n";
    } else if (c == '\t') {
      quoted += "\\t";
    } else if (byte < 0x20 || byte == 0x7f) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\x%02x", byte);
      quoted += escape;
    } else {
      quoted += c;
    }
  }
  return quoted;
}

std::string quote(std::string_view text) {
  constexpr std::size_t kLongest = 40;
  const bool shortened = text.size() > kLongest;
  if (shortened) text = text.substr(0, kLongest);
  std::string quoted(1, '"');  // appended, not "x" + string: g++ 12 warns falsely on the latter
  quoted += escaped(text);
  quoted += shortened ? "...\"" : "\"";
  return quoted;
}

std::string describe(const SourceNode& node) {
  switch (node.kind) {
    case SourceNode::Kind::kNothing: return "nothing";
    case SourceNode::Kind::kScalar: return quote(node.scalar);
    case SourceNode::Kind::kList: return "a list";
    case SourceNode::Kind::kMap: return "a map";
  }
  return "nothing";
}

}  // namespace icsim::scenario
