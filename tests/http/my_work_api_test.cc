// GET /api/v1/my-work (MyWorkApiTest, my_work_test.h): each group for the person it waits for,
// separation of duties as the workflows decide it, read marks, who may call it, the account's
// digest setting and the daily digest in the outbox.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "accord/domain/event.h"
#include "accord/storage/entitlement_reviews.h"
#include "accord/storage/my_work_digest.h"
#include "accord/storage/outbox.h"
#include "http/my_work_test.h"

namespace accord::testing::my_work {
namespace {

class MyWorkApiTest : public MyWorkFixture {
 protected:
  json::object PartyReviewDocs() {
    return {{"sla_performance", "99.95% uptime all quarter"},
            {"security_performance", "No incidents"},
            {"compliance_performance", "SOC 2 Type II current"},
            {"contacts_confirmed", true}};
  }
  std::string OpenReview(const std::string& party, int due_in_days) {
    json::object r = Post("/api/v1/reviews", {{"review_kind", "party_review"},
                                              {"party_id", party},
                                              {"due_at", At(Now() + days(due_in_days))}});
    return Str(r["id"]);
  }
  Answer Act(const std::string& review, const json::object& body,
             const std::string& role = "security_officer") {
    return Call("POST", "/api/v1/reviews/" + review + "/actions", body, role);
  }
  // Assigned to `assignee` and documented by them.
  std::string DocumentedReview(const std::string& party, const std::string& assignee) {
    std::string id = OpenReview(party, 10);
    Ok(Act(id, {{"action", "assign"}, {"assignee_id", Id(assignee)}}));
    Ok(Act(id, {{"action", "document"}, {"documentation", PartyReviewDocs()}}, assignee));
    return id;
  }
  // Brightcode Studio asks to read the staging platform: the gate wants an approval.
  std::string RequestGrant(const std::string& role) {
    std::string party = Named("party", "Brightcode Studio");
    std::string contact;
    for (const auto& c : Current("contact")) {
      if (Str(c.at("party_id")) == party) contact = Str(c.at("id"));
    }
    json::object body{{"party_id", party},
                      {"contact_id", contact},
                      {"purpose", "Reproduce a support case"},
                      {"start_at", At(Now())},
                      {"end_at", At(Now() + days(20))},
                      {"lines", json::array{json::object{
                                    {"system_id", Named("system", "Luma platform (staging)")},
                                    {"permission", "read"},
                                    {"justification", "Reproduce the crash"}}}}};
    json::object g = Post("/api/v1/access/grants", body, role);
    EXPECT_EQ(Str(g["status"]), "requested") << json::serialize(g);
    return Str(g["id"]);
  }
  std::string Relay() { return Named("party", "Relay SMS"); }
  // The demo's review of Relay SMS, assigned to the Privacy Officer.
  std::string RelayReview() {
    for (const auto& r : Current("review")) {
      if (Str(r.at("party_id")) == Relay() && Str(r.at("review_kind")) == "party_review") {
        return Str(r.at("id"));
      }
    }
    ADD_FAILURE() << "no review of Relay SMS";
    return "";
  }
  std::vector<std::string> Ids(const json::object& work, std::string_view kind) {
    std::vector<std::string> out;
    for (const auto& i : Items(work, kind)) out.push_back(Str(i.at("id")));
    return out;
  }
  bool Lists(const json::object& work, std::string_view kind, const std::string& id) {
    return !ItemAbout(work, kind, id).empty();
  }
};

TEST_F(MyWorkApiTest, EachGroupListsWhatWaitsForTheCaller) {
  // The demo: the review of Relay SMS is assigned to the Privacy Officer.
  std::string relay_review = RelayReview();
  json::object privacy = Work("privacy_officer");
  json::object mine = ItemAbout(privacy, "review_to_document", relay_review);
  ASSERT_FALSE(mine.empty()) << json::serialize(privacy);
  EXPECT_EQ(Str(mine.at("party_name")), "Relay SMS");
  EXPECT_EQ(Str(mine.at("href")), "/reviews/" + relay_review);
  EXPECT_EQ(Str(mine.at("detail")), "Assigned to you");
  EXPECT_FALSE(Lists(Work("security_officer"), "review_to_document", relay_review));

  // The Riverside request has its NDA in force: it waits for an officer's decision. Relay's
  // change notice is news for whoever records what becomes of changes (luma: the SO).
  json::object officer = Work("security_officer");
  auto requests = Items(officer, "report_request");
  ASSERT_EQ(requests.size(), 1u) << json::serialize(officer);
  EXPECT_NE(Str(requests[0].at("title")).find("Riverside Medical Group"), std::string::npos);
  EXPECT_NE(Str(requests[0].at("detail")).find("approve or reject"), std::string::npos);
  EXPECT_TRUE(requests[0].at("href").is_null()) << "no portal screen for requests yet";
  EXPECT_TRUE(Items(Work("staff"), "report_request").empty()) << "staff do not decide";
  auto notices = Items(officer, "change_notice");
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(Str(notices[0].at("title")), "SMS gateway moves to a second region");
  EXPECT_EQ(Str(notices[0].at("href")), "/parties/" + Relay() + "#sec-changes");
  EXPECT_TRUE(Items(privacy, "change_notice").empty());

  // A review the Privacy Officer documented waits for the Security Officer's approval.
  std::string meridian = Named("party", "Meridian EHR");
  std::string documented = DocumentedReview(meridian, "privacy_officer");
  json::object approve = ItemAbout(Work("security_officer"), "review_to_approve", documented);
  ASSERT_FALSE(approve.empty());
  EXPECT_EQ(Str(approve.at("detail")), "Documented by Priya Shah");
  EXPECT_EQ(Str(approve.at("party_name")), "Meridian EHR");
  EXPECT_FALSE(Lists(Work("privacy_officer"), "review_to_approve", documented));

  // Staff asked for access: the Security Officer approves (luma's approver_roles).
  std::string grant = RequestGrant("staff");
  json::object access = ItemAbout(Work("security_officer"), "grant_to_approve", grant);
  ASSERT_FALSE(access.empty());
  EXPECT_EQ(Str(access.at("title")), "Access for Brightcode Studio");
  EXPECT_EQ(Str(access.at("detail")), "Requested by Alex Chen: read on Luma platform (staging)");
  EXPECT_EQ(Str(access.at("href")), "/access#grant-" + grant);
  EXPECT_FALSE(Lists(Work("privacy_officer"), "grant_to_approve", grant));

  // A finding the officer gave to staff.
  json::object finding = Post("/api/v1/findings", {{"title", "Rotate the SFTP key"},
                                                   {"severity", "high"},
                                                   {"party_id", meridian},
                                                   {"owner_id", Id("staff")}});
  json::object owned = ItemAbout(Work("staff"), "finding", Str(finding["id"]));
  ASSERT_FALSE(owned.empty());
  EXPECT_EQ(Str(owned.at("detail")), "High severity");
  EXPECT_EQ(Str(owned.at("href")), "/parties/" + meridian);
  EXPECT_FALSE(Lists(Work("security_officer"), "finding", Str(finding["id"])));

  // An elevated entitlement campaign: the Security Officer decides every officer's line but
  // his own.
  json::object campaign = Run([&](storage::CommandContext& c) -> Result<json::value> {
    auto r =
        storage::OpenEntitlementReview(c, domain::SystemActor(), "elevated", Now() + days(14), 0);
    if (!r.ok()) return std::move(r).error();
    return json::value(std::move(*r));
  });
  std::vector<std::string> users;
  for (const auto& l : Items(Work("security_officer"), "entitlement_line")) {
    EXPECT_EQ(Str(l.at("id")), Str(campaign["id"]));
    EXPECT_FALSE(Str(l.at("line_id")).empty());
    users.push_back(Str(l.at("title")));
  }
  EXPECT_NE(std::find(users.begin(), users.end(), "Priya Shah as Privacy Officer"), users.end());
  EXPECT_EQ(std::find(users.begin(), users.end(), "Sam Rivera as Security Officer"), users.end())
      << "nobody decides their own line";
  EXPECT_TRUE(Items(Work("privacy_officer"), "entitlement_line").empty());

  // Counts: every group in order, each counting all it has; limit=0 answers counts only.
  json::object all = Work("security_officer");
  json::object counts = Get("/api/v1/my-work?limit=0");
  int64_t total = 0;
  std::vector<std::string> kinds;
  for (size_t i = 0; i < all.at("groups").as_array().size(); ++i) {
    const json::object& g = all.at("groups").at(i).as_object();
    const json::object& c = counts.at("groups").at(i).as_object();
    kinds.push_back(Str(g.at("kind")));
    EXPECT_EQ(g.at("count").as_int64(), static_cast<int64_t>(g.at("items").as_array().size()));
    EXPECT_EQ(c.at("count"), g.at("count")) << kinds.back();
    EXPECT_TRUE(c.at("items").as_array().empty());
    total += g.at("count").as_int64();
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{
                       "review_to_document", "review_to_approve", "grant_to_approve",
                       "report_request", "vendor_answer", "change_notice", "soc2_to_review",
                       "finding", "entitlement_line", "vendor_incident", "change_request",
                       "breach_notice", "account_request", "questionnaire_section"}));
  EXPECT_EQ(all.at("total").as_int64(), total);
  EXPECT_EQ(counts.at("total"), all.at("total"));
  json::object one = Get("/api/v1/my-work?limit=1");
  EXPECT_EQ(Items(one, "entitlement_line").size(), 1u);
  EXPECT_EQ(Group(one, "entitlement_line").at("count"), Group(all, "entitlement_line").at("count"));
  EXPECT_EQ(Call("GET", "/api/v1/my-work?limit=101").status, 422);
  EXPECT_EQ(Call("GET", "/api/v1/my-work?limit=x").status, 422);
}

// What "may approve" means is the workflows' separation of duties: nobody approves a review
// they documented or access they asked for, unless the profile allows that self-approval.
TEST_F(MyWorkApiTest, SeparationOfDutiesKeepsYourOwnWorkOffYourApprovals) {
  std::string meridian = Named("party", "Meridian EHR");
  std::string own_review = DocumentedReview(meridian, "security_officer");
  std::string own_grant = RequestGrant("security_officer");
  json::object officer = Work("security_officer");
  EXPECT_FALSE(Lists(officer, "review_to_approve", own_review));
  EXPECT_FALSE(Lists(officer, "grant_to_approve", own_grant));

  profile_.reviews.allow_self_approval = true;
  profile_.access.allow_self_approval = true;
  officer = Work("security_officer");
  EXPECT_TRUE(Lists(officer, "review_to_approve", own_review));
  EXPECT_TRUE(Lists(officer, "grant_to_approve", own_grant));
  // And what the list offers the workflow accepts.
  Ok(Act(own_review, {{"action", "approve"}, {"comment", "ok"}}));
  EXPECT_FALSE(Lists(Work("security_officer"), "review_to_approve", own_review));
}

TEST_F(MyWorkApiTest, ReadMarksArePerPersonAndANewerAnswerShowsAgain) {
  std::string review = RelayReview();
  std::string notice = Ids(Work("security_officer"), "change_notice").at(0);
  // The officer asks Relay SMS; its contact answers: news for the asker and the assignee.
  Ok(Act(review, {{"action", "request_info"}, {"comment", "Please send your uptime report."}}));
  EXPECT_FALSE(Lists(Work("security_officer"), "vendor_answer", review)) << "no answer yet";
  Ok(Call("POST", "/api/v1/reviews/" + review + "/responses",
          {{"message", "Uptime was 99.97% this quarter.\nReport attached later."}},
          "third_party_contact"));
  json::object answer = ItemAbout(Work("security_officer"), "vendor_answer", review);
  ASSERT_FALSE(answer.empty());
  EXPECT_EQ(Str(answer.at("detail")), "Uptime was 99.97% this quarter. Report attached later.");
  EXPECT_EQ(Str(answer.at("href")), "/reviews/" + review);
  EXPECT_TRUE(Lists(Work("privacy_officer"), "vendor_answer", review)) << "the assignee";
  EXPECT_FALSE(Lists(Work("staff"), "vendor_answer", review)) << "neither asked nor assigned";

  // Nothing is marked unless every mark is good.
  Answer bad = Call("POST", "/api/v1/my-work/read",
                    {{"items", json::array{json::object{{"kind", "vendor_answer"}, {"id", review}},
                                           json::object{{"kind", "finding"}, {"id", "fnd_x"}}}}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.body.at("error").at("details").at(0).at("field"), "items[1].kind");
  Answer missing =
      Call("POST", "/api/v1/my-work/read",
           {{"items", json::array{json::object{{"kind", "vendor_answer"}, {"id", review}},
                                  json::object{{"kind", "change_notice"}, {"id", "chg_nope"}}}}});
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(Call("POST", "/api/v1/my-work/read", {{"items", json::array{}}}).status, 422);
  EXPECT_EQ(Call("POST", "/api/v1/my-work/read", {{"items", json::array{}}, {"x", 1}}).status, 422);
  EXPECT_TRUE(Lists(Work("security_officer"), "vendor_answer", review));

  uint64_t before = f_.LedgerSize();
  json::object marked =
      Post("/api/v1/my-work/read",
           {{"items", json::array{json::object{{"kind", "vendor_answer"}, {"id", review}},
                                  json::object{{"kind", "change_notice"}, {"id", notice}}}}},
           "security_officer", 200);
  EXPECT_EQ(marked.at("marked"), 2);
  EXPECT_EQ(f_.LedgerSize(), before) << "a read mark is not evidence";
  json::object officer = Work("security_officer");
  EXPECT_FALSE(Lists(officer, "vendor_answer", review));
  EXPECT_FALSE(Lists(officer, "change_notice", notice));
  EXPECT_TRUE(Lists(Work("privacy_officer"), "vendor_answer", review)) << "marks are per person";

  // A newer answer is news again.
  f_.clock().Advance(hours(1));
  Ok(Call("POST", "/api/v1/reviews/" + review + "/responses", {{"message", "Here it is."}},
          "third_party_contact"));
  json::object again = ItemAbout(Work("security_officer"), "vendor_answer", review);
  ASSERT_FALSE(again.empty());
  EXPECT_EQ(Str(again.at("detail")), "Here it is.");
  EXPECT_FALSE(Lists(Work("security_officer"), "change_notice", notice)) << "still read";
}

// My work is the workforce's: an auditor reads the program and is refused by the route table,
// before anything is read or written. A party's contact reads only the questionnaire sections
// assigned to it (issue 28, item 2); marks and settings stay the workforce's.
TEST_F(MyWorkApiTest, AuditorsAndContactsHaveNoWorkHere) {
  json::object mark{
      {"items", json::array{json::object{{"kind", "vendor_answer"}, {"id", RelayReview()}}}}};
  for (const char* role : {"auditor", "third_party_contact"}) {
    if (std::string(role) == "auditor") {
      EXPECT_EQ(Call("GET", "/api/v1/my-work", {}, role).status, 403) << role;
    }
    EXPECT_EQ(Call("POST", "/api/v1/my-work/read", mark, role).status, 403) << role;
    EXPECT_EQ(Call("GET", "/api/v1/account/settings", {}, role).status, 403) << role;
    EXPECT_EQ(Call("PATCH", "/api/v1/account/settings", {{"daily_digest", false}}, role).status,
              403)
        << role;
  }
  json::object contact = Ok(Call("GET", "/api/v1/my-work", {}, "third_party_contact"));
  for (const auto& g : contact.at("groups").as_array()) {
    if (g.at("kind") == "questionnaire_section") continue;
    EXPECT_EQ(g.at("count").as_int64(), 0) << "a contact sees none of " << g.at("kind");
  }
  EXPECT_EQ(Call("GET", "/api/v1/my-work", {}, "").status, 401);
  EXPECT_EQ(Call("GET", "/api/v1/my-work", {}, "staff").status, 200) << "staff have work";
}

TEST_F(MyWorkApiTest, TheDailyDigestGoesOutOnceADayUnlessTurnedOff) {
  EXPECT_EQ(Get("/api/v1/account/settings", "privacy_officer").at("daily_digest"), true);
  EXPECT_EQ(Call("PATCH", "/api/v1/account/settings", {{"daily_digest", "no"}}).status, 422);
  EXPECT_EQ(Call("PATCH", "/api/v1/account/settings", {{"email", "x"}}).status, 422);
  EXPECT_EQ(Call("PATCH", "/api/v1/account/settings", json::object{}).status, 422);

  auto digests = [&]() {
    auto n = storage::QueueWorkDigests(f_.rt().store(), profile_, Now(), "https://accord.example");
    EXPECT_TRUE(n.ok()) << (n.ok() ? "" : n.error().ToString());
    return n.ok() ? *n : -1;
  };
  auto outbox = [&]() {
    std::vector<json::object> out;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto page = storage::ListOutbox(tx, storage::OutboxQuery{.limit = 500});
                      if (!page.ok()) return std::move(page).error();
                      for (auto& m : page->first) {
                        if (Str(m.at("ref_kind")) == "my_work") out.push_back(std::move(m));
                      }
                      return accord::Ok();
                    })
                    .ok());
    return out;
  };
  // Before 06:00 UTC nothing; then one each for the officers and the demo's release engineer
  // (a change waits for them); staff, the auditor and the contact have nothing waiting or no
  // work here.
  TimePoint midnight = std::chrono::floor<days>(Now()) + days(1);
  f_.clock().Set(midnight + hours(5));
  EXPECT_EQ(digests(), 0);
  f_.clock().Set(midnight + hours(6) + std::chrono::minutes(1));
  EXPECT_EQ(digests(), 3);
  EXPECT_EQ(digests(), 0) << "once a day";
  auto sent = outbox();
  ASSERT_EQ(sent.size(), 3u);
  std::set<std::string> to;
  for (const auto& m : sent) to.insert(Str(m.at("recipient")));
  EXPECT_EQ(to, (std::set<std::string>{"officer@luma.example", "privacy@luma.example",
                                       "release@luma.example"}));
  for (const auto& m : sent) {
    std::string body = Str(m.at("body"));
    if (Str(m.at("recipient")) == "privacy@luma.example") {
      EXPECT_NE(body.find("Reviews assigned to you (1)"), std::string::npos) << body;
    }
    EXPECT_NE(body.find("https://accord.example/app/"), std::string::npos) << body;
    EXPECT_NE(Str(m.at("subject")).find("waiting"), std::string::npos);
  }

  // The Privacy Officer turns it off: the next day only the Security Officer's and the release
  // engineer's go out.
  json::object off =
      Ok(Call("PATCH", "/api/v1/account/settings", {{"daily_digest", false}}, "privacy_officer"));
  EXPECT_EQ(off.at("daily_digest"), false);
  EXPECT_EQ(Get("/api/v1/account/settings", "privacy_officer").at("daily_digest"), false);
  EXPECT_EQ(Get("/api/v1/account/settings").at("daily_digest"), true) << "per account";
  f_.clock().Advance(days(1));
  EXPECT_EQ(digests(), 2);
  EXPECT_EQ(outbox().size(), 5u);
}

}  // namespace
}  // namespace accord::testing::my_work
