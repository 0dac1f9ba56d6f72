#pragma once
// Reading an input file with a bound on what it may cost: only a regular file
// (not a directory, a FIFO or a device such as /dev/zero, which never end),
// and never more than a stated number of bytes, so no file can make icsim
// wait for ever or fill memory before a word of it is checked.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace icsim::scenario {

// Scenario, sweep and plan files: a shipped area is under 100 KB.
inline constexpr std::size_t kLargestYamlFile = 1u << 20;
// A population projection by year, place and band: Lancashire's would be ~50 KB.
inline constexpr std::size_t kLargestCsvFile = 16u << 20;

// The file's bytes, or nothing and why in plain words ("no such file", "it is
// a directory, not a file", "it is larger than 1 MB ..."). With `within`, the
// file, its links followed as they are when it is opened, must be in that
// folder (icsim serve offers one folder of scenarios and nothing else).
[[nodiscard]] std::optional<std::string> read_input_file(const std::filesystem::path& path, std::size_t most_bytes,
                                                         std::string& why,
                                                         const std::optional<std::filesystem::path>& within = {});

}  // namespace icsim::scenario
