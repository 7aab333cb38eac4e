// One suite, every backend: what any Store must do. A new backend adds itself to
// Backends() and must pass unchanged.
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <thread>

#include "accord/storage/migrations.h"
#include "accord/storage/one_statement.h"
#include "accord/storage/postgres/postgres_store.h"
#include "accord/storage/store.h"
#include "support/temp_dir.h"
#include "support/test_db.h"

namespace accord::storage {
namespace {

struct Backend {
  std::string name;
  std::function<std::string(const testing::TempDir&)> url;
};

void PrintTo(const Backend& b, std::ostream* os) { *os << b.name; }

std::vector<Backend> Backends() {
  return {
      {"sqlite", [](const testing::TempDir& d) { return "sqlite://" + d.str() + "/c.db"; }},
      {"postgres", [](const testing::TempDir&) { return testing::NewPostgresDatabase(); }},
  };
}

class StoreConformance : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam().name == "postgres" && !testing::PostgresServerUrl()) {
      GTEST_SKIP() << "no PostgreSQL test server (make test starts one)";
    }
    url_ = GetParam().url(dir_);
    auto store = OpenStore({url_});
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store.value());
    ASSERT_TRUE(store_->Migrate(AllMigrations()).ok());
    std::string ddl = "CREATE TABLE t (k INTEGER PRIMARY KEY, s TEXT, b BLOB, d REAL)";
    if (store_->backend() == "postgres") ddl = PostgresDdl(ddl);
    ASSERT_TRUE(Write(ddl).ok());
  }
  Status Write(const std::string& sql, std::vector<Value> params = {}) {
    return store_->Write([&](Tx& tx) -> Status {
      auto r = tx.Exec(sql, Params(params));
      if (!r.ok()) return std::move(r).error();
      return Ok();
    });
  }
  int64_t Count() {
    int64_t n = -1;
    EXPECT_TRUE(store_
                    ->Read([&](Tx& tx) -> Status {
                      auto r = tx.QueryOne("SELECT COUNT(*) FROM t", {});
                      if (!r.ok()) return std::move(r).error();
                      n = (*r)->Int(0);
                      return Ok();
                    })
                    .ok());
    return n;
  }
  testing::TempDir dir_;
  std::string url_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreConformance, ValuesRoundTripWithTheirTypes) {
  Bytes blob = {0, 1, 2, 255};
  ASSERT_TRUE(Write("INSERT INTO t(k, s, b, d) VALUES (?, ?, ?, ?)",
                    {int64_t{1} << 40, std::string("h\u00e9llo \u20ac\U0001F600"), Blob{blob}, 2.5})
                  .ok());
  ASSERT_TRUE(
      Write("INSERT INTO t(k, s, b, d) VALUES (?, ?, ?, ?)", {int64_t{2}, Null(), Null(), Null()})
          .ok());
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) -> Status {
                    auto rows = tx.Query("SELECT k, s, b, d FROM t ORDER BY k DESC", {});
                    EXPECT_TRUE(rows.ok());
                    EXPECT_EQ(rows->size(), 2u);
                    EXPECT_EQ((*rows)[0].Int(0), int64_t{1} << 40);
                    EXPECT_EQ((*rows)[0].Text(1), std::string("h\u00e9llo \u20ac\U0001F600"));
                    EXPECT_EQ((*rows)[0].BlobAt(2), blob);
                    EXPECT_DOUBLE_EQ((*rows)[0].Real(3), 2.5);
                    EXPECT_TRUE((*rows)[1].IsNull(1));
                    EXPECT_TRUE((*rows)[1].IsNull(2));
                    return Ok();
                  })
                  .ok());
}

TEST_P(StoreConformance, FailedWriteRollsBackEverything) {
  Status s = store_->Write([&](Tx& tx) -> Status {
    EXPECT_TRUE(tx.Exec("INSERT INTO t(k) VALUES (1)", {}).ok());
    return ValidationError("x", "rejected");
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(Count(), 0);
}

TEST_P(StoreConformance, SavepointsIsolateOneCommand) {
  ASSERT_TRUE(store_
                  ->Write([&](Tx& tx) -> Status {
                    ACCORD_TRY(tx.Exec("INSERT INTO t(k) VALUES (1)", {}));
                    ACCORD_TRY(tx.Exec("SAVEPOINT command", {}));
                    ACCORD_TRY(tx.Exec("INSERT INTO t(k) VALUES (2)", {}));
                    ACCORD_TRY(tx.Exec("ROLLBACK TO command", {}));
                    ACCORD_TRY(tx.Exec("RELEASE command", {}));
                    ACCORD_TRY(tx.Exec("INSERT INTO t(k) VALUES (3)", {}));
                    return Ok();
                  })
                  .ok());
  EXPECT_EQ(Count(), 2);
}

TEST_P(StoreConformance, ConstraintViolationIsAConflict) {
  ASSERT_TRUE(Write("INSERT INTO t(k) VALUES (1)").ok());
  Status s = Write("INSERT INTO t(k) VALUES (1)");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Count(), 1);
}

TEST_P(StoreConformance, BadSqlIsAnErrorNotACrash) {
  Status s = Write("INSERT INTO no_such_table VALUES (1)");
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(Write("INSERT INTO t(k) VALUES (1)").ok());
}

TEST_P(StoreConformance, MigrationsAreIdempotent) {
  EXPECT_TRUE(store_->Migrate(AllMigrations()).ok());
  auto again = OpenStore({url_});
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE((*again)->Migrate(AllMigrations()).ok());
}

TEST_P(StoreConformance, WritersFromTwoStoresSerialise) {
  // Two handles on one database (as two processes would be): read-modify-write
  // increments never lose an update.
  auto other = OpenStore({url_});
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(Write("INSERT INTO t(k, d) VALUES (1, 0)").ok());
  auto bump = [](Store& store) {
    for (int i = 0; i < 200; ++i) {
      Status s = store.Write([](Tx& tx) -> Status {
        auto r = tx.QueryOne("SELECT d FROM t WHERE k = 1", {});
        if (!r.ok()) return std::move(r).error();
        double d = (*r)->Real(0);
        auto u = tx.Exec("UPDATE t SET d = ? WHERE k = 1", {d + 1});
        if (!u.ok()) return std::move(u).error();
        return Ok();
      });
      EXPECT_TRUE(s.ok()) << s.error().message;
    }
  };
  std::thread a([&] { bump(*store_); });
  std::thread b([&] { bump(**other); });
  a.join();
  b.join();
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) -> Status {
                    auto r = tx.QueryOne("SELECT d FROM t WHERE k = 1", {});
                    EXPECT_DOUBLE_EQ((*r)->Real(0), 400.0);
                    return Ok();
                  })
                  .ok());
}

TEST_P(StoreConformance, ReadsSeeASnapshot) {
  ASSERT_TRUE(Write("INSERT INTO t(k) VALUES (1)").ok());
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) -> Status {
                    auto first = tx.QueryOne("SELECT COUNT(*) FROM t", {});
                    EXPECT_TRUE(Write("INSERT INTO t(k) VALUES (2)").ok());
                    auto second = tx.QueryOne("SELECT COUNT(*) FROM t", {});
                    EXPECT_EQ((*first)->Int(0), (*second)->Int(0));
                    return Ok();
                  })
                  .ok());
  EXPECT_EQ(Count(), 2);
}

// PostgreSQL sends a read's BEGIN with its first statement and its COMMIT (or ROLLBACK)
// without waiting: a failed read, a read with no statement and a bad statement each leave
// the connection ready, and each later read sees every committed write.
TEST_P(StoreConformance, ReadsThatFailOrReadNothingLeaveTheConnectionReady) {
  for (int i = 0; i < 5; ++i) {
    Status failed = store_->Read([&](Tx& tx) -> Status {
      auto n = tx.QueryOne("SELECT COUNT(*) FROM t", {});
      if (!n.ok()) return std::move(n).error();
      return NotFound("nothing here");
    });
    EXPECT_EQ(failed.error().code, ErrorCode::kNotFound);
    EXPECT_TRUE(store_->Read([](Tx&) { return Ok(); }).ok());
    EXPECT_FALSE(store_
                     ->Read([](Tx& tx) -> Status {
                       auto r = tx.QueryOne("SELECT no_such_column FROM t", {});
                       return r.ok() ? Ok() : std::move(r).error();
                     })
                     .ok());
    ASSERT_TRUE(Write("INSERT INTO t(k) VALUES (?)", {int64_t{i}}).ok());
    EXPECT_EQ(Count(), i + 1);
  }
}

// A read of one statement (PostgreSQL: sent without BEGIN and COMMIT) sees every committed
// write, and shares the pooled connections with transactional reads, failed ones included.
TEST_P(StoreConformance, OneStatementReadsSeeEveryCommittedWrite) {
  const std::vector<Value> none;
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(
        Write("INSERT INTO t(k, s) VALUES (?, ?)", {int64_t{i}, "v" + std::to_string(i)}).ok());
    const std::vector<Value> k{int64_t{i}};
    auto rows = ReadOneStatement(*store_, "SELECT s, (SELECT COUNT(*) FROM t) FROM t WHERE k = ?",
                                 Params(k));
    ASSERT_TRUE(rows.ok()) << rows.error().message;
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].Text(0), "v" + std::to_string(i));
    EXPECT_EQ((*rows)[0].Int(1), i + 1);
    EXPECT_FALSE(ReadOneStatement(*store_, "SELECT no_such_column FROM t", Params(none)).ok());
    EXPECT_EQ(store_->Read([](Tx&) { return NotFound("nothing"); }).error().code,
              ErrorCode::kNotFound);
    auto empty = ReadOneStatement(*store_, "SELECT k FROM t WHERE k < 0", Params(none));
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->empty());
    EXPECT_EQ(Count(), i + 1);
  }
}

// On PostgreSQL the statement runs outside any read-only transaction, but never as a write:
// the read connections' sessions are read-only, as SQLite's read connections are.
TEST_P(StoreConformance, OneStatementReadsDoNotWrite) {
  const std::vector<Value> none;
  EXPECT_FALSE(
      ReadOneStatement(*store_, "INSERT INTO t(k) VALUES (7) RETURNING k", Params(none)).ok());
  EXPECT_EQ(Count(), 0);
}

// Every change goes through Write (the one writer, the event log): a read that tries to write
// fails, writes nothing, and leaves its connection fit for the next read.
TEST_P(StoreConformance, ReadsDoNotWrite) {
  for (const char* sql : {"INSERT INTO t(k) VALUES (8)", "UPDATE t SET s = 'x'", "DELETE FROM t",
                          "CREATE TABLE u (k INTEGER)"}) {
    ASSERT_TRUE(Write("INSERT INTO t(k, s) VALUES (1, 'kept')").ok());
    Status s = store_->Read([&](Tx& tx) -> Status {
      auto r = tx.Exec(sql, {});
      return r.ok() ? Ok() : Status(std::move(r).error());
    });
    EXPECT_FALSE(s.ok()) << sql << " ran in a read";
    EXPECT_EQ(Count(), 1) << sql;
    ASSERT_TRUE(Write("DELETE FROM t").ok());
  }
  Status fresh = store_->Read([&](Tx& tx) -> Status {
    auto r = tx.QueryOne("SELECT COUNT(*) FROM t WHERE s = 'kept'", {});
    if (!r.ok()) return std::move(r).error();
    EXPECT_EQ((*r)->Int(0), 0);
    return Ok();
  });
  EXPECT_TRUE(fresh.ok()) << fresh.error().message;
}

// Pooled read connections the server has dropped (a restart, a failover): the next read of
// one statement runs again on a fresh connection instead of failing.
TEST_P(StoreConformance, OneStatementReadsSurviveDroppedConnections) {
  if (store_->backend() != "postgres") GTEST_SKIP() << "connections are PostgreSQL's";
  const std::vector<Value> none;
  ASSERT_TRUE(ReadOneStatement(*store_, "SELECT COUNT(*) FROM t", Params(none)).ok());
  ASSERT_TRUE(Write("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()")
                  .ok());
  auto rows = ReadOneStatement(*store_, "SELECT COUNT(*) FROM t", Params(none));
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ((*rows)[0].Int(0), 0);
}

TEST_P(StoreConformance, ForEachStopsEarly) {
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(Write("INSERT INTO t(k) VALUES (?)", {int64_t{i}}).ok());
  int seen = 0;
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) -> Status {
                    return tx.ForEach("SELECT k FROM t ORDER BY k", {},
                                      [&](const Row&) { return ++seen < 3; });
                  })
                  .ok());
  EXPECT_EQ(seen, 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformance, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

TEST_P(StoreConformance, TextWithNulIsRejectedOrKept) {
  // PostgreSQL text cannot hold U+0000; the store must say so as bad input, not crash.
  Status s = Write("INSERT INTO t(k, s) VALUES (1, ?)", {std::string("a\0b", 3)});
  if (s.ok()) {
    EXPECT_EQ(Count(), 1);
  } else {
    EXPECT_EQ(s.error().code, ErrorCode::kValidationFailed) << s.error().message;
    EXPECT_EQ(Count(), 0);
  }
}

TEST(PostgresSqlTest, PlaceholdersAndDdl) {
  EXPECT_EQ(NumberPlaceholders("SELECT ? , '?' , \"a?\" FROM t WHERE x = ?"),
            "SELECT $1 , '?' , \"a?\" FROM t WHERE x = $2");
  EXPECT_EQ(PostgresDdl("CREATE TABLE a (k INTEGER, b BLOB, s TEXT, d REAL) WITHOUT ROWID"),
            "CREATE TABLE a (k BIGINT, b BYTEA, s TEXT COLLATE \"C\", d DOUBLE PRECISION)");
}

TEST(OpenStoreTest, UnsupportedUrlsNameTheField) {
  auto r = OpenStore({"mysql://x"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).field, "db");
}

}  // namespace
}  // namespace accord::storage
