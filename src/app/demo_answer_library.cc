#include "demo_answer_library.h"

#include <boost/json.hpp>

#include "accord/domain/compliance_catalog.h"
#include "accord/domain/registry.h"
#include "accord/storage/answer_library.h"
#include "accord/storage/customer_questionnaires.h"
#include "accord/storage/questionnaire_links.h"

namespace accord::app {

namespace json = boost::json;

namespace {

struct DemoAnswer {
  const char* question;
  const char* answer;
  const char* control;  // a HIPAA citation of the compliance catalog
};

constexpr DemoAnswer kAnswers[] = {
    {"Is ePHI encrypted at rest?",
     "Yes. All databases, object storage and backups holding ePHI are encrypted at rest with "
     "AES-256; keys are held in a managed key service and rotated yearly.",
     "164.312(a)(2)(iv)"},
    {"Is data encrypted in transit?",
     "Yes. Every connection carrying customer data uses TLS 1.2 or later.", "164.312(e)(1)"},
    {"Do you require multi-factor authentication for all workforce accounts?",
     "Yes. Every workforce account signs in with multi-factor authentication; officers use "
     "hardware keys.",
     "164.312(d)"},
    {"How often are user access rights reviewed?",
     "Access of every account is reviewed quarterly by the Security Officer.",
     "164.308(a)(4)(ii)(C)"},
    {"Do employees receive security awareness training?",
     "Yes. Every employee completes HIPAA and security awareness training at onboarding and "
     "every year.",
     "164.308(a)(5)"},
    {"How often do you perform a risk assessment?",
     "A formal risk analysis of every system that handles ePHI is done every year and after "
     "major changes.",
     "164.308(a)(1)(ii)(A)"},
    {"Do you have a documented incident response plan?",
     "Yes. Our incident response plan names roles, severities and timelines and is tested twice "
     "a year.",
     "164.308(a)(6)"},
    {"How often are backups taken and tested?",
     "Databases are backed up continuously with 35 days of point-in-time recovery; restores are "
     "tested every quarter.",
     "164.308(a)(7)(ii)(A)"},
    {"Do you conduct annual penetration tests by an independent firm?",
     "Yes. An independent firm tests the application and infrastructure every year.",
     "164.308(a)(8)"},
    {"Do you log access to systems containing ePHI?",
     "Yes. Access to systems holding ePHI is logged centrally and kept for 6 years.", "164.312(b)"},
    {"Will you sign a Business Associate Agreement?",
     "Yes. We sign a Business Associate Agreement with every covered entity before any PHI is "
     "shared.",
     "164.308(b)(1)"},
    {"Do you have a SOC 2 Type II report?",
     "Yes. Our SOC 2 Type II report is available under NDA through our trust center.", ""},
};

constexpr const char* kQuestionnaire =
    "ID,Category,Question,Vendor answer,Reviewer notes\r\n"
    "RMG-01,Data protection,Is patient data encrypted when stored?,,\r\n"
    "RMG-02,Data protection,Do you use TLS for data sent over the internet?,,\r\n"
    "RMG-03,Access,Is MFA enforced for your staff?,,\r\n"
    "RMG-04,Access,How frequently is user access reviewed?,,\r\n"
    "RMG-05,People,Is HIPAA training provided to employees every year?,,\r\n"
    "RMG-06,Risk,When did you last perform a security risk analysis?,,\r\n"
    "RMG-07,Incidents,Describe your incident response plan.,,\r\n"
    "RMG-08,Resilience,Are backups tested regularly?,,\r\n"
    "RMG-09,Testing,Is a third-party penetration test done annually?,,\r\n"
    "RMG-10,Compliance,Will you sign our BAA?,,\r\n";

}  // namespace

Status SeedDemoAnswerLibrary(Runtime& runtime, const std::map<std::string, std::string>& ids) {
  auto id_of = [&](const std::string& key) { return ids.contains(key) ? ids.at(key) : ""; };
  domain::Actor officer{id_of("officer@luma.example"), "security_officer"};
  domain::Actor privacy{id_of("privacy@luma.example"), "privacy_officer"};
  storage::LibraryViewer so{"security_officer"}, po{"privacy_officer"};
  auto run = [&](auto fn) -> Status {
    auto r = runtime.log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
      auto out = fn(c);
      if (!out.ok()) return std::move(out).error();
      return json::value(std::move(*out));
    });
    if (!r.ok()) return std::move(r).error();
    return Ok();
  };
  for (const auto& a : kAnswers) {
    json::object body{{"question", a.question}, {"answer", a.answer}};
    if (domain::BuiltinCatalog().Find(a.control)) {
      body["evidence"] = json::array{json::object{{"kind", "control"}, {"id", a.control}}};
    }
    if (std::string cert = id_of("SOC 2 Type II"); !*a.control && !cert.empty()) {
      body["evidence"] = json::array{json::object{{"kind", "certification"}, {"id", cert}}};
    }
    std::string id;
    ACCORD_TRY(run([&](storage::CommandContext& c) -> Result<json::object> {
      auto made = storage::CreateLibraryAnswer(c, officer, so, body);
      if (made.ok()) id = domain::StateString(*made, "id");
      return made;
    }));
    ACCORD_TRY(run([&](storage::CommandContext& c) {
      return storage::LibraryAnswerAction(c, privacy, po, id, json::object{{"action", "approve"}});
    }));
  }
  // Riverside's questionnaire: imported, every first suggestion taken, one answer edited.
  storage::QuestionnaireViewer qso{"security_officer", "", false};
  std::string qid;
  ACCORD_TRY(run([&](storage::CommandContext& c) -> Result<json::object> {
    auto q =
        storage::ImportCustomerQuestionnaire(c, officer, qso,
                                             {.party_id = id_of("Riverside Medical Group"),
                                              .name = "Riverside vendor security assessment 2026",
                                              .csv = kQuestionnaire});
    if (q.ok()) qid = domain::StateString(*q, "id");
    return q;
  }));
  ACCORD_TRY(run([&](storage::CommandContext& c) {
    return storage::CustomerQuestionnaireAction(
        c, officer, qso, qid, json::object{{"action", "answer"}, {"accept_suggestions", 0.0}});
  }));
  ACCORD_TRY(run([&](storage::CommandContext& c) {
    return storage::CustomerQuestionnaireAction(
        c, officer, qso, qid,
        json::object{{"action", "answer"},
                     {"answers", json::array{json::object{
                                     {"row", 6},
                                     {"answer",
                                      "Our last risk analysis was completed in "
                                      "October 2026; the next is due in October 2027."}}}}});
  }));
  for (const char* action : {"complete", "share"}) {
    ACCORD_TRY(run([&](storage::CommandContext& c) {
      return storage::CustomerQuestionnaireAction(c, officer, qso, qid,
                                                  json::object{{"action", action}});
    }));
  }
  // ...and sent to its security desk through the trust center (an NDA is in force).
  ACCORD_TRY(run([&](storage::CommandContext& c) {
    return storage::SendQuestionnaireLink(
        c, officer, qid, json::object{{"contact_id", id_of("Riverside Medical Group/contact")}},
        storage::ReportRequestSettings{});
  }));
  return Ok();
}

}  // namespace accord::app
