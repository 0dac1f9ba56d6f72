#include "serve_guard.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace icsim::tools {
namespace {

using Clock = std::chrono::steady_clock;

// Set on the accepting thread while a connection beyond the waiting limit is
// handed over: it is closed unread.
thread_local bool refusing = false;

// One request's socket, read within a deadline and a byte budget.
class GuardedStream final : public httplib::Stream {
 public:
  GuardedStream(socket_t sock, const ConnectionLimits& limits)
      : sock_(sock), limits_(limits), first_byte_by_(Clock::now() + std::chrono::seconds(limits.first_byte_seconds)),
        read_by_(Clock::now() + std::chrono::seconds(limits.request_seconds)) {}

  bool is_readable() const override {
    const auto by = read_ == 0 ? std::min(first_byte_by_, read_by_) : read_by_;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(by - Clock::now()).count();
    return left > 0 && wait(POLLIN, static_cast<int>(left));
  }
  bool is_writable() const override { return wait(POLLOUT, limits_.write_seconds * 1000); }

  ssize_t read(char* ptr, size_t size) override {
    if (read_ >= limits_.most_request_bytes || !is_readable()) return -1;
    const ssize_t n = ::recv(sock_, ptr, std::min(size, limits_.most_request_bytes - read_), 0);
    if (n > 0) read_ += static_cast<std::size_t>(n);
    return n;
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    return ::send(sock_, ptr, size, MSG_NOSIGNAL);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { address(::getpeername, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address(::getsockname, ip, port); }
  socket_t socket() const override { return sock_; }

 private:
  bool wait(short events, int milliseconds) const {
    pollfd fd{sock_, events, 0};
    return ::poll(&fd, 1, milliseconds) > 0 && (fd.revents & events) != 0;
  }

  template <class Name>
  void address(Name name, std::string& ip, int& port) const {
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    ip.clear();
    port = 0;
    if (name(sock_, reinterpret_cast<sockaddr*>(&storage), &length) != 0) return;
    char text[INET6_ADDRSTRLEN] = {};
    if (storage.ss_family == AF_INET) {
      const auto* v4 = reinterpret_cast<const sockaddr_in*>(&storage);
      inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
      port = ntohs(v4->sin_port);
    } else if (storage.ss_family == AF_INET6) {
      const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&storage);
      inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
      port = ntohs(v6->sin6_port);
    }
    ip = text;
  }

  socket_t sock_;
  const ConnectionLimits& limits_;
  Clock::time_point first_byte_by_, read_by_;
  std::size_t read_ = 0;
};

// httplib's thread pool behind a count of the connections waiting for it.
class GuardedQueue final : public httplib::TaskQueue {
 public:
  GuardedQueue(std::size_t threads, std::size_t most_waiting, std::atomic<std::size_t>& waiting)
      : pool_(threads), most_waiting_(most_waiting), waiting_(waiting) {}

  void enqueue(std::function<void()> fn) override {
    if (waiting_.load() >= most_waiting_) {
      refusing = true;  // closes the socket unread, here and now
      fn();
      refusing = false;
      return;
    }
    ++waiting_;
    pool_.enqueue([this, fn = std::move(fn)] {
      --waiting_;
      fn();
    });
  }
  void shutdown() override { pool_.shutdown(); }

 private:
  httplib::ThreadPool pool_;
  std::size_t most_waiting_;
  std::atomic<std::size_t>& waiting_;
};

}  // namespace

GuardedServer::GuardedServer(ConnectionLimits limits) : limits_(limits) {
  new_task_queue = [this] { return new GuardedQueue(limits_.threads, limits_.most_waiting, waiting_); };
}

void GuardedServer::raise_backlog() const { ::listen(svr_sock_, limits_.listen_backlog); }

bool GuardedServer::process_and_close_socket(socket_t sock) {
  bool served = false;
  if (!refusing) {
    GuardedStream stream(sock, limits_);
    bool closed = false;
    served = process_request(stream, true, closed, nullptr);  // one request a connection
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return served;
}

}  // namespace icsim::tools
