// results.xlsx for icsim plan: the sheets Capacity plan and Trade-off, and
// the plan's rows on the Inputs sheet.

#include "workbook_plan.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "workbook.hpp"
#include "workbook_inputs.hpp"

namespace icsim::tools {
namespace {

using models::ServiceSpec;

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

void write_plan_workbook(const std::filesystem::path& file, const PlanResults& plan) {
  Workbook book(file, "icsim capacity plan: " + plan.spec.name);
  write_capacity_plan_sheet(book, plan);
  write_trade_off_sheet(book, plan);
  write_plan_inputs_sheet(book, plan);
  book.close();
}

}  // namespace icsim::tools
