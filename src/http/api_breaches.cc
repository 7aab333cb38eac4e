// The breach assessment of an incident and its notices (TR-8, 45 CFR 164.402-164.412): assess,
// record a law-enforcement delay, send or record each covered entity's notice, link the Secure
// Message with the list of individuals; the officers act, the auditor reads.
#include <boost/json.hpp>

#include "accord/domain/breach.h"
#include "accord/domain/registry.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/breaches.h"
#include "accord/workflow/breach_assessment.h"
#include "accord/workflow/breach_notice.h"
#include "review_routes.h"

namespace accord::http {

namespace json = boost::json;
namespace rule = domain::breach;
namespace awf = workflow::breach_assessment;
namespace nwf = workflow::breach_notice;
using domain::StateString;
using review_routes::ParseBody;
using review_routes::Submit;

namespace {

// Officers and the auditor: the assessment is our own record of a breach, no party's.
constexpr domain::RoleSet kReaders = domain::kLedgerReaders;

json::object BreachSchema() {
  using namespace schema;
  return Object({{"assessment", KindRef("breach_assessment")},
                 {"notices", ArrayOf(KindRef("breach_notice"))}});
}

// The view of `assessment_id` in the command's own transaction: what was just written.
Result<json::object> ViewAfter(storage::CommandContext& c, const std::string& assessment_id,
                               const Principal& p) {
  auto view = storage::BreachById(c.tx(), assessment_id, p.role, p.break_glass, c.Now());
  if (!view.ok()) return std::move(view).error();
  if (!view->has_value()) return NotFound("assessment " + assessment_id);
  return std::move(**view);
}

Response CoveredEntities(ApiDeps& deps, Context&) {
  json::array items;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto covered = storage::CoveredEntities(tx);
    if (!covered.ok()) return std::move(covered).error();
    for (const auto& e : *covered) {
      items.push_back(json::object{
          {"party_id", e.party_id},
          {"party_name", e.party_name},
          {"agreement_id", e.agreement_id},
          {"agreement_status", e.agreement_status},
          {"breach_notice_hours",
           e.breach_notice_hours ? json::value(*e.breach_notice_hours) : json::value(nullptr)}});
    }
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(json::object{{"items", std::move(items)}});
}

Response IncidentBreach(ApiDeps& deps, Context& ctx) {
  const std::string& id = ctx.path_params.at("id");
  json::object body;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto view = storage::IncidentBreach(tx, id, ctx.principal->role, ctx.principal->break_glass,
                                        deps.clock.Now());
    if (!view.ok()) return std::move(view).error();
    if (!view->has_value()) return NotFound("breach assessment of incident " + id);
    body = std::move(**view);
    return Ok();
  });
  return s.ok() ? JsonResponse(body) : ErrorResponse(s.error());
}

Response AssessmentById(ApiDeps& deps, Context& ctx) {
  const std::string& id = ctx.path_params.at("id");
  json::object body;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto view = storage::BreachById(tx, id, ctx.principal->role, ctx.principal->break_glass,
                                    deps.clock.Now());
    if (!view.ok()) return std::move(view).error();
    if (!view->has_value()) return NotFound("assessment " + id);
    body = std::move(**view);
    return Ok();
  });
  return s.ok() ? JsonResponse(body) : ErrorResponse(s.error());
}

Response DueNotices(ApiDeps& deps, Context&) {
  json::array items;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto due = storage::DueBreachNotices(tx, deps.clock.Now(), 500);
    if (!due.ok()) return std::move(due).error();
    for (auto& n : *due) items.push_back(std::move(n));
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(json::object{{"items", std::move(items)}});
}

void Assess(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Principal& p = *ctx.principal;
  if (auto no = awf::AssessRefusal(p.role, p.break_glass)) return reply(ErrorResponse(*no));
  auto body = ParseBody(ctx.request.body, rule::AssessFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  Submit(deps, std::move(reply), 201,
         [id = ctx.path_params.at("id"), body = std::move(*body), actor = ActorOf(p),
          p](storage::CommandContext& c) -> Result<json::object> {
           auto made = storage::AssessBreach(c, actor, id, body);
           if (!made.ok()) return std::move(made).error();
           return ViewAfter(c, StateString(*made, "id"), p);
         });
}

void RecordDelay(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Principal& p = *ctx.principal;
  if (auto no = awf::RoleRefusal(p.role, p.break_glass, awf::Action::kRecordDelay)) {
    return reply(ErrorResponse(*no));
  }
  auto body = ParseBody(ctx.request.body, rule::DelayFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  Submit(deps, std::move(reply), 200,
         [id = ctx.path_params.at("id"), body = std::move(*body), actor = ActorOf(p),
          p](storage::CommandContext& c) -> Result<json::object> {
           auto made = storage::RecordLawEnforcementDelay(c, actor, id, body);
           if (!made.ok()) return std::move(made).error();
           return ViewAfter(c, id, p);
         });
}

void NoticeAction(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Principal& p = *ctx.principal;
  auto body = ParseBody(ctx.request.body, rule::NoticeActionFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  if (auto action = nwf::ParseAction(StateString(*body, "action"))) {
    if (auto no = nwf::RoleRefusal(p.role, p.break_glass, *action)) {
      return reply(ErrorResponse(*no));
    }
  }
  storage::SecureCaller caller{p.id, p.role, "", p.party_id};
  Submit(deps, std::move(reply), 200,
         [id = ctx.path_params.at("id"), body = std::move(*body), actor = ActorOf(p), caller,
          p](storage::CommandContext& c) -> Result<json::object> {
           auto done = storage::BreachNoticeAction(c, actor, caller, id, body);
           if (!done.ok()) return std::move(done).error();
           auto view = ViewAfter(c, StateString(*done, "assessment_id"), p);
           if (!view.ok()) return std::move(view).error();
           for (const auto& n : view->at("notices").as_array()) {
             if (StateString(n.as_object(), "id") == id) return n.as_object();
           }
           return *done;
         });
}

}  // namespace

void AddBreachRoutes(Router& router, ApiDeps& deps) {
  using namespace schema;
  router.Add(
      ReadRoute(
          "/api/v1/breach/covered-entities", kReaders,
          Json(Object({{"items", ArrayOf(Object({{"party_id", String()},
                                                 {"party_name", String()},
                                                 {"agreement_id", String()},
                                                 {"agreement_status",
                                                  Enum({"executed", "expired", "terminated"})},
                                                 {"breach_notice_hours", Nullable(Number())}}))}})))
          .Summary("The covered entities we serve: customers who signed a BAA (in force, or "
                   "since expired or terminated), each with the notice term its BAA sets (TR-8)")
          .Tag("incidents")
          .Handle(deps, CoveredEntities));
  router.Add(ReadRoute("/api/v1/breach/notices-due", kReaders,
                       Json(Object({{"items", ArrayOf(KindRef("breach_notice"))}})))
                 .Summary("Breach notices still owed to covered entities, soonest deadline first")
                 .Tag("incidents")
                 .Handle(deps, DueNotices));
  router.Add(ReadRoute("/api/v1/incidents/{id}/breach-assessment", kReaders, Json(BreachSchema()))
                 .Summary("The incident's breach assessment and its notices, with deadlines")
                 .Tag("incidents")
                 .Path("id", "id")
                 .Handle(deps, IncidentBreach));
  router.Add(CommandRoute("POST", "/api/v1/incidents/{id}/breach-assessment", domain::kOfficers,
                          JsonBody(domain::SchemaOf(rule::AssessFields(), false)),
                          Json(BreachSchema(), 201))
                 .Summary("Assess the incident (the four factors of 164.402); a breach opens one "
                          "notice per affected covered entity with its deadline (164.410(b), or "
                          "the BAA's shorter term)")
                 .Tag("incidents")
                 .Path("id", "id")
                 .Handle(deps, Assess));
  router.Add(ReadRoute("/api/v1/breach-assessments/{id}", kReaders, Json(BreachSchema()))
                 .Summary("A breach assessment and its notices")
                 .Tag("incidents")
                 .Path("id", "id")
                 .Handle(deps, AssessmentById));
  router.Add(CommandRoute("POST", "/api/v1/breach-assessments/{id}/law-enforcement-delay",
                          domain::kOfficers, JsonBody(domain::SchemaOf(rule::DelayFields(), false)),
                          Json(BreachSchema()))
                 .Summary("Record a law enforcement official's statement with its document "
                          "(164.412): every notice still due is extended by the period")
                 .Tag("incidents")
                 .Path("id", "id")
                 .Handle(deps, RecordDelay));
  router.Add(CommandRoute("POST", "/api/v1/breach-notices/{id}/actions", domain::kOfficers,
                          JsonBody(domain::SchemaOf(rule::NoticeActionFields(), false)),
                          Json(KindRef("breach_notice")))
                 .Summary("send (email the notice) | record_sent | link_list (the Secure Message "
                          "with the list of individuals, never email)")
                 .Tag("incidents")
                 .Path("id", "id")
                 .Handle(deps, NoticeAction));
}

}  // namespace accord::http
