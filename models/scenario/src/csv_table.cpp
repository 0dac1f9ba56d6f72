#include "csv_table.hpp"

#include <algorithm>

#include <csv.h>

namespace icsim::scenario {
namespace {

struct Rows {
  std::vector<CsvRow> rows;
  CsvRow current;
  int line = 1;        // the line the parser has reached
  int row_start = 1;   // the line the current row began on
};

void on_field(void* data, std::size_t size, void* rows_data) {
  auto& rows = *static_cast<Rows*>(rows_data);
  if (rows.current.fields.empty()) rows.current.line = rows.row_start;
  rows.current.fields.emplace_back(static_cast<const char*>(data), size);
}

void on_row(int /*terminator*/, void* rows_data) {
  auto& rows = *static_cast<Rows*>(rows_data);
  const bool blank = rows.current.fields.empty() ||
                     (rows.current.fields.size() == 1 && rows.current.fields.front().empty());
  if (!blank) rows.rows.push_back(std::move(rows.current));
  rows.current = {};
}

}  // namespace

std::optional<std::vector<CsvRow>> read_csv(std::string_view text, std::string& why) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  csv_parser parser{};
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    why = "out of memory";
    return std::nullopt;
  }
  Rows rows;
  // Fed line by line, so that each row knows the line it starts on.
  std::size_t at = 0;
  bool failed = false;
  while (at < text.size() && !failed) {
    const std::size_t end = std::min(text.find('\n', at), text.size() - 1) + 1;
    if (parser.pstate == 0 && rows.current.fields.empty()) rows.row_start = rows.line;  // 0: no row begun
    failed = csv_parse(&parser, text.data() + at, end - at, on_field, on_row, &rows) != end - at;
    ++rows.line;
    at = end;
  }
  if (!failed) failed = csv_fini(&parser, on_field, on_row, &rows) != 0;
  if (failed) {
    why = csv_error(&parser) == CSV_EPARSE
              ? "line " + std::to_string(std::max(rows.row_start, 1)) +
                    ": a quoted field is not closed, or a quote stands inside an unquoted field"
              : std::string("out of memory");
  }
  csv_free(&parser);
  if (failed) return std::nullopt;
  return std::move(rows.rows);
}

}  // namespace icsim::scenario
