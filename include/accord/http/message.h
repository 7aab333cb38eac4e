// Plain request/response values: handlers never see Boost.Beast types.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace accord::http {

struct Header {
  std::string name;  // as received; compare case-insensitively
  std::string value;
};

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // raw request target, e.g. "/api/v1/x?limit=5"
  std::string body;
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

}  // namespace accord::http
