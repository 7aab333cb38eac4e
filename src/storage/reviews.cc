// Reviews (TP-9 ... TP-15): opened by people or the schedule, assigned, documented,
// approved or rejected (workflow/review.h), and the questions they ask a party.
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
#include "accord/workflow/review.h"

namespace accord::storage {

namespace json = boost::json;
using domain::ActorJson;
using domain::StateString;
using namespace review_support;  // NOLINT: this file's own helpers

Result<json::object> OpenReview(CommandContext& c, const domain::Actor& actor, const NewReview& r,
                                const policy::ReviewsPolicy& policy) {
  if (!domain::IsReviewKind(r.kind)) {
    std::string kinds;
    for (const auto& k : domain::ReviewKinds()) kinds += (kinds.empty() ? "" : ", ") + k;
    return ValidationError("review_kind", "must be one of: " + kinds);
  }
  if (domain::IsPartyReviewKind(r.kind) && r.party_id.empty()) {
    return ValidationError("party_id", "is required for a " + r.kind);
  }
  if (!domain::IsPartyReviewKind(r.kind) && !r.party_id.empty()) {
    return ValidationError("party_id", "a " + r.kind + " covers every party: leave it out");
  }
  auto party_name = PartyName(c.tx(), r.party_id);
  if (!party_name.ok()) {
    if (party_name.error().code == ErrorCode::kNotFound) {
      return ValidationError("party_id", "no party has id " + r.party_id);
    }
    return std::move(party_name).error();
  }
  if (!r.agreement_id.empty()) {
    auto agreement = GetObject(c.tx(), "agreement", r.agreement_id, Scope{});
    if (!agreement.ok()) return std::move(agreement).error();
    if (!agreement->has_value() || (*agreement)->party_id != r.party_id) {
      return ValidationError("agreement_id", "no agreement of this party has id " + r.agreement_id);
    }
  }
  json::value assignee = nullptr;
  std::string status = "open";
  if (!r.assignee_id.empty()) {
    auto user = ActiveUser(c.tx(), "assignee_id", r.assignee_id, policy.assignee_roles);
    if (!user.ok()) return std::move(user).error();
    assignee = UserRef(*user);
    status = "assigned";
  }
  TimePoint now = c.Now();
  std::string at = FormatRfc3339(now);
  std::string id = r.id.empty() ? NewId("rev", now) : r.id;
  json::object state{
      {"id", id},
      {"title", r.title.empty() ? DefaultTitle(r, *party_name) : r.title},
      {"review_kind", r.kind},
      {"status", status},
      {"party_id", r.party_id.empty() ? json::value(nullptr) : json::value(r.party_id)},
      {"agreement_id", r.agreement_id.empty() ? json::value(nullptr) : json::value(r.agreement_id)},
      {"change_notice_id",
       r.change_notice_id.empty() ? json::value(nullptr) : json::value(r.change_notice_id)},
      {"due_at", FormatRfc3339(r.due)},
      {"period", r.period ? json::value(*r.period) : json::value(nullptr)},
      {"period_label", r.period_label.empty() ? json::value(nullptr) : json::value(r.period_label)},
      {"series_key", r.series_key.empty() ? json::value(nullptr) : json::value(r.series_key)},
      {"opened_by", ActorJson(actor)},
      {"assignee", assignee},
      {"documentation", nullptr},
      {"rejections", json::array{}},
      {"approved_by", nullptr},
      {"approved_at", nullptr},
      {"on_time", nullptr},
      {"overdue", false},
      {"created_at", at},
      {"updated_at", at},
      {"version", 1}};
  json::object extra;
  if (!r.comment.empty()) extra["comment"] = r.comment;
  auto index = AppendState(c, "review", "review.opened", actor, state, std::move(extra));
  if (!index.ok()) return std::move(index).error();
  ACCORD_TRY(ScheduleReminders(c.tx(), id, r.due, now, policy));
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

Result<json::object> ApplyReviewAction(CommandContext& c, const domain::Actor& actor,
                                       const std::string& review_id, const ReviewAction& a,
                                       const policy::ReviewsPolicy& policy) {
  auto loaded = Load(c.tx(), "review", review_id, "review");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  std::string status = StateString(state, "status");
  namespace wf = workflow::review;
  auto action = wf::ParseAction(a.action);
  if (!action) return ValidationError("action", "unknown action '" + a.action + "'");
  auto current = wf::ParseState(status);
  if (!current) return Internal("review " + review_id + " has an unknown status " + status);
  if (!wf::Next(*current, *action)) {
    return Conflict("review " + review_id + " is " + status + ": " + a.action +
                        " is not possible now (allowed: " + wf::PossibleActions(*current) + ")",
                    "action", "not allowed while " + status);
  }
  const wf::Facts facts = ReviewFacts(state);
  if (auto no = wf::PersonRefusal(policy, actor.id, facts, *action)) return *no;
  TimePoint now = c.Now();
  std::string at = FormatRfc3339(now);
  json::object extra;
  if (!a.comment.empty()) extra["comment"] = a.comment;
  std::string type;
  if (a.action == "assign") {
    if (a.assignee_id.empty()) return ValidationError("assignee_id", "is required to assign");
    auto user = ActiveUser(c.tx(), "assignee_id", a.assignee_id, policy.assignee_roles);
    if (!user.ok()) return std::move(user).error();
    state["assignee"] = UserRef(*user);
    state["status"] = "assigned";
    type = "review.assigned";
  } else if (a.action == "document") {
    if (!a.documentation) {
      return ValidationError("documentation", "is required to document a review");
    }
    auto missing =
        domain::MissingReviewSections(StateString(state, "review_kind"), *a.documentation);
    if (!missing.empty()) return domain::ValidationErrors(std::move(missing));
    // Referenced reports are this party's; referenced evidence exists.
    std::vector<ErrorDetail> details;
    std::string party_id = StateString(state, "party_id");
    auto check_ids = [&](const char* field, std::string_view kind,
                         const std::string& what) -> Status {
      const json::value* ids = a.documentation->if_contains(field);
      if (!ids || !ids->is_array()) return Ok();
      for (const auto& v : ids->as_array()) {
        std::string ref(v.as_string());
        auto o = GetObject(c.tx(), kind, ref, Scope{});
        if (!o.ok()) return std::move(o).error();
        bool mine = o->has_value() && (kind != "soc2_report" || (*o)->party_id == party_id);
        if (!mine) details.push_back({std::string("documentation.") + field, what + ref, {}});
      }
      return Ok();
    };
    ACCORD_TRY(check_ids(
        "soc2_report_ids", "soc2_report",
        party_id.empty() ? "no SOC 2 report has id " : "no SOC 2 report of this party has id "));
    ACCORD_TRY(check_ids("evidence", "document", "no document has id "));
    if (!details.empty()) return domain::ValidationErrors(std::move(details));
    json::object doc = *a.documentation;
    doc["documented_by"] = ActorJson(actor);
    doc["documented_at"] = at;
    state["documentation"] = std::move(doc);
    state["status"] = "documented";
    type = "review.documented";
  } else if (a.action == "request_info") {
    // Ask the party's contacts for something (evidence, an answer): they read the message
    // and answer with POST /api/v1/reviews/{id}/responses; the status does not change.
    if (StateString(state, "party_id").empty()) {
      return ValidationError("action", "this review concerns no party: there is nobody to ask");
    }
    if (a.comment.empty()) {
      return ValidationError("comment", "is required: what the party is asked for");
    }
    if (!state.contains("party_requests")) state["party_requests"] = json::array{};
    state["party_requests"].as_array().push_back(
        json::object{{"by", ActorJson(actor)}, {"at", at}, {"message", a.comment}});
    state["awaiting_party"] = true;
    type = "review.info_requested";
  } else if (a.action == "approve") {
    ACCORD_TRY(CheckRiskAssessmentFirst(c.tx(), state));
    state["status"] = "approved";
    state["approved_by"] = ActorJson(actor);
    state["approved_at"] = at;
    // Only reached when the profile allows it ([separation]); the approval says so.
    if (wf::IsSelfApproval(actor.id, facts, *action)) state["self_approved"] = true;
    state["on_time"] = at <= StateString(state, "due_at");
    type = "review.approved";
  } else {  // reject: back to the assignee for further review and documentation
    if (a.comment.empty()) {
      return ValidationError("comment", "is required to reject: say what needs further review");
    }
    state["rejections"].as_array().push_back(
        json::object{{"by", ActorJson(actor)}, {"at", at}, {"comment", a.comment}});
    state["status"] = "assigned";
    type = "review.rejected";
  }
  Bump(state, now);
  auto index = AppendState(c, "review", type, actor, state, std::move(extra));
  if (!index.ok()) return std::move(index).error();
  if (a.action == "approve") {
    ACCORD_TRY(EndReminders(c.tx(), review_id));
    std::string notice_id = StateString(state, "change_notice_id");
    if (StateString(state, "review_kind") == "change_review" && !notice_id.empty()) {
      ACCORD_TRY(SetChangeNoticeStatus(c, actor, notice_id, "approved", a.comment));
    }
  }
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

Result<json::object> RespondToReview(CommandContext& c, const domain::Actor& actor,
                                     const std::string& party_id, const std::string& review_id,
                                     const std::string& message,
                                     const std::vector<std::string>& documents) {
  auto loaded = Load(c.tx(), "review", review_id, "review");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  // Another party's review does not exist as far as this contact knows (TP-7).
  if (party_id.empty() || StateString(state, "party_id") != party_id) {
    return NotFound("review " + review_id);
  }
  const json::value* asked = state.if_contains("party_requests");
  if (!asked || !asked->is_array() || asked->as_array().empty()) {
    return Conflict("review " + review_id + " has asked your organisation nothing", "review",
                    "no request to answer");
  }
  std::string status = StateString(state, "status");
  if (!domain::IsOpenReviewStatus(status)) {
    return Conflict("review " + review_id + " is " + status + ": it takes no more answers",
                    "review", "closed");
  }
  std::vector<ErrorDetail> details;
  for (const auto& id : documents) {
    auto doc = GetObject(c.tx(), "document", id, Scope{party_id});
    if (!doc.ok()) return std::move(doc).error();
    if (!doc->has_value()) {
      details.push_back({"documents", "no document of your organisation has id " + id, {}});
    }
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  TimePoint now = c.Now();
  json::array ids;
  for (const auto& id : documents) ids.push_back(json::value(id));
  if (!state.contains("party_responses")) state["party_responses"] = json::array{};
  state["party_responses"].as_array().push_back(json::object{{"by", ActorJson(actor)},
                                                             {"at", FormatRfc3339(now)},
                                                             {"message", message},
                                                             {"documents", std::move(ids)}});
  state["awaiting_party"] = false;
  Bump(state, now);
  auto index = AppendState(c, "review", "review.party_responded", actor, state);
  if (!index.ok()) return std::move(index).error();
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

Result<json::array> PartyRequests(Tx& tx, const std::string& party_id) {
  auto rows =
      tx.Query("SELECT doc FROM rm_objects WHERE party_id = ? AND kind = 'review' AND to_idx = ?",
               {party_id, kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<json::object> out;
  for (const auto& r : *rows) {
    auto doc = domain::ParseStateDoc(r.Text(0));
    if (!doc || !domain::IsOpenReviewStatus(StateString(*doc, "status"))) continue;
    const json::value* asked = doc->if_contains("party_requests");
    if (!asked || !asked->is_array() || asked->as_array().empty()) continue;
    json::object item;
    for (const char* f : {"id", "title", "review_kind", "status", "due_at", "party_requests",
                          "party_responses", "awaiting_party"}) {
      if (const json::value* v = doc->if_contains(f)) item[f] = *v;
    }
    if (!item.contains("party_responses")) item["party_responses"] = json::array{};
    out.push_back(std::move(item));
  }
  std::sort(out.begin(), out.end(), [](const json::object& a, const json::object& b) {
    return StateString(a, "due_at") < StateString(b, "due_at");
  });
  return json::array(out.begin(), out.end());
}

}  // namespace accord::storage
