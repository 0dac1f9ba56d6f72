// outcomes_for: outcomes of their own for some of a service's patients.
//   outcomes_for:
//     - when: {from: community}                        # stepped up (or hospital: discharged)
//       outcomes: {home_independent: 0.8, ...}
//     - when: {age_bands: ["85+"], waited_at_least_days: 7}
//       outcomes: {...}
// The first rule that fits the person gives their outcome; none does: the
// service's own outcomes.

#include <cmath>

#include "section_readers.hpp"

namespace icsim::scenario {
namespace {

using models::OutcomeRule;

std::optional<OutcomeRule> read_rule(const SourceNode& node, const std::string& path, ScenarioReading& reading,
                                     const models::ScenarioSpec& spec) {
  DiagnosticList& diagnostics = reading.diagnostics();
  const MapReader item(node, path, diagnostics);
  if (!item.is_map()) return std::nullopt;
  item.allow_only({"when", "outcomes"});
  OutcomeRule rule;
  bool complete = true;
  if (const SourceNode* when_node = item.required("when")) {
    const MapReader when(*when_node, item.path_of("when"), diagnostics);
    when.allow_only({"from", "age_bands", "waited_at_least_days"});
    if (when.is_map() && when_node->entries.empty()) {
      diagnostics.error(when_node->location, when.path() + ": say whom the rule is for: from (community or hospital), "
                                                           "age_bands, or waited_at_least_days");
      complete = false;
    }
    if (const SourceNode* from = when.optional("from")) {
      const auto choice = read_choice(*from, when.path_of("from"), {"community", "hospital"}, diagnostics);
      if (choice) rule.from = *choice == "community" ? OutcomeRule::From::kCommunity : OutcomeRule::From::kHospital;
      complete = complete && choice;
    }
    if (const SourceNode* bands = when.optional("age_bands")) {
      rule.age_bands = read_age_band_list(*bands, when.path_of("age_bands"), spec, diagnostics);
      complete = complete && !rule.age_bands.empty();
    }
    if (when.optional("waited_at_least_days") != nullptr) {
      const auto days = when.optional_number("waited_at_least_days", NumberRule::kNonNegative);
      if (days) rule.waited_at_least_days = *days;
      complete = complete && days;
    }
  } else {
    complete = false;
  }
  if (const SourceNode* outcomes = item.required("outcomes")) {
    bool read = false;
    rule.outcomes = read_outcome_map(*outcomes, item.path_of("outcomes"), reading, read);
    if (read) {
      double sum = 0.0;
      for (const auto& o : rule.outcomes) sum += o.probability;
      if (std::abs(sum - 1.0) > kSumTolerance) {
        diagnostics.error(outcomes->location,
                          item.path_of("outcomes") + ": the probabilities sum to " + format_number(sum) + ", not 1");
        read = false;
      }
    }
    complete = complete && read;
  } else {
    complete = false;
  }
  if (!complete) return std::nullopt;
  return rule;
}

}  // namespace

void read_outcome_rules(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec) {
  const SourceNode* services = top.optional("services");
  if (services == nullptr || !services->is_map()) return;
  DiagnosticList& diagnostics = reading.diagnostics();
  for (std::size_t s = 0; s < services->entries.size() && s < spec.services.size(); ++s) {
    const SourceNode& service = services->entries[s].value;
    if (!service.is_map()) continue;
    const SourceNode* rules = nullptr;
    for (const MapEntry& entry : service.entries)
      if (entry.key == "outcomes_for") rules = &entry.value;
    if (rules == nullptr) continue;
    const std::string path = reading.service_sources()[s].path + ".outcomes_for";
    if (!rules->is_list() || rules->items.empty()) {
      diagnostics.error(rules->location, path + ": expected a list of {when, outcomes}, got " + describe(*rules));
      continue;
    }
    for (std::size_t i = 0; i < rules->items.size(); ++i)
      if (auto rule = read_rule(rules->items[i], item_path(path, i), reading, spec))
        spec.services[s].outcome_rules.push_back(std::move(*rule));
  }
}

}  // namespace icsim::scenario
