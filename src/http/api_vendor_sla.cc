// Vendor SLA monitoring over HTTP (issue 27, TP-13, TP-14): the officers set a subcontractor's
// status feed; the organisation reads the SLA's attainment per month and quarter, the vendor's
// incidents and its daily uptime; a system pushes measurements with an integration token
// scoped to that one party (sla_measurements:write).
#include <boost/json.hpp>

#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/vendor_sla.h"
#include "status_routes.h"

namespace accord::http {

namespace json = boost::json;

namespace {

const policy::ReviewsPolicy& Reviews(const ApiDeps& deps) {
  static const policy::ReviewsPolicy kDefaults;
  return deps.profile ? deps.profile->reviews : kDefaults;
}

json::object FeedSchema() {
  using namespace schema;
  return Object({{"party_id", String()},
                 {"url", String()},
                 {"component_ids", ArrayOf(String())},
                 {"interval_s", Int()},
                 {"last_polled_at", Nullable(Time())},
                 {"last_ok_at", Nullable(Time())},
                 {"last_error", String()},
                 {"indicator", String()}});
}

json::object SlaSchema() {
  using namespace schema;
  json::object met = Object({{"uptime", Nullable(Bool())},
                             {"response", Nullable(Bool())},
                             {"resolution", Nullable(Bool())}});
  return Object(
      {{"party_id", String()},
       {"terms", Nullable(Object({{"uptime_percent", Nullable(Number())},
                                  {"response_hours", Nullable(Number())},
                                  {"resolution_hours", Nullable(Number())}}))},
       {"feed", Nullable(FeedSchema())},
       {"periods", ArrayOf(Object({{"period", Text("2026-12 or 2026-Q4")},
                                   {"complete", Bool()},
                                   {"uptime_percent", Nullable(Number())},
                                   {"worst_response_hours", Nullable(Number())},
                                   {"worst_resolution_hours", Nullable(Number())},
                                   {"met", met}}))},
       {"incidents",
        ArrayOf(
            Object({{"id", String()},
                    {"name", String()},
                    {"impact", String()},
                    {"status", String()},
                    {"created_at", String()},
                    {"finding_id", Text("'' until an assessment opens one")},
                    {"vendor_incident_id", Text("the vendor incident it opened ('' before those)")},
                    {"assessment_status", Nullable(Enum({"open", "assessed"}))},
                    {"our_impact", Nullable(Enum({"none", "degraded", "phi_involved"}))}}))},
       {"daily", ArrayOf(Object({{"day", Text("YYYY-MM-DD")}, {"uptime_percent", Number()}}))}});
}

json::object MeasurementsSchema() {
  using namespace schema;
  return Object(
      {{"items",
        ArrayOf(Object({{"metric", Enum({"uptime_percent", "response_hours", "resolution_hours"})},
                        {"at", Time()},
                        {"value", Number()}},
                       {{"ref", String()}}))}});
}

void SetFeed(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  bool allow_private = deps.status && deps.status->allow_private_targets;
  deps.log.Submit(
      [body = std::move(*body), id = ctx.path_params.at("id"), allow_private,
       actor = domain::Actor{ctx.principal->id, ctx.principal->role}](
          storage::CommandContext& c) -> Result<json::value> {
        auto r = storage::SetVendorFeed(c, actor, id, body, allow_private);
        if (!r.ok()) return std::move(r).error();
        return json::value(std::move(*r));
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r)); });
}

Response GetSla(ApiDeps& deps, Context& ctx) {
  const std::string& id = ctx.path_params.at("id");
  json::object out;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto party = storage::GetObject(tx, "party", id, ScopeOf(*ctx.principal));
    if (!party.ok()) return std::move(party).error();
    if (!party->has_value()) return NotFound("party " + id);
    auto view = storage::VendorSlaView(tx, id, deps.clock.Now());
    if (!view.ok()) return std::move(view).error();
    out = std::move(*view);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(out);
}

void PushMeasurements(ApiDeps& deps, Context&& ctx, Reply reply) {
  const std::string id = ctx.path_params.at("id");
  // A token bound to a party records for that party only; another is not found.
  if (!ctx.principal->party_id.empty() && ctx.principal->party_id != id) {
    return reply(ErrorResponse(NotFound("party " + id)));
  }
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  deps.log.Submit(
      [body = std::move(*body), id, policy = Reviews(deps),
       actor = domain::Actor{ctx.principal->id, ctx.principal->role}](
          storage::CommandContext& c) -> Result<json::value> {
        auto r = storage::RecordSlaMeasurements(c, actor, id, body, policy);
        if (!r.ok()) return std::move(r).error();
        return json::value(std::move(*r));
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r, 201)); });
}

}  // namespace

void AddVendorSlaRoutes(Router& router, ApiDeps& deps) {
  router.Add(CommandRoute("PUT", "/api/v1/parties/{id}/status-feed", domain::kOfficers,
                          JsonBody(domain::SchemaOf(storage::VendorFeedFields(), false)),
                          Json(FeedSchema()))
                 .Summary("Set the vendor's public status feed (Statuspage v2) and the components "
                          "we depend on; the server polls it")
                 .Tag("status")
                 .Path("id", "party id")
                 .Handle(deps, SetFeed));
  router.Add(ReadRoute("/api/v1/parties/{id}/sla", domain::kOrgReaders, Json(SlaSchema()))
                 .Summary("The vendor's SLA attainment per month and quarter, its incidents and "
                          "daily uptime")
                 .Tag("status")
                 .Path("id", "party id")
                 .Handle(deps, GetSla));
  router.Add(CommandRoute("POST", "/api/v1/parties/{id}/sla-measurements", domain::kOfficers,
                          JsonBody(MeasurementsSchema()),
                          Json(schema::Object({{"recorded", schema::Int()},
                                               {"findings_opened", schema::Int()}}),
                               201))
                 .Summary("Record SLA measurements (uptime, response and resolution times) for "
                          "the vendor; a missed term opens a finding")
                 .Tag("status")
                 .Path("id", "party id")
                 .Scopes({"sla_measurements:write"})
                 .Handle(deps, PushMeasurements));
}

}  // namespace accord::http
