// read_sweep: the sweep file's keys, each parameter's values (a list, or a
// range from, to, step), and the points they make; load_sweep_scenarios:
// every point's scenario through load_scenario with its overrides.

#include <icsim/scenario/sweep.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "diagnostics.hpp"
#include "input_file.hpp"
#include "overrides.hpp"
#include "value_reader.hpp"
#include "yaml_reader.hpp"

namespace icsim::scenario {
namespace {

namespace fs = std::filesystem;

// A value as YAML text in flow style, so that reading it again gives the same
// value: plain scalars stay plain (numbers stay numbers), anything else is
// double-quoted.
bool plain_safe(const std::string& text) {
  if (text.empty() || text == "-") return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == '+' || c == '-' || c == '/';
  });
}

std::string double_quoted(const std::string& text) {
  std::string quoted(1, '"');
  quoted += escaped(text);
  quoted += '"';
  return quoted;
}

std::string scalar_text(const std::string& text, bool quoted) {
  return !quoted && plain_safe(text) ? text : double_quoted(text);
}

std::string yaml_text(const SourceNode& node) {
  switch (node.kind) {
    case SourceNode::Kind::kNothing: return "~";
    case SourceNode::Kind::kScalar: return scalar_text(node.scalar, node.quoted);
    case SourceNode::Kind::kList: {
      std::string text = "[";
      for (std::size_t i = 0; i < node.items.size(); ++i) text += (i ? ", " : "") + yaml_text(node.items[i]);
      return text + "]";
    }
    case SourceNode::Kind::kMap: {
      std::string text = "{";
      for (std::size_t i = 0; i < node.entries.size(); ++i)
        text += (i ? ", " : "") + scalar_text(node.entries[i].key, false) + ": " + yaml_text(node.entries[i].value);
      return text + "}";
    }
  }
  return "~";
}

// A grid value computed from a range: 12 significant digits, so that steps
// of 0.1 give 0.3 and not 0.30000000000000004.
std::string range_value(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "%.12g", value);
  if (std::string(text) == "-0") return "0";
  return text;
}

struct ParameterValues {
  std::string key;
  Location key_location;
  std::vector<std::string> values;
  std::vector<Location> locations;
};

class SweepFileReader {
 public:
  SweepFileReader(std::string path, DiagnosticList& diagnostics) : path_(std::move(path)), diagnostics_(diagnostics) {}

  Sweep read(const SourceNode& root) {
    Sweep sweep;
    sweep.file = path_;
    const MapReader top(root, "", diagnostics_);
    if (!top.is_map()) return sweep;
    top.allow_only({"name", "scenario", "set", "parameters", "points"});
    sweep.name = fs::path(path_).filename().string();
    if (const SourceNode* name = top.optional("name"))
      if (auto text = read_text(*name, "name", diagnostics_)) sweep.name = *text;
    if (const SourceNode* scenario = top.required("scenario"))
      if (auto text = read_text(*scenario, "scenario", diagnostics_)) {
        sweep.scenario = (fs::path(path_).parent_path() / *text).lexically_normal().string();
        std::error_code error;
        if (!fs::is_regular_file(sweep.scenario, error))
          diagnostics_.error(scenario->location, "scenario: cannot read \"" + sweep.scenario + "\": " +
                                                     (fs::exists(sweep.scenario, error) ? "it is not a file"
                                                                                        : "no such file") +
                                                     " (a path relative to the sweep file)");
      }

    if (const SourceNode* set = top.optional("set")) read_set(*set);
    const SourceNode* parameters = top.optional("parameters");
    const SourceNode* points = top.optional("points");
    if (parameters != nullptr && points != nullptr)
      diagnostics_.error(top.entry("points")->key_location,
                         "give either parameters (a grid: every combination of their values) or points (each "
                         "point's values), not both");
    else if (parameters != nullptr)
      read_grid(*parameters, sweep);
    else if (points != nullptr)
      read_points(*points, sweep);
    else
      diagnostics_.error(root.location,
                         "missing required key \"parameters\" (a grid: each key's values) or \"points\" (a list of "
                         "points, each a map of key: value)");
    return sweep;
  }

 private:
  ScenarioOverride make_override(const std::string& key, const Location& key_at, const std::string& value,
                                 const Location& value_at) const {
    return {key, value, path_, key_at.line, key_at.column, value_at.line, value_at.column};
  }

  // A key is a path; said here so that the error is reported once, not once a point.
  bool check_key(const MapEntry& entry, const std::string& section) {
    if (parse_key_path(entry.key).empty()) {
      diagnostics_.error(entry.key_location,
                         section + ": " + quote(entry.key) +
                             " is not a key path: write keys and list items as services.ic_beds.capacity_beds, "
                             "demand.age_bands[0].population or demand.age_bands[85+].population");
      return false;
    }
    return true;
  }

  bool check_not_set(const MapEntry& entry, const std::string& section) {
    if (set_keys_.count(entry.key) == 0) return true;
    diagnostics_.error(entry.key_location, section + ": " + quote(entry.key) +
                                               " is also under set: a key is either the same for every point or varied");
    return false;
  }

  void read_set(const SourceNode& node) {
    const MapReader set(node, "set", diagnostics_);
    for (const MapEntry& entry : set.node().entries) {
      if (!check_key(entry, "set")) continue;
      if (entry.value.is_nothing()) {
        diagnostics_.error(entry.value.location, "set." + entry.key + ": expected a value, got nothing");
        continue;
      }
      set_keys_.insert(entry.key);
      set_.push_back(make_override(entry.key, entry.key_location, yaml_text(entry.value), entry.value.location));
    }
  }

  std::optional<ParameterValues> read_values(const MapEntry& entry) {
    const std::string path = "parameters." + entry.key;
    ParameterValues p{entry.key, entry.key_location, {}, {}};
    const SourceNode& node = entry.value;
    if (node.is_list()) {
      if (node.items.empty()) {
        diagnostics_.error(node.location, path + ": expected at least one value, got an empty list");
        return std::nullopt;
      }
      for (const SourceNode& item : node.items) {
        if (item.is_nothing()) {
          diagnostics_.error(item.location, path + ": expected a value, got nothing");
          return std::nullopt;
        }
        p.values.push_back(yaml_text(item));
        p.locations.push_back(item.location);
      }
    } else if (node.is_map()) {
      const MapReader range(node, path, diagnostics_);
      range.allow_only({"from", "to", "step"});
      const auto from = range.required_number("from", NumberRule::kAny);
      const auto to = range.required_number("to", NumberRule::kAny);
      const auto step = range.required_number("step", NumberRule::kPositive);
      if (!from || !to || !step) return std::nullopt;
      if (*to < *from) {
        diagnostics_.error(node.location, path + ": to (" + format_number(*to) + ") is below from (" +
                                              format_number(*from) + ")");
        return std::nullopt;
      }
      const double steps = std::floor((*to - *from) / *step + 1e-9);
      if (steps + 1 > static_cast<double>(kMostSweepPoints)) {
        diagnostics_.error(node.location, path + ": " + format_number(steps + 1) + " values; at most " +
                                              std::to_string(kMostSweepPoints));
        return std::nullopt;
      }
      for (double i = 0; i <= steps; ++i) {
        p.values.push_back(range_value(*from + i * *step));
        p.locations.push_back(node.location);
      }
    } else {
      diagnostics_.error(node.location, path + ": expected a list of values [a, b, c] or a range {from, to, step}, got " +
                                            describe(node) + " (a value for every point goes under set:)");
      return std::nullopt;
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < p.values.size(); ++i)
      if (!seen.insert(p.values[i]).second) {
        diagnostics_.error(p.locations[i], path + ": the value " + p.values[i] + " is given twice");
        return std::nullopt;
      }
    return p;
  }

  void read_grid(const SourceNode& node, Sweep& sweep) {
    const MapReader parameters(node, "parameters", diagnostics_);
    if (!parameters.is_map()) return;
    if (node.entries.empty()) {
      diagnostics_.error(node.location, "parameters: expected at least one key to vary");
      return;
    }
    std::vector<ParameterValues> grid;
    bool complete = true;
    for (const MapEntry& entry : node.entries) {
      const bool key_ok = check_key(entry, "parameters") && check_not_set(entry, "parameters");
      auto values = read_values(entry);
      if (key_ok && values)
        grid.push_back(std::move(*values));
      else
        complete = false;
    }
    if (!complete) return;
    double count = 1;
    for (const auto& p : grid) count *= static_cast<double>(p.values.size());
    if (count > static_cast<double>(kMostSweepPoints)) {
      diagnostics_.error(node.location, "parameters: the grid has " + format_number(count) + " points; at most " +
                                            std::to_string(kMostSweepPoints));
      return;
    }
    for (const auto& p : grid) sweep.parameters.push_back(p.key);
    std::vector<std::size_t> at(grid.size(), 0);  // an odometer, the last parameter fastest
    for (std::size_t n = 0; n < static_cast<std::size_t>(count); ++n) {
      SweepPoint point;
      point.overrides = set_;
      for (std::size_t k = 0; k < grid.size(); ++k) {
        const auto& p = grid[k];
        point.values.push_back(p.values[at[k]]);
        point.overrides.push_back(make_override(p.key, p.key_location, p.values[at[k]], p.locations[at[k]]));
      }
      sweep.points.push_back(std::move(point));
      for (std::size_t k = grid.size(); k-- > 0;) {
        if (++at[k] < grid[k].values.size()) break;
        at[k] = 0;
      }
    }
  }

  void read_points(const SourceNode& node, Sweep& sweep) {
    if (!node.is_list() || node.items.empty()) {
      diagnostics_.error(node.location, "points: expected a list of points, each a map of key: value, got " +
                                            (node.is_list() ? std::string("an empty list") : describe(node)));
      return;
    }
    if (node.items.size() > kMostSweepPoints) {
      diagnostics_.error(node.location, "points: " + std::to_string(node.items.size()) + " points; at most " +
                                            std::to_string(kMostSweepPoints));
      return;
    }
    const SourceNode& first = node.items.front();
    if (first.is_map())
      for (const MapEntry& entry : first.entries) sweep.parameters.push_back(entry.key);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      const std::string path = item_path("points", i);
      const MapReader item(node.items[i], path, diagnostics_);
      if (!item.is_map()) continue;
      if (node.items[i].entries.empty()) {
        diagnostics_.error(node.items[i].location, path + ": expected a map of key: value, got an empty map");
        continue;
      }
      SweepPoint point;
      point.overrides = set_;
      for (const std::string& key : sweep.parameters) {
        const MapEntry* entry = item.entry(key);
        if (entry == nullptr) {
          diagnostics_.error(node.items[i].location, path + ": missing " + quote(key) +
                                                         " (every point gives the keys of the first)");
          continue;
        }
        if (i == 0 && !(check_key(*entry, path) && check_not_set(*entry, path))) continue;
        if (entry->value.is_nothing()) {
          diagnostics_.error(entry->value.location, path + "." + key + ": expected a value, got nothing");
          continue;
        }
        point.values.push_back(yaml_text(entry->value));
        point.overrides.push_back(
            make_override(key, entry->key_location, point.values.back(), entry->value.location));
      }
      for (const MapEntry& entry : node.items[i].entries)
        if (std::find(sweep.parameters.begin(), sweep.parameters.end(), entry.key) == sweep.parameters.end())
          diagnostics_.error(entry.key_location, path + ": " + quote(entry.key) +
                                                     " is not in the first point (every point gives the same keys)");
      std::string identity;
      for (const std::string& v : point.values) identity += v + '\n';
      if (!seen.insert(identity).second) diagnostics_.error(node.items[i].location, path + ": the same point as an earlier one");
      sweep.points.push_back(std::move(point));
    }
  }

  std::string path_;
  DiagnosticList& diagnostics_;
  std::vector<ScenarioOverride> set_;
  std::set<std::string> set_keys_;
};

}  // namespace

Sweep read_sweep(const std::string& path) {
  DiagnosticList diagnostics;
  const std::vector<std::string> files{path};
  std::string why;
  const std::optional<std::string> text = read_input_file(path, kLargestYamlFile, why);
  if (!text) {
    diagnostics.error({0, 0, 0}, "cannot read the sweep file: " + why);
    throw ScenarioError(diagnostics.to_diagnostics(files));
  }
  const std::optional<SourceNode> root = read_yaml(*text, 0, diagnostics);
  Sweep sweep;
  if (root && !root->is_map())
    diagnostics.error(root->location, "a sweep file is a map of keys such as scenario: and parameters:, got " +
                                          (root->is_nothing() ? std::string("an empty file") : describe(*root)));
  else if (root)
    sweep = SweepFileReader(path, diagnostics).read(*root);
  if (!diagnostics.empty()) throw ScenarioError(diagnostics.to_diagnostics(files));
  return sweep;
}

std::vector<models::ScenarioSpec> load_sweep_scenarios(const Sweep& sweep) {
  constexpr std::size_t kMostReported = 100;
  (void)load_scenario(sweep.scenario);  // the base alone: its own errors once, as `icsim validate` gives them
  std::vector<models::ScenarioSpec> specs;
  specs.reserve(sweep.points.size());
  std::vector<Diagnostic> all;
  std::set<std::string> seen;
  std::size_t more = 0;
  for (std::size_t i = 0; i < sweep.points.size(); ++i) {
    const SweepPoint& point = sweep.points[i];
    try {
      specs.push_back(load_scenario(sweep.scenario, point.overrides));
    } catch (const ScenarioError& e) {
      for (Diagnostic d : e.diagnostics()) {
        // A value in the sweep file is reported there; what it breaks elsewhere
        // (a census over a smaller capacity) names the point.
        if (d.file != sweep.file) {
          std::string values;
          for (std::size_t k = 0; k < point.values.size(); ++k)
            values += (k ? ", " : "") + sweep.parameters[k] + ": " + point.values[k];
          d.message = "with " + values + " (point " + std::to_string(i) + " of " + sweep.file + "): " + d.message;
        }
        if (!seen.insert(d.to_string()).second) continue;
        if (all.size() < kMostReported)
          all.push_back(std::move(d));
        else
          ++more;
      }
    }
  }
  if (all.empty()) return specs;
  std::stable_sort(all.begin(), all.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  });
  if (more > 0) all.push_back({sweep.file, 0, 0, "and " + std::to_string(more) + " more errors"});
  throw ScenarioError(std::move(all));
}

}  // namespace icsim::scenario
