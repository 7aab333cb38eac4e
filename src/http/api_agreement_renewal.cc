// Renewing an agreement (issue 20): its successor with new dates, the old one kept
// (storage/agreement_renewal.h). The officers, as for every agreement write.
#include <boost/json.hpp>

#include "accord/domain/fields.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/agreement_renewal.h"
#include "accord/workflow/agreement.h"

namespace accord::http {

namespace json = boost::json;

namespace {

void Renew(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Principal& p = *ctx.principal;
  namespace wf = workflow::agreement;
  if (auto no = wf::RoleRefusal(p.role, wf::Action::kRenew)) return reply(ErrorResponse(*no));
  auto raw = ParseJsonObject(ctx.request.body);
  if (!raw.ok()) return reply(ErrorResponse(raw.error()));
  std::vector<ErrorDetail> details;
  json::object body;
  domain::ValidateFields(storage::AgreementRenewalFields(), *raw, false, "", body, details);
  if (!details.empty()) return reply(ErrorResponse(domain::ValidationErrors(std::move(details))));
  deps.log.Submit(
      [id = ctx.path_params.at("id"), body = std::move(body),
       actor = ActorOf(p)](storage::CommandContext& c) -> Result<json::value> {
        auto r = storage::RenewAgreement(c, actor, id, body);
        if (!r.ok()) return std::move(r).error();
        return json::value(std::move(*r));
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r, 201)); });
}

}  // namespace

void AddAgreementRenewalRoutes(Router& router, ApiDeps& deps) {
  router.Add(CommandRoute("POST", "/api/v1/agreements/{id}/renew", workflow::agreement::kRoles,
                          JsonBody(domain::SchemaOf(storage::AgreementRenewalFields(), false)),
                          Json(schema::KindRef("agreement"), 201))
                 .Summary("Renew an executed or expired agreement: a new agreement with the same "
                          "terms and new dates (agreement.created), the old one kept and marked "
                          "renewed (agreement.renewed)")
                 .Tag("registry")
                 .Path("id", "the agreement to renew")
                 .Handle(deps, Renew));
}

}  // namespace accord::http
