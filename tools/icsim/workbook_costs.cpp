#include "workbook_costs.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "commissioning.hpp"

namespace icsim::tools {
namespace {

using engine::Estimate;
using models::ScenarioSpec;

// What a cost sheet shows of a metric: its estimates a year and, in a
// comparison, B - A summed over the projection. No estimates: the metric is
// not there (a budget line without a budget).
struct Figures {
  const std::vector<Estimate>* per_year = nullptr;
  std::optional<Estimate> summed;
};
using FiguresOf = std::function<Figures(const std::string& metric)>;

// What a run's and a comparison's cost sheets differ in: what the three
// columns a year hold, and the columns only one of them has.
struct CostLayout {
  std::array<std::string, 3> lines;     // over the cost lines' year groups
  std::array<std::string, 3> services;  // over each service's cost and idle cost
  std::string summed;                   // "" or the heading of B - A summed
  bool idle_share = false;              // a run's idle cost as a share of the cost
};

struct CostLine {
  std::string metric;
  std::string words;
};

// The area's cost lines: the five settings, which add up to the total; the
// total split by who pays and the part paid for idle capacity; with a
// budget, the budget and the share of it the lines it covers spend.
std::vector<CostLine> cost_lines(const std::optional<models::BudgetSpec>& budget) {
  std::vector<CostLine> lines{{"cost_acute", "Acute beds"},
                              {"cost_ic_beds", "Intermediate care beds"},
                              {"cost_home_ic", "Home-based intermediate care"},
                              {"cost_short_term_care", "Short-term care beds"},
                              {"cost_long_term_care", "Long-term care homes"},
                              {"cost_total", "Total: everything the area pays (the five above)"},
                              {"cost_health", "  paid by the NHS"},
                              {"cost_social_care", "  paid by the council"},
                              {"idle_cost", "  of which paid for capacity nobody used"}};
  if (budget) {
    lines.push_back({"budget", "Budget: " + budget->name});
    lines.push_back({"budget_spent_pct", "  spent of it on " + budget_covers_words(*budget)});
  }
  return lines;
}

// A service's rows: who it is, how it is bought and who pays, and the
// metrics of what it costs.
struct ServiceCosts {
  std::string name, contract, paid_by, cost_metric, idle_cost_metric;
};

ServiceCosts service_costs(const ScenarioSpec& spec, models::ServiceIndex s) {
  const auto& service = spec.services[s];
  return {service.name, contract_words(service), funder_words(service.funder),
          service_metric(spec, s, models::ServiceMeasure::kCost),
          service_metric(spec, s, models::ServiceMeasure::kIdleCost)};
}

// "block", or "A: spot; B: block" where the two differ.
std::string either(const std::string& a, const std::string& b) { return a == b ? a : "A: " + a + "; B: " + b; }

// The services both scenarios have, as each buys them.
std::vector<ServiceCosts> compared_service_costs(const ScenarioSpec& a, const ScenarioSpec& b) {
  std::vector<ServiceCosts> services;
  for (models::ServiceIndex s = 0; s < a.services.size(); ++s) {
    const auto in_b = service_named(b, a.services[s].name);
    if (!in_b) continue;
    ServiceCosts costs = service_costs(a, s);
    const ServiceCosts other = service_costs(b, *in_b);
    costs.contract = either(costs.contract, other.contract);
    costs.paid_by = either(costs.paid_by, other.paid_by);
    services.push_back(std::move(costs));
  }
  return services;
}

constexpr int kFirstValueCol = 4;

// Money in whole pounds (or pence for small sums), its intervals in grey.
std::pair<lxw_format*, lxw_format*> formats_for(Workbook& book, const std::string& unit, double typical) {
  const std::string format = number_format(unit, typical);
  return {book.number(format), book.number(format, true)};
}

// The cost lines, a row each from header_row + 1: words, metric and unit,
// then the three year groups and, in a comparison, B - A summed. Returns
// the first row after them.
int write_cost_lines(Workbook& book, Sheet& sheet, int header_row, const ScenarioSpec& spec,
                     const std::vector<CostLine>& lines, const FiguresOf& figures, const CostLayout& layout) {
  std::map<std::string, std::string> units;
  for (const auto& definition : models::metric_definitions(spec)) units[definition.name] = definition.unit;
  const int years = spec.years;
  const int summed = kFirstValueCol + 3 * years;
  sheet.text(header_row, 0, "Cost line", book.header_left);
  sheet.text(header_row, 1, "icsim metric", book.header_left);
  sheet.text(header_row, 2, "Unit", book.header_left);
  write_year_groups(book, sheet, header_row, kFirstValueCol, spec.start_year, years, layout.lines);
  if (!layout.summed.empty()) {
    sheet.across(header_row - 1, summed, summed + 2, layout.summed, book.block);
    const std::array<std::string, 3> mean_low_high{"mean", "95% low", "95% high"};
    for (int k = 0; k < 3; ++k) sheet.text(header_row, summed + k, mean_low_high[static_cast<std::size_t>(k)], book.header);
  }
  int row = header_row + 1;
  for (const auto& line : lines) {
    const Figures f = figures(line.metric);
    if (f.per_year == nullptr) continue;
    const auto [mean, interval] = formats_for(book, units[line.metric], typical_size(*f.per_year));
    sheet.text(row, 0, line.words);
    sheet.text(row, 1, line.metric);
    sheet.text(row, 2, units[line.metric]);
    write_year_estimates(sheet, row, kFirstValueCol, *f.per_year, mean, interval);
    // Pounds a year add up over the years; a share of the budget does not.
    if (f.summed) sheet.estimate(row, summed, *f.summed, mean, interval);
    ++row;
  }
  return row;
}

// Each service a row a year (and, in a comparison, summed over the
// projection) from header_row + 1: its contract and funder, its cost, the
// part of it paid for capacity nobody used and, for a run, that part's
// share. Returns the first row after them.
int write_service_costs(Workbook& book, Sheet& sheet, int header_row, const ScenarioSpec& spec,
                        const std::vector<ServiceCosts>& services, const FiguresOf& figures, const CostLayout& layout) {
  const std::array<std::string, 4> headers{"Service", "Contract", "Paid by", "Year"};
  for (std::size_t col = 0; col < headers.size(); ++col)
    sheet.text(header_row, static_cast<int>(col), headers[col], col == 3 ? book.header : book.header_left);
  const int cost_col = kFirstValueCol, idle_col = kFirstValueCol + 3, share_col = kFirstValueCol + 6;
  sheet.across(header_row - 1, cost_col, cost_col + 2, "Cost (GBP per year)", book.block);
  sheet.across(header_row - 1, idle_col, idle_col + 2, "Of which idle capacity (GBP per year)", book.block);
  for (int k = 0; k < 3; ++k) {
    sheet.text(header_row, cost_col + k, layout.services[static_cast<std::size_t>(k)], book.header);
    sheet.text(header_row, idle_col + k, layout.services[static_cast<std::size_t>(k)], book.header);
  }
  if (layout.idle_share) sheet.text(header_row, share_col, "Idle share (%)", book.header);
  lxw_format* percent = book.number("0.0");
  const std::string projection =
      std::to_string(spec.start_year) + "–" + std::to_string(spec.start_year + spec.years - 1);
  int row = header_row + 1;
  for (const auto& service : services) {
    const Figures cost = figures(service.cost_metric), idle = figures(service.idle_cost_metric);
    if (cost.per_year == nullptr || idle.per_year == nullptr) continue;
    const auto [mean, interval] = formats_for(book, "GBP per year", typical_size(*cost.per_year));
    const auto who = [&](int at) {
      sheet.text(at, 0, service.name);
      sheet.text(at, 1, service.contract);
      sheet.text(at, 2, service.paid_by);
    };
    for (int y = 0; y < spec.years; ++y, ++row) {
      const auto i = static_cast<std::size_t>(y);
      const Estimate &c = (*cost.per_year)[i], &d = (*idle.per_year)[i];
      who(row);
      sheet.number(row, 3, spec.start_year + y, book.plain);
      sheet.estimate(row, cost_col, c, mean, interval);
      sheet.estimate(row, idle_col, d, mean, interval);
      if (layout.idle_share && c.mean > 0) sheet.number(row, share_col, 100.0 * d.mean / c.mean, percent);
    }
    if (cost.summed && idle.summed) {
      who(row);
      sheet.text(row, 3, projection);
      sheet.estimate(row, cost_col, *cost.summed, mean, interval);
      sheet.estimate(row, idle_col, *idle.summed, mean, interval);
      ++row;
    }
  }
  return row;
}

// Both tables, one under the other, and what they mean.
void write_cost_tables(Workbook& book, Sheet& sheet, const ScenarioSpec& spec, const std::vector<ServiceCosts>& services,
                       const FiguresOf& figures, const CostLayout& layout) {
  constexpr int kLinesHeaderRow = 5;
  sheet.text(kLinesHeaderRow - 2, 0, "What the area pays, line by line", book.section);
  const int after_lines =
      write_cost_lines(book, sheet, kLinesHeaderRow, spec, cost_lines(spec.costs.budget), figures, layout);
  const int services_header_row = after_lines + 3;
  sheet.text(services_header_row - 2, 0, "What each service costs, under its contract", book.section);
  const int after_services = write_service_costs(book, sheet, services_header_row, spec, services, figures, layout);
  sheet.text(after_services + 1, 0,
             "A block contract pays for its capacity whether used or not (from the date it changes); a spot purchase "
             "for each bed day, care hour or package day used; a block with spot above pays the block whole and the "
             "use above it. The idle part is what the block paid for places nobody used. The five settings add up "
             "to the total, and so do the NHS's and the council's parts. Every metric is defined in icsim's "
             "scenarios/README.md.",
             book.note);
  sheet.width(0, 0, 46);
  sheet.width(1, 1, 24);
  sheet.width(2, 2, 16);
  sheet.width(3, 3, 10);
  sheet.width(kFirstValueCol, kFirstValueCol + 3 * spec.years + 2, 13);
  sheet.freeze(kLinesHeaderRow + 1, 1, kLinesHeaderRow - 1);
}

}  // namespace

void write_costs_sheet(Workbook& book, const ScenarioSpec& spec, const models::ScenarioSummary& summary) {
  Sheet sheet(book, "Costs");
  sheet.text(0, 0, spec.name + ": what the area pays", book.title);
  sheet.text(1, 0,
             "Per calendar year: the mean across " + std::to_string(summary.replications) + " replications with seed " +
                 std::to_string(summary.seed) + ", and its 95% interval (Student t); each year in its own prices.",
             book.subtitle);
  const FiguresOf figures = [&](const std::string& metric) {
    for (std::size_t m = 0; m < summary.metrics.size(); ++m)
      if (summary.metrics[m].name == metric) return Figures{&summary.values[m], std::nullopt};
    return Figures{};
  };
  std::vector<ServiceCosts> services;
  for (models::ServiceIndex s = 0; s < spec.services.size(); ++s) services.push_back(service_costs(spec, s));
  write_cost_tables(book, sheet, spec, services, figures,
                    {{"Mean", "95% interval: low", "95% interval: high"}, {"Mean", "95% low", "95% high"}, "", true});
}

void write_cost_difference_sheet(Workbook& book, const ScenarioSpec& a, const ScenarioSpec& b, std::uint64_t seed,
                                 const models::Comparison& comparison) {
  Sheet sheet(book, "Cost difference");
  sheet.text(0, 0, "B − A in what the area pays: " + b.name + " against " + a.name, book.title);
  sheet.text(1, 0,
             std::to_string(comparison.replications) + " paired replications with seed " + std::to_string(seed) +
                 " (common random numbers), as on the sheet Difference: 95% intervals (Student t) of the paired "
                 "differences, a year and summed over the projection.",
             book.subtitle);
  sheet.text(2, 0, "A: " + a.name + " (" + a.file + ");   B: " + b.name + " (" + b.file + ")", book.note);
  const FiguresOf figures = [&](const std::string& metric) {
    for (const auto& m : comparison.metrics)
      if (m.name == metric)
        return Figures{&m.difference, m.adds_up ? std::optional<Estimate>(m.cumulative_difference.back()) : std::nullopt};
    return Figures{};
  };
  const std::string first = std::to_string(a.start_year), last = std::to_string(a.start_year + a.years - 1);
  write_cost_tables(book, sheet, a, compared_service_costs(a, b), figures,
                    {{"B − A", "B − A: 95% interval, low", "B − A: 95% interval, high"},
                     {"B − A", "95% low", "95% high"},
                     "B − A summed " + first + "–" + last,
                     false});
}

}  // namespace icsim::tools
