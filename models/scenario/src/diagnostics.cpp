#include "diagnostics.hpp"

#include <algorithm>
#include <cstdio>
#include <tuple>

namespace icsim::scenario {

std::string Diagnostic::to_string() const {
  if (line <= 0) return file + ": error: " + message;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: " + message;
}

ScenarioError::ScenarioError(std::vector<Diagnostic> diagnostics) : diagnostics_(std::move(diagnostics)) {
  for (const Diagnostic& d : diagnostics_) {
    if (!summary_.empty()) summary_ += '\n';
    summary_ += d.to_string();
  }
  if (summary_.empty()) summary_ = "invalid scenario";
}

void DiagnosticList::error(const Location& where, std::string message) {
  ++count_;
  if (errors_.size() < kMostKept) errors_.push_back({where, std::move(message)});
}

std::vector<Diagnostic> DiagnosticList::to_diagnostics(const std::vector<std::string>& files) const {
  std::vector<Error> sorted = errors_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Error& a, const Error& b) {
    return std::tie(a.where.file, a.where.line, a.where.column) < std::tie(b.where.file, b.where.line, b.where.column);
  });
  const auto name = [&](const Location& where) {
    const auto file = static_cast<std::size_t>(where.file);
    return file < files.size() ? files[file] : std::string("?");
  };
  std::vector<Diagnostic> diagnostics;
  for (const Error& e : sorted) {
    if (diagnostics.size() == kMostShown) break;
    diagnostics.push_back({name(e.where), e.where.line, e.where.column, e.message});
  }
  if (count_ > diagnostics.size())
    diagnostics.push_back({name(sorted.front().where), 0, 0,
                           std::to_string(count_ - diagnostics.size()) + " more errors not shown (the first " +
                               std::to_string(kMostShown) + " are above: fix them and check again)"});
  return diagnostics;
}

std::string format_number(double value, int significant_digits) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.*g", significant_digits, value);
  return buffer;
}

}  // namespace icsim::scenario
