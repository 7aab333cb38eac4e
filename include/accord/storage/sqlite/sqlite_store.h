// SQLite backend: WAL, synchronous=FULL, one writer connection, a pool of readers.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "accord/storage/store.h"

namespace accord::storage {

class SqliteConnection;

class SqliteStore final : public Store {
 public:
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                   const StoreOptions& options);
  ~SqliteStore() override;

  std::string_view backend() const override { return "sqlite"; }
  Status Write(const std::function<Status(Tx&)>& fn) override;
  Status Read(const std::function<Status(Tx&)>& fn) override;
  Status Migrate(std::span<const Migration> migrations) override;
  void Maintain() override;

 private:
  SqliteStore(std::string path, int max_readers);
  Result<std::unique_ptr<SqliteConnection>> AcquireReader();
  void ReleaseReader(std::unique_ptr<SqliteConnection> conn);

  std::string path_;
  int max_readers_;
  std::mutex write_mu_;
  std::unique_ptr<SqliteConnection> writer_;
  std::mutex readers_mu_;
  std::vector<std::unique_ptr<SqliteConnection>> readers_;
};

}  // namespace accord::storage
