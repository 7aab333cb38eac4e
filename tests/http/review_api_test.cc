// The recurring reviews over HTTP on the luma demo (TP-9 … TP-15): the TP-12 workflow
// (open, assign, document, reject, approve) one ledger event per step, every refused step
// writing nothing, change notices with their risk assessment, SOC 2 reports and findings,
// the dashboard, the quarterly SLA-review report (JSON, CSV, HTML), the outbox and the
// iCalendar feed read back with libical.
#include <gtest/gtest.h>
#include <libical/ical.h>

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "accord/core/clock.h"
#include "accord/core/csv.h"
#include "accord/core/otp.h"
#include "accord/core/rrule.h"
#include "accord/core/time.h"
#include "support/api_assert.h"
#include "support/api_server.h"
#include "support/shared_server_test.h"

namespace accord::testing {
namespace {

namespace json = boost::json;
using std::chrono::days;
using std::chrono::minutes;

std::string Str(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : ""; }
std::string Str(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v ? Str(*v) : "";
}
std::string At(TimePoint t) { return FormatRfc3339(t); }

std::string PdfBytes(std::string_view tag) {
  std::string pdf = "%PDF-1.7\n";
  pdf += tag;
  pdf += std::string("\x00\x01\xFF\xFE\n%%EOF\n", 11);
  return pdf;
}

// Every field named in an error's details.
std::vector<std::string> Fields(const json::object& error) {
  std::vector<std::string> out;
  if (!error.contains("details")) return out;
  for (const auto& d : error.at("details").as_array()) out.push_back(Str(d.at("field")));
  return out;
}
bool Names(const json::object& error, const std::string& field) {
  auto f = Fields(error);
  return std::find(f.begin(), f.end(), field) != f.end();
}

struct IcalFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using IcalPtr = std::unique_ptr<icalcomponent, IcalFree>;

struct FeedEvent {
  int64_t start = 0;  // DTSTART, Unix seconds
  std::string summary;
};

// Every VEVENT by UID, as libical reads the feed; no parse errors allowed.
std::map<std::string, FeedEvent> FeedEvents(const std::string& text) {
  std::map<std::string, FeedEvent> out;
  IcalPtr cal(icalparser_parse_string(text.c_str()));
  EXPECT_NE(cal, nullptr) << text;
  if (!cal) return out;
  EXPECT_EQ(icalcomponent_isa(cal.get()), ICAL_VCALENDAR_COMPONENT);
  EXPECT_EQ(icalcomponent_count_errors(cal.get()), 0) << text;
  for (icalcomponent* e = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT); e;
       e = icalcomponent_get_next_component(cal.get(), ICAL_VEVENT_COMPONENT)) {
    const char* uid = icalcomponent_get_uid(e);
    const char* summary = icalcomponent_get_summary(e);
    EXPECT_NE(uid, nullptr);
    if (!uid) continue;
    icaltimetype start = icalcomponent_get_dtstart(e);
    EXPECT_TRUE(icaltime_is_utc(start)) << uid;
    out[uid] = {static_cast<int64_t>(icaltime_as_timet(start)), summary ? summary : ""};
  }
  return out;
}

int64_t UnixSeconds(TimePoint t) {
  return std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count();
}

const std::vector<std::string> kNonOfficers = {"staff", "auditor", "third_party_contact"};

class ReviewApiTest : public SharedServerTest {
 protected:
  TimePoint Now() const { return SystemClock().Now(); }

  HttpResult Call(const std::string& method, const std::string& target,
                  const std::string& body = "", const std::string& role = "security_officer") {
    return s().Call(method, target, body, role);
  }
  HttpResult Post(const std::string& target, const json::object& body,
                  const std::string& role = "security_officer") {
    return Call("POST", target, json::serialize(body), role);
  }
  json::object Ok(const HttpResult& r, int status = 200) {
    EXPECT_EQ(r.status, status) << r.body;
    if (r.status != status) return {};
    return json::parse(r.body).as_object();
  }
  json::object Create(const std::string& target, const json::object& body,
                      const std::string& role = "security_officer") {
    return Ok(Post(target, body, role), 201);
  }
  json::object Get(const std::string& target, const std::string& role = "security_officer") {
    return s().GetJson(target, role).as_object();
  }
  json::array Items(const std::string& target, const std::string& role = "security_officer") {
    json::object page = Get(target, role);
    return page.contains("items") ? page.at("items").as_array() : json::array{};
  }

  // The id of a demo account, found by its email.
  std::string UserId(const std::string& role) {
    for (const auto& u : Items("/api/v1/users?limit=500")) {
      if (u.at("email") == s().email(role).c_str()) return Str(u.at("id"));
    }
    ADD_FAILURE() << "no account for " << role;
    return "";
  }
  std::string PartyId(const std::string& name) {
    for (const auto& p : Items("/api/v1/parties?limit=500")) {
      if (p.at("name") == name.c_str()) return Str(p.at("id"));
    }
    ADD_FAILURE() << "no party " << name;
    return "";
  }
  std::string NewParty(const std::string& name, const std::string& kind = "partner") {
    return Str(Create("/api/v1/parties", {{"name", name}, {"kind", kind}}), "id");
  }

  // --- the ledger ---------------------------------------------------------------------------

  json::object Entry(uint64_t index) {
    return Get("/api/v1/ledger/entries/" + std::to_string(index)).at("event").as_object();
  }
  // The events written since `before` by requests: the server's own scheduler (actor
  // "system": scheduled reviews, overdue flags) and the demo's two-minute grant expiring may
  // append at any time, and are not what a request wrote.
  std::vector<json::object> WrittenSince(uint64_t before) {
    std::vector<json::object> out;
    uint64_t after = s().LedgerSize();
    for (uint64_t i = before; i < after; ++i) {
      json::object e = Entry(i);
      if (Str(e.at("actor").as_object(), "id") == "system" || e.at("type") == "grant.expired") {
        continue;
      }
      out.push_back(std::move(e));
    }
    return out;
  }
  std::vector<std::string> TypesSince(uint64_t before) {
    std::vector<std::string> types;
    for (const auto& e : WrittenSince(before)) types.push_back(Str(e.at("type")));
    return types;
  }
  void ExpectNothingWrittenSince(uint64_t before, const std::string& what) {
    for (const auto& e : WrittenSince(before)) {
      ADD_FAILURE() << what << " wrote " << json::serialize(e);
    }
  }
  // The action's answer, after checking it wrote exactly `types` (the first at its
  // ledger_index).
  json::object Step(const HttpResult& r, uint64_t before, const std::vector<std::string>& types,
                    int status = 200) {
    json::object out = Ok(r, status);
    EXPECT_EQ(TypesSince(before), types) << r.body;
    // The answer's ledger_index is its own object's event, one of those.
    if (out.contains("ledger_index")) {
      json::object e = Entry(out.at("ledger_index").to_number<uint64_t>());
      EXPECT_NE(std::find(types.begin(), types.end(), Str(e.at("type"))), types.end())
          << json::serialize(e);
      EXPECT_EQ(e.at("subject").at("id"), out.at("id"));
    }
    return out;
  }

  // --- reviews ------------------------------------------------------------------------------

  HttpResult Act(const std::string& review, const json::object& body,
                 const std::string& role = "security_officer") {
    return Post("/api/v1/reviews/" + review + "/actions", body, role);
  }
  json::object OpenReview(const std::string& party, TimePoint due,
                          const std::string& kind = "party_review") {
    return Create("/api/v1/reviews",
                  {{"review_kind", kind}, {"party_id", party}, {"due_at", At(due)}});
  }
  static json::object PartyReviewDocs() {
    return {{"sla_performance", "99.95% uptime; P1 response within 15 minutes all quarter"},
            {"security_performance", "No incidents; audit trail reviewed"},
            {"compliance_performance", "SOC 2 Type II current; BAA obligations met"},
            {"contacts_confirmed", true}};
  }
  // Assigned to the privacy officer, documented by them, approved by the security officer.
  json::object ApproveThrough(const std::string& review, const json::object& docs) {
    Ok(Act(review, {{"action", "assign"}, {"assignee_id", UserId("privacy_officer")}}));
    Ok(Act(review, {{"action", "document"}, {"documentation", docs}}, "privacy_officer"));
    return Ok(Act(review, {{"action", "approve"}, {"comment", "ok"}}));
  }
  // A due date in the current calendar quarter, a few days ahead.
  TimePoint DueThisQuarter() {
    TimePoint now = Now();
    auto quarter = ParseQuarter(QuarterLabel(now));
    EXPECT_TRUE(quarter.ok());
    return now + std::min<TimePoint::duration>(days(7), (quarter->second - now) / 2);
  }
};

// --- TP-12: the workflow ---------------------------------------------------------------------

TEST_F(ReviewApiTest, PartyReviewGoesThroughTheWorkflowOneEventPerStep) {
  std::string party = NewParty("Orbit Relay Partners");
  std::string officer = UserId("security_officer"), privacy = UserId("privacy_officer");
  TimePoint due = Now() + days(10);

  uint64_t before = s().LedgerSize();
  json::object r = Step(Post("/api/v1/reviews", {{"review_kind", "party_review"},
                                                 {"party_id", party},
                                                 {"due_at", At(due)},
                                                 {"comment", "ad hoc: new regional contract"}}),
                        before, {"review.opened"}, 201);
  std::string id = Str(r, "id");
  ASSERT_TRUE(id.starts_with("rev_")) << json::serialize(r);
  EXPECT_EQ(r.at("status"), "open");
  EXPECT_EQ(r.at("party_id"), party.c_str());
  EXPECT_EQ(r.at("due_at"), At(due).c_str());
  EXPECT_NE(Str(r, "title").find("Orbit Relay Partners"), std::string::npos) << Str(r, "title");

  before = s().LedgerSize();
  r = Step(Act(id, {{"action", "assign"}, {"assignee_id", privacy}}), before, {"review.assigned"});
  EXPECT_EQ(r.at("status"), "assigned");
  EXPECT_EQ(r.at("assignee").at("id"), privacy.c_str());

  before = s().LedgerSize();
  r = Step(
      Act(id, {{"action", "document"}, {"documentation", PartyReviewDocs()}}, "privacy_officer"),
      before, {"review.documented"});
  EXPECT_EQ(r.at("status"), "documented");
  EXPECT_EQ(r.at("documentation").at("documented_by").at("id"), privacy.c_str());

  before = s().LedgerSize();
  r = Step(Act(id, {{"action", "reject"}, {"comment", "Add the Q3 incident report figures"}}),
           before, {"review.rejected"});
  EXPECT_EQ(r.at("status"), "assigned");
  ASSERT_EQ(r.at("rejections").as_array().size(), 1u);
  EXPECT_EQ(r.at("rejections").at(0).at("comment"), "Add the Q3 incident report figures");
  EXPECT_EQ(r.at("rejections").at(0).at("by").at("id"), officer.c_str());

  json::object docs = PartyReviewDocs();
  docs["security_performance"] = "One P3 incident in Q3 (ticket 4411), closed in 2 days";
  before = s().LedgerSize();
  r = Step(Act(id, {{"action", "document"}, {"documentation", docs}}, "privacy_officer"), before,
           {"review.documented"});
  EXPECT_EQ(r.at("status"), "documented");

  before = s().LedgerSize();
  r = Step(Act(id, {{"action", "approve"}, {"comment", "Complete"}}), before, {"review.approved"});
  EXPECT_EQ(r.at("status"), "approved");
  EXPECT_EQ(r.at("on_time"), true);
  EXPECT_EQ(r.at("approved_by").at("id"), officer.c_str());
  EXPECT_EQ(r.at("rejections").as_array().size(), 1u);  // the rejection stays on record

  // The read side agrees, and the filters find it.
  json::object read = Get("/api/v1/reviews/" + id);
  EXPECT_EQ(read.at("status"), "approved");
  EXPECT_EQ(read.at("documentation").at("security_performance"), docs.at("security_performance"));
  auto listed = [&](const std::string& query) {
    for (const auto& item : Items("/api/v1/reviews?limit=500&" + query)) {
      if (item.at("id") == id.c_str()) return true;
    }
    return false;
  };
  EXPECT_TRUE(listed("review_kind=party_review&party_id=" + party));
  EXPECT_TRUE(listed("status=approved&party_id=" + party));
  EXPECT_FALSE(listed("status=open&party_id=" + party));
  EXPECT_TRUE(listed("due_after=" + At(due - minutes(1)) + "&due_before=" + At(due + minutes(1))));
  EXPECT_FALSE(listed("due_before=" + At(due - minutes(1))));
  EXPECT_FALSE(listed("overdue=true"));
  EXPECT_EQ(Get("/api/v1/reviews/" + id, "auditor").at("status"), "approved");
  // The due filters read today's reviews: with a past ledger size they would mix two times.
  EXPECT_EQ(FirstField(ExpectError(
                Call("GET", "/api/v1/reviews?overdue=true&as_of=3", "", "security_officer"), 422,
                "validation_failed")),
            "as_of");
}

// Separation of duties (issue 19): the Security Officer may document a review assigned to
// it, but then another approver decides; luma allows no self-approval.
TEST_F(ReviewApiTest, WhoeverDocumentedAReviewDoesNotApproveIt) {
  std::string party = NewParty("Separation Review Partners");
  json::object r = Create("/api/v1/reviews", {{"review_kind", "party_review"},
                                              {"party_id", party},
                                              {"due_at", At(Now() + days(20))},
                                              {"assignee_id", UserId("security_officer")}});
  std::string id = Str(r, "id");
  Ok(Act(id, {{"action", "document"}, {"documentation", PartyReviewDocs()}}));
  uint64_t before = s().LedgerSize();
  json::object e = ExpectError(Act(id, {{"action", "approve"}}), 403, "forbidden");
  EXPECT_EQ(FirstField(e), "documented_by");
  EXPECT_NE(Str(e, "message").find("another approver"), std::string::npos) << Str(e, "message");
  ExpectNothingWrittenSince(before, "a self-approval");
  // Rejecting its own documentation sends it back: no conflict of interest there.
  json::object back = Ok(Act(id, {{"action", "reject"}, {"comment", "Redo with the SOC 2"}}));
  EXPECT_EQ(back.at("status"), "assigned");
  // Documented by the Privacy Officer instead, the Security Officer approves.
  Ok(Act(id, {{"action", "assign"}, {"assignee_id", UserId("privacy_officer")}}));
  Ok(Act(id, {{"action", "document"}, {"documentation", PartyReviewDocs()}}, "privacy_officer"));
  json::object approved = Ok(Act(id, {{"action", "approve"}}));
  EXPECT_EQ(approved.at("status"), "approved");
  EXPECT_FALSE(approved.contains("self_approved"));
}

TEST_F(ReviewApiTest, RefusedStepsAnswerTheirStatusAndWriteNothing) {
  std::string party = NewParty("Refusal Test Partners");
  std::string privacy = UserId("privacy_officer"), staff = UserId("staff");
  json::object r = Create("/api/v1/reviews", {{"review_kind", "party_review"},
                                              {"party_id", party},
                                              {"due_at", At(Now() + days(20))},
                                              {"assignee_id", privacy}});
  std::string id = Str(r, "id");
  ASSERT_EQ(r.at("status"), "assigned");

  uint64_t before = s().LedgerSize();
  // The state machine: nothing to approve yet.
  json::object e = ExpectError(Act(id, {{"action", "approve"}}), 409, "conflict");
  EXPECT_NE(Str(e, "message").find("allowed: assign, document"), std::string::npos)
      << Str(e, "message");
  // Only the assignee documents, even a security officer who could be assigned.
  ExpectError(Act(id, {{"action", "document"}, {"documentation", PartyReviewDocs()}}), 403,
              "forbidden");
  // Every missing section is named.
  json::object partial = PartyReviewDocs();
  partial.erase("compliance_performance");
  partial["contacts_confirmed"] = false;
  e = ExpectError(Act(id, {{"action", "document"}, {"documentation", partial}}, "privacy_officer"),
                  422, "validation_failed");
  EXPECT_TRUE(Names(e, "documentation.compliance_performance")) << json::serialize(e);
  EXPECT_TRUE(Names(e, "documentation.contacts_confirmed")) << json::serialize(e);
  e = ExpectError(Act(id, {{"action", "document"}, {"documentation", {{"summary", "fine"}}}},
                      "privacy_officer"),
                  422, "validation_failed");
  for (const char* section : {"sla_performance", "security_performance", "compliance_performance",
                              "contacts_confirmed"}) {
    EXPECT_TRUE(Names(e, std::string("documentation.") + section)) << section;
  }
  e = ExpectError(Act(id, {{"action", "document"}}, "privacy_officer"), 422, "validation_failed");
  EXPECT_EQ(FirstField(e), "documentation");
  // Assignees come from the profile's assignee roles.
  e = ExpectError(Act(id, {{"action", "assign"}, {"assignee_id", staff}}), 422,
                  "validation_failed");
  EXPECT_EQ(FirstField(e), "assignee_id");
  e = ExpectError(Act(id, {{"action", "assign"}, {"assignee_id", "usr_nobody"}}), 422,
                  "validation_failed");
  EXPECT_EQ(FirstField(e), "assignee_id");
  e = ExpectError(Act(id, {{"action", "assign"}}), 422, "validation_failed");
  EXPECT_EQ(FirstField(e), "assignee_id");
  // Only the profile's open roles (luma: the security officer) assign.
  ExpectError(Act(id, {{"action", "assign"}, {"assignee_id", privacy}}, "privacy_officer"), 403,
              "forbidden");
  ExpectNothingWrittenSince(before, "refused steps on an assigned review");

  Ok(Act(id, {{"action", "document"}, {"documentation", PartyReviewDocs()}}, "privacy_officer"));
  before = s().LedgerSize();
  e = ExpectError(Act(id, {{"action", "reject"}}), 422, "validation_failed");
  EXPECT_EQ(FirstField(e), "comment");
  ExpectError(Act(id, {{"action", "reject"}, {"comment", ""}}), 422, "validation_failed");
  // luma: only the security officer approves or rejects (TP-12).
  e = ExpectError(Act(id, {{"action", "approve"}}, "privacy_officer"), 403, "forbidden");
  EXPECT_NE(Str(e, "message").find("security_officer"), std::string::npos) << Str(e, "message");
  ExpectError(Act(id, {{"action", "reject"}, {"comment", "no"}}, "privacy_officer"), 403,
              "forbidden");
  ExpectError(
      Act(id, {{"action", "document"}, {"documentation", PartyReviewDocs()}}, "privacy_officer"),
      409, "conflict");
  // The route table keeps roles outside the workforce out before the body is read; staff
  // is let in (a profile may name it) and luma's rules refuse it.
  for (const std::string& role : kNonOfficers) {
    bool workforce = role == "staff";
    e = ExpectError(Act(id, {{"action", "approve"}}, role), 403, "forbidden");
    EXPECT_EQ(Str(e, "message"),
              workforce ? "the profile lets only security_officer approve or reject reviews (TP-12)"
                        : "the role " + role + " may not call POST /api/v1/reviews/{id}/actions");
    e = ExpectError(
        Post(
            "/api/v1/reviews",
            {{"review_kind", "party_review"}, {"party_id", party}, {"due_at", At(Now() + days(3))}},
            role),
        403, "forbidden");
    EXPECT_EQ(Str(e, "message"), workforce
                                     ? "the profile lets only security_officer open reviews (TP-12)"
                                     : "the role " + role + " may not call POST /api/v1/reviews");
  }
  ExpectError(Call("POST", "/api/v1/reviews/" + id + "/actions", R"({"action": "approve"})", ""),
              401, "unauthenticated");
  // Unknown ids, bad bodies.
  ExpectError(Act("rev_doesnotexist", {{"action", "approve"}}), 404, "not_found");
  e = ExpectError(Act(id, {{"action", "escalate"}}), 422, "validation_failed");
  EXPECT_EQ(FirstField(e), "action");
  ExpectError(Call("POST", "/api/v1/reviews/" + id + "/actions", "{\"action\": "), 400,
              "malformed_json");
  e = ExpectError(Act(id, {{"action", "approve"}, {"approve_anyway", true}}), 422,
                  "validation_failed");
  EXPECT_EQ(FirstField(e), "approve_anyway");
  ExpectNothingWrittenSince(before, "refused steps on a documented review");

  // Opening: the open roles, a known kind, a party, a future due date, a well-formed body.
  before = s().LedgerSize();
  auto open = [&](json::object body, const std::string& role = "security_officer") {
    return Post("/api/v1/reviews", body, role);
  };
  json::object good{
      {"review_kind", "party_review"}, {"party_id", party}, {"due_at", At(Now() + days(3))}};
  e = ExpectError(open(good, "privacy_officer"), 403, "forbidden");
  EXPECT_NE(Str(e, "message").find("open reviews"), std::string::npos) << Str(e, "message");
  json::object bad = good;
  bad["review_kind"] = "vibe_check";
  EXPECT_EQ(FirstField(ExpectError(open(bad), 422, "validation_failed")), "review_kind");
  bad["review_kind"] = "change_review";  // opened by a change notice only
  EXPECT_EQ(FirstField(ExpectError(open(bad), 422, "validation_failed")), "review_kind");
  bad = good;
  bad["due_at"] = At(Now() - days(1));
  EXPECT_EQ(FirstField(ExpectError(open(bad), 422, "validation_failed")), "due_at");
  bad["due_at"] = "next tuesday";
  EXPECT_EQ(FirstField(ExpectError(open(bad), 422, "validation_failed")), "due_at");
  bad = good;
  bad.erase("due_at");
  EXPECT_EQ(FirstField(ExpectError(open(bad), 422, "validation_failed")), "due_at");
  bad = good;
  bad.erase("party_id");
  EXPECT_EQ(FirstField(ExpectError(open(bad), 422, "validation_failed")), "party_id");
  bad["party_id"] = "pty_nobody";
  EXPECT_EQ(FirstField(ExpectError(open(bad), 422, "validation_failed")), "party_id");
  bad = good;
  bad["review_kind"] = "partner_list_review";  // covers every party
  EXPECT_EQ(FirstField(ExpectError(open(bad), 422, "validation_failed")), "party_id");
  bad = good;
  bad["priority"] = "high";
  EXPECT_EQ(FirstField(ExpectError(open(bad), 422, "validation_failed")), "priority");
  ExpectError(Call("POST", "/api/v1/reviews", "{not json"), 400, "malformed_json");
  ExpectError(Call("POST", "/api/v1/reviews", "[1, 2]"), 422, "validation_failed");
  ExpectNothingWrittenSince(before, "refused review openings");

  // After all that the review still completes.
  json::object done = Ok(Act(id, {{"action", "approve"}}));
  EXPECT_EQ(done.at("status"), "approved");
  before = s().LedgerSize();
  ExpectError(Act(id, {{"action", "reject"}, {"comment", "too late"}}), 409, "conflict");
  ExpectError(Act(id, {{"action", "assign"}, {"assignee_id", privacy}}), 409, "conflict");
  ExpectNothingWrittenSince(before, "steps on an approved review");
}

// An emergency elevation is for the emergency: a staff member in break-glass holds the
// security officer's role but opens, approves and records nothing of the review workflow.
TEST_F(ReviewApiTest, BreakGlassSessionDoesNotRunTheReviewWorkflow) {
  std::string party = NewParty("Break Glass Test Partners");
  std::string id = Str(OpenReview(party, Now() + days(4)), "id");
  std::string cookie, csrf;
  auto session = [&](const std::string& method, const std::string& target,
                     const json::object& body) {
    std::vector<std::pair<std::string, std::string>> headers = {
        {"Content-Type", "application/json"}};
    if (!cookie.empty()) headers.emplace_back("Cookie", cookie);
    if (!csrf.empty()) headers.emplace_back("X-CSRF-Token", csrf);
    HttpResult r =
        HttpCall(s().port(), method, target, method == "GET" ? "" : json::serialize(body), headers);
    if (std::string set = r.Header("Set-Cookie"); !set.empty()) {
      cookie = set.substr(0, set.find(';'));
    }
    if (r.status == 200) {
      json::value v = json::parse(r.body);
      if (v.is_object() && v.as_object().contains("csrf_token")) {
        csrf = Str(v.at("csrf_token"));
      }
    }
    return r;
  };
  Ok(session("POST", "/api/v1/auth/sign-in",
             {{"email", s().email("staff")}, {"password", s().password("staff")}}));
  json::object enrol = Ok(session("POST", "/api/v1/auth/mfa/enrol", {}));
  auto secret = Base32Decode(Str(enrol, "secret"));
  ASSERT_TRUE(secret.ok());
  Ok(session("POST", "/api/v1/auth/mfa/confirm", {{"code", Totp(*secret, Now())}}));
  Ok(session("POST", "/api/v1/auth/break-glass",
             {{"reason", "review api test: production outage at the hosting provider"}}));

  // Elevated: it reads like a security officer...
  EXPECT_EQ(session("GET", "/api/v1/dashboard", {}).status, 200);
  EXPECT_EQ(session("GET", "/api/v1/reviews/" + id, {}).status, 200);
  // ...but the workflow refuses it.
  uint64_t before = s().LedgerSize();
  for (const auto& [target, body] : std::vector<std::pair<std::string, json::object>>{
           {"/api/v1/reviews",
            {{"review_kind", "party_review"},
             {"party_id", party},
             {"due_at", At(Now() + days(3))}}},
           {"/api/v1/reviews/" + id + "/actions",
            {{"action", "assign"}, {"assignee_id", UserId("privacy_officer")}}},
           {"/api/v1/findings", {{"title", "from break-glass"}, {"severity", "low"}}},
           {"/api/v1/parties/" + party + "/soc2-reports",
            {{"type", "type1"},
             {"period_end", At(Now() - days(30))},
             {"auditor", "A"},
             {"opinion", "unqualified"},
             {"reviewed_at", At(Now() - days(1))}}},
           {"/api/v1/change-notices",
            {{"party_id", party},
             {"title", "t"},
             {"description", "d"},
             {"planned_at", At(Now() + days(3))}}}}) {
    json::object e = ExpectError(session("POST", target, body), 403, "forbidden");
    EXPECT_NE(Str(e, "message").find("break-glass"), std::string::npos)
        << target << ": " << Str(e, "message");
  }
  // A feed follows the account's own role (staff: none), so none is made for an elevation.
  json::object e = ExpectError(session("POST", "/api/v1/calendar-tokens", {{"name", "glass"}}), 403,
                               "forbidden");
  EXPECT_NE(Str(e, "message").find("break-glass"), std::string::npos) << Str(e, "message");
  ExpectNothingWrittenSince(before, "the review workflow during break-glass");
}

// --- TP-9: change notices --------------------------------------------------------------------

TEST_F(ReviewApiTest, SubstantialChangeNeedsItsRiskAssessmentApprovedFirst) {
  std::string party = NewParty("Fjord Data Partners");
  json::object ephi = Create("/api/v1/systems", {{"name", "Fjord claims store"},
                                                 {"environment", "production"},
                                                 {"contains_ephi", true},
                                                 {"owner", "Claims team"}});
  TimePoint planned = Now() + days(12);
  uint64_t before = s().LedgerSize();
  json::object notice =
      Step(Post("/api/v1/change-notices", {{"party_id", party},
                                           {"title", "Claims API moves to a new cluster"},
                                           {"description", "Fjord migrates the claims API."},
                                           {"system_ids", json::array{ephi.at("id")}},
                                           {"planned_at", At(planned)}}),
           before, {"change_notice.created", "review.opened", "review.opened"}, 201);
  EXPECT_EQ(notice.at("substantial"), true);
  EXPECT_EQ(notice.at("status"), "under_review");
  ASSERT_EQ(notice.at("substantial_reasons").as_array().size(), 1u);
  EXPECT_NE(Str(notice.at("substantial_reasons").at(0)).find("ePHI"), std::string::npos)
      << json::serialize(notice);
  std::string change_review = Str(notice, "change_review_id");
  std::string risk = Str(notice, "risk_assessment_id");
  ASSERT_FALSE(change_review.empty());
  ASSERT_FALSE(risk.empty());
  json::object cr = Get("/api/v1/reviews/" + change_review);
  EXPECT_EQ(cr.at("review_kind"), "change_review");
  EXPECT_EQ(cr.at("due_at"), At(planned).c_str());
  EXPECT_EQ(Get("/api/v1/reviews/" + risk).at("review_kind"), "risk_assessment");

  // The change review is ready first; it still waits for the risk assessment.
  std::string privacy = UserId("privacy_officer");
  Ok(Act(change_review, {{"action", "assign"}, {"assignee_id", privacy}}));
  json::object change_docs{{"summary", "Cluster move with a rolling cut-over"},
                           {"impact", "Claims API, 5 minutes of read-only"},
                           {"backout_plan", "DNS back to the old cluster"}};
  json::object missing = change_docs;
  missing.erase("backout_plan");
  json::object e = ExpectError(
      Act(change_review, {{"action", "document"}, {"documentation", missing}}, "privacy_officer"),
      422, "validation_failed");
  EXPECT_TRUE(Names(e, "documentation.backout_plan")) << json::serialize(e);
  Ok(Act(change_review, {{"action", "document"}, {"documentation", change_docs}},
         "privacy_officer"));
  before = s().LedgerSize();
  e = ExpectError(Act(change_review, {{"action", "approve"}}), 409, "conflict");
  EXPECT_NE(Str(e, "message").find(risk), std::string::npos) << Str(e, "message");
  ExpectNothingWrittenSince(before, "approving a change review before its risk assessment");

  json::object risk_done =
      ApproveThrough(risk, {{"summary", "New cluster in the same region"}, {"risk_level", "low"}});
  EXPECT_EQ(risk_done.at("status"), "approved");

  // Approving the change review approves the change notice: two events.
  before = s().LedgerSize();
  json::object approved = Step(Act(change_review, {{"action", "approve"}, {"comment", "Go"}}),
                               before, {"review.approved", "change_notice.status_changed"});
  EXPECT_EQ(approved.at("status"), "approved");
  json::object read = Get("/api/v1/change-notices/" + Str(notice, "id"));
  EXPECT_EQ(read.at("status"), "approved");

  // Implemented after approval: no finding.
  before = s().LedgerSize();
  json::object implemented = Step(
      Post("/api/v1/change-notices/" + Str(notice, "id") + "/actions", {{"action", "implemented"}}),
      before, {"change_notice.implemented"});
  EXPECT_EQ(implemented.at("status"), "implemented");
  EXPECT_TRUE(implemented.at("finding_id").is_null());
  ExpectError(
      Post("/api/v1/change-notices/" + Str(notice, "id") + "/actions", {{"action", "withdrawn"}}),
      409, "conflict");
}

TEST_F(ReviewApiTest, RoutineChangeHasNoRiskAssessmentAndUnapprovedImplementationIsAFinding) {
  std::string party = NewParty("Kestrel Routing Partners");
  json::object body{{"party_id", party},
                    {"title", "Kestrel renames its status page"},
                    {"description", "Cosmetic"},
                    {"planned_at", At(Now() + days(5))}};
  uint64_t before = s().LedgerSize();
  json::object routine = Step(Post("/api/v1/change-notices", body), before,
                              {"change_notice.created", "review.opened"}, 201);
  EXPECT_EQ(routine.at("substantial"), false);
  EXPECT_TRUE(routine.at("risk_assessment_id").is_null());
  EXPECT_TRUE(routine.at("substantial_reasons").as_array().empty());

  // A new subprocessor is substantial by the profile's rules.
  json::object sub = body;
  sub["title"] = "Kestrel adds a subprocessor";
  sub["new_subprocessor"] = true;
  json::object substantial = Create("/api/v1/change-notices", sub);
  EXPECT_EQ(substantial.at("substantial"), true);
  EXPECT_FALSE(substantial.at("risk_assessment_id").is_null());

  // Implemented while its review is still open: a finding of rule unapproved_change.
  std::string id = Str(routine, "id");
  before = s().LedgerSize();
  json::object done =
      Step(Post("/api/v1/change-notices/" + id + "/actions",
                {{"action", "implemented"}, {"comment", "They went ahead"}}),
           before, {"finding.opened", "review.cancelled", "change_notice.implemented"});
  std::string finding = Str(done, "finding_id");
  ASSERT_FALSE(finding.empty()) << json::serialize(done);
  // Its review is cancelled (the finding carries the follow-up), and the change is final.
  json::object review = Get("/api/v1/reviews/" + Str(done, "change_review_id"));
  EXPECT_EQ(review.at("status"), "cancelled");
  EXPECT_NE(Str(review, "title").find("Change review"), std::string::npos);
  ExpectError(Post("/api/v1/change-notices/" + id + "/actions", {{"action", "withdrawn"}}), 409,
              "conflict");
  bool found = false;
  for (const auto& f : Items("/api/v1/findings?limit=500&party_id=" + party)) {
    if (f.at("id") != finding.c_str()) continue;
    found = true;
    EXPECT_EQ(f.at("rule"), "unapproved_change");
    EXPECT_EQ(f.at("status"), "open");
    EXPECT_EQ(f.at("source").at("id"), id.c_str());
  }
  EXPECT_TRUE(found) << "GET /api/v1/findings does not show " << finding;

  // Refused: a plan in the past, an unknown system, a future implementation date.
  before = s().LedgerSize();
  json::object past = body;
  past["planned_at"] = At(Now() - days(1));
  EXPECT_EQ(FirstField(ExpectError(Post("/api/v1/change-notices", past), 422, "validation_failed")),
            "planned_at");
  json::object unknown_system = body;
  unknown_system["system_ids"] = json::array{"sys_nope"};
  EXPECT_EQ(FirstField(ExpectError(Post("/api/v1/change-notices", unknown_system), 422,
                                   "validation_failed")),
            "system_ids");
  json::object no_party = body;
  no_party["party_id"] = "pty_nope";
  EXPECT_EQ(
      FirstField(ExpectError(Post("/api/v1/change-notices", no_party), 422, "validation_failed")),
      "party_id");
  EXPECT_EQ(
      FirstField(ExpectError(Post("/api/v1/change-notices/" + Str(substantial, "id") + "/actions",
                                  {{"action", "implemented"}, {"at", At(Now() + days(1))}}),
                             422, "validation_failed")),
      "at");
  ExpectError(Post("/api/v1/change-notices/chg_nope/actions", {{"action", "withdrawn"}}), 404,
              "not_found");
  ExpectError(Post("/api/v1/change-notices", body, "privacy_officer"), 403, "forbidden");
  ExpectError(Post("/api/v1/change-notices", body, "staff"), 403, "forbidden");
  ExpectError(Post("/api/v1/change-notices/" + Str(substantial, "id") + "/actions",
                   {{"action", "withdrawn"}}, "third_party_contact"),
              403, "forbidden");
  ExpectNothingWrittenSince(before, "refused change notices");

  // Withdrawn: its open reviews are cancelled.
  before = s().LedgerSize();
  json::object withdrawn =
      Step(Post("/api/v1/change-notices/" + Str(substantial, "id") + "/actions",
                {{"action", "withdrawn"}}),
           before, {"review.cancelled", "review.cancelled", "change_notice.withdrawn"});
  EXPECT_EQ(withdrawn.at("status"), "withdrawn");
  EXPECT_EQ(Get("/api/v1/reviews/" + Str(substantial, "risk_assessment_id")).at("status"),
            "cancelled");
}

// A review asks the party for something; its contact reads only the request and answers with
// a message and its own documents; nobody else's contact can see or answer it.
TEST_F(ReviewApiTest, AReviewAsksThePartyAndItsContactAnswers) {
  std::string relay = PartyId("Relay SMS");
  std::string other = NewParty("Osprey Text Partners");
  std::string id = Str(OpenReview(relay, Now() + days(20)), "id");
  std::string requests = "/api/v1/parties/" + relay + "/requests";
  size_t asked_before = Items(requests, "third_party_contact").size();

  // Asking needs a message; a contact cannot ask; an organisation-wide review has nobody.
  ExpectError(Act(id, {{"action", "request_info"}}), 422, "validation_failed");
  ExpectError(Act(id, {{"action", "request_info"}, {"comment", "x"}}, "third_party_contact"), 403,
              "forbidden");
  uint64_t before = s().LedgerSize();
  json::object asked = Step(Act(id, {{"action", "request_info"},
                                     {"comment", "Please send your latest penetration test."}}),
                            before, {"review.info_requested"});
  EXPECT_EQ(asked.at("status"), "open") << "asking does not move the workflow";
  EXPECT_EQ(asked.at("awaiting_party"), true);

  json::array open = Items(requests, "third_party_contact");
  ASSERT_EQ(open.size(), asked_before + 1);
  json::object mine;
  for (const auto& r : open) {
    if (r.at("id") == id.c_str()) mine = r.as_object();
  }
  ASSERT_FALSE(mine.empty());
  EXPECT_EQ(mine.at("party_requests").at(0).at("message"),
            "Please send your latest penetration test.");
  EXPECT_FALSE(mine.contains("documentation")) << "the contact sees the request, not the review";
  EXPECT_FALSE(mine.contains("assignee"));
  ExpectError(Call("GET", "/api/v1/parties/" + other + "/requests", "", "third_party_contact"), 404,
              "not_found");
  EXPECT_EQ(Items(requests, "auditor").size(), open.size());

  // The answer: a message and a document of its own party, never another's.
  HttpResult up =
      HttpCall(s().port(), "POST", "/api/v1/parties/" + relay + "/documents?filename=pentest.txt",
               "Pen test 2026: no high findings.\n",
               {{"Content-Type", "text/plain"},
                {"Authorization", "Bearer " + s().token("third_party_contact")}});
  ASSERT_EQ(up.status, 201) << up.body;
  std::string doc = Str(json::parse(up.body).as_object(), "id");
  std::string respond = "/api/v1/reviews/" + id + "/responses";
  ExpectError(Post(respond, {{"message", ""}}, "third_party_contact"), 422, "validation_failed");
  ExpectError(Post(respond, {{"message", "here"}, {"documents", json::array{"doc_nope"}}},
                   "third_party_contact"),
              422, "validation_failed");
  ExpectError(Post(respond, {{"message", "here"}}, "security_officer"), 403, "forbidden");
  before = s().LedgerSize();
  json::object answered = Step(Post(respond,
                                    {{"message", "Attached: our 2026 penetration test."},
                                     {"documents", json::array{json::value(doc)}}},
                                    "third_party_contact"),
                               before, {"review.party_responded"});
  EXPECT_EQ(answered.at("awaiting_party"), false);
  EXPECT_EQ(answered.at("party_responses").at(0).at("documents").at(0), doc.c_str());
  EXPECT_EQ(answered.at("party_responses").at(0).at("by").at("role"), "third_party_contact");
  EXPECT_EQ(Get("/api/v1/reviews/" + id).at("party_responses").as_array().size(), 1u);

  // Another party's review: as if it did not exist. One that asked nothing: 409.
  std::string theirs = Str(OpenReview(other, Now() + days(20)), "id");
  Ok(Act(theirs, {{"action", "request_info"}, {"comment", "Send your BAA."}}));
  ExpectError(
      Post("/api/v1/reviews/" + theirs + "/responses", {{"message", "hi"}}, "third_party_contact"),
      404, "not_found");
  std::string quiet = Str(OpenReview(relay, Now() + days(25)), "id");
  ExpectError(
      Post("/api/v1/reviews/" + quiet + "/responses", {{"message", "hi"}}, "third_party_contact"),
      409, "conflict");
}

TEST_F(ReviewApiTest, AThirdPartyAnnouncesChangesToItsOwnServicesOnly) {
  std::string relay = PartyId("Relay SMS");
  std::string other = NewParty("Gannet Messaging Partners");
  json::object body{{"party_id", relay},
                    {"title", "Relay SMS rotates its sender ids"},
                    {"description", "New short codes from next month."},
                    {"planned_at", At(Now() + days(30))}};
  uint64_t before = s().LedgerSize();
  json::object own = Step(Post("/api/v1/change-notices", body, "third_party_contact"), before,
                          {"change_notice.created", "review.opened"}, 201);
  EXPECT_EQ(own.at("party_id"), relay.c_str());
  // Whether it is substantial, and its review, are ours (vendor_view_test.cc): the officer
  // sees them, the contact does not.
  EXPECT_FALSE(own.contains("substantial"));
  json::object ours = Get("/api/v1/change-notices/" + Str(own, "id"));
  EXPECT_EQ(ours.at("substantial"), false);
  // Its own change notices it can read back; the review is not its to see.
  EXPECT_EQ(Get("/api/v1/change-notices/" + Str(own, "id"), "third_party_contact").at("id"),
            own.at("id"));
  ExpectError(
      Call("GET", "/api/v1/reviews/" + Str(ours, "change_review_id"), "", "third_party_contact"),
      403, "forbidden");

  before = s().LedgerSize();
  json::object elsewhere = body;
  elsewhere["party_id"] = other;
  ExpectError(Post("/api/v1/change-notices", elsewhere, "third_party_contact"), 404, "not_found");
  json::object decided = body;
  decided["substantial"] = false;
  EXPECT_EQ(FirstField(ExpectError(Post("/api/v1/change-notices", decided, "third_party_contact"),
                                   422, "validation_failed")),
            "substantial");
  json::object systems = body;  // which of our systems a change touches is ours to say
  systems["system_ids"] = json::array{"sys_any"};
  EXPECT_EQ(FirstField(ExpectError(Post("/api/v1/change-notices", systems, "third_party_contact"),
                                   422, "validation_failed")),
            "system_ids");
  ExpectNothingWrittenSince(before, "a third party's refused change notices");
  // Another party's change notice is invisible to it.
  json::object theirs = Create("/api/v1/change-notices", elsewhere);
  ExpectError(Call("GET", "/api/v1/change-notices/" + Str(theirs, "id"), "", "third_party_contact"),
              404, "not_found");
  for (const auto& c : Items("/api/v1/change-notices?limit=500", "third_party_contact")) {
    EXPECT_EQ(c.at("party_id"), relay.c_str()) << json::serialize(c);
  }
}

// --- TP-11: SOC 2 reports --------------------------------------------------------------------

TEST_F(ReviewApiTest, Soc2ReportWithExceptionsOpensAFindingForEach) {
  std::string party = NewParty("Stratus Hosting Partners");
  std::string officer = UserId("security_officer");
  json::object report{
      {"type", "type2"},
      {"period_start", At(Now() - days(400))},
      {"period_end", At(Now() - days(35))},
      {"auditor", "Example Assurance LLP"},
      {"opinion", "qualified"},
      {"issued_at", At(Now() - days(10))},
      {"reviewed_at", At(Now() - days(1))},
      {"exceptions",
       json::array{json::object{{"control", "CC6.1 logical access"},
                                {"description", "Shared admin account"},
                                {"severity", "high"}},
                   json::object{{"control", "CC7.2 monitoring"}, {"description", "Alert gap"}}}},
      {"user_entity_controls",
       json::array{json::object{{"control", "We enforce MFA on our console users"},
                                {"owner_id", officer},
                                {"in_place", true}}}}};
  std::string target = "/api/v1/parties/" + party + "/soc2-reports";
  uint64_t before = s().LedgerSize();
  json::object created = Ok(Post(target, report), 201);
  std::vector<std::string> types = TypesSince(before);
  ASSERT_EQ(types.size(), 5u) << json::serialize(json::value_from(types));
  EXPECT_EQ(types.front(), "soc2_report.created");
  EXPECT_EQ(std::count(types.begin(), types.end(), "finding.opened"), 3);
  EXPECT_EQ(types.back(), "soc2_report.findings_opened");
  std::string id = Str(created, "id");
  ASSERT_EQ(created.at("finding_ids").as_array().size(), 3u) << json::serialize(created);
  EXPECT_EQ(created.at("reviewed_by").at("id"), officer.c_str());

  json::object read = Get("/api/v1/soc2-reports/" + id);
  EXPECT_EQ(read.at("finding_ids"), created.at("finding_ids"));
  json::array listed = Items(target);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].at("id"), id.c_str());

  std::multiset<std::string> rules;
  std::map<std::string, std::string> severity_by_title;
  for (const auto& fid : created.at("finding_ids").as_array()) {
    json::object f = Get("/api/v1/findings/" + Str(fid));
    EXPECT_EQ(f.at("party_id"), party.c_str());
    EXPECT_EQ(f.at("source").at("kind"), "soc2_report");
    EXPECT_EQ(f.at("source").at("id"), id.c_str());
    rules.insert(Str(f, "rule"));
    severity_by_title[Str(f, "title")] = Str(f, "severity");
  }
  EXPECT_EQ(rules,
            (std::multiset<std::string>{"soc2_opinion", "soc2_exception", "soc2_exception"}));
  for (const auto& [title, severity] : severity_by_title) {
    if (title.find("CC6.1") != std::string::npos) EXPECT_EQ(severity, "high") << title;
    if (title.find("CC7.2") != std::string::npos) EXPECT_EQ(severity, "medium") << title;
  }

  // Bad reports name the field and write nothing.
  before = s().LedgerSize();
  auto refused = [&](json::object body, const std::string& field) {
    json::object e = ExpectError(Post(target, body), 422, "validation_failed");
    EXPECT_TRUE(Names(e, field)) << field << ": " << json::serialize(e);
  };
  json::object bad = report;
  bad["period_end"] = At(Now() - days(500));
  refused(bad, "period_end");
  bad = report;
  bad["user_entity_controls"].as_array()[0].as_object()["owner_id"] = "usr_nobody";
  refused(bad, "user_entity_controls[0].owner_id");
  bad["user_entity_controls"].as_array()[0].as_object()["owner_id"] =
      UserId("third_party_contact");  // a party's contact owns none of our controls
  refused(bad, "user_entity_controls[0].owner_id");
  bad = report;
  bad.erase("period_start");
  refused(bad, "period_start");
  bad = report;
  bad["reviewed_at"] = At(Now() + days(2));
  refused(bad, "reviewed_at");
  bad = report;
  bad["opinion"] = "glowing";
  refused(bad, "opinion");
  ExpectError(Call("POST", target, "{\"type\": "), 400, "malformed_json");
  ExpectError(Post("/api/v1/parties/pty_nobody/soc2-reports", report), 404, "not_found");
  for (const std::string& role : kNonOfficers) {
    ExpectError(Post(target, report, role), 403, "forbidden");
  }
  // luma: SOC 2 reports are recorded by the profile's open roles, the security officer.
  json::object e = ExpectError(Post(target, report, "privacy_officer"), 403, "forbidden");
  EXPECT_NE(Str(e, "message").find("security_officer"), std::string::npos) << Str(e, "message");
  ExpectNothingWrittenSince(before, "refused SOC 2 reports");

  // A clean Type I report opens nothing.
  json::object clean{{"type", "type1"},
                     {"period_end", At(Now() - days(20))},
                     {"auditor", "Example Assurance LLP"},
                     {"opinion", "unqualified"},
                     {"reviewed_at", At(Now() - days(1))}};
  before = s().LedgerSize();
  json::object c = Step(Post(target, clean), before, {"soc2_report.created"}, 201);
  EXPECT_TRUE(!c.contains("finding_ids") || c.at("finding_ids").is_null() ||
              c.at("finding_ids").as_array().empty())
      << json::serialize(c);

  // Another party's review cannot cite this party's report, nor evidence that does not exist.
  std::string other = NewParty("Otter Hosting Partners");
  json::object review = Create("/api/v1/reviews", {{"review_kind", "party_review"},
                                                   {"party_id", other},
                                                   {"due_at", At(Now() + days(20))},
                                                   {"assignee_id", UserId("privacy_officer")}});
  json::object docs = PartyReviewDocs();
  docs["soc2_report_ids"] = json::array{c.at("id")};
  docs["evidence"] = json::array{"doc_nope"};
  before = s().LedgerSize();
  json::object bad_docs = ExpectError(
      Act(Str(review, "id"), {{"action", "document"}, {"documentation", docs}}, "privacy_officer"),
      422, "validation_failed");
  EXPECT_TRUE(Names(bad_docs, "documentation.soc2_report_ids")) << json::serialize(bad_docs);
  EXPECT_TRUE(Names(bad_docs, "documentation.evidence")) << json::serialize(bad_docs);
  ExpectNothingWrittenSince(before, "documentation citing another party's report");
}

// --- TP-14: findings -------------------------------------------------------------------------

TEST_F(ReviewApiTest, FindingIsDueByTheRemediationWindowAndResolvedWithEvidence) {
  std::string party = NewParty("Heron Analytics Partners");
  std::string officer = UserId("security_officer");
  uint64_t before = s().LedgerSize();
  TimePoint at = Now();
  json::object f = Step(Post("/api/v1/findings", {{"title", "Heron keeps logs 400 days"},
                                                  {"description", "Retention beyond contract"},
                                                  {"severity", "high"},
                                                  {"party_id", party}}),
                        before, {"finding.opened"}, 201);
  std::string id = Str(f, "id");
  EXPECT_EQ(f.at("status"), "open");
  EXPECT_EQ(f.at("rule"), "manual");
  EXPECT_EQ(f.at("owner").at("id"), officer.c_str());  // default: whoever opened it
  auto due = ParseRfc3339(Str(f, "due_at"));
  ASSERT_TRUE(due.ok()) << Str(f, "due_at");
  // luma keeps the default: high findings are remediated within 30 days.
  EXPECT_LT(std::chrono::abs(*due - (at + days(30))), minutes(1)) << Str(f, "due_at");

  std::string act = "/api/v1/findings/" + id + "/actions";
  before = s().LedgerSize();
  EXPECT_EQ(FirstField(ExpectError(Post(act, {{"action", "resolve"}, {"comment", "Fixed"}}), 422,
                                   "validation_failed")),
            "evidence");
  EXPECT_EQ(FirstField(ExpectError(Post(act, {{"action", "resolve"}}), 422, "validation_failed")),
            "comment");
  EXPECT_EQ(FirstField(ExpectError(Post(act, {{"action", "resolve"},
                                              {"comment", "Fixed"},
                                              {"evidence", json::array{"doc_nope"}}}),
                                   422, "validation_failed")),
            "evidence");
  ExpectError(Post(act, {{"action", "reopen"}, {"comment", "again"}}), 409, "conflict");
  EXPECT_EQ(FirstField(ExpectError(Post("/api/v1/findings", {{"title", "x"}, {"severity", "dire"}}),
                                   422, "validation_failed")),
            "severity");
  EXPECT_EQ(FirstField(ExpectError(
                Post("/api/v1/findings",
                     {{"title", "x"}, {"severity", "low"}, {"due_at", At(Now() - days(1))}}),
                422, "validation_failed")),
            "due_at");
  ExpectError(Post("/api/v1/findings/fnd_nope/actions", {{"action", "reopen"}, {"comment", "x"}}),
              404, "not_found");
  for (const std::string& role : kNonOfficers) {
    ExpectError(Post("/api/v1/findings", {{"title", "x"}, {"severity", "low"}}, role), 403,
                "forbidden");
    ExpectError(Post(act, {{"action", "accept_risk"}, {"comment", "x"}}, role), 403, "forbidden");
  }
  ExpectNothingWrittenSince(before, "refused finding actions");

  // The proof, uploaded as a document.
  HttpResult up = HttpCall(s().port(), "POST",
                           "/api/v1/parties/" + party + "/documents?filename=retention-fix.pdf",
                           PdfBytes("retention policy v2"),
                           {{"Content-Type", "application/pdf"},
                            {"Authorization", "Bearer " + s().token("security_officer")}});
  std::string doc = Str(Ok(up, 201), "id");
  ASSERT_FALSE(doc.empty());

  before = s().LedgerSize();
  json::object resolved = Step(Post(act, {{"action", "resolve"},
                                          {"comment", "Retention set to 90 days"},
                                          {"evidence", json::array{json::value(doc)}}}),
                               before, {"finding.resolved"});
  EXPECT_EQ(resolved.at("status"), "resolved");
  EXPECT_EQ(resolved.at("resolution").at("evidence"), json::array{json::value(doc)});
  EXPECT_EQ(resolved.at("resolution").at("on_time"), true);
  ExpectError(Post(act, {{"action", "accept_risk"}, {"comment", "x"}}), 409, "conflict");

  before = s().LedgerSize();
  json::object reopened =
      Step(Post(act, {{"action", "reopen"}, {"comment", "Logs still found at 120 days"}},
                "privacy_officer"),
           before, {"finding.reopened"});
  EXPECT_EQ(reopened.at("status"), "open");
  EXPECT_TRUE(reopened.at("resolution").is_null());

  before = s().LedgerSize();
  EXPECT_EQ(
      FirstField(ExpectError(Post(act, {{"action", "accept_risk"}}), 422, "validation_failed")),
      "comment");
  ExpectNothingWrittenSince(before, "accept_risk without a comment");
  json::object accepted =
      Step(Post(act, {{"action", "accept_risk"}, {"comment", "Contract ends in 60 days"}}), before,
           {"finding.risk_accepted"});
  EXPECT_EQ(accepted.at("status"), "risk_accepted");
  EXPECT_EQ(accepted.at("resolution").at("comment"), "Contract ends in 60 days");
  EXPECT_EQ(Get("/api/v1/findings/" + id, "auditor").at("status"), "risk_accepted");
}

// --- the dashboard, the report, the outbox ------------------------------------------------------

TEST_F(ReviewApiTest, DashboardCountsFollowTheReviews) {
  auto counts = [&](const std::string& role = "security_officer") {
    return Get("/api/v1/dashboard", role)
        .at("reviews")
        .at("by_kind")
        .at("party_review")
        .as_object();
  };
  auto n = [](const json::object& c, const char* key) { return c.at(key).as_int64(); };
  json::object start = counts();
  std::string party = NewParty("Dashboard Test Partners");
  std::string id = Str(OpenReview(party, Now() + days(5)), "id");
  json::object opened = counts();
  EXPECT_EQ(n(opened, "open"), n(start, "open") + 1);
  EXPECT_EQ(n(opened, "due_next_30_days"), n(start, "due_next_30_days") + 1);
  EXPECT_EQ(n(opened, "done_on_time"), n(start, "done_on_time"));

  ApproveThrough(id, PartyReviewDocs());
  json::object done = counts("auditor");
  EXPECT_EQ(n(done, "open"), n(start, "open"));
  EXPECT_EQ(n(done, "due_next_30_days"), n(start, "due_next_30_days"));
  EXPECT_EQ(n(done, "done_on_time"), n(start, "done_on_time") + 1);
  EXPECT_EQ(n(done, "done_late"), n(start, "done_late"));

  json::object dash = Get("/api/v1/dashboard", "privacy_officer");
  int64_t open_findings = dash.at("findings").at("open").as_int64();
  int64_t low = dash.at("findings").at("open_by_severity").at("low").as_int64();
  Create("/api/v1/findings", {{"title", "Dashboard low finding"}, {"severity", "low"}});
  dash = Get("/api/v1/dashboard");
  EXPECT_EQ(dash.at("findings").at("open").as_int64(), open_findings + 1);
  EXPECT_EQ(dash.at("findings").at("open_by_severity").at("low").as_int64(), low + 1);

  ExpectError(Call("GET", "/api/v1/dashboard", "", "staff"), 403, "forbidden");
  ExpectError(Call("GET", "/api/v1/dashboard", "", "third_party_contact"), 403, "forbidden");
  ExpectError(Call("GET", "/api/v1/dashboard", "", ""), 401, "unauthenticated");
}

// The portal's dashboard: agreements and grants running out, and the chart series.
TEST_F(ReviewApiTest, DashboardListsAgreementsRunningOutAndChartSeries) {
  std::string party = NewParty("Expiring Paper Partners");
  auto agreement = [&](int expires_in_days) {
    return Str(Create("/api/v1/parties/" + party + "/agreements",
                      {{"type", "nda"},
                       {"status", "executed"},
                       {"effective_at", At(Now() - days(30))},
                       {"expires_at", At(Now() + days(expires_in_days) + std::chrono::hours(1))}}),
               "id");
  };
  std::string soon = agreement(10);
  std::string later = agreement(120);
  json::object dash = Get("/api/v1/dashboard", "auditor");
  json::object row;
  for (const auto& a : dash.at("agreements_expiring").as_array()) {
    EXPECT_NE(a.at("id"), later.c_str()) << "120 days out is not listed";
    if (a.at("id") == soon.c_str()) row = a.as_object();
  }
  ASSERT_FALSE(row.empty()) << json::serialize(dash.at("agreements_expiring"));
  EXPECT_EQ(row.at("party_name"), "Expiring Paper Partners");
  EXPECT_EQ(row.at("type"), "nda");
  EXPECT_EQ(row.at("days_left").as_int64(), 10);
  // Soonest first.
  int64_t previous = -1;
  for (const auto& a : dash.at("agreements_expiring").as_array()) {
    EXPECT_GE(a.at("days_left").as_int64(), previous);
    previous = a.at("days_left").as_int64();
  }
  EXPECT_TRUE(dash.at("grants_ending").is_array());

  const json::array& quarters = dash.at("reviews_by_quarter").as_array();
  ASSERT_EQ(quarters.size(), 8u);
  EXPECT_EQ(quarters.back().at("quarter"), QuarterLabel(Now()).c_str());
  const json::array& months = dash.at("findings_by_month").as_array();
  ASSERT_EQ(months.size(), 12u);
  EXPECT_EQ(months.back().at("month"), At(Now()).substr(0, 7).c_str());
  int64_t opened = months.back().at("opened").as_int64();
  Create("/api/v1/findings", {{"title", "Chart series finding"}, {"severity", "low"}});
  dash = Get("/api/v1/dashboard");
  EXPECT_EQ(dash.at("findings_by_month").as_array().back().at("opened").as_int64(), opened + 1);
}

TEST_F(ReviewApiTest, QuarterlyReportAsJsonCsvAndPrintablePage) {
  const std::string name = "Smith & <Jones> Partners";
  std::string party = NewParty(name);
  std::string done = Str(OpenReview(party, DueThisQuarter()), "id");
  ApproveThrough(done, PartyReviewDocs());
  std::string pending = Str(OpenReview(party, DueThisQuarter(), "activity_review"), "id");
  Create("/api/v1/findings",
         {{"title", "Jones SLA credits unpaid"}, {"severity", "medium"}, {"party_id", party}});
  // A spreadsheet would run this name as a formula.
  const std::string formula = "=HYPERLINK(\"http://x.example\") Partners";
  std::string formula_party = NewParty(formula);
  OpenReview(formula_party, DueThisQuarter());
  std::string quarter = QuarterLabel(Now());
  std::string target = "/api/v1/reports/sla-review?quarter=" + quarter;

  json::object report = Get(target, "auditor");
  EXPECT_EQ(report.at("quarter"), quarter.c_str());
  const json::object& sum = report.at("summary").as_object();
  const json::array& parties = report.at("parties").as_array();
  EXPECT_EQ(sum.at("parties").as_int64(), static_cast<int64_t>(parties.size()));
  int64_t required = 0;
  json::object mine;
  for (const auto& p : parties) {
    required += static_cast<int64_t>(p.at("reviews").as_array().size());
    if (p.at("party_id") == party.c_str()) mine = p.as_object();
  }
  EXPECT_EQ(sum.at("reviews_required").as_int64(), required);
  EXPECT_EQ(sum.at("reviews_required").as_int64(),
            sum.at("on_time").as_int64() + sum.at("late").as_int64() + sum.at("missed").as_int64() +
                sum.at("pending").as_int64());
  EXPECT_GE(sum.at("on_time").as_int64(), 1);
  EXPECT_GE(sum.at("pending").as_int64(), 1);
  ASSERT_FALSE(mine.empty()) << "the report leaves out " << name << ": " << json::serialize(report);
  EXPECT_EQ(mine.at("name"), name.c_str());
  EXPECT_EQ(mine.at("findings_opened").as_int64(), 1);
  EXPECT_EQ(mine.at("findings_closed").as_int64(), 0);
  EXPECT_GE(sum.at("findings_opened").as_int64(), 1);
  std::map<std::string, std::string> outcomes;
  for (const auto& r : mine.at("reviews").as_array()) {
    outcomes[Str(r.at("id"))] = Str(r.at("outcome"));
  }
  EXPECT_EQ(outcomes,
            (std::map<std::string, std::string>{{done, "on_time"}, {pending, "pending"}}));

  // CSV, by the Accept header or ?format=csv: one row per review.
  HttpResult csv = HttpCall(
      s().port(), "GET", target, "",
      {{"Accept", "text/csv"}, {"Authorization", "Bearer " + s().token("security_officer")}});
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_TRUE(csv.Header("Content-Type").starts_with("text/csv")) << csv.Header("Content-Type");
  EXPECT_NE(csv.Header("Content-Disposition").find("sla-review-" + quarter + ".csv"),
            std::string::npos);
  auto table = ParseCsv(csv.body);
  ASSERT_TRUE(table.ok()) << table.error().ToString() << "\n" << csv.body;
  EXPECT_EQ(table->header,
            (std::vector<std::string>{"quarter", "party_id", "party", "party_kind", "review_id",
                                      "review_kind", "due_at", "status", "approved_at", "outcome",
                                      "findings_opened", "findings_closed"}));
  std::map<std::string, std::string> csv_outcomes;
  int formula_rows = 0;
  for (const auto& row : table->rows) {
    EXPECT_EQ(row.fields[0], quarter);
    if (row.fields[1] == formula_party) {
      ++formula_rows;
      EXPECT_EQ(row.fields[2], "'" + formula);  // neutralised, not run
    }
    if (row.fields[1] != party) continue;
    EXPECT_EQ(row.fields[2], name);
    EXPECT_EQ(row.fields[3], "partner");
    EXPECT_EQ(row.fields[10], "1");
    EXPECT_EQ(row.fields[11], "0");
    csv_outcomes[row.fields[4]] = row.fields[9];
  }
  EXPECT_EQ(csv_outcomes, outcomes);
  EXPECT_EQ(formula_rows, 1);
  HttpResult by_query = Call("GET", target + "&format=csv");
  ASSERT_EQ(by_query.status, 200) << by_query.body;
  auto again = ParseCsv(by_query.body);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->rows.size(), table->rows.size());

  // The printable page escapes what it prints.
  for (const HttpResult& html :
       {Call("GET", target + "&format=html"),
        HttpCall(s().port(), "GET", target, "",
                 {{"Accept", "text/html"}, {"Authorization", "Bearer " + s().token("auditor")}})}) {
    ASSERT_EQ(html.status, 200) << html.body;
    EXPECT_TRUE(html.Header("Content-Type").starts_with("text/html"))
        << html.Header("Content-Type");
    EXPECT_NE(html.body.find("Smith &amp; &lt;Jones&gt; Partners"), std::string::npos);
    EXPECT_EQ(html.body.find("<Jones>"), std::string::npos);
    EXPECT_EQ(html.body.find("<script"), std::string::npos);
    EXPECT_NE(html.body.find(quarter), std::string::npos);
  }

  // The label is read case-insensitively and answered in its canonical form.
  std::string lower = quarter;
  lower[4] = 'q';
  EXPECT_EQ(Get("/api/v1/reports/sla-review?quarter=" + lower).at("quarter"), quarter.c_str());
  for (const char* bad : {"2026Q5", "abc", "2026Q0", "1969Q1", "2026-Q1", ""}) {
    json::object e =
        ExpectError(Call("GET", std::string("/api/v1/reports/sla-review?quarter=") + bad), 422,
                    "validation_failed");
    EXPECT_EQ(FirstField(e), "quarter") << bad;
  }
  EXPECT_EQ(
      FirstField(ExpectError(Call("GET", "/api/v1/reports/sla-review"), 422, "validation_failed")),
      "quarter");
  EXPECT_EQ(FirstField(ExpectError(Call("GET", target + "&format=pdf"), 422, "validation_failed")),
            "format");
  ExpectError(Call("GET", target, "", "staff"), 403, "forbidden");
  ExpectError(Call("GET", target, "", "third_party_contact"), 403, "forbidden");
}

TEST_F(ReviewApiTest, OutboxHoldsTheNotificationsOfANewFinding) {
  json::object f =
      Create("/api/v1/findings", {{"title", "Outbox check finding"}, {"severity", "critical"}});
  std::string id = Str(f, "id");
  json::array items = Items("/api/v1/outbox?ref_id=" + id);
  ASSERT_FALSE(items.empty()) << "nothing queued for " << id;
  bool to_officer = false;
  for (const auto& m : items) {
    EXPECT_EQ(m.at("ref_id"), id.c_str());
    EXPECT_EQ(m.at("ref_kind"), "finding");
    EXPECT_EQ(m.at("channel"), "email");
    EXPECT_EQ(m.at("status"), "queued");  // no delivery channel is configured
    EXPECT_NE(Str(m.at("subject")).find("Outbox check finding"), std::string::npos);
    if (m.at("recipient") == s().email("security_officer").c_str()) to_officer = true;
  }
  EXPECT_TRUE(to_officer) << json::serialize(items);
  // Deduplicated: one message per recipient.
  std::set<std::string> recipients;
  for (const auto& m : items) EXPECT_TRUE(recipients.insert(Str(m.at("recipient"))).second);

  bool listed = false;
  for (const auto& m : Items("/api/v1/outbox?status=queued&limit=500", "privacy_officer")) {
    listed = listed || m.at("ref_id") == id.c_str();
  }
  EXPECT_TRUE(listed);
  EXPECT_TRUE(Items("/api/v1/outbox?status=failed&ref_id=" + id).empty());
  EXPECT_EQ(
      FirstField(ExpectError(Call("GET", "/api/v1/outbox?status=bogus"), 422, "validation_failed")),
      "status");
  EXPECT_EQ(
      FirstField(ExpectError(Call("GET", "/api/v1/outbox?limit=0"), 422, "validation_failed")),
      "limit");
  for (const std::string& role : kNonOfficers) {
    ExpectError(Call("GET", "/api/v1/outbox", "", role), 403, "forbidden");
  }
}

// --- the calendar feed -----------------------------------------------------------------------

TEST_F(ReviewApiTest, CalendarFeedShowsOpenReviewsUntilItsTokenIsRevoked) {
  // A name with what RFC 5545 TEXT escapes, and more than one line's worth of UTF-8.
  const std::string name = "Ærø Fjord, Ltd; \"Quoted\" \\ back — 日本語 Calendar Partners";
  std::string party = NewParty(name);
  json::object review = OpenReview(party, Now() + days(9) + minutes(7));
  std::string review_id = Str(review, "id");
  auto due = ParseRfc3339(Str(review, "due_at"));
  ASSERT_TRUE(due.ok());

  uint64_t before = s().LedgerSize();
  json::object token = Step(Post("/api/v1/calendar-tokens", {{"name", "Work calendar"}}), before,
                            {"calendar_token.created"}, 201);
  std::string secret = Str(token, "token"), path = Str(token, "path");
  ASSERT_TRUE(secret.starts_with("ical_")) << secret;
  EXPECT_EQ(path, "/calendar/" + secret + ".ics");
  // The secret is shown once: neither the list nor the ledger holds it.
  HttpResult list = Call("GET", "/api/v1/calendar-tokens");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.body.find(secret), std::string::npos);
  bool listed = false;
  json::value tokens = json::parse(list.body);
  for (const auto& t : tokens.at("items").as_array()) {
    if (t.at("id") == token.at("id")) listed = t.at("name") == "Work calendar";
  }
  EXPECT_TRUE(listed) << list.body;
  for (const auto& e : WrittenSince(before)) {
    EXPECT_EQ(json::serialize(e).find(secret), std::string::npos);
  }

  // A calendar client cannot sign in: the feed needs no credentials.
  HttpResult feed = HttpCall(s().port(), "GET", path);
  ASSERT_EQ(feed.status, 200) << feed.body;
  EXPECT_TRUE(feed.Header("Content-Type").starts_with("text/calendar"))
      << feed.Header("Content-Type");
  std::map<std::string, FeedEvent> events = FeedEvents(feed.body);
  ASSERT_TRUE(events.contains(review_id + "@accord")) << feed.body;
  EXPECT_EQ(events.at(review_id + "@accord").start, UnixSeconds(*due));
  EXPECT_EQ(events.at(review_id + "@accord").summary, "Due: " + Str(review, "title"));
  EXPECT_NE(Str(review, "title").find(name), std::string::npos) << Str(review, "title");
  // Stable UIDs: a second fetch describes the same events.
  std::map<std::string, FeedEvent> second = FeedEvents(HttpCall(s().port(), "GET", path).body);
  std::set<std::string> uids, uids_again;
  for (const auto& [uid, _] : events) uids.insert(uid);
  for (const auto& [uid, _] : second) uids_again.insert(uid);
  EXPECT_EQ(uids, uids_again);

  // An approved review leaves the feed.
  ApproveThrough(review_id, PartyReviewDocs());
  EXPECT_FALSE(FeedEvents(HttpCall(s().port(), "GET", path).body).contains(review_id + "@accord"));

  // Unknown tokens and other paths learn nothing.
  for (const std::string& bad :
       {std::string("/calendar/ical_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics"),
        "/calendar/" + secret, "/calendar/" + secret + ".txt", "/calendar/" + secret + ".ics.bak",
        std::string("/calendar/.ics"), std::string("/calendar/") + secret.substr(5) + ".ics"}) {
    ExpectError(HttpCall(s().port(), "GET", bad), 404, "not_found");
  }

  // Only the roles that read the ledger get a feed; its owner or an admin revokes it.
  before = s().LedgerSize();
  for (const std::string& role : {"staff", "third_party_contact"}) {
    ExpectError(Post("/api/v1/calendar-tokens", {{"name", "mine"}}, role), 403, "forbidden");
    ExpectError(Call("GET", "/api/v1/calendar-tokens", "", role), 403, "forbidden");
  }
  EXPECT_EQ(FirstField(ExpectError(Post("/api/v1/calendar-tokens", json::object{}), 422,
                                   "validation_failed")),
            "name");
  EXPECT_EQ(FirstField(ExpectError(Post("/api/v1/calendar-tokens", {{"name", "x"}, {"ttl", 3}}),
                                   422, "validation_failed")),
            "ttl");
  ExpectError(Call("POST", "/api/v1/calendar-tokens", "{"), 400, "malformed_json");
  EXPECT_EQ(
      FirstField(ExpectError(Post("/api/v1/calendar-tokens", {{"name", std::string(101, 'n')}}),
                             422, "validation_failed")),
      "name");
  EXPECT_EQ(FirstField(ExpectError(Post("/api/v1/calendar-tokens", {{"name", "bell\x07"}}), 422,
                                   "validation_failed")),
            "name");
  std::string token_id = Str(token, "id");
  ExpectError(Call("DELETE", "/api/v1/calendar-tokens/" + token_id, "", "privacy_officer"), 404,
              "not_found");
  ExpectError(Call("DELETE", "/api/v1/calendar-tokens/cal_nope"), 404, "not_found");
  ExpectNothingWrittenSince(before, "refused calendar-token requests");
  EXPECT_EQ(HttpCall(s().port(), "GET", path).status, 200);

  before = s().LedgerSize();
  Step(Call("DELETE", "/api/v1/calendar-tokens/" + token_id), before, {"calendar_token.revoked"});
  ExpectError(HttpCall(s().port(), "GET", path), 404, "not_found");
  ExpectError(Call("DELETE", "/api/v1/calendar-tokens/" + token_id), 404, "not_found");

  bool shows_revoked = false;
  for (const auto& t : Items("/api/v1/calendar-tokens")) {
    if (t.at("id") == token_id.c_str()) shows_revoked = t.at("revoked_at").is_string();
  }
  EXPECT_TRUE(shows_revoked);

  // The auditor may subscribe too; a security officer (a user admin) may revoke its feed.
  json::object auditor = Create("/api/v1/calendar-tokens", {{"name", "Audit"}}, "auditor");
  EXPECT_EQ(HttpCall(s().port(), "GET", Str(auditor, "path")).status, 200);
  for (const auto& t : Items("/api/v1/calendar-tokens")) {
    EXPECT_NE(t.at("id"), auditor.at("id")) << "the list shows another account's feed";
  }
  Ok(Call("DELETE", "/api/v1/calendar-tokens/" + Str(auditor, "id")));
  ExpectError(HttpCall(s().port(), "GET", Str(auditor, "path")), 404, "not_found");

  // At most ten live feeds per account.
  std::vector<std::string> made;
  HttpResult r;
  for (int i = 0; i < 11; ++i) {
    r = Post("/api/v1/calendar-tokens", {{"name", "feed " + std::to_string(i)}}, "privacy_officer");
    if (r.status != 201) break;
    made.push_back(Str(json::parse(r.body).at("id")));
  }
  ExpectError(r, 409, "conflict");
  EXPECT_EQ(made.size(), 10u);
  for (const auto& id : made) {
    Ok(Call("DELETE", "/api/v1/calendar-tokens/" + id, "", "privacy_officer"));
  }
}

}  // namespace
}  // namespace accord::testing
