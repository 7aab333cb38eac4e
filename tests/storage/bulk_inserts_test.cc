// BulkInserts: an import's rows sent as multi-row statements must leave the store exactly as
// one statement per row would. The cases belong to EventLogTest, which runs on both backends.
#include "accord/storage/bulk_inserts.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "accord/storage/ledger_audit.h"
#include "accord/storage/registry_import.h"
#include "support/runtime_fixture.h"

namespace accord::storage {
namespace {

namespace json = boost::json;
using testing::RuntimeFixture;

int64_t Count(Store& store, const std::string& sql) {
  int64_t n = -1;
  Status s = store.Read([&](Tx& tx) -> Status {
    auto row = tx.QueryOne(sql, {});
    if (!row.ok()) return std::move(row).error();
    n = (*row)->Int(0);
    return Ok();
  });
  EXPECT_TRUE(s.ok()) << s.error().message;
  return n;
}

// 1,300 rows: two full statements of 512 rows and a remainder split in powers of two.
std::string PartiesCsv(int n) {
  std::string csv = "name,kind,status,data_categories,location\n";
  for (int i = 0; i < n; ++i) {
    csv += "Bulk Party " + std::to_string(i) + ",partner,active,ephi;pii,\"Somewhere, US\"\n";
  }
  return csv;
}

// The read models an import wrote through BulkInserts are those a replay of its events one
// statement per row writes, and the ledger (leaves and tree nodes) verifies.
TEST(EventLogTest, AnImportsGatheredInsertsEqualARowByRowReplay) {
  RuntimeFixture f;
  auto& log = f.rt().log();
  auto table = ParsePartyCsv(PartiesCsv(1300));
  ASSERT_TRUE(table.ok()) << table.error().message;
  auto imported = log.Execute([&](CommandContext& c) -> Result<json::value> {
    auto report = ImportParties(c, *table, false, {"usr_t", "security_officer"});
    if (!report.ok()) return std::move(report).error();
    return json::value(report->imported);
  });
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  EXPECT_EQ(imported->as_int64(), 1300);
  auto& store = f.rt().store();
  EXPECT_EQ(Count(store, "SELECT COUNT(*) FROM rm_objects WHERE kind = 'party' AND to_idx = " +
                             std::to_string(kOpenVersion)),
            1300);
  EXPECT_EQ(Count(store, "SELECT COUNT(*) FROM rm_party_inventory"), 1300);
  auto gathered = ReadModelDigest(store, log.projections());
  ASSERT_TRUE(gathered.ok());
  auto replayed = RebuildReadModels(store, log.projections());
  ASSERT_TRUE(replayed.ok()) << replayed.error().message;
  auto row_by_row = ReadModelDigest(store, log.projections());
  ASSERT_TRUE(row_by_row.ok());
  EXPECT_EQ(*gathered, *row_by_row);
  auto report = VerifyLedger(store);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
}

// Each synthetic note takes its own ledger index (rm_notes is keyed by it, migration 29), far
// past the fixture's ledger.
Status InsertNote(Tx& tx, const std::string& id) {
  static int64_t next_index = 1'000'000;
  return tx.ExecDeferred(
      "INSERT INTO rm_notes(id, subject_kind, subject_id, text, author_id, author_role, "
      "created_at, created_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {id, "org", "org_x", "t", "usr_x", "staff", "2026-01-01T00:00:00Z", next_index++});
}

// Gathered rows go out before a read; a single-row and a two-row form of one statement share
// their statements; a bad row fails the transaction, which then writes nothing.
TEST(EventLogTest, GatheredInsertsAreSeenByReadsAndFailAsAWhole) {
  RuntimeFixture f;
  auto& store = f.rt().store();
  const int64_t before = Count(store, "SELECT COUNT(*) FROM rm_notes");
  uint64_t sent = 0;
  Status s = store.Write([&](Tx& tx) -> Status {
    BulkInserts bulk(tx);
    for (int i = 0; i < 1000; ++i) ACCORD_TRY(InsertNote(bulk, "bulk_" + std::to_string(i)));
    ACCORD_TRY(bulk.ExecDeferred(
        "INSERT INTO rm_words(kind, prefix, id) VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT DO NOTHING",
        {"note", "a", "bulk_1", "note", "b", "bulk_1"}));
    ACCORD_TRY(bulk.ExecDeferred(
        "INSERT INTO rm_words(kind, prefix, id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        {"note", "a", "bulk_1"}));
    auto n = bulk.QueryOne("SELECT COUNT(*) FROM rm_notes WHERE id LIKE 'bulk_%'", {});
    if (!n.ok()) return std::move(n).error();
    EXPECT_EQ((*n)->Int(0), 1000);
    auto words = bulk.QueryOne("SELECT COUNT(*) FROM rm_words WHERE kind = 'note'", {});
    if (!words.ok()) return std::move(words).error();
    EXPECT_EQ((*words)->Int(0), 2);
    sent = bulk.statements_sent();
    return bulk.Flush();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_LT(sent, 20u);  // a statement per power of two of rows, not one per row
  EXPECT_EQ(Count(store, "SELECT COUNT(*) FROM rm_notes"), before + 1000);

  s = store.Write([&](Tx& tx) -> Status {
    BulkInserts bulk(tx);
    for (int i = 0; i < 10; ++i) ACCORD_TRY(InsertNote(bulk, "again_" + std::to_string(i)));
    ACCORD_TRY(InsertNote(bulk, "bulk_7"));  // taken above
    return bulk.Flush();
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict) << s.error().message;
  EXPECT_EQ(Count(store, "SELECT COUNT(*) FROM rm_notes"), before + 1000);
}

}  // namespace
}  // namespace accord::storage
