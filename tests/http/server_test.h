// Helpers of the HTTP server's tests (server_test.cc, server_body_limit_test.cc,
// server_tls_test.cc): handlers, a handler that parks its replies, raw sockets.
#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "accord/http/json.h"
#include "accord/http/server.h"
#include "support/http_client.h"

namespace accord::http::server_test {

namespace fs = std::filesystem;
using testing::HttpCall;
using testing::RawExchange;

inline Handler Echo() {
  return [](Request&& req, Reply reply) {
    boost::json::object headers;
    for (const auto& h : req.headers) headers[h.name] = h.value;
    reply(JsonResponse(boost::json::object{{"method", req.method},
                                           {"target", req.target},
                                           {"body", req.body},
                                           {"remote", req.remote_address},
                                           {"tls", req.tls},
                                           {"headers", std::move(headers)}}));
  };
}

inline Handler Text(std::string body) {
  return [body](Request&&, Reply reply) { reply(TextResponse(body, "text/plain")); };
}

inline boost::json::object ParseBody(const std::string& body) {
  return boost::json::parse(body).as_object();
}

inline ServerOptions Opts(void (*set)(ServerOptions&)) {
  ServerOptions o;
  set(o);
  return o;
}
// A handler that parks each Reply until the test releases it.
class Parked {
 public:
  Handler handler() {
    return [this](Request&& req, Reply reply) {
      std::lock_guard lock(mu_);
      targets_.push_back(req.target);
      replies_.push_back(std::move(reply));
      cv_.notify_all();
    };
  }
  // Waits until `n` requests have reached the handler.
  bool WaitFor(size_t n) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, std::chrono::seconds(10), [&] { return replies_.size() >= n; });
  }
  Reply Take(size_t i) {
    std::lock_guard lock(mu_);
    return std::move(replies_.at(i));
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::string> targets_;
  std::vector<Reply> replies_;
};

// A blocking socket connected to 127.0.0.1:port with 10 s read timeout; -1 on failure.
inline int Connect(uint16_t port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  timeval timeout{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// True once connecting to the port is refused, i.e. the listener has closed.
inline bool WaitUntilRefused(uint16_t port) {
  for (int i = 0; i < 10000; ++i) {
    int fd = Connect(port);
    if (fd < 0) return true;
    close(fd);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

}  // namespace accord::http::server_test
