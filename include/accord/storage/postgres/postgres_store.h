// PostgreSQL backend (libpq): the same portable SQL, a writer lock shared by every
// process on the database, snapshot reads, reconnects after a lost connection.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "accord/storage/store.h"

namespace accord::storage {

class PgConnection;

class PostgresStore final : public Store {
 public:
  static Result<std::unique_ptr<PostgresStore>> Open(const std::string& url,
                                                     const StoreOptions& options);
  ~PostgresStore() override;

  std::string_view backend() const override { return "postgres"; }
  Status Write(const std::function<Status(Tx&)>& fn) override;
  Status Read(const std::function<Status(Tx&)>& fn) override;
  Status Migrate(std::span<const Migration> migrations) override;
  // One statement on a read connection, outside any transaction block (storage/one_statement.h).
  Result<std::vector<Row>> QueryAlone(std::string_view sql, Params params);

 private:
  PostgresStore(std::string url, int max_readers);
  Result<std::unique_ptr<PgConnection>> Acquire();
  void Release(std::unique_ptr<PgConnection> conn);

  std::string url_;
  int max_readers_;
  std::mutex write_mu_;
  std::unique_ptr<PgConnection> writer_;
  std::mutex readers_mu_;
  std::vector<std::unique_ptr<PgConnection>> readers_;
};

// SQLite DDL rewritten for PostgreSQL (BLOB→BYTEA, INTEGER→BIGINT, no WITHOUT ROWID,
// x'' literals); used when a migration gives no PostgreSQL text of its own.
std::string PostgresDdl(std::string_view sqlite_ddl);

// `?` placeholders (outside quotes) renumbered as $1, $2, ...
std::string NumberPlaceholders(std::string_view sql);

}  // namespace accord::storage
