#include "atomic_file.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <unistd.h>

namespace icsim::tools {
namespace {

constexpr std::string_view kPartialSuffix = ".partial";

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& file) {
  throw std::runtime_error("cannot " + what + " " + file.string() + ": " + std::strerror(errno));
}

}  // namespace

void write_file_atomically(const std::filesystem::path& file, std::string_view text) {
  // A name no other thread or process writing the same folder uses.
  static std::atomic<unsigned> counter{0};
  std::string name(1, '.');
  name.append(file.filename().string()).append(1, '.').append(std::to_string(::getpid()));
  name.append(1, '.').append(std::to_string(counter.fetch_add(1))).append(kPartialSuffix);
  const std::filesystem::path partial = file.parent_path() / name;
  const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("create", partial);
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = errno;
      ::close(fd);
      ::unlink(partial.c_str());
      errno = error;
      fail("write", partial);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int error = errno;
    ::close(fd);
    ::unlink(partial.c_str());
    errno = error;
    fail("flush", partial);
  }
  if (::close(fd) != 0) fail("close", partial);
  if (::rename(partial.c_str(), file.c_str()) != 0) {
    const int error = errno;
    ::unlink(partial.c_str());
    errno = error;
    fail("rename into place", file);
  }
  // The rename itself is durable once the folder is flushed.
  const std::filesystem::path folder = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    (void)::fsync(dir);
    ::close(dir);
  }
}

std::optional<std::string> read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(bytes).str();
}

}  // namespace icsim::tools
