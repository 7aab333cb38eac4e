// Integration tokens (issue 19): the Security Officer makes an API token for a system — a
// scanner, an SLA monitor, a ledger witness — that belongs to no person and may call only
// the routes that name one of its scopes. Listed and revoked with the other tokens
// (GET /api/v1/tokens, DELETE /api/v1/tokens/{id}); whatever it writes names it as actor.
#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/domain/fields.h"
#include "accord/domain/identity.h"
#include "accord/domain/registry.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/identity_store.h"

namespace accord::http {

namespace json = boost::json;

namespace {

std::vector<domain::FieldSpec> IntegrationTokenFields() {
  using F = domain::FieldType;
  std::vector<std::string> scopes;
  for (const auto& s : domain::IntegrationScopes()) scopes.emplace_back(s.name);
  return {
      {.name = "name",
       .type = F::kString,
       .required = true,
       .max_length = 100,
       .description = "what uses it, e.g. \"nightly scanner\""},
      {.name = "scopes",
       .type = F::kEnumList,
       .required = true,
       .values = scopes,
       .max_length = 10,
       .description = "what it may do"},
      {.name = "party_id",
       .type = F::kId,
       .description = "the one party a party-bound scope acts for"},
      {.name = "expires_at", .type = F::kTime, .description = "when it stops working"},
  };
}

void Create(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Principal& p = *ctx.principal;
  // As for a person's token: made from a signed-in session that passed MFA, never by a token,
  // never during an emergency elevation.
  if (p.break_glass) {
    return reply(
        ErrorResponse(Error{ErrorCode::kForbidden,
                            "no API tokens during break-glass: the elevation ends with the session",
                            {}}));
  }
  if (!p.via_session) {
    return reply(ErrorResponse(Error{ErrorCode::kForbidden,
                                     "integration tokens are made from a signed-in portal "
                                     "session, not with another token",
                                     {}}));
  }
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  std::vector<ErrorDetail> details;
  json::object valid;
  domain::ValidateFields(IntegrationTokenFields(), *body, false, "", valid, details);
  if (!details.empty()) return reply(ErrorResponse(domain::ValidationErrors(std::move(details))));
  std::vector<std::string> scopes;
  for (const auto& s : valid.at("scopes").as_array()) scopes.emplace_back(s.as_string());
  std::optional<TimePoint> expires;
  if (std::string e = domain::StateString(valid, "expires_at"); !e.empty()) {
    auto t = ParseRfc3339(e);
    if (t.ok()) expires = *t;
  }
  deps.log.Submit(
      [actor = ActorOf(p), name = domain::StateString(valid, "name"), scopes,
       party = domain::StateString(valid, "party_id"),
       expires](storage::CommandContext& c) -> Result<json::value> {
        auto t = storage::CreateIntegrationToken(c, actor, name, scopes, party, expires);
        if (!t.ok()) return std::move(t).error();
        json::array list;
        for (const auto& s : scopes) list.emplace_back(s);
        return json::value(
            json::object{{"id", t->id},
                         {"token", t->secret},
                         {"name", name},
                         {"scopes", std::move(list)},
                         {"party_id", party.empty() ? json::value(nullptr) : json::value(party)}});
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r, 201)); });
}

}  // namespace

void AddIntegrationRoutes(Router& router, ApiDeps& deps) {
  using namespace schema;
  router.Add(CommandRoute("POST", "/api/v1/integration-tokens",
                          domain::RoleSet{domain::Role::kSecurityOfficer},
                          JsonBody(domain::SchemaOf(IntegrationTokenFields(), false)),
                          Json(Object({{"id", String()},
                                       {"token", Text("shown once")},
                                       {"name", String()},
                                       {"scopes", ArrayOf(String())},
                                       {"party_id", Nullable(String())}}),
                               201))
                 .Summary("Make an integration token for a system (no person): named scopes, bound "
                          "to one party where a scope needs it; shown once, revoked like any token")
                 .Tag("tokens")
                 .Handle(deps, Create));
}

}  // namespace accord::http
