// The signed-in account: its session, signing out (here or everywhere), changing the
// password, the initial password, and break-glass.
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

namespace {

void InitialPassword(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto ses = deps.auth->SessionOf(ctx.request);
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
  if (auto problem = NewPasswordProblem(*next, email, IdentityPolicyOf(deps)))
    return reply(ErrorResponse(*problem));
  deps.auth->RunSlow(
      std::move(reply), [&deps, next = std::move(*next), user = ses->user, old = ses->session.id,
                         address = ctx.request.remote_address](Reply reply) mutable {
        auto hash = HashPassword(next);
        if (!hash.ok()) return reply(ErrorResponse(hash.error()));
        auto issued = std::make_shared<Issued>();
        issued->user = user;
        deps.log.Submit(
            [&deps, hash = std::move(*hash), user, old, address,
             issued](storage::CommandContext& c) -> Result<json::value> {
              std::string user_id = StateString(user, "id");
              std::string role = StateString(user, "role");
              ACCORD_TRY(storage::WritePassword(c.tx(), user_id, hash, c.Now(), false));
              // The second factor (if enrolled) was given before this step.
              std::string state = !MfaEnrolled(user) && IdentityPolicyOf(deps).MfaRequired(role)
                                      ? "mfa_enrolment_required"
                                      : "active";
              auto session = Rotate(c, old, user_id, address, IdentityPolicyOf(deps), state);
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
            [&deps, issued, reply = std::move(reply)](Result<json::value> r) {
              if (!r.ok()) return reply(ErrorResponse(r.error()));
              reply(WithCookie(SessionJson(issued->session.session, issued->session.secret,
                                           issued->user, IdentityPolicyOf(deps), deps.profile),
                               issued->session.secret, MaxAge(deps)));
            });
      });
}

void Current(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto ses = deps.auth->SessionOf(ctx.request);
  if (!ses.ok()) return reply(ErrorResponse(ses.error()));
  json::object out =
      SessionJson(ses->session, ses->secret, ses->user, IdentityPolicyOf(deps), deps.profile);
  if (!ses->session.break_glass_until.empty() &&
      ses->session.break_glass_until > FormatRfc3339(deps.clock.Now())) {
    out["effective_role"] = "security_officer";
  }
  reply(JsonResponse(out));
}

void EndSessions(ApiDeps& deps, Context&& ctx, Reply reply, bool everywhere) {
  auto ses = deps.auth->SessionOf(ctx.request);
  if (!ses.ok()) return reply(ErrorResponse(ses.error()));
  std::string user_id = StateString(ses->user, "id");
  Hash hash = Sha256(ses->secret);
  deps.log.Submit(
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
      [&deps, hash, everywhere, reply = std::move(reply)](Result<json::value> r) {
        if (!r.ok()) return reply(ErrorResponse(r.error()));
        if (everywhere) {
          deps.auth->ForgetAll();
        } else {
          deps.auth->Forget(hash);
        }
        Response resp = JsonResponse(*r);
        resp.headers.push_back({"Set-Cookie", ClearedSessionCookieHeader()});
        reply(std::move(resp));
      });
}

void Password(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  auto current = StringField(*body, "current_password", kMaxPasswordBytes);
  if (!current.ok()) return reply(ErrorResponse(current.error()));
  auto next = StringField(*body, "new_password", kMaxPasswordBytes);
  if (!next.ok()) return reply(ErrorResponse(next.error()));
  const Principal& p = *ctx.principal;
  std::string hash;
  std::string email;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
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
  s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto w = storage::ThrottleWait(tx, account_key, deps.clock.Now());
    if (!w.ok()) return std::move(w).error();
    wait = *w;
    return Ok();
  });
  if (!s.ok()) return reply(ErrorResponse(s.error()));
  if (wait > 0) return reply(Throttled(wait));
  if (auto problem = NewPasswordProblem(*next, email, IdentityPolicyOf(deps)))
    return reply(ErrorResponse(*problem));
  deps.auth->RunSlow(std::move(reply), [&deps, p, hash, account_key, current = std::move(*current),
                                        next = std::move(*next)](Reply reply) mutable {
    if (hash.empty() || !VerifyPassword(current, hash)) {
      deps.log.Submit(
          [p, account_key](storage::CommandContext& c) -> Result<json::value> {
            ACCORD_TRY(storage::RecordSignInFailure(
                c, {account_key},
                AuthEvent("auth.password_change_failed", p.id, p.role,
                          json::object{{"reason", "current_password_wrong"}})));
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
    deps.log.Submit(
        [p, keep, fresh = std::move(*fresh)](storage::CommandContext& c) -> Result<json::value> {
          ACCORD_TRY(storage::WritePassword(c.tx(), p.id, fresh, c.Now()));
          ACCORD_TRY(storage::EndUserAccess(c, ActorOf(p), p.id, "password changed", keep,
                                            /*revoke_tokens=*/false));
          auto e = c.Append(AuthEvent("auth.password_changed", p.id, p.role,
                                      json::object{{"other_sessions_ended", true}}));
          if (!e.ok()) return std::move(e).error();
          return json::value(json::object{{"changed", true}});
        },
        [&deps, reply = std::move(reply)](Result<json::value> r) {
          if (r.ok()) deps.auth->ForgetAll();
          reply(ToResponse(r));
        });
  });
}

void BreakGlass(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Principal& p = *ctx.principal;
  const policy::IdentityPolicy& pol = IdentityPolicyOf(deps);
  if (!p.via_session) {
    return reply(ErrorResponse(Error{ErrorCode::kForbidden,
                                     "break-glass is an interactive sign-in: use a portal "
                                     "session, not an API token",
                                     {}}));
  }
  if (p.break_glass) {
    return reply(ErrorResponse(Error{ErrorCode::kConflict, "break-glass is already in force", {}}));
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
  auto given = StringField(*body, "reason", 2000);
  if (!given.ok()) return reply(ErrorResponse(given.error()));
  // Blanks are not an explanation: 25 spaces say nothing, nor does "outage" padded to 20.
  std::string reason(TrimBlank(*given));
  if (CodePointCount(reason) < kMinBreakGlassReason) {
    return reply(ErrorResponse(ValidationError(
        "reason", "must explain the emergency in at least " + std::to_string(kMinBreakGlassReason) +
                      " characters, not counting spaces before or after it")));
  }
  TimePoint until = deps.clock.Now() + std::chrono::minutes(pol.break_glass_minutes);
  spdlog::warn("break-glass: user {} ({}) elevated to security_officer until {}", p.id, p.role,
               FormatRfc3339(until));
  deps.log.Submit(
      [p, until, reason = std::move(reason)](storage::CommandContext& c) -> Result<json::value> {
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
      [&deps, reply = std::move(reply)](Result<json::value> r) {
        if (r.ok()) deps.auth->ForgetAll();
        reply(ToResponse(r));
      });
}

void SignOut(ApiDeps& deps, Context&& ctx, Reply reply) {
  EndSessions(deps, std::move(ctx), std::move(reply), false);
}

void SignOutEverywhere(ApiDeps& deps, Context&& ctx, Reply reply) {
  EndSessions(deps, std::move(ctx), std::move(reply), true);
}

}  // namespace

void AddAccountRoutes(Router& router, ApiDeps& deps) {
  using namespace schema;
  json::object signed_out = Object({{"signed_out", Bool()}, {"everywhere", Bool()}});
  router.Add(CommandRoute("POST", "/api/v1/auth/initial-password", kPublic,
                          JsonBody(StringsBody({"new_password"})), Json(SessionSchema()))
                 .Summary("Replace a system-generated initial password (session state "
                          "password_change_required); continues to MFA enrolment where required")
                 .Tag("auth")
                 .Handle(deps, InitialPassword));
  router.Add(ReadRoute("/api/v1/auth/session", kPublic, Json(SessionSchema()))
                 .Summary("The current session: state, account and the CSRF token for writes")
                 .Tag("auth")
                 .Handle(deps, Current));
  router.Add(CommandRoute("POST", "/api/v1/auth/sign-out", kPublic, NoBody(), Json(signed_out))
                 .Summary("End this session")
                 .Tag("auth")
                 .Handle(deps, SignOut));
  router.Add(
      CommandRoute("POST", "/api/v1/auth/sign-out-everywhere", kPublic, NoBody(), Json(signed_out))
          .Summary("End every session of this account (API tokens are revoked separately)")
          .Tag("auth")
          .Handle(deps, SignOutEverywhere));
  router.Add(CommandRoute("POST", "/api/v1/auth/password", domain::kEveryone,
                          JsonBody(StringsBody({"current_password", "new_password"})),
                          Json(Object({{"changed", Bool()}})))
                 .Summary("Change your password (other sessions end)")
                 .Tag("auth")
                 .Handle(deps, Password));
  router.Add(CommandRoute("POST", "/api/v1/auth/break-glass", domain::kWorkforce,
                          JsonBody(StringsBody({"reason"})),
                          Json(Object({{"break_glass_until", Time()},
                                       {"effective_role", String()},
                                       {"alert_id", String()}})))
                 .Summary("Emergency access (HIPAA 164.312(a)(2)(ii)): elevate this session to "
                          "security_officer for the profile's break_glass_minutes; needs a reason, "
                          "raises an alert and is recorded")
                 .Tag("auth")
                 .Handle(deps, BreakGlass));
}

}  // namespace accord::http::auth_flow
