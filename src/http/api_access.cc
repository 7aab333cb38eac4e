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
const std::vector<std::string> kGrantReaders = domain::kOrgReaders;

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
                    {"justification", json::object{{"type", "string"}}}}}};
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

void AddGrantTransitionRoute(Router& router, ApiDeps& deps, const std::string& verb) {
  storage::EventLog& log = deps.log;
  const policy::AccessPolicy* policy = PolicyOf(deps);
  router.Add(Route{
      .method = "POST",
      .pattern = "/api/v1/access/grants/{id}/" + verb,
      .roles = kOfficerRoles,
      .summary = verb == "revoke" ? "Revoke an approved or active grant at once (comment required)"
                 : verb == "deny" ? "Deny a requested grant (comment required)"
                                  : "Approve a requested grant; the gate decides again first "
                                    "(only the profile's approver roles)",
      .tag = "access",
      .params = {{"id", "path", "string", true, "grant id"}},
      .request_schema =
          json::object{{"type", "object"},
                       {"properties", json::object{{"comment", json::object{{"type", "string"}}}}}},
      .response_schema = schema::KindRef("grant"),
      .handler =
          [&log, policy, verb](Context&& ctx, Reply reply) {
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
            log.Submit(
                [policy, id, t = std::move(*t), actor](storage::CommandContext& c) {
                  return storage::ApplyGrantAction(c, *policy, id, t.verb, t.comment, actor);
                },
                [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r)); });
          },
  });
}

}  // namespace

void AddAccessRoutes(Router& router, ApiDeps& deps) {
  storage::Store& store = deps.store;
  storage::EventLog& log = deps.log;
  const Clock& clock = deps.clock;
  const policy::AccessPolicy* policy = PolicyOf(deps);
  router.Add(Route{
      .method = "POST",
      .pattern = "/api/v1/access/evaluate",
      .roles = kWorkforceRoles,
      .summary = "Dry run: the gate's decision and reasons for a grant request; records nothing",
      .tag = "access",
      .request_schema = GrantRequestSchema(),
      .response_schema = schema::Ref("GateDecision"),
      .handler = Sync([&store, &clock, policy](Context& ctx) {
        if (!policy) return ErrorResponse(NoProfile());
        auto body = ParseJsonObject(ctx.request.body);
        if (!body.ok()) return ErrorResponse(body.error());
        auto input = storage::ParseGrantInput(*body);
        if (!input.ok()) return ErrorResponse(input.error());
        json::object decision;
        Status s = store.Read([&](storage::Tx& tx) -> Status {
          auto d = storage::DecideGrant(tx, *policy, *input, ScopeOf(*ctx.principal), clock.Now());
          if (!d.ok()) return std::move(d).error();
          decision = std::move(*d);
          return Ok();
        });
        if (!s.ok()) return ErrorResponse(s.error());
        return JsonResponse(decision);
      }),
  });
  router.Add(Route{
      .method = "POST",
      .pattern = "/api/v1/access/grants",
      .roles = kWorkforceRoles,
      .summary = "Request access for a third party; the gate decides (deny | needs_approval | "
                 "allow) and the decision is recorded",
      .tag = "access",
      .request_schema = GrantRequestSchema(),
      .response_schema = schema::KindRef("grant"),
      .success_status = 201,
      .handler =
          [&log, policy](Context&& ctx, Reply reply) {
            if (!policy) return reply(ErrorResponse(NoProfile()));
            auto body = ParseJsonObject(ctx.request.body);
            if (!body.ok()) return reply(ErrorResponse(body.error()));
            auto input = storage::ParseGrantInput(*body);
            if (!input.ok()) return reply(ErrorResponse(input.error()));
            domain::Actor actor = ActorOf(*ctx.principal);
            log.Submit(
                [policy, in = std::move(*input), actor](storage::CommandContext& c) {
                  return storage::RequestGrant(c, *policy, in, actor);
                },
                [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r, 201)); });
          },
  });
  router.Add(Route{
      .method = "GET",
      .pattern = "/api/v1/access/grants",
      .roles = kGrantReaders,
      .summary = "Grants, newest first; filter by party_id, status, decision; ?as_of=N",
      .tag = "access",
      .params = {{"party_id", "query", "string", false, "one party's grants"},
                 {"status", "query", "string", false,
                  "recorded status: requested approved denied revoked expired"},
                 {"decision_outcome", "query", "string", false, "allow deny needs_approval"},
                 {"order", "query", "string", false, "newest (default) or oldest first"},
                 {"limit", "query", "integer", false, "1-500, default 50"},
                 {"cursor", "query", "string", false, "from next_cursor"},
                 {"as_of", "query", "integer", false, "ledger size"}},
      .response_schema = schema::Page(schema::KindRef("grant")),
      .handler = Sync([&store, &clock, &deps](Context& ctx) {
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
        Status s = store.Read([&](storage::Tx& tx) -> Status {
          auto result = storage::ListObjects(tx, q, ScopeOf(*ctx.principal));
          if (!result.ok()) return std::move(result).error();
          body = PageJson(*result);
          TimePoint now = clock.Now();
          auto& items = body["items"].as_array();
          storage::NameCache names(tx);
          storage::Viewer viewer = ViewerOf(*ctx.principal, deps);
          for (size_t i = 0; i < items.size(); ++i) {
            json::object& item = items[i].as_object();
            item["effective_status"] = storage::EffectiveStatus(result->items[i].doc, now);
            ACCORD_TRY(
                storage::DecorateView(tx, names, viewer, "grant", item, false, now, q.as_of));
          }
          return Ok();
        });
        if (!s.ok()) return ErrorResponse(s.error());
        return JsonResponse(body);
      }),
  });
  router.Add(Route{
      .method = "GET",
      .pattern = "/api/v1/access/grants/{id}",
      .roles = kGrantReaders,
      .summary = "One grant with its decision and effective status; ?as_of=N",
      .tag = "access",
      .params = {{"id", "path", "string", true, "grant id"},
                 {"as_of", "query", "integer", false, "ledger size"}},
      .response_schema = schema::KindRef("grant"),
      .handler = Sync([&store, &clock, &deps](Context& ctx) {
        auto as_of = ParseAsOf(ctx);
        if (!as_of.ok()) return ErrorResponse(as_of.error());
        const std::string& id = ctx.path_params.at("id");
        json::value body;
        Status s = store.Read([&](storage::Tx& tx) -> Status {
          auto o = storage::GetObject(tx, "grant", id, ScopeOf(*ctx.principal), *as_of);
          if (!o.ok()) return std::move(o).error();
          if (!o->has_value()) return NotFound("grant " + id);
          json::object view = storage::GrantView(**o, clock.Now());
          storage::NameCache names(tx);
          ACCORD_TRY(storage::DecorateView(tx, names, ViewerOf(*ctx.principal, deps), "grant", view,
                                           true, clock.Now(), *as_of));
          body = std::move(view);
          return Ok();
        });
        if (!s.ok()) return ErrorResponse(s.error());
        return JsonResponse(body);
      }),
  });
  for (const char* verb : {"approve", "deny", "revoke"})
    AddGrantTransitionRoute(router, deps, verb);
}

}  // namespace accord::http
