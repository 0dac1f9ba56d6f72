#pragma once
// The order of the model's simultaneous events, declared once. Lower runs
// first at the same instant.

#include <icsim/engine/event_queue.hpp>

namespace icsim::models::priority {

// Capacity changes first: a ward that opens today is there for today's patients.
inline constexpr engine::EventPriority kCapacityChange = 0;
// A place given back is free before anyone at the same instant looks for one.
inline constexpr engine::EventPriority kRelease = 1;
// A granted place is taken up (and a package eases) before new demand arrives.
inline constexpr engine::EventPriority kTransfer = 2;
// Clinical milestones: criteria to reside no longer met, triage done, discharge.
inline constexpr engine::EventPriority kMilestone = 3;
// New demand last, so it sees the state after everything else at this instant.
inline constexpr engine::EventPriority kArrival = 4;
// Observations (the daily census) see the instant's final state.
inline constexpr engine::EventPriority kObserve = 5;

}  // namespace icsim::models::priority
