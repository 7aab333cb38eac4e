// The status page and vendor SLA monitoring against a running demo server (issue 27): officers
// configure components, the server's own runner probes them, /status and every /api/v2/*.json
// answer in the Statuspage format (checked against the recorded samples' fields and read back
// by the same reader that reads vendors), and a vendor's feed on a local provider is polled:
// an incident opens a finding, misbehaving feeds are recorded errors, a late response pushed
// by an integration token opens an SLA finding.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <set>
#include <string>
#include <thread>

#include "accord/core/clock.h"
#include "accord/core/otp.h"
#include "accord/core/time.h"
#include "accord/domain/statuspage.h"
#include "support/api_server.h"
#include "support/status_provider.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

std::string Str(const json::value& v) { return std::string(v.as_string()); }

TimePoint Now() {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

std::set<std::string> Keys(const json::value& v) {
  std::set<std::string> out;
  for (const auto& [k, x] : v.as_object()) out.insert(std::string(k));
  return out;
}

class StatusApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ApiServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ApiServer* server_;
  ApiServer& s() { return *server_; }

  json::object Created(const std::string& target, const json::object& body,
                       const std::string& role = "security_officer") {
    HttpResult r = s().Post(target, json::serialize(body), role);
    EXPECT_EQ(r.status, 201) << target << ": " << r.body;
    return r.status == 201 ? json::parse(r.body).as_object() : json::object{};
  }
  json::object Public(const std::string& target) {
    HttpResult r = HttpCall(s().port(), "GET", target);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    return r.status == 200 ? json::parse(r.body).as_object() : json::object{};
  }
  // Waits (bounded: 20 s) for the server's runner, which probes and polls once a second on the
  // real clock.
  template <typename Pred>
  bool Eventually(Pred pred) {
    for (int i = 0; i < 100; ++i) {
      if (pred()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return false;
  }
  std::string Healthz() { return "http://127.0.0.1:" + std::to_string(s().port()) + "/healthz"; }
};

ApiServer* StatusApiTest::server_ = nullptr;

TEST_F(StatusApiTest, OfficersConfigureComponentsAndTheRunnerProbesThem) {
  json::object body{
      {"name", "Statusapi API"},
      {"group", "Statusapi platform"},
      {"probe",
       json::object{
           {"kind", "http"}, {"target", Healthz()}, {"interval_s", 30}, {"timeout_ms", 2000}}}};
  EXPECT_EQ(s().Post("/api/v1/status/components", json::serialize(body), "staff").status, 403);
  json::object bad = body;
  bad["probe"].as_object()["target"] = "ftp://example.org/";
  HttpResult refused = s().Post("/api/v1/status/components", json::serialize(bad));
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("probe.target"), std::string::npos);
  json::object c = Created("/api/v1/status/components", body);
  std::string id = Str(c.at("id"));
  EXPECT_TRUE(Eventually([&] {
    json::value up = s().GetJson("/api/v1/status/components/" + id + "/uptime", "staff");
    const json::array& days = up.at("days").as_array();
    return !days.empty() && days.back().at("sampled_minutes").as_int64() > 0;
  }));
  json::value list = s().GetJson("/api/v1/status/components", "auditor");
  bool found = false;
  for (const auto& item : list.at("items").as_array()) {
    if (Str(item.at("id")) != id) continue;
    found = true;
    EXPECT_EQ(Str(item.at("status")), "operational");
    EXPECT_EQ(item.at("attainment").as_array().size(), 2u);
  }
  EXPECT_TRUE(found);
  // A status set by hand is public at once (the cache follows the ledger).
  HttpResult set = s().Post("/api/v1/status/components/" + id + "/status",
                            R"({"status": "partial_outage", "reason": "load balancer drill"})");
  ASSERT_EQ(set.status, 200) << set.body;
  json::object status = Public("/api/v2/status.json");
  EXPECT_EQ(Str(status.at("status").at("indicator")), "minor");
  HttpResult page = HttpCall(s().port(), "GET", "/status");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Statusapi API"), std::string::npos);
  EXPECT_NE(page.body.find("Partial outage"), std::string::npos);
  // The demo's resolved incident is the page's history (TR-8, incident_api_test.cc).
  EXPECT_NE(page.body.find("Appointment reminders by text message delayed"), std::string::npos);
  EXPECT_NE(page.body.find("name=\"topics\" value=\"status\""), std::string::npos);
  s().Post("/api/v1/status/components/" + id + "/status",
           R"({"status": "operational", "reason": "drill over"})");
}

TEST_F(StatusApiTest, TheV2DocumentsHaveTheRecordedSamplesFieldsAndReadBack) {
  Created("/api/v1/status/components",
          {{"name", "Statusapi website"}, {"probe", json::object{{"kind", "none"}}}});
  json::object m = Created("/api/v1/status/maintenances",
                           {{"name", "Statusapi database upgrade"},
                            {"body", "Ten minutes of read-only mode."},
                            {"scheduled_for", FormatRfc3339(Now() + std::chrono::hours(24))},
                            {"scheduled_until", FormatRfc3339(Now() + std::chrono::hours(25))}});
  EXPECT_EQ(Str(m.at("status")), "scheduled");
  json::value sample = json::parse(StatuspageSample("summary-incident.json"));
  json::object summary = Public("/api/v2/summary.json");
  EXPECT_EQ(Keys(summary), Keys(sample));
  EXPECT_EQ(Keys(summary.at("page")), Keys(sample.at("page")));
  EXPECT_EQ(Keys(summary.at("status")), Keys(sample.at("status")));
  const json::array& components = summary.at("components").as_array();
  ASSERT_FALSE(components.empty());
  const auto sample_keys = Keys(sample.at("components").as_array()[0]);
  bool saw_group = false;
  for (const auto& c : components) {
    std::set<std::string> keys = Keys(c);
    if (c.at("group").as_bool()) {
      saw_group = true;
      keys.erase("components");  // a group lists its children, as Statuspage's groups do
    }
    EXPECT_EQ(keys, sample_keys) << json::serialize(c);
  }
  EXPECT_TRUE(saw_group);
  // A maintenance is an incident with its schedule.
  const json::array& maintenances = summary.at("scheduled_maintenances").as_array();
  ASSERT_FALSE(maintenances.empty());
  std::set<std::string> incident_keys = Keys(sample.at("incidents").as_array()[0]);
  incident_keys.insert("scheduled_for");
  incident_keys.insert("scheduled_until");
  EXPECT_EQ(Keys(maintenances[0]), incident_keys);
  const json::value& update = maintenances[0].at("incident_updates").as_array()[0];
  EXPECT_EQ(Keys(update),
            Keys(sample.at("incidents").as_array()[0].at("incident_updates").as_array()[0]));
  for (const char* path :
       {"/api/v2/status.json", "/api/v2/components.json", "/api/v2/incidents.json",
        "/api/v2/incidents/unresolved.json", "/api/v2/scheduled-maintenances.json",
        "/api/v2/scheduled-maintenances/upcoming.json",
        "/api/v2/scheduled-maintenances/active.json"}) {
    HttpResult r = HttpCall(s().port(), "GET", path);
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_TRUE(Keys(json::parse(r.body)).contains("page")) << path;
    auto feed = domain::ParseStatusFeed(r.body);
    EXPECT_TRUE(feed.ok()) << path << ": " << feed.error().ToString();
  }
  EXPECT_EQ(Keys(Public("/api/v2/components.json")),
            Keys(json::parse(StatuspageSample("components.json"))));
  EXPECT_EQ(Keys(Public("/api/v2/status.json")),
            Keys(json::parse(StatuspageSample("status.json"))));
  // The demo's resolved incident (TR-8): Statuspage's incident fields, and not unresolved.
  json::array incidents = Public("/api/v2/incidents.json").at("incidents").as_array();
  ASSERT_FALSE(incidents.empty());
  EXPECT_EQ(Keys(incidents[0]), Keys(sample.at("incidents").as_array()[0]));
  EXPECT_EQ(Keys(incidents[0].at("incident_updates").as_array()[0]),
            Keys(sample.at("incidents").as_array()[0].at("incident_updates").as_array()[0]));
  EXPECT_TRUE(Public("/api/v2/incidents/unresolved.json").at("incidents").as_array().empty());
  EXPECT_TRUE(Public("/api/v2/scheduled-maintenances/active.json")
                  .at("scheduled_maintenances")
                  .as_array()
                  .empty());
  auto feed = domain::ParseStatusFeed(json::serialize(summary));
  ASSERT_TRUE(feed.ok());
  EXPECT_EQ(feed->components.size(), components.size());
  EXPECT_EQ(feed->maintenances.size(), maintenances.size());
}

class VendorSlaApiTest : public StatusApiTest {
 protected:
  std::string Subcontractor(const std::string& name) {
    std::string id = Str(Created("/api/v1/parties",
                                 {{"name", name}, {"kind", "subcontractor"}, {"status", "active"}})
                             .at("id"));
    auto now = Now();
    Created("/api/v1/parties/" + id + "/agreements",
            {{"type", "sla"},
             {"title", "Service level agreement"},
             {"status", "executed"},
             {"effective_at", FormatRfc3339(now - std::chrono::hours(24 * 400))},
             {"expires_at", FormatRfc3339(now + std::chrono::hours(24 * 300))},
             {"sla", json::object{{"liability", true},
                                  {"service_definitions", true},
                                  {"security_controls", true},
                                  {"service_management", true},
                                  {"uptime_percent", 99.9},
                                  {"response_hours", 1},
                                  {"resolution_hours", 8}}}});
    return id;
  }
  json::value Sla(const std::string& party) {
    return s().GetJson("/api/v1/parties/" + party + "/sla");
  }
  void Feed(const std::string& party, const std::string& url) {
    HttpResult r = s().Call("PUT", "/api/v1/parties/" + party + "/status-feed",
                            json::serialize(json::object{{"url", url}, {"interval_s", 60}}));
    ASSERT_EQ(r.status, 200) << r.body;
  }
  // An integration token is made from a signed-in portal session: the Security Officer signs
  // in with the demo password and enrols TOTP (codes from the real clock: the server runs on
  // it), then makes the token.
  HttpResult MakeIntegrationToken(const json::object& body) {
    std::string cookie, csrf;
    auto step = [&](const std::string& target, const json::object& b) {
      std::vector<std::pair<std::string, std::string>> headers = {
          {"Content-Type", "application/json"}};
      if (!cookie.empty()) headers.emplace_back("Cookie", cookie);
      if (!csrf.empty()) headers.emplace_back("X-CSRF-Token", csrf);
      HttpResult r = HttpCall(s().port(), "POST", target, json::serialize(b), headers);
      if (std::string set = r.Header("Set-Cookie"); !set.empty())
        cookie = set.substr(0, set.find(';'));
      if (r.status == 200) {
        json::object out = json::parse(r.body).as_object();
        if (out.contains("csrf_token")) csrf = Str(out.at("csrf_token"));
      }
      return r;
    };
    step("/api/v1/auth/sign-in", {{"email", s().email("security_officer")},
                                  {"password", s().password("security_officer")}});
    HttpResult enrol = step("/api/v1/auth/mfa/enrol", {});
    EXPECT_EQ(enrol.status, 200) << enrol.body;
    auto secret = Base32Decode(Str(json::parse(enrol.body).at("secret")));
    EXPECT_TRUE(secret.ok());
    step("/api/v1/auth/mfa/confirm", {{"code", Totp(*secret, SystemClock().Now())}});
    return step("/api/v1/integration-tokens", body);
  }
  std::string LastError(const std::string& party) {
    json::value v = Sla(party);
    return v.at("feed").is_null() ? "" : Str(v.at("feed").at("last_error"));
  }
};

TEST_F(VendorSlaApiTest, AVendorIncidentOpensAFindingAndBadFeedsAreRecordedErrors) {
  StatusProvider provider;
  provider.Set("/api/v2/summary.json", StatuspageSample("summary-incident.json"));
  std::string party = Subcontractor("Slatest Cursor");
  Feed(party, provider.base() + "/api/v2/summary.json");
  ASSERT_TRUE(Eventually([&] { return Sla(party).at("incidents").as_array().size() == 1; }));
  json::value sla = Sla(party);
  EXPECT_EQ(Str(sla.at("feed").at("indicator")), "minor");
  EXPECT_EQ(Str(sla.at("feed").at("last_error")), "");
  std::string finding = Str(sla.at("incidents").as_array()[0].at("finding_id"));
  json::value f = s().GetJson("/api/v1/findings/" + finding);
  EXPECT_EQ(Str(f.at("source").at("kind")), "vendor_incident");
  EXPECT_EQ(Str(f.at("party_id")), party);
  // Each misbehaving provider ends as the feed's recorded error; the server carries on.
  SilentServer silent;
  struct Bad {
    std::string url, error;
  } bad[] = {{provider.base() + "/html", "answered 502 (text/html)"},
             {provider.base() + "/malformed", "not a Statuspage feed: feed: is not JSON"},
             {provider.base() + "/big", "the answer is larger than 1048576 bytes"},
             {provider.base() + "/loop", "too many redirects"},
             {"http://127.0.0.1:" + std::to_string(silent.port()) + "/", "no answer within"}};
  for (const auto& b : bad) {
    Feed(party, b.url);
    EXPECT_TRUE(Eventually([&] { return LastError(party).starts_with(b.error); }))
        << b.url << ": " << LastError(party);
  }
  EXPECT_EQ(HttpCall(s().port(), "GET", "/readyz").status, 200);
  // Accord's own feed, read by the same poller.
  Feed(party, "http://127.0.0.1:" + std::to_string(s().port()) + "/api/v2/summary.json");
  EXPECT_TRUE(Eventually([&] {
    json::value v = Sla(party);
    return Str(v.at("feed").at("last_error")).empty() && !v.at("feed").at("last_ok_at").is_null() &&
           Str(v.at("feed").at("url")).ends_with("/api/v2/summary.json") &&
           Str(v.at("feed").at("url")).find(std::to_string(s().port())) != std::string::npos;
  })) << LastError(party);
}

TEST_F(VendorSlaApiTest, PushedMeasurementsMissingATermOpenOneFinding) {
  std::string party = Subcontractor("Slatest Pusher");
  std::string other = Subcontractor("Slatest Other");
  HttpResult token = MakeIntegrationToken({{"name", "sla feed"},
                                           {"scopes", json::array{"sla_measurements:write"}},
                                           {"party_id", party}});
  ASSERT_EQ(token.status, 201) << token.body;
  std::string secret = Str(json::parse(token.body).at("token"));
  std::string at = FormatRfc3339(Now());
  std::string body = json::serialize(json::object{
      {"items", json::array{json::object{
                    {"metric", "response_hours"}, {"at", at}, {"value", 3.5}, {"ref", "INC-1"}}}}});
  auto push = [&](const std::string& target, const std::string& b) {
    return HttpCall(s().port(), "POST", target, b,
                    {{"Authorization", "Bearer " + secret}, {"Content-Type", "application/json"}});
  };
  EXPECT_EQ(push("/api/v1/parties/" + other + "/sla-measurements", body).status, 404);
  HttpResult bad = push("/api/v1/parties/" + party + "/sla-measurements",
                        R"({"items": [{"metric": "uptime_percent", "at": "x", "value": 101}]})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("items[0].at"), std::string::npos);
  HttpResult ok = push("/api/v1/parties/" + party + "/sla-measurements", body);
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(json::parse(ok.body).at("findings_opened").as_int64(), 1);
  HttpResult again = push("/api/v1/parties/" + party + "/sla-measurements", body);
  EXPECT_EQ(json::parse(again.body).at("findings_opened").as_int64(), 0);  // once per period
  json::value sla = Sla(party);
  const json::value& month = sla.at("periods").as_array()[0];
  EXPECT_EQ(month.at("worst_response_hours").as_double(), 3.5);
  EXPECT_FALSE(month.at("met").at("response").as_bool());
  EXPECT_DOUBLE_EQ(sla.at("terms").at("response_hours").to_number<double>(), 1.0);
  json::value findings = s().GetJson("/api/v1/findings?source=vendor_sla");
  bool found = false;
  for (const auto& f : findings.at("items").as_array()) {
    found = found || Str(f.at("party_id")) == party;
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace accord::testing
