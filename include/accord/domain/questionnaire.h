// Due-diligence questionnaires (TP-2, issue 28): a template is data — sections of questions,
// each with an answer type, a required flag, help, an optional condition on an earlier answer,
// the HIPAA citations and profile rules it evidences, and its scoring (weight, knockout
// answers). A questionnaire sent to a party copies the template's questions (what the party
// sees) and its scoring (ours, internal). Pure: no storage, no HTTP.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/domain/fields.h"
#include "accord/domain/registry.h"

namespace accord::domain {

// Answer types: "yes_no" (yes, no, n/a), "choice", "text", "date", "file".
const std::vector<std::string>& QuestionTypes();

// The registry kinds (written only by storage/questionnaires.h).
KindSpec QuestionnaireTemplateKind();
KindSpec QuestionnaireKind();

// Request bodies: a template ({name, description?, sections}), a questionnaire's sending,
// a vendor's answers and an officer's action.
const std::vector<FieldSpec>& TemplateFields();
const std::vector<FieldSpec>& SendFields();
const std::vector<FieldSpec>& AnswerFields();
const std::vector<FieldSpec>& QuestionnaireActionFields();

// Rules across a validated template's questions: unique ids, choices for a choice question,
// a condition on an earlier question and one of its answers, knockout answers the question
// can take, citations of 45 CFR Part 164, rule ids such as TP-2. Appends details
// ("sections[0].questions[3].show_if").
void CheckTemplate(const boost::json::object& tmpl, std::vector<ErrorDetail>& details);

// The template as CSV, one row per question (CsvTemplateHeader() columns), and back. A
// malformed file is refused naming its line and column; `name` names the imported template.
const std::vector<std::string>& CsvTemplateHeader();
std::string TemplateToCsv(const boost::json::object& tmpl);
Result<boost::json::object> TemplateFromCsv(std::string_view text, std::string_view name);

// What a questionnaire copies of a template: sections with their questions without the
// scoring, and the scoring ([{question, weight, knockout}]) on its own.
boost::json::array QuestionsOf(const boost::json::object& tmpl);
boost::json::array ScoringOf(const boost::json::object& tmpl);
size_t QuestionCount(const boost::json::object& questionnaire);

// Checks answers against the questionnaire's questions (answer type, choices, dates); with
// `final` (a submission), every required question that is shown must be answered. A question
// whose condition is not met is not shown: an answer to it is refused.
void CheckAnswers(const boost::json::object& questionnaire, const boost::json::array& answers,
                  bool final, std::vector<ErrorDetail>& details);

// SHA-256 (hex) of the answers in RFC 8785 form: what the submission's ledger event carries.
Result<std::string> AnswersSha256(const boost::json::array& answers);

struct QuestionnaireScore {
  int score = 0;                       // percent of the weight answered well (0..100)
  int earned = 0;                      // weight earned
  int possible = 0;                    // weight of the questions shown and not answered "n/a"
  std::vector<std::string> knockouts;  // question ids answered with a knockout answer
  std::string suggested_tier;          // low | medium | high
};
// Scores the answers with the questionnaire's scoring and the officer's verdicts
// (reviews: [{question, verdict: ok|concern|unacceptable}]).
QuestionnaireScore Score(const boost::json::object& questionnaire);
boost::json::object ScoreJson(const QuestionnaireScore& s);

// The question ids whose answer (value, documents) differs between two answer lists: the
// review page's "changed since last year".
std::vector<std::string> ChangedAnswers(const boost::json::array& before,
                                        const boost::json::array& after);

// The shipped HIPAA vendor security questionnaire, as template CSV (questionnaire_hipaa.cc).
std::string_view HipaaVendorTemplateCsv();
inline constexpr std::string_view kHipaaVendorTemplateName = "HIPAA vendor security questionnaire";

}  // namespace accord::domain
