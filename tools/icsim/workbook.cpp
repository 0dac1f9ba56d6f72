// The workbook and sheet wrappers every sheet of results.xlsx is written with.

#include "workbook.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <stdexcept>
#include <system_error>

namespace icsim::tools {
namespace {

// The document's creation time, fixed at 1 January 2020 00:00 UTC: left to
// itself libxlsxwriter stamps the current time, and the same (scenario, seed,
// replications) must give the same file byte for byte.
constexpr std::time_t kCreated = 1577836800;

constexpr lxw_color_t kIntervalGrey = 0x595959;
constexpr lxw_color_t kHeaderFill = 0xDDEBF7;
constexpr lxw_color_t kSectionFill = 0x1F4E79;
constexpr lxw_color_t kWhite = 0xFFFFFF;
constexpr std::uint8_t kPaperA4 = 9;

// A4 landscape holds about 145 characters of columns at full size.
constexpr double kOnePageWide = 300;

lxw_row_t r(int row) { return static_cast<lxw_row_t>(row); }
lxw_col_t c(int col) { return static_cast<lxw_col_t>(col); }

}  // namespace

std::string shortest(double x) {
  char text[32];
  const auto [end, error] = std::to_chars(text, text + sizeof text, x);
  return error == std::errc{} ? std::string(text, end) : std::string("?");
}

std::string number_format(const std::string& unit, double typical) {
  const double size = std::abs(typical);
  if (unit.rfind("GBP", 0) == 0) return size >= 100 ? "£#,##0" : "£#,##0.00";
  if (size >= 1000) return "#,##0";
  if (size >= 10) return "#,##0.0";
  return "0.00";
}

int longest(const std::vector<std::string>& texts, int at_least, int at_most) {
  std::size_t n = 0;
  for (const auto& t : texts) n = std::max(n, t.size());
  return std::clamp(static_cast<int>(n) + 2, at_least, at_most);
}

void write_year_groups(Workbook& book, Sheet& sheet, int header_row, int first_col, int start_year, int years,
                       const std::array<std::string, 3>& labels) {
  for (int g = 0; g < 3; ++g) {
    const int first = first_col + g * years;
    sheet.across(header_row - 1, first, first + years - 1, labels[static_cast<std::size_t>(g)], book.block);
    for (int y = 0; y < years; ++y) sheet.number(header_row, first + y, start_year + y, book.year);
  }
}

void write_year_estimates(Sheet& sheet, int row, int first_col, const std::vector<engine::Estimate>& values,
                          lxw_format* mean, lxw_format* interval) {
  const int years = static_cast<int>(values.size());
  for (int y = 0; y < years; ++y) {
    const engine::Estimate& e = values[static_cast<std::size_t>(y)];
    sheet.number(row, first_col + y, e.mean, mean);
    sheet.number(row, first_col + years + y, e.low(), interval);
    sheet.number(row, first_col + 2 * years + y, e.high(), interval);
  }
}

double typical_size(const std::vector<engine::Estimate>& values) {
  double size = 0.0;
  for (const auto& e : values) size = std::max(size, std::abs(e.mean));
  return size;
}

// ---- Workbook

Workbook::Workbook(std::filesystem::path file, const std::string& document_title)
    : file_(std::move(file)),
      partial_(file_.string() + ".partial"),
      title_(document_title),
      author_("icsim " ICSIM_VERSION),
      book_(workbook_new(partial_.c_str()), lxw_workbook_free) {
  if (book_ == nullptr) throw std::runtime_error("cannot write " + file_.string() + ": out of memory");
  lxw_doc_properties properties{};
  properties.title = title_.data();
  properties.author = author_.data();
  properties.created = kCreated;
  check(workbook_set_properties(book_.get(), &properties), "document properties");
  make_formats();
}

lxw_worksheet* Workbook::add_sheet(const std::string& name) {
  lxw_worksheet* sheet = workbook_add_worksheet(book_.get(), name.c_str());
  if (sheet == nullptr)
    throw std::runtime_error("cannot write " + file_.string() + ": cannot add sheet \"" + name + "\"");
  return sheet;
}

void Workbook::check(lxw_error error, const std::string& what) const {
  if (error != LXW_NO_ERROR)
    throw std::runtime_error("cannot write " + file_.string() + " (" + what + "): " + lxw_strerror(error));
}

void Workbook::close() {
  const lxw_error error = workbook_close(book_.release());  // frees the workbook whatever happens
  if (error != LXW_NO_ERROR) {
    remove_partial();
    check(error, "saving");
  }
  std::error_code failed;
  std::filesystem::rename(partial_, file_, failed);
  if (failed) {
    remove_partial();
    throw std::runtime_error("cannot write " + file_.string() + ": " + failed.message());
  }
}

lxw_format* Workbook::number(const std::string& num_format, bool interval) {
  auto& cached = numbers_[{num_format, interval}];
  if (cached == nullptr) {
    cached = new_format();
    format_set_num_format(cached, num_format.c_str());
    if (interval) format_set_font_color(cached, kIntervalGrey);
  }
  return cached;
}

lxw_format* Workbook::new_format() {
  lxw_format* f = workbook_add_format(book_.get());
  if (f == nullptr) throw std::runtime_error("cannot write " + file_.string() + ": out of memory");
  return f;
}

void Workbook::make_formats() {
  title = new_format();
  format_set_bold(title);
  format_set_font_size(title, 14);
  subtitle = new_format();
  format_set_italic(subtitle);
  note = new_format();
  format_set_font_color(note, kIntervalGrey);
  format_set_italic(note);
  block = new_format();
  format_set_bold(block);
  format_set_align(block, LXW_ALIGN_LEFT);  // read at the start of its columns, on screen and on paper
  format_set_indent(block, 1);
  format_set_align(block, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(block);
  format_set_bg_color(block, kHeaderFill);
  format_set_border(block, LXW_BORDER_THIN);
  header = new_format();
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_CENTER);
  format_set_align(header, LXW_ALIGN_VERTICAL_BOTTOM);
  format_set_bottom(header, LXW_BORDER_THIN);
  header_left = new_format();
  format_set_bold(header_left);
  format_set_text_wrap(header_left);
  format_set_align(header_left, LXW_ALIGN_VERTICAL_BOTTOM);
  format_set_bottom(header_left, LXW_BORDER_THIN);
  year = new_format();
  format_set_bold(year);
  format_set_num_format(year, "0");
  format_set_align(year, LXW_ALIGN_CENTER);
  format_set_bottom(year, LXW_BORDER_THIN);
  section = new_format();
  format_set_bold(section);
  format_set_font_color(section, kWhite);
  format_set_bg_color(section, kSectionFill);
  wrap = new_format();
  format_set_text_wrap(wrap);
  month = new_format();
  format_set_num_format(month, "mmm yyyy");
  format_set_align(month, LXW_ALIGN_LEFT);
  share = new_format();
  format_set_num_format(share, "0.0#%");
  money = new_format();
  format_set_num_format(money, "£#,##0.00");
  whole = new_format();
  format_set_num_format(whole, "#,##0");
  plain = new_format();
  format_set_num_format(plain, "General");
}

void Workbook::remove_partial() const {
  std::error_code ignored;
  if (std::filesystem::is_regular_file(partial_, ignored)) std::filesystem::remove(partial_, ignored);
}

// ---- Sheet

Sheet::Sheet(Workbook& book, std::string name) : book_(book), sheet_(book.add_sheet(name)), name_(std::move(name)) {}

void Sheet::text(int row, int col, const std::string& value, lxw_format* format) {
  if (value.empty()) {
    if (format != nullptr) check(worksheet_write_blank(sheet_, r(row), c(col), format), row, col);
    return;
  }
  check(worksheet_write_string(sheet_, r(row), c(col), value.c_str(), format), row, col);
}

void Sheet::number(int row, int col, double value, lxw_format* format) {
  if (!std::isfinite(value)) return;
  check(worksheet_write_number(sheet_, r(row), c(col), value, format), row, col);
}

void Sheet::estimate(int row, int col, const engine::Estimate& e, lxw_format* mean, lxw_format* interval) {
  if (e.replications == 0) return;
  number(row, col, e.mean, mean);
  number(row, col + 1, e.low(), interval);
  number(row, col + 2, e.high(), interval);
}

void Sheet::first_of_month(int row, int col, int year, unsigned month, lxw_format* format) {
  lxw_datetime date{year, static_cast<int>(month), 1, 0, 0, 0.0};
  check(worksheet_write_datetime(sheet_, r(row), c(col), &date, format), row, col);
}

void Sheet::across(int row, int first_col, int last_col, const std::string& value, lxw_format* format) {
  if (last_col <= first_col) return text(row, first_col, value, format);
  check(worksheet_merge_range(sheet_, r(row), c(first_col), r(row), c(last_col), value.c_str(), format), row,
        first_col);
}

void Sheet::width(int first_col, int last_col, double characters) {
  width_ += characters * (last_col - first_col + 1);
  book_.check(worksheet_set_column(sheet_, c(first_col), c(last_col), characters, nullptr),
              "sheet \"" + name_ + "\": column widths");
}

void Sheet::height(int row, double points) {
  book_.check(worksheet_set_row(sheet_, r(row), points, nullptr), "sheet \"" + name_ + "\": row height");
}

void Sheet::freeze(int row, int col, int first_header_row) {
  worksheet_freeze_panes(sheet_, r(row), c(col));
  worksheet_set_landscape(sheet_);
  worksheet_set_paper(sheet_, kPaperA4);
  const std::string what = "sheet \"" + name_ + "\": print titles";
  if (row > first_header_row) book_.check(worksheet_repeat_rows(sheet_, r(first_header_row), r(row - 1)), what);
  if (width_ <= kOnePageWide) {
    worksheet_fit_to_pages(sheet_, 1, 0);
    return;
  }
  worksheet_set_print_scale(sheet_, 60);
  if (col > 0) book_.check(worksheet_repeat_columns(sheet_, 0, c(col - 1)), what);
}

void Sheet::print_one_page_wide() {
  worksheet_set_landscape(sheet_);
  worksheet_set_paper(sheet_, kPaperA4);
  worksheet_fit_to_pages(sheet_, 1, 0);
}

void Sheet::table(int first_row, int first_col, int last_row, const std::string& name,
                  const std::vector<std::string>& headers) {
  // libxlsxwriter copies the names; it takes them as char*.
  std::vector<std::string> texts(headers);
  std::vector<lxw_table_column> columns(texts.size());
  std::vector<lxw_table_column*> list;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    columns[i].header = texts[i].data();
    list.push_back(&columns[i]);
  }
  list.push_back(nullptr);
  std::string table_name = name;
  lxw_table_options options{};
  options.name = table_name.data();
  options.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
  options.style_type_number = 9;
  options.columns = list.data();
  const int last_col = first_col + static_cast<int>(headers.size()) - 1;
  book_.check(worksheet_add_table(sheet_, r(first_row), c(first_col), r(last_row), c(last_col), &options),
              "sheet \"" + name_ + "\": table " + name);
}

void Sheet::check(lxw_error error, int row, int col) const {
  if (error == LXW_NO_ERROR) return;
  char cell[16];
  lxw_rowcol_to_cell(cell, r(row), c(col));
  book_.check(error, "sheet \"" + name_ + "\", cell " + cell);
}

}  // namespace icsim::tools
