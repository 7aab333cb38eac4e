// A party's contacts working together on a questionnaire (issue 28, item 2), against a demo
// server: Relay SMS's contact asks for a colleague's account, the Security Officer approves it
// (the account made as officers make contact accounts), the contact assigns a section to the
// colleague, who finds it in their questionnaires and My work and answers it; the officer sees
// who each section went to. Refusals name the field and write nothing; another party's contact
// sees none of it (404) and cannot be assigned.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "accord/storage/store.h"
#include "support/api_assert.h"
#include "support/api_server.h"
#include "support/http_client.h"
#include "support/process.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

const std::string kContact = "third_party_contact";

std::string Str(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : ""; }
std::string Str(const json::object& o, std::string_view k) {
  const json::value* v = o.if_contains(k);
  return v ? Str(*v) : "";
}

class ColleagueApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ApiServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  ApiServer& s() { return *server_; }

  // As a role of the demo ("security_officer", …) or with a bearer token of our own ("tok:…").
  HttpResult Call(const std::string& method, const std::string& target, const json::value& body,
                  const std::string& who = "security_officer") {
    std::string text = body.is_null() ? "" : json::serialize(body);
    if (who.starts_with("tok:")) {
      std::vector<std::pair<std::string, std::string>> headers = {
          {"Authorization", "Bearer " + who.substr(4)}};
      if (!text.empty()) headers.push_back({"Content-Type", "application/json"});
      return HttpCall(s().port(), method, target, text, headers);
    }
    return s().Call(method, target, text, who);
  }
  json::object Ok(const HttpResult& r, int status = 200) {
    EXPECT_EQ(r.status, status) << r.body;
    if (r.status != status) return {};
    return json::parse(r.body).as_object();
  }
  json::object Get(const std::string& target, const std::string& who = "security_officer") {
    return Ok(Call("GET", target, nullptr, who));
  }
  std::string RelayId() {
    json::object page = Get("/api/v1/parties", kContact);
    return Str(page.at("items").as_array().at(0).as_object(), "id");
  }
  // A bearer token for an account, made with the CLI as an operator would.
  std::string TokenFor(const std::string& email) {
    auto r = RunAccord({"token", "create", "--user", email, "--name", "colleague test", "--json",
                        "--data-dir", s().dir().str(), "--db", s().db_url()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    if (r.exit_code != 0) return "";
    return "tok:" + Str(json::parse(r.out).as_object(), "token");
  }
  // Relay SMS's open questionnaire (the demo sends one; sent here when it does not).
  std::string RelayQuestionnaire(const std::string& relay) {
    json::object page = Get("/api/v1/questionnaires?status=sent&party_id=" + relay);
    json::array items = page.at("items").as_array();
    if (!items.empty()) return Str(items.at(0).as_object(), "id");
    json::array templates = Get("/api/v1/questionnaire-templates").at("items").as_array();
    std::string tmpl = templates.empty() ? "" : Str(templates.at(0).as_object(), "id");
    if (tmpl.empty()) {
      tmpl =
          Str(Ok(Call("POST", "/api/v1/questionnaire-templates/hipaa-vendor", nullptr), 201), "id");
    }
    json::array contacts = Get("/api/v1/parties/" + relay + "/contacts").at("items").as_array();
    json::object send{{"template_id", tmpl},
                      {"contact_id", Str(contacts.at(0).as_object(), "id")},
                      {"due_at", "2099-01-01T00:00:00Z"}};
    return Str(Ok(Call("POST", "/api/v1/parties/" + relay + "/questionnaires", send), 201), "id");
  }
  static json::object MyWorkGroup(const json::object& work, std::string_view kind) {
    for (const auto& g : work.at("groups").as_array()) {
      if (Str(g.as_object(), "kind") == kind) return g.as_object();
    }
    return {};
  }
  // The assignment of a section in a questionnaire's view ({} when none).
  static json::object AssignmentOf(const json::object& q, int64_t section) {
    const json::value* list = q.if_contains("assignments");
    if (!list || !list->is_array()) return {};
    for (const auto& a : list->as_array()) {
      if (a.at("section").as_int64() == section) return a.as_object();
    }
    return {};
  }
  static bool ListsId(const json::array& items, const std::string& id) {
    for (const auto& i : items) {
      if (Str(i.as_object(), "id") == id) return true;
    }
    return false;
  }
  // What the server queued for `email`, subject and body, oldest first (nothing delivers them
  // in this test, so each keeps its body).
  std::vector<std::pair<std::string, std::string>> MailTo(const std::string& email) {
    std::vector<std::pair<std::string, std::string>> out;
    auto store = storage::OpenStore({s().db_url()});
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message);
    if (!store.ok()) return out;
    Status read = (*store)->Read([&](storage::Tx& tx) -> Status {
      auto rows = tx.Query(
          "SELECT subject, body FROM outbox WHERE lower(recipient) = ? ORDER BY created_at, id",
          {email});
      if (!rows.ok()) return std::move(rows).error();
      for (const auto& r : *rows) out.emplace_back(r.Text(0), r.Text(1));
      return ::accord::Ok();
    });
    EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.error().message);
    return out;
  }
  // Another party's contact account with a token: the intruder.
  std::string OtherPartyContact(const std::string& relay, std::string* user_id) {
    json::array parties = Get("/api/v1/parties?limit=500").at("items").as_array();
    std::string other;
    for (const auto& p : parties) {
      if (Str(p.as_object(), "id") != relay) other = Str(p.as_object(), "id");
    }
    json::object made = Ok(Call("POST", "/api/v1/users",
                                json::object{{"email", "desk@other-colleague.example"},
                                             {"name", "Other desk"},
                                             {"role", kContact},
                                             {"party_id", other}}),
                           201);
    *user_id = Str(made.at("user").as_object(), "id");
    return TokenFor("desk@other-colleague.example");
  }

  static ApiServer* server_;
};

ApiServer* ColleagueApiTest::server_ = nullptr;

TEST_F(ColleagueApiTest, AColleagueIsAskedForApprovedAssignedASectionAndAnswersIt) {
  const std::string relay = RelayId();
  json::object colleagues = Get("/api/v1/colleagues", kContact);
  ASSERT_FALSE(colleagues.at("items").as_array().empty());
  bool me = false;
  for (const auto& c : colleagues.at("items").as_array()) {
    me = me || c.at("you").as_bool();
  }
  EXPECT_TRUE(me) << "the caller is among the party's contact accounts";

  // The contact asks; bad input is refused naming the field, duplicates are 409.
  ExpectError(Call("POST", "/api/v1/account-requests",
                   json::object{{"name", "Dana"}, {"email", "dana@relay.example"}}, kContact),
              422, "validation_failed");
  json::object asked = Ok(Call("POST", "/api/v1/account-requests",
                               json::object{{"name", "Dana Colleague"},
                                            {"email", "Dana@Relay-Colleague.example"},
                                            {"reason", "Answers our encryption section"}},
                               kContact),
                          201);
  const std::string request = Str(asked, "id");
  EXPECT_EQ(Str(asked, "status"), "pending");
  EXPECT_EQ(Str(asked, "email"), "dana@relay-colleague.example");
  EXPECT_EQ(Str(asked, "party_id"), relay);
  EXPECT_TRUE(asked.at("allowed_actions").as_array().empty()) << "a contact decides nothing";
  json::object again = ExpectError(
      Call("POST", "/api/v1/account-requests",
           json::object{
               {"name", "Dana"}, {"email", "dana@relay-colleague.example"}, {"reason", "again"}},
           kContact),
      409, "conflict");
  EXPECT_EQ(FirstField(again), "email");
  json::object taken = ExpectError(
      Call("POST", "/api/v1/account-requests",
           json::object{{"name", "Me"}, {"email", s().email(kContact)}, {"reason", "again"}},
           kContact),
      409, "conflict");
  EXPECT_EQ(FirstField(taken), "email");

  // It waits in the Security Officer's My work.
  json::object work = Get("/api/v1/my-work");
  EXPECT_TRUE(ListsId(MyWorkGroup(work, "account_request").at("items").as_array(), request));
  EXPECT_EQ(Call("POST", "/api/v1/account-requests/" + request + "/actions",
                 json::object{{"action", "approve"}}, "staff")
                .status,
            403);
  json::object no_reason =
      ExpectError(Call("POST", "/api/v1/account-requests/" + request + "/actions",
                       json::object{{"action", "decline"}}),
                  422, "validation_failed");
  EXPECT_EQ(FirstField(no_reason), "reason");
  EXPECT_EQ(Str(Get("/api/v1/account-requests/" + request), "status"), "pending")
      << "a refused decision writes nothing";

  json::object approved = Ok(Call("POST", "/api/v1/account-requests/" + request + "/actions",
                                  json::object{{"action", "approve"}}));
  ASSERT_TRUE(approved.contains("user"));
  const json::object& user = approved.at("user").as_object();
  const std::string dana = Str(user, "id");
  EXPECT_EQ(Str(user, "role"), kContact);
  EXPECT_EQ(Str(user, "party_id"), relay);
  EXPECT_EQ(Str(user, "status"), "active");
  EXPECT_GE(Str(approved, "initial_password").size(), 20u);
  EXPECT_EQ(Str(approved.at("request").as_object(), "status"), "approved");
  EXPECT_EQ(Str(approved.at("request").as_object(), "user_id"), dana);
  // The officers were told of the request; the requester is told of the decision. The
  // one-time password is shown once to the officer and is in no email.
  const std::string password = Str(approved, "initial_password");
  bool officer_told = false;
  for (const auto& [subject, body] : MailTo(s().email("security_officer"))) {
    officer_told |= subject == "Account requested for a contact of Relay SMS" &&
                    body.find("Dana Colleague") != std::string::npos &&
                    body.find("My work") != std::string::npos;
  }
  EXPECT_TRUE(officer_told) << "the Security Officer is emailed the request";
  auto to_requester = MailTo(s().email(kContact));
  ASSERT_FALSE(to_requester.empty()) << "the requester is emailed the decision";
  for (const auto& to : {s().email("security_officer"), s().email(kContact),
                         std::string("dana@relay-colleague.example")}) {
    for (const auto& [subject, body] : MailTo(to)) {
      EXPECT_EQ(body.find(password), std::string::npos) << "the password went to " << to;
    }
  }
  ExpectError(Call("POST", "/api/v1/account-requests/" + request + "/actions",
                   json::object{{"action", "decline"}, {"reason", "late"}}),
              409, "conflict");
  EXPECT_FALSE(ListsId(
      MyWorkGroup(Get("/api/v1/my-work"), "account_request").at("items").as_array(), request));
  EXPECT_TRUE(ListsId(Get("/api/v1/colleagues", kContact).at("items").as_array(), dana));

  // The contact assigns section 1 to the colleague.
  const std::string q = RelayQuestionnaire(relay);
  const std::string path = "/api/v1/questionnaires/" + q + "/assignments";
  json::object assigned =
      Ok(Call("POST", path, json::object{{"section", 1}, {"user_id", dana}}, kContact));
  const json::object a = AssignmentOf(assigned, 1);
  EXPECT_EQ(Str(a, "user_id"), dana);
  EXPECT_EQ(Str(a, "user_name"), "Dana Colleague");
  EXPECT_FALSE(assigned.contains("scoring")) << "the contact's view, without our scoring";
  ExpectError(Call("POST", path, json::object{{"section", 1}, {"user_id", dana}}, kContact), 409,
              "conflict");
  // The colleague is emailed once: which section of which questionnaire, by when, where to
  // answer it; no link to follow.
  const std::string section_title = Str(a, "section_title");
  std::vector<std::string> asked_bodies;
  for (const auto& [subject, body] : MailTo("dana@relay-colleague.example")) {
    if (subject == "A questionnaire section for you: " + section_title)
      asked_bodies.push_back(body);
  }
  ASSERT_EQ(asked_bodies.size(), 1u) << "one email for one assignment, none for the refused one";
  const std::string q_title = Str(Get("/api/v1/questionnaires/" + q), "title");
  EXPECT_NE(asked_bodies[0].find("\"" + q_title + "\""), std::string::npos) << asked_bodies[0];
  EXPECT_NE(asked_bodies[0].find("vendor portal"), std::string::npos) << asked_bodies[0];
  EXPECT_EQ(asked_bodies[0].find("http"), std::string::npos) << asked_bodies[0];

  // The colleague finds it and answers a question of their section.
  const std::string token = TokenFor("dana@relay-colleague.example");
  ASSERT_FALSE(token.empty());
  EXPECT_TRUE(ListsId(Get("/api/v1/questionnaires", token).at("items").as_array(), q));
  json::object mine = MyWorkGroup(Get("/api/v1/my-work", token), "questionnaire_section");
  ASSERT_TRUE(ListsId(mine.at("items").as_array(), q));
  EXPECT_EQ(Get("/api/v1/my-work", token).at("total").as_int64(), mine.at("count").as_int64())
      << "a contact's My work holds only its sections";
  json::object full = Get("/api/v1/questionnaires/" + q, token);
  const json::object& section = full.at("sections").as_array()[1].as_object();
  std::string question;
  for (const auto& x : section.at("questions").as_array()) {
    if (Str(x.as_object(), "type") == "text" && !x.as_object().contains("show_if")) {
      question = Str(x.as_object(), "id");
    }
  }
  if (!question.empty()) {
    json::object saved =
        Ok(Call("PUT", "/api/v1/questionnaires/" + q + "/answers",
                json::object{{"answers", json::array{json::object{{"question", question},
                                                                  {"value", "Answered by Dana"}}}}},
                token));
    EXPECT_EQ(Str(saved.at("answers").as_array().back().as_object(), "value"), "Answered by Dana");
  }
  bool may_submit = false;
  for (const auto& act : full.at("allowed_actions").as_array()) may_submit |= Str(act) == "submit";
  EXPECT_TRUE(may_submit) << "any contact account of the party may submit (documented)";

  // The officer's review page shows who each section went to.
  json::object ours = Get("/api/v1/questionnaires/" + q);
  EXPECT_EQ(Str(AssignmentOf(ours, 1), "user_email"), "dana@relay-colleague.example");

  // Taken back; taking back an unassigned section is 409.
  json::object back =
      Ok(Call("POST", path, json::object{{"section", 1}, {"user_id", nullptr}}, kContact));
  EXPECT_TRUE(AssignmentOf(back, 1).empty());
  ExpectError(Call("POST", path, json::object{{"section", 1}, {"user_id", nullptr}}, kContact), 409,
              "conflict");
  EXPECT_FALSE(ListsId(
      MyWorkGroup(Get("/api/v1/my-work", token), "questionnaire_section").at("items").as_array(),
      q));
}

TEST_F(ColleagueApiTest, AssignmentsRefuseBadSectionsAndAccountsNamingTheField) {
  const std::string relay = RelayId();
  const std::string q = RelayQuestionnaire(relay);
  const std::string path = "/api/v1/questionnaires/" + q + "/assignments";
  std::string me_id;
  json::object colleagues = Get("/api/v1/colleagues", kContact);
  for (const auto& c : colleagues.at("items").as_array()) {
    if (c.at("you").as_bool()) me_id = Str(c.as_object(), "id");
  }
  const uint64_t before = s().LedgerSize();
  json::object far =
      ExpectError(Call("POST", path, json::object{{"section", 45}, {"user_id", me_id}}, kContact),
                  422, "validation_failed");
  EXPECT_EQ(FirstField(far), "section");
  json::object none = ExpectError(
      Call("POST", path, json::object{{"section", 0}, {"user_id", "usr_doesnotexist"}}, kContact),
      422, "validation_failed");
  EXPECT_EQ(FirstField(none), "user_id");
  std::string other_user;
  const std::string intruder = OtherPartyContact(relay, &other_user);
  const uint64_t mid = s().LedgerSize();
  json::object foreign = ExpectError(
      Call("POST", path, json::object{{"section", 0}, {"user_id", other_user}}, kContact), 422,
      "validation_failed");
  EXPECT_EQ(FirstField(foreign), "user_id");
  EXPECT_EQ(s().LedgerSize(), mid) << "refusals write nothing";
  EXPECT_GT(mid, before);

  // A deactivated colleague cannot be assigned.
  json::object made = Ok(Call("POST", "/api/v1/users",
                              json::object{{"email", "gone@relay-colleague.example"},
                                           {"name", "Gone"},
                                           {"role", kContact},
                                           {"party_id", relay}}),
                         201);
  const std::string gone = Str(made.at("user").as_object(), "id");
  Ok(Call("POST", "/api/v1/users/" + gone + "/actions",
          json::object{{"action", "deactivate"}, {"comment", "left the company"}}));
  json::object inactive =
      ExpectError(Call("POST", path, json::object{{"section", 0}, {"user_id", gone}}, kContact),
                  422, "validation_failed");
  EXPECT_EQ(FirstField(inactive), "user_id");

  // The other party's contact sees nothing of Relay's: 404, never a list entry.
  ExpectError(Call("POST", path, json::object{{"section", 0}, {"user_id", other_user}}, intruder),
              404, "not_found");
  json::object asked = Ok(Call("POST", "/api/v1/account-requests",
                               json::object{{"name", "Relay Person"},
                                            {"email", "person@relay-colleague.example"},
                                            {"reason", "Answers the access section"}},
                               kContact),
                          201);
  ExpectError(Call("GET", "/api/v1/account-requests/" + Str(asked, "id"), nullptr, intruder), 404,
              "not_found");
  EXPECT_FALSE(
      ListsId(Get("/api/v1/account-requests", intruder).at("items").as_array(), Str(asked, "id")));
  EXPECT_FALSE(ListsId(Get("/api/v1/colleagues", intruder).at("items").as_array(), me_id));
  EXPECT_TRUE(ListsId(Get("/api/v1/account-requests?status=pending").at("items").as_array(),
                      Str(asked, "id")))
      << "the officers see every party's";
  // Declined with a reason.
  json::object declined =
      Ok(Call("POST", "/api/v1/account-requests/" + Str(asked, "id") + "/actions",
              json::object{{"action", "decline"}, {"reason", "Use Dana's"}}));
  EXPECT_EQ(Str(declined.at("request").as_object(), "status"), "declined");
  EXPECT_EQ(Str(declined.at("request").as_object(), "decline_reason"), "Use Dana's");
  EXPECT_FALSE(declined.contains("user"));
}

}  // namespace
}  // namespace accord::testing
