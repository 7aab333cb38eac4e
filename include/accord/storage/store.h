// The storage interface: portable SQL over a transaction, chosen by URL.
//
// SQL is written once with `?` placeholders; each backend binds (and, for
// PostgreSQL, renumbers) them. Statements are prepared once per connection.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "accord/core/bytes.h"
#include "accord/core/result.h"

namespace accord::storage {

struct Blob {
  Bytes bytes;
};

using Value = std::variant<std::monostate, int64_t, double, std::string, Blob>;

inline Value Null() { return std::monostate{}; }
inline Value BlobOf(std::span<const uint8_t> b) { return Blob{Bytes(b.begin(), b.end())}; }

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  size_t size() const { return values_.size(); }
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(values_.at(i)); }
  int64_t Int(size_t i) const;
  double Real(size_t i) const;
  const std::string& Text(size_t i) const;
  const Bytes& BlobAt(size_t i) const;
  const Value& at(size_t i) const { return values_.at(i); }

 private:
  std::vector<Value> values_;
};

using Params = std::span<const Value>;

// A connection inside an open transaction. Not thread-safe; lives for one Write/Read call.
class Tx {
 public:
  virtual ~Tx() = default;
  // Runs a statement; returns the number of rows changed.
  virtual Result<int64_t> Exec(std::string_view sql, Params params = {}) = 0;
  virtual Result<std::vector<Row>> Query(std::string_view sql, Params params = {}) = 0;
  // Streams rows; `fn` returns false to stop early.
  virtual Status ForEach(std::string_view sql, Params params,
                         const std::function<bool(const Row&)>& fn) = 0;

  Result<int64_t> Exec(std::string_view sql, std::initializer_list<Value> params) {
    return Exec(sql, Params(params.begin(), params.size()));
  }
  Result<std::vector<Row>> Query(std::string_view sql, std::initializer_list<Value> params) {
    return Query(sql, Params(params.begin(), params.size()));
  }
  Status ForEach(std::string_view sql, std::initializer_list<Value> params,
                 const std::function<bool(const Row&)>& fn) {
    return ForEach(sql, Params(params.begin(), params.size()), fn);
  }
  // A statement whose result nobody reads (inserts into the ledger and read models).
  // A backend may send it without waiting (PostgreSQL pipelines it); its error then
  // surfaces at the next Flush() or at the next statement that returns a result.
  virtual Status ExecDeferred(std::string_view sql, Params params) {
    auto r = Exec(sql, params);
    if (!r.ok()) return std::move(r).error();
    return Ok();
  }
  Status ExecDeferred(std::string_view sql, std::initializer_list<Value> params) {
    return ExecDeferred(sql, Params(params.begin(), params.size()));
  }
  // Waits for every deferred statement; returns the first error among them.
  virtual Status Flush() { return Ok(); }
  // True when ExecDeferred really defers (errors may surface later).
  virtual bool defers() const { return false; }

  // Zero or one row; more is an error.
  Result<std::optional<Row>> QueryOne(std::string_view sql, std::initializer_list<Value> params);

  // Supplies the next bytes of a large value into `out`; returns how many (0: no more).
  using BlobSource = std::function<Result<size_t>(std::span<uint8_t> out)>;
  // Sets the BLOB `column` of the row of `table` whose `key_column` equals `key` (which must
  // exist) to the `size` bytes `read` supplies, for values too large to hold in memory twice.
  // SQLite writes them in place, a chunk at a time; the default collects them, then UPDATEs.
  virtual Status StreamBlob(std::string_view table, std::string_view column,
                            std::string_view key_column, const Value& key, int64_t size,
                            const BlobSource& read);
};

struct Migration {
  int version;
  std::string name;
  std::string sqlite_sql;    // ';'-separated statements
  std::string postgres_sql;  // empty: same as sqlite_sql
};

class Store {
 public:
  virtual ~Store() = default;
  virtual std::string_view backend() const = 0;  // "sqlite" | "postgres"
  // Runs `fn` in a write transaction that excludes every other writer (other
  // processes too); commits durably if fn returns OK, rolls back otherwise.
  virtual Status Write(const std::function<Status(Tx&)>& fn) = 0;
  // Runs `fn` on a consistent snapshot.
  virtual Status Read(const std::function<Status(Tx&)>& fn) = 0;
  // Applies pending migrations in order (idempotent; safe with concurrent processes).
  virtual Status Migrate(std::span<const Migration> migrations) = 0;
  // Periodic housekeeping off the write path (SQLite: WAL checkpoint); servers call it ~1/s.
  virtual void Maintain() {}
};

struct StoreOptions {
  std::string url;  // sqlite:///path/accord.db | postgres://user@host:port/db
  int read_connections = 8;
};

// For backends: applies the migrations newer than schema_migrations records (the table
// must exist), running each one's script through `run`, recording each version.
Status ApplyMigrations(Tx& tx, std::span<const Migration> migrations,
                       const std::function<Status(const Migration&)>& run);

// "sqlite:///abs/path.db" or "postgres://..."; errors name the URL's problem.
Result<std::unique_ptr<Store>> OpenStore(const StoreOptions& options);

// Default URL for a data directory: sqlite:///DIR/accord.db
std::string DefaultDatabaseUrl(const std::filesystem::path& data_dir);

}  // namespace accord::storage
