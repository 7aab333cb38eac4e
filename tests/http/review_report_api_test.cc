// ReviewApiTest (review_api_test.h): the dashboard, the quarterly SLA-review report (JSON, CSV,
// HTML) and the notification outbox.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "accord/core/csv.h"
#include "http/review_api_test.h"

namespace accord::testing::review_api {
namespace {

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
    // Email, and SMS too for the demo's Security Officer, who chose it (issue 26).
    EXPECT_TRUE(m.at("channel") == "email" ||
                (m.at("channel") == "sms" && m.at("recipient") == "+14155550100"))
        << json::serialize(m);
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

}  // namespace
}  // namespace accord::testing::review_api
