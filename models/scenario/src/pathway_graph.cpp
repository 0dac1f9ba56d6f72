#include "pathway_graph.hpp"

#include <array>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/range/iterator_range.hpp>

namespace icsim::scenario {
// Named, not anonymous: PathwayGraph::Network (declared in the header) holds a Graph.
namespace pathway_network {

enum class NodeKind { kAdmission, kService, kExit };
enum class EdgeKind { kPathway, kStepUp, kBridging, kOutcome, kRuleOutcome, kMarket };

struct NodeSpec {
  NodeKind kind = NodeKind::kExit;
};

struct EdgeSpec {
  EdgeKind kind = EdgeKind::kOutcome;
  double probability = 0.0;
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeSpec, EdgeSpec>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

// Marks every vertex a breadth-first search discovers.
class Reached : public boost::default_bfs_visitor {
 public:
  explicit Reached(std::vector<bool>& reached) : reached_(&reached) {}
  template <class G>
  void discover_vertex(Vertex v, const G& /*graph*/) const {
    (*reached_)[v] = true;
  }

 private:
  std::vector<bool>* reached_;
};

template <class G>
void reach_from(const G& graph, Vertex source, std::vector<bool>& reached) {
  boost::breadth_first_search(graph, source, boost::visitor(Reached(reached)));
}

// Each band's pathway shares, weighted by its expected admissions.
std::array<double, models::kPathways> admission_weighted_split(const models::ScenarioSpec& spec) {
  std::array<double, models::kPathways> split{};
  double total = 0.0;
  for (const auto& band : spec.age_bands) total += band.population * band.admissions_per_1000_per_year;
  for (const auto& band : spec.age_bands) {
    const double weight = total > 0 ? band.population * band.admissions_per_1000_per_year / total
                                    : 1.0 / static_cast<double>(spec.age_bands.size());
    for (std::size_t p = 0; p < split.size(); ++p) split[p] += weight * band.pathway_split[p];
  }
  return split;
}

}  // namespace pathway_network

using namespace pathway_network;

struct PathwayGraph::Network {
  Graph graph;
  Vertex admission = 0;
  std::vector<Vertex> services;
  std::vector<Vertex> exits;

  // add_vertex(g) then the bundle: add_vertex(bundle, g) goes through
  // named_graph, which GCC 12 warns about with sanitizers on.
  Vertex add_node(NodeKind kind) {
    const Vertex v = boost::add_vertex(graph);
    graph[v].kind = kind;
    return v;
  }
};

PathwayGraph::PathwayGraph(const models::ScenarioSpec& spec) : network_(std::make_unique<Network>()) {
  Network& n = *network_;
  n.admission = n.add_node(NodeKind::kAdmission);
  for (std::size_t i = 0; i < spec.services.size(); ++i)
    n.services.push_back(n.add_node(NodeKind::kService));
  // One exit per destination that ends the story; readmission goes back to admission.
  const auto exit_for = [&](models::Destination d) -> Vertex {
    const auto index = static_cast<std::size_t>(d);
    if (n.exits.size() <= index) n.exits.resize(index + 1, boost::graph_traits<Graph>::null_vertex());
    if (n.exits[index] == boost::graph_traits<Graph>::null_vertex())
      n.exits[index] = n.add_node(NodeKind::kExit);
    return n.exits[index];
  };
  for (models::Destination d : {models::Destination::kHomeIndependent, models::Destination::kHomeWithCare,
                                models::Destination::kCareHomeResidential, models::Destination::kCareHomeNursing,
                                models::Destination::kDeath})
    exit_for(d);

  const auto split = admission_weighted_split(spec);
  if (split[0] > 0)
    boost::add_edge(n.admission, exit_for(models::Destination::kHomeIndependent), EdgeSpec{EdgeKind::kPathway, split[0]},
                    n.graph);
  for (std::size_t p = 1; p < spec.pathway_routes.size(); ++p)
    for (const models::ServiceIndex service : models::services_of(spec.pathway_routes[p]))
      boost::add_edge(n.admission, n.services[service], EdgeSpec{EdgeKind::kPathway, split[p]}, n.graph);
  for (const models::ServiceIndex service : models::services_of(spec.step_up_routes))
    boost::add_edge(n.admission, n.services[service], EdgeSpec{EdgeKind::kStepUp, 0.0}, n.graph);
  for (const models::ServiceIndex service : models::services_of(spec.bridging_routes))
    boost::add_edge(n.admission, n.services[service], EdgeSpec{EdgeKind::kBridging, 0.0}, n.graph);
  // Long-term care reached from the community, or prescribed from the ward.
  for (std::size_t i = 0; i < spec.services.size(); ++i)
    if (spec.services[i].community_starts_per_week > 0.0)
      boost::add_edge(n.admission, n.services[i], EdgeSpec{EdgeKind::kMarket, 0.0}, n.graph);
  if (spec.over_prescription_share > 0.0)
    for (const models::ServiceIndex service : models::services_of(spec.market_routes[0]))
      boost::add_edge(n.admission, n.services[service], EdgeSpec{EdgeKind::kMarket, 0.0}, n.graph);

  for (std::size_t i = 0; i < spec.services.size(); ++i) {
    // The service's own outcomes, then those of its rules (some patients'):
    // the rules' edges carry no probability, so the sum is the service's own.
    const auto add_outcomes = [&](const std::vector<models::OutcomeSpec>& outcomes, bool weighted) {
      for (const models::OutcomeSpec& outcome : outcomes) {
        if (outcome.probability <= 0) continue;  // a route nobody takes leads nowhere
        Vertex target = n.admission;
        if (outcome.destination == models::Destination::kNextService)
          target = n.services.at(outcome.next_service);
        else if (outcome.destination != models::Destination::kReadmission)
          target = exit_for(outcome.destination);
        boost::add_edge(n.services[i], target,
                        EdgeSpec{weighted ? EdgeKind::kOutcome : EdgeKind::kRuleOutcome, weighted ? outcome.probability : 0.0},
                        n.graph);
        // The market's services for this outcome, when it has them.
        if (const auto market = models::market_for(outcome.destination); market != models::Market::kNone)
          for (const models::ServiceIndex to : models::services_of(spec.market_routes[static_cast<std::size_t>(market) - 1]))
            boost::add_edge(n.services[i], n.services[to], EdgeSpec{EdgeKind::kMarket, 0.0}, n.graph);
      }
    };
    add_outcomes(spec.services[i].outcomes, true);
    for (const auto& rule : spec.services[i].outcome_rules) add_outcomes(rule.outcomes, false);
  }
}

PathwayGraph::~PathwayGraph() = default;

std::vector<models::ServiceIndex> PathwayGraph::services_unreachable_from_admission() const {
  std::vector<bool> reached(boost::num_vertices(network_->graph), false);
  reach_from(network_->graph, network_->admission, reached);
  std::vector<models::ServiceIndex> unreachable;
  for (std::size_t i = 0; i < network_->services.size(); ++i)
    if (!reached[network_->services[i]]) unreachable.push_back(static_cast<models::ServiceIndex>(i));
  return unreachable;
}

namespace {

// Vertices from which some exit can be reached: a search from each exit
// along the reversed edges.
std::vector<bool> reaching_an_exit(const Graph& graph, const std::vector<Vertex>& exits) {
  std::vector<bool> reaching(boost::num_vertices(graph), false);
  const auto reversed = boost::make_reverse_graph(graph);
  for (Vertex exit : exits)
    if (exit != boost::graph_traits<Graph>::null_vertex() && !reaching[exit]) reach_from(reversed, exit, reaching);
  return reaching;
}

}  // namespace

std::vector<models::ServiceIndex> PathwayGraph::services_without_exit() const {
  const std::vector<bool> reaching = reaching_an_exit(network_->graph, network_->exits);
  std::vector<models::ServiceIndex> trapped;
  for (std::size_t i = 0; i < network_->services.size(); ++i)
    if (!reaching[network_->services[i]]) trapped.push_back(static_cast<models::ServiceIndex>(i));
  return trapped;
}

double PathwayGraph::outcome_probability_sum(models::ServiceIndex service) const {
  double sum = 0.0;
  for (const auto edge : boost::make_iterator_range(boost::out_edges(network_->services.at(service), network_->graph)))
    if (network_->graph[edge].kind == EdgeKind::kOutcome) sum += network_->graph[edge].probability;
  return sum;
}

}  // namespace icsim::scenario
