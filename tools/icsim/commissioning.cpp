#include "commissioning.hpp"

#include <algorithm>
#include <cstdio>

namespace icsim::tools {

std::string contract_name(const models::ContractSpec& contract) {
  switch (contract.kind) {
    case models::ContractSpec::Kind::kSpot: return "spot";
    case models::ContractSpec::Kind::kBlock: return "block";
    case models::ContractSpec::Kind::kBlockAndSpot: return "block_and_spot";
  }
  return "spot";
}

std::string contract_words(const models::ServiceSpec& service) {
  const auto& c = service.contract;
  if (c.kind != models::ContractSpec::Kind::kBlockAndSpot) return contract_name(c);
  char price[32];
  std::snprintf(price, sizeof price, "%.2f", c.spot_price);
  char block[32];
  std::snprintf(block, sizeof block, "%g", c.block);
  const std::string unit = models::capacity_unit(service);
  // The spot price is per unit-day used: a bed day, a care hour, a package day.
  const std::string per = service.kind == models::ServiceKind::kBedBased ? "bed day"
                          : service.capacity_in_care_hours              ? "care hour"
                                                                        : "package day";
  return std::string("block of ") + block + " " + unit + ", spot above at £" + price + " a " + per;
}

std::string funder_name(models::Funder funder) { return funder == models::Funder::kSocialCare ? "council" : "nhs"; }

std::string funder_words(models::Funder funder) { return funder == models::Funder::kSocialCare ? "council" : "NHS"; }

std::vector<std::string> budget_covers(const models::BudgetSpec& budget) {
  std::vector<std::string> lines;
  if (budget.acute) lines.emplace_back("acute");
  if (budget.intermediate_care) lines.emplace_back("intermediate_care");
  if (budget.short_term_care) lines.emplace_back("short_term_care");
  if (budget.long_term_care) lines.emplace_back("long_term_care");
  return lines;
}

std::string budget_covers_words(const models::BudgetSpec& budget) {
  std::vector<std::string> words;
  if (budget.acute) words.emplace_back("acute care");
  if (budget.intermediate_care) words.emplace_back("intermediate care");
  if (budget.short_term_care) words.emplace_back("short-term care");
  if (budget.long_term_care) words.emplace_back("long-term care");
  std::string text;
  for (std::size_t i = 0; i < words.size(); ++i)
    text += (i == 0 ? "" : i + 1 == words.size() ? " and " : ", ") + words[i];
  return text;
}

std::vector<std::string> budget_cost_metrics(const models::BudgetSpec& budget) {
  std::vector<std::string> metrics;
  if (budget.acute) metrics.emplace_back("cost_acute");
  if (budget.intermediate_care) {
    metrics.emplace_back("cost_ic_beds");
    metrics.emplace_back("cost_home_ic");
  }
  if (budget.short_term_care) metrics.emplace_back("cost_short_term_care");
  if (budget.long_term_care) metrics.emplace_back("cost_long_term_care");
  return metrics;
}

namespace {

bool same_contract(const models::ContractSpec& a, const models::ContractSpec& b) {
  return a.kind == b.kind && a.block == b.block && a.spot_price == b.spot_price;
}

bool same_capacity_changes(const std::vector<models::CapacityChange>& a, const std::vector<models::CapacityChange>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return x.day == y.day && x.capacity == y.capacity;
  });
}

// Service sa of A and sb of B bought alike: the same capacity every year,
// the same changes within a year, contract, price and funder.
bool bought_alike(const models::ScenarioSpec& a, const std::vector<models::YearSettings>& years_a, models::ServiceIndex sa,
                  const models::ScenarioSpec& b, const std::vector<models::YearSettings>& years_b,
                  models::ServiceIndex sb) {
  const auto& x = a.services[sa];
  const auto& y = b.services[sb];
  for (std::size_t year = 0; year < years_a.size() && year < years_b.size(); ++year)
    if (years_a[year].capacity[sa] != years_b[year].capacity[sb]) return false;
  return x.kind == y.kind && x.capacity_in_care_hours == y.capacity_in_care_hours &&
         same_capacity_changes(x.capacity_changes, y.capacity_changes) && same_contract(x.contract, y.contract) &&
         models::unit_price(x) == models::unit_price(y) && x.funder == y.funder;
}

}  // namespace

std::string service_metric(const models::ScenarioSpec& spec, models::ServiceIndex service,
                           models::ServiceMeasure measure) {
  return models::metric_definitions(spec, {service})[models::index(0, measure)].name;
}

std::optional<models::ServiceIndex> service_named(const models::ScenarioSpec& spec, const std::string& name) {
  for (models::ServiceIndex s = 0; s < spec.services.size(); ++s)
    if (spec.services[s].name == name) return s;
  return std::nullopt;
}

std::vector<std::string> changed_services(const models::ScenarioSpec& a, const models::ScenarioSpec& b) {
  const auto years_a = models::yearly_settings(a), years_b = models::yearly_settings(b);
  std::vector<std::string> changed;
  for (models::ServiceIndex sa = 0; sa < a.services.size(); ++sa) {
    const auto sb = service_named(b, a.services[sa].name);
    if (!sb || !bought_alike(a, years_a, sa, b, years_b, *sb)) changed.push_back(a.services[sa].name);
  }
  for (const auto& service : b.services)
    if (!service_named(a, service.name)) changed.push_back(service.name);
  return changed;
}

}  // namespace icsim::tools
