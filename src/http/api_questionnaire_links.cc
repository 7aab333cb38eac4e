// A customer's answered questionnaire through the trust center over HTTP (issue 28, part 5): an
// officer sends one of the customer's contacts a trust-center link from the questionnaire's page.
// The link is an audit-report request's own download link (storage/questionnaire_links.h), so
// the NDA check, the /downloads/{token} page and the recorded downloads are the requests'.
#include <boost/json.hpp>

#include "accord/domain/fields.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/questionnaire_links.h"
#include "accord/workflow/report_request.h"
#include "report_routes.h"

namespace accord::http::report_routes {

namespace {

using F = domain::FieldType;

const std::vector<domain::FieldSpec>& LinkFields() {
  static const std::vector<domain::FieldSpec> kFields = {
      {.name = "contact_id",
       .type = F::kId,
       .required = true,
       .description = "the customer's contact the link is emailed to"},
      {.name = "expires_in_days",
       .type = F::kInt,
       .min = 1,
       .max = 30,
       .description = "how long the link works (default 14)"},
      {.name = "max_downloads",
       .type = F::kInt,
       .min = 1,
       .max = 20,
       .description = "how many downloads the link allows (default 5)"},
  };
  return kFields;
}

void SendLink(ReportPages& pages, Context&& ctx, Reply reply) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  auto fields = Validated(*body, LinkFields());
  if (!fields.ok()) return reply(ErrorResponse(fields.error()));
  // Sending approves the request: an officer's decision, never under break-glass.
  namespace wf = workflow::report_request;
  if (auto no =
          wf::RoleRefusal(ctx.principal->role, ctx.principal->break_glass, wf::Action::kApprove)) {
    return reply(ErrorResponse(*no));
  }
  pages.Submit(
      std::move(reply),
      [id = ctx.path_params.at("id"), fields = std::move(*fields), actor = ActorOf(*ctx.principal),
       settings = pages.Settings()](storage::CommandContext& c) {
        return storage::SendQuestionnaireLink(c, actor, id, fields, settings);
      },
      [](Result<json::object> r) {
        if (!r.ok()) return ErrorResponse(r.error());
        return JsonResponse(*r, 201);
      });
}

}  // namespace

void AddQuestionnaireLinkRoutes(Router& router, const std::shared_ptr<ReportPages>& pages) {
  router.Add(CommandRoute("POST", "/api/v1/customer-questionnaires/{id}/trust-link",
                          domain::kOfficers, JsonBody(domain::SchemaOf(LinkFields(), false)),
                          Json(schema::KindRef("report_request"), 201))
                 .Summary("Email one of the customer's contacts a personal trust-center link to "
                          "the shared questionnaire (an audit-report request of type "
                          "customer_questionnaire: NDA-checked, approved at once when the NDA "
                          "is in force, else the contact is sent the NDA first)")
                 .Tag("customer questionnaires")
                 .Path("id", "questionnaire id")
                 .Handle(pages, SendLink));
}

}  // namespace accord::http::report_routes
