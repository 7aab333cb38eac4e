// The trust center's delivery of a customer's own inheritance matrix (issue 23, docs/trust.md):
// an audit-report request for the matrix, linked to a customer with an NDA in force, is approved
// by an officer, rendered at that instant and downloaded through the personal link, as HTML or
// CSV; a customer without an NDA, a request linked to a partner, or an officer naming another
// document are refused, and another customer's matrix never goes out on it.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <string>
#include <thread>

#include "accord/core/time.h"
#include "http/report_request_test.h"
#include "support/api_server.h"
#include "support/smtp_server.h"

namespace accord::testing::report_request {
namespace {

class ComplianceTrustTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    smtp_ = new SmtpTestServer();
    ASSERT_TRUE(smtp_->started()) << smtp_->error();
    server_ =
        new ApiServer({"--smtp-host", "127.0.0.1", "--smtp-port", std::to_string(smtp_->port()),
                       "--smtp-from", "trust@luma.example", "--smtp-ca-file",
                       smtp_->ca_file().string(), "--public-url", "https://trust.luma.example"});
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
    delete smtp_;
    smtp_ = nullptr;
  }
  static ApiServer* server_;
  static SmtpTestServer* smtp_;
  ApiServer& s() { return *server_; }

  // Bounded: the outbox is delivered every 5 seconds.
  std::string WaitForMail(const std::string& to, const std::string& subject) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
      for (const auto& m : smtp_->Messages()) {
        if (Has(m, "To: <" + to + ">") && Has(m, "Subject: " + subject)) return DecodeQp(m);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    ADD_FAILURE() << "no email to " << to << " with subject " << subject;
    return "";
  }
  std::string PartyId(const std::string& name) {
    json::value list = s().GetJson("/api/v1/parties?limit=500");
    for (const auto& v : list.at("items").as_array()) {
      if (v.at("name") == name.c_str()) return Str(v.at("id"));
    }
    ADD_FAILURE() << "no party " << name;
    return "";
  }
  // Logged by staff for a customer who emailed, linked to `party`.
  json::object Ask(const std::string& email, const std::string& party) {
    HttpResult r = s().Post("/api/v1/report-requests",
                            json::serialize(json::object{{"name", "Pat Doe"},
                                                         {"email", email},
                                                         {"organisation", "Clinic"},
                                                         {"report_type", "inheritance_matrix"},
                                                         {"party_id", party}}),
                            "staff");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? json::parse(r.body).as_object() : json::object{};
  }
  HttpResult Act(const json::object& request, const json::object& body) {
    return s().Post("/api/v1/report-requests/" + Str(request.at("id")) + "/actions",
                    json::serialize(body));
  }
  // The file behind the download link emailed to `email`.
  HttpResult Download(const std::string& email) {
    std::string mail = WaitForMail(email, "Your requested report is ready");
    std::string token = LinkToken(mail, "downloads");
    EXPECT_FALSE(token.empty()) << mail;
    return HttpCall(s().port(), "POST", "/downloads/" + token, "",
                    {{"Content-Type", "application/x-www-form-urlencoded"}});
  }
};
ApiServer* ComplianceTrustTest::server_ = nullptr;
SmtpTestServer* ComplianceTrustTest::smtp_ = nullptr;

TEST_F(ComplianceTrustTest, ACustomerWithAnNdaDownloadsItsOwnMatrixOnly) {
  // Riverside has the demo's NDA in force (and its BAA overrides 164.312(b)).
  std::string riverside = PartyId("Riverside Medical Group");
  json::object asked = Ask("pat@riversidemedicalgroup.example", riverside);
  ASSERT_EQ(Str(asked.at("status")), "in_progress") << json::serialize(asked);

  // The officer names no document: the customer's own matrix is rendered.
  HttpResult named = Act(asked, {{"action", "approve"}, {"document_id", "doc_other"}});
  EXPECT_EQ(named.status, 422);
  EXPECT_TRUE(Has(named.body, "document_id")) << named.body;
  EXPECT_EQ(Act(asked, {{"action", "approve"}, {"format", "pdf"}}).status, 422);
  HttpResult approved = Act(asked, {{"action", "approve"}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  json::object delivery = json::parse(approved.body).at("delivery").as_object();
  EXPECT_TRUE(Str(delivery.at("filename")).starts_with("inheritance-matrix-" + riverside))
      << json::serialize(delivery);

  HttpResult file = Download("pat@riversidemedicalgroup.example");
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_TRUE(Has(file.body, "what Riverside Medical Group inherits")) << file.body.substr(0, 400);
  EXPECT_TRUE(Has(file.body, "Riverside reviews the audit logs")) << "its BAA's override";
  EXPECT_FALSE(Has(file.body, "Northwind"));

  // As CSV, on a second request.
  json::object again = Ask("lee@riversidemedicalgroup.example", riverside);
  HttpResult csv = Act(again, {{"action", "approve"}, {"format", "csv"}});
  ASSERT_EQ(csv.status, 200) << csv.body;
  HttpResult rows = Download("lee@riversidemedicalgroup.example");
  ASSERT_EQ(rows.status, 200) << rows.body;
  EXPECT_TRUE(rows.body.starts_with("control,title,requirement,")) << rows.body.substr(0, 200);
  EXPECT_TRUE(Has(rows.body, "Riverside reviews the audit logs"));
}

TEST_F(ComplianceTrustTest, NoNdaAnotherCustomersDocumentOrAPartnerIsRefused) {
  // Summit has no NDA: the request waits for one, and cannot be approved.
  std::string summit = PartyId("Summit Orthopedics");
  json::object asked = Ask("sam@summitortho.example", summit);
  EXPECT_EQ(Str(asked.at("status")), "nda_sent");
  HttpResult early = Act(asked, {{"action", "approve"}});
  EXPECT_EQ(early.status, 409) << early.body;

  // Riverside's own matrix, then Northwind's request naming it: refused.
  std::string riverside = PartyId("Riverside Medical Group");
  json::object theirs = Ask("kim@riversidemedicalgroup.example", riverside);
  HttpResult approved = Act(theirs, {{"action", "approve"}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  std::string riverside_doc = Str(json::parse(approved.body).at("delivery").at("document_id"));
  std::string northwind = PartyId("Northwind Clinics");
  HttpResult nda =
      s().Post("/api/v1/parties/" + northwind + "/agreements",
               json::serialize(json::object{
                   {"type", "nda"},
                   {"title", "Mutual NDA"},
                   {"status", "executed"},
                   {"effective_at", FormatRfc3339(SystemClock().Now() - std::chrono::days(10))},
                   {"expires_at", FormatRfc3339(SystemClock().Now() + std::chrono::days(300))}}));
  ASSERT_EQ(nda.status, 201) << nda.body;
  json::object mine = Ask("ann@northwindclinics.example", northwind);
  ASSERT_EQ(Str(mine.at("status")), "in_progress");
  HttpResult other = Act(mine, {{"action", "approve"}, {"document_id", riverside_doc}});
  EXPECT_EQ(other.status, 422) << other.body;
  HttpResult ok = Act(mine, {{"action", "approve"}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  // A new link names the same matrix only: Riverside's is refused on Northwind's request.
  HttpResult swap = Act(mine, {{"action", "reissue"}, {"document_id", riverside_doc}});
  EXPECT_EQ(swap.status, 422) << swap.body;
  EXPECT_TRUE(Has(swap.body, "document_id")) << swap.body;
  HttpResult file = Download("ann@northwindclinics.example");
  ASSERT_EQ(file.status, 200);
  EXPECT_TRUE(Has(file.body, "what Northwind Clinics inherits"));
  EXPECT_FALSE(Has(file.body, "Riverside"));

  // A partner's request for the matrix: the matrix is a customer's.
  std::string partner;
  json::value list = s().GetJson("/api/v1/parties?limit=500");
  for (const auto& v : list.at("items").as_array()) {
    if (v.at("kind") == "partner" && v.at("status") == "active") partner = Str(v.at("id"));
  }
  ASSERT_FALSE(partner.empty());
  HttpResult pnda =
      s().Post("/api/v1/parties/" + partner + "/agreements",
               json::serialize(json::object{
                   {"type", "nda"},
                   {"title", "Mutual NDA"},
                   {"status", "executed"},
                   {"effective_at", FormatRfc3339(SystemClock().Now() - std::chrono::days(10))},
                   {"expires_at", FormatRfc3339(SystemClock().Now() + std::chrono::days(300))}}));
  ASSERT_EQ(pnda.status, 201) << pnda.body;
  json::object from_partner = Ask("joe@partner.example", partner);
  ASSERT_EQ(Str(from_partner.at("status")), "in_progress") << json::serialize(from_partner);
  HttpResult refused = Act(from_partner, {{"action", "approve"}});
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_TRUE(Has(refused.body, "party_id")) << refused.body;
}

}  // namespace
}  // namespace accord::testing::report_request
