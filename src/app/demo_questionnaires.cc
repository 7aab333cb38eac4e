#include "demo_questionnaires.h"

#include <boost/json.hpp>
#include <chrono>

#include "accord/core/bytes.h"
#include "accord/core/password.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/colleagues.h"
#include "accord/storage/documents.h"
#include "accord/storage/questionnaires.h"

namespace accord::app {

namespace json = boost::json;
using domain::StateString;

namespace {

std::string Id(const std::map<std::string, std::string>& ids, const std::string& key) {
  auto it = ids.find(key);
  return it == ids.end() ? "" : it->second;
}

// A careful vendor's answers: yes where yes is good, the first choice that is no knockout,
// the document on file questions, no to the questions that open follow-ons.
json::array GoodAnswers(const json::object& q, const std::string& document) {
  json::array out;
  for (const auto& s : q.at("sections").as_array()) {
    for (const auto& x : s.at("questions").as_array()) {
      const json::object& question = x.as_object();
      std::string id = StateString(question, "id"), type = StateString(question, "type");
      if (const json::value* c = question.if_contains("show_if")) {
        // The follow-ons of the questions answered no below stay unasked.
        std::string on = StateString(c->as_object(), "question");
        if (on == "org-subcontractors" || on == "ir-breaches" || on == "ac-our-access") continue;
      }
      json::object a{{"question", id}};
      if (type == "file") {
        a["document_ids"] = json::array{json::value(document)};
      } else if (type == "yes_no") {
        bool no = id == "org-subcontractors" || id == "ir-breaches" || id == "ac-our-access";
        a["value"] = no ? "no" : "yes";
      } else if (type == "choice") {
        a["value"] = question.at("choices").as_array()[0];
      } else if (type == "date") {
        a["value"] = "2026-04-15";
      } else {
        a["value"] = "United States (us-east, us-west), our own cloud accounts.";
      }
      out.push_back(std::move(a));
    }
  }
  return out;
}

// Issue 28, item 2: Relay SMS's contact asked for a colleague's account, the officer approved
// it and the contact assigned the colleague the encryption section; a second request waits.
Status SeedColleagues(storage::CommandContext& c, const domain::Actor& officer,
                      const std::map<std::string, std::string>& ids, const std::string& relay_q,
                      const std::string& password_hash) {
  domain::Actor casey{Id(ids, "contact@relaysms.example"), "third_party_contact"};
  std::string relay = Id(ids, "Relay SMS");
  auto asked = storage::RequestColleagueAccount(
      c, casey, relay,
      json::object{{"name", "Morgan Lee (Relay SMS)"},
                   {"email", "morgan.lee@relaysms.example"},
                   {"reason", "Runs our platform: answers the encryption questions."}});
  if (!asked.ok()) return std::move(asked).error();
  auto approved = storage::DecideAccountRequest(c, officer, StateString(*asked, "id"),
                                                json::object{{"action", "approve"}}, password_hash,
                                                policy::IdentityPolicy{});
  if (!approved.ok()) return std::move(approved).error();
  std::string morgan = StateString(approved->at("user").as_object(), "id");
  auto q = storage::GetObject(c.tx(), "questionnaire", relay_q, storage::Scope{relay});
  if (!q.ok()) return std::move(q).error();
  int64_t section = 0;
  if (q->has_value()) {
    const json::array& sections = domain::StateArray((*q)->doc, "sections");
    for (size_t i = 0; i < sections.size(); ++i) {
      if (StateString(sections[i].as_object(), "title").starts_with("Encryption")) section = i;
    }
  }
  auto assigned = storage::AssignQuestionnaireSection(
      c, casey, relay_q, json::object{{"section", section}, {"user_id", morgan}},
      storage::Scope{relay});
  if (!assigned.ok()) return std::move(assigned).error();
  auto waiting = storage::RequestColleagueAccount(
      c, casey, relay,
      json::object{{"name", "Jamie Ortiz (Relay SMS)"},
                   {"email", "jamie.ortiz@relaysms.example"},
                   {"reason", "Our privacy lead: answers the breach notification questions."}});
  if (!waiting.ok()) return std::move(waiting).error();
  return Ok();
}

}  // namespace

Status SeedDemoQuestionnaires(Runtime& runtime, const policy::ReviewsPolicy& policy,
                              const std::map<std::string, std::string>& ids) {
  domain::Actor officer{Id(ids, "officer@luma.example"), "security_officer"};
  domain::Actor vendor{"demo", "third_party_contact"};
  TimePoint now = runtime.log().clock().Now();
  auto day = [&](int d) { return FormatRfc3339(now + std::chrono::days(d)); };
  // The approved colleague's first password: nobody is told it (an officer would reset it).
  auto password_hash = HashPassword(HexEncode(RandomBytes(16)));
  if (!password_hash.ok()) return std::move(password_hash).error();
  auto r = runtime.log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
    auto tmpl = storage::InstallHipaaVendorTemplate(c, officer);
    if (!tmpl.ok()) return std::move(tmpl).error();
    std::string template_id = StateString(*tmpl, "id");
    auto send = [&](const std::string& party, const std::string& due) {
      return storage::SendQuestionnaire(c, officer, Id(ids, party),
                                        json::object{{"template_id", template_id},
                                                     {"contact_id", Id(ids, party + "/contact")},
                                                     {"due_at", due}});
    };
    // Nimbus: answered with its SOC 2 report attached, and accepted.
    std::string nimbus = Id(ids, "Nimbus Cloud Hosting");
    auto doc = storage::StoreDocument(
        c, storage::DocumentUpload{.scope = storage::Scope{nimbus},
                                   .actor = vendor,
                                   .parent_kind = "party",
                                   .parent_id = nimbus,
                                   .filename = "nimbus-soc2-type2-2026.pdf",
                                   .content_type = "application/pdf",
                                   .body = "%PDF-1.7\nNimbus Cloud Hosting SOC 2 Type 2\n%%EOF\n"});
    if (!doc.ok()) return std::move(doc).error();
    auto q = send("Nimbus Cloud Hosting", day(14));
    if (!q.ok()) return std::move(q).error();
    std::string id = StateString(*q, "id");
    storage::Scope scope{nimbus};
    auto saved = storage::SaveQuestionnaireAnswers(
        c, vendor, id,
        json::object{{"answers", GoodAnswers(*q, StateString(doc->as_object(), "id"))}}, scope);
    if (!saved.ok()) return std::move(saved).error();
    for (const char* action : {"submit", "accept"}) {
      bool ours = std::string(action) == "accept";
      json::object body{{"action", action}};
      if (ours) body["note"] = "Answers consistent with the SOC 2 report.";
      auto acted = storage::ActOnQuestionnaire(c, ours ? officer : vendor, id, body,
                                               ours ? storage::Scope{} : scope, policy);
      if (!acted.ok()) return std::move(acted).error();
    }
    // Parcel Mail's was due three days ago: the scheduler's job marks it overdue below.
    auto parcel = send("Parcel Mail", day(-3));
    if (!parcel.ok()) return std::move(parcel).error();
    // Relay SMS's awaits its contact (the demo's third_party_contact account).
    auto relay = send("Relay SMS", day(21));
    if (!relay.ok()) return std::move(relay).error();
    ACCORD_TRY(SeedColleagues(c, officer, ids, StateString(*relay, "id"), *password_hash));
    return json::value(nullptr);
  });
  if (!r.ok()) return std::move(r).error();
  auto marked = storage::RunQuestionnaireSchedule(runtime.log());
  if (!marked.ok()) return std::move(marked).error();
  return Ok();
}

}  // namespace accord::app
