// The disk fails under a running writer: an fsync that fails, or every write failing as it does
// once the filesystem turns read-only. Each refused command answers 503 and leaves nothing;
// reads keep being served; writes succeed again once the disk is back; the ledger verifies.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "accord/storage/event_log.h"
#include "accord/storage/ledger_audit.h"
#include "accord/storage/ledger_tables.h"
#include "support/faulty_vfs.h"
#include "support/runtime_fixture.h"
#include "support/test_db.h"

namespace accord::storage {
namespace {

namespace json = boost::json;
using testing::FaultyVfs;
using testing::RuntimeFixture;
using testing::VfsFault;

Command Note(std::string id) {
  return [id](CommandContext& c) -> Result<json::value> {
    auto index = c.Append(domain::Event{.type = "note.added",
                                        .actor = {"usr_x", "staff"},
                                        .subject = {"org", "org_x"},
                                        .payload = json::object{{"note_id", id}, {"text", "t"}}});
    if (!index.ok()) return std::move(index).error();
    return json::value(*index);
  };
}

struct Counts {
  uint64_t ledger = 0;
  int64_t notes = -1;
};

Result<Counts> Read(Store& store) {
  Counts c;
  Status s = store.Read([&](Tx& tx) -> Status {
    auto head = ReadHead(tx);
    if (!head.ok()) return std::move(head).error();
    c.ledger = head->size();
    auto row = tx.QueryOne("SELECT COUNT(*) FROM rm_notes", {});
    if (!row.ok()) return std::move(row).error();
    c.notes = (*row)->Int(0);
    return Ok();
  });
  if (!s.ok()) return std::move(s).error();
  return c;
}

void ExpectVerifies(Store& store, uint64_t size) {
  auto report = VerifyLedger(store);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->ok) << report->problem;
  EXPECT_EQ(report->size, size);
}

class SqliteFaultTest : public ::testing::TestWithParam<VfsFault> {};

TEST_P(SqliteFaultTest, RefusedWritesAnswer503LeaveNothingAndTheStoreRecovers) {
  if (testing::UsePostgres())
    GTEST_SKIP() << "SQLite's VFS only; PostgreSQL has its own outage test";
  FaultyVfs vfs;
  RuntimeFixture f;
  auto& log = f.rt().log();
  log.StartWriter();
  ASSERT_TRUE(log.Execute(Note("before")).ok());
  auto before = Read(f.rt().store());
  ASSERT_TRUE(before.ok()) << before.error().message;

  vfs.Inject(GetParam());
  for (int i = 0; i < 5; ++i) {
    auto r = log.Execute(Note("refused_" + std::to_string(i)));
    ASSERT_FALSE(r.ok()) << "a write was acknowledged while the disk failed";
    EXPECT_EQ(HttpStatus(r.error().code), 503) << r.error().message;
  }
  EXPECT_GT(vfs.failures(), 0);
  // Reads are served while writes fail, and see nothing of the refused commands.
  auto during = Read(f.rt().store());
  ASSERT_TRUE(during.ok()) << during.error().message;
  EXPECT_EQ(during->ledger, before->ledger);
  EXPECT_EQ(during->notes, before->notes);

  vfs.Inject(VfsFault::kNone);
  auto after = log.Execute(Note("after"));
  ASSERT_TRUE(after.ok()) << after.error().message;
  EXPECT_EQ(after->to_number<uint64_t>(), before->ledger);
  log.StopWriter();
  ExpectVerifies(f.rt().store(), before->ledger + 1);
  // A restart replays the WAL: still nothing of the refused commands.
  f.Reopen();
  auto reopened = Read(f.rt().store());
  ASSERT_TRUE(reopened.ok()) << reopened.error().message;
  EXPECT_EQ(reopened->ledger, before->ledger + 1);
  EXPECT_EQ(reopened->notes, before->notes + 1);
  ExpectVerifies(f.rt().store(), before->ledger + 1);
}

INSTANTIATE_TEST_SUITE_P(Faults, SqliteFaultTest,
                         ::testing::Values(VfsFault::kSync, VfsFault::kWrite),
                         [](const auto& info) {
                           return info.param == VfsFault::kSync ? "FsyncFails"
                                                                : "FilesystemTurnsReadOnly";
                         });

}  // namespace
}  // namespace accord::storage
