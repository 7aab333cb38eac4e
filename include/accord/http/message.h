// Plain request/response values: handlers never see Boost.Beast types.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace accord::http {

struct Header {
  std::string name;  // as received; compare case-insensitively
  std::string value;
};

// A request body the server wrote to a temporary file instead of memory (an upload). The file
// (mode 0600, in the server's spool directory) is removed, and the upload slot it held given
// back, when the last reference goes.
class BodyFile {
 public:
  BodyFile(std::filesystem::path path, uint64_t size, std::string sha256,
           std::function<void()> on_release = {})
      : path_(std::move(path)),
        size_(size),
        sha256_(std::move(sha256)),
        on_release_(std::move(on_release)) {}
  ~BodyFile();
  BodyFile(const BodyFile&) = delete;
  BodyFile& operator=(const BodyFile&) = delete;

  const std::filesystem::path& path() const { return path_; }
  uint64_t size() const { return size_; }
  const std::string& sha256() const { return sha256_; }  // lowercase hex, hashed as it arrived

 private:
  std::filesystem::path path_;
  uint64_t size_;
  std::string sha256_;
  std::function<void()> on_release_;
};

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // raw request target, e.g. "/api/v1/x?limit=5"
  std::string body;    // empty when the body went to body_file
  std::shared_ptr<const BodyFile> body_file;
  std::vector<Header> headers;
  std::string remote_address;  // peer IP without port
  bool tls = false;

  // Case-insensitive header lookup; empty when absent.
  std::string_view HeaderValue(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<Header> headers;  // extra headers (security headers are added by the server)
};

// Called exactly once per request, from any thread.
using Reply = std::function<void(Response)>;
using Handler = std::function<void(Request&&, Reply)>;

// What the server does with a request whose header has arrived, decided before it reads a byte
// of the body (who may call the route, how big its body may be, where that body goes).
struct Admission {
  // Set: the answer, sent without reading the body (the connection then closes unless the
  // request has none).
  std::optional<Response> response;
  size_t body_limit = 0;  // 0: the server's default
  bool spool = false;     // the body goes to a temporary file (Request::body_file)
  // Runs the whole request once its body has arrived; unset: the server's handler.
  Handler run;
};
// Called with the request's header (its body still empty), on an I/O thread.
using Admitter = std::function<Admission(const Request& head)>;

}  // namespace accord::http
