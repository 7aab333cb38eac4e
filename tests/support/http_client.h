// A small synchronous HTTP(S) client for tests: every call times out (~10 s), none hangs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace accord::testing {

struct HttpResult {
  int status = 0;  // 0 when the connection or the exchange failed; body then says why
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  // Case-insensitive; empty when absent.
  std::string Header(std::string_view name) const;
};

// One request on a fresh connection to 127.0.0.1:port. With tls=true the server's certificate
// is not verified.
HttpResult HttpCall(uint16_t port, std::string method, std::string target, std::string body = "",
                    std::vector<std::pair<std::string, std::string>> headers = {},
                    bool tls = false);

// Writes raw bytes to 127.0.0.1:port and returns everything read until the server closes the
// connection (or ~10 s pass). Empty when the connection fails.
std::string RawExchange(uint16_t port, std::string bytes);

}  // namespace accord::testing
