// Helpers shared by the audit-report request commands (report_requests.cc) and the secret
// links' commands (report_links.cc), private to storage/: the request's steps and events
// (their statuses from the workflow's table), the emails to the requester and the staff,
// issuing a link.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "accord/domain/event.h"
#include "accord/storage/event_log.h"
#include "accord/storage/report_requests.h"
#include "accord/workflow/report_request.h"

namespace accord::storage::report_request_support {

namespace json = boost::json;

// 409: `action` cannot be taken on the request now; names what the workforce and officers
// can do (workflow::report_request::PossibleActions).
Error NotPossible(const json::object& state, std::string_view action);
// The status `action` moves the request to by the workflow's table (workflow/report_request.h);
// NotPossible where the table has no such move.
Result<std::string> StatusAfter(const json::object& state, workflow::report_request::Action action);

// The request's state after one step: status, a history entry, version and time.
void Step(json::object& state, const std::string& action, const std::string& status,
          const domain::Actor& actor, TimePoint now, const std::string& comment = "");
// `type` on the request with {"state": state, ...extra}.
Result<uint64_t> AppendRequest(CommandContext& c, const std::string& type,
                               const domain::Actor& actor, const json::object& state,
                               json::object extra = {});
// The requested report in words ("SOC 2 Type II report").
std::string Label(const json::object& request);
// requester.<key> ("" when absent).
std::string Requester(const json::object& request, const char* key);
// "\nQuestions: <security contact>\n", "" when none is configured.
std::string ContactLine(const ReportRequestSettings& s);
// To the requester: links and generic text only, never the report or anything about others.
Status MailRequester(Tx& tx, const json::object& request, const std::string& key,
                     const std::string& subject, const std::string& body, bool confidential,
                     TimePoint now);
Status MailStaff(Tx& tx, const std::vector<std::string>& roles, const json::object& request,
                 const std::string& key, const std::string& subject, const std::string& body,
                 TimePoint now);
// The officers are told a request with its NDA in place waits for their decision.
Status TellDeciders(CommandContext& c, const json::object& state);

// The downloads recorded on the request's current delivery (empty when none): a new link's
// delivery carries them on.
json::array DeliveredDownloads(const json::object& state);

struct NewLink {
  std::string id, token;
  TimePoint expires_at;
};
// A ≥128-bit secret (256 bits, base64url), stored only as its hash; the request's other live
// links of the same purpose stop working (report_links.cc).
Result<NewLink> IssueLink(Tx& tx, const std::string& purpose, const std::string& request_id,
                          const std::string& document_id, TimePoint expires_at, int64_t max_uses,
                          TimePoint now);

// A customer's answered questionnaire (questionnaire_links.cc): the request names it, and its
// download link serves the questionnaire as it is when downloaded, not a stored document.
bool IsQuestionnaireRequest(const json::object& request);
// Issues the questionnaire's download link (the old one revoked) and emails it to the contact;
// fills state["delivery"]. 409 naming `nda` or `questionnaire_id` when it could not be used.
Status DeliverQuestionnaire(CommandContext& c, json::object& state, int64_t days,
                            int64_t max_downloads, const ReportRequestSettings& settings);

}  // namespace accord::storage::report_request_support
