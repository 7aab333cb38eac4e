// The annual incident-response test (TR-8): a record of each exercise (when, the scenario, who
// took part, how it went), written by its command beside `incident_response_test.recorded`. The
// next one is due a year after the latest; the audit calendar shows it.
#pragma once

#include <boost/json/object.hpp>
#include <vector>

#include "accord/core/result.h"
#include "accord/domain/event.h"
#include "accord/domain/fields.h"
#include "accord/storage/audit_calendar.h"
#include "accord/storage/event_log.h"
#include "accord/storage/store.h"

namespace accord::storage {

// conducted_on, scenario, participants, outcome, lessons.
const std::vector<domain::FieldSpec>& IncidentResponseTestFields();
// Records one test (officers; conducted_on not in the future); its stored record.
Result<boost::json::object> RecordIncidentResponseTest(CommandContext& c,
                                                       const domain::Actor& actor,
                                                       const boost::json::object& body);
// {items (newest first), next_due_on (a year after the latest, or null before the first)}.
Result<boost::json::object> ListIncidentResponseTests(Tx& tx);
// The audit calendar's source: the next test's due day.
Status IncidentResponseTestDue(Tx& tx, const CalendarWindow& window,
                               std::vector<CalendarItem>& out);

}  // namespace accord::storage
