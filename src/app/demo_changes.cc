#include "demo_changes.h"

#include <boost/json.hpp>

#include "accord/core/bytes.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/change_requests.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/my_work.h"
#include "accord/storage/reviews.h"

namespace accord::app {
namespace {

namespace json = boost::json;
using domain::StateString;
namespace wf = workflow::change_request;

struct ChangeSeeder {
  Runtime& runtime;
  const policy::Profile& profile;
  const std::map<std::string, std::string>& ids;
  std::map<std::string, wf::Caller> people;

  Result<json::object> Run(std::function<Result<json::object>(storage::CommandContext&)> fn) {
    auto r = runtime.log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
      auto o = fn(c);
      if (!o.ok()) return std::move(o).error();
      return json::value(std::move(*o));
    });
    if (!r.ok()) return std::move(r).error();
    return r->as_object();
  }
  std::string Id(const std::string& name) const {
    auto it = ids.find(name);
    return it == ids.end() ? "" : it->second;
  }
  domain::Actor ActorOf(const std::string& who) { return {people[who].id, people[who].role}; }
  Result<std::string> Submit(const std::string& who, json::object body) {
    auto r = Run([&](storage::CommandContext& c) {
      return storage::SubmitChangeRequest(c, ActorOf(who), body);
    });
    if (!r.ok()) return std::move(r).error();
    return StateString(*r, "id");
  }
  Status Step(const std::string& who, const std::string& id, json::object body) {
    auto r = Run([&](storage::CommandContext& c) {
      return storage::ChangeRequestAction(c, people[who], id, body, &profile);
    });
    if (!r.ok()) return std::move(r).error();
    return Ok();
  }
  json::object Tests(const std::string& summary) {
    return {{"action", "record_tests"},
            {"environment", "staging"},
            {"system_id", Id("Luma platform (staging)")},
            {"summary", summary}};
  }

  // The fourth person: a release manager on staff, with the demo's other workforce.
  Status People() {
    const domain::Actor installer{"demo", "installer"};
    json::object body{{"email", "release@luma.example"}, {"name", "Rae Okafor"}, {"role", "staff"}};
    auto rae = AddUser(runtime.log(), installer, body, Base64UrlEncode(RandomBytes(18)),
                       profile.identity, true);
    if (!rae.ok()) return std::move(rae).error();
    if (StateString(*rae, "status") == "pending") {
      // Onboarded like the demo's other workforce (TR-7), by the Security Officer.
      auto onboarded = Run([&](storage::CommandContext& c) {
        return storage::OnboardUser(c,
                                    domain::Actor{Id("officer@luma.example"), "security_officer"},
                                    StateString(*rae, "id"), c.Now() - std::chrono::days(30),
                                    "HR onboarding file", profile.identity);
      });
      if (!onboarded.ok()) return std::move(onboarded).error();
    }
    people["author"] = {Id("staff@luma.example"), "staff", false};
    people["reviewer"] = {Id("privacy@luma.example"), "privacy_officer", false};
    people["approver"] = {Id("officer@luma.example"), "security_officer", false};
    people["releaser"] = {StateString(*rae, "id"), "staff", false};
    // Reviews on GitHub count as these accounts' (docs/changes.md).
    for (auto [who, login] :
         {std::pair{"reviewer", "priya-shah"}, std::pair{"author", "alex-chen"}}) {
      auto r = Run([&](storage::CommandContext& c) {
        return storage::SetForgeLogins(c, ActorOf("approver"), people[who].id,
                                       json::object{{"github", login}}, profile.identity);
      });
      if (!r.ok()) return std::move(r).error();
    }
    return Ok();
  }

  // Submitted, tested, reviewed on GitHub, approved, released and verified: four people.
  Status Completed() {
    auto id =
        Submit("author", {{"title", "Upgrade the Luma platform's database driver"},
                          {"description",
                           "Move the platform to the driver's current release: it fixes a "
                           "connection leak under failover."},
                          {"system_ids", json::array{Id("Luma platform (production)").c_str()}},
                          {"risk", "medium"},
                          {"backout_plan",
                           "Redeploy the previous release (v3.11.4); no schema "
                           "change is involved."}});
    if (!id.ok()) return std::move(id).error();
    ACCORD_TRY(Step("author", *id,
                    Tests("Failover drill and the regression suite pass on "
                          "staging; no leaked connections after 500 failovers.")));
    storage::ForgeEvent review{.forge = "github",
                               .delivery_id = "demo-" + *id,
                               .kind = storage::ForgeEvent::Kind::kReview,
                               .number = 128,
                               .url = "https://github.example/luma/platform/pull/128",
                               .title = "Upgrade the database driver",
                               .text = "Change request " + *id,
                               .login = "priya-shah",
                               .review_state = "approved"};
    auto forge = Run(
        [&](storage::CommandContext& c) { return storage::RecordForgeEvent(c, review, &profile); });
    if (!forge.ok()) return std::move(forge).error();
    ACCORD_TRY(
        Step("approver", *id, {{"action", "approve"}, {"comment", "Go for Tuesday's window"}}));
    ACCORD_TRY(Step("releaser", *id, {{"action", "release"}, {"reference", "v3.12.0"}}));
    return Step("author", *id,
                {{"action", "verify"}, {"comment", "Error rate and pool size normal after 24 h"}});
  }

  // Released first by the release manager; its review and approval are owed within the
  // profile's window.
  Status Emergency() {
    auto id =
        Submit("author", {{"title", "Block the exploited file-upload endpoint"},
                          {"description",
                           "Disable the legacy upload endpoint that a scanner "
                           "reported as exploitable."},
                          {"system_ids", json::array{Id("Luma platform (production)").c_str()}},
                          {"risk", "high"},
                          {"backout_plan", "Re-enable the endpoint with the feature flag."},
                          {"emergency", true},
                          {"emergency_reason", "Active exploitation attempts in the logs"}});
    if (!id.ok()) return std::move(id).error();
    return Step("releaser", *id,
                {{"action", "release"}, {"reference", "feature flag upload.legacy=off"}});
  }

  // A vendor's substantial change to a production system of ours, and our change for it,
  // tested and waiting for its peer review.
  Status ForVendor() {
    auto notice = Run([&](storage::CommandContext& c) {
      return storage::RecordChangeNotice(
          c, ActorOf("approver"),
          json::object{{"party_id", Id("Relay SMS")},
                       {"title", "Relay SMS retires its v1 messaging API"},
                       {"description", "v1 stops answering; clients move to v2."},
                       {"system_ids", json::array{Id("Messaging service (production)").c_str()}},
                       {"planned_at", FormatRfc3339(c.Now() + std::chrono::days(45))}},
          profile.reviews);
    });
    if (!notice.ok()) return std::move(notice).error();
    // Whoever recorded it has read it: it is not news in their My work.
    ACCORD_TRY(runtime.store().Write([&](storage::Tx& tx) {
      return storage::MarkRead(tx, people["approver"].id,
                               {{"change_notice", StateString(*notice, "id")}},
                               runtime.log().clock().Now());
    }));
    auto id =
        Submit("author", {{"title", "Move the messaging service to Relay SMS's v2 API"},
                          {"description", "Our side of Relay SMS's v1 retirement."},
                          {"system_ids", json::array{Id("Messaging service (production)").c_str()}},
                          {"risk", "medium"},
                          {"backout_plan", "Switch the client back to v1 while it still answers."},
                          {"change_notice_id", StateString(*notice, "id")}});
    if (!id.ok()) return std::move(id).error();
    return Step("author", *id,
                Tests("Delivery receipts and retries checked against Relay "
                      "SMS's v2 sandbox."));
  }
};

}  // namespace

Status SeedChangeControl(Runtime& runtime, const policy::Profile& profile,
                         const std::map<std::string, std::string>& ids) {
  ChangeSeeder seeder{runtime, profile, ids, {}};
  ACCORD_TRY(seeder.People());
  ACCORD_TRY(seeder.Completed());
  ACCORD_TRY(seeder.Emergency());
  return seeder.ForVendor();
}

}  // namespace accord::app
