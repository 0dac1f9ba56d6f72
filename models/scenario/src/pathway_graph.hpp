#pragma once
// The pathway network of a scenario as a graph: admission, each service and
// the exits (home, home with care, the care homes, death), joined by the
// pathways, step-up, bridging and every outcome with a chance above zero; a
// readmission is an edge back to admission. It answers the questions that
// need the whole network: can every service be reached, and can everyone
// get out. The network has loops (readmission, step-down chains), so these
// are reachability questions, not a topological order.

#include <memory>
#include <vector>

#include <icsim/models/scenario_spec.hpp>

namespace icsim::scenario {

class PathwayGraph {
 public:
  explicit PathwayGraph(const models::ScenarioSpec& spec);
  ~PathwayGraph();
  PathwayGraph(const PathwayGraph&) = delete;
  PathwayGraph& operator=(const PathwayGraph&) = delete;

  // Services that no chain of pathways, step-up, bridging and outcomes
  // starting at admission leads to.
  [[nodiscard]] std::vector<models::ServiceIndex> services_unreachable_from_admission() const;
  // Services from which no chain of outcomes leads to an exit.
  [[nodiscard]] std::vector<models::ServiceIndex> services_without_exit() const;
  // The probabilities on a service's outgoing edges, summed: 1 when its
  // outcomes are complete.
  [[nodiscard]] double outcome_probability_sum(models::ServiceIndex service) const;

 private:
  struct Network;  // the boost::adjacency_list, kept out of this header
  std::unique_ptr<Network> network_;
};

}  // namespace icsim::scenario
