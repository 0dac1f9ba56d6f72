#include "folder_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

namespace icsim::tools {
namespace {

std::string read_all(int fd) {
  std::string text(128, '\0');
  const ssize_t n = ::pread(fd, text.data(), text.size(), 0);
  text.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  return text;
}

}  // namespace

std::optional<SweepFolderLock> SweepFolderLock::claim(const std::filesystem::path& folder,
                                                      const std::string& sweep_sha256, std::string& why) {
  const std::filesystem::path file = folder / ".icsim-sweep.lock";
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    why = "cannot open " + file.string() + ": " + std::strerror(errno);
    return std::nullopt;
  }
  // The first process in writes its sweep's hash under an exclusive lock,
  // then shares it; a later one shares it only for the same sweep. A moment's
  // exclusive lock (the first still writing) is waited out.
  for (int attempt = 0; attempt < 50; ++attempt) {
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
      if (::ftruncate(fd, 0) == 0 && ::pwrite(fd, sweep_sha256.data(), sweep_sha256.size(), 0) >= 0 &&
          ::flock(fd, LOCK_SH) == 0)
        return SweepFolderLock(fd);
      break;
    }
    if (read_all(fd) != sweep_sha256) {
      ::close(fd);
      why = "another sweep is writing " + folder.string() +
            " now: wait for it to end, or give this one another --out folder";
      return std::nullopt;
    }
    if (::flock(fd, LOCK_SH | LOCK_NB) == 0) return SweepFolderLock(fd);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::close(fd);
  why = "cannot lock " + file.string();
  return std::nullopt;
}

SweepFolderLock& SweepFolderLock::operator=(SweepFolderLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

SweepFolderLock::~SweepFolderLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

}  // namespace icsim::tools
