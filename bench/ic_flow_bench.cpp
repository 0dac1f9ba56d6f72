// The common benchmark model, ic-flow, run side by side in one binary: the
// bare hand-written reference and icsim's whole model loaded from
// scenarios/bench/ic-flow.yaml. Both report canonical events a second
// (arrivals, acute-stay ends, pathway-stay ends), one replication per
// iteration, single-threaded.

#include <benchmark/benchmark.h>

#include <string>

#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/scenario/load.hpp>

#include "ic_flow_reference.hpp"

namespace {

void BM_IcFlow_Reference(benchmark::State& state) {
  const icsim::bench::IcFlowParameters parameters;
  std::uint64_t seed = 1, events = 0;
  double delay = 0;
  for (auto _ : state) {
    const auto result = icsim::bench::run_ic_flow_reference(parameters, seed++);
    events += result.events;
    delay += result.delay_days_per_year[1] + result.delay_days_per_year[2] + result.delay_days_per_year[3];
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
  state.counters["canonical_events_per_second"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["delay_days_per_year"] = delay / static_cast<double>(state.iterations());
}

void BM_IcFlow_Icsim(benchmark::State& state) {
  const auto spec = icsim::scenario::load_scenario(std::string(ICSIM_SOURCE_DIR) + "/scenarios/bench/ic-flow.yaml");
  std::uint32_t replication = 0;
  std::uint64_t events = 0, native = 0;
  double delay = 0;
  for (auto _ : state) {
    const auto result = icsim::models::run_replication(spec, spec.seed, replication++);
    events += result.canonical_events;
    native += result.events;
    double total = 0;
    for (const auto& year : result.values[icsim::models::index(icsim::models::Metric::kNctrBedDays)]) total += year;
    delay += total / static_cast<double>(spec.years);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
  state.counters["canonical_events_per_second"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["native_events_per_canonical"] = static_cast<double>(native) / static_cast<double>(events);
  state.counters["delay_days_per_year"] = delay / static_cast<double>(state.iterations());
}

}  // namespace

BENCHMARK(BM_IcFlow_Reference)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_IcFlow_Icsim)->Unit(benchmark::kMillisecond)->MinTime(2.0);
