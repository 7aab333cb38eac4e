// Tenant isolation (TP-7, CONTRACT.md "Roles and permissions"): a third_party_contact sees and
// changes only its own party's objects. Two parties, each with a contact account: every
// operation in the OpenAPI document that takes an id is tried by one contact on the other
// party's objects. It must answer 404 (exactly like an id that does not exist) where the role
// may call the operation and 403 only where it may not call it at all; no answer may carry
// the other party's ids or names, and no write may reach the ledger.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>
#include <sstream>

#include "accord/core/clock.h"
#include "accord/core/otp.h"
#include "support/api_server.h"
#include "support/openapi_walk.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

const std::string kRole = "third_party_contact";

std::string Str(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : ""; }

// Values for required query parameters, by name.
const std::map<std::string, std::string> kQueryValues = {
    {"index", "0"}, {"size", "2"}, {"from", "1"}, {"to", "2"}, {"filename", "intrusion.pdf"}};

// Path parameters that name something of no party (org-level objects, ledger positions):
// filled with a valid value; the contact may not call any operation that has only these.
const std::set<std::string> kPartylessKeys = {
    "systems/id", "alerts/id", "entitlement-reviews/id", "lines/line_id", "entries/index",
    "roots/size", "calendar-tokens/id", "certifications/id", "report-requests/id",
    "data-commitments/id", "dpf-participations/id",
    // SCIM (issue 25): the organisation's accounts and groups, for the provider's token alone.
    "Users/id", "Groups/id",
    // The outbox (issue 26): the organisation's notifications, for officers alone.
    "outbox/id",
    // Change control (issue 24): our own changes and the forges' webhook secrets.
    "change-requests/id", "forge-hooks/forge",
    // Vulnerability scans (issue 24): our own systems' scans and targets.
    "scans/id", "scan-targets/id",
    // Issue 23: the compliance catalog's controls belong to no party.
    "controls/control_id",
    // Issue 28, part 5: our answer library is the organisation's own.
    "answer-library/id",
    // Issue 28: questionnaire templates are the organisation's.
    "questionnaire-templates/id",
    // Issue 27 (TR-8): breach assessments and notices are our own record, for officers.
    "breach-assessments/id", "breach-notices/id"};

// The calendar feed (GET /calendar/{token}.ics) is public: its secret URL is the credential.
// A contact cannot create one (POST /api/v1/calendar-tokens is not its to call, see
// review_api_test.cc), so no party has a feed and any feed URL it tries is one that is not
// its own: 404, like an unknown token.
const char* kNoFeed = "ical_isolation_none.ics";

std::string PdfBytes(std::string_view tag) {
  std::string pdf = "%PDF-1.7\n";
  pdf += tag;
  pdf += std::string("\x00\x01\xFF\xFE\n%%EOF\n", 11);
  return pdf;
}

// What a request would need to succeed if the object were the caller's own: so a 404 shows
// the party scope refused it, not the body's validation.
struct Body {
  std::string content_type;
  std::string text;
};
Body ValidBody(const Operation& op) {
  static const std::map<std::string, Body> kBodies = {
      {"POST /api/v1/parties/{party_id}/contacts",
       {"application/json", R"({"name": "Intruder", "email": "intruder@elsewhere.example"})"}},
      {"PATCH /api/v1/contacts/{id}", {"application/json", R"({"name": "Intruder"})"}},
      // Issue 28, item 2: taking back a section of another party's questionnaire.
      {"POST /api/v1/questionnaires/{id}/assignments",
       {"application/json", R"({"section": 0, "user_id": null})"}},
      {"POST /api/v1/parties/{party_id}/documents", {"application/pdf", PdfBytes("intrusion")}},
  };
  if (auto it = kBodies.find(op.Name()); it != kBodies.end()) return it->second;
  if (op.method == "GET" || op.method == "DELETE") return {"", ""};
  return {"application/json", "{}"};
}

std::vector<std::string> WithStore(std::vector<std::string> args, const ApiServer& server) {
  args.push_back("--data-dir");
  args.push_back(server.dir().str());
  args.push_back("--db");
  args.push_back(server.db_url());
  return args;
}

// One party as its contact sees it: the ids that fill path parameters, and every string
// that would betray it to another party (ids, names, emails, filenames).
struct Tenant {
  std::string name;
  std::string word;  // in every name of its own (demo titles such as "Service level agreement"
                     // are shared by every party, so only names with the word are secrets)
  std::string token;
  std::map<std::string, std::string> ids;  // by path-parameter key
  std::set<std::string> secrets;
};

class TenantIsolationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ApiServer();
    HttpResult r = HttpCall(server_->port(), "GET", "/api/v1/openapi.json");
    ASSERT_EQ(r.status, 200) << r.body;
    doc_ = new json::object(json::parse(r.body).as_object());
    relay_ = new Tenant(RelaySms());
    other_ = new Tenant(CreateOtherParty());
  }
  static void TearDownTestSuite() {
    delete relay_;
    delete other_;
    delete doc_;
    delete server_;
    relay_ = other_ = nullptr;
    doc_ = nullptr;
    server_ = nullptr;
  }
  static ApiServer* server_;
  static json::object* doc_;
  static Tenant* relay_;  // the demo's Relay SMS and its demo contact account
  static Tenant* other_;  // a party created here, with its own contact account
  static ApiServer& s() { return *server_; }

  static HttpResult As(const std::string& token, const std::string& method,
                       const std::string& target, const Body& body = {}) {
    std::vector<std::pair<std::string, std::string>> headers = {
        {"Authorization", "Bearer " + token}};
    if (!body.content_type.empty()) headers.emplace_back("Content-Type", body.content_type);
    return HttpCall(s().port(), method, target, body.text, headers);
  }
  static json::object Created(const std::string& target, const Body& body,
                              const std::string& role = "security_officer") {
    HttpResult r = As(s().token(role), "POST", target, body);
    EXPECT_EQ(r.status, 201) << "POST " << target << ": " << r.body;
    return r.status == 201 ? json::parse(r.body).as_object() : json::object{};
  }
  static json::object CreatedJson(const std::string& target, const json::object& body,
                                  const std::string& role = "security_officer") {
    return Created(target, {"application/json", json::serialize(body)}, role);
  }
  static json::array Items(const std::string& target) {
    json::value page = s().GetJson(target);
    if (!page.is_object() || !page.as_object().contains("items")) return {};
    return page.at("items").as_array();
  }

  // Adds an object's id under `key`, and its id and own names to the secrets.
  static void Remember(Tenant& t, const std::string& key, const json::object& o) {
    if (!o.contains("id")) return;
    t.ids[key] = Str(o.at("id"));
    t.secrets.insert(t.ids[key]);
    for (const char* f : {"name", "title", "email", "filename"}) {
      std::string v = o.contains(f) ? Str(o.at(f)) : "";
      std::string lower = v;
      for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower.find(t.word) != std::string::npos) t.secrets.insert(v);
    }
  }

  static Tenant RelaySms() {
    Tenant t{.name = "Relay SMS", .word = "relay", .token = s().token(kRole)};
    for (const auto& p : Items("/api/v1/parties?limit=500&q=relay")) {
      if (p.at("name") == "Relay SMS") {
        Remember(t, "parties/id", p.as_object());
        t.ids["parties/party_id"] = t.ids["parties/id"];
      }
    }
    EXPECT_TRUE(t.ids.contains("parties/id")) << "the demo has no party Relay SMS";
    std::string party = t.ids["parties/id"];
    for (const char* child : {"services", "contacts", "agreements", "due-diligence", "controls"}) {
      json::array items = Items("/api/v1/parties/" + party + "/" + child + "?limit=500");
      EXPECT_FALSE(items.empty()) << "Relay SMS has no " << child;
      for (const auto& item : items) Remember(t, std::string(child) + "/id", item.as_object());
    }
    Remember(t, "documents/id",
             Created("/api/v1/parties/" + party + "/documents?filename=relay-bridge-letter.pdf",
                     {"application/pdf", PdfBytes("relay bridge letter")}));
    for (const auto& g : Items("/api/v1/access/grants?party_id=" + party)) {
      Remember(t, "grants/id", g.as_object());
    }
    for (const auto& u : Items("/api/v1/users?limit=500")) {
      if (u.at("email") == s().email(kRole).c_str()) Remember(t, "users/id", u.as_object());
    }
    for (const auto& tok : Items("/api/v1/tokens")) {
      if (tok.at("user_id") == t.ids["users/id"].c_str()) Remember(t, "tokens/id", tok.as_object());
    }
    // Relay SMS has no agreement document yet: one for the other contact to look for.
    json::object agreement_doc = Created(
        "/api/v1/agreements/" + t.ids["agreements/id"] + "/documents?filename=relay-sla-signed.pdf",
        {"application/pdf", PdfBytes("relay sla")});
    t.ids["agreement-documents/id"] = Str(agreement_doc.at("id"));
    t.secrets.insert(t.ids["agreement-documents/id"]);
    // The demo's review of Relay SMS and the change it announced; a SOC 2 report and a
    // finding about it made here.
    for (const auto& r : Items("/api/v1/reviews?limit=500&party_id=" + party)) {
      Remember(t, "reviews/id", r.as_object());
    }
    for (const auto& c : Items("/api/v1/change-notices?limit=500&party_id=" + party)) {
      Remember(t, "change-notices/id", c.as_object());
    }
    EXPECT_TRUE(t.ids.contains("reviews/id") && t.ids.contains("change-notices/id"))
        << "the demo has no review or change notice of Relay SMS";
    AddReviewObjects(t);
    AddConnection(t);
    AddPartyless(t);
    AddSecureMessage(t);
    AddCustomerQuestionnaire(t);
    AddAccountRequest(t);
    return t;
  }

  // TP-5: connections are pushed by an integration token, which only a signed-in Security
  // Officer makes: sign in with the demo password, enrol TOTP (codes from the real clock: the
  // server runs on it), make the token once.
  static std::string ConnectionToken() {
    static std::string token;
    if (!token.empty()) return token;
    std::string cookie, csrf;
    auto step = [&](const std::string& target, const json::object& body) {
      std::vector<std::pair<std::string, std::string>> headers = {
          {"Content-Type", "application/json"}};
      if (!cookie.empty()) headers.emplace_back("Cookie", cookie);
      if (!csrf.empty()) headers.emplace_back("X-CSRF-Token", csrf);
      HttpResult r = HttpCall(s().port(), "POST", target, json::serialize(body), headers);
      EXPECT_TRUE(r.status == 200 || r.status == 201) << target << ": " << r.body;
      if (r.status >= 300) return json::object{};
      if (std::string set = r.Header("Set-Cookie"); !set.empty())
        cookie = set.substr(0, set.find(';'));
      json::object out = json::parse(r.body).as_object();
      if (out.contains("csrf_token")) csrf = Str(out.at("csrf_token"));
      return out;
    };
    step("/api/v1/auth/sign-in", {{"email", s().email("security_officer")},
                                  {"password", s().password("security_officer")}});
    json::object enrol = step("/api/v1/auth/mfa/enrol", {});
    auto secret = Base32Decode(enrol.contains("secret") ? Str(enrol.at("secret")) : "");
    if (!secret.ok()) return "";
    step("/api/v1/auth/mfa/confirm", {{"code", Totp(*secret, SystemClock().Now())}});
    json::object made =
        step("/api/v1/integration-tokens",
             {{"name", "isolation monitor"}, {"scopes", json::array{"connections:write"}}});
    token = made.contains("token") ? Str(made.at("token")) : "";
    return token;
  }

  // A connection under the tenant's grant: its system gets an https endpoint first.
  static void AddConnection(Tenant& t) {
    json::value grant = s().GetJson("/api/v1/access/grants/" + t.ids["grants/id"]);
    std::string system = Str(grant.at("lines").at(0).at("system_id"));
    json::object endpoint{{"name", "api-" + t.word},
                          {"url", "https://" + t.word + ".api.luma.example/"},
                          {"protocol", "https"}};
    json::value current = s().GetJson("/api/v1/systems/" + system);
    json::array endpoints;
    if (const json::value* e = current.as_object().if_contains("endpoints"); e && e->is_array()) {
      for (const auto& item : e->as_array()) {
        json::object copy = item.as_object();
        copy.erase("plaintext");
        endpoints.push_back(std::move(copy));
      }
    }
    endpoints.push_back(endpoint);
    HttpResult patch = s().Call("PATCH", "/api/v1/systems/" + system,
                                json::serialize(json::object{{"endpoints", endpoints}}));
    EXPECT_EQ(patch.status, 200) << patch.body;
    HttpResult r = HttpCall(
        s().port(), "POST", "/api/v1/access/grants/" + t.ids["grants/id"] + "/connections",
        json::serialize(json::object{{"system_id", system},
                                     {"endpoint", "api-" + t.word},
                                     {"tls_version", "TLS 1.3"},
                                     {"connected_at", "2026-01-01T00:00:00Z"},
                                     {"source_address", "192.0.2.44"}}),
        {{"Authorization", "Bearer " + ConnectionToken()}, {"Content-Type", "application/json"}});
    EXPECT_EQ(r.status, 201) << r.body;
    if (r.status == 201) Remember(t, "connections/id", json::parse(r.body).as_object());
  }

  // A SOC 2 report and a finding of the tenant's party (both named with its word).
  static void AddReviewObjects(Tenant& t) {
    std::string party = t.ids["parties/id"];
    Remember(t, "soc2-reports/id",
             CreatedJson("/api/v1/parties/" + party + "/soc2-reports",
                         {{"type", "type1"},
                          {"period_end", "2026-01-31T00:00:00Z"},
                          {"auditor", t.name + " auditors"},
                          {"opinion", "unqualified"},
                          {"reviewed_at", "2026-02-15T00:00:00Z"}}));
    Remember(t, "findings/id",
             CreatedJson("/api/v1/findings", {{"title", t.name + " keeps logs too long"},
                                              {"severity", "low"},
                                              {"party_id", party}}));
    // Issue 27 (TR-8): an incident the party is involved in, with an internal update (a public
    // one would be on the public status page, for everyone to read).
    Remember(t, "incidents/id",
             CreatedJson("/api/v1/incidents", {{"title", t.name + " incident"},
                                               {"severity", "low"},
                                               {"party_ids", json::array{json::value(party)}},
                                               {"discovered_at", "2026-01-01T00:00:00Z"}}));
    HttpResult update =
        As(s().token("security_officer"), "POST",
           "/api/v1/incidents/" + t.ids["incidents/id"] + "/updates",
           {"application/json",
            json::serialize(json::object{{"body", t.name + " incident internal update"},
                                         {"visibility", "internal"}})});
    EXPECT_EQ(update.status, 200) << update.body;
    t.secrets.insert(t.name + " incident internal update");
    // Issue 28: a questionnaire sent to the party's contact.
    Remember(t, "questionnaires/id",
             CreatedJson("/api/v1/parties/" + party + "/questionnaires",
                         {{"template_id", TemplateId()},
                          {"contact_id", t.ids["contacts/id"]},
                          {"title", t.name + " questionnaire"},
                          {"due_at", "2099-01-01T00:00:00Z"}}));
  }

  // Issue 28: one template both tenants' questionnaires are sent from.
  static std::string TemplateId() {
    static std::string id;
    if (!id.empty()) return id;
    for (const auto& tmpl : Items("/api/v1/questionnaire-templates")) id = Str(tmpl.at("id"));
    if (id.empty()) {
      id = Str(CreatedJson("/api/v1/questionnaire-templates/hipaa-vendor", {}).at("id"));
    }
    return id;
  }

  static Tenant CreateOtherParty() {
    Tenant t{.name = "Zanzibar Isolation Works", .word = "zanzibar"};
    json::object party =
        CreatedJson("/api/v1/parties", {{"name", t.name}, {"kind", "subcontractor"}});
    Remember(t, "parties/id", party);
    std::string id = t.ids["parties/id"];
    t.ids["parties/party_id"] = id;
    std::string under = "/api/v1/parties/" + id;
    Remember(t, "services/id",
             CreatedJson(under + "/services",
                         {{"name", "Zanzibar courier relay"}, {"handles_ephi", false}}));
    json::object contact = CreatedJson(
        under + "/contacts", {{"name", "Zanzibar desk"}, {"email", "desk@zanzibar.example"}});
    Remember(t, "contacts/id", contact);
    json::object agreement =
        CreatedJson(under + "/agreements", {{"type", "nda"}, {"title", "Zanzibar mutual NDA"}});
    Remember(t, "agreements/id", agreement);
    Remember(t, "due-diligence/id",
             CreatedJson(under + "/due-diligence", {{"date", "2026-01-15T00:00:00Z"},
                                                    {"reviewer", "Zanzibar reviewer"},
                                                    {"result", "passed"}}));
    Remember(t, "controls/id",
             CreatedJson(under + "/controls", {{"date", "2026-01-15T00:00:00Z"},
                                               {"reviewer", "Zanzibar reviewer"},
                                               {"result", "passed"},
                                               {"name", "Zanzibar MFA on every account"},
                                               {"type", "access_control"}}));
    Remember(t, "documents/id",
             Created(under + "/documents?filename=zanzibar-soc2.pdf",
                     {"application/pdf", PdfBytes("zanzibar soc2")}));
    // Another document, on the agreement: GET /agreements/{id}/documents has one to hide.
    json::object agreement_doc = Created("/api/v1/agreements/" + t.ids["agreements/id"] +
                                             "/documents?filename=zanzibar-nda-signed.pdf",
                                         {"application/pdf", PdfBytes("zanzibar nda")});
    t.ids["agreement-documents/id"] = Str(agreement_doc.at("id"));
    t.secrets.insert(t.ids["agreement-documents/id"]);
    t.secrets.insert("zanzibar-nda-signed.pdf");
    // A review and a change notice of its own.
    Remember(t, "reviews/id",
             CreatedJson("/api/v1/reviews", {{"review_kind", "party_review"},
                                             {"party_id", id},
                                             {"title", "Zanzibar annual review"},
                                             {"due_at", "2099-01-01T00:00:00Z"}}));
    Remember(t, "change-notices/id",
             CreatedJson("/api/v1/change-notices", {{"party_id", id},
                                                    {"title", "Zanzibar moves its depot"},
                                                    {"description", "Zanzibar relocation"},
                                                    {"planned_at", "2099-02-01T00:00:00Z"}}));
    AddReviewObjects(t);
    // A grant request far in the future: whatever the gate decides, nothing expires.
    std::string staging;
    for (const auto& sys : Items("/api/v1/systems?limit=500")) {
      if (sys.at("name") == "Luma platform (staging)") staging = Str(sys.at("id"));
    }
    Remember(t, "grants/id",
             CreatedJson("/api/v1/access/grants",
                         {{"party_id", id},
                          {"contact_id", t.ids["contacts/id"]},
                          {"purpose", "Zanzibar staging check"},
                          {"start_at", "2099-01-10T00:00:00Z"},
                          {"end_at", "2099-01-12T00:00:00Z"},
                          {"lines", json::array{json::object{{"system_id", staging},
                                                             {"permission", "read"},
                                                             {"justification", "isolation"}}}}},
                         "staff"));
    AddConnection(t);
    // Its contact's account, over the API, and a token for it from the CLI.
    json::object created = CreatedJson("/api/v1/users", {{"email", "desk@zanzibar.example"},
                                                         {"name", "Zanzibar desk person"},
                                                         {"role", kRole},
                                                         {"party_id", id}});
    if (created.contains("user")) Remember(t, "users/id", created.at("user").as_object());
    auto r = RunAccord(WithStore({"token", "create", "--user", "desk@zanzibar.example", "--name",
                                  "zanzibar isolation", "--json"},
                                 s()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    if (r.exit_code == 0) {
      json::object token = json::parse(r.out).as_object();
      t.token = Str(token.at("token"));
      t.ids["tokens/id"] = Str(token.at("id"));
      t.secrets.insert(t.ids["tokens/id"]);
    }
    AddPartyless(t);
    AddSecureMessage(t);
    AddCustomerQuestionnaire(t);
    AddAccountRequest(t);
    return t;
  }

  // Issue 26: a Secure Message our officer sent to the party's desk: only its sender and
  // recipient know it exists; the recipient page's token is secret.
  static void AddSecureMessage(Tenant& t) {
    json::object smg =
        CreatedJson("/api/v1/secure-messages", {{"recipient", "desk@" + t.word + ".example"},
                                                {"subject", t.name + " secure subject"},
                                                {"body", t.name + " secure body"}});
    t.ids["secure-messages/id"] = smg.contains("id") ? Str(smg.at("id")) : "";
    t.ids["attachments/index"] = "0";
    t.ids["secure/token"] = "isolation-unknown-token";
    t.secrets.insert(t.name + " secure subject");
  }

  // Issue 28, part 5: a questionnaire of the party's we answered and shared under its NDA, so
  // its own contact reads it and the other party's gets 404.
  // Issue 28, item 2: the tenant's contact asks for a colleague's account.
  static void AddAccountRequest(Tenant& t) {
    HttpResult r = As(t.token, "POST", "/api/v1/account-requests",
                      {"application/json",
                       json::serialize(json::object{{"name", t.name + " colleague"},
                                                    {"email", "colleague@" + t.word + ".example"},
                                                    {"reason", "answers a section"}})});
    EXPECT_EQ(r.status, 201) << r.body;
    if (r.status == 201) Remember(t, "account-requests/id", json::parse(r.body).as_object());
  }

  static void AddCustomerQuestionnaire(Tenant& t) {
    std::string id = t.ids["parties/id"];
    json::object nda = CreatedJson("/api/v1/parties/" + id + "/agreements",
                                   {{"type", "nda"},
                                    {"title", t.name + " questionnaire NDA"},
                                    {"status", "executed"},
                                    {"effective_at", "2020-01-01T00:00:00Z"},
                                    {"expires_at", "2099-01-01T00:00:00Z"}});
    t.secrets.insert(t.name + " questionnaire NDA");
    HttpResult q = HttpCall(
        s().port(), "POST",
        "/api/v1/customer-questionnaires?party_id=" + id + "&name=" + t.word + "-questionnaire",
        "Question,Answer\r\nDo you encrypt " + t.word + " data?,\r\n",
        {{"Content-Type", "text/csv"},
         {"Authorization", "Bearer " + s().token("security_officer")}});
    EXPECT_EQ(q.status, 201) << q.body;
    if (q.status != 201) return;
    std::string qid = Str(json::parse(q.body).at("id"));
    t.ids["customer-questionnaires/id"] = qid;
    t.secrets.insert(t.word + "-questionnaire");
    std::string actions = "/api/v1/customer-questionnaires/" + qid + "/actions";
    for (const char* body : {R"({"action": "answer", "answers": [{"row": 1, "answer": "Yes."}]})",
                             R"({"action": "complete"})", R"({"action": "share"})"}) {
      HttpResult r = s().Post(actions, body);
      EXPECT_EQ(r.status, 200) << body << ": " << r.body;
    }
  }

  // Valid values for the parameters that belong to no party.
  static void AddPartyless(Tenant& t) {
    t.ids["systems/id"] = Str(Items("/api/v1/systems?limit=1").at(0).at("id"));
    t.ids["certifications/id"] = Str(Items("/api/v1/certifications?limit=1").at(0).at("id"));
    t.ids["data-commitments/id"] = Str(Items("/api/v1/data-commitments?limit=1").at(0).at("id"));
    t.ids["dpf-participations/id"] =
        Str(Items("/api/v1/dpf-participations?limit=1").at(0).at("id"));
    t.ids["calendar-tokens/id"] = "cal_isolation_none";
    t.ids["Users/id"] = "usr_isolation_none";
    t.ids["Groups/id"] = "accord-staff";
    t.ids["calendar/file"] = kNoFeed;
    t.ids["scans/id"] = Str(Items("/api/v1/scans?limit=1").at(0).at("id"));
    t.ids["scan-targets/id"] = Str(Items("/api/v1/scan-targets").at(0).at("id"));
    t.ids["answer-library/id"] = Str(Items("/api/v1/answer-library?limit=1").at(0).at("id"));
    // Audit-report requests are the organisation's, not a vendor's; the NDA and download
    // pages are public and, like the feed, a token that is not the caller's answers 404.
    t.ids["report-requests/id"] = "rrq_isolation_none";
    t.ids["nda/token"] = t.ids["downloads/token"] = t.ids["subscriptions/token"] =
        "isolation-unknown-token";
    t.ids["alerts/id"] = "alr_isolation_none";
    // Status components are the organisation's (issue 27): a contact may not call their routes.
    t.ids["components/id"] = "cmp_isolation_none";
    t.ids["entitlement-reviews/id"] = "erv_isolation_none";
    t.ids["lines/line_id"] = "line_isolation_none";
    t.ids["entries/index"] = "0";
    t.ids["controls/control_id"] = "164.308(b)(1)";  // issue 23: the catalog is no party's
    t.ids["roots/size"] = "1";
    t.ids["outbox/id"] = "msg_isolation_none";  // the organisation's notifications (issue 26)
    t.ids["questionnaire-templates/id"] = TemplateId();  // issue 28: the organisation's
    // Change requests are the organisation's own (TR-5): no party has one.
    t.ids["change-requests/id"] = "cr_isolation_none";
    t.ids["forge-hooks/forge"] = "github";
    // Vendor incidents (issue 27) are our assessment of a party: its contacts may call none of
    // their routes. The demo's Nimbus Cloud Hosting has real ones, of another party.
    t.ids["vendor-incidents/id"] = "vin_isolation_none";
    for (const auto& p : Items("/api/v1/parties?limit=500&q=nimbus")) {
      for (const auto& v : Items("/api/v1/parties/" + Str(p.at("id")) + "/vendor-incidents")) {
        t.ids["vendor-incidents/id"] = Str(v.at("id"));
      }
    }
    // Breach assessments and notices (TR-8): officers only, whatever the party.
    t.ids["breach-assessments/id"] = "bra_isolation_none";
    t.ids["breach-notices/id"] = "brn_isolation_none";
  }

  // The other party's strings found in `body`, except those the request itself carried
  // (a 404 may name the id it was asked for: that tells the caller nothing new).
  static std::vector<std::string> Leaks(const Tenant& victim, const std::string& body,
                                        const std::string& request) {
    std::vector<std::string> found;
    for (const auto& secret : victim.secrets) {
      if (body.find(secret) != std::string::npos && request.find(secret) == std::string::npos) {
        found.push_back(secret);
      }
    }
    return found;
  }

  static uint64_t LedgerSize() { return s().LedgerSize(); }
  // Nothing but the server's own scheduler (actor "system") and the demo's grant expiry
  // wrote to the ledger since `before`.
  static void ExpectNothingWrittenSince(uint64_t before, const std::string& what) {
    uint64_t after = LedgerSize();
    for (uint64_t i = before; i < after; ++i) {
      json::value entry = s().GetJson("/api/v1/ledger/entries/" + std::to_string(i));
      const json::value& event = entry.at("event");
      if (event.at("actor").at("id") == "system") continue;
      EXPECT_EQ(event.at("type"), "grant.expired")
          << what << " wrote entry " << i << ": " << json::serialize(event);
    }
  }

  // Every operation with a path parameter, called with `caller`'s token on `victim`'s ids.
  // Reads (writes=false) or everything else (writes=true). Returns the number walked.
  static size_t Walk(const Tenant& caller, const Tenant& victim, bool writes) {
    std::vector<std::string> problems;
    size_t walked = 0;
    // Reads that take ?as_of= are tried at the current size too: the past is scoped as well.
    std::string as_of = writes ? "" : "as_of=" + std::to_string(LedgerSize());
    for (const auto& op : Operations(*doc_)) {
      if (!op.HasPathParam() || (op.method == "GET") == writes) continue;
      ++walked;
      std::vector<std::string> keys, missing;
      std::string target = FillPath(op.pattern, victim.ids, "", &keys, missing);
      for (const auto& key : missing) {
        problems.push_back(op.Name() + ": no value for the path parameter " + key +
                           " (add it to the tenants in SetUpTestSuite)");
      }
      if (!missing.empty()) continue;
      bool names_a_party_object = std::any_of(
          keys.begin(), keys.end(), [](const auto& k) { return !kPartylessKeys.contains(k); });
      if ((op.is_public || op.Allows(kRole)) && !names_a_party_object) {
        problems.push_back(op.Name() +
                           ": the contact may call it but it names no party's "
                           "object; decide what isolation means for it and test that");
        continue;
      }
      std::string query;
      for (const auto& name : op.required_query) {
        auto it = kQueryValues.find(name);
        if (it == kQueryValues.end()) {
          problems.push_back(op.Name() + ": no value for the query parameter " + name);
          continue;
        }
        query += (query.empty() ? "?" : "&") + name + "=" + it->second;
      }
      Body body = ValidBody(op);
      std::vector<std::string> queries = {query};
      if (op.has_as_of && !as_of.empty()) {
        queries.push_back(query + (query.empty() ? "?" : "&") + as_of);
      }
      for (const auto& q : queries) {
        HttpResult r = As(caller.token, op.method, target + q, body);
        int expected = (op.is_public || op.Allows(kRole)) ? 404 : 403;
        std::string where = op.method + " " + target + q + " as " + caller.name + "'s contact on " +
                            victim.name + "'s object";
        // A 403 must be the route table's: the role may not call the operation at all.
        bool route_refusal =
            r.body.find("the role " + kRole + " may not call " + op.Name()) != std::string::npos;
        if (r.status != expected || (expected == 403 && !route_refusal)) {
          problems.push_back(where + ": expected " +
                             (expected == 404 ? std::string("404") : "the route table's 403") +
                             ", got " + std::to_string(r.status) + " " + r.body.substr(0, 300));
        }
        for (const auto& leak : Leaks(victim, r.body, target + q + body.text)) {
          problems.push_back(where + ": the answer contains " + leak);
        }
      }
    }
    std::string report;
    for (const auto& p : problems) report += "\n  " + p;
    EXPECT_TRUE(problems.empty()) << problems.size() << " problems:" << report;
    return walked;
  }

  static size_t OperationsWithPathParams(bool writes) {
    size_t n = 0;
    for (const auto& [path, item] : doc_->at("paths").as_object()) {
      if (std::string(path).find('{') == std::string::npos) continue;
      for (const auto& [method, value] : item.as_object()) {
        if (kHttpMethods.contains(std::string(method)) && (method != "get") == writes) ++n;
      }
    }
    return n;
  }
};
ApiServer* TenantIsolationTest::server_ = nullptr;
json::object* TenantIsolationTest::doc_ = nullptr;
Tenant* TenantIsolationTest::relay_ = nullptr;
Tenant* TenantIsolationTest::other_ = nullptr;

TEST_F(TenantIsolationTest, EachContactReadsItsOwnPartysObjects) {
  // The control: both tokens work and see their own objects, so a 404 below means scope.
  ASSERT_FALSE(other_->token.empty());
  for (const Tenant* t : {relay_, other_}) {
    for (const char* key : {"parties/id", "contacts/id", "agreements/id", "documents/id"}) {
      std::string collection = std::string(key).substr(0, std::string(key).find('/'));
      std::string target = "/api/v1/" + collection + "/" + t->ids.at(key);
      if (collection == "documents") target += "/content";
      HttpResult r = As(t->token, "GET", target);
      EXPECT_EQ(r.status, 200) << t->name << "'s contact, " << target << ": " << r.body;
    }
    // Access decisions are ours, even on its own grants (vendor_view_test.cc).
    EXPECT_EQ(As(t->token, "GET", "/api/v1/access/grants/" + t->ids.at("grants/id")).status, 403);
  }
}

TEST_F(TenantIsolationTest, EveryReadWithAnIdIsNotFoundOnAnotherPartysObject) {
  size_t expected = OperationsWithPathParams(false);
  EXPECT_EQ(Walk(*relay_, *other_, false), expected);
  EXPECT_EQ(Walk(*other_, *relay_, false), expected);
}

TEST_F(TenantIsolationTest, EveryWriteWithAnIdIsNotFoundOnAnotherPartysObjectAndWritesNothing) {
  uint64_t before = LedgerSize();
  size_t expected = OperationsWithPathParams(true);
  EXPECT_EQ(Walk(*relay_, *other_, true), expected);
  EXPECT_EQ(Walk(*other_, *relay_, true), expected);
  ExpectNothingWrittenSince(before, "a contact's write on another party's object");

  // Still there, unchanged, for their owners.
  for (const Tenant* t : {relay_, other_}) {
    HttpResult contact = As(t->token, "GET", "/api/v1/contacts/" + t->ids.at("contacts/id"));
    ASSERT_EQ(contact.status, 200) << t->name << ": " << contact.body;
    EXPECT_NE(json::parse(contact.body).at("name"), "Intruder");
    HttpResult self = As(t->token, "GET", "/api/v1/parties/" + t->ids.at("parties/id"));
    EXPECT_EQ(self.status, 200) << t->name << "'s token stopped working: " << self.body;
  }
}

TEST_F(TenantIsolationTest, NamingAnotherPartyInABodyLandsNothingThere) {
  // party_id is the server's to set, from the path and the caller's scope.
  std::string elsewhere = other_->ids.at("parties/id");
  HttpResult patch =
      As(relay_->token, "PATCH", "/api/v1/contacts/" + relay_->ids.at("contacts/id"),
         {"application/json", json::serialize(json::object{{"party_id", elsewhere}})});
  EXPECT_EQ(patch.status, 422) << patch.body;
  HttpResult create =
      As(relay_->token, "POST", "/api/v1/parties/" + relay_->ids.at("parties/id") + "/contacts",
         {"application/json", json::serialize(json::object{{"name", "Relay smuggled desk"},
                                                           {"email", "smuggled@relaysms.example"},
                                                           {"party_id", elsewhere}})});
  EXPECT_EQ(create.status, 422) << create.body;
  for (const auto& c : Items("/api/v1/parties/" + elsewhere + "/contacts?limit=500")) {
    EXPECT_NE(c.at("name"), "Relay smuggled desk") << json::serialize(c);
  }
  HttpResult own = s().Get("/api/v1/contacts/" + relay_->ids.at("contacts/id"));
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(json::parse(own.body).at("party_id"), relay_->ids.at("parties/id").c_str());
}

TEST_F(TenantIsolationTest, ListsAndFiltersNeverShowAnotherPartysObjects) {
  std::vector<std::string> problems;
  for (auto [caller, victim] : {std::pair{relay_, other_}, std::pair{other_, relay_}}) {
    // Every read the contact may make of its own party, lists included.
    std::vector<std::string> targets, public_targets;
    for (const auto& op : Operations(*doc_)) {
      if (op.method != "GET" || !(op.is_public || op.Allows(kRole))) continue;
      std::vector<std::string> keys, missing;
      std::string target = FillPath(op.pattern, caller->ids, "", &keys, missing);
      if (!missing.empty()) {
        problems.push_back(op.Name() + ": no own id for " + missing[0]);
        continue;
      }
      // Public operations (sign-in steps) may refuse a token; only their content matters.
      if (!op.is_public) targets.push_back(target);
      public_targets.push_back(target);
    }
    // Filters naming the other party, its objects and its names.
    std::string party = victim->ids.at("parties/id");
    for (const std::string& t :
         {"/api/v1/parties?limit=500&q=" + victim->word, std::string("/api/v1/tokens"),
          "/api/v1/documents/" + victim->ids.at("agreement-documents/id") + "/content"}) {
      targets.push_back(t);
    }
    for (const auto& target : public_targets) {
      HttpResult r = As(caller->token, "GET", target);
      // The trust center publishes the subprocessor list to everyone on purpose: names,
      // purposes and locations the organisation chose to publish (trust_api_test.cc checks
      // that nothing else shows). No id of any object is published.
      if (target.starts_with("/trust") || target.starts_with("/api/v1/public/")) {
        EXPECT_EQ(r.body.find(victim->ids.at("parties/id")), std::string::npos) << target;
        continue;
      }
      for (const auto& leak : Leaks(*victim, r.body, target)) {
        problems.push_back(target + " as " + caller->name + "'s contact shows " + victim->name +
                           "'s " + leak);
      }
    }
    for (const auto& target : targets) {
      HttpResult r = As(caller->token, "GET", target);
      if (r.status != 200 && r.status != 404) {
        problems.push_back(target + " as " + caller->name + "'s contact: got " +
                           std::to_string(r.status) + " " + r.body.substr(0, 200));
      }
      for (const auto& leak : Leaks(*victim, r.body, target)) {
        problems.push_back(target + " as " + caller->name + "'s contact shows " + victim->name +
                           "'s " + leak);
      }
    }
    HttpResult parties = As(caller->token, "GET", "/api/v1/parties?limit=500");
    ASSERT_EQ(parties.status, 200) << parties.body;
    json::array items = json::parse(parties.body).at("items").as_array();
    ASSERT_EQ(items.size(), 1u) << caller->name << "'s contact sees " << parties.body;
    EXPECT_EQ(items[0].at("id"), caller->ids.at("parties/id").c_str());
  }
  std::string report;
  for (const auto& p : problems) report += "\n  " + p;
  EXPECT_TRUE(problems.empty()) << problems.size() << " problems:" << report;
}

}  // namespace
}  // namespace accord::testing
