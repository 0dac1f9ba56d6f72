#pragma once
// Checks that a file's bytes are UTF-8 text before the YAML parser sees
// them, so a file saved as Latin-1 or UTF-16 is reported where it goes wrong,
// and a stray control character does not silently end the file early.

#include <optional>
#include <string_view>

namespace icsim::scenario {

struct TextPosition {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in characters (code points), as yaml-cpp counts
  unsigned char byte = 0;
  bool control = false;  // valid UTF-8, but a control character YAML does not allow
};

// Where the first byte that is not valid UTF-8 is (overlong forms,
// surrogates and code points past U+10FFFF are invalid), or the first control
// character other than tab, line feed and carriage return; nullopt if none.
[[nodiscard]] std::optional<TextPosition> first_invalid_character(std::string_view text);

}  // namespace icsim::scenario
