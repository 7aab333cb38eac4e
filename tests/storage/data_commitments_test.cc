// Our data-use commitments (TR-11, issue 29) against an in-process store with a fake clock:
// the DPF re-certification finding opens a month before the date, once per cycle, however often
// the scheduler ticks; and what binds a subprocessor is read from its agreements in force.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/policy/profile.h"
#include "accord/storage/data_commitments.h"
#include "accord/storage/registry_commands.h"
#include "accord/storage/registry_store.h"
#include "support/runtime_fixture.h"

namespace accord::testing {
namespace {

namespace json = boost::json;
using domain::StateString;
using std::chrono::days;

const domain::Actor kOfficer{"usr_test_officer", "security_officer"};

class DataCommitmentsTest : public ::testing::Test {
 protected:
  DataCommitmentsTest() {
    auto profile = policy::LoadProfile("luma");
    EXPECT_TRUE(profile.ok());
    if (profile.ok()) profile_ = std::move(*profile);
  }
  json::object Create(const std::string& kind, const std::string& parent, json::object body) {
    auto r = f_.rt().log().Execute([&](storage::CommandContext& c) {
      return storage::CreateRegistryObject(c, kind, parent, body, kOfficer);
    });
    EXPECT_TRUE(r.ok()) << kind << ": " << (r.ok() ? "" : r.error().ToString());
    return r.ok() ? r->as_object() : json::object{};
  }
  void Patch(const std::string& kind, const std::string& id, json::object body) {
    auto r = f_.rt().log().Execute([&](storage::CommandContext& c) {
      return storage::PatchRegistryObject(c, kind, id, body, kOfficer);
    });
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
  }
  int Tick() {
    auto n = storage::RaiseDpfRecertificationFindings(f_.rt().log(), profile_.reviews);
    EXPECT_TRUE(n.ok()) << (n.ok() ? "" : n.error().ToString());
    return n.ok() ? *n : -1;
  }
  std::vector<json::object> Findings() {
    std::vector<json::object> out;
    Status s = f_.rt().store().Read([&](storage::Tx& tx) -> Status {
      auto rows =
          tx.Query("SELECT doc FROM rm_objects WHERE kind = 'finding' AND to_idx = ? ORDER BY id",
                   {storage::kOpenVersion});
      if (!rows.ok()) return std::move(rows).error();
      for (const auto& r : *rows) out.push_back(*domain::ParseStateDoc(r.Text(0)));
      return Ok();
    });
    EXPECT_TRUE(s.ok());
    return out;
  }
  std::string At(TimePoint t) { return FormatRfc3339(t); }

  RuntimeFixture f_;
  policy::Profile profile_;
};

TEST_F(DataCommitmentsTest, DpfRecertificationRaisesOneFindingAMonthBeforeEachCycle) {
  TimePoint t0 = f_.clock().Now();
  // Re-certified 300 days ago: due in about 65 days.
  json::object dpf = Create("dpf_participation", "",
                            {{"frameworks", json::array{"eu_us", "uk_extension", "swiss_us"}},
                             {"status", "active"},
                             {"last_recertified_at", At(t0 - days(300))}});
  std::string id = StateString(dpf, "id");
  std::string due = storage::RecertificationDue(dpf);
  ASSERT_FALSE(due.empty());
  TimePoint due_at = *ParseRfc3339(due);
  // Every tick up to a month before: nothing.
  for (; f_.clock().Now() < due_at - days(31); f_.clock().Advance(days(1))) {
    ASSERT_EQ(Tick(), 0) << At(f_.clock().Now());
  }
  EXPECT_TRUE(Findings().empty());
  f_.clock().Advance(days(2));  // inside the month
  EXPECT_EQ(Tick(), 1);
  // The scheduler ticks on, past the due date: still the one finding.
  for (int i = 0; i < 60; ++i) {
    f_.clock().Advance(days(1));
    ASSERT_EQ(Tick(), 0);
  }
  auto findings = Findings();
  ASSERT_EQ(findings.size(), 1u);
  const json::object& f = findings[0];
  EXPECT_EQ(StateString(f, "rule"), "dpf_recertification_due");
  EXPECT_EQ(StateString(f.at("source").as_object(), "id"), id);
  EXPECT_EQ(StateString(f, "due_at"), due);  // due on the re-certification date itself
  EXPECT_NE(StateString(f, "title").find(HumanDay(due)), std::string::npos);  // "6 Dec 2026"

  // Re-certified: the next cycle's finding comes a year later, once.
  Patch("dpf_participation", id, {{"last_recertified_at", At(f_.clock().Now())}});
  for (int i = 0; i < 320; ++i) {
    f_.clock().Advance(days(1));
    ASSERT_EQ(Tick(), 0) << i;
  }
  f_.clock().Advance(days(20));
  EXPECT_EQ(Tick(), 1);
  EXPECT_EQ(Tick(), 0);
  EXPECT_EQ(Findings().size(), 2u);

  // An inactive participation is not reminded of.
  Create("dpf_participation", "",
         {{"frameworks", json::array{"eu_us"}},
          {"status", "inactive"},
          {"last_recertified_at", At(f_.clock().Now() - days(400))}});
  EXPECT_EQ(Tick(), 0);
}

TEST_F(DataCommitmentsTest, BoundClausesComeFromAgreementsInForceOnly) {
  json::object party = Create("party", "", {{"name", "Lexicon AI"}, {"kind", "subcontractor"}});
  std::string id = StateString(party, "id");
  TimePoint now = f_.clock().Now();
  auto agreement = [&](const char* status, TimePoint from, TimePoint until, json::object use) {
    json::object a = Create("agreement", id,
                            {{"type", "dpa"},
                             {"effective_at", At(from)},
                             {"expires_at", At(until)},
                             {"data_use", std::move(use)}});
    if (std::string(status) != "draft") {
      Patch("agreement", StateString(a, "id"), {{"status", "executed"}});
    }
  };
  agreement("executed", now - days(10), now + days(300), {{"no_model_training", true}});
  agreement("draft", now - days(10), now + days(300), {{"ai_zero_data_retention", true}});
  agreement("executed", now + days(10), now + days(300), {{"no_sale_or_sharing", true}});
  std::vector<std::string> bound;
  Status s = f_.rt().store().Read([&](storage::Tx& tx) -> Status {
    auto b = storage::BoundClauses(tx, id, f_.clock().Now());
    if (!b.ok()) return std::move(b).error();
    bound = *b;
    return Ok();
  });
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(bound, std::vector<std::string>{"no_model_training"});
}

}  // namespace
}  // namespace accord::testing
