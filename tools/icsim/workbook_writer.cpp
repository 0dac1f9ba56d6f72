#include "workbook_writer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <ctime>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <variant>

#include <xlsxwriter.h>

namespace icsim::tools {
namespace {

using engine::Estimate;
using models::Metric;
using models::ScenarioSpec;
using models::ScenarioSummary;
using models::ServiceSpec;

// The document's creation time, fixed at 1 January 2020 00:00 UTC: left to
// itself libxlsxwriter stamps the current time, and the same (scenario, seed,
// replications) must give the same file byte for byte.
constexpr std::time_t kCreated = 1577836800;

constexpr lxw_color_t kIntervalGrey = 0x595959;
constexpr lxw_color_t kHeaderFill = 0xDDEBF7;
constexpr lxw_color_t kSectionFill = 0x1F4E79;
constexpr lxw_color_t kWhite = 0xFFFFFF;
constexpr std::uint8_t kPaperA4 = 9;

// The shortest text that reads back as the same number: 0.13, 28.53, 1e+06.
std::string shortest(double x) {
  char text[32];
  const auto [end, error] = std::to_chars(text, text + sizeof text, x);
  return error == std::errc{} ? std::string(text, end) : std::string("?");
}

// A cell format for numbers of this unit and size: whole pounds, thousands
// separated, one decimal for tens, two below.
std::string number_format(const std::string& unit, double typical) {
  const double size = std::abs(typical);
  if (unit.rfind("GBP", 0) == 0) return size >= 100 ? "£#,##0" : "£#,##0.00";
  if (size >= 1000) return "#,##0";
  if (size >= 10) return "#,##0.0";
  return "0.00";
}

// libxlsxwriter's workbook, its formats, and every return code turned into
// an exception that names the file. Written beside and renamed on close, so
// a reader never sees half a workbook.
class Workbook {
 public:
  Workbook(std::filesystem::path file, const std::string& document_title)
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

  [[nodiscard]] lxw_worksheet* add_sheet(const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(book_.get(), name.c_str());
      if (sheet == nullptr)
      throw std::runtime_error("cannot write " + file_.string() + ": cannot add sheet \"" + name + "\"");
    return sheet;
  }

  void check(lxw_error error, const std::string& what) const {
    if (error != LXW_NO_ERROR)
      throw std::runtime_error("cannot write " + file_.string() + " (" + what + "): " + lxw_strerror(error));
  }

  void close() {
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

  // Numbers in `num_format`; interval columns in grey.
  [[nodiscard]] lxw_format* number(const std::string& num_format, bool interval = false) {
    auto& cached = numbers_[{num_format, interval}];
    if (cached == nullptr) {
      cached = new_format();
      format_set_num_format(cached, num_format.c_str());
      if (interval) format_set_font_color(cached, kIntervalGrey);
    }
    return cached;
  }

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
  lxw_format* new_format() {
    lxw_format* f = workbook_add_format(book_.get());
    if (f == nullptr) throw std::runtime_error("cannot write " + file_.string() + ": out of memory");
    return f;
  }

  void make_formats() {
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

  void remove_partial() const {
    std::error_code ignored;
    if (std::filesystem::is_regular_file(partial_, ignored)) std::filesystem::remove(partial_, ignored);
  }

  std::filesystem::path file_;
  std::string partial_;
  std::string title_, author_;  // the document properties point into these
  std::unique_ptr<lxw_workbook, void (*)(lxw_workbook*)> book_;  // until closed
  std::map<std::pair<std::string, bool>, lxw_format*> numbers_;
};

// One worksheet: cells by (row, column) from 0, every write checked.
class Sheet {
 public:
  Sheet(Workbook& book, std::string name) : book_(book), sheet_(book.add_sheet(name)), name_(std::move(name)) {}

  void text(int row, int col, const std::string& value, lxw_format* format = nullptr) {
    if (value.empty()) {
      if (format != nullptr) check(worksheet_write_blank(sheet_, r(row), c(col), format), row, col);
      return;
    }
    check(worksheet_write_string(sheet_, r(row), c(col), value.c_str(), format), row, col);
  }

  // Excel has no NaN or infinity: such a value leaves the cell blank.
  void number(int row, int col, double value, lxw_format* format = nullptr) {
    if (!std::isfinite(value)) return;
    check(worksheet_write_number(sheet_, r(row), c(col), value, format), row, col);
  }

  // An estimate's mean, low and high in three columns, or nothing when it
  // has no replications (a percentage change from a base of 0).
  void estimate(int row, int col, const Estimate& e, lxw_format* mean, lxw_format* interval) {
    if (e.replications == 0) return;
    number(row, col, e.mean, mean);
    number(row, col + 1, e.low(), interval);
    number(row, col + 2, e.high(), interval);
  }

  void first_of_month(int row, int col, int year, unsigned month, lxw_format* format) {
    lxw_datetime date{year, static_cast<int>(month), 1, 0, 0, 0.0};
    check(worksheet_write_datetime(sheet_, r(row), c(col), &date, format), row, col);
  }

  // Text across columns first_col..last_col of one row.
  void across(int row, int first_col, int last_col, const std::string& value, lxw_format* format) {
    if (last_col <= first_col) return text(row, first_col, value, format);
    check(worksheet_merge_range(sheet_, r(row), c(first_col), r(row), c(last_col), value.c_str(), format), row,
          first_col);
  }

  void width(int first_col, int last_col, double characters) {
    width_ += characters * (last_col - first_col + 1);
    book_.check(worksheet_set_column(sheet_, c(first_col), c(last_col), characters, nullptr),
                "sheet \"" + name_ + "\": column widths");
  }

  void height(int row, double points) {
    book_.check(worksheet_set_row(sheet_, r(row), points, nullptr), "sheet \"" + name_ + "\": row height");
  }

  // Rows above `row` and columns left of `col` stay in view when scrolling.
  // Printed landscape on A4, one page wide when that is legible (about half
  // size at most); otherwise at 60% across pages, each with the header rows
  // first_header_row..row-1 and those columns.
  void freeze(int row, int col, int first_header_row) {
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

  // For a sheet that is read top to bottom (Inputs).
  void print_one_page_wide() {
    worksheet_set_landscape(sheet_);
    worksheet_set_paper(sheet_, kPaperA4);
    worksheet_fit_to_pages(sheet_, 1, 0);
  }

 private:
  static lxw_row_t r(int row) { return static_cast<lxw_row_t>(row); }
  static lxw_col_t c(int col) { return static_cast<lxw_col_t>(col); }

  void check(lxw_error error, int row, int col) const {
    if (error == LXW_NO_ERROR) return;
    char cell[16];
    lxw_rowcol_to_cell(cell, r(row), c(col));
    book_.check(error, "sheet \"" + name_ + "\", cell " + cell);
  }

  // A4 landscape holds about 145 characters of columns at full size.
  static constexpr double kOnePageWide = 300;

  Workbook& book_;
  lxw_worksheet* sheet_;
  std::string name_;
  double width_ = 0.0;  // of the columns given a width, in characters
};

std::string replications_text(const ScenarioSummary& summary) {
  return std::to_string(summary.replications) + " replications with seed " + std::to_string(summary.seed);
}

int longest(const std::vector<std::string>& texts, int at_least, int at_most) {
  std::size_t n = 0;
  for (const auto& t : texts) n = std::max(n, t.size());
  return std::clamp(static_cast<int>(n) + 2, at_least, at_most);
}

// Per-year estimates as three groups of year columns from first_col: the
// means, then the 95% lows, then the highs, so the years' means sit side by
// side. The group labels go in header_row - 1 and the years in header_row.
void write_year_groups(Workbook& book, Sheet& sheet, int header_row, int first_col, int start_year, int years,
                       const std::array<std::string, 3>& labels) {
  for (int g = 0; g < 3; ++g) {
    const int first = first_col + g * years;
    sheet.across(header_row - 1, first, first + years - 1, labels[static_cast<std::size_t>(g)], book.block);
    for (int y = 0; y < years; ++y) sheet.number(header_row, first + y, start_year + y, book.year);
  }
}

void write_year_estimates(Sheet& sheet, int row, int first_col, const std::vector<Estimate>& values,
                          lxw_format* mean, lxw_format* interval) {
  const int years = static_cast<int>(values.size());
  for (int y = 0; y < years; ++y) {
    const Estimate& e = values[static_cast<std::size_t>(y)];
    sheet.number(row, first_col + y, e.mean, mean);
    sheet.number(row, first_col + years + y, e.low(), interval);
    sheet.number(row, first_col + 2 * years + y, e.high(), interval);
  }
}

// The largest mean, whose size sets how many decimals a row shows.
double typical_size(const std::vector<Estimate>& values) {
  double size = 0.0;
  for (const auto& e : values) size = std::max(size, std::abs(e.mean));
  return size;
}

// ---- Summary: metric rows, the years' means, then lows, then highs.

void write_summary_sheet(Workbook& book, const std::string& name, const std::string& title, const ScenarioSpec& spec,
                         const ScenarioSummary& summary) {
  Sheet sheet(book, name);
  constexpr int kHeaderRow = 4, kFirstRow = 5, kFirstValueCol = 2;
  const int years = spec.years;
  sheet.text(0, 0, title, book.title);
  sheet.text(1, 0,
             "Per calendar year: the mean across " + replications_text(summary) +
                 ", and its 95% interval (Student t). Every metric is defined in icsim's scenarios/README.md.",
             book.subtitle);
  write_year_groups(book, sheet, kHeaderRow, kFirstValueCol, spec.start_year, years,
                    {"Mean", "95% interval: low", "95% interval: high"});
  sheet.text(kHeaderRow, 0, "Metric", book.header_left);
  sheet.text(kHeaderRow, 1, "Unit", book.header_left);
  std::vector<std::string> names, units;
  for (std::size_t m = 0; m < summary.metrics.size(); ++m) {
    const auto& definition = summary.metrics[m];
    const auto& values = summary.values[m];
    const int row = kFirstRow + static_cast<int>(m);
    const std::string format = number_format(definition.unit, typical_size(values));
    sheet.text(row, 0, definition.name);
    sheet.text(row, 1, definition.unit);
    write_year_estimates(sheet, row, kFirstValueCol, values, book.number(format), book.number(format, true));
    names.push_back(definition.name);
    units.push_back(definition.unit);
  }
  sheet.width(0, 0, longest(names, 12, 44));
  sheet.width(1, 1, longest(units, 8, 32));
  sheet.width(kFirstValueCol, kFirstValueCol + 3 * years - 1, 13);
  sheet.freeze(kFirstRow, kFirstValueCol, kHeaderRow - 1);
}

// ---- BCF metrics: as the Better Care Fund planning template lays them out.

struct BcfMetric {
  Metric metric;
  const char* name;        // as the BCF names it
  const char* code;        // its ASCOF / NHSOF indicator, where it has one
  const char* bcf_years;   // the BCF planning years that use it
  const char* simulated;   // how icsim computes it, and where that differs
};

// REFERENCE.md §3.
const std::array<BcfMetric, 8> kBcfMetrics{{
    {Metric::kAvoidableAdmissionsPer100k,
     "Avoidable admissions: unplanned hospitalisation for chronic ambulatory care sensitive conditions", "NHSOF 2.3.i",
     "2021-22 to 2024-25",
     "Admissions flagged ambulatory-care-sensitive (acsc_share) per 100,000 adults of the scenario's age bands; a "
     "crude rate, not indirectly age- and sex-standardised."},
    {Metric::kFallsAdmissions65PlusPer100k, "Emergency hospital admissions due to falls, people aged 65+", "",
     "2023-25",
     "Admissions of people 65+ flagged as a fall (fall_share) per 100,000 aged 65+; a crude rate, not directly "
     "age-standardised."},
    {Metric::kLengthOfStay14PlusPct, "Length of stay: acute inpatients in hospital 14 days or more", "", "2021-22",
     "At each midnight, the inpatients who have been in 14 days or more, of all acute inpatients; averaged over the "
     "year's days."},
    {Metric::kLengthOfStay21PlusPct, "Length of stay: acute inpatients in hospital 21 days or more", "", "2021-22",
     "At each midnight, the inpatients who have been in 21 days or more, of all acute inpatients; averaged over the "
     "year's days."},
    {Metric::kDischargeToUsualResidencePct, "Discharge to usual place of residence", "", "2021-22 to 2024-25",
     "Pathway 0 and pathway 1 discharges, of all discharges from acute beds."},
    {Metric::kCareHomeAdmissions65PlusPer100k,
     "Residential admissions: long-term needs of people 65+ met by admission to residential and nursing care homes",
     "ASCOF 2A(2), now 2C", "2021-22 to 2024-25",
     "People 65+ leaving any service for a residential or nursing home, per 100,000 aged 65+; every placement, not "
     "only council-supported ones."},
    {Metric::kAtHome91dPct,
     "Reablement: older people (65+) still at home 91 days after discharge from hospital into reablement or "
     "rehabilitation",
     "ASCOF 2B(1)", "2021-22 to 2024-25",
     "People 65+ discharged to pathway 1 or 2 from October to December whose journey through intermediate care ends "
     "at home; journeys unfinished at the end of the run are left out."},
    {Metric::kMeanNctrDaysPerDischarge, "Discharge delay: average days from discharge ready date to discharge", "",
     "2025-26 (to confirm)",
     "Days in an acute bed after no longer meeting the criteria to reside, per discharge from acute beds."},
}};

void write_bcf_sheet(Workbook& book, const ScenarioSpec& spec, const ScenarioSummary& summary) {
  Sheet sheet(book, "BCF metrics");
  constexpr int kHeaderRow = 4, kFirstRow = 5, kFirstValueCol = 4;
  const int years = spec.years;
  const int after_values = kFirstValueCol + 3 * years;
  sheet.text(0, 0, spec.name + ": Better Care Fund metrics", book.title);
  sheet.text(1, 0,
             "Simulated per calendar year (January to December): the mean across " + replications_text(summary) +
                 ", and its 95% interval. BCF plans and returns use financial years (April to March).",
             book.subtitle);
  write_year_groups(book, sheet, kHeaderRow, kFirstValueCol, spec.start_year, years,
                    {"Simulated: mean", "95% interval: low", "95% interval: high"});
  const std::array<const char*, 4> headers{"BCF metric", "Code", "BCF years", "Unit"};
  for (std::size_t col = 0; col < headers.size(); ++col)
    sheet.text(kHeaderRow, static_cast<int>(col), headers[col], book.header_left);
  sheet.text(kHeaderRow, after_values, "icsim metric", book.header_left);
  sheet.text(kHeaderRow, after_values + 1, "How icsim computes it", book.header_left);
  for (std::size_t i = 0; i < kBcfMetrics.size(); ++i) {
    const BcfMetric& bcf = kBcfMetrics[i];
    const auto& definition = summary.metrics[models::index(bcf.metric)];
    const auto& values = summary[bcf.metric];
    const int row = kFirstRow + static_cast<int>(i);
    const std::string format = number_format(definition.unit, typical_size(values));
    sheet.text(row, 0, bcf.name, book.wrap);
    sheet.text(row, 1, bcf.code, book.wrap);
    sheet.text(row, 2, bcf.bcf_years, book.wrap);
    sheet.text(row, 3, definition.unit, book.wrap);
    write_year_estimates(sheet, row, kFirstValueCol, values, book.number(format), book.number(format, true));
    sheet.text(row, after_values, definition.name, book.wrap);
    sheet.text(row, after_values + 1, bcf.simulated, book.wrap);
    sheet.height(row, 45);
  }
  const int notes = kFirstRow + static_cast<int>(kBcfMetrics.size()) + 1;
  sheet.text(notes, 0, "Metric names and codes as in the BCF policy frameworks 2021-22 to 2025-26.", book.note);
  sheet.text(notes + 1, 0,
             "The national metrics are standardised and limited to residents of the Health and Wellbeing Board area; "
             "icsim's are crude rates for the scenario's population.",
             book.note);
  sheet.width(0, 0, 46);
  sheet.width(1, 1, 19);
  sheet.width(2, 2, 18);
  sheet.width(3, 3, 17);
  sheet.width(kFirstValueCol, after_values - 1, 11);
  sheet.width(after_values, after_values, 34);
  sheet.width(after_values + 1, after_values + 1, 60);
  sheet.freeze(kFirstRow, 1, kHeaderRow - 1);
}

// ---- Capacity and demand: each service month by month, from the daily census.

std::string capacity_unit(const ServiceSpec& service) {
  if (service.kind == models::ServiceKind::kBedBased) return "beds";
  return service.capacity_in_care_hours ? "care hours a day" : "packages";
}

std::string kind_label(const ServiceSpec& service) {
  std::string kind = service.kind == models::ServiceKind::kBedBased ? "bed-based" : "home-based";
  if (service.short_term_care) kind += ", short-term care";
  return kind;
}

// What sends people to a service: "P1, step-up".
std::string routes_into(const ScenarioSpec& spec, models::ServiceIndex s) {
  std::string routes;
  const auto add = [&routes](const std::string& route) { routes += (routes.empty() ? "" : ", ") + route; };
  for (int p = 1; p < models::kPathways; ++p)
    if (spec.pathway_service[static_cast<std::size_t>(p)] == s) add("P" + std::to_string(p));
  if (spec.step_up_service == s) add("step-up");
  if (spec.bridging_service == s) add("bridging");
  for (const auto& other : spec.services)
    for (const auto& o : other.outcomes)
      if (o.destination == models::Destination::kNextService && o.next_service == s && o.probability > 0) {
        add("after " + other.name);
        break;
      }
  return routes;
}

struct MonthOfDays {
  int year = 0;
  unsigned month = 0;
  int days = 0;
  std::vector<double> sums;  // of each daily series' mean over the month's days
};

std::vector<MonthOfDays> by_month(const ScenarioSpec& spec, const ScenarioSummary& summary) {
  using namespace std::chrono;
  const sys_days first = year{spec.start_year} / January / 1;
  const std::size_t days = summary.daily.empty() ? 0 : summary.daily.front().size();
  std::vector<MonthOfDays> months;
  for (std::size_t d = 0; d < days; ++d) {
    const year_month_day date{first + std::chrono::days{static_cast<int>(d)}};
    const int y = static_cast<int>(date.year());
    const auto m = static_cast<unsigned>(date.month());
    if (months.empty() || months.back().year != y || months.back().month != m)
      months.push_back({y, m, 0, std::vector<double>(summary.daily.size(), 0.0)});
    ++months.back().days;
    for (std::size_t s = 0; s < summary.daily.size(); ++s) months.back().sums[s] += summary.daily[s][d].mean;
  }
  return months;
}

void write_capacity_and_demand_sheet(Workbook& book, const ScenarioSpec& spec, const ScenarioSummary& summary) {
  Sheet sheet(book, "Capacity and demand");
  constexpr int kGroupRow = 3, kHeaderRow = 4, kFirstRow = 5, kFirstServiceCol = 4, kPerService = 6;
  sheet.text(0, 0, spec.name + ": capacity and demand by month", book.title);
  sheet.text(1, 0,
             "Means across " + replications_text(summary) +
                 " of the census at each midnight; referrals are summed over the month. Utilisation is the mean in "
                 "use divided by the mean capacity.",
             book.subtitle);
  sheet.text(kHeaderRow, 0, "Month", book.header_left);
  sheet.text(kHeaderRow, 1, "Days", book.header);
  sheet.across(kGroupRow, 2, 3, "Acute hospital", book.block);
  sheet.text(kHeaderRow, 2, "Inpatients (patients, mean)", book.header);
  sheet.text(kHeaderRow, 3, "NCTR inpatients (patients, mean)", book.header);
  for (std::size_t s = 0; s < spec.services.size(); ++s) {
    const ServiceSpec& service = spec.services[s];
    const int col = kFirstServiceCol + kPerService * static_cast<int>(s);
    const std::string routes = routes_into(spec, static_cast<models::ServiceIndex>(s));
    sheet.across(kGroupRow, col, col + kPerService - 1,
                 service.name + ": " + kind_label(service) + (routes.empty() ? "" : " (" + routes + ")"), book.block);
    const std::string unit = capacity_unit(service);
    // The BCF template's demand: hospital discharges apart from community (step-up) referrals.
    sheet.text(kHeaderRow, col, "Referrals from hospital (people in the month)", book.header);
    sheet.text(kHeaderRow, col + 1, "Step-up referrals from the community (people in the month)", book.header);
    sheet.text(kHeaderRow, col + 2, "Capacity (" + unit + ", mean)", book.header);
    sheet.text(kHeaderRow, col + 3, "In use (" + unit + ", mean)", book.header);
    sheet.text(kHeaderRow, col + 4, "Waiting (people, mean)", book.header);
    sheet.text(kHeaderRow, col + 5, "Utilisation (%)", book.header);
  }
  sheet.height(kGroupRow, 30);
  sheet.height(kHeaderRow, 60);

  lxw_format* people = book.number("#,##0");
  lxw_format* level = book.number("#,##0.0");
  lxw_format* percent = book.number("0.0");
  const auto months = by_month(spec, summary);
  for (std::size_t i = 0; i < months.size(); ++i) {
    const MonthOfDays& month = months[i];
    const int row = kFirstRow + static_cast<int>(i);
    const double days = month.days;
    sheet.first_of_month(row, 0, month.year, month.month, book.month);
    sheet.number(row, 1, days, book.whole);
    sheet.number(row, 2, month.sums[models::index(models::DailyMeasure::kAcuteInpatients)] / days, level);
    sheet.number(row, 3, month.sums[models::index(models::DailyMeasure::kNctrInpatients)] / days, level);
    for (std::size_t s = 0; s < spec.services.size(); ++s) {
      const int col = kFirstServiceCol + kPerService * static_cast<int>(s);
      const auto sum = [&](models::ServiceDailyMeasure m) { return month.sums[models::index(s, m)]; };
      const double capacity = sum(models::ServiceDailyMeasure::kCapacity) / days;
      const double in_use = sum(models::ServiceDailyMeasure::kInUse) / days;
      const double step_up = sum(models::ServiceDailyMeasure::kStepUpReferrals);
      sheet.number(row, col, sum(models::ServiceDailyMeasure::kReferrals) - step_up, people);
      sheet.number(row, col + 1, step_up, people);
      sheet.number(row, col + 2, capacity, level);
      sheet.number(row, col + 3, in_use, level);
      sheet.number(row, col + 4, sum(models::ServiceDailyMeasure::kWaiting) / days, level);
      if (capacity > 0) sheet.number(row, col + 5, 100.0 * in_use / capacity, percent);
    }
  }
  const int notes = kFirstRow + static_cast<int>(months.size()) + 1;
  sheet.text(notes, 0,
             "NCTR inpatients no longer meet the criteria to reside: their further days in hospital are delayed bed "
             "days. Referrals from hospital count every request for a place after a hospital stay: the discharge "
             "pathways, bridging, and onward from other services; step-up referrals come from the community to avoid "
             "an admission, whether or not a place was free.",
             book.note);
  sheet.width(0, 0, 11);
  sheet.width(1, 1, 6);
  sheet.width(2, 3, 13);
  sheet.width(kFirstServiceCol, kFirstServiceCol + kPerService * static_cast<int>(spec.services.size()) - 1, 12);
  sheet.freeze(kFirstRow, 1, kGroupRow);
}

// ---- Inputs: the scenario as it was run.

std::string describe(const engine::Distribution& distribution) {
  return std::visit(
      [](const auto& d) -> std::string {
        using D = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<D, engine::Fixed>) return "fixed " + shortest(d.value);
        if constexpr (std::is_same_v<D, engine::Exponential>) return "exponential, mean " + shortest(d.mean);
        if constexpr (std::is_same_v<D, engine::LogNormal>)
          return "lognormal, mean " + shortest(d.mean) + ", sd " + shortest(d.sd);
        if constexpr (std::is_same_v<D, engine::Gamma>)
          return "gamma, shape " + shortest(d.shape) + ", scale " + shortest(d.scale);
        if constexpr (std::is_same_v<D, engine::Weibull>)
          return "weibull, shape " + shortest(d.shape) + ", scale " + shortest(d.scale);
        if constexpr (std::is_same_v<D, engine::Uniform>)
          return "uniform, min " + shortest(d.min) + ", max " + shortest(d.max);
        if constexpr (std::is_same_v<D, engine::Triangular>)
          return "triangular, min " + shortest(d.min) + ", mode " + shortest(d.mode) + ", max " + shortest(d.max);
        if constexpr (std::is_same_v<D, engine::EmpiricalObservations>)
          return "empirical, " + std::to_string(d.values.size()) + " observations";
        if constexpr (std::is_same_v<D, engine::EmpiricalHistogram>)
          return "empirical histogram, " + std::to_string(d.weights.size()) + " bins from " +
                 shortest(d.edges.front()) + " to " + shortest(d.edges.back());
      },
      distribution.spec());
}

// The Inputs sheet, read top to bottom: sections of rows, each a label with
// its unit in the first column and its values across, one value or one per
// age band, service or year under a header row naming them.
class InputsSheet {
 public:
  InputsSheet(Workbook& book, const std::string& name, int value_columns, double value_width)
      : book_(book), sheet_(book, name), value_columns_(std::max(value_columns, 2)), value_width_(value_width) {}

  void title(const std::string& text, const std::string& subtitle) {
    sheet_.text(0, 0, text, book_.title);
    sheet_.text(1, 0, subtitle, book_.subtitle);
    row_ = 2;
  }

  void section(const std::string& name) {
    ++row_;
    sheet_.across(row_, 0, value_columns_, name, book_.section);
    ++row_;
  }

  void gap() { ++row_; }

  void headers(const std::string& label, const std::vector<std::string>& names) {
    sheet_.text(row_, 0, label, book_.header_left);
    for (std::size_t i = 0; i < names.size(); ++i) sheet_.text(row_, 1 + static_cast<int>(i), names[i], book_.header);
    end_row(label, names);
  }

  void year_headers(const std::string& label, int first_year, int years) {
    sheet_.text(row_, 0, label, book_.header_left);
    for (int y = 0; y < years; ++y) sheet_.number(row_, 1 + y, first_year + y, book_.year);
    ++row_;
  }

  void texts(const std::string& label, const std::vector<std::string>& values) {
    sheet_.text(row_, 0, label, book_.wrap);
    for (std::size_t i = 0; i < values.size(); ++i) sheet_.text(row_, 1 + static_cast<int>(i), values[i], book_.wrap);
    end_row(label, values);
  }

  // NaN leaves a cell blank: a value that does not apply.
  void numbers(const std::string& label, const std::vector<double>& values, lxw_format* format) {
    sheet_.text(row_, 0, label, book_.wrap);
    for (std::size_t i = 0; i < values.size(); ++i) sheet_.number(row_, 1 + static_cast<int>(i), values[i], format);
    end_row(label, {});
  }

  void value(const std::string& label, double number, lxw_format* format) { numbers(label, {number}, format); }

  // Text that may run on to the right (a file's path, a hash).
  void value(const std::string& label, const std::string& text) {
    sheet_.text(row_, 0, label, book_.wrap);
    sheet_.text(row_, 1, text);
    end_row(label, {});
  }

  void finish() {
    sheet_.width(0, 0, kLabelWidth);
    sheet_.width(1, value_columns_, value_width_);
    sheet_.print_one_page_wide();
  }

 private:
  static constexpr double kLabelWidth = 46;

  // Wrapped text gets the lines it needs: neither Excel nor LibreOffice
  // grows a row for it when the file is opened.
  void end_row(const std::string& label, const std::vector<std::string>& values) {
    // A column's width is in widths of "0"; text runs a little narrower.
    const auto lines = [](const std::string& text, double width) {
      return static_cast<int>(std::ceil(static_cast<double>(text.size()) / (1.1 * width - 1)));
    };
    int most = lines(label, kLabelWidth);
    for (const auto& v : values) most = std::max(most, lines(v, value_width_));
    if (most > 1) sheet_.height(row_, 15.0 * most);
    ++row_;
  }

  Workbook& book_;
  Sheet sheet_;
  int value_columns_;
  double value_width_;  // of each value column, in characters
  int row_ = 0;
};

constexpr double kNotApplicable = std::numeric_limits<double>::quiet_NaN();

std::string destination_label(models::Destination destination) {
  switch (destination) {
    case models::Destination::kHomeIndependent: return "home, independent";
    case models::Destination::kHomeWithCare: return "home with a long-term package of care";
    case models::Destination::kCareHomeResidential: return "residential care home";
    case models::Destination::kCareHomeNursing: return "nursing home";
    case models::Destination::kReadmission: return "readmission to hospital";
    case models::Destination::kDeath: return "death";
    case models::Destination::kNextService: return "another service";
  }
  return "?";
}

// The Inputs sheet of any workbook: the scenario as it was run. `how_run`
// adds the rows (and any sections) that say how the numbers were made:
// replications, events, a plan.
void write_inputs_sheet(Workbook& book, const std::string& name, const ScenarioSpec& spec, std::uint64_t seed,
                        const std::function<void(InputsSheet&)>& how_run) {
  const auto bands = spec.age_bands.size(), services = spec.services.size();
  const auto yearly = models::yearly_settings(spec);
  std::vector<std::string> column_names;  // wide enough for the names heading the columns
  for (const auto& band : spec.age_bands) column_names.push_back(band.name);
  for (const auto& service : spec.services) column_names.push_back(service.name);
  InputsSheet in(book, name,
                 std::max({static_cast<int>(bands), static_cast<int>(services), static_cast<int>(yearly.size()), 3}),
                 longest(column_names, 18, 32));
  lxw_format* plain = book.plain;
  lxw_format* days = book.number("0.00");
  lxw_format* places = book.number("#,##0.##");
  in.title(spec.name + ": inputs",
           "The scenario as it was run, every value after `extends` and defaults. Shares are shown as percentages.");

  in.section("Run");
  in.value("icsim version", ICSIM_VERSION);
  in.value("Scenario", spec.name);
  in.value("Scenario file", spec.file);
  in.value("Scenario SHA-256 (with every file it extends)", spec.sha256);
  // A seed above 2^53 has no exact double: it is kept as text so it can be typed back.
  if (seed <= (std::uint64_t{1} << 53))
    in.value("Seed", static_cast<double>(seed), plain);
  else
    in.value("Seed", std::to_string(seed));
  in.value("First projected year", spec.start_year, plain);
  in.value("Years projected", spec.years, plain);
  in.value("Warm-up before the first year (days)", spec.warmup_days, plain);
  how_run(in);

  const auto per_band = [&spec](auto value) {
    std::vector<double> values;
    for (const auto& band : spec.age_bands) values.push_back(value(band));
    return values;
  };
  in.section("Demand by age band, in the base year");
  {
    std::vector<std::string> names, aged_65, to_nctr;
    for (const auto& band : spec.age_bands) {
      names.push_back(band.name);
      aged_65.push_back(band.aged_65_plus ? "yes" : "no");
      to_nctr.push_back(describe(band.time_to_nctr_days));
    }
    in.headers("Age band", names);
    in.texts("Aged 65+ (in the BCF metrics for 65+)", aged_65);
    in.numbers("Population (residents)", per_band([](const auto& b) { return b.population; }), book.whole);
    in.numbers("Emergency admissions (per 1,000 residents a year)",
               per_band([](const auto& b) { return b.admissions_per_1000_per_year; }), plain);
    in.numbers("Seen by the urgent community response (step-up share)",
               per_band([](const auto& b) { return b.step_up_share; }), book.share);
    for (std::size_t p = 0; p < models::kPathways; ++p)
      in.numbers("Discharged to pathway " + std::to_string(p) + " (share)",
                 per_band([p](const auto& b) { return b.pathway_split[p]; }), book.share);
    in.texts("Admission to no longer meeting the criteria to reside (days)", to_nctr);
    in.numbers("  mean (days)", per_band([](const auto& b) { return b.time_to_nctr_days.mean(); }), days);
    in.numbers("  standard deviation (days)", per_band([](const auto& b) { return b.time_to_nctr_days.sd(); }), days);
  }
  in.gap();
  in.headers("Demand by day of the week", {"× the average"});
  const std::array<const char*, 7> weekdays{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                            "Friday", "Saturday", "Sunday"};
  for (std::size_t d = 0; d < weekdays.size(); ++d) in.value(weekdays[d], spec.day_of_week_profile[d], plain);
  in.gap();
  in.headers("Demand by month", {"× the average"});
  const std::array<const char*, 12> months{"January", "February", "March",     "April",   "May",      "June",
                                           "July",    "August",   "September", "October", "November", "December"};
  for (std::size_t m = 0; m < months.size(); ++m) in.value(months[m], spec.month_profile[m], plain);
  in.gap();
  in.value("Admissions flagged as a fall (share)", spec.fall_share, book.share);
  in.value("Admissions for ambulatory-care-sensitive conditions (share)", spec.acsc_share, book.share);

  in.section("Year by year: growth and changes to the model of care");
  {
    in.year_headers("Year", spec.start_year, static_cast<int>(yearly.size()));
    const auto per_year = [&yearly](auto value) {
      std::vector<double> values;
      for (const auto& year : yearly) values.push_back(value(year));
      return values;
    };
    for (std::size_t b = 0; b < bands; ++b)
      in.numbers("Population " + spec.age_bands[b].name + " (residents)",
                 per_year([b](const auto& y) { return y.population[b]; }), book.whole);
    for (std::size_t b = 0; b < bands; ++b)
      in.numbers("Emergency admissions " + spec.age_bands[b].name + " (per 1,000 a year)",
                 per_year([b](const auto& y) { return y.admissions_per_1000_per_year[b]; }), book.number("0.0#"));
    for (std::size_t b = 0; b < bands; ++b)
      in.numbers("Step-up share " + spec.age_bands[b].name, per_year([b](const auto& y) { return y.step_up_share[b]; }),
                 book.share);
    for (std::size_t b = 0; b < bands; ++b)
      for (std::size_t p = 1; p < models::kPathways; ++p)
        in.numbers("Pathway " + std::to_string(p) + " share " + spec.age_bands[b].name,
                   per_year([b, p](const auto& y) { return y.pathway_split[b][p]; }), book.share);
    for (std::size_t s = 0; s < services; ++s)
      in.numbers("Capacity " + spec.services[s].name + " (" + capacity_unit(spec.services[s]) + ")",
                 per_year([s](const auto& y) { return y.capacity[s]; }), places);
    for (std::size_t s = 0; s < services; ++s)
      in.numbers("Length of stay " + spec.services[s].name + ": mean (days)",
                 per_year([s](const auto& y) { return y.length_of_stay_days[s].mean(); }), days);
    in.numbers("Transfer-of-care hub: mean (days)", per_year([](const auto& y) { return y.triage_days.mean(); }), days);
    in.numbers("Discharge days a week", per_year([](const auto& y) { return y.discharge_days_per_week; }), plain);
  }

  in.section("Acute stay and discharge");
  in.value("Transfer-of-care hub: no longer meeting the criteria to reside to ready to leave (days)",
           describe(spec.triage_days));
  in.value("  mean (days)", spec.triage_days.mean(), days);
  in.value("Discharge days a week, from Monday", spec.discharge_days_per_week, plain);
  in.value("Discharges from (hour of the day)", spec.discharge_hour_start, plain);
  in.value("Discharges until (hour of the day)", spec.discharge_hour_end, plain);

  in.section("Services");
  {
    const auto per_service = [&spec](auto value) {
      std::vector<double> values;
      for (const auto& service : spec.services) values.push_back(value(service));
      return values;
    };
    const auto in_hours = [](const ServiceSpec& s) {
      return s.kind == models::ServiceKind::kHomeBased && s.capacity_in_care_hours;
    };
    std::vector<std::string> names, kinds, routes, units, stays, queues, cost_units;
    for (std::size_t s = 0; s < services; ++s) {
      const ServiceSpec& service = spec.services[s];
      const bool home = service.kind == models::ServiceKind::kHomeBased;
      names.push_back(service.name);
      kinds.push_back(kind_label(service));
      routes.push_back(routes_into(spec, static_cast<models::ServiceIndex>(s)));
      units.push_back(capacity_unit(service));
      stays.push_back(describe(service.length_of_stay_days));
      queues.push_back(service.discipline == engine::QueueDiscipline::kPriority ? "priority"
                                                                                : "first come, first served");
      cost_units.push_back(!home ? "occupied bed day" : service.capacity_in_care_hours ? "care hour" : "package a day");
    }
    in.headers("Service", names);
    in.texts("Kind", kinds);
    in.texts("Referred from", routes);
    in.numbers("Capacity in the base year", per_service([](const auto& s) { return s.capacity; }), places);
    in.texts("Capacity unit", units);
    in.numbers("Package: care hours a day at first",
               per_service([&](const auto& s) { return in_hours(s) ? s.package_hours_per_day_start : kNotApplicable; }),
               plain);
    in.numbers("Package: days at the first hours",
               per_service([&](const auto& s) { return in_hours(s) ? s.package_intensive_days : kNotApplicable; }),
               plain);
    in.numbers("Package: care hours a day after",
               per_service([&](const auto& s) { return in_hours(s) ? s.package_hours_per_day_after : kNotApplicable; }),
               plain);
    in.texts("Length of stay (days)", stays);
    in.numbers("  mean (days)", per_service([](const auto& s) { return s.length_of_stay_days.mean(); }), days);
    in.numbers("  standard deviation (days)", per_service([](const auto& s) { return s.length_of_stay_days.sd(); }),
               days);
    in.texts("Queue", queues);
    in.numbers("Places ring-fenced for step-down",
               per_service([](const auto& s) { return s.ring_fenced_for_step_down; }), places);
    in.numbers("Unit cost (£)", per_service([](const auto& s) {
                 return s.kind == models::ServiceKind::kHomeBased ? s.cost_per_care_hour : s.cost_per_bed_day;
               }),
               book.money);
    in.texts("Unit cost per", cost_units);

    // Where people go when each service ends: a row for each destination any service uses.
    in.gap();
    in.headers("When the service ends (share)", names);
    std::map<std::pair<models::Destination, models::ServiceIndex>, std::vector<double>> shares;  // in the enum's order
    for (std::size_t s = 0; s < services; ++s)
      for (const auto& o : spec.services[s].outcomes) {
        const auto next = o.destination == models::Destination::kNextService ? o.next_service : 0;
        shares.try_emplace({o.destination, next}, services, kNotApplicable).first->second[s] = o.probability;
      }
    for (const auto& [to, values] : shares)
      in.numbers(to.first == models::Destination::kNextService ? "on to " + spec.services[to.second].name
                                                                : destination_label(to.first),
                 values, book.share);

    bool any_changes = false;
    for (const auto& service : spec.services) any_changes = any_changes || !service.capacity_changes.empty();
    if (any_changes) {
      in.gap();
      in.headers("Capacity changes", {"Capacity"});
      for (const auto& service : spec.services)
        for (const auto& change : service.capacity_changes)
          in.value(service.name + " from day " + shortest(change.day) + " of the projection (" +
                       capacity_unit(service) + ")",
                   change.capacity, places);
    }
  }

  in.section("Pathways, step-up and bridging");
  for (std::size_t p = 1; p < models::kPathways; ++p) {
    const auto& service = spec.pathway_service[p];
    in.value("Pathway " + std::to_string(p) + " service", service ? spec.services[*service].name : "none");
  }
  in.value("Step-up service", spec.step_up_service ? spec.services[*spec.step_up_service].name : "none");
  if (spec.step_up_service) in.value("Step-up: longest wait for a place (hours)", spec.step_up_max_wait_hours, plain);
  if (spec.bridging_service && spec.bridging_after_days) {
    in.value("Bridging service", spec.services[*spec.bridging_service].name);
    in.value("Bridging after waiting in an acute bed (days)", *spec.bridging_after_days, plain);
  } else {
    in.value("Bridging service", "none");
  }
  in.value("Deconditioning: chance of a heavier pathway per day waited", spec.deconditioning_per_day_waited, plain);
  in.value("Readmissions come back within (days)", spec.readmission_days, plain);

  in.section("Costs");
  in.value("Acute bed day (£)", spec.costs.acute_bed_day, book.money);
  in.value("Delayed (NCTR) bed day, on top of the acute bed day (£)", spec.costs.nctr_bed_day, book.money);
  in.value("Care-home placement (£ a week)", spec.costs.care_home_placement_per_week, book.money);
  const auto& growth = spec.costs.real_terms_growth_per_year;
  in.value("Real-terms growth a year: acute", growth.acute, book.share);
  in.value("Real-terms growth a year: intermediate care beds", growth.ic_beds, book.share);
  in.value("Real-terms growth a year: home-based intermediate care", growth.home_ic, book.share);
  in.value("Real-terms growth a year: short-term care", growth.short_term_care, book.share);
  in.value("Real-terms growth a year: long-term care", growth.long_term_care, book.share);

  in.section("Long-term care-home placements");
  in.value("Residential stay (days)", describe(spec.long_term_care.residential_stay_days));
  in.value("  mean (days)", spec.long_term_care.residential_stay_days.mean(), book.number("0.0"));
  in.value("Nursing stay (days)", describe(spec.long_term_care.nursing_stay_days));
  in.value("  mean (days)", spec.long_term_care.nursing_stay_days.mean(), book.number("0.0"));

  if (spec.initial_census) {
    const auto& census = *spec.initial_census;
    in.section("Initial census: the system on day 0");
    in.value("Acute inpatients, not yet NCTR (people)", census.acute_inpatients, plain);
    in.value("Residential placements in progress (people)", census.placements_residential, plain);
    in.value("Nursing placements in progress (people)", census.placements_nursing, plain);
    std::vector<std::string> names;
    std::vector<double> waiting(services, kNotApplicable), in_service(services, kNotApplicable);
    for (std::size_t s = 0; s < services; ++s) {
      names.push_back(spec.services[s].name);
      if (s < census.waiting_in_acute.size()) waiting[s] = census.waiting_in_acute[s];
      if (s < census.in_service.size()) in_service[s] = census.in_service[s];
    }
    in.headers("Service", names);
    in.numbers("Waiting in acute beds (people)", waiting, plain);
    in.numbers("In the service (people)", in_service, plain);
  }
  in.finish();
}

// A run's Inputs sheet: its replications and events.
void write_inputs_sheet(Workbook& book, const std::string& name, const ScenarioSpec& spec,
                        const ScenarioSummary& summary) {
  write_inputs_sheet(book, name, spec, summary.seed, [&](InputsSheet& in) {
    in.value("Replications", summary.replications, book.plain);
    in.value("Events simulated (all replications)", static_cast<double>(summary.events), book.whole);
  });
}

// ---- Difference: B - A per year, and over the projection.

void write_difference_sheet(Workbook& book, const ScenarioSpec& a, const ScenarioSpec& b, std::uint64_t seed,
                            const models::Comparison& comparison) {
  Sheet sheet(book, "Difference");
  constexpr int kBlockRow = 4, kHeaderRow = 5, kFirstRow = 6, kFirstValueCol = 2;
  static_assert(kBlockRow == kHeaderRow - 1);
  const int years = a.years;
  const std::string first = std::to_string(a.start_year), last = std::to_string(a.start_year + years - 1);
  sheet.text(0, 0, "B − A: " + b.name + " against " + a.name, book.title);
  sheet.text(1, 0,
             std::to_string(comparison.replications) + " paired replications with seed " + std::to_string(seed) +
                 ": common random numbers, so each replication of B meets the same patients as the same replication "
                 "of A. 95% intervals (Student t) of the paired differences.",
             book.subtitle);
  sheet.text(2, 0, "A: " + a.name + " (" + a.file + ");   B: " + b.name + " (" + b.file + ")", book.note);

  write_year_groups(book, sheet, kHeaderRow, kFirstValueCol, a.start_year, years,
                    {"B − A", "B − A: 95% interval, low", "B − A: 95% interval, high"});
  // Over the projection: B - A summed; each scenario's change from the first
  // year to the last, in the metric's unit and in %; B against A at the end.
  const int over = kFirstValueCol + 3 * years;
  const int summed = over, change_a = over + 3, change_b = over + 9, relative = over + 15;
  sheet.across(kBlockRow, summed, summed + 2, "B − A summed " + first + "–" + last, book.block);
  sheet.across(kBlockRow, change_a, change_a + 5, "A: change " + first + " to " + last, book.block);
  sheet.across(kBlockRow, change_b, change_b + 5, "B: change " + first + " to " + last, book.block);
  sheet.across(kBlockRow, relative, relative + 2, "B against A in " + last, book.block);
  const std::array<std::string, 3> mean_low_high{"mean", "95% low", "95% high"};
  const std::array<std::string, 3> percent_low_high{"mean (%)", "95% low (%)", "95% high (%)"};
  for (int k = 0; k < 3; ++k) {
    const auto i = static_cast<std::size_t>(k);
    sheet.text(kHeaderRow, summed + k, mean_low_high[i], book.header);
    sheet.text(kHeaderRow, change_a + k, mean_low_high[i], book.header);
    sheet.text(kHeaderRow, change_a + 3 + k, percent_low_high[i], book.header);
    sheet.text(kHeaderRow, change_b + k, mean_low_high[i], book.header);
    sheet.text(kHeaderRow, change_b + 3 + k, percent_low_high[i], book.header);
    sheet.text(kHeaderRow, relative + k, k == 0 ? "(B − A) ÷ A (%)" : percent_low_high[i], book.header);
  }
  sheet.text(kHeaderRow, 0, "Metric", book.header_left);
  sheet.text(kHeaderRow, 1, "Unit", book.header_left);
  sheet.height(kBlockRow, 30);

  lxw_format* percent = book.number("0.0");
  lxw_format* percent_interval = book.number("0.0", true);
  std::vector<std::string> names, units;
  for (std::size_t m = 0; m < comparison.metrics.size(); ++m) {
    const auto& c = comparison.metrics[m];
    const int row = kFirstRow + static_cast<int>(m);
    const double typical =
        std::max({typical_size(c.difference), std::abs(c.change_a.mean), std::abs(c.change_b.mean)});
    lxw_format* mean = book.number(number_format(c.unit, typical));
    lxw_format* interval = book.number(number_format(c.unit, typical), true);
    sheet.text(row, 0, c.name);
    sheet.text(row, 1, c.unit);
    write_year_estimates(sheet, row, kFirstValueCol, c.difference, mean, interval);
    sheet.estimate(row, summed, c.cumulative_difference.back(), mean, interval);
    sheet.estimate(row, change_a, c.change_a, mean, interval);
    sheet.estimate(row, change_a + 3, c.change_a_pct, percent, percent_interval);
    sheet.estimate(row, change_b, c.change_b, mean, interval);
    sheet.estimate(row, change_b + 3, c.change_b_pct, percent, percent_interval);
    sheet.estimate(row, relative, c.last_year_difference_pct, percent, percent_interval);
    names.push_back(c.name);
    units.push_back(c.unit);
  }
  const int notes = kFirstRow + static_cast<int>(comparison.metrics.size()) + 1;
  sheet.text(notes, 0,
             "A percentage change is left blank where its base is 0 in every replication. Each scenario's own "
             "results are on the sheets Summary A and Summary B.",
             book.note);
  sheet.width(0, 0, longest(names, 12, 44));
  sheet.width(1, 1, longest(units, 8, 32));
  sheet.width(kFirstValueCol, relative + 2, 13);
  sheet.freeze(kFirstRow, kFirstValueCol, kBlockRow);
}

// ---- Capacity plan: per planned year, the answer.

std::string target_text(const models::PlanTarget& target) {
  if (target.minimise_cost) return "least capacity cost + NCTR bed days x the cost of a delayed day";
  return target.metric + " at most " + shortest(target.at_most) + ", with 95% confidence (one-sided)";
}

void write_capacity_plan_sheet(Workbook& book, const PlanResults& plan) {
  Sheet sheet(book, "Capacity plan");
  const auto& services = plan.plan.services;
  const int n = static_cast<int>(services.size());
  const std::string metric = plan.plan.target.reported_metric();
  const std::string unit = plan.metric_unit();
  constexpr int kGroupRow = 3, kHeaderRow = 4, kFirstRow = 5;
  const int costs = 1 + n, measured = costs + 3, met = measured + 3, false_economy = met + 1,
            simulations = false_economy + n, how_sure = simulations + 1;
  sheet.text(0, 0, plan.spec.name + ": capacity plan", book.title);
  sheet.text(1, 0,
             "Target: " + target_text(plan.plan.target) + ". Per planned year, the recommended capacity confirmed with " +
                 std::to_string(plan.plan.confirm_replications) + " replications with seed " +
                 std::to_string(plan.seed) + "; costs are means. Plan file: " + plan.plan_file + ".",
             book.subtitle);
  sheet.text(kHeaderRow, 0, "Year", book.header_left);
  sheet.across(kGroupRow, 1, n, "Recommended capacity", book.block);
  sheet.across(kGroupRow, costs, costs + 2, "Cost (£ a year)", book.block);
  sheet.across(kGroupRow, measured, measured + 2, metric + " (" + unit + ")", book.block);
  sheet.across(kGroupRow, false_economy, false_economy + n - 1, "False economy beyond", book.block);
  for (int i = 0; i < n; ++i) {
    const auto s = static_cast<std::size_t>(i);
    const std::string header = plan.service_name(s) + " (" + capacity_unit(plan.spec.services[services[s].service]) + ")";
    sheet.text(kHeaderRow, 1 + i, header, book.header);
    sheet.text(kHeaderRow, false_economy + i, header, book.header);
  }
  const std::array<const char*, 3> cost_headers{"Capacity", "Delay (NCTR bed days)", "Total"};
  const std::array<const char*, 3> estimate_headers{"Mean", "95% low", "95% high"};
  for (int k = 0; k < 3; ++k) {
    sheet.text(kHeaderRow, costs + k, cost_headers[static_cast<std::size_t>(k)], book.header);
    sheet.text(kHeaderRow, measured + k, estimate_headers[static_cast<std::size_t>(k)], book.header);
  }
  sheet.text(kHeaderRow, met, "Target met", book.header);
  sheet.text(kHeaderRow, simulations, "Simulations", book.header);
  sheet.text(kHeaderRow, how_sure, "How sure", book.header_left);
  sheet.height(kGroupRow, 30);
  sheet.height(kHeaderRow, 45);

  lxw_format* places = book.number("#,##0.##");
  lxw_format* pounds = book.number("£#,##0");
  double typical = 0.0;
  for (const auto& y : plan.years) typical = std::max(typical, std::abs(y.recommended.metric.mean));
  lxw_format* mean = book.number(number_format(unit, typical));
  lxw_format* interval = book.number(number_format(unit, typical), true);
  for (std::size_t k = 0; k < plan.years.size(); ++k) {
    const auto& y = plan.years[k];
    const auto& r = y.recommended;
    const int row = kFirstRow + static_cast<int>(k);
    sheet.number(row, 0, plan.calendar_year(y), book.year);
    for (int i = 0; i < n; ++i) {
      sheet.number(row, 1 + i, r.capacity[static_cast<std::size_t>(i)], places);
      sheet.number(row, false_economy + i, y.false_economy_capacity[static_cast<std::size_t>(i)], places);
    }
    sheet.number(row, costs, r.capacity_cost, pounds);
    sheet.number(row, costs + 1, r.delay_cost.mean, pounds);
    sheet.number(row, costs + 2, r.total_cost(), pounds);
    sheet.estimate(row, measured, r.metric, mean, interval);
    sheet.text(row, met, y.target_met ? "yes" : "no");
    sheet.number(row, simulations, y.evaluations, book.whole);
    sheet.text(row, how_sure, y.confidence, book.wrap);
    sheet.height(row, 45);
  }
  const int notes = kFirstRow + static_cast<int>(plan.years.size()) + 1;
  sheet.text(notes, 0,
             "Each year is planned on its own: its demand, capacities and unit costs after a warm-up at them. The "
             "false economy is the capacity past which a unit more costs more than the acute delay it saves (sheet "
             "Trade-off).",
             book.note);
  sheet.width(0, 0, 8);
  sheet.width(1, met, 14);
  sheet.width(false_economy, simulations, 14);
  sheet.width(how_sure, how_sure, 70);
  sheet.freeze(kFirstRow, 1, kGroupRow);
}

// ---- Trade-off: each service's capacity against the cost of delay.

void write_trade_off_sheet(Workbook& book, const PlanResults& plan) {
  Sheet sheet(book, "Trade-off");
  const std::string metric = plan.plan.target.reported_metric();
  const std::string unit = plan.metric_unit();
  constexpr int kHeaderRow = 3, kFirstRow = 4;
  sheet.text(0, 0, plan.spec.name + ": capacity cost against the cost of delay", book.title);
  sheet.text(1, 0,
             "Each planned service's capacity over its range, the other services at the year's recommendation; means "
             "of " + std::to_string(plan.plan.screen_replications) + " replications with seed " +
                 std::to_string(plan.seed) + ". Delay is NCTR bed days x £" +
                 shortest(plan.plan.target.cost_per_nctr_day) + ".",
             book.subtitle);
  const std::array<std::string, 9> headers{"Year", "Service varied", "Capacity", "Capacity unit",
                                           "Capacity cost (£ a year)", "Delay cost (£ a year)",
                                           "Total cost (£ a year)", metric + " (" + unit + ")", "Point"};
  for (std::size_t c = 0; c < headers.size(); ++c)
    sheet.text(kHeaderRow, static_cast<int>(c), headers[c], c < 2 || c == 3 || c == 8 ? book.header_left : book.header);
  sheet.height(kHeaderRow, 30);
  lxw_format* places = book.number("#,##0.##");
  lxw_format* pounds = book.number("£#,##0");
  double typical = 0.0;
  for (const auto& y : plan.years)
    for (const auto& curve : y.trade_off)
      for (const auto& p : curve) typical = std::max(typical, std::abs(p.metric.mean));
  lxw_format* measured = book.number(number_format(unit, typical));
  int row = kFirstRow;
  for (const auto& y : plan.years)
    for (std::size_t i = 0; i < y.trade_off.size(); ++i) {
      const ServiceSpec& service = plan.spec.services[plan.plan.services[i].service];
      for (const auto& p : y.trade_off[i]) {
        sheet.number(row, 0, plan.calendar_year(y), book.year);
        sheet.text(row, 1, plan.service_name(i));
        sheet.number(row, 2, p.capacity[i], places);
        sheet.text(row, 3, capacity_unit(service));
        sheet.number(row, 4, p.capacity_cost, pounds);
        sheet.number(row, 5, p.delay_cost.mean, pounds);
        sheet.number(row, 6, p.total_cost(), pounds);
        sheet.number(row, 7, p.metric.mean, measured);
        std::string point;
        if (p.capacity[i] == y.recommended.capacity[i]) point = "recommended";
        if (p.capacity[i] == y.false_economy_capacity[i]) point += point.empty() ? "false economy" : ", false economy";
        sheet.text(row, 8, point);
        ++row;
      }
    }
  sheet.text(row + 1, 0,
             "False economy: past this capacity a unit more costs more than the delay it saves. Recommended: the "
             "year's recommendation, found with the other services free to move too.",
             book.note);
  sheet.width(0, 0, 8);
  sheet.width(1, 1, 22);
  sheet.width(2, 2, 11);
  sheet.width(3, 3, 17);
  sheet.width(4, 7, 15);
  sheet.width(8, 8, 26);
  sheet.freeze(kFirstRow, 2, kHeaderRow);
}

// The plan's Inputs sheet: its replications, then the plan file's services and target.
void write_plan_inputs_sheet(Workbook& book, const PlanResults& plan) {
  write_inputs_sheet(book, "Inputs", plan.spec, plan.seed, [&](InputsSheet& in) {
    in.value("Replications to screen each candidate", plan.plan.screen_replications, book.plain);
    in.value("Replications to confirm", plan.plan.confirm_replications, book.plain);
    in.section("Plan");
    in.value("Plan file", plan.plan_file);
    in.value("Target", target_text(plan.plan.target));
    in.value("Cost of a delayed (NCTR) bed day in the total (£)", plan.plan.target.cost_per_nctr_day, book.money);
    std::vector<double> years;
    for (const auto& y : plan.years) years.push_back(plan.calendar_year(y));
    in.numbers("Years planned", years, book.plain);
    in.gap();
    std::vector<std::string> names, units;
    std::vector<double> least, most, step, cost, opening;
    for (std::size_t i = 0; i < plan.plan.services.size(); ++i) {
      const auto& p = plan.plan.services[i];
      names.push_back(plan.service_name(i));
      units.push_back(capacity_unit(plan.spec.services[p.service]));
      least.push_back(p.min);
      most.push_back(p.max);
      step.push_back(p.step);
      cost.push_back(p.cost_per_unit_per_year);
      opening.push_back(p.fixed_cost_per_unit_opened);
    }
    lxw_format* places = book.number("#,##0.##");
    in.headers("Planned service", names);
    in.texts("Capacity unit", units);
    in.numbers("Least capacity", least, places);
    in.numbers("Most capacity", most, places);
    in.numbers("Step", step, places);
    in.numbers("Cost of a unit of capacity (£ a year)", cost, book.money);
    in.numbers("Cost of opening a unit above the scenario's capacity (£)", opening, book.money);
  });
}

}  // namespace

void write_results_workbook(const std::filesystem::path& file, const ScenarioSpec& spec,
                            const ScenarioSummary& summary) {
  Workbook book(file, "icsim results: " + spec.name);
  write_summary_sheet(book, "Summary", spec.name + ": results per year", spec, summary);
  write_bcf_sheet(book, spec, summary);
  write_capacity_and_demand_sheet(book, spec, summary);
  write_inputs_sheet(book, "Inputs", spec, summary);
  book.close();
}

void write_comparison_workbook(const std::filesystem::path& file, const ScenarioSpec& a,
                               const std::vector<models::ReplicationResult>& results_a, const ScenarioSpec& b,
                               const std::vector<models::ReplicationResult>& results_b, std::uint64_t seed,
                               const models::Comparison& comparison) {
  const ScenarioSummary summary_a = models::summarise(a, results_a, seed);
  const ScenarioSummary summary_b = models::summarise(b, results_b, seed);
  Workbook book(file, "icsim comparison: " + b.name + " against " + a.name);
  write_difference_sheet(book, a, b, seed, comparison);
  write_summary_sheet(book, "Summary A", "A: " + a.name + ": results per year", a, summary_a);
  write_summary_sheet(book, "Summary B", "B: " + b.name + ": results per year", b, summary_b);
  write_inputs_sheet(book, "Inputs A", a, summary_a);
  write_inputs_sheet(book, "Inputs B", b, summary_b);
  book.close();
}

void write_plan_workbook(const std::filesystem::path& file, const PlanResults& plan) {
  Workbook book(file, "icsim capacity plan: " + plan.spec.name);
  write_capacity_plan_sheet(book, plan);
  write_trade_off_sheet(book, plan);
  write_plan_inputs_sheet(book, plan);
  book.close();
}

}  // namespace icsim::tools
