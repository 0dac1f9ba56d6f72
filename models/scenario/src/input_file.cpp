#include "input_file.hpp"

#include <algorithm>
#include <fstream>
#include <system_error>

namespace icsim::scenario {

namespace fs = std::filesystem;

namespace {

std::string megabytes(std::size_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

}  // namespace

std::optional<std::string> read_input_file(const fs::path& path, std::size_t most_bytes, std::string& why,
                                           const std::optional<fs::path>& within) {
  std::error_code error;
  fs::path opened = path;
  if (within) {
    const fs::path folder = fs::canonical(*within, error);
    opened = fs::canonical(path, error);
    if (error || folder.empty() ||
        std::mismatch(folder.begin(), folder.end(), opened.begin(), opened.end()).first != folder.end()) {
      why = "it is not in the folder of scenarios";
      return std::nullopt;
    }
  }
  const fs::file_status status = fs::status(opened, error);
  if (!fs::exists(status)) {
    why = "no such file";
    return std::nullopt;
  }
  if (fs::is_directory(status)) {
    why = "it is a directory, not a file";
    return std::nullopt;
  }
  if (!fs::is_regular_file(status)) {
    why = "it is not a regular file (a device, a pipe or a socket cannot be read as input)";
    return std::nullopt;
  }
  std::ifstream in(opened, std::ios::binary);
  if (!in) {
    why = "it cannot be opened (check its permissions)";
    return std::nullopt;
  }
  // Read at most one byte past the limit: the size on disk can change while
  // the file is read, so the limit is checked on what was read.
  std::string text(most_bytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) {
    why = "it cannot be read (an input/output error)";
    return std::nullopt;
  }
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > most_bytes) {
    why = "it is larger than " + megabytes(most_bytes) + ", the most icsim reads from one input file";
    return std::nullopt;
  }
  return text;
}

}  // namespace icsim::scenario
