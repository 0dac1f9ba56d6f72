#pragma once
// Files that are either whole or absent: written beside, flushed to the disk,
// then renamed over the name. A reader (or a run killed half way and run
// again) never sees half a file. And the reader: a file's bytes whole.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace icsim::tools {

// Writes `text` to `file` atomically and durably: a temporary file in the
// same folder (".NAME.PID.N.partial", left behind only by a process killed
// while writing), fsync, rename, fsync of the folder. Throws
// std::runtime_error.
void write_file_atomically(const std::filesystem::path& file, std::string_view text);

// The bytes of `file`, or nothing when it cannot be read.
[[nodiscard]] std::optional<std::string> read_file(const std::filesystem::path& file);

}  // namespace icsim::tools
