// TOTP enrolment: the secret and its otpauth:// URI, then the first code and the recovery codes.
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
#include "accord/storage/throttle.h"

namespace accord::http::auth_flow {

using domain::StateString;

namespace {

void Enrol(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto ses = deps.auth->SessionOf(ctx.request);
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
  deps.log.Submit(
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

void Confirm(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto ses = deps.auth->SessionOf(ctx.request);
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
  const policy::IdentityPolicy& pol = IdentityPolicyOf(deps);
  deps.log.Submit(
      [&deps, &pol, code = std::move(*code), user_id, codes, issued, address,
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
      [&deps, issued, codes, secret = ses->secret,
       reply = std::move(reply)](Result<json::value> r) {
        if (!r.ok()) return reply(ErrorResponse(r.error()));
        json::array list;
        for (const auto& c : codes) list.push_back(json::value(c));
        bool rotated = !issued->session.secret.empty();
        const std::string& current = rotated ? issued->session.secret : secret;
        json::object out = SessionJson(issued->session.session, current, issued->user,
                                       IdentityPolicyOf(deps), deps.profile);
        out["recovery_codes"] = std::move(list);
        if (!rotated) return reply(JsonResponse(out));
        reply(WithCookie(std::move(out), current, MaxAge(deps)));
      });
}

// New recovery codes replace every old one (used or not) and are shown once. Only from a portal
// session, with the current password: a stolen session or token alone cannot mint a way in.
void RenewRecoveryCodes(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Principal& p = *ctx.principal;
  if (!p.via_session) {
    return reply(ErrorResponse(
        Error{ErrorCode::kForbidden,
              "new recovery codes are made from a signed-in portal session, not with an API token",
              {}}));
  }
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  auto current = StringField(*body, "current_password", kMaxPasswordBytes);
  if (!current.ok()) return reply(ErrorResponse(current.error()));
  std::string hash;
  std::string email;
  bool enrolled = false;
  int64_t wait = 0;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto secrets = storage::ReadSecrets(tx, p.id);
    if (!secrets.ok()) return std::move(secrets).error();
    if (secrets->has_value()) hash = (*secrets)->password_hash;
    auto user = storage::FindUser(tx, p.id);
    if (!user.ok()) return std::move(user).error();
    if (user->has_value()) {
      email = StateString(**user, "email");
      enrolled = MfaEnrolled(**user);
    }
    auto w = storage::ThrottleWait(tx, "acct:" + email, deps.clock.Now());
    if (!w.ok()) return std::move(w).error();
    wait = *w;
    return Ok();
  });
  if (!s.ok()) return reply(ErrorResponse(s.error()));
  if (!enrolled) {
    return reply(ErrorResponse(Error{
        ErrorCode::kConflict,
        "recovery codes belong to the authenticator app: set one up at your next sign-in first",
        {}}));
  }
  // Guessing the password with a stolen session is throttled like a sign-in.
  if (wait > 0) return reply(Throttled(wait));
  deps.auth->RunSlow(std::move(reply), [&deps, p, hash, account_key = "acct:" + email,
                                        current = std::move(*current)](Reply reply) mutable {
    if (hash.empty() || !VerifyPassword(current, hash)) {
      deps.log.Submit(
          [p, account_key](storage::CommandContext& c) -> Result<json::value> {
            ACCORD_TRY(storage::RecordSignInFailure(
                c, {account_key},
                AuthEvent("auth.password_change_failed", p.id, p.role,
                          json::object{{"reason", "current_password_wrong"},
                                       {"for", "recovery_codes"}})));
            return json::value(nullptr);
          },
          [reply = std::move(reply)](Result<json::value> r) {
            if (!r.ok()) return reply(ErrorResponse(r.error()));
            reply(ErrorResponse(ValidationError("current_password", "is wrong")));
          });
      return;
    }
    std::vector<std::string> codes;
    for (int i = 0; i < kRecoveryCodes; ++i) codes.push_back(RecoveryCode());
    deps.log.Submit(
        [p, codes](storage::CommandContext& c) -> Result<json::value> {
          ACCORD_TRY(storage::WriteRecoveryCodes(c.tx(), p.id, codes));
          auto e = c.Append(AuthEvent("auth.recovery_codes_renewed", p.id, p.role,
                                      json::object{{"recovery_codes", kRecoveryCodes}}));
          if (!e.ok()) return std::move(e).error();
          json::array list;
          for (const auto& code : codes) list.push_back(json::value(code));
          return json::value(json::object{{"recovery_codes", std::move(list)}});
        },
        [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r)); });
  });
}

}  // namespace

void AddMfaRoutes(Router& router, ApiDeps& deps) {
  using namespace schema;
  router.Add(CommandRoute("POST", "/api/v1/auth/mfa/enrol", kPublic, NoBody(),
                          Json(Object({{"secret", Text("base32, shown once")},
                                       {"otpauth_uri", String()},
                                       {"algorithm", String()},
                                       {"digits", Int()},
                                       {"period", Int()},
                                       {"next", String()}})))
                 .Summary("Start TOTP enrolment: returns the secret and an otpauth:// URI for a QR "
                          "code")
                 .Tag("auth")
                 .Handle(deps, Enrol));
  router.Add(CommandRoute("POST", "/api/v1/auth/mfa/confirm", kPublic,
                          JsonBody(StringsBody({"code"})), Json(SessionSchema()))
                 .Summary("Finish enrolment with a code from the app; returns recovery codes once")
                 .Tag("auth")
                 .Handle(deps, Confirm));
  router.Add(CommandRoute("POST", "/api/v1/auth/recovery-codes", domain::kEveryone,
                          JsonBody(StringsBody({"current_password"})),
                          Json(Object({{"recovery_codes", ArrayOf(Text("shown once"))}})))
                 .Summary("New recovery codes for your account (the old ones stop working), shown "
                          "once; from a portal session, with your current password")
                 .Tag("auth")
                 .Handle(deps, RenewRecoveryCodes));
}

}  // namespace accord::http::auth_flow
