// The Inputs sheet of every results.xlsx: the scenario as it was run, in
// sections read top to bottom, so a result can be traced to what made it.

#include "workbook_inputs.hpp"

#include "commissioning.hpp"
#include "distribution_text.hpp"
#include "route_text.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <map>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <icsim/models/metrics.hpp>

namespace icsim::tools {
namespace {

using models::ScenarioSpec;
using models::ServiceSpec;

constexpr double kNotApplicable = std::numeric_limits<double>::quiet_NaN();
constexpr double kLabelWidth = 46;  // of the first column, in characters

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


std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

std::string percent(double share) { return shortest(100.0 * share) + "%"; }

// Whom a service serves, in words.
std::string owner_text(const ScenarioSpec& spec, const models::ServiceOwner& owner) {
  switch (owner.kind) {
    case models::ServiceOwner::Kind::kArea: return "the whole area";
    case models::ServiceOwner::Kind::kHospital:
      return owner.hospital < spec.hospitals.size() ? spec.hospitals[owner.hospital].name + "'s discharge hub"
                                                    : "the hospital's discharge hub";
    case models::ServiceOwner::Kind::kPlaces: {
      std::vector<std::string> names;
      for (const auto p : owner.places) names.push_back(p < spec.places.size() ? spec.places[p].name : "?");
      return owner.places.size() > 1 ? joined(names) + " (shared)" : joined(names);
    }
  }
  return "?";
}

// Where routes lead, with the bands a route takes and its share where it
// has them: "home_first_north (60%), reablement_north (40%), frailty (85+)".
std::string routes_text(const ScenarioSpec& spec, const models::Routes& routes) {
  const auto narrowed = [&spec](const models::Route& route) {
    const bool every_band = std::find(route.age_bands.begin(), route.age_bands.end(), false) == route.age_bands.end();
    return !every_band || route.share != 1.0 || route.service >= spec.services.size();
  };
  if (std::none_of(routes.begin(), routes.end(), narrowed)) return route_names(spec, routes);
  std::vector<std::string> texts;
  for (const auto& route : routes) {
    std::vector<std::string> detail;
    std::vector<std::string> bands;
    for (std::size_t b = 0; b < route.age_bands.size() && b < spec.age_bands.size(); ++b)
      if (route.age_bands[b]) bands.push_back(spec.age_bands[b].name);
    if (bands.size() < spec.age_bands.size()) detail.push_back(joined(bands));
    if (route.share != 1.0) detail.push_back(percent(route.share));
    const std::string name = route.service < spec.services.size() ? spec.services[route.service].name : "?";
    texts.push_back(detail.empty() ? name : name + " (" + joined(detail) + ")");
  }
  return joined(texts);
}

}  // namespace

// ---- A service in words

std::string kind_label(const ServiceSpec& service) {
  std::string kind = service.kind == models::ServiceKind::kBedBased ? "bed-based" : "home-based";
  if (service.short_term_care) kind += ", short-term care";
  return kind;
}

std::string routes_into(const ScenarioSpec& spec, models::ServiceIndex s) {
  std::string routes;
  const auto add = [&routes](const std::string& route) { routes += (routes.empty() ? "" : ", ") + route; };
  // Appended, not "P" + std::to_string(p): GCC 12 wrongly warns (-Wrestrict) on that here.
  for (int p = 1; p < models::kPathways; ++p)
    if (leads_to(spec.pathway_routes[static_cast<std::size_t>(p)], s)) add(std::string("P").append(std::to_string(p)));
  if (leads_to(spec.step_up_routes, s)) add("step-up");
  if (leads_to(spec.bridging_routes, s)) add("bridging");
  for (const auto& other : spec.services)
    for (const auto& o : other.outcomes)
      if (o.destination == models::Destination::kNextService && o.next_service == s && o.probability > 0) {
        add("after " + other.name);
        break;
      }
  return routes;
}

// ---- InputsSheet

InputsSheet::InputsSheet(Workbook& book, const std::string& name, int value_columns, double value_width)
    : book_(book), sheet_(book, name), value_columns_(std::max(value_columns, 2)), value_width_(value_width) {}

void InputsSheet::title(const std::string& text, const std::string& subtitle) {
  sheet_.text(0, 0, text, book_.title);
  sheet_.text(1, 0, subtitle, book_.subtitle);
  row_ = 2;
}

void InputsSheet::section(const std::string& name) {
  ++row_;
  sheet_.across(row_, 0, value_columns_, name, book_.section);
  ++row_;
}

void InputsSheet::gap() { ++row_; }

void InputsSheet::headers(const std::string& label, const std::vector<std::string>& names) {
  sheet_.text(row_, 0, label, book_.header_left);
  for (std::size_t i = 0; i < names.size(); ++i) sheet_.text(row_, 1 + static_cast<int>(i), names[i], book_.header);
  end_row(label, names);
}

void InputsSheet::year_headers(const std::string& label, int first_year, int years) {
  sheet_.text(row_, 0, label, book_.header_left);
  for (int y = 0; y < years; ++y) sheet_.number(row_, 1 + y, first_year + y, book_.year);
  ++row_;
}

void InputsSheet::texts(const std::string& label, const std::vector<std::string>& values) {
  sheet_.text(row_, 0, label, book_.wrap);
  for (std::size_t i = 0; i < values.size(); ++i) sheet_.text(row_, 1 + static_cast<int>(i), values[i], book_.wrap);
  end_row(label, values);
}

void InputsSheet::numbers(const std::string& label, const std::vector<double>& values, lxw_format* format) {
  sheet_.text(row_, 0, label, book_.wrap);
  for (std::size_t i = 0; i < values.size(); ++i) sheet_.number(row_, 1 + static_cast<int>(i), values[i], format);
  end_row(label, {});
}

void InputsSheet::value(const std::string& label, double number, lxw_format* format) {
  numbers(label, {number}, format);
}

void InputsSheet::value(const std::string& label, const std::string& text) {
  sheet_.text(row_, 0, label, book_.wrap);
  sheet_.text(row_, 1, text);
  end_row(label, {});
}

void InputsSheet::finish() {
  sheet_.width(0, 0, kLabelWidth);
  sheet_.width(1, value_columns_, value_width_);
  sheet_.print_one_page_wide();
}

// Wrapped text gets the lines it needs: neither Excel nor LibreOffice
// grows a row for it when the file is opened.
void InputsSheet::end_row(const std::string& label, const std::vector<std::string>& values) {
  // A column's width is in widths of "0"; text runs a little narrower.
  const auto lines = [](const std::string& text, double width) {
    return static_cast<int>(std::ceil(static_cast<double>(text.size()) / (1.1 * width - 1)));
  };
  int most = lines(label, kLabelWidth);
  for (const auto& v : values) most = std::max(most, lines(v, value_width_));
  if (most > 1) sheet_.height(row_, 15.0 * most);
  ++row_;
}

// ---- The Inputs sheet

void write_inputs_sheet(Workbook& book, const std::string& name, const ScenarioSpec& spec, std::uint64_t seed,
                        const std::function<void(InputsSheet&)>& how_run) {
  const auto bands = spec.age_bands.size(), services = spec.services.size();
  const auto yearly = models::yearly_settings(spec);
  std::vector<std::string> column_names;  // wide enough for the names heading the columns
  for (const auto& band : spec.age_bands) column_names.push_back(band.name);
  for (const auto& service : spec.services) column_names.push_back(service.name);
  for (const auto& place : spec.places) column_names.push_back(place.name);
  for (const auto& hospital : spec.hospitals) column_names.push_back(hospital.name);
  std::vector<std::string> boards, icps;  // as the places name them, each once
  for (const auto& place : spec.places) {
    if (!place.board.empty() && std::find(boards.begin(), boards.end(), place.board) == boards.end())
      boards.push_back(place.board);
    if (!place.icp.empty() && std::find(icps.begin(), icps.end(), place.icp) == icps.end()) icps.push_back(place.icp);
  }
  InputsSheet in(book, name,
                 std::max({static_cast<int>(bands), static_cast<int>(services), static_cast<int>(yearly.size()),
                           static_cast<int>(spec.places.size()), static_cast<int>(spec.hospitals.size()),
                           static_cast<int>(boards.size()), static_cast<int>(icps.size()), 3}),
                 longest(column_names, 18, 32));
  lxw_format* plain = book.plain;
  lxw_format* days = book.number("0.00");
  lxw_format* capacity_places = book.number("#,##0.##");
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
      to_nctr.push_back(describe(band.time_to_nctr_days, shortest));
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

  if (models::has_places_or_hospitals(spec)) {
    in.section("Places, hospitals and boards");
    const auto& places = spec.places;
    const auto per_place = [&places](auto value) {
      std::vector<double> values;
      for (const auto& place : places) values.push_back(value(place));
      return values;
    };
    if (!places.empty()) {
      std::vector<std::string> names, ids, board_of, icp_of, services_of_place;
      for (std::size_t p = 0; p < places.size(); ++p) {
        names.push_back(places[p].name);
        ids.push_back(places[p].id);
        board_of.push_back(places[p].board);
        icp_of.push_back(places[p].icp);
        std::vector<std::string> owned;
        for (const auto& service : spec.services)
          if (service.owner.kind == models::ServiceOwner::Kind::kPlaces &&
              std::find(service.owner.places.begin(), service.owner.places.end(), p) != service.owner.places.end())
            owned.push_back(service.owner.places.size() > 1 ? service.name + " (shared)" : service.name);
        services_of_place.push_back(owned.empty() ? "none" : joined(owned));
      }
      in.headers("Place", names);
      in.texts("Id in the scenario", ids);
      if (!boards.empty()) in.texts("Its health and wellbeing board", board_of);
      if (!icps.empty()) in.texts("Its integrated care partnership (ICP)", icp_of);
      for (std::size_t b = 0; b < bands; ++b)
        in.numbers("Residents " + spec.age_bands[b].name + ", in the base year",
                   per_place([b](const auto& place) { return place.age_bands[b].population; }), book.whole);
      in.numbers("Residents, all bands", per_place([](const auto& place) {
                   double sum = 0.0;
                   for (const auto& band : place.age_bands) sum += band.population;
                   return sum;
                 }),
                 book.whole);
      // A place's own rates, shares and splits (admission_rate_factor, its
      // age_bands): a row, with every place's, for each band where one differs.
      const auto admissions = [](const models::AgeBandSpec& band) { return band.admissions_per_1000_per_year; };
      const auto step_up = [](const models::AgeBandSpec& band) { return band.step_up_share; };
      const auto split = [](std::size_t p) {
        return [p](const models::AgeBandSpec& band) { return band.pathway_split[p]; };
      };
      const auto to_nctr = [](const models::AgeBandSpec& band) { return describe(band.time_to_nctr_days, shortest); };
      const auto differs = [&](std::size_t b, auto value) {
        return std::any_of(places.begin(), places.end(), [&](const models::PlaceSpec& place) {
          return value(place.age_bands[b]) != value(spec.age_bands[b]);
        });
      };
      bool own = false;
      for (std::size_t b = 0; b < bands; ++b) {
        own = own || differs(b, admissions) || differs(b, step_up) || differs(b, to_nctr);
        for (std::size_t p = 0; p < models::kPathways; ++p) own = own || differs(b, split(p));
      }
      const auto band_rows = [&](const std::string& label, const std::string& unit, auto value, lxw_format* format) {
        for (std::size_t b = 0; b < bands; ++b)
          if (differs(b, value))
            in.numbers(label + " " + spec.age_bands[b].name + unit,
                       per_place([&](const auto& place) { return value(place.age_bands[b]); }), format);
      };
      if (own) {
        in.texts("Where a place's own differ from the area's (Demand by age band), each place's:", {});
        band_rows("Emergency admissions", " (per 1,000 a year)", admissions, book.number("0.0#"));
        band_rows("Step-up share", "", step_up, book.share);
        for (std::size_t p = 0; p < models::kPathways; ++p)
          band_rows("Pathway " + std::to_string(p) + " share", "", split(p), book.share);
        for (std::size_t b = 0; b < bands; ++b) {
          if (!differs(b, to_nctr)) continue;
          std::vector<std::string> texts;
          for (const auto& place : places) texts.push_back(to_nctr(place.age_bands[b]));
          in.texts("Admission to no longer meeting the criteria to reside " + spec.age_bands[b].name + " (days)",
                   texts);
        }
      }
      for (std::size_t h = 0; h < spec.hospitals.size(); ++h)
        in.numbers("Admissions to " + spec.hospitals[h].name + " (share)", per_place([h](const auto& place) {
                     return h < place.hospital_shares.size() ? place.hospital_shares[h] : 0.0;
                   }),
                   book.share);
      in.texts("Its services", services_of_place);
    }
    if (!spec.hospitals.empty()) {
      const auto sending = models::places_of(spec);  // the area as one place when it has none
      std::vector<std::string> names, ids, from, hub;
      std::vector<double> catchment;
      for (std::size_t h = 0; h < spec.hospitals.size(); ++h) {
        names.push_back(spec.hospitals[h].name);
        ids.push_back(spec.hospitals[h].id);
        std::vector<std::string> senders;
        double residents = 0.0;
        for (const auto& place : sending) {
          const double share = h < place.hospital_shares.size() ? place.hospital_shares[h] : 0.0;
          if (share <= 0.0) continue;
          senders.push_back(place.name + " (" + percent(share) + ")");
          for (const auto& band : place.age_bands) residents += share * band.population;
        }
        from.push_back(senders.empty() ? "none" : joined(senders));
        catchment.push_back(residents);
        std::vector<std::string> owned;
        for (const auto& service : spec.services)
          if (service.owner.kind == models::ServiceOwner::Kind::kHospital && service.owner.hospital == h)
            owned.push_back(service.name);
        hub.push_back(owned.empty() ? "none" : joined(owned));
      }
      if (!places.empty()) in.gap();
      in.headers("Hospital", names);
      in.texts("Id in the scenario", ids);
      in.texts("Admissions from (share of each place's)", from);
      in.numbers("Catchment: residents times the share they send, in the base year", catchment, book.whole);
      in.texts("Its discharge hub's services", hub);
    }
    const auto groups = [&](const std::string& heading, const std::vector<std::string>& group_names,
                            std::string models::PlaceSpec::*member) {
      if (group_names.empty()) return;
      std::vector<std::string> members;
      for (const auto& group : group_names) {
        std::vector<std::string> in_group;
        for (const auto& place : places)
          if (place.*member == group) in_group.push_back(place.name);
        members.push_back(joined(in_group));
      }
      in.gap();
      in.headers(heading, group_names);
      in.texts("Places", members);
    };
    groups("Health and wellbeing board", boards, &models::PlaceSpec::board);
    groups("Integrated care partnership (ICP)", icps, &models::PlaceSpec::icp);
  }

  in.section("Year by year: growth and changes to the model of care");
  {
    in.year_headers("Year", spec.start_year, static_cast<int>(yearly.size()));
    const auto per_year = [&yearly](auto value) {
      std::vector<double> values;
      for (const auto& year : yearly) values.push_back(value(year));
      return values;
    };
    // Demand is by cell, a place's age band (one place without places): the
    // area's residents in a band are its places' summed; a rate or share is
    // one row when every place has the same, else a row for each place.
    const auto places = models::places_of(spec);
    const auto cell = [bands](std::size_t place, std::size_t band) { return place * bands + band; };
    for (std::size_t b = 0; b < bands; ++b) {
      in.numbers("Population " + spec.age_bands[b].name + " (residents)", per_year([&](const auto& y) {
                   double sum = 0.0;
                   for (std::size_t p = 0; p < places.size(); ++p) sum += y.population[cell(p, b)];
                   return sum;
                 }),
                 book.whole);
      if (!spec.places.empty())
        for (std::size_t p = 0; p < places.size(); ++p)
          in.numbers("  " + places[p].name, per_year([&](const auto& y) { return y.population[cell(p, b)]; }),
                     book.whole);
    }
    const auto by_place = [&](std::size_t b, const std::string& label, const std::string& unit, auto value,
                              lxw_format* format) {
      bool same = true;
      for (std::size_t p = 1; p < places.size(); ++p)
        for (const auto& y : yearly) same = same && value(y, cell(p, b)) == value(y, cell(0, b));
      for (std::size_t p = 0; p < (same ? 1 : places.size()); ++p)
        in.numbers(label + (same ? "" : ", " + places[p].name) + unit,
                   per_year([&](const auto& y) { return value(y, cell(p, b)); }), format);
    };
    for (std::size_t b = 0; b < bands; ++b)
      by_place(b, "Emergency admissions " + spec.age_bands[b].name, " (per 1,000 a year)",
               [](const auto& y, std::size_t c) { return y.admissions_per_1000_per_year[c]; }, book.number("0.0#"));
    for (std::size_t b = 0; b < bands; ++b)
      by_place(b, "Step-up share " + spec.age_bands[b].name, "",
               [](const auto& y, std::size_t c) { return y.step_up_share[c]; }, book.share);
    for (std::size_t b = 0; b < bands; ++b)
      for (std::size_t p = 1; p < models::kPathways; ++p)
        by_place(b, "Pathway " + std::to_string(p) + " share " + spec.age_bands[b].name, "",
                 [p](const auto& y, std::size_t c) { return y.pathway_split[c][p]; }, book.share);
    for (std::size_t s = 0; s < services; ++s)
      in.numbers("Capacity " + spec.services[s].name + " (" + capacity_unit(spec.services[s]) + ")",
                 per_year([s](const auto& y) { return y.capacity[s]; }), capacity_places);
    for (std::size_t s = 0; s < services; ++s)
      in.numbers("Length of stay " + spec.services[s].name + ": mean (days)",
                 per_year([s](const auto& y) { return y.length_of_stay_days[s].mean(); }), days);
    for (std::size_t k = 0; k < models::kPathways; ++k)
      in.numbers("Transfer-of-care hub, pathway " + std::to_string(k) + ": mean (days)",
                 per_year([k](const auto& y) { return models::mean_hub_days(y)[k]; }), days);
    in.numbers("Discharge days a week", per_year([](const auto& y) { return y.discharge_days_per_week; }), plain);
  }

  in.section("Acute stay and discharge");
  for (std::size_t k = 0; k < models::kPathways; ++k) {
    const auto& hub = models::area_hub_days(spec, k);
    in.value("Transfer-of-care hub, pathway " + std::to_string(k) +
                 ": no longer meeting the criteria to reside to ready to leave (days)",
             describe(hub, shortest));
    in.value("  mean (days)", hub.mean(), days);
  }
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
      stays.push_back(describe(service.length_of_stay_days, shortest));
      queues.push_back(service.discipline == engine::QueueDiscipline::kPriority ? "priority"
                                                                                : "first come, first served");
      cost_units.push_back(!home ? "occupied bed day" : service.capacity_in_care_hours ? "care hour" : "package a day");
    }
    in.headers("Service", names);
    in.texts("Kind", kinds);
    in.texts("Referred from", routes);
    if (models::has_places_or_hospitals(spec)) {
      std::vector<std::string> serves;
      for (const auto& service : spec.services) serves.push_back(owner_text(spec, service.owner));
      in.texts("Serves", serves);
    }
    bool any_mutual_aid = false;
    for (const auto& service : spec.services) any_mutual_aid = any_mutual_aid || service.mutual_aid.has_value();
    if (any_mutual_aid) {
      std::vector<std::string> neighbours;
      for (const auto& service : spec.services) {
        std::vector<std::string> names_of;
        if (service.mutual_aid)
          for (const auto n : service.mutual_aid->neighbours)
            names_of.push_back(n < spec.services.size() ? spec.services[n].name : "?");
        neighbours.push_back(service.mutual_aid ? joined(names_of) : "none");
      }
      in.texts("Mutual aid: a free place in, in this order", neighbours);
      in.numbers("Mutual aid: after waiting (days)", per_service([](const auto& s) {
                   return s.mutual_aid ? s.mutual_aid->after_days : kNotApplicable;
                 }),
                 plain);
    }
    in.numbers("Capacity in the base year", per_service([](const auto& s) { return s.capacity; }), capacity_places);
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
               per_service([](const auto& s) { return s.ring_fenced_for_step_down; }), capacity_places);
    in.numbers("Unit cost (£)", per_service([](const auto& s) {
                 return s.kind == models::ServiceKind::kHomeBased ? s.cost_per_care_hour : s.cost_per_bed_day;
               }),
               book.money);
    in.texts("Unit cost per", cost_units);
    std::vector<std::string> contracts, funders;
    for (const auto& service : spec.services) {
      contracts.push_back(contract_words(service));
      funders.push_back(funder_words(service.funder));
    }
    in.texts("Contract", contracts);
    in.texts("Paid by", funders);

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
                   change.capacity, capacity_places);
    }
  }

  in.section("Pathways, step-up and bridging");
  const auto names_or_none = [&](const models::Routes& routes) {
    return routes.empty() ? std::string("none") : routes_text(spec, routes);
  };
  for (std::size_t p = 1; p < models::kPathways; ++p)
    in.value("Pathway " + std::to_string(p) + " service", names_or_none(spec.pathway_routes[p]));
  in.value("Step-up service", names_or_none(spec.step_up_routes));
  if (!spec.step_up_routes.empty())
    in.value("Step-up: longest wait for a place (hours)", spec.step_up_max_wait_hours, plain);
  if (!spec.bridging_routes.empty() && spec.bridging_after_days) {
    in.value("Bridging service", routes_text(spec, spec.bridging_routes));
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
  if (const auto& budget = spec.costs.budget) {
    in.gap();
    in.value("Budget", budget->name);
    in.value("Budget covers", joined(budget_covers(*budget)));
    in.year_headers("Year", spec.start_year, spec.years);
    in.numbers("Budget (£ a year)", budget->per_year, book.money);
  } else {
    in.value("Budget", "none");
  }

  in.section("Long-term care-home placements");
  in.value("Residential stay (days)", describe(spec.long_term_care.residential_stay_days, shortest));
  in.value("  mean (days)", spec.long_term_care.residential_stay_days.mean(), book.number("0.0"));
  in.value("Nursing stay (days)", describe(spec.long_term_care.nursing_stay_days, shortest));
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

}  // namespace icsim::tools
