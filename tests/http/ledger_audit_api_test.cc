// The ledger as an audit log (issue 20, item 11), against a real demo server: entries named
// (actor, subject, party), filtered by event type, actor, party and dates in both orders with
// cursors that lose nothing, the same entries as CSV, the filters' choices, the checkpoint list
// and a consistency proof between two listed checkpoints, and what each refuses.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "accord/core/bytes.h"
#include "accord/ledger/merkle.h"
#include "accord/ledger/note.h"
#include "support/api_assert.h"
#include "support/api_server.h"
#include "support/process.h"
#include "support/shared_server_test.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

std::string Str(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : ""; }

class LedgerAuditTest : public SharedServerTest {
 protected:
  // Every entry, oldest first, through the unfiltered pages.
  std::vector<json::object> All() {
    std::vector<json::object> out;
    std::string from = "0";
    for (int i = 0; i < 100 && !from.empty(); ++i) {
      json::value page = s().GetJson("/api/v1/ledger/entries?limit=1000&from=" + from);
      const json::object& p = page.as_object();
      for (const auto& item : p.at("items").as_array()) out.push_back(item.as_object());
      from = p.at("next_from").is_null() ? "" : std::to_string(p.at("next_from").as_int64());
    }
    return out;
  }
  // The indices a filtered query answers, following next_before (or next_from) to the end.
  std::vector<int64_t> Follow(const std::string& query, bool newest, int limit) {
    std::vector<int64_t> out;
    std::string cursor;
    const char* next = newest ? "next_before" : "next_from";
    const char* param = newest ? "&before=" : "&from=";
    for (int i = 0; i < 1000; ++i) {
      json::value page = s().GetJson(
          "/api/v1/ledger/entries?order=" + std::string(newest ? "newest" : "oldest") +
          "&limit=" + std::to_string(limit) + query + (cursor.empty() ? "" : param + cursor));
      const json::object& p = page.as_object();
      for (const auto& item : p.at("items").as_array()) {
        out.push_back(item.at("index").as_int64());
      }
      if (p.at(next).is_null()) break;
      cursor = std::to_string(p.at(next).as_int64());
    }
    return out;
  }
  static std::string PartyOf(const json::object& entry) {
    return entry.at("party").is_null() ? "" : Str(entry.at("party").at("id"));
  }
  static const json::object& Event(const json::object& entry) {
    return entry.at("event").as_object();
  }
  static std::vector<int64_t> Newest(const std::vector<json::object>& all,
                                     const std::function<bool(const json::object&)>& keep) {
    std::vector<int64_t> out;
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
      if (keep(*it)) out.push_back(it->at("index").as_int64());
    }
    return out;
  }
};

TEST_F(LedgerAuditTest, EntriesCarryTheNamesOfTheirActorSubjectAndParty) {
  std::vector<json::object> all = All();
  ASSERT_GT(all.size(), 100u);
  bool saw_user = false, saw_party = false, saw_child = false;
  for (const auto& e : all) {
    const json::object& ev = Event(e);
    const std::string actor = Str(ev.at("actor").at("id"));
    const std::string kind = Str(ev.at("subject").at("kind"));
    if (actor.starts_with("usr_")) {
      EXPECT_FALSE(Str(e.at("actor_name")).empty()) << "an account acts by name: " << actor;
      saw_user = true;
    }
    if (Str(ev.at("type")) == "party.created") {
      const std::string name = Str(ev.at("payload").at("state").at("name"));
      EXPECT_EQ(Str(e.at("subject_name")), name);
      EXPECT_EQ(PartyOf(e), Str(ev.at("subject").at("id")));
      EXPECT_EQ(Str(e.at("party").at("name")), name);
      saw_party = true;
    }
    if (kind == "agreement") {
      EXPECT_EQ(PartyOf(e), Str(ev.at("payload").at("state").at("party_id")))
          << "an agreement's events are its party's";
      EXPECT_FALSE(Str(e.at("party").at("name")).empty());
      saw_child = true;
    }
    if (kind == "org") {
      EXPECT_FALSE(Str(e.at("subject_name")).empty()) << "the organisation by name";
    }
  }
  EXPECT_TRUE(saw_user && saw_party && saw_child);
  // One entry read alone carries the same names.
  const json::object& some = all[all.size() / 2];
  json::value one =
      s().GetJson("/api/v1/ledger/entries/" + std::to_string(some.at("index").as_int64()));
  EXPECT_EQ(one.at("actor_name"), some.at("actor_name"));
  EXPECT_EQ(one.at("party"), some.at("party"));
}

// An entry read alone takes its names from the reads before it while the ledger has not grown
// (one statement on PostgreSQL): a rename grows the ledger, so the next read shows the new name.
// Renamed back at the end, so every party.created entry still shows its payload's name.
TEST_F(LedgerAuditTest, AnEntryReadAloneShowsANameChangedSinceTheLastRead) {
  HttpResult created =
      s().Post("/api/v1/parties", R"({"name": "Cached Name Ltd", "kind": "partner"})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = Str(json::parse(created.body).at("id"));
  json::value page = s().GetJson("/api/v1/ledger/entries?order=newest&limit=1&type=party.created");
  ASSERT_EQ(page.at("items").as_array().size(), 1u);
  const std::string entry =
      "/api/v1/ledger/entries/" + std::to_string(page.at("items").at(0).at("index").as_int64());
  auto names = [&](const std::string& want) {
    for (int i = 0; i < 2; ++i) {  // the first read fills the names, the second reuses them
      json::value one = s().GetJson(entry);
      EXPECT_EQ(Str(one.at("subject_name")), want);
      EXPECT_EQ(Str(one.at("party").at("id")), id);
      EXPECT_EQ(Str(one.at("party").at("name")), want);
    }
  };
  names("Cached Name Ltd");
  for (const char* name : {"Cached Name Renamed Ltd", "Cached Name Ltd"}) {
    HttpResult patched =
        s().Call("PATCH", "/api/v1/parties/" + id, json::serialize(json::object{{"name", name}}));
    ASSERT_EQ(patched.status, 200) << patched.body;
    names(name);
  }
}

TEST_F(LedgerAuditTest, FiltersByTypeActorPartyAndDateInBothOrders) {
  std::vector<json::object> all = All();
  ASSERT_FALSE(all.empty());
  // The demo's busiest party, and an account that acted.
  std::map<std::string, int> per_party;
  std::string user;
  for (const auto& e : all) {
    if (!PartyOf(e).empty()) ++per_party[PartyOf(e)];
    std::string actor = Str(Event(e).at("actor").at("id"));
    if (user.empty() && actor.starts_with("usr_")) user = actor;
  }
  ASSERT_FALSE(per_party.empty());
  ASSERT_FALSE(user.empty());
  const std::string party =
      std::max_element(per_party.begin(), per_party.end(), [](auto& a, auto& b) {
        return a.second < b.second;
      })->first;

  struct Case {
    std::string query;
    std::function<bool(const json::object&)> keep;
  };
  const std::string mid_time = Str(Event(all[all.size() / 2]).at("time"));
  std::vector<Case> cases = {
      {"&type=party.created",
       [](const json::object& e) { return Str(Event(e).at("type")) == "party.created"; }},
      {"&actor=" + user,
       [&](const json::object& e) { return Str(Event(e).at("actor").at("id")) == user; }},
      {"&party=" + party, [&](const json::object& e) { return PartyOf(e) == party; }},
      {"&party=" + party + "&type=agreement.created",
       [&](const json::object& e) {
         return PartyOf(e) == party && Str(Event(e).at("type")) == "agreement.created";
       }},
      {"&since=" + mid_time,
       [&](const json::object& e) { return Str(Event(e).at("time")) >= mid_time; }},
      {"&until=" + mid_time,
       [&](const json::object& e) { return Str(Event(e).at("time")) < mid_time; }},
      {"&type=grant.requested&until=2000-01-01", [](const json::object&) { return false; }},
  };
  for (const auto& c : cases) {
    std::vector<int64_t> expected = Newest(all, c.keep);
    EXPECT_EQ(Follow(c.query, true, 3), expected) << c.query;
    std::reverse(expected.begin(), expected.end());
    EXPECT_EQ(Follow(c.query, false, 4), expected) << c.query;
  }
  // A day given as `until` counts the whole day.
  const std::string day = mid_time.substr(0, 10);
  std::vector<int64_t> whole_day = Follow("&since=" + day + "&until=" + day, true, 1000);
  EXPECT_EQ(whole_day, Newest(all, [&](const json::object& e) {
              return Str(Event(e).at("time")).substr(0, 10) == day;
            }));
  // Unfiltered newest first is the ledger backwards.
  json::value newest = s().GetJson("/api/v1/ledger/entries?order=newest&limit=2");
  const json::array& items = newest.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("index").as_int64(), newest.at("size").as_int64() - 1);
  EXPECT_EQ(items[1].at("index").as_int64(), newest.at("size").as_int64() - 2);
  EXPECT_EQ(newest.at("next_before").as_int64(), newest.at("size").as_int64() - 2);
  EXPECT_TRUE(newest.at("next_from").is_null());
}

TEST_F(LedgerAuditTest, TheSameEntriesAsCsvWithNames) {
  std::vector<json::object> all = All();
  std::vector<int64_t> parties = Newest(
      all, [](const json::object& e) { return Str(Event(e).at("type")) == "party.created"; });
  HttpResult r =
      HttpCall(s().port(), "GET", "/api/v1/ledger/entries?order=newest&type=party.created", "",
               {{"Accept", "text/csv"}, {"Authorization", "Bearer " + s().token("auditor")}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.Header("Content-Type").find("text/csv"), std::string::npos);
  EXPECT_NE(r.Header("Content-Disposition").find("ledger.csv"), std::string::npos);
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end; (end = r.body.find("\r\n", start)) != std::string::npos; start = end + 2) {
    lines.push_back(r.body.substr(start, end - start));
  }
  ASSERT_EQ(lines.size(), parties.size() + 1) << "a header and one line per matching entry";
  EXPECT_TRUE(lines[0].starts_with("Index,Time,Event,Event type,Actor,"));
  EXPECT_TRUE(lines[1].starts_with(std::to_string(parties[0]) + ","));
  EXPECT_NE(lines[1].find(",Party created,party.created,"), std::string::npos) << lines[1];
  // The party's name, not only its id.
  const json::object* first = nullptr;
  for (const auto& e : all) {
    if (e.at("index").as_int64() == parties[0]) first = &e;
  }
  ASSERT_NE(first, nullptr);
  EXPECT_NE(lines[1].find(Str(first->at("subject_name"))), std::string::npos) << lines[1];
}

TEST_F(LedgerAuditTest, FacetsListTheTypesAndActorsByName) {
  json::value f = s().GetJson("/api/v1/ledger/facets", "auditor");
  std::set<std::string> types;
  for (const auto& t : f.at("types").as_array()) types.insert(Str(t.at("type")));
  EXPECT_TRUE(types.contains("org.created"));
  EXPECT_TRUE(types.contains("party.created"));
  bool named_user = false;
  for (const auto& a : f.at("actors").as_array()) {
    if (Str(a.at("id")).starts_with("usr_")) named_user = named_user || !Str(a.at("name")).empty();
  }
  EXPECT_TRUE(named_user);
}

TEST_F(LedgerAuditTest, RefusesBadFiltersWithTheirField) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"type=Not%20a%20type", "type"},
      {"party=org_1", "party"},
      {"since=yesterday", "since"},
      {"until=2026-13-40", "until"},
      {"since=2026-06-02&until=2026-06-01", "until"},
      {"order=sideways", "order"},
      {"order=oldest&before=3", "before"},
      {"order=newest&from=3", "from"},
      {"limit=0", "limit"},
      {"order=newest&before=999999999", "before"},
  };
  for (const auto& [query, field] : bad) {
    json::object e =
        ExpectError(s().Get("/api/v1/ledger/entries?" + query), 422, "validation_failed");
    EXPECT_EQ(FirstField(e), field) << query;
  }
  // Only the organisation's ledger readers: a party's contact and staff are refused.
  for (const char* path : {"/api/v1/ledger/entries?type=party.created", "/api/v1/ledger/facets",
                           "/api/v1/ledger/checkpoints"}) {
    EXPECT_EQ(s().Get(path, "third_party_contact").status, 403) << path;
    EXPECT_EQ(s().Get(path, "staff").status, 403) << path;
    EXPECT_EQ(s().Get(path, "auditor").status, 200) << path;
  }
}

TEST_F(LedgerAuditTest, ListsCheckpointsAndTwoOfThemProveConsistent) {
  auto with_store = [&](std::vector<std::string> args) {
    args.insert(args.end(), {"--data-dir", s().dir().str(), "--db", s().db_url()});
    return args;
  };
  // Two more checkpoints, a note apart.
  ASSERT_EQ(s().Post("/api/v1/notes", s().OrgNote("before the first")).status, 201);
  auto first = RunAccord(with_store({"ledger", "checkpoint"}));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(s().Post("/api/v1/notes", s().OrgNote("between the two")).status, 201);
  auto second = RunAccord(with_store({"ledger", "checkpoint"}));
  ASSERT_EQ(second.exit_code, 0) << second.err;

  json::value list = s().GetJson("/api/v1/ledger/checkpoints", "auditor");
  const json::array& items = list.at("items").as_array();
  ASSERT_GE(items.size(), 2u);
  for (size_t i = 0; i < items.size(); ++i) {
    const json::object& c = items[i].as_object();
    if (i > 0) EXPECT_LT(c.at("size").as_int64(), items[i - 1].at("size").as_int64());
    EXPECT_FALSE(Str(c.at("created_at")).empty());
    // The note signs the size and root the list gives, which are the ledger's.
    const std::string note = Str(c.at("note"));
    auto body = ledger::ParseCheckpoint(note.substr(0, note.find("\n\n") + 1));
    ASSERT_TRUE(body.ok()) << note;
    EXPECT_EQ(static_cast<int64_t>(body->size), c.at("size").as_int64());
    EXPECT_EQ(Base64Encode(body->root), Str(c.at("root_hash")));
    if (c.at("size").as_int64() > 0) {
      json::value root = s().GetJson("/api/v1/ledger/roots/" + std::to_string(body->size));
      EXPECT_EQ(root.at("root_hash"), c.at("root_hash"));
    }
  }
  // Cursor pages of one.
  std::vector<int64_t> paged;
  std::string cursor;
  for (int i = 0; i < 1000; ++i) {
    json::value page = s().GetJson("/api/v1/ledger/checkpoints?limit=1" +
                                   (cursor.empty() ? "" : "&cursor=" + cursor));
    for (const auto& c : page.at("items").as_array()) paged.push_back(c.at("size").as_int64());
    if (page.at("next_cursor").is_null()) break;
    cursor = Str(page.at("next_cursor"));
  }
  std::vector<int64_t> sizes;
  for (const auto& c : items) sizes.push_back(c.at("size").as_int64());
  EXPECT_EQ(paged, sizes);
  ExpectError(s().Get("/api/v1/ledger/checkpoints?cursor=nonsense"), 422, "validation_failed");
  // A list's id cursor is not a checkpoint's.
  ExpectError(s().Get("/api/v1/ledger/checkpoints?cursor=" + Base64UrlEncode(AsBytes("ipty_1"))),
              422, "validation_failed");

  // The two newest, proven consistent with the consistency-proof route.
  const json::object& newer = items[0].as_object();
  const json::object& older = items[1].as_object();
  json::value proof = s().GetJson(
      "/api/v1/ledger/proofs/consistency?from=" + std::to_string(older.at("size").as_int64()) +
      "&to=" + std::to_string(newer.at("size").as_int64()));
  std::vector<Bytes> hashes;
  for (const auto& h : proof.at("proof").as_array()) hashes.push_back(*Base64Decode(h.as_string()));
  Bytes r1 = *Base64Decode(older.at("root_hash").as_string());
  Bytes r2 = *Base64Decode(newer.at("root_hash").as_string());
  EXPECT_TRUE(ledger::VerifyConsistency(older.at("size").as_int64(), newer.at("size").as_int64(),
                                        hashes, r1, r2)
                  .ok());
}

}  // namespace
}  // namespace accord::testing
