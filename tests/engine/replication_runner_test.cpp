#include <catch2/catch.hpp>

#include <stdexcept>
#include <thread>
#include <vector>

#include <icsim/engine/distributions.hpp>
#include <icsim/engine/replication_runner.hpp>

using icsim::engine::run_replications;

namespace {
// A replication whose result depends only on its index; sleeps so that
// threads finish out of order.
double replicate(int r) {
  auto rng = icsim::engine::make_stream(99, static_cast<std::uint32_t>(r), 1);
  std::this_thread::sleep_for(std::chrono::milliseconds((r * 7) % 5));
  return icsim::engine::uniform01(rng);
}
}  // namespace

TEST_CASE("results come back in replication order whatever the threads", "[replications]") {
  const auto one = run_replications(20, 1, replicate);
  const auto two = run_replications(20, 2, replicate);
  const auto eight = run_replications(20, 8, replicate);
  REQUIRE(one.size() == 20);
  CHECK(one == two);
  CHECK(one == eight);
  for (int r = 0; r < 20; ++r) CHECK(one[static_cast<std::size_t>(r)] == replicate(r));
}

TEST_CASE("progress is reported once per replication", "[replications]") {
  std::vector<int> reported;
  run_replications(6, 3, replicate, [&](int done) { reported.push_back(done); });
  CHECK(reported == std::vector<int>{1, 2, 3, 4, 5, 6});
}

TEST_CASE("a failing replication's exception reaches the caller", "[replications]") {
  auto failing = [](int r) -> int {
    if (r == 3) throw std::runtime_error("replication 3 failed");
    return r;
  };
  CHECK_THROWS_WITH(run_replications(10, 2, failing), "replication 3 failed");
}
