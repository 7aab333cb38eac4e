// Status components, probes and maintenance for the organisation's staff (issue 27): the
// officers configure what the public status page shows and how each component is checked; the
// organisation reads each component's state, daily uptime and its month's and quarter's
// attainment of the target.
#include <boost/json.hpp>
#include <cmath>

#include "accord/core/time.h"
#include "accord/domain/fields.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/schema.h"
#include "accord/storage/status.h"
#include "status_routes.h"

namespace accord::http {

namespace json = boost::json;

namespace {

const storage::StatusSettings& Settings(const ApiDeps& deps) {
  static const storage::StatusSettings kDefaults;
  return deps.status ? *deps.status : kDefaults;
}

json::object AttainmentJson(const storage::Attainment& a) {
  return json::object{{"period", a.period},
                      {"uptime_percent", std::round(a.uptime_percent * 1000) / 1000},
                      {"target_percent", a.target_percent},
                      {"met", a.met},
                      {"up_minutes", a.up_minutes},
                      {"sampled_minutes", a.sampled_minutes}};
}

json::object AttainmentSchema() {
  using namespace schema;
  return Object({{"period", Text("2026-12 or 2026-Q4")},
                 {"uptime_percent", Number()},
                 {"target_percent", Number()},
                 {"met", Bool()},
                 {"up_minutes", Int()},
                 {"sampled_minutes", Int()}});
}

json::object ComponentSchema(bool with_attainment) {
  using namespace schema;
  json::object probe = Object({{"kind", Enum({"http", "tcp", "none"})},
                               {"target", String()},
                               {"expected_status", Int()},
                               {"body_match", String()},
                               {"timeout_ms", Int()},
                               {"interval_s", Int()},
                               {"cert_min_days", Int()}});
  json::object s = Object({{"id", String()},
                           {"name", String()},
                           {"group", String()},
                           {"position", Int()},
                           {"description", String()},
                           {"probe", probe},
                           {"status", Enum({"operational", "degraded_performance", "partial_outage",
                                            "major_outage", "under_maintenance"})},
                           {"status_since", Time()},
                           {"failures", Int()},
                           {"last_error", String()},
                           {"cert_expires_at", Nullable(Time())},
                           {"created_at", Time()},
                           {"updated_at", Time()}});
  // The list adds each component's attainment (present there, absent from one component's
  // answer).
  if (with_attainment) s["properties"].as_object()["attainment"] = ArrayOf(AttainmentSchema());
  return s;
}

Result<storage::StatusComponent> ComponentBody(const ApiDeps& deps, const Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return std::move(body).error();
  return storage::ParseStatusComponent(*body, Settings(deps).allow_private_targets);
}

domain::Actor ActorOf(const Context& ctx) { return {ctx.principal->id, ctx.principal->role}; }

void Submit(ApiDeps& deps, storage::Command command, Reply reply, int status = 200) {
  deps.log.Submit(std::move(command), [reply = std::move(reply), status](Result<json::value> r) {
    reply(ToResponse(r, status));
  });
}

Response ListComponents(ApiDeps& deps, Context&) {
  json::array items;
  const TimePoint now = deps.clock.Now();
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto components = storage::ListStatusComponents(tx);
    if (!components.ok()) return std::move(components).error();
    for (const auto& c : *components) {
      json::object o = storage::ComponentJson(c);
      json::array attainment;
      auto a = storage::ComponentAttainment(tx, c.id, Settings(deps).target_percent, now);
      if (!a.ok()) return std::move(a).error();
      for (const auto& x : *a) attainment.push_back(AttainmentJson(x));
      o["attainment"] = std::move(attainment);
      items.push_back(std::move(o));
    }
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(json::object{{"items", std::move(items)}});
}

void CreateComponent(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto c = ComponentBody(deps, ctx);
  if (!c.ok()) return reply(ErrorResponse(c.error()));
  Submit(
      deps,
      [c = std::move(*c),
       actor = ActorOf(ctx)](storage::CommandContext& cc) -> Result<json::value> {
        auto r = storage::SaveStatusComponent(cc, actor, "", c);
        if (!r.ok()) return std::move(r).error();
        return json::value(std::move(*r));
      },
      std::move(reply), 201);
}

void UpdateComponent(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto c = ComponentBody(deps, ctx);
  if (!c.ok()) return reply(ErrorResponse(c.error()));
  Submit(
      deps,
      [c = std::move(*c), id = ctx.path_params.at("id"),
       actor = ActorOf(ctx)](storage::CommandContext& cc) -> Result<json::value> {
        auto r = storage::SaveStatusComponent(cc, actor, id, c);
        if (!r.ok()) return std::move(r).error();
        return json::value(std::move(*r));
      },
      std::move(reply));
}

void DeleteComponent(ApiDeps& deps, Context&& ctx, Reply reply) {
  Submit(
      deps,
      [id = ctx.path_params.at("id"),
       actor = ActorOf(ctx)](storage::CommandContext& cc) -> Result<json::value> {
        auto r = storage::RemoveStatusComponent(cc, actor, id);
        if (!r.ok()) return std::move(r).error();
        return json::value(std::move(*r));
      },
      std::move(reply));
}

const std::vector<domain::FieldSpec>& StatusChangeFields() {
  static const std::vector<domain::FieldSpec> kFields = {
      {.name = "status",
       .type = domain::FieldType::kEnum,
       .required = true,
       .values = {"operational", "degraded_performance", "partial_outage", "major_outage",
                  "under_maintenance"}},
      {.name = "reason", .type = domain::FieldType::kText, .required = true, .max_length = 1000}};
  return kFields;
}

void ChangeStatus(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  json::object out;
  std::vector<ErrorDetail> details;
  domain::ValidateFields(StatusChangeFields(), *body, false, "", out, details);
  if (!details.empty()) return reply(ErrorResponse(domain::ValidationErrors(std::move(details))));
  Submit(
      deps,
      [id = ctx.path_params.at("id"), out,
       actor = ActorOf(ctx)](storage::CommandContext& cc) -> Result<json::value> {
        auto r =
            storage::SetComponentStatus(cc, actor, id, std::string(out.at("status").as_string()),
                                        std::string(out.at("reason").as_string()));
        if (!r.ok()) return std::move(r).error();
        return json::value(std::move(*r));
      },
      std::move(reply));
}

Response ComponentUptime(ApiDeps& deps, Context& ctx) {
  uint64_t days = 90;
  if (auto v = ctx.Query("days"); !v.empty()) {
    auto n = ParseUint(v, "days");
    if (!n.ok()) return ErrorResponse(n.error());
    if (*n < 1 || *n > 366) return ErrorResponse(ValidationError("days", "must be 1 to 366"));
    days = *n;
  }
  const std::string& id = ctx.path_params.at("id");
  const TimePoint now = deps.clock.Now();
  json::object out;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto c = storage::GetStatusComponent(tx, id);
    if (!c.ok()) return std::move(c).error();
    if (!c->has_value()) return NotFound("status component " + id);
    const int64_t today = storage::DayOf(now);
    auto list =
        storage::ComponentUptimeDays(tx, id, today - static_cast<int64_t>(days) + 1, today, now);
    if (!list.ok()) return std::move(list).error();
    json::array items;
    for (const auto& d : *list) {
      double p = d.sampled_minutes == 0 ? 100.0 : 100.0 * d.up_minutes / d.sampled_minutes;
      items.push_back(json::object{{"day", storage::DayString(d.day)},
                                   {"up_minutes", d.up_minutes},
                                   {"sampled_minutes", d.sampled_minutes},
                                   {"uptime_percent", std::round(p * 1000) / 1000}});
    }
    auto a = storage::ComponentAttainment(tx, id, Settings(deps).target_percent, now);
    if (!a.ok()) return std::move(a).error();
    json::array attainment;
    for (const auto& x : *a) attainment.push_back(AttainmentJson(x));
    out = json::object{{"component_id", id},
                       {"name", (*c)->name},
                       {"days", std::move(items)},
                       {"attainment", std::move(attainment)}};
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(out);
}

json::object MaintenanceSchema() {
  using namespace schema;
  return Object({{"id", String()},
                 {"name", String()},
                 {"body", String()},
                 {"component_ids", ArrayOf(String())},
                 {"scheduled_for", Time()},
                 {"scheduled_until", Time()},
                 {"created_at", Time()},
                 {"status", Enum({"scheduled", "in_progress", "completed"})}});
}

Response ListMaintenance(ApiDeps& deps, Context&) {
  json::array items;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto list = storage::ListMaintenances(tx, deps.clock.Now());
    if (!list.ok()) return std::move(list).error();
    for (auto& m : *list) items.push_back(std::move(m));
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(json::object{{"items", std::move(items)}});
}

void CreateMaintenance(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  Submit(
      deps,
      [body = std::move(*body),
       actor = ActorOf(ctx)](storage::CommandContext& cc) -> Result<json::value> {
        auto r = storage::ScheduleMaintenance(cc, actor, body);
        if (!r.ok()) return std::move(r).error();
        return json::value(std::move(*r));
      },
      std::move(reply), 201);
}

}  // namespace

void AddStatusStaffRoutes(Router& router, ApiDeps& deps) {
  using schema::ArrayOf;
  using schema::Object;
  const json::object component_body = domain::SchemaOf(storage::StatusComponentFields(), false);
  router.Add(ReadRoute("/api/v1/status/components", domain::kOrgReaders,
                       Json(Object({{"items", ArrayOf(ComponentSchema(true))}})))
                 .Summary("Status components with their probes, state and this month's and "
                          "quarter's uptime against the target")
                 .Tag("status")
                 .Handle(deps, ListComponents));
  router.Add(CommandRoute("POST", "/api/v1/status/components", domain::kOfficers,
                          JsonBody(component_body), Json(ComponentSchema(false), 201))
                 .Summary("Add a status component and its probe (HTTP(S), TCP or none)")
                 .Tag("status")
                 .Handle(deps, CreateComponent));
  router.Add(CommandRoute("PUT", "/api/v1/status/components/{id}", domain::kOfficers,
                          JsonBody(component_body), Json(ComponentSchema(false)))
                 .Summary("Change a status component and its probe")
                 .Tag("status")
                 .Path("id", "status component id")
                 .Handle(deps, UpdateComponent));
  router.Add(
      CommandRoute("DELETE", "/api/v1/status/components/{id}", domain::kOfficers, NoBody(),
                   Json(Object({{"id", schema::String()}, {"deleted", schema::Bool()}})))
          .Summary("Remove a status component (its samples go; the ledger keeps its history)")
          .Tag("status")
          .Path("id", "status component id")
          .Handle(deps, DeleteComponent));
  router.Add(CommandRoute("POST", "/api/v1/status/components/{id}/status", domain::kOfficers,
                          JsonBody(domain::SchemaOf(StatusChangeFields(), false)),
                          Json(ComponentSchema(false)))
                 .Summary("Set a component's status by hand, with the reason (its probe may "
                          "change it again)")
                 .Tag("status")
                 .Path("id", "status component id")
                 .Handle(deps, ChangeStatus));
  router.Add(
      ReadRoute("/api/v1/status/components/{id}/uptime", domain::kOrgReaders,
                Json(Object({{"component_id", schema::String()},
                             {"name", schema::String()},
                             {"days", ArrayOf(Object({{"day", schema::Text("YYYY-MM-DD")},
                                                      {"up_minutes", schema::Int()},
                                                      {"sampled_minutes", schema::Int()},
                                                      {"uptime_percent", schema::Number()}}))},
                             {"attainment", ArrayOf(AttainmentSchema())}})))
          .Summary("A component's daily uptime (?days=, default 90) and its month's and "
                   "quarter's attainment")
          .Tag("status")
          .Path("id", "status component id")
          .Query("days", "how many days back, 1 to 366", "integer")
          .Handle(deps, ComponentUptime));
  router.Add(ReadRoute("/api/v1/status/maintenances", domain::kOrgReaders,
                       Json(Object({{"items", ArrayOf(MaintenanceSchema())}})))
                 .Summary("Scheduled maintenance, soonest first, with its status now")
                 .Tag("status")
                 .Handle(deps, ListMaintenance));
  router.Add(CommandRoute("POST", "/api/v1/status/maintenances", domain::kOfficers,
                          JsonBody(domain::SchemaOf(storage::MaintenanceFields(), false)),
                          Json(MaintenanceSchema(), 201))
                 .Summary("Schedule maintenance: its components show as under maintenance while "
                          "it runs")
                 .Tag("status")
                 .Handle(deps, CreateMaintenance));
}

void AddStatusRoutes(Router& router, ApiDeps& deps) {
  AddStatusPublicRoutes(router, deps);
  AddStatusStaffRoutes(router, deps);
  AddVendorSlaRoutes(router, deps);
  AddVendorIncidentRoutes(router, deps);
  AddSlaReviewRoutes(router, deps);
}

}  // namespace accord::http
