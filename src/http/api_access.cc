// The access gate over HTTP (TP-2, TP-3, TP-4, TP-8): dry-run evaluation, grant requests
// decided by the profile's rules, approval by the role the profile names, revocation, and
// expiry by time. Every decision is stored with the grant and recorded in the ledger.
#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/domain/roles.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/grants.h"
#include "accord/workflow/grant.h"

namespace accord::http {

namespace json = boost::json;
using domain::StateString;

namespace {

// Access decisions are ours: a party's contacts do not read them.
constexpr domain::RoleSet kGrantReaders = domain::kOrgReaders;

const policy::AccessPolicy* PolicyOf(const ApiDeps& deps) {
  return deps.profile ? &deps.profile->access : nullptr;
}

Error NoProfile() { return Error{ErrorCode::kUnavailable, "no policy profile is loaded", {}}; }

struct Transition {
  std::string verb;  // approve | deny | revoke
  std::string comment;
};

Result<Transition> ParseTransition(const std::string& verb, std::string_view body_text) {
  Transition t{verb, ""};
  json::object body;
  if (!body_text.empty()) {
    auto parsed = ParseJsonObject(body_text);
    if (!parsed.ok()) return std::move(parsed).error();
    body = std::move(*parsed);
  }
  std::vector<domain::FieldSpec> spec = {{.name = "comment",
                                          .type = domain::FieldType::kText,
                                          .required = verb != "approve",
                                          .max_length = 4000}};
  std::vector<ErrorDetail> details;
  json::object out;
  domain::ValidateFields(spec, body, false, "", out, details);
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  t.comment = StateString(out, "comment");
  return t;
}

json::object GrantRequestSchema() {
  json::object line{
      {"type", "object"},
      {"required", json::array{"system_id", "permission"}},
      {"properties",
       json::object{{"system_id", json::object{{"type", "string"}}},
                    {"permission", json::object{{"type", "string"},
                                                {"enum", json::array{"read", "write", "admin"}}}},
                    {"justification", json::object{{"type", "string"}}},
                    {"endpoints", json::object{{"type", "array"},
                                               {"items", json::object{{"type", "string"}}},
                                               {"description",
                                                "names of the system's endpoints the party "
                                                "will use (TP-5); none: any of them"}}}}}};
  return json::object{
      {"type", "object"},
      {"required", json::array{"party_id", "contact_id", "start_at", "end_at", "lines"}},
      {"properties",
       json::object{{"party_id", json::object{{"type", "string"}}},
                    {"contact_id", json::object{{"type", "string"}}},
                    {"purpose", json::object{{"type", "string"}}},
                    {"start_at", json::object{{"type", "string"}, {"format", "date-time"}}},
                    {"end_at", json::object{{"type", "string"}, {"format", "date-time"}}},
                    {"lines", json::object{{"type", "array"}, {"items", line}}}}}};
}

// POST .../{id}/approve|deny|revoke.
void Transition(ApiDeps& deps, const std::string& verb, Context&& ctx, Reply reply) {
  const policy::AccessPolicy* policy = PolicyOf(deps);
  if (!policy) return reply(ErrorResponse(NoProfile()));
  if (ctx.principal->break_glass) {
    auto action = workflow::grant::ParseAction(verb);
    if (auto no = action ? workflow::grant::BreakGlassRefusal(*action) : std::nullopt) {
      return reply(ErrorResponse(*no));
    }
  }
  auto t = ParseTransition(verb, ctx.request.body);
  if (!t.ok()) return reply(ErrorResponse(t.error()));
  std::string id = ctx.path_params.at("id");
  domain::Actor actor = ActorOf(*ctx.principal);
  deps.log.Submit(
      [policy, id, t = std::move(*t), actor](storage::CommandContext& c) {
        return storage::ApplyGrantAction(c, *policy, id, t.verb, t.comment, actor);
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r)); });
}

Response Evaluate(ApiDeps& deps, Context& ctx) {
  const policy::AccessPolicy* policy = PolicyOf(deps);
  if (!policy) return ErrorResponse(NoProfile());
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return ErrorResponse(body.error());
  auto input = storage::ParseGrantInput(*body);
  if (!input.ok()) return ErrorResponse(input.error());
  json::object decision;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto d = storage::DecideGrant(tx, *policy, *input, ScopeOf(*ctx.principal), deps.clock.Now());
    if (!d.ok()) return std::move(d).error();
    decision = std::move(*d);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(decision);
}

void RequestGrant(ApiDeps& deps, Context&& ctx, Reply reply) {
  const policy::AccessPolicy* policy = PolicyOf(deps);
  if (!policy) return reply(ErrorResponse(NoProfile()));
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  auto input = storage::ParseGrantInput(*body);
  if (!input.ok()) return reply(ErrorResponse(input.error()));
  domain::Actor actor = ActorOf(*ctx.principal);
  deps.log.Submit(
      [policy, in = std::move(*input), actor](storage::CommandContext& c) {
        return storage::RequestGrant(c, *policy, in, actor);
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r, 201)); });
}

Response ListGrants(ApiDeps& deps, Context& ctx) {
  auto page = ParsePage(ctx);
  if (!page.ok()) return ErrorResponse(page.error());
  auto as_of = ParseAsOf(ctx);
  if (!as_of.ok()) return ErrorResponse(as_of.error());
  storage::ListQuery q{.kind = "grant",
                       .party_id = std::string(ctx.Query("party_id")),
                       .tag = std::string(ctx.Query("decision_outcome")),
                       .status = std::string(ctx.Query("status")),
                       .after_id = page->after_id.value_or(""),
                       .limit = page->limit,
                       .as_of = *as_of,
                       .newest_first = true};
  if (std::string_view order = ctx.Query("order"); order == "oldest") {
    q.newest_first = false;
  } else if (!order.empty() && order != "newest") {
    return ErrorResponse(ValidationError("order", "must be newest or oldest"));
  }
  json::object body;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto result = storage::ListObjects(tx, q, ScopeOf(*ctx.principal));
    if (!result.ok()) return std::move(result).error();
    body = PageJson(*result);
    TimePoint now = deps.clock.Now();
    auto& items = body["items"].as_array();
    storage::NameCache names(tx);
    storage::Viewer viewer = ViewerOf(*ctx.principal, deps);
    for (size_t i = 0; i < items.size(); ++i) {
      json::object& item = items[i].as_object();
      item["effective_status"] = storage::EffectiveStatus(result->items[i].doc, now);
      ACCORD_TRY(storage::DecorateView(tx, names, viewer, "grant", item, false, now, q.as_of));
    }
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(body);
}

Response GetGrant(ApiDeps& deps, Context& ctx) {
  auto as_of = ParseAsOf(ctx);
  if (!as_of.ok()) return ErrorResponse(as_of.error());
  const std::string& id = ctx.path_params.at("id");
  json::value body;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto o = storage::GetObject(tx, "grant", id, ScopeOf(*ctx.principal), *as_of);
    if (!o.ok()) return std::move(o).error();
    if (!o->has_value()) return NotFound("grant " + id);
    json::object view = storage::GrantView(**o, deps.clock.Now());
    storage::NameCache names(tx);
    ACCORD_TRY(storage::DecorateView(tx, names, ViewerOf(*ctx.principal, deps), "grant", view, true,
                                     deps.clock.Now(), *as_of));
    body = std::move(view);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(body);
}

}  // namespace

void AddAccessRoutes(Router& router, ApiDeps& deps) {
  router.Add(CommandRoute("POST", "/api/v1/access/evaluate", domain::kWorkforce,
                          JsonBody(GrantRequestSchema()), Json(schema::Ref("GateDecision")))
                 .Summary("Dry run: the gate's decision and reasons for a grant request; records "
                          "nothing")
                 .Tag("access")
                 .Handle(deps, Evaluate));
  router.Add(CommandRoute("POST", "/api/v1/access/grants", domain::kWorkforce,
                          JsonBody(GrantRequestSchema()), Json(schema::KindRef("grant"), 201))
                 .Summary("Request access for a third party; the gate decides (deny | "
                          "needs_approval | allow) and the decision is recorded")
                 .Tag("access")
                 .Handle(deps, RequestGrant));
  router.Add(ReadRoute("/api/v1/access/grants", kGrantReaders,
                       Json(schema::Page(schema::KindRef("grant"))))
                 .Summary("Grants, newest first; filter by party_id, status, decision; ?as_of=N")
                 .Tag("access")
                 .Query("party_id", "one party's grants")
                 .Query("status", "recorded status: requested approved denied revoked expired")
                 .Query("decision_outcome", "allow deny needs_approval")
                 .Query("order", "newest (default) or oldest first")
                 .Paged()
                 .Query("as_of", "ledger size", "integer")
                 .Handle(deps, ListGrants));
  router.Add(ReadRoute("/api/v1/access/grants/{id}", kGrantReaders, Json(schema::KindRef("grant")))
                 .Summary("One grant with its decision and effective status; ?as_of=N")
                 .Tag("access")
                 .Path("id", "grant id")
                 .Query("as_of", "ledger size", "integer")
                 .Handle(deps, GetGrant));
  json::object comment{{"type", "object"},
                       {"properties", json::object{{"comment", json::object{{"type", "string"}}}}}};
  for (const char* verb : {"approve", "deny", "revoke"}) {
    std::string v = verb;
    router.Add(
        CommandRoute("POST", "/api/v1/access/grants/{id}/" + v, domain::kOfficers,
                     JsonBody(comment), Json(schema::KindRef("grant")))
            .Summary(v == "revoke" ? "Revoke an approved or active grant at once (comment required)"
                     : v == "deny" ? "Deny a requested grant (comment required)"
                                   : "Approve a requested grant; the gate decides again first "
                                     "(only the profile's approver roles)")
            .Tag("access")
            .Path("id", "grant id")
            .Handle([&deps, v](Context&& ctx, Reply reply) {
              Transition(deps, v, std::move(ctx), std::move(reply));
            }));
  }
}

}  // namespace accord::http
