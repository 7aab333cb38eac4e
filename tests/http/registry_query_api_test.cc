// RegistryApiTest (registry_api_test.h): ?as_of=N, search by word prefix, cursor pages.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "http/registry_api_test.h"

namespace accord::testing::registry_api {
namespace {

// --- as_of, search, pages ------------------------------------------------------------------------

TEST_F(RegistryApiTest, AsOfShowsTheStateBeforeLaterChanges) {
  json::object p =
      Create("/api/v1/parties", {{"name", "Asof Original Name"}, {"kind", "customer"}});
  std::string id = Str(p.at("id"));
  int64_t created = p.at("ledger_index").as_int64() + 1;  // ledger size right after creation
  PatchOk("/api/v1/parties/" + id, {{"name", "Asof Renamed Entity"}, {"status", "onboarding"}});
  std::string at = "?as_of=" + std::to_string(created);

  json::object then = GetObj("/api/v1/parties/" + id + at);
  EXPECT_EQ(then.at("name"), "Asof Original Name");
  EXPECT_EQ(then.at("status"), "prospect");
  EXPECT_EQ(then.at("version"), 1);
  EXPECT_EQ(GetObj("/api/v1/parties/" + id).at("name"), "Asof Renamed Entity");
  ExpectError(s().Get("/api/v1/parties/" + id + "?as_of=" + std::to_string(created - 1)), 404,
              "not_found");
  EXPECT_EQ(ItemNames("/api/v1/parties" + at + "&q=asof"),
            std::vector<std::string>{"Asof Original Name"});
  EXPECT_EQ(ItemNames("/api/v1/parties" + at + "&q=asof&status=prospect"),
            std::vector<std::string>{"Asof Original Name"});
  EXPECT_EQ(ItemNames("/api/v1/parties" + at + "&q=renamed"), std::vector<std::string>{});
  EXPECT_EQ(ItemNames("/api/v1/parties?q=original"), std::vector<std::string>{});
  EXPECT_EQ(ItemNames("/api/v1/parties?q=asof&status=onboarding"),
            std::vector<std::string>{"Asof Renamed Entity"});

  // An agreement executed later reads as the draft it was.
  json::object draft =
      Create("/api/v1/parties/" + id + "/agreements",
             {{"type", "baa"},
              {"effective_at", "2026-01-01"},
              {"baa",
               {{"safeguards", true},
                {"subcontractor_flow_down", true},
                {"incident_reporting", true},
                {"responsibilities", "Each party secures ePHI in its custody."}}}});
  std::string agreement = Str(draft.at("id"));
  std::string drafted = "?as_of=" + std::to_string(draft.at("ledger_index").as_int64() + 1);
  EXPECT_EQ(PatchOk("/api/v1/agreements/" + agreement, {{"status", "executed"}}).at("status"),
            "executed");
  EXPECT_EQ(GetObj("/api/v1/agreements/" + agreement + drafted).at("status"), "draft");
  json::array listed = Items("/api/v1/parties/" + id + "/agreements" + drafted);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].at("status"), "draft");
  EXPECT_EQ(Items("/api/v1/parties/" + id + "/agreements?status=executed").size(), 1u);
  EXPECT_EQ(Items("/api/v1/parties/" + id + "/agreements" + drafted + "&status=executed").size(),
            0u);
  // The party did not exist yet when its history began: its children are 404 then too.
  ExpectError(s().Get("/api/v1/parties/" + id + "/agreements?as_of=" + std::to_string(created - 1)),
              404, "not_found");

  // Deleted objects stay visible as of a size before the delete.
  std::string contact = Str(Create("/api/v1/parties/" + id + "/contacts",
                                   {{"name", "Asof Desk"}, {"email", "desk@asof.example"}})
                                .at("id"));
  std::string before_delete = "?as_of=" + std::to_string(LedgerSize());
  ASSERT_EQ(Call("DELETE", "/api/v1/contacts/" + contact).status, 200);
  ExpectError(s().Get("/api/v1/contacts/" + contact), 404, "not_found");
  EXPECT_EQ(GetObj("/api/v1/contacts/" + contact + before_delete).at("name"), "Asof Desk");
  EXPECT_EQ(Items("/api/v1/parties/" + id + "/contacts" + before_delete).size(), 1u);
  EXPECT_TRUE(Items("/api/v1/parties/" + id + "/contacts").empty());

  std::string gone = NewParty("Asof Short Lived");
  std::string alive = "?as_of=" + std::to_string(LedgerSize());
  ASSERT_EQ(Call("DELETE", "/api/v1/parties/" + gone).status, 200);
  EXPECT_EQ(GetObj("/api/v1/parties/" + gone + alive).at("name"), "Asof Short Lived");
  EXPECT_EQ(ItemNames("/api/v1/parties" + alive + "&q=short"),
            std::vector<std::string>{"Asof Short Lived"});
  EXPECT_EQ(ItemNames("/api/v1/parties?q=short"), std::vector<std::string>{});
}

TEST_F(RegistryApiTest, SearchMatchesWordPrefixesWithoutRegardToCase) {
  NewParty("Quokka Analytics Group");
  NewParty("Analytic Quokkas Ltd", "partner");
  std::string quoll = NewParty("Quollster, Inc.");
  using V = std::vector<std::string>;
  EXPECT_EQ(ItemNames("/api/v1/parties?q=quok"),
            (V{"Analytic Quokkas Ltd", "Quokka Analytics Group"}));
  EXPECT_EQ(ItemNames("/api/v1/parties?q=QUOKKA"),
            (V{"Analytic Quokkas Ltd", "Quokka Analytics Group"}));
  EXPECT_EQ(ItemNames("/api/v1/parties?q=quo").size(), 3u);
  // Whole words only count from their start: "Analytic" is not "analytics".
  EXPECT_EQ(ItemNames("/api/v1/parties?q=analytics"),
            (V{"Harbor Health Analytics", "Quokka Analytics Group"}));
  EXPECT_EQ(ItemNames("/api/v1/parties?q=quokka%20gro"), (V{"Quokka Analytics Group"}));
  EXPECT_EQ(ItemNames("/api/v1/parties?q=group%20quok"), (V{"Quokka Analytics Group"}));
  EXPECT_EQ(ItemNames("/api/v1/parties?q=inc"), (V{"Quollster, Inc."}));
  EXPECT_EQ(ItemNames("/api/v1/parties?q=roup"), V{});  // inside a word, not a prefix
  EXPECT_EQ(ItemNames("/api/v1/parties?q=%21%21"), V{});
  EXPECT_EQ(ItemNames("/api/v1/parties?q=quok&kind=partner"), (V{"Analytic Quokkas Ltd"}));

  // A renamed party is found by its new name only.
  PatchOk("/api/v1/parties/" + quoll, {{"name", "Wombat Works"}});
  EXPECT_EQ(ItemNames("/api/v1/parties?q=quoll"), V{});
  EXPECT_EQ(ItemNames("/api/v1/parties?q=wombat"), (V{"Wombat Works"}));
  EXPECT_EQ(ItemNames("/api/v1/parties?q=quo").size(), 2u);
  // Other kinds search their own names.
  EXPECT_EQ(ItemNames("/api/v1/systems?q=STAG"), (V{"Luma platform (staging)"}));
}

TEST_F(RegistryApiTest, CursorPagesWalkEveryObjectOnce) {
  for (int i = 1; i <= 7; ++i) NewParty("Paging Test " + std::to_string(i), "partner");
  auto walk = [&](const std::string& base, int limit) {
    std::vector<std::string> ids;
    std::vector<size_t> sizes;
    std::string cursor;
    for (int page = 0; page < 200; ++page) {
      json::object v = GetObj(base + (base.find('?') == std::string::npos ? "?" : "&") + "limit=" +
                              std::to_string(limit) + (cursor.empty() ? "" : "&cursor=" + cursor));
      sizes.push_back(v.at("items").as_array().size());
      for (const auto& item : v.at("items").as_array()) ids.push_back(Str(item.at("id")));
      if (v.at("next_cursor").is_null()) break;
      cursor = Str(v.at("next_cursor"));
    }
    return std::make_pair(ids, sizes);
  };
  auto [paged, sizes] = walk("/api/v1/parties?q=paging", 3);
  EXPECT_EQ(sizes, (std::vector<size_t>{3, 3, 1}));
  EXPECT_EQ(std::set<std::string>(paged.begin(), paged.end()).size(), 7u);

  auto [all, all_sizes] = walk("/api/v1/parties", 4);
  std::set<std::string> unique(all.begin(), all.end());
  EXPECT_EQ(unique.size(), all.size()) << "a page repeated an object";
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end()));
  json::array everything = Items("/api/v1/parties?limit=500");
  EXPECT_EQ(all.size(), everything.size());
  EXPECT_GE(all.size(), 27u);  // the demo's ~20 and this test's 7
  // Exactly a page's worth: the last page says there is nothing more.
  auto [exact, exact_sizes] = walk("/api/v1/parties?q=paging", 7);
  EXPECT_EQ(exact_sizes, (std::vector<size_t>{7}));
}

}  // namespace
}  // namespace accord::testing::registry_api
