#pragma once
// How the area buys its services and what its budget pays for, as the
// terminal, the report and the workbook all say it: the words of the
// scenario file (block, spot, nhs, council, intermediate_care), the metrics
// that hold each service's cost, and which services a what-if commissions
// differently from its baseline.

#include <optional>
#include <string>
#include <vector>

#include <icsim/models/metrics.hpp>
#include <icsim/models/scenario_spec.hpp>

namespace icsim::tools {

// "spot", "block" or "block_and_spot".
[[nodiscard]] std::string contract_name(const models::ContractSpec& contract);

// The contract for a person: "block", "spot", "block of 200 care hours a
// day, spot above at £35.00 a care hour".
[[nodiscard]] std::string contract_words(const models::ServiceSpec& service);

// "nhs" or "council", as funded_by writes it.
[[nodiscard]] std::string funder_name(models::Funder funder);
// "NHS" or "council".
[[nodiscard]] std::string funder_words(models::Funder funder);

// The cost lines a budget pays for, as covers writes them: "acute",
// "intermediate_care", "short_term_care", "long_term_care".
[[nodiscard]] std::vector<std::string> budget_covers(const models::BudgetSpec& budget);

// Those lines in words: "intermediate care and short-term care".
[[nodiscard]] std::string budget_covers_words(const models::BudgetSpec& budget);

// The area metrics those lines are: intermediate care is its beds and its
// home-based care (cost_ic_beds, cost_home_ic), so the lines stack to the
// spend the budget is set against.
[[nodiscard]] std::vector<std::string> budget_cost_metrics(const models::BudgetSpec& budget);

// The name of a service's measure as metric_definitions gives it: so
// cost_SERVICE, or cost_service_SERVICE for a service named like an area
// cost line (ic_beds, home_ic, ...), and idle_cost_SERVICE.
[[nodiscard]] std::string service_metric(const models::ScenarioSpec& spec, models::ServiceIndex service,
                                         models::ServiceMeasure measure);

// The service of that name, if the scenario has one.
[[nodiscard]] std::optional<models::ServiceIndex> service_named(const models::ScenarioSpec& spec,
                                                                const std::string& name);

// The services B commissions differently from A, by name: another capacity
// in some projected year (or other capacity changes within one), another
// contract, unit price or funder; and any service only one of them has. A's
// order, then B's new ones. What a commissioner changed, so a comparison
// can put those services' costs beside the delays they save.
[[nodiscard]] std::vector<std::string> changed_services(const models::ScenarioSpec& a, const models::ScenarioSpec& b);

}  // namespace icsim::tools
