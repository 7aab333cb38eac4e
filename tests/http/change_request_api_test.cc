// Change control and the audit calendar over HTTP on the luma demo (TR-5, TR-6): a change
// walked through the routes, a separation-of-duties refusal naming its rule with nothing
// written, the forge webhooks (GitHub's X-Hub-Signature-256, GitLab's X-Gitlab-Token, replays
// and bad signatures refused) with payloads written from the published formats
// (tests/testdata/forge/README.md), and the calendar as JSON and iCalendar.
#include <gtest/gtest.h>
#include <openssl/hmac.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "accord/core/bytes.h"
#include "support/api_server.h"
#include "support/http_client.h"
#include "support/shared_server_test.h"
#include "support/temp_dir.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

std::string Str(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : ""; }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Payload(const std::string& name, const std::string& cr, const std::string& login,
                    int number) {
  std::string text = ReadFile(TestdataDir().string() + "/forge/" + name);
  EXPECT_FALSE(text.empty()) << name;
  for (auto [from, to] : {std::pair<std::string, std::string>{"{{CR_ID}}", cr},
                          {"{{LOGIN}}", login},
                          {"{{NUMBER}}", std::to_string(number)}}) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
      text.replace(at, from.size(), to);
    }
  }
  return text;
}

std::string Signature(const std::string& secret, const std::string& body) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(body.data()), body.size(), mac, &len);
  return "sha256=" + HexEncode({mac, len});
}

class ChangeRequestApiTest : public SharedServerTest {
 protected:
  json::object Ok(const HttpResult& r, int status = 200) {
    EXPECT_EQ(r.status, status) << r.body;
    if (r.status != status) return {};
    return json::parse(r.body).as_object();
  }
  HttpResult Post(const std::string& target, const json::object& body,
                  const std::string& role = "security_officer") {
    return s().Post(target, json::serialize(body), role);
  }
  std::string UserId(const std::string& role) {
    json::value page = s().GetJson("/api/v1/users?limit=500");
    for (const auto& u : page.at("items").as_array()) {
      if (Str(u.at("email")) == s().email(role)) return Str(u.at("id"));
    }
    ADD_FAILURE() << "no account for " << role;
    return "";
  }
  std::string System(const std::string& name, const std::string& environment) {
    return Str(Ok(Post("/api/v1/systems", {{"name", name},
                                           {"environment", environment},
                                           {"contains_ephi", false},
                                           {"owner", "Platform"}}),
                  201)
                   .at("id"));
  }
  // A change submitted by staff and tested on staging: ready for its peer review.
  std::string TestedChange(const std::string& title) {
    if (production_.empty()) {
      production_ = System(title + " (production)", "production");
      staging_ = System(title + " (staging)", "staging");
    }
    json::object cr = Ok(Post("/api/v1/change-requests",
                              {{"title", title},
                               {"description", "What and why"},
                               {"system_ids", json::array{production_.c_str()}},
                               {"risk", "medium"},
                               {"backout_plan", "Redeploy the previous release"}},
                              "staff"),
                         201);
    std::string id = Str(cr.at("id"));
    Ok(Post("/api/v1/change-requests/" + id + "/actions",
            {{"action", "record_tests"},
             {"environment", "staging"},
             {"system_id", staging_},
             {"summary", "Smoke tests pass"}},
            "staff"));
    return id;
  }
  std::string Secret(const std::string& forge) {
    return Str(Ok(s().Post("/api/v1/forge-hooks/" + forge + "/secret", ""), 201).at("secret"));
  }
  HttpResult Github(const std::string& event, const std::string& delivery, const std::string& body,
                    const std::string& signature) {
    std::vector<std::pair<std::string, std::string>> headers = {
        {"Content-Type", "application/json"},
        {"X-GitHub-Event", event},
        {"X-GitHub-Delivery", delivery}};
    if (!signature.empty()) headers.emplace_back("X-Hub-Signature-256", signature);
    return HttpCall(s().port(), "POST", "/hooks/github", body, headers);
  }
  HttpResult Gitlab(const std::string& delivery, const std::string& body,
                    const std::string& token) {
    return HttpCall(s().port(), "POST", "/hooks/gitlab", body,
                    {{"Content-Type", "application/json"},
                     {"X-Gitlab-Event", "Merge Request Hook"},
                     {"X-Gitlab-Event-UUID", delivery},
                     {"X-Gitlab-Token", token}});
  }
  json::object Change(const std::string& id) {
    return s().GetJson("/api/v1/change-requests/" + id).as_object();
  }

  std::string production_, staging_;
};

TEST_F(ChangeRequestApiTest, TheAuthorsOwnReviewIsRefusedNamingTheRuleAndNothingIsWritten) {
  std::string id = TestedChange("Raise the connection pool size");
  json::object view = Change(id);
  EXPECT_EQ(Str(view.at("status")), "tested");
  // The author's page offers no review button; a peer's does.
  json::array mine =
      s().GetJson("/api/v1/change-requests/" + id, "staff").at("allowed_actions").as_array();
  for (const auto& a : mine) EXPECT_NE(Str(a), "review");
  uint64_t before = s().LedgerSize();
  HttpResult r =
      Post("/api/v1/change-requests/" + id + "/actions", {{"action", "review"}}, "staff");
  ASSERT_EQ(r.status, 403) << r.body;
  EXPECT_NE(r.body.find("change.review"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"field\":\"author\""), std::string::npos) << r.body;
  EXPECT_EQ(s().LedgerSize(), before);
  // Management approval is the profile's: the privacy officer reviews, but may not approve.
  Ok(Post("/api/v1/change-requests/" + id + "/actions", {{"action", "review"}}, "privacy_officer"));
  r = Post("/api/v1/change-requests/" + id + "/actions", {{"action", "approve"}},
           "privacy_officer");
  EXPECT_EQ(r.status, 403) << r.body;
  // An auditor reads change requests and never acts on them.
  EXPECT_EQ(s().Get("/api/v1/change-requests/" + id, "auditor").status, 200);
  EXPECT_EQ(
      Post("/api/v1/change-requests/" + id + "/actions", {{"action", "reject"}}, "auditor").status,
      403);
}

// Issue 24: a change waiting for someone's review, approval, release or retrospective review is
// in their My work, and only theirs (the workflow's separation of duties decides).
TEST_F(ChangeRequestApiTest, AChangeWaitingForSomeoneIsInTheirMyWork) {
  auto waiting = [&](const std::string& id, const std::string& role) -> json::object {
    json::value work = s().GetJson("/api/v1/my-work?limit=100", role);
    for (const auto& g : work.at("groups").as_array()) {
      if (Str(g.at("kind")) != "change_request") continue;
      for (const auto& i : g.at("items").as_array()) {
        if (Str(i.at("id")) == id) return i.as_object();
      }
    }
    return {};
  };
  std::string id = TestedChange("Rotate the API's TLS certificates");
  EXPECT_TRUE(waiting(id, "staff").empty()) << "the author does not review their own change";
  json::object review = waiting(id, "privacy_officer");
  ASSERT_FALSE(review.empty());
  EXPECT_EQ(Str(review.at("detail")), "Peer review: it was tested");
  EXPECT_EQ(Str(review.at("href")), "/changes/" + id);
  EXPECT_FALSE(waiting(id, "security_officer").empty());
  Ok(Post("/api/v1/change-requests/" + id + "/actions", {{"action", "review"}}, "privacy_officer"));
  // Management approval is the profile's (luma: the Security Officer), and not the reviewer's.
  EXPECT_TRUE(waiting(id, "privacy_officer").empty());
  EXPECT_EQ(Str(waiting(id, "security_officer").at("detail")),
            "Approve it: it was tested and reviewed");
  Ok(Post("/api/v1/change-requests/" + id + "/actions", {{"action", "approve"}}));
  EXPECT_TRUE(waiting(id, "security_officer").empty()) << "the approver does not release";

  // An emergency change released first: its retrospective review waits, due by its window.
  json::object cr = Ok(Post("/api/v1/change-requests",
                            {{"title", "Block the abusive client"},
                             {"description", "Firewall rule"},
                             {"system_ids", json::array{production_.c_str()}},
                             {"risk", "high"},
                             {"backout_plan", "Drop the rule"},
                             {"emergency", true},
                             {"emergency_reason", "Active abuse"}},
                            "staff"),
                       201);
  std::string emergency = Str(cr.at("id"));
  Ok(Post("/api/v1/change-requests/" + emergency + "/actions", {{"action", "release"}},
          "privacy_officer"));
  json::object retro = waiting(emergency, "security_officer");
  ASSERT_FALSE(retro.empty());
  EXPECT_EQ(Str(retro.at("detail")),
            "Review it after the fact: an emergency change already released");
  EXPECT_EQ(Str(retro.at("due_at")), Str(Change(emergency).at("retrospective_due_at")));
  EXPECT_TRUE(waiting(emergency, "privacy_officer").empty()) << "the releaser does not review";
}

TEST_F(ChangeRequestApiTest, GithubReviewsNeedAValidSignatureAndCountOnce) {
  std::string secret = Secret("github");
  std::string id = TestedChange("Rotate the claims API certificate");
  Ok(s().Call("PUT", "/api/v1/users/" + UserId("privacy_officer") + "/forge-logins",
              R"({"github": "rui-reviews"})"));
  std::string body = Payload("github_pull_request_review.json", id, "rui-reviews", 7);
  uint64_t before = s().LedgerSize();
  // Unsigned, signed with another secret, or the body altered: 403, nothing written.
  EXPECT_EQ(Github("pull_request_review", "gh-1", body, "").status, 403);
  EXPECT_EQ(Github("pull_request_review", "gh-1", body, Signature("wrong", body)).status, 403);
  EXPECT_EQ(Github("pull_request_review", "gh-1", body + " ", Signature(secret, body)).status, 403);
  EXPECT_EQ(s().LedgerSize(), before);
  json::object answer = Ok(Github("pull_request_review", "gh-1", body, Signature(secret, body)));
  EXPECT_EQ(answer.at("counted"), true) << json::serialize(answer);
  json::object view = Change(id);
  EXPECT_EQ(Str(view.at("status")), "reviewed");
  EXPECT_EQ(Str(view.at("review").at("source")), "github");
  EXPECT_EQ(Str(view.at("review").at("by").at("id")), UserId("privacy_officer"));
  // The same delivery again is a replay.
  before = s().LedgerSize();
  EXPECT_EQ(Github("pull_request_review", "gh-1", body, Signature(secret, body)).status, 409);
  EXPECT_EQ(s().LedgerSize(), before);
  // The merge attaches to the same pull request.
  std::string merged = Payload("github_pull_request_closed.json", id, "rui-reviews", 7);
  Ok(Github("pull_request", "gh-2", merged, Signature(secret, merged)));
  view = Change(id);
  ASSERT_EQ(view.at("pull_requests").as_array().size(), 1u);
  EXPECT_EQ(Str(view.at("pull_requests").at(0).at("merged_by_login")), "rui-reviews");
  // GitHub's ping is answered.
  EXPECT_EQ(Github("ping", "gh-3", "{}", Signature(secret, "{}")).status, 200);
}

TEST_F(ChangeRequestApiTest, GitlabApprovalsNeedTheTokenAndSeparationStillApplies) {
  std::string token = Secret("gitlab");
  std::string id = TestedChange("Move the queue to the new broker");
  // The author's own GitLab login: their approval is attached but does not count.
  Ok(s().Call("PUT", "/api/v1/users/" + UserId("staff") + "/forge-logins",
              R"({"gitlab": "sam-staff"})"));
  std::string own = Payload("gitlab_merge_request_approved.json", id, "sam-staff", 12);
  EXPECT_EQ(Gitlab("gl-1", own, "not-the-token").status, 403);
  json::object answer = Ok(Gitlab("gl-1", own, token));
  EXPECT_EQ(answer.at("counted"), false);
  EXPECT_NE(Str(answer.at("reason")).find("change.review"), std::string::npos);
  EXPECT_EQ(Str(Change(id).at("status")), "tested");
  EXPECT_EQ(Gitlab("gl-1", own, token).status, 409);
  // A pull request naming no change request is accepted and ignored.
  std::string other = Payload("gitlab_merge_request_approved.json", "none", "sam-staff", 13);
  EXPECT_EQ(Gitlab("gl-2", other, token).status, 202);
  std::string merge = Payload("gitlab_merge_request_merge.json", id, "sam-staff", 12);
  Ok(Gitlab("gl-3", merge, token));
  EXPECT_EQ(Change(id).at("pull_requests").at(0).at("reviews").as_array().size(), 1u);
  // Only an identity admin maps logins; staff may not map their own.
  EXPECT_EQ(s().Call("PUT", "/api/v1/users/" + UserId("staff") + "/forge-logins",
                     R"({"gitlab": "x"})", "staff")
                .status,
            403);
}

TEST_F(ChangeRequestApiTest, TheCalendarHasAgreementExpiriesAsAllDayEvents) {
  json::object cal = s().GetJson("/api/v1/calendar").as_object();
  bool expiry = false;
  for (const auto& item : cal.at("items").as_array()) {
    if (Str(item.at("kind")) != "agreement_expiry") continue;
    expiry = true;
    EXPECT_EQ(item.at("all_day"), true);
    EXPECT_TRUE(Str(item.at("link")).starts_with("/app/parties/")) << json::serialize(item);
  }
  EXPECT_TRUE(expiry) << json::serialize(cal);
  // A party's contact sees only its own party's items.
  json::object theirs = s().GetJson("/api/v1/calendar", "third_party_contact").as_object();
  std::string party;
  json::value users = s().GetJson("/api/v1/users?limit=500");
  for (const auto& u : users.at("items").as_array()) {
    if (Str(u.at("email")) == s().email("third_party_contact")) party = Str(u.at("party_id"));
  }
  ASSERT_FALSE(party.empty());
  for (const auto& item : theirs.at("items").as_array()) {
    EXPECT_EQ(Str(item.at("kind")), "agreement_expiry");
    EXPECT_EQ(Str(item.at("party_id")), party);
  }
  EXPECT_EQ(s().Get("/api/v1/calendar?from=2026-01-01&to=2025-01-01").status, 422);
  EXPECT_EQ(s().Get("/api/v1/calendar?from=yesterday").status, 422);
  // The iCalendar form, with an API token: all-day events are dates.
  HttpResult ics = s().Get("/api/v1/calendar.ics");
  ASSERT_EQ(ics.status, 200) << ics.body;
  EXPECT_NE(ics.Header("Content-Type").find("text/calendar"), std::string::npos);
  EXPECT_NE(ics.body.find("DTSTART;VALUE=DATE:"), std::string::npos);
  EXPECT_NE(ics.body.find("Agreement expires"), std::string::npos);
  EXPECT_EQ(ics.body.find("\n\n"), std::string::npos);
}

}  // namespace
}  // namespace accord::testing
