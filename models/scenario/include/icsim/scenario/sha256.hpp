#pragma once
// SHA-256, so a run's output can name the exact scenario text it came from.

#include <string>
#include <string_view>

namespace icsim::scenario {

// The SHA-256 of `bytes` as 64 lowercase hexadecimal digits (what
// `sha256sum FILE` prints for the same bytes).
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

}  // namespace icsim::scenario
