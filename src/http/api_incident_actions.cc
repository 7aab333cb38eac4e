// An incident's steps (TR-8): classify, post an update, resolve, record the postmortem. Each is
// one route with its own body; the role rule is asked before the body is read.
#include <boost/json.hpp>
#include <functional>

#include "accord/domain/roles.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/storage/incidents.h"
#include "accord/workflow/incident.h"
#include "incident_routes.h"
#include "review_routes.h"

namespace accord::http {

namespace {

using review_routes::ParseBody;
using review_routes::ReviewsPolicyOf;
using review_routes::Submit;
namespace wf = workflow::incident;

void Step(ApiDeps& deps, Context&& ctx, Reply reply, wf::Action action,
          const std::vector<domain::FieldSpec>& fields) {
  const Principal& p = *ctx.principal;
  if (auto no = wf::RoleRefusal(p.role)) return reply(ErrorResponse(*no));
  auto body = ParseBody(ctx.request.body, fields);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  Submit(deps, std::move(reply), 200,
         [policy = ReviewsPolicyOf(deps), id = ctx.path_params.at("id"), action,
          body = std::move(*body), actor = ActorOf(p)](storage::CommandContext& c) {
           return storage::IncidentAction(c, actor, id, wf::Name(action), body, policy);
         });
}

void Classify(ApiDeps& deps, Context&& ctx, Reply reply) {
  Step(deps, std::move(ctx), std::move(reply), wf::Action::kClassify,
       storage::IncidentClassifyFields());
}
void PostUpdate(ApiDeps& deps, Context&& ctx, Reply reply) {
  Step(deps, std::move(ctx), std::move(reply), wf::Action::kUpdate,
       storage::IncidentUpdateFields());
}
void Resolve(ApiDeps& deps, Context&& ctx, Reply reply) {
  Step(deps, std::move(ctx), std::move(reply), wf::Action::kResolve,
       storage::IncidentResolveFields());
}
void Postmortem(ApiDeps& deps, Context&& ctx, Reply reply) {
  Step(deps, std::move(ctx), std::move(reply), wf::Action::kPostmortem,
       storage::IncidentPostmortemFields());
}

struct StepRoute {
  const char* path;
  const std::vector<domain::FieldSpec>& fields;
  const char* summary;
  void (*handler)(ApiDeps&, Context&&, Reply);
};

}  // namespace

void AddIncidentActionRoutes(Router& router, ApiDeps& deps) {
  const StepRoute routes[] = {
      {"/api/v1/incidents/{id}/classify", storage::IncidentClassifyFields(),
       "Classify an incident: severity, public impact, category", Classify},
      {"/api/v1/incidents/{id}/updates", storage::IncidentUpdateFields(),
       "Post a timeline update, internal or public (public ones reach the status page), "
       "optionally moving the incident to identified or monitoring",
       PostUpdate},
      {"/api/v1/incidents/{id}/resolve", storage::IncidentResolveFields(),
       "Resolve an incident with a closing update", Resolve},
      {"/api/v1/incidents/{id}/postmortem", storage::IncidentPostmortemFields(),
       "Record a resolved incident's postmortem: root cause, lessons, and action items, each "
       "opened as a finding with its owner and due date",
       Postmortem},
  };
  for (const auto& r : routes) {
    router.Add(CommandRoute("POST", r.path, domain::kOfficers,
                            JsonBody(domain::SchemaOf(r.fields, false)), Json(IncidentSchema()))
                   .Summary(r.summary)
                   .Tag("incidents")
                   .Path("id", "id")
                   .Handle(deps, r.handler));
  }
}

}  // namespace accord::http
