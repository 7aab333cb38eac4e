#include "accord/core/result.h"

namespace accord {
namespace {

struct CodeRow {
  ErrorCode code;
  std::string_view name;
  int status;
};

// The one table that maps error codes to names and HTTP statuses (CONTRACT.md).
constexpr CodeRow kCodes[] = {
    {ErrorCode::kValidationFailed, "validation_failed", 422},
    {ErrorCode::kMalformedJson, "malformed_json", 400},
    {ErrorCode::kBadRequest, "bad_request", 400},
    {ErrorCode::kUnauthenticated, "unauthenticated", 401},
    {ErrorCode::kForbidden, "forbidden", 403},
    {ErrorCode::kNotFound, "not_found", 404},
    {ErrorCode::kMethodNotAllowed, "method_not_allowed", 405},
    {ErrorCode::kConflict, "conflict", 409},
    {ErrorCode::kPayloadTooLarge, "payload_too_large", 413},
    {ErrorCode::kUnsupportedMediaType, "unsupported_media_type", 415},
    {ErrorCode::kRateLimited, "rate_limited", 429},
    {ErrorCode::kInternal, "internal", 500},
    {ErrorCode::kUnavailable, "unavailable", 503},
    {ErrorCode::kCheckFailed, "check_failed", 500},
};

const CodeRow& Row(ErrorCode code) {
  for (const auto& row : kCodes) {
    if (row.code == code) return row;
  }
  return kCodes[11];  // internal
}

}  // namespace

std::string_view CodeName(ErrorCode code) { return Row(code).name; }
int HttpStatus(ErrorCode code) { return Row(code).status; }

std::string Error::ToString() const {
  if (details.empty()) return message;
  std::string out;
  for (const auto& d : details) {
    if (!out.empty()) out += "; ";
    if (d.line) out += "line " + std::to_string(*d.line) + ": ";
    out += d.field.empty() ? d.reason : d.field + ": " + d.reason;
  }
  return out;
}

Error ValidationError(std::string field, std::string reason) {
  std::string message = field + ": " + reason;
  return Error{ErrorCode::kValidationFailed,
               std::move(message),
               {ErrorDetail{std::move(field), std::move(reason), std::nullopt}}};
}

Error NotFound(std::string what) { return Error{ErrorCode::kNotFound, std::move(what), {}}; }

Error Internal(std::string message) { return Error{ErrorCode::kInternal, std::move(message), {}}; }

}  // namespace accord
