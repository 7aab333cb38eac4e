// The recurring reviews over HTTP (TP-9 … TP-15), the review routes' part: opening a review
// now (recurring ones come from the scheduler), the TP-12 workflow's actions, and what a review
// asks a party with the party's answers. Reads of reviews come from the registry's generic
// routes (api_registry.cc); the writes are the commands of storage/reviews.h, and who may do
// what beyond the route's roles comes from the profile's [reviews] section. This file also
// registers the whole group (review_routes.h): SOC 2 reports, change notices and findings in
// api_review_findings.cc, the dashboard, SLA-review report and outbox in api_review_reports.cc.
#include <boost/json.hpp>
#include <optional>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/domain/reviews.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/reviews.h"
#include "accord/workflow/review.h"
#include "review_routes.h"

namespace accord::http {

namespace review_routes {

using domain::StateString;

namespace {

// What a party's contact sees of a review that asks it something.
json::object PartyRequestSchema() {
  using namespace schema;
  return Object({{"id", String()},
                 {"title", String()},
                 {"review_kind", String()},
                 {"status", String()},
                 {"due_at", Time()},
                 {"party_requests",
                  ArrayOf(Object({{"by", ActorRef()}, {"at", Time()}, {"message", String()}}))},
                 {"party_responses",
                  ArrayOf(Object({{"by", ActorRef()}, {"at", Time()}, {"message", String()}},
                                 {{"documents", ArrayOf(String())}}))}},
                {{"awaiting_party", Bool()}});
}

void OpenReview(ApiDeps& deps, Context&& ctx, Reply reply) {
  if (auto no = Refusal(*ctx.principal, ReviewsPolicyOf(deps).open_roles, "open reviews")) {
    return reply(ErrorResponse(*no));
  }
  auto body = ParseBody(ctx.request.body, domain::ReviewCreateFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  storage::NewReview r{.kind = StateString(*body, "review_kind"),
                       .party_id = StateString(*body, "party_id"),
                       .agreement_id = StateString(*body, "agreement_id"),
                       .title = StateString(*body, "title"),
                       .due = TimeOf(*body, "due_at").value_or(TimePoint{}),
                       .assignee_id = StateString(*body, "assignee_id"),
                       .comment = StateString(*body, "comment")};
  if (r.due <= deps.clock.Now()) {
    return reply(ErrorResponse(ValidationError("due_at", "must be in the future")));
  }
  if (r.kind == "change_review" || r.kind == "risk_assessment") {
    return reply(
        ErrorResponse(ValidationError("review_kind", "a " + r.kind +
                                                         " is opened by recording a change notice "
                                                         "(POST /api/v1/change-notices)")));
  }
  Submit(deps, std::move(reply), 201,
         [&deps, r = std::move(r), actor = ActorOf(*ctx.principal)](storage::CommandContext& c) {
           return storage::OpenReview(c, actor, r, ReviewsPolicyOf(deps));
         });
}

void ReviewAction(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseBody(ctx.request.body, domain::ReviewActionFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  storage::ReviewAction a{.action = StateString(*body, "action"),
                          .comment = StateString(*body, "comment"),
                          .assignee_id = StateString(*body, "assignee_id")};
  if (const json::value* d = body->if_contains("documentation"); d && d->is_object()) {
    a.documentation = d->as_object();
  }
  const Principal& p = *ctx.principal;
  auto action = workflow::review::ParseAction(a.action);
  if (!action) return reply(ErrorResponse(ValidationError("action", "unknown action")));
  std::optional<Error> no =
      workflow::review::RoleRefusal(ReviewsPolicyOf(deps), p.role, p.break_glass, *action);
  if (a.action == "request_info" && a.comment.empty()) {
    return reply(
        ErrorResponse(ValidationError("comment", "is required: what the party is asked for")));
  }
  if (no) return reply(ErrorResponse(*no));
  if (a.action == "reject" && a.comment.empty()) {
    return reply(ErrorResponse(
        ValidationError("comment", "is required to reject: say what needs further review")));
  }
  Submit(deps, std::move(reply), 200,
         [&deps, id = ctx.path_params.at("id"), a = std::move(a),
          actor = ActorOf(p)](storage::CommandContext& c) {
           return storage::ApplyReviewAction(c, actor, id, a, ReviewsPolicyOf(deps));
         });
}

void Respond(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Principal& p = *ctx.principal;
  // Another party's review is 404 before anything about the body is said (TP-7).
  Status visible = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto review = storage::GetObject(tx, "review", ctx.path_params.at("id"), ScopeOf(p));
    if (!review.ok()) return std::move(review).error();
    if (!review->has_value()) return NotFound("review " + ctx.path_params.at("id"));
    return Ok();
  });
  if (!visible.ok()) return reply(ErrorResponse(visible.error()));
  auto body = ParseBody(ctx.request.body, domain::ReviewResponseFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  Submit(
      deps, std::move(reply), 200,
      [id = ctx.path_params.at("id"), party = p.party_id, message = StateString(*body, "message"),
       documents = IdList(*body, "documents"), actor = ActorOf(p)](storage::CommandContext& c) {
        return storage::RespondToReview(c, actor, party, id, message, documents);
      });
}

Response Requests(ApiDeps& deps, Context& ctx) {
  const std::string& party_id = ctx.path_params.at("party_id");
  json::array items;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto party = storage::GetObject(tx, "party", party_id, ScopeOf(*ctx.principal));
    if (!party.ok()) return std::move(party).error();
    if (!party->has_value()) return NotFound("party " + party_id);
    auto r = storage::PartyRequests(tx, party_id);
    if (!r.ok()) return std::move(r).error();
    items = std::move(*r);
    return Ok();
  });
  return s.ok() ? JsonResponse(json::object{{"items", std::move(items)}})
                : ErrorResponse(s.error());
}

}  // namespace

void AddReviewWorkflowRoutes(Router& router, ApiDeps& deps) {
  router.Add(CommandRoute("POST", "/api/v1/reviews", domain::kWorkforce,
                          JsonBody(domain::SchemaOf(domain::ReviewCreateFields(), false)),
                          Json(schema::KindRef("review"), 201))
                 .Summary("Open a review now (the profile's open_roles); recurring reviews are "
                          "opened by the scheduler")
                 .Tag("reviews")
                 .Handle(deps, OpenReview));
  router.Add(CommandRoute("POST", "/api/v1/reviews/{id}/actions", domain::kWorkforce,
                          JsonBody(domain::SchemaOf(domain::ReviewActionFields(), false)),
                          Json(schema::KindRef("review")))
                 .Summary("assign | document | approve | reject (TP-12) | request_info (ask the "
                          "party), with a comment; each is a ledger event")
                 .Tag("reviews")
                 .Path("id", "id")
                 .Handle(deps, ReviewAction));
  // A review asks the party (request_info); the party's contact reads and answers here.
  router.Add(CommandRoute("POST", "/api/v1/reviews/{id}/responses",
                          domain::RoleSet{domain::Role::kThirdPartyContact},
                          JsonBody(domain::SchemaOf(domain::ReviewResponseFields(), false)),
                          Json(schema::KindRef("review")))
                 .Summary("A third party answers what a review asked it (message and its own "
                          "documents); a ledger event")
                 .Tag("reviews")
                 .Path("id", "id")
                 .Handle(deps, Respond));
  router.Add(ReadRoute("/api/v1/parties/{party_id}/requests", domain::kEveryone,
                       Json(schema::Object({{"items", schema::ArrayOf(PartyRequestSchema())}})))
                 .Summary("What open reviews ask this party, with its answers (what its contacts "
                          "see of a review)")
                 .Tag("reviews")
                 .Path("party_id", "party")
                 .Handle(deps, Requests));
}

}  // namespace review_routes

void AddReviewRoutes(Router& router, ApiDeps& deps) {
  review_routes::AddReviewWorkflowRoutes(router, deps);
  review_routes::AddFindingRoutes(router, deps);
  review_routes::AddReportRoutes(router, deps);
}

}  // namespace accord::http
