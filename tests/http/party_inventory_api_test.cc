// RegistryApiTest (registry_api_test.h): the party list as the vendor inventory (issue 20,
// item 3): BAA, SLA, SOC 2 and review columns, their filters and sorts with cursor pages, the
// same list as CSV, and what it refuses.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "http/registry_api_test.h"

namespace accord::testing::registry_api {
namespace {

json::object Baa(const std::string& status, const std::string& expires) {
  json::object a{{"type", "baa"},
                 {"status", status},
                 {"effective_at", "2026-01-01"},
                 {"baa",
                  {{"safeguards", true},
                   {"subcontractor_flow_down", true},
                   {"incident_reporting", true},
                   {"responsibilities", "Each party secures ePHI in its custody."}}}};
  if (!expires.empty()) a["expires_at"] = expires;
  return a;
}

class InventoryTest : public RegistryApiTest {
 protected:
  // Names of a list, in the order given.
  std::vector<std::string> Ordered(const std::string& query) {
    std::vector<std::string> names;
    for (const auto& item : Items("/api/v1/parties?q=" + prefix_ + "&" + query)) {
      names.push_back(Str(item.at("name")));
    }
    return names;
  }
  // Three parties named "<prefix> Alpha", "Beta", "Gamma" (the suite shares one server).
  void SetUpParties(const std::string& prefix) {
    prefix_ = prefix;
    alpha_ = NewParty(prefix + " Alpha", "customer");
    beta_ = NewParty(prefix + " Beta", "partner");
    gamma_ = NewParty(prefix + " Gamma", "subcontractor");
    Create("/api/v1/parties/" + alpha_ + "/agreements", Baa("executed", "2027-09-01"));
    Create("/api/v1/parties/" + beta_ + "/agreements", Baa("executed", "2027-03-01"));
    std::string old =
        Str(Create("/api/v1/parties/" + gamma_ + "/agreements", Baa("executed", "2027-05-01"))
                .at("id"));
    PatchOk("/api/v1/agreements/" + old, {{"status", "terminated"}});
    Create("/api/v1/parties/" + gamma_ + "/soc2-reports", {{"type", "type2"},
                                                           {"period_start", "2025-07-01"},
                                                           {"period_end", "2026-06-30"},
                                                           {"auditor", "Example Audit LLP"},
                                                           {"opinion", "unqualified"},
                                                           {"reviewed_at", "2026-07-15"}});
  }
  std::string prefix_, alpha_, beta_, gamma_;
};

TEST_F(InventoryTest, ListsFiltersSortsAndPagesTheInventory) {
  SetUpParties("Invtest");
  json::array items = Items("/api/v1/parties?q=invtest");
  ASSERT_EQ(items.size(), 3u);
  for (const auto& item : items) {
    const json::object& inv = item.at("inventory").as_object();
    std::string name = Str(item.at("name"));
    if (name == "Invtest Alpha") {
      EXPECT_EQ(inv.at("baa").at("state"), "in_force");
      EXPECT_EQ(Str(inv.at("baa").at("expires_at")).substr(0, 10), "2027-09-01");
      EXPECT_EQ(inv.at("sla").at("state"), "none");
      EXPECT_TRUE(inv.at("soc2_period_end").is_null());
    } else if (name == "Invtest Gamma") {
      EXPECT_EQ(inv.at("baa").at("state"), "terminated");
      EXPECT_EQ(Str(inv.at("soc2_period_end")).substr(0, 10), "2026-06-30");
    }
  }
  // Sorted by the BAA's expiry, soonest first; the terminated one has an expiry too.
  EXPECT_EQ(Ordered("sort=baa_expires_at"),
            (std::vector<std::string>{"Invtest Beta", "Invtest Gamma", "Invtest Alpha"}));
  EXPECT_EQ(Ordered("sort=-baa_expires_at"),
            (std::vector<std::string>{"Invtest Alpha", "Invtest Gamma", "Invtest Beta"}));
  EXPECT_EQ(Ordered("sort=-name"),
            (std::vector<std::string>{"Invtest Gamma", "Invtest Beta", "Invtest Alpha"}));
  // Parties without a value come last in either direction.
  EXPECT_EQ(Ordered("sort=soc2_period_end").front(), "Invtest Gamma");
  EXPECT_EQ(Ordered("sort=-soc2_period_end").front(), "Invtest Gamma");
  EXPECT_EQ(Ordered("baa=in_force&sort=name"),
            (std::vector<std::string>{"Invtest Alpha", "Invtest Beta"}));
  EXPECT_EQ(Ordered("baa=terminated"), (std::vector<std::string>{"Invtest Gamma"}));
  EXPECT_EQ(Ordered("sla=none&kind=partner"), (std::vector<std::string>{"Invtest Beta"}));
  EXPECT_EQ(Ordered("baa_expires_before=2027-06-01&sort=name"),
            (std::vector<std::string>{"Invtest Beta", "Invtest Gamma"}));
  EXPECT_EQ(Ordered("soc2_period_end_before=2026-07-01"),
            (std::vector<std::string>{"Invtest Gamma"}));

  // Cursor pages walk the same order, through the parties without a value.
  std::vector<std::string> walked;
  std::string cursor;
  for (int i = 0; i < 5; ++i) {
    json::object page = GetObj("/api/v1/parties?q=invtest&sort=-soc2_period_end&limit=1" +
                               (cursor.empty() ? "" : "&cursor=" + cursor));
    for (const auto& item : page.at("items").as_array()) walked.push_back(Str(item.at("name")));
    if (page.at("next_cursor").is_null()) break;
    cursor = Str(page.at("next_cursor"));
  }
  EXPECT_EQ(walked, (std::vector<std::string>{"Invtest Gamma", "Invtest Beta", "Invtest Alpha"}));

  // A new agreement moves the party in the inventory at once.
  Create("/api/v1/parties/" + gamma_ + "/agreements", Baa("executed", "2028-01-01"));
  EXPECT_EQ(Ordered("baa=in_force&sort=-baa_expires_at").front(), "Invtest Gamma");
}

TEST_F(InventoryTest, CsvIsTheListAsShown) {
  SetUpParties("Invcsv");
  HttpResult r = HttpCall(
      s().port(), "GET", "/api/v1/parties?q=invcsv&sort=name", "",
      {{"Accept", "text/csv"}, {"Authorization", "Bearer " + s().token("security_officer")}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.Header("Content-Type").find("text/csv"), std::string::npos);
  EXPECT_EQ(r.body.substr(0, r.body.find("\r\n")),
            "Name,Kind,Status,Risk tier,BAA,BAA expires,SLA,SLA expires,SOC 2 period end,Last "
            "review,Next review,Id");
  EXPECT_NE(r.body.find("\r\nInvcsv Alpha,Customer,Prospect,"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find(",In force,2027-09-01,None,,"), std::string::npos) << r.body;
  EXPECT_LT(r.body.find("Invcsv Alpha"), r.body.find("Invcsv Beta"));
  EXPECT_LT(r.body.find("Invcsv Beta"), r.body.find("Invcsv Gamma"));
  size_t lines = 0;
  for (char c : r.body) lines += c == '\n';
  EXPECT_EQ(lines, 4u) << "a header and three parties";
  // The registry's own export is unchanged (import reads it back).
  HttpResult exported = Call("GET", "/api/v1/parties/export");
  ASSERT_EQ(exported.status, 200);
  EXPECT_EQ(exported.body.find("BAA expires"), std::string::npos);
}

TEST_F(InventoryTest, BadInventoryQueriesNameTheField) {
  struct Bad {
    std::string query, field;
  };
  const std::vector<Bad> bad = {
      {"sort=shoe_size", "sort"},
      {"sort=-", "sort"},
      {"baa=maybe", "baa"},
      {"sla=in-force", "sla"},
      {"baa_expires_before=tomorrow", "baa_expires_before"},
      {"next_review_before=2026-13-45", "next_review_before"},
      {"sort=name&as_of=3", "sort"},
      {"baa=none&order=newest", "baa"},
      {"sort=name&agreement_type=baa&agreement_state=expired", "sort"},
      {"sort=name&cursor=" + std::string("aTEyMw"), "cursor"},  // "i123": not this order's
  };
  for (const auto& b : bad) {
    json::object e =
        ExpectError(Call("GET", "/api/v1/parties?" + b.query), 422, "validation_failed");
    EXPECT_EQ(FirstField(e), b.field) << b.query;
  }
  // A party's contact sees its own party, not our inventory.
  json::object e = ExpectError(Call("GET", "/api/v1/parties?sort=name", "", "third_party_contact"),
                               422, "validation_failed");
  EXPECT_EQ(FirstField(e), "sort");
  HttpResult csv = HttpCall(
      s().port(), "GET", "/api/v1/parties", "",
      {{"Accept", "text/csv"}, {"Authorization", "Bearer " + s().token("third_party_contact")}});
  EXPECT_EQ(FirstField(ExpectError(csv, 422, "validation_failed")), "accept");
  for (const auto& item : Items("/api/v1/parties", "third_party_contact")) {
    EXPECT_FALSE(item.as_object().contains("inventory"));
  }
}

}  // namespace
}  // namespace accord::testing::registry_api
