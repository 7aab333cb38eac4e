#include "accord/http/json.h"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

namespace accord::http {

namespace json = boost::json;

namespace {

// Server-side failures carry database and SQL detail: log it, never send it.
bool MustMask(const Error& e) {
  if (e.code == ErrorCode::kInternal || e.code == ErrorCode::kCheckFailed) return true;
  return e.code == ErrorCode::kUnavailable && e.details.empty() &&
         e.message.find("starting up") == std::string::npos;
}

}  // namespace

Response ErrorResponse(const Error& original) {
  Error masked;
  if (MustMask(original)) {
    spdlog::error("request failed: {}", original.message);
    const bool unavailable = original.code == ErrorCode::kUnavailable;
    masked = Error{unavailable ? ErrorCode::kUnavailable : ErrorCode::kInternal,
                   unavailable ? "the service is temporarily unavailable; retry shortly"
                               : "internal error; the server log has the details",
                   {}};
  }
  const Error& error = MustMask(original) ? masked : original;
  json::array details;
  for (const auto& d : error.details) {
    json::object item{{"field", d.field}, {"reason", d.reason}};
    if (d.line) item["line"] = *d.line;
    details.push_back(std::move(item));
  }
  json::object body{{"error", json::object{{"code", CodeName(error.code)},
                                           {"message", error.message},
                                           {"details", std::move(details)}}}};
  return JsonResponse(body, HttpStatus(error.code));
}

Response JsonResponse(const json::value& body, int status) {
  Response r;
  r.status = status;
  r.content_type = "application/json";
  r.body = json::serialize(body);
  return r;
}

Response TextResponse(std::string body, std::string content_type, int status) {
  Response r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

Result<json::object> ParseJsonObject(std::string_view body) {
  json::error_code ec;
  json::parse_options opts;
  opts.max_depth = 64;
  json::value v = json::parse(body, ec, {}, opts);
  if (ec) {
    return Error{ErrorCode::kMalformedJson,
                 "request body is not valid JSON: " + ec.message(),
                 {ErrorDetail{"body", ec.message(), std::nullopt}}};
  }
  if (!v.is_object()) return ValidationError("body", "must be a JSON object");
  return std::move(v.as_object());
}

}  // namespace accord::http
