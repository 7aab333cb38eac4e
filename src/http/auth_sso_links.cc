#include "auth_sso_links.h"

#include <boost/json.hpp>

#include "accord/core/password.h"
#include "accord/domain/fields.h"
#include "accord/domain/registry.h"
#include "accord/domain/roles.h"
#include "accord/http/html_page.h"
#include "accord/http/json.h"
#include "accord/http/oidc.h"
#include "accord/storage/oidc_store.h"
#include "accord/storage/throttle.h"
#include "auth_routes.h"

namespace accord::http::auth_flow {

using domain::StateString;
using oidc::Refusal;
using oidc::RefusalError;

namespace {

// Accounts made by single sign-on carry this instead of an Argon2 string (auth_oidc.cc).
constexpr std::string_view kNoPassword = "!sso";

json::object LinkSchema() {
  return schema::Object({{"issuer", schema::Text("the identity provider's issuer URL")},
                         {"subject", schema::Text("the person's subject (sub) at the provider")},
                         {"linked_at", schema::Text("when the link was made (RFC 3339)")}});
}

json::array LinksJson(const std::vector<storage::OidcLink>& links) {
  json::array out;
  for (const auto& l : links) {
    out.push_back(
        json::object{{"issuer", l.issuer}, {"subject", l.subject}, {"linked_at", l.created_at}});
  }
  return out;
}

bool HasPassword(const std::optional<storage::UserSecrets>& secrets) {
  return secrets && !secrets->password_hash.empty() && secrets->password_hash != kNoPassword;
}

Response MyLinks(ApiDeps& deps, Context& ctx) {
  std::vector<storage::OidcLink> links;
  bool password = false;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto l = storage::LinksOf(tx, ctx.principal->id);
    if (!l.ok()) return std::move(l).error();
    links = std::move(*l);
    auto secrets = storage::ReadSecrets(tx, ctx.principal->id);
    if (!secrets.ok()) return std::move(secrets).error();
    password = HasPassword(*secrets);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  json::object out{
      {"provider",
       deps.oidc ? json::value(deps.oidc->settings().display_name) : json::value(nullptr)},
      {"issuer", deps.oidc ? json::value(deps.oidc->settings().issuer) : json::value(nullptr)},
      {"has_password", password},
      {"links", LinksJson(links)}};
  return JsonResponse(out);
}

Response AccountLinks(ApiDeps& deps, Context& ctx) {
  std::string id = ctx.path_params["id"];
  std::vector<storage::OidcLink> links;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto user = storage::FindUser(tx, id);
    if (!user.ok()) return std::move(user).error();
    if (!*user) return NotFound("no account " + id);
    auto l = storage::LinksOf(tx, id);
    if (!l.ok()) return std::move(l).error();
    links = std::move(*l);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(json::object{{"links", LinksJson(links)}});
}

// Removing a link: with the account's password when it has one (a stolen session alone may
// not change how the account signs in); never the last way to sign in.
void Unlink(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Principal p = *ctx.principal;
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  std::string issuer = StateString(*body, "issuer");
  std::string subject = StateString(*body, "subject");
  std::string password = StateString(*body, "password");
  if (issuer.empty()) return reply(ErrorResponse(ValidationError("issuer", "is required")));
  if (subject.empty()) return reply(ErrorResponse(ValidationError("subject", "is required")));
  if (password.size() > kMaxPasswordBytes) {
    return reply(ErrorResponse(ValidationError("password", "is too long")));
  }
  std::optional<storage::UserSecrets> secrets;
  std::vector<storage::OidcLink> links;
  std::string email;
  int64_t wait = 0;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto sec = storage::ReadSecrets(tx, p.id);
    if (!sec.ok()) return std::move(sec).error();
    secrets = std::move(*sec);
    auto l = storage::LinksOf(tx, p.id);
    if (!l.ok()) return std::move(l).error();
    links = std::move(*l);
    auto user = storage::FindUser(tx, p.id);
    if (!user.ok()) return std::move(user).error();
    if (*user) email = StateString(**user, "email");
    auto w = storage::ThrottleWait(tx, "acct:" + email, deps.clock.Now());
    if (!w.ok()) return std::move(w).error();
    wait = *w;
    return Ok();
  });
  if (!s.ok()) return reply(ErrorResponse(s.error()));
  bool known = std::any_of(links.begin(), links.end(), [&](const storage::OidcLink& l) {
    return l.issuer == issuer && l.subject == subject;
  });
  if (!known) {
    return reply(ErrorResponse(NotFound("your account has no link to that identity")));
  }
  bool has_password = HasPassword(secrets);
  if (!has_password && links.size() == 1) {
    return reply(ErrorResponse(
        Error{ErrorCode::kConflict,
              "this link is the only way you sign in to Accord (your account has no password), "
              "so it stays: ask the Security Officer to set up another way first",
              {ErrorDetail{"subject", "is the account's last way to sign in", {}}}}));
  }
  if (has_password && password.empty()) {
    return reply(ErrorResponse(ValidationError("password", "is required: your Accord password")));
  }
  if (wait > 0) return reply(Throttled(wait));
  auto finish = [&deps, p, issuer, subject, has_password](Reply reply) {
    deps.log.Submit(
        [p, issuer, subject, has_password](storage::CommandContext& c) -> Result<json::value> {
          // Counted again in the write: two unlinks at once cannot both take the last ones.
          auto now_linked = storage::LinksOf(c.tx(), p.id);
          if (!now_linked.ok()) return std::move(now_linked).error();
          if (!has_password && now_linked->size() <= 1) {
            return Error{ErrorCode::kConflict,
                         "this link is the only way you sign in to Accord (your account has no "
                         "password), so it stays",
                         {ErrorDetail{"subject", "is the account's last way to sign in", {}}}};
          }
          auto removed = storage::UnlinkSubject(c.tx(), issuer, subject, p.id);
          if (!removed.ok()) return std::move(removed).error();
          if (!*removed) return NotFound("your account has no link to that identity");
          ACCORD_TRY(c.Append(AuthEvent("auth.sso_unlinked", p.id, p.role,
                                        json::object{{"issuer", issuer}, {"subject", subject}})));
          return json::value(json::object{{"unlinked", true}});
        },
        [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r)); });
  };
  if (!has_password) return finish(std::move(reply));
  std::string hash = secrets->password_hash;
  deps.auth->RunSlow(std::move(reply), [&deps, p, hash, email, password = std::move(password),
                                        finish](Reply reply) mutable {
    if (VerifyPassword(password, hash)) return finish(std::move(reply));
    deps.log.Submit(
        [p, email](storage::CommandContext& c) -> Result<json::value> {
          ACCORD_TRY(
              storage::RecordSignInFailure(c, {"acct:" + email},
                                           AuthEvent("auth.sso_unlink_refused", p.id, p.role,
                                                     json::object{{"reason", "password_wrong"}})));
          return json::value(nullptr);
        },
        [reply = std::move(reply)](Result<json::value> r) {
          if (!r.ok()) return reply(ErrorResponse(r.error()));
          reply(ErrorResponse(ValidationError("password", "is wrong")));
        });
  });
}

}  // namespace

// A linking flow's return, inside the write transaction: the provider's subject is linked to
// the account whose session started the flow (still signed in), unless another account holds
// it already.
Result<std::string> LinkReturnedSubject(ApiDeps& deps, storage::CommandContext& c,
                                        const storage::OidcFlow& flow, const json::object& claims,
                                        std::optional<Error>& refused) {
  const OidcSettings& s = deps.oidc->settings();
  std::string sub = StateString(claims, "sub");
  auto live = storage::SessionLive(c.tx(), flow.link_session_id, c.Now());
  if (!live.ok()) return std::move(live).error();
  auto user = storage::FindUser(c.tx(), flow.link_user_id);
  if (!user.ok()) return std::move(user).error();
  if (!*live || !*user) {
    refused = RefusalError(Refusal{
        "link_session_ended",
        "you were signed out of Accord before the identity provider answered, so nothing was "
        "linked",
        "sign in to Accord and start the link again from Your account", ErrorCode::kForbidden});
    return std::string();
  }
  auto linked = storage::LinkedUser(c.tx(), s.issuer, sub);
  if (!linked.ok()) return std::move(linked).error();
  if (*linked && **linked == flow.link_user_id) {
    return std::string("already");
  }
  if (*linked) {
    auto other = storage::FindUser(c.tx(), **linked);
    if (!other.ok()) return std::move(other).error();
    std::string who =
        *other ? StateString(**other, "name") + " (" + StateString(**other, "email") + ")"
               : "an account that no longer exists";
    refused = RefusalError(Refusal{
        "already_linked",
        "this " + s.display_name + " identity is already linked to another Accord account, " + who +
            ", so it was not linked to yours",
        "sign in to " + s.display_name +
            " as yourself and try again; if the identity is yours, "
            "unlink it from the other account first (under Your account) or ask the Security "
            "Officer",
        ErrorCode::kConflict});
    return std::string();
  }
  ACCORD_TRY(storage::LinkSubject(c.tx(), s.issuer, sub, flow.link_user_id, c.Now()));
  ACCORD_TRY(c.Append(AuthEvent("auth.sso_linked", flow.link_user_id, StateString(**user, "role"),
                                json::object{{"issuer", s.issuer}, {"subject", sub}})));
  return std::string("linked");
}

// After a linking flow: no new session (the one that started it goes on); back to the portal.
Response LinkedPage(const ApiDeps& deps, bool already) {
  std::string name = HtmlEscape(deps.oidc->settings().display_name);
  std::string said = already
                         ? "Your Accord account was already linked to this " + name + " identity."
                         : "Your Accord account is now linked to your " + name +
                               " identity: you can sign in with it.";
  std::string body =
      "<meta http-equiv=\"refresh\" content=\"2;url=/app/\"><main><h1>Account linked</h1>"
      "<p role=\"status\">" +
      said + "</p><p><a href=\"/app/\">Back to Accord</a></p></main>";
  Response r = PublicHtml(PublicPage("Account linked", body));
  r.headers.push_back({"Cache-Control", "no-store"});
  r.headers.push_back({"Referrer-Policy", "no-referrer"});
  return r;
}

void AddSsoLinkRoutes(Router& router, ApiDeps& deps) {
  using namespace schema;
  router.Add(
      ReadRoute("/api/v1/account/sso-links", domain::kEveryone,
                Json(Object({{"provider", Nullable(Text("the identity provider's name, null when "
                                                        "single sign-on is not set up"))},
                             {"issuer", Nullable(Text("its issuer URL"))},
                             {"has_password", Bool()},
                             {"links", ArrayOf(LinkSchema())}})))
          .Summary("My account's links to the identity provider, and whether it has a password")
          .Tag("auth")
          .Handle(deps, MyLinks));
  router.Add(CommandRoute("POST", "/api/v1/account/sso-links/remove", domain::kEveryone,
                          JsonBody(Object({{"issuer", Text("the link's issuer")},
                                           {"subject", Text("the link's subject")}},
                                          {{"password", Text("my Accord password: required when "
                                                             "the account has one")}})),
                          Json(Object({{"unlinked", Bool()}})))
                 .Summary("Unlink my account from an identity-provider subject (with my password "
                          "when the account has one; never the last way to sign in)")
                 .Tag("auth")
                 .Handle(deps, Unlink));
  router.Add(ReadRoute("/api/v1/users/{id}/sso-links", domain::kOfficers,
                       Json(Object({{"links", ArrayOf(LinkSchema())}})))
                 .Summary("An account's links to the identity provider (read-only)")
                 .Tag("users")
                 .Path("id", "the account")
                 .Handle(deps, AccountLinks));
}

}  // namespace accord::http::auth_flow
