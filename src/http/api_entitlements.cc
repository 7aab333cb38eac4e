// TR-3 entitlement reviews over HTTP: a reviewer opens an ad-hoc campaign and certifies or
// revokes each line; a revocation takes effect in the same transaction. Campaigns are read
// through the registry's generic routes (GET /api/v1/entitlement-reviews[/{id}]); the
// schedule runs in the server's once-a-second sweep (storage/entitlement_reviews.h).
#include <algorithm>
#include <boost/json.hpp>
#include <optional>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/auth.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/entitlement_reviews.h"
#include "accord/storage/grants.h"
#include "accord/workflow/entitlement_line.h"

namespace accord::http {

namespace json = boost::json;
using domain::FieldSpec;
using domain::FieldType;
using domain::StateString;

namespace {

const std::vector<FieldSpec>& OpenFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "scope",
       .type = FieldType::kEnum,
       .required = true,
       .values = {"regular", "elevated"},
       .description = "regular: staff, auditors, third-party contacts and active grants; "
                      "elevated: officers and break-glass uses"}};
  return kFields;
}

const std::vector<FieldSpec>& DecisionFields() {
  static const std::vector<FieldSpec> kFields = {{.name = "decision",
                                                  .type = FieldType::kEnum,
                                                  .required = true,
                                                  .values = {"certify", "revoke"},
                                                  .description = "revoke ends the access at once"},
                                                 {.name = "comment",
                                                  .type = FieldType::kText,
                                                  .max_length = 4000,
                                                  .description = "required to revoke"}};
  return kFields;
}

// Validates a body against `fields`; unknown fields are refused.
Result<json::object> ParseBody(std::string_view text, const std::vector<FieldSpec>& fields) {
  auto body = ParseJsonObject(text);
  if (!body.ok()) return std::move(body).error();
  std::vector<ErrorDetail> details;
  json::object out;
  domain::ValidateFields(fields, *body, false, "", out, details);
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  return out;
}

// The access API's own revoke, so a grant revoked by a review looks like any other
// revocation (grant.revoked with revoked_by and reason). Revoking uses no gate rule.
storage::GrantRevoker RevokerFor(const policy::Profile* profile) {
  return [profile](storage::CommandContext& c, const domain::Actor& actor,
                   const std::string& grant_id, const std::string& reason) -> Status {
    static const policy::AccessPolicy kNoRules;
    auto r = storage::ApplyGrantAction(c, profile ? profile->access : kNoRules, grant_id, "revoke",
                                       reason, actor);
    if (!r.ok()) return std::move(r).error();
    return Ok();
  };
}

const policy::IdentityPolicy& IdentityPolicyOf(const ApiDeps& deps) {
  static const policy::IdentityPolicy kDefaults;
  return deps.profile ? deps.profile->identity : kDefaults;
}

// The profile layer: the route admits both officers, the profile says who reviews.
std::optional<Error> ReviewerRefusal(const ApiDeps& deps, const Principal& p) {
  return workflow::entitlement_line::ReviewerRefusal(IdentityPolicyOf(deps), p.role, p.break_glass);
}

void OpenCampaign(ApiDeps& deps, Context&& ctx, Reply reply) {
  if (auto refusal = ReviewerRefusal(deps, *ctx.principal)) return reply(ErrorResponse(*refusal));
  auto body = ParseBody(ctx.request.body, OpenFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  std::string scope = StateString(*body, "scope");
  domain::Actor actor = ActorOf(*ctx.principal);
  auto window = std::chrono::days(std::max(IdentityPolicyOf(deps).review_window_days, 1));
  deps.log.Submit(
      [scope, actor, window](storage::CommandContext& c) -> Result<json::value> {
        auto state = storage::OpenEntitlementReview(c, actor, scope, c.Now() + window, 0);
        if (!state.ok()) return std::move(state).error();
        (*state)["ledger_index"] = static_cast<int64_t>(c.ledger_size()) - 1;
        return json::value(std::move(*state));
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r, 201)); });
}

void DecideLine(ApiDeps& deps, Context&& ctx, Reply reply) {
  if (auto refusal = ReviewerRefusal(deps, *ctx.principal)) return reply(ErrorResponse(*refusal));
  auto body = ParseBody(ctx.request.body, DecisionFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  storage::LineDecision decision{StateString(*body, "decision"), StateString(*body, "comment")};
  if (decision.decision == "revoke" && decision.comment.empty()) {
    return reply(ErrorResponse(
        ValidationError("comment", "is required to revoke: say why the access ends")));
  }
  bool revoke = decision.decision == "revoke";
  deps.log.Submit(
      [&deps, id = ctx.path_params.at("id"), line_id = ctx.path_params.at("line_id"),
       actor = ActorOf(*ctx.principal),
       decision = std::move(decision)](storage::CommandContext& c) -> Result<json::value> {
        auto state = storage::DecideEntitlementLine(
            c, actor, id, line_id, decision, IdentityPolicyOf(deps), RevokerFor(deps.profile));
        if (!state.ok()) return std::move(state).error();
        (*state)["ledger_index"] = static_cast<int64_t>(c.ledger_size()) - 1;
        return json::value(std::move(*state));
      },
      [&deps, revoke, reply = std::move(reply)](Result<json::value> r) {
        // A revoked account's cached credentials must stop working now, not at expiry.
        if (r.ok() && revoke && deps.auth) deps.auth->ForgetAll();
        reply(ToResponse(r));
      });
}

}  // namespace

void AddEntitlementRoutes(Router& router, ApiDeps& deps) {
  router.Add(CommandRoute("POST", "/api/v1/entitlement-reviews", domain::kOfficers,
                          JsonBody(domain::SchemaOf(OpenFields(), false)),
                          Json(schema::KindRef("entitlement_review"), 201))
                 .Summary("Open an ad-hoc entitlement review campaign now, due in the profile's "
                          "review window (only the profile's reviewer roles); scheduled campaigns "
                          "open by themselves")
                 .Tag("entitlement-reviews")
                 .Handle(deps, OpenCampaign));
  router.Add(CommandRoute("POST", "/api/v1/entitlement-reviews/{id}/lines/{line_id}",
                          domain::kOfficers, JsonBody(domain::SchemaOf(DecisionFields(), false)),
                          Json(schema::KindRef("entitlement_review")))
                 .Summary("Certify or revoke one line (comment required to revoke); a revocation "
                          "deactivates the account or revokes the grant at once; never your own "
                          "line")
                 .Tag("entitlement-reviews")
                 .Path("id", "entitlement review id")
                 .Path("line_id", "line id (l1, l2, ...)")
                 .Handle(deps, DecideLine));
}

}  // namespace accord::http
