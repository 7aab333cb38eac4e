// The access gate over HTTP on the luma demo (TP-2, TP-3, TP-4, TP-6, TR-3): dry runs,
// requests, approval by the profile's approver, re-evaluation at approval, deny/revoke.
// Expiry by time: access_expiry_test.cc.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/http/api.h"
#include "accord/http/registry_http.h"
#include "accord/policy/profile.h"
#include "accord/storage/grants.h"
#include "accord/storage/ledger_tables.h"
#include "accord/storage/registry_commands.h"
#include "accord/storage/registry_store.h"
#include "support/api_assert.h"
#include "support/api_server.h"
#include "support/runtime_fixture.h"
#include "support/shared_server_test.h"

namespace accord::testing {
namespace {

namespace json = boost::json;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;

std::string Str(const json::value& v) { return std::string(v.as_string()); }

// The result of one rule in a decision, or an empty object.
json::object RuleOf(const json::object& decision, std::string_view id) {
  if (!decision.contains("rules")) return {};
  for (const auto& r : decision.at("rules").as_array()) {
    if (r.at("id").is_string() && r.at("id").as_string() == id) return r.as_object();
  }
  return {};
}

std::string Outcome(const json::object& decision, std::string_view id) {
  json::object rule = RuleOf(decision, id);
  return rule.contains("outcome") ? Str(rule.at("outcome")) : "(rule absent)";
}

std::string At(TimePoint t) { return FormatRfc3339(t); }

class AccessApiTest : public SharedServerTest {
 protected:
  TimePoint Now() const { return SystemClock().Now(); }

  HttpResult Call(const std::string& method, const std::string& target,
                  const std::string& body = "", const std::string& role = "security_officer") {
    std::vector<std::pair<std::string, std::string>> headers = {
        {"Content-Type", "application/json"}};
    if (!role.empty()) headers.emplace_back("Authorization", "Bearer " + s().token(role));
    return HttpCall(s().port(), method, target, body, headers);
  }
  json::object Ok(const HttpResult& r, int status = 200) {
    EXPECT_EQ(r.status, status) << r.body;
    if (r.status != status) return {};
    return json::parse(r.body).as_object();
  }
  json::object Create(const std::string& target, const json::object& body) {
    return Ok(Call("POST", target, json::serialize(body)), 201);
  }
  std::string IdByName(const std::string& collection, const std::string& name) {
    std::string q;  // the name's words, space-separated
    for (char c : name) {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        q += c;
      } else if (!q.ends_with("%20")) {
        q += "%20";
      }
    }
    json::value v = s().GetJson("/api/v1/" + collection + "?limit=500&q=" + q);
    for (const auto& item : v.at("items").as_array()) {
      if (item.at("name") == name.c_str()) return Str(item.at("id"));
    }
    ADD_FAILURE() << "no " << collection << " named " << name;
    return "";
  }
  std::string FirstChild(const std::string& party, const std::string& collection) {
    json::value v = s().GetJson("/api/v1/parties/" + party + "/" + collection);
    EXPECT_FALSE(v.at("items").as_array().empty()) << collection;
    return v.at("items").as_array().empty() ? "" : Str(v.at("items").at(0).at("id"));
  }

  uint64_t LedgerSize() {
    auto exists = [&](uint64_t i) {
      return s().Get("/api/v1/ledger/entries/" + std::to_string(i)).status == 200;
    };
    uint64_t lo = 0;
    HttpResult cp = s().Get("/api/v1/ledger/checkpoint");
    if (cp.status == 200) lo = json::parse(cp.body).at("size").to_number<uint64_t>();
    uint64_t hi = lo, step = 1;
    while (exists(hi)) {
      lo = hi + 1;
      hi = lo + step;
      step *= 2;
    }
    while (lo < hi) {
      uint64_t mid = lo + (hi - lo) / 2;
      if (exists(mid)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
  json::object Entry(int64_t index) {
    return s().GetJson("/api/v1/ledger/entries/" + std::to_string(index)).at("event").as_object();
  }
  void ExpectNothingWrittenSince(uint64_t before, const std::string& what) {
    uint64_t after = LedgerSize();
    for (uint64_t i = before; i < after; ++i) {
      json::object event = Entry(static_cast<int64_t>(i));
      // The demo seeds a two-minute grant that expires by itself while the suite runs.
      EXPECT_EQ(event.at("type"), "grant.expired")
          << what << ": entry " << i << " " << json::serialize(event);
    }
  }

  struct Party {
    std::string id;
    std::string contact;
  };
  // An onboarding customer with one contact and no agreement yet.
  Party NewCustomer(const std::string& name) {
    json::object p =
        Create("/api/v1/parties", {{"name", name}, {"kind", "customer"}, {"status", "onboarding"}});
    Party out{p.contains("id") ? Str(p.at("id")) : "", ""};
    json::object c = Create("/api/v1/parties/" + out.id + "/contacts",
                            {{"name", "Access desk"}, {"email", "access@gate.example"}});
    out.contact = c.contains("id") ? Str(c.at("id")) : "";
    return out;
  }
  // A BAA with its 164.314 checklist, in force from 30 days ago for 400 days (draft).
  std::string NewBaa(const std::string& party) {
    json::object a = Create("/api/v1/parties/" + party + "/agreements",
                            {{"type", "baa"},
                             {"effective_at", At(Now() - days(30))},
                             {"expires_at", At(Now() + days(400))},
                             {"baa",
                              {{"safeguards", true},
                               {"subcontractor_flow_down", true},
                               {"incident_reporting", true},
                               {"responsibilities", "Each party secures ePHI in its custody."}}}});
    return a.contains("id") ? Str(a.at("id")) : "";
  }
  json::object GrantBody(const Party& p, const std::vector<std::string>& systems,
                         const std::string& permission = "read") {
    json::array lines;
    for (const auto& sys : systems) {
      lines.push_back(json::object{{"system_id", sys},
                                   {"permission", permission},
                                   {"justification", "Needed to reproduce a support case"}});
    }
    return json::object{{"party_id", p.id},
                        {"contact_id", p.contact},
                        {"purpose", "support"},
                        {"start_at", At(Now() - minutes(1))},
                        {"end_at", At(Now() + days(30))},
                        {"lines", std::move(lines)}};
  }
  json::object Evaluate(const json::object& body, const std::string& role = "security_officer") {
    return Ok(Call("POST", "/api/v1/access/evaluate", json::serialize(body), role));
  }
  json::object Request(const json::object& body, const std::string& role = "staff") {
    return Ok(Call("POST", "/api/v1/access/grants", json::serialize(body), role), 201);
  }
  HttpResult Transition(const std::string& grant, const std::string& verb, const std::string& body,
                        const std::string& role = "security_officer") {
    return Call("POST", "/api/v1/access/grants/" + grant + "/" + verb, body, role);
  }
};

// Separation of duties (issue 19): whoever asked for the access does not approve it; luma
// lets no one do both ([separation] allow_self_approval is empty), break-glass included.
TEST_F(AccessApiTest, TheRequesterDoesNotApproveItsOwnRequest) {
  Party p = NewCustomer("Separation Clinic");
  std::string baa = NewBaa(p.id);
  ASSERT_EQ(
      Call("PATCH", "/api/v1/agreements/" + baa, R"({"status": "executed"})", "privacy_officer")
          .status,
      200);
  json::object body = GrantBody(p, {IdByName("systems", "Luma platform (staging)")});
  json::object g = Request(body, "security_officer");
  ASSERT_EQ(g.at("status"), "requested") << json::serialize(g);
  std::string id = Str(g.at("id"));
  uint64_t before = LedgerSize();
  auto e = ExpectError(Transition(id, "approve", "{}"), 403, "forbidden");
  EXPECT_EQ(FirstField(e), "requested_by");
  EXPECT_NE(Str(e.at("message")).find("another approver"), std::string::npos) << e.at("message");
  ExpectNothingWrittenSince(before, "a self-approval");
  // Withdrawing it is no conflict: the requester may deny its own request.
  json::object denied = Ok(Transition(id, "deny", R"({"comment": "asked by mistake"})"));
  EXPECT_EQ(denied.at("status"), "denied");
  // Asked by someone else, the same officer approves; nothing says self_approved.
  json::object other = Request(body, "staff");
  json::object approved = Ok(Transition(Str(other.at("id")), "approve", "{}"));
  EXPECT_EQ(approved.at("status"), "approved");
  EXPECT_FALSE(approved.contains("self_approved"));
}

TEST_F(AccessApiTest, EvaluateIsADryRunThatRecordsNothing) {
  std::string northwind = IdByName("parties", "Northwind Clinics");
  Party p{northwind, FirstChild(northwind, "contacts")};
  size_t grants = s().GetJson("/api/v1/access/grants?limit=500").at("items").as_array().size();
  uint64_t before = LedgerSize();
  json::object d = Evaluate(GrantBody(p, {IdByName("systems", "Luma platform (staging)")}));
  EXPECT_EQ(d.at("decision"), "needs_approval") << json::serialize(d);
  EXPECT_EQ(Evaluate(GrantBody(p, {IdByName("systems", "Luma platform (production)")}), "staff")
                .at("decision"),
            "deny");
  ExpectNothingWrittenSince(before, "dry runs");
  EXPECT_EQ(s().GetJson("/api/v1/access/grants?limit=500").at("items").as_array().size(), grants);
}

TEST_F(AccessApiTest, ProductionEphiIsDeniedWithTheRuleAndItsEvidence) {
  std::string northwind = IdByName("parties", "Northwind Clinics");
  Party p{northwind, FirstChild(northwind, "contacts")};
  std::string production = IdByName("systems", "Luma platform (production)");
  json::object body = GrantBody(p, {production});
  json::object d = Evaluate(body);
  EXPECT_EQ(d.at("decision"), "deny");
  json::object rule = RuleOf(d, "tp4.no_production_ephi");
  ASSERT_FALSE(rule.empty()) << json::serialize(d);
  EXPECT_EQ(rule.at("outcome"), "deny");
  EXPECT_EQ(rule.at("seed_ref"), "TP-4");
  EXPECT_NE(Str(rule.at("reason")).find("production systems containing ePHI"), std::string::npos);
  EXPECT_FALSE(Str(rule.at("remedy")).empty());
  EXPECT_EQ(rule.at("evidence"),
            (json::array{json::object{
                {"kind", "system"}, {"ref", production}, {"state", "production_ephi"}}}));
  // The BAA Northwind holds is not what stops it.
  EXPECT_EQ(Outcome(d, "tp6.baa_customers_partners"), "pass");

  // A real request records the request and the gate's denial; no one can approve it.
  json::object g = Request(body);
  EXPECT_EQ(g.at("status"), "denied");
  EXPECT_EQ(g.at("decision_outcome"), "deny");
  EXPECT_EQ(g.at("decided_by"), "gate");
  EXPECT_EQ(Outcome(g.at("decision").as_object(), "tp4.no_production_ephi"), "deny");
  int64_t index = g.at("ledger_index").as_int64();
  EXPECT_EQ(Entry(index).at("type"), "grant.denied");
  EXPECT_EQ(Entry(index - 1).at("type"), "grant.requested");
  EXPECT_EQ(Entry(index - 1).at("actor").at("role"), "staff");
  ASSERT_EQ(g.at("lines").as_array().size(), 1u);
  EXPECT_EQ(g.at("lines").at(0).at("environment"), "production");
  EXPECT_EQ(g.at("lines").at(0).at("contains_ephi"), true);
  auto e = ExpectError(Transition(Str(g.at("id")), "approve", "{}"), 409, "conflict");
  EXPECT_EQ(FirstField(e), "status");
}

TEST_F(AccessApiTest, AMissingOrDraftBaaDeniesUntilExecutedThenTheSecurityOfficerApproves) {
  Party p = NewCustomer("Gate Clinic Alpha");
  std::string staging = IdByName("systems", "Luma platform (staging)");
  json::object body = GrantBody(p, {staging});

  json::object d = Evaluate(body);
  EXPECT_EQ(d.at("decision"), "deny");
  json::object rule = RuleOf(d, "tp6.baa_customers_partners");
  EXPECT_EQ(rule.at("outcome"), "deny");
  EXPECT_EQ(
      rule.at("evidence"),
      (json::array{json::object{{"kind", "agreement"}, {"ref", "baa"}, {"state", "missing"}}}));
  EXPECT_EQ(Outcome(d, "tp4.no_production_ephi"), "pass");

  std::string baa = NewBaa(p.id);
  d = Evaluate(body);
  EXPECT_EQ(d.at("decision"), "deny");
  EXPECT_EQ(
      RuleOf(d, "tp6.baa_customers_partners").at("evidence"),
      (json::array{json::object{{"kind", "agreement"}, {"ref", baa}, {"state", "not_executed"}}}));
  // A denied request stays denied: the gate decided it.
  EXPECT_EQ(Request(body).at("status"), "denied");

  // Executing the BAA (checklist confirmed) turns the denial into a request for approval.
  HttpResult executed =
      Call("PATCH", "/api/v1/agreements/" + baa, R"({"status": "executed"})", "privacy_officer");
  ASSERT_EQ(executed.status, 200) << executed.body;
  d = Evaluate(body);
  EXPECT_EQ(d.at("decision"), "needs_approval");
  EXPECT_EQ(Outcome(d, "tp6.baa_customers_partners"), "pass");
  json::object approval = RuleOf(d, "tr3.approval");
  EXPECT_EQ(approval.at("outcome"), "needs_approval");
  EXPECT_EQ(approval.at("evidence"),
            (json::array{json::object{
                {"kind", "approval"}, {"ref", "security_officer"}, {"state", "required"}}}));

  json::object g = Request(body);
  std::string id = Str(g.at("id"));
  EXPECT_EQ(g.at("status"), "requested");
  EXPECT_EQ(g.at("decision_outcome"), "needs_approval");
  EXPECT_EQ(g.at("party_id"), p.id.c_str());
  EXPECT_EQ(Entry(g.at("ledger_index").as_int64()).at("type"), "grant.requested");

  // Only the profile's approver decides: the privacy officer gets the profile's reason.
  uint64_t before = LedgerSize();
  auto e = ExpectError(Transition(id, "approve", "{}", "privacy_officer"), 403, "forbidden");
  EXPECT_NE(Str(e.at("message")).find("the Security Officer"), std::string::npos)
      << e.at("message");
  EXPECT_NE(Str(e.at("message")).find("tr3.approval"), std::string::npos) << e.at("message");
  ExpectError(Transition(id, "deny", R"({"comment": "no"})", "privacy_officer"), 403, "forbidden");
  ExpectError(Transition(id, "approve", "{}", "staff"), 403, "forbidden");
  ExpectError(Transition(id, "approve", "{}", "auditor"), 403, "forbidden");
  ExpectNothingWrittenSince(before, "approvals by the wrong role");

  json::object approved = Ok(Transition(id, "approve", R"({"comment": "Staging only, no ePHI"})"));
  EXPECT_EQ(approved.at("status"), "approved");
  EXPECT_EQ(approved.at("effective_status"), "active");
  EXPECT_EQ(approved.at("approved_by").at("role"), "security_officer");
  EXPECT_EQ(approved.at("approval_comment"), "Staging only, no ePHI");
  json::object event = Entry(approved.at("ledger_index").as_int64());
  EXPECT_EQ(event.at("type"), "grant.approved");
  EXPECT_EQ(event.at("payload").at("comment"), "Staging only, no ePHI");
  json::object now = s().GetJson("/api/v1/access/grants/" + id).as_object();
  EXPECT_EQ(now.at("status"), "approved");
  EXPECT_EQ(now.at("effective_status"), "active");
  ExpectError(Transition(id, "approve", "{}"), 409, "conflict");
  ExpectError(Transition(id, "deny", R"({"comment": "late"})"), 409, "conflict");

  // Revoking needs a reason, then ends the grant at once.
  before = LedgerSize();
  EXPECT_EQ(FirstField(ExpectError(Transition(id, "revoke", ""), 422, "validation_failed")),
            "comment");
  EXPECT_EQ(FirstField(ExpectError(Transition(id, "revoke", "{}"), 422, "validation_failed")),
            "comment");
  EXPECT_EQ(FirstField(ExpectError(Transition(id, "revoke", R"({"comment": ""})"), 422,
                                   "validation_failed")),
            "comment");
  EXPECT_EQ(FirstField(ExpectError(Transition(id, "revoke", R"({"comment": "x", "why": 1})"), 422,
                                   "validation_failed")),
            "why");
  ExpectNothingWrittenSince(before, "revocations without a comment");
  json::object revoked =
      Ok(Transition(id, "revoke", R"({"comment": "Support case closed"})", "privacy_officer"));
  EXPECT_EQ(revoked.at("status"), "revoked");
  EXPECT_EQ(revoked.at("effective_status"), "revoked");
  EXPECT_EQ(revoked.at("reason"), "Support case closed");
  EXPECT_EQ(Entry(revoked.at("ledger_index").as_int64()).at("type"), "grant.revoked");
  ExpectError(Transition(id, "revoke", R"({"comment": "again"})"), 409, "conflict");
  // The history stays readable: as of the approval, the grant was approved.
  json::object then = s().GetJson("/api/v1/access/grants/" + id + "?as_of=" +
                                  std::to_string(approved.at("ledger_index").as_int64() + 1))
                          .as_object();
  EXPECT_EQ(then.at("status"), "approved");
}

TEST_F(AccessApiTest, ApprovalDecidesAgainAndRefusesWhatTheGateNowDenies) {
  Party p = NewCustomer("Gate Clinic Beta");
  std::string baa = NewBaa(p.id);
  ASSERT_EQ(Call("PATCH", "/api/v1/agreements/" + baa, R"({"status": "executed"})").status, 200);
  json::object g = Request(GrantBody(p, {IdByName("systems", "Developer sandbox")}, "write"));
  std::string id = Str(g.at("id"));
  ASSERT_EQ(g.at("status"), "requested");

  // The BAA ends between the request and the approval.
  ASSERT_EQ(Call("PATCH", "/api/v1/agreements/" + baa, R"({"status": "terminated"})").status, 200);
  uint64_t before = LedgerSize();
  auto e = ExpectError(Transition(id, "approve", "{}"), 409, "conflict");
  EXPECT_EQ(FirstField(e), "tp6.baa_customers_partners") << json::serialize(e);
  EXPECT_NE(Str(e.at("message")).find("tp6.baa_customers_partners"), std::string::npos);
  ExpectNothingWrittenSince(before, "an approval the gate refuses");
  EXPECT_EQ(s().GetJson("/api/v1/access/grants/" + id).at("status"), "requested");

  // Denying needs a comment; then the request is closed.
  EXPECT_EQ(FirstField(ExpectError(Transition(id, "deny", "{}"), 422, "validation_failed")),
            "comment");
  ExpectError(Transition(id, "deny", "{not json"), 400, "malformed_json");
  json::object denied = Ok(Transition(id, "deny", R"({"comment": "BAA terminated"})"));
  EXPECT_EQ(denied.at("status"), "denied");
  EXPECT_EQ(denied.at("denied_by").at("role"), "security_officer");
  EXPECT_EQ(Entry(denied.at("ledger_index").as_int64()).at("type"), "grant.denied");
  ExpectError(Transition(id, "revoke", R"({"comment": "x"})"), 409, "conflict");
  ExpectError(Transition("gnt_nope", "approve", "{}"), 404, "not_found");
}

TEST_F(AccessApiTest, WildcardsAndOverlongGrantsAreDeniedByTheirRules) {
  std::string northwind = IdByName("parties", "Northwind Clinics");
  Party p{northwind, FirstChild(northwind, "contacts")};
  for (const char* pattern : {"*", "prod-*"}) {
    SCOPED_TRACE(pattern);
    json::object d = Evaluate(GrantBody(p, {pattern}));
    EXPECT_EQ(d.at("decision"), "deny");
    json::object rule = RuleOf(d, "tr3.least_privilege");
    EXPECT_EQ(rule.at("outcome"), "deny");
    EXPECT_EQ(
        rule.at("evidence"),
        (json::array{json::object{{"kind", "system"}, {"ref", pattern}, {"state", "wildcard"}}}));
    // Fail closed: a pattern may cover a production ePHI system.
    EXPECT_EQ(Outcome(d, "tp4.no_production_ephi"), "deny");
  }
  EXPECT_EQ(Request(GrantBody(p, {"*"})).at("status"), "denied");

  json::object body = GrantBody(p, {IdByName("systems", "Luma platform (staging)")});
  body["end_at"] = At(Now() + days(91));
  json::object d = Evaluate(body);
  EXPECT_EQ(d.at("decision"), "deny");
  EXPECT_EQ(Outcome(d, "tr3.entitlement_review_period"), "deny");
  body["lines"].as_array()[0].as_object().erase("justification");
  body["end_at"] = At(Now() + days(10));
  d = Evaluate(body);
  EXPECT_EQ(Outcome(d, "tr3.least_privilege"), "deny");
  EXPECT_EQ(RuleOf(d, "tr3.least_privilege").at("evidence").at(0).at("state"), "no_justification");
}

TEST_F(AccessApiTest, BadRequestsNameTheFieldAndWriteNothing) {
  std::string northwind = IdByName("parties", "Northwind Clinics");
  Party p{northwind, FirstChild(northwind, "contacts")};
  std::string relay = IdByName("parties", "Relay SMS");
  std::string relay_contact = FirstChild(relay, "contacts");
  std::string staging = IdByName("systems", "Luma platform (staging)");
  std::string sandbox = IdByName("systems", "Developer sandbox");
  json::object good = GrantBody(p, {staging});
  auto with = [&](std::function<void(json::object&)> change) {
    json::object b = good;
    change(b);
    return json::serialize(b);
  };
  auto line = [](json::object& b, size_t i) -> json::object& {
    return b["lines"].as_array()[i].as_object();
  };
  struct Case {
    std::string name, body, field;
    int status = 422;
  };
  std::vector<json::value> many;
  for (int i = 0; i < 21; ++i) {
    many.push_back(json::object{{"system_id", "sys_" + std::to_string(i)}, {"permission", "read"}});
  }
  const std::vector<Case> cases = {
      {"reversed", with([&](auto& b) {
         b["start_at"] = At(Now() + days(2));
         b["end_at"] = At(Now() + days(1));
       }),
       "end_at"},
      {"equal", with([&](auto& b) { b["end_at"] = b["start_at"]; }), "end_at"},
      {"unknown system", with([&](auto& b) { line(b, 0)["system_id"] = "sys_nope"; }),
       "lines[0].system_id"},
      {"second unknown", with([&](auto& b) {
         b["lines"].as_array().push_back(
             json::object{{"system_id", "sys_gone"}, {"permission", "read"}});
       }),
       "lines[1].system_id"},
      {"twice", with([&](auto& b) {
         b["lines"].as_array().push_back(
             json::object{{"system_id", staging}, {"permission", "write"}});
       }),
       "lines[1].system_id"},
      {"bad permission", with([&](auto& b) { line(b, 0)["permission"] = "root"; }),
       "lines[0].permission"},
      {"no system", with([&](auto& b) { line(b, 0).erase("system_id"); }), "lines[0].system_id"},
      {"unknown line field", with([&](auto& b) { line(b, 0)["colour"] = "red"; }),
       "lines[0].colour"},
      {"line not an object", with([&](auto& b) { b["lines"] = json::array{"sys_1"}; }), "lines[0]"},
      {"no lines", with([&](auto& b) { b.erase("lines"); }), "lines"},
      {"empty lines", with([&](auto& b) { b["lines"] = json::array{}; }), "lines"},
      {"too many lines", with([&](auto& b) { b["lines"] = json::array(many.begin(), many.end()); }),
       "lines"},
      {"unknown party", with([&](auto& b) { b["party_id"] = "pty_nope"; }), "party_id"},
      {"another party's contact", with([&](auto& b) { b["contact_id"] = relay_contact; }),
       "contact_id"},
      {"no start", with([&](auto& b) { b.erase("start_at"); }), "start_at"},
      {"bad start", with([&](auto& b) { b["start_at"] = "next week"; }), "start_at"},
      {"unknown field", with([&](auto& b) { b["priority"] = "high"; }), "priority"},
      {"malformed", "{\"party_id\": ", "body", 400},
      {"not an object", "[]", "body"},
  };
  (void)sandbox;
  uint64_t before = LedgerSize();
  for (const char* route : {"/api/v1/access/evaluate", "/api/v1/access/grants"}) {
    for (const auto& c : cases) {
      SCOPED_TRACE(std::string(route) + ": " + c.name);
      auto e = ExpectError(Call("POST", route, c.body, "staff"), c.status,
                           c.status == 400 ? "malformed_json" : "validation_failed");
      EXPECT_EQ(FirstField(e), c.field) << json::serialize(e);
    }
  }
  ExpectNothingWrittenSince(before, "refused grant requests");
}

TEST_F(AccessApiTest, OnlyTheWorkforceAsksAndOnlyOfficersDecide) {
  std::string northwind = IdByName("parties", "Northwind Clinics");
  Party p{northwind, FirstChild(northwind, "contacts")};
  std::string body = json::serialize(GrantBody(p, {IdByName("systems", "Developer sandbox")}));
  uint64_t before = LedgerSize();
  for (const char* role : {"auditor", "third_party_contact"}) {
    SCOPED_TRACE(role);
    ExpectError(Call("POST", "/api/v1/access/evaluate", body, role), 403, "forbidden");
    ExpectError(Call("POST", "/api/v1/access/grants", body, role), 403, "forbidden");
  }
  ExpectError(Call("POST", "/api/v1/access/grants", body, ""), 401, "unauthenticated");
  ExpectNothingWrittenSince(before, "requests by roles that may not ask");
  EXPECT_EQ(s().Get("/api/v1/access/grants", "auditor").status, 200);
  for (const char* role : {"security_officer", "privacy_officer", "staff"}) {
    EXPECT_EQ(Call("POST", "/api/v1/access/grants", body, role).status, 201) << role;
  }
}

}  // namespace
}  // namespace accord::testing
