// A service's contract (how the area pays for it) and who funds it.
//   contract: spot                      per bed day, care hour or package day used (the default)
//   contract: block                     its whole capacity, used or not
//   contract: {block: 30, spot_cost_per_bed_day: 210}
//                                       30 places on a block, spot purchases above them
//   funded_by: nhs | council

#include "section_readers.hpp"

namespace icsim::scenario {
namespace {

using models::ContractSpec;

// The price key of the service's units, and its spot counterpart.
std::string price_key(const models::ServiceSpec& service) {
  if (service.kind == models::ServiceKind::kBedBased) return "cost_per_bed_day";
  if (service.care_hours_per_wte_day > 0.0) return "cost_per_wte_year";
  return service.capacity_in_care_hours ? "cost_per_care_hour" : "cost_per_package_day";
}

std::string spot_price_key(const models::ServiceSpec& service) {
  if (service.kind == models::ServiceKind::kBedBased) return "spot_cost_per_bed_day";
  return service.capacity_in_care_hours ? "spot_cost_per_care_hour" : "spot_cost_per_package_day";
}

void read_block_and_spot(const MapReader& contract, const models::ServiceSpec& service, std::optional<double> capacity,
                         ContractSpec& spec) {
  const std::string spot_key = spot_price_key(service);
  // A spot price in another service's units: said once, as such.
  for (const char* other : {"spot_cost_per_bed_day", "spot_cost_per_care_hour", "spot_cost_per_package_day"})
    if (const MapEntry* wrong = contract.entry(other); wrong != nullptr && other != spot_key) {
      contract.diagnostics().error(wrong->key_location, contract.path_of(other) + ": capacity is in " +
                                                            models::capacity_unit(service) + ", so give " + spot_key +
                                                            " instead");
      return;
    }
  contract.allow_only({"block", spot_key});
  spec.kind = ContractSpec::Kind::kBlockAndSpot;
  const bool whole = service.kind == models::ServiceKind::kBedBased || !service.capacity_in_care_hours;
  if (auto block = contract.required_number("block", whole ? NumberRule::kWholeNonNegative : NumberRule::kNonNegative)) {
    const double places = *block * models::capacity_per_written_unit(service);
    if (capacity && places > *capacity)
      contract.diagnostics().error(contract.optional("block")->location,
                                   contract.path_of("block") + ": a block of " + format_number(*block) +
                                       " is more than the service's capacity, " +
                                       format_number(*capacity / models::capacity_per_written_unit(service)) +
                                       " (capacity is what can be used: the block and spot purchases together)");
    spec.block = places;
  }
  if (auto price = contract.required_number(spot_key, NumberRule::kNonNegative)) spec.spot_price = *price;
}

}  // namespace

void read_contract(const MapReader& service, std::optional<double> capacity, models::ServiceSpec& spec) {
  DiagnosticList& diagnostics = service.diagnostics();
  const bool staffed = spec.care_hours_per_wte_day > 0.0;
  const SourceNode* node = service.optional("contract");
  const std::string path = service.path_of("contract");
  if (node != nullptr && node->is_map()) {
    read_block_and_spot(MapReader(*node, path, diagnostics), spec, capacity, spec.contract);
  } else if (node != nullptr) {
    const auto choice = read_choice(*node, path, {"spot", "block"}, diagnostics);
    if (choice) spec.contract.kind = *choice == "block" ? ContractSpec::Kind::kBlock : ContractSpec::Kind::kSpot;
  } else if (staffed) {
    spec.contract.kind = ContractSpec::Kind::kBlock;  // staff are paid whether or not they see patients
  }
  if (staffed && spec.contract.kind != ContractSpec::Kind::kBlock)
    diagnostics.error(node->location, path + ": a service whose capacity is staff WTE has a block contract (staff are "
                                             "paid whether or not they see patients); write contract: block, or give "
                                             "its capacity in care hours to buy it spot");
  const bool priced = service.entry(price_key(spec)) != nullptr ||
                     (spec.market != models::Market::kNone && service.entry("cost_per_week") != nullptr);
  if (spec.contract.kind != ContractSpec::Kind::kSpot && !priced)
    diagnostics.error(node != nullptr ? node->location : service.node().location,
                      path + ": a block contract needs its price, " + price_key(spec) +
                          " (what the area pays for each unit of capacity, used or not)");

  if (const SourceNode* funder = service.optional("funded_by")) {
    if (const auto choice = read_choice(*funder, service.path_of("funded_by"), {"nhs", "council"}, diagnostics))
      spec.funder = *choice == "council" ? models::Funder::kSocialCare : models::Funder::kHealth;
  } else {
    spec.funder = spec.short_term_care ? models::Funder::kSocialCare : models::Funder::kHealth;
  }
}

}  // namespace icsim::scenario
