#include "accord/storage/grants.h"

#include <boost/json.hpp>

#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/policy/gate_json.h"
#include "accord/storage/registry_commands.h"
#include "accord/workflow/grant.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;
namespace wf = workflow::grant;

namespace {

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
    if (const json::value* e = o.if_contains("endpoints")) line["endpoints"] = *e;
    lines.push_back(std::move(line));
  }
  body["lines"] = std::move(lines);
  return ParseGrantInput(body);
}

// Approving asks the gate again: evidence may have changed since the request.
Status Approve(CommandContext& c, const policy::AccessPolicy& policy, json::object& state,
               const domain::Actor& actor) {
  auto input = InputFromGrant(state);
  if (!input.ok()) return std::move(input).error();
  // Access begins at approval at the earliest: judge the time from now on, so a request that
  // waited for its approver past its start is not refused as backdated.
  if (input->start < c.Now()) input->start = c.Now();
  auto decision = DecideGrant(c.tx(), policy, *input, Scope{}, c.Now());
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
  return Ok();
}

}  // namespace

std::string GrantLinesText(const json::object& grant, bool environments) {
  std::string out;
  const json::value* lines = grant.if_contains("lines");
  if (!lines || !lines->is_array()) return out;
  for (const auto& l : lines->as_array()) {
    if (!l.is_object()) continue;
    const json::object& o = l.as_object();
    std::string system = StateString(o, "system_name");
    if (system.empty()) system = StateString(o, "system_id");
    std::string part = StateString(o, "permission") + " on " + system;
    if (std::string env = StateString(o, "environment"); environments && !env.empty()) {
      part += " [" + env + "]";
    }
    out += (out.empty() ? "" : "; ") + part;
  }
  return out;
}

std::string EffectiveStatus(const json::object& grant, TimePoint now) {
  std::string status = StateString(grant, "status");
  if (status != "approved") return status;
  auto start = ParseRfc3339(StateString(grant, "start_at"));
  auto end = ParseRfc3339(StateString(grant, "end_at"));
  if (end.ok() && now >= *end) return "expired";
  if (start.ok() && now >= *start) return "active";
  return status;
}

json::object GrantView(const StoredObject& o, TimePoint now) {
  json::object out = ObjectView(o);
  out["effective_status"] = EffectiveStatus(o.doc, now);
  return out;
}

Result<json::object> DecideGrant(Tx& tx, const policy::AccessPolicy& policy,
                                 const GrantInput& input, const Scope& scope, TimePoint now,
                                 json::array* lines) {
  auto gate = GateInput::Load(tx, input, scope);
  if (!gate.ok()) return std::move(gate).error();
  policy::GateRequest request = (*gate)->Request(now);
  policy::GateResult result = policy::Evaluate(policy, request);
  if (lines) *lines = (*gate)->LinesJson();
  return policy::ToJson(result);
}

Result<json::value> RequestGrant(CommandContext& c, const policy::AccessPolicy& policy,
                                 const GrantInput& input, const domain::Actor& actor) {
  json::array lines;
  auto decision = DecideGrant(c.tx(), policy, input, Scope{}, c.Now(), &lines);
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
  return json::value(GrantView(StoredObject{id, input.party_id, input.party_id,
                                            static_cast<int64_t>(*index), std::move(state)},
                               c.Now()));
}

Result<json::value> RequestGrant(CommandContext& c, const policy::AccessPolicy& policy,
                                 const json::object& body, const domain::Actor& actor) {
  auto input = ParseGrantInput(body);
  if (!input.ok()) return std::move(input).error();
  return RequestGrant(c, policy, *input, actor);
}

Result<json::value> ApplyGrantAction(CommandContext& c, const policy::AccessPolicy& policy,
                                     const std::string& id, const std::string& verb,
                                     const std::string& comment, const domain::Actor& actor) {
  auto action = wf::ParseAction(verb);
  if (!action || *action == wf::Action::kExpire) {
    return ValidationError("action", "unknown action '" + verb + "'");
  }
  auto current = GetObject(c.tx(), "grant", id, Scope{});
  if (!current.ok()) return std::move(current).error();
  if (!current->has_value()) return NotFound("grant " + id);
  json::object state = (*current)->doc;
  std::string status = StateString(state, "status");
  std::string effective = EffectiveStatus(state, c.Now());
  auto from = wf::ParseState(status);
  if (!from) return Internal("grant " + id + " has an unknown status " + status);
  // An approved grant past its end is expired for every purpose, swept or not.
  const bool possible = wf::Next(*from, *action) && effective != "expired";
  if (*action != wf::Action::kRevoke && !possible) {
    return Error{ErrorCode::kConflict,
                 "the grant is " + effective + "; only a requested grant can be " +
                     (*action == wf::Action::kApprove ? "approved" : "denied"),
                 {{"status", "is " + effective, {}}}};
  }
  if (*action == wf::Action::kRevoke && !possible) {
    return Error{ErrorCode::kConflict,
                 "the grant is " + effective + "; nothing to revoke",
                 {{"status", "is " + effective, {}}}};
  }
  if (auto no = wf::RoleRefusal(policy, actor.role, *action)) return *no;
  const std::string requested_by = domain::ActorIdOf(state, "requested_by");
  if (auto no = wf::PersonRefusal(policy, actor.id, requested_by, *action)) return *no;

  std::string type;
  if (*action == wf::Action::kApprove) {
    ACCORD_TRY(Approve(c, policy, state, actor));
    // Only reached when the profile allows it ([separation]); the approval says so.
    if (wf::IsSelfApproval(actor.id, requested_by, *action)) state["self_approved"] = true;
    type = "grant.approved";
  } else if (*action == wf::Action::kDeny) {
    state["status"] = "denied";
    state["denied_by"] = domain::ActorJson(actor);
    type = "grant.denied";
  } else {
    state["status"] = "revoked";
    state["revoked_by"] = domain::ActorJson(actor);
    state["revoked_at"] = FormatRfc3339(c.Now());
    type = "grant.revoked";
  }
  if (!comment.empty())
    state[*action == wf::Action::kApprove ? "approval_comment" : "reason"] = comment;
  state["decision_outcome"] = StateString(state.at("decision").as_object(), "decision");
  state["updated_at"] = FormatRfc3339(c.Now());
  state["version"] = state.at("version").as_int64() + 1;
  json::object payload{{"state", state}};
  if (!comment.empty()) payload["comment"] = comment;
  auto index = c.Append(domain::Event{
      .type = type, .actor = actor, .subject = {"grant", id}, .payload = std::move(payload)});
  if (!index.ok()) return std::move(index).error();
  return json::value(GrantView(
      StoredObject{id, (*current)->party_id, "", static_cast<int64_t>(*index), std::move(state)},
      c.Now()));
}

Result<int> ExpireGrants(EventLog& log) {
  // Most seconds nothing is due: look first, so the sweep costs a read, not a write.
  bool any = false;
  std::string now_text = FormatRfc3339(log.clock().Now());
  Status s = log.store().Read([&](Tx& tx) -> Status {
    return tx.ForEach(
        "SELECT o.doc FROM rm_objects o WHERE o.kind = 'grant' "
        "AND o.status = 'approved' AND o.to_idx = ?",
        {kOpenVersion}, [&](const Row& row) {
          boost::system::error_code ec;
          json::value v = json::parse(row.Text(0), ec);
          any = !ec && v.is_object() && StateString(v.as_object(), "end_at") <= now_text;
          return !any;
        });
  });
  if (!s.ok()) return std::move(s).error();
  if (!any) return 0;
  auto r = log.Execute([](CommandContext& c) -> Result<json::value> {
    std::vector<StoredObject> due;
    std::string now = FormatRfc3339(c.Now());
    ACCORD_TRY(c.tx().ForEach(
        "SELECT o.id, o.party_id, o.doc FROM rm_objects o WHERE o.kind = 'grant' "
        "AND o.status = 'approved' AND o.to_idx = ?",
        {kOpenVersion}, [&](const Row& row) {
          boost::system::error_code ec;
          json::value v = json::parse(row.Text(2), ec);
          if (!ec && v.is_object() && StateString(v.as_object(), "end_at") <= now) {
            due.push_back({row.Text(0), row.Text(1), "", 0, std::move(v.as_object())});
          }
          return true;
        }));
    for (auto& g : due) {
      g.doc["status"] = wf::Name(wf::State::kExpired);
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

}  // namespace accord::storage
