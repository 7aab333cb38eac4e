// A customer's questionnaire through the trust center, and a library answer's evidence files
// (issue 28, part 5 leftovers), in-process with a fake clock. The trust-center link is the audit-
// report requests' own: an officer sends it to one of the customer's contacts, the
// /downloads/{token} page shows the questionnaire, and each download is counted and recorded;
// a lapsed NDA or an unshared questionnaire is refused in plain words, another customer's
// contact is never named, and bad input is refused naming the field with nothing written.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>

#include "http/identity_test.h"

namespace accord::http::identity_test {
namespace {

std::string Str(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : ""; }

class QuestionnaireTrustTest : public IdentityTest {
 protected:
  void SetUp() override {
    // A token, not a session: the NDA's lapse is days later, past any session's life.
    std::string sam = AddUser("sam@luma.example", "security_officer");
    auto t = f_.rt().log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
      auto made =
          storage::CreateToken(c, {"test", "security_officer"}, sam, "trust", "", std::nullopt);
      if (!made.ok()) return std::move(made).error();
      return json::value(made->secret);
    });
    ASSERT_TRUE(t.ok()) << t.error().ToString();
    token_ = Str(*t);
    customer_ = Created("/api/v1/parties", {{"name", "Summit Health"}, {"kind", "customer"}});
    other_ = Created("/api/v1/parties", {{"name", "Bayview Clinics"}, {"kind", "customer"}});
    contact_ = Created("/api/v1/parties/" + customer_ + "/contacts",
                       {{"name", "Pat Lee"}, {"email", "pat@summit.example"}});
    other_contact_ = Created("/api/v1/parties/" + other_ + "/contacts",
                             {{"name", "Kim Ray"}, {"email", "kim@bayview.example"}});
  }

  std::vector<Header> Officer(const std::string& type = "application/json") const {
    return {{"Authorization", "Bearer " + token_}, {"Content-Type", type}};
  }
  Reply_ Post(const std::string& target, const json::object& body) {
    return Call("POST", target, json::serialize(body), Officer());
  }
  std::string Created(const std::string& target, const json::object& body) {
    Reply_ r = Post(target, body);
    EXPECT_EQ(r.status, 201) << target << ": " << r.text;
    return Str(r.body["id"]);
  }
  std::vector<Header> Reader() const { return {{"Authorization", "Bearer " + token_}}; }
  static std::string FirstField(const Reply_& r) {
    const json::value* e = r.body.if_contains("error");
    if (!e || e->at("details").as_array().empty()) return "";
    return Str(e->at("details").as_array().at(0).at("field"));
  }
  void Nda(const std::string& party, std::chrono::hours valid) {
    TimePoint now = f_.clock().Now();
    Created("/api/v1/parties/" + party + "/agreements",
            {{"type", "nda"},
             {"title", "Mutual NDA"},
             {"status", "executed"},
             {"effective_at", FormatRfc3339(now)},
             {"expires_at", FormatRfc3339(now + valid)}});
  }
  // A completed questionnaire of `party`, answered by hand.
  std::string Answered(const std::string& party) {
    Reply_ r = Call("POST",
                    "/api/v1/customer-questionnaires?party_id=" + party + "&name=Security%20review",
                    "Question,Answer\r\nIs ePHI encrypted at rest?,\r\n", Officer("text/csv"));
    EXPECT_EQ(r.status, 201) << r.text;
    std::string id = Str(r.body["id"]);
    std::string actions = "/api/v1/customer-questionnaires/" + id + "/actions";
    Reply_ a = Post(
        actions, {{"action", "answer"},
                  {"answers", json::array{json::object{{"row", 1}, {"answer", "Yes, AES-256."}}}}});
    EXPECT_EQ(a.status, 200) << a.text;
    EXPECT_EQ(Post(actions, {{"action", "complete"}}).status, 200);
    return id;
  }
  // The newest link of `purpose` emailed to `email` (the outbox keeps the body until sent).
  std::string Token(const std::string& email, const std::string& purpose) {
    std::string token;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto rows = tx.Query(
                          "SELECT body FROM outbox WHERE recipient = ? ORDER BY created_at, id",
                          {email});
                      if (!rows.ok()) return std::move(rows).error();
                      std::regex link("/" + purpose + "/([A-Za-z0-9_-]{20,})");
                      for (const auto& r : *rows) {
                        std::smatch m;
                        std::string body = r.Text(0);
                        if (std::regex_search(body, m, link)) token = m[1];
                      }
                      return Ok();
                    })
                    .ok());
    return token;
  }
  Reply_ Page(const std::string& token) { return Call("GET", "/downloads/" + token); }
  Reply_ Download(const std::string& token) {
    return Call("POST", "/downloads/" + token, "",
                {{"Content-Type", "application/x-www-form-urlencoded"}});
  }

  std::string token_;
  std::string customer_, other_, contact_, other_contact_;
};

TEST_F(QuestionnaireTrustTest, TheCustomerDownloadsThroughTheTrustCenterWhileItsNdaIsInForce) {
  std::string id = Answered(customer_);
  std::string send = "/api/v1/customer-questionnaires/" + id + "/trust-link";
  // Not shared yet.
  Reply_ unshared = Post(send, {{"contact_id", contact_}});
  EXPECT_EQ(unshared.status, 409) << unshared.text;
  EXPECT_EQ(FirstField(unshared), "status");

  Nda(customer_, std::chrono::hours(24 * 3));
  ASSERT_EQ(
      Post("/api/v1/customer-questionnaires/" + id + "/actions", {{"action", "share"}}).status,
      200);
  // Bad input names the field and writes nothing.
  uint64_t before = f_.LedgerSize();
  EXPECT_EQ(FirstField(Post(send, {{"contact_id", other_contact_}})), "contact_id");
  EXPECT_EQ(FirstField(Post(send, json::object{})), "contact_id");
  EXPECT_EQ(FirstField(Post(send, {{"contact_id", contact_}, {"max_downloads", 0}})),
            "max_downloads");
  EXPECT_EQ(
      Post("/api/v1/customer-questionnaires/cqn_nothing/trust-link", {{"contact_id", contact_}})
          .status,
      404);
  EXPECT_EQ(f_.LedgerSize(), before);

  Reply_ sent = Post(send, {{"contact_id", contact_}, {"max_downloads", 2}});
  ASSERT_EQ(sent.status, 201) << sent.text;
  EXPECT_EQ(sent.body["status"], "approved") << "the NDA is in force: the officer's send approves";
  EXPECT_EQ(sent.body["report_type"], "customer_questionnaire");
  EXPECT_EQ(sent.body["questionnaire_id"], id.c_str());
  std::string token = Token("pat@summit.example", "downloads");
  ASSERT_FALSE(token.empty());

  // The page names the questionnaire; the POST downloads the CSV and records it twice.
  Reply_ page = Page(token);
  ASSERT_EQ(page.status, 200) << page.text;
  EXPECT_NE(page.text.find("Security review.csv"), std::string::npos) << page.text;
  EXPECT_NE(page.text.find("Our answers to your security questionnaire"), std::string::npos);
  before = f_.LedgerSize();
  Reply_ got = Download(token);
  ASSERT_EQ(got.status, 200) << got.text;
  EXPECT_NE(got.text.find("Yes, AES-256."), std::string::npos) << got.text;
  EXPECT_EQ(f_.LedgerSize(), before + 2) << "the request's download and the questionnaire's";
  std::string leaves = AllLeaves();
  EXPECT_NE(leaves.find("customer_questionnaire.downloaded"), std::string::npos);
  EXPECT_NE(leaves.find("report_request.downloaded"), std::string::npos);

  // The questionnaire's page lists the link sent, for the workforce only.
  Reply_ view = Call("GET", "/api/v1/customer-questionnaires/" + id, "", Reader());
  ASSERT_EQ(view.status, 200);
  const json::array& links = view.body["trust_links"].as_array();
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].at("email"), "pat@summit.example");
  EXPECT_EQ(links[0].at("downloads").as_int64(), 1);

  // The NDA lapses: the page and the download refuse in plain words, nothing counted.
  Advance(std::chrono::hours(24 * 4));  // the link itself works 14 days
  Reply_ lapsed = Page(token);
  EXPECT_EQ(lapsed.status, 403);
  EXPECT_NE(lapsed.text.find("no longer in force"), std::string::npos) << lapsed.text;
  before = f_.LedgerSize();
  Reply_ refused = Download(token);
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.text.find("non-disclosure agreement"), std::string::npos) << refused.text;
  EXPECT_EQ(refused.text.find("forbidden"), std::string::npos) << "words, not a code";
  EXPECT_EQ(f_.LedgerSize(), before);

  // A new link with no NDA in force: the contact is sent the NDA first, as for any report.
  Reply_ again = Post(send, {{"contact_id", contact_}});
  ASSERT_EQ(again.status, 201) << again.text;
  EXPECT_EQ(again.body["status"], "nda_sent");
  EXPECT_FALSE(Token("pat@summit.example", "nda").empty());
}

TEST_F(QuestionnaireTrustTest, AnUnsharedQuestionnaireIsRefusedAndOthersSeeNothing) {
  std::string id = Answered(customer_);
  Nda(customer_, std::chrono::hours(24 * 30));
  std::string actions = "/api/v1/customer-questionnaires/" + id + "/actions";
  ASSERT_EQ(Post(actions, {{"action", "share"}}).status, 200);
  ASSERT_EQ(
      Post("/api/v1/customer-questionnaires/" + id + "/trust-link", {{"contact_id", contact_}})
          .status,
      201);
  std::string token = Token("pat@summit.example", "downloads");
  ASSERT_FALSE(token.empty());
  ASSERT_EQ(Post(actions, {{"action", "unshare"}}).status, 200);
  Reply_ page = Page(token);
  EXPECT_EQ(page.status, 403);
  EXPECT_NE(page.text.find("no longer share this questionnaire"), std::string::npos) << page.text;
  EXPECT_EQ(Download(token).status, 403);

  // Anonymous: a wrong or missing token opens nothing; the other customer's contact got no mail.
  EXPECT_EQ(Page(std::string(43, 'A')).status, 404);
  EXPECT_EQ(Download(std::string(43, 'A')).status, 404);
  EXPECT_TRUE(Token("kim@bayview.example", "downloads").empty());
  EXPECT_EQ(Call("POST", "/api/v1/customer-questionnaires/" + id + "/trust-link",
                 R"({"contact_id": "x"})")
                .status,
            401);
}

TEST_F(QuestionnaireTrustTest, AnOfficerAttachesReplacesAndRemovesEvidenceAsNewVersions) {
  Reply_ made =
      Post("/api/v1/answer-library", {{"question", "Do you have a written security policy?"},
                                      {"answer", "Yes, reviewed every year."}});
  ASSERT_EQ(made.status, 201) << made.text;
  std::string id = Str(made.body["id"]);
  std::string base = "/api/v1/answer-library/" + id;
  ASSERT_EQ(Post(base + "/actions", {{"action", "approve"}}).status, 200);

  Reply_ added = Call("POST", base + "/evidence?filename=security-policy.txt&note=Section%202",
                      "Our policy, 2026.\n", Officer("text/plain"));
  ASSERT_EQ(added.status, 200) << added.text;
  EXPECT_EQ(added.body["status"], "draft") << "a new version waits for approval";
  EXPECT_EQ(added.body["version"].as_int64(), 2);
  const json::object& link = added.body["evidence"].as_array().at(0).as_object();
  EXPECT_EQ(link.at("kind"), "document");
  EXPECT_EQ(link.at("title"), "security-policy.txt");
  EXPECT_EQ(link.at("note"), "Section 2");
  EXPECT_EQ(link.at("added_at"), FormatRfc3339(f_.clock().Now()).c_str());
  EXPECT_EQ(link.at("added_by").at("name"), "sam") << "who added it, by name";
  std::string first_doc = Str(link.at("id"));

  // Replaced by a newer file: the link keeps its place and note; the old one stays on record.
  uint64_t before = f_.LedgerSize();
  Reply_ bad = Call("POST", base + "/evidence?filename=x.txt&replace=doc_nothing", "x\n",
                    Officer("text/plain"));
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(FirstField(bad), "replace");
  Reply_ badname = Call("POST", base + "/evidence", "x\n", Officer("text/plain"));  // no filename
  EXPECT_EQ(badname.status / 100, 4);
  EXPECT_EQ(f_.LedgerSize(), before) << "nothing written";
  Advance(std::chrono::minutes(5));
  Reply_ replaced =
      Call("POST", base + "/evidence?filename=security-policy-2027.txt&replace=" + first_doc,
           "Our policy, 2027.\n", Officer("text/plain"));
  ASSERT_EQ(replaced.status, 200) << replaced.text;
  ASSERT_EQ(replaced.body["evidence"].as_array().size(), 1u);
  EXPECT_EQ(replaced.body["evidence"].as_array()[0].at("title"), "security-policy-2027.txt");
  EXPECT_EQ(replaced.body["evidence"].as_array()[0].at("note"), "Section 2");
  EXPECT_EQ(replaced.body["version"].as_int64(), 3);

  // Removed by a revision with the list less the link; approved again.
  Reply_ removed = Post(base + "/actions", {{"action", "revise"}, {"evidence", json::array{}}});
  ASSERT_EQ(removed.status, 200) << removed.text;
  EXPECT_TRUE(removed.body["evidence"].as_array().empty());
  Reply_ approved = Post(base + "/actions", {{"action", "approve"}});
  ASSERT_EQ(approved.status, 200);
  Reply_ one = Call("GET", base, "", Reader());
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.body["versions"].as_array().size(), 4u);

  // The file is ours: filed under no party.
  Reply_ doc = Call("GET", "/api/v1/documents/" + first_doc + "/content", "", Reader());
  EXPECT_EQ(doc.status, 200);
  EXPECT_EQ(doc.text, "Our policy, 2026.\n");
}

}  // namespace
}  // namespace accord::http::identity_test
