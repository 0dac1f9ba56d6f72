#pragma once
// A progress line on a terminal, shown once a run has taken a second, and
// nothing at all when the output is not a terminal (scripts, CI).

#include <chrono>
#include <cstdio>
#include <string>

#include <unistd.h>

namespace icsim::tools {

class ProgressBar {
 public:
  ProgressBar(int total, std::string what) : total_(total), what_(std::move(what)), start_(Clock::now()) {}

  void update(int done) const { update(done, std::string()); }

  // With more after the count: "3/20 points".
  void update(int done, const std::string& also) const {
    if (total_ <= 0 || !isatty(STDERR_FILENO)) return;
    const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    if (seconds < 1.0) return;
    const int width = 30, filled = width * done / total_;
    const double eta = done > 0 ? seconds * (total_ - done) / done : 0.0;
    std::fprintf(stderr, "\r[%s%s] %d/%d %s, %.0f s, about %.0f s to go ", std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(width - filled), ' ').c_str(), done, total_, (what_ + (also.empty() ? "" : ", " + also)).c_str(), seconds, eta);
    if (done == total_) std::fprintf(stderr, "\n");
  }

 private:
  using Clock = std::chrono::steady_clock;
  int total_;
  std::string what_;
  Clock::time_point start_;
};

}  // namespace icsim::tools
