#pragma once
// A sweep's claim on its output folder while it writes there. Processes of
// one sweep (its shards, a run again) may share a folder; a different sweep
// started on the same folder is refused while the first is running, so two
// sweeps never mix their points. The claim is an advisory lock (flock) on
// ".icsim-sweep.lock", released when the process ends, however it ends.

#include <filesystem>
#include <optional>
#include <string>

namespace icsim::tools {

class SweepFolderLock {
 public:
  // Claims `folder` for the sweep `sweep_sha256`; nothing, and why in `why`,
  // when another sweep holds it.
  static std::optional<SweepFolderLock> claim(const std::filesystem::path& folder, const std::string& sweep_sha256,
                                              std::string& why);
  SweepFolderLock(SweepFolderLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  SweepFolderLock& operator=(SweepFolderLock&& other) noexcept;
  SweepFolderLock(const SweepFolderLock&) = delete;
  ~SweepFolderLock();

 private:
  explicit SweepFolderLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace icsim::tools
