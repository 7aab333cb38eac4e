// The floor under durable appends: raw SQLite with the store's writer settings (WAL,
// synchronous=FULL, no checkpoint inside a commit), one table, 32-row transactions of
// leaf-sized rows, one fsync each. bench/run.sh prints the ledger's appends against it,
// measured in the same run, since the disk's speed on a shared machine varies by the minute.
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "bench_util.h"

namespace accord::bench {
namespace {

constexpr int kRowsPerTransaction = 32;
constexpr size_t kRowBytes = 340;  // a short note's canonical leaf

void Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string what = std::string(sql) + ": " + (err ? err : "?");
    sqlite3_free(err);
    Die(what);
  }
}

void BM_RawSqliteAppend(benchmark::State& state) {
  ScratchDir dir("raw-sqlite");
  const std::string path = (dir.path() / "raw.db").string();
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) Die("open " + path);
  Exec(db,
       "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=0;"
       "PRAGMA journal_size_limit=67108864;"
       "CREATE TABLE leaves (idx INTEGER PRIMARY KEY, leaf BLOB NOT NULL)");
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_prepare_v2(db, "INSERT INTO leaves(idx, leaf) VALUES (?, ?)", -1, &insert, nullptr) !=
      SQLITE_OK) {
    Die("prepare");
  }
  std::vector<unsigned char> row(kRowBytes);
  int64_t idx = 0;
  for (auto _ : state) {
    Exec(db, "BEGIN IMMEDIATE");
    for (int i = 0; i < kRowsPerTransaction; ++i, ++idx) {
      row[idx % kRowBytes] ^= 1;  // no two rows alike
      sqlite3_bind_int64(insert, 1, idx);
      sqlite3_bind_blob(insert, 2, row.data(), static_cast<int>(row.size()), SQLITE_STATIC);
      if (sqlite3_step(insert) != SQLITE_DONE) Die(std::string("insert: ") + sqlite3_errmsg(db));
      sqlite3_reset(insert);
    }
    Exec(db, "COMMIT");
  }
  state.SetItemsProcessed(state.iterations() * kRowsPerTransaction);
  sqlite3_finalize(insert);
  sqlite3_close(db);
}
BENCHMARK(BM_RawSqliteAppend)->UseRealTime()->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace accord::bench
