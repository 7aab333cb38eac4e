// Helpers of the sign-in flows (auth_routes.h).
#include "auth_routes.h"

#include <spdlog/spdlog.h>

#include <boost/asio/ip/address.hpp>
#include <boost/json.hpp>
#include <memory>

#include "accord/core/bytes.h"
#include "accord/core/otp.h"
#include "accord/core/password.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/core/utf8.h"
#include "accord/domain/identity.h"
#include "accord/domain/registry.h"
#include "accord/http/api.h"
#include "accord/http/auth.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"

namespace accord::http::auth_flow {

using domain::StateString;

Result<std::string> StringField(const json::object& body, std::string_view name, size_t max) {
  const json::value* v = body.if_contains(name);
  if (!v || !v->is_string() || v->as_string().empty()) {
    return ValidationError(std::string(name), "is required (a string)");
  }
  if (v->as_string().size() > max) {
    return ValidationError(std::string(name), "is longer than " + std::to_string(max) + " bytes");
  }
  return std::string(v->as_string());
}

// The password policy's verdict on a new password, reported against `new_password`.
std::optional<Error> NewPasswordProblem(std::string_view next, std::string_view email,
                                        const policy::IdentityPolicy& policy) {
  Status ok = CheckPasswordPolicy(next, email, policy.password_min_bits);
  if (ok.ok()) return std::nullopt;
  std::vector<ErrorDetail> details = ok.error().details;
  for (auto& d : details) d.field = "new_password";
  return Error{ErrorCode::kValidationFailed,
               "new_password: " + (details.empty() ? ok.error().message : details[0].reason),
               std::move(details)};
}

json::object PublicUser(const json::object& user) {
  json::object out;
  for (const char* f : {"id", "email", "name", "role", "party_id", "status", "mfa_enrolled"}) {
    if (const json::value* v = user.if_contains(f)) out[f] = *v;
  }
  return out;
}

// The account acts on itself; an unknown account is "anonymous" (no role).
domain::Event AuthEvent(std::string type, const std::string& user_id, const std::string& role,
                        json::object payload) {
  return domain::Event{
      .type = std::move(type),
      .actor = {user_id.empty() ? "anonymous" : user_id, user_id.empty() ? "anonymous" : role},
      .subject = {"user", user_id.empty() ? "unknown" : user_id},
      .payload = std::move(payload)};
}

// What the client learns after each step; the cookie carries the session itself.
json::object SessionJson(const storage::Session& s, const std::string& secret,
                         const json::object& user, const policy::IdentityPolicy& policy,
                         const policy::Profile* profile) {
  json::object out{
      {"state", s.state},
      {"user", PublicUser(user)},
      {"csrf_token", CsrfTokenFor(secret)},
      {"session", json::object{{"id", s.id},
                               {"expires_at", s.expires_at},
                               {"idle_timeout_seconds", policy.session_idle_minutes * 60}}}};
  // The profile's settings a screen needs to offer only what the server will accept.
  if (profile) {
    json::array self;
    for (const auto& a : profile->separation.allow_self_approval) self.push_back(json::value(a));
    out["profile"] = json::object{{"name", profile->name}, {"allow_self_approval", self}};
  }
  if (!s.break_glass_until.empty()) out["break_glass_until"] = s.break_glass_until;
  return out;
}

Response WithCookie(json::value body, const std::string& secret, int64_t max_age) {
  Response r = JsonResponse(body);
  r.headers.push_back({"Set-Cookie", SessionCookieHeader(secret, max_age)});
  return r;
}

std::string RecoveryCode() {
  std::string raw = Base32Encode(RandomBytes(10));  // 80 bits, 16 characters
  for (auto& c : raw) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return raw.substr(0, 4) + "-" + raw.substr(4, 4) + "-" + raw.substr(8, 4) + "-" +
         raw.substr(12, 4);
}

std::string NormaliseRecoveryCode(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == ' ') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool MfaEnrolled(const json::object& user) {
  const json::value* enrolled = user.if_contains("mfa_enrolled");
  return enrolled && enrolled->is_bool() && enrolled->as_bool();
}

// The step after a password: the second factor first, then a system-generated password is
// replaced (ASVS: initial passwords are one-time), then enrolment where MFA is required.
std::string StateAfterPassword(const json::object& user, bool must_change,
                               const policy::IdentityPolicy& policy) {
  if (MfaEnrolled(user)) return "mfa_required";
  if (must_change) return "password_change_required";
  if (policy.MfaRequired(StateString(user, "role"))) return "mfa_enrolment_required";
  return "active";
}

// The throttle is read again inside the write transaction, so a burst of concurrent
// attempts cannot all pass the check made before the (slow) password hash.
Result<int64_t> WaitNow(storage::CommandContext& c, std::initializer_list<std::string> keys) {
  int64_t wait = 0;
  for (const auto& key : keys) {
    auto w = storage::ThrottleWait(c.tx(), key, c.Now());
    if (!w.ok()) return std::move(w).error();
    wait = std::max(wait, *w);
  }
  return wait;
}

// Replaces `old_id` by a fresh session (the id changes whenever privilege does).
Result<storage::NewSession> Rotate(storage::CommandContext& c, const std::string& old_id,
                                   const std::string& user_id, const std::string& address,
                                   const policy::IdentityPolicy& policy, const std::string& state) {
  ACCORD_TRY(storage::RevokeSession(c.tx(), old_id, c.Now()));
  return storage::CreateSession(c.tx(), user_id, state, c.Now(),
                                c.Now() + std::chrono::hours(policy.session_absolute_hours),
                                address);
}

Response Throttled(int64_t wait) {
  Response r = ErrorResponse(
      Error{ErrorCode::kRateLimited,
            "too many failed sign-ins: try again in " + std::to_string(wait) + " seconds",
            {}});
  r.headers.push_back({"Retry-After", std::to_string(wait)});
  return r;
}

json::object SessionSchema() {
  using namespace schema;
  json::object user = Object({{"id", String()}, {"email", String()}, {"role", String()}},
                             {{"name", Nullable(String())},
                              {"party_id", Nullable(String())},
                              {"status", String()},
                              {"mfa_enrolled", Nullable(Bool())}});
  return Object(
      {{"state", Text("password_change_required, mfa_enrolment_required, mfa_required or "
                      "active")},
       {"user", std::move(user)},
       {"csrf_token", String()},
       {"session",
        Object({{"id", String()}, {"expires_at", Time()}, {"idle_timeout_seconds", Int()}})}},
      {{"profile", Object({{"name", String()}, {"allow_self_approval", ArrayOf(String())}})},
       {"break_glass_until", Time()},
       {"recovery_codes", ArrayOf(String())}});
}

json::object StringsBody(std::initializer_list<const char*> required) {
  json::object props;
  json::array names;
  for (const char* r : required) {
    props[r] = json::object{{"type", "string"}};
    names.push_back(json::value(r));
  }
  return json::object{{"type", "object"}, {"required", names}, {"properties", props}};
}

}  // namespace accord::http::auth_flow
