// The recurring reviews over HTTP on the luma demo (TP-9 … TP-15), one suite (ReviewApiTest)
// in five files: the TP-12 workflow (review_api_test.cc), change notices
// (change_notice_api_test.cc), SOC 2 reports and findings (soc2_finding_api_test.cc), the
// dashboard, the quarterly report and the outbox (review_report_api_test.cc) and the
// iCalendar feed (calendar_api_test.cc). Every step is checked to write one ledger event and
// every refused step to write nothing. This header holds the suite's fixture and helpers.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/clock.h"
#include "accord/core/rrule.h"
#include "accord/core/time.h"
#include "support/api_assert.h"
#include "support/api_server.h"
#include "support/shared_server_test.h"

namespace accord::testing::review_api {

namespace json = boost::json;
using std::chrono::days;
using std::chrono::minutes;

inline std::string Str(const json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : "";
}
inline std::string Str(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v ? Str(*v) : "";
}
inline std::string At(TimePoint t) { return FormatRfc3339(t); }

// Every field named in an error's details.
inline std::vector<std::string> Fields(const json::object& error) {
  std::vector<std::string> out;
  if (!error.contains("details")) return out;
  for (const auto& d : error.at("details").as_array()) out.push_back(Str(d.at("field")));
  return out;
}
inline bool Names(const json::object& error, const std::string& field) {
  auto f = Fields(error);
  return std::find(f.begin(), f.end(), field) != f.end();
}

inline const std::vector<std::string> kNonOfficers = {"staff", "auditor", "third_party_contact"};

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

}  // namespace accord::testing::review_api
