// results.xlsx for icsim run and icsim compare: the sheets Summary, BCF
// metrics, Capacity and demand and Difference; with places, By place, Places
// (tidy) and Difference by place; and the run's rows on the Inputs sheet.

#include "workbook_writer.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "workbook.hpp"
#include "workbook_costs.hpp"
#include "workbook_inputs.hpp"

namespace icsim::tools {
namespace {

using engine::Estimate;
using models::Metric;
using models::ScenarioSpec;
using models::ScenarioSummary;
using models::ServiceSpec;

std::string replications_text(const ScenarioSummary& summary) {
  return std::to_string(summary.replications) + " replications with seed " + std::to_string(summary.seed);
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

// The BCF metrics by planning year and their official definitions (the BCF
// policy frameworks 2021-22 to 2025-26; ASCOF and NHSOF: docs/sources.md).
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

// ---- By place: each place, hospital and board, a row a year, its key
// metrics side by side. Only for a scenario with places or hospitals of its
// own: without them the one place and the one hospital are the area.

struct PartMetric {
  Metric metric;
  const char* words;  // for a commissioner
};

const std::array<PartMetric, 16> kPartMetrics{{
    {Metric::kAdmissions, "Emergency admissions"},
    {Metric::kStepUpDiversions, "Admissions avoided by step-up"},
    {Metric::kAcuteBedDays, "Acute bed days"},
    {Metric::kNctrBedDays, "Delayed (NCTR) bed days"},
    {Metric::kMeanWaitDaysP1, "Wait in hospital for pathway 1: home with support"},
    {Metric::kMeanWaitDaysP2, "Wait in hospital for pathway 2: bed-based care"},
    {Metric::kMeanWaitDaysP3, "Wait in hospital for pathway 3: care-home assessment"},
    {Metric::kIcBedDays, "Intermediate care bed days"},
    {Metric::kHomeIcCareHours, "Home-based intermediate care hours"},
    {Metric::kShortTermCareBedDays, "Short-term care bed days"},
    {Metric::kAtHome91dPct, "Still at home 91 days after reablement or rehabilitation, 65+"},
    {Metric::kCareHomeAdmissions65PlusPer100k, "Permanent care-home admissions, 65+"},
    {Metric::kMutualAidPlacements, "Placed in a neighbour's service (mutual aid)"},
    {Metric::kCostIntermediateCare, "Cost of intermediate care"},
    {Metric::kCostTotal, "Total cost"},
    {Metric::kIdleCost, "Of the total, paid for capacity nobody used"},
}};

bool has_mutual_aid(const ScenarioSpec& spec) {
  return std::any_of(spec.services.begin(), spec.services.end(),
                     [](const ServiceSpec& service) { return service.mutual_aid.has_value(); });
}

// The key metrics the parts show: mutual aid only where a service gives it.
std::vector<PartMetric> part_metrics(bool mutual_aid) {
  std::vector<PartMetric> chosen;
  for (const auto& m : kPartMetrics)
    if (m.metric != Metric::kMutualAidPlacements || mutual_aid) chosen.push_back(m);
  return chosen;
}

// The heading over a level's parts, in words.
std::string level_heading(models::AreaPart::Level level) {
  const std::string_view name = models::level_name(level);
  if (name == "place") return "Places";
  if (name == "hospital") return "Hospitals (acute trusts)";
  if (name == "board") return "Health and wellbeing boards";
  if (name == "icp") return "Integrated care partnerships";
  return std::string(name) + "s";
}

// A part's row for a metric, by name: its metrics differ by the services it owns.
template <class Named>
std::optional<std::size_t> find_named(const std::vector<Named>& metrics, const std::string& name) {
  for (std::size_t k = 0; k < metrics.size(); ++k)
    if (metrics[k].name == name) return k;
  return std::nullopt;
}

// One part's numbers for the parts table: per key metric, its estimates per
// year (nullptr where the part has no such metric) and, when summed, the
// estimate over the projection.
struct PartRows {
  const models::AreaPart* part = nullptr;
  std::vector<const std::vector<Estimate>*> values;  // per key metric
  std::vector<std::optional<Estimate>> summed;       // per key metric; empty: no summed row
};

// The table of By place and Difference by place: a section per level, a row
// per part and year (and one summed over the projection, where given), and
// per key metric three columns: `labels` (the estimate, 95% low, 95% high).
void write_parts_table(Workbook& book, Sheet& sheet, const ScenarioSpec& spec, const std::vector<PartMetric>& chosen,
                       const std::vector<PartRows>& parts, const std::array<std::string, 3>& labels) {
  constexpr int kNameRow = 3, kBlockRow = 4, kHeaderRow = 5, kFirstRow = 6, kFirstValueCol = 2;
  const auto definitions = models::metric_definitions(spec);
  const int last_col = kFirstValueCol + 3 * static_cast<int>(chosen.size()) - 1;
  const std::string first = std::to_string(spec.start_year), last = std::to_string(spec.start_year + spec.years - 1);
  sheet.text(kHeaderRow, 0, "Place, hospital or board", book.header_left);
  sheet.text(kHeaderRow, 1, "Year", book.header);
  std::vector<lxw_format*> means, intervals;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    const auto& definition = definitions[models::index(chosen[i].metric)];
    const int col = kFirstValueCol + 3 * static_cast<int>(i);
    sheet.across(kNameRow, col, col + 2, definition.name, book.note);
    sheet.across(kBlockRow, col, col + 2, std::string(chosen[i].words) + " (" + definition.unit + ")", book.block);
    for (int k = 0; k < 3; ++k) sheet.text(kHeaderRow, col + k, labels[static_cast<std::size_t>(k)], book.header);
    double typical = 0.0;
    for (const auto& part : parts)
      if (part.values[i] != nullptr) typical = std::max(typical, typical_size(*part.values[i]));
    means.push_back(book.number(number_format(definition.unit, typical)));
    intervals.push_back(book.number(number_format(definition.unit, typical), true));
  }
  sheet.height(kBlockRow, 45);
  sheet.height(kHeaderRow, 30);

  int row = kFirstRow;
  std::vector<std::string> names;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    const models::AreaPart& part = *parts[p].part;
    if (p == 0 || parts[p - 1].part->level != part.level) {
      sheet.across(row, 0, last_col, level_heading(part.level), book.section);
      ++row;
    }
    names.push_back(part.name);
    for (int y = 0; y < spec.years; ++y, ++row) {
      sheet.text(row, 0, part.name);
      sheet.number(row, 1, spec.start_year + y, book.plain);
      for (std::size_t i = 0; i < chosen.size(); ++i)
        if (parts[p].values[i] != nullptr)
          sheet.estimate(row, kFirstValueCol + 3 * static_cast<int>(i),
                         (*parts[p].values[i])[static_cast<std::size_t>(y)], means[i], intervals[i]);
    }
    if (!parts[p].summed.empty()) {
      sheet.text(row, 0, part.name);
      sheet.text(row, 1, first + "–" + last);
      for (std::size_t i = 0; i < chosen.size(); ++i)
        if (parts[p].summed[i]) sheet.estimate(row, kFirstValueCol + 3 * static_cast<int>(i), *parts[p].summed[i],
                                               means[i], intervals[i]);
      ++row;
    }
  }
  sheet.text(row + 1, 0,
             "A place counts its residents, wherever they were cared for; a hospital the patients admitted to it (rates "
             "per 100,000 of its catchment); a board the residents of its places. Each metric's name in icsim (grey, "
             "above it) is defined in scenarios/README.md.",
             book.note);
  sheet.width(0, 0, longest(names, 16, 48));
  sheet.width(1, 1, parts.empty() || parts.front().summed.empty() ? 6 : 10);
  sheet.width(kFirstValueCol, last_col, 11);
  sheet.freeze(kFirstRow, kFirstValueCol, kNameRow);
}

void write_by_place_sheet(Workbook& book, const ScenarioSpec& spec, const ScenarioSummary& summary) {
  Sheet sheet(book, "By place");
  const auto chosen = part_metrics(has_mutual_aid(spec));
  const auto definitions = models::metric_definitions(spec);
  std::vector<PartRows> parts;
  for (const auto& part : summary.parts) {
    PartRows rows{&part.part, {}, {}};
    for (const auto& m : chosen) {
      const auto k = find_named(part.metrics, definitions[models::index(m.metric)].name);
      rows.values.push_back(k ? &part.values[*k] : nullptr);
    }
    parts.push_back(std::move(rows));
  }
  sheet.text(0, 0, spec.name + ": by place, hospital and board", book.title);
  sheet.text(1, 0,
             "Per calendar year: the mean across " + replications_text(summary) +
                 ", and its 95% interval (Student t). Every metric of every part, and its own services' measures, "
                 "are on the sheet Places (tidy).",
             book.subtitle);
  write_parts_table(book, sheet, spec, chosen, parts, {"Mean", "95% low", "95% high"});
}

// ---- Places (tidy): places.csv as a table, one row per part, year and
// metric, for an analyst to filter and pivot.

void write_places_tidy_sheet(Workbook& book, const ScenarioSpec& spec, const ScenarioSummary& summary) {
  Sheet sheet(book, "Places (tidy)");
  const std::vector<std::string> headers{"level", "id",   "name",     "year",     "metric",
                                         "unit",  "mean", "ci95_low", "ci95_high"};
  int row = 1;
  std::vector<std::string> names, metrics, units;
  for (const auto& part : summary.parts) {
    const std::string level(models::level_name(part.part.level));
    names.push_back(part.part.name);
    std::vector<lxw_format*> means, intervals;
    for (std::size_t m = 0; m < part.metrics.size(); ++m) {
      const std::string format = number_format(part.metrics[m].unit, typical_size(part.values[m]));
      means.push_back(book.number(format));
      intervals.push_back(book.number(format, true));
      metrics.push_back(part.metrics[m].name);
      units.push_back(part.metrics[m].unit);
    }
    for (int y = 0; y < spec.years; ++y) {
      for (std::size_t m = 0; m < part.metrics.size(); ++m, ++row) {
        const Estimate& e = part.values[m][static_cast<std::size_t>(y)];
        sheet.text(row, 0, level);
        sheet.text(row, 1, part.part.id);
        sheet.text(row, 2, part.part.name);
        sheet.number(row, 3, spec.start_year + y, book.plain);
        sheet.text(row, 4, part.metrics[m].name);
        sheet.text(row, 5, part.metrics[m].unit);
        sheet.number(row, 6, e.mean, means[m]);
        sheet.number(row, 7, e.low(), intervals[m]);
        sheet.number(row, 8, e.high(), intervals[m]);
      }
    }
  }
  sheet.table(0, 0, std::max(row - 1, 1), "places", headers);
  sheet.width(0, 1, 12);
  sheet.width(2, 2, longest(names, 10, 40));
  sheet.width(3, 3, 8);
  sheet.width(4, 4, longest(metrics, 12, 44));
  sheet.width(5, 5, longest(units, 8, 32));
  sheet.width(6, 8, 14);
  sheet.freeze(1, 0, 0);
}

// A run's Inputs sheet: its replications and events.
void write_run_inputs_sheet(Workbook& book, const std::string& name, const ScenarioSpec& spec,
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
    if (c.adds_up) sheet.estimate(row, summed, c.cumulative_difference.back(), mean, interval);
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

// ---- Difference by place: B - A per year for each part both scenarios
// have, paired like the area's, and summed over the projection for counts
// and costs.

void write_difference_by_place_sheet(Workbook& book, const ScenarioSpec& a, const ScenarioSpec& b, std::uint64_t seed,
                                     const models::Comparison& comparison) {
  Sheet sheet(book, "Difference by place");
  const auto chosen = part_metrics(has_mutual_aid(a) || has_mutual_aid(b));
  const auto definitions = models::metric_definitions(a);
  std::vector<PartRows> parts;
  for (const auto& part : comparison.parts) {
    PartRows rows{&part.part, {}, {}};
    for (const auto& m : chosen) {
      const auto k = find_named(part.metrics, definitions[models::index(m.metric)].name);
      rows.values.push_back(k ? &part.metrics[*k].difference : nullptr);
      rows.summed.push_back(k && part.metrics[*k].adds_up
                                ? std::optional<Estimate>(part.metrics[*k].cumulative_difference.back())
                                : std::nullopt);
    }
    parts.push_back(std::move(rows));
  }
  sheet.text(0, 0, "B − A by place, hospital and board: " + b.name + " against " + a.name, book.title);
  sheet.text(1, 0,
             std::to_string(comparison.replications) + " paired replications with seed " + std::to_string(seed) +
                 " (common random numbers), as on the sheet Difference: 95% intervals (Student t) of the paired "
                 "differences. The places, hospitals and boards both scenarios have; counts and costs also summed "
                 "over the projection.",
             book.subtitle);
  sheet.text(2, 0, "A: " + a.name + " (" + a.file + ");   B: " + b.name + " (" + b.file + ")", book.note);
  write_parts_table(book, sheet, a, chosen, parts, {"B − A", "95% low", "95% high"});
}

}  // namespace

void write_results_workbook(const std::filesystem::path& file, const ScenarioSpec& spec,
                            const ScenarioSummary& summary) {
  Workbook book(file, "icsim results: " + spec.name);
  write_summary_sheet(book, "Summary", spec.name + ": results per year", spec, summary);
  write_costs_sheet(book, spec, summary);
  if (models::has_places_or_hospitals(spec)) write_by_place_sheet(book, spec, summary);
  write_bcf_sheet(book, spec, summary);
  write_capacity_and_demand_sheet(book, spec, summary);
  if (models::has_places_or_hospitals(spec)) write_places_tidy_sheet(book, spec, summary);
  write_run_inputs_sheet(book, "Inputs", spec, summary);
  book.close();
}

void write_comparison_workbook(const std::filesystem::path& file, const ScenarioSpec& a,
                               const ScenarioSummary& summary_a, const ScenarioSpec& b,
                               const ScenarioSummary& summary_b, std::uint64_t seed,
                               const models::Comparison& comparison) {
  Workbook book(file, "icsim comparison: " + b.name + " against " + a.name);
  write_difference_sheet(book, a, b, seed, comparison);
  write_cost_difference_sheet(book, a, b, seed, comparison);
  if (models::has_places_or_hospitals(a) && models::has_places_or_hospitals(b) && !comparison.parts.empty())
    write_difference_by_place_sheet(book, a, b, seed, comparison);
  write_summary_sheet(book, "Summary A", "A: " + a.name + ": results per year", a, summary_a);
  write_summary_sheet(book, "Summary B", "B: " + b.name + ": results per year", b, summary_b);
  write_run_inputs_sheet(book, "Inputs A", a, summary_a);
  write_run_inputs_sheet(book, "Inputs B", b, summary_b);
  book.close();
}

}  // namespace icsim::tools
