// The published role × route matrix, checked against a running demo server: every operation
// in GET /api/v1/openapi.json is called anonymously and as each of the five roles, and the
// answer must be what its x-accord-roles and x-accord-public declare (CONTRACT.md "Roles and
// permissions"). docs/authorization.md is rendered from the same document and must match it.
#include <gtest/gtest.h>
#include "support/build_paths.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdlib>
#include <fstream>
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

const std::vector<std::string> kRoles = {"security_officer", "privacy_officer", "staff", "auditor",
                                         "third_party_contact"};
std::string Str(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : ""; }

// Counted apart from Operations(), so an operation that parser skipped cannot go unnoticed.
size_t DeclaredOperationCount(const json::object& doc) {
  size_t n = 0;
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [key, value] : item.as_object()) n += kHttpMethods.contains(std::string(key));
  }
  return n;
}

// Values for required query parameters, by name: valid for the demo's ledger.
const std::map<std::string, std::string> kQueryValues = {{"index", "0"},
                                                         {"size", "2"},
                                                         {"from", "1"},
                                                         {"to", "2"},
                                                         {"filename", "matrix.txt"},
                                                         {"quarter", "2026Q4"},
                                                         {"format", "trivy"},
                                                         // issue 28, part 5: an import
                                                         {"party_id", "pty_matrix_none"},
                                                         {"name", "matrix"}};

std::string ErrorMessage(const HttpResult& r) {
  json::error_code ec;
  json::value v = json::parse(r.body, ec);
  if (ec || !v.is_object()) return "";
  // SCIM's routes answer in RFC 7644's error shape, the router's refusals of them too.
  if (const json::value* d = v.as_object().if_contains("detail");
      d && v.as_object().contains("schemas")) {
    return Str(*d);
  }
  const json::value* e = v.as_object().if_contains("error");
  if (!e || !e->is_object()) return "";
  const json::value* m = e->as_object().if_contains("message");
  return m ? Str(*m) : "";
}

// The route layer's refusal (router.cc), as opposed to a profile rule's 403.
bool IsRouteRefusal(const HttpResult& r, const Operation& op, const std::string& role) {
  return r.status == 403 && ErrorMessage(r) == "the role " + role + " may not call " + op.Name();
}

// Answers that are not what the declaration alone predicts, and why they are right. Keep
// this short: every entry must still be needed (the test fails on an unused one).
struct Exception {
  std::string operation;
  std::string caller;  // a role, "anonymous", or "*"
  int status;
  std::string message;  // the start of the error message
  const char* why;
};

// The sign-in steps after the password are public at the route layer so that a session that
// is half signed in (password done, TOTP pending) reaches them. They check the portal's
// session cookie themselves: a caller without one, anonymous or with a bearer token (which is
// not a session), gets their own 401.
const char* kNoSession = "no session: sign in first";
const char* kSessionStep = "a sign-in step: it needs the session cookie and answers 401 itself";

// The NDA, download and subscription pages (issue 9) are public: their secret URL is the
// credential, and it exists only in the email it was sent in, so the walk's made-up token finds
// nothing.
const char* kSecretPage =
    "a secret-URL page: an unknown token answers 404 (report_request_test.cc uses real ones)";

constexpr const char* kSignedHook = "a forge webhook: without a valid signature it answers 403";
constexpr const char* kNoSso = "single sign-on is not set up on the matrix's server";
const char* kNotTheirs = "a Secure Message of the Security Officer's: 404 to everyone else";
const char* kNotRelays =
    "the demo's customer questionnaire is Riverside's, not the Relay SMS contact's party "
    "(customer_questionnaire_api_test.cc and tenant_isolation_test.cc read their own)";
const std::vector<Exception> kExceptions = {
    {"GET /api/v1/auth/session", "*", 401, kNoSession, kSessionStep},
    {"POST /api/v1/auth/totp", "*", 401, kNoSession, kSessionStep},
    {"POST /api/v1/auth/recovery", "*", 401, kNoSession, kSessionStep},
    {"POST /api/v1/auth/mfa/enrol", "*", 401, kNoSession, kSessionStep},
    {"POST /api/v1/auth/mfa/confirm", "*", 401, kNoSession, kSessionStep},
    {"POST /api/v1/auth/initial-password", "*", 401, kNoSession, kSessionStep},
    {"POST /api/v1/auth/sign-out", "*", 401, kNoSession, kSessionStep},
    {"POST /api/v1/auth/sign-out-everywhere", "*", 401, kNoSession, kSessionStep},
    {"POST /api/v1/auth/oidc/sign-out", "*", 401, kNoSession, kSessionStep},
    {"GET /nda/{token}", "*", 404, "", kSecretPage},
    {"GET /downloads/{token}", "*", 404, "", kSecretPage},
    {"GET /trust/subscriptions/{token}", "*", 404, "", kSecretPage},
    // The matrix's server has no [oidc]: single sign-on's pages say it is not set up (404), and
    // a return without code and state is refused (400). oidc_sign_in_test.cc runs them.
    {"GET /api/v1/auth/oidc/start", "*", 404, "", kNoSso},
    {"GET /api/v1/auth/oidc/callback", "*", 404, "", kNoSso},
    // A forge's webhook is public (a forge cannot sign in); its credential is the delivery's
    // signature or token, which the walk does not have (change_request_api_test.cc has them).
    {"POST /hooks/github", "*", 403, "", kSignedHook},
    {"POST /hooks/gitlab", "*", 403, "", kSignedHook},
    // Issue 26: a Secure Message is its sender's and recipient's alone (the Security Officer
    // sent the matrix's): to every other account it does not exist.
    {"GET /secure/{token}", "*", 404, "", kSecretPage},
    {"GET /api/v1/secure-messages/{id}", "privacy_officer", 404, "", kNotTheirs},
    {"GET /api/v1/secure-messages/{id}", "staff", 404, "", kNotTheirs},
    {"GET /api/v1/secure-messages/{id}", "auditor", 404, "", kNotTheirs},
    {"GET /api/v1/secure-messages/{id}", "third_party_contact", 404, "", kNotTheirs},
    {"GET /api/v1/connections/{id}", "third_party_contact", 404, "",
     "the demo's connections are Brightcode Studio's, another party than the Relay SMS "
     "contact's (tenant_isolation_test.cc reads its own)"},
    // Issue 28, part 5: the demo's answered questionnaire is Riverside Medical Group's.
    {"GET /api/v1/customer-questionnaires/{id}", "third_party_contact", 404, "", kNotRelays},
    // Issue 27 (TR-8): the incident the matrix reads is the demo's resolved one, which was not a
    // breach; the demo's breach assessment is read by its own id (breach_api_test.cc).
    {"GET /api/v1/incidents/{id}/breach-assessment", "*", 404, "breach assessment of incident",
     "the matrix's demo incident has no breach assessment"},
};

// Anonymous ("") first, then every role.
const std::vector<std::string> kCallers = {"",      "security_officer", "privacy_officer",
                                           "staff", "auditor",          "third_party_contact"};

std::string CallerName(const std::string& role) { return role.empty() ? "anonymous" : role; }

// A small PDF-looking payload, the way an evidence upload looks.
std::string PdfBytes(std::string_view tag) {
  std::string pdf = "%PDF-1.7\n";
  pdf += tag;
  pdf += std::string("\x00\x01\xFF\xFE\n%%EOF\n", 11);
  return pdf;
}

// --- docs/authorization.md ----------------------------------------------------------------

std::string DocPath() { return SourceDir() + "/docs/authorization.md"; }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Cell(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

std::string RowName(const Operation& op) { return "`" + op.Name() + "`"; }

const char* kPreamble = R"(# Authorization: who may call what

<!-- Generated from GET /api/v1/openapi.json by tests/http/route_matrix_test.cc
     (RouteMatrixTest.DocumentIsCurrent); do not edit by hand. After changing a route:
     ACCORD_UPDATE_DOCS=1 build/dev/accord_tests --gtest_filter=RouteMatrixTest.DocumentIsCurrent -->

Every request passes two checks, and both are enforced (CONTRACT.md, "Roles and permissions").

1. **The route table** (`ReadRoute`/`CommandRoute` with their callers, in `src/http/api_*.cc`)
   says which roles may call an operation at all. It is checked from the request's header,
   before the body is read or anything is looked up. A request without credentials to an operation that is not
   public gets `401 unauthenticated`; a role that is not listed gets `403 forbidden` with the
   message `the role R may not call METHOD PATTERN`. The OpenAPI document
   (`GET /api/v1/openapi.json`) carries the same data as `x-accord-roles` and
   `x-accord-public`, and the tables below are rendered from it.
2. **The policy profile's rules** (`profiles/*.toml`, docs/profiles.md) may narrow, among
   the roles the route table lets in, who performs an action: in the built-in profiles only
   the Security Officer approves or denies an access grant (`[access] approver_roles`),
   manages accounts (`[identity] user_admin_roles`), decides entitlement review lines
   (`[identity] reviewer_roles`), opens reviews and records SOC 2 reports and change notices
   (`[reviews] open_roles`; a party's contact may also announce its own party's changes) and
   approves or rejects reviews (`[reviews] approve_roles`); only the assignee documents a
   review, and only the roles in `[identity] break_glass_roles` may use break-glass. Such a refusal is also `403 forbidden`, with the rule's reason as the message.
   A ✓ below therefore means "may call", not "will always succeed".

tests/http/route_matrix_test.cc calls every operation anonymously and as every role against
a demo server and checks that the answers agree with this page.

## Tenant isolation

A `third_party_contact` account belongs to one party (its `party_id`, TP-7), and so does
every API token it creates. Each of its reads and writes is scoped to that party in storage:
lists hold only its own party's objects, and another party's object, whether named by id,
as the parent in a path or through a filter, answers `404 not_found` exactly like an id that
does not exist, so a contact cannot even learn that it exists. `403` is only for an
operation the role may not call at all (a blank cell below), such as the org-level systems,
accounts, alerts and the ledger. tests/http/tenant_isolation_test.cc tries every operation
with an id as one party's contact on another party's objects.

Of its own party a contact sees what it must see and do: the party's facts, its services,
contacts, agreements, documents and change notices, and what our reviews ask of it. Our
assessment of it stays ours: due diligence, control records, access grants and decisions
and the party's timeline are `403` for the role, and the fields marked internal (a party's
risk tier, criticality, owner, data categories, access level and infrastructure flag; a
change notice's substantial verdict, its reasons, the systems it touches and the review,
risk assessment and finding it opened) are left out of every answer it gets.
tests/http/vendor_view_test.cc checks it.

## Integration tokens

An integration token belongs to no person: the Security Officer makes it from a signed-in
session (`POST /api/v1/integration-tokens`) for a system, with named scopes, bound to one
party where a scope acts for one. Its caller has the role `integration`, which no column
below shows: it may call only the operations that name one of its scopes (`x-accord-scopes`
in the OpenAPI document), and gets `403 forbidden` naming the scope it lacks anywhere else.
Whatever it writes records the token as the actor. tests/http/integration_token_test.cc
checks it. Scoped operations:

@SCOPES@
## Public operations

These need no sign-in. The sign-in steps after the password (`/api/v1/auth/totp`, `.../mfa/…`,
`.../session`, `.../sign-out…`) are public so that a half signed-in session can reach them;
they check the session cookie themselves and answer `401` without one. The review calendar
feed (`/calendar/{token}.ics`) is public because a calendar client cannot sign in: its secret
URL is the credential, and an unknown or revoked token, or one whose account may no longer
read the ledger, answers `404`. The trust center (`/trust…`, `/api/v1/public/…`,
`/.well-known/security.txt`) is public by design: it shows only what the organisation
publishes (certifications valid today, its data-use commitments and DPF participation, active
and planned subprocessors' names, purposes, locations and the data-use commitments their
agreements make).

)";

std::string RenderDocument(const std::vector<Operation>& ops) {
  std::string out = kPreamble;
  std::string scoped = "| Operation | Scopes |\n|---|---|\n";
  for (const auto& op : ops) {
    if (op.scopes.empty()) continue;
    std::string names;
    for (const auto& s : op.scopes) names += (names.empty() ? "`" : ", `") + s + "`";
    scoped += "| " + RowName(op) + " | " + names + " |\n";
  }
  out.replace(out.find("@SCOPES@"), 8, scoped);
  out += "| Operation | Summary |\n|---|---|\n";
  for (const auto& op : ops) {
    if (op.is_public) out += "| " + RowName(op) + " | " + Cell(op.summary) + " |\n";
  }
  out +=
      "\n## Role × operation matrix\n\n"
      "✓: the route table lets the role call the operation; *anonymous* is a caller without "
      "credentials (public operations only). Grouped by the OpenAPI tag, in route-table order.\n";
  std::vector<std::string> tags;
  for (const auto& op : ops) {
    if (std::find(tags.begin(), tags.end(), op.tag) == tags.end()) tags.push_back(op.tag);
  }
  for (const auto& tag : tags) {
    out += "\n### " + tag + "\n\n| Operation | Summary |";
    for (const auto& role : kRoles) out += " " + role + " |";
    out += " anonymous |\n|---|---|";
    for (size_t i = 0; i <= kRoles.size(); ++i) out += ":-:|";
    out += "\n";
    for (const auto& op : ops) {
      if (op.tag != tag) continue;
      out += "| " + RowName(op) + " | " + Cell(op.summary) + " |";
      for (const auto& role : kRoles) out += (op.is_public || op.Allows(role)) ? " ✓ |" : " |";
      out += op.is_public ? " ✓ |\n" : " |\n";
    }
  }
  return out;
}

// --- the fixture --------------------------------------------------------------------------

class RouteMatrixTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ApiServer();
    HttpResult r = HttpCall(server_->port(), "GET", "/api/v1/openapi.json");
    ASSERT_EQ(r.status, 200) << r.body;
    doc_ = new json::object(json::parse(r.body).as_object());
  }
  static void TearDownTestSuite() {
    delete doc_;
    doc_ = nullptr;
    delete server_;
    server_ = nullptr;
  }
  static ApiServer* server_;
  static json::object* doc_;
  ApiServer& s() { return *server_; }

  json::array Items(const std::string& target) {
    json::value page = s().GetJson(target);
    if (!page.is_object() || !page.as_object().contains("items")) return {};
    return page.at("items").as_array();
  }
  std::string FirstId(const std::string& target) {
    json::array items = Items(target);
    return items.empty() ? "" : Str(items[0].at("id"));
  }

  // Real ids for every path parameter, by Fill()'s key: Relay SMS's objects wherever they
  // belong to a party, so the Relay SMS contact's reads succeed too.
  std::map<std::string, std::string> DemoIds() {
    std::map<std::string, std::string> ids;
    std::string relay;
    for (const auto& p : Items("/api/v1/parties?limit=500&q=relay")) {
      if (p.at("name") == "Relay SMS") relay = Str(p.at("id"));
    }
    EXPECT_FALSE(relay.empty()) << "the demo has no party Relay SMS";
    ids["parties/id"] = ids["parties/party_id"] = relay;
    for (const char* child : {"services", "contacts", "agreements", "due-diligence", "controls"}) {
      ids[std::string(child) + "/id"] =
          FirstId("/api/v1/parties/" + relay + "/" + child + "?limit=1");
    }
    // The demo uploads no document: Relay SMS gets one here.
    HttpResult up = HttpCall(s().port(), "POST",
                             "/api/v1/parties/" + relay + "/documents?filename=relay-soc2.pdf",
                             PdfBytes("relay soc2"),
                             {{"Content-Type", "application/pdf"},
                              {"Authorization", "Bearer " + s().token("security_officer")}});
    EXPECT_EQ(up.status, 201) << up.body;
    if (up.status == 201) ids["documents/id"] = Str(json::parse(up.body).at("id"));
    ids["grants/id"] = FirstId("/api/v1/access/grants?party_id=" + relay);
    ids["systems/id"] = FirstId("/api/v1/systems?limit=1");
    ids["certifications/id"] = FirstId("/api/v1/certifications?limit=1");
    // Issue 29: the demo's data-use commitments and DPF participation.
    ids["data-commitments/id"] = FirstId("/api/v1/data-commitments?limit=1");
    ids["dpf-participations/id"] = FirstId("/api/v1/dpf-participations?limit=1");
    ids["users/id"] = FirstId("/api/v1/users?limit=1");
    // SCIM: no person may call it (the provider's `scim` token); the matrix's server has no
    // [oidc] groups, so any group name is unknown.
    ids["Users/id"] = ids["users/id"];
    ids["Groups/id"] = "accord-staff";
    ids["outbox/id"] = FirstId("/api/v1/outbox?limit=1");  // the demo's deliveries (issue 26)
    ids["alerts/id"] = RaiseBreakGlassAlert();
    // The demo opens no entitlement review: an elevated one is opened here.
    HttpResult review = s().Post("/api/v1/entitlement-reviews", R"({"scope": "elevated"})");
    EXPECT_EQ(review.status, 201) << review.body;
    if (review.status == 201)
      ids["entitlement-reviews/id"] = Str(json::parse(review.body).at("id"));
    ids["entries/index"] = "0";
    // Issue 23: a control of the compliance catalog.
    ids["controls/control_id"] = "164.308(b)(1)";
    ids["roots/size"] = "1";
    // Issue 6: the demo's review and change notice of Relay SMS and a finding; a calendar feed
    // (public: its secret URL is the credential).
    ids["reviews/id"] = FirstId("/api/v1/reviews?limit=1&party_id=" + relay);
    ids["change-notices/id"] = FirstId("/api/v1/change-notices?limit=1&party_id=" + relay);
    ids["findings/id"] = FirstId("/api/v1/findings?limit=1");
    // Issue 27: the demo's status components (seeded once the server listens).
    ids["components/id"] = FirstId("/api/v1/status/components");
    // Issue 24: the demo's scans and scanned targets.
    ids["scans/id"] = FirstId("/api/v1/scans?limit=1");
    ids["scan-targets/id"] = FirstId("/api/v1/scan-targets");
    // Issue 28, part 5: the demo's library answers and Riverside's questionnaire.
    ids["answer-library/id"] = FirstId("/api/v1/answer-library?limit=1");
    ids["customer-questionnaires/id"] = FirstId("/api/v1/customer-questionnaires?limit=1");
    // TP-5: the demo's connections are Brightcode Studio's, under its file exchange grant.
    for (const auto& p : Items("/api/v1/parties?limit=500&q=brightcode")) {
      ids["connections/id"] = FirstId("/api/v1/parties/" + Str(p.at("id")) + "/connections");
    }
    // A SOC 2 report Relay SMS's contact submits (issue 20): the contact reads its own.
    HttpResult soc2 = s().Post("/api/v1/parties/" + relay + "/soc2-reports",
                               R"({"type": "type1", "period_end": "2026-01-31",
                                   "auditor": "Matrix Assurance", "opinion": "unqualified"})",
                               "third_party_contact");
    EXPECT_EQ(soc2.status, 201) << soc2.body;
    if (soc2.status == 201) ids["soc2-reports/id"] = Str(json::parse(soc2.body).at("id"));
    // Issue 28: a questionnaire template and one sent to Relay SMS's contact (the demo seeds
    // both; made here when it does not).
    ids["questionnaire-templates/id"] = FirstId("/api/v1/questionnaire-templates?limit=1");
    if (ids["questionnaire-templates/id"].empty()) {
      HttpResult t = s().Post("/api/v1/questionnaire-templates/hipaa-vendor", "");
      EXPECT_EQ(t.status, 201) << t.body;
      if (t.status == 201) ids["questionnaire-templates/id"] = Str(json::parse(t.body).at("id"));
    }
    ids["questionnaires/id"] = FirstId("/api/v1/questionnaires?limit=1&party_id=" + relay);
    if (ids["questionnaires/id"].empty()) {
      json::object send{{"template_id", ids["questionnaire-templates/id"]},
                        {"contact_id", ids["contacts/id"]},
                        {"due_at", "2099-01-01T00:00:00Z"}};
      HttpResult q =
          s().Post("/api/v1/parties/" + relay + "/questionnaires", json::serialize(send));
      EXPECT_EQ(q.status, 201) << q.body;
      if (q.status == 201) ids["questionnaires/id"] = Str(json::parse(q.body).at("id"));
    }
    // Issue 28, item 2: a colleague's account asked for by Relay SMS's contact.
    HttpResult acr = s().Post("/api/v1/account-requests",
                              R"({"name": "Matrix Colleague", "email": "matrix@relay.example",
                                  "reason": "walked by the matrix"})",
                              "third_party_contact");
    EXPECT_EQ(acr.status, 201) << acr.body;
    if (acr.status == 201) ids["account-requests/id"] = Str(json::parse(acr.body).at("id"));
    // Issue 9: an audit-report request logged by staff; NDA and download links are secret.
    HttpResult rrq = s().Post("/api/v1/report-requests",
                              R"({"name": "Route Matrix", "email": "matrix@example.org",
                                  "organisation": "Matrix Org", "report_type": "soc2_type2"})",
                              "staff");
    EXPECT_EQ(rrq.status, 201) << rrq.body;
    if (rrq.status == 201) ids["report-requests/id"] = Str(json::parse(rrq.body).at("id"));
    ids["nda/token"] = ids["downloads/token"] = ids["subscriptions/token"] = "matrix-unknown-token";
    // Issue 26: a Secure Message the Security Officer sends; its recipient page's token is secret.
    HttpResult smg = s().Post("/api/v1/secure-messages",
                              R"({"recipient": "matrix@example.org", "subject": "Route matrix",
                                  "body": "walked by the matrix"})");
    EXPECT_EQ(smg.status, 201) << smg.body;
    if (smg.status == 201) ids["secure-messages/id"] = Str(json::parse(smg.body).at("id"));
    ids["secure/token"] = "matrix-unknown-token";
    HttpResult feed = s().Post("/api/v1/calendar-tokens", R"({"name": "route matrix"})");
    EXPECT_EQ(feed.status, 201) << feed.body;
    if (feed.status == 201) ids["calendar/file"] = Str(json::parse(feed.body).at("token")) + ".ics";
    // Issue 24: the demo's change requests; a forge's webhook secret.
    ids["change-requests/id"] = FirstId("/api/v1/change-requests?limit=1");
    ids["forge-hooks/forge"] = "github";
    // Issue 27 (TR-8): the demo's resolved incident, which Relay SMS is involved in.
    ids["incidents/id"] = FirstId("/api/v1/incidents?limit=1&status=postmortem");
    // Issue 27: the vendor incidents the demo's Nimbus Cloud Hosting feed reported.
    for (const auto& p : Items("/api/v1/parties?limit=500&q=nimbus")) {
      ids["vendor-incidents/id"] =
          FirstId("/api/v1/parties/" + Str(p.at("id")) + "/vendor-incidents");
    }
    // The demo's breach assessment, through the notices it still owes.
    json::value due = s().GetJson("/api/v1/breach/notices-due");
    if (due.is_object() && !due.at("items").as_array().empty()) {
      ids["breach-assessments/id"] = Str(due.at("items").at(0).at("assessment_id"));
    }
    for (auto it = ids.begin(); it != ids.end();) {
      it = it->second.empty() ? ids.erase(it) : std::next(it);
    }
    return ids;
  }

  // The demo raises no alert; break-glass does. It is an interactive sign-in, so staff signs
  // in with the demo password, enrols TOTP (codes from the real clock: the server runs on it)
  // and elevates. Returns the alert's id.
  std::string RaiseBreakGlassAlert() {
    std::string cookie, csrf;
    auto step = [&](const std::string& target, const json::object& body) {
      std::vector<std::pair<std::string, std::string>> headers = {
          {"Content-Type", "application/json"}};
      if (!cookie.empty()) headers.emplace_back("Cookie", cookie);
      if (!csrf.empty()) headers.emplace_back("X-CSRF-Token", csrf);
      HttpResult r = HttpCall(s().port(), "POST", target, json::serialize(body), headers);
      EXPECT_EQ(r.status, 200) << target << ": " << r.body;
      if (r.status != 200) return json::object{};
      if (std::string set = r.Header("Set-Cookie"); !set.empty())
        cookie = set.substr(0, set.find(';'));
      json::object out = json::parse(r.body).as_object();
      if (out.contains("csrf_token")) csrf = Str(out.at("csrf_token"));
      return out;
    };
    step("/api/v1/auth/sign-in",
         {{"email", s().email("staff")}, {"password", s().password("staff")}});
    json::object enrol = step("/api/v1/auth/mfa/enrol", {});
    auto secret = Base32Decode(enrol.contains("secret") ? Str(enrol.at("secret")) : "");
    if (!secret.ok()) return "";
    step("/api/v1/auth/mfa/confirm", {{"code", Totp(*secret, SystemClock().Now())}});
    json::object elevated =
        step("/api/v1/auth/break-glass",
             {{"reason", "route matrix test: an alert for the officers to read"}});
    return elevated.contains("alert_id") ? Str(elevated.at("alert_id")) : "";
  }

  uint64_t LedgerSize() { return s().LedgerSize(); }
};
ApiServer* RouteMatrixTest::server_ = nullptr;
json::object* RouteMatrixTest::doc_ = nullptr;

TEST_F(RouteMatrixTest, EveryOperationAnswersEachRoleAsDeclared) {
  std::vector<Operation> ops = Operations(*doc_);
  ASSERT_GE(ops.size(), 40u);
  std::map<std::string, std::string> ids = DemoIds();
  uint64_t ledger_before = LedgerSize();

  std::vector<std::string> problems;
  std::set<size_t> used_exceptions;
  size_t walked = 0;
  for (const auto& op : ops) {
    ++walked;
    bool read = op.method == "GET";
    std::vector<std::string> missing;
    // Reads use real ids, so an allowed role must get its 2xx. Writes use ids that exist
    // nowhere and an empty body, so nothing is written whoever is let through.
    std::string target =
        FillPath(op.pattern, ids, read ? "" : "matrix-nonexistent", nullptr, missing);
    for (const auto& key : missing) {
      problems.push_back(op.Name() + ": no demo id for the parameter " + key +
                         " (add one to DemoIds())");
    }
    if (!missing.empty()) continue;
    std::string query;
    for (const auto& name : op.required_query) {
      auto it = kQueryValues.find(name);
      if (it == kQueryValues.end()) {
        problems.push_back(op.Name() + ": no value for the required query parameter " + name);
        continue;
      }
      query += (query.empty() ? "?" : "&") + name + "=" + it->second;
    }
    std::string body = (read || op.method == "DELETE") ? "" : "{}";
    for (const std::string& role : kCallers) {
      HttpResult r = s().Call(op.method, target + query, body, role);
      std::string who = CallerName(role);
      std::string expected;
      bool ok = false;
      if (op.is_public) {
        expected = read ? "2xx (public)" : "neither 401 nor 403 (public)";
        ok = read ? (r.status >= 200 && r.status < 300)
                  : (r.status != 401 && r.status != 403 && r.status >= 400 && r.status < 500);
      } else if (role.empty()) {
        expected = "401";
        ok = r.status == 401;
      } else if (!op.Allows(role)) {
        expected = "403 from the route table";
        ok = IsRouteRefusal(r, op, role);
      } else if (read) {
        expected = "2xx";
        ok = r.status >= 200 && r.status < 300;
      } else {
        // A profile rule may still refuse with its own 403; the route table must not.
        expected = "4xx, not 401 and not the route table's 403 (empty body, unknown id)";
        ok = r.status >= 400 && r.status < 500 && r.status != 401 && !IsRouteRefusal(r, op, role);
      }
      if (ok) continue;
      bool excused = false;
      for (size_t i = 0; i < kExceptions.size(); ++i) {
        const Exception& e = kExceptions[i];
        if (e.operation == op.Name() && (e.caller == "*" || e.caller == who) &&
            e.status == r.status && ErrorMessage(r).starts_with(e.message)) {
          used_exceptions.insert(i);
          excused = true;
        }
      }
      if (excused) continue;
      problems.push_back(op.method + " " + target + query + " as " + who + ": expected " +
                         expected + ", got " + std::to_string(r.status) + " " +
                         r.body.substr(0, 300));
    }
  }
  EXPECT_EQ(walked, DeclaredOperationCount(*doc_)) << "every operation is walked, none skipped";
  std::string report;
  for (const auto& p : problems) report += "\n  " + p;
  EXPECT_TRUE(problems.empty()) << problems.size()
                                << " answers differ from the declaration:" << report;
  for (size_t i = 0; i < kExceptions.size(); ++i) {
    EXPECT_TRUE(used_exceptions.contains(i))
        << "the exception for " << kExceptions[i].operation << " (" << kExceptions[i].caller << " "
        << kExceptions[i].status << ", " << kExceptions[i].why
        << ") is no longer needed: remove it";
  }

  // Nothing the walk sent may have written, beyond the server's own scheduler (actor
  // "system": scheduled reviews, overdue flags) and the demo's grant expiry.
  uint64_t ledger_after = LedgerSize();
  for (uint64_t i = ledger_before; i < ledger_after; ++i) {
    json::value entry = s().GetJson("/api/v1/ledger/entries/" + std::to_string(i));
    const json::value& event = entry.at("event");
    if (event.at("actor").at("id") == "system") continue;
    EXPECT_EQ(event.at("type"), "grant.expired")
        << "entry " << i << " was written by the walk: " << json::serialize(event);
  }
}

TEST_F(RouteMatrixTest, DocumentIsCurrent) {
  std::string rendered = RenderDocument(Operations(*doc_));
  if (const char* update = std::getenv("ACCORD_UPDATE_DOCS");
      update && update == std::string("1")) {
    std::ofstream(DocPath(), std::ios::binary | std::ios::trunc) << rendered;
    ASSERT_EQ(ReadFile(DocPath()), rendered) << "could not write " << DocPath();
    return;
  }
  EXPECT_EQ(ReadFile(DocPath()), rendered)
      << DocPath() << " is out of date with the route table: regenerate it with "
      << "ACCORD_UPDATE_DOCS=1 accord_tests --gtest_filter=RouteMatrixTest.DocumentIsCurrent";
}

TEST_F(RouteMatrixTest, DocumentListsEveryOperationWithItsRoles) {
  std::string text = ReadFile(DocPath());
  ASSERT_FALSE(text.empty()) << DocPath() << " is missing";
  std::vector<Operation> ops = Operations(*doc_);
  ASSERT_EQ(ops.size(), DeclaredOperationCount(*doc_));
  for (const auto& op : ops) {
    std::string row = "| " + RowName(op) + " | " + Cell(op.summary) + " |";
    for (const auto& role : kRoles) row += (op.is_public || op.Allows(role)) ? " ✓ |" : " |";
    row += op.is_public ? " ✓ |" : " |";
    EXPECT_NE(text.find(row + "\n"), std::string::npos)
        << op.Name() << " is missing from " << DocPath() << " or lists other roles: " << row;
  }
}

}  // namespace
}  // namespace accord::testing
