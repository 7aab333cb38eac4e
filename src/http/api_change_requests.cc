// Change requests for our own systems (TR-5): submit one, take its steps, and map accounts to
// their forge logins. Reads are the registry's generic routes (/api/v1/change-requests).
#include <boost/json.hpp>

#include "accord/domain/change_requests.h"
#include "accord/domain/registry.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/policy/changes_profile.h"
#include "accord/storage/change_requests.h"
#include "accord/workflow/change_request.h"
#include "accord/workflow/rules.h"
#include "change_routes.h"
#include "review_routes.h"

namespace accord::http {

namespace json = boost::json;
using domain::StateString;
using review_routes::ParseBody;
using review_routes::Submit;
namespace wf = workflow::change_request;

namespace {

wf::Caller CallerOf(const Principal& p) { return {p.id, p.role, p.break_glass}; }

void SubmitChange(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Principal& p = *ctx.principal;
  if (auto no = wf::RoleRefusal(policy::ChangesPolicyOf(deps.profile), CallerOf(p),
                                wf::Action::kRecordTests)) {
    return reply(ErrorResponse(*no));
  }
  auto body = ParseBody(ctx.request.body, domain::ChangeRequestCreateFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  Submit(deps, std::move(reply), 201,
         [body = std::move(*body), actor = ActorOf(p)](storage::CommandContext& c) {
           return storage::SubmitChangeRequest(c, actor, body);
         });
}

void ChangeStep(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseBody(ctx.request.body, domain::ChangeRequestActionFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  // The role rule first, so a refusal names the role before anything is loaded.
  auto action = wf::ParseAction(StateString(*body, "action"));
  const Principal& p = *ctx.principal;
  if (action) {
    if (auto no = wf::RoleRefusal(policy::ChangesPolicyOf(deps.profile), CallerOf(p), *action)) {
      return reply(ErrorResponse(*no));
    }
  }
  Submit(deps, std::move(reply), 200,
         [&deps, id = ctx.path_params.at("id"), body = std::move(*body),
          caller = CallerOf(p)](storage::CommandContext& c) {
           return storage::ChangeRequestAction(c, caller, id, body, deps.profile);
         });
}

void SetForgeLogins(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Principal& p = *ctx.principal;
  policy::IdentityPolicy defaults;
  const policy::IdentityPolicy& identity = deps.profile ? deps.profile->identity : defaults;
  // Whose reviews count as whose is the identity admin's to say, never the account's own.
  if (p.break_glass || !workflow::RoleIn(identity.user_admin_roles, p.role)) {
    return reply(ErrorResponse(Error{ErrorCode::kForbidden,
                                     "the profile lets only " +
                                         workflow::RoleNames(identity.user_admin_roles) +
                                         " map accounts to forge logins",
                                     {{"role", "is " + p.role, {}}}}));
  }
  auto body = ParseBody(ctx.request.body, domain::ForgeLoginFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  Submit(deps, std::move(reply), 200,
         [identity, id = ctx.path_params.at("id"), body = std::move(*body),
          actor = ActorOf(p)](storage::CommandContext& c) {
           return storage::SetForgeLogins(c, actor, id, body, identity);
         });
}

}  // namespace

void AddChangeRequestRoutes(Router& router, ApiDeps& deps) {
  router.Add(CommandRoute("POST", "/api/v1/change-requests", domain::kWorkforce,
                          JsonBody(domain::SchemaOf(domain::ChangeRequestCreateFields(), false)),
                          Json(schema::KindRef("change_request"), 201))
                 .Summary("Submit a change to our own systems (TR-5): description, systems, risk, "
                          "backout plan; emergency changes are released first")
                 .Tag("changes")
                 .Handle(deps, SubmitChange));
  router.Add(CommandRoute("POST", "/api/v1/change-requests/{id}/actions", domain::kWorkforce,
                          JsonBody(domain::SchemaOf(domain::ChangeRequestActionFields(), false)),
                          Json(schema::KindRef("change_request")))
                 .Summary("record_tests | review | approve | release | verify | back_out | "
                          "reject | withdraw; author, reviewer, approver and releaser are four "
                          "people unless the profile relaxes it")
                 .Tag("changes")
                 .Path("id", "id")
                 .Handle(deps, ChangeStep));
  router.Add(CommandRoute("PUT", "/api/v1/users/{id}/forge-logins", domain::kOfficers,
                          JsonBody(domain::SchemaOf(domain::ForgeLoginFields(), false)),
                          Json(schema::KindRef("user")))
                 .Summary("The account's GitHub and GitLab logins: reviews done on the forge "
                          "count as this account's, separation of duties included")
                 .Tag("changes")
                 .Path("id", "id")
                 .Handle(deps, SetForgeLogins));
}

}  // namespace accord::http
