// The breach assessment of an incident and the notices it owes (TR-8, 45 CFR 164.402-164.412):
// the workflow layer's commands (workflow/breach_assessment.h, workflow/breach_notice.h) over
// the pure rule (domain/breach.h). An assessment that concludes a breach opens one notice per
// affected covered entity (a customer party with a BAA), each with its own deadline; the
// scheduler reminds the officers before it and escalates once after it (RunBreachNotices).
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "accord/core/result.h"
#include "accord/domain/event.h"
#include "accord/storage/event_log.h"
#include "accord/storage/secure_messages.h"
#include "accord/storage/store.h"

namespace accord::storage {

// A covered entity we serve: a customer party that signed a BAA, in force or since ended
// (its protections stay on the PHI we kept); the agreement and its notice term, if any.
struct CoveredEntity {
  std::string party_id;
  std::string party_name;
  std::string agreement_id;
  std::string agreement_status;  // executed, or expired/terminated (its terms still apply)
  std::optional<double> breach_notice_hours;
};
Result<std::vector<CoveredEntity>> CoveredEntities(Tx& tx);

// Records the assessment of `incident_id` (`body`: domain::breach::AssessFields) and, for a
// breach, one notice per customer_ids entry: `breach_assessment.assessed`, then
// `breach_notice.opened` each. 404 for an unknown incident, 409 when it has an assessment,
// 422 naming the field otherwise; nothing is written unless everything is valid. The
// organisation's name signs the notices.
Result<boost::json::object> AssessBreach(CommandContext& c, const domain::Actor& actor,
                                         const std::string& incident_id,
                                         const boost::json::object& body);

// A law enforcement official's statement (164.412, `body`: DelayFields), with its document:
// `breach_assessment.delay_recorded`, and each notice still due gets its deadline extended
// (`breach_notice.deadline_extended`). A later statement replaces the earlier one.
Result<boost::json::object> RecordLawEnforcementDelay(CommandContext& c, const domain::Actor& actor,
                                                      const std::string& assessment_id,
                                                      const boost::json::object& body);

// send (queues the notice's email through the outbox), record_sent, link_list (a Secure
// Message `caller` sent or received). The last notice sent completes the assessment
// (`breach_assessment.completed`). Returns the notice's view.
Result<boost::json::object> BreachNoticeAction(CommandContext& c, const domain::Actor& actor,
                                               const SecureCaller& caller, const std::string& id,
                                               const boost::json::object& body);

// {assessment, notices}: the incident's assessment and its notices, each with `overdue`,
// `party_name` and the caller's `allowed_actions`; nullopt when it has none.
Result<std::optional<boost::json::object>> IncidentBreach(Tx& tx, const std::string& incident_id,
                                                          const std::string& role, bool break_glass,
                                                          TimePoint now);
// The same for an assessment id.
Result<std::optional<boost::json::object>> BreachById(Tx& tx, const std::string& assessment_id,
                                                      const std::string& role, bool break_glass,
                                                      TimePoint now);
// Notices still due, soonest deadline first (the dashboard and My work).
Result<std::vector<boost::json::object>> DueBreachNotices(Tx& tx, TimePoint now, size_t limit);

// The scheduler's job: a reminder to the officers 7, 3 and 1 days before a notice's deadline
// (once each; only the latest slot reached), and once overdue an alert and
// `breach_notice.escalated`. Idempotent; returns how many messages and escalations it made.
Result<int> RunBreachNotices(EventLog& log);

}  // namespace accord::storage
