// A whole M/M/c run, as the demonstration and the validation tests use it:
// 50 places, exponential stays of mean 10 days, referrals at utilisation
// 0.9, one year of warm-up and ten measured years. Reported in events per
// second (every event the loop executed, warm-up included).

#include <benchmark/benchmark.h>

#include <cstdint>

#include <icsim/engine/distributions.hpp>
#include <icsim/models/single_service.hpp>

namespace {

void BM_SingleService_MMc(benchmark::State& state) {
  icsim::models::SingleServiceConfig config;
  config.capacity = 50;
  config.length_of_stay_days = icsim::engine::Distribution(icsim::engine::Exponential{10.0});
  config.referrals_per_day = 0.9 * 50 / 10.0;  // utilisation 0.9
  config.warmup_days = 365.0;
  config.run_days = 3650.0;

  std::uint64_t events = 0;
  std::uint32_t replication = 0;
  for (auto _ : state) {
    const icsim::models::SingleServiceResult r = icsim::models::run_single_service(config, 42, replication++);
    events += r.events;
    benchmark::DoNotOptimize(r.fingerprint);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
  state.counters["events_per_second"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["events_per_run"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kAvgIterations);
}

}  // namespace

BENCHMARK(BM_SingleService_MMc)->Unit(benchmark::kMillisecond);
