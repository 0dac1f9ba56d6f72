#pragma once
// ICSIM_CHECK: a broken invariant is a programming error. It stays on in
// release builds and aborts with the place it broke; expected situations
// (a full service, a long queue) are modelled, never checked.

#include <cstdio>
#include <cstdlib>

namespace icsim::engine::detail {

[[noreturn]] inline void check_failed(const char* condition, const char* message, const char* file, int line) {
  std::fprintf(stderr, "icsim: internal error at %s:%d: %s (%s)\n", file, line, message, condition);
  std::abort();
}

}  // namespace icsim::engine::detail

#define ICSIM_CHECK(condition, message)                                                     \
  do {                                                                                      \
    if (!(condition)) [[unlikely]]                                                          \
      ::icsim::engine::detail::check_failed(#condition, message, __FILE__, __LINE__);      \
  } while (false)
