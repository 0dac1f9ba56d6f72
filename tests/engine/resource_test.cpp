#include <catch2/catch.hpp>

#include <vector>

#include <icsim/engine/resource.hpp>

using icsim::engine::Periods;
using icsim::engine::QueueDiscipline;
using icsim::engine::Request;
using icsim::engine::Resource;

namespace {
const Periods kYear{0.0, 365.0, 1};

struct Granted {
  std::vector<std::uint32_t> who;
  void operator()(const Request& r) { who.push_back(r.requester); }
};
}  // namespace

TEST_CASE("a free unit is granted at once; a full pool queues", "[resource]") {
  Resource beds(2, QueueDiscipline::kFirstComeFirstServed, kYear);
  CHECK(beds.request(0.0, 1));
  CHECK(beds.request(0.0, 2));
  CHECK_FALSE(beds.request(1.0, 3));
  CHECK_FALSE(beds.request(2.0, 4));
  CHECK(beds.in_use() == 2);
  CHECK(beds.waiting() == 2);

  Granted granted;
  beds.release(3.0, 1, granted);
  CHECK(granted.who == std::vector<std::uint32_t>{3});
  beds.release(4.0, 1, granted);
  CHECK(granted.who == std::vector<std::uint32_t>{3, 4});
  CHECK(beds.waiting() == 0);
  CHECK(beds.in_use() == 2);
  // Waits: 0, 0, 2 (3 waited from 1 to 3) and 2 (4 from 2 to 4).
  CHECK(beds.waits().overall().count() == 4);
  CHECK(beds.waits().overall().mean() == Approx(1.0));
  CHECK(beds.waits().overall().max() == Approx(2.0));
}

TEST_CASE("nobody overtakes the queue while it is not empty", "[resource]") {
  Resource hours(10, QueueDiscipline::kFirstComeFirstServed, kYear);
  CHECK(hours.request(0.0, 1, 8.0));
  CHECK_FALSE(hours.request(0.0, 2, 4.0));  // needs 4, only 2 free
  CHECK_FALSE(hours.request(0.0, 3, 1.0));  // would fit, but 2 is ahead
  Granted granted;
  hours.release(1.0, 3.0, granted);  // 5 free: 2 takes 4, then 3 takes 1
  CHECK(granted.who == std::vector<std::uint32_t>{2, 3});
  CHECK(hours.in_use() == Approx(10.0));
}

TEST_CASE("priority queue serves lower priority numbers first, then first come", "[resource]") {
  Resource beds(1, QueueDiscipline::kPriority, kYear);
  CHECK(beds.request(0.0, 1));
  beds.request(0.0, 2, 1.0, 5);
  beds.request(0.0, 3, 1.0, 1);
  beds.request(0.0, 4, 1.0, 5);
  beds.request(0.0, 5, 1.0, 1);
  Granted granted;
  for (int i = 0; i < 5; ++i) beds.release(1.0 + i, 1.0, granted);
  CHECK(granted.who == std::vector<std::uint32_t>{3, 5, 2, 4});
}

TEST_CASE("capacity changes keep everyone in service and in the queue", "[resource]") {
  Resource beds(3, QueueDiscipline::kFirstComeFirstServed, kYear);
  for (std::uint32_t p = 1; p <= 5; ++p) beds.request(0.0, p);
  CHECK(beds.in_use() == 3);
  CHECK(beds.waiting() == 2);
  Granted granted;

  SECTION("a ward opens: the queue is served at once") {
    beds.set_capacity(1.0, 4, granted);
    CHECK(granted.who == std::vector<std::uint32_t>{4});
    CHECK(beds.waiting() == 1);
  }
  SECTION("staff leave: nobody is evicted, and no one starts until the pool is back under capacity") {
    beds.set_capacity(1.0, 1, granted);
    CHECK(beds.in_use() == 3);
    CHECK(beds.waiting() == 2);
    beds.release(2.0, 1, granted);
    beds.release(3.0, 1, granted);
    CHECK(granted.who.empty());  // 1 in use of 1
    beds.release(4.0, 1, granted);
    CHECK(granted.who == std::vector<std::uint32_t>{4});
    CHECK(beds.in_use() == 1);
    CHECK(beds.waiting() == 1);
  }
}

TEST_CASE("a withdrawn request leaves the queue and is never granted", "[resource]") {
  Resource beds(1, QueueDiscipline::kFirstComeFirstServed, kYear);
  beds.request(0.0, 1);
  beds.request(0.0, 2);
  beds.request(0.0, 3);
  CHECK(beds.withdraw(1.0, 2));
  CHECK_FALSE(beds.withdraw(1.0, 2));
  Granted granted;
  beds.release(2.0, 1, granted);
  CHECK(granted.who == std::vector<std::uint32_t>{3});
}

TEST_CASE("occupancy and queue length are time-weighted", "[resource]") {
  Resource beds(1, QueueDiscipline::kFirstComeFirstServed, Periods{0.0, 10.0, 1});
  Granted granted;
  beds.request(0.0, 1);   // in use 1 from 0
  beds.request(2.0, 2);   // queue 1 from 2
  beds.release(6.0, 1, granted);  // 2 starts at 6; queue 0
  beds.release(8.0, 1, granted);  // empty from 8
  beds.advance_statistics(10.0);
  CHECK(beds.occupancy().mean(0) == Approx(0.8));      // 8 of 10 days
  CHECK(beds.queue_length().mean(0) == Approx(0.4));   // 4 of 10 days
  CHECK(beds.capacity_over_time().mean(0) == Approx(1.0));
}

TEST_CASE("after the last waiting request is withdrawn, a free unit is granted at once", "[resource]") {
  Resource beds(1, QueueDiscipline::kFirstComeFirstServed, kYear);
  Granted granted;
  beds.request(0.0, 1);
  beds.request(0.0, 2);
  beds.request(0.0, 3);
  beds.release(1.0, 1, granted);  // 2 starts; 3 waits behind a served slot
  CHECK(beds.withdraw(2.0, 3));
  CHECK(beds.waiting() == 0);
  beds.release(3.0, 1, granted);
  CHECK(beds.request(4.0, 4));  // free, and nobody is ahead
  CHECK(beds.waiting() == 0);
}
