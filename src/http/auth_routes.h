// The sign-in routes' shared pieces (private to http/): the helpers of the flows
// (auth_flow.cc), which live with their routes in auth_sign_in.cc (password, TOTP, recovery),
// auth_mfa.cc (enrolment) and auth_account.cc (session, sign-out, password change,
// break-glass, initial password). api_auth.cc adds them all.
#pragma once

#include <boost/json.hpp>
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

// The identity policy the AuthService applies, and a session cookie's lifetime in seconds.
inline const policy::IdentityPolicy& IdentityPolicyOf(const ApiDeps& deps) {
  return deps.auth->policy();
}
inline int64_t MaxAge(const ApiDeps& deps) {
  return int64_t{IdentityPolicyOf(deps).session_absolute_hours} * 3600;
}

// Where the sign-in stands, the account and the CSRF token; recovery codes once, after
// enrolment.
json::object SessionSchema();
// A JSON body of the named string fields, all required.
json::object StringsBody(std::initializer_list<const char*> required);

// "everyone", or "listed" when the profile requires single sign-on: then only the accounts
// `[identity] password_accounts` names may sign in with a password.
std::string PasswordSignInFor(const ApiDeps& deps);

// Each flow's routes, added by AddAuthRoutes (api_auth.cc) in the order the OpenAPI document
// lists them.
void AddSignInRoutes(Router& router, ApiDeps& deps);   // auth_sign_in.cc
void AddMfaRoutes(Router& router, ApiDeps& deps);      // auth_mfa.cc
void AddAccountRoutes(Router& router, ApiDeps& deps);  // auth_account.cc
void AddOidcRoutes(Router& router, ApiDeps& deps);     // auth_oidc.cc: single sign-on

}  // namespace accord::http::auth_flow
