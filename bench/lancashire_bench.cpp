// Lancashire and South Cumbria by place beside the same services pooled
// over the whole area (scenarios/lancashire/pooled.yaml), side by side in one
// binary: what places cost the event loop. One replication an iteration,
// single-threaded; events a second and events per replication as counters.

#include <benchmark/benchmark.h>

#include <string>

#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/scenario/load.hpp>

namespace {

void run_lancashire(benchmark::State& state, const char* file) {
  const auto spec = icsim::scenario::load_scenario(std::string(ICSIM_SOURCE_DIR) + "/scenarios/lancashire/" + file);
  std::uint32_t replication = 0;
  std::uint64_t events = 0;
  for (auto _ : state) {
    const auto result = icsim::models::run_replication(spec, spec.seed, replication++ % 4);
    events += result.events;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
  state.counters["events_per_second"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["events_per_replication"] = static_cast<double>(events) / static_cast<double>(state.iterations());
}

void BM_Lancashire_ByPlace(benchmark::State& state) { run_lancashire(state, "current-model.yaml"); }
void BM_Lancashire_Pooled(benchmark::State& state) { run_lancashire(state, "pooled.yaml"); }

}  // namespace

BENCHMARK(BM_Lancashire_ByPlace)->Unit(benchmark::kMillisecond)->MinTime(5.0);
BENCHMARK(BM_Lancashire_Pooled)->Unit(benchmark::kMillisecond)->MinTime(5.0);
