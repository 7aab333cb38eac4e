// Local status providers on loopback for the probe and vendor-feed tests (issue 27): one that
// answers by path (the recorded Statuspage samples, and misbehaving answers: an HTML error
// page, malformed JSON, a 10 MB body, a redirect loop), one that accepts connections and never
// answers (a hang), and a TLS one whose certificate expires in a given number of days.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "accord/http/server.h"

namespace accord::testing {

class StatusProvider {
 public:
  // `tls_days`: > 0 serves HTTPS with a self-signed "localhost" certificate valid that long.
  explicit StatusProvider(int tls_days = 0);
  ~StatusProvider();
  uint16_t port() const { return port_; }
  // "http://127.0.0.1:PORT" (or "https://localhost:PORT").
  std::string base() const;
  // Serves `body` at `path` (200, application/json) from now on.
  void Set(const std::string& path, std::string body, int status = 200,
           std::string type = "application/json");
  // The self-signed certificate (PEM) of a TLS provider: trust it as a CA file.
  std::filesystem::path cert_path() const { return dir_ / "cert.pem"; }
  int hits(const std::string& path);

 private:
  struct Page {
    int status;
    std::string type, body;
  };
  std::filesystem::path dir_;
  std::mutex mu_;
  std::map<std::string, Page> pages_;
  std::map<std::string, int> hits_;
  std::unique_ptr<http::Server> server_;
  uint16_t port_ = 0;
  bool tls_ = false;
};

// Accepts TCP connections on loopback and never answers.
class SilentServer {
 public:
  SilentServer();
  ~SilentServer();
  uint16_t port() const { return port_; }

 private:
  int fd_ = -1;
  uint16_t port_ = 0;
};

// A file of tests/testdata/statuspage.
std::string StatuspageSample(const std::string& name);

}  // namespace accord::testing
