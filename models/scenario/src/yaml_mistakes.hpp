#pragma once
// A YAML syntax error in a commissioner's words, at the place of the mistake.
// yaml-cpp names its parser's state ("end of map not found", "illegal map
// value") where it gave up, often lines after the mistake: an unclosed quote on
// line 5 is reported at the end of the file. A light look at the lines (quotes
// and brackets, outside comments) finds the usual mistakes where they are made.

#include <optional>
#include <string>
#include <string_view>

namespace icsim::scenario {

struct YamlMistake {
  int line = 1;    // 1-based
  int column = 1;  // 1-based
  std::string message;
};

// Nesting of [ and { deeper than this is refused before yaml-cpp reads it
// (each level costs it a stack frame and memory).
inline constexpr int kDeepestFlow = 64;

// What is wrong, found before parsing: a quote never closed, brackets nested
// too deep. nullopt if nothing is.
[[nodiscard]] std::optional<YamlMistake> mistake_before_parsing(std::string_view text);

// yaml-cpp's message `parser_message` at (line, column), as the mistake a
// person made: a quote left open on an earlier line is reported there; other
// messages are said in plain words.
[[nodiscard]] YamlMistake explain_yaml_error(std::string_view text, const std::string& parser_message, int line,
                                             int column);

}  // namespace icsim::scenario
