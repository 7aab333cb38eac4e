// The sign-in routes' shared pieces (private to http/): the route group class, whose flows
// live in auth_sign_in.cc (password, TOTP, recovery), auth_mfa.cc (enrolment) and
// auth_account.cc (session, sign-out, password change, break-glass, initial password), and
// the helpers they share (auth_flow.cc). api_auth.cc registers the routes.
#pragma once

#include <boost/json.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "accord/domain/event.h"
#include "accord/http/api.h"
#include "accord/http/auth.h"
#include "accord/http/schema.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/sign_in_failures.h"

namespace accord::http::auth_flow {

namespace json = boost::json;

inline constexpr size_t kMaxPasswordBytes = 1024;  // bounds the Argon2 input
inline constexpr int kRecoveryCodes = 10;
inline constexpr size_t kMinBreakGlassReason = 20;

inline constexpr const char* kBadCredentials =
    "the email or password is wrong, or the account cannot sign in";

Result<std::string> StringField(const json::object& body, std::string_view name, size_t max);
// Why a new password is refused (length, the account's own email, a common password, too
// easy to guess for the profile's password_min_bits).
std::optional<Error> NewPasswordProblem(std::string_view next, std::string_view email,
                                        const policy::IdentityPolicy& policy);
// What the client may see of an account.
json::object PublicUser(const json::object& user);
domain::Event AuthEvent(std::string type, const std::string& user_id, const std::string& role,
                        json::object payload);
// What the client learns after each step; the cookie carries the session itself.
json::object SessionJson(const storage::Session& s, const std::string& secret,
                         const json::object& user, const policy::IdentityPolicy& policy,
                         const policy::Profile* profile);
Response WithCookie(json::value body, const std::string& secret, int64_t max_age);
std::string RecoveryCode();
std::string NormaliseRecoveryCode(std::string_view code);
bool MfaEnrolled(const json::object& user);
std::string StateAfterPassword(const json::object& user, bool must_change,
                               const policy::IdentityPolicy& policy);

struct Issued {
  storage::NewSession session;
  json::object user;
  bool failed = false;
  std::string failure;    // message for a refused step
  int64_t throttled = 0;  // seconds to wait: refused inside the transaction, not counted
};

// 429 with Retry-After: too many failed sign-ins.
Response Throttled(int64_t wait);

// The throttle is read again inside the write transaction, so a burst of concurrent
// attempts cannot all pass the check made before the (slow) password hash.
Result<int64_t> WaitNow(storage::CommandContext& c, std::initializer_list<std::string> keys);
// Replaces `old_id` by a fresh session (the id changes whenever privilege does).
Result<storage::NewSession> Rotate(storage::CommandContext& c, const std::string& old_id,
                                   const std::string& user_id, const std::string& address,
                                   const policy::IdentityPolicy& policy,
                                   const std::string& state = "active");

class AuthRoutes : public std::enable_shared_from_this<AuthRoutes> {
 public:
  AuthRoutes(Router& router, ApiDeps& deps) : router_(router), deps_(deps) {}

  static void Add(const std::shared_ptr<AuthRoutes>& self) { self->AddAll(self); }

 private:
  void AddAll(const std::shared_ptr<AuthRoutes>& self) {
    AddPublic("POST", "/api/v1/auth/sign-in",
              "Sign in with email and password; starts a session (cookie) in the state the "
              "account needs next",
              Body({"email", "password"}), SessionSchema(), [self](Context&& ctx, Reply reply) {
                self->SignIn(std::move(ctx), std::move(reply));
              });
    AddPublic("POST", "/api/v1/auth/totp", "Second step: a TOTP code (RFC 6238), usable once",
              Body({"code"}), SessionSchema(), [self](Context&& ctx, Reply reply) {
                self->Totp(std::move(ctx), std::move(reply), false);
              });
    AddPublic("POST", "/api/v1/auth/recovery", "Second step with a one-time recovery code",
              Body({"code"}), SessionSchema(), [self](Context&& ctx, Reply reply) {
                self->Totp(std::move(ctx), std::move(reply), true);
              });
    AddPublic("POST", "/api/v1/auth/mfa/enrol",
              "Start TOTP enrolment: returns the secret and an otpauth:// URI for a QR code", {},
              EnrolSchema(), [self](Context&& ctx, Reply reply) {
                self->Enrol(std::move(ctx), std::move(reply));
              });
    AddPublic("POST", "/api/v1/auth/mfa/confirm",
              "Finish enrolment with a code from the app; returns recovery codes once",
              Body({"code"}), SessionSchema(), [self](Context&& ctx, Reply reply) {
                self->Confirm(std::move(ctx), std::move(reply));
              });
    AddPublic("POST", "/api/v1/auth/initial-password",
              "Replace a system-generated initial password (session state "
              "password_change_required); continues to MFA enrolment where required",
              Body({"new_password"}), SessionSchema(), [self](Context&& ctx, Reply reply) {
                self->InitialPassword(std::move(ctx), std::move(reply));
              });
    AddPublic(
        "GET", "/api/v1/auth/session",
        "The current session: state, account and the CSRF token for writes", {}, SessionSchema(),
        [self](Context&& ctx, Reply reply) { self->Current(std::move(ctx), std::move(reply)); });
    AddPublic("POST", "/api/v1/auth/sign-out", "End this session", {}, SignedOutSchema(),
              [self](Context&& ctx, Reply reply) {
                self->SignOut(std::move(ctx), std::move(reply), false);
              });
    AddPublic("POST", "/api/v1/auth/sign-out-everywhere",
              "End every session of this account (API tokens are revoked separately)", {},
              SignedOutSchema(), [self](Context&& ctx, Reply reply) {
                self->SignOut(std::move(ctx), std::move(reply), true);
              });
    router_.Add(Route{
        .method = "POST",
        .pattern = "/api/v1/auth/password",
        .roles = kAllRoles,
        .summary = "Change your password (other sessions end)",
        .tag = "auth",
        .request_schema = Body({"current_password", "new_password"}),
        .response_schema = schema::Object({{"changed", schema::Bool()}}),
        .handler = [self](Context&& ctx,
                          Reply reply) { self->Password(std::move(ctx), std::move(reply)); },
    });
    router_.Add(Route{
        .method = "POST",
        .pattern = "/api/v1/auth/break-glass",
        .roles = kWorkforceRoles,
        .summary = "Emergency access (HIPAA 164.312(a)(2)(ii)): elevate this session to "
                   "security_officer for the profile's break_glass_minutes; needs a reason, "
                   "raises an alert and is recorded",
        .tag = "auth",
        .request_schema = Body({"reason"}),
        .response_schema = schema::Object({{"break_glass_until", schema::Time()},
                                           {"effective_role", schema::String()},
                                           {"alert_id", schema::String()}}),
        .handler = [self](Context&& ctx,
                          Reply reply) { self->BreakGlass(std::move(ctx), std::move(reply)); },
    });
  }

  // Where the sign-in stands, the account and the CSRF token; recovery codes once, after
  // enrolment.
  static json::object SessionSchema() {
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
  static json::object EnrolSchema() {
    using namespace schema;
    return Object({{"secret", Text("base32, shown once")},
                   {"otpauth_uri", String()},
                   {"algorithm", String()},
                   {"digits", Int()},
                   {"period", Int()},
                   {"next", String()}});
  }
  static json::object SignedOutSchema() {
    using namespace schema;
    return Object({{"signed_out", Bool()}, {"everywhere", Bool()}});
  }

  static json::object Body(std::initializer_list<const char*> required) {
    json::object props;
    json::array names;
    for (const char* r : required) {
      props[r] = json::object{{"type", "string"}};
      names.push_back(json::value(r));
    }
    return json::object{{"type", "object"}, {"required", names}, {"properties", props}};
  }

  void AddPublic(const char* method, const char* pattern, const char* summary,
                 json::object request_schema, json::object response_schema, RouteHandler handler) {
    router_.Add(Route{.method = method,
                      .pattern = pattern,
                      .is_public = true,
                      .summary = summary,
                      .tag = "auth",
                      .request_schema = std::move(request_schema),
                      .response_schema = std::move(response_schema),
                      .handler = std::move(handler)});
  }

  AuthService& auth() { return *deps_.auth; }
  const policy::IdentityPolicy& policy() { return deps_.auth->policy(); }
  int64_t MaxAge() { return int64_t{policy().session_absolute_hours} * 3600; }

  // auth_sign_in.cc
  void SignIn(Context&& ctx, Reply reply);
  void Totp(Context&& ctx, Reply reply, bool recovery);
  // auth_mfa.cc
  void Enrol(Context&& ctx, Reply reply);
  void Confirm(Context&& ctx, Reply reply);
  // auth_account.cc
  void InitialPassword(Context&& ctx, Reply reply);
  void Current(Context&& ctx, Reply reply);
  void SignOut(Context&& ctx, Reply reply, bool everywhere);
  void Password(Context&& ctx, Reply reply);
  void BreakGlass(Context&& ctx, Reply reply);

  Router& router_;
  ApiDeps& deps_;
};

}  // namespace accord::http::auth_flow
