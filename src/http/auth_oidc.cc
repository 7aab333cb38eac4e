// Single sign-on (issue 25): the authorization-code flow with PKCE. /start keeps the flow's
// state, nonce and code verifier on the server (the provider's cross-site return would not
// bring back a SameSite=Strict cookie) and sends the browser to the provider; /callback takes
// the flow once, exchanges the code, checks the ID token (oidc_token.h), finds or creates the
// account, and starts a session. Every refusal is a page saying what happened and what to
// change, and a log line for the operator.
#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/json.hpp>
#include <functional>
#include <memory>

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/domain/fields.h"
#include "accord/domain/identity.h"
#include "accord/domain/registry.h"
#include "accord/http/html_page.h"
#include "accord/http/json.h"
#include "accord/http/oidc.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/oidc_store.h"
#include "accord/storage/throttle.h"
#include "auth_routes.h"
#include "auth_sso_links.h"

namespace accord::http::auth_flow {

using domain::StateString;
using oidc::Refusal;
using oidc::RefusalError;

namespace {

constexpr std::chrono::minutes kFlowLifetime{10};
// Sign-ins started per client address within a flow's lifetime (each keeps a row until then).
constexpr int kStartsPerAddress = 120;
// Accounts made by single sign-on have no password: this is no Argon2 string, so no password
// ever matches it.
constexpr const char* kNoPassword = "!sso";

struct OidcRoutes {
  ApiDeps& deps;
  // Provider calls block (libcurl): they run here, never on an I/O thread.
  boost::asio::thread_pool pool{2};
  explicit OidcRoutes(ApiDeps& d) : deps(d) {}
  ~OidcRoutes() { pool.join(); }
};

std::string RedirectUri(const ApiDeps& deps) {
  const auto& s = deps.oidc->settings();
  if (!s.redirect_uri.empty()) return s.redirect_uri;
  std::string base = deps.trust && !deps.trust->public_url.empty() ? deps.trust->public_url
                     : deps.trust                                  ? deps.trust->listen_url
                                                                   : "";
  return base + std::string(kOidcCallbackPath);
}

// The page a refused sign-in shows, and the operator's log line.
Response FailurePage(const Error& e) {
  std::string cause = oidc::CauseOf(e);
  std::string remedy = e.details.empty() ? "" : e.details[0].reason;
  spdlog::warn("sso: sign-in refused ({}): {}{}", cause.empty() ? CodeName(e.code) : cause,
               e.message, remedy.empty() ? "" : " — " + remedy);
  std::string body = "<main><h1>Single sign-on did not work</h1><p role=\"alert\">" +
                     HtmlEscape(e.message) + "</p>";
  if (!remedy.empty()) body += "<p><strong>What to do:</strong> " + HtmlEscape(remedy) + "</p>";
  if (!cause.empty()) body += "<p class=\"small\">Reason code: " + HtmlEscape(cause) + "</p>";
  body += "<p><a href=\"/app/\">Back to sign-in</a></p></main>";
  Response r = PublicHtml(PublicPage("Single sign-on did not work", body), HttpStatus(e.code));
  r.headers.push_back({"Cache-Control", "no-store"});
  return r;
}

Error NotConfigured() {
  return RefusalError(Refusal{"not_configured", "single sign-on is not set up on this server",
                              "an administrator adds an [oidc] table to the server's --config "
                              "file (docs/identity.md)",
                              ErrorCode::kNotFound});
}

// Keeps a new flow and answers the provider's authorization URL; `link` names the account and
// session a linking flow belongs to (empty: a sign-in).
void BeginFlow(OidcRoutes& r, std::string address, storage::OidcFlow link,
               std::function<void(Result<std::string>)> done) {
  boost::asio::post(
      r.pool, [&r, address = std::move(address), link = std::move(link), reply = std::move(done)] {
        ApiDeps& deps = r.deps;
        auto d = deps.oidc->Discovery();
        if (!d.ok()) return reply(d.error());
        std::string state = Base64UrlEncode(RandomBytes(32));
        storage::OidcFlow flow{Base64UrlEncode(RandomBytes(32)), Base64UrlEncode(RandomBytes(32)),
                               link.link_user_id, link.link_session_id};
        Hash challenge = Sha256(flow.verifier);
        TimePoint now = deps.clock.Now();
        Status s = deps.store.Write([&](storage::Tx& tx) -> Status {
          // Each start keeps a row for the flow's lifetime: bounded per client address, so an
          // anonymous flood cannot fill the store (offices share an address: a generous bound).
          ACCORD_TRY(storage::CountPublicPost(tx, "oidc:" + storage::ClientKey(address), now,
                                              kStartsPerAddress, kFlowLifetime));
          return storage::SaveOidcFlow(tx, state, flow, now, now + kFlowLifetime);
        });
        if (!s.ok()) return reply(s.error());
        const auto& settings = deps.oidc->settings();
        std::string scope;
        for (const auto& sc : settings.scopes) scope += (scope.empty() ? "" : " ") + sc;
        std::string url =
            d->authorization_endpoint +
            (d->authorization_endpoint.find('?') == std::string::npos ? "?" : "&") +
            "response_type=code&client_id=" + UrlEncode(settings.client_id) +
            "&redirect_uri=" + UrlEncode(RedirectUri(deps)) + "&scope=" + UrlEncode(scope) +
            "&state=" + UrlEncode(state) + "&nonce=" + UrlEncode(flow.nonce) +
            "&code_challenge=" + Base64UrlEncode(challenge) + "&code_challenge_method=S256";
        reply(std::move(url));
      });
}

void Start(OidcRoutes& r, Context&& ctx, Reply reply) {
  if (!r.deps.oidc) return reply(FailurePage(NotConfigured()));
  BeginFlow(r, ctx.request.remote_address, {}, [reply = std::move(reply)](Result<std::string> url) {
    if (!url.ok() && url.error().code == ErrorCode::kRateLimited) {
      int64_t wait = storage::RetryAfterSeconds(url.error());
      Response page = FailurePage(RefusalError(
          Refusal{"too_many_starts", "too many sign-ins were started from your network just now",
                  "wait " + std::to_string((wait + 59) / 60) + " minutes and sign in again",
                  ErrorCode::kRateLimited}));
      page.headers.push_back({"Retry-After", std::to_string(wait)});
      return reply(std::move(page));
    }
    if (!url.ok()) return reply(FailurePage(url.error()));
    Response out{302, "text/plain; charset=utf-8", "Continue at the identity provider\n", {}};
    out.headers.push_back({"Location", *url});
    out.headers.push_back({"Cache-Control", "no-store"});
    reply(std::move(out));
  });
}

// "Link to <provider>" on Your account: a flow bound on the server to this account and this
// session, so the return links the provider's subject to it instead of signing in. The
// portal sends the browser to the answered URL.
void StartLink(OidcRoutes& r, Context&& ctx, Reply reply) {
  if (!r.deps.oidc) return reply(ErrorResponse(NotConfigured()));
  const Principal& p = *ctx.principal;
  if (!p.via_session) {
    return reply(ErrorResponse(Error{ErrorCode::kForbidden,
                                     "linking runs in the browser: use a portal session, not an "
                                     "API token",
                                     {}}));
  }
  storage::OidcFlow link;
  link.link_user_id = p.id;
  link.link_session_id = p.credential_id;
  BeginFlow(r, ctx.request.remote_address, std::move(link),
            [reply = std::move(reply)](Result<std::string> url) {
              if (!url.ok()) return reply(ErrorResponse(url.error()));
              reply(JsonResponse(json::object{{"url", *url}}));
            });
}

std::vector<std::string> Strings(const json::object& claims, const std::string& name) {
  std::vector<std::string> out;
  auto it = claims.find(name);
  if (it == claims.end()) return out;
  if (it->value().is_string()) out.emplace_back(it->value().as_string());
  if (it->value().is_array()) {
    for (const auto& v : it->value().as_array()) {
      if (v.is_string()) out.emplace_back(v.as_string());
    }
  }
  return out;
}

bool AssertsMfa(const OidcSettings& s, const json::object& claims) {
  for (const auto& amr : Strings(claims, "amr")) {
    if (std::find(s.mfa_amr.begin(), s.mfa_amr.end(), amr) != s.mfa_amr.end()) return true;
  }
  auto acr = Strings(claims, "acr");
  return !acr.empty() && std::find(s.mfa_acr.begin(), s.mfa_acr.end(), acr[0]) != s.mfa_acr.end();
}

// The Accord role the provider's groups map to ("" when none does). The first group of the
// mapping's order wins, so a person in two mapped groups always gets the same role.
std::string MappedRole(const OidcSettings& s, const std::vector<std::string>& groups) {
  for (const auto& [group, role] : s.group_roles) {
    if (std::find(groups.begin(), groups.end(), group) != groups.end()) return role;
  }
  return "";
}

Error UnknownState() {
  return RefusalError(Refusal{
      "unknown_state",
      "this sign-in was already completed, took longer than 10 minutes, or did not start here",
      "start again from Accord's sign-in page", ErrorCode::kBadRequest});
}

struct Outcome {
  std::optional<Error> refused;
  std::string linked;  // a linking flow's result: "linked" or "already"
  storage::NewSession session;
  json::object user;
};

// Inside the write transaction: the account of the token's subject (linked before, or found
// by a verified email and linked now, or made now), the role its groups map to, and a session.
Result<json::value> SignInSubject(ApiDeps& deps, storage::CommandContext& c,
                                  const std::string& flow_state, const json::object& claims,
                                  const std::string& id_token, const std::string& address,
                                  Outcome& out) {
  const OidcSettings& s = deps.oidc->settings();
  // The flow is used up here, with the sign-in: of two returns racing with one state, one wins.
  auto taken = storage::TakeOidcFlow(c.tx(), flow_state, c.Now());
  if (!taken.ok()) return std::move(taken).error();
  if (!*taken) {
    out.refused = UnknownState();
    return json::value(nullptr);
  }
  if (!(*taken)->link_user_id.empty()) {
    auto linked = LinkReturnedSubject(deps, c, **taken, claims, out.refused);
    if (!linked.ok()) return std::move(linked).error();
    out.linked = std::move(*linked);
    return json::value(nullptr);
  }
  const auto& policy = IdentityPolicyOf(deps);
  auto refuse = [&](std::string cause, std::string message, std::string remedy,
                    const std::string& user_id = "",
                    const std::string& role = "") -> Result<json::value> {
    out.refused = RefusalError(Refusal{cause, message, remedy, ErrorCode::kForbidden});
    ACCORD_TRY(c.Append(AuthEvent("auth.sign_in_failed", user_id, role,
                                  json::object{{"step", "sso"},
                                               {"reason", cause},
                                               {"subject", StateString(claims, "sub")},
                                               {"address", address}})));
    return json::value(nullptr);
  };
  std::string sub = StateString(claims, "sub");
  std::string email = domain::Lowercase(StateString(claims, s.email_claim));
  auto verified_it = claims.find("email_verified");
  bool email_verified = verified_it != claims.end() && verified_it->value().is_bool() &&
                        verified_it->value().as_bool();
  std::vector<std::string> groups = Strings(claims, s.groups_claim);
  std::string role = MappedRole(s, groups);
  domain::Actor system = domain::SystemActor();

  std::optional<json::object> user;
  auto linked = storage::LinkedUser(c.tx(), s.issuer, sub);
  if (!linked.ok()) return std::move(linked).error();
  if (*linked) {
    auto u = storage::FindUser(c.tx(), **linked);
    if (!u.ok()) return std::move(u).error();
    user = std::move(*u);
  } else if (!email.empty()) {
    auto u = storage::FindUserByEmail(c.tx(), email);
    if (!u.ok()) return std::move(u).error();
    if (*u && !email_verified) {
      return refuse("unverified_email",
                    "the identity provider does not say that " + email +
                        " is verified, so it cannot be linked to the Accord account",
                    "verify the email address at the identity provider (email_verified), or ask "
                    "the Security Officer to link the account");
    }
    if (*u) {
      user = std::move(*u);
      ACCORD_TRY(storage::LinkSubject(c.tx(), s.issuer, sub, StateString(*user, "id"), c.Now()));
    }
  }
  if (!user) {
    if (email.empty() || !email_verified) {
      return refuse("unverified_email",
                    "the identity provider gave no verified email address for this person",
                    "release the email and email_verified claims to Accord's client (scope "
                    "email), and verify the address at the provider");
    }
    if (role.empty()) {
      std::string said;
      for (const auto& g : groups) said += (said.empty() ? "" : ", ") + g;
      return refuse("unmapped_group",
                    "none of this person's groups (" + (said.empty() ? "none given" : said) +
                        ") maps to an Accord role",
                    "add the group to [oidc] group_roles, or put the person in a mapped group; "
                    "check that the provider releases the \"" +
                        s.groups_claim + "\" claim");
    }
    if (!s.create_accounts) {
      return refuse("no_account", "there is no Accord account for " + email,
                    "ask the Security Officer to create the account");
    }
    json::object body{
        {"email", email},
        {"name",
         StateString(claims, s.name_claim).empty() ? email : StateString(claims, s.name_claim)},
        {"role", role}};
    auto made = storage::CreateUser(c, system, body, kNoPassword, policy, false);
    if (!made.ok()) return std::move(made).error();
    user = std::move(*made);
    ACCORD_TRY(storage::LinkSubject(c.tx(), s.issuer, sub, StateString(*user, "id"), c.Now()));
  } else if (!role.empty() && role != StateString(*user, "role") &&
             StateString(*user, "role") != "third_party_contact") {
    // The provider's groups drive the role: a changed group changes it at the next sign-in.
    auto changed = storage::ChangeUserRole(c, system, StateString(*user, "id"), role,
                                           "role follows the identity provider's groups", policy);
    if (!changed.ok()) return std::move(changed).error();
    user = std::move(*changed);
  }
  std::string user_id = StateString(*user, "id");
  std::string user_role = StateString(*user, "role");
  std::string problem = domain::AccessProblem(*user, c.Now());
  if (!problem.empty()) {
    bool pending = StateString(*user, "status") == "pending";
    return refuse(
        pending ? "account_pending" : "account_disabled",
        "the Accord account " + StateString(*user, "email") + " cannot sign in: " + problem,
        pending ? "the Security Officer records the onboarding records (background "
                  "check, trainings, policy acknowledgement, managed device) and "
                  "activates the account"
                : "ask the Security Officer to reactivate the account",
        user_id, user_role);
  }
  bool mfa = AssertsMfa(s, claims);
  std::string state = "active";
  if (!mfa && policy.MfaRequired(user_role)) {
    state = MfaEnrolled(*user) ? "mfa_required" : "mfa_enrolment_required";
  }
  auto session =
      storage::CreateSession(c.tx(), user_id, state, c.Now(),
                             c.Now() + std::chrono::hours(policy.session_absolute_hours), address);
  if (!session.ok()) return std::move(session).error();
  ACCORD_TRY(storage::RecordProviderSession(c.tx(), session->session.id, s.issuer, sub,
                                            StateString(claims, "sid"), id_token));
  json::array methods{"sso"};
  if (mfa) methods.push_back("sso_mfa");
  json::object payload{{"session_id", session->session.id},
                       {"methods", methods},
                       {"address", address},
                       {"issuer", s.issuer}};
  if (state != "active") payload["next"] = state;
  ACCORD_TRY(c.Append(AuthEvent(state == "active" ? "auth.signed_in" : "auth.sso_accepted", user_id,
                                user_role, std::move(payload))));
  out.session = std::move(*session);
  out.user = std::move(*user);
  return json::value(nullptr);
}

Response SignedInPage(const storage::NewSession& session, int64_t max_age) {
  // The browser arrives here from the provider's site: a page of this origin moves on to the
  // portal, so that navigation is same-site and the new SameSite=Strict cookie goes with it.
  std::string body =
      "<meta http-equiv=\"refresh\" content=\"0;url=/app/\"><main><h1>Signed in</h1>"
      "<p role=\"status\">Opening Accord…</p><p><a href=\"/app/\">Continue</a></p></main>";
  Response r = PublicHtml(PublicPage("Signed in", body));
  r.headers.push_back({"Set-Cookie", SessionCookieHeader(session.secret, max_age)});
  r.headers.push_back({"Cache-Control", "no-store"});
  r.headers.push_back({"Referrer-Policy", "no-referrer"});
  return r;
}

void Callback(OidcRoutes& r, Context&& ctx, Reply reply) {
  if (!r.deps.oidc) return reply(FailurePage(NotConfigured()));
  std::string error(ctx.Query("error"));
  if (!error.empty()) {
    std::string said(ctx.Query("error_description"));
    return reply(FailurePage(RefusalError(Refusal{
        "provider_refused",
        "the identity provider did not sign you in: " + error +
            (said.empty() ? "" : " (" + said + ")"),
        error == "access_denied"
            ? "ask your administrator to give you access to Accord at the identity provider"
            : "start again from Accord's sign-in page; if it keeps failing, check the client's "
              "settings at the provider",
        ErrorCode::kForbidden})));
  }
  std::string code(ctx.Query("code"));
  std::string state(ctx.Query("state"));
  if (code.empty() || state.empty() || code.size() > 4096 || state.size() > 512) {
    return reply(FailurePage(
        RefusalError(Refusal{"malformed", "the identity provider's answer lacks its code or state",
                             "start again from Accord's sign-in page", ErrorCode::kBadRequest})));
  }
  std::string address = ctx.request.remote_address;
  boost::asio::post(r.pool, [&r, code = std::move(code), state = std::move(state), address,
                             reply = std::move(reply)]() mutable {
    ApiDeps& deps = r.deps;
    std::optional<storage::OidcFlow> flow;
    Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
      auto f = storage::FindOidcFlow(tx, state, deps.clock.Now());
      if (!f.ok()) return std::move(f).error();
      flow = std::move(*f);
      return Ok();
    });
    if (!s.ok()) return reply(FailurePage(s.error()));
    if (!flow) return reply(FailurePage(UnknownState()));
    auto tokens = deps.oidc->ExchangeCode(code, flow->verifier, RedirectUri(deps));
    if (!tokens.ok()) return reply(FailurePage(tokens.error()));
    auto claims = deps.oidc->CheckIdToken(tokens->id_token, flow->nonce);
    if (!claims.ok()) return reply(FailurePage(claims.error()));
    auto out = std::make_shared<Outcome>();
    deps.log.Submit(
        [&deps, state, claims = std::move(*claims), id_token = tokens->id_token, address,
         out](storage::CommandContext& c) {
          return SignInSubject(deps, c, state, claims, id_token, address, *out);
        },
        [&deps, out, reply = std::move(reply)](Result<json::value> done) {
          if (!done.ok()) return reply(FailurePage(done.error()));
          if (out->refused) return reply(FailurePage(*out->refused));
          if (!out->linked.empty()) return reply(LinkedPage(deps, out->linked == "already"));
          reply(SignedInPage(out->session, MaxAge(deps)));
        });
  });
}

// RP-initiated logout: ends this session and answers where the browser goes next to end the
// provider's session too (its end_session_endpoint with the ID token as hint), or null.
void SsoSignOut(OidcRoutes& r, Context&& ctx, Reply reply) {
  ApiDeps& deps = r.deps;
  auto ses = deps.auth->SessionOf(ctx.request);
  if (!ses.ok()) return reply(ErrorResponse(ses.error()));
  boost::asio::post(r.pool, [&r, ses = std::move(*ses), reply = std::move(reply)]() mutable {
    ApiDeps& deps = r.deps;
    std::string id_token;
    std::string logout_url;
    auto done = deps.log.Execute([&](storage::CommandContext& c) -> Result<json::value> {
      auto t = storage::SessionIdToken(c.tx(), ses.session.id);
      if (!t.ok()) return std::move(t).error();
      id_token = *t;
      ACCORD_TRY(storage::RevokeSession(c.tx(), ses.session.id, c.Now()));
      ACCORD_TRY(c.Append(AuthEvent(
          "auth.signed_out", ses.session.user_id, StateString(ses.user, "role"),
          json::object{{"session_id", ses.session.id}, {"provider_logout", !id_token.empty()}})));
      return json::value(nullptr);
    });
    if (!done.ok()) return reply(ErrorResponse(done.error()));
    deps.auth->ForgetAll();
    if (deps.oidc && !id_token.empty()) {
      auto d = deps.oidc->Discovery();
      if (d.ok() && !d->end_session_endpoint.empty()) {
        const auto& s = deps.oidc->settings();
        std::string after = s.post_logout_redirect_uri;
        if (after.empty() && deps.trust) {
          after =
              (deps.trust->public_url.empty() ? deps.trust->listen_url : deps.trust->public_url) +
              "/app/";
        }
        logout_url = d->end_session_endpoint +
                     (d->end_session_endpoint.find('?') == std::string::npos ? "?" : "&") +
                     "id_token_hint=" + UrlEncode(id_token) +
                     "&client_id=" + UrlEncode(s.client_id) +
                     "&post_logout_redirect_uri=" + UrlEncode(after);
      }
    }
    Response out = JsonResponse(json::object{
        {"signed_out", true},
        {"logout_url", logout_url.empty() ? json::value(nullptr) : json::value(logout_url)}});
    out.headers.push_back({"Set-Cookie", ClearedSessionCookieHeader()});
    reply(std::move(out));
  });
}

// Back-channel logout (OpenID Connect Back-Channel Logout 1.0): the provider posts a signed
// logout token; the Accord sessions of its sid (or subject) end at once.
void BackChannelLogout(OidcRoutes& r, Context&& ctx, Reply reply) {
  auto bad = [](const std::string& why) {
    return JsonResponse(json::object{{"error", "invalid_request"}, {"error_description", why}},
                        400);
  };
  if (!r.deps.oidc) return reply(bad("single sign-on is not set up"));
  auto form = ParseForm(ctx.request.body);
  if (!form.ok() || (*form)["logout_token"].empty()) return reply(bad("no logout_token"));
  boost::asio::post(
      r.pool, [&r, token = (*form)["logout_token"], bad, reply = std::move(reply)]() mutable {
        ApiDeps& deps = r.deps;
        auto claims = deps.oidc->CheckLogoutToken(token);
        if (!claims.ok()) {
          spdlog::warn("sso: back-channel logout refused ({}): {}", oidc::CauseOf(claims.error()),
                       claims.error().message);
          return reply(bad(claims.error().message));
        }
        std::string issuer = deps.oidc->settings().issuer;
        std::string sub = StateString(*claims, "sub"), sid = StateString(*claims, "sid");
        auto done = deps.log.Execute([&](storage::CommandContext& c) -> Result<json::value> {
          auto sessions = storage::ProviderSessions(c.tx(), issuer, sub, sid, c.Now());
          if (!sessions.ok()) return std::move(sessions).error();
          for (const auto& [session_id, user_id] : *sessions) {
            ACCORD_TRY(storage::RevokeSession(c.tx(), session_id, c.Now()));
            ACCORD_TRY(c.Append(AuthEvent(
                "auth.signed_out", user_id, "",
                json::object{{"session_id", session_id}, {"by", "provider_back_channel"}})));
          }
          return json::value(nullptr);
        });
        if (!done.ok()) return reply(ErrorResponse(done.error()));
        deps.auth->ForgetAll();
        Response ok = JsonResponse(json::object{{"signed_out", true}});
        ok.headers.push_back({"Cache-Control", "no-store"});
        reply(std::move(ok));
      });
}

}  // namespace

std::string PasswordSignInFor(const ApiDeps& deps) {
  bool sso_only = deps.oidc && deps.profile && deps.profile->identity.sso_required;
  return sso_only ? "listed" : "everyone";
}

namespace {

// What the sign-in screen offers: the button, and whether passwords still work for everyone.
Response Offer(ApiDeps& deps, Context&) {
  json::object out{{"enabled", deps.oidc != nullptr}};
  if (deps.oidc) out["display_name"] = deps.oidc->settings().display_name;
  out["password_sign_in"] = PasswordSignInFor(deps);
  return JsonResponse(out);
}

}  // namespace

void AddOidcRoutes(Router& router, ApiDeps& deps) {
  auto routes = std::make_shared<OidcRoutes>(deps);
  router.Add(
      ReadRoute(
          "/api/v1/auth/oidc", kPublic,
          Json(schema::Object(
              {{"enabled", schema::Bool()},
               {"password_sign_in", schema::Text("everyone, or listed: only the accounts "
                                                 "[identity] password_accounts names")}},
              {{"display_name", schema::Text("the identity provider's name for the button")}})))
          .Summary("Whether single sign-on is offered, under which name, and who may still sign "
                   "in with a password")
          .Tag("auth")
          .Handle(deps, Offer));
  router.Add(
      CommandRoute("POST", "/api/v1/auth/oidc/sign-out", kPublic, NoBody(),
                   Json(schema::Object(
                       {{"signed_out", schema::Bool()},
                        {"logout_url", schema::Nullable(schema::Text(
                                           "the provider's end-session address to send the browser "
                                           "to, when the session came from it"))}})))
          .Summary("Sign out of Accord and, for a session from single sign-on, get the "
                   "provider's logout address (RP-initiated logout)")
          .Tag("auth")
          .Handle(routes, SsoSignOut));
  router.Add(CommandRoute("POST", "/api/v1/auth/oidc/backchannel-logout", kPublic, RawBody(),
                          Json(schema::Object({{"signed_out", schema::Bool()}})))
                 .Summary("Back-channel logout: the provider posts logout_token (a form); the "
                          "sessions it names end at once")
                 .Tag("auth")
                 .Handle(routes, BackChannelLogout));
  router.Add(ReadRoute("/api/v1/auth/oidc/start", kPublic, Html())
                 .Summary("Single sign-on: sends the browser to the identity provider (302), the "
                          "flow's state, nonce and PKCE verifier kept on the server")
                 .Tag("auth")
                 .Handle(routes, Start));
  router.Add(
      CommandRoute("POST", "/api/v1/account/sso-links", domain::kEveryone, NoBody(),
                   Json(schema::Object({{"url", schema::Text("the identity provider's address to "
                                                             "send the browser to")}})))
          .Summary("Start linking my account to the identity provider: the flow is bound "
                   "to this session, and its return links the subject instead of signing "
                   "in (a portal session only)")
          .Tag("auth")
          .Handle(routes, StartLink));
  AddSsoLinkRoutes(router, deps);
  router.Add(ReadRoute(std::string(kOidcCallbackPath), kPublic, Html())
                 .Summary("Single sign-on: the provider's return; checks the ID token, starts a "
                          "session and opens the portal, or a page naming what went wrong")
                 .Tag("auth")
                 .Query("code", "the authorization code")
                 .Query("state", "the flow's state")
                 .Query("error", "the provider's refusal")
                 .Query("error_description", "the provider's words for it")
                 .Handle(routes, Callback));
}

}  // namespace accord::http::auth_flow
