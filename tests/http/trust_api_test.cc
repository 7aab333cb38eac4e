// The public trust center (issue 9) against a running demo server: no sign-in, only what is
// published (certifications valid today, active public subprocessors, their published
// fields), the Atom feed of the list's changes parsed with a real XML parser, RFC 9116
// security.txt, and changes in the registry showing within the cache's few seconds.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <chrono>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "accord/core/clock.h"
#include "accord/core/time.h"
#include "support/api_server.h"

namespace accord::testing {
namespace {

namespace json = boost::json;
namespace pt = boost::property_tree;

std::string Str(const json::value& v) { return std::string(v.as_string()); }

class TrustApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ApiServer({"--public-url", "https://trust.luma.example"});
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ApiServer* server_;
  ApiServer& s() { return *server_; }

  HttpResult Public(const std::string& target) { return HttpCall(s().port(), "GET", target); }
  json::object PublicJson(const std::string& target) {
    HttpResult r = Public(target);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    return r.status == 200 ? json::parse(r.body).as_object() : json::object{};
  }
  json::object Create(const std::string& target, const json::object& body) {
    HttpResult r = s().Post(target, json::serialize(body));
    EXPECT_EQ(r.status, 201) << target << ": " << r.body;
    return r.status == 201 ? json::parse(r.body).as_object() : json::object{};
  }
  void Patch(const std::string& target, const json::object& body) {
    HttpResult r = s().Call("PATCH", target, json::serialize(body));
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
  }
  // Waits (bounded) until `pred` holds for a public read. The cache serves an answer only
  // while the ledger has not grown, so a registry change shows on the first read; the bound
  // is for a slow machine, not for the cache.
  template <typename Pred>
  bool Eventually(const std::string& target, Pred pred) {
    for (int i = 0; i < 80; ++i) {
      HttpResult r = Public(target);
      if (r.status == 200 && pred(r.body)) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }
  // The titles of the Atom feed's entries that name `who`, newest first, once there are n
  // (the feed is read by a real XML parser).
  std::vector<std::string> FeedTitles(const std::string& who, size_t n) {
    std::vector<std::string> titles;
    EXPECT_TRUE(Eventually("/trust/subprocessors.atom", [&](const std::string& body) {
      std::istringstream in(body);
      pt::ptree tree;
      pt::read_xml(in, tree);
      titles.clear();
      for (const auto& [tag, node] : tree.get_child("feed")) {
        if (tag != "entry") continue;
        std::string title = node.get<std::string>("title");
        if (title.find(who) != std::string::npos) titles.push_back(title);
        EXPECT_TRUE(ParseRfc3339(node.get<std::string>("updated")).ok());
      }
      return titles.size() == n;
    })) << who;
    return titles;
  }
  static std::set<std::string> Names(const json::array& items) {
    std::set<std::string> out;
    for (const auto& v : items) out.insert(Str(v.at("name")));
    return out;
  }
};
ApiServer* TrustApiTest::server_ = nullptr;

TEST_F(TrustApiTest, PublishesOnlyValidCertificationsAndPublicActiveSubprocessors) {
  json::object t = PublicJson("/api/v1/public/trust");
  EXPECT_EQ(t.at("organisation"), "Luma Health (demo)");
  // The demo's lapsed HITRUST certificate has disappeared by itself.
  EXPECT_EQ(Names(t.at("certifications").as_array()),
            (std::set<std::string>{"SOC 2 Type II", "ISO/IEC 27001:2022"}));
  for (const auto& c : t.at("certifications").as_array()) {
    for (const auto& [key, _] : c.as_object()) {
      EXPECT_TRUE((std::set<std::string>{"name", "framework", "issuer", "scope", "valid_from",
                                         "valid_until"})
                      .contains(key))
          << key;
    }
  }
  // Exactly the active parties flagged public, with their published fields only.
  std::set<std::string> expected;
  std::string cursor;
  for (int page = 0; page < 20; ++page) {
    json::value v =
        s().GetJson("/api/v1/parties?limit=500" + (cursor.empty() ? "" : "&cursor=" + cursor));
    for (const auto& p : v.at("items").as_array()) {
      const json::object& o = p.as_object();
      bool flagged = o.contains("public_subprocessor") && o.at("public_subprocessor").is_bool() &&
                     o.at("public_subprocessor").as_bool();
      if (flagged && o.at("status") == "active") expected.insert(Str(o.at("name")));
    }
    if (v.at("next_cursor").is_null()) break;
    cursor = Str(v.at("next_cursor"));
  }
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(Names(t.at("subprocessors").as_array()), expected);
  for (const auto& p : t.at("subprocessors").as_array()) {
    // name, purpose, location and what its agreements bind it to
    EXPECT_EQ(p.as_object().size(), 4u) << json::serialize(p);
  }
  json::object list = PublicJson("/api/v1/public/subprocessors");
  EXPECT_EQ(Names(list.at("items").as_array()), expected);

  // The page says the same, cacheable, with a policy that runs no script at all.
  HttpResult page = Public("/trust");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.Header("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(page.body.find("SOC 2 Type II"), std::string::npos);
  EXPECT_EQ(page.body.find("HITRUST"), std::string::npos);
  for (const auto& name : expected) {
    EXPECT_NE(page.body.find(name), std::string::npos) << name;
  }
  EXPECT_NE(page.body.find("mailto:security@luma.example"), std::string::npos);
  EXPECT_EQ(page.Header("Cache-Control"), "public, max-age=5");
  std::string csp = page.Header("Content-Security-Policy");
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("style-src 'sha256-"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("unsafe"), std::string::npos) << csp;
  EXPECT_EQ(Public("/trust/subprocessors").status, 200);
}

TEST_F(TrustApiTest, SecurityTxtFollowsRfc9116) {
  HttpResult r = Public("/.well-known/security.txt");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.Header("Content-Type").find("text/plain"), std::string::npos);
  std::map<std::string, std::string> fields;
  std::istringstream lines(r.body);
  std::string line;
  while (std::getline(lines, line)) {
    auto colon = line.find(": ");
    ASSERT_NE(colon, std::string::npos) << line;
    fields[line.substr(0, colon)] = line.substr(colon + 2);
  }
  EXPECT_EQ(fields["Contact"], "mailto:security@luma.example");
  EXPECT_EQ(fields["Canonical"], "https://trust.luma.example/.well-known/security.txt");
  auto expires = ParseRfc3339(fields["Expires"]);
  ASSERT_TRUE(expires.ok()) << fields["Expires"];
  TimePoint now = SystemClock().Now();
  EXPECT_GT(*expires, now + std::chrono::days(30));
  EXPECT_LT(*expires, now + std::chrono::days(365));  // "less than a year" (RFC 9116 2.5.5)
}

TEST_F(TrustApiTest, ListChangesShowWithinSecondsAndInTheAtomFeed) {
  json::object p = Create("/api/v1/parties", {{"name", "Quokka Analytics"},
                                              {"kind", "subcontractor"},
                                              {"public_subprocessor", true},
                                              {"purpose", "Product analytics <beta>"},
                                              {"location", "European Union"}});
  std::string id = Str(p.at("id"));
  // Not listed before it is active.
  EXPECT_EQ(Public("/api/v1/public/subprocessors").body.find("Quokka"), std::string::npos);
  auto listed = [](const std::string& body, const char* list) {
    return Names(json::parse(body).at(list).as_array()).contains("Quokka Analytics");
  };
  // Onboarding: announced as planned before it processes anything.
  Patch("/api/v1/parties/" + id, {{"status", "onboarding"}});
  EXPECT_TRUE(Eventually("/api/v1/public/subprocessors", [&](const std::string& body) {
    return listed(body, "planned") && !listed(body, "items");
  }));
  EXPECT_TRUE(Eventually("/trust", [](const std::string& body) {
    return body.find("Planned") != std::string::npos &&
           body.find("Quokka Analytics") != std::string::npos;
  }));
  Patch("/api/v1/parties/" + id, {{"status", "active"}});
  EXPECT_TRUE(Eventually("/api/v1/public/subprocessors", [&](const std::string& body) {
    return listed(body, "items") && !listed(body, "planned");
  }));
  Patch("/api/v1/parties/" + id, {{"location", "United States"}});
  Patch("/api/v1/parties/" + id, {{"status", "offboarded"}});
  EXPECT_TRUE(Eventually("/api/v1/public/subprocessors", [](const std::string& body) {
    return body.find("Quokka Analytics") == std::string::npos;
  }));

  // The feed, read by an XML parser: planned, added, changed, removed, newest first.
  std::vector<std::string> titles = FeedTitles("Quokka", 4);
  EXPECT_EQ(titles,
            (std::vector<std::string>{"Quokka Analytics removed", "Quokka Analytics changed",
                                      "Quokka Analytics added", "Quokka Analytics planned"}));
  HttpResult feed = Public("/trust/subprocessors.atom");
  EXPECT_NE(feed.Header("Content-Type").find("application/atom+xml"), std::string::npos);
  EXPECT_NE(feed.body.find("Product analytics &lt;beta&gt;"), std::string::npos);
}

TEST_F(TrustApiTest, APlannedSubprocessorDroppedBeforeItStartsIsRemovedFromTheFeed) {
  json::object p = Create("/api/v1/parties", {{"name", "Numbat Mail"},
                                              {"kind", "subcontractor"},
                                              {"public_subprocessor", true},
                                              {"purpose", "Newsletters"}});
  std::string id = Str(p.at("id"));
  Patch("/api/v1/parties/" + id, {{"status", "onboarding"}});
  Patch("/api/v1/parties/" + id, {{"status", "offboarded"}});
  EXPECT_EQ(FeedTitles("Numbat", 2),
            (std::vector<std::string>{"Numbat Mail removed", "Numbat Mail planned"}));
}

TEST_F(TrustApiTest, CertificationsAreOfficersWorkAndPublishedOnlyWhileValid) {
  TimePoint now = SystemClock().Now();
  json::object body{{"name", "DPF self-certification"},
                    {"framework", "dpf"},
                    {"issuer", "U.S. Department of Commerce"},
                    {"valid_from", FormatRfc3339(now - std::chrono::days(10))},
                    {"valid_until", FormatRfc3339(now + std::chrono::days(355))}};
  json::object hidden = body;
  hidden["name"] = "Internal pen-test letter";
  hidden["framework"] = "other";
  hidden["public"] = false;
  Create("/api/v1/certifications", body);
  Create("/api/v1/certifications", hidden);
  EXPECT_TRUE(Eventually("/api/v1/public/trust", [](const std::string& b) {
    return b.find("DPF self-certification") != std::string::npos;
  }));
  EXPECT_EQ(Public("/api/v1/public/trust").body.find("pen-test"), std::string::npos);

  json::object backwards = body;
  backwards["valid_until"] = FormatRfc3339(now - std::chrono::days(20));
  HttpResult bad = s().Post("/api/v1/certifications", json::serialize(backwards));
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(json::parse(bad.body).at("error").at("details").at(0).at("field"), "valid_until");
  // Officers write them; a party's contact does not even read them.
  EXPECT_EQ(s().Post("/api/v1/certifications", json::serialize(body), "staff").status, 403);
  EXPECT_EQ(s().Get("/api/v1/certifications", "third_party_contact").status, 403);
  EXPECT_EQ(s().Get("/api/v1/certifications", "auditor").status, 200);
}

}  // namespace
}  // namespace accord::testing
