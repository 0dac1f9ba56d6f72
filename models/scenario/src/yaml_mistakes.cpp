#include "yaml_mistakes.hpp"

#include <utility>
#include <vector>

namespace icsim::scenario {
namespace {

struct Place {
  int line = 1;
  int column = 1;
};

// What a walk through the lines finds: the first quote that is not closed on
// its own line, the first bracket nested too deep, the first bracket never
// closed. Quoted values in scenario files fit on one line; a quote counts only
// where a value can start (a plain value may hold an apostrophe: O'Neil).
struct LineScan {
  std::optional<Place> open_quote;
  char quote = 0;
  std::optional<Place> never_closed;  // a quote still open at the end of the file
  std::optional<Place> too_deep;
  std::vector<std::pair<Place, char>> open_brackets;
};

bool value_can_start(std::string_view line, std::size_t i) {
  std::size_t j = i;
  while (j > 0 && line[j - 1] == ' ') --j;
  if (j == 0) return true;
  const char before = line[j - 1];
  return before == ':' || before == '-' || before == '[' || before == '{' || before == ',' || before == '?';
}

// Where the closing quote `quote` is on `line` from `from`, or npos.
std::size_t closing_quote(std::string_view line, std::size_t from, char quote) {
  for (std::size_t j = from; j < line.size(); ++j) {
    if (quote == '"' && line[j] == '\\') {
      ++j;
    } else if (line[j] == quote) {
      if (quote == '\'' && j + 1 < line.size() && line[j + 1] == '\'') {
        ++j;  // '' is a quote inside single quotes
      } else {
        return j;
      }
    }
  }
  return std::string_view::npos;
}

LineScan scan(std::string_view text) {
  LineScan found;
  std::optional<Place> open;  // a quoted value that runs on past its line
  char open_quote = 0;
  int line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    ++line_number;
    std::size_t i = 0;
    if (open) {  // YAML lets a quoted value go on over lines until its quote closes
      const std::size_t close = closing_quote(line, 0, open_quote);
      if (close == std::string_view::npos) i = line.size();
      else open.reset(), i = close + 1;
    }
    for (; i < line.size(); ++i) {
      const char c = line[i];
      if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) break;  // a comment
      const Place here{line_number, static_cast<int>(i) + 1};
      if ((c == '"' || c == '\'') && value_can_start(line, i)) {
        const std::size_t close = closing_quote(line, i + 1, c);
        if (close == std::string_view::npos) {
          if (!found.open_quote) found.open_quote = here, found.quote = c;
          open = here, open_quote = c;
          break;
        }
        i = close;
      } else if (c == '[' || c == '{') {
        found.open_brackets.emplace_back(here, c);
        if (!found.too_deep && static_cast<int>(found.open_brackets.size()) > kDeepestFlow) found.too_deep = here;
      } else if ((c == ']' || c == '}') && !found.open_brackets.empty()) {
        found.open_brackets.pop_back();
      }
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  if (open) found.never_closed = open, found.quote = open_quote;
  return found;
}

// yaml-cpp's messages (yaml-cpp/exceptions.h, ErrorMsg) in plain words.
std::string plain_words(const std::string& message) {
  static const std::pair<const char*, const char*> kWords[] = {
      {"end of map not found",
       "the indentation here does not fit the lines above (keys of one map line up; a value's lines go further in), "
       "or a \":\" is missing or extra"},
      {"end of sequence not found",
       "the indentation here does not fit the list above (each item starts with \"- \" at the same column)"},
      {"illegal map value",
       "a \":\" where a value cannot start (a value that holds \": \" must be quoted), or a key indented more than "
       "the keys beside it"},
      {"illegal block entry", "a list item (\"- \") where a key or value was expected: check the indentation"},
      {"illegal map key", "a key where a value was expected: check the indentation"},
      {"end of map flow not found", "a \"{\" is not closed with \"}\""},
      {"end of sequence flow not found", "a \"[\" is not closed with \"]\""},
      {"illegal flow end", "a \"]\" or \"}\" that closes nothing"},
      {"unknown token", "a character YAML does not expect here (a \",\" or \":\" out of place?)"},
      {"illegal EOF in scalar", "a quote is not closed before the end of the file"},
      {"illegal document indicator in scalar", "\"---\" or \"...\" inside a quoted value"},
      {"alias not found after *", "\"*\" must be followed by the name of an anchor (\"&name\" above)"},
      {"anchor not found after &", "\"&\" must be followed by a name"},
      {"the referenced anchor is not defined", "an alias \"*name\" names no anchor \"&name\" above it"},
      {"bad file", "the file cannot be read as YAML (nested too deeply?)"},
  };
  for (const auto& [parser, words] : kWords)
    if (message == parser) return words;
  if (message.rfind("unknown escape character", 0) == 0)
    return "an unknown escape in a double-quoted value (write \\\\ for a backslash, or use single quotes)";
  if (message.rfind("tab", 0) == 0 || message.find("tab") != std::string::npos)
    return "a tab in the indentation: YAML indents with spaces";
  return message;
}

}  // namespace

std::optional<YamlMistake> mistake_before_parsing(std::string_view text) {
  const LineScan found = scan(text);
  // yaml-cpp 0.7 takes a quote left open before a line break to the end of
  // the file, keys and all, as one value.
  if (found.never_closed)
    return YamlMistake{found.never_closed->line, found.never_closed->column,
                       std::string(found.quote == '"' ? "a double quote (\")" : "a single quote (')") +
                           " opens a value here and is never closed"};
  if (!found.too_deep) return std::nullopt;
  return YamlMistake{found.too_deep->line, found.too_deep->column,
                     "brackets nested more than " + std::to_string(kDeepestFlow) +
                         " levels deep here; a scenario needs a few"};
}

YamlMistake explain_yaml_error(std::string_view text, const std::string& parser_message, int line, int column) {
  const LineScan found = scan(text);
  if (found.open_quote && found.open_quote->line <= line) {
    const char* which = found.quote == '"' ? "double quote (\")" : "single quote (')";
    return {found.open_quote->line, found.open_quote->column,
            std::string("a ") + which + " opens a value here and is not closed on this line" +
                (found.open_quote->line < line ? " (the parser noticed only at line " + std::to_string(line) + ")"
                                               : std::string())};
  }
  if ((parser_message == "end of map flow not found" || parser_message == "end of sequence flow not found") &&
      !found.open_brackets.empty()) {
    const auto& [place, bracket] = found.open_brackets.back();
    return {place.line, place.column,
            bracket == '[' ? "a \"[\" opened here is not closed with \"]\"" : "a \"{\" opened here is not closed with \"}\""};
  }
  return {line, column, plain_words(parser_message)};
}

}  // namespace icsim::scenario
