// Assertions on API answers shared by the HTTP test suites.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "support/http_client.h"

namespace accord::testing {

// Checks the CONTRACT.md error shape (status, code, message, details) and returns the
// parsed error object ({} when the body is not an error).
boost::json::object ExpectError(const HttpResult& r, int status, std::string_view code);

// The field of the first detail, or "".
std::string FirstField(const boost::json::object& error);

}  // namespace accord::testing
