// TP-5 over HTTP: our systems push the connections a third party made under a grant (an
// integration token with connections:write); the token is the actor of what it records.
// Reads are the registry's: /api/v1/parties/{party_id}/connections, /api/v1/connections/{id}.
#include <boost/json.hpp>

#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/connections.h"

namespace accord::http {

namespace json = boost::json;

namespace {

void RecordConnection(ApiDeps& deps, Context&& ctx, Reply reply) {
  if (!deps.profile) {
    return reply(ErrorResponse(Error{ErrorCode::kUnavailable, "no policy profile is loaded", {}}));
  }
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  auto input = storage::ParseConnectionInput(*body, deps.clock.Now());
  if (!input.ok()) return reply(ErrorResponse(input.error()));
  deps.log.Submit(
      [policy = &deps.profile->reviews, grant = ctx.path_params.at("id"), in = std::move(*input),
       actor = ActorOf(*ctx.principal)](storage::CommandContext& c) -> Result<json::value> {
        auto r = storage::RecordConnection(c, actor, grant, in, *policy);
        if (!r.ok()) return std::move(r).error();
        return json::value(std::move(*r));
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r, 201)); });
}

}  // namespace

void AddConnectionRoutes(Router& router, ApiDeps& deps) {
  // No person: the system that saw the connection reports it.
  router.Add(CommandRoute("POST", "/api/v1/access/grants/{id}/connections", domain::RoleSet{},
                          JsonBody(domain::SchemaOf(storage::ConnectionFields(), false)),
                          Json(schema::KindRef("connection"), 201))
                 .Summary("Record a connection a third party made under a grant (TP-5): endpoint, "
                          "protocol, TLS version and cipher where known, time, source address; "
                          "one in clear or below TLS 1.2 opens a finding on the party, once per "
                          "grant, endpoint and weakness while that finding stands")
                 .Tag("access")
                 .Path("id", "grant id")
                 .Scopes({"connections:write"})
                 .Handle(deps, RecordConnection));
}

}  // namespace accord::http
