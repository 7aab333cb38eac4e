#include "accord/storage/sqlite/sqlite_store.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unordered_map>

namespace accord::storage {
namespace {

// Each connection is used by one thread at a time, so SQLite's global mutexes (and its
// memory statistics, which take one on every allocation) are pure overhead.
void ConfigureOnce() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return sqlite3_initialize() == SQLITE_OK;
  }();
  (void)configured;
}

Error SqliteError(sqlite3* db, std::string_view what) {
  int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
  std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "sqlite error");
  ErrorCode ec = ErrorCode::kInternal;
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    // The disk is full, an fsync or a write failed, the filesystem went read-only: nothing was
    // committed, and the same request may succeed once the operator has fixed the disk.
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
      ec = ErrorCode::kUnavailable;
      break;
    case SQLITE_CONSTRAINT:
      ec = ErrorCode::kConflict;
      break;
    default:
      break;
  }
  return Error{ec, std::move(msg), {}};
}

// The database and its WAL files hold password hashes and TOTP secrets: readable by the
// owner only, whatever the umask. The file is made here 0600 before SQLite opens it (SQLite
// gives -wal and -shm the database file's mode), and files an older version left readable
// are made private.
Status MakeFilesPrivate(const std::string& path) {
  if (path == ":memory:" || path.empty() || path.starts_with("file:")) return Ok();
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    return Internal("cannot create " + path + ": " + std::strerror(errno));
  if (fd >= 0) ::close(fd);
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    const std::string file = path + suffix;
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0 || (st.st_mode & 077) == 0) continue;
    if (::chmod(file.c_str(), 0600) != 0) {
      return Internal(file + " is readable by other users and cannot be made private (" +
                      std::strerror(errno) + "): run 'chmod 600 " + file + "'");
    }
  }
  return Ok();
}

}  // namespace

// One sqlite3 handle with its prepared-statement cache; used by one thread at a time.
class SqliteConnection final : public Tx {
 public:
  static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path, bool writer) {
    ConfigureOnce();
    sqlite3* db = nullptr;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
      Error e = SqliteError(db, "open " + path);
      sqlite3_close(db);
      e.code = ErrorCode::kInternal;
      return e;
    }
    auto conn = std::unique_ptr<SqliteConnection>(new SqliteConnection(db));
    sqlite3_busy_timeout(db, 30000);
    // We acknowledge only durable commits: WAL with a full fsync at every commit.
    const char* pragmas =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
        "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16000; PRAGMA journal_size_limit=67108864;";
    if (auto s = conn->ExecScript(pragmas); !s.ok()) return std::move(s).error();
    // The writer never checkpoints the WAL inside a commit (that would add database fsyncs
    // to the latency every writer waits for); Maintain() does it from a reader instead.
    if (writer) ACCORD_TRY(conn->ExecScript("PRAGMA wal_autocheckpoint=0"));
    // Every change goes through the one writer (and the event log): a read connection that
    // tried to write would be a bug, refused here as PostgreSQL's read-only sessions refuse it.
    // Checkpoints still run on it (Maintain).
    if (!writer) ACCORD_TRY(conn->ExecScript("PRAGMA query_only=1"));
    return conn;
  }

  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Status ExecScript(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown";
      sqlite3_free(err);
      Error e = SqliteError(db_, "sql");
      e.message = "sql: " + msg;
      return e;
    }
    return Ok();
  }

  Result<int64_t> Exec(std::string_view sql, Params params) override {
    auto stmt = Prepare(sql, params);
    if (!stmt.ok()) return std::move(stmt).error();
    int rc;
    while ((rc = sqlite3_step(*stmt)) == SQLITE_ROW) {
    }
    sqlite3_reset(*stmt);
    if (rc != SQLITE_DONE) return SqliteError(db_, "exec");
    return static_cast<int64_t>(sqlite3_changes(db_));
  }

  Result<std::vector<Row>> Query(std::string_view sql, Params params) override {
    std::vector<Row> rows;
    auto s = ForEach(sql, params, [&](const Row& r) {
      rows.push_back(r);
      return true;
    });
    if (!s.ok()) return std::move(s).error();
    return rows;
  }

  Status ForEach(std::string_view sql, Params params,
                 const std::function<bool(const Row&)>& fn) override {
    auto prepared = Prepare(sql, params);
    if (!prepared.ok()) return std::move(prepared).error();
    sqlite3_stmt* stmt = *prepared;
    int rc;
    int cols = sqlite3_column_count(stmt);
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<Value> values;
      values.reserve(cols);
      for (int i = 0; i < cols; ++i) values.push_back(Column(stmt, i));
      if (!fn(Row(std::move(values)))) {
        rc = SQLITE_DONE;
        break;
      }
    }
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) return SqliteError(db_, "query");
    return Ok();
  }

  // Incremental blob I/O: the row gets `size` zero bytes, then each chunk is written in place,
  // so a 25 MiB upload never sits in memory whole.
  Status StreamBlob(std::string_view table, std::string_view column, std::string_view key_column,
                    const Value& key, int64_t size, const BlobSource& read) override {
    const std::string t(table), c(column), k(key_column);
    std::vector<Value> params{Value(size), key};
    auto sized =
        Exec("UPDATE " + t + " SET " + c + " = zeroblob(?) WHERE " + k + " = ?", Params(params));
    if (!sized.ok()) return std::move(sized).error();
    if (*sized != 1) return Internal("no " + t + " row to fill");
    std::vector<Value> where{key};
    auto rows = Query("SELECT rowid FROM " + t + " WHERE " + k + " = ?", Params(where));
    if (!rows.ok()) return std::move(rows).error();
    if (rows->size() != 1) return Internal("no " + t + " row to fill");
    sqlite3_blob* blob = nullptr;
    if (sqlite3_blob_open(db_, "main", t.c_str(), c.c_str(), rows->front().Int(0), 1, &blob) !=
        SQLITE_OK) {
      Error e = SqliteError(db_, "open blob");
      sqlite3_blob_close(blob);
      return e;
    }
    constexpr size_t kChunk = 256 * 1024;
    std::vector<uint8_t> chunk(kChunk);
    Status status = Ok();
    for (int64_t offset = 0; offset < size;) {
      size_t want = static_cast<size_t>(std::min<int64_t>(kChunk, size - offset));
      auto n = read(std::span<uint8_t>(chunk.data(), want));
      if (!n.ok()) {
        status = std::move(n).error();
        break;
      }
      if (*n == 0 || *n > want) {
        status = Internal("a large value ended after " + std::to_string(offset) + " of " +
                          std::to_string(size) + " bytes");
        break;
      }
      if (sqlite3_blob_write(blob, chunk.data(), static_cast<int>(*n), static_cast<int>(offset)) !=
          SQLITE_OK) {
        status = SqliteError(db_, "write blob");
        break;
      }
      offset += static_cast<int64_t>(*n);
    }
    sqlite3_blob_close(blob);
    return status;
  }

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}

  static Value Column(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
      case SQLITE_INTEGER:
        return static_cast<int64_t>(sqlite3_column_int64(stmt, i));
      case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, i);
      case SQLITE_TEXT: {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
        return std::string(p, sqlite3_column_bytes(stmt, i));
      }
      case SQLITE_BLOB: {
        const auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(stmt, i));
        return Blob{Bytes(p, p + sqlite3_column_bytes(stmt, i))};
      }
      default:
        return std::monostate{};
    }
  }

  Result<sqlite3_stmt*> Prepare(std::string_view sql, Params params) {
    sqlite3_stmt* stmt = nullptr;
    auto it = cache_.find(sql);
    if (it != cache_.end()) {
      stmt = it->second;
    } else {
      if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                             SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
        return SqliteError(db_, "prepare '" + std::string(sql) + "'");
      }
      cache_.emplace(std::string(sql), stmt);
    }
    sqlite3_clear_bindings(stmt);
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      int rc = std::visit(
          [&](const auto& v) -> int {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
              return sqlite3_bind_null(stmt, idx);
            } else if constexpr (std::is_same_v<T, int64_t>) {
              return sqlite3_bind_int64(stmt, idx, v);
            } else if constexpr (std::is_same_v<T, double>) {
              return sqlite3_bind_double(stmt, idx, v);
            } else if constexpr (std::is_same_v<T, std::string>) {
              return sqlite3_bind_text64(stmt, idx, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
            } else if (v.bytes.empty()) {
              return sqlite3_bind_zeroblob(stmt, idx, 0);  // a null pointer would bind NULL
            } else {
              return sqlite3_bind_blob64(stmt, idx, v.bytes.data(), v.bytes.size(), SQLITE_STATIC);
            }
          },
          params[i]);
      if (rc != SQLITE_OK) return SqliteError(db_, "bind");
    }
    return stmt;
  }

  // Transparent lookup: finding a cached statement does not copy the SQL text.
  struct SqlHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*, SqlHash, std::equal_to<>> cache_;
};

SqliteStore::SqliteStore(std::string path, int max_readers)
    : path_(std::move(path)), max_readers_(max_readers) {}

SqliteStore::~SqliteStore() = default;

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       const StoreOptions& options) {
  std::error_code ec;
  auto dir = std::filesystem::path(path).parent_path();
  if (!dir.empty() && !std::filesystem::exists(dir, ec)) {
    std::filesystem::create_directories(dir, ec);
    if (ec) return Internal("cannot create " + dir.string() + ": " + ec.message());
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
  }
  ACCORD_TRY(MakeFilesPrivate(path));
  auto store = std::unique_ptr<SqliteStore>(new SqliteStore(path, options.read_connections));
  auto writer = SqliteConnection::Open(path, true);
  if (!writer.ok()) return std::move(writer).error();
  store->writer_ = std::move(writer.value());
  return store;
}

Status SqliteStore::Write(const std::function<Status(Tx&)>& fn) {
  std::lock_guard lock(write_mu_);
  // IMMEDIATE takes the database write lock now, so the frontier we read is the one we extend.
  if (auto s = writer_->Exec("BEGIN IMMEDIATE", {}); !s.ok()) return std::move(s).error();
  Status result;
  try {
    result = fn(*writer_);
  } catch (const std::exception& e) {
    result = Internal(std::string("transaction aborted: ") + e.what());
  }
  if (result.ok()) {
    if (auto s = writer_->Exec("COMMIT", {}); !s.ok()) {
      (void)writer_->Exec("ROLLBACK", {});
      return std::move(s).error();
    }
    return Ok();
  }
  (void)writer_->Exec("ROLLBACK", {});
  return result;
}

Result<std::unique_ptr<SqliteConnection>> SqliteStore::AcquireReader() {
  {
    std::lock_guard lock(readers_mu_);
    if (!readers_.empty()) {
      auto conn = std::move(readers_.back());
      readers_.pop_back();
      return conn;
    }
  }
  return SqliteConnection::Open(path_, false);
}

void SqliteStore::ReleaseReader(std::unique_ptr<SqliteConnection> conn) {
  std::lock_guard lock(readers_mu_);
  if (static_cast<int>(readers_.size()) < max_readers_) readers_.push_back(std::move(conn));
}

Status SqliteStore::Read(const std::function<Status(Tx&)>& fn) {
  auto conn = AcquireReader();
  if (!conn.ok()) return std::move(conn).error();
  if (auto s = (*conn)->ExecScript("BEGIN"); !s.ok()) return s;
  Status result;
  try {
    result = fn(**conn);
  } catch (const std::exception& e) {
    result = Internal(std::string("read aborted: ") + e.what());
  }
  (void)(*conn)->ExecScript("COMMIT");
  ReleaseReader(std::move(conn.value()));
  return result;
}

void SqliteStore::Maintain() {
  auto conn = AcquireReader();
  if (!conn.ok()) return;
  // PASSIVE never blocks writers; it copies what it can and leaves the rest for next time.
  (void)(*conn)->ExecScript("PRAGMA wal_checkpoint(PASSIVE)");
  ReleaseReader(std::move(conn.value()));
}

Status SqliteStore::Migrate(std::span<const Migration> migrations) {
  return Write([&](Tx& tx) -> Status {
    auto& conn = static_cast<SqliteConnection&>(tx);
    ACCORD_TRY(conn.ExecScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
        "name TEXT NOT NULL)"));
    return ApplyMigrations(tx, migrations,
                           [&](const Migration& m) { return conn.ExecScript(m.sqlite_sql); });
  });
}

}  // namespace accord::storage
