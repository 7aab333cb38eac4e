// Incidents (issue 27, TR-8): declare one, classify it, post timeline updates (internal or
// public), resolve it and record its postmortem. The officers act; the organisation and the
// auditor read every incident; a party's contact reads the incidents its party is involved in,
// without internal updates (storage/incidents.h, IncidentViewer).
#include <boost/json.hpp>

#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/incident_response_tests.h"
#include "accord/storage/incidents.h"
#include "accord/workflow/incident.h"
#include "incident_routes.h"
#include "review_routes.h"

namespace accord::http {

namespace json = boost::json;
using review_routes::ParseBody;
using review_routes::Submit;
namespace wf = workflow::incident;

namespace {

storage::IncidentViewer ViewerOf(const Principal& p) { return {p.role, p.party_id}; }

json::object NamedRef() {
  using namespace schema;
  return Object({{"id", String()}, {"name", String()}});
}

json::object UpdateSchema() {
  using namespace schema;
  return Object({{"id", String()},
                 {"status", Enum({"investigating", "identified", "monitoring", "resolved"})},
                 {"visibility", Enum({"internal", "public"})},
                 {"body", String()},
                 {"created_at", Time()}},
                {{"author", ActorRef()}});
}

json::object PostmortemSchema() {
  using namespace schema;
  json::object item = Object({{"title", String()},
                              {"owner_id", String()},
                              {"due_at", Time()},
                              {"severity", Enum({"critical", "high", "medium", "low"})},
                              {"finding_id", String()}});
  return Object({{"root_cause", String()},
                 {"lessons", String()},
                 {"action_items", ArrayOf(item)},
                 {"recorded_at", Time()},
                 {"recorded_by", ActorRef()}});
}

}  // namespace

json::object IncidentSchema() {
  using namespace schema;
  return Object(
      {{"id", Text("inc_…")},
       {"title", String()},
       {"description", Text("empty for a party's contact")},
       {"severity", Enum({"critical", "high", "medium", "low"})},
       {"impact", Enum({"none", "minor", "major", "critical"})},
       {"category", Nullable(Enum({"security", "privacy", "availability", "integrity", "other"}))},
       {"status", Enum({"investigating", "identified", "monitoring", "resolved", "postmortem"})},
       {"components", ArrayOf(NamedRef())},
       {"systems", ArrayOf(NamedRef())},
       {"parties", ArrayOf(NamedRef())},
       {"discovered_at", Time()},
       {"declared_at", Time()},
       {"declared_by", Nullable(ActorRef())},
       {"classified_at", Nullable(Time())},
       {"resolved_at", Text("RFC 3339, or empty while open")},
       {"updates", ArrayOf(UpdateSchema())},
       {"postmortem", Nullable(PostmortemSchema())},
       {"allowed_actions", ArrayOf(Enum({"classify", "update", "resolve", "postmortem"}))},
       {"created_at", Time()},
       {"updated_at", Time()},
       {"version", Int()}});
}

namespace {

void Declare(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Principal& p = *ctx.principal;
  if (auto no = wf::RoleRefusal(p.role)) return reply(ErrorResponse(*no));
  auto body = ParseBody(ctx.request.body, storage::IncidentDeclareFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  Submit(deps, std::move(reply), 201,
         [body = std::move(*body), actor = ActorOf(p)](storage::CommandContext& c) {
           return storage::DeclareIncident(c, actor, body);
         });
}

Response List(ApiDeps& deps, Context& ctx) {
  auto limit = ParseGroupLimit(ctx, 50, 1, 500);
  if (!limit.ok()) return ErrorResponse(limit.error());
  std::string status(ctx.Query("status"));
  if (!status.empty() && status != "open" && status != "resolved" && !wf::ParseState(status)) {
    return ErrorResponse(ValidationError(
        "status", "must be open, resolved, investigating, identified, monitoring or postmortem"));
  }
  json::array items;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto r = storage::ListIncidents(tx, ViewerOf(*ctx.principal), status, *limit);
    if (!r.ok()) return std::move(r).error();
    for (auto& o : *r) items.push_back(std::move(o));
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

Response Get(ApiDeps& deps, Context& ctx) {
  json::object out;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto r = storage::GetIncident(tx, ctx.path_params.at("id"), ViewerOf(*ctx.principal));
    if (!r.ok()) return std::move(r).error();
    out = std::move(*r);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(out);
}

json::object ResponseTestSchema() {
  using namespace schema;
  return Object({{"id", Text("irt_…")},
                 {"conducted_on", Time()},
                 {"scenario", String()},
                 {"participants", ArrayOf(String())},
                 {"outcome", String()},
                 {"lessons", String()},
                 {"recorded_by", ActorRef()},
                 {"created_at", Time()}});
}

void RecordTest(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Principal& p = *ctx.principal;
  if (auto no = wf::RoleRefusal(p.role)) return reply(ErrorResponse(*no));
  auto body = ParseBody(ctx.request.body, storage::IncidentResponseTestFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  Submit(deps, std::move(reply), 201,
         [body = std::move(*body), actor = ActorOf(p)](storage::CommandContext& c) {
           return storage::RecordIncidentResponseTest(c, actor, body);
         });
}

Response ListTests(ApiDeps& deps, Context&) {
  json::object out;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto r = storage::ListIncidentResponseTests(tx);
    if (!r.ok()) return std::move(r).error();
    out = std::move(*r);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(out);
}

}  // namespace

void AddIncidentRoutes(Router& router, ApiDeps& deps) {
  router.Add(CommandRoute("POST", "/api/v1/incidents", domain::kOfficers,
                          JsonBody(domain::SchemaOf(storage::IncidentDeclareFields(), false)),
                          Json(IncidentSchema(), 201))
                 .Summary("Declare an incident (TR-8): title, severity, the status components and "
                          "systems it touches, the parties involved, when it was discovered")
                 .Tag("incidents")
                 .Handle(deps, Declare));
  router.Add(ReadRoute("/api/v1/incidents", domain::kEveryone, Json(schema::Page(IncidentSchema())))
                 .Summary("Incidents, newest first; a party's contact sees those its party is "
                          "involved in, public updates only")
                 .Tag("incidents")
                 .Query("status", "open | resolved | a state (investigating … postmortem)")
                 .Query("limit", "at most this many, 1-500 (default 50)", "integer")
                 .Handle(deps, List));
  router.Add(ReadRoute("/api/v1/incidents/{id}", domain::kEveryone, Json(IncidentSchema()))
                 .Summary("One incident with its timeline and postmortem")
                 .Tag("incidents")
                 .Path("id", "id")
                 .Handle(deps, Get));
  AddIncidentActionRoutes(router, deps);
  router.Add(ReadRoute("/api/v1/incident-response-tests", domain::kOrgReaders,
                       Json(schema::Object({{"items", schema::ArrayOf(ResponseTestSchema())},
                                            {"next_due_on", schema::Nullable(schema::Time())}})))
                 .Summary("The annual incident-response tests, newest first, and when the next "
                          "is due")
                 .Tag("incidents")
                 .Handle(deps, ListTests));
  router.Add(CommandRoute("POST", "/api/v1/incident-response-tests", domain::kOfficers,
                          JsonBody(domain::SchemaOf(storage::IncidentResponseTestFields(), false)),
                          Json(ResponseTestSchema(), 201))
                 .Summary("Record an incident-response test: when, the scenario, who took part, "
                          "the outcome")
                 .Tag("incidents")
                 .Handle(deps, RecordTest));
}

}  // namespace accord::http
