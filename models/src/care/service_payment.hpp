#pragma once
// What the area pays for a service in a year under its contract, and the
// part of it paid for capacity left unused.

#include <algorithm>

#include <icsim/models/scenario_spec.hpp>

namespace icsim::models::care {

// A year of a service, in unit-days of its capacity (bed days, care hours,
// package days).
struct ServiceYear {
  double used = 0.0;         // in use
  double capacity = 0.0;     // there to be used
  double above_block = 0.0;  // in use above a block (block and spot)
  double block = 0.0;        // on the block and there (block and spot: the block, or the capacity when less)
};

struct ServicePayment {
  double cost = 0.0;
  double idle = 0.0;  // paid for places nobody used
};

[[nodiscard]] inline ServicePayment payment(const ServiceSpec& service, const ServiceYear& year) {
  const double price = unit_price(service);
  switch (service.contract.kind) {
    // Bought spot, the council pays for its share (self-funders the rest).
    case ContractSpec::Kind::kSpot: return {year.used * price * service.council_funded_share, 0.0};
    case ContractSpec::Kind::kBlock: return {year.capacity * price, std::max(0.0, year.capacity - year.used) * price};
    case ContractSpec::Kind::kBlockAndSpot: {
      const double used_on_block = year.used - year.above_block;
      return {year.block * price + year.above_block * service.contract.spot_price * service.council_funded_share,
              std::max(0.0, year.block - used_on_block) * price};
    }
  }
  return {};
}

}  // namespace icsim::models::care
