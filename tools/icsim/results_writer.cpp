#include "results_writer.hpp"

#include "atomic_file.hpp"
#include "commissioning.hpp"
#include "csv_field.hpp"
#include "csv_number.hpp"
#include "readable_number.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include <icsim/models/keeping_up.hpp>

namespace icsim::tools {

namespace {

// {NAME: {"unit", "per_year": [{"year", "mean", "ci95_low", "ci95_high"}]}} for every metric.
nlohmann::ordered_json metrics_json(const models::ScenarioSpec& spec, const std::vector<models::MetricDefinition>& metrics,
                                    const std::vector<std::vector<engine::Estimate>>& values) {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    nlohmann::ordered_json per_year = nlohmann::ordered_json::array();
    for (int y = 0; y < spec.years; ++y) {
      const auto& e = values[m][static_cast<std::size_t>(y)];
      per_year.push_back({{"year", spec.start_year + y}, {"mean", e.mean}, {"ci95_low", e.low()}, {"ci95_high", e.high()}});
    }
    json[metrics[m].name] = {{"unit", metrics[m].unit}, {"per_year", per_year}};
  }
  return json;
}

}  // namespace

void write_summary_json(const std::filesystem::path& file, const models::ScenarioSpec& spec,
                        const models::ScenarioSummary& summary) {
  nlohmann::ordered_json json;
  json["icsim_version"] = ICSIM_VERSION;
  json["scenario"] = spec.name;
  json["scenario_file"] = spec.file;
  json["scenario_sha256"] = spec.sha256;
  json["seed"] = summary.seed;
  json["replications"] = summary.replications;
  json["start_year"] = spec.start_year;
  nlohmann::ordered_json years = nlohmann::ordered_json::array();
  for (int y = 0; y < spec.years; ++y) years.push_back(spec.start_year + y);
  json["years"] = years;
  json["events"] = summary.events;
  json["metrics"] = metrics_json(spec, summary.metrics, summary.values);
  // Each place, hospital, board and ICP in the area's shape: {id: {"name", "metrics"}}.
  for (const auto level : models::kAreaPartLevels) {
    nlohmann::ordered_json parts = nlohmann::ordered_json::object();
    for (const auto& part : summary.parts)
      if (part.part.level == level)
        parts[part.part.id] = {{"name", part.part.name}, {"metrics", metrics_json(spec, part.metrics, part.values)}};
    json[std::string(models::level_name(level)) + "s"] = parts;
  }
  // Each service that cannot keep up: its figures are not a steady state.
  nlohmann::ordered_json warnings = nlohmann::ordered_json::array();
  for (const auto& b : models::services_falling_behind(spec, summary))
    warnings.push_back({{"service", b.service},
                        {"from_year", b.from_year},
                        {"times_capacity", b.times_capacity},
                        {"queue_growth_per_day", b.queue_growth_per_day},
                        {"message", b.sentence()}});
  json["warnings"] = warnings;
  write_file_atomically(file, json.dump(2) + "\n");
}

void write_yearly_csv(const std::filesystem::path& file, const models::ScenarioSpec& spec,
                      const models::ScenarioSummary& summary) {
  std::string text = "year,metric,unit,mean,ci95_low,ci95_high\n";
  for (int y = 0; y < spec.years; ++y) {
    for (std::size_t m = 0; m < summary.metrics.size(); ++m) {
      const auto& e = summary.values[m][static_cast<std::size_t>(y)];
      text += std::to_string(spec.start_year + y) + "," + csv_field(summary.metrics[m].name) + "," +
              csv_field(summary.metrics[m].unit);
      append_numbers(text, e.mean, e.low(), e.high(), 17);
    }
  }
  write_file_atomically(file, text);
}

void write_replications_csv(const std::filesystem::path& file, const models::ScenarioSpec& spec,
                            const models::ScenarioSummary& summary, const std::vector<models::ReplicationResult>& results) {
  std::string text = "replication,year,metric,unit,value\n";
  for (std::size_t r = 0; r < results.size(); ++r)
    for (int y = 0; y < spec.years; ++y)
      for (std::size_t m = 0; m < summary.metrics.size(); ++m) {
        text += std::to_string(r) + "," + std::to_string(spec.start_year + y) + "," +
                csv_field(summary.metrics[m].name) + "," + csv_field(summary.metrics[m].unit) + ",";
        append_number(text, results[r].values[m][static_cast<std::size_t>(y)], 17);
        text += '\n';
      }
  write_file_atomically(file, text);
}

void write_paired_replications_csv(const std::filesystem::path& file, const models::ScenarioSpec& a,
                                   const std::vector<models::ReplicationResult>& results_a,
                                   const models::ScenarioSpec& b,
                                   const std::vector<models::ReplicationResult>& results_b) {
  const auto metrics_a = models::metric_definitions(a), metrics_b = models::metric_definitions(b);
  std::map<std::string, std::size_t> index_b;
  for (std::size_t m = 0; m < metrics_b.size(); ++m) index_b[metrics_b[m].name] = m;
  std::string text = "replication,year,metric,unit,a,b,difference\n";
  for (std::size_t r = 0; r < results_a.size() && r < results_b.size(); ++r)
    for (int y = 0; y < a.years; ++y)
      for (std::size_t ma = 0; ma < metrics_a.size(); ++ma) {
        const auto found = index_b.find(metrics_a[ma].name);
        if (found == index_b.end()) continue;
        const double va = results_a[r].values[ma][static_cast<std::size_t>(y)];
        const double vb = results_b[r].values[found->second][static_cast<std::size_t>(y)];
        text += std::to_string(r) + "," + std::to_string(a.start_year + y) + "," + csv_field(metrics_a[ma].name) +
                "," + csv_field(metrics_a[ma].unit);
        append_numbers(text, va, vb, vb - va, 17);
      }
  write_file_atomically(file, text);
}

void write_parts_csv(const std::filesystem::path& file, const models::ScenarioSpec& spec,
                     const models::ScenarioSummary& summary) {
  std::string text = "level,id,name,year,metric,unit,mean,ci95_low,ci95_high\n";
  for (const auto& part : summary.parts) {
    const std::string who = std::string(models::level_name(part.part.level)) + "," + csv_field(part.part.id) + "," +
                            csv_field(part.part.name) + ",";
    for (int y = 0; y < spec.years; ++y) {
      for (std::size_t m = 0; m < part.metrics.size(); ++m) {
        const auto& e = part.values[m][static_cast<std::size_t>(y)];
        text += who + std::to_string(spec.start_year + y) + "," + csv_field(part.metrics[m].name) + "," +
                csv_field(part.metrics[m].unit);
        append_numbers(text, e.mean, e.low(), e.high(), 17);
      }
    }
  }
  write_file_atomically(file, text);
}

void write_daily_csv(const std::filesystem::path& file, const models::ScenarioSpec& spec,
                     const models::ScenarioSummary& summary) {
  using namespace std::chrono;
  const sys_days first = year{spec.start_year} / January / 1;
  std::string text = "date,series,unit,mean,ci95_low,ci95_high\n";
  char row[160];
  const std::size_t days = summary.daily.empty() ? 0 : summary.daily.front().size();
  std::vector<std::string> series;  // "name,unit", quoted once, not on every day
  for (const auto& s : summary.daily_series) series.push_back(csv_field(s.name) + "," + csv_field(s.unit));
  text.reserve(days * series.size() * 64);
  for (std::size_t d = 0; d < days; ++d) {
    const year_month_day date{first + std::chrono::days{static_cast<int>(d)}};
    std::snprintf(row, sizeof row, "%04d-%02u-%02u,", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()));
    const std::string day = row;
    for (std::size_t s = 0; s < summary.daily.size(); ++s) {
      const auto& e = summary.daily[s][d];
      text += day;
      text += series[s];
      append_numbers(text, e.mean, e.low(), e.high(), 10);
    }
  }
  write_file_atomically(file, text);
}

namespace {

// "1,234 ± 56", or the value alone from one replication, which has no interval.
template <class Estimate>
std::string with_interval(const Estimate& e, int replications) {
  return replications < 2 ? readable(e.mean) : readable(e.mean) + " ± " + readable(e.half_width);
}


// What the area pays in the last projected year, set apart from the long
// table: the total and who pays it, the part paid for capacity nobody used,
// and with a budget the share of it the lines it covers spend.
void print_what_the_area_pays(std::FILE* out, const models::ScenarioSpec& spec, const models::ScenarioSummary& summary) {
  std::vector<std::pair<std::string, std::string>> lines{
      {"cost_total", "everything the area pays"},
      {"cost_health", "  the NHS's part"},
      {"cost_social_care", "  the council's part"},
      {"idle_cost", "  paid for capacity nobody used"}};
  if (const auto& budget = spec.costs.budget) {
    lines.emplace_back("budget", budget->name + ", for " + budget_covers_words(*budget));
    lines.emplace_back("budget_spent_pct", "  spent of it");
  }
  const auto last = static_cast<std::size_t>(spec.years - 1);
  std::fprintf(out, "\nWhat the area pays in %d, %s\n", spec.start_year + spec.years - 1,
               summary.replications < 2 ? "one replication (no interval)" : "mean ± the half-width of its 95% interval");
  for (const auto& line : lines) {
    const std::string& metric = line.first;  // a name, not a binding: lambdas capture it (clang 14)
    const std::string& words = line.second;
    const auto m = std::find_if(summary.metrics.begin(), summary.metrics.end(),
                                [&](const models::MetricDefinition& d) { return d.name == metric; });
    if (m == summary.metrics.end()) continue;
    const auto& e = summary.values[static_cast<std::size_t>(m - summary.metrics.begin())][last];
    const bool percent = metric == "budget_spent_pct";
    const std::string cell = (percent ? readable(e.mean) + "%" : "£" + readable(e.mean)) +
                             (e.half_width > 0.0 ? " ± " + readable(e.half_width) : "");
    std::fprintf(out, "  %-58s %26s\n", (words + " (" + metric + ")").c_str(), cell.c_str());
  }
}

}  // namespace

void print_summary_table(std::FILE* out, const models::ScenarioSpec& spec, const models::ScenarioSummary& summary) {
  std::fprintf(out, "%s: %d replication%s, seed %llu, %llu events\n", spec.name.c_str(), summary.replications,
               summary.replications == 1 ? "" : "s", static_cast<unsigned long long>(summary.seed),
               static_cast<unsigned long long>(summary.events));
  std::fprintf(out, "%s\n\n%-38s",
               summary.replications < 2
                   ? "One replication's figures per year: no interval (it takes two or more replications)."
                   : "Mean per year ± the half-width of its 95% interval.",
               "metric");
  for (int y = 0; y < spec.years; ++y) std::fprintf(out, " %22d", spec.start_year + y);
  std::fprintf(out, "\n");
  for (std::size_t m = 0; m < summary.metrics.size(); ++m) {
    std::fprintf(out, "%-38s", summary.metrics[m].name.c_str());
    for (int y = 0; y < spec.years; ++y) {
      const auto& e = summary.values[m][static_cast<std::size_t>(y)];
      std::fprintf(out, " %22s", with_interval(e, summary.replications).c_str());
    }
    std::fprintf(out, "\n");
  }
  print_what_the_area_pays(out, spec, summary);
}

namespace {

// What the tables by place show: demand, delay, the waits, beds and cost.
const std::vector<std::string> kPartHeadlines{"admissions",        "nctr_bed_days",     "mean_wait_days_p1",
                                              "mean_wait_days_p2", "mean_wait_days_p3", "ic_bed_days",
                                              "cost_total"};

void print_part_header(std::FILE* out, const std::string& title) {
  std::fprintf(out, "\n%s\n%-30s", title.c_str(), "");
  for (const auto& name : kPartHeadlines) std::fprintf(out, " %20s", name.c_str());
  std::fprintf(out, "\n");
}

template <class Cell>
void print_part_rows(std::FILE* out, const std::string& label, const std::vector<std::string>& names, Cell cell) {
  std::fprintf(out, "%-30s", label.substr(0, 30).c_str());
  for (const auto& headline : kPartHeadlines) {
    const auto it = std::find(names.begin(), names.end(), headline);
    std::fprintf(out, " %20s", it == names.end() ? "" : cell(static_cast<std::size_t>(it - names.begin())).c_str());
  }
  std::fprintf(out, "\n");
}

}  // namespace

void print_parts_table(std::FILE* out, const models::ScenarioSpec& spec, const models::ScenarioSummary& summary) {
  if (!models::has_places_or_hospitals(spec)) return;
  std::vector<int> years{0};
  if (spec.years > 1) years.push_back(spec.years - 1);
  for (const int y : years) {
    print_part_header(out, "By place, hospital, board and ICP, " + std::to_string(spec.start_year + y) +
                               (summary.replications < 2 ? ": one replication, no interval"
                                                         : ": mean ± the half-width of its 95% interval"));
    for (const auto& part : summary.parts) {
      std::vector<std::string> names;
      for (const auto& m : part.metrics) names.push_back(m.name);
      print_part_rows(out, std::string(models::level_name(part.part.level)) + " " + part.part.name, names,
                      [&](std::size_t m) {
                        const auto& e = part.values[m][static_cast<std::size_t>(y)];
                        return with_interval(e, summary.replications);
                      });
    }
  }
}

}  // namespace icsim::tools

namespace icsim::tools {

void print_parts_comparison(std::FILE* out, const models::ScenarioSpec& a, const models::Comparison& comparison) {
  if (!models::has_places_or_hospitals(a) || comparison.parts.empty()) return;
  const auto l = static_cast<std::size_t>(a.years - 1);
  print_part_header(out, "By place, hospital, board and ICP, " + std::to_string(a.start_year + a.years - 1) +
                             ": B - A [95% interval]");
  for (const auto& part : comparison.parts) {
    std::vector<std::string> names;
    for (const auto& m : part.metrics) names.push_back(m.name);
    print_part_rows(out, std::string(models::level_name(part.part.level)) + " " + part.part.name, names,
                    [&](std::size_t m) {
                      const auto& d = part.metrics[m].difference[l];
                      return readable(d.mean) + " [" + readable(d.low()) + ", " + readable(d.high()) + "]";
                    });
  }
}

void write_comparison_csv(const std::filesystem::path& file, const models::ScenarioSpec& a,
                          const models::Comparison& comparison) {
  std::string text =
      "year,metric,unit,mean_a,mean_b,difference,difference_ci95_low,difference_ci95_high,"
      "cumulative_difference,cumulative_ci95_low,cumulative_ci95_high\n";
  for (int y = 0; y < a.years; ++y) {
    const auto i = static_cast<std::size_t>(y);
    for (const auto& m : comparison.metrics) {
      const auto &d = m.difference[i], &c = m.cumulative_difference[i];
      text += std::to_string(a.start_year + y) + "," + csv_field(m.name) + "," + csv_field(m.unit);
      for (const double x : {m.a[i].mean, m.b[i].mean, d.mean, d.low(), d.high()}) {
        text += ',';
        append_number(text, x, 17);
      }
      if (m.adds_up)
        append_numbers(text, c.mean, c.low(), c.high(), 17);
      else
        text += ",,,\n";  // a rate, mean or capacity: its years do not add up
    }
  }
  write_file_atomically(file, text);
}

namespace {

// The headline's lines: demand, delay and discharges; what the area pays,
// line by line, with who pays, the idle part and the budget spent; and the
// capacity, cost and idle cost of each service B commissions differently
// (every service's are under "Every metric").
std::set<std::string> headline_metrics(const models::ScenarioSpec& a, const models::ScenarioSpec& b) {
  std::set<std::string> names{"would_be_admissions", "admissions", "step_up_diversions", "acute_bed_days",
                              "nctr_bed_days", "short_term_care_bed_days", "discharges_p1", "discharges_p2",
                              "discharges_p3", "ic_episodes", "cost_acute", "cost_ic_beds", "cost_home_ic",
                              "cost_short_term_care", "cost_intermediate_care", "cost_long_term_care", "cost_total",
                              "cost_health", "cost_social_care", "idle_cost", "budget", "budget_spent_pct"};
  for (const auto& name : changed_services(a, b)) {
    const auto s = service_named(a, name);
    if (!s) continue;  // B's own: not compared
    for (const auto measure : {models::ServiceMeasure::kCapacity, models::ServiceMeasure::kCost,
                               models::ServiceMeasure::kIdleCost})
      names.insert(service_metric(a, *s, measure));
  }
  return names;
}

}  // namespace

void print_comparison(std::FILE* out, const models::ScenarioSpec& a, const models::ScenarioSpec& b,
                      std::uint64_t seed, const models::Comparison& comparison) {
  const int last = a.years - 1;
  const auto l = static_cast<std::size_t>(last);
  const std::string first_year = std::to_string(a.start_year), last_year = std::to_string(a.start_year + last);
  std::fprintf(out, "A: %s\nB: %s\n%d paired replications with seed %llu (common random numbers); 95%% intervals.\n",
               a.name.c_str(), b.name.c_str(), comparison.replications, static_cast<unsigned long long>(seed));
  std::string changed;
  for (const auto& name : changed_services(a, b)) changed += (changed.empty() ? "" : ", ") + name;
  std::fprintf(out, "Services B commissions differently (capacity, contract, price or funder): %s\n\n",
               changed.empty() ? "none" : changed.c_str());

  // The headline: how each scenario moves over the projection, and B against A at its end.
  const auto percent = [](const engine::Estimate& e) {
    if (e.replications == 0) return std::string("n/a");  // no base to compare with
    // A base of nearly nothing (the idle cost of a service that was full)
    // makes thousands of per cent, which say no more than "far more".
    if (std::abs(e.mean) >= 1000.0) return std::string(e.mean > 0 ? ">+999%" : "<-999%");
    char text[64];
    std::snprintf(text, sizeof text, "%+.1f%% ±%.1f", e.mean, e.half_width);
    return std::string(text);
  };
  std::fprintf(out, "Change %s to %s\n%-34s %16s %16s %16s %16s %16s %16s\n", first_year.c_str(), last_year.c_str(),
               "", ("A " + first_year).c_str(), ("A " + last_year).c_str(), "A change", ("B " + last_year).c_str(),
               "B change", ("B vs A " + last_year).c_str());
  const auto headline = headline_metrics(a, b);
  for (const auto& m : comparison.metrics) {
    if (headline.count(m.name) == 0) continue;
    std::fprintf(out, "%-34s %16s %16s %16s %16s %16s %16s\n", m.name.c_str(), readable(m.a.front().mean).c_str(),
                 readable(m.a[l].mean).c_str(), percent(m.change_a_pct).c_str(), readable(m.b[l].mean).c_str(),
                 percent(m.change_b_pct).c_str(), percent(m.last_year_difference_pct).c_str());
  }

  std::fprintf(out, "\nEvery metric\n%-38s %14s %14s %30s %34s\n", "metric", (last_year + " A").c_str(),
               (last_year + " B").c_str(), "B - A [95% interval]", ("B - A summed " + first_year + "-" + last_year).c_str());
  for (const auto& m : comparison.metrics) {
    const auto &d = m.difference[l], &c = m.cumulative_difference[l];
    const std::string year_diff = readable(d.mean) + " [" + readable(d.low()) + ", " + readable(d.high()) + "]";
    const std::string sum_diff =
        m.adds_up ? readable(c.mean) + " [" + readable(c.low()) + ", " + readable(c.high()) + "]" : "-";
    std::fprintf(out, "%-38s %14s %14s %30s %34s\n", m.name.c_str(), readable(m.a[l].mean).c_str(),
                 readable(m.b[l].mean).c_str(), year_diff.c_str(), sum_diff.c_str());
  }
}

// ---- icsim plan

void write_plan_csv(const std::filesystem::path& file, const PlanResults& plan) {
  std::string text =
      "year,service,capacity,false_economy_capacity,capacity_cost,delay_cost,total_cost,metric,metric_mean,"
      "metric_ci95_low,metric_ci95_high,target_met\n";
  const std::string metric = csv_field(plan.plan.target.reported_metric());
  char numbers[512];
  for (const auto& y : plan.years) {
    const auto& r = y.recommended;
    for (std::size_t i = 0; i < plan.plan.services.size(); ++i) {
      std::snprintf(numbers, sizeof numbers, ",%.17g,%.17g,%.17g,%.17g,%.17g,", r.capacity[i],
                    y.false_economy_capacity[i], r.capacity_cost, r.delay_cost.mean, r.total_cost());
      text += std::to_string(plan.calendar_year(y)) + "," + csv_field(plan.service_name(i)) + numbers + metric;
      std::snprintf(numbers, sizeof numbers, ",%.17g,%.17g,%.17g,%s\n", r.metric.mean, r.metric.low(), r.metric.high(),
                    y.target_met ? "yes" : "no");
      text += numbers;
    }
  }
  write_file_atomically(file, text);
}

void write_trade_off_csv(const std::filesystem::path& file, const PlanResults& plan) {
  std::string text = "year,service_varied,capacity,capacity_cost,delay_cost,total_cost,metric_mean\n";
  char numbers[256];
  for (const auto& y : plan.years)
    for (std::size_t i = 0; i < y.trade_off.size(); ++i)
      for (const auto& p : y.trade_off[i]) {
        std::snprintf(numbers, sizeof numbers, ",%.17g,%.17g,%.17g,%.17g,%.17g\n", p.capacity[i], p.capacity_cost,
                      p.delay_cost.mean, p.total_cost(), p.metric.mean);
        text += std::to_string(plan.calendar_year(y)) + "," + csv_field(plan.service_name(i)) + numbers;
      }
  write_file_atomically(file, text);
}

void print_plan(std::FILE* out, const PlanResults& plan) {
  const auto& target = plan.plan.target;
  const std::string metric = target.reported_metric();
  if (target.minimise_cost)
    std::fprintf(out, "Capacity plan for %s (seed %llu)\nTarget: least capacity cost + NCTR days x £%.0f\n\n",
                 plan.spec.name.c_str(), static_cast<unsigned long long>(plan.seed), target.cost_per_nctr_day);
  else
    std::fprintf(out, "Capacity plan for %s (seed %llu)\nTarget: %s at most %g%s\n\n", plan.spec.name.c_str(),
                 static_cast<unsigned long long>(plan.seed), target.metric.c_str(), target.at_most,
                 target.where.empty() ? "" : (" in " + target.where).c_str());
  std::fprintf(out, "%-6s", "year");
  for (std::size_t i = 0; i < plan.plan.services.size(); ++i) std::fprintf(out, " %22s", plan.service_name(i).c_str());
  std::fprintf(out, " %14s %14s %26s\n", "capacity £", "delay £", (metric + " [95%]").c_str());
  for (const auto& y : plan.years) {
    const auto& r = y.recommended;
    std::fprintf(out, "%-6d", plan.calendar_year(y));
    for (double c : r.capacity) std::fprintf(out, " %22g", c);
    char interval[96];
    const char* format = std::abs(r.metric.mean) >= 1000 ? "%.0f [%.0f, %.0f]" : "%.3g [%.3g, %.3g]";
    std::snprintf(interval, sizeof interval, format, r.metric.mean, r.metric.low(), r.metric.high());
    std::fprintf(out, " %14.0f %14.0f %26s\n", r.capacity_cost, r.delay_cost.mean, interval);
  }
  std::fprintf(out, "\n");
  for (const auto& y : plan.years) {
    std::fprintf(out, "%d: %s; %d simulations.\n", plan.calendar_year(y), y.confidence.c_str(), y.evaluations);
    for (std::size_t i = 0; i < plan.plan.services.size(); ++i)
      std::fprintf(out, "  false economy for %s beyond %g: a unit more costs more than the delay it saves\n",
                   plan.service_name(i).c_str(), y.false_economy_capacity[i]);
  }
}

}  // namespace icsim::tools
