// Audit-report requests (issue 9, IN-4) end to end against a demo server that sends its email
// through a real exim4: a public request from a customer's domain, the NDA link read from the
// delivered email and accepted in the click-through page, the executed NDA agreement with its
// evidence, an officer's approval, the download link from the next email used up to its
// limit; an NDA in force skips the NDA, an expired one means a new one; unknown
// organisations wait for staff; rejections are emailed; the public answer never says whether
// an organisation exists. The form's own checks: report_request_form_test.cc.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/domain/report_requests.h"
#include "accord/storage/report_requests.h"
#include "http/report_request_test.h"
#include "support/api_server.h"
#include "support/smtp_server.h"

namespace accord::testing::report_request {
namespace {

std::string PdfBytes(std::string_view tag) {
  std::string pdf = "%PDF-1.7\n";
  pdf += tag;
  pdf += std::string("\x00\x01\xFF\xFE\n%%EOF\n", 11);
  return pdf;
}

class ReportRequestTest : public ::testing::Test {
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

  // The decoded body of the first delivered message to `to` whose subject has `subject`;
  // waits (bounded: the outbox is delivered every 5 seconds).
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

  json::object Request(const std::string& id) {
    return s().GetJson("/api/v1/report-requests/" + id).as_object();
  }
  // The newest request of this requester email.
  json::object RequestOf(const std::string& email) {
    json::value list = s().GetJson("/api/v1/report-requests?limit=500");
    for (const auto& v : list.at("items").as_array()) {
      if (v.at("requester").at("email") == email.c_str()) return v.as_object();
    }
    ADD_FAILURE() << "no request from " << email;
    return {};
  }
  std::string PartyId(const std::string& name) {
    json::value list = s().GetJson("/api/v1/parties?limit=500");
    for (const auto& v : list.at("items").as_array()) {
      if (v.at("name") == name.c_str()) return Str(v.at("id"));
    }
    ADD_FAILURE() << "no party " << name;
    return "";
  }
  HttpResult Act(const std::string& id, const json::object& body,
                 const std::string& role = "security_officer") {
    return s().Post("/api/v1/report-requests/" + id + "/actions", json::serialize(body), role);
  }
  HttpResult Form(const std::string& method, const std::string& target, const std::string& body,
                  const std::string& agent = "") {
    std::vector<std::pair<std::string, std::string>> headers = {
        {"Content-Type", "application/x-www-form-urlencoded"}};
    if (!agent.empty()) headers.emplace_back("User-Agent", agent);
    return HttpCall(s().port(), method, target, body, headers);
  }
  // An uploaded report on the demo's SOC 2 certification.
  std::string UploadReport(const std::string& tag) {
    std::string cert;
    json::value certs = s().GetJson("/api/v1/certifications?limit=50");
    for (const auto& v : certs.at("items").as_array()) {
      if (v.at("framework") == "soc2_type2") cert = Str(v.at("id"));
    }
    HttpResult up =
        HttpCall(s().port(), "POST",
                 "/api/v1/certifications/" + cert + "/documents?filename=soc2.pdf", PdfBytes(tag),
                 {{"Content-Type", "application/pdf"},
                  {"Authorization", "Bearer " + s().token("security_officer")}});
    EXPECT_EQ(up.status, 201) << up.body;
    if (up.status != 201) return "";
    std::string id = Str(json::parse(up.body).at("id"));
    // Listed under its certification, newest last.
    json::value docs = s().GetJson("/api/v1/certifications/" + cert + "/documents", "auditor");
    EXPECT_EQ(docs.at("items").as_array().back().at("id"), id.c_str());
    return id;
  }
  std::vector<std::string> Actions(const json::object& request) {
    std::vector<std::string> out;
    for (const auto& h : request.at("history").as_array()) out.push_back(Str(h.at("action")));
    return out;
  }
};
ApiServer* ReportRequestTest::server_ = nullptr;
SmtpTestServer* ReportRequestTest::smtp_ = nullptr;

TEST_F(ReportRequestTest, CustomerRequestGoesThroughTheNdaApprovalAndALimitedDownload) {
  const std::string email = "jane.roe@northwindclinics.example";
  HttpResult sent = HttpCall(s().port(), "POST", "/api/v1/public/report-requests",
                             json::serialize(json::object{{"name", "Jane Roe"},
                                                          {"email", email},
                                                          {"organisation", "Northwind"},
                                                          {"report_type", "soc2_type2"},
                                                          {"needed_by", "2027-01-15"}}),
                             {{"Content-Type", "application/json"}});
  ASSERT_EQ(sent.status, 202) << sent.body;
  EXPECT_FALSE(Has(sent.body, "rrq_")) << "the public answer names nothing";

  // Linked by the email's domain (the party's contact is security@northwindclinics.example).
  json::object r = RequestOf(email);
  std::string id = Str(r.at("id"));
  std::string party = PartyId("Northwind Clinics");
  EXPECT_EQ(r.at("party_id"), party.c_str());
  EXPECT_EQ(r.at("link").at("how"), "email_domain");
  EXPECT_EQ(r.at("status"), "nda_sent");

  // The NDA link arrives by email; the outbox does not show it to its readers.
  std::string body = WaitForMail(email, "Your request: please accept our NDA first");
  std::string token = LinkToken(body, "nda");
  ASSERT_GE(token.size(), 43u) << body;  // 256 bits in base64url
  EXPECT_TRUE(Has(body, "https://trust.luma.example/nda/" + token)) << body;
  HttpResult outbox = s().Get("/api/v1/outbox?limit=500&ref_id=" + id);
  ASSERT_EQ(outbox.status, 200);
  EXPECT_FALSE(Has(outbox.body, token));
  EXPECT_TRUE(Has(outbox.body, "\"confidential\":true")) << outbox.body;
  EXPECT_TRUE(Has(outbox.body, "\"status\":\"sent\"")) << outbox.body;

  // The page shows the exact text; a mail scanner's GET changes nothing.
  HttpResult page = HttpCall(s().port(), "GET", "/nda/" + token);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Has(page.body, "MUTUAL NON-DISCLOSURE AGREEMENT"));
  EXPECT_TRUE(Has(page.body, "value=\"Jane Roe\""));  // prefilled from the request
  EXPECT_TRUE(Has(page.Header("Content-Security-Policy"), "default-src 'none'"));
  EXPECT_EQ(page.Header("Cache-Control"), "no-store");
  EXPECT_EQ(Str(Request(id).at("status")), "nda_sent");

  // Bad input: the page again, the errors beside their fields, the values kept, nothing written.
  uint64_t before = s().LedgerSize();
  HttpResult bad = Form("POST", "/nda/" + token,
                        FormEncode({{"name", "Jane Roe"},
                                    {"email", "not-an-email"},
                                    {"organisation", "Northwind Clinics"}}));
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "id=\"email-error\"")) << bad.body;
  EXPECT_TRUE(Has(bad.body, "id=\"accept-error\"")) << bad.body;
  EXPECT_TRUE(Has(bad.body, "value=\"not-an-email\""));
  EXPECT_EQ(s().LedgerSize(), before);

  const std::string agent = "Mozilla/5.0 (X11; Linux x86_64) ReportRequestTest";
  HttpResult accepted = Form("POST", "/nda/" + token,
                             FormEncode({{"name", "Jane Q. Roe"},
                                         {"email", email},
                                         {"organisation", "Northwind Clinics"},
                                         {"accept", "yes"}}),
                             agent);
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_TRUE(Has(accepted.body, "Agreement accepted"));
  // Used: the link does not work twice.
  HttpResult again = HttpCall(s().port(), "GET", "/nda/" + token);
  EXPECT_TRUE(again.status == 404 || again.status == 410) << again.status;

  // The acceptance is an executed NDA on the party with its evidence.
  r = Request(id);
  EXPECT_EQ(r.at("status"), "in_progress");
  std::string agreement_id = Str(r.at("nda").at("agreement_id"));
  json::object nda = s().GetJson("/api/v1/agreements/" + agreement_id).as_object();
  EXPECT_EQ(nda.at("type"), "nda");
  EXPECT_EQ(nda.at("status"), "executed");
  EXPECT_EQ(nda.at("party_id"), party.c_str());
  const json::object& ct = nda.at("click_through").as_object();
  EXPECT_EQ(ct.at("name"), "Jane Q. Roe");
  EXPECT_EQ(ct.at("email"), email.c_str());
  EXPECT_EQ(ct.at("organisation"), "Northwind Clinics");
  EXPECT_EQ(ct.at("address"), "127.0.0.1");
  EXPECT_EQ(ct.at("user_agent"), agent.c_str());
  std::string text(domain::DefaultNdaText());
  EXPECT_EQ(ct.at("text_sha256"), HexEncode(Sha256(text)).c_str());
  HttpResult stored = s().Get("/api/v1/documents/" + Str(nda.at("document_id")) + "/content");
  ASSERT_EQ(stored.status, 200);
  EXPECT_EQ(stored.body, text) << "the exact text accepted is kept";
  auto accepted_at = ParseRfc3339(Str(ct.at("accepted_at")));
  auto expires_at = ParseRfc3339(Str(nda.at("expires_at")));
  ASSERT_TRUE(accepted_at.ok() && expires_at.ok());
  EXPECT_GT(*expires_at - *accepted_at, std::chrono::days(364));

  // Only an officer decides (IN-4). Without document_id the report is the newest document
  // of the current SOC 2 Type II certification: the one uploaded here.
  HttpResult staff_approves = Act(id, {{"action", "approve"}}, "staff");
  EXPECT_EQ(staff_approves.status, 403);
  EXPECT_TRUE(Has(staff_approves.body,
                  "only the Security Officer or the Privacy Officer decides on audit-report "
                  "requests (IN-4)"))
      << staff_approves.body;
  // Only our own reports go out, never a party's document (here: the NDA text itself).
  HttpResult party_doc =
      Act(id, {{"action", "approve"}, {"document_id", Str(nda.at("document_id"))}});
  EXPECT_EQ(party_doc.status, 422);
  EXPECT_TRUE(Has(party_doc.body, "certifications")) << party_doc.body;
  std::string report = UploadReport("luma soc2 2026");
  HttpResult approved = Act(id, {{"action", "approve"}, {"max_downloads", 2}}, "privacy_officer");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(json::parse(approved.body).at("status"), "approved");
  EXPECT_EQ(json::parse(approved.body).at("delivery").at("document_id"), report.c_str());

  body = WaitForMail(email, "Your requested report is ready");
  std::string download = LinkToken(body, "downloads");
  ASSERT_GE(download.size(), 43u) << body;
  EXPECT_FALSE(Has(body, "%PDF")) << "links only, never the report";
  HttpResult landing = HttpCall(s().port(), "GET", "/downloads/" + download);
  ASSERT_EQ(landing.status, 200) << landing.body;
  EXPECT_TRUE(Has(landing.body, "soc2.pdf"));
  EXPECT_EQ(Str(Request(id).at("status")), "approved") << "a GET downloads nothing";

  for (int i = 1; i <= 2; ++i) {
    HttpResult file = Form("POST", "/downloads/" + download, "", agent);
    ASSERT_EQ(file.status, 200) << file.body;
    EXPECT_EQ(file.body, PdfBytes("luma soc2 2026"));
    EXPECT_TRUE(Has(file.Header("Content-Disposition"), "attachment"));
  }
  HttpResult used_up = Form("POST", "/downloads/" + download, "", agent);
  EXPECT_EQ(used_up.status, 410);
  EXPECT_EQ(HttpCall(s().port(), "GET", "/downloads/" + download).status, 410);

  r = Request(id);
  EXPECT_EQ(r.at("status"), "completed");
  const json::array& downloads = r.at("delivery").at("downloads").as_array();
  ASSERT_EQ(downloads.size(), 2u);
  EXPECT_EQ(downloads[0].at("address"), "127.0.0.1");
  EXPECT_EQ(downloads[0].at("email"), email.c_str());
  EXPECT_EQ(Actions(r), (std::vector<std::string>{"submitted", "linked", "nda_sent", "nda_accepted",
                                                  "approved", "downloaded", "downloaded"}));
  // Every step is a ledger event: the last one is the second download.
  json::value entry =
      s().GetJson("/api/v1/ledger/entries/" + std::to_string(r.at("ledger_index").as_int64()));
  EXPECT_EQ(entry.at("event").at("type"), "report_request.downloaded");
  EXPECT_EQ(entry.at("event").at("payload").at("download").at("number"), 2);

  // A new link on request: the old one is gone for good.
  HttpResult reissued = Act(id, {{"action", "reissue"}, {"max_downloads", 1}});
  ASSERT_EQ(reissued.status, 200) << reissued.body;
  EXPECT_EQ(json::parse(reissued.body).at("status"), "approved");
  // A wrong approval is undone: cancelled, its links stop working.
  std::string second;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (second.empty() && std::chrono::steady_clock::now() < deadline) {
    for (const auto& m : smtp_->Messages()) {
      if (!Has(m, "Subject: Your requested report is ready")) continue;
      std::string t = LinkToken(DecodeQp(m), "downloads");
      if (t != download) second = t;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  ASSERT_FALSE(second.empty()) << "the reissued link arrives by email";
  EXPECT_EQ(HttpCall(s().port(), "GET", "/downloads/" + second).status, 200);
  HttpResult cancelled = Act(id, {{"action", "cancel"}, {"comment", "Sent to the wrong person"}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(HttpCall(s().port(), "GET", "/downloads/" + second).status, 404);
}

TEST_F(ReportRequestTest, AnNdaInForceSkipsTheNdaAndAnExpiredOneMeansANewOne) {
  // Summit: no NDA yet in the demo (Riverside has the demo's own).
  std::string summit = PartyId("Summit Orthopedics");
  std::string bayview = PartyId("Bayview Pediatrics");
  auto nda = [&](const std::string& party, int from_days, int until_days) {
    auto day = [](int d) {
      return FormatRfc3339(SystemClock().Now() + std::chrono::days(d)).substr(0, 10);
    };
    HttpResult r = s().Post("/api/v1/parties/" + party + "/agreements",
                            json::serialize(json::object{{"type", "nda"},
                                                         {"title", "Mutual NDA"},
                                                         {"status", "executed"},
                                                         {"effective_at", day(from_days)},
                                                         {"expires_at", day(until_days)}}));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Str(json::parse(r.body).at("id")) : "";
  };
  std::string in_force = nda(summit, -100, 265);
  nda(bayview, -400, -35);  // expired

  // Logged by staff for a customer who emailed; linked by hand.
  HttpResult a = s().Post("/api/v1/report-requests",
                          json::serialize(json::object{{"name", "Sam Lee"},
                                                       {"email", "sam@summit.example"},
                                                       {"organisation", "Summit"},
                                                       {"report_type", "iso27001"},
                                                       {"party_id", summit}}),
                          "staff");
  ASSERT_EQ(a.status, 201) << a.body;
  json::object ra = json::parse(a.body).as_object();
  EXPECT_EQ(ra.at("status"), "in_progress");
  EXPECT_EQ(ra.at("source"), "staff");
  EXPECT_EQ(ra.at("link").at("how"), "staff");
  EXPECT_EQ(ra.at("nda").at("agreement_id"), in_force.c_str());

  // Matched by the exact organisation name only (a gmail address proves nothing): linked as a
  // suggestion that staff confirm; its only NDA has expired, so then a new NDA goes out.
  HttpResult b = s().Post("/api/v1/report-requests",
                          json::serialize(json::object{{"name", "Ana Ruiz"},
                                                       {"email", "ana.ruiz@gmail.com"},
                                                       {"organisation", "bayview pediatrics"},
                                                       {"report_type", "soc2_type2"}}),
                          "staff");
  ASSERT_EQ(b.status, 201) << b.body;
  json::object rb = json::parse(b.body).as_object();
  EXPECT_EQ(rb.at("party_id"), bayview.c_str());
  EXPECT_EQ(rb.at("link").at("how"), "name");
  EXPECT_EQ(rb.at("status"), "received");
  HttpResult confirmed = Act(Str(rb.at("id")), {{"action", "link"}}, "staff");
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(json::parse(confirmed.body).at("status"), "nda_sent");
  EXPECT_EQ(json::parse(confirmed.body).at("link").at("how"), "staff");
  std::string mail = WaitForMail("ana.ruiz@gmail.com", "Your request: please accept our NDA first");
  EXPECT_FALSE(LinkToken(mail, "nda").empty()) << mail;

  // No ISO report has been uploaded: approving needs one named.
  std::string id = Str(ra.at("id"));
  HttpResult no_doc = Act(id, {{"action", "approve"}});
  EXPECT_EQ(no_doc.status, 422);
  EXPECT_TRUE(Has(no_doc.body, "document_id")) << no_doc.body;
  // The demo's request (Riverside, NDA in force) waits for a decision.
  EXPECT_EQ(RequestOf("dana.kim@riversidemedicalgroup.example").at("status"), "in_progress");

  // Rejected with a reason: the requester is told, the reason stays with us.
  EXPECT_EQ(Act(id, {{"action", "reject"}}).status, 422);
  EXPECT_EQ(Act(id, {{"action", "reject"}, {"comment", "x"}}, "staff").status, 403);
  HttpResult rejected =
      Act(id, {{"action", "reject"}, {"comment", "Not a customer of the ISO scope (internal)"}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(json::parse(rejected.body).at("status"), "rejected");
  EXPECT_EQ(json::parse(rejected.body).at("decision").at("reason"),
            "Not a customer of the ISO scope (internal)");
  mail = WaitForMail("sam@summit.example", "Your request was declined");
  EXPECT_FALSE(Has(mail, "internal")) << mail;
  // Final: nothing more happens to it.
  HttpResult late = Act(id, {{"action", "approve"}, {"document_id", "doc_x"}});
  EXPECT_EQ(late.status, 409);
  EXPECT_TRUE(Has(late.body, "rejected")) << late.body;
}

TEST_F(ReportRequestTest, UnknownOrganisationsWaitForStaffAndThePublicAnswerNeverTells) {
  auto submit = [&](const std::string& email, const std::string& org) {
    return HttpCall(s().port(), "POST", "/api/v1/public/report-requests",
                    json::serialize(json::object{{"name", "Lee Park"},
                                                 {"email", email},
                                                 {"organisation", org},
                                                 {"report_type", "penetration_test"}}),
                    {{"Content-Type", "application/json"}});
  };
  HttpResult unknown = submit("lee@nowhere-health.example", "Nowhere Health");
  HttpResult known = submit("ops@summitorthopedics.example", "Summit Orthopedics");
  ASSERT_EQ(unknown.status, 202);
  EXPECT_EQ(unknown.body, known.body) << "a known and an unknown organisation look the same";

  json::object r = RequestOf("lee@nowhere-health.example");
  std::string id = Str(r.at("id"));
  EXPECT_EQ(r.at("status"), "received");
  EXPECT_TRUE(r.at("party_id").is_null());
  EXPECT_TRUE(Has(Str(r.at("link").at("note")), "no customer or partner")) << r;
  // Asking again while it is open records nothing new.
  uint64_t before = s().LedgerSize();
  ASSERT_EQ(submit("lee@nowhere-health.example", "Nowhere Health").status, 202);
  EXPECT_EQ(s().LedgerSize(), before);

  // Staff link it by hand, only to a customer or partner.
  HttpResult vendor = Act(id, {{"action", "link"}, {"party_id", PartyId("Relay SMS")}}, "staff");
  EXPECT_EQ(vendor.status, 422);
  EXPECT_TRUE(Has(vendor.body, "customer or partner")) << vendor.body;
  HttpResult too_soon = Act(id, {{"action", "approve"}, {"document_id", "doc_x"}});
  EXPECT_EQ(too_soon.status, 409);
  EXPECT_TRUE(
      Has(too_soon.body, "is received: approve is not possible now (allowed: link, cancel)"))
      << too_soon.body;
  HttpResult linked =
      Act(id, {{"action", "link"}, {"party_id", PartyId("Lakeside Dental")}}, "staff");
  ASSERT_EQ(linked.status, 200) << linked.body;
  EXPECT_EQ(json::parse(linked.body).at("status"), "nda_sent");
  // A new NDA link replaces the first; the first stops working.
  std::string first = LinkToken(
      WaitForMail("lee@nowhere-health.example", "Your request: please accept our NDA first"),
      "nda");
  ASSERT_FALSE(first.empty());
  ASSERT_EQ(Act(id, {{"action", "send_nda"}}, "staff").status, 200);
  EXPECT_EQ(HttpCall(s().port(), "GET", "/nda/" + first).status, 404);
  // Cancelled with a reason; then no action is possible.
  EXPECT_EQ(Act(id, {{"action", "cancel"}}, "staff").status, 422);
  HttpResult cancelled =
      Act(id, {{"action", "cancel"}, {"comment", "Duplicate of an emailed request"}}, "staff");
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(json::parse(cancelled.body).at("status"), "cancelled");
  HttpResult after_cancel = Act(id, {{"action", "send_nda"}}, "staff");
  EXPECT_EQ(after_cancel.status, 409);
  EXPECT_TRUE(Has(after_cancel.body,
                  "is cancelled: send_nda is not possible now (allowed: none "
                  "(final))"))
      << after_cancel.body;
  // The auditor reads requests; a vendor's contact may not.
  EXPECT_EQ(s().Get("/api/v1/report-requests/" + id, "auditor").status, 200);
  EXPECT_EQ(s().Get("/api/v1/report-requests/" + id, "third_party_contact").status, 403);
}

TEST(ReportRequestRulesTest, DomainsOfEmailsAndWebsites) {
  EXPECT_EQ(domain::EmailDomain("Jane@NorthWind.Example"), "northwind.example");
  EXPECT_EQ(domain::EmailDomain("nobody"), "");
  EXPECT_TRUE(domain::IsPublicMailDomain("gmail.com"));
  EXPECT_FALSE(domain::IsPublicMailDomain("northwind.example"));
  EXPECT_EQ(domain::WebsiteDomain("https://www.Acme.example/about?x=1"), "acme.example");
  EXPECT_EQ(domain::WebsiteDomain("acme.example:8443"), "acme.example");
  EXPECT_EQ(domain::WebsiteDomain("http://user@acme.example/"), "acme.example");
  EXPECT_TRUE(domain::IsPublicMailDomain("hotmail.co.uk"));
  EXPECT_TRUE(domain::IsPublicMailDomain("web.de"));
  EXPECT_FALSE(domain::IsPublicMailDomain("livewell.example"));
}

TEST(ReportRequestRulesTest, UnsafeTextAndClientKeys) {
  EXPECT_FALSE(domain::HasUnsafeText("Jane Roe, Ärztehaus Nord\nline two\ttab"));
  EXPECT_TRUE(domain::HasUnsafeText("evil\xE2\x80\xAEgpj.exe"));  // U+202E
  EXPECT_TRUE(
      domain::HasUnsafeText("a\xE2\x81\xA6"
                            "b"));  // U+2066
  EXPECT_TRUE(
      domain::HasUnsafeText("a\xE2\x80\xA8"
                            "b"));  // U+2028
  EXPECT_TRUE(
      domain::HasUnsafeText("a\xC2\x85"
                            "b"));  // U+0085 (C1)
  EXPECT_TRUE(domain::HasUnsafeText(std::string("a\0b", 3)));
  EXPECT_FALSE(domain::HasUnsafeText("\xE2\x80\x94 em dash"));  // U+2014 is fine
  EXPECT_EQ(storage::ClientKey("203.0.113.9"), "addr:203.0.113.9");
  EXPECT_EQ(storage::ClientKey("::ffff:203.0.113.9"), "addr:203.0.113.9");
  // Every address of one IPv6 /64 counts as one client.
  EXPECT_EQ(storage::ClientKey("2001:db8:1:2::1"), storage::ClientKey("2001:db8:1:2:ffff::9"));
  EXPECT_NE(storage::ClientKey("2001:db8:1:2::1"), storage::ClientKey("2001:db8:1:3::1"));
}

}  // namespace
}  // namespace accord::testing::report_request
