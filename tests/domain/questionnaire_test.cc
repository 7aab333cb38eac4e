// Questionnaire templates as data (issue 28): the shipped HIPAA template parses and
// round-trips through CSV, malformed files are refused naming their row, answers are checked
// against their questions, and scoring finds knockout answers.
#include "accord/domain/questionnaire.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <string>

#include "accord/core/csv.h"

namespace accord::domain {
namespace {

namespace json = boost::json;

json::object Hipaa() {
  auto t = TemplateFromCsv(HipaaVendorTemplateCsv(), kHipaaVendorTemplateName);
  EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().message);
  return t.ok() ? *t : json::object{};
}

std::string FirstField(const Error& e) { return e.details.empty() ? "" : e.details[0].field; }
int FirstLine(const Error& e) { return e.details.empty() ? 0 : e.details[0].line.value_or(0); }

TEST(QuestionnaireTemplateTest, TheShippedHipaaTemplateIsValidAndCitesTheSecurityRule) {
  json::object t = Hipaa();
  size_t n = QuestionCount(t);
  EXPECT_GE(n, 40u);
  EXPECT_LE(n, 80u);
  std::vector<ErrorDetail> details;
  CheckTemplate(t, details);
  EXPECT_TRUE(details.empty()) << (details.empty() ? "" : details[0].field + details[0].reason);
  // Every safeguard section of the rule is asked about.
  std::string csv(HipaaVendorTemplateCsv());
  for (const char* cite : {"164.308", "164.310", "164.312", "164.314", "164.316"}) {
    EXPECT_NE(csv.find(cite), std::string::npos) << cite;
  }
}

TEST(QuestionnaireTemplateTest, CsvRoundTripKeepsEveryQuestion) {
  json::object t = Hipaa();
  std::string csv = TemplateToCsv(t);
  auto back = TemplateFromCsv(csv, kHipaaVendorTemplateName);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(json::serialize(*back), json::serialize(t));
  EXPECT_EQ(TemplateToCsv(*back), csv);
}

TEST(QuestionnaireTemplateTest, MalformedFilesAreRefusedNamingTheRow) {
  const std::string header =
      "section,id,text,type,choices,required,help,show_if,citations,rules,"
      "weight,knockout\r\n";
  const std::string good = "Access,q1,Do you use MFA?,yes_no,,yes,,,164.312(d),TP-3,2,no\r\n";
  struct Case {
    std::string name, body, field;
    int line;
  };
  const Case cases[] = {
      {"unknown type", good + "Access,q2,When?,sometimes,,,,,,,,\r\n", "type", 3},
      {"duplicate id", good + "Access,q1,Again?,yes_no,,,,,,,,\r\n", "id", 3},
      {"bad citation", good + "Access,q2,Logs?,yes_no,,,,,45 CFR 164,,,\r\n", "citations", 3},
      {"bad rule", good + "Access,q2,Logs?,yes_no,,,,,,tp two,,\r\n", "rules", 3},
      {"condition on a later question", "Access,q0,Scope?,text,,,,q1=yes,,,,\r\n" + good, "show_if",
       2},
      {"knockout the question cannot take", good + "Access,q2,Level?,choice,a|b,,,,,,,c\r\n",
       "knockout", 3},
      {"choice without choices", good + "Access,q2,Level?,choice,,,,,,,,\r\n", "choices", 3},
      {"weight out of range", good + "Access,q2,Logs?,yes_no,,,,,,,99,\r\n", "weight", 3},
      {"no section", good + ",q2,Logs?,yes_no,,,,,,,,\r\n", "section", 3},
      {"unclosed quote", good + "Access,q2,\"Logs?,yes_no,,,,,,,,\r\n", "", 3},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto t = TemplateFromCsv(header + c.body, "Bad");
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.error().code, ErrorCode::kValidationFailed);
    if (!c.field.empty()) EXPECT_EQ(FirstField(t.error()), c.field);
    EXPECT_EQ(FirstLine(t.error()), c.line);
  }
  auto unknown = TemplateFromCsv("section,id,text,type,colour\r\nA,q,T?,text,red\r\n", "Bad");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(FirstField(unknown.error()), "header");
  EXPECT_FALSE(TemplateFromCsv(header, "Empty").ok());
}

json::object Questionnaire(const json::object& tmpl, json::array answers) {
  return {{"sections", QuestionsOf(tmpl)},
          {"scoring", ScoringOf(tmpl)},
          {"answers", std::move(answers)}};
}

json::object Answer(const std::string& q, const std::string& value) {
  return {{"question", q}, {"value", value}};
}

TEST(QuestionnaireAnswersTest, AnswersAreCheckedAgainstTheirQuestions) {
  json::object t = Hipaa();
  json::object q = Questionnaire(t, {});
  std::vector<ErrorDetail> d;
  CheckAnswers(q, {Answer("enc-rest", "maybe")}, false, d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field, "answers.enc-rest");
  d.clear();
  CheckAnswers(q, {Answer("nothing-such", "yes")}, false, d);
  EXPECT_EQ(d.size(), 1u);
  d.clear();
  // enc-rest is asked only when the vendor handles ePHI.
  CheckAnswers(q, {Answer("org-ephi", "no"), Answer("enc-rest", "yes")}, false, d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field, "answers.enc-rest");
  d.clear();
  CheckAnswers(q, {Answer("sm-risk-analysis", "2026-13-01")}, false, d);
  EXPECT_EQ(d.size(), 1u);
  d.clear();
  // A submission needs every required question that is asked.
  CheckAnswers(q, {Answer("org-ephi", "yes")}, true, d);
  EXPECT_GT(d.size(), 20u);
}

TEST(QuestionnaireScoreTest, KnockoutAnswersFailAndSuggestHighRisk) {
  json::object t = Hipaa();
  json::array good;
  json::array bad;
  for (const auto& s : t.at("sections").as_array()) {
    for (const auto& qv : s.at("questions").as_array()) {
      const json::object& x = qv.as_object();
      std::string id(x.at("id").as_string());
      std::string type(x.at("type").as_string());
      std::string v = type == "yes_no" ? "yes" : type == "date" ? "2026-06-01" : "described";
      if (type == "choice") {
        // The first choice that is not a knockout answer.
        const json::value* ko = x.if_contains("knockout");
        for (const auto& c : x.at("choices").as_array()) {
          if (!ko ||
              std::find(ko->as_array().begin(), ko->as_array().end(), c) == ko->as_array().end()) {
            v = std::string(c.as_string());
            break;
          }
        }
      }
      good.push_back(Answer(id, v));
      bad.push_back(Answer(id, id == "enc-rest" ? "no" : v));
    }
  }
  QuestionnaireScore ok = Score(Questionnaire(t, good));
  EXPECT_TRUE(ok.knockouts.empty());
  EXPECT_GE(ok.score, 85);
  EXPECT_EQ(ok.suggested_tier, "low");
  QuestionnaireScore ko = Score(Questionnaire(t, bad));
  ASSERT_EQ(ko.knockouts.size(), 1u);
  EXPECT_EQ(ko.knockouts[0], "enc-rest");
  EXPECT_EQ(ko.suggested_tier, "high");
  EXPECT_LT(ko.earned, ok.earned);
  // An officer's verdict counts: unacceptable earns nothing.
  json::object reviewed = Questionnaire(t, good);
  reviewed["reviews"] =
      json::array{json::object{{"question", "ac-mfa"}, {"verdict", "unacceptable"}}};
  EXPECT_LT(Score(reviewed).earned, ok.earned);
}

TEST(QuestionnaireAnswersTest, ChangedAnswersAndTheirHash) {
  json::array before{Answer("a", "yes"), Answer("b", "no")};
  json::array after{Answer("a", "yes"), Answer("b", "yes"), Answer("c", "text")};
  auto changed = ChangedAnswers(before, after);
  EXPECT_EQ(changed, (std::vector<std::string>{"b", "c"}));
  auto h1 = AnswersSha256(before), h2 = AnswersSha256(after);
  ASSERT_TRUE(h1.ok() && h2.ok());
  EXPECT_EQ(h1->size(), 64u);
  EXPECT_NE(*h1, *h2);
}

}  // namespace
}  // namespace accord::domain
