// Result<T> and Error: how every fallible function in Accord reports failure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace accord {

// One code per HTTP status family; the table in error.cc maps them (CONTRACT.md).
enum class ErrorCode {
  kValidationFailed,      // 422
  kMalformedJson,         // 400
  kBadRequest,            // 400 (malformed query, path or header)
  kUnauthenticated,       // 401
  kForbidden,             // 403
  kNotFound,              // 404
  kMethodNotAllowed,      // 405
  kConflict,              // 409
  kPayloadTooLarge,       // 413
  kUnsupportedMediaType,  // 415 (a JSON route sent another Content-Type)
  kRateLimited,           // 429
  kInternal,              // 500
  kUnavailable,           // 503
  kCheckFailed,           // verification found a problem (CLI exit 1)
};

struct ErrorDetail {
  std::string field;
  std::string reason;
  std::optional<int> line;  // for CSV/TOML input
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<ErrorDetail> details;

  // "field: reason; field: reason" or the message when there are no details.
  std::string ToString() const;
};

std::string_view CodeName(ErrorCode code);
int HttpStatus(ErrorCode code);

Error ValidationError(std::string field, std::string reason);
Error NotFound(std::string what);
Error Internal(std::string message);

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit on purpose
  Result(Error error) : v_(std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : e_(std::move(error)) {}  // NOLINT

  bool ok() const { return !e_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const& { return *e_; }
  Error&& error() && { return std::move(*e_); }

 private:
  std::optional<Error> e_;
};

using Status = Result<void>;

inline Status Ok() { return {}; }

}  // namespace accord

// Propagates an error from an expression returning Result<...>.
#define ACCORD_TRY(expr)                                                        \
  do {                                                                          \
    auto accord_try_result_ = (expr);                                           \
    if (!accord_try_result_.ok()) return std::move(accord_try_result_).error(); \
  } while (0)
