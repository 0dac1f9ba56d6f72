#pragma once
// Typed values out of SourceNodes: each reader returns the value, or reports
// what is wrong (with the key path and the value's location) and returns
// nullopt, so the caller carries on and every error is found.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.hpp"
#include "source_node.hpp"

namespace icsim::scenario {

// Shares that must add up to one may miss it by this much (rounding in a file).
inline constexpr double kSumTolerance = 1e-9;

// "demand" + "age_bands" -> "demand.age_bands"; "" + "name" -> "name".
[[nodiscard]] std::string key_path(const std::string& path, std::string_view key);
// "demand.age_bands" + 2 -> "demand.age_bands[2]".
[[nodiscard]] std::string item_path(const std::string& path, std::size_t index);

enum class NumberRule {
  kAny,            // any finite number
  kNonNegative,    // >= 0
  kPositive,       // > 0
  kProbability,    // in [0, 1]
  kWholeNonNegative,  // 0, 1, 2, ...
  kYearlyChange,   // a growth rate a year: more than -1 (all gone), at most 1 (doubling)
};

// The largest number a scenario may give, in size.
inline constexpr double kLargestNumber = 1e12;

// YAML 1.2 numbers: 12, -3, 0.5, .5, 1e3; ".inf" and ".nan" are numbers
// but not finite, and reported as such; none may be larger than a trillion.
[[nodiscard]] std::optional<double> read_number(const SourceNode& node, const std::string& path, NumberRule rule,
                                                DiagnosticList& diagnostics);
// A whole number in [lowest, highest].
[[nodiscard]] std::optional<std::int64_t> read_whole_number(const SourceNode& node, const std::string& path,
                                                            std::int64_t lowest, std::int64_t highest,
                                                            DiagnosticList& diagnostics);
// A random seed: a whole number from 0 to 2^64 - 1.
[[nodiscard]] std::optional<std::uint64_t> read_seed(const SourceNode& node, const std::string& path,
                                                     DiagnosticList& diagnostics);
[[nodiscard]] std::optional<bool> read_boolean(const SourceNode& node, const std::string& path,
                                               DiagnosticList& diagnostics);
// Non-empty text.
[[nodiscard]] std::optional<std::string> read_text(const SourceNode& node, const std::string& path,
                                                   DiagnosticList& diagnostics);
// One of `choices`, suggesting the nearest when it is none of them.
[[nodiscard]] std::optional<std::string> read_choice(const SourceNode& node, const std::string& path,
                                                     const std::vector<std::string_view>& choices,
                                                     DiagnosticList& diagnostics);
// A list of `count` numbers (any count when 0).
[[nodiscard]] std::optional<std::vector<double>> read_numbers(const SourceNode& node, const std::string& path,
                                                              NumberRule rule, std::size_t count,
                                                              DiagnosticList& diagnostics);

// A map being read. Reports a node that is not a map once, then answers as
// an empty map, so readers need not check.
class MapReader {
 public:
  MapReader(const SourceNode& node, std::string path, DiagnosticList& diagnostics);

  [[nodiscard]] bool is_map() const { return node_.is_map(); }
  [[nodiscard]] const SourceNode& node() const { return node_; }
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string path_of(std::string_view key) const { return key_path(path_, key); }
  [[nodiscard]] DiagnosticList& diagnostics() const { return diagnostics_; }

  // Reports every key not in `allowed`, with the nearest allowed one.
  void allow_only(const std::vector<std::string_view>& allowed) const;

  // The value, or nullptr when absent; `required` reports the absence at
  // this map's location.
  [[nodiscard]] const SourceNode* required(std::string_view key) const;
  [[nodiscard]] const SourceNode* optional(std::string_view key) const;
  [[nodiscard]] const MapEntry* entry(std::string_view key) const;

  [[nodiscard]] std::optional<double> required_number(std::string_view key, NumberRule rule) const;
  [[nodiscard]] std::optional<double> optional_number(std::string_view key, NumberRule rule) const;

 private:
  const SourceNode& node_;
  std::string path_;
  DiagnosticList& diagnostics_;
};

}  // namespace icsim::scenario
