#include "output_folder.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <stdexcept>
#include <system_error>

namespace icsim::tools {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kStaging = ".icsim-staging-";

// The process id in a name written by a run ("...-1234" or ".x.1234.0.partial"),
// or 0.
long writer_of(const std::string& name) {
  if (name.starts_with(kStaging)) return std::strtol(name.c_str() + kStaging.size(), nullptr, 10);
  if (!name.starts_with(".") || !name.ends_with(".partial")) return 0;
  const std::string stem = name.substr(0, name.size() - std::string_view(".partial").size());
  const auto counter = stem.rfind('.');
  const auto pid = counter == std::string::npos ? std::string::npos : stem.rfind('.', counter - 1);
  return pid == std::string::npos ? 0 : std::strtol(stem.c_str() + pid + 1, nullptr, 10);
}

bool running(long pid) { return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM); }

// What runs that no longer run left in the folder.
void clear_leftovers(const fs::path& folder) {
  std::error_code error;
  for (const auto& item : fs::directory_iterator(folder, error)) {
    const std::string name = item.path().filename().string();
    const long pid = writer_of(name);
    if (pid != 0 && !running(pid)) fs::remove_all(item.path(), error);
  }
}

}  // namespace

OutputFolder::OutputFolder(fs::path folder) : folder_(std::move(folder)) {
  clear_leftovers(folder_);
  staging_ = folder_ / (std::string(kStaging) + std::to_string(::getpid()));
  fs::remove_all(staging_);
  fs::create_directory(staging_);
}

OutputFolder::~OutputFolder() {
  std::error_code error;
  fs::remove_all(staging_, error);
}

fs::path OutputFolder::operator/(const std::string& name) {
  names_.push_back(name);
  return staging_ / name;
}

void OutputFolder::commit() {
  // Every old file must be replaceable before any is replaced.
  for (const std::string& name : names_) {
    std::error_code error;
    if (fs::is_directory(folder_ / name, error))
      throw std::runtime_error("cannot replace " + (folder_ / name).string() + ": it is a folder");
  }
  for (const std::string& name : names_) {
    std::error_code error;
    fs::rename(staging_ / name, folder_ / name, error);
    if (error) throw std::runtime_error("cannot move " + name + " into " + folder_.string() + ": " + error.message());
  }
}

}  // namespace icsim::tools
