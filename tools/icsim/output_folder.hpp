#pragma once
// A command's output files appear together or not at all. They are written
// into a staging folder inside the output folder (".icsim-staging-PID"), then
// moved over the old ones in one go: a run that fails to write (a full disk)
// leaves the previous run's files as they were, never a mix of the two. What
// a killed run left (its staging folder, ".partial" files) is cleared by the
// next run into the folder.

#include <filesystem>
#include <string>
#include <vector>

namespace icsim::tools {

class OutputFolder {
 public:
  // `folder` must exist and be writable (output_folder_ready).
  explicit OutputFolder(std::filesystem::path folder);
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  // Where to write the file `name` now.
  [[nodiscard]] std::filesystem::path operator/(const std::string& name);
  // Moves every file written into place. Throws std::runtime_error.
  void commit();

  [[nodiscard]] const std::filesystem::path& folder() const { return folder_; }

 private:
  std::filesystem::path folder_;
  std::filesystem::path staging_;
  std::vector<std::string> names_;
};

}  // namespace icsim::tools
