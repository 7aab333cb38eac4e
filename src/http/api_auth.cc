// /api/v1/auth/...: password sign-in, the TOTP step, enrolment, recovery codes, sign-out,
// password change and break-glass (docs/identity.md). Passwords are verified with Argon2id
// on the AuthService's own threads; every outcome is a ledger event without secrets.
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

namespace accord::http {

namespace json = boost::json;
using domain::StateString;

namespace {

// Failures allowed before the waits start: per account (the target of a guessing attack)
// and per address (many accounts from one place; offices share addresses, so more).
constexpr int kFreeAccountFailures = 5;
constexpr int kFreeAddressFailures = 20;
constexpr size_t kMaxPasswordBytes = 1024;  // bounds the Argon2 input
constexpr int kRecoveryCodes = 10;
constexpr size_t kMinBreakGlassReason = 20;

const char* kBadCredentials = "the email or password is wrong, or the account cannot sign in";

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
std::optional<Error> NewPasswordProblem(std::string_view next, std::string_view email) {
  Status ok = CheckPasswordPolicy(next, email);
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

struct Issued {
  storage::NewSession session;
  json::object user;
  bool failed = false;
  std::string failure;    // message for a refused step
  int64_t throttled = 0;  // seconds to wait: refused inside the transaction, not counted
};

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

// The per-address throttle key: an IPv6 client owns a whole /64, so that is the unit.
std::string AddressKey(const std::string& address) {
  boost::system::error_code ec;
  auto ip = boost::asio::ip::make_address(address, ec);
  if (ec || !ip.is_v6()) return "addr:" + address;
  auto bytes = ip.to_v6().to_bytes();
  return "addr6:" + HexEncode(std::span<const uint8_t>(bytes.data(), 8)) + "::/64";
}

// Replaces `old_id` by a fresh session (the id changes whenever privilege does).
Result<storage::NewSession> Rotate(storage::CommandContext& c, const std::string& old_id,
                                   const std::string& user_id, const std::string& address,
                                   const policy::IdentityPolicy& policy,
                                   const std::string& state = "active") {
  ACCORD_TRY(storage::RevokeSession(c.tx(), old_id, c.Now()));
  return storage::CreateSession(c.tx(), user_id, state, c.Now(),
                                c.Now() + std::chrono::hours(policy.session_absolute_hours),
                                address);
}

class AuthRoutes : public std::enable_shared_from_this<AuthRoutes> {
 public:
  AuthRoutes(Router& router, ApiDeps& deps) : router_(router), deps_(deps) {}

  static void Add(const std::shared_ptr<AuthRoutes>& self) { self->AddAll(self); }

 private:
  void AddAll(const std::shared_ptr<AuthRoutes>& self) {
    AddPublic("POST", "/api/v1/auth/sign-in",
              "Sign in with email and password; starts a session (cookie) in the state the "
              "account needs next",
              Body({"email", "password"}), [self](Context&& ctx, Reply reply) {
                self->SignIn(std::move(ctx), std::move(reply));
              });
    AddPublic("POST", "/api/v1/auth/totp", "Second step: a TOTP code (RFC 6238), usable once",
              Body({"code"}), [self](Context&& ctx, Reply reply) {
                self->Totp(std::move(ctx), std::move(reply), false);
              });
    AddPublic("POST", "/api/v1/auth/recovery", "Second step with a one-time recovery code",
              Body({"code"}), [self](Context&& ctx, Reply reply) {
                self->Totp(std::move(ctx), std::move(reply), true);
              });
    AddPublic(
        "POST", "/api/v1/auth/mfa/enrol",
        "Start TOTP enrolment: returns the secret and an otpauth:// URI for a QR code", {},
        [self](Context&& ctx, Reply reply) { self->Enrol(std::move(ctx), std::move(reply)); });
    AddPublic(
        "POST", "/api/v1/auth/mfa/confirm",
        "Finish enrolment with a code from the app; returns recovery codes once", Body({"code"}),
        [self](Context&& ctx, Reply reply) { self->Confirm(std::move(ctx), std::move(reply)); });
    AddPublic("POST", "/api/v1/auth/initial-password",
              "Replace a system-generated initial password (session state "
              "password_change_required); continues to MFA enrolment where required",
              Body({"new_password"}), [self](Context&& ctx, Reply reply) {
                self->InitialPassword(std::move(ctx), std::move(reply));
              });
    AddPublic(
        "GET", "/api/v1/auth/session",
        "The current session: state, account and the CSRF token for writes", {},
        [self](Context&& ctx, Reply reply) { self->Current(std::move(ctx), std::move(reply)); });
    AddPublic("POST", "/api/v1/auth/sign-out", "End this session", {},
              [self](Context&& ctx, Reply reply) {
                self->SignOut(std::move(ctx), std::move(reply), false);
              });
    AddPublic("POST", "/api/v1/auth/sign-out-everywhere",
              "End every session of this account (API tokens are revoked separately)", {},
              [self](Context&& ctx, Reply reply) {
                self->SignOut(std::move(ctx), std::move(reply), true);
              });
    router_.Add(Route{
        .method = "POST",
        .pattern = "/api/v1/auth/password",
        .roles = kAllRoles,
        .summary = "Change your password (other sessions end)",
        .tag = "auth",
        .request_schema = Body({"current_password", "new_password"}),
        .response_schema = json::object{{"type", "object"}},
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
        .response_schema = json::object{{"type", "object"}},
        .handler = [self](Context&& ctx,
                          Reply reply) { self->BreakGlass(std::move(ctx), std::move(reply)); },
    });
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
                 json::object request_schema, RouteHandler handler) {
    router_.Add(Route{.method = method,
                      .pattern = pattern,
                      .is_public = true,
                      .summary = summary,
                      .tag = "auth",
                      .request_schema = std::move(request_schema),
                      .response_schema = json::object{{"type", "object"}},
                      .handler = std::move(handler)});
  }

  AuthService& auth() { return *deps_.auth; }
  const policy::IdentityPolicy& policy() { return deps_.auth->policy(); }
  int64_t MaxAge() { return int64_t{policy().session_absolute_hours} * 3600; }

  void SignIn(Context&& ctx, Reply reply) {
    // A cross-site form can post text/plain without a preflight (login CSRF); JSON cannot.
    if (!ctx.request.HeaderValue("Content-Type").starts_with("application/json")) {
      return reply(
          ErrorResponse(Error{ErrorCode::kBadRequest,
                              "sign-in takes a JSON body (Content-Type: application/json)",
                              {ErrorDetail{"Content-Type", "must be application/json", {}}}}));
    }
    auto body = ParseJsonObject(ctx.request.body);
    if (!body.ok()) return reply(ErrorResponse(body.error()));
    auto email = StringField(*body, "email", 254);
    if (!email.ok()) return reply(ErrorResponse(email.error()));
    auto password = StringField(*body, "password", kMaxPasswordBytes);
    if (!password.ok()) return reply(ErrorResponse(password.error()));
    std::string account_key = "acct:" + domain::Lowercase(*email);
    std::string address = ctx.request.remote_address;
    std::string address_key = AddressKey(address);
    TimePoint now = deps_.clock.Now();
    int64_t wait = 0;
    std::optional<json::object> user;
    std::string hash;
    bool must_change = false;
    bool initial_expired = false;
    Status s = deps_.store.Read([&](storage::Tx& tx) -> Status {
      for (const auto* key : {&account_key, &address_key}) {
        auto w = storage::ThrottleWait(tx, *key, now);
        if (!w.ok()) return std::move(w).error();
        wait = std::max(wait, *w);
      }
      auto u = storage::FindUserByEmail(tx, *email);
      if (!u.ok()) return std::move(u).error();
      user = std::move(*u);
      if (user) {
        auto secrets = storage::ReadSecrets(tx, StateString(*user, "id"));
        if (!secrets.ok()) return std::move(secrets).error();
        if (secrets->has_value()) {
          hash = (*secrets)->password_hash;
          must_change = (*secrets)->must_change;
          auto written = ParseRfc3339((*secrets)->updated_at);
          initial_expired =
              must_change && (!written.ok() || *written + storage::kInitialPasswordLifetime <= now);
        }
      }
      return Ok();
    });
    if (!s.ok()) return reply(ErrorResponse(s.error()));
    if (wait > 0) return reply(Throttled(wait));
    auth().RunSlow(std::move(reply), [this, self = shared_from_this(),
                                      password = std::move(*password), hash = std::move(hash),
                                      user = std::move(user), account_key, address_key, address,
                                      must_change, initial_expired](Reply reply) mutable {
      // Unknown accounts are checked against a dummy hash: same work, same answer.
      bool verified = VerifyPassword(password, hash.empty() ? DummyPasswordHash() : hash);
      bool ok = verified && user && !hash.empty();
      std::string problem = ok ? domain::AccessProblem(*user, deps_.clock.Now()) : "";
      if (ok && problem.empty() && initial_expired) {
        problem = "the initial password expired: ask a security officer for a new one";
      }
      auto issued = std::make_shared<Issued>();
      deps_.log.Submit(
          [this, ok, problem, user, account_key, address_key, address, must_change,
           issued](storage::CommandContext& c) -> Result<json::value> {
            std::string user_id = user ? StateString(*user, "id") : "";
            auto wait = WaitNow(c, {account_key, address_key});
            if (!wait.ok()) return std::move(wait).error();
            if (*wait > 0) {
              issued->throttled = *wait;
              return json::value(nullptr);
            }
            if (!ok || !problem.empty()) {
              ACCORD_TRY(
                  storage::ThrottleFailure(c.tx(), account_key, c.Now(), kFreeAccountFailures));
              ACCORD_TRY(
                  storage::ThrottleFailure(c.tx(), address_key, c.Now(), kFreeAddressFailures));
              auto e = c.Append(AuthEvent(
                  "auth.sign_in_failed", user_id, user ? StateString(*user, "role") : "",
                  json::object{{"step", "password"},
                               {"reason", ok ? "account_cannot_sign_in" : "bad_credentials"},
                               {"address", address}}));
              if (!e.ok()) return std::move(e).error();
              issued->failed = true;
              return json::value(nullptr);
            }
            std::string state = StateAfterPassword(*user, must_change, policy());
            // Only a complete sign-in forgives the account's failures: a known password
            // must not reset the count a second-factor guesser runs up.
            if (state == "active") ACCORD_TRY(storage::ThrottleClear(c.tx(), account_key));
            auto session = storage::CreateSession(
                c.tx(), user_id, state, c.Now(),
                c.Now() + std::chrono::hours(policy().session_absolute_hours), address);
            if (!session.ok()) return std::move(session).error();
            json::object payload{{"session_id", session->session.id},
                                 {"methods", json::array{"password"}},
                                 {"address", address}};
            auto e =
                c.Append(AuthEvent(state == "active" ? "auth.signed_in" : "auth.password_accepted",
                                   user_id, StateString(*user, "role"), [&] {
                                     if (state != "active") payload["next"] = state;
                                     return payload;
                                   }()));
            if (!e.ok()) return std::move(e).error();
            issued->session = std::move(*session);
            issued->user = *user;
            return json::value(nullptr);
          },
          [this, issued, reply = std::move(reply)](Result<json::value> r) {
            if (!r.ok()) return reply(ErrorResponse(r.error()));
            if (issued->throttled > 0) return reply(Throttled(issued->throttled));
            if (issued->failed) {
              return reply(ErrorResponse(Error{ErrorCode::kUnauthenticated, kBadCredentials, {}}));
            }
            reply(WithCookie(SessionJson(issued->session.session, issued->session.secret,
                                         issued->user, policy(), deps_.profile),
                             issued->session.secret, MaxAge()));
          });
    });
  }

  static Response Throttled(int64_t wait) {
    Response r = ErrorResponse(
        Error{ErrorCode::kRateLimited,
              "too many failed sign-ins: try again in " + std::to_string(wait) + " seconds",
              {}});
    r.headers.push_back({"Retry-After", std::to_string(wait)});
    return r;
  }

  // The TOTP step and the recovery-code step: verified and consumed inside one write
  // transaction, so a code is accepted once even when two servers race.
  void Totp(Context&& ctx, Reply reply, bool recovery) {
    auto ses = auth().SessionOf(ctx.request);
    if (!ses.ok()) return reply(ErrorResponse(ses.error()));
    if (ses->session.state != "mfa_required") {
      return reply(ErrorResponse(
          Error{ErrorCode::kConflict,
                "this session is " + ses->session.state + ", not waiting for a second factor",
                {}}));
    }
    auto body = ParseJsonObject(ctx.request.body);
    if (!body.ok()) return reply(ErrorResponse(body.error()));
    auto code = StringField(*body, "code", 64);
    if (!code.ok()) return reply(ErrorResponse(code.error()));
    std::string user_id = StateString(ses->user, "id");
    std::string account_key = "acct:" + StateString(ses->user, "email");
    TimePoint now = deps_.clock.Now();
    int64_t wait = 0;
    Status s = deps_.store.Read([&](storage::Tx& tx) -> Status {
      auto w = storage::ThrottleWait(tx, account_key, now);
      if (!w.ok()) return std::move(w).error();
      wait = *w;
      return Ok();
    });
    if (!s.ok()) return reply(ErrorResponse(s.error()));
    if (wait > 0) return reply(Throttled(wait));
    auto issued = std::make_shared<Issued>();
    issued->user = ses->user;
    std::string address = ctx.request.remote_address;
    deps_.log.Submit(
        [this, recovery, code = std::move(*code), user_id, account_key, address, issued,
         old = ses->session.id](storage::CommandContext& c) -> Result<json::value> {
          auto wait = WaitNow(c, {account_key});
          if (!wait.ok()) return std::move(wait).error();
          if (*wait > 0) {
            issued->throttled = *wait;
            return json::value(nullptr);
          }
          bool ok = false;
          if (recovery) {
            auto used =
                storage::ConsumeRecoveryCode(c.tx(), user_id, NormaliseRecoveryCode(code), c.Now());
            if (!used.ok()) return std::move(used).error();
            ok = *used;
          } else {
            auto secrets = storage::ReadSecrets(c.tx(), user_id);
            if (!secrets.ok()) return std::move(secrets).error();
            if (secrets->has_value() && !(*secrets)->totp_secret.empty()) {
              auto step =
                  VerifyTotp((*secrets)->totp_secret, code, c.Now(), (*secrets)->totp_last_step);
              if (step) {
                ACCORD_TRY(storage::WriteTotp(c.tx(), user_id, (*secrets)->totp_secret,
                                              (*secrets)->totp_pending, *step, c.Now()));
                ok = true;
              }
            }
          }
          std::string method = recovery ? "recovery_code" : "totp";
          if (!ok) {
            ACCORD_TRY(
                storage::ThrottleFailure(c.tx(), account_key, c.Now(), kFreeAccountFailures));
            auto e = c.Append(AuthEvent("auth.sign_in_failed", user_id,
                                        StateString(issued->user, "role"),
                                        json::object{{"step", method},
                                                     {"reason", "code_wrong_or_used"},
                                                     {"address", address},
                                                     {"session_id", old}}));
            if (!e.ok()) return std::move(e).error();
            issued->failed = true;
            issued->failure = recovery ? "the recovery code is wrong or was already used"
                                       : "the code is wrong, expired or was already used";
            return json::value(nullptr);
          }
          ACCORD_TRY(storage::ThrottleClear(c.tx(), account_key));
          auto after = storage::ReadSecrets(c.tx(), user_id);
          if (!after.ok()) return std::move(after).error();
          bool must_change = after->has_value() && (*after)->must_change;
          auto session = Rotate(c, old, user_id, address, policy(),
                                must_change ? "password_change_required" : "active");
          if (!session.ok()) return std::move(session).error();
          json::object payload{{"session_id", session->session.id},
                               {"methods", json::array{"password", json::value(method)}},
                               {"address", address}};
          if (recovery) {
            auto left = storage::UnusedRecoveryCodes(c.tx(), user_id);
            if (!left.ok()) return std::move(left).error();
            payload["recovery_codes_left"] = *left;
          }
          auto e =
              c.Append(AuthEvent(must_change ? "auth.second_factor_accepted" : "auth.signed_in",
                                 user_id, StateString(issued->user, "role"), std::move(payload)));
          if (!e.ok()) return std::move(e).error();
          issued->session = std::move(*session);
          return json::value(nullptr);
        },
        [this, issued, reply = std::move(reply)](Result<json::value> r) {
          if (!r.ok()) return reply(ErrorResponse(r.error()));
          if (issued->throttled > 0) return reply(Throttled(issued->throttled));
          if (issued->failed) {
            return reply(ErrorResponse(Error{ErrorCode::kUnauthenticated, issued->failure, {}}));
          }
          reply(WithCookie(SessionJson(issued->session.session, issued->session.secret,
                                       issued->user, policy(), deps_.profile),
                           issued->session.secret, MaxAge()));
        });
  }

  void Enrol(Context&& ctx, Reply reply) {
    auto ses = auth().SessionOf(ctx.request);
    if (!ses.ok()) return reply(ErrorResponse(ses.error()));
    if (ses->session.state == "mfa_required") {
      return reply(ErrorResponse(
          Error{ErrorCode::kConflict, "finish signing in with your current code first", {}}));
    }
    if (ses->session.state == "password_change_required") {
      return reply(ErrorResponse(
          Error{ErrorCode::kConflict,
                "replace the initial password first (POST /api/v1/auth/initial-password)",
                {}}));
    }
    const json::value* enrolled = ses->user.if_contains("mfa_enrolled");
    if (enrolled && enrolled->is_bool() && enrolled->as_bool()) {
      return reply(
          ErrorResponse(Error{ErrorCode::kConflict,
                              "MFA is already enrolled; a security officer can reset it (POST "
                              "/api/v1/users/{id}/actions {\"action\": \"reset_mfa\"})",
                              {}}));
    }
    std::string user_id = StateString(ses->user, "id");
    std::string email = StateString(ses->user, "email");
    Bytes secret = RandomBytes(20);  // RFC 4226: 160 bits for HMAC-SHA1
    std::string issuer = "Accord";
    deps_.log.Submit(
        [user_id, secret](storage::CommandContext& c) -> Result<json::value> {
          auto current = storage::ReadSecrets(c.tx(), user_id);
          if (!current.ok()) return std::move(current).error();
          if (!current->has_value()) return Internal("the account has no credentials row");
          ACCORD_TRY(storage::WriteTotp(c.tx(), user_id, (*current)->totp_secret, secret,
                                        (*current)->totp_last_step, c.Now()));
          return json::value(nullptr);
        },
        [secret, email, issuer, reply = std::move(reply)](Result<json::value> r) {
          if (!r.ok()) return reply(ErrorResponse(r.error()));
          reply(JsonResponse(
              json::object{{"secret", Base32Encode(secret)},
                           {"otpauth_uri", OtpauthUri(issuer, email, secret)},
                           {"algorithm", "SHA1"},
                           {"digits", 6},
                           {"period", 30},
                           {"next", "POST /api/v1/auth/mfa/confirm with a code from the app"}}));
        });
  }

  void Confirm(Context&& ctx, Reply reply) {
    auto ses = auth().SessionOf(ctx.request);
    if (!ses.ok()) return reply(ErrorResponse(ses.error()));
    auto body = ParseJsonObject(ctx.request.body);
    if (!body.ok()) return reply(ErrorResponse(body.error()));
    auto code = StringField(*body, "code", 16);
    if (!code.ok()) return reply(ErrorResponse(code.error()));
    std::string user_id = StateString(ses->user, "id");
    std::vector<std::string> codes;
    for (int i = 0; i < kRecoveryCodes; ++i) codes.push_back(RecoveryCode());
    auto issued = std::make_shared<Issued>();
    issued->user = ses->user;
    std::string address = ctx.request.remote_address;
    const policy::IdentityPolicy& pol = policy();
    deps_.log.Submit(
        [this, &pol, code = std::move(*code), user_id, codes, issued, address,
         session = ses->session](storage::CommandContext& c) -> Result<json::value> {
          auto secrets = storage::ReadSecrets(c.tx(), user_id);
          if (!secrets.ok()) return std::move(secrets).error();
          if (!secrets->has_value() || (*secrets)->totp_pending.empty()) {
            return Error{ErrorCode::kConflict, "start with POST /api/v1/auth/mfa/enrol", {}};
          }
          auto step = VerifyTotp((*secrets)->totp_pending, code, c.Now(), std::nullopt);
          if (!step) {
            return ValidationError("code",
                                   "does not match the new secret: check the app's clock "
                                   "and enter the current code");
          }
          ACCORD_TRY(
              storage::WriteTotp(c.tx(), user_id, (*secrets)->totp_pending, {}, *step, c.Now()));
          ACCORD_TRY(storage::WriteRecoveryCodes(c.tx(), user_id, codes));
          auto user = storage::UpdateUser(
              c, {user_id, StateString(issued->user, "role")}, user_id, "user.mfa_enrolled", pol,
              [](json::object& s) -> Status {
                s["mfa_enrolled"] = true;
                return Ok();
              },
              json::object{{"method", "totp"}, {"recovery_codes", kRecoveryCodes}});
          if (!user.ok()) return std::move(user).error();
          issued->user = std::move(*user);
          if (session.state == "active") {
            issued->session.session = session;
            return json::value(nullptr);
          }
          auto fresh = Rotate(c, session.id, user_id, address, pol);
          if (!fresh.ok()) return std::move(fresh).error();
          auto e = c.Append(AuthEvent("auth.signed_in", user_id, StateString(issued->user, "role"),
                                      json::object{{"session_id", fresh->session.id},
                                                   {"methods", json::array{"password", "totp"}},
                                                   {"address", address}}));
          if (!e.ok()) return std::move(e).error();
          issued->session = std::move(*fresh);
          return json::value(nullptr);
        },
        [this, issued, codes, secret = ses->secret,
         reply = std::move(reply)](Result<json::value> r) {
          if (!r.ok()) return reply(ErrorResponse(r.error()));
          json::array list;
          for (const auto& c : codes) list.push_back(json::value(c));
          bool rotated = !issued->session.secret.empty();
          const std::string& current = rotated ? issued->session.secret : secret;
          json::object out =
              SessionJson(issued->session.session, current, issued->user, policy(), deps_.profile);
          out["recovery_codes"] = std::move(list);
          if (!rotated) return reply(JsonResponse(out));
          reply(WithCookie(std::move(out), current, MaxAge()));
        });
  }

  void InitialPassword(Context&& ctx, Reply reply) {
    auto ses = auth().SessionOf(ctx.request);
    if (!ses.ok()) return reply(ErrorResponse(ses.error()));
    if (ses->session.state != "password_change_required") {
      return reply(ErrorResponse(Error{ErrorCode::kConflict,
                                       "this session is " + ses->session.state +
                                           ": change a password with POST /api/v1/auth/password",
                                       {}}));
    }
    auto body = ParseJsonObject(ctx.request.body);
    if (!body.ok()) return reply(ErrorResponse(body.error()));
    auto next = StringField(*body, "new_password", kMaxPasswordBytes);
    if (!next.ok()) return reply(ErrorResponse(next.error()));
    std::string email = StateString(ses->user, "email");
    if (auto problem = NewPasswordProblem(*next, email)) return reply(ErrorResponse(*problem));
    auth().RunSlow(std::move(reply), [this, self = shared_from_this(), next = std::move(*next),
                                      user = ses->user, old = ses->session.id,
                                      address = ctx.request.remote_address](Reply reply) mutable {
      auto hash = HashPassword(next);
      if (!hash.ok()) return reply(ErrorResponse(hash.error()));
      auto issued = std::make_shared<Issued>();
      issued->user = user;
      deps_.log.Submit(
          [this, hash = std::move(*hash), user, old, address,
           issued](storage::CommandContext& c) -> Result<json::value> {
            std::string user_id = StateString(user, "id");
            std::string role = StateString(user, "role");
            ACCORD_TRY(storage::WritePassword(c.tx(), user_id, hash, c.Now(), false));
            // The second factor (if enrolled) was given before this step.
            std::string state = !MfaEnrolled(user) && policy().MfaRequired(role)
                                    ? "mfa_enrolment_required"
                                    : "active";
            auto session = Rotate(c, old, user_id, address, policy(), state);
            if (!session.ok()) return std::move(session).error();
            auto e = c.Append(
                AuthEvent("auth.password_changed", user_id, role,
                          json::object{{"initial", true}, {"session_id", session->session.id}}));
            if (!e.ok()) return std::move(e).error();
            if (state == "active") {
              auto in = c.Append(AuthEvent(
                  "auth.signed_in", user_id, role,
                  json::object{{"session_id", session->session.id},
                               {"methods", MfaEnrolled(user) ? json::array{"password", "totp"}
                                                             : json::array{"password"}},
                               {"address", address}}));
              if (!in.ok()) return std::move(in).error();
            }
            issued->session = std::move(*session);
            return json::value(nullptr);
          },
          [this, issued, reply = std::move(reply)](Result<json::value> r) {
            if (!r.ok()) return reply(ErrorResponse(r.error()));
            reply(WithCookie(SessionJson(issued->session.session, issued->session.secret,
                                         issued->user, policy(), deps_.profile),
                             issued->session.secret, MaxAge()));
          });
    });
  }

  void Current(Context&& ctx, Reply reply) {
    auto ses = auth().SessionOf(ctx.request);
    if (!ses.ok()) return reply(ErrorResponse(ses.error()));
    json::object out = SessionJson(ses->session, ses->secret, ses->user, policy(), deps_.profile);
    if (!ses->session.break_glass_until.empty() &&
        ses->session.break_glass_until > FormatRfc3339(deps_.clock.Now())) {
      out["effective_role"] = "security_officer";
    }
    reply(JsonResponse(out));
  }

  void SignOut(Context&& ctx, Reply reply, bool everywhere) {
    auto ses = auth().SessionOf(ctx.request);
    if (!ses.ok()) return reply(ErrorResponse(ses.error()));
    std::string user_id = StateString(ses->user, "id");
    Hash hash = Sha256(ses->secret);
    deps_.log.Submit(
        [everywhere, user_id, role = StateString(ses->user, "role"),
         session = ses->session.id](storage::CommandContext& c) -> Result<json::value> {
          if (everywhere) {
            ACCORD_TRY(storage::EndUserAccess(c, {user_id, role}, user_id, "signed out everywhere",
                                              "", /*revoke_tokens=*/false));
          }
          ACCORD_TRY(storage::RevokeSession(c.tx(), session, c.Now()));
          auto e = c.Append(AuthEvent(everywhere ? "auth.signed_out_everywhere" : "auth.signed_out",
                                      user_id, role, json::object{{"session_id", session}}));
          if (!e.ok()) return std::move(e).error();
          return json::value(json::object{{"signed_out", true}, {"everywhere", everywhere}});
        },
        [this, hash, everywhere, reply = std::move(reply)](Result<json::value> r) {
          if (!r.ok()) return reply(ErrorResponse(r.error()));
          if (everywhere) {
            auth().ForgetAll();
          } else {
            auth().Forget(hash);
          }
          Response resp = JsonResponse(*r);
          resp.headers.push_back({"Set-Cookie", ClearedSessionCookieHeader()});
          reply(std::move(resp));
        });
  }

  void Password(Context&& ctx, Reply reply) {
    auto body = ParseJsonObject(ctx.request.body);
    if (!body.ok()) return reply(ErrorResponse(body.error()));
    auto current = StringField(*body, "current_password", kMaxPasswordBytes);
    if (!current.ok()) return reply(ErrorResponse(current.error()));
    auto next = StringField(*body, "new_password", kMaxPasswordBytes);
    if (!next.ok()) return reply(ErrorResponse(next.error()));
    const Principal& p = *ctx.principal;
    std::string hash;
    std::string email;
    Status s = deps_.store.Read([&](storage::Tx& tx) -> Status {
      auto secrets = storage::ReadSecrets(tx, p.id);
      if (!secrets.ok()) return std::move(secrets).error();
      if (secrets->has_value()) hash = (*secrets)->password_hash;
      auto user = storage::FindUser(tx, p.id);
      if (!user.ok()) return std::move(user).error();
      if (user->has_value()) email = StateString(**user, "email");
      return Ok();
    });
    if (!s.ok()) return reply(ErrorResponse(s.error()));
    // Guessing the current password with a stolen session is throttled like a sign-in.
    std::string account_key = "acct:" + email;
    int64_t wait = 0;
    s = deps_.store.Read([&](storage::Tx& tx) -> Status {
      auto w = storage::ThrottleWait(tx, account_key, deps_.clock.Now());
      if (!w.ok()) return std::move(w).error();
      wait = *w;
      return Ok();
    });
    if (!s.ok()) return reply(ErrorResponse(s.error()));
    if (wait > 0) return reply(Throttled(wait));
    if (auto problem = NewPasswordProblem(*next, email)) return reply(ErrorResponse(*problem));
    auth().RunSlow(std::move(reply), [this, self = shared_from_this(), p, hash, account_key,
                                      current = std::move(*current),
                                      next = std::move(*next)](Reply reply) mutable {
      if (hash.empty() || !VerifyPassword(current, hash)) {
        deps_.log.Submit(
            [p, account_key](storage::CommandContext& c) -> Result<json::value> {
              ACCORD_TRY(
                  storage::ThrottleFailure(c.tx(), account_key, c.Now(), kFreeAccountFailures));
              auto e = c.Append(AuthEvent("auth.password_change_failed", p.id, p.role,
                                          json::object{{"reason", "current_password_wrong"}}));
              if (!e.ok()) return std::move(e).error();
              return json::value(nullptr);
            },
            [reply = std::move(reply)](Result<json::value> r) {
              if (!r.ok()) return reply(ErrorResponse(r.error()));
              reply(ErrorResponse(ValidationError("current_password", "is wrong")));
            });
        return;
      }
      auto fresh = HashPassword(next);
      if (!fresh.ok()) return reply(ErrorResponse(fresh.error()));
      std::string keep = p.via_session ? p.credential_id : "";
      deps_.log.Submit(
          [p, keep, fresh = std::move(*fresh)](storage::CommandContext& c) -> Result<json::value> {
            ACCORD_TRY(storage::WritePassword(c.tx(), p.id, fresh, c.Now()));
            ACCORD_TRY(storage::EndUserAccess(c, ActorOf(p), p.id, "password changed", keep,
                                              /*revoke_tokens=*/false));
            auto e = c.Append(AuthEvent("auth.password_changed", p.id, p.role,
                                        json::object{{"other_sessions_ended", true}}));
            if (!e.ok()) return std::move(e).error();
            return json::value(json::object{{"changed", true}});
          },
          [this, reply = std::move(reply)](Result<json::value> r) {
            if (r.ok()) auth().ForgetAll();
            reply(ToResponse(r));
          });
    });
  }

  void BreakGlass(Context&& ctx, Reply reply) {
    const Principal& p = *ctx.principal;
    const policy::IdentityPolicy& pol = policy();
    if (!p.via_session) {
      return reply(ErrorResponse(Error{ErrorCode::kForbidden,
                                       "break-glass is an interactive sign-in: use a portal "
                                       "session, not an API token",
                                       {}}));
    }
    if (p.break_glass) {
      return reply(
          ErrorResponse(Error{ErrorCode::kConflict, "break-glass is already in force", {}}));
    }
    if (std::find(pol.break_glass_roles.begin(), pol.break_glass_roles.end(), p.role) ==
        pol.break_glass_roles.end()) {
      return reply(
          ErrorResponse(Error{ErrorCode::kForbidden,
                              "the profile does not let the role " + p.role + " use break-glass",
                              {}}));
    }
    auto body = ParseJsonObject(ctx.request.body);
    if (!body.ok()) return reply(ErrorResponse(body.error()));
    auto reason = StringField(*body, "reason", 2000);
    if (!reason.ok()) return reply(ErrorResponse(reason.error()));
    size_t characters = 0;
    for (char ch : *reason) characters += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    if (characters < kMinBreakGlassReason) {
      return reply(ErrorResponse(
          ValidationError("reason", "must explain the emergency (at least " +
                                        std::to_string(kMinBreakGlassReason) + " characters)")));
    }
    TimePoint until = deps_.clock.Now() + std::chrono::minutes(pol.break_glass_minutes);
    spdlog::warn("break-glass: user {} ({}) elevated to security_officer until {}", p.id, p.role,
                 FormatRfc3339(until));
    deps_.log.Submit(
        [p, until, reason = std::move(*reason)](storage::CommandContext& c) -> Result<json::value> {
          ACCORD_TRY(storage::SetSessionBreakGlass(c.tx(), p.credential_id, until));
          std::string until_text = FormatRfc3339(until);
          auto e = c.Append(AuthEvent("auth.break_glass_started", p.id, p.role,
                                      json::object{{"reason", reason},
                                                   {"session_id", p.credential_id},
                                                   {"role", p.role},
                                                   {"elevated_to", "security_officer"},
                                                   {"until", until_text}}));
          if (!e.ok()) return std::move(e).error();
          auto alert = storage::RaiseAlert(
              c, ActorOf(p), "break_glass", "high", "Break-glass access by " + p.name,
              json::object{{"kind", "user"}, {"id", p.id}},
              json::object{
                  {"reason", reason}, {"until", until_text}, {"session_id", p.credential_id}});
          if (!alert.ok()) return std::move(alert).error();
          return json::value(json::object{{"break_glass_until", until_text},
                                          {"effective_role", "security_officer"},
                                          {"alert_id", *alert}});
        },
        [this, reply = std::move(reply)](Result<json::value> r) {
          if (r.ok()) auth().ForgetAll();
          reply(ToResponse(r));
        });
  }

  Router& router_;
  ApiDeps& deps_;
};

}  // namespace

void AddAuthRoutes(Router& router, ApiDeps& deps) {
  AuthRoutes::Add(std::make_shared<AuthRoutes>(router, deps));
}

}  // namespace accord::http
