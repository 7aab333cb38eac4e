// Checking an OpenID Connect ID token (OpenID Connect Core 1.0, 3.1.3.7): its JWS signature
// with libcjose against the provider's published keys (JWKS), an allow-listed algorithm, and
// the claims iss, aud, azp, exp, iat (with a clock skew), nbf and nonce. Every refusal names
// its cause, so the page a person sees and the operator's log line say what to change.
#pragma once

#include <boost/json/object.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/clock.h"
#include "accord/core/result.h"

struct _cjose_jwk_int;

namespace accord::http::oidc {

// Why a token was refused: `cause` is a stable word for tests and logs
// (alg_not_allowed, unknown_key, bad_signature, wrong_issuer, wrong_audience, wrong_azp,
// expired, not_yet_valid, issued_in_future, nonce_mismatch, malformed, no_subject).
struct Refusal {
  std::string cause;
  std::string message;  // what happened, in words
  std::string remedy;   // what to change
  ErrorCode code = ErrorCode::kUnauthenticated;
};
// The refusal as an Error (401 unless it says otherwise): message, and one detail
// {field: "sso.<cause>", reason: the remedy}.
Error RefusalError(const Refusal& r);
// The cause of an Error made by RefusalError, or "".
std::string CauseOf(const Error& e);

// A provider's published keys (a JWKS document), each imported by libcjose. Keys of a type
// libcjose cannot use, or meant for encryption only, are skipped.
class KeySet {
 public:
  ~KeySet();
  KeySet(const KeySet&) = delete;
  KeySet& operator=(const KeySet&) = delete;
  // 422 when the document is not a JWKS ({"keys": [...]}) or holds no usable signing key.
  static Result<std::shared_ptr<const KeySet>> Parse(std::string_view json);
  size_t size() const { return keys_.size(); }
  std::vector<std::string> kids() const;

 private:
  KeySet() = default;
  struct Key {
    std::string kid;
    std::string kty;  // RSA | EC
    _cjose_jwk_int* jwk = nullptr;
  };
  friend class TokenChecker;
  std::vector<Key> keys_;
};

struct Expectations {
  std::string issuer;
  std::string client_id;
  std::string nonce;
  std::vector<std::string> algorithms;  // allow-listed: RS256, PS256, ES256, ...
  TimePoint now;
  std::chrono::seconds skew{60};
  // A back-channel logout token: no nonce (its presence refuses it), the logout event, sub or
  // sid; exp only when present.
  bool logout_token = false;
};

class TokenChecker {
 public:
  // The verified claims, or RefusalError. `unknown_key` means no key of `keys` has the token's
  // kid: the caller fetches the JWKS again (the provider rotated its keys) and retries once.
  static Result<boost::json::object> Check(std::string_view token, const KeySet& keys,
                                           const Expectations& expect);
};

// The claims of a JWS's payload without checking anything: for the back-channel logout token's
// `iss` before its keys are chosen. Never trust the answer on its own.
Result<boost::json::object> UnverifiedClaims(std::string_view token);

}  // namespace accord::http::oidc
