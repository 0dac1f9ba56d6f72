// libFuzzer harnesses for the three file readers: scenario, sweep and plan
// files. Any input must end in a spec or in ScenarioError: never a crash, a
// hang, a sanitizer report or unbounded memory (libFuzzer's -rss_limit_mb and
// -timeout catch the last two). One source, three programs: ICSIM_FUZZ_TARGET
// says which reader.
//   fuzz_scenario CORPUS... -max_total_time=30

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include <icsim/models/scenario_spec.hpp>
#include <icsim/scenario/load.hpp>
#include <icsim/scenario/plan.hpp>
#include <icsim/scenario/sweep.hpp>

namespace {

// The readers of sweep and plan files take a path: the input is written to a
// file of this process's own.
[[maybe_unused]] std::string input_file(const std::uint8_t* data, std::size_t size) {
  const std::string path = "/tmp/icsim-fuzz-" + std::to_string(getpid()) + ".yaml";
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

[[maybe_unused]] const icsim::models::ScenarioSpec& tutorial() {
  static const icsim::models::ScenarioSpec spec =
      icsim::scenario::load_scenario(std::string(ICSIM_SOURCE_DIR) + "/scenarios/tutorial.yaml");
  return spec;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
#if ICSIM_FUZZ_TARGET == 1
    // As if saved in scenarios/: `extends: tutorial.yaml` finds the tutorial.
    (void)icsim::scenario::load_scenario_text(std::string(ICSIM_SOURCE_DIR) + "/scenarios/fuzz.yaml", text);
#elif ICSIM_FUZZ_TARGET == 2
    (void)icsim::scenario::read_sweep(input_file(data, size));
#else
    (void)icsim::scenario::load_plan(input_file(data, size), tutorial());
#endif
  } catch (const icsim::scenario::ScenarioError&) {
    // A clear error is the right answer to a broken file.
  }
  return 0;
}
