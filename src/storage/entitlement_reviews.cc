#include "accord/storage/entitlement_reviews.h"
#include "accord/domain/roles.h"

#include <algorithm>
#include <boost/json.hpp>

#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/identity.h"
#include "accord/domain/registry.h"
#include "accord/storage/grants.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/ledger_tables.h"
#include "accord/storage/registry_store.h"
#include "accord/workflow/account.h"
#include "accord/workflow/entitlement_line.h"
#include "my_work_text.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

constexpr std::string_view kKind = "entitlement_review";
const std::vector<std::string> kRegularRoles = {"staff", "auditor", "third_party_contact"};
const std::vector<std::string> kElevatedRoles = domain::kOfficers;

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

int CadenceDays(const policy::IdentityPolicy& policy, std::string_view scope) {
  return scope == "regular" ? policy.review_regular_days : policy.review_elevated_days;
}

// The day is enough for a person; the exact instant is in due_at.
std::string ScheduledTitle(std::string_view scope, int64_t k, TimePoint due) {
  std::string name = scope == "regular" ? "Regular" : "Elevated";
  return name + " entitlement review #" + std::to_string(k) + " (due " +
         my_work_text::HumanDay(FormatRfc3339(due)) + ")";
}

json::object Undecided(json::object line) {
  line["decision"] = nullptr;
  line["decided_by"] = nullptr;
  line["decided_at"] = nullptr;
  line["comment"] = nullptr;
  return line;
}

// --- lines ---------------------------------------------------------------------------------

Status AddUserLines(Tx& tx, const std::vector<std::string>& roles, json::array& lines) {
  auto rows = tx.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'user' AND status = 'active' AND to_idx = ? "
      "ORDER BY name_lc",
      {kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& row : *rows) {
    auto doc = domain::ParseStateDoc(row.Text(0));
    if (!doc) continue;
    const json::object& u = *doc;
    if (!Contains(roles, StateString(u, "role"))) continue;
    json::object line{{"kind", "user_role"},
                      {"user_id", StateString(u, "id")},
                      {"email", StateString(u, "email")},
                      {"name", StateString(u, "name")},
                      {"role", StateString(u, "role")}};
    if (!StateString(u, "party_id").empty()) line["party_id"] = StateString(u, "party_id");
    lines.push_back(Undecided(std::move(line)));
  }
  return Ok();
}

// Approved grants whose end is still ahead: access a third party has or is about to have.
Status AddGrantLines(Tx& tx, TimePoint now, json::array& lines) {
  auto rows = tx.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'grant' AND status = 'approved' AND to_idx = ? "
      "ORDER BY id",
      {kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  std::string now_text = FormatRfc3339(now);
  for (const auto& row : *rows) {
    auto doc = domain::ParseStateDoc(row.Text(0));
    if (!doc) continue;
    const json::object& g = *doc;
    if (StateString(g, "end_at") <= now_text) continue;
    std::string party_id = StateString(g, "party_id");
    auto party = GetObject(tx, "party", party_id, Scope{});
    if (!party.ok()) return std::move(party).error();
    json::object line{{"kind", "grant"},
                      {"grant_id", StateString(g, "id")},
                      {"party_id", party_id},
                      {"party_name", party->has_value() ? StateString((*party)->doc, "name") : ""},
                      {"contact_id", StateString(g, "contact_id")},
                      {"purpose", StateString(g, "purpose")},
                      {"summary", GrantLinesText(g, true)},
                      {"start_at", StateString(g, "start_at")},
                      {"end_at", StateString(g, "end_at")}};
    lines.push_back(Undecided(std::move(line)));
  }
  return Ok();
}

// The ledger index at which the latest elevated campaign opened (-1: none yet), so each
// break-glass use is reviewed by exactly one elevated campaign.
Result<int64_t> LastElevatedOpening(Tx& tx) {
  auto row = tx.QueryOne(
      "SELECT MAX(first_idx) FROM (SELECT MIN(from_idx) AS first_idx FROM rm_objects "
      "WHERE kind = 'entitlement_review' AND tag = 'elevated' GROUP BY id) t",
      {});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value() || (*row)->IsNull(0)) return int64_t{-1};
  return (*row)->Int(0);
}

Status AddBreakGlassLines(Tx& tx, json::array& lines) {
  auto since = LastElevatedOpening(tx);
  if (!since.ok()) return std::move(since).error();
  // Collected first: a PostgreSQL cursor stays open while its callback runs.
  auto rows = tx.Query(
      "SELECT idx, subject_id FROM rm_subject_events WHERE subject_kind = 'user' "
      "AND type = 'auth.break_glass_started' AND idx > ? ORDER BY idx",
      {*since});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& row : *rows) {
    auto leaf = ReadLeaf(tx, static_cast<uint64_t>(row.Int(0)));
    if (!leaf.ok()) return std::move(leaf).error();
    auto event = domain::ParseLeaf(leaf->leaf);
    if (!event.ok()) return std::move(event).error();
    auto user = FindUser(tx, row.Text(1));
    if (!user.ok()) return std::move(user).error();
    json::object u = user->value_or(json::object{});
    const json::object& p = event->payload;
    json::object line{{"kind", "break_glass"},
                      {"user_id", row.Text(1)},
                      {"email", StateString(u, "email")},
                      {"name", StateString(u, "name")},
                      {"role", StateString(u, "role")},
                      {"reason", StateString(p, "reason")},
                      {"at", FormatRfc3339(event->time)},
                      {"until", StateString(p, "until")},
                      {"session_id", StateString(p, "session_id")},
                      {"ledger_index", row.Int(0)}};
    lines.push_back(Undecided(std::move(line)));
  }
  return Ok();
}

Result<json::array> BuildLines(Tx& tx, std::string_view scope, TimePoint now) {
  json::array lines;
  if (scope == "regular") {
    ACCORD_TRY(AddUserLines(tx, kRegularRoles, lines));
    ACCORD_TRY(AddGrantLines(tx, now, lines));
  } else {
    ACCORD_TRY(AddUserLines(tx, kElevatedRoles, lines));
    ACCORD_TRY(AddBreakGlassLines(tx, lines));
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    lines[i].as_object()["line_id"] = "l" + std::to_string(i + 1);
  }
  return lines;
}

// --- events --------------------------------------------------------------------------------

void Bump(json::object& state, TimePoint now) {
  state["updated_at"] = FormatRfc3339(now);
  const json::value* version = state.if_contains("version");
  state["version"] = (version && version->is_int64() ? version->as_int64() : 0) + 1;
}

Status AppendReview(CommandContext& c, const std::string& type, const domain::Actor& actor,
                    const json::object& state, json::object extra = {}) {
  extra["state"] = state;
  auto index = c.Append(domain::Event{.type = type,
                                      .actor = actor,
                                      .subject = {std::string(kKind), StateString(state, "id")},
                                      .payload = std::move(extra)});
  if (!index.ok()) return std::move(index).error();
  return Ok();
}

Status Complete(CommandContext& c, const domain::Actor& actor, json::object& state) {
  state["status"] = "completed";
  state["completed_at"] = FormatRfc3339(c.Now());
  Bump(state, c.Now());
  return AppendReview(c, "entitlement_review.completed", actor, state);
}

size_t UndecidedCount(const json::object& state) {
  size_t n = 0;
  for (const auto& l : state.at("lines").as_array()) {
    if (l.as_object().at("decision").is_null()) ++n;
  }
  return n;
}

// --- decisions -----------------------------------------------------------------------------

// Makes a revocation real; returns what it did, for the line's `effect`.
Result<std::string> Revoke(CommandContext& c, const domain::Actor& actor, const json::object& line,
                           const std::string& reason, const policy::IdentityPolicy& policy,
                           const GrantRevoker& revoke_grant) {
  std::string kind = StateString(line, "kind");
  if (kind == "grant") {
    std::string id = StateString(line, "grant_id");
    auto grant = GetObject(c.tx(), "grant", id, Scope{});
    if (!grant.ok()) return std::move(grant).error();
    if (!grant->has_value()) return std::string("the grant no longer exists");
    const json::object& g = (*grant)->doc;
    std::string status = StateString(g, "status");
    if (status == "approved" && StateString(g, "end_at") <= FormatRfc3339(c.Now())) {
      status = "expired";
    }
    if (status != "approved") return "the grant was already " + status;
    if (!revoke_grant) return Internal("no grant revoker");
    ACCORD_TRY(revoke_grant(c, actor, id, reason));
    return std::string("grant revoked");
  }
  std::string user_id = StateString(line, "user_id");
  auto user = FindUser(c.tx(), user_id);
  if (!user.ok()) return std::move(user).error();
  if (!user->has_value()) return std::string("the account no longer exists");
  namespace account = workflow::account;
  auto status = account::ParseState(StateString(**user, "status"));
  if (status && !account::Next(*status, account::Action::kDeactivate)) {
    return "the account was already " + StateString(**user, "status");
  }
  auto r = DeactivateUser(c, actor, user_id, reason, policy);
  if (!r.ok()) return std::move(r).error();
  return std::string("account deactivated; its sessions and API tokens ended");
}

Result<json::object> LoadReview(Tx& tx, const std::string& id) {
  auto o = GetObject(tx, kKind, id, Scope{});
  if (!o.ok()) return std::move(o).error();
  if (!o->has_value()) return NotFound("entitlement review " + id);
  return std::move((*o)->doc);
}

// --- schedule ------------------------------------------------------------------------------

struct ScheduledCampaign {
  std::string scope;
  int64_t period = 0;
  TimePoint due;
};

struct Plan {
  std::vector<ScheduledCampaign> open;
  std::vector<json::object> overdue;
  bool empty() const { return open.empty() && overdue.empty(); }
};

// due_at without parsing a campaign that may hold thousands of lines: the stored document is
// RFC 8785 canonical (keys sorted, no spaces), so the top-level "due_at" precedes "lines".
std::string DueAtOf(const std::string& canonical) {
  static constexpr std::string_view kKey = "\"due_at\":\"";
  auto at = canonical.find(kKey);
  if (at == std::string::npos) return "";
  auto start = at + kKey.size();
  auto end = canonical.find('"', start);
  return end == std::string::npos ? "" : canonical.substr(start, end - start);
}

// What is due now. Only the latest period whose window has begun is opened: after a long
// outage the current state is reviewed once, not once per missed period.
Result<Plan> PlanSchedule(Tx& tx, const policy::IdentityPolicy& policy, TimePoint now) {
  Plan plan;
  auto anchor = ReviewAnchor(tx);
  if (!anchor.ok()) return std::move(anchor).error();
  if (!anchor->has_value()) return plan;
  auto window = std::chrono::days(std::max(policy.review_window_days, 0));
  for (const char* scope : {"elevated", "regular"}) {
    int cadence = CadenceDays(policy, scope);
    if (cadence <= 0) continue;
    auto cadence_ms = std::chrono::milliseconds(std::chrono::days(cadence)).count();
    auto elapsed = (now + window - **anchor).count();
    if (elapsed < cadence_ms) continue;
    int64_t k = elapsed / cadence_ms;
    TimePoint due = ScheduledDueAt(**anchor, cadence, k);
    auto existing = FindLiveByName(tx, kKind, ScheduledTitle(scope, k, due));
    if (!existing.ok()) return std::move(existing).error();
    if (!existing->has_value()) plan.open.push_back({scope, k, due});
  }
  std::string now_text = FormatRfc3339(now);
  auto rows = tx.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'entitlement_review' AND status = 'open' "
      "AND to_idx = ? ORDER BY id",
      {kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& row : *rows) {
    if (DueAtOf(row.Text(0)) >= now_text) continue;
    auto doc = domain::ParseStateDoc(row.Text(0));
    if (doc && StateString(*doc, "due_at") < now_text) plan.overdue.push_back(std::move(*doc));
  }
  return plan;
}

Status MarkOverdue(CommandContext& c, json::object state) {
  std::string id = StateString(state, "id");
  std::string title = StateString(state, "title");
  auto alert = RaiseAlert(c, domain::SystemActor(), "entitlement_review_overdue", "high",
                          "Entitlement review overdue: " + title,
                          json::object{{"kind", std::string(kKind)}, {"id", id}},
                          json::object{{"scope", StateString(state, "scope")},
                                       {"due_at", StateString(state, "due_at")},
                                       {"undecided_lines", UndecidedCount(state)}});
  if (!alert.ok()) return std::move(alert).error();
  state["status"] = "overdue";
  state["overdue_at"] = FormatRfc3339(c.Now());
  state["alert_id"] = *alert;
  Bump(state, c.Now());
  return AppendReview(c, "entitlement_review.overdue", domain::SystemActor(), state,
                      json::object{{"alert_id", *alert}});
}

}  // namespace

Result<std::optional<TimePoint>> ReviewAnchor(Tx& tx) {
  auto row = tx.QueryOne(
      "SELECT e.time FROM rm_org o JOIN rm_subject_events e ON e.subject_kind = 'org' "
      "AND e.subject_id = o.id AND e.idx = o.created_index",
      {});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<TimePoint>();
  auto t = ParseRfc3339((*row)->Text(0));
  if (!t.ok()) return std::move(t).error();
  return std::optional<TimePoint>(*t);
}

TimePoint ScheduledDueAt(TimePoint anchor, int cadence_days, int64_t k) {
  return anchor + std::chrono::days(cadence_days) * k;
}

Result<json::object> OpenEntitlementReview(CommandContext& c, const domain::Actor& actor,
                                           const std::string& scope, TimePoint due,
                                           int64_t period) {
  if (scope != "regular" && scope != "elevated") {
    return ValidationError("scope", "must be regular or elevated");
  }
  TimePoint now = c.Now();
  auto lines = BuildLines(c.tx(), scope, now);
  if (!lines.ok()) return std::move(lines).error();
  std::string id = NewId("erv", now);
  std::string at = FormatRfc3339(now);
  std::string title = period > 0 ? ScheduledTitle(scope, period, due)
                                 : "Ad-hoc " + scope + " entitlement review (opened " +
                                       my_work_text::HumanDay(at) + ")";
  json::object state{{"id", id},
                     {"title", title},
                     {"scope", scope},
                     {"status", "open"},
                     {"period", period > 0 ? json::value(period) : json::value(nullptr)},
                     {"due_at", FormatRfc3339(due)},
                     {"lines", std::move(*lines)},
                     {"opened_by", domain::ActorJson(actor)},
                     {"completed_at", nullptr},
                     {"created_at", at},
                     {"updated_at", at},
                     {"version", 1}};
  ACCORD_TRY(AppendReview(c, "entitlement_review.opened", actor, state));
  // Nothing to review is a finished review, not one that will go overdue.
  if (state.at("lines").as_array().empty()) ACCORD_TRY(Complete(c, actor, state));
  return state;
}

Result<json::object> DecideEntitlementLine(CommandContext& c, const domain::Actor& actor,
                                           const std::string& review_id, const std::string& line_id,
                                           const LineDecision& decision,
                                           const policy::IdentityPolicy& policy,
                                           const GrantRevoker& revoke_grant) {
  namespace wf = workflow::entitlement_line;
  auto action = wf::ParseAction(decision.decision);
  if (!action) return ValidationError("decision", "must be certify or revoke");
  bool revoke = *action == wf::Action::kRevoke;
  if (revoke && decision.comment.empty()) {
    return ValidationError("comment", "is required to revoke: say why the access ends");
  }
  auto loaded = LoadReview(c.tx(), review_id);
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  wf::Facts facts{.review_id = review_id,
                  .line_id = line_id,
                  .campaign_completed = StateString(state, "status") == "completed"};
  if (auto no = wf::CampaignRefusal(facts)) return *no;
  json::array& lines = state.at("lines").as_array();
  auto it = std::find_if(lines.begin(), lines.end(), [&](const json::value& l) {
    return StateString(l.as_object(), "line_id") == line_id;
  });
  if (it == lines.end()) return NotFound("line " + line_id + " of entitlement review " + review_id);
  json::object& line = it->as_object();
  std::string decided = StateString(line, "decision");
  auto current = line.at("decision").is_null() ? wf::State::kUndecided : wf::ParseState(decided);
  if (!current) return Internal("line " + line_id + " has an unknown decision " + decided);
  auto next = wf::Next(*current, *action);
  if (!next) {
    return Error{ErrorCode::kConflict,
                 "line " + line_id + " is already " + decided,
                 {{"decision", "is " + decided, {}}}};
  }
  facts.line_kind = StateString(line, "kind");
  facts.user_id = StateString(line, "user_id");
  if (auto no = wf::PersonRefusal(actor.id, facts, *action)) return *no;
  if (revoke) {
    std::string reason = "entitlement review " + review_id + " (" + StateString(state, "title") +
                         "), line " + line_id + " revoked: " + decision.comment;
    auto effect = Revoke(c, actor, line, reason, policy, revoke_grant);
    if (!effect.ok()) return std::move(effect).error();
    line["effect"] = *effect;
  }
  line["decision"] = std::string(wf::Name(*next));
  line["decided_by"] = domain::ActorJson(actor);
  line["decided_at"] = FormatRfc3339(c.Now());
  line["comment"] = decision.comment.empty() ? json::value(nullptr) : json::value(decision.comment);
  Bump(state, c.Now());
  ACCORD_TRY(AppendReview(
      c, "entitlement_review.line_decided", actor, state,
      json::object{{"line_id", line_id}, {"decision", StateString(line, "decision")}}));
  if (UndecidedCount(state) == 0) ACCORD_TRY(Complete(c, actor, state));
  return state;
}

Result<int> RunEntitlementSchedule(EventLog& log, const policy::IdentityPolicy& policy) {
  // Most seconds nothing is due: look first, so a run costs a read, not a write.
  bool any = false;
  ACCORD_TRY(log.store().Read([&](Tx& tx) -> Status {
    auto plan = PlanSchedule(tx, policy, log.clock().Now());
    if (!plan.ok()) return std::move(plan).error();
    any = !plan->empty();
    return Ok();
  }));
  if (!any) return 0;
  // Planned again inside the write transaction: another server may have done it meanwhile.
  auto r = log.Execute([policy](CommandContext& c) -> Result<json::value> {
    auto plan = PlanSchedule(c.tx(), policy, c.Now());
    if (!plan.ok()) return std::move(plan).error();
    for (const auto& s : plan->open) {
      auto opened = OpenEntitlementReview(c, domain::SystemActor(), s.scope, s.due, s.period);
      if (!opened.ok()) return std::move(opened).error();
    }
    for (auto& o : plan->overdue) ACCORD_TRY(MarkOverdue(c, std::move(o)));
    return json::value(static_cast<int64_t>(plan->open.size() + plan->overdue.size()));
  });
  if (!r.ok()) return std::move(r).error();
  return static_cast<int>(r->as_int64());
}

}  // namespace accord::storage
