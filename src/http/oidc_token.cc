#include "accord/http/oidc_token.h"

#include <cjose/cjose.h>

#include <algorithm>
#include <boost/json.hpp>

#include "accord/core/bytes.h"
#include "accord/core/time.h"

namespace accord::http::oidc {

namespace json = boost::json;

namespace {

constexpr std::string_view kCausePrefix = "sso.";

Error Refuse(std::string cause, std::string message, std::string remedy) {
  return RefusalError(Refusal{std::move(cause), std::move(message), std::move(remedy)});
}

struct JwsFree {
  void operator()(cjose_jws_t* j) const { cjose_jws_release(j); }
};

// The protected header's alg and kid, read before any key is touched: the allow-list decides
// first, and libcjose cannot import a token whose alg it does not know (e.g. "none"), whose
// refusal must still say so.
Result<json::object> ProtectedHeader(std::string_view token) {
  auto dot = token.find('.');
  if (dot == std::string_view::npos || std::count(token.begin(), token.end(), '.') != 2) {
    return Refuse("malformed", "the ID token is not a signed JWT (three dot-separated parts)",
                  "check that the provider issues signed ID tokens, not encrypted ones");
  }
  auto bytes = Base64UrlDecode(token.substr(0, dot));
  if (!bytes.ok()) {
    return Refuse("malformed", "the ID token's header is not base64url",
                  "check the identity provider's token settings");
  }
  boost::system::error_code ec;
  json::value v = json::parse(
      std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()), ec);
  if (ec || !v.is_object()) {
    return Refuse("malformed", "the ID token's header is not a JSON object",
                  "check the identity provider's token settings");
  }
  return v.as_object();
}

std::string Str(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : "";
}

// A NumericDate claim (seconds since the epoch), or nullopt when absent or not a number.
std::optional<int64_t> Seconds(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end()) return std::nullopt;
  if (it->value().is_int64()) return it->value().as_int64();
  if (it->value().is_uint64()) return static_cast<int64_t>(it->value().as_uint64());
  if (it->value().is_double()) return static_cast<int64_t>(it->value().as_double());
  return std::nullopt;
}

std::string Utc(int64_t seconds) { return FormatRfc3339(TimePoint(std::chrono::seconds(seconds))); }

Result<json::object> CheckClaims(const json::object& claims, const Expectations& e) {
  std::string iss = Str(claims, "iss");
  if (iss != e.issuer) {
    return Refuse("wrong_issuer",
                  "the ID token was issued by \"" + iss + "\", not \"" + e.issuer + "\"",
                  "set [oidc] issuer to the provider's issuer exactly as its discovery document "
                  "says (no trailing slash unless it has one)");
  }
  std::vector<std::string> audiences;
  if (auto it = claims.find("aud"); it != claims.end()) {
    if (it->value().is_string()) audiences.emplace_back(it->value().as_string());
    if (it->value().is_array()) {
      for (const auto& a : it->value().as_array()) {
        if (a.is_string()) audiences.emplace_back(a.as_string());
      }
    }
  }
  if (std::find(audiences.begin(), audiences.end(), e.client_id) == audiences.end()) {
    return Refuse("wrong_audience",
                  "the ID token was issued for another client, not \"" + e.client_id + "\"",
                  "set [oidc] client_id to the client the provider registered for Accord");
  }
  std::string azp = Str(claims, "azp");
  if ((audiences.size() > 1 || !azp.empty()) && azp != e.client_id) {
    return Refuse("wrong_azp",
                  "the ID token's authorized party is \"" + azp + "\", not \"" + e.client_id + "\"",
                  "the token was obtained by another client: check the provider's client settings");
  }
  int64_t now = std::chrono::duration_cast<std::chrono::seconds>(e.now.time_since_epoch()).count();
  int64_t skew = e.skew.count();
  auto exp = Seconds(claims, "exp");
  if (e.logout_token) {
    auto events = claims.find("events");
    bool has_event =
        events != claims.end() && events->value().is_object() &&
        events->value().as_object().contains("http://schemas.openid.net/event/backchannel-logout");
    if (!has_event || claims.contains("nonce") ||
        (Str(claims, "sub").empty() && Str(claims, "sid").empty())) {
      return Refuse("malformed", "the logout token lacks the logout event, or sub and sid",
                    "check the provider's back-channel logout settings");
    }
    if (!exp) exp = now + skew + 1;
  }
  if (!exp) {
    return Refuse("malformed", "the ID token has no expiry (exp)",
                  "check the identity provider's token settings");
  }
  if (now >= *exp + skew) {
    return Refuse(
        "expired",
        "the ID token expired at " + Utc(*exp) + " (this server's time is " + Utc(now) + ")",
        "sign in again; if it keeps happening, check both clocks (NTP) or raise [oidc] "
        "clock_skew_seconds");
  }
  auto iat = Seconds(claims, "iat");
  if (!iat) {
    return Refuse("malformed", "the ID token has no issue time (iat)",
                  "check the identity provider's token settings");
  }
  if (*iat > now + skew) {
    return Refuse(
        "issued_in_future",
        "the ID token was issued at " + Utc(*iat) + ", later than this server's time " + Utc(now),
        "the clocks differ by more than " + std::to_string(skew) +
            " s: synchronise this server's clock (NTP), or raise [oidc] "
            "clock_skew_seconds");
  }
  if (auto nbf = Seconds(claims, "nbf"); nbf && *nbf > now + skew) {
    return Refuse("not_yet_valid", "the ID token is valid only from " + Utc(*nbf),
                  "synchronise this server's clock (NTP), or raise [oidc] clock_skew_seconds");
  }
  if (e.logout_token) return claims;
  if (Str(claims, "nonce") != e.nonce || e.nonce.empty()) {
    return Refuse("nonce_mismatch",
                  "the ID token's nonce does not belong to this sign-in (a replayed or "
                  "substituted token)",
                  "start the sign-in again from Accord's sign-in page");
  }
  if (Str(claims, "sub").empty()) {
    return Refuse("no_subject", "the ID token names no subject (sub)",
                  "check the identity provider's token settings");
  }
  return claims;
}

}  // namespace

Error RefusalError(const Refusal& r) {
  return Error{r.code, r.message, {ErrorDetail{std::string(kCausePrefix) + r.cause, r.remedy, {}}}};
}

std::string CauseOf(const Error& e) {
  if (e.details.empty() || !e.details[0].field.starts_with(kCausePrefix)) return "";
  return e.details[0].field.substr(kCausePrefix.size());
}

KeySet::~KeySet() {
  for (auto& k : keys_) cjose_jwk_release(k.jwk);
}

std::vector<std::string> KeySet::kids() const {
  std::vector<std::string> out;
  for (const auto& k : keys_) out.push_back(k.kid);
  return out;
}

Result<std::shared_ptr<const KeySet>> KeySet::Parse(std::string_view text) {
  boost::system::error_code ec;
  json::value doc = json::parse(text, ec);
  if (ec || !doc.is_object() || !doc.as_object().contains("keys") ||
      !doc.as_object().at("keys").is_array()) {
    return ValidationError("jwks",
                           "the provider's jwks_uri did not answer a JWKS ({\"keys\": [...]})");
  }
  std::shared_ptr<KeySet> set(new KeySet());
  // libcjose lacks a JWKS reader: each member is one JWK, imported by it.
  for (const auto& entry : doc.as_object().at("keys").as_array()) {
    if (!entry.is_object()) continue;
    const auto& o = entry.as_object();
    std::string use = Str(o, "use");
    if (!use.empty() && use != "sig") continue;
    std::string kty = Str(o, "kty");
    if (kty != "RSA" && kty != "EC") continue;
    std::string one = json::serialize(o);
    cjose_err err{};
    cjose_jwk_t* jwk = cjose_jwk_import(one.data(), one.size(), &err);
    if (!jwk) continue;
    set->keys_.push_back(Key{Str(o, "kid"), kty, jwk});
  }
  if (set->keys_.empty()) {
    return ValidationError("jwks", "the provider publishes no RSA or EC signing key");
  }
  return std::shared_ptr<const KeySet>(std::move(set));
}

Result<json::object> TokenChecker::Check(std::string_view token, const KeySet& keys,
                                         const Expectations& e) {
  auto header = ProtectedHeader(token);
  if (!header.ok()) return std::move(header).error();
  std::string alg = Str(*header, "alg");
  if (std::find(e.algorithms.begin(), e.algorithms.end(), alg) == e.algorithms.end()) {
    std::string allowed;
    for (const auto& a : e.algorithms) allowed += (allowed.empty() ? "" : ", ") + a;
    return Refuse("alg_not_allowed",
                  "the ID token is signed with \"" + (alg.empty() ? std::string("(none)") : alg) +
                      "\", which is not allowed (allowed: " + allowed + ")",
                  alg == "none" || alg.empty()
                      ? "an unsigned token is never accepted: check the provider's client settings"
                      : "set the provider to sign ID tokens with an allowed algorithm, or add it "
                        "to [oidc] algorithms");
  }
  std::string kty = alg.starts_with("ES") ? "EC" : "RSA";
  std::string kid = Str(*header, "kid");
  cjose_err err{};
  std::unique_ptr<cjose_jws_t, JwsFree> jws(cjose_jws_import(token.data(), token.size(), &err));
  if (!jws) {
    return Refuse("malformed", "the ID token is not a valid JWS",
                  "check the identity provider's token settings");
  }
  bool candidate = false;
  bool verified = false;
  for (const auto& k : keys.keys_) {
    if (k.kty != kty || (!kid.empty() && k.kid != kid)) continue;
    candidate = true;
    if (cjose_jws_verify(jws.get(), k.jwk, &err)) {
      verified = true;
      break;
    }
  }
  if (!candidate) {
    return Refuse(
        "unknown_key",
        "the ID token is signed with a key the provider does not publish (key id \"" + kid + "\")",
        "a forged token, or the provider's keys changed: if the provider rotated its "
        "keys, sign in again in a minute");
  }
  if (!verified) {
    return Refuse(
        "bad_signature",
        "the ID token's signature does not verify with the provider's key \"" + kid + "\"",
        "a forged or altered token: sign in again; if it persists, check [oidc] issuer "
        "points at the right provider");
  }
  uint8_t* plain = nullptr;
  size_t len = 0;
  if (!cjose_jws_get_plaintext(jws.get(), &plain, &len, &err)) {
    return Refuse("malformed", "the ID token's payload cannot be read",
                  "check the identity provider's token settings");
  }
  boost::system::error_code ec;
  json::value claims = json::parse(std::string_view(reinterpret_cast<const char*>(plain), len), ec);
  if (ec || !claims.is_object()) {
    return Refuse("malformed", "the ID token's payload is not a JSON object",
                  "check the identity provider's token settings");
  }
  return CheckClaims(claims.as_object(), e);
}

Result<json::object> UnverifiedClaims(std::string_view token) {
  auto first = token.find('.');
  auto second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos) return ValidationError("token", "is not a JWT");
  auto bytes = Base64UrlDecode(token.substr(first + 1, second - first - 1));
  if (!bytes.ok()) return ValidationError("token", "payload is not base64url");
  boost::system::error_code ec;
  json::value v = json::parse(
      std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()), ec);
  if (ec || !v.is_object()) return ValidationError("token", "payload is not a JSON object");
  return v.as_object();
}

}  // namespace accord::http::oidc
