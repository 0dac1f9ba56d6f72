#pragma once
// Patients are plain records in a pool, reused when people leave: no
// allocation per patient once the pool has grown to the run's peak.

#include <cstdint>
#include <limits>
#include <vector>

#include <icsim/engine/event_queue.hpp>
#include <icsim/engine/sim_time.hpp>

namespace icsim::models::care {

using PatientId = std::uint32_t;
inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Where a patient is now.
enum class Whereabouts : std::uint8_t {
  kGone,
  kAcute,        // in an acute bed
  kService,      // in (or holding a place in) an intermediate-care service
  kBridging,     // left hospital for a bridging bed while still queued for the service needed
  kStepUpQueue,  // stepped up from the community, waiting for a place
  kHome,         // at home, waiting for long-term care from the community
};

struct Patient {
  engine::SimTime admitted = 0.0;
  engine::SimTime waiting_since = 0.0;
  engine::SimTime nctr_since = 0.0;
  double acute_days = 0.0;           // admission to no longer meeting the criteria to reside, drawn on arrival
  double hub_uniform = 0.0;          // where in the hub's time for their pathway the patient falls
  double pathway_uniform = 0.0;
  double route_uniform = 0.0;        // which of several services a route offers
  double p0_uniform = 0.0;           // home, readmitted or dead after a pathway 0 discharge
  double held_units = 0.0;           // in `service`
  double bridging_units = 0.0;       // in the bridging service while waiting
  double waited_days = 0.0;          // for the place in `service`
  engine::EventId timer = 0;         // bridging or step-up timeout, when timer_set
  engine::EventId ease = 0;          // package eases, when ease_set
  engine::EventId aid_timer = 0;     // mutual aid becomes due, when aid_timer_set
  std::uint32_t service = kNone;     // the service the patient is in (or holds a place in)
  std::uint32_t waiting_for = kNone;  // the service whose queue the patient is in
  std::uint32_t leaving_to = kNone;  // where a scheduled discharge from acute goes
  std::uint32_t bridging_service = kNone;  // where bridged patients hold a place
  std::uint32_t follow_up = kNone;   // the 91-day follow-up watching this patient
  std::uint32_t aid_ticket = 0;      // which wait a mutual-aid offer is for
  std::uint32_t nctr_service = kNone;  // the service an NCTR patient in an acute bed waits for
  // Where the patient is from and counted. band and flow follow from cell
  // and hospital; they are kept because nearly every event reads them.
  std::uint16_t cell = 0;            // place and age band
  std::uint16_t hospital = 0;        // admitted to (0 for step-up patients never admitted)
  std::uint16_t flow = 0;            // place x hospital: where the patient is counted
  std::uint8_t band = 0;
  std::uint8_t pathway = 0;
  std::uint8_t nctr_reason = 0;      // NctrReason: why, not meeting the criteria to reside, still in an acute bed
  Whereabouts where = Whereabouts::kGone;
  bool nctr = false;
  bool timer_set = false;
  bool ease_set = false;
  bool aid_timer_set = false;
  bool leave_scheduled = false;
  bool avoidable = false;  // an ambulatory-care-sensitive condition
  bool fall = false;
  bool stepped_up = false;  // cared for by step-up instead of being admitted
  bool dies_in_hospital = false;
  bool community_client = false;  // came to long-term care from the community, not through hospital or IC
  bool waiting_in_ic = false;     // holding an intermediate-care place while waiting for long-term care
};

class PatientPool {
 public:
  PatientId allocate() {
    if (free_.empty()) {
      patients_.emplace_back();
      return static_cast<PatientId>(patients_.size() - 1);
    }
    const PatientId id = free_.back();
    free_.pop_back();
    patients_[id] = Patient{};
    return id;
  }
  void release(PatientId id) {
    patients_[id].where = Whereabouts::kGone;
    free_.push_back(id);
  }
  Patient& operator[](PatientId id) { return patients_[id]; }
  // f(id, patient) for everyone in the system.
  template <class F>
  void for_each(F&& f) {
    for (std::size_t id = 0; id < patients_.size(); ++id)
      if (patients_[id].where != Whereabouts::kGone) f(static_cast<PatientId>(id), patients_[id]);
  }
  [[nodiscard]] std::size_t in_system() const { return patients_.size() - free_.size(); }

 private:
  std::vector<Patient> patients_;
  std::vector<PatientId> free_;
};

}  // namespace icsim::models::care
