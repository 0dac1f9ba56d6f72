#include "report_writer.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include <nlohmann/json.hpp>

#include <icsim/models/keeping_up.hpp>
#include <icsim/models/single_year.hpp>

#include "atomic_file.hpp"
#include "commissioning.hpp"
#include "distribution_text.hpp"
#include "report_assets.hpp"
#include "route_text.hpp"

namespace icsim::tools {
namespace {

using Json = nlohmann::ordered_json;

// ---------------------------------------------------------------------------
// The data: plain numbers and names; report.js turns them into charts.

// Enough digits for a chart; keeps the daily series small.
double significant(double x, int digits) {
  if (!std::isfinite(x) || x == 0.0) return x;
  char text[40];
  std::snprintf(text, sizeof text, "%.*g", digits, x);
  return std::strtod(text, nullptr);
}

std::string number(double x) {
  char text[40];
  std::snprintf(text, sizeof text, "%.4g", x);
  return text;
}

// {"mean": [...], "low": [...], "high": [...]}: a value's mean and 95% interval at each step.
Json estimates(const std::vector<engine::Estimate>& values, int digits = 17, bool with_interval = true) {
  Json mean = Json::array(), low = Json::array(), high = Json::array();
  for (const auto& e : values) {
    mean.push_back(significant(e.mean, digits));
    if (!with_interval) continue;
    low.push_back(significant(e.low(), digits));
    high.push_back(significant(e.high(), digits));
  }
  Json out{{"mean", std::move(mean)}};
  if (with_interval) {
    out["low"] = std::move(low);
    out["high"] = std::move(high);
  }
  return out;
}

Json estimate(const engine::Estimate& e) {
  if (e.replications == 0) return nullptr;  // nothing to compare with
  return {{"mean", e.mean}, {"low", e.low()}, {"high", e.high()}};
}

std::string destination(const models::ScenarioSpec& spec, const models::OutcomeSpec& o) {
  switch (o.destination) {
    case models::Destination::kHomeIndependent: return "home_independent";
    case models::Destination::kHomeWithCare: return "home_with_care";
    case models::Destination::kCareHomeResidential: return "care_home_residential";
    case models::Destination::kCareHomeNursing: return "care_home_nursing";
    case models::Destination::kReadmission: return "readmission";
    case models::Destination::kDeath: return "death";
    case models::Destination::kNextService: return spec.services.at(o.next_service).name;
  }
  return "?";
}


// How the area pays for a service: spot, block, or a block with spot above
// it (its places on the block and the spot price).
Json contract(const models::ContractSpec& c) {
  Json out{{"kind", contract_name(c)}};
  if (c.kind == models::ContractSpec::Kind::kBlockAndSpot) {
    out["block"] = c.block;
    out["spot_price"] = c.spot_price;
  }
  return out;
}

// The budget spend is set against: its name, the lines it covers (as
// covers writes them, and as the metrics that stack to its spend) and the
// amount each year; null without one.
Json budget(const std::optional<models::BudgetSpec>& b) {
  if (!b) return nullptr;
  return {{"name", b->name},
          {"covers", budget_covers(*b)},
          {"covers_words", budget_covers_words(*b)},
          {"cost_metrics", budget_cost_metrics(*b)},
          {"per_year", b->per_year}};
}

// Whom a service serves, by the names of the places and hospitals.
Json owner(const models::ScenarioSpec& spec, const models::ServiceOwner& o) {
  switch (o.kind) {
    case models::ServiceOwner::Kind::kArea: return {{"kind", "area"}};
    case models::ServiceOwner::Kind::kPlaces: {
      const auto places = models::places_of(spec);
      Json names = Json::array();
      for (const models::PlaceIndex p : o.places) names.push_back(places.at(p).name);
      return {{"kind", "places"}, {"places", names}};
    }
    case models::ServiceOwner::Kind::kHospital:
      return {{"kind", "hospital"}, {"hospital", models::hospitals_of(spec).at(o.hospital).name}};
  }
  return nullptr;
}

// Each way a pathway, step-up or bridging leads: the service, the age bands
// that take it (null: every band) and its share where several could.
Json routes(const models::ScenarioSpec& spec, const models::Routes& list) {
  Json out = Json::array();
  for (const models::Route& route : list) {
    Json bands = nullptr;
    if (!route.age_bands.empty()) {
      bands = Json::array();
      for (std::size_t b = 0; b < spec.age_bands.size(); ++b)
        if (route.takes_band(b)) bands.push_back(spec.age_bands[b].name);
    }
    out.push_back({{"service", spec.services.at(route.service).name}, {"age_bands", bands}, {"share", route.share}});
  }
  return out;
}

// Each place's residents and rates by age band, its board and ICP, and the
// hospitals its admissions go to.
Json places(const models::ScenarioSpec& spec) {
  const auto hospitals = models::hospitals_of(spec);
  Json out = Json::array();
  for (const auto& place : spec.places) {
    Json bands = Json::array();
    for (const auto& band : place.age_bands)
      bands.push_back({{"name", band.name},
                       {"population", band.population},
                       {"admissions_per_1000_per_year", band.admissions_per_1000_per_year},
                       {"step_up_share", band.step_up_share},
                       {"pathway_split", band.pathway_split},
                       {"time_to_nctr_days", describe(band.time_to_nctr_days, number)}});
    Json shares = Json::array();
    for (std::size_t h = 0; h < place.hospital_shares.size() && h < hospitals.size(); ++h)
      shares.push_back({{"hospital", hospitals[h].name}, {"share", place.hospital_shares[h]}});
    out.push_back({{"id", place.id},
                   {"name", place.name},
                   {"board", place.board.empty() ? Json(nullptr) : Json(place.board)},
                   {"icp", place.icp.empty() ? Json(nullptr) : Json(place.icp)},
                   {"age_bands", bands},
                   {"hospitals", shares}});
  }
  return out;
}

// The scenario as the model read it, for the report's "inputs and assumptions".
Json inputs(const models::ScenarioSpec& spec) {
  const auto service_name = [&](const models::Routes& routes) -> Json {
    if (routes.empty()) return nullptr;
    return route_names(spec, routes);
  };
  Json bands = Json::array();
  for (const auto& band : spec.age_bands)
    bands.push_back({{"name", band.name},
                     {"aged_65_plus", band.aged_65_plus},
                     {"population", band.population},
                     {"admissions_per_1000_per_year", band.admissions_per_1000_per_year},
                     {"step_up_share", band.step_up_share},
                     {"pathway_split", band.pathway_split},
                     {"time_to_nctr_days", describe(band.time_to_nctr_days, number)}});
  Json services = Json::array();
  for (std::size_t i = 0; i < spec.services.size(); ++i) {
    const auto& s = spec.services[i];
    Json pathway = nullptr;
    for (int p = 1; p < models::kPathways; ++p)
      if (pathway.is_null() && leads_to(spec.pathway_routes[static_cast<std::size_t>(p)], static_cast<models::ServiceIndex>(i)))
        pathway = std::string("P").append(std::to_string(p));  // "P" + ...: GCC 12 -Wrestrict false alarm
    Json outcomes = Json::array();
    for (const auto& o : s.outcomes) outcomes.push_back({{"to", destination(spec, o)}, {"probability", o.probability}});
    Json changes = Json::array();
    for (const auto& c : s.capacity_changes) changes.push_back({{"day", c.day}, {"capacity", c.capacity}});
    const bool home = s.kind == models::ServiceKind::kHomeBased;
    Json service{{"name", s.name},
                 {"kind", home ? "home_based" : "bed_based"},
                 {"pathway", pathway},
                 {"short_term_care", s.short_term_care},
                 {"capacity", s.capacity},
                 {"capacity_unit", models::capacity_unit(s)},
                 {"length_of_stay_days", describe(s.length_of_stay_days, number)},
                 {"queue", s.discipline == engine::QueueDiscipline::kPriority ? "priority" : "fifo"},
                 {"unit_cost", home ? s.cost_per_care_hour : s.cost_per_bed_day},
                 // Concurrent packages are paid by the package-day (the loader keeps it as
                 // the cost of a one-hour package's hour).
                 {"cost_unit", !home ? "bed day" : s.capacity_in_care_hours ? "care hour" : "package day"},
                 {"ring_fenced_for_step_down", s.ring_fenced_for_step_down},
                 {"contract", contract(s.contract)},
                 {"funded_by", funder_name(s.funder)},
                 // The metrics of what it costs, named as metric_definitions names them.
                 {"cost_metric", service_metric(spec, static_cast<models::ServiceIndex>(i), models::ServiceMeasure::kCost)},
                 {"idle_cost_metric",
                  service_metric(spec, static_cast<models::ServiceIndex>(i), models::ServiceMeasure::kIdleCost)},
                 {"outcomes", outcomes},
                 {"capacity_changes", changes},
                 {"owner", owner(spec, s.owner)}};
    if (home && s.capacity_in_care_hours)
      service["package_hours_per_day"] = {{"start", s.package_hours_per_day_start},
                                          {"after", s.package_hours_per_day_after},
                                          {"intensive_days", s.package_intensive_days}};
    services.push_back(std::move(service));
  }
  // Every projected year's settings: growth and phased changes, worked out by the loader.
  Json by_year = Json::array();
  const auto years = models::yearly_settings(spec);
  for (std::size_t y = 0; y < years.size(); ++y) {
    const auto& s = years[y];
    Json nctr = Json::array(), stays = Json::array();
    for (const auto& d : s.time_to_nctr_days) nctr.push_back(d.mean());
    for (const auto& d : s.length_of_stay_days) stays.push_back(d.mean());
    by_year.push_back({{"year", spec.start_year + static_cast<int>(y)},
                       {"population", s.population},
                       {"admissions_per_1000_per_year", s.admissions_per_1000_per_year},
                       {"step_up_share", s.step_up_share},
                       {"pathway_split", s.pathway_split},
                       {"time_to_nctr_mean_days", nctr},
                       {"capacity", s.capacity},
                       {"length_of_stay_mean_days", stays},
                       {"hub_mean_days", models::mean_hub_days(s)},
                       {"discharge_days_per_week", s.discharge_days_per_week}});
  }
  const auto& growth = spec.costs.real_terms_growth_per_year;
  Json out{
      {"start_year", spec.start_year},
      {"years", spec.years},
      {"warmup_days", spec.warmup_days},
      {"age_bands", bands},
      {"day_of_week_profile", spec.day_of_week_profile},
      {"month_profile", spec.month_profile},
      {"fall_share", spec.fall_share},
      {"acsc_share", spec.acsc_share},
      {"acute",
       {{"hub_days", [&] {
          Json hub = Json::array();
          for (std::size_t k = 0; k < models::kPathways; ++k) hub.push_back(describe(models::area_hub_days(spec, k), number));
          return hub;
        }()},
        {"discharge_days_per_week", spec.discharge_days_per_week},
        {"discharge_hours", {spec.discharge_hour_start, spec.discharge_hour_end}}}},
      {"services", services},
      {"pathways",
       {{"P1", service_name(spec.pathway_routes[1])},
        {"P2", service_name(spec.pathway_routes[2])},
        {"P3", service_name(spec.pathway_routes[3])}}},
      {"step_up", !spec.step_up_routes.empty()
                      ? Json{{"service", service_name(spec.step_up_routes)},
                             {"max_wait_hours", spec.step_up_max_wait_hours}}
                      : Json(nullptr)},
      {"bridging", !spec.bridging_routes.empty() && spec.bridging_after_days
                       ? Json{{"service", service_name(spec.bridging_routes)}, {"after_days", *spec.bridging_after_days}}
                       : Json(nullptr)},
      {"deconditioning_per_day_waited", spec.deconditioning_per_day_waited},
      {"readmission_days", spec.readmission_days},
      {"costs",
       {{"acute_bed_day", spec.costs.acute_bed_day},
        {"nctr_bed_day", spec.costs.nctr_bed_day},
        {"care_home_placement_per_week", spec.costs.care_home_placement_per_week},
        {"real_terms_growth_per_year",
         {{"acute", growth.acute},
          {"ic_beds", growth.ic_beds},
          {"home_ic", growth.home_ic},
          {"short_term_care", growth.short_term_care},
          {"long_term_care", growth.long_term_care}}},
        {"budget", budget(spec.costs.budget)}}},
      {"long_term_care",
       {{"residential_stay_days", describe(spec.long_term_care.residential_stay_days, number)},
        {"nursing_stay_days", describe(spec.long_term_care.nursing_stay_days, number)}}},
      {"initial_census", nullptr},
      {"by_year", by_year}};
  // Places and hospitals, and each route on its own where one pathway may
  // lead to several services; the year-by-year figures are by cell, a
  // place's age band (place by place, band by band).
  if (models::has_places_or_hospitals(spec)) {
    out["places"] = places(spec);
    Json hospitals = Json::array();
    for (const auto& h : spec.hospitals) hospitals.push_back({{"id", h.id}, {"name", h.name}});
    out["hospitals"] = hospitals;
    Json cells = Json::array();
    for (const auto& place : models::places_of(spec))
      for (const auto& band : place.age_bands) cells.push_back({{"place", place.name}, {"band", band.name}});
    out["cells"] = cells;
  }
  out["routes"] = {{"P1", routes(spec, spec.pathway_routes[1])},
                   {"P2", routes(spec, spec.pathway_routes[2])},
                   {"P3", routes(spec, spec.pathway_routes[3])},
                   {"step_up", routes(spec, spec.step_up_routes)},
                   {"bridging", routes(spec, spec.bridging_routes)}};
  if (spec.initial_census) {
    const auto& c = *spec.initial_census;
    out["initial_census"] = {{"acute_inpatients", c.acute_inpatients},
                             {"waiting_in_acute", c.waiting_in_acute},
                             {"in_service", c.in_service},
                             {"placements_residential", c.placements_residential},
                             {"placements_nursing", c.placements_nursing}};
  }
  return out;
}

// The day-by-day census of the projection: the acute beds, then each
// service's places in use, people waiting and capacity (referrals are left to
// daily.csv).
Json daily(const models::ScenarioSpec& spec, const models::ScenarioSummary& summary) {
  using models::DailyMeasure, models::ServiceDailyMeasure;
  Json services = Json::array();
  if (summary.daily.empty()) return {{"days", 0}, {"services", services}};
  constexpr int kDigits = 4;
  for (std::size_t s = 0; s < spec.services.size(); ++s)
    services.push_back({{"name", spec.services[s].name},
                        {"unit", models::capacity_unit(spec.services[s])},
                        {"in_use", estimates(summary.daily[models::index(s, ServiceDailyMeasure::kInUse)], kDigits)},
                        {"waiting", estimates(summary.daily[models::index(s, ServiceDailyMeasure::kWaiting)], kDigits)},
                        {"capacity",
                         estimates(summary.daily[models::index(s, ServiceDailyMeasure::kCapacity)], kDigits, false)}});
  return {{"days", summary.daily.front().size()},
          {"acute_inpatients", estimates(summary.daily[models::index(DailyMeasure::kAcuteInpatients)], kDigits)},
          {"nctr_inpatients", estimates(summary.daily[models::index(DailyMeasure::kNctrInpatients)], kDigits)},
          {"services", services}};
}

// {NAME: {"unit", "mean", "low", "high"}}: each metric year by year.
Json metrics(const std::vector<models::MetricDefinition>& definitions,
             const std::vector<std::vector<engine::Estimate>>& values) {
  Json out = Json::object();
  for (std::size_t m = 0; m < definitions.size(); ++m) {
    Json metric{{"unit", definitions[m].unit}};
    metric.update(estimates(values[m]));
    out[definitions[m].name] = std::move(metric);
  }
  return out;
}

// Who a part is, in names: its level ("place", "hospital", "board", "icp"),
// the places whose residents it counts, its hospital and its own services.
Json part(const models::ScenarioSpec& spec, const models::AreaPart& p) {
  const auto places = models::places_of(spec);
  Json place_names = Json::array(), services = Json::array();
  for (const models::PlaceIndex i : p.places) place_names.push_back(places.at(i).name);
  for (const models::ServiceIndex s : p.services) services.push_back(spec.services.at(s).name);
  return {{"level", models::level_name(p.level)},
          {"id", p.id},
          {"name", p.name},
          {"places", place_names},
          {"hospital", p.hospital ? Json(models::hospitals_of(spec).at(*p.hospital).name) : Json(nullptr)},
          {"services", services}};
}

// Each service that cannot keep up (services_falling_behind), for the
// warning at the top of the page: the service, the year, the figures and
// the words after "SERVICE cannot keep up ".
Json falling_behind(const models::ScenarioSpec& spec, const models::ScenarioSummary& summary) {
  Json out = Json::array();
  for (const auto& b : models::services_falling_behind(spec, summary))
    out.push_back({{"service", b.service},
                   {"from_year", b.from_year},
                   {"times_capacity", b.times_capacity},
                   {"queue_growth_per_day", b.queue_growth_per_day},
                   {"why", b.why}});
  return out;
}

Json scenario(const models::ScenarioSpec& spec, const models::ScenarioSummary& summary) {
  Json out{{"name", spec.name},
           {"file", spec.file},
           {"sha256", spec.sha256},
           {"events", summary.events},
           {"warnings", falling_behind(spec, summary)},
           {"metrics", metrics(summary.metrics, summary.values)},
           {"daily", daily(spec, summary)},
           {"inputs", inputs(spec)}};
  // Each place, hospital, board and ICP beside the area, as summary.json has them.
  if (models::has_places_or_hospitals(spec)) {
    Json parts = Json::array();
    for (const auto& p : summary.parts) {
      Json one = part(spec, p.part);
      one["metrics"] = metrics(p.metrics, p.values);
      parts.push_back(std::move(one));
    }
    out["parts"] = std::move(parts);
  }
  return out;
}

// {NAME: {"unit", "difference", "cumulative_difference", ...}}: B - A paired, year by year.
Json differences(const std::vector<models::MetricComparison>& comparisons, int digits = 17) {
  Json out = Json::object();
  for (const auto& m : comparisons) {
    Json metric{{"unit", m.unit}, {"adds_up", m.adds_up}};
    metric["difference"] = estimates(m.difference, digits);
    metric["cumulative_difference"] = estimates(m.cumulative_difference, digits);
    metric["change_a_pct"] = estimate(m.change_a_pct);
    metric["change_b_pct"] = estimate(m.change_b_pct);
    metric["last_year_difference_pct"] = estimate(m.last_year_difference_pct);
    out[m.name] = std::move(metric);
  }
  return out;
}

Json header(const char* kind, const models::ScenarioSpec& spec, std::uint64_t seed, int replications) {
  Json years = Json::array();
  for (int y = 0; y < spec.years; ++y) years.push_back(spec.start_year + y);
  return {{"kind", kind},        {"icsim_version", ICSIM_VERSION}, {"seed", seed},
          {"replications", replications}, {"start_year", spec.start_year}, {"years", years}};
}

// ---------------------------------------------------------------------------
// The page.

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// JSON inside <script>: no '<', '>' or '&' can end the element or start a
// comment; each is written as its \u escape, which JSON.parse reads back.
std::string script_json(const Json& data) {
  const std::string text = data.dump(-1, ' ', false, Json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + text.size() / 64);
  for (char c : text) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c;
    }
  }
  return out;
}

// A library's code inside <script>: "</script" would end the element; in a
// string or a regular expression "<\/script" means the same.
std::string script_code(std::string_view code) {
  std::string out(code);
  for (std::size_t at = 0; (at = out.find("</", at)) != std::string::npos; at += 3) {
    if (out.compare(at + 2, 6, "script") == 0 || out.compare(at + 2, 6, "SCRIPT") == 0) out.replace(at, 2, "<\\/");
  }
  return out;
}

std::string page(const std::string& title, const std::string& subtitle, const Json& data) {
  std::string html;
  html.reserve(2'000'000);
  html += "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"icsim " ICSIM_VERSION "\">\n<title>";
  html += html_escape(title) + " | icsim report</title>\n<style>\n";
  html += report_asset(ReportAsset::kReportStyle);
  html += "</style>\n</head>\n<body>\n<header class=\"masthead\"><div class=\"wrap\">\n"
          "<p class=\"masthead-brand\">icsim &middot; intermediate care capacity</p>\n<h1>";
  html += html_escape(title) + "</h1>\n<p class=\"masthead-sub\">" + html_escape(subtitle) + "</p>\n";
  html += "</div></header>\n<main class=\"wrap\" id=\"report\">\n"
          "<noscript><p class=\"warning\">This report draws its charts and tables with JavaScript, which is "
          "switched off here. The same figures are in summary.json and yearly.csv beside this file.</p></noscript>\n"
          "</main>\n<footer class=\"wrap page-footer\">\n<details class=\"licences\"><summary>Software licences"
          "</summary>\n<p>The charts are drawn by Vega, Vega-Lite and vega-embed, embedded in this file.</p>\n";
  for (const auto& [name, licence] : {std::pair{"Vega", ReportAsset::kVegaLicense},
                                      std::pair{"Vega-Lite", ReportAsset::kVegaLiteLicense},
                                      std::pair{"vega-embed", ReportAsset::kVegaEmbedLicense}}) {
    html += "<h3>";
    html += name;
    html += "</h3>\n<pre>" + html_escape(report_asset(licence)) + "</pre>\n";
  }
  html += "</details>\n</footer>\n<script type=\"application/json\" id=\"icsim-data\">";
  html += script_json(data);
  html += "</script>\n";
  for (const auto asset : {ReportAsset::kVegaScript, ReportAsset::kVegaLiteScript, ReportAsset::kVegaEmbedScript,
                           ReportAsset::kReportScript}) {
    html += "<script>\n" + script_code(report_asset(asset)) + "\n</script>\n";
  }
  html += "</body>\n</html>\n";
  return html;
}

std::string projection(const models::ScenarioSpec& spec, int replications, std::uint64_t seed) {
  return "Projection " + std::to_string(spec.start_year) + "\u2013" + std::to_string(spec.start_year + spec.years - 1) +
         " \u00b7 " + std::to_string(replications) + " replications \u00b7 seed " + std::to_string(seed) +
         " \u00b7 icsim " ICSIM_VERSION;
}

// The plan: what was asked (services, bounds, costs, target) and, for each
// planned year, the answer and each service's trade-off curve.
Json plan_data(const PlanResults& plan) {
  const auto& target = plan.plan.target;
  const std::string metric = target.reported_metric();
  Json services = Json::array();
  for (std::size_t i = 0; i < plan.plan.services.size(); ++i) {
    const auto& p = plan.plan.services[i];
    services.push_back({{"name", plan.service_name(i)},
                        {"unit", models::capacity_unit(plan.spec.services[p.service])},
                        {"min", p.min},
                        {"max", p.max},
                        {"step", p.step},
                        {"cost_per_unit_per_year", p.cost_per_unit_per_year},
                        {"fixed_cost_per_unit_opened", p.fixed_cost_per_unit_opened}});
  }
  const auto point = [](const models::PlanPoint& p, std::size_t varied) {
    return Json{{"capacity", p.capacity[varied]},       {"capacity_cost", p.capacity_cost},
                {"delay_cost", estimate(p.delay_cost)}, {"total_cost", p.total_cost()},
                {"metric", estimate(p.metric)}};
  };
  Json years = Json::array();
  for (const auto& y : plan.years) {
    const auto& r = y.recommended;
    const auto own = models::single_year_scenario(plan.spec, y.year).yearly.front().capacity;
    Json scenario_capacity = Json::array(), trade_off = Json::array();
    for (std::size_t i = 0; i < plan.plan.services.size(); ++i) {
      scenario_capacity.push_back(own[plan.plan.services[i].service]);
      Json points = Json::array();
      if (i < y.trade_off.size())
        for (const auto& p : y.trade_off[i]) points.push_back(point(p, i));
      trade_off.push_back({{"service", plan.service_name(i)}, {"points", points}});
    }
    years.push_back({{"year", plan.calendar_year(y)},
                     {"capacity", r.capacity},
                     {"scenario_capacity", scenario_capacity},
                     {"capacity_cost", r.capacity_cost},
                     {"delay_cost", estimate(r.delay_cost)},
                     {"total_cost", r.total_cost()},
                     {"metric", estimate(r.metric)},
                     {"target_met", y.target_met},
                     {"confidence", y.confidence},
                     {"evaluations", y.evaluations},
                     {"false_economy_capacity", y.false_economy_capacity},
                     {"trade_off", trade_off}});
  }
  return {{"file", plan.plan_file},
          {"target",
           {{"metric", target.minimise_cost ? Json(nullptr) : Json(target.metric)},
            {"at_most", target.minimise_cost ? Json(nullptr) : Json(target.at_most)},
            {"minimise", target.minimise_cost ? Json("total_cost") : Json(nullptr)},
            {"cost_per_nctr_day", target.cost_per_nctr_day}}},
          {"metric", {{"name", metric}, {"unit", plan.metric_unit()}}},
          {"replications", {{"screen", plan.plan.screen_replications}, {"confirm", plan.plan.confirm_replications}}},
          {"services", services},
          {"years", years}};
}

}  // namespace

void write_run_report(const std::filesystem::path& file, const models::ScenarioSpec& spec,
                      const models::ScenarioSummary& summary) {
  Json data = header("run", spec, summary.seed, summary.replications);
  data["scenarios"] = Json::array({scenario(spec, summary)});
  write_file_atomically(file, page(spec.name, projection(spec, summary.replications, summary.seed), data));
}

std::string comparison_report(const models::ScenarioSpec& a, const models::ScenarioSummary& summary_a,
                              const models::ScenarioSpec& b, const models::ScenarioSummary& summary_b,
                              std::uint64_t seed, const models::Comparison& comparison) {
  Json data = header("compare", a, seed, comparison.replications);
  data["scenarios"] = Json::array({scenario(a, summary_a), scenario(b, summary_b)});
  data["comparison"] = {{"metrics", differences(comparison.metrics)}, {"changed_services", changed_services(a, b)}};
  // The places, hospitals, boards and ICPs both scenarios have, B - A paired,
  // to 10 digits, more than any chart or table shows (which keeps the 22
  // parts of a ten-year Lancashire comparison 0.4 MB smaller).
  if (models::has_places_or_hospitals(a) && models::has_places_or_hospitals(b)) {
    Json parts = Json::array();
    for (const auto& p : comparison.parts) {
      Json one = part(a, p.part);
      one["metrics"] = differences(p.metrics, 10);
      parts.push_back(std::move(one));
    }
    data["comparison"]["parts"] = std::move(parts);
  }
  return page(a.name + " compared with " + b.name, projection(a, comparison.replications, seed), data);
}

void write_comparison_report(const std::filesystem::path& file, const models::ScenarioSpec& a,
                             const models::ScenarioSummary& summary_a, const models::ScenarioSpec& b,
                             const models::ScenarioSummary& summary_b, std::uint64_t seed,
                             const models::Comparison& comparison) {
  write_file_atomically(file, comparison_report(a, summary_a, b, summary_b, seed, comparison));
}

void write_plan_report(const std::filesystem::path& file, const PlanResults& plan) {
  const models::ScenarioSpec& spec = plan.spec;
  Json data = header("plan", spec, plan.seed, plan.plan.confirm_replications);
  data["scenarios"] = Json::array(
      {{{"name", spec.name}, {"file", spec.file}, {"sha256", spec.sha256}, {"inputs", inputs(spec)}}});
  data["plan"] = plan_data(plan);
  const int first = plan.calendar_year(plan.years.front()), last = plan.calendar_year(plan.years.back());
  const std::string years = first == last ? std::to_string(first) : std::to_string(first) + "\u2013" + std::to_string(last);
  write_file_atomically(file, page("Capacity plan: " + spec.name,
                                   "Planned " + years + " \u00b7 " + std::to_string(plan.plan.screen_replications) +
                                       " replications to screen, " + std::to_string(plan.plan.confirm_replications) +
                                       " to confirm \u00b7 seed " + std::to_string(plan.seed) + " \u00b7 icsim " ICSIM_VERSION,
                                   data));
}

}  // namespace icsim::tools
