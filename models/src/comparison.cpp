#include <icsim/models/comparison.hpp>

#include <map>

#include <icsim/engine/check.hpp>

namespace icsim::models {

Comparison compare(const ScenarioSpec& spec_a, const std::vector<ReplicationResult>& a, const ScenarioSpec& spec_b,
                   const std::vector<ReplicationResult>& b) {
  ICSIM_CHECK(a.size() == b.size() && spec_a.years == spec_b.years && spec_a.start_year == spec_b.start_year,
              "compared scenarios must share replications and years");
  const auto names_a = metric_definitions(spec_a);
  const auto names_b = metric_definitions(spec_b);
  std::map<std::string, std::size_t> index_b;
  for (std::size_t m = 0; m < names_b.size(); ++m) index_b[names_b[m].name] = m;

  Comparison comparison;
  comparison.replications = static_cast<int>(a.size());
  const auto years = static_cast<std::size_t>(spec_a.years);
  std::vector<double> va(a.size()), vb(a.size()), diff(a.size()), cumulative(a.size());
  for (std::size_t ma = 0; ma < names_a.size(); ++ma) {
    const auto found = index_b.find(names_a[ma].name);
    if (found == index_b.end()) continue;
    const std::size_t mb = found->second;
    MetricComparison c{names_a[ma].name, names_a[ma].unit, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    std::fill(cumulative.begin(), cumulative.end(), 0.0);
    // A percentage needs a base: replications whose base is 0 are left out.
    auto change = [&](const std::vector<ReplicationResult>& results, std::size_t m, bool percent) {
      std::vector<double> values;
      for (const auto& r : results) {
        const double first = r.values[m].front(), last = r.values[m].back();
        if (!percent)
          values.push_back(last - first);
        else if (first != 0.0)
          values.push_back(100.0 * (last - first) / first);
      }
      return engine::estimate(values);
    };
    c.change_a = change(a, ma, false);
    c.change_b = change(b, mb, false);
    c.change_a_pct = change(a, ma, true);
    c.change_b_pct = change(b, mb, true);
    std::vector<double> relative;
    for (std::size_t r = 0; r < a.size(); ++r)
      if (a[r].values[ma].back() != 0.0) relative.push_back(100.0 * (b[r].values[mb].back() / a[r].values[ma].back() - 1.0));
    c.last_year_difference_pct = engine::estimate(relative);
    for (std::size_t y = 0; y < years; ++y) {
      for (std::size_t r = 0; r < a.size(); ++r) {
        va[r] = a[r].values[ma][y];
        vb[r] = b[r].values[mb][y];
        diff[r] = vb[r] - va[r];
        cumulative[r] += diff[r];
      }
      c.a.push_back(engine::estimate(va));
      c.b.push_back(engine::estimate(vb));
      c.difference.push_back(engine::estimate(diff));
      c.cumulative_difference.push_back(engine::estimate(cumulative));
    }
    comparison.metrics.push_back(std::move(c));
  }
  return comparison;
}

}  // namespace icsim::models
