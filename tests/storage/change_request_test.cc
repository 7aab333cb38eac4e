// Change requests (TR-5) on the store with a fake clock: a change walked by four people,
// separation-of-duty refusals that write nothing, a profile that relaxes a duty, an emergency
// change whose retrospective review becomes overdue, test evidence that must come from a lower
// environment, a vendor's change notice linked to ours, and the forge intake (replays refused,
// reviews counted only for mapped accounts that pass separation of duties).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/policy/profile.h"
#include "accord/storage/change_requests.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/object_views.h"
#include "accord/storage/registry_commands.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/reviews.h"
#include "support/runtime_fixture.h"

namespace accord::testing {
namespace {

namespace json = boost::json;
using domain::StateString;
using std::chrono::days;
using std::chrono::hours;
namespace wf = workflow::change_request;

class ChangeRequestTest : public ::testing::Test {
 protected:
  ChangeRequestTest() {
    auto profile = policy::LoadProfile("luma");
    EXPECT_TRUE(profile.ok());
    if (profile.ok()) profile_ = std::move(*profile);
    author_ = AddUser("staff", "ana@changes.example");
    reviewer_ = AddUser("privacy_officer", "rui@changes.example");
    approver_ = AddUser("security_officer", "sol@changes.example");
    releaser_ = AddUser("staff", "rae@changes.example");
    production_ = System("Claims API", "production");
    staging_ = System("Claims API staging", "staging");
  }

  Result<json::value> TryRun(std::function<Result<json::value>(storage::CommandContext&)> fn) {
    return f_.rt().log().Execute(std::move(fn));
  }
  json::object Run(std::function<Result<json::value>(storage::CommandContext&)> fn) {
    auto r = TryRun(std::move(fn));
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
    return r.ok() && r->is_object() ? r->as_object() : json::object{};
  }
  std::string AddUser(const std::string& role, const std::string& email) {
    json::object body{{"email", email}, {"name", email.substr(0, email.find('@'))}, {"role", role}};
    json::object u = Run([&](storage::CommandContext& c) -> Result<json::value> {
      domain::Actor installer{"installer", "installer"};
      auto user = storage::CreateUser(c, installer, body, "not-a-hash", profile_.identity, true);
      if (!user.ok()) return std::move(user).error();
      return json::value(std::move(*user));
    });
    roles_[StateString(u, "id")] = role;
    return StateString(u, "id");
  }
  std::string System(const std::string& name, const std::string& environment) {
    json::object o = Run([&](storage::CommandContext& c) {
      return storage::CreateRegistryObject(c, "system", "",
                                           json::object{{"name", name},
                                                        {"environment", environment},
                                                        {"contains_ephi", true},
                                                        {"owner", "Platform"}},
                                           domain::Actor{approver_, "security_officer"});
    });
    return StateString(o, "id");
  }
  wf::Caller As(const std::string& id) { return {id, roles_[id], false}; }
  json::object Submit(json::object extra = {}) {
    json::object body{{"title", "Rotate the claims API's TLS certificate"},
                      {"description", "New certificate from the internal CA."},
                      {"system_ids", json::array{production_.c_str()}},
                      {"risk", "low"},
                      {"backout_plan", "Put the old certificate back."}};
    for (auto& [k, v] : extra) body[k] = v;
    return Run([&](storage::CommandContext& c) -> Result<json::value> {
      auto r = storage::SubmitChangeRequest(c, domain::Actor{author_, "staff"}, body);
      if (!r.ok()) return std::move(r).error();
      return json::value(std::move(*r));
    });
  }
  Result<json::value> Step(const std::string& who, const std::string& id, json::object body,
                           const policy::Profile* profile = nullptr) {
    const policy::Profile* p = profile ? profile : &profile_;
    return TryRun([&, p](storage::CommandContext& c) -> Result<json::value> {
      auto r = storage::ChangeRequestAction(c, As(who), id, body, p);
      if (!r.ok()) return std::move(r).error();
      return json::value(std::move(*r));
    });
  }
  json::object Ok(Result<json::value> r) {
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
    return r.ok() ? r->as_object() : json::object{};
  }
  json::object Tests() {
    return {{"action", "record_tests"},
            {"environment", "staging"},
            {"system_id", staging_},
            {"summary", "Handshake and renewal checked on staging"}};
  }
  // The change as `viewer` reads it: allowed_actions, retrospective_overdue.
  json::object View(const std::string& id, const std::string& viewer) {
    json::object view;
    Status s = f_.rt().store().Read([&](storage::Tx& tx) -> Status {
      auto o = storage::GetObject(tx, "change_request", id, storage::Scope{});
      if (!o.ok()) return std::move(o).error();
      view = (*o)->doc;
      storage::NameCache names(tx);
      storage::Viewer v{.id = viewer, .role = roles_[viewer], .profile = &profile_};
      return storage::DecorateView(tx, names, v, "change_request", view, true, f_.clock().Now());
    });
    EXPECT_TRUE(s.ok());
    return view;
  }
  std::vector<std::string> Allowed(const std::string& id, const std::string& viewer) {
    std::vector<std::string> out;
    json::object view = View(id, viewer);
    for (const auto& a : view.at("allowed_actions").as_array()) {
      out.emplace_back(a.as_string());
    }
    return out;
  }

  RuntimeFixture f_;
  policy::Profile profile_;
  std::map<std::string, std::string> roles_;
  std::string author_, reviewer_, approver_, releaser_, production_, staging_;
};

TEST_F(ChangeRequestTest, AChangeIsWalkedByFourPeople) {
  json::object cr = Submit();
  std::string id = StateString(cr, "id");
  EXPECT_TRUE(id.starts_with("cr_")) << id;
  EXPECT_EQ(StateString(cr, "status"), "submitted");
  EXPECT_EQ(Allowed(id, author_), (std::vector<std::string>{"record_tests", "reject", "withdraw"}));
  Ok(Step(author_, id, Tests()));
  EXPECT_EQ(Allowed(id, reviewer_), (std::vector<std::string>{"record_tests", "review", "reject"}));
  Ok(Step(reviewer_, id, {{"action", "review"}, {"comment", "Looks right"}}));
  Ok(Step(approver_, id, {{"action", "approve"}}));
  json::object released = Ok(Step(releaser_, id, {{"action", "release"}, {"reference", "v2.4.1"}}));
  EXPECT_EQ(StateString(released, "status"), "released");
  json::object closed = Ok(Step(author_, id, {{"action", "verify"}, {"comment", "Renewed fine"}}));
  EXPECT_EQ(StateString(closed, "status"), "closed");
  json::object view = View(id, approver_);
  EXPECT_EQ(domain::ActorIdOf(view.at("review").as_object(), "by"), reviewer_);
  EXPECT_EQ(domain::ActorIdOf(view.at("release").as_object(), "by"), releaser_);
  EXPECT_EQ(StateString(view.at("post_implementation_check").as_object(), "outcome"), "succeeded");
  EXPECT_TRUE(view.at("separation_relaxed").as_array().empty());
  // Every step is in the history, oldest first.
  std::vector<std::string> actions;
  for (const auto& h : view.at("history").as_array()) {
    actions.emplace_back(h.at("action").as_string());
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"submitted", "tests_recorded", "reviewed",
                                               "approved", "released", "verified"}));
}

TEST_F(ChangeRequestTest, SeparationOfDutiesRefusesWithTheRuleAndWritesNothing) {
  std::string id = StateString(Submit(), "id");
  Ok(Step(author_, id, Tests()));
  uint64_t before = f_.LedgerSize();
  auto own = Step(author_, id, {{"action", "review"}});
  ASSERT_FALSE(own.ok());
  EXPECT_EQ(own.error().code, ErrorCode::kForbidden);
  EXPECT_NE(own.error().message.find("change.review"), std::string::npos);
  EXPECT_EQ(own.error().details.at(0).field, "author");
  Ok(Step(reviewer_, id, {{"action", "review"}}));
  before = f_.LedgerSize();
  // The reviewer is not management here; management that reviewed may not approve either.
  auto reviewer = Step(reviewer_, id, {{"action", "approve"}});
  ASSERT_FALSE(reviewer.ok());
  EXPECT_EQ(reviewer.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(reviewer.error().details.at(0).field, "role");
  EXPECT_EQ(f_.LedgerSize(), before);
  Ok(Step(approver_, id, {{"action", "approve"}}));
  before = f_.LedgerSize();
  for (const std::string& who : {author_, reviewer_, approver_}) {
    auto r = Step(who, id, {{"action", "release"}});
    ASSERT_FALSE(r.ok()) << who;
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
    EXPECT_NE(r.error().message.find("change.release"), std::string::npos) << r.error().message;
  }
  EXPECT_EQ(f_.LedgerSize(), before);
  EXPECT_EQ(StateString(View(id, approver_), "status"), "approved");
}

TEST_F(ChangeRequestTest, ASmallTeamsProfileRelaxesADutyAndTheChangeSaysSo) {
  // luma's own [changes] section, with other values; and [separation] relaxing one duty.
  std::string text = profile_.source;
  const std::string luma_changes =
      "approver_roles = [\"security_officer\"]\nemergency_review_days = 3";
  ASSERT_NE(text.find(luma_changes), std::string::npos);
  std::string small_text = text;
  small_text.replace(small_text.find(luma_changes), luma_changes.size(),
                     "approver_roles = [\"security_officer\", \"privacy_officer\"]\n"
                     "emergency_review_days = 2");
  auto small = policy::ParseProfile(small_text, "small.toml");
  ASSERT_TRUE(small.ok()) << small.error().ToString();
  text += "\n[separation]\nallow_self_approval = [\"change.release\"]\n";
  auto relaxed = policy::ParseProfile(text, "relaxed.toml");
  ASSERT_TRUE(relaxed.ok()) << relaxed.error().ToString();
  std::string id = StateString(Submit(), "id");
  Ok(Step(author_, id, Tests(), &*relaxed));
  Ok(Step(reviewer_, id, {{"action", "review"}}, &*relaxed));
  Ok(Step(approver_, id, {{"action", "approve"}}, &*relaxed));
  json::object released = Ok(Step(author_, id, {{"action", "release"}}, &*relaxed));
  ASSERT_EQ(released.at("separation_relaxed").as_array().size(), 1u);
  json::object entry = released.at("separation_relaxed").at(0).as_object();
  EXPECT_EQ(StateString(entry, "action"), "change.release");
  EXPECT_EQ(entry.at("duties").at(0), "author");
  // The profile's approver roles are the [changes] section's.
  EXPECT_EQ(policy::ChangesPolicyOf(&*small).approver_roles.size(), 2u);
  EXPECT_EQ(policy::ChangesPolicyOf(&*small).emergency_review_days, 2);
  std::string bad = profile_.source;
  bad.replace(bad.find(luma_changes), luma_changes.size(), "who = 1");
  EXPECT_FALSE(policy::ParseProfile(bad, "bad.toml").ok());
}

TEST_F(ChangeRequestTest, AnEmergencyChangeIsOverdueWithoutItsRetrospectiveReview) {
  auto no_reason = TryRun([&](storage::CommandContext& c) -> Result<json::value> {
    auto r =
        storage::SubmitChangeRequest(c, domain::Actor{author_, "staff"},
                                     json::object{{"title", "x"},
                                                  {"description", "x"},
                                                  {"system_ids", json::array{production_.c_str()}},
                                                  {"risk", "high"},
                                                  {"backout_plan", "x"},
                                                  {"emergency", true}});
    if (!r.ok()) return std::move(r).error();
    return json::value(std::move(*r));
  });
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().details.at(0).field, "emergency_reason");

  std::string id = StateString(
      Submit({{"emergency", true}, {"emergency_reason", "The certificate expires tonight"}}), "id");
  // Released first, by someone other than the author.
  EXPECT_FALSE(Step(author_, id, {{"action", "release"}}).ok());
  json::object released = Ok(Step(releaser_, id, {{"action", "release"}}));
  EXPECT_EQ(StateString(released, "status"), "emergency_released");
  auto due = ParseRfc3339(StateString(released, "retrospective_due_at"));
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(*due, f_.clock().Now() + days(3));  // luma's default window
  EXPECT_EQ(View(id, approver_).at("retrospective_overdue"), false);
  f_.clock().Advance(days(3) + hours(1));
  EXPECT_EQ(View(id, approver_).at("retrospective_overdue"), true);
  // The scheduler's job opens one finding for it, once.
  auto raised = storage::RaiseRetrospectiveFindings(f_.rt().log(), profile_.reviews);
  ASSERT_TRUE(raised.ok());
  EXPECT_EQ(*raised, 1);
  EXPECT_EQ(storage::RaiseRetrospectiveFindings(f_.rt().log(), profile_.reviews).value(), 0);
  EXPECT_TRUE(StateString(View(id, approver_), "retrospective_finding_id").starts_with("fnd_"));
  // The retrospective review and approval: neither by the releaser.
  EXPECT_FALSE(Step(releaser_, id, {{"action", "review"}}).ok());
  Ok(Step(reviewer_, id, {{"action", "review"}}));
  json::object approved = Ok(Step(approver_, id, {{"action", "approve"}}));
  EXPECT_EQ(StateString(approved, "status"), "released");
  EXPECT_EQ(View(id, approver_).at("retrospective_overdue"), false);
}

TEST_F(ChangeRequestTest, TestEvidenceComesFromALowerEnvironment) {
  std::string id = StateString(Submit(), "id");
  json::object body = Tests();
  body["system_id"] = production_;
  uint64_t before = f_.LedgerSize();
  auto r = Step(author_, id, body);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).field, "system_id");
  body.erase("summary");
  body["system_id"] = staging_;
  r = Step(author_, id, body);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).field, "summary");
  // Reviewing before any test evidence is out of order (409), and nothing is written.
  r = Step(reviewer_, id, {{"action", "review"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(f_.LedgerSize(), before);
}

TEST_F(ChangeRequestTest, AVendorsSubstantialChangeLinksToOurChange) {
  std::string party =
      StateString(Run([&](storage::CommandContext& c) {
                    return storage::CreateRegistryObject(
                        c, "party", "", json::object{{"name", "Fjord"}, {"kind", "partner"}},
                        domain::Actor{approver_, "security_officer"});
                  }),
                  "id");
  json::object notice = Run([&](storage::CommandContext& c) -> Result<json::value> {
    auto r = storage::RecordChangeNotice(
        c, domain::Actor{approver_, "security_officer"},
        json::object{{"party_id", party},
                     {"title", "Fjord moves its API"},
                     {"description", "New cluster"},
                     {"system_ids", json::array{production_.c_str()}},
                     {"planned_at", FormatRfc3339(f_.clock().Now() + days(10))}},
        profile_.reviews);
    if (!r.ok()) return std::move(r).error();
    return json::value(std::move(*r));
  });
  ASSERT_EQ(notice.at("substantial"), true);
  std::string cr = StateString(Submit({{"change_notice_id", StateString(notice, "id")}}), "id");
  ASSERT_FALSE(cr.empty());
  Status s = f_.rt().store().Read([&](storage::Tx& tx) -> Status {
    auto n = storage::GetObject(tx, "change_notice", StateString(notice, "id"), {});
    EXPECT_EQ(StateString((*n)->doc, "change_request_id"), cr);
    return accord::Ok();
  });
  EXPECT_TRUE(s.ok());
  // Linked once.
  auto again = TryRun([&](storage::CommandContext& c) -> Result<json::value> {
    auto r =
        storage::SubmitChangeRequest(c, domain::Actor{author_, "staff"},
                                     json::object{{"title", "x"},
                                                  {"description", "x"},
                                                  {"system_ids", json::array{production_.c_str()}},
                                                  {"risk", "low"},
                                                  {"backout_plan", "x"},
                                                  {"change_notice_id", StateString(notice, "id")}});
    if (!r.ok()) return std::move(r).error();
    return json::value(std::move(*r));
  });
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_F(ChangeRequestTest, ForgeReviewsCountForMappedAccountsThatPassSeparation) {
  std::string id = StateString(Submit(), "id");
  Ok(Step(author_, id, Tests()));
  for (const auto& [user, login] : {std::pair{author_, "ana-gh"}, std::pair{reviewer_, "Rui-GH"}}) {
    Run([&](storage::CommandContext& c) -> Result<json::value> {
      auto r = storage::SetForgeLogins(c, domain::Actor{approver_, "security_officer"}, user,
                                       json::object{{"github", login}}, profile_.identity);
      if (!r.ok()) return std::move(r).error();
      return json::value(std::move(*r));
    });
  }
  auto event = [&](std::string delivery, std::string login) {
    return storage::ForgeEvent{.forge = "github",
                               .delivery_id = std::move(delivery),
                               .kind = storage::ForgeEvent::Kind::kReview,
                               .number = 42,
                               .url = "https://forge.example/pr/42",
                               .title = "Rotate certificate",
                               .text = "Implements " + id + ".",
                               .login = std::move(login),
                               .review_state = "approved"};
  };
  auto record = [&](const storage::ForgeEvent& e) {
    return TryRun([&](storage::CommandContext& c) -> Result<json::value> {
      auto r = storage::RecordForgeEvent(c, e, &profile_);
      if (!r.ok()) return std::move(r).error();
      return json::value(std::move(*r));
    });
  };
  // The author approving their own pull request does not count.
  auto own = record(event("d-1", "ana-gh"));
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->at("counted"), false);
  EXPECT_NE(StateString(own->as_object(), "reason").find("change.review"), std::string::npos);
  // An unknown login does not count either.
  EXPECT_EQ(record(event("d-2", "stranger")).value().at("counted"), false);
  // A replay is refused and writes nothing.
  uint64_t before = f_.LedgerSize();
  auto replay = record(event("d-2", "rui-gh"));
  ASSERT_FALSE(replay.ok());
  EXPECT_EQ(replay.error().code, ErrorCode::kConflict);
  EXPECT_EQ(f_.LedgerSize(), before);
  // The mapped reviewer's approval (logins are case-insensitive) is the peer review.
  EXPECT_EQ(record(event("d-3", "rui-gh")).value().at("counted"), true);
  json::object view = View(id, approver_);
  EXPECT_EQ(StateString(view, "status"), "reviewed");
  EXPECT_EQ(domain::ActorIdOf(view.at("review").as_object(), "by"), reviewer_);
  EXPECT_EQ(StateString(view.at("review").as_object(), "source"), "github");
  EXPECT_EQ(view.at("pull_requests").at(0).at("reviews").as_array().size(), 3u);
  // A merge attaches to the same pull request.
  auto merge = event("d-4", "rui-gh");
  merge.kind = storage::ForgeEvent::Kind::kMerge;
  EXPECT_EQ(record(merge).value().at("status"), "attached");
  EXPECT_EQ(View(id, approver_).at("pull_requests").as_array().size(), 1u);
  // A pull request naming no change request is ignored.
  auto none = event("d-5", "rui-gh");
  none.text = "no id here";
  EXPECT_EQ(record(none).value().at("status"), "ignored");
}

}  // namespace
}  // namespace accord::testing
