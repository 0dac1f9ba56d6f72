#include "command_options.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

#include <icsim/models/workload.hpp>

namespace icsim::tools {

CLI::Option* add_seed_option(CLI::App& command, std::optional<std::uint64_t>& seed, const std::string& help) {
  const CLI::Validator whole_number(
      [](std::string& text) -> std::string {
        std::uint64_t value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || error != std::errc{} || end != text.data() + text.size())
          return "expected a whole number from 0 to 18446744073709551615, got " + text;
        return {};
      },
      "SEED");
  return command.add_option("--seed", seed, help)->check(whole_number);
}

CLI::Validator positive_number() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0' || !std::isfinite(value) || value <= 0.0 || value > 1e12)
          return "expected a number more than 0 (and no more than a trillion), got " + text;
        return {};
      },
      "NUMBER > 0");
}

CLI::Option* add_replications_option(CLI::App& command, std::optional<int>& replications, const std::string& help) {
  return command.add_option("--replications", replications, help)->check(CLI::Range(1, 1'000'000));
}

bool output_folder_ready(const std::string& folder) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::exists(folder, error) && !fs::is_directory(folder, error)) {
    std::fprintf(stderr, "icsim: error: --out %s: it is a file, not a folder (name a folder for the results)\n",
                 folder.c_str());
    return false;
  }
  fs::create_directories(folder, error);
  if (error) {
    std::fprintf(stderr, "icsim: error: --out %s: the folder cannot be made (%s)\n", folder.c_str(),
                 error.message().c_str());
    return false;
  }
  const fs::path probe = fs::path(folder) / ".icsim-write-check";
  const bool writable = static_cast<bool>(std::ofstream(probe));
  fs::remove(probe, error);
  if (!writable) {
    std::fprintf(stderr, "icsim: error: --out %s: files cannot be written in this folder (check its permissions)\n",
                 folder.c_str());
    return false;
  }
  return true;
}

bool workload_acceptable(const models::ScenarioSpec& spec, int replications, int threads) {
  const models::Workload work = models::workload(spec);
  if (const auto refusal = models::workload_refusal(spec, work, replications); !refusal.why.empty()) {
    std::fprintf(stderr, "icsim: error: %s: %s\n", spec.file.c_str(), refusal.why.c_str());
    return false;
  }
  if (const std::string note = models::long_run_note(work, replications, threads); !note.empty())
    std::fprintf(stderr, "icsim: note: %s\n", note.c_str());
  return true;
}

}  // namespace icsim::tools
