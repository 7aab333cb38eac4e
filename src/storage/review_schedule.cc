// The review schedule's pass: the recurring series synced and due reviews opened
// (review_series.cc), overdue marks, SOC 2 findings, reminders and the outbox.
#include "accord/storage/reviews.h"

#include "my_work_text.h"
#include "review_series.h"
#include "review_support.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

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

namespace {

Status MarkOverdueReviews(CommandContext& c, ScheduleRun& run) {
  auto rows = c.tx().Query(
      "SELECT id FROM rm_reviews WHERE is_open = 1 AND overdue = 0 AND due_at < ? "
      "ORDER BY due_at LIMIT 5000",
      {FormatRfc3339(c.Now())});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& row : *rows) {
    auto loaded = Load(c.tx(), "review", row.Text(0), "review");
    if (!loaded.ok()) return std::move(loaded).error();
    json::object state = std::move(*loaded);
    state["overdue"] = true;
    Bump(state, c.Now());
    auto r = AppendState(c, "review", "review.overdue", domain::SystemActor(), state);
    if (!r.ok()) return std::move(r).error();
    ++run.reviews_overdue;
  }
  return Ok();
}

// Open findings past their due date and not yet marked.
Result<std::vector<json::object>> OverdueFindings(Tx& tx, TimePoint now) {
  std::string at = FormatRfc3339(now);
  auto rows = tx.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'finding' AND to_idx = ? AND "
      "status IN ('open', 'acceptance_requested') "
      "AND doc NOT LIKE '%\"overdue\":true%'",
      {kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<json::object> out;
  for (const auto& row : *rows) {
    auto doc = domain::ParseStateDoc(row.Text(0));
    if (!doc || StateString(*doc, "due_at") >= at) continue;
    const json::value* flagged = doc->if_contains("overdue");
    if (flagged && flagged->is_bool() && flagged->as_bool()) continue;
    out.push_back(std::move(*doc));
  }
  return out;
}

Status MarkOverdueFindings(CommandContext& c, std::vector<json::object> findings,
                           ScheduleRun& run) {
  for (auto& state : findings) {
    state["overdue"] = true;
    Bump(state, c.Now());
    auto r = AppendState(c, "finding", "finding.overdue", domain::SystemActor(), state);
    if (!r.ok()) return std::move(r).error();
    ++run.findings_overdue;
  }
  return Ok();
}

// TP-11 for every active infrastructure partner: the findings to open (one open finding per
// party at a time). Three queries whatever the number of parties.
Result<std::vector<NewFinding>> Soc2Findings(Tx& tx, TimePoint now,
                                             const policy::ReviewsPolicy& policy) {
  // Stored documents are RFC 8785 canonical, so the flag has exactly this spelling.
  auto rows = tx.Query(
      "SELECT id, doc FROM rm_objects WHERE kind = 'party' AND to_idx = ? AND status = 'active' "
      "AND tag IN ('partner', 'subcontractor') AND doc LIKE '%\"infrastructure_partner\":true%'",
      {kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<NewFinding> out;
  if (rows->empty()) return out;
  std::map<std::string, std::vector<json::object>> reports;
  auto report_rows =
      tx.Query("SELECT party_id, doc FROM rm_objects WHERE kind = 'soc2_report' AND to_idx = ?",
               {kOpenVersion});
  if (!report_rows.ok()) return std::move(report_rows).error();
  for (const auto& r : *report_rows) {
    if (auto doc = domain::ParseStateDoc(r.Text(1))) reports[r.Text(0)].push_back(std::move(*doc));
  }
  // Parties with an open soc2_report_missing finding, or one whose risk was accepted within
  // the report's maximum age (the acceptance stands as long as a report would have).
  std::set<std::string> flagged;
  std::string accepted_since = FormatRfc3339(now - std::chrono::months(policy.soc2_max_age_months));
  auto finding_rows = tx.Query(
      "SELECT party_id, status, doc FROM rm_objects WHERE kind = 'finding' AND to_idx = ? "
      "AND status IN ('open', 'acceptance_requested', 'risk_accepted') "
      "AND doc LIKE '%\"rule\":\"soc2_report_missing\"%'",
      {kOpenVersion});
  if (!finding_rows.ok()) return std::move(finding_rows).error();
  for (const auto& r : *finding_rows) {
    if (r.Text(1) == "risk_accepted") {
      auto doc = domain::ParseStateDoc(r.Text(2));
      const json::value* res = doc ? doc->if_contains("resolution") : nullptr;
      if (!res || !res->is_object() || StateString(res->as_object(), "at") < accepted_since) {
        continue;
      }
    }
    flagged.insert(r.Text(0));
  }
  static const std::vector<json::object> kNone;
  for (const auto& row : *rows) {
    std::string party_id = row.Text(0);
    if (flagged.contains(party_id)) continue;
    auto it = reports.find(party_id);
    std::string gap = Soc2GapOf(it == reports.end() ? kNone : it->second, now, policy);
    if (gap.empty()) continue;
    auto doc = domain::ParseStateDoc(row.Text(1));
    std::string name = doc ? StateString(*doc, "name") : party_id;
    out.push_back(NewFinding{.title = "No current SOC 2 report for " + name,
                             .description = gap + " (TP-11: infrastructure partners' SOC 2 reports "
                                                  "are reviewed every year)",
                             .severity = "high",
                             .party_id = party_id,
                             .source_kind = "schedule",
                             .source_id = party_id,
                             .rule = "soc2_report_missing"});
  }
  return out;
}

std::string HumanDue(TimePoint due) { return my_work_text::HumanDay(FormatRfc3339(due)); }

// Says how far the due date is from now (a reminder may go out later than its slot).
std::string ReminderSubject(const json::object& review, TimePoint due, TimePoint now) {
  std::string title = StateString(review, "title");
  if (now <= due) {
    auto left = std::chrono::floor<std::chrono::days>(due - now).count();
    if (left == 0) return "Due today (" + HumanDue(due) + "): " + title;
    return "Due in " + std::to_string(left) + (left == 1 ? " day (" : " days (") + HumanDue(due) +
           "): " + title;
  }
  auto late = std::chrono::floor<std::chrono::days>(now - due).count();
  return "Overdue by " + std::to_string(late) + (late == 1 ? " day" : " days") + " (due " +
         HumanDue(due) + "): " + title;
}

// Queues the latest reminder each review has reached; a review no longer open drops out.
Status QueueReminders(Tx& tx, TimePoint now, const policy::ReviewsPolicy& policy,
                      ScheduleRun& run) {
  auto rows = tx.Query(
      "SELECT review_id, sent FROM review_reminders WHERE next_at <= ? ORDER BY next_at "
      "LIMIT 5000",
      {FormatRfc3339(now)});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& row : *rows) {
    std::string id = row.Text(0);
    auto o = GetObject(tx, "review", id, Scope{});
    if (!o.ok()) return std::move(o).error();
    if (!o->has_value() || !domain::IsOpenReviewStatus(StateString((*o)->doc, "status"))) {
      ACCORD_TRY(EndReminders(tx, id));
      continue;
    }
    const json::object& review = (*o)->doc;
    auto due = ParseRfc3339(StateString(review, "due_at"));
    if (!due.ok()) continue;
    int64_t slot = LatestSlot(*due, now, row.Int(1), policy);
    bool overdue = now > *due;
    std::vector<std::string> roles = policy.open_roles;
    std::vector<std::string> users;
    if (const json::value* a = review.if_contains("assignee"); a && a->is_object()) {
      std::string assignee = StateString(a->as_object(), "id");
      users.push_back(assignee);
      // The assignee alone until it is late, unless the account has lapsed meanwhile.
      auto user = FindUser(tx, assignee);
      if (!user.ok()) return std::move(user).error();
      bool active = user->has_value() && StateString(**user, "status") == "active";
      if (!overdue && active) roles.clear();
    }
    if (overdue)
      roles.insert(roles.end(), policy.approve_roles.begin(), policy.approve_roles.end());
    OutboxMessage m{.dedupe_key = "reminder:" + id + ":" + std::to_string(slot),
                    .subject = ReminderSubject(review, *due, now),
                    .body = StateString(review, "title") + "\n" +
                            domain::ReviewKindTitle(StateString(review, "review_kind")) +
                            "\nStatus: " + StateString(review, "status") +
                            "\nDue: " + my_work_text::HumanDay(StateString(review, "due_at")) +
                            "\nReference: " + id + "\n",
                    .ref_kind = "review",
                    .ref_id = id};
    auto queued = QueueForUsers(tx, roles, users, std::move(m), now);
    if (!queued.ok()) return std::move(queued).error();
    run.reminders_queued += *queued;
    auto r = tx.Exec("UPDATE review_reminders SET next_at = ?, sent = ? WHERE review_id = ?",
                     {FormatRfc3339(ReminderSlotAt(*due, slot + 1, policy)), slot + 1, id});
    if (!r.ok()) return std::move(r).error();
  }
  return Ok();
}

Result<bool> AnythingDue(Tx& tx, TimePoint now) {
  std::string at = FormatRfc3339(now);
  for (const char* sql :
       {"SELECT 1 FROM review_series WHERE open_at <= ? LIMIT 1",
        "SELECT 1 FROM rm_reviews WHERE is_open = 1 AND overdue = 0 AND due_at < ? LIMIT 1",
        "SELECT 1 FROM review_reminders WHERE next_at <= ? LIMIT 1"}) {
    auto row = tx.QueryOne(sql, {at});
    if (!row.ok()) return std::move(row).error();
    if (row->has_value()) return true;
  }
  return false;
}

}  // namespace

TimePoint ReminderSlotAt(TimePoint due, int64_t slot, const policy::ReviewsPolicy& policy) {
  auto days = DaysBefore(policy);
  auto n = static_cast<int64_t>(days.size());
  if (slot < n) return due - std::chrono::days(days[slot]);
  int64_t late = slot - n + 1;
  return due + std::chrono::days(std::max(policy.overdue_reminder_days, 1)) * late;
}

Result<ScheduleRun> RunReviewSchedule(EventLog& log, const policy::ReviewsPolicy& policy,
                                      bool sync) {
  ScheduleRun run;
  TimePoint now = log.clock().Now();
  if (sync) ACCORD_TRY(review_series::SyncReviewSeries(log.store(), policy, now, run));
  // Most passes find nothing due: look first (three index probes, plus the SOC 2 and finding
  // checks when syncing), so a quiet pass takes no write lock.
  bool due = false;
  ACCORD_TRY(log.store().Read([&](Tx& tx) -> Status {
    auto any = AnythingDue(tx, now);
    if (!any.ok()) return std::move(any).error();
    due = *any;
    if (due || !sync) return Ok();
    auto soc2 = Soc2Findings(tx, now, policy);
    if (!soc2.ok()) return std::move(soc2).error();
    auto late = OverdueFindings(tx, now);
    if (!late.ok()) return std::move(late).error();
    due = !soc2->empty() || !late->empty();
    return Ok();
  }));
  if (due) {
    // Planned again inside the write transaction: another server may have done it meanwhile.
    // Counted from the committed result: a command may run again after a rolled-back batch.
    auto r = log.Execute([&policy, sync](CommandContext& c) -> Result<json::value> {
      ScheduleRun inner;
      ACCORD_TRY(review_series::OpenDueReviews(c, policy, inner));
      ACCORD_TRY(MarkOverdueReviews(c, inner));
      if (sync) {
        auto soc2 = Soc2Findings(c.tx(), c.Now(), policy);
        if (!soc2.ok()) return std::move(soc2).error();
        for (const auto& f : *soc2) {
          auto opened = OpenFinding(c, domain::SystemActor(), f, policy);
          if (!opened.ok()) return std::move(opened).error();
          ++inner.findings_opened;
        }
        auto late = OverdueFindings(c.tx(), c.Now());
        if (!late.ok()) return std::move(late).error();
        ACCORD_TRY(MarkOverdueFindings(c, std::move(*late), inner));
      }
      return json::value(json::array{inner.reviews_opened, inner.reviews_overdue,
                                     inner.findings_opened, inner.findings_overdue});
    });
    if (!r.ok()) return std::move(r).error();
    const json::array& counts = r->as_array();
    run.reviews_opened += static_cast<int>(counts[0].as_int64());
    run.reviews_overdue += static_cast<int>(counts[1].as_int64());
    run.findings_opened += static_cast<int>(counts[2].as_int64());
    run.findings_overdue += static_cast<int>(counts[3].as_int64());
  }
  ACCORD_TRY(log.store().Write([&](Tx& tx) { return QueueReminders(tx, now, policy, run); }));
  return run;
}

}  // namespace accord::storage
