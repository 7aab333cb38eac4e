// Change notices (TP-9): a party announces a change; a change review (and a risk assessment
// when substantial) decides it; implemented or withdrawn ends it.
#include "accord/storage/reviews.h"

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
#include "accord/workflow/change_notice.h"
#include "accord/workflow/review.h"

namespace accord::storage {

namespace json = boost::json;
using domain::ActorJson;
using domain::StateString;
using namespace review_support;  // NOLINT: this file's own helpers

Result<json::object> RecordChangeNotice(CommandContext& c, const domain::Actor& actor,
                                        const json::object& body,
                                        const policy::ReviewsPolicy& policy) {
  TimePoint now = c.Now();
  std::vector<ErrorDetail> details;
  std::string party_id = StateString(body, "party_id");
  auto party = GetObject(c.tx(), "party", party_id, Scope{});
  if (!party.ok()) return std::move(party).error();
  if (!party->has_value()) return ValidationError("party_id", "no party has id " + party_id);
  if (StateString((*party)->doc, "status") == "offboarded") {
    return ValidationError("party_id", "the party is offboarded");
  }
  auto planned = ParseRfc3339(StateString(body, "planned_at"));
  if (!planned.ok()) return ValidationError("planned_at", "must be an RFC 3339 time");
  if (*planned <= now) {
    details.push_back({"planned_at",
                       "must be in the future: a change is reviewed before it is "
                       "implemented (TP-9); record one already made with "
                       "action implemented",
                       {}});
  }
  auto ids = [&](const char* field) {
    std::vector<std::string> out;
    if (const json::value* v = body.if_contains(field); v && v->is_array()) {
      for (const auto& x : v->as_array()) out.emplace_back(x.as_string());
    }
    return out;
  };
  std::vector<std::string> reasons;
  if (const json::value* s = body.if_contains("substantial"); s && s->is_bool() && s->as_bool()) {
    reasons.push_back("marked substantial by " + actor.id);
  }
  for (const auto& sid : ids("service_ids")) {
    auto svc = GetObject(c.tx(), "service", sid, Scope{party_id});
    if (!svc.ok()) return std::move(svc).error();
    if (!svc->has_value()) {
      details.push_back({"service_ids", "no service of this party has id " + sid, {}});
    }
  }
  for (const auto& sid : ids("system_ids")) {
    auto sys = GetObject(c.tx(), "system", sid, Scope{});
    if (!sys.ok()) return std::move(sys).error();
    if (!sys->has_value()) {
      details.push_back({"system_ids", "no system has id " + sid, {}});
      continue;
    }
    const json::value* ephi = (*sys)->doc.if_contains("contains_ephi");
    if (policy.substantial_if_ephi_systems && ephi && ephi->is_bool() && ephi->as_bool()) {
      // Not named: the party reads its own notice, and our system names are not its business.
      if (!Contains(reasons, "touches a system holding ePHI")) {
        reasons.push_back("touches a system holding ePHI");
      }
    }
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  const json::value* sub = body.if_contains("new_subprocessor");
  if (policy.substantial_if_new_subprocessor && sub && sub->is_bool() && sub->as_bool()) {
    reasons.push_back("brings in a new subprocessor");
  }
  std::string location = StateString(body, "new_data_location");
  if (policy.substantial_if_new_data_location && !location.empty()) {
    reasons.push_back("moves data to a new location (" + location + ")");
  }
  bool substantial = !reasons.empty();
  std::string id = NewId("chg", now);
  std::string review_id = NewId("rev", now);
  std::string risk_id = substantial ? NewId("rev", now) : "";
  std::string at = FormatRfc3339(now);
  json::object state = body;
  json::array reason_json;
  for (const auto& r : reasons) reason_json.push_back(json::value(r));
  state["id"] = id;
  state["substantial"] = substantial;
  state["substantial_tag"] = substantial ? "substantial" : "routine";
  state["substantial_reasons"] = std::move(reason_json);
  state["status"] =
      std::string(workflow::change_notice::Name(workflow::change_notice::State::kUnderReview));
  state["change_review_id"] = review_id;
  state["risk_assessment_id"] = substantial ? json::value(risk_id) : json::value(nullptr);
  state["implemented_at"] = nullptr;
  state["finding_id"] = nullptr;
  state["created_at"] = at;
  state["updated_at"] = at;
  state["version"] = 1;
  auto index = AppendState(c, "change_notice", "change_notice.created", actor, state);
  if (!index.ok()) return std::move(index).error();
  std::string title = StateString(body, "title");
  NewReview review{.kind = "change_review",
                   .party_id = party_id,
                   .change_notice_id = id,
                   .title = "Change review: " + title,
                   .due = *planned,
                   .id = review_id};
  auto opened = OpenReview(c, actor, review, policy);
  if (!opened.ok()) return std::move(opened).error();
  if (substantial) {
    review.kind = "risk_assessment";
    review.title = "Risk assessment: " + title;
    review.id = risk_id;
    auto risk = OpenReview(c, actor, review, policy);
    if (!risk.ok()) return std::move(risk).error();
  }
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

Result<json::object> ChangeNoticeAction(CommandContext& c, const domain::Actor& actor,
                                        const std::string& id, const std::string& action,
                                        std::optional<TimePoint> at, const std::string& comment,
                                        const policy::ReviewsPolicy& policy) {
  auto loaded = Load(c.tx(), "change_notice", id, "change notice");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  std::string status = StateString(state, "status");
  namespace wf = workflow::change_notice;
  auto act = wf::ParseAction(action);
  // approve follows the change review's approval (SetChangeNoticeStatus), never a request.
  if (!act || *act == wf::Action::kApprove) {
    return ValidationError("action", "must be implemented or withdrawn");
  }
  auto current = wf::ParseState(status);
  if (!current) return Internal("change notice " + id + " has an unknown status " + status);
  auto next = wf::Next(*current, *act);
  // The table refuses only from its final states.
  if (!next) {
    return Conflict("change notice " + id + " is " + status + " already", "action",
                    "the change is " + status);
  }
  TimePoint now = c.Now();
  TimePoint when = at.value_or(now);
  if (when > now) return ValidationError("at", "must not be in the future");
  if (*act == wf::Action::kWithdraw) {
    for (const char* field : {"change_review_id", "risk_assessment_id"}) {
      std::string rid = StateString(state, field);
      if (!rid.empty()) ACCORD_TRY(CancelReview(c, actor, rid, "the change was withdrawn"));
    }
  } else {
    state["implemented_at"] = FormatRfc3339(when);
    auto review = Load(c.tx(), "review", StateString(state, "change_review_id"), "review");
    if (!review.ok()) return std::move(review).error();
    std::string approved_at = StateString(*review, "approved_at");
    bool approved_before =
        StateString(*review, "status") == "approved" && approved_at <= FormatRfc3339(when);
    if (!approved_before) {
      NewFinding f{.title = "Change implemented without approval: " + StateString(state, "title"),
                   .description = "The change was implemented on " + FormatRfc3339(when) +
                                  " before its change review was approved (TP-9: changes to "
                                  "third-party services are reviewed before implementation).",
                   .severity = "high",
                   .party_id = StateString(state, "party_id"),
                   .source_kind = "change_notice",
                   .source_id = id,
                   .rule = "unapproved_change"};
      auto finding = OpenFinding(c, actor, f, policy);
      if (!finding.ok()) return std::move(finding).error();
      std::string finding_id = StateString(*finding, "id");
      state["finding_id"] = finding_id;
      // Its reviews can no longer come before it: the finding carries the follow-up.
      for (const char* field : {"change_review_id", "risk_assessment_id"}) {
        std::string rid = StateString(state, field);
        if (rid.empty()) continue;
        ACCORD_TRY(
            CancelReview(c, actor, rid,
                         "the change was implemented before approval; see finding " + finding_id));
      }
    }
  }
  state["status"] = std::string(wf::Name(*next));
  Bump(state, now);
  json::object extra;
  if (!comment.empty()) extra["comment"] = comment;
  auto index =
      AppendState(c, "change_notice", "change_notice." + action, actor, state, std::move(extra));
  if (!index.ok()) return std::move(index).error();
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

}  // namespace accord::storage
