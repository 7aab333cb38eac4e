// Vendor incidents (issue 27, TP-13/TP-14): an officer assesses what a vendor's incident meant
// for us. The status runner opens them; reads are the registry's generic routes
// (/api/v1/parties/{party_id}/vendor-incidents, /api/v1/vendor-incidents/{id}).
#include <boost/json.hpp>

#include "accord/domain/roles.h"
#include "accord/domain/vendor_incidents.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/vendor_incidents.h"
#include "accord/workflow/vendor_incident.h"
#include "review_routes.h"
#include "status_routes.h"

namespace accord::http {

namespace json = boost::json;
using review_routes::ParseBody;
using review_routes::Submit;
namespace wf = workflow::vendor_incident;

namespace {

void Assess(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Principal& p = *ctx.principal;
  if (auto no = wf::RoleRefusal(p.role, p.break_glass, wf::Action::kAssess)) {
    return reply(ErrorResponse(*no));
  }
  auto body = ParseBody(ctx.request.body, domain::VendorIncidentAssessFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  Submit(deps, std::move(reply), 200,
         [policy = review_routes::ReviewsPolicyOf(deps), id = ctx.path_params.at("id"),
          body = std::move(*body), actor = ActorOf(p),
          break_glass = p.break_glass](storage::CommandContext& c) {
           return storage::AssessVendorIncident(c, actor, break_glass, id, body, policy);
         });
}

}  // namespace

void AddVendorIncidentRoutes(Router& router, ApiDeps& deps) {
  router.Add(CommandRoute("POST", "/api/v1/vendor-incidents/{id}/assess", domain::kOfficers,
                          JsonBody(domain::SchemaOf(domain::VendorIncidentAssessFields(), false)),
                          Json(schema::KindRef("vendor_incident")))
                 .Summary("Assess a vendor's incident: its impact on us (none, degraded, PHI "
                          "involved) and a note; may open a finding")
                 .Tag("status")
                 .Path("id", "id")
                 .Handle(deps, Assess));
}

}  // namespace accord::http
