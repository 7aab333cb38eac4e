// ReviewApiTest (review_api_test.h): the per-user iCalendar feed, read back with libical,
// until its token is revoked.
#include <gtest/gtest.h>
#include <libical/ical.h>

#include <boost/json.hpp>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "http/review_api_test.h"

namespace accord::testing::review_api {
namespace {

struct IcalFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using IcalPtr = std::unique_ptr<icalcomponent, IcalFree>;

struct FeedEvent {
  int64_t start = 0;  // DTSTART, Unix seconds
  std::string summary;
  bool all_day = false;  // DTSTART;VALUE=DATE
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
    // A time is UTC; an expiry is a date without one (an all-day event).
    EXPECT_TRUE(start.is_date || icaltime_is_utc(start)) << uid;
    out[uid] = {static_cast<int64_t>(icaltime_as_timet(start)), summary ? summary : "",
                start.is_date != 0};
  }
  return out;
}

int64_t UnixSeconds(TimePoint t) {
  return std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count();
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
  // The audit calendar's expiries (TR-6): the demo's agreements, as all-day events.
  bool expiry = false;
  for (const auto& [uid, e] : events) {
    if (e.summary.starts_with("Agreement expires: ")) expiry = e.all_day;
  }
  EXPECT_TRUE(expiry) << feed.body;
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
  for (const char* role : {"staff", "third_party_contact"}) {
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
}  // namespace accord::testing::review_api
