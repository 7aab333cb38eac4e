// What the API tells the portal so that it only draws: allowed_actions decided by the server
// for the caller, actor names, history from the stored versions, party names in lists, the
// ledger read in ranges, and the lists' filters and orders (issue 19, item 5).
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "support/api_assert.h"
#include "support/shared_server_test.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

std::vector<std::string> Strings(const json::value& v) {
  std::vector<std::string> out;
  for (const auto& s : v.as_array()) out.emplace_back(s.as_string());
  return out;
}

std::string Str(const json::value& v, const char* key) {
  const json::value* f = v.as_object().if_contains(key);
  return f && f->is_string() ? std::string(f->as_string()) : "";
}

class WorkflowViewsTest : public SharedServerTest {
 protected:
  // A demo review assigned to the Privacy Officer, that asks a party (of `kind`, or any).
  json::object AssignedToPrivacyOfficer(const std::string& kind = "") {
    json::value list = s().GetJson("/api/v1/reviews?status=assigned&limit=500");
    for (const auto& r : list.at("items").as_array()) {
      const json::value* a = r.as_object().if_contains("assignee");
      if (a && a->is_object() && Str(*a, "role") == "privacy_officer" &&
          !Str(r, "party_id").empty() && (kind.empty() || Str(r, "review_kind") == kind)) {
        return r.as_object();
      }
    }
    ADD_FAILURE() << "no review assigned to the privacy officer in " << json::serialize(list);
    return {};
  }
};

TEST_F(WorkflowViewsTest, AReviewOffersEachCallerWhatTheProfileLetsThemDo) {
  json::object review = AssignedToPrivacyOfficer("party_review");
  std::string id = Str(review, "id");
  ASSERT_FALSE(id.empty());
  // luma: the Security Officer assigns and approves, the assignee documents (TP-12).
  auto actions = [&](const std::string& role) {
    return Strings(s().GetJson("/api/v1/reviews/" + id, role).at("allowed_actions"));
  };
  EXPECT_EQ(actions("security_officer"), (std::vector<std::string>{"assign", "request_info"}));
  EXPECT_EQ(actions("privacy_officer"), (std::vector<std::string>{"document", "request_info"}));
  EXPECT_TRUE(actions("staff").empty());
  // The list says the same as the object.
  EXPECT_EQ(Strings(review.at("allowed_actions")),
            (std::vector<std::string>{"assign", "request_info"}));

  // What it offers is what the server accepts: the Security Officer may not document.
  HttpResult refused = s().Post("/api/v1/reviews/" + id + "/actions",
                                R"({"action":"document","comment":"x","documentation":{}})");
  EXPECT_EQ(refused.status, 403) << refused.body;
  json::object docs{{"sla_performance", "99.95% uptime all quarter"},
                    {"security_performance", "No incidents"},
                    {"compliance_performance", "SOC 2 Type II current"},
                    {"contacts_confirmed", true}};
  HttpResult documented =
      s().Post("/api/v1/reviews/" + id + "/actions",
               json::serialize(json::object{{"action", "document"}, {"documentation", docs}}),
               "privacy_officer");
  ASSERT_EQ(documented.status, 200) << documented.body;
  EXPECT_EQ(actions("security_officer"),
            (std::vector<std::string>{"request_info", "approve", "reject"}));
  EXPECT_EQ(actions("privacy_officer"), (std::vector<std::string>{"request_info"}));
}

TEST_F(WorkflowViewsTest, FindingsChangesAndReportRequestsOfferTheirActionsToo) {
  // The demo's open SOC 2 finding: the officers manage findings, staff read them.
  json::value findings = s().GetJson("/api/v1/findings?status=open");
  ASSERT_FALSE(findings.at("items").as_array().empty());
  std::string finding = Str(findings.at("items").as_array().at(0), "id");
  EXPECT_EQ(Strings(s().GetJson("/api/v1/findings/" + finding).at("allowed_actions")),
            (std::vector<std::string>{"assign", "resolve", "accept_risk"}));
  EXPECT_TRUE(
      s().GetJson("/api/v1/findings/" + finding, "staff").at("allowed_actions").as_array().empty());
  json::value one = s().GetJson("/api/v1/findings/" + finding);
  EXPECT_EQ(Str(one.at("history").as_array().at(0), "action"), "opened");

  // The demo's change under review: luma lets the Security Officer record what became of it.
  json::value changes = s().GetJson("/api/v1/change-notices?status=under_review");
  ASSERT_FALSE(changes.at("items").as_array().empty());
  std::string change = Str(changes.at("items").as_array().at(0), "id");
  EXPECT_EQ(Strings(s().GetJson("/api/v1/change-notices/" + change).at("allowed_actions")),
            (std::vector<std::string>{"implemented", "withdrawn"}));
  EXPECT_TRUE(s().GetJson("/api/v1/change-notices/" + change, "auditor")
                  .at("allowed_actions")
                  .as_array()
                  .empty());

  // A report request whose NDA is in force waits for an officer's decision.
  json::value requests = s().GetJson("/api/v1/report-requests?status=in_progress");
  ASSERT_FALSE(requests.at("items").as_array().empty());
  const json::value& request = requests.at("items").as_array().at(0);
  auto officer = Strings(request.at("allowed_actions"));
  EXPECT_NE(std::find(officer.begin(), officer.end(), "approve"), officer.end());
  EXPECT_NE(std::find(officer.begin(), officer.end(), "reject"), officer.end());
  EXPECT_EQ(Str(request, "party_name"), "Riverside Medical Group");
  json::value as_staff = s().GetJson("/api/v1/report-requests/" + Str(request, "id"), "staff");
  auto staff = Strings(as_staff.at("allowed_actions"));
  EXPECT_EQ(std::find(staff.begin(), staff.end(), "approve"), staff.end());
}

TEST_F(WorkflowViewsTest, APartysContactReadsAChangesHistoryWithoutOurComments) {
  json::value parties = s().GetJson("/api/v1/parties", "third_party_contact");
  std::string party = Str(parties.at("items").as_array().at(0), "id");
  HttpResult announced =
      s().Post("/api/v1/change-notices",
               json::serialize(json::object{{"party_id", party},
                                            {"title", "New support desk tooling"},
                                            {"description", "A new ticketing vendor"},
                                            {"planned_at", "2027-03-01"}}),
               "third_party_contact");
  ASSERT_EQ(announced.status, 201) << announced.body;
  std::string id = Str(json::parse(announced.body), "id");
  HttpResult withdrawn = s().Post("/api/v1/change-notices/" + id + "/actions",
                                  R"({"action":"withdrawn","comment":"Our risk view: too weak"})");
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  json::value ours = s().GetJson("/api/v1/change-notices/" + id);
  EXPECT_EQ(Str(ours.at("history").as_array().back(), "comment"), "Our risk view: too weak");
  json::value theirs = s().GetJson("/api/v1/change-notices/" + id, "third_party_contact");
  const json::array& history = theirs.at("history").as_array();
  ASSERT_EQ(history.size(), ours.at("history").as_array().size());
  for (const auto& entry : history) {
    EXPECT_FALSE(entry.as_object().contains("comment")) << json::serialize(entry);
  }
  EXPECT_EQ(Str(history.back(), "status"), "withdrawn");
  EXPECT_TRUE(theirs.at("allowed_actions").as_array().empty());
}

TEST_F(WorkflowViewsTest, AnObjectsHistoryNamesWhoDidWhatAndListsStayLight) {
  json::value parties = s().GetJson("/api/v1/parties?q=relay");
  std::string party = Str(parties.at("items").as_array().at(0), "id");
  HttpResult opened = s().Post(
      "/api/v1/reviews",
      json::serialize(json::object{
          {"review_kind", "party_review"}, {"party_id", party}, {"due_at", "2027-06-30"}}));
  ASSERT_EQ(opened.status, 201) << opened.body;
  std::string id = Str(json::parse(opened.body), "id");
  json::object review;
  json::value list = s().GetJson("/api/v1/reviews?limit=500&party_id=" + party);
  for (const auto& r : list.at("items").as_array()) {
    if (Str(r, "id") == id) review = r.as_object();
  }
  ASSERT_FALSE(review.empty());
  EXPECT_FALSE(review.contains("history")) << "history is for one object's read";
  EXPECT_EQ(Str(review, "party_name"), "Relay SMS");
  EXPECT_EQ(Str(review.at("opened_by"), "name"), "Sam Rivera") << json::serialize(review);

  HttpResult asked =
      s().Post("/api/v1/reviews/" + id + "/actions",
               R"({"action":"request_info","comment":"Please send your pen test summary"})");
  ASSERT_EQ(asked.status, 200) << asked.body;
  json::value one = s().GetJson("/api/v1/reviews/" + id, "auditor");
  const json::array& history = one.at("history").as_array();
  ASSERT_GE(history.size(), 2u) << json::serialize(one);
  EXPECT_EQ(Str(history.front(), "action"), "opened");
  const json::value& last = history.back();
  EXPECT_EQ(Str(last, "action"), "info_requested") << json::serialize(last);
  EXPECT_EQ(Str(last, "status"), Str(one, "status"));
  EXPECT_EQ(Str(last, "comment"), "Please send your pen test summary");
  EXPECT_EQ(Str(last.at("by"), "role"), "security_officer");
  EXPECT_EQ(Str(last.at("by"), "name"), "Sam Rivera");
  EXPECT_FALSE(Str(last, "at").empty());
  // As it was: the history up to that ledger position only.
  uint64_t before = one.at("ledger_index").as_int64();
  json::value then = s().GetJson("/api/v1/reviews/" + id + "?as_of=" + std::to_string(before));
  EXPECT_EQ(then.at("history").as_array().size() + 1, history.size());
}

TEST_F(WorkflowViewsTest, GrantsComeNewestFirstWithTheirActions) {
  json::value newest = s().GetJson("/api/v1/access/grants?limit=500");
  json::value oldest = s().GetJson("/api/v1/access/grants?limit=500&order=oldest");
  std::vector<std::string> a, b;
  for (const auto& g : newest.at("items").as_array()) a.push_back(Str(g, "id"));
  for (const auto& g : oldest.at("items").as_array()) b.push_back(Str(g, "id"));
  ASSERT_GE(a.size(), 2u);
  EXPECT_TRUE(std::is_sorted(a.rbegin(), a.rend())) << "newest first";
  std::reverse(b.begin(), b.end());
  EXPECT_EQ(a, b);
  for (const auto& g : newest.at("items").as_array()) {
    std::string status = Str(g, "effective_status");
    auto actions = Strings(g.at("allowed_actions"));
    if (status == "active") EXPECT_EQ(actions, std::vector<std::string>{"revoke"});
    if (status == "denied" || status == "revoked" || status == "expired") {
      EXPECT_TRUE(actions.empty()) << json::serialize(g);
    }
    EXPECT_FALSE(Str(g, "party_name").empty());
  }
  // Staff read grants but decide nothing.
  json::value staff = s().GetJson("/api/v1/access/grants", "staff");
  for (const auto& g : staff.at("items").as_array()) {
    EXPECT_TRUE(g.at("allowed_actions").as_array().empty());
  }
  ExpectError(s().Get("/api/v1/access/grants?order=random"), 422, "validation_failed");
}

TEST_F(WorkflowViewsTest, ADocumentNamesWhoUploadedItEverywhere) {
  json::value parties = s().GetJson("/api/v1/parties?q=relay");
  std::string party = Str(parties.at("items").as_array().at(0), "id");
  HttpResult up =
      HttpCall(s().port(), "POST", "/api/v1/parties/" + party + "/documents?filename=notes.txt",
               "Call notes from the quarterly review.\n",
               {{"Content-Type", "text/plain"},
                {"Authorization", "Bearer " + s().token("security_officer")}});
  ASSERT_EQ(up.status, 201) << up.body;
  json::value posted = json::parse(up.body);
  EXPECT_EQ(Str(posted.at("uploaded_by"), "name"), "Sam Rivera");
  std::string id = Str(posted, "id");
  // The one read, the party's list and the answer to the upload agree.
  EXPECT_EQ(s().GetJson("/api/v1/documents/" + id, "auditor"), posted);
  json::value list = s().GetJson("/api/v1/parties/" + party + "/documents?limit=500");
  bool found = false;
  for (const auto& d : list.at("items").as_array()) {
    if (Str(d, "id") != id) continue;
    found = true;
    EXPECT_EQ(d, posted);
  }
  EXPECT_TRUE(found);
}

TEST_F(WorkflowViewsTest, TheLedgerReadsInRanges) {
  uint64_t size = s().LedgerSize();
  ASSERT_GT(size, 10u);
  json::value first = s().GetJson("/api/v1/ledger/entries?from=0&limit=5", "auditor");
  const json::array& items = first.at("items").as_array();
  ASSERT_EQ(items.size(), 5u);
  for (int64_t i = 0; i < 5; ++i) EXPECT_EQ(items[i].at("index").as_int64(), i);
  EXPECT_EQ(first.at("next_from").as_int64(), 5);
  EXPECT_EQ(Str(items[0].at("event"), "type"), "org.created");
  // The same entry as the one-entry read.
  json::value three = s().GetJson("/api/v1/ledger/entries/3", "auditor");
  EXPECT_EQ(items[3], three);
  // The end: nothing more, and no next.
  json::value end = s().GetJson("/api/v1/ledger/entries?from=" + std::to_string(size));
  EXPECT_TRUE(end.at("items").as_array().empty());
  EXPECT_TRUE(end.at("next_from").is_null());
  json::value all = s().GetJson("/api/v1/ledger/entries?limit=1000");
  EXPECT_GE(all.at("items").as_array().size(), std::min<uint64_t>(size, 1000));
  EXPECT_EQ(
      FirstField(ExpectError(s().Get("/api/v1/ledger/entries?limit=0"), 422, "validation_failed")),
      "limit");
  EXPECT_EQ(FirstField(ExpectError(s().Get("/api/v1/ledger/entries?from=99999999"), 422,
                                   "validation_failed")),
            "from");
  EXPECT_EQ(
      FirstField(ExpectError(s().Get("/api/v1/ledger/entries?from=x"), 422, "validation_failed")),
      "from");
  ExpectError(s().Get("/api/v1/ledger/entries", "staff"), 403, "forbidden");
}

TEST_F(WorkflowViewsTest, PartiesFilterByRiskTierAndAgreementState) {
  json::value all = s().GetJson("/api/v1/parties?limit=500");
  std::set<std::string> high;
  for (const auto& p : all.at("items").as_array()) {
    if (Str(p, "risk_tier") == "high") high.insert(Str(p, "id"));
  }
  ASSERT_FALSE(high.empty());
  ASSERT_LT(high.size(), all.at("items").as_array().size());
  // Two to a page, so the filter crosses pages.
  std::set<std::string> seen;
  std::string next = "/api/v1/parties?risk_tier=high&limit=2";
  for (int pages = 0; !next.empty() && pages < 100; ++pages) {
    json::value page = s().GetJson(next);
    for (const auto& p : page.at("items").as_array()) {
      EXPECT_EQ(Str(p, "risk_tier"), "high");
      seen.insert(Str(p, "id"));
    }
    const json::value& cursor = page.at("next_cursor");
    next = cursor.is_null()
               ? ""
               : "/api/v1/parties?risk_tier=high&limit=2&cursor=" + std::string(cursor.as_string());
  }
  EXPECT_EQ(seen, high);

  // The demo's Lakeside Dental has only an expired BAA.
  auto names = [&](const std::string& state) {
    std::set<std::string> out;
    json::value v =
        s().GetJson("/api/v1/parties?limit=500&agreement_type=baa&agreement_state=" + state);
    for (const auto& p : v.at("items").as_array()) out.insert(Str(p, "name"));
    return out;
  };
  std::set<std::string> in_force = names("in_force"), expired = names("expired"),
                        missing = names("not_in_force");
  EXPECT_TRUE(expired.count("Lakeside Dental"));
  EXPECT_TRUE(missing.count("Lakeside Dental"));
  EXPECT_FALSE(in_force.count("Lakeside Dental"));
  EXPECT_FALSE(in_force.empty());
  for (const auto& n : in_force) EXPECT_FALSE(missing.count(n)) << n;
  EXPECT_EQ(in_force.size() + missing.size(), all.at("items").as_array().size());

  for (const char* bad : {"/api/v1/parties?risk_tier=extreme", "/api/v1/parties?agreement_type=baa",
                          "/api/v1/parties?agreement_type=lease&agreement_state=in_force",
                          "/api/v1/parties?agreement_type=baa&agreement_state=soon",
                          "/api/v1/parties?order=sideways", "/api/v1/parties?sort=due_at"}) {
    ExpectError(s().Get(bad), 422, "validation_failed");
  }
  // Our assessment is not a filter for a party's contact.
  EXPECT_EQ(FirstField(ExpectError(s().Get("/api/v1/parties?risk_tier=high", "third_party_contact"),
                                   422, "validation_failed")),
            "risk_tier");
}

TEST_F(WorkflowViewsTest, ReviewsSortBySoonestDueAcrossPages) {
  std::vector<std::string> due, ids;
  std::string next = "/api/v1/reviews?sort=due_at&limit=3";
  for (int pages = 0; !next.empty() && pages < 200; ++pages) {
    json::value page = s().GetJson(next);
    for (const auto& r : page.at("items").as_array()) {
      due.push_back(Str(r, "due_at"));
      ids.push_back(Str(r, "id"));
    }
    const json::value& cursor = page.at("next_cursor");
    next = cursor.is_null()
               ? ""
               : "/api/v1/reviews?sort=due_at&limit=3&cursor=" + std::string(cursor.as_string());
  }
  ASSERT_GT(due.size(), 3u);
  EXPECT_TRUE(std::is_sorted(due.begin(), due.end()));
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size()) << "no repeats";
  json::value all = s().GetJson("/api/v1/reviews?limit=500");
  EXPECT_EQ(ids.size(), all.at("items").as_array().size());
  ExpectError(s().Get("/api/v1/reviews?sort=due_at&q=relay"), 422, "validation_failed");
}

}  // namespace
}  // namespace accord::testing
