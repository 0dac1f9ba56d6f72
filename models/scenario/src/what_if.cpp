// what_if_yaml: the smallest file that, extending the base, sets the values;
// ScenarioValues: a scenario's values as written.

#include <icsim/scenario/what_if.hpp>

#include <sstream>

#include <yaml-cpp/yaml.h>

#include <icsim/scenario/load.hpp>

#include "diagnostics.hpp"
#include "overrides.hpp"
#include "scenario_document.hpp"
#include "yaml_reader.hpp"

namespace icsim::scenario {
namespace {

SourceNode read_base(const std::string& path, const std::optional<std::filesystem::path>& within) {
  DiagnosticList diagnostics;
  ScenarioDocument document = read_scenario_document(path, diagnostics, std::nullopt, within);
  if (!document.root || !diagnostics.empty()) throw ScenarioError(diagnostics.to_diagnostics(document.files));
  return std::move(*document.root);
}

[[noreturn]] void fail(const std::string& path, const std::string& message) {
  throw ScenarioError({Diagnostic{path, 0, 0, message}});
}

MapEntry& entry(SourceNode& map, const std::string& key) {
  if (MapEntry* found = map.find_entry(key)) return *found;
  map.kind = SourceNode::Kind::kMap;
  map.entries.push_back(MapEntry{key, {}, {}});
  return map.entries.back();
}

// Small maps and lists of scalars read best on one line: {mean: 14, sd: 10}.
std::size_t scalars_in(const SourceNode& node) {
  if (node.is_list()) {
    std::size_t n = 0;
    for (const SourceNode& item : node.items) n += item.is_scalar() ? 1 : 100;
    return n;
  }
  if (!node.is_map()) return 1;
  std::size_t n = 0;
  for (const MapEntry& e : node.entries) n += scalars_in(e.value);
  return n;
}

void emit(YAML::Emitter& out, const SourceNode& node) {
  switch (node.kind) {
    case SourceNode::Kind::kNothing: out << YAML::Null; return;
    case SourceNode::Kind::kScalar:
      if (node.quoted) out << YAML::DoubleQuoted;
      out << node.scalar;
      return;
    case SourceNode::Kind::kList:
      if (scalars_in(node) <= 12) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const SourceNode& item : node.items) emit(out, item);
      out << YAML::EndSeq;
      return;
    case SourceNode::Kind::kMap:
      if (scalars_in(node) <= 6) out << YAML::Flow;
      out << YAML::BeginMap;
      for (const MapEntry& e : node.entries) {
        out << YAML::Key << e.key << YAML::Value;
        emit(out, e.value);
      }
      out << YAML::EndMap;
      return;
  }
}

}  // namespace

std::string what_if_yaml(const std::string& base_path, const std::string& extends, const std::string& name,
                         const std::vector<WhatIfValue>& values, const std::string& comment,
                         const std::optional<std::filesystem::path>& within) {
  SourceNode base = read_base(base_path, within);
  SourceNode changes;
  changes.kind = SourceNode::Kind::kMap;
  for (const WhatIfValue& v : values) {
    const std::vector<KeyStep> steps = parse_key_path(v.key);
    if (steps.empty()) fail(base_path, "not a key path: " + quote(v.key));
    const SourceNode* in_base = &base;  // the same place in the base, while there is one
    SourceNode* node = &changes;
    for (const KeyStep& step : steps) {
      if (!step.item) {
        if (!node->is_map() && !node->is_nothing()) fail(base_path, v.key + ": " + step.text + " is not in a map");
        node = &entry(*node, step.text).value;
        const MapEntry* e = in_base != nullptr && in_base->is_map() ? in_base->find_entry(step.text) : nullptr;
        in_base = e != nullptr ? &e->value : nullptr;
        continue;
      }
      // extends replaces a list whole: write the base's, then change its item.
      if (node->is_nothing()) {
        if (in_base == nullptr || !in_base->is_list()) fail(base_path, v.key + ": the scenario has no list there");
        *node = *in_base;
      }
      in_base = nullptr;
      SourceNode* item = node->is_list() ? find_item(*node, step.text) : nullptr;
      if (item == nullptr) fail(base_path, v.key + ": the scenario has no item [" + step.text + "]");
      node = item;
    }
    DiagnosticList errors;
    std::optional<SourceNode> value = read_yaml(v.value, 0, errors);
    if (!value || !errors.empty()) fail(base_path, v.key + ": the value " + quote(v.value) + " is not YAML");
    *node = std::move(*value);
  }

  YAML::Emitter out;
  out << YAML::BeginMap << YAML::Key << "extends" << YAML::Value << extends << YAML::Key << "name" << YAML::Value
      << name;
  for (const MapEntry& e : changes.entries) {
    out << YAML::Key << e.key << YAML::Value;
    emit(out, e.value);
  }
  out << YAML::EndMap;
  std::ostringstream text;
  std::istringstream lines(comment);
  for (std::string line; std::getline(lines, line);) text << (line.empty() ? "#" : "# " + line) << '\n';
  text << out.c_str() << '\n';
  return text.str();
}

struct ScenarioValues::Tree {
  SourceNode root;

  // The node at `key`, or nullptr.
  [[nodiscard]] const SourceNode* find(const std::string& key) {
    const std::vector<KeyStep> steps = parse_key_path(key);
    if (steps.empty()) return key.empty() ? &root : nullptr;
    SourceNode* node = &root;
    for (const KeyStep& step : steps) {
      if (step.item) {
        node = node->is_list() ? find_item(*node, step.text) : nullptr;
      } else {
        MapEntry* e = node->is_map() ? node->find_entry(step.text) : nullptr;
        node = e != nullptr ? &e->value : nullptr;
      }
      if (node == nullptr) return nullptr;
    }
    return node;
  }
};

ScenarioValues::ScenarioValues(const std::string& path, const std::optional<std::filesystem::path>& within)
    : tree_(std::make_unique<Tree>(Tree{read_base(path, within)})) {}
ScenarioValues::~ScenarioValues() = default;
ScenarioValues::ScenarioValues(ScenarioValues&&) noexcept = default;
ScenarioValues& ScenarioValues::operator=(ScenarioValues&&) noexcept = default;

std::optional<std::string> ScenarioValues::value(const std::string& key) const {
  const SourceNode* node = tree_->find(key);
  if (node == nullptr || !node->is_scalar()) return std::nullopt;
  return node->scalar;
}

std::vector<std::string> ScenarioValues::keys(const std::string& key) const {
  const SourceNode* node = tree_->find(key);
  std::vector<std::string> keys;
  if (node == nullptr) return keys;
  for (const MapEntry& e : node->entries) keys.push_back(e.key);
  for (std::size_t i = 0; i < node->items.size(); ++i) keys.push_back(std::to_string(i));
  return keys;
}

}  // namespace icsim::scenario
