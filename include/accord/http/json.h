// JSON mapping shared by every handler: error bodies, JSON bodies, body parsing.
#pragma once

#include <boost/json/fwd.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "accord/core/result.h"
#include "accord/http/message.h"

namespace accord::http {

// {"error": {"code", "message", "details": [{"field", "reason", "line"?}]}} with the mapped status.
Response ErrorResponse(const Error& error);
Response JsonResponse(const boost::json::value& body, int status = 200);
Response TextResponse(std::string body, std::string content_type, int status = 200);

// Parses a request body as a JSON object; malformed_json (400) or validation_failed (422).
Result<boost::json::object> ParseJsonObject(std::string_view body);

}  // namespace accord::http
