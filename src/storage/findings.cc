// Findings (TP-14): what a review, a SOC 2 report or the schedule found, tracked to
// resolution or an accepted risk; the TP-11 SOC 2 gap.
#include "accord/storage/finding_actions.h"
#include "accord/storage/reviews.h"

#include "my_work_text.h"
#include "review_support.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>
#include <tuple>

#include "accord/core/ids.h"
#include "accord/core/rrule.h"
#include "accord/core/time.h"
#include "accord/domain/identity.h"
#include "accord/domain/registry.h"
#include "accord/domain/reviews.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/outbox.h"
#include "accord/storage/registry_store.h"
#include "accord/workflow/finding.h"
#include "accord/workflow/review.h"

namespace accord::storage {

namespace json = boost::json;
using domain::ActorJson;
using domain::StateString;
using namespace review_support;  // NOLINT: this file's own helpers

Result<json::object> OpenFinding(CommandContext& c, const domain::Actor& actor, const NewFinding& f,
                                 const policy::ReviewsPolicy& policy) {
  const auto& severities = domain::FindingSeverities();
  if (!Contains(severities, f.severity)) {
    return ValidationError("severity", "must be one of: critical, high, medium, low");
  }
  TimePoint now = c.Now();
  if (f.due && *f.due <= now) return ValidationError("due_at", "must be in the future");
  if (!f.party_id.empty()) {
    auto name = PartyName(c.tx(), f.party_id);
    if (!name.ok()) {
      if (name.error().code == ErrorCode::kNotFound) {
        return ValidationError("party_id", "no party has id " + f.party_id);
      }
      return std::move(name).error();
    }
  }
  json::value owner = nullptr;
  if (!f.owner_id.empty()) {
    auto user = ActiveUser(c.tx(), "owner_id", f.owner_id, {});
    if (!user.ok()) return std::move(user).error();
    owner = UserRef(*user);
  }
  TimePoint due = f.due.value_or(now + std::chrono::days(policy.RemediationDays(f.severity)));
  std::string at = FormatRfc3339(now);
  std::string id = NewId("fnd", now);
  json::object state{
      {"id", id},
      {"title", f.title},
      {"description", f.description.empty() ? json::value(nullptr) : json::value(f.description)},
      {"severity", f.severity},
      {"status", std::string(workflow::finding::Name(workflow::finding::State::kOpen))},
      {"party_id", f.party_id.empty() ? json::value(nullptr) : json::value(f.party_id)},
      {"source",
       json::object{{"kind", f.source_kind.empty() ? "manual" : f.source_kind},
                    {"id", f.source_id.empty() ? json::value(nullptr) : json::value(f.source_id)}}},
      {"rule", f.rule.empty() ? "manual" : f.rule},
      {"owner", owner},
      {"due_at", FormatRfc3339(due)},
      {"overdue", false},
      {"resolution", nullptr},
      {"opened_by", ActorJson(actor)},
      {"created_at", at},
      {"updated_at", at},
      {"version", 1}};
  auto index = AppendState(c, "finding", "finding.opened", actor, state);
  if (!index.ok()) return std::move(index).error();
  // Words a person reads: the severity and the due day, no keys or machine times.
  OutboxMessage m{.dedupe_key = "finding:" + id,
                  .subject = "New finding (" + f.severity + " severity): " + f.title,
                  .body = f.title + "\n" + my_work_text::Severity(f.severity) + "\nDue by " +
                          my_work_text::HumanDay(FormatRfc3339(due)) + "\nReference: " + id + "\n",
                  .ref_kind = "finding",
                  .ref_id = id};
  std::vector<std::string> users;
  if (!f.owner_id.empty()) users.push_back(f.owner_id);
  auto queued = QueueForUsers(c.tx(), policy.open_roles, users, std::move(m), now);
  if (!queued.ok()) return std::move(queued).error();
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

namespace {

namespace wf = workflow::finding;

// The acceptance asked for: who asked, when, until when and why.
Status AskToAccept(json::object& state, const domain::Actor& actor, const FindingActionInput& in,
                   TimePoint now, const std::string& at) {
  if (!in.expires_at) {
    return ValidationError("expires_at",
                           "is required to accept a risk: when the acceptance ends and the "
                           "finding reopens");
  }
  if (*in.expires_at <= now) return ValidationError("expires_at", "must be in the future");
  if (*in.expires_at > now + std::chrono::days(366)) {
    return ValidationError("expires_at",
                           "must be within a year: accept the risk again when the time comes");
  }
  state["risk_acceptance"] = json::object{{"requested_by", ActorJson(actor)},
                                          {"requested_at", at},
                                          {"expires_at", FormatRfc3339(*in.expires_at)},
                                          {"reason", in.comment},
                                          {"approved_by", nullptr},
                                          {"approved_at", nullptr}};
  return Ok();
}

std::string RequestedBy(const json::object& state) {
  const json::value* ra = state.if_contains("risk_acceptance");
  if (!ra || !ra->is_object()) return "";
  const json::value* by = ra->as_object().if_contains("requested_by");
  return by && by->is_object() ? StateString(by->as_object(), "id") : "";
}

// Evidence: documents that exist.
Result<json::array> EvidenceIds(Tx& tx, const std::vector<std::string>& ids) {
  json::array ev;
  for (const auto& d : ids) {
    auto doc = GetObject(tx, "document", d, Scope{});
    if (!doc.ok()) return std::move(doc).error();
    if (!doc->has_value()) return ValidationError("evidence", "no document has id " + d);
    ev.push_back(json::value(d));
  }
  return ev;
}

// Moves `state` by `act` and appends its event.
Result<json::object> ApplyMove(CommandContext& c, const domain::Actor& actor, json::object state,
                               wf::Action act, wf::State next, const std::string& comment) {
  state["status"] = std::string(wf::Name(next));
  Bump(state, c.Now());
  json::object extra;
  if (!comment.empty()) extra["comment"] = comment;
  std::string type = "finding." + std::string(wf::EventVerb(act));
  auto index = AppendState(c, "finding", type, actor, state, std::move(extra));
  if (!index.ok()) return std::move(index).error();
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

}  // namespace

Result<json::object> ApplyFindingAction(CommandContext& c, const domain::Actor& actor,
                                        const std::string& finding_id, const std::string& action,
                                        const std::string& comment, const std::string& owner_id,
                                        const std::vector<std::string>& evidence,
                                        const policy::ReviewsPolicy& policy) {
  return ActOnFinding(
      c, actor, finding_id,
      FindingActionInput{
          .action = action, .comment = comment, .owner_id = owner_id, .evidence = evidence},
      policy);
}

Result<json::object> ActOnFinding(CommandContext& c, const domain::Actor& actor,
                                  const std::string& finding_id, const FindingActionInput& in,
                                  const policy::ReviewsPolicy&) {
  auto loaded = Load(c.tx(), "finding", finding_id, "finding");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  std::string status = StateString(state, "status");
  auto act = wf::ParseAction(in.action);
  if (!act || *act == wf::Action::kExpireAcceptance) {
    return ValidationError("action",
                           "must be assign, resolve, accept_risk, approve_risk, decline_risk or "
                           "reopen");
  }
  auto current = wf::ParseState(status);
  if (!current) return Internal("finding " + finding_id + " has an unknown status " + status);
  auto next = wf::Next(*current, *act);
  if (!next) {
    return Conflict("finding " + finding_id + " is " + status +
                        " (allowed: " + wf::PossibleActions(*current) + ")",
                    "action", "not allowed while " + status);
  }
  if (auto no =
          wf::PersonRefusal(actor.id, RequestedBy(state), *act, in.allow_self_risk_approval)) {
    return *no;
  }
  std::string at = FormatRfc3339(c.Now());
  if (*act != wf::Action::kAssign && *act != wf::Action::kApproveRisk && in.comment.empty()) {
    return ValidationError("comment", "is required to " + in.action);
  }
  switch (*act) {
    case wf::Action::kAssign: {
      if (in.owner_id.empty()) return ValidationError("owner_id", "is required to assign");
      auto user = ActiveUser(c.tx(), "owner_id", in.owner_id, {});
      if (!user.ok()) return std::move(user).error();
      state["owner"] = UserRef(*user);
      break;
    }
    case wf::Action::kResolve: {
      if (in.evidence.empty()) {
        return ValidationError("evidence",
                               "is required to resolve: upload the proof and list its document id");
      }
      auto ev = EvidenceIds(c.tx(), in.evidence);
      if (!ev.ok()) return std::move(ev).error();
      state["resolution"] = json::object{{"by", ActorJson(actor)},
                                         {"at", at},
                                         {"comment", in.comment},
                                         {"evidence", std::move(*ev)},
                                         {"on_time", at <= StateString(state, "due_at")}};
      break;
    }
    case wf::Action::kAcceptRisk: {
      auto ev = EvidenceIds(c.tx(), in.evidence);
      if (!ev.ok()) return std::move(ev).error();
      ACCORD_TRY(AskToAccept(state, actor, in, c.Now(), at));
      state["risk_acceptance"].as_object()["evidence"] = std::move(*ev);
      break;
    }
    case wf::Action::kApproveRisk: {
      json::object& ra = state["risk_acceptance"].as_object();
      ra["approved_by"] = ActorJson(actor);
      ra["approved_at"] = at;
      const json::value* ev = ra.if_contains("evidence");
      state["resolution"] =
          json::object{{"by", ActorJson(actor)},
                       {"at", at},
                       {"comment", in.comment.empty() ? StateString(ra, "reason") : in.comment},
                       {"evidence", ev && ev->is_array() ? *ev : json::array{}},
                       {"on_time", at <= StateString(state, "due_at")}};
      break;
    }
    case wf::Action::kDeclineRisk:
    case wf::Action::kReopen:
      state["risk_acceptance"] = nullptr;
      state["resolution"] = nullptr;
      break;
    case wf::Action::kExpireAcceptance:
      break;  // refused above
  }
  return ApplyMove(c, actor, std::move(state), *act, *next, in.comment);
}

Result<int> ExpireRiskAcceptances(EventLog& log) {
  // Few findings are ever accepted: one probe, and a write only when one has ended.
  auto due = [](Tx& tx, const std::string& now) -> Result<std::vector<json::object>> {
    auto rows = tx.Query(
        "SELECT doc FROM rm_objects WHERE kind = 'finding' AND to_idx = ? AND "
        "status = 'risk_accepted'",
        {kOpenVersion});
    if (!rows.ok()) return std::move(rows).error();
    std::vector<json::object> out;
    for (const auto& row : *rows) {
      auto doc = domain::ParseStateDoc(row.Text(0));
      if (!doc) continue;
      const json::value* ra = doc->if_contains("risk_acceptance");
      if (!ra || !ra->is_object()) continue;  // accepted before acceptances expired
      std::string until = StateString(ra->as_object(), "expires_at");
      if (!until.empty() && until <= now) out.push_back(std::move(*doc));
    }
    return out;
  };
  bool any = false;
  ACCORD_TRY(log.store().Read([&](Tx& tx) -> Status {
    auto found = due(tx, FormatRfc3339(log.clock().Now()));
    if (!found.ok()) return std::move(found).error();
    any = !found->empty();
    return Ok();
  }));
  if (!any) return 0;
  auto r = log.Execute([&](CommandContext& c) -> Result<json::value> {
    auto found = due(c.tx(), FormatRfc3339(c.Now()));
    if (!found.ok()) return std::move(found).error();
    int64_t n = 0;
    for (auto& state : *found) {
      std::string until =
          StateString(state.at("risk_acceptance").as_object(), "expires_at").substr(0, 10);
      state["risk_acceptance"] = nullptr;
      state["resolution"] = nullptr;
      auto applied =
          ApplyMove(c, domain::SystemActor(), std::move(state), wf::Action::kExpireAcceptance,
                    wf::State::kOpen,
                    "The risk acceptance ended on " + until + ": the finding is open again");
      if (!applied.ok()) return std::move(applied).error();
      ++n;
    }
    return json::value(n);
  });
  if (!r.ok()) return std::move(r).error();
  return static_cast<int>(r->as_int64());
}

Result<std::vector<std::string>> RaiseSoc2Findings(CommandContext& c, const domain::Actor& actor,
                                                   const json::object& report,
                                                   const policy::ReviewsPolicy& policy) {
  std::vector<std::string> ids;
  std::string party_id = StateString(report, "party_id");
  std::string report_id = StateString(report, "id");
  auto party_name = PartyName(c.tx(), party_id);
  if (!party_name.ok()) return std::move(party_name).error();
  auto open = [&](NewFinding f) -> Status {
    f.party_id = party_id;
    f.source_kind = "soc2_report";
    f.source_id = report_id;
    auto r = OpenFinding(c, actor, f, policy);
    if (!r.ok()) return std::move(r).error();
    ids.push_back(StateString(*r, "id"));
    return Ok();
  };
  std::string opinion = StateString(report, "opinion");
  if (opinion == "adverse" || opinion == "disclaimer" || opinion == "qualified") {
    ACCORD_TRY(open({.title = "SOC 2 opinion " + opinion + ": " + *party_name,
                     .description = "The auditor (" + StateString(report, "auditor") + ") gave a " +
                                    opinion + " opinion.",
                     .severity = opinion == "qualified" ? "medium" : "high",
                     .rule = "soc2_opinion"}));
  }
  if (const json::value* ex = report.if_contains("exceptions"); ex && ex->is_array()) {
    for (const auto& e : ex->as_array()) {
      const json::object& o = e.as_object();
      std::string severity = StateString(o, "severity");
      ACCORD_TRY(
          open({.title = "SOC 2 exception (" + *party_name + "): " + StateString(o, "control"),
                .description = StateString(o, "description"),
                .severity = severity.empty() ? "medium" : severity,
                .rule = "soc2_exception"}));
    }
  }
  return ids;
}

Result<std::string> Soc2Gap(Tx& tx, const std::string& party_id, TimePoint now,
                            const policy::ReviewsPolicy& policy) {
  auto rows = tx.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'soc2_report' AND party_id = ? AND to_idx = ?",
      {party_id, kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<json::object> reports;
  for (const auto& row : *rows) {
    if (auto doc = domain::ParseStateDoc(row.Text(0))) reports.push_back(std::move(*doc));
  }
  return Soc2GapOf(reports, now, policy);
}

}  // namespace accord::storage
