#pragma once
// What every sheet of results.xlsx is written with: libxlsxwriter's workbook
// and worksheets behind checked calls, the workbook's cell formats, and the
// few rules for showing numbers that all the sheets share. Any failure
// throws std::runtime_error naming the file and the reason.

#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <xlsxwriter.h>

#include <icsim/engine/confidence.hpp>

namespace icsim::tools {

// The shortest text that reads back as the same number: 0.13, 28.53, 1e+06.
[[nodiscard]] std::string shortest(double x);

// A cell format for numbers of this unit and size: whole pounds, thousands
// separated, one decimal for tens, two below.
[[nodiscard]] std::string number_format(const std::string& unit, double typical);

// A column width for these texts, in characters, kept within the bounds.
[[nodiscard]] int longest(const std::vector<std::string>& texts, int at_least, int at_most);

// libxlsxwriter's workbook, its formats, and every return code turned into
// an exception that names the file. Written beside and renamed on close, so
// a reader never sees half a workbook.
class Workbook {
 public:
  Workbook(std::filesystem::path file, const std::string& document_title);

  [[nodiscard]] lxw_worksheet* add_sheet(const std::string& name);
  void check(lxw_error error, const std::string& what) const;
  void close();

  // Numbers in `num_format`; interval columns in grey.
  [[nodiscard]] lxw_format* number(const std::string& num_format, bool interval = false);

  lxw_format* title = nullptr;        // the sheet's title
  lxw_format* subtitle = nullptr;     // what the numbers are
  lxw_format* note = nullptr;         // footnotes
  lxw_format* block = nullptr;        // a header over a group of columns
  lxw_format* header = nullptr;       // a column header, centred
  lxw_format* header_left = nullptr;  // a column header over labels
  lxw_format* year = nullptr;         // a year as a column header
  lxw_format* section = nullptr;      // a section of the Inputs sheet
  lxw_format* wrap = nullptr;         // long text
  lxw_format* month = nullptr;        // a month as a date
  lxw_format* share = nullptr;        // a share shown as a percentage
  lxw_format* money = nullptr;        // pounds and pence
  lxw_format* whole = nullptr;        // 12,345
  lxw_format* plain = nullptr;        // as written

 private:
  lxw_format* new_format();
  void make_formats();
  void remove_partial() const;

  std::filesystem::path file_;
  std::string partial_;
  std::string title_, author_;  // the document properties point into these
  std::unique_ptr<lxw_workbook, void (*)(lxw_workbook*)> book_;  // until closed
  std::map<std::pair<std::string, bool>, lxw_format*> numbers_;
};

// One worksheet: cells by (row, column) from 0, every write checked.
class Sheet {
 public:
  Sheet(Workbook& book, std::string name);

  void text(int row, int col, const std::string& value, lxw_format* format = nullptr);

  // Excel has no NaN or infinity: such a value leaves the cell blank.
  void number(int row, int col, double value, lxw_format* format = nullptr);

  // An estimate's mean, low and high in three columns, or nothing when it
  // has no replications (a percentage change from a base of 0).
  void estimate(int row, int col, const engine::Estimate& e, lxw_format* mean, lxw_format* interval);

  void first_of_month(int row, int col, int year, unsigned month, lxw_format* format);

  // Text across columns first_col..last_col of one row.
  void across(int row, int first_col, int last_col, const std::string& value, lxw_format* format);

  void width(int first_col, int last_col, double characters);
  void height(int row, double points);

  // Rows above `row` and columns left of `col` stay in view when scrolling.
  // Printed landscape on A4, one page wide when that is legible (about half
  // size at most); otherwise at 60% across pages, each with the header rows
  // first_header_row..row-1 and those columns.
  void freeze(int row, int col, int first_header_row);

  // For a sheet that is read top to bottom (Inputs).
  void print_one_page_wide();

  // An Excel table over rows first_row..last_row from column first_col, one
  // column per header (written in first_row), with a filter on each and the
  // name `name`, so it can be pivoted and referred to by name.
  void table(int first_row, int first_col, int last_row, const std::string& name,
             const std::vector<std::string>& headers);

 private:
  void check(lxw_error error, int row, int col) const;

  Workbook& book_;
  lxw_worksheet* sheet_;
  std::string name_;
  double width_ = 0.0;  // of the columns given a width, in characters
};

class Sheet;
class Workbook;

// Per-year estimates as three groups of year columns from first_col: the
// means, then the 95% lows, then the highs, so the years' means sit side by
// side. The group labels go in header_row - 1 and the years in header_row.
void write_year_groups(Workbook& book, Sheet& sheet, int header_row, int first_col, int start_year, int years,
                       const std::array<std::string, 3>& labels);
void write_year_estimates(Sheet& sheet, int row, int first_col, const std::vector<engine::Estimate>& values,
                          lxw_format* mean, lxw_format* interval);

// The largest mean, whose size sets how many decimals a row shows.
[[nodiscard]] double typical_size(const std::vector<engine::Estimate>& values);

}  // namespace icsim::tools
