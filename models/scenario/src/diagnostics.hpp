#pragma once
// Errors found while loading a scenario, collected so that all of them are
// reported at once.

#include <string>
#include <vector>

#include <icsim/scenario/load.hpp>

#include "source_node.hpp"

namespace icsim::scenario {

class DiagnosticList {
 public:
  void error(const Location& where, std::string message);

  [[nodiscard]] bool empty() const { return errors_.empty(); }
  [[nodiscard]] std::size_t size() const { return errors_.size(); }

  // Sorted by file (the file loaded first, then the files it extends), line
  // and column; `files` names the files by their index.
  [[nodiscard]] std::vector<Diagnostic> to_diagnostics(const std::vector<std::string>& files) const;

 private:
  struct Error {
    Location where;
    std::string message;
  };
  std::vector<Error> errors_;
};

// A number as a message shows it: 0.97, 1.000000002, 1e+20.
[[nodiscard]] std::string format_number(double value, int significant_digits = 12);

}  // namespace icsim::scenario
