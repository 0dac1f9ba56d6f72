#include "overrides.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include <icsim/scenario/did_you_mean.hpp>

#include "yaml_reader.hpp"

namespace icsim::scenario {
namespace {

void place_everywhere(SourceNode& node, const Location& where) {
  node.location = where;
  for (SourceNode& item : node.items) place_everywhere(item, where);
  for (MapEntry& entry : node.entries) {
    entry.key_location = where;
    place_everywhere(entry.value, where);
  }
}

std::string append_step(const std::string& path, const KeyStep& step) {
  if (step.item) return path + "[" + step.text + "]";
  return path.empty() ? step.text : path + "." + step.text;
}

std::optional<std::size_t> whole_number(const std::string& text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

const std::string* item_name(const SourceNode& item) {
  const MapEntry* name = item.is_map() ? item.find_entry("name") : nullptr;
  return name != nullptr && name->value.is_scalar() ? &name->value.scalar : nullptr;
}

// The node `steps` lead to in `root`, or nullptr having said where the way ends.
SourceNode* find_node(SourceNode& root, const std::vector<KeyStep>& steps, const std::string& key,
                      const Location& where, DiagnosticList& diagnostics) {
  SourceNode* node = &root;
  std::string path;
  for (const KeyStep& step : steps) {
    const std::string in = path.empty() ? std::string("the scenario") : path;
    if (!step.item) {
      if (!node->is_map()) {
        diagnostics.error(where, key + ": " + in + " is " + describe(*node) + ", not a map, so it has no key " +
                                     quote(step.text));
        return nullptr;
      }
      MapEntry* entry = node->find_entry(step.text);
      if (entry == nullptr) {
        std::vector<std::string_view> keys;
        for (const MapEntry& e : node->entries) keys.push_back(e.key);
        diagnostics.error(where, key + ": " + in + " has no key " + quote(step.text) + did_you_mean(step.text, keys) +
                                     " (a sweep sets values the scenario has; to vary a default, write it in the "
                                     "scenario first)");
        return nullptr;
      }
      node = &entry->value;
    } else {
      if (!node->is_list()) {
        diagnostics.error(where, key + ": " + in + " is " + describe(*node) + ", not a list, so it has no item [" +
                                     step.text + "]");
        return nullptr;
      }
      SourceNode* found = find_item(*node, step.text);
      if (whole_number(step.text)) {
        if (found == nullptr) {
          diagnostics.error(where, key + ": " + in + " has " + std::to_string(node->items.size()) +
                                       " items, counted from [0]: there is no item [" + step.text + "]");
          return nullptr;
        }
      } else {
        std::vector<std::string_view> names;
        for (SourceNode& item : node->items) {
          const std::string* name = item_name(item);
          if (name == nullptr) continue;
          names.push_back(*name);
        }
        if (found == nullptr) {
          std::string known;
          for (std::string_view n : names) known += (known.empty() ? "" : ", ") + std::string(n);
          diagnostics.error(where, key + ": " + in + " has no item named " + quote(step.text) +
                                       did_you_mean(step.text, names) +
                                       (known.empty() ? std::string(" (its items have no names; give an index: [0])")
                                                      : " (its items: " + known + ")"));
          return nullptr;
        }
      }
      node = found;
    }
    path = append_step(path, step);
  }
  return node;
}

int file_index(std::vector<std::string>& files, const std::string& file) {
  // The scenario's own files come first; an override's file may be one of them.
  const auto it = std::find(files.begin(), files.end(), file);
  if (it != files.end()) return static_cast<int>(it - files.begin());
  files.push_back(file);
  return static_cast<int>(files.size() - 1);
}

}  // namespace

SourceNode* find_item(SourceNode& list, const std::string& text) {
  if (const auto index = whole_number(text)) return *index < list.items.size() ? &list.items[*index] : nullptr;
  for (SourceNode& item : list.items)
    if (const std::string* name = item_name(item); name != nullptr && *name == text) return &item;
  return nullptr;
}

std::vector<KeyStep> parse_key_path(const std::string& key) {
  std::vector<KeyStep> steps;
  std::size_t i = 0;
  bool expect_name = true;  // at the start and after a dot
  while (i < key.size()) {
    if (key[i] == '[') {
      const std::size_t close = key.find(']', i + 1);
      if (close == std::string::npos || close == i + 1 || expect_name) return {};
      steps.push_back({true, key.substr(i + 1, close - i - 1)});
      i = close + 1;
      continue;
    }
    if (key[i] == '.') {
      if (expect_name) return {};
      expect_name = true;
      ++i;
      continue;
    }
    if (!expect_name) return {};  // "a[1]b"
    const std::size_t end = key.find_first_of(".[]", i);
    const std::size_t stop = end == std::string::npos ? key.size() : end;
    if (stop < key.size() && key[stop] == ']') return {};
    steps.push_back({false, key.substr(i, stop - i)});
    expect_name = false;
    i = stop;
  }
  if (expect_name) return {};  // empty, or ends with a dot
  return steps;
}

void apply_overrides(SourceNode& root, const std::vector<ScenarioOverride>& overrides,
                     std::vector<std::string>& files, DiagnosticList& diagnostics) {
  for (const ScenarioOverride& o : overrides) {
    const int file = file_index(files, o.file);
    const Location key_at{file, o.key_line, o.key_column};
    const Location value_at{file, o.value_line, o.value_column};
    const std::vector<KeyStep> steps = parse_key_path(o.key);
    if (steps.empty()) {
      diagnostics.error(key_at, "a key path names keys and list items: services.ic_beds.capacity_beds, "
                                "demand.age_bands[0].population or demand.age_bands[85+].population, got " +
                                    quote(o.key));
      continue;
    }
    DiagnosticList yaml_errors;
    std::optional<SourceNode> value = read_yaml(o.value, file, yaml_errors);
    if (!value || !yaml_errors.empty()) {
      const std::vector<Diagnostic> why = yaml_errors.to_diagnostics(files);
      diagnostics.error(value_at, o.key + ": the value " + quote(o.value) + " is not YAML" +
                                      (why.empty() ? std::string() : ": " + why.front().message));
      continue;
    }
    if (value->is_nothing()) {
      diagnostics.error(value_at, o.key + ": expected a value, got nothing");
      continue;
    }
    place_everywhere(*value, value_at);
    if (SourceNode* target = find_node(root, steps, o.key, key_at, diagnostics)) *target = std::move(*value);
  }
}

}  // namespace icsim::scenario
