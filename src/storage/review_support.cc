// Helpers shared by the review workflow's files (reviews, change notices, findings, the
// schedule, the reports): loading and appending states, reminders, users.
#include "review_support.h"

#include "my_work_text.h"

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

namespace accord::storage::review_support {

namespace json = boost::json;
using domain::ActorJson;
using domain::StateString;

// --- small helpers -------------------------------------------------------------------------

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string Day(TimePoint t) { return FormatRfc3339(t).substr(0, 10); }

void Bump(json::object& state, TimePoint now) {
  state["updated_at"] = FormatRfc3339(now);
  const json::value* version = state.if_contains("version");
  state["version"] = (version && version->is_int64() ? version->as_int64() : 0) + 1;
}

Result<uint64_t> AppendState(CommandContext& c, const std::string& kind, const std::string& type,
                             const domain::Actor& actor, const json::object& state,
                             json::object extra) {
  extra["state"] = state;
  return c.Append(domain::Event{.type = type,
                                .actor = actor,
                                .subject = {kind, StateString(state, "id")},
                                .payload = std::move(extra)});
}

Result<uint64_t> AppendState(CommandContext& c, const std::string& kind, const std::string& type,
                             const domain::Actor& actor, json::object&& state, json::object extra) {
  std::string id = StateString(state, "id");
  extra["state"] = std::move(state);
  return c.Append(domain::Event{
      .type = type, .actor = actor, .subject = {kind, std::move(id)}, .payload = std::move(extra)});
}

Result<json::object> Load(Tx& tx, std::string_view kind, const std::string& id,
                          std::string_view noun) {
  auto o = GetObject(tx, kind, id, Scope{});
  if (!o.ok()) return std::move(o).error();
  if (!o->has_value()) return NotFound(std::string(noun) + " " + id);
  return std::move((*o)->doc);
}

Error Conflict(std::string message, std::string field, std::string reason) {
  return Error{
      ErrorCode::kConflict, std::move(message), {{std::move(field), std::move(reason), {}}}};
}

// An active account, for an assignee or an owner; `roles` empty = any workforce role.
Result<json::object> ActiveUser(Tx& tx, const std::string& field, const std::string& user_id,
                                const std::vector<std::string>& roles) {
  auto user = FindUser(tx, user_id);
  if (!user.ok()) return std::move(user).error();
  if (!user->has_value()) return ValidationError(field, "no account has id " + user_id);
  const json::object& u = **user;
  if (StateString(u, "status") != "active") {
    return ValidationError(field, "the account " + StateString(u, "email") + " is not active");
  }
  std::string role = StateString(u, "role");
  if (roles.empty() ? !domain::IsWorkforceRole(role) : !Contains(roles, role)) {
    std::string names;
    for (const auto& r : roles) names += (names.empty() ? "" : ", ") + r;
    return ValidationError(field, "must be an account with one of the roles " +
                                      (names.empty() ? std::string("of the workforce") : names) +
                                      " (is " + role + ")");
  }
  return std::move(**user);
}

json::object UserRef(const json::object& u) {
  return json::object{{"id", StateString(u, "id")},
                      {"email", StateString(u, "email")},
                      {"name", StateString(u, "name")},
                      {"role", StateString(u, "role")}};
}

Result<std::string> PartyName(Tx& tx, const std::string& party_id) {
  if (party_id.empty()) return std::string();
  auto party = GetObject(tx, "party", party_id, Scope{});
  if (!party.ok()) return std::move(party).error();
  if (!party->has_value()) return NotFound("party " + party_id);
  return StateString((*party)->doc, "name");
}

// --- reminders -----------------------------------------------------------------------------

std::vector<int> DaysBefore(const policy::ReviewsPolicy& policy) {
  std::vector<int> days = policy.reminder_days_before;
  std::sort(days.rbegin(), days.rend());
  return days;
}

// The latest slot already reached at `now` (0 before the first): a review opened late is
// announced at once, not with every reminder it missed.
int64_t LatestSlot(TimePoint due, TimePoint now, int64_t from,
                   const policy::ReviewsPolicy& policy) {
  int64_t slot = from;
  while (slot < 100000 && ReminderSlotAt(due, slot + 1, policy) <= now) ++slot;
  return slot;
}

Status ScheduleReminders(Tx& tx, const std::string& review_id, TimePoint due, TimePoint now,
                         const policy::ReviewsPolicy& policy) {
  int64_t slot = LatestSlot(due, now, 0, policy);
  auto r = tx.Exec(
      "INSERT INTO review_reminders(review_id, next_at, sent) VALUES (?, ?, ?) "
      "ON CONFLICT(review_id) DO NOTHING",
      {review_id, FormatRfc3339(ReminderSlotAt(due, slot, policy)), slot});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

Status EndReminders(Tx& tx, const std::string& review_id) {
  auto r = tx.Exec("DELETE FROM review_reminders WHERE review_id = ?", {review_id});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

// --- reviews -------------------------------------------------------------------------------

std::string DefaultTitle(const NewReview& r, const std::string& party_name) {
  std::string title = domain::ReviewKindTitle(r.kind);
  if (!party_name.empty()) title += ": " + party_name;
  if (!r.period_label.empty() && r.kind == "sla_report") return title + " " + r.period_label;
  return title + " (due " + my_work_text::HumanDay(FormatRfc3339(r.due)) + ")";
}

// What the review workflow's person rules read of a stored review.
workflow::review::Facts ReviewFacts(const json::object& state) {
  workflow::review::Facts f;
  if (const json::value* a = state.if_contains("assignee"); a && a->is_object()) {
    f.assignee_id = StateString(a->as_object(), "id");
    f.assignee_email = StateString(a->as_object(), "email");
  }
  if (const json::value* d = state.if_contains("documentation"); d && d->is_object()) {
    f.documented_by = domain::ActorIdOf(d->as_object(), "documented_by");
  }
  return f;
}

// A change review is approved only after its risk assessment (TP-9).
Status CheckRiskAssessmentFirst(Tx& tx, const json::object& review) {
  std::string notice_id = StateString(review, "change_notice_id");
  if (StateString(review, "review_kind") != "change_review" || notice_id.empty()) return Ok();
  auto notice = Load(tx, "change_notice", notice_id, "change notice");
  if (!notice.ok()) return std::move(notice).error();
  std::string risk_id = StateString(*notice, "risk_assessment_id");
  if (risk_id.empty()) return Ok();
  auto risk = Load(tx, "review", risk_id, "review");
  if (!risk.ok()) return std::move(risk).error();
  if (StateString(*risk, "status") == "approved") return Ok();
  return Conflict("the change is substantial: its risk assessment " + risk_id +
                      " must be approved before the change review (TP-9)",
                  "risk_assessment_id", "is " + StateString(*risk, "status"));
}

Status SetChangeNoticeStatus(CommandContext& c, const domain::Actor& actor,
                             const std::string& notice_id, const std::string& status,
                             const std::string& comment) {
  auto notice = Load(c.tx(), "change_notice", notice_id, "change notice");
  if (!notice.ok()) return std::move(notice).error();
  json::object state = std::move(*notice);
  // Only a change still under review moves: an implemented or withdrawn one is final.
  namespace wf = workflow::change_notice;
  auto from = wf::ParseState(StateString(state, "status"));
  auto to = from ? wf::Next(*from, wf::Action::kApprove) : std::nullopt;
  if (!to) return Ok();
  if (wf::Name(*to) != status) return Internal("a change notice is never set to " + status);
  state["status"] = status;
  Bump(state, c.Now());
  json::object extra;
  if (!comment.empty()) extra["comment"] = comment;
  auto r = AppendState(c, "change_notice", "change_notice.status_changed", actor, state,
                       std::move(extra));
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

Status CancelReview(CommandContext& c, const domain::Actor& actor, const std::string& id,
                    const std::string& reason) {
  auto loaded = Load(c.tx(), "review", id, "review");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  if (!domain::IsOpenReviewStatus(StateString(state, "status"))) return Ok();
  state["status"] = "cancelled";
  Bump(state, c.Now());
  ACCORD_TRY(EndReminders(c.tx(), id));
  auto r =
      AppendState(c, "review", "review.cancelled", actor, state, json::object{{"comment", reason}});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

// --- findings ------------------------------------------------------------------------------

// Why these reports of one party do not meet TP-11 now, or "" when one does: reviewed in
// the last soc2_max_age_months, over a period that ended no more than that before its
// review (or bridged by a letter still in force).
std::string Soc2GapOf(const std::vector<json::object>& reports, TimePoint now,
                      const policy::ReviewsPolicy& policy) {
  auto months = std::chrono::months(policy.soc2_max_age_months);
  std::string max_age = std::to_string(policy.soc2_max_age_months) + " months";
  std::string oldest_review = FormatRfc3339(now - months);
  std::string reason = "no SOC 2 report is recorded";
  // A report the party submitted counts once we have reviewed it; until then the gap says so.
  bool awaiting = std::any_of(reports.begin(), reports.end(), [](const json::object& doc) {
    return StateString(doc, "status") == "submitted";
  });
  if (awaiting) reason = "a submitted SOC 2 report awaits review";
  for (const auto& doc : reports) {
    std::string reviewed = StateString(doc, "reviewed_at");
    auto reviewed_at = ParseRfc3339(reviewed);
    if (!reviewed_at.ok()) continue;
    if (reviewed < oldest_review) {
      reason = "the latest SOC 2 report was reviewed on " + reviewed.substr(0, 10) +
               ", more than " + max_age + " ago";
      continue;
    }
    std::string period_end = StateString(doc, "period_end");
    std::string bridge;
    if (const json::value* b = doc.if_contains("bridge_letter"); b && b->is_object()) {
      bridge = StateString(b->as_object(), "covered_until");
    }
    if (period_end >= FormatRfc3339(*reviewed_at - months) || bridge >= FormatRfc3339(now)) {
      return std::string();
    }
    reason = "the SOC 2 report reviewed on " + reviewed.substr(0, 10) +
             " covers a period that ended on " + period_end.substr(0, 10) + ", more than " +
             max_age + " before its review";
  }
  if (awaiting && reason.find("awaits review") == std::string::npos) {
    reason += "; a newer report awaits review";
  }
  return reason;
}

}  // namespace accord::storage::review_support
