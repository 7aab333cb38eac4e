// The one scheduler loop: jobs run on their tick, a failing job is logged and does not stop
// the others, and the server's job list covers every time-driven sweep.
#include "accord/app/scheduler.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "support/runtime_fixture.h"

namespace accord::testing {
namespace {

TEST(SchedulerTest, RunsEachJobOnItsTicksAndSurvivesFailures) {
  app::Scheduler s;
  int every = 0, third = 0, after_failure = 0;
  s.Add({"every", 1, [&] { return Result<int>(++every); }});
  s.Add({"failing", 1, [] { return Result<int>(Error{ErrorCode::kUnavailable, "db down", {}}); }});
  s.Add({"third", 3, [&] { return Result<int>(++third); }});
  s.Add({"after", 1, [&] { return Result<int>(++after_failure * 0); }});
  for (int i = 0; i < 7; ++i) s.Tick();
  EXPECT_EQ(every, 7);
  EXPECT_EQ(third, 3);  // ticks 0, 3, 6
  EXPECT_EQ(after_failure, 7);
  EXPECT_EQ(s.ticks(), 7u);
}

TEST(SchedulerTest, ServerJobsCoverEverySweepAndRunCleanOnAFreshStore) {
  RuntimeFixture f;
  auto profile = policy::LoadProfile("luma");
  ASSERT_TRUE(profile.ok());
  app::Scheduler s;
  app::AddServerJobs(s, f.rt(), *profile);
  std::set<std::string> names;
  for (const auto& j : s.jobs()) names.insert(j.name);
  EXPECT_EQ(names, (std::set<std::string>{
                       "session purge", "account expiry", "grant expiry", "agreement expiry",
                       "entitlement reviews", "reviews", "work digest", "risk acceptance expiry",
                       "dpf recertification", "retrospective reviews", "scan cadence",
                       "questionnaires", "breach notices", "secure message expiry"}));
  for (const auto& j : s.jobs()) {
    auto r = j.run();
    EXPECT_TRUE(r.ok()) << j.name << ": " << (r.ok() ? "" : r.error().ToString());
  }
}

}  // namespace
}  // namespace accord::testing
