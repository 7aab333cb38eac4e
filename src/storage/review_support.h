// Helpers shared by the review workflow's files: reviews.cc, change_notices.cc, findings.cc,
// review_schedule.cc, review_series.cc and review_reports.cc (private to storage/).
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "accord/domain/event.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"
#include "accord/storage/reviews.h"
#include "accord/workflow/review.h"

namespace accord::storage::review_support {

bool Contains(const std::vector<std::string>& v, std::string_view s);
std::string Day(TimePoint t);  // "2026-12-06"
// updated_at = now, version + 1.
void Bump(boost::json::object& state, TimePoint now);
// `type` on `kind`/state.id with {"state": state, ...extra}.
Result<uint64_t> AppendState(CommandContext& c, const std::string& kind, const std::string& type,
                             const domain::Actor& actor, const boost::json::object& state,
                             boost::json::object extra = {});
// The same, moving the state into the event (no copy: an import appends thousands).
Result<uint64_t> AppendState(CommandContext& c, const std::string& kind, const std::string& type,
                             const domain::Actor& actor, boost::json::object&& state,
                             boost::json::object extra = {});
// The live state of `kind` `id`; 404 "<noun> <id>" when there is none.
Result<boost::json::object> Load(Tx& tx, std::string_view kind, const std::string& id,
                                 std::string_view noun);
Error Conflict(std::string message, std::string field, std::string reason);
// An active account, for an assignee or an owner; `roles` empty = any workforce role.
Result<boost::json::object> ActiveUser(Tx& tx, const std::string& field, const std::string& user_id,
                                       const std::vector<std::string>& roles);
// {id, email, name, role} of an account's state.
boost::json::object UserRef(const boost::json::object& user);
Result<std::string> PartyName(Tx& tx, const std::string& party_id);

std::vector<int> DaysBefore(const policy::ReviewsPolicy& policy);
// The latest reminder slot already reached at `now` (0 before the first).
int64_t LatestSlot(TimePoint due, TimePoint now, int64_t from, const policy::ReviewsPolicy& policy);
Status ScheduleReminders(Tx& tx, const std::string& review_id, TimePoint due, TimePoint now,
                         const policy::ReviewsPolicy& policy);
Status EndReminders(Tx& tx, const std::string& review_id);

std::string DefaultTitle(const NewReview& r, const std::string& party_name);
// What the review workflow's person rules read of a stored review.
workflow::review::Facts ReviewFacts(const boost::json::object& state);
// A change review is approved only after its risk assessment (TP-9).
Status CheckRiskAssessmentFirst(Tx& tx, const boost::json::object& review);
Status SetChangeNoticeStatus(CommandContext& c, const domain::Actor& actor,
                             const std::string& notice_id, const std::string& status,
                             const std::string& comment);
Status CancelReview(CommandContext& c, const domain::Actor& actor, const std::string& id,
                    const std::string& reason);
// Why these SOC 2 reports of one party do not meet TP-11 now, or "" when one does.
std::string Soc2GapOf(const std::vector<boost::json::object>& reports, TimePoint now,
                      const policy::ReviewsPolicy& policy);

}  // namespace accord::storage::review_support
