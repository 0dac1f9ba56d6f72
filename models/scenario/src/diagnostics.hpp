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

  [[nodiscard]] bool empty() const { return count_ == 0; }
  [[nodiscard]] std::size_t size() const { return count_; }

  // Sorted by file (the file loaded first, then the files it extends), line
  // and column; `files` names the files by their index. A file with a
  // mistake repeated through a long list shows the first few dozen and says
  // how many more there are: a page of errors is read, a million are not.
  [[nodiscard]] std::vector<Diagnostic> to_diagnostics(const std::vector<std::string>& files) const;

 private:
  struct Error {
    Location where;
    std::string message;
  };
  static constexpr std::size_t kMostShown = 50;
  static constexpr std::size_t kMostKept = 10'000;  // the first shown are among the first kept, by line
  std::vector<Error> errors_;
  std::size_t count_ = 0;
};

// A number as a message shows it: 0.97, 1.000000002, 1e+20.
[[nodiscard]] std::string format_number(double value, int significant_digits = 12);

}  // namespace icsim::scenario
