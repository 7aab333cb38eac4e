// TP-5 over the API: systems declare their access endpoints (validated, plaintext marked), a
// grant naming a plaintext endpoint is denied, and our systems record the connections a third
// party made with an integration token; a weak connection opens one finding, not one per
// connection. A party's contact records nothing and sees only its own party's connections.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "http/identity_test.h"

namespace accord::http::identity_test {
namespace {

class ConnectionApiTest : public IdentityTest {
 protected:
  void SetUp() override {
    AddUser("sam@luma.example", "security_officer");
    so_ = SignInAndEnrol("sam@luma.example");
  }
  Reply_ As(const std::string& method, const std::string& target, const json::value& body = {}) {
    return Call(method, target, body.is_null() ? "" : json::serialize(body),
                Cookie(so_.secret, so_.csrf));
  }
  static std::vector<Header> Bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
  }
  static std::string FirstField(const Reply_& r) {
    const json::value* e = r.body.if_contains("error");
    if (!e || e->at("details").as_array().empty()) return "";
    return std::string(e->at("details").as_array().at(0).at("field").as_string());
  }
  std::string Id(const Reply_& r) {
    EXPECT_EQ(r.status, 201) << json::serialize(r.body);
    return r.status == 201 ? std::string(r.body.at("id").as_string()) : "";
  }

  json::object Exchange() {
    return {
        {"name", "Claims file exchange"},
        {"environment", "staging"},
        {"contains_ephi", false},
        {"owner", "Integrations"},
        {"endpoints",
         json::array{
             json::object{
                 {"name", "portal"}, {"url", "https://files.example.com/"}, {"protocol", "https"}},
             json::object{
                 {"name", "sftp"}, {"url", "sftp://sftp.example.com:22"}, {"protocol", "sftp"}},
             json::object{
                 {"name", "legacy-ftp"}, {"url", "ftp.example.com:21"}, {"protocol", "ftp"}}}}};
  }

  // A party with a contact, and a grant request on the exchange naming `endpoints`.
  struct PartyGrant {
    std::string party, contact, grant;
    json::object grant_view;
  };
  PartyGrant Request(const std::string& name, const std::string& system, json::array endpoints) {
    PartyGrant out;
    out.party = Id(As(
        "POST", "/api/v1/parties",
        json::object{{"name", name}, {"kind", "contracted_developer"}, {"status", "onboarding"}}));
    out.contact =
        Id(As("POST", "/api/v1/parties/" + out.party + "/contacts",
              json::object{{"name", name + " desk"}, {"email", "desk@" + name + ".example"}}));
    TimePoint now = f_.clock().Now();
    Reply_ g = As("POST", "/api/v1/access/grants",
                  json::object{{"party_id", out.party},
                               {"contact_id", out.contact},
                               {"start_at", FormatRfc3339(now)},
                               {"end_at", FormatRfc3339(now + std::chrono::days(10))},
                               {"lines", json::array{json::object{{"system_id", system},
                                                                  {"permission", "read"},
                                                                  {"justification", "files"},
                                                                  {"endpoints", endpoints}}}}});
    out.grant = Id(g);
    out.grant_view = g.body;
    return out;
  }
  std::string Token(const json::array& scopes) {
    Reply_ made = As("POST", "/api/v1/integration-tokens",
                     json::object{{"name", "file exchange monitor"}, {"scopes", scopes}});
    EXPECT_EQ(made.status, 201) << json::serialize(made.body);
    return made.status == 201 ? std::string(made.body["token"].as_string()) : "";
  }
  Reply_ Record(const std::string& token, const std::string& grant, json::object body) {
    return Call("POST", "/api/v1/access/grants/" + grant + "/connections", json::serialize(body),
                Bearer(token));
  }
  json::object Seen(const std::string& system, const char* endpoint, const char* tls = "") {
    json::object b{{"system_id", system},
                   {"endpoint", endpoint},
                   {"connected_at", FormatRfc3339(f_.clock().Now())},
                   {"source_address", "198.51.100.7"}};
    if (*tls) b["tls_version"] = tls;
    return b;
  }
  json::array Findings(const std::string& party) {
    Reply_ r = As("GET", "/api/v1/findings?limit=500&party_id=" + party);
    EXPECT_EQ(r.status, 200) << json::serialize(r.body);
    json::array items = r.body.at("items").as_array();
    return items;
  }

  Signed so_;
};

TEST_F(ConnectionApiTest, EndpointsAreValidatedWithTheirFieldAndNothingIsWritten) {
  uint64_t before = f_.LedgerSize();
  json::object bad_url = Exchange();
  bad_url["endpoints"].as_array()[1].as_object()["url"] = "sftp//nowhere";
  Reply_ r = As("POST", "/api/v1/systems", bad_url);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "endpoints[1].url") << json::serialize(r.body);
  json::object bad_protocol = Exchange();
  bad_protocol["endpoints"].as_array()[1].as_object()["protocol"] = "carrier-pigeon";
  r = As("POST", "/api/v1/systems", bad_protocol);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "endpoints[1].protocol") << json::serialize(r.body);
  EXPECT_EQ(f_.LedgerSize(), before) << "a refused system writes nothing";

  Reply_ made = As("POST", "/api/v1/systems", Exchange());
  std::string id = Id(made);
  const json::array& endpoints = made.body.at("endpoints").as_array();
  EXPECT_EQ(endpoints[0].at("plaintext"), false);
  EXPECT_EQ(endpoints[2].at("plaintext"), true) << "ftp carries data in clear";
  // A PATCH is checked the same way, and leaves the system as it was.
  uint64_t after_create = f_.LedgerSize();
  Reply_ patch =
      As("PATCH", "/api/v1/systems/" + id,
         json::object{{"endpoints", json::array{json::object{{"name", "db"},
                                                             {"url", "db.example.com"},
                                                             {"protocol", "postgres+tls"}}}}});
  EXPECT_EQ(patch.status, 422);
  EXPECT_EQ(FirstField(patch), "endpoints[0].url") << json::serialize(patch.body);
  EXPECT_EQ(f_.LedgerSize(), after_create);
  EXPECT_EQ(As("GET", "/api/v1/systems/" + id).body.at("endpoints").as_array().size(), 3u);
}

TEST_F(ConnectionApiTest, AGrantOnAPlaintextEndpointIsDeniedByTp5) {
  std::string exchange = Id(As("POST", "/api/v1/systems", Exchange()));
  PartyGrant ftp = Request("ftpcorp", exchange, json::array{"legacy-ftp"});
  EXPECT_EQ(ftp.grant_view.at("status"), "denied");
  bool cited = false;
  for (const auto& rule : ftp.grant_view.at("decision").at("rules").as_array()) {
    if (rule.at("seed_ref") != "TP-5") continue;
    cited = true;
    EXPECT_EQ(rule.at("outcome"), "deny");
    EXPECT_EQ(rule.at("evidence").at(0).at("ref"), (exchange + "/legacy-ftp").c_str());
    EXPECT_FALSE(rule.at("remedy").as_string().empty());
  }
  EXPECT_TRUE(cited) << json::serialize(ftp.grant_view);
  EXPECT_EQ(ftp.grant_view.at("lines").at(0).at("endpoints"), (json::array{"legacy-ftp"}));

  PartyGrant sftp = Request("sftpcorp", exchange, json::array{"sftp"});
  for (const auto& rule : sftp.grant_view.at("decision").at("rules").as_array()) {
    if (rule.at("seed_ref") == "TP-5") {
      EXPECT_EQ(rule.at("outcome"), "pass");
    }
  }
}

TEST_F(ConnectionApiTest, WeakConnectionsOpenOneFindingPerEndpointAndWeakness) {
  std::string exchange = Id(As("POST", "/api/v1/systems", Exchange()));
  PartyGrant g = Request("weakcorp", exchange, json::array{"portal", "sftp"});
  std::string token = Token(json::array{"connections:write"});

  Reply_ good = Record(token, g.grant, Seen(exchange, "portal", "TLSv1.3"));
  ASSERT_EQ(good.status, 201) << json::serialize(good.body);
  EXPECT_EQ(good.body.at("weakness"), "none");
  EXPECT_EQ(good.body.at("tls_version"), "TLS 1.3");
  EXPECT_TRUE(good.body.at("finding_id").is_null());
  EXPECT_EQ(good.body.at("recorded_by").at("role"), "integration");
  EXPECT_TRUE(Findings(g.party).empty());

  Reply_ first = Record(token, g.grant, Seen(exchange, "portal", "TLS 1.0"));
  ASSERT_EQ(first.status, 201) << json::serialize(first.body);
  EXPECT_EQ(first.body.at("weakness"), "tls_below_1_2");
  Reply_ second = Record(token, g.grant, Seen(exchange, "portal", "TLSv1.1"));
  ASSERT_EQ(second.status, 201);
  EXPECT_EQ(second.body.at("finding_id"), first.body.at("finding_id"))
      << "a second weak connection joins the standing finding";
  json::array findings = Findings(g.party);
  ASSERT_EQ(findings.size(), 1u) << json::serialize(findings);
  EXPECT_EQ(findings[0].at("rule"), "transit_weak_tls");
  EXPECT_EQ(findings[0].at("source").at("kind"), "connection");
  EXPECT_EQ(findings[0].at("opened_by").at("role"), "integration");

  // Another weakness on another endpoint is another finding.
  Reply_ ftp = Record(token, g.grant, Seen(exchange, "legacy-ftp"));
  ASSERT_EQ(ftp.status, 201) << json::serialize(ftp.body);
  EXPECT_EQ(ftp.body.at("weakness"), "plaintext");
  EXPECT_NE(ftp.body.at("finding_id"), first.body.at("finding_id"));
  EXPECT_EQ(Findings(g.party).size(), 2u);

  // The party's connections, newest last, each in the ledger with the token as its actor.
  Reply_ list = As("GET", "/api/v1/parties/" + g.party + "/connections?limit=50");
  ASSERT_EQ(list.status, 200) << json::serialize(list.body);
  EXPECT_EQ(list.body.at("items").as_array().size(), 4u);
  std::string leaves = AllLeaves();
  EXPECT_NE(leaves.find("\"type\":\"connection.recorded\""), std::string::npos);
  EXPECT_EQ(leaves.find(token), std::string::npos) << "the secret stays out of the ledger";
}

TEST_F(ConnectionApiTest, ABadConnectionIsRefusedWithItsFieldAndWritesNothing) {
  std::string exchange = Id(As("POST", "/api/v1/systems", Exchange()));
  PartyGrant g = Request("typocorp", exchange, json::array{"sftp"});
  std::string token = Token(json::array{"connections:write"});
  uint64_t before = f_.LedgerSize();
  auto field = [&](json::object body, const std::string& grant = "") {
    Reply_ r = Record(token, grant.empty() ? g.grant : grant, std::move(body));
    EXPECT_TRUE(r.status == 422 || r.status == 404) << json::serialize(r.body);
    return r.status == 404 ? std::string("404") : FirstField(r);
  };
  json::object tls = Seen(exchange, "portal");
  tls["tls_version"] = "TLS 9";
  EXPECT_EQ(field(tls), "tls_version");
  json::object source = Seen(exchange, "portal");
  source["source_address"] = "not-an-ip";
  EXPECT_EQ(field(source), "source_address");
  json::object future = Seen(exchange, "portal");
  future["connected_at"] = FormatRfc3339(f_.clock().Now() + std::chrono::hours(2));
  EXPECT_EQ(field(future), "connected_at");
  EXPECT_EQ(field(Seen(exchange, "gopher")), "endpoint");
  std::string other = Id(As("POST", "/api/v1/systems",
                            json::object{{"name", "Other"},
                                         {"environment", "development"},
                                         {"contains_ephi", false},
                                         {"owner", "x"}}));
  before = f_.LedgerSize();
  EXPECT_EQ(field(Seen(other, "portal")), "system_id") << "not a system of the grant";
  EXPECT_EQ(field(Seen(exchange, "sftp"), "gnt_01abcdefghjkmnpqrstvwxyz0"), "404");
  EXPECT_EQ(f_.LedgerSize(), before);
}

TEST_F(ConnectionApiTest, OnlyATokenWithTheScopeRecordsAndContactsSeeOnlyTheirOwn) {
  std::string exchange = Id(As("POST", "/api/v1/systems", Exchange()));
  PartyGrant mine = Request("minecorp", exchange, json::array{"sftp"});
  PartyGrant theirs = Request("theircorp", exchange, json::array{"sftp"});
  std::string token = Token(json::array{"connections:write"});
  std::string theirs_con = Id(Record(token, theirs.grant, Seen(exchange, "sftp")));
  std::string mine_con = Id(Record(token, mine.grant, Seen(exchange, "sftp")));

  // The officer's own session is no system: recording is for integration tokens.
  EXPECT_EQ(
      As("POST", "/api/v1/access/grants/" + mine.grant + "/connections", Seen(exchange, "sftp"))
          .status,
      403);
  std::string ledger_only = Token(json::array{"ledger:read"});
  EXPECT_EQ(Record(ledger_only, mine.grant, Seen(exchange, "sftp")).status, 403);

  AddUser("desk@minecorp.example", "third_party_contact", true,
          json::object{{"party_id", mine.party}});
  Signed contact = SignInAndEnrol("desk@minecorp.example");
  auto as_contact = [&](const std::string& method, const std::string& target,
                        const std::string& body = "") {
    return Call(method, target, body, Cookie(contact.secret, contact.csrf));
  };
  uint64_t before = f_.LedgerSize();
  EXPECT_EQ(as_contact("POST", "/api/v1/access/grants/" + mine.grant + "/connections",
                       json::serialize(Seen(exchange, "sftp")))
                .status,
            403);
  EXPECT_EQ(f_.LedgerSize(), before);
  Reply_ own = as_contact("GET", "/api/v1/parties/" + mine.party + "/connections");
  ASSERT_EQ(own.status, 200) << json::serialize(own.body);
  ASSERT_EQ(own.body.at("items").as_array().size(), 1u);
  EXPECT_EQ(own.body.at("items").at(0).at("id"), mine_con.c_str());
  EXPECT_FALSE(own.body.at("items").at(0).as_object().contains("finding_id"))
      << "our finding stays ours";
  EXPECT_EQ(as_contact("GET", "/api/v1/connections/" + mine_con).status, 200);
  EXPECT_EQ(as_contact("GET", "/api/v1/connections/" + theirs_con).status, 404);
  EXPECT_EQ(as_contact("GET", "/api/v1/parties/" + theirs.party + "/connections").status, 404);
}

}  // namespace
}  // namespace accord::http::identity_test
