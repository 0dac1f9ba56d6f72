#include <icsim/models/single_service.hpp>

#include <vector>

#include <icsim/engine/resource.hpp>
#include <icsim/engine/simulation.hpp>
#include <icsim/engine/statistics.hpp>

namespace icsim::models {
namespace {

using engine::SimTime;

enum EventKind : std::uint32_t { kReferral, kDeparture, kCapacityChange };
enum class Stream : engine::StreamId { kReferrals = 1, kLengthOfStay = 2 };

// Simultaneous events: a place given back is reused before a new referral
// at the same instant looks for one.
namespace priority {
constexpr engine::EventPriority kDeparture = 0;
constexpr engine::EventPriority kCapacityChange = 1;
constexpr engine::EventPriority kReferral = 2;
}  // namespace priority

class SingleServiceModel {
 public:
  SingleServiceModel(const SingleServiceConfig& config, std::uint64_t seed, std::uint32_t replication)
      : config_(config),
        periods_{config.warmup_days, config.run_days, 1},
        referral_gap_(engine::Exponential{1.0 / config.referrals_per_day}),
        arrivals_rng_(engine::make_stream(seed, replication, static_cast<engine::StreamId>(Stream::kReferrals))),
        stay_rng_(engine::make_stream(seed, replication, static_cast<engine::StreamId>(Stream::kLengthOfStay))),
        service_(config.capacity, engine::QueueDiscipline::kFirstComeFirstServed, periods_),
        referrals_(periods_),
        lost_(periods_),
        waited_(periods_),
        departures_(periods_) {}

  SingleServiceResult run() {
    sim_.set_warmup(config_.warmup_days);
    sim_.on_warmup([this](SimTime t) {
      service_.reset_statistics(t);
      referrals_.reset();
      lost_.reset();
      waited_.reset();
      departures_.reset();
    });
    sim_.schedule(referral_gap_.sample(arrivals_rng_), priority::kReferral, kReferral);
    if (config_.capacity_change_day != engine::kNever)
      sim_.schedule_at(config_.capacity_change_day, priority::kCapacityChange, kCapacityChange);
    const SimTime end = config_.warmup_days + config_.run_days;
    sim_.run_until(end, [this](const engine::Event& e) { handle(e); });
    service_.advance_statistics(end);

    SingleServiceResult r;
    r.referrals = referrals_.total();
    r.lost = lost_.total();
    r.waited = waited_.total();
    r.mean_wait_days = service_.waits().overall().mean();
    r.wait_p95_days = service_.waits().in_period(0).quantile(0.95);
    r.mean_queue_length = service_.queue_length().overall_mean();
    r.mean_occupancy = service_.occupancy().overall_mean();
    r.throughput_per_day = departures_.total() / config_.run_days;
    r.events = sim_.events_executed();
    r.fingerprint = sim_.fingerprint().value();
    return r;
  }

 private:
  void handle(const engine::Event& e) {
    const SimTime now = sim_.now();
    switch (e.kind) {
      case kReferral: {
        sim_.schedule(referral_gap_.sample(arrivals_rng_), priority::kReferral, kReferral);
        referrals_.add(now);
        // The stay is drawn on referral, so waiting consumes no randomness.
        const double stay = config_.length_of_stay_days.sample(stay_rng_);
        if (config_.lose_when_full && service_.available() < 1.0) {
          lost_.add(now);
          return;
        }
        const std::uint32_t patient = admit(stay);
        if (service_.request(now, patient)) {
          start(patient);
        } else {
          waited_.add(now);
        }
        return;
      }
      case kDeparture:
        departures_.add(now);
        free_.push_back(e.subject);
        service_.release(now, 1.0, [this](const engine::Request& r) { start(r.requester); });
        return;
      case kCapacityChange:
        service_.set_capacity(now, config_.capacity_after_change,
                              [this](const engine::Request& r) { start(r.requester); });
        return;
      default:
        return;
    }
  }

  // Patients in the system live in a pool of slots reused after they leave,
  // so memory follows the census, not the run length.
  std::uint32_t admit(double stay) {
    if (free_.empty()) {
      stay_days_.push_back(stay);
      return static_cast<std::uint32_t>(stay_days_.size() - 1);
    }
    const std::uint32_t slot = free_.back();
    free_.pop_back();
    stay_days_[slot] = stay;
    return slot;
  }

  void start(std::uint32_t patient) { sim_.schedule(stay_days_[patient], priority::kDeparture, kDeparture, patient); }

  const SingleServiceConfig& config_;
  engine::Periods periods_;
  engine::Distribution referral_gap_;
  engine::Rng arrivals_rng_;
  engine::Rng stay_rng_;
  engine::Simulation sim_;
  engine::Resource service_;
  engine::Counter referrals_, lost_, waited_, departures_;
  std::vector<double> stay_days_;
  std::vector<std::uint32_t> free_;
};

}  // namespace

SingleServiceResult run_single_service(const SingleServiceConfig& config, std::uint64_t seed,
                                       std::uint32_t replication) {
  return SingleServiceModel(config, seed, replication).run();
}

}  // namespace icsim::models
