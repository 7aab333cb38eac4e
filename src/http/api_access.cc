// The access gate over HTTP (TP-2, TP-3, TP-4, TP-8): dry-run evaluation, grant requests
// decided by the profile's rules, approval by the role the profile names, revocation, and
// expiry by time. Every decision is stored with the grant and recorded in the ledger.
#include <boost/json.hpp>

#include "access_input.h"
#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/policy/gate_json.h"

namespace accord::http {

namespace json = boost::json;
using domain::StateString;

namespace {

// Access decisions are ours: a party's contacts do not read them.
const std::vector<std::string> kGrantReaders = {"security_officer", "privacy_officer", "staff",
                                                "auditor"};

const policy::AccessPolicy* PolicyOf(const ApiDeps& deps) {
  return deps.profile ? &deps.profile->access : nullptr;
}

Error NoProfile() { return Error{ErrorCode::kUnavailable, "no policy profile is loaded", {}}; }

// The status a person should see: an approved grant is active between start and end and
// expired after it, whether or not the expiry sweep has recorded it yet.
std::string EffectiveStatus(const json::object& grant, TimePoint now) {
  std::string status = StateString(grant, "status");
  if (status != "approved") return status;
  auto start = ParseRfc3339(StateString(grant, "start_at"));
  auto end = ParseRfc3339(StateString(grant, "end_at"));
  if (end.ok() && now >= *end) return "expired";
  if (start.ok() && now >= *start) return "active";
  return status;
}

json::object GrantJson(const storage::StoredObject& o, TimePoint now) {
  json::object out = ObjectJson(o);
  out["effective_status"] = EffectiveStatus(o.doc, now);
  return out;
}

Result<json::object> Decide(storage::Tx& tx, const policy::AccessPolicy& policy,
                            const GrantInput& input, const storage::Scope& scope, TimePoint now,
                            json::array* lines) {
  auto gate = GateInput::Load(tx, input, scope);
  if (!gate.ok()) return std::move(gate).error();
  policy::GateRequest request = (*gate)->Request(now);
  policy::GateResult result = policy::Evaluate(policy, request);
  if (lines) *lines = (*gate)->LinesJson();
  return policy::ToJson(result);
}

Result<json::value> RequestGrant(storage::CommandContext& c, const policy::AccessPolicy& policy,
                                 const GrantInput& input, const domain::Actor& actor) {
  json::array lines;
  auto decision = Decide(c.tx(), policy, input, storage::Scope{}, c.Now(), &lines);
  if (!decision.ok()) return std::move(decision).error();
  std::string outcome = StateString(*decision, "decision");
  std::string id = NewId("gnt", c.Now());
  std::string at = FormatRfc3339(c.Now());
  json::object state{{"id", id},
                     {"party_id", input.party_id},
                     {"contact_id", input.contact_id},
                     {"purpose", input.purpose},
                     {"start_at", FormatRfc3339(input.start)},
                     {"end_at", FormatRfc3339(input.end)},
                     {"lines", std::move(lines)},
                     {"status", "requested"},
                     {"decision", *decision},
                     {"decision_outcome", outcome},
                     {"requested_by", domain::ActorJson(actor)},
                     {"created_at", at},
                     {"updated_at", at},
                     {"version", 1}};
  auto index = c.Append(domain::Event{.type = "grant.requested",
                                      .actor = actor,
                                      .subject = {"grant", id},
                                      .payload = json::object{{"state", state}}});
  if (!index.ok()) return std::move(index).error();
  // The gate decides at once when the rules leave nothing to a person.
  if (outcome == "deny" || outcome == "allow") {
    state["status"] = outcome == "deny" ? "denied" : "approved";
    state["decided_by"] = "gate";
    state["version"] = 2;
    index = c.Append(domain::Event{.type = outcome == "deny" ? "grant.denied" : "grant.approved",
                                   .actor = domain::SystemActor(),
                                   .subject = {"grant", id},
                                   .payload = json::object{{"state", state}}});
    if (!index.ok()) return std::move(index).error();
  }
  return json::value(
      GrantJson(storage::StoredObject{id, input.party_id, input.party_id,
                                      static_cast<int64_t>(*index), std::move(state)},
                c.Now()));
}

struct Transition {
  std::string verb;  // approve | deny | revoke
  std::string comment;
};

bool RoleAllowed(const std::vector<std::string>& roles, const std::string& role) {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

// The 403 for a role the profile does not let decide, in the profile's own words (its
// approval rule: id, seed reference and reason).
std::string ApproverReason(const policy::AccessPolicy& policy) {
  std::string roles;
  for (const auto& r : policy.approver_roles) roles += (roles.empty() ? "" : ", ") + r;
  std::string reason = "the profile lets only " + roles + " approve or deny access requests";
  for (const auto& rule : policy.rules) {
    if (rule.check != policy::CheckKind::kApproval) continue;
    return reason + " (" + rule.id + ", " + rule.seed_ref + ": " + rule.reason + ")";
  }
  return reason;
}

Result<GrantInput> InputFromGrant(const json::object& g) {
  json::object body{{"party_id", g.at("party_id")},
                    {"contact_id", g.at("contact_id")},
                    {"start_at", g.at("start_at")},
                    {"end_at", g.at("end_at")}};
  json::array lines;
  for (const auto& l : g.at("lines").as_array()) {
    const auto& o = l.as_object();
    json::object line{{"system_id", o.at("system_id")}, {"permission", o.at("permission")}};
    if (!StateString(o, "justification").empty()) line["justification"] = o.at("justification");
    lines.push_back(std::move(line));
  }
  body["lines"] = std::move(lines);
  return ParseGrantInput(body);
}

Result<json::value> ApplyTransition(storage::CommandContext& c, const policy::AccessPolicy& policy,
                                    const std::string& id, const Transition& t,
                                    const domain::Actor& actor) {
  auto current = storage::GetObject(c.tx(), "grant", id, storage::Scope{});
  if (!current.ok()) return std::move(current).error();
  if (!current->has_value()) return NotFound("grant " + id);
  json::object state = (*current)->doc;
  std::string status = StateString(state, "status");
  std::string effective = EffectiveStatus(state, c.Now());
  std::string type;
  if (t.verb == "approve" || t.verb == "deny") {
    if (status != "requested") {
      return Error{ErrorCode::kConflict,
                   "the grant is " + effective + "; only a requested grant can be " +
                       (t.verb == "approve" ? "approved" : "denied"),
                   {{"status", "is " + effective, {}}}};
    }
    if (!RoleAllowed(policy.approver_roles, actor.role)) {
      return Error{
          ErrorCode::kForbidden, ApproverReason(policy), {{"role", "is " + actor.role, {}}}};
    }
  }
  if (t.verb == "approve") {
    // Evidence may have changed since the request: decide again, now.
    auto input = InputFromGrant(state);
    if (!input.ok()) return std::move(input).error();
    // Access begins at approval at the earliest: judge the time from now on, so a request
    // that waited for its approver past its start is not refused as backdated.
    if (input->start < c.Now()) input->start = c.Now();
    auto decision = Decide(c.tx(), policy, *input, storage::Scope{}, c.Now(), nullptr);
    if (!decision.ok()) return std::move(decision).error();
    if (StateString(*decision, "decision") == "deny") {
      std::vector<ErrorDetail> details;
      for (const auto& r : decision->at("rules").as_array()) {
        const auto& rule = r.as_object();
        if (StateString(rule, "outcome") == "deny") {
          details.push_back({StateString(rule, "id"), StateString(rule, "reason"), {}});
        }
      }
      return Error{ErrorCode::kConflict,
                   "the gate now denies this request: " + details.front().field + ": " +
                       details.front().reason,
                   std::move(details)};
    }
    state["decision"] = std::move(*decision);
    state["status"] = "approved";
    state["approved_by"] = domain::ActorJson(actor);
    state["approved_at"] = FormatRfc3339(c.Now());
    type = "grant.approved";
  } else if (t.verb == "deny") {
    state["status"] = "denied";
    state["denied_by"] = domain::ActorJson(actor);
    type = "grant.denied";
  } else {
    if (effective != "approved" && effective != "active") {
      return Error{ErrorCode::kConflict,
                   "the grant is " + effective + "; nothing to revoke",
                   {{"status", "is " + effective, {}}}};
    }
    state["status"] = "revoked";
    state["revoked_by"] = domain::ActorJson(actor);
    state["revoked_at"] = FormatRfc3339(c.Now());
    type = "grant.revoked";
  }
  if (!t.comment.empty()) state[t.verb == "approve" ? "approval_comment" : "reason"] = t.comment;
  state["decision_outcome"] = StateString(state.at("decision").as_object(), "decision");
  state["updated_at"] = FormatRfc3339(c.Now());
  state["version"] = state.at("version").as_int64() + 1;
  json::object payload{{"state", state}};
  if (!t.comment.empty()) payload["comment"] = t.comment;
  auto index = c.Append(domain::Event{
      .type = type, .actor = actor, .subject = {"grant", id}, .payload = std::move(payload)});
  if (!index.ok()) return std::move(index).error();
  return json::value(
      GrantJson(storage::StoredObject{id, (*current)->party_id, "", static_cast<int64_t>(*index),
                                      std::move(state)},
                c.Now()));
}

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
      .response_schema = json::object{{"type", "object"}},
      .handler =
          [&log, policy, verb](Context&& ctx, Reply reply) {
            if (!policy) return reply(ErrorResponse(NoProfile()));
            auto t = ParseTransition(verb, ctx.request.body);
            if (!t.ok()) return reply(ErrorResponse(t.error()));
            std::string id = ctx.path_params.at("id");
            domain::Actor actor = ActorOf(*ctx.principal);
            log.Submit(
                [policy, id, t = std::move(*t), actor](storage::CommandContext& c) {
                  return ApplyTransition(c, *policy, id, t, actor);
                },
                [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r)); });
          },
  });
}

}  // namespace

Result<json::value> RequestGrantCommand(storage::CommandContext& c,
                                        const policy::AccessPolicy& policy,
                                        const json::object& body, const domain::Actor& actor) {
  auto input = ParseGrantInput(body);
  if (!input.ok()) return std::move(input).error();
  return RequestGrant(c, policy, *input, actor);
}

Result<json::value> GrantTransitionCommand(storage::CommandContext& c,
                                           const policy::AccessPolicy& policy,
                                           const std::string& id, const std::string& verb,
                                           const std::string& comment, const domain::Actor& actor) {
  return ApplyTransition(c, policy, id, Transition{verb, comment}, actor);
}

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
      .response_schema = json::object{{"type", "object"}},
      .handler = Sync([&store, &clock, policy](Context& ctx) {
        if (!policy) return ErrorResponse(NoProfile());
        auto body = ParseJsonObject(ctx.request.body);
        if (!body.ok()) return ErrorResponse(body.error());
        auto input = ParseGrantInput(*body);
        if (!input.ok()) return ErrorResponse(input.error());
        json::object decision;
        Status s = store.Read([&](storage::Tx& tx) -> Status {
          auto d = Decide(tx, *policy, *input, ScopeOf(*ctx.principal), clock.Now(), nullptr);
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
      .response_schema = json::object{{"type", "object"}},
      .success_status = 201,
      .handler =
          [&log, policy](Context&& ctx, Reply reply) {
            if (!policy) return reply(ErrorResponse(NoProfile()));
            auto body = ParseJsonObject(ctx.request.body);
            if (!body.ok()) return reply(ErrorResponse(body.error()));
            auto input = ParseGrantInput(*body);
            if (!input.ok()) return reply(ErrorResponse(input.error()));
            domain::Actor actor = ActorOf(*ctx.principal);
            log.Submit(
                [policy, in = std::move(*input), actor](storage::CommandContext& c) {
                  return RequestGrant(c, *policy, in, actor);
                },
                [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r, 201)); });
          },
  });
  router.Add(Route{
      .method = "GET",
      .pattern = "/api/v1/access/grants",
      .roles = kGrantReaders,
      .summary = "Grants, filter by party_id, status, decision; ?as_of=N",
      .tag = "access",
      .params = {{"party_id", "query", "string", false, "one party's grants"},
                 {"status", "query", "string", false,
                  "recorded status: requested approved denied revoked expired"},
                 {"decision_outcome", "query", "string", false, "allow deny needs_approval"},
                 {"limit", "query", "integer", false, "1-500, default 50"},
                 {"cursor", "query", "string", false, "from next_cursor"},
                 {"as_of", "query", "integer", false, "ledger size"}},
      .response_schema = json::object{{"type", "object"}},
      .handler = Sync([&store, &clock](Context& ctx) {
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
                             .as_of = *as_of};
        json::object body;
        Status s = store.Read([&](storage::Tx& tx) -> Status {
          auto result = storage::ListObjects(tx, q, ScopeOf(*ctx.principal));
          if (!result.ok()) return std::move(result).error();
          body = PageJson(*result);
          TimePoint now = clock.Now();
          auto& items = body["items"].as_array();
          for (size_t i = 0; i < items.size(); ++i) {
            items[i].as_object()["effective_status"] = EffectiveStatus(result->items[i].doc, now);
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
      .response_schema = json::object{{"type", "object"}},
      .handler = Sync([&store, &clock](Context& ctx) {
        auto as_of = ParseAsOf(ctx);
        if (!as_of.ok()) return ErrorResponse(as_of.error());
        const std::string& id = ctx.path_params.at("id");
        json::value body;
        Status s = store.Read([&](storage::Tx& tx) -> Status {
          auto o = storage::GetObject(tx, "grant", id, ScopeOf(*ctx.principal), *as_of);
          if (!o.ok()) return std::move(o).error();
          if (!o->has_value()) return NotFound("grant " + id);
          body = GrantJson(**o, clock.Now());
          return Ok();
        });
        if (!s.ok()) return ErrorResponse(s.error());
        return JsonResponse(body);
      }),
  });
  for (const char* verb : {"approve", "deny", "revoke"})
    AddGrantTransitionRoute(router, deps, verb);
}

Result<int> ExpireGrants(storage::EventLog& log) {
  // Most seconds nothing is due: look first, so the sweep costs a read, not a write.
  bool any = false;
  std::string now_text = FormatRfc3339(log.clock().Now());
  Status s = log.store().Read([&](storage::Tx& tx) -> Status {
    return tx.ForEach(
        "SELECT o.doc FROM rm_objects o WHERE o.kind = 'grant' "
        "AND o.status = 'approved' AND o.to_idx = ?",
        {storage::kOpenVersion}, [&](const storage::Row& row) {
          boost::system::error_code ec;
          json::value v = json::parse(row.Text(0), ec);
          any = !ec && v.is_object() && StateString(v.as_object(), "end_at") <= now_text;
          return !any;
        });
  });
  if (!s.ok()) return std::move(s).error();
  if (!any) return 0;
  auto r = log.Execute([](storage::CommandContext& c) -> Result<json::value> {
    std::vector<storage::StoredObject> due;
    std::string now = FormatRfc3339(c.Now());
    ACCORD_TRY(c.tx().ForEach(
        "SELECT o.id, o.party_id, o.doc FROM rm_objects o WHERE o.kind = 'grant' "
        "AND o.status = 'approved' AND o.to_idx = ?",
        {storage::kOpenVersion}, [&](const storage::Row& row) {
          boost::system::error_code ec;
          json::value v = json::parse(row.Text(2), ec);
          if (!ec && v.is_object() && StateString(v.as_object(), "end_at") <= now) {
            due.push_back({row.Text(0), row.Text(1), "", 0, std::move(v.as_object())});
          }
          return true;
        }));
    for (auto& g : due) {
      g.doc["status"] = "expired";
      g.doc["updated_at"] = now;
      g.doc["version"] = g.doc.at("version").as_int64() + 1;
      auto index = c.Append(domain::Event{.type = "grant.expired",
                                          .actor = domain::SystemActor(),
                                          .subject = {"grant", g.id},
                                          .payload = json::object{{"state", g.doc}}});
      if (!index.ok()) return std::move(index).error();
    }
    return json::value(static_cast<int64_t>(due.size()));
  });
  if (!r.ok()) return std::move(r).error();
  return static_cast<int>(r->as_int64());
}

}  // namespace accord::http
