// Migration 22 re-keys the tree's nodes by when they are completed (issue 21, performance): a
// store written under the old (level, idx) key keeps every node, verifies, and grows on.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <vector>

#include "accord/storage/ledger_audit.h"
#include "accord/storage/ledger_node_key.h"
#include "accord/storage/ledger_tables.h"
#include "accord/storage/migrations.h"
#include "accord/storage/postgres/postgres_store.h"
#include "support/runtime_fixture.h"

namespace accord::storage {
namespace {

using testing::RuntimeFixture;

Status Run(Tx& tx, const std::string& sql) {
  auto r = tx.Exec(sql, {});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

// Puts the store back as it was before migration 22: nodes keyed by (level, idx).
Status UndoMigration22(Store& store) {
  return store.Write([&](Tx& tx) -> Status {
    std::string create =
        "CREATE TABLE ledger_nodes_old (level INTEGER NOT NULL, idx INTEGER NOT NULL, "
        "hash BLOB NOT NULL, PRIMARY KEY (level, idx)) WITHOUT ROWID";
    if (store.backend() == "postgres") create = PostgresDdl(create);
    ACCORD_TRY(Run(tx, create));
    ACCORD_TRY(Run(tx,
                   "INSERT INTO ledger_nodes_old(level, idx, hash) "
                   "SELECT level, idx, hash FROM ledger_nodes"));
    ACCORD_TRY(Run(tx, "DROP TABLE ledger_nodes"));
    ACCORD_TRY(Run(tx, "ALTER TABLE ledger_nodes_old RENAME TO ledger_nodes"));
    return Run(tx, "DELETE FROM schema_migrations WHERE version = 22");
  });
}

int64_t Count(Store& store, const std::string& sql) {
  int64_t n = -1;
  EXPECT_TRUE(store
                  .Read([&](Tx& tx) -> Status {
                    auto row = tx.QueryOne(sql, {});
                    if (!row.ok()) return std::move(row).error();
                    n = (*row)->Int(0);
                    return Ok();
                  })
                  .ok());
  return n;
}

// Rows whose pos is not NodePos(level, idx).
int MisKeyed(Store& store) {
  int bad = 0;
  EXPECT_TRUE(store
                  .Read([&](Tx& tx) -> Status {
                    return tx.ForEach(
                        "SELECT pos, level, idx FROM ledger_nodes", {}, [&](const Row& r) {
                          const int64_t want =
                              NodePos(static_cast<int>(r.Int(1)), static_cast<uint64_t>(r.Int(2)));
                          bad += r.Int(0) == want ? 0 : 1;
                          return true;
                        });
                  })
                  .ok());
  return bad;
}

TEST(LedgerNodesMigrationTest, OldKeyedNodesAreKeptVerifiedAndExtended) {
  RuntimeFixture f;
  f.AppendNotes(37);  // 38 entries with the org's first: nodes on five levels
  Store& store = f.rt().store();
  const int64_t nodes = Count(store, "SELECT COUNT(*) FROM ledger_nodes");
  ASSERT_GT(nodes, 30);
  ASSERT_TRUE(UndoMigration22(store).ok());
  ASSERT_EQ(Count(store, "SELECT COUNT(*) FROM schema_migrations WHERE version = 22"), 0);

  auto migrated = store.Migrate(AllMigrations());
  ASSERT_TRUE(migrated.ok()) << migrated.error().ToString();
  EXPECT_EQ(Count(store, "SELECT COUNT(*) FROM ledger_nodes"), nodes);
  // Each row's key is the one the append path computes from its level and index.
  EXPECT_EQ(MisKeyed(store), 0);
  auto report = VerifyLedger(store);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;

  f.AppendNotes(27);  // the tree grows on over the migrated nodes
  report = VerifyLedger(store);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
  EXPECT_EQ(report->size, f.LedgerSize());
}

TEST(LedgerNodesMigrationTest, NodesSitInTheOrderAppendsCompleteThem) {
  RuntimeFixture f;
  f.AppendNotes(40);
  Store& store = f.rt().store();
  EXPECT_EQ(MisKeyed(store), 0);
  // By pos: the ledger size that completed each node, then its level (a child first).
  std::vector<std::pair<uint64_t, int64_t>> order;
  ASSERT_TRUE(store
                  .Read([&](Tx& tx) -> Status {
                    return tx.ForEach("SELECT level, idx FROM ledger_nodes ORDER BY pos", {},
                                      [&](const Row& r) {
                                        const auto level = r.Int(0);
                                        const auto idx = static_cast<uint64_t>(r.Int(1));
                                        order.emplace_back((idx + 1) << level, level);
                                        return true;
                                      });
                  })
                  .ok());
  const uint64_t size = f.LedgerSize();
  ASSERT_EQ(order.size(), size - std::popcount(size));  // every perfect subtree of height >= 1
  EXPECT_TRUE(std::is_sorted(order.begin(), order.end()));
}

}  // namespace
}  // namespace accord::storage
