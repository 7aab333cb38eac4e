// The single sign-on settings as the Security Officer sees them (issue 25): read-only (they live
// in the server's --config file), with a "test connection" that asks the provider for its
// discovery document and keys and tries the client's credentials at its token endpoint.
#include <boost/json.hpp>

#include "accord/http/api.h"
#include "accord/http/auth.h"
#include "accord/http/json.h"
#include "accord/http/oidc.h"
#include "accord/http/schema.h"

namespace accord::http {

namespace json = boost::json;

namespace {

json::array Strings(const std::vector<std::string>& v) {
  json::array out;
  for (const auto& s : v) out.push_back(json::value(s));
  return out;
}

Response Settings(ApiDeps& deps, Context&) {
  bool sso_required = deps.profile && deps.profile->identity.sso_required;
  if (!deps.oidc) {
    return JsonResponse(json::object{{"enabled", false}, {"sso_required", sso_required}});
  }
  const OidcSettings& s = deps.oidc->settings();
  json::array groups;
  for (const auto& [group, role] : s.group_roles) {
    groups.push_back(json::object{{"group", group}, {"role", role}});
  }
  std::string redirect = s.redirect_uri;
  if (redirect.empty() && deps.trust) {
    redirect = (deps.trust->public_url.empty() ? deps.trust->listen_url : deps.trust->public_url) +
               std::string(kOidcCallbackPath);
  }
  return JsonResponse(json::object{
      {"enabled", true},
      {"sso_required", sso_required},
      {"issuer", s.issuer},
      {"client_id", s.client_id},
      {"client_secret_set", !s.client_secret.empty()},
      {"display_name", s.display_name},
      {"redirect_uri", redirect},
      {"scopes", Strings(s.scopes)},
      {"algorithms", Strings(s.algorithms)},
      {"email_claim", s.email_claim},
      {"groups_claim", s.groups_claim},
      {"group_roles", groups},
      {"create_accounts", s.create_accounts},
      {"mfa_amr", Strings(s.mfa_amr)},
      {"mfa_acr", Strings(s.mfa_acr)},
      {"clock_skew_seconds", s.clock_skew_seconds},
      {"password_accounts", Strings(s.password_accounts)},
  });
}

void TestConnection(ApiDeps& deps, Context&&, Reply reply) {
  if (!deps.oidc) {
    return reply(ErrorResponse(
        Error{ErrorCode::kNotFound,
              "single sign-on is not set up on this server",
              {ErrorDetail{"oidc", "add an [oidc] table to the server's --config file", {}}}}));
  }
  // The provider's answers may take seconds: off the I/O threads.
  deps.auth->RunSlow(std::move(reply),
                     [&deps](Reply reply) { reply(JsonResponse(deps.oidc->Probe())); });
}

json::object SettingsSchema() {
  using namespace schema;
  return Object({{"enabled", Bool()}, {"sso_required", Bool()}},
                {{"issuer", String()},
                 {"client_id", String()},
                 {"client_secret_set", Bool()},
                 {"display_name", String()},
                 {"redirect_uri", Text("register this at the provider")},
                 {"scopes", ArrayOf(String())},
                 {"algorithms", ArrayOf(String())},
                 {"email_claim", String()},
                 {"groups_claim", String()},
                 {"group_roles", ArrayOf(Object({{"group", String()}, {"role", String()}}))},
                 {"create_accounts", Bool()},
                 {"mfa_amr", ArrayOf(String())},
                 {"mfa_acr", ArrayOf(String())},
                 {"clock_skew_seconds", Int()},
                 {"password_accounts", ArrayOf(String())}});
}

json::object ProbeSchema() {
  using namespace schema;
  return Object(
      {{"ok", Bool()},
       {"steps", ArrayOf(Object({{"step", String()}, {"ok", Bool()}, {"detail", String()}},
                                {{"remedy", String()}}))}});
}

}  // namespace

void AddSsoRoutes(Router& router, ApiDeps& deps) {
  constexpr domain::RoleSet kSecurityOfficer{domain::Role::kSecurityOfficer};
  router.Add(ReadRoute("/api/v1/sso", kSecurityOfficer, Json(SettingsSchema()))
                 .Summary("Single sign-on's settings (read-only: they live in --config), without "
                          "the client secret")
                 .Tag("auth")
                 .Handle(deps, Settings));
  router.Add(
      CommandRoute("POST", "/api/v1/sso/test", kSecurityOfficer, NoBody(), Json(ProbeSchema()))
          .Summary("Test connection: the provider's discovery document, its signing keys, "
                   "and Accord's client credentials at its token endpoint")
          .Tag("auth")
          .Handle(deps, TestConnection));
}

}  // namespace accord::http
