// Change requests for our own systems (TR-5): submit, and each step of the workflow.
#include "accord/storage/change_requests.h"

#include <boost/json.hpp>

#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/policy/changes_profile.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/reviews.h"
#include "review_support.h"

namespace accord::storage {

namespace json = boost::json;
using domain::ActorJson;
using domain::StateString;
using review_support::AppendState;
using review_support::Bump;
using review_support::Conflict;
using review_support::Load;
namespace wf = workflow::change_request;

namespace {

bool BoolOf(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_bool() && v->as_bool();
}

std::vector<std::string> IdsOf(const json::object& o, std::string_view key) {
  std::vector<std::string> out;
  if (const json::value* v = o.if_contains(key); v && v->is_array()) {
    for (const auto& x : v->as_array()) {
      if (x.is_string()) out.emplace_back(x.as_string());
    }
  }
  return out;
}

json::object StepBy(const domain::Actor& actor, TimePoint at, const std::string& comment) {
  json::object step{{"by", ActorJson(actor)}, {"at", FormatRfc3339(at)}};
  if (!comment.empty()) step["comment"] = comment;
  return step;
}

// The change notice a request implements our side of: substantial and touching one of our
// production systems (TP-8/TP-9); linked once.
Result<json::object> LinkableNotice(Tx& tx, const std::string& notice_id) {
  auto notice = GetObject(tx, "change_notice", notice_id, Scope{});
  if (!notice.ok()) return std::move(notice).error();
  if (!notice->has_value()) {
    return ValidationError("change_notice_id", "no change notice has id " + notice_id);
  }
  json::object doc = (*notice)->doc;
  if (!BoolOf(doc, "substantial")) {
    return ValidationError("change_notice_id",
                           "the change notice is not substantial: only a substantial vendor "
                           "change needs a change request of ours");
  }
  bool production = false;
  for (const auto& sid : IdsOf(doc, "system_ids")) {
    auto sys = GetObject(tx, "system", sid, Scope{});
    if (!sys.ok()) return std::move(sys).error();
    if (sys->has_value() && StateString((*sys)->doc, "environment") == "production") {
      production = true;
    }
  }
  if (!production) {
    return ValidationError("change_notice_id",
                           "the change notice touches none of our production systems");
  }
  if (!StateString(doc, "change_request_id").empty()) {
    return Conflict("change notice " + notice_id + " is linked to " +
                        StateString(doc, "change_request_id") + " already",
                    "change_notice_id", "is linked already");
  }
  return doc;
}

// Checks what a step records: its own fields only, and what it needs.
Status CheckStepFields(Tx& tx, wf::Action action, const json::object& body) {
  std::vector<ErrorDetail> details;
  bool tests = action == wf::Action::kRecordTests;
  for (const char* f : {"environment", "system_id", "summary", "document_ids"}) {
    if (!tests && body.contains(f)) details.push_back({f, "is recorded with record_tests", {}});
  }
  if (action != wf::Action::kRelease && body.contains("reference")) {
    details.push_back({"reference", "is recorded with release", {}});
  }
  if (tests) {
    if (StateString(body, "environment").empty()) {
      details.push_back({"environment", "is required: staging or development", {}});
    }
    if (StateString(body, "summary").empty()) {
      details.push_back({"summary", "is required: what was tested and the result", {}});
    }
    if (std::string sid = StateString(body, "system_id"); !sid.empty()) {
      auto sys = GetObject(tx, "system", sid, Scope{});
      if (!sys.ok()) return std::move(sys).error();
      if (!sys->has_value()) {
        details.push_back({"system_id", "no system has id " + sid, {}});
      } else if (StateString((*sys)->doc, "environment") == "production") {
        details.push_back({"system_id",
                           "is a production system: test evidence comes from a lower "
                           "environment (TR-5)",
                           {}});
      }
    }
  }
  bool needs_reason = action == wf::Action::kReject || action == wf::Action::kBackOut;
  if (needs_reason && StateString(body, "comment").empty()) {
    details.push_back({"comment", "is required: say why", {}});
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  return Ok();
}

}  // namespace

wf::Duties DutiesOf(const json::object& state) {
  auto step_by = [&](const char* field) {
    const json::value* v = state.if_contains(field);
    return v && v->is_object() ? domain::ActorIdOf(v->as_object(), "by") : std::string();
  };
  return {.author = domain::ActorIdOf(state, "author"),
          .reviewer = step_by("review"),
          .approver = step_by("approval"),
          .releaser = step_by("release")};
}

Result<json::object> SubmitChangeRequest(CommandContext& c, const domain::Actor& actor,
                                         const json::object& body) {
  TimePoint now = c.Now();
  std::vector<ErrorDetail> details;
  auto systems = IdsOf(body, "system_ids");
  if (systems.empty()) details.push_back({"system_ids", "name at least one system", {}});
  for (const auto& sid : systems) {
    auto sys = GetObject(c.tx(), "system", sid, Scope{});
    if (!sys.ok()) return std::move(sys).error();
    if (!sys->has_value()) details.push_back({"system_ids", "no system has id " + sid, {}});
  }
  bool emergency = BoolOf(body, "emergency");
  if (emergency && StateString(body, "emergency_reason").empty()) {
    details.push_back(
        {"emergency_reason", "is required for an emergency change: why it cannot wait", {}});
  }
  if (!emergency && body.contains("emergency_reason")) {
    details.push_back({"emergency_reason", "only for an emergency change", {}});
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  std::string id = NewId("cr", now);
  std::string notice_id = StateString(body, "change_notice_id");
  std::optional<json::object> notice;
  if (!notice_id.empty()) {
    auto n = LinkableNotice(c.tx(), notice_id);
    if (!n.ok()) return std::move(n).error();
    notice = std::move(*n);
  }
  std::string at = FormatRfc3339(now);
  json::object state = body;
  state["id"] = id;
  state["emergency"] = emergency;
  state["status"] = std::string(wf::Name(wf::State::kSubmitted));
  state["author"] = ActorJson(actor);
  state["test_evidence"] = json::array{};
  state["separation_relaxed"] = json::array{};
  state["pull_requests"] = json::array{};
  state["created_at"] = at;
  state["updated_at"] = at;
  state["version"] = 1;
  auto index = AppendState(c, "change_request", "change_request.submitted", actor, state);
  if (!index.ok()) return std::move(index).error();
  if (notice) {
    (*notice)["change_request_id"] = id;
    Bump(*notice, now);
    auto linked = AppendState(c, "change_notice", "change_notice.linked", actor, *notice,
                              json::object{{"change_request_id", id}});
    if (!linked.ok()) return std::move(linked).error();
  }
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

Result<json::object> ChangeRequestAction(CommandContext& c, const wf::Caller& caller,
                                         const std::string& id, const json::object& body,
                                         const policy::Profile* profile) {
  auto act = wf::ParseAction(StateString(body, "action"));
  if (!act) return ValidationError("action", "unknown action");
  auto loaded = Load(c.tx(), "change_request", id, "change request");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  std::string status = StateString(state, "status");
  auto current = wf::ParseState(status);
  if (!current) return Internal("change request " + id + " has an unknown status " + status);
  bool emergency = BoolOf(state, "emergency");
  auto next = wf::Next(*current, *act, emergency);
  if (!next) {
    return Conflict("change request " + id + " is " + status + ": possible actions are " +
                        wf::PossibleActions(*current, emergency),
                    "action", "not possible now");
  }
  const policy::ChangesPolicy& changes = policy::ChangesPolicyOf(profile);
  policy::SeparationPolicy separation = profile ? profile->separation : policy::SeparationPolicy{};
  if (auto no = wf::RoleRefusal(changes, caller, *act)) return *no;
  wf::Duties duties = DutiesOf(state);
  if (auto no = wf::PersonRefusal(changes, separation, caller, duties, *act)) return *no;
  ACCORD_TRY(CheckStepFields(c.tx(), *act, body));
  TimePoint now = c.Now();
  domain::Actor actor{caller.id, caller.role};
  std::string comment = StateString(body, "comment");
  auto conflicts = wf::DutyConflicts(duties, caller.id, *act);
  if (!conflicts.empty()) {
    // Allowed by [separation] (PersonRefusal said so): recorded as relaxed, with who.
    json::array held;
    for (const auto& d : conflicts) held.emplace_back(d);
    state["separation_relaxed"].as_array().push_back(
        json::object{{"action", std::string(wf::SeparationAction(*act))},
                     {"duties", std::move(held)},
                     {"by", ActorJson(actor)}});
  }
  switch (*act) {
    case wf::Action::kRecordTests: {
      json::object evidence{{"environment", StateString(body, "environment")},
                            {"summary", StateString(body, "summary")},
                            {"by", ActorJson(actor)},
                            {"at", FormatRfc3339(now)}};
      if (std::string sid = StateString(body, "system_id"); !sid.empty()) {
        evidence["system_id"] = sid;
      }
      if (const json::value* docs = body.if_contains("document_ids")) {
        evidence["document_ids"] = *docs;
      }
      state["test_evidence"].as_array().push_back(std::move(evidence));
      break;
    }
    case wf::Action::kReview: {
      json::object step = StepBy(actor, now, comment);
      step["source"] = "portal";
      state["review"] = std::move(step);
      break;
    }
    case wf::Action::kApprove:
      state["approval"] = StepBy(actor, now, comment);
      break;
    case wf::Action::kRelease: {
      json::object step = StepBy(actor, now, comment);
      if (std::string ref = StateString(body, "reference"); !ref.empty()) step["reference"] = ref;
      state["release"] = std::move(step);
      if (*next == wf::State::kEmergencyReleased) {
        state["retrospective_due_at"] =
            FormatRfc3339(now + std::chrono::hours(24) * changes.emergency_review_days);
      }
      break;
    }
    case wf::Action::kVerify:
    case wf::Action::kBackOut: {
      json::object step = StepBy(actor, now, comment);
      step["outcome"] = *act == wf::Action::kVerify ? "succeeded" : "backed_out";
      state["post_implementation_check"] = std::move(step);
      break;
    }
    case wf::Action::kReject:
      state["rejection"] = StepBy(actor, now, comment);
      break;
    case wf::Action::kWithdraw:
      break;
  }
  state["status"] = std::string(wf::Name(*next));
  Bump(state, now);
  json::object extra;
  if (!comment.empty()) extra["comment"] = comment;
  auto index =
      AppendState(c, "change_request", "change_request." + std::string(wf::EventVerb(*act)), actor,
                  state, std::move(extra));
  if (!index.ok()) return std::move(index).error();
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

namespace {

// Emergency changes whose retrospective review is past due at `now` and has no finding yet.
Result<std::vector<json::object>> OverdueRetrospectives(Tx& tx, const std::string& now) {
  auto rows = tx.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'change_request' AND to_idx = ? AND status IN "
      "('emergency_released', 'emergency_reviewed')",
      {kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<json::object> out;
  for (const auto& row : *rows) {
    auto doc = domain::ParseStateDoc(row.Text(0));
    if (!doc || !StateString(*doc, "retrospective_finding_id").empty()) continue;
    std::string due = StateString(*doc, "retrospective_due_at");
    if (!due.empty() && due < now) out.push_back(std::move(*doc));
  }
  return out;
}

}  // namespace

Result<int> RaiseRetrospectiveFindings(EventLog& log, const policy::ReviewsPolicy& policy) {
  // Emergency changes are few: one probe, and a write only when one is overdue.
  bool any = false;
  ACCORD_TRY(log.store().Read([&](Tx& tx) -> Status {
    auto found = OverdueRetrospectives(tx, FormatRfc3339(log.clock().Now()));
    if (!found.ok()) return std::move(found).error();
    any = !found->empty();
    return Ok();
  }));
  if (!any) return 0;
  auto r = log.Execute([&](CommandContext& c) -> Result<json::value> {
    auto found = OverdueRetrospectives(c.tx(), FormatRfc3339(c.Now()));
    if (!found.ok()) return std::move(found).error();
    int64_t n = 0;
    for (auto& state : *found) {
      std::string id = StateString(state, "id");
      NewFinding f{.title = "Emergency change not reviewed in time: " + StateString(state, "title"),
                   .description =
                       "The emergency change was released before its review; its "
                       "retrospective review and approval were due by " +
                       HumanDay(StateString(state, "retrospective_due_at")) +
                       " and are still owed (TR-5).",
                   .severity = "high",
                   .source_kind = "change_request",
                   .source_id = id,
                   .rule = "retrospective_review_overdue"};
      auto finding = OpenFinding(c, domain::SystemActor(), f, policy);
      if (!finding.ok()) return std::move(finding).error();
      state["retrospective_finding_id"] = StateString(*finding, "id");
      Bump(state, c.Now());
      auto index = AppendState(c, "change_request", "change_request.retrospective_overdue",
                               domain::SystemActor(), state);
      if (!index.ok()) return std::move(index).error();
      ++n;
    }
    return json::value(n);
  });
  if (!r.ok()) return std::move(r).error();
  return static_cast<int>(r->as_int64());
}

}  // namespace accord::storage
