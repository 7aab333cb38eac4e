// A customer's answered questionnaire through the trust center (issue 28, part 5): the audit-
// report requests' own mechanism (report_requests.h), not a parallel one. An officer "sends a
// trust-center link" to one of the customer's contacts: that is a report request of type
// `customer_questionnaire` naming the questionnaire, linked to the customer, NDA-checked (no NDA
// in force: the contact is sent the click-through NDA first) and approved at once by the officer
// when the NDA is in force, which emails the contact a personal `/downloads/{token}` link. Each
// download through it is counted on the link and recorded twice, as every download is:
// report_request.downloaded and customer_questionnaire.downloaded (the file's SHA-256). The
// questionnaire is read when it is downloaded, so it must still be shared with that customer and
// the customer's NDA still in force: otherwise the page refuses in plain words.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/domain/event.h"
#include "accord/storage/event_log.h"
#include "accord/storage/report_requests.h"

namespace accord::storage {

inline constexpr const char* kQuestionnaireReportType = "customer_questionnaire";

// {contact_id, expires_in_days?, max_downloads?} (validated by the caller's field specs): the
// request's state after it was submitted, linked, NDA-checked and, with an NDA in force,
// approved. 404 for an unknown questionnaire; 409 `status` unless it is shared; 422
// `contact_id` unless the contact is one of the questionnaire's customer's, with an email.
Result<boost::json::object> SendQuestionnaireLink(CommandContext& c, const domain::Actor& actor,
                                                  const std::string& questionnaire_id,
                                                  const boost::json::object& body,
                                                  const ReportRequestSettings& settings);

// Why a questionnaire request's download cannot be used now, as an error whose message is plain
// words for the customer (403, field `nda` or `questionnaire_id`); nullopt when it can.
Result<std::optional<Error>> QuestionnaireLinkRefusal(Tx& tx, const boost::json::object& request,
                                                      TimePoint now);

// The links sent for one questionnaire, newest first: {request_id, name, email, status,
// sent_at, downloads}.
Result<boost::json::array> QuestionnaireLinksSent(Tx& tx, const std::string& questionnaire_id);

}  // namespace accord::storage
