// The questionnaire commands' shared steps (private to storage/): storage/questionnaires.cc
// (send, answer, review) and storage/questionnaire_schedule.cc (the scheduler's job).
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "accord/core/result.h"
#include "accord/core/time.h"
#include "accord/domain/event.h"
#include "accord/storage/event_log.h"

namespace accord::storage::questionnaire_support {

// Appends `type` with the questionnaire's (or template's) whole state; returns it with its
// `ledger_index`.
Result<boost::json::object> Append(CommandContext& c, const std::string& kind,
                                   const std::string& type, const domain::Actor& actor,
                                   boost::json::object state, boost::json::object extra = {});

// Emails the questionnaire's contact (the address it was sent to), deduplicated by `key`.
Status EmailContact(Tx& tx, const boost::json::object& q, const std::string& key,
                    const std::string& subject, const std::string& body, TimePoint now);
// Emails the Security Officers about the questionnaire, deduplicated by `key`.
Status EmailOfficers(Tx& tx, const boost::json::object& q, const std::string& key,
                     const std::string& subject, const std::string& body, TimePoint now);

// The day of the questionnaire's timestamp `field`, in words.
std::string DayOf(const boost::json::object& q, std::string_view field);

// A new questionnaire from a template's current version, for one contact of the party.
Result<boost::json::object> NewQuestionnaire(CommandContext& c, const boost::json::object& tmpl,
                                             const std::string& party_id,
                                             const boost::json::object& contact,
                                             const std::string& due_at, std::string title);

// Answers of `previous` for questions the new questionnaire still asks.
boost::json::array Prefill(const boost::json::object& fresh, const boost::json::object& previous);

// Emails the contact that the questionnaire waits for them and appends questionnaire.sent.
Result<boost::json::object> SendEmailAndAppend(CommandContext& c, const domain::Actor& actor,
                                               boost::json::object q,
                                               boost::json::object extra = {});

}  // namespace accord::storage::questionnaire_support
