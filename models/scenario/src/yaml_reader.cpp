#include "yaml_reader.hpp"

#include <sstream>
#include <string>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include "utf8.hpp"
#include "yaml_mistakes.hpp"

namespace icsim::scenario {
namespace {

// Limits that keep a hostile file (an alias that contains itself, aliases
// that multiply) from exhausting the stack or memory. Real scenarios are a
// few levels deep and a few thousand values long.
constexpr int kDeepest = 64;
constexpr std::size_t kMostValues = 200'000;

std::string child_path(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

class TreeBuilder {
 public:
  TreeBuilder(int file, DiagnosticList& diagnostics) : file_(file), diagnostics_(diagnostics) {}

  SourceNode build(const YAML::Node& node, const std::string& path, int depth) {
    SourceNode built;
    built.location = location(node.Mark());
    if (++values_ > kMostValues) {
      if (!too_many_reported_) {
        diagnostics_.error(built.location, "the file holds more than 200,000 values, the most icsim reads (a scenario holds a few thousand; aliases that multiply?)");
        too_many_reported_ = true;
      }
      return built;
    }
    if (depth > kDeepest) {
      if (!too_deep_reported_)
        diagnostics_.error(built.location, "nested more than 64 levels deep (an alias that contains itself?)");
      too_deep_reported_ = true;
      return built;
    }
    switch (node.Type()) {
      case YAML::NodeType::Scalar:
        built.kind = SourceNode::Kind::kScalar;
        built.scalar = node.Scalar();
        built.quoted = node.Tag() != "?";  // "?" marks a plain scalar; quoted ones are tagged "!"
        break;
      case YAML::NodeType::Sequence: {
        built.kind = SourceNode::Kind::kList;
        std::size_t index = 0;
        for (const YAML::Node& item : node)
          built.items.push_back(build(item, path + "[" + std::to_string(index++) + "]", depth + 1));
        break;
      }
      case YAML::NodeType::Map:
        built.kind = SourceNode::Kind::kMap;
        build_map(node, path, depth, built);
        break;
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        break;
    }
    return built;
  }

 private:
  void build_map(const YAML::Node& node, const std::string& path, int depth, SourceNode& built) {
    const std::string where = path.empty() ? std::string() : path + ": ";
    for (const auto& pair : node) {
      const Location key_location = location(pair.first.Mark());
      if (!pair.first.IsScalar()) {
        diagnostics_.error(key_location, where + "a key must be a plain name, got " +
                                             (pair.first.IsNull() ? "nothing" : pair.first.IsMap() ? "a map" : "a list"));
        continue;
      }
      const std::string key = pair.first.Scalar();
      if (const MapEntry* first = built.find_entry(key)) {
        diagnostics_.error(key_location, where + "duplicate key " + quote(key) + " (first given at line " +
                                             std::to_string(first->key_location.line) + ", column " +
                                             std::to_string(first->key_location.column) + ")");
        continue;
      }
      MapEntry entry{key, key_location, build(pair.second, child_path(path, key), depth + 1)};
      // yaml-cpp places an empty value at the next token, often the next
      // line; the key is where the reader looks.
      if (entry.value.is_nothing()) entry.value.location = key_location;
      built.entries.push_back(std::move(entry));
    }
  }

  Location location(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0) return {file_, 1, 1};
    return {file_, mark.line + 1, mark.column + 1};  // yaml-cpp counts from 0
  }

  int file_;
  DiagnosticList& diagnostics_;
  std::size_t values_ = 0;
  bool too_many_reported_ = false;
  bool too_deep_reported_ = false;
};

// Where a second document with content starts, if there is one. Only the
// events are read; the walk stops at the first empty document, which is
// where yaml-cpp 0.7 can stop making progress.
class DocumentProbe : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override { content_ = false; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { seen(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override { seen(mark); }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    seen(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    seen(mark);
  }
  void OnMapEnd() override {}
  [[nodiscard]] bool content() const { return content_; }
  [[nodiscard]] YAML::Mark first_mark() const { return mark_; }

 private:
  void seen(const YAML::Mark& mark) {
    if (!content_) mark_ = mark;
    content_ = true;
  }
  bool content_ = false;
  YAML::Mark mark_;
};

std::optional<YAML::Mark> second_document(std::string_view text) {
  // A document starts after "---" or "..." at the start of a line: without
  // one there is no second, and the text is not parsed again.
  const bool marker = text.starts_with("---") || text.starts_with("...") ||
                      text.find("\n---") != std::string_view::npos || text.find("\n...") != std::string_view::npos;
  if (!marker) return std::nullopt;
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  DocumentProbe probe;
  if (!parser.HandleNextDocument(probe)) return std::nullopt;  // the first
  if (!parser.HandleNextDocument(probe) || !probe.content()) return std::nullopt;
  return probe.first_mark();
}

}  // namespace

std::optional<SourceNode> read_yaml(std::string_view text, int file, DiagnosticList& diagnostics) {
  if (const auto bad = first_invalid_character(text)) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", bad->byte);
    diagnostics.error({file, bad->line, bad->column},
                      bad->control ? std::string("the file holds control character ") + byte +
                                         ", which YAML does not allow in a text file"
                                   : std::string("the file is not UTF-8: byte ") + byte +
                                         " cannot start a character here (save the file as UTF-8)");
    return std::nullopt;
  }
  // Not YAML::LoadAll: Debian's yaml-cpp 0.7 loops for ever on some broken
  // files (a lone ",": upstream issue 1040, fixed after 0.8), adding an empty
  // document each time until memory runs out. The first document is loaded
  // alone, and any later one is only looked for, stopping at an empty one.
  if (const auto mistake = mistake_before_parsing(text)) {
    diagnostics.error({file, mistake->line, mistake->column}, "not valid YAML: " + mistake->message);
    return std::nullopt;
  }
  YAML::Node document;
  std::optional<YAML::Mark> second;
  try {
    document = YAML::Load(std::string(text));
    second = second_document(text);
  } catch (const YAML::Exception& e) {
    const bool placed = !e.mark.is_null() && e.mark.line >= 0;
    const YamlMistake mistake =
        explain_yaml_error(text, e.msg, placed ? e.mark.line + 1 : 1, placed ? e.mark.column + 1 : 1);
    diagnostics.error({file, mistake.line, mistake.column}, "not valid YAML: " + mistake.message);
    return std::nullopt;
  }
  if (second)
    diagnostics.error({file, second->line + 1, second->column + 1},
                      "a scenario file holds one YAML document; this is a second one (after \"---\")");
  if (!document.IsDefined() || document.IsNull()) {
    SourceNode empty;
    empty.location = {file, 1, 1};
    return empty;
  }
  TreeBuilder builder(file, diagnostics);
  return builder.build(document, "", 0);
}

}  // namespace icsim::scenario
