#include <icsim/models/comparison.hpp>

#include <map>

#include <icsim/engine/check.hpp>

namespace icsim::models {

namespace {

using Values = const std::vector<std::vector<double>>& (*)(const ReplicationResult&, std::size_t part);

// Every metric both report, in A's order, paired replication by replication;
// `part_a` and `part_b` pick the values compared (the area's, or a part's).
std::vector<MetricComparison> compare_metrics(const std::vector<MetricDefinition>& names_a,
                                              const std::vector<ReplicationResult>& a, std::size_t part_a,
                                              const std::vector<MetricDefinition>& names_b,
                                              const std::vector<ReplicationResult>& b, std::size_t part_b,
                                              std::size_t years, Values values) {
  std::map<std::string, std::size_t> index_b;
  for (std::size_t m = 0; m < names_b.size(); ++m) index_b[names_b[m].name] = m;
  std::vector<MetricComparison> metrics;
  std::vector<double> va(a.size()), vb(a.size()), diff(a.size()), cumulative(a.size());
  for (std::size_t ma = 0; ma < names_a.size(); ++ma) {
    const auto found = index_b.find(names_a[ma].name);
    if (found == index_b.end()) continue;
    const std::size_t mb = found->second;
    MetricComparison c{names_a[ma].name, names_a[ma].unit, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    c.adds_up = adds_up_over_years(c.unit);
    std::fill(cumulative.begin(), cumulative.end(), 0.0);
    // A percentage needs a base: replications whose base is 0 are left out.
    auto change = [&](const std::vector<ReplicationResult>& results, std::size_t part, std::size_t m, bool percent) {
      std::vector<double> changes;
      for (const auto& r : results) {
        const double first = values(r, part)[m].front(), last = values(r, part)[m].back();
        if (!percent)
          changes.push_back(last - first);
        else if (first != 0.0)
          changes.push_back(100.0 * (last - first) / first);
      }
      return engine::estimate(changes);
    };
    c.change_a = change(a, part_a, ma, false);
    c.change_b = change(b, part_b, mb, false);
    c.change_a_pct = change(a, part_a, ma, true);
    c.change_b_pct = change(b, part_b, mb, true);
    std::vector<double> relative;
    for (std::size_t r = 0; r < a.size(); ++r) {
      const double last_a = values(a[r], part_a)[ma].back(), last_b = values(b[r], part_b)[mb].back();
      if (last_a != 0.0) relative.push_back(100.0 * (last_b / last_a - 1.0));
    }
    c.last_year_difference_pct = engine::estimate(relative);
    for (std::size_t y = 0; y < years; ++y) {
      for (std::size_t r = 0; r < a.size(); ++r) {
        va[r] = values(a[r], part_a)[ma][y];
        vb[r] = values(b[r], part_b)[mb][y];
        diff[r] = vb[r] - va[r];
        cumulative[r] += diff[r];
      }
      c.a.push_back(engine::estimate(va));
      c.b.push_back(engine::estimate(vb));
      c.difference.push_back(engine::estimate(diff));
      c.cumulative_difference.push_back(engine::estimate(cumulative));
    }
    metrics.push_back(std::move(c));
  }
  return metrics;
}

}  // namespace

Comparison compare(const ScenarioSpec& spec_a, const std::vector<ReplicationResult>& a, const ScenarioSpec& spec_b,
                   const std::vector<ReplicationResult>& b) {
  ICSIM_CHECK(a.size() == b.size() && spec_a.years == spec_b.years && spec_a.start_year == spec_b.start_year,
              "compared scenarios must share replications and years");
  const auto years = static_cast<std::size_t>(spec_a.years);
  Comparison comparison;
  comparison.replications = static_cast<int>(a.size());
  comparison.metrics = compare_metrics(metric_definitions(spec_a), a, 0, metric_definitions(spec_b), b, 0, years,
                                       [](const ReplicationResult& r, std::size_t) -> const auto& { return r.values; });
  // The parts both have: the same level and id.
  const auto parts_a = area_parts(spec_a), parts_b = area_parts(spec_b);
  for (std::size_t i = 0; i < parts_a.size(); ++i) {
    for (std::size_t j = 0; j < parts_b.size(); ++j) {
      if (parts_a[i].level != parts_b[j].level || parts_a[i].id != parts_b[j].id) continue;
      comparison.parts.push_back(
          {parts_a[i], compare_metrics(metric_definitions(spec_a, parts_a[i].services), a, i,
                                       metric_definitions(spec_b, parts_b[j].services), b, j, years,
                                       [](const ReplicationResult& r, std::size_t part) -> const auto& {
                                         return r.parts[part];
                                       })});
    }
  }
  return comparison;
}

}  // namespace icsim::models
