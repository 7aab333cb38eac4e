// The findings board (issue 20, item 5) over the API, in process on the luma demo with a fake
// clock (my_work_test.h): its filters (owner, source, due, overdue, party), and accepting a
// risk: one officer asks with an expiry, another approves, and the finding reopens by itself
// when the acceptance ends.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "accord/storage/finding_actions.h"
#include "http/my_work_test.h"

namespace accord::testing::my_work {
namespace {

class FindingsBoardTest : public MyWorkFixture {
 protected:
  std::string NewFinding(const std::string& title, const std::string& severity,
                         const std::string& owner_role = "security_officer",
                         const std::string& party = "") {
    json::object body{{"title", title}, {"severity", severity}, {"owner_id", Id(owner_role)}};
    if (!party.empty()) body["party_id"] = party;
    return Str(Post("/api/v1/findings", body).at("id"));
  }
  std::set<std::string> Titles(const std::string& query) {
    std::set<std::string> out;
    json::object page = Get("/api/v1/findings?limit=500&" + query);
    for (const auto& f : page.at("items").as_array()) out.insert(Str(f.at("title")));
    return out;
  }
  Answer Act(const std::string& id, const json::object& body, const std::string& role) {
    return Call("POST", "/api/v1/findings/" + id + "/actions", body, role);
  }
  static std::vector<std::string> Actions(const json::object& view) {
    std::vector<std::string> out;
    for (const auto& a : view.at("allowed_actions").as_array()) out.push_back(Str(a));
    return out;
  }
};

TEST_F(FindingsBoardTest, FiltersByOwnerSourceDuePartyAndSeverity) {
  std::string relay = Named("party", "Relay SMS");
  NewFinding("Board alpha: weak TLS", "high", "security_officer", relay);
  NewFinding("Board beta: stale accounts", "low", "privacy_officer");
  std::string gamma = NewFinding("Board gamma: no MFA", "critical", "privacy_officer");
  ASSERT_EQ(Ok(Act(gamma, {{"action", "assign"}, {"owner_id", Id("security_officer")}},
                   "privacy_officer"))
                .at("status"),
            "open");

  EXPECT_EQ(Titles("q=board&owner_id=" + Id("privacy_officer")),
            (std::set<std::string>{"Board beta: stale accounts"}));
  EXPECT_EQ(Titles("q=board&severity=critical"), (std::set<std::string>{"Board gamma: no MFA"}));
  EXPECT_EQ(Titles("q=board&party_id=" + relay), (std::set<std::string>{"Board alpha: weak TLS"}));
  EXPECT_EQ(Titles("q=board&source=manual").size(), 3u);
  EXPECT_TRUE(Titles("q=board&source=soc2_report").empty());
  // Due by severity: high in 30 days, low in 180, critical sooner still.
  EXPECT_EQ(Titles("q=board&due_before=" + At(Now() + days(60)).substr(0, 10)),
            (std::set<std::string>{"Board alpha: weak TLS", "Board gamma: no MFA"}));
  EXPECT_TRUE(Titles("q=board&overdue=true").empty());
  f_.clock().Advance(days(45));
  EXPECT_EQ(Titles("q=board&overdue=true"),
            (std::set<std::string>{"Board alpha: weak TLS", "Board gamma: no MFA"}));

  uint64_t before = f_.LedgerSize();
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"owner_id=bob", "owner_id"},       {"source=Scanner!", "source"},
      {"due_before=soon", "due_before"},  {"overdue=maybe", "overdue"},
      {"owner_id=none&as_of=5", "as_of"},
  };
  for (const auto& [query, field] : bad) {
    Answer a = Call("GET", "/api/v1/findings?" + query);
    EXPECT_EQ(a.status, 422) << query;
    EXPECT_EQ(Str(a.body["error"].at("details").at(0).at("field")), field) << query;
  }
  EXPECT_EQ(f_.LedgerSize(), before);
}

TEST_F(FindingsBoardTest, AcceptingARiskTakesTwoOfficersAndEndsOnItsDate) {
  std::string id = NewFinding("Legacy fax gateway", "medium");
  uint64_t before = f_.LedgerSize();
  Answer no_expiry =
      Act(id, {{"action", "accept_risk"}, {"comment", "Retired in March"}}, "security_officer");
  EXPECT_EQ(no_expiry.status, 422);
  Answer past = Act(id,
                    {{"action", "accept_risk"},
                     {"comment", "Retired in March"},
                     {"expires_at", At(Now() - days(1))}},
                    "security_officer");
  EXPECT_EQ(past.status, 422);
  Answer staff = Act(id,
                     {{"action", "accept_risk"},
                      {"comment", "Retired in March"},
                      {"expires_at", At(Now() + days(90))}},
                     "staff");
  EXPECT_EQ(staff.status, 403);
  EXPECT_EQ(f_.LedgerSize(), before) << "refusals write nothing";

  json::object asked = Ok(Act(id,
                              {{"action", "accept_risk"},
                               {"comment", "Retired in March"},
                               {"expires_at", At(Now() + days(90))}},
                              "security_officer"));
  EXPECT_EQ(Str(asked.at("status")), "acceptance_requested");
  EXPECT_EQ(TypesSince(before), std::vector<std::string>{"finding.risk_acceptance_requested"});
  // The asker may withdraw but not approve; the other officer may approve.
  EXPECT_EQ(Actions(Get("/api/v1/findings/" + id)),
            (std::vector<std::string>{"assign", "decline_risk"}));
  EXPECT_EQ(Actions(Get("/api/v1/findings/" + id, "privacy_officer")),
            (std::vector<std::string>{"assign", "approve_risk", "decline_risk"}));
  // Still open for the board and My work until it is approved.
  EXPECT_EQ(
      Get("/api/v1/findings?status=acceptance_requested&q=legacy").at("items").as_array().size(),
      1u);

  before = f_.LedgerSize();
  Answer own = Act(id, {{"action", "approve_risk"}}, "security_officer");
  EXPECT_EQ(own.status, 403);
  EXPECT_EQ(Str(own.body["error"].at("details").at(0).at("field")), "risk_acceptance.requested_by");
  EXPECT_EQ(f_.LedgerSize(), before);
  json::object accepted =
      Ok(Act(id, {{"action", "approve_risk"}, {"comment", "Agreed"}}, "privacy_officer"));
  EXPECT_EQ(Str(accepted.at("status")), "risk_accepted");
  EXPECT_EQ(Str(accepted.at("risk_acceptance").at("approved_by").at("id")), Id("privacy_officer"));

  // Nothing happens before the day; on it, the scheduler reopens the finding.
  f_.clock().Advance(days(89));
  auto none = storage::ExpireRiskAcceptances(f_.rt().log());
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, 0);
  f_.clock().Advance(days(2));
  before = f_.LedgerSize();
  auto reopened = storage::ExpireRiskAcceptances(f_.rt().log());
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(*reopened, 1);
  EXPECT_EQ(TypesSince(before), std::vector<std::string>{"finding.risk_acceptance_expired"});
  EXPECT_EQ(Str(Event(before).at("actor").at("id")), "system");
  json::object open = Get("/api/v1/findings/" + id);
  EXPECT_EQ(Str(open.at("status")), "open");
  EXPECT_TRUE(open.at("risk_acceptance").is_null());
  std::vector<std::string> steps;
  for (const auto& h : open.at("history").as_array()) steps.push_back(Str(h.at("action")));
  EXPECT_EQ(steps, (std::vector<std::string>{"opened", "risk_acceptance_requested", "risk_accepted",
                                             "risk_acceptance_expired"}));
  auto again = storage::ExpireRiskAcceptances(f_.rt().log());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0) << "idempotent";

  // Declined: back to open, the request gone.
  Ok(Act(id,
         {{"action", "accept_risk"},
          {"comment", "Retired in June"},
          {"expires_at", At(Now() + days(30))}},
         "privacy_officer"));
  json::object declined =
      Ok(Act(id, {{"action", "decline_risk"}, {"comment", "Retire it now"}}, "security_officer"));
  EXPECT_EQ(Str(declined.at("status")), "open");
  EXPECT_TRUE(declined.at("risk_acceptance").is_null());
}

}  // namespace
}  // namespace accord::testing::my_work
