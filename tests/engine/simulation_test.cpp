#include <catch2/catch.hpp>

#include <vector>

#include <icsim/engine/simulation.hpp>

using icsim::engine::Event;
using icsim::engine::RunOutcome;
using icsim::engine::Simulation;

TEST_CASE("the clock follows the events and stops at the end time", "[simulation]") {
  Simulation sim;
  std::vector<double> times;
  sim.schedule(3.0, 0, 1);
  sim.schedule(1.0, 0, 1);
  sim.schedule(12.0, 0, 1);
  const auto outcome = sim.run_until(10.0, [&](const Event&) { times.push_back(sim.now()); });
  CHECK(outcome == RunOutcome::kReachedEnd);
  CHECK(times == std::vector<double>{1.0, 3.0});
  CHECK(sim.now() == 10.0);
  CHECK(sim.events_pending() == 1);
  CHECK(sim.events_executed() == 2);
}

TEST_CASE("an event at exactly the end time waits for the next run", "[simulation]") {
  Simulation sim;
  int runs = 0;
  sim.schedule(10.0, 0, 1);
  sim.run_until(10.0, [&](const Event&) { ++runs; });
  CHECK(runs == 0);
  sim.run_until(20.0, [&](const Event&) { ++runs; });
  CHECK(runs == 1);
}

TEST_CASE("handlers schedule further events; times never decrease", "[simulation]") {
  Simulation sim;
  double last = 0.0;
  int count = 0;
  sim.schedule(0.5, 0, 0);
  int same_instant_runs = 0;
  sim.run_until(100.0, [&](const Event& e) {
    REQUIRE(sim.now() >= last);
    last = sim.now();
    ++count;
    if (e.kind == 1) {  // scheduled for the same instant as its parent: runs at that instant
      same_instant_runs += sim.now() == last ? 1 : 0;
      return;
    }
    sim.schedule(0.5, 0, 0);
    sim.schedule(0.0, 1, 1);
  });
  CHECK(count == 2 * 199);  // events at 0.5, 1.0, ..., 99.5, each with its same-instant child
  CHECK(same_instant_runs == 199);
}

TEST_CASE("stop() ends the run after the current event", "[simulation]") {
  Simulation sim;
  for (int i = 1; i <= 5; ++i) sim.schedule(i, 0, static_cast<std::uint32_t>(i));
  const auto outcome = sim.run_until(100.0, [&](const Event& e) {
    if (e.kind == 3) sim.stop();
  });
  CHECK(outcome == RunOutcome::kStopped);
  CHECK(sim.now() == 3.0);
  CHECK(sim.run_until(100.0, [](const Event&) {}) == RunOutcome::kNoEvents);
}

TEST_CASE("cancelled events do not run", "[simulation]") {
  Simulation sim;
  std::vector<std::uint32_t> ran;
  const auto id = sim.schedule(1.0, 0, 1);
  sim.schedule(2.0, 0, 2);
  sim.cancel(id);
  sim.run_until(5.0, [&](const Event& e) { ran.push_back(e.kind); });
  CHECK(ran == std::vector<std::uint32_t>{2});
}

TEST_CASE("the warm-up hook runs once, at the boundary, before events at or after it", "[simulation]") {
  Simulation sim;
  sim.set_warmup(5.0);
  std::vector<double> hook_times;
  std::vector<double> event_times;
  bool hook_seen_before_event_at_5 = false;
  sim.on_warmup([&](double t) { hook_times.push_back(t); });
  for (double t : {1.0, 5.0, 7.0}) sim.schedule(t, 0, 0);
  sim.run_until(10.0, [&](const Event&) {
    if (sim.now() == 5.0) hook_seen_before_event_at_5 = hook_times.size() == 1;
    event_times.push_back(sim.now());
  });
  CHECK(hook_times == std::vector<double>{5.0});
  CHECK(hook_seen_before_event_at_5);
}

TEST_CASE("the warm-up hook runs even when no event falls after the boundary", "[simulation]") {
  Simulation sim;
  sim.set_warmup(5.0);
  int hooks = 0;
  sim.on_warmup([&](double) { ++hooks; });
  sim.schedule(20.0, 0, 0);
  sim.run_until(10.0, [](const Event&) {});
  CHECK(hooks == 1);
}

TEST_CASE("same schedule gives the same fingerprint; a different one does not", "[simulation]") {
  auto fingerprint = [](double shift) {
    Simulation sim;
    for (int i = 0; i < 10; ++i) sim.schedule(i + shift, 0, 1, static_cast<std::uint32_t>(i));
    sim.run_until(100.0, [](const Event&) {});
    return sim.fingerprint().value();
  };
  CHECK(fingerprint(0.0) == fingerprint(0.0));
  CHECK(fingerprint(0.0) != fingerprint(0.5));
}
