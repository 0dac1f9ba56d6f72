// What a long-term care service (kind: home_care or care_home) has beyond an
// intermediate-care one: which care home it is, its weekly fee and the share
// the council pays for; and the people who start any service from home
// (community_starts_per_week: long-term care sought from the community, or
// intermediate care a GP or community team refers to).
//   residential_homes:
//     kind: care_home
//     care_home: residential            # or nursing
//     capacity_beds: 1450
//     cost_per_week: 850
//     community_starts_per_week: 9
//     council_funded_share: 0.6

#include "section_readers.hpp"

namespace icsim::scenario {

void read_market_service(const MapReader& service, models::ServiceSpec& spec) {
  DiagnosticList& diagnostics = service.diagnostics();
  const bool market = spec.market != models::Market::kNone;
  if (auto v = service.optional_number("community_starts_per_week", NumberRule::kNonNegative))
    spec.community_starts_per_week = *v;
  for (const char* key : {"care_home", "cost_per_week", "council_funded_share"})
    if (const MapEntry* entry = service.entry(key); entry != nullptr && !market)
      diagnostics.error(entry->key_location, service.path_of(key) +
                                                 ": only for long-term care services (kind: home_care or care_home)");
  if (!market) return;

  if (spec.market != models::Market::kHomeCare) {
    if (const SourceNode* which = service.required("care_home"))
      if (const auto choice = read_choice(*which, service.path_of("care_home"), {"residential", "nursing"}, diagnostics))
        spec.market = *choice == "nursing" ? models::Market::kCareHomeNursing : models::Market::kCareHomeResidential;
  } else if (const MapEntry* wrong = service.entry("care_home")) {
    diagnostics.error(wrong->key_location, service.path_of("care_home") + ": only for kind: care_home");
  }

  // A weekly fee: a bed's, or a package's; hours are priced by the hour.
  if (const MapEntry* fee = service.entry("cost_per_week")) {
    const auto value = read_number(fee->value, service.path_of("cost_per_week"), NumberRule::kNonNegative, diagnostics);
    const char* daily = spec.kind == models::ServiceKind::kBedBased ? "cost_per_bed_day"
                        : spec.capacity_in_care_hours               ? "cost_per_care_hour"
                                                                    : "cost_per_package_day";
    if (spec.capacity_in_care_hours) {
      diagnostics.error(fee->key_location, service.path_of("cost_per_week") +
                                               ": capacity is in care hours, so give cost_per_care_hour instead");
    } else if (service.entry(daily) != nullptr) {
      diagnostics.error(fee->key_location,
                        service.path() + ": give cost_per_week or " + std::string(daily) + ", not both");
    } else if (value) {
      (spec.kind == models::ServiceKind::kBedBased ? spec.cost_per_bed_day : spec.cost_per_care_hour) = *value / 7.0;
    }
  }
  if (auto v = service.optional_number("council_funded_share", NumberRule::kProbability)) spec.council_funded_share = *v;
}

}  // namespace icsim::scenario
