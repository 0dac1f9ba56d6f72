#include "sweep_plan.hpp"

#include <charconv>

#include <icsim/scenario/sha256.hpp>

namespace icsim::tools {

std::optional<Shard> parse_shard(const std::string& text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  Shard shard;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  const auto [i_end, i_error] = std::from_chars(begin, begin + slash, shard.index);
  const auto [n_end, n_error] = std::from_chars(begin + slash + 1, end, shard.count);
  if (i_error != std::errc{} || i_end != begin + slash || n_error != std::errc{} || n_end != end) return std::nullopt;
  if (shard.count == 0 || shard.index >= shard.count) return std::nullopt;
  return shard;
}

SweepPlan plan_sweep(scenario::Sweep sweep, std::vector<models::ScenarioSpec> specs) {
  SweepPlan plan{std::move(sweep), std::move(specs), {}, {}};
  std::string all = "icsim-sweep/1\n";
  for (const std::string& key : plan.sweep.parameters) all += "parameter " + key + "\n";
  for (const models::ScenarioSpec& spec : plan.specs) {
    const std::string inputs = std::string("icsim-sweep-point/1\nicsim ") + ICSIM_VERSION + "\nscenario " +
                               spec.sha256 + "\nseed " + std::to_string(spec.seed) + "\nreplications " +
                               std::to_string(spec.replications) + "\n";
    plan.inputs_sha256.push_back(scenario::sha256_hex(inputs));
    all += "point " + plan.inputs_sha256.back() + "\n";
  }
  plan.sweep_sha256 = scenario::sha256_hex(all);
  return plan;
}

std::vector<ReplicationJob> pending_jobs(const SweepPlan& plan, const std::vector<bool>& done, const Shard& shard) {
  std::vector<ReplicationJob> jobs;
  for (std::size_t p = 0; p < plan.specs.size(); ++p) {
    if (done[p] || !shard.contains(p)) continue;
    for (int r = 0; r < plan.specs[p].replications; ++r)
      jobs.push_back({static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(r)});
  }
  return jobs;
}

}  // namespace icsim::tools
