#include "ic_flow_reference.hpp"

#include <cmath>
#include <vector>

namespace icsim::bench {
namespace {

// xoshiro256** seeded through splitmix64.
class Xoshiro {
 public:
  explicit Xoshiro(std::uint64_t seed) {
    for (auto& word : state_) {
      seed += 0x9e3779b97f4a7c15ULL;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      word = z ^ (z >> 31);
    }
  }
  std::uint64_t next() {
    const std::uint64_t result = rotate(state_[1] * 5, 7) * 9, t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotate(state_[3], 45);
    return result;
  }
  double open01() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }  // (0, 1)
  double exponential(double rate) { return -std::log(open01()) / rate; }
  double normal() {  // Marsaglia's polar method, keeping the second value
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u, v, q;
    do {
      u = 2.0 * open01() - 1.0;
      v = 2.0 * open01() - 1.0;
      q = u * u + v * v;
    } while (q >= 1.0);
    const double f = std::sqrt(-2.0 * std::log(q) / q);
    spare_ = v * f;
    has_spare_ = true;
    return u * f;
  }

 private:
  static std::uint64_t rotate(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4];
  bool has_spare_ = false;
  double spare_ = 0.0;
};

struct Lognormal {
  double mu, sigma;
  Lognormal(double mean, double sd) {
    const double variance = std::log(1.0 + sd * sd / (mean * mean));
    mu = std::log(mean) - variance / 2.0;
    sigma = std::sqrt(variance);
  }
  double operator()(Xoshiro& rng) const { return std::exp(mu + sigma * rng.normal()); }
};

enum Kind : std::uint32_t { kArrival = 0, kAcuteEnd = 1, kPathwayEnd = 2 };  // kPathwayEnd + k

struct Event {
  double time;
  std::uint32_t kind;
};

class BinaryHeap {
 public:
  void push(Event e) {
    std::size_t i = heap_.size();
    heap_.push_back(e);
    while (i > 0 && e.time < heap_[(i - 1) / 2].time) {
      heap_[i] = heap_[(i - 1) / 2];
      i = (i - 1) / 2;
    }
    heap_[i] = e;
  }
  Event pop() {
    const Event top = heap_.front(), last = heap_.back();
    heap_.pop_back();
    const std::size_t n = heap_.size();
    std::size_t i = 0;
    for (;;) {
      std::size_t child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && heap_[child + 1].time < heap_[child].time) ++child;
      if (!(heap_[child].time < last.time)) break;
      heap_[i] = heap_[child];
      i = child;
    }
    if (n > 0) heap_[i] = last;
    return top;
  }
  [[nodiscard]] bool empty() const { return heap_.empty(); }

 private:
  std::vector<Event> heap_;
};

}  // namespace

IcFlowResult run_ic_flow_reference(const IcFlowParameters& p, std::uint64_t seed) {
  Xoshiro rng(seed);
  const Lognormal acute(p.acute_mean, p.acute_sd);
  const Lognormal stay[4] = {{1, 1}, {p.stay_mean[1], p.stay_sd[1]}, {p.stay_mean[2], p.stay_sd[2]},
                             {p.stay_mean[3], p.stay_sd[3]}};
  const double cut1 = p.pathway_share[0], cut2 = cut1 + p.pathway_share[1], cut3 = cut2 + p.pathway_share[2];
  int busy[4] = {0, 0, 0, 0}, waiting[4] = {0, 0, 0, 0};
  double last_change[4] = {0, 0, 0, 0}, busy_days[4] = {0, 0, 0, 0}, waiting_days[4] = {0, 0, 0, 0};
  // Integrates pathway k's levels over the measured window up to t.
  auto integrate = [&](int k, double t) {
    const double from = std::max(last_change[k], p.warmup_days), to = std::min(t, p.horizon_days);
    if (to > from) {
      busy_days[k] += busy[k] * (to - from);
      waiting_days[k] += waiting[k] * (to - from);
    }
    last_change[k] = t;
  };

  IcFlowResult result;
  BinaryHeap events;
  events.push({rng.exponential(p.arrivals_per_day), kArrival});
  while (!events.empty()) {
    const Event e = events.pop();
    if (e.time >= p.horizon_days) break;
    ++result.events;
    if (e.kind == kArrival) {
      events.push({e.time + rng.exponential(p.arrivals_per_day), kArrival});
      events.push({e.time + acute(rng), kAcuteEnd});
    } else if (e.kind == kAcuteEnd) {
      const double u = rng.open01();
      const int k = u < cut1 ? 0 : u < cut2 ? 1 : u < cut3 ? 2 : 3;
      if (k == 0) continue;
      integrate(k, e.time);
      if (busy[k] < p.capacity[k]) {
        ++busy[k];
        events.push({e.time + stay[k](rng), kPathwayEnd + static_cast<std::uint32_t>(k)});
      } else {
        ++waiting[k];  // waits in the acute bed; FIFO order does not change the levels
      }
    } else {
      const int k = static_cast<int>(e.kind - kPathwayEnd);
      integrate(k, e.time);
      if (waiting[k] > 0) {  // the place passes straight to the first in the queue
        --waiting[k];
        events.push({e.time + stay[k](rng), e.kind});
      } else {
        --busy[k];
      }
    }
  }
  const double years = (p.horizon_days - p.warmup_days) / 365.0;
  for (int k = 1; k <= 3; ++k) {
    integrate(k, p.horizon_days);
    result.delay_days_per_year[k] = waiting_days[k] / years;
    result.utilisation[k] = busy_days[k] / (p.capacity[k] * (p.horizon_days - p.warmup_days));
  }
  return result;
}

}  // namespace icsim::bench
