#pragma once
// A CSV file's rows, read with libcsv (RFC 4180: quoted fields, commas and
// line breaks inside quotes, CRLF). The byte-order mark that Excel writes at
// the start of "CSV UTF-8" is dropped, and blank rows are skipped.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace icsim::scenario {

struct CsvRow {
  int line = 0;  // where the row starts in the file, counting from 1
  std::vector<std::string> fields;
};

// The rows, or nothing and why (an unterminated quote, with its line).
[[nodiscard]] std::optional<std::vector<CsvRow>> read_csv(std::string_view text, std::string& why);

}  // namespace icsim::scenario
