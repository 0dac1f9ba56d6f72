// Same seed, same bytes: whatever the thread count, and against a pinned
// golden run whose event fingerprint changes only on purpose
// (tools/fingerprint_update.sh rewrites tests/golden/ and says so).

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <icsim/engine/replication_runner.hpp>
#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/single_service.hpp>

#include "../models/small_area.hpp"

using namespace icsim;

namespace {

models::SingleServiceConfig small_bed_base() {
  models::SingleServiceConfig c;
  c.capacity = 8;
  c.referrals_per_day = 0.7;
  c.length_of_stay_days = engine::Distribution(engine::LogNormal{10.0, 8.0});
  c.warmup_days = 100.0;
  c.run_days = 1000.0;
  return c;
}

// Every number of every replication, in hexadecimal floating point: exact.
std::string serialise(int threads) {
  const auto config = small_bed_base();
  const auto results = engine::run_replications(8, threads, [&](int r) {
    return models::run_single_service(config, 2026, static_cast<std::uint32_t>(r));
  });
  std::ostringstream out;
  for (const auto& r : results) {
    out << std::hexfloat << r.referrals << ' ' << r.waited << ' ' << r.mean_wait_days << ' ' << r.mean_queue_length
        << ' ' << r.mean_occupancy << ' ' << r.throughput_per_day << ' ' << r.events << ' ' << r.fingerprint << '\n';
  }
  return out.str();
}

const std::string kGoldenPath = std::string(ICSIM_SOURCE_DIR) + "/tests/golden/single_service.txt";

}  // namespace

TEST_CASE("results are byte-identical on 1 and 2 threads", "[determinism]") {
  const std::string one = serialise(1);
  CHECK(one == serialise(2));
  CHECK(one == serialise(4));
}

TEST_CASE("the golden run's events and results are pinned", "[determinism][golden]") {
  const auto result = models::run_single_service(small_bed_base(), 2026, 0);
  std::ostringstream actual;
  actual << "events " << result.events << "\nfingerprint " << std::hex << result.fingerprint << "\nreferrals "
         << std::dec << result.referrals << "\nmean_wait_days " << std::hexfloat << result.mean_wait_days << '\n';
  if (std::getenv("ICSIM_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(kGoldenPath) << actual.str();
    WARN("golden run rewritten: " << kGoldenPath);
  }
  std::ifstream file(kGoldenPath);
  REQUIRE(file.good());
  std::stringstream expected;
  expected << file.rdbuf();
  CHECK(actual.str() == expected.str());
}

TEST_CASE("the intermediate-care model is byte-identical on 1 and 2 threads", "[determinism]") {
  auto spec = test::small_area();
  spec.bridging_after_days = 3.0;  // exercise timers and cancellation too
  spec.bridging_routes = {{2}};
  spec.deconditioning_per_day_waited = 0.01;
  auto serialise_model = [&](int threads) {
    std::ostringstream out;
    for (const auto& r : models::run_replications(spec, 4, 99, threads)) {
      out << r.events << ' ' << std::hex << r.fingerprint << std::hexfloat;
      for (const auto& metric : r.values)
        for (double v : metric) out << ' ' << v;
      out << '\n';
    }
    return out.str();
  };
  CHECK(serialise_model(1) == serialise_model(2));
}
