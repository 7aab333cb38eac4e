// Customers' questionnaires we answer (issue 28, part 5): imported as CSV in the customer's own
// layout (the portal converts XLSX in the browser), each question matched to the approved
// answers of the library (answer_library.h) with its three best suggestions and their scores,
// answered row by row by an officer (a suggestion confirmed or edited), exported back in the
// same layout with the answer column filled, and shared with the customer, whose contacts may
// download it while an NDA of their party is in force. Events: customer_questionnaire.imported
// (with every row), .answered (the rows changed), .completed, .reopened, .shared, .unshared.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "accord/domain/event.h"
#include "accord/storage/event_log.h"

namespace accord::storage {

inline constexpr size_t kMaxQuestionnaireRows = 5000;

struct QuestionnaireImport {
  std::string party_id;
  std::string name;
  std::string question_column;  // a header's name; "" = the first naming a question
  std::string answer_column;    // "" = the first naming an answer or a response
  std::string csv;
};

// Who is looking: officers, staff and the auditor see every questionnaire; a party's contact
// (party_id set) only its own party's shared ones, without our suggestions.
struct QuestionnaireViewer {
  std::string role;
  std::string party_id;
  bool break_glass = false;
};

// Parses and matches, then records customer_questionnaire.imported. A malformed file is 422
// naming the line; nothing is written.
Result<boost::json::object> ImportCustomerQuestionnaire(CommandContext& c,
                                                        const domain::Actor& actor,
                                                        const QuestionnaireViewer& viewer,
                                                        const QuestionnaireImport& in);

// {action: answer, answers: [{row, answer_id?, answer?}], accept_suggestions?: min score}
// | complete | reopen | share | unshare. Every row is checked before anything is written.
Result<boost::json::object> CustomerQuestionnaireAction(CommandContext& c,
                                                        const domain::Actor& actor,
                                                        const QuestionnaireViewer& viewer,
                                                        const std::string& id,
                                                        const boost::json::object& body);

Result<boost::json::array> ListCustomerQuestionnaires(Tx& tx, const QuestionnaireViewer& viewer,
                                                      const std::string& party_id, TimePoint now,
                                                      size_t limit);

// One questionnaire with its rows; nullopt when the viewer may not see it (or it is unknown).
Result<std::optional<boost::json::object>> GetCustomerQuestionnaire(
    Tx& tx, const QuestionnaireViewer& viewer, const std::string& id, TimePoint now);

// The customer's file back: its header and rows in order, the answer column filled with the
// confirmed answers. A contact needs the questionnaire shared and an NDA in force (403 `nda`).
Result<std::string> ExportCustomerQuestionnaireCsv(Tx& tx, const QuestionnaireViewer& viewer,
                                                   const std::string& id, TimePoint now);

// The same file, its download recorded (customer_questionnaire.downloaded: who, which file's
// SHA-256), as the NDA-gated audit reports record theirs: how a customer's contact downloads.
Result<std::string> DownloadCustomerQuestionnaire(CommandContext& c, const domain::Actor& actor,
                                                  const QuestionnaireViewer& viewer,
                                                  const std::string& id);

}  // namespace accord::storage
