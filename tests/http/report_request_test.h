// Helpers of the audit-report request and subscription tests (report_request_test.cc,
// report_request_form_test.cc, trust_subscription_test.cc): reading the delivered emails
// and their links, encoding forms.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cctype>
#include <cstdio>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace accord::testing::report_request {

namespace json = boost::json;

inline std::string Str(const json::value& v) { return std::string(v.as_string()); }
inline bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A delivered message's body, quoted-printable decoded (soft line breaks joined).
inline std::string DecodeQp(const std::string& message) {
  size_t start = message.find("\r\n\r\n");
  size_t skip = 4;
  if (start == std::string::npos) {
    start = message.find("\n\n");
    skip = 2;
  }
  std::string body = start == std::string::npos ? message : message.substr(start + skip);
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '=' && i + 2 < body.size() && body[i + 1] == '\r' && body[i + 2] == '\n') {
      i += 2;
    } else if (body[i] == '=' && i + 1 < body.size() && body[i + 1] == '\n') {
      i += 1;
    } else if (body[i] == '=' && i + 2 < body.size() && std::isxdigit(body[i + 1]) &&
               std::isxdigit(body[i + 2])) {
      out += static_cast<char>(std::stoi(body.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += body[i];
    }
  }
  return out;
}

// The token of the first "<base>/<kind>/<token>" link in a decoded body.
inline std::string LinkToken(const std::string& body, const std::string& kind) {
  std::smatch m;
  std::regex re("/" + kind + "/([A-Za-z0-9_-]+)");
  return std::regex_search(body, m, re) ? m[1].str() : "";
}
inline std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    out += (out.empty() ? "" : "&") + k + "=";
    for (unsigned char c : v) {
      if (std::isalnum(c) || c == '-' || c == '.' || c == '_') {
        out += static_cast<char>(c);
      } else if (c == ' ') {
        out += '+';
      } else {
        char hex[4];
        std::snprintf(hex, sizeof hex, "%%%02X", c);
        out += hex;
      }
    }
  }
  return out;
}

}  // namespace accord::testing::report_request
