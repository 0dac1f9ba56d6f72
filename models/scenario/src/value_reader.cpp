#include "value_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include <icsim/scenario/did_you_mean.hpp>

namespace icsim::scenario {
namespace {

std::string prefix(const std::string& path) { return path.empty() ? std::string() : path + ": "; }

std::string format_percent(double fraction) { return format_number(fraction * 100.0, 6) + "%"; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether `text` is a YAML 1.2 core-schema decimal number:
// [-+]? ( "." [0-9]+ | [0-9]+ ( "." [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool looks_like_number(std::string_view text) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    return i - start;
  };
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (digits() == 0) return false;
  } else {
    if (digits() == 0) return false;
    if (i < text.size() && text[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    if (digits() == 0) return false;
  }
  return i == text.size();
}

// The number a plain scalar spells, finite or not; nullopt if it is no number.
std::optional<double> parse_number(const SourceNode& node) {
  if (!node.is_scalar() || node.quoted) return std::nullopt;
  std::string_view text = node.scalar;
  const bool negative = !text.empty() && text.front() == '-';
  std::string_view unsigned_text = text;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) unsigned_text.remove_prefix(1);
  if (unsigned_text == ".inf" || unsigned_text == ".Inf" || unsigned_text == ".INF")
    return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  if (text == ".nan" || text == ".NaN" || text == ".NAN") return std::numeric_limits<double>::quiet_NaN();
  if (!looks_like_number(text)) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range) {
    // Too large (or too small) for a double: as good as infinite (or zero).
    const std::size_t exponent = text.find_first_of("eE");
    const bool tiny = exponent != std::string_view::npos && exponent + 1 < text.size() && text[exponent + 1] == '-';
    if (tiny) return negative ? -0.0 : 0.0;
    return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  }
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string not_a_number(const SourceNode& node, const std::string& path, std::string_view expected) {
  std::string message = prefix(path) + "expected " + std::string(expected) + ", got " + describe(node);
  if (node.is_scalar() && node.quoted) {
    SourceNode unquoted = node;
    unquoted.quoted = false;
    if (parse_number(unquoted)) message += " (text in quotes; write the number without them)";
  }
  return message;
}

// A finite number, or nullopt having reported why not.
std::optional<double> finite_number(const SourceNode& node, const std::string& path, std::string_view expected,
                                    DiagnosticList& diagnostics) {
  const std::optional<double> value = parse_number(node);
  if (!value) {
    diagnostics.error(node.location, not_a_number(node, path, expected));
    return std::nullopt;
  }
  if (!std::isfinite(*value)) {
    diagnostics.error(node.location, prefix(path) + "expected a finite number, got " + node.scalar);
    return std::nullopt;
  }
  // A scenario's numbers are people, places, days, hours, pounds and shares
  // of one area: none comes near a trillion, and sums and products of them
  // stay exact enough (places are counted in whole numbers up to 2^53).
  if (std::fabs(*value) > kLargestNumber) {
    diagnostics.error(node.location, prefix(path) + "expected a number no larger than a trillion (1e12), got " +
                                         node.scalar);
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::string key_path(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string item_path(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

std::optional<double> read_number(const SourceNode& node, const std::string& path, NumberRule rule,
                                  DiagnosticList& diagnostics) {
  const std::optional<double> value = finite_number(node, path, "a number", diagnostics);
  if (!value) return std::nullopt;
  const std::string got = ", got " + node.scalar;
  switch (rule) {
    case NumberRule::kAny:
      return value;
    case NumberRule::kNonNegative:
      if (*value >= 0) return value;
      diagnostics.error(node.location, prefix(path) + "must be 0 or more" + got);
      return std::nullopt;
    case NumberRule::kPositive:
      if (*value > 0) return value;
      diagnostics.error(node.location, prefix(path) + "must be more than 0" + got);
      return std::nullopt;
    case NumberRule::kProbability:
      if (*value >= 0 && *value <= 1) return value;
      diagnostics.error(node.location, prefix(path) + "a probability must be between 0 and 1" + got);
      return std::nullopt;
    case NumberRule::kYearlyChange:
      if (*value <= -1) {
        diagnostics.error(node.location, prefix(path) + "a yearly change must be more than -1" + got);
        return std::nullopt;
      }
      if (*value > 1) {  // 3.5 meant as 3.5%: x3.4 million in ten years
        diagnostics.error(node.location, prefix(path) + "a yearly change of " + node.scalar + " is +" +
                                             format_percent(*value) +
                                             " a year; changes are fractions (0.035 for 3.5% a year), at most 1");
        return std::nullopt;
      }
      return value;
    case NumberRule::kWholeNonNegative:
      if (*value >= 0 && std::floor(*value) == *value) return value;
      diagnostics.error(node.location, prefix(path) + "expected a whole number, 0 or more" + got);
      return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> read_whole_number(const SourceNode& node, const std::string& path,
                                              std::int64_t lowest, std::int64_t highest,
                                              DiagnosticList& diagnostics) {
  const std::string expected =
      "a whole number from " + std::to_string(lowest) + " to " + std::to_string(highest);
  const std::optional<double> value = finite_number(node, path, expected, diagnostics);
  if (!value) return std::nullopt;
  if (std::floor(*value) != *value || *value < static_cast<double>(lowest) ||
      *value > static_cast<double>(highest)) {
    diagnostics.error(node.location, prefix(path) + "expected " + expected + ", got " + node.scalar);
    return std::nullopt;
  }
  return static_cast<std::int64_t>(*value);
}

std::optional<std::uint64_t> read_seed(const SourceNode& node, const std::string& path,
                                       DiagnosticList& diagnostics) {
  std::uint64_t seed = 0;
  if (node.is_scalar() && !node.quoted && !node.scalar.empty()) {
    const std::string& text = node.scalar;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
    if (error == std::errc{} && end == text.data() + text.size()) return seed;
  }
  diagnostics.error(node.location,
                    prefix(path) + "expected a whole number from 0 to 18446744073709551615, got " + describe(node));
  return std::nullopt;
}

std::optional<bool> read_boolean(const SourceNode& node, const std::string& path, DiagnosticList& diagnostics) {
  if (node.is_scalar() && !node.quoted) {
    const std::string& text = node.scalar;
    if (text == "true" || text == "True" || text == "TRUE") return true;
    if (text == "false" || text == "False" || text == "FALSE") return false;
  }
  diagnostics.error(node.location, prefix(path) + "expected true or false, got " + describe(node));
  return std::nullopt;
}

std::optional<std::string> read_text(const SourceNode& node, const std::string& path, DiagnosticList& diagnostics) {
  if (node.is_scalar() && !node.scalar.empty()) return node.scalar;
  diagnostics.error(node.location, prefix(path) + "expected text, got " + describe(node));
  return std::nullopt;
}

std::optional<std::string> read_choice(const SourceNode& node, const std::string& path,
                                       const std::vector<std::string_view>& choices, DiagnosticList& diagnostics) {
  std::string listed;
  for (std::string_view choice : choices) listed += (listed.empty() ? "" : " or ") + std::string(choice);
  if (node.is_scalar()) {
    for (std::string_view choice : choices)
      if (node.scalar == choice) return node.scalar;
    diagnostics.error(node.location, prefix(path) + "expected " + listed + ", got " + describe(node) +
                                         did_you_mean(node.scalar, choices));
    return std::nullopt;
  }
  diagnostics.error(node.location, prefix(path) + "expected " + listed + ", got " + describe(node));
  return std::nullopt;
}

std::optional<std::vector<double>> read_numbers(const SourceNode& node, const std::string& path, NumberRule rule,
                                                std::size_t count, DiagnosticList& diagnostics) {
  const std::string expected =
      count == 0 ? std::string("a list of numbers") : "a list of " + std::to_string(count) + " numbers";
  if (!node.is_list()) {
    diagnostics.error(node.location, prefix(path) + "expected " + expected + ", got " + describe(node));
    return std::nullopt;
  }
  if (count != 0 && node.items.size() != count) {
    diagnostics.error(node.location, prefix(path) + "expected " + expected + ", got " +
                                         std::to_string(node.items.size()));
    return std::nullopt;
  }
  if (node.items.empty()) {
    diagnostics.error(node.location, prefix(path) + "expected " + expected + ", got an empty list");
    return std::nullopt;
  }
  std::vector<double> values;
  bool complete = true;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const std::optional<double> value = read_number(node.items[i], item_path(path, i), rule, diagnostics);
    if (value)
      values.push_back(*value);
    else
      complete = false;
  }
  if (!complete) return std::nullopt;
  return values;
}

MapReader::MapReader(const SourceNode& node, std::string path, DiagnosticList& diagnostics)
    : node_(node), path_(std::move(path)), diagnostics_(diagnostics) {
  if (!node_.is_map()) diagnostics_.error(node_.location, prefix(path_) + "expected a map of keys, got " + describe(node_));
}

void MapReader::allow_only(const std::vector<std::string_view>& allowed) const {
  for (const MapEntry& entry : node_.entries) {
    if (std::find(allowed.begin(), allowed.end(), entry.key) != allowed.end()) continue;
    std::string hint = did_you_mean(entry.key, allowed);
    if (hint.empty()) {
      for (std::string_view key : allowed) hint += (hint.empty() ? " (expected one of: " : ", ") + std::string(key);
      if (!hint.empty()) hint += ")";
    }
    diagnostics_.error(entry.key_location, prefix(path_) + "unknown key " + quote(entry.key) + hint);
  }
}

const MapEntry* MapReader::entry(std::string_view key) const { return node_.find_entry(key); }

const SourceNode* MapReader::optional(std::string_view key) const {
  const MapEntry* found = node_.find_entry(key);
  return found == nullptr ? nullptr : &found->value;
}

const SourceNode* MapReader::required(std::string_view key) const {
  const SourceNode* found = optional(key);
  if (found == nullptr && node_.is_map())
    diagnostics_.error(node_.location, prefix(path_) + "missing required key " + quote(key));
  return found;
}

std::optional<double> MapReader::required_number(std::string_view key, NumberRule rule) const {
  const SourceNode* value = required(key);
  if (value == nullptr) return std::nullopt;
  return read_number(*value, path_of(key), rule, diagnostics_);
}

std::optional<double> MapReader::optional_number(std::string_view key, NumberRule rule) const {
  const SourceNode* value = optional(key);
  if (value == nullptr) return std::nullopt;
  return read_number(*value, path_of(key), rule, diagnostics_);
}

}  // namespace icsim::scenario
