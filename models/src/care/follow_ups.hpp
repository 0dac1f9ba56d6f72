#pragma once
// ASCOF 2B(1): people aged 65+ discharged from hospital into reablement or
// rehabilitation in October to December, and where they are 91 days later.
// A follow-up watches its patient until the patient leaves the system, then
// remembers where they went.

#include <cstdint>
#include <vector>

#include "patients.hpp"

namespace icsim::models::care {

inline constexpr int kQ3FirstMonth = 9;  // October: the cohort is October to December discharges
inline constexpr double kFollowUpDays = 91.0;

struct FollowUp {
  PatientId patient = kNone;  // kNone once the patient has left the system
  std::int16_t cohort_year = 0;
  std::uint16_t flow = 0;
  bool at_home = false;       // where the patient went on leaving
};

class FollowUps {
 public:
  std::uint32_t start(PatientId patient, int cohort_year, std::uint16_t flow) {
    std::uint32_t f;
    if (free_.empty()) {
      f = static_cast<std::uint32_t>(follow_ups_.size());
      follow_ups_.emplace_back();
    } else {
      f = free_.back();
      free_.pop_back();
    }
    follow_ups_[f] = FollowUp{patient, static_cast<std::int16_t>(cohort_year), flow, false};
    return f;
  }
  FollowUp& operator[](std::uint32_t f) { return follow_ups_[f]; }
  void finish(std::uint32_t f) { free_.push_back(f); }

 private:
  std::vector<FollowUp> follow_ups_;
  std::vector<std::uint32_t> free_;
};

}  // namespace icsim::models::care
