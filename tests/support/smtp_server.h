// A real SMTP server for a test: Debian's exim4 with a private configuration on a free
// loopback port (scripts/smtp-test-server.sh), STARTTLS on a self-signed certificate, every
// message delivered into one Maildir that the test reads back.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace accord::testing {

class SmtpTestServer {
 public:
  SmtpTestServer();   // starts it; started() says whether that worked, error() why not
  ~SmtpTestServer();  // stops it
  SmtpTestServer(const SmtpTestServer&) = delete;
  SmtpTestServer& operator=(const SmtpTestServer&) = delete;

  bool started() const { return port_ != 0; }
  const std::string& error() const { return error_; }
  uint16_t port() const { return port_; }
  // The self-signed certificate a client must be told to trust.
  std::filesystem::path ca_file() const;
  void Stop();
  // Every delivered message, oldest first (raw RFC 5322 text).
  std::vector<std::string> Messages() const;
  // Waits (bounded) until at least n messages arrived; returns them.
  std::vector<std::string> WaitForMessages(
      size_t n, std::chrono::seconds timeout = std::chrono::seconds(30)) const;

 private:
  TempDir tmp_;
  std::filesystem::path dir_;
  uint16_t port_ = 0;
  std::string error_;
  bool stopped_ = false;
};

}  // namespace accord::testing
