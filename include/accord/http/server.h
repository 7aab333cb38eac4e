// The HTTP(S) listener: Boost.Beast lives only in server.cc.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/http/message.h"

namespace accord::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 0;  // 0 picks a free port; Start() returns the real one
  int threads = 2;
  size_t body_limit = 1 << 20;
  // Decides each request from its header before any body byte is read (Router::Admit: the
  // route, who calls it, its body limit; "100 Continue" is sent only to an admitted request).
  // Unset: every request is admitted with body_limit. Called on I/O threads, concurrently.
  Admitter admit;
  // Where spooled bodies (Admission::spool) are written, each to its own 0600 file that is
  // removed once handled or when the request fails. Created when missing.
  std::filesystem::path spool_dir = std::filesystem::temp_directory_path();
  // Spooled bodies at once (being received or handled); one more is answered 503 with
  // Retry-After before its body is read.
  int max_spooled = 4;
  // The Date header's clock; null: the system clock.
  const Clock* clock = nullptr;
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds idle_timeout{60};
  std::chrono::seconds drain_timeout{10};
  std::optional<std::filesystem::path> tls_cert;  // PEM chain
  std::optional<std::filesystem::path> tls_key;   // PEM private key
};

class Server {
 public:
  Server(ServerOptions options, Handler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts the I/O threads; returns the bound port.
  Result<uint16_t> Start();
  // Stops accepting, lets in-flight requests finish (up to drain_timeout), joins threads.
  // Idempotent; call it from any thread except a handler's (it joins the I/O threads).
  void Stop();
  // Blocks until Stop() has completed.
  void Wait();
  bool tls() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace accord::http
