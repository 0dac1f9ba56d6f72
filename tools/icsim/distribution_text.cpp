#include "distribution_text.hpp"

#include <type_traits>
#include <variant>

namespace icsim::tools {

std::string describe(const engine::Distribution& distribution, std::string (*number)(double)) {
  // Where the parameters do not say the mean, it is added.
  const std::string mean = " (mean " + number(distribution.mean()) + ")";
  return std::visit(
      [&](const auto& d) -> std::string {
        using D = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<D, engine::Fixed>) return "fixed " + number(d.value);
        if constexpr (std::is_same_v<D, engine::Exponential>) return "exponential, mean " + number(d.mean);
        if constexpr (std::is_same_v<D, engine::LogNormal>)
          return "lognormal, mean " + number(d.mean) + ", sd " + number(d.sd);
        if constexpr (std::is_same_v<D, engine::Gamma>)
          return "gamma, shape " + number(d.shape) + ", scale " + number(d.scale) + mean;
        if constexpr (std::is_same_v<D, engine::Weibull>)
          return "Weibull, shape " + number(d.shape) + ", scale " + number(d.scale) + mean;
        if constexpr (std::is_same_v<D, engine::Uniform>) return "uniform, " + number(d.min) + " to " + number(d.max);
        if constexpr (std::is_same_v<D, engine::Triangular>)
          return "triangular, " + number(d.min) + " to " + number(d.max) + ", mode " + number(d.mode);
        if constexpr (std::is_same_v<D, engine::EmpiricalObservations>)
          return "empirical, " + std::to_string(d.values.size()) + " observations" + mean;
        if constexpr (std::is_same_v<D, engine::EmpiricalHistogram>)
          return "empirical, " + std::to_string(d.weights.size()) + " bins from " + number(d.edges.front()) + " to " +
                 number(d.edges.back()) + mean;
      },
      distribution.spec());
}

}  // namespace icsim::tools
