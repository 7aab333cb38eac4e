// What reviews find, over HTTP: SOC 2 reports submitted by a party and reviewed by us (TP-11;
// exceptions open findings), change notices (TP-9; a party announces, our officers record what
// became of it) and findings (TP-14). Reads come from the registry's generic routes
// (api_registry.cc); the writes are the commands of storage/reviews.h. Registered by
// api_reviews.cc.
#include <boost/json.hpp>
#include <optional>

#include "accord/domain/identity.h"
#include "accord/domain/registry.h"
#include "accord/domain/reviews.h"
#include "accord/domain/roles.h"
#include "accord/domain/soc2.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/finding_actions.h"
#include "accord/storage/registry_commands.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/reviews.h"
#include "accord/storage/soc2_reports.h"
#include "accord/workflow/change_notice.h"
#include "accord/workflow/finding.h"
#include "accord/workflow/soc2_report.h"
#include "review_routes.h"

namespace accord::http::review_routes {

using domain::StateString;

namespace {

void RecordSoc2(ApiDeps& deps, Context&& ctx, Reply reply) {
  // A party's contact submits its own report; the profile's open roles record one on a
  // party's behalf (ReviewsPolicy), reviewed at once when they give reviewed_at.
  const Principal& p = *ctx.principal;
  const std::string& party = ctx.path_params.at("party_id");
  bool vendor = p.role == "third_party_contact";
  if (vendor && party != p.party_id) return reply(ErrorResponse(NotFound("party " + party)));
  if (auto no =
          workflow::soc2_report::SubmitRefusal(ReviewsPolicyOf(deps), p.role, p.break_glass)) {
    return reply(ErrorResponse(*no));
  }
  auto body = ParseBody(ctx.request.body, domain::FindKind("soc2_report")->fields);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  if (vendor) {
    std::vector<ErrorDetail> details;
    for (const auto& field : domain::Soc2ReviewerFields()) {
      if (body->contains(field)) {
        details.push_back({field, "is recorded by the organisation's reviewer, not the party", {}});
      }
    }
    if (!details.empty()) return reply(ErrorResponse(domain::ValidationErrors(std::move(details))));
  }
  Submit(deps, std::move(reply), 201,
         [&deps, party, body = std::move(*body), actor = ActorOf(p), scope = ScopeOf(p),
          vendor](storage::CommandContext& c) -> Result<json::object> {
           auto report =
               storage::SubmitSoc2Report(c, actor, party, body, scope, ReviewsPolicyOf(deps));
           if (report.ok() && vendor) {
             domain::RemoveInternalFields(domain::FindKind("soc2_report")->fields, *report);
           }
           return report;
         });
}

void Soc2Action(ApiDeps& deps, Context&& ctx, Reply reply) {
  // Asked before the body is read: review is the one action.
  const Principal& p = *ctx.principal;
  if (auto no = workflow::soc2_report::RoleRefusal(ReviewsPolicyOf(deps), p.role, p.break_glass,
                                                   workflow::soc2_report::Action::kReview)) {
    return reply(ErrorResponse(*no));
  }
  auto body = ParseBody(ctx.request.body, domain::Soc2ActionFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  std::vector<ErrorDetail> details;
  domain::CheckSoc2Controls(*body, details);
  if (!details.empty()) return reply(ErrorResponse(domain::ValidationErrors(std::move(details))));
  Submit(deps, std::move(reply), 200,
         [&deps, id = ctx.path_params.at("id"), body = std::move(*body),
          actor = ActorOf(p)](storage::CommandContext& c) {
           return storage::ReviewSoc2Report(c, actor, id, body, ReviewsPolicyOf(deps));
         });
}

void RecordChange(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Principal& p = *ctx.principal;
  bool vendor = p.role == "third_party_contact";
  if (!vendor) {
    if (auto no = Refusal(p, ReviewsPolicyOf(deps).open_roles, "record change notices")) {
      return reply(ErrorResponse(*no));
    }
  }
  auto body = ParseBody(ctx.request.body, domain::ChangeNoticeCreateFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  if (vendor) {
    // A vendor announces changes to its own services; whether one is substantial is the
    // officer's call (and the profile's rules), not the vendor's.
    if (StateString(*body, "party_id") != p.party_id) {
      return reply(ErrorResponse(NotFound("party " + StateString(*body, "party_id"))));
    }
    for (const char* field : {"substantial", "system_ids"}) {
      if (body->contains(field)) {
        return reply(ErrorResponse(
            ValidationError(field,
                            "is decided by the organisation's officers, not by the party: "
                            "whether a change touches our systems and is substantial")));
      }
    }
  }
  Submit(deps, std::move(reply), 201,
         [&deps, body = std::move(*body), actor = ActorOf(p),
          vendor](storage::CommandContext& c) -> Result<json::object> {
           auto notice = storage::RecordChangeNotice(c, actor, body, ReviewsPolicyOf(deps));
           // The vendor sees its announcement, not our assessment of it.
           if (notice.ok() && vendor) {
             domain::RemoveInternalFields(domain::FindKind("change_notice")->fields, *notice);
           }
           return notice;
         });
}

void ChangeAction(ApiDeps& deps, Context&& ctx, Reply reply) {
  // Asked before the body is read: both actions a person takes (implemented, withdrawn) have
  // the same role rule.
  const Principal& p = *ctx.principal;
  if (auto no = workflow::change_notice::RoleRefusal(ReviewsPolicyOf(deps), p.role, p.break_glass,
                                                     workflow::change_notice::Action::kImplement)) {
    return reply(ErrorResponse(*no));
  }
  auto body = ParseBody(ctx.request.body, domain::ChangeNoticeActionFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  Submit(deps, std::move(reply), 200,
         [&deps, id = ctx.path_params.at("id"), body = std::move(*body),
          actor = ActorOf(p)](storage::CommandContext& c) {
           return storage::ChangeNoticeAction(c, actor, id, StateString(body, "action"),
                                              TimeOf(body, "at"), StateString(body, "comment"),
                                              ReviewsPolicyOf(deps));
         });
}

void CreateFinding(ApiDeps& deps, Context&& ctx, Reply reply) {
  if (auto no = Refusal(*ctx.principal, domain::kOfficers, "open findings")) {
    return reply(ErrorResponse(*no));
  }
  auto body = ParseBody(ctx.request.body, domain::FindingCreateFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  storage::NewFinding f{.title = StateString(*body, "title"),
                        .description = StateString(*body, "description"),
                        .severity = StateString(*body, "severity"),
                        .party_id = StateString(*body, "party_id"),
                        .source_kind = body->contains("review_id") ? "review" : "manual",
                        .source_id = StateString(*body, "review_id"),
                        .rule = "manual",
                        .owner_id = StateString(*body, "owner_id"),
                        .due = TimeOf(*body, "due_at")};
  if (f.owner_id.empty()) f.owner_id = ctx.principal->id;
  Submit(deps, std::move(reply), 201,
         [&deps, f = std::move(f),
          actor = ActorOf(*ctx.principal)](storage::CommandContext& c) -> Result<json::object> {
           if (!f.source_id.empty()) {
             auto review = storage::GetObject(c.tx(), "review", f.source_id, storage::Scope{});
             if (!review.ok()) return std::move(review).error();
             if (!review->has_value()) {
               return ValidationError("review_id", "no review has id " + f.source_id);
             }
           }
           return storage::OpenFinding(c, actor, f, ReviewsPolicyOf(deps));
         });
}

void FindingAction(ApiDeps& deps, Context&& ctx, Reply reply) {
  // Asked before the body is read: every finding action has the same role rule.
  const Principal& p = *ctx.principal;
  if (auto no = workflow::finding::RoleRefusal(p.role, p.break_glass,
                                               workflow::finding::Action::kAssign)) {
    return reply(ErrorResponse(*no));
  }
  auto body = ParseBody(ctx.request.body, domain::FindingActionFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  storage::FindingActionInput input{
      .action = StateString(*body, "action"),
      .comment = StateString(*body, "comment"),
      .owner_id = StateString(*body, "owner_id"),
      .evidence = IdList(*body, "evidence"),
      .expires_at = TimeOf(*body, "expires_at"),
      .allow_self_risk_approval =
          deps.profile && deps.profile->separation.AllowsSelfApproval("finding.approve_risk")};
  Submit(deps, std::move(reply), 200,
         [&deps, id = ctx.path_params.at("id"), input = std::move(input),
          actor = ActorOf(p)](storage::CommandContext& c) {
           return storage::ActOnFinding(c, actor, id, input, ReviewsPolicyOf(deps));
         });
}

}  // namespace

void AddFindingRoutes(Router& router, ApiDeps& deps) {
  router.Add(
      CommandRoute("POST", "/api/v1/parties/{party_id}/soc2-reports",
                   domain::kWorkforce.With(domain::Role::kThirdPartyContact),
                   JsonBody(domain::SchemaOf(domain::FindKind("soc2_report")->fields, false)),
                   Json(schema::KindRef("soc2_report"), 201))
          .Summary("Submit a party's SOC 2 report (TP-11): its contact, or an officer on its "
                   "behalf; with reviewed_at it is recorded as reviewed and opens its findings")
          .Tag("reviews")
          .Path("party_id", "party")
          .Handle(deps, RecordSoc2));
  router.Add(CommandRoute("POST", "/api/v1/soc2-reports/{id}/actions", domain::kWorkforce,
                          JsonBody(domain::SchemaOf(domain::Soc2ActionFields(), false)),
                          Json(schema::KindRef("soc2_report")))
                 .Summary("review: record exceptions and complementary user-entity controls; "
                          "each exception and a non-clean opinion open findings")
                 .Tag("reviews")
                 .Path("id", "id")
                 .Handle(deps, Soc2Action));
  // Who runs reviews is the profile's choice among the workforce (ReviewsPolicy roles):
  // these routes admit the workforce and the handlers apply the profile. A vendor announces
  // its own changes.
  router.Add(CommandRoute("POST", "/api/v1/change-notices",
                          domain::kWorkforce.With(domain::Role::kThirdPartyContact),
                          JsonBody(domain::SchemaOf(domain::ChangeNoticeCreateFields(), false)),
                          Json(schema::KindRef("change_notice"), 201))
                 .Summary("Record a change a party will make to its services (TP-9); opens its "
                          "change review, and a risk assessment when substantial")
                 .Tag("reviews")
                 .Handle(deps, RecordChange));
  router.Add(CommandRoute("POST", "/api/v1/change-notices/{id}/actions", domain::kWorkforce,
                          JsonBody(domain::SchemaOf(domain::ChangeNoticeActionFields(), false)),
                          Json(schema::KindRef("change_notice")))
                 .Summary("implemented | withdrawn; implemented before its change review was "
                          "approved opens a finding")
                 .Tag("reviews")
                 .Path("id", "id")
                 .Handle(deps, ChangeAction));
  router.Add(CommandRoute("POST", "/api/v1/findings", domain::kOfficers,
                          JsonBody(domain::SchemaOf(domain::FindingCreateFields(), false)),
                          Json(schema::KindRef("finding"), 201))
                 .Summary("Open a finding (TP-14); due by the profile's remediation window for its "
                          "severity unless given")
                 .Tag("reviews")
                 .Handle(deps, CreateFinding));
  router.Add(CommandRoute("POST", "/api/v1/findings/{id}/actions", domain::kOfficers,
                          JsonBody(domain::SchemaOf(domain::FindingActionFields(), false)),
                          Json(schema::KindRef("finding")))
                 .Summary("assign | resolve (with evidence) | accept_risk (with an expiry) | "
                          "approve_risk (another officer) | decline_risk | reopen")
                 .Tag("reviews")
                 .Path("id", "id")
                 .Handle(deps, FindingAction));
}

}  // namespace accord::http::review_routes
