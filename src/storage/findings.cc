// Findings (TP-14): what a review, a SOC 2 report or the schedule found, tracked to
// resolution or an accepted risk; the TP-11 SOC 2 gap.
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

Result<json::object> ApplyFindingAction(CommandContext& c, const domain::Actor& actor,
                                        const std::string& finding_id, const std::string& action,
                                        const std::string& comment, const std::string& owner_id,
                                        const std::vector<std::string>& evidence,
                                        const policy::ReviewsPolicy&) {
  auto loaded = Load(c.tx(), "finding", finding_id, "finding");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  std::string status = StateString(state, "status");
  namespace wf = workflow::finding;
  auto act = wf::ParseAction(action);
  if (!act) return ValidationError("action", "must be assign, resolve, accept_risk or reopen");
  auto current = wf::ParseState(status);
  if (!current) return Internal("finding " + finding_id + " has an unknown status " + status);
  auto next = wf::Next(*current, *act);
  if (!next) {
    return Conflict("finding " + finding_id + " is " + status +
                        " (allowed: " + wf::PossibleActions(*current) + ")",
                    "action", "not allowed while " + status);
  }
  std::string at = FormatRfc3339(c.Now());
  if (*act != wf::Action::kAssign && comment.empty()) {
    return ValidationError("comment", "is required to " + action);
  }
  switch (*act) {
    case wf::Action::kAssign: {
      if (owner_id.empty()) return ValidationError("owner_id", "is required to assign");
      auto user = ActiveUser(c.tx(), "owner_id", owner_id, {});
      if (!user.ok()) return std::move(user).error();
      state["owner"] = UserRef(*user);
      break;
    }
    case wf::Action::kResolve:
    case wf::Action::kAcceptRisk: {
      if (*act == wf::Action::kResolve && evidence.empty()) {
        return ValidationError("evidence",
                               "is required to resolve: upload the proof and list its document id");
      }
      json::array ev;
      for (const auto& d : evidence) {
        auto doc = GetObject(c.tx(), "document", d, Scope{});
        if (!doc.ok()) return std::move(doc).error();
        if (!doc->has_value()) return ValidationError("evidence", "no document has id " + d);
        ev.push_back(json::value(d));
      }
      state["resolution"] = json::object{{"by", ActorJson(actor)},
                                         {"at", at},
                                         {"comment", comment},
                                         {"evidence", std::move(ev)},
                                         {"on_time", at <= StateString(state, "due_at")}};
      break;
    }
    case wf::Action::kReopen:
      state["resolution"] = nullptr;
      break;
  }
  state["status"] = std::string(wf::Name(*next));
  Bump(state, c.Now());
  json::object extra;
  if (!comment.empty()) extra["comment"] = comment;
  std::string type = "finding." + std::string(wf::EventVerb(*act));
  auto index = AppendState(c, "finding", type, actor, state, std::move(extra));
  if (!index.ok()) return std::move(index).error();
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
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
