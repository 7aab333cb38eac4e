#include "accord/storage/event_log.h"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <thread>

#include "accord/core/time.h"
#include "accord/ledger/merkle.h"
#include "accord/storage/ledger_audit.h"
#include "accord/storage/ledger_tables.h"
#include "support/runtime_fixture.h"

namespace accord::storage {
namespace {

namespace json = boost::json;
using testing::RuntimeFixture;

uint64_t LedgerSize(Store& store) {
  uint64_t size = 0;
  EXPECT_TRUE(store
                  .Read([&](Tx& tx) -> Status {
                    auto head = ReadHead(tx);
                    if (!head.ok()) return std::move(head).error();
                    size = head->size();
                    return Ok();
                  })
                  .ok());
  return size;
}

int64_t CountNotes(Store& store) {
  int64_t n = -1;
  EXPECT_TRUE(store
                  .Read([&](Tx& tx) -> Status {
                    auto row = tx.QueryOne("SELECT COUNT(*) FROM rm_notes", {});
                    if (!row.ok()) return std::move(row).error();
                    n = (*row)->Int(0);
                    return Ok();
                  })
                  .ok());
  return n;
}

Command NoteCommand(std::string id, bool fail_after_append = false) {
  return [id, fail_after_append](CommandContext& c) -> Result<json::value> {
    domain::Event e{.type = "note.added",
                    .actor = {"usr_x", "staff"},
                    .subject = {"org", "org_x"},
                    .payload = json::object{{"note_id", id}, {"text", "t"}}};
    auto index = c.Append(std::move(e));
    if (!index.ok()) return std::move(index).error();
    if (fail_after_append) return ValidationError("text", "rejected on purpose");
    return json::value(*index);
  };
}

TEST(EventLogTest, AppendsAreDurableAndVerifiable) {
  RuntimeFixture f;
  uint64_t before = LedgerSize(f.rt().store());
  EXPECT_EQ(before, 2u);  // org.created + ledger.key_added
  f.AppendNotes(10);
  f.Reopen();
  EXPECT_EQ(LedgerSize(f.rt().store()), 12u);
  EXPECT_EQ(CountNotes(f.rt().store()), 10);
  auto report = VerifyLedger(f.rt().store());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
  EXPECT_EQ(report->size, 12u);
  EXPECT_EQ(report->keys, 1u);
}

TEST(EventLogTest, VerifyReportsItsProgressUpToTheLastEntry) {
  RuntimeFixture f;
  f.AppendNotes(10);
  std::vector<std::pair<std::string, uint64_t>> heard;
  auto report =
      VerifyLedger(f.rt().store(), [&](std::string_view phase, uint64_t done, uint64_t total) {
        heard.emplace_back(std::string(phase), done);
        if (phase == "checking entries") {
          EXPECT_EQ(total, 12u);
        }
      });
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
  ASSERT_FALSE(heard.empty());
  EXPECT_EQ(heard.front(), (std::pair<std::string, uint64_t>{"checking entries", 12}));
}

TEST(EventLogTest, RootFromStoredNodesMatchesHead) {
  RuntimeFixture f;
  f.AppendNotes(37);
  ASSERT_TRUE(f.rt()
                  .store()
                  .Read([&](Tx& tx) -> Status {
                    auto head = ReadHead(tx);
                    EXPECT_TRUE(head.ok());
                    for (uint64_t n = 0; n <= head->size(); ++n) {
                      auto root = ledger::RootAt(n, NodeSourceFor(tx));
                      EXPECT_TRUE(root.ok()) << n;
                      if (n == head->size()) {
                        EXPECT_EQ(*root, head->frontier.Root());
                      }
                      for (uint64_t i = 0; i < n; i += 5) {
                        auto proof = ledger::InclusionProof(i, n, NodeSourceFor(tx));
                        auto leaf = ReadNode(tx, 0, i);
                        EXPECT_TRUE(proof.ok() && leaf.ok());
                        EXPECT_TRUE(ledger::VerifyInclusion(i, n, *leaf, *proof, *root).ok());
                      }
                    }
                    return Ok();
                  })
                  .ok());
}

TEST(EventLogTest, RejectedCommandWritesNothingAndOthersInTheBatchCommit) {
  RuntimeFixture f;
  auto& log = f.rt().log();
  uint64_t before = LedgerSize(f.rt().store());
  uint64_t commands_before = log.stats().commands;
  log.StartWriter();
  constexpr int kThreads = 16;
  constexpr int kPerThread = 20;
  std::atomic<int> ok{0}, rejected{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        bool fail = (i % 3) == 0;
        auto r =
            log.Execute(NoteCommand("note_" + std::to_string(t) + "_" + std::to_string(i), fail));
        if (r.ok()) {
          ++ok;
        } else {
          EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed);
          ++rejected;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  log.StopWriter();
  EXPECT_EQ(ok + rejected, kThreads * kPerThread);
  EXPECT_EQ(LedgerSize(f.rt().store()), before + ok);
  EXPECT_EQ(CountNotes(f.rt().store()), ok);
  auto report = VerifyLedger(f.rt().store());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
  auto stats = log.stats();
  EXPECT_EQ(stats.commands - commands_before, static_cast<uint64_t>(kThreads * kPerThread));
}

// Every event's time, in ledger order.
std::vector<TimePoint> EventTimes(Store& store) {
  std::vector<TimePoint> times;
  EXPECT_TRUE(store
                  .Read([&](Tx& tx) -> Status {
                    auto head = ReadHead(tx);
                    if (!head.ok()) return std::move(head).error();
                    auto leaves = ReadLeaves(tx, 0, head->size());
                    if (!leaves.ok()) return std::move(leaves).error();
                    for (const auto& leaf : *leaves) {
                      json::value v = json::parse(leaf.leaf);
                      auto t = ParseRfc3339(v.at("time").as_string());
                      if (!t.ok()) return std::move(t).error();
                      times.push_back(*t);
                    }
                    return Ok();
                  })
                  .ok());
  return times;
}

// A wall clock set back (an NTP step, an operator) must not make the ledger's times go
// backwards: new events carry the last event's time (with a warning in the log) until the
// clock catches up.
TEST(EventLogTest, AClockThatJumpsBackNeverMakesLedgerTimesGoBackwards) {
  RuntimeFixture f;
  auto& log = f.rt().log();
  f.AppendNotes(3);
  const TimePoint before_jump = f.clock().Now();
  f.clock().Set(before_jump - std::chrono::hours(2));
  log.StartWriter();
  ASSERT_TRUE(log.Execute(NoteCommand("note_after_jump_1")).ok());
  ASSERT_TRUE(log.Execute(NoteCommand("note_after_jump_2")).ok());
  log.StopWriter();
  // A restart forgets the in-memory time: the floor comes from the stored last event.
  f.Reopen();
  ASSERT_TRUE(f.rt().log().Execute(NoteCommand("note_after_restart")).ok());
  // Once the clock passes the last event again, times move with it.
  f.clock().Set(before_jump + std::chrono::minutes(1));
  ASSERT_TRUE(f.rt().log().Execute(NoteCommand("note_after_catch_up")).ok());
  std::vector<TimePoint> times = EventTimes(f.rt().store());
  ASSERT_GE(times.size(), 7u);
  for (size_t i = 1; i < times.size(); ++i) {
    EXPECT_GE(times[i], times[i - 1]) << "entry " << i << " is older than entry " << i - 1;
  }
  EXPECT_EQ(times.back(), before_jump + std::chrono::minutes(1));
  EXPECT_EQ(times[times.size() - 2], times[times.size() - 3]);  // held, not clock time
}

TEST(EventLogTest, ACommandThatThrowsFailsAloneAndTheWriterKeepsWorking) {
  RuntimeFixture f;
  auto& log = f.rt().log();
  uint64_t before = LedgerSize(f.rt().store());
  log.StartWriter();
  auto thrown = log.Execute([](CommandContext& c) -> Result<json::value> {
    auto index = c.Append(domain::Event{.type = "note.added", .subject = {"org", "x"}});
    if (!index.ok()) return std::move(index).error();
    throw std::runtime_error("bug in a handler");
  });
  ASSERT_FALSE(thrown.ok());
  EXPECT_EQ(thrown.error().code, ErrorCode::kInternal);
  auto next = log.Execute(NoteCommand("note_after_throw"));
  EXPECT_TRUE(next.ok());
  log.StopWriter();
  EXPECT_EQ(LedgerSize(f.rt().store()), before + 1);
}

TEST(EventLogTest, InvalidEventTypeIsRejected) {
  RuntimeFixture f;
  uint64_t before = LedgerSize(f.rt().store());
  auto r = f.rt().log().Execute([](CommandContext& c) -> Result<json::value> {
    auto index = c.Append(domain::Event{.type = "NotAType", .subject = {"org", "x"}});
    if (!index.ok()) return std::move(index).error();
    return json::value(nullptr);
  });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).field, "event.type");
  EXPECT_EQ(LedgerSize(f.rt().store()), before);
}

TEST(EventLogTest, RebuildProducesTheSameDigest) {
  RuntimeFixture f;
  f.AppendNotes(25);
  auto& store = f.rt().store();
  const auto& projections = f.rt().log().projections();
  auto before = ReadModelDigest(store, projections);
  ASSERT_TRUE(before.ok());
  // Damage a read model: the digest changes, and a rebuild restores it exactly.
  ASSERT_TRUE(
      store
          .Write([](Tx& tx) -> Status {
            auto r = tx.Exec(
                "UPDATE rm_notes SET text = 'forged' WHERE id = (SELECT MIN(id) FROM rm_notes)",
                {});
            if (!r.ok()) return std::move(r).error();
            return Ok();
          })
          .ok());
  auto damaged = ReadModelDigest(store, projections);
  ASSERT_TRUE(damaged.ok());
  EXPECT_NE(*damaged, *before);
  auto replayed = RebuildReadModels(store, projections);
  ASSERT_TRUE(replayed.ok());
  EXPECT_EQ(*replayed, 27u);
  auto after = ReadModelDigest(store, projections);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(*after, *before);
}

TEST(EventLogTest, CheckpointIsWrittenOnlyWhenTheLedgerGrew) {
  RuntimeFixture f;
  auto first = f.rt().Checkpoint(f.org().origin);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(first->has_value());
  EXPECT_EQ((*first)->size, 2u);
  auto again = f.rt().Checkpoint(f.org().origin);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->has_value());
  f.AppendNotes(3);
  auto third = f.rt().Checkpoint(f.org().origin);
  ASSERT_TRUE(third.ok() && third->has_value());
  EXPECT_EQ((*third)->size, 5u);
  EXPECT_NE((*third)->note.find(f.org().origin + "\n5\n"), std::string::npos);
  auto report = VerifyLedger(f.rt().store());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
  EXPECT_EQ(report->checkpoints, 2u);
}

TEST(EventLogTest, ProfileAndOriginAreFixedAtFirstStart) {
  RuntimeFixture f;
  auto janus = policy::LoadProfile("janus");
  ASSERT_TRUE(janus.ok());
  auto r = f.rt().EnsureOrg(*janus, "", "x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).field, "profile");
  auto luma = policy::LoadProfile("luma");
  auto o = f.rt().EnsureOrg(*luma, "other/origin", "x");
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.error().details.at(0).field, "origin");
  auto same = f.rt().EnsureOrg(*luma, "", "x");
  ASSERT_TRUE(same.ok());
  EXPECT_FALSE(same->created);
  EXPECT_EQ(same->id, f.org().id);
}

}  // namespace
}  // namespace accord::storage
