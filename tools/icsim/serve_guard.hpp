#pragma once
// icsim serve's connections, bounded so that slow, idle or flooding clients
// cannot stop it answering others. cpp-httplib 0.11 (Debian's) waits on each
// byte with its read timeout, however long the request takes, and takes any
// number of headers; here each connection carries one request, which must
// start within 2 s, be read within 10 s and hold at most its body's limit
// plus 32 KiB, and at most 256 connections wait for a thread.

#include <atomic>
#include <cstddef>

#include <httplib.h>

namespace icsim::tools {

struct ConnectionLimits {
  int first_byte_seconds = 2;       // an idle connection is closed after this
  int request_seconds = 10;         // the whole request read, headers and body
  int write_seconds = 30;
  std::size_t most_request_bytes = 64 * 1024 + 32 * 1024;  // body limit + headers
  std::size_t threads = 128;        // connections served at once
  std::size_t most_waiting = 256;   // connections waiting for a thread; more are closed at once
  int listen_backlog = 1024;
};

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(ConnectionLimits limits);

  // After bind_to_port: the kernel's queue of connections not yet accepted
  // (httplib's is 5).
  void raise_backlog() const;

 private:
  bool process_and_close_socket(socket_t sock) override;

  ConnectionLimits limits_;
  std::atomic<std::size_t> waiting_{0};
};

}  // namespace icsim::tools
