// GET /api/v1/red-flags and POST /api/v1/agreements/{id}/renew (RedFlagsApiTest,
// my_work_test.h): what is wrong now, measured on the fake clock, each with where it is fixed;
// renewing keeps the old agreement and clears the flag.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "accord/storage/registry_expiry.h"
#include "http/my_work_test.h"

namespace accord::testing::my_work {
namespace {

// "5 Nov 2026", as the portal and the flags write a day.
std::string Human(const std::string& time) {
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return std::to_string(std::stoi(time.substr(8, 2))) + " " +
         kMonths[std::stoi(time.substr(5, 2)) - 1] + " " + time.substr(0, 4);
}

class RedFlagsApiTest : public MyWorkFixture {
 protected:
  std::string NewParty(const std::string& name, const std::string& kind, bool ephi,
                       const std::string& status = "active", bool infrastructure = false) {
    json::object body{{"name", name}, {"kind", kind}, {"status", status}};
    if (ephi) body["data_categories"] = json::array{"ephi"};
    if (infrastructure) body["infrastructure_partner"] = true;
    return Str(Post("/api/v1/parties", body)["id"]);
  }
  static json::object Checklist() {
    return {{"safeguards", true},
            {"subcontractor_flow_down", true},
            {"incident_reporting", true},
            {"responsibilities", "Each party secures the ePHI in its custody."}};
  }
  std::string Baa(const std::string& party, int expires_in_days) {
    return Str(Post("/api/v1/parties/" + party + "/agreements",
                    {{"type", "baa"},
                     {"title", "Business associate agreement"},
                     {"status", "executed"},
                     {"effective_at", At(Now() - days(300))},
                     {"expires_at", At(Now() + days(expires_in_days))},
                     {"baa", Checklist()}})["id"]);
  }
  // The flags of one group about `id` (a party, review, finding or grant).
  std::vector<json::object> About(const json::object& flags, std::string_view kind,
                                  const std::string& id) {
    std::vector<json::object> out;
    for (auto& i : Items(flags, kind)) {
      if (Str(i.at("id")) == id) out.push_back(i);
    }
    return out;
  }
  void Sweep() {
    auto n = storage::ExpireAgreements(f_.rt().log());
    EXPECT_TRUE(n.ok()) << (n.ok() ? "" : n.error().ToString());
  }
  json::object AgreementView(const std::string& party, const std::string& id,
                             const std::string& role = "security_officer") {
    json::object page = Get("/api/v1/parties/" + party + "/agreements", role);
    for (const auto& a : page.at("items").as_array()) {
      if (Str(a.at("id")) == id) return a.as_object();
    }
    ADD_FAILURE() << "no agreement " << id;
    return {};
  }
  static std::vector<std::string> Actions(const json::object& view) {
    std::vector<std::string> out;
    for (const auto& a : view.at("allowed_actions").as_array()) out.push_back(Str(a));
    return out;
  }
};

TEST_F(RedFlagsApiTest, ABaaThatExpired21DaysAgoLeadsTheDashboard) {
  std::string elm = NewParty("Elm Street Clinic", "customer", true);
  std::string baa = Baa(elm, 10);
  EXPECT_TRUE(About(Flags(), "agreement_missing", elm).empty()) << "in force";

  f_.clock().Advance(days(31));
  Sweep();
  json::object flags = Flags();
  auto mine = About(flags, "agreement_missing", elm);
  ASSERT_EQ(mine.size(), 1u) << json::serialize(flags);
  json::object& f = mine[0];
  EXPECT_EQ(Str(f.at("title")), "No BAA in force");
  EXPECT_EQ(f.at("days").as_int64(), 21);
  EXPECT_EQ(f.at("since"), Object("agreement", baa).at("expires_at"));
  EXPECT_EQ(Str(f.at("agreement_id")), baa);
  EXPECT_EQ(Str(f.at("party_name")), "Elm Street Clinic");
  EXPECT_EQ(Str(f.at("href")), "/parties/" + elm + "#sec-agreements");
  EXPECT_EQ(Str(f.at("detail")),
            "The BAA expired on " + Human(Str(f.at("since"))) + " (21 days ago)");

  // The demo's Lakeside Dental lapsed longer ago: it comes first.
  std::string lakeside = Named("party", "Lakeside Dental");
  std::vector<std::string> order;
  for (const auto& i : Items(flags, "agreement_missing")) order.push_back(Str(i.at("id")));
  auto at = [&](const std::string& id) { return std::find(order.begin(), order.end(), id); };
  ASSERT_NE(at(lakeside), order.end());
  EXPECT_LT(at(lakeside), at(elm));
  EXPECT_EQ(Group(flags, "agreement_missing").at("count").as_int64(),
            static_cast<int64_t>(order.size()));
  EXPECT_GE(flags.at("total").as_int64(), 2);

  // The auditor reads it too; staff and contacts do not have the dashboard.
  EXPECT_EQ(Call("GET", "/api/v1/red-flags", {}, "auditor").status, 200);
  EXPECT_EQ(Call("GET", "/api/v1/red-flags", {}, "staff").status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/red-flags", {}, "third_party_contact").status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/red-flags?limit=0").status, 422);
}

// The agreements a party needs are the profile's (luma: a subcontractor an SLA, and a BAA
// once it handles ePHI), for active parties only.
TEST_F(RedFlagsApiTest, RequiredAgreementsFollowTheProfile) {
  std::string couriers = NewParty("Quiet Couriers", "subcontractor", false);
  NewParty("Onboarding Couriers", "subcontractor", false, "onboarding");
  json::object flags = Flags();
  auto mine = About(flags, "agreement_missing", couriers);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(Str(mine[0].at("title")), "No SLA in force");
  EXPECT_EQ(Str(mine[0].at("detail")), "No SLA was ever signed");
  EXPECT_TRUE(mine[0].at("since").is_null());
  EXPECT_TRUE(mine[0].at("days").is_null());
  EXPECT_TRUE(About(flags, "agreement_missing", Named("party", "Onboarding Couriers")).empty());

  Post("/api/v1/parties/" + couriers + "/services",
       {{"name", "Prescription delivery"}, {"handles_ephi", true}});
  mine = About(Flags(), "agreement_missing", couriers);
  ASSERT_EQ(mine.size(), 2u);
  std::set<std::string> titles{Str(mine[0].at("title")), Str(mine[1].at("title"))};
  EXPECT_EQ(titles, (std::set<std::string>{"No SLA in force", "No BAA in force"}));

  // An unsigned draft is named as such.
  Post("/api/v1/parties/" + couriers + "/agreements", {{"type", "sla"}, {"status", "draft"}});
  for (const auto& f : About(Flags(), "agreement_missing", couriers)) {
    if (Str(f.at("title")) == "No SLA in force") {
      EXPECT_EQ(Str(f.at("detail")), "An SLA is drafted but not signed");
    }
  }
}

TEST_F(RedFlagsApiTest, InfrastructurePartnersNeedACurrentSoc2Review) {
  std::string host = NewParty("Granite Hosting", "subcontractor", false, "active", true);
  std::string nimbus = Named("party", "Nimbus Cloud Hosting");
  json::object flags = Flags();
  auto mine = About(flags, "soc2_missing", host);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(Str(mine[0].at("detail")), "No SOC 2 report is recorded");
  EXPECT_EQ(Str(mine[0].at("href")), "/parties/" + host + "#sec-soc2");
  // A report submitted but not yet reviewed does not count, and the flag says what waits.
  Post("/api/v1/parties/" + host + "/soc2-reports", {{"type", "type1"},
                                                     {"period_end", At(Now() - days(10))},
                                                     {"auditor", "Granite Assurance"},
                                                     {"opinion", "unqualified"}});
  mine = About(Flags(), "soc2_missing", host);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(Str(mine[0].at("detail")), "A submitted SOC 2 report awaits review");
  EXPECT_TRUE(About(flags, "soc2_missing", nimbus).empty()) << "reviewed five days ago";

  f_.clock().Advance(days(370));
  auto nimbus_flag = About(Flags(), "soc2_missing", nimbus);
  ASSERT_EQ(nimbus_flag.size(), 1u);
  EXPECT_NE(Str(nimbus_flag[0].at("detail")).find("more than 12 months ago"), std::string::npos)
      << nimbus_flag[0].at("detail");
  EXPECT_GE(nimbus_flag[0].at("days").as_int64(), 1);
}

TEST_F(RedFlagsApiTest, OverdueReviewsAndFindingsSayHowLate) {
  std::string meridian = Named("party", "Meridian EHR");
  std::string review = Str(Post("/api/v1/reviews", {{"review_kind", "party_review"},
                                                    {"party_id", meridian},
                                                    {"due_at", At(Now() + days(2))}})["id"]);
  std::string finding = Str(Post("/api/v1/findings", {{"title", "Stale firewall rule"},
                                                      {"severity", "high"},
                                                      {"party_id", meridian},
                                                      {"due_at", At(Now() + days(1))}})["id"]);
  json::object before = Flags();
  EXPECT_TRUE(About(before, "review_overdue", review).empty());
  EXPECT_TRUE(About(before, "finding_overdue", finding).empty());

  f_.clock().Advance(days(5));
  json::object flags = Flags();
  auto late = About(flags, "review_overdue", review);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].at("days").as_int64(), 3);
  EXPECT_EQ(Str(late[0].at("detail")), "Was due 3 days ago");
  EXPECT_EQ(Str(late[0].at("href")), "/reviews/" + review);
  EXPECT_EQ(Str(late[0].at("party_name")), "Meridian EHR");
  auto overdue = About(flags, "finding_overdue", finding);
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].at("days").as_int64(), 4);
  EXPECT_EQ(Str(overdue[0].at("detail")), "High severity, was due 4 days ago");
  EXPECT_EQ(Str(overdue[0].at("href")), "/parties/" + meridian);
}

// Access approved while the agreement was in force, whose agreement then ends sooner.
TEST_F(RedFlagsApiTest, AccessThatOutlastsItsAgreement) {
  std::string brightcode = Named("party", "Brightcode Studio");
  std::string grant, contract, grant_end_at;
  // The party's longest approved access (the demo also gives it a shorter file exchange).
  for (const auto& g : Current("grant")) {
    if (Str(g.at("party_id")) == brightcode && Str(g.at("status")) == "approved" &&
        Str(g.at("end_at")) > grant_end_at) {
      grant = Str(g.at("id"));
      grant_end_at = Str(g.at("end_at"));
    }
  }
  for (const auto& a : Current("agreement")) {
    if (Str(a.at("party_id")) == brightcode) contract = Str(a.at("id"));
  }
  ASSERT_FALSE(grant.empty());
  EXPECT_TRUE(About(Flags(), "grant_outlives_agreement", grant).empty());

  Ok(Call("PATCH", "/api/v1/agreements/" + contract, {{"expires_at", At(Now() + days(30))}}));
  auto flag = About(Flags(), "grant_outlives_agreement", grant);
  ASSERT_EQ(flag.size(), 1u);
  EXPECT_EQ(Str(flag[0].at("title")), "Access outlasts its development contract");
  std::string grant_end = Human(Str(Object("grant", grant).at("end_at")));
  EXPECT_EQ(Str(flag[0].at("detail")), "The development contract ends on " +
                                           Human(At(Now() + days(30))) + "; the access runs to " +
                                           grant_end);
  EXPECT_EQ(Str(flag[0].at("href")), "/access#grant-" + grant);

  Ok(Call("PATCH", "/api/v1/agreements/" + contract, {{"status", "terminated"}}));
  flag = About(Flags(), "grant_outlives_agreement", grant);
  ASSERT_EQ(flag.size(), 1u);
  EXPECT_EQ(Str(flag[0].at("detail")),
            "No development contract is in force; the access runs to " + grant_end);
}

TEST_F(RedFlagsApiTest, RenewingKeepsTheOldAgreementAndClearsTheFlag) {
  std::string lakeside = Named("party", "Lakeside Dental");
  std::string old;
  for (const auto& a : Current("agreement")) {
    if (Str(a.at("party_id")) == lakeside && Str(a.at("type")) == "baa") old = Str(a.at("id"));
  }
  ASSERT_FALSE(old.empty());
  EXPECT_EQ(Actions(AgreementView(lakeside, old)), std::vector<std::string>{"renew"});
  EXPECT_TRUE(Actions(AgreementView(lakeside, old, "auditor")).empty());
  ASSERT_EQ(About(Flags(), "agreement_missing", lakeside).size(), 1u);

  // Refusals write nothing.
  uint64_t before = f_.LedgerSize();
  std::string renew = "/api/v1/agreements/" + old + "/renew";
  json::object dates{{"effective_at", At(Now())}, {"expires_at", At(Now() + days(730))}};
  EXPECT_EQ(Call("POST", renew, dates, "staff").status, 403);
  EXPECT_EQ(Call("POST", renew, dates, "third_party_contact").status, 403);
  Answer backwards = Call("POST", renew, {{"effective_at", At(Now())}, {"expires_at", At(Now())}});
  EXPECT_EQ(backwards.status, 422) << json::serialize(backwards.body);
  EXPECT_EQ(Call("POST", renew, {{"expires_at", At(Now() + days(9))}}).status, 422);
  EXPECT_EQ(Call("POST", renew, {{"effective_at", At(Now())}, {"colour", "red"}}).status, 422);
  EXPECT_EQ(Call("POST", "/api/v1/agreements/agr_nope/renew", dates).status, 404);
  std::string cedar = Named("party", "Cedar Valley Health");
  std::string draft;
  for (const auto& a : Current("agreement")) {
    if (Str(a.at("party_id")) == cedar) draft = Str(a.at("id"));
  }
  Answer not_yet = Call("POST", "/api/v1/agreements/" + draft + "/renew", dates);
  EXPECT_EQ(not_yet.status, 409);
  EXPECT_EQ(f_.LedgerSize(), before);

  json::object body = dates;
  body["status"] = "executed";
  body["signed_by"] = "Dr. Lee, Lakeside Dental";
  json::object next = Post(renew, body);
  EXPECT_EQ(TypesSince(before),
            (std::vector<std::string>{"agreement.created", "agreement.renewed"}));
  EXPECT_EQ(Str(next.at("renews")), old);
  EXPECT_EQ(Str(next.at("type")), "baa");
  EXPECT_EQ(Str(next.at("status")), "executed");
  EXPECT_EQ(Str(next.at("signed_by")), "Dr. Lee, Lakeside Dental");
  EXPECT_EQ(next.at("baa"), Object("agreement", old).at("baa")) << "the same terms";
  EXPECT_EQ(Str(next.at("party_id")), lakeside);

  json::object kept = AgreementView(lakeside, old);
  EXPECT_EQ(Str(kept.at("status")), "expired") << "the old one is kept as it was";
  EXPECT_EQ(kept.at("renewed_by"), next.at("id"));
  EXPECT_TRUE(Actions(kept).empty());
  EXPECT_TRUE(About(Flags(), "agreement_missing", lakeside).empty());
  Answer twice = Call("POST", renew, dates);
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.body.at("error").at("details").at(0).at("field"), "renewed_by");

  // A renewal that falls through (terminated) lets the old one be renewed again.
  Ok(Call("PATCH", "/api/v1/agreements/" + Str(next.at("id")), {{"status", "terminated"}}));
  EXPECT_EQ(Actions(AgreementView(lakeside, old)), std::vector<std::string>{"renew"});
}

}  // namespace
}  // namespace accord::testing::my_work
