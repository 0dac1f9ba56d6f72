#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <vector>

#include <icsim/engine/event_queue.hpp>

using icsim::engine::Event;
using icsim::engine::EventQueue;

TEST_CASE("events come out in time order", "[event_queue]") {
  EventQueue q;
  std::mt19937_64 gen(7);  // only to shuffle inputs; model randomness uses Boost.Random
  std::uniform_real_distribution<double> time(0.0, 100.0);
  for (std::uint32_t i = 0; i < 10000; ++i) q.push(time(gen), 0, 0, i);
  double last = -1.0;
  std::size_t popped = 0;
  while (!q.empty()) {
    const Event e = q.pop();
    REQUIRE(e.time >= last);
    last = e.time;
    ++popped;
  }
  CHECK(popped == 10000);
}

TEST_CASE("equal times run by priority, then in insertion order", "[event_queue]") {
  EventQueue q;
  q.push(5.0, 2, 0, 1);
  q.push(5.0, 0, 0, 2);
  q.push(5.0, 2, 0, 3);
  q.push(4.0, 9, 0, 4);
  q.push(5.0, 0, 0, 5);
  std::vector<std::uint32_t> order;
  while (!q.empty()) order.push_back(q.pop().subject);
  CHECK(order == std::vector<std::uint32_t>{4, 2, 5, 1, 3});
}

TEST_CASE("priority and id survive the packed order key", "[event_queue]") {
  EventQueue q;
  q.push(1.0, 0, 0, 0);
  const auto id = q.push(1.0, 200, 7, 9);
  q.pop();
  const Event e = q.pop();
  CHECK(e.priority() == 200);
  CHECK(e.id() == id);
  CHECK(e.kind == 7);
  CHECK(e.subject == 9);
}

TEST_CASE("a cancelled event never runs", "[event_queue]") {
  EventQueue q;
  std::vector<icsim::engine::EventId> ids;
  for (std::uint32_t i = 0; i < 100; ++i) ids.push_back(q.push(static_cast<double>(i % 10), 0, 0, i));
  // Cancel every third, including the very first to run.
  for (std::size_t i = 0; i < ids.size(); i += 3) q.cancel(ids[i]);
  CHECK(q.size() == 66);
  std::vector<bool> seen(100, false);
  while (!q.empty()) seen[q.pop().subject] = true;
  for (std::uint32_t i = 0; i < 100; ++i) CHECK(seen[i] == (i % 3 != 0));
}

TEST_CASE("cancelling twice counts once", "[event_queue]") {
  EventQueue q;
  const auto a = q.push(1.0, 0, 0, 1);
  q.push(2.0, 0, 0, 2);
  q.cancel(a);
  q.cancel(a);
  CHECK(q.size() == 1);
  CHECK(q.pop().subject == 2);
  CHECK(q.empty());
}

TEST_CASE("cancelling an event that already ran leaves the queue consistent", "[event_queue]") {
  EventQueue q;
  const auto ran = q.push(1.0, 0, 0, 1);
  q.pop();
  q.cancel(ran);
  CHECK(q.empty());
  CHECK(q.size() == 0);
  q.push(2.0, 0, 0, 2);
  CHECK(q.size() == 1);
  CHECK(q.pop().subject == 2);
}

TEST_CASE("the branch-free pop keeps the exact order over many equal keys", "[event_queue]") {
  // Few distinct times and priorities: ties everywhere, decided by sequence.
  EventQueue q;
  std::mt19937_64 gen(3);
  std::vector<Event> expected;
  for (std::uint32_t i = 0; i < 5000; ++i) {
    const double time = static_cast<double>(gen() % 7);
    const auto priority = static_cast<icsim::engine::EventPriority>(gen() % 3);
    const auto id = q.push(time, priority, 0, i);
    expected.push_back(Event{time, (std::uint64_t{priority} << Event::kSequenceBits) | id, 0, i});
  }
  std::sort(expected.begin(), expected.end(), icsim::engine::precedes);
  for (const Event& e : expected) REQUIRE(q.pop().subject == e.subject);
}
