// The recurring third-party reviews (TP-9 … TP-15): the review workflow, change notices,
// SOC 2 findings, findings tracked to resolution, and the scheduler that opens due reviews,
// flags overdue ones and queues reminders in the outbox. Reviews, change notices, SOC 2
// reports and findings are registry objects; every event carries the whole state.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "accord/core/clock.h"
#include "accord/domain/event.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"

namespace accord::storage {

struct NewReview {
  std::string kind;  // domain::ReviewKinds()
  std::string party_id;
  std::string agreement_id;
  std::string change_notice_id;
  std::string title;  // "" = from kind, party and due date
  TimePoint due;
  std::string series_key;  // scheduled reviews: the series and its occurrence number
  std::optional<int64_t> period;
  std::string period_label;  // "2027", "2026Q4", "2027-03-01"
  std::string assignee_id;   // "" = unassigned
  std::string comment;
  std::string id;  // "" = a new id
};

// Opens a review (review.opened) and schedules its reminders. 422 for an unknown kind, a
// party kind without a party, an unknown or inactive assignee; 404 for an unknown party.
Result<boost::json::object> OpenReview(CommandContext& c, const domain::Actor& actor,
                                       const NewReview& review,
                                       const policy::ReviewsPolicy& policy);

struct ReviewAction {
  std::string action;  // assign | document | approve | reject | request_info
  std::string comment;
  std::string assignee_id;
  std::optional<boost::json::object> documentation;
};

// One step of TP-12's workflow. Who may call which action is the HTTP layer's profile check;
// here: the state machine (409 naming the allowed actions), `document` only by the assignee
// (403) with every required section (422), a change review not approved before its risk
// assessment (409), approving a change review approves its change notice.
Result<boost::json::object> ApplyReviewAction(CommandContext& c, const domain::Actor& actor,
                                              const std::string& review_id,
                                              const ReviewAction& action,
                                              const policy::ReviewsPolicy& policy);

// TP-9: records a change notice (validated body, see domain::ChangeNoticeCreateFields),
// decides whether it is substantial (the officer's flag or the profile's rules), and opens
// its change review and, when substantial, its risk assessment, both due at planned_at.
Result<boost::json::object> RecordChangeNotice(CommandContext& c, const domain::Actor& actor,
                                               const boost::json::object& body,
                                               const policy::ReviewsPolicy& policy);
// implemented (a finding when its change review was not approved) | withdrawn (its open
// reviews are cancelled).
Result<boost::json::object> ChangeNoticeAction(CommandContext& c, const domain::Actor& actor,
                                               const std::string& id, const std::string& action,
                                               std::optional<TimePoint> at,
                                               const std::string& comment,
                                               const policy::ReviewsPolicy& policy);

struct NewFinding {
  std::string title;
  std::string description;
  std::string severity;  // critical | high | medium | low
  std::string party_id;
  std::string source_kind;  // review | soc2_report | change_notice | schedule | manual
  std::string source_id;
  std::string rule;      // soc2_exception, soc2_report_missing, unapproved_change, manual, ...
  std::string owner_id;  // "" = nobody yet
  std::optional<TimePoint> due;  // default: now + the profile's remediation window
};

Result<boost::json::object> OpenFinding(CommandContext& c, const domain::Actor& actor,
                                        const NewFinding& finding,
                                        const policy::ReviewsPolicy& policy);

// assign (owner_id) | resolve (comment and evidence) | accept_risk (comment) | reopen.
Result<boost::json::object> ApplyFindingAction(
    CommandContext& c, const domain::Actor& actor, const std::string& finding_id,
    const std::string& action, const std::string& comment, const std::string& owner_id,
    const std::vector<std::string>& evidence, const policy::ReviewsPolicy& policy);

// A SOC 2 report was recorded (`report` is its state): one finding per exception, and an
// adverse or disclaimer opinion is itself a high finding. Returns the finding ids.
Result<std::vector<std::string>> RaiseSoc2Findings(CommandContext& c, const domain::Actor& actor,
                                                   const boost::json::object& report,
                                                   const policy::ReviewsPolicy& policy);

// TP-11: does this party have a SOC 2 report reviewed in the last soc2_max_age_months whose
// period ended no more than soc2_max_age_months before that review? Returns the reason it
// does not ("" when it does).
Result<std::string> Soc2Gap(Tx& tx, const std::string& party_id, TimePoint now,
                            const policy::ReviewsPolicy& policy);

struct ScheduleRun {
  int series_added = 0, series_changed = 0, series_ended = 0;
  int reviews_opened = 0, reviews_overdue = 0, reminders_queued = 0;
  int findings_opened = 0, findings_overdue = 0;
  int total() const {
    return series_added + series_changed + series_ended + reviews_opened + reviews_overdue +
           reminders_queued + findings_opened + findings_overdue;
  }
};

// One scheduler pass. `sync` also brings the series in line with the registry (organisation
// list and report, each active partner and subcontractor, each executed SLA), checks every
// infrastructure partner's SOC 2 report and flags overdue findings: it reads every party, so
// the server runs it when the ledger has grown or a minute has passed. The rest reads only
// what is due, through indexes. Idempotent: a second run at the same instant does nothing.
Result<ScheduleRun> RunReviewSchedule(EventLog& log, const policy::ReviewsPolicy& policy,
                                      bool sync = true);

// The reminder slots of a review due at `due`: days_before (descending) then every
// overdue_reminder_days after the due date. Slot k's instant.
TimePoint ReminderSlotAt(TimePoint due, int64_t slot, const policy::ReviewsPolicy& policy);

// The dashboard's counts (TP-12 "overdue is visible"): per review kind open, due within
// 30 days, overdue, approved on time, approved late; findings open per severity and overdue.
// The party's contact answers what a review asked of it (`request_info`): the message and
// documents of that party go into the review's `party_responses` (review.party_responded).
// A review of another party is 404; one that asked nothing, or is closed, is 409.
Result<boost::json::object> RespondToReview(CommandContext& c, const domain::Actor& actor,
                                            const std::string& party_id,
                                            const std::string& review_id,
                                            const std::string& message,
                                            const std::vector<std::string>& documents);

// What the party has been asked by open reviews: each review that requested information, with
// only what its contacts may read {id, title, review_kind, status, due_at, party_requests,
// party_responses, awaiting_party} (not the review's documentation), due first.
Result<boost::json::array> PartyRequests(Tx& tx, const std::string& party_id);

Result<boost::json::object> ReviewDashboard(Tx& tx, TimePoint now);

// TP-15: the quarterly SLA-review report for [start, end).
Result<boost::json::object> SlaReviewReport(Tx& tx, TimePoint start, TimePoint end,
                                            const std::string& label, TimePoint now);

}  // namespace accord::storage
