// Secure Message end to end (issue 26, item 4) against a demo server that emails through a real
// exim4: the link from the delivered email, a one-time code from the second email, the opened
// page, a download and a reply, each open recorded in the ledger; the refusals (a replayed
// code, a code for another message, wrong codes past the limit, retracted and expired links)
// reveal nothing; and the marker test: a string sent in a Secure Message is found in none of
// the database file, its WAL, a backup, the delivered emails and the server's log.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>

#include "accord/core/bytes.h"
#include "http/report_request_test.h"
#include "support/api_server.h"
#include "support/process.h"
#include "support/smtp_server.h"

namespace accord::testing::report_request {
namespace {

const std::string kMarker = "ZEBRA-MARKER-7f3c9a61-PHI";

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class SecureMessageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    smtp_ = new SmtpTestServer();
    ASSERT_TRUE(smtp_->started()) << smtp_->error();
    log_ = new TempDir();
    server_ =
        new ApiServer({"--smtp-host", "127.0.0.1", "--smtp-port", std::to_string(smtp_->port()),
                       "--smtp-from", "trust@luma.example", "--smtp-ca-file",
                       smtp_->ca_file().string(), "--public-url", "https://trust.luma.example"},
                      (log_->path() / "server.log").string());
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
    delete smtp_;
    smtp_ = nullptr;
    delete log_;
    log_ = nullptr;
  }
  static ApiServer* server_;
  static SmtpTestServer* smtp_;
  static TempDir* log_;
  ApiServer& s() { return *server_; }

  // The decoded bodies of the delivered messages to `to` whose subject has `subject`, once
  // there are at least `count` (bounded wait: the outbox is delivered every few seconds).
  std::vector<std::string> Mails(const std::string& to, const std::string& subject,
                                 size_t count = 1) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    std::vector<std::string> out;
    while (std::chrono::steady_clock::now() < deadline) {
      out.clear();
      for (const auto& m : smtp_->Messages()) {
        if (Has(m, "To: <" + to + ">") && Has(m, "Subject: " + subject)) out.push_back(DecodeQp(m));
      }
      if (out.size() >= count) return out;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    ADD_FAILURE() << "no email " << count << " to " << to << " with subject " << subject;
    return out;
  }
  std::string Code(const std::string& to, size_t nth) {
    auto mails = Mails(to, "Your code for the secure message", nth);
    if (mails.size() < nth) return "";
    std::smatch m;
    std::string body = mails[nth - 1];
    return std::regex_search(body, m, std::regex("code is ([0-9]{6})")) ? m[1].str() : "";
  }
  HttpResult Form(const std::string& target, const std::string& body) {
    return HttpCall(s().port(), "POST", target, body,
                    {{"Content-Type", "application/x-www-form-urlencoded"},
                     {"User-Agent", "secure-message-test"}});
  }
  // Sends a message as `role`; returns {id, link token}.
  std::pair<std::string, std::string> Send(const std::string& to, const std::string& subject,
                                           const std::string& body, const std::string& role,
                                           const std::string& attachment = "") {
    json::object req{{"recipient", to}, {"subject", subject}, {"body", body}};
    if (!attachment.empty()) {
      req["attachments"] =
          json::array{json::object{{"filename", "results-" + kMarker + ".txt"},
                                   {"content_type", "text/plain"},
                                   {"content_base64", Base64Encode(AsBytes(attachment))}}};
    }
    HttpResult r = s().Post("/api/v1/secure-messages", json::serialize(req), role);
    EXPECT_EQ(r.status, 201) << r.body;
    if (r.status != 201) return {};
    std::string id = Str(json::parse(r.body).at("id"));
    auto mails = Mails(to, "A secure message is waiting for you");
    std::string token;
    for (const auto& m : mails) {
      if (Has(m, "/secure/")) token = LinkToken(m, "secure");
    }
    // The newest link mail: several messages may go to one address.
    std::string last;
    for (const auto& m : Mails(to, "A secure message is waiting for you", 1)) {
      last = LinkToken(m, "secure");
    }
    return {id, last.empty() ? token : last};
  }
  // Opens the message behind `token` with a fresh code; returns the page.
  HttpResult OpenWithFreshCode(const std::string& to, const std::string& token, size_t nth) {
    HttpResult sent = Form("/secure/" + token + "/code", "");
    EXPECT_EQ(sent.status, 200) << sent.body;
    std::string code = Code(to, nth);
    EXPECT_EQ(code.size(), 6u);
    return Form("/secure/" + token + "/open", "code=" + code);
  }
  std::vector<json::value> Events(const std::string& id) {
    json::value v = s().GetJson("/api/v1/secure-messages/" + id);
    std::vector<json::value> out;
    for (const auto& e : v.at("events").as_array()) out.push_back(e);
    return out;
  }
};
ApiServer* SecureMessageTest::server_ = nullptr;
SmtpTestServer* SecureMessageTest::smtp_ = nullptr;
TempDir* SecureMessageTest::log_ = nullptr;

TEST_F(SecureMessageTest, RecipientReadsWithACodeAndNothingOfItLeaksAnywhere) {
  const std::string to = "liaison@clinic.example";
  auto [id, token] =
      Send(to, "Lab results " + kMarker, "Patient Jane Roe, DOB 1970-01-02: " + kMarker,
           "security_officer", "attachment " + kMarker);
  ASSERT_FALSE(token.empty());
  // The link email says who and how, nothing of the message.
  for (const auto& m : Mails(to, "A secure message is waiting for you")) {
    EXPECT_FALSE(Has(m, kMarker));
    EXPECT_FALSE(Has(m, "Jane"));
  }
  // The page before the code shows nothing of it either.
  HttpResult landing = HttpCall(s().port(), "GET", "/secure/" + token, "", {});
  EXPECT_EQ(landing.status, 200);
  EXPECT_FALSE(Has(landing.body, kMarker));
  EXPECT_TRUE(Has(landing.body, "Send me a code"));

  HttpResult page = OpenWithFreshCode(to, token, 1);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Has(page.body, "Lab results " + kMarker));
  EXPECT_TRUE(Has(page.body, "DOB 1970-01-02"));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("name=\"session\" value=\"([^\"]+)\"")));
  std::string session = m[1].str();
  HttpResult file = Form("/secure/" + token + "/attachments/0", "session=" + session);
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, "attachment " + kMarker);
  HttpResult replied =
      Form("/secure/" + token + "/reply",
           FormEncode({{"session", session}, {"body", "Thanks, received " + kMarker}}));
  EXPECT_EQ(replied.status, 200) << replied.body;
  EXPECT_TRUE(Has(replied.body, "Your reply was sent as a secure message"));

  // The sender sees the read receipt and the recorded open and download; the ledger's events
  // carry who and from where, never the content.
  json::value view = s().GetJson("/api/v1/secure-messages/" + id);
  EXPECT_EQ(view.at("status"), "read");
  std::vector<std::string> types;
  for (const auto& e : Events(id)) types.push_back(Str(e.at("type")));
  EXPECT_NE(std::find(types.begin(), types.end(), "secure_message.opened"), types.end());
  EXPECT_NE(std::find(types.begin(), types.end(), "secure_message.downloaded"), types.end());
  for (const auto& e : Events(id)) {
    HttpResult entry =
        s().Get("/api/v1/ledger/entries/" + std::to_string(e.at("ledger_index").as_int64()));
    EXPECT_EQ(entry.status, 200);
    EXPECT_FALSE(Has(entry.body, kMarker)) << entry.body;
    std::string leaf(AsString(*Base64Decode(Str(json::parse(entry.body).at("leaf")))));
    EXPECT_FALSE(Has(leaf, kMarker));
    if (Str(e.at("type")) == "secure_message.opened") {
      EXPECT_TRUE(Has(leaf, "127.0.0.1")) << leaf;
      EXPECT_TRUE(Has(leaf, "secure-message-test")) << leaf;
    }
  }
  // The sender reads the reply signed in (its body is theirs to read).
  json::value list = s().GetJson("/api/v1/secure-messages");
  std::string reply_id;
  for (const auto& v : list.at("items").as_array()) {
    if (v.at("direction") == "received" && v.at("in_reply_to") == id.c_str()) {
      reply_id = Str(v.at("id"));
    }
  }
  ASSERT_FALSE(reply_id.empty()) << json::serialize(list);
  HttpResult opened = s().Post("/api/v1/secure-messages/" + reply_id + "/open", "");
  EXPECT_EQ(opened.status, 200) << opened.body;
  EXPECT_TRUE(Has(opened.body, "Thanks, received " + kMarker));

  // A backup, and then the marker search: the database, its WAL, the backup, the emails, the
  // server's log.
  std::string backup = (s().dir().path() / "marker.backup").string();
  CommandResult b =
      RunAccord({"backup", "--data-dir", s().dir().str(), "--db", s().db_url(), "--out", backup});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  std::vector<std::filesystem::path> files = {backup, log_->path() / "server.log"};
  if (s().db_url().starts_with("sqlite")) {
    files.push_back(s().dir().path() / "accord.db");
    files.push_back(s().dir().path() / "accord.db-wal");
  }
  for (const auto& f : files) {
    ASSERT_TRUE(std::filesystem::exists(f)) << f;
    std::string content = ReadAll(f);
    EXPECT_GT(content.size(), 0u) << f;
    EXPECT_FALSE(Has(content, kMarker)) << "the marker is in " << f;
    EXPECT_FALSE(Has(content, "Jane Roe")) << "the content is in " << f;
  }
  for (const auto& mail : smtp_->Messages()) EXPECT_FALSE(Has(mail, kMarker));
}

TEST_F(SecureMessageTest, CodesAreOneUseOneMessageAndLimited) {
  const std::string to = "codes@clinic.example";
  auto [first, token_a] = Send(to, "First", "first body", "staff");
  ASSERT_FALSE(token_a.empty());
  HttpResult page = OpenWithFreshCode(to, token_a, 1);
  ASSERT_EQ(page.status, 200) << page.body;
  std::string code_a = Code(to, 1);
  // A replayed code opens nothing.
  HttpResult replay = Form("/secure/" + token_a + "/open", "code=" + code_a);
  EXPECT_EQ(replay.status, 403);
  EXPECT_FALSE(Has(replay.body, "first body"));

  // A code of message A does not open message B.
  auto [second, token_b] = Send("other@clinic.example", "Second", "second body", "staff");
  ASSERT_FALSE(token_b.empty());
  EXPECT_EQ(Form("/secure/" + token_a + "/code", "").status, 200);
  std::string fresh_a = Code(to, 2);
  HttpResult cross = Form("/secure/" + token_b + "/open", "code=" + fresh_a);
  EXPECT_EQ(cross.status, 403);
  EXPECT_FALSE(Has(cross.body, "second body"));

  // Five wrong tries kill the code: the right one no longer works after them.
  for (int i = 0; i < 5; ++i) {
    std::string wrong = fresh_a == "000000" ? "000001" : "000000";
    EXPECT_EQ(Form("/secure/" + token_a + "/open", "code=" + wrong).status, 403);
  }
  EXPECT_EQ(Form("/secure/" + token_a + "/open", "code=" + fresh_a).status, 403);
  // At most five codes an hour for one message (two were sent above).
  int ok = 0, limited = 0;
  for (int i = 0; i < 5; ++i) {
    int status = Form("/secure/" + token_a + "/code", "").status;
    ok += status == 200;
    limited += status == 429;
  }
  EXPECT_EQ(ok, 3);
  EXPECT_EQ(limited, 2);
}

TEST_F(SecureMessageTest, RetractedAndUnknownLinksRevealNothing) {
  const std::string to = "retract@clinic.example";
  auto [id, token] = Send(to, "Withdrawn " + kMarker, "withdrawn body", "privacy_officer");
  ASSERT_FALSE(token.empty());
  // Only its sender (or the Security Officer) may retract; to anyone else it does not exist.
  EXPECT_EQ(s().Post("/api/v1/secure-messages/" + id + "/retract", "", "staff").status, 404);
  HttpResult r = s().Post("/api/v1/secure-messages/" + id + "/retract", "", "privacy_officer");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body).at("status"), "retracted");
  HttpResult page = HttpCall(s().port(), "GET", "/secure/" + token, "", {});
  EXPECT_EQ(page.status, 410);
  EXPECT_FALSE(Has(page.body, kMarker));
  EXPECT_EQ(Form("/secure/" + token + "/code", "").status, 410);
  EXPECT_EQ(s().Post("/api/v1/secure-messages/" + id + "/open", "", "privacy_officer").status, 409);
  HttpResult unknown = HttpCall(s().port(), "GET", "/secure/not-a-real-token", "", {});
  EXPECT_EQ(unknown.status, 404);
  // Another account never learns the message exists.
  EXPECT_EQ(s().Get("/api/v1/secure-messages/" + id, "staff").status, 404);
  EXPECT_EQ(s().Post("/api/v1/secure-messages/" + id + "/open", "", "auditor").status, 404);
}

TEST_F(SecureMessageTest, ARecipientWithAnAccountReadsSignedIn) {
  auto [id, token] = Send(s().email("staff"), "For you", "signed-in body", "security_officer");
  json::value list = s().GetJson("/api/v1/secure-messages", "staff");
  bool found = false;
  for (const auto& v : list.at("items").as_array()) found = found || v.at("id") == id.c_str();
  EXPECT_TRUE(found);
  HttpResult opened = s().Post("/api/v1/secure-messages/" + id + "/open", "", "staff");
  ASSERT_EQ(opened.status, 200) << opened.body;
  EXPECT_TRUE(Has(opened.body, "signed-in body"));
  EXPECT_EQ(s().GetJson("/api/v1/secure-messages/" + id).at("status"), "read");
  // A party's contact may only reply.
  HttpResult contact = s().Post("/api/v1/secure-messages",
                                R"({"recipient": "x@example.org", "subject": "s", "body": "b"})",
                                "third_party_contact");
  EXPECT_EQ(contact.status, 403);
  // Bad input names its field and writes nothing.
  HttpResult bad = s().Post("/api/v1/secure-messages",
                            R"({"recipient": "not an address", "subject": "", "body": "b",
                                "expires_in_days": 400})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "\"recipient\""));
  EXPECT_TRUE(Has(bad.body, "\"subject\""));
  EXPECT_TRUE(Has(bad.body, "\"expires_in_days\""));
}

TEST_F(SecureMessageTest, TheDemosRefusedPhiEmailKeepsOnlyItsReason) {
  // The demo tried to email a patient's details: refused, with the reason and no content. None
  // of the demo's own reminders and notices is refused.
  json::value refused = s().GetJson("/api/v1/outbox?status=refused");
  size_t demo = 0;
  for (const auto& v : refused.at("items").as_array()) {
    EXPECT_EQ(v.at("ref_kind"), "demo") << json::serialize(v);
    EXPECT_EQ(v.at("subject"), "");
    EXPECT_EQ(v.at("body"), "");
    EXPECT_TRUE(Has(Str(v.at("last_error")), "a date of birth"));
    EXPECT_TRUE(Has(Str(v.at("last_error")), "Secure Message"));
    ++demo;
  }
  EXPECT_EQ(demo, 1u);
}

}  // namespace
}  // namespace accord::testing::report_request
