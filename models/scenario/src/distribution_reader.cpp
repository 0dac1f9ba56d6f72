#include "distribution_reader.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include <icsim/scenario/did_you_mean.hpp>

#include "value_reader.hpp"

namespace icsim::scenario {
namespace {

const std::vector<std::string_view> kDistributionNames{"exponential", "lognormal", "gamma",      "weibull",
                                                       "uniform",     "triangular", "fixed", "empirical"};

constexpr std::string_view kForm = "a distribution is a map with one key naming it, like {lognormal: {mean: 4, sd: 2}}";

// Reads the named parameters of a distribution, all required and finite;
// whether they make sense is distribution_error's to say.
std::optional<std::vector<double>> read_parameters(const SourceNode& node, const std::string& path,
                                                   const std::vector<std::string_view>& names,
                                                   DiagnosticList& diagnostics) {
  const MapReader parameters(node, path, diagnostics);
  if (!parameters.is_map()) return std::nullopt;
  parameters.allow_only(names);
  std::vector<double> values;
  bool complete = true;
  for (std::string_view name : names) {
    const std::optional<double> value = parameters.required_number(name, NumberRule::kAny);
    complete = complete && value.has_value();
    values.push_back(value.value_or(0.0));
  }
  if (!complete) return std::nullopt;
  return values;
}

std::optional<engine::DistributionSpec> read_empirical(const SourceNode& node, const std::string& path,
                                                       DiagnosticList& diagnostics) {
  const MapReader empirical(node, path, diagnostics);
  if (!empirical.is_map()) return std::nullopt;
  empirical.allow_only({"observations", "edges", "weights"});
  const SourceNode* observations = empirical.optional("observations");
  const SourceNode* edges = empirical.optional("edges");
  const SourceNode* weights = empirical.optional("weights");
  if (observations != nullptr && (edges != nullptr || weights != nullptr)) {
    diagnostics.error(node.location, path + ": give either observations, or edges and weights, not both");
    return std::nullopt;
  }
  if (observations != nullptr) {
    auto values = read_numbers(*observations, empirical.path_of("observations"), NumberRule::kAny, 0, diagnostics);
    if (!values) return std::nullopt;
    return engine::EmpiricalObservations{std::move(*values)};
  }
  if (edges == nullptr && weights == nullptr) {
    diagnostics.error(node.location, path + ": missing required key \"observations\" (or \"edges\" and \"weights\")");
    return std::nullopt;
  }
  edges = empirical.required("edges");
  weights = empirical.required("weights");
  if (edges == nullptr || weights == nullptr) return std::nullopt;
  auto edge_values = read_numbers(*edges, empirical.path_of("edges"), NumberRule::kAny, 0, diagnostics);
  auto weight_values = read_numbers(*weights, empirical.path_of("weights"), NumberRule::kAny, 0, diagnostics);
  if (!edge_values || !weight_values) return std::nullopt;
  return engine::EmpiricalHistogram{std::move(*edge_values), std::move(*weight_values)};
}

std::optional<engine::DistributionSpec> read_spec(std::string_view name, const SourceNode& node,
                                                  const std::string& path, DiagnosticList& diagnostics) {
  if (name == "fixed") {
    const std::optional<double> value = read_number(node, path, NumberRule::kAny, diagnostics);
    if (!value) return std::nullopt;
    return engine::Fixed{*value};
  }
  if (name == "empirical") return read_empirical(node, path, diagnostics);

  const std::vector<std::string_view> names = name == "exponential" ? std::vector<std::string_view>{"mean"}
                                              : name == "lognormal" ? std::vector<std::string_view>{"mean", "sd"}
                                              : name == "uniform"   ? std::vector<std::string_view>{"min", "max"}
                                              : name == "triangular"
                                                  ? std::vector<std::string_view>{"min", "mode", "max"}
                                                  : std::vector<std::string_view>{"shape", "scale"};
  const auto p = read_parameters(node, path, names, diagnostics);
  if (!p) return std::nullopt;
  if (name == "exponential") return engine::Exponential{(*p)[0]};
  if (name == "lognormal") return engine::LogNormal{(*p)[0], (*p)[1]};
  if (name == "gamma") return engine::Gamma{(*p)[0], (*p)[1]};
  if (name == "weibull") return engine::Weibull{(*p)[0], (*p)[1]};
  if (name == "uniform") return engine::Uniform{(*p)[0], (*p)[1]};
  return engine::Triangular{(*p)[0], (*p)[1], (*p)[2]};
}

// Several names in one distribution, most likely a file that extends
// another and names a different distribution: the maps merged.
bool report_several_names(const SourceNode& node, const std::string& path, DiagnosticList& diagnostics) {
  std::string names, inherited;
  for (const MapEntry& entry : node.entries) {
    if (std::find(kDistributionNames.begin(), kDistributionNames.end(), entry.key) == kDistributionNames.end())
      return false;
    names += (names.empty() ? "" : " and ") + entry.key;
    if (entry.key_location.file != node.location.file) inherited = entry.key;
  }
  std::string message = path + ": a distribution has one name, got " + names;
  if (!inherited.empty())
    message += " (" + inherited + " comes from the file this one extends; to replace it, also write " + inherited +
               ": ~)";
  diagnostics.error(node.location, message);
  return true;
}

}  // namespace

std::optional<engine::Distribution> read_distribution(const SourceNode& node, const std::string& path,
                                                      DiagnosticList& diagnostics) {
  if (node.is_map() && node.entries.size() > 1 && report_several_names(node, path, diagnostics)) return std::nullopt;
  if (!node.is_map() || node.entries.size() != 1) {
    diagnostics.error(node.location, path + ": " + std::string(kForm) + "; got " +
                                         (node.is_map() ? "a map with " + std::to_string(node.entries.size()) + " keys"
                                                        : describe(node)));
    return std::nullopt;
  }
  const MapEntry& named = node.entries.front();
  if (std::find(kDistributionNames.begin(), kDistributionNames.end(), named.key) == kDistributionNames.end()) {
    std::string hint = did_you_mean(named.key, kDistributionNames);
    if (hint.empty())
      hint = " (known: exponential, lognormal, gamma, weibull, uniform, triangular, fixed, empirical)";
    diagnostics.error(named.key_location, path + ": unknown distribution " + quote(named.key) + hint);
    return std::nullopt;
  }
  const std::string parameters_path = key_path(path, named.key);
  const std::optional<engine::DistributionSpec> spec = read_spec(named.key, named.value, parameters_path, diagnostics);
  if (!spec) return std::nullopt;
  if (const std::string why = engine::distribution_error(*spec); !why.empty()) {
    diagnostics.error(named.value.location, parameters_path + ": impossible parameters: " + why);
    return std::nullopt;
  }
  return engine::Distribution(*spec);
}

}  // namespace icsim::scenario
