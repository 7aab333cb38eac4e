// Signing in: email and password (Argon2id on the AuthService threads, throttled per
// account and per address), then a TOTP code or a recovery code.
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
#include "accord/http/oidc.h"
#include "accord/http/registry_http.h"

namespace accord::http::auth_flow {

using domain::StateString;

namespace {

void SignIn(ApiDeps& deps, Context&& ctx, Reply reply) {
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
  if (PasswordSignInFor(deps) == "listed") {
    const auto& allowed = deps.oidc->settings().password_accounts;
    std::string lower = domain::Lowercase(*email);
    bool listed = std::any_of(allowed.begin(), allowed.end(),
                              [&](const std::string& a) { return domain::Lowercase(a) == lower; });
    if (!listed) {
      return reply(ErrorResponse(
          Error{ErrorCode::kForbidden,
                "this organisation signs in with single sign-on: use \"Sign in with " +
                    deps.oidc->settings().display_name + "\"",
                {ErrorDetail{"email",
                             "passwords work only for the emergency accounts the server's "
                             "[identity] password_accounts names",
                             {}}}}));
    }
  }
  std::string account_key = "acct:" + domain::Lowercase(*email);
  std::string address = ctx.request.remote_address;
  std::string address_key = storage::ClientKey(address);
  TimePoint now = deps.clock.Now();
  int64_t wait = 0;
  std::optional<json::object> user;
  std::string hash;
  bool must_change = false;
  bool initial_expired = false;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
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
  deps.auth->RunSlow(std::move(reply), [&deps, password = std::move(*password),
                                        hash = std::move(hash), user = std::move(user), account_key,
                                        address_key, address, must_change,
                                        initial_expired](Reply reply) mutable {
    // Unknown accounts are checked against a dummy hash: same work, same answer.
    bool verified = VerifyPassword(password, hash.empty() ? DummyPasswordHash() : hash);
    bool ok = verified && user && !hash.empty();
    std::string problem = ok ? domain::AccessProblem(*user, deps.clock.Now()) : "";
    if (ok && problem.empty() && initial_expired) {
      problem = "the initial password expired: ask a security officer for a new one";
    }
    auto issued = std::make_shared<Issued>();
    deps.log.Submit(
        [&deps, ok, problem, user, account_key, address_key, address, must_change,
         issued](storage::CommandContext& c) -> Result<json::value> {
          std::string user_id = user ? StateString(*user, "id") : "";
          auto wait = WaitNow(c, {account_key, address_key});
          if (!wait.ok()) return std::move(wait).error();
          if (*wait > 0) {
            issued->throttled = *wait;
            return json::value(nullptr);
          }
          if (!ok || !problem.empty()) {
            ACCORD_TRY(storage::RecordSignInFailure(
                c, {account_key, address_key},
                AuthEvent(
                    "auth.sign_in_failed", user_id, user ? StateString(*user, "role") : "",
                    json::object{{"step", "password"},
                                 {"reason", ok ? "account_cannot_sign_in" : "bad_credentials"},
                                 {"address", address}})));
            issued->failed = true;
            return json::value(nullptr);
          }
          std::string state = StateAfterPassword(*user, must_change, IdentityPolicyOf(deps));
          // Only a complete sign-in forgives the account's failures: a known password
          // must not reset the count a second-factor guesser runs up.
          if (state == "active") ACCORD_TRY(storage::ClearSignInFailures(c, account_key));
          auto session = storage::CreateSession(
              c.tx(), user_id, state, c.Now(),
              c.Now() + std::chrono::hours(IdentityPolicyOf(deps).session_absolute_hours), address);
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
        [&deps, issued, reply = std::move(reply)](Result<json::value> r) {
          if (!r.ok()) return reply(ErrorResponse(r.error()));
          if (issued->throttled > 0) return reply(Throttled(issued->throttled));
          if (issued->failed) {
            return reply(ErrorResponse(Error{ErrorCode::kUnauthenticated, kBadCredentials, {}}));
          }
          reply(WithCookie(SessionJson(issued->session.session, issued->session.secret,
                                       issued->user, IdentityPolicyOf(deps), deps.profile),
                           issued->session.secret, MaxAge(deps)));
        });
  });
}

// The TOTP step and the recovery-code step: verified and consumed inside one write
// transaction, so a code is accepted once even when two servers race.
void SecondFactor(ApiDeps& deps, Context&& ctx, Reply reply, bool recovery) {
  auto ses = deps.auth->SessionOf(ctx.request);
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
  TimePoint now = deps.clock.Now();
  int64_t wait = 0;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
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
  deps.log.Submit(
      [&deps, recovery, code = std::move(*code), user_id, account_key, address, issued,
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
          ACCORD_TRY(storage::RecordSignInFailure(
              c, {account_key},
              AuthEvent("auth.sign_in_failed", user_id, StateString(issued->user, "role"),
                        json::object{{"step", method},
                                     {"reason", "code_wrong_or_used"},
                                     {"address", address},
                                     {"session_id", old}})));
          issued->failed = true;
          issued->failure = recovery ? "the recovery code is wrong or was already used"
                                     : "the code is wrong, expired or was already used";
          return json::value(nullptr);
        }
        ACCORD_TRY(storage::ClearSignInFailures(c, account_key));
        auto after = storage::ReadSecrets(c.tx(), user_id);
        if (!after.ok()) return std::move(after).error();
        bool must_change = after->has_value() && (*after)->must_change;
        auto session = Rotate(c, old, user_id, address, IdentityPolicyOf(deps),
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
      [&deps, issued, reply = std::move(reply)](Result<json::value> r) {
        if (!r.ok()) return reply(ErrorResponse(r.error()));
        if (issued->throttled > 0) return reply(Throttled(issued->throttled));
        if (issued->failed) {
          return reply(ErrorResponse(Error{ErrorCode::kUnauthenticated, issued->failure, {}}));
        }
        reply(WithCookie(SessionJson(issued->session.session, issued->session.secret, issued->user,
                                     IdentityPolicyOf(deps), deps.profile),
                         issued->session.secret, MaxAge(deps)));
      });
}

void TotpStep(ApiDeps& deps, Context&& ctx, Reply reply) {
  SecondFactor(deps, std::move(ctx), std::move(reply), false);
}

void RecoveryStep(ApiDeps& deps, Context&& ctx, Reply reply) {
  SecondFactor(deps, std::move(ctx), std::move(reply), true);
}

}  // namespace

// Public at the route layer: each step checks the session cookie it needs itself.
void AddSignInRoutes(Router& router, ApiDeps& deps) {
  router.Add(CommandRoute("POST", "/api/v1/auth/sign-in", kPublic,
                          JsonBody(StringsBody({"email", "password"})), Json(SessionSchema()))
                 .Summary("Sign in with email and password; starts a session (cookie) in the state "
                          "the account needs next")
                 .Tag("auth")
                 .Handle(deps, SignIn));
  router.Add(CommandRoute("POST", "/api/v1/auth/totp", kPublic, JsonBody(StringsBody({"code"})),
                          Json(SessionSchema()))
                 .Summary("Second step: a TOTP code (RFC 6238), usable once")
                 .Tag("auth")
                 .Handle(deps, TotpStep));
  router.Add(CommandRoute("POST", "/api/v1/auth/recovery", kPublic, JsonBody(StringsBody({"code"})),
                          Json(SessionSchema()))
                 .Summary("Second step with a one-time recovery code")
                 .Tag("auth")
                 .Handle(deps, RecoveryStep));
}

}  // namespace accord::http::auth_flow
