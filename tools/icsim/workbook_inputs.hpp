#pragma once
// The Inputs sheet of every results.xlsx (run, compare, plan): the scenario
// as it was run. Also the words for a service that other sheets share with it.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <icsim/models/scenario_spec.hpp>

#include "workbook.hpp"

namespace icsim::tools {

// "bed-based", "home-based, short-term care".
[[nodiscard]] std::string kind_label(const models::ServiceSpec& service);

// What sends people to a service: "P1, step-up".
[[nodiscard]] std::string routes_into(const models::ScenarioSpec& spec, models::ServiceIndex s);

// The Inputs sheet, read top to bottom: sections of rows, each a label with
// its unit in the first column and its values across, one value or one per
// age band, service or year under a header row naming them.
class InputsSheet {
 public:
  InputsSheet(Workbook& book, const std::string& name, int value_columns, double value_width);

  void title(const std::string& text, const std::string& subtitle);
  void section(const std::string& name);
  void gap();
  void headers(const std::string& label, const std::vector<std::string>& names);
  void year_headers(const std::string& label, int first_year, int years);
  void texts(const std::string& label, const std::vector<std::string>& values);

  // NaN leaves a cell blank: a value that does not apply.
  void numbers(const std::string& label, const std::vector<double>& values, lxw_format* format);

  void value(const std::string& label, double number, lxw_format* format);

  // Text that may run on to the right (a file's path, a hash).
  void value(const std::string& label, const std::string& text);

  void finish();

 private:
  void end_row(const std::string& label, const std::vector<std::string>& values);

  Workbook& book_;
  Sheet sheet_;
  int value_columns_;
  double value_width_;  // of each value column, in characters
  int row_ = 0;
};

// The scenario as it was run, every value after `extends` and defaults.
// `how_run` adds the rows (and any sections) that say how the numbers were
// made: replications, events, a plan.
void write_inputs_sheet(Workbook& book, const std::string& name, const models::ScenarioSpec& spec,
                        std::uint64_t seed, const std::function<void(InputsSheet&)>& how_run);

}  // namespace icsim::tools
