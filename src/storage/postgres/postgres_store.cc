#include "accord/storage/postgres/postgres_store.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdio>
#include <cstring>
#include <unordered_map>

#include "accord/core/bytes.h"

namespace accord::storage {
namespace {

// Every writer, in every process, takes this transaction-scoped lock first, so the
// ledger frontier read inside the transaction is the one that gets extended.
constexpr const char* kWriterLock = "SELECT pg_advisory_xact_lock(7468727863)";

constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26;
constexpr Oid kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

ErrorCode CodeFor(const char* sqlstate) {
  std::string_view s = sqlstate ? sqlstate : "";
  if (s.starts_with("23")) return ErrorCode::kConflict;          // integrity constraint violation
  if (s.starts_with("22")) return ErrorCode::kValidationFailed;  // data exception (e.g. NUL)
  if (s == "40001" || s == "40P01" || s.starts_with("08") || s.starts_with("57")) {
    return ErrorCode::kUnavailable;  // serialization, deadlock, connection, shutdown
  }
  return ErrorCode::kInternal;
}

Value Cell(const PGresult* res, int row, int col) {
  if (PQgetisnull(res, row, col)) return std::monostate{};
  const char* text = PQgetvalue(res, row, col);
  const size_t len = static_cast<size_t>(PQgetlength(res, row, col));
  switch (PQftype(res, col)) {
    case kInt8:
    case kInt4:
    case kInt2:
    case kOid: {
      int64_t v = 0;
      std::from_chars(text, text + len, v);
      return v;
    }
    case kBool:
      return int64_t{text[0] == 't'};
    case kFloat4:
    case kFloat8:
      return std::strtod(text, nullptr);
    case kNumeric: {
      std::string_view s(text, len);
      if (s.find_first_of(".eE") == std::string_view::npos) {
        int64_t v = 0;
        std::from_chars(text, text + len, v);
        return v;
      }
      return std::strtod(text, nullptr);
    }
    case kBytea: {
      // Text format is "\x" followed by hex.
      std::string_view hex(text, len);
      if (hex.starts_with("\\x")) hex.remove_prefix(2);
      auto bytes = HexDecode(hex);
      return Blob{bytes.ok() ? std::move(bytes.value()) : Bytes{}};
    }
    default:
      return std::string(text, len);
  }
}

}  // namespace

// libpq passes text parameters as C strings: a NUL would silently cut the value short.
static Status RejectNul(Params params) {
  for (const auto& p : params) {
    const auto* text = std::get_if<std::string>(&p);
    if (text && text->find('\0') != std::string::npos) {
      return ValidationError("text", "must not contain U+0000");
    }
  }
  return Ok();
}

std::string NumberPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

std::string PostgresDdl(std::string_view sqlite_ddl) {
  std::string s(sqlite_ddl);
  auto replace_all = [&s](std::string_view from, std::string_view to) {
    for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
      s.replace(pos, from.size(), to);
    }
  };
  replace_all(" WITHOUT ROWID", "");
  replace_all("BLOB", "BYTEA");
  replace_all("INTEGER", "BIGINT");
  replace_all(" REAL", " DOUBLE PRECISION");
  replace_all("x''", "'\\x'::bytea");
  // Byte order, as SQLite compares: ids, cursors and digests sort the same on both.
  replace_all(" TEXT", " TEXT COLLATE \"C\"");
  return s;
}

// One libpq connection with its prepared statements; used by one thread at a time.
class PgConnection final : public Tx {
 public:
  static Result<std::unique_ptr<PgConnection>> Open(const std::string& url) {
    PGconn* conn = PQconnectdb(url.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(conn);
      PQfinish(conn);
      while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
      return Error{ErrorCode::kUnavailable,
                   "cannot connect to PostgreSQL: " + msg,
                   {ErrorDetail{"db", "connection failed", std::nullopt}}};
    }
    auto c = std::unique_ptr<PgConnection>(new PgConnection(conn));
    // Notices (e.g. "table exists, skipping") are not errors; keep them off stderr.
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
    ACCORD_TRY(c->Simple(c->session_));
    return c;
  }

  // Adds a session setting, now and after every reconnect.
  Status Set(const std::string& setting) {
    session_ += "; SET " + setting;
    return Simple("SET " + setting);
  }

  ~PgConnection() override { PQfinish(conn_); }

  bool healthy() const { return PQstatus(conn_) == CONNECTION_OK; }

  // Re-establishes a dropped connection; prepared statements are gone with it.
  Status Reconnect() {
    if (pipelined_) {
      PQexitPipelineMode(conn_);
      pipelined_ = false;
      pending_ = 0;
      expected_.clear();
    }
    PQreset(conn_);
    prepared_.clear();
    if (!healthy()) {
      return Error{ErrorCode::kUnavailable, "the PostgreSQL connection was lost", {}};
    }
    return Simple(session_);
  }

  // Simple-query protocol: several ';'-separated statements, no parameters.
  Status Simple(const std::string& sql) {
    ACCORD_TRY(Flush());
    PGresult* res = PQexec(conn_, sql.c_str());
    Status s = Check(res, "sql");
    PQclear(res);
    return s;
  }

  Result<int64_t> Exec(std::string_view sql, Params params) override {
    PGresult* res = nullptr;
    ACCORD_TRY(Run(sql, params, &res));
    const char* tuples = PQcmdTuples(res);
    int64_t n = 0;
    if (tuples && *tuples) std::from_chars(tuples, tuples + std::strlen(tuples), n);
    PQclear(res);
    return n;
  }

  Result<std::vector<Row>> Query(std::string_view sql, Params params) override {
    PGresult* res = nullptr;
    ACCORD_TRY(Run(sql, params, &res));
    std::vector<Row> rows = Rows(res);
    PQclear(res);
    return rows;
  }

  // A cursor fetched in chunks: rows stream, and the callback may run other statements
  // on this connection (libpq allows only one result in flight).
  Status ForEach(std::string_view sql, Params params,
                 const std::function<bool(const Row&)>& fn) override {
    ACCORD_TRY(Flush());
    const std::string cursor = "accord_c" + std::to_string(++cursor_seq_);
    std::string declare = "DECLARE " + cursor + " NO SCROLL CURSOR FOR " + std::string(sql);
    PGresult* res = nullptr;
    ACCORD_TRY(Run(declare, params, &res, /*prepare=*/false));
    PQclear(res);
    const std::string fetch = "FETCH FORWARD 2000 FROM " + cursor;
    Status status;
    for (bool more = true; more && status.ok();) {
      res = nullptr;
      status = Flush();  // the callback may have queued statements
      if (status.ok()) status = Run(fetch, {}, &res, /*prepare=*/false);
      if (!status.ok()) break;
      std::vector<Row> rows = Rows(res);
      PQclear(res);
      more = rows.size() == 2000;
      for (const auto& row : rows) {
        if (!fn(row)) {
          more = false;
          break;
        }
      }
    }
    if (!status.ok()) (void)Flush();
    Status closed = Simple("CLOSE " + cursor);
    if (!status.ok()) return status;
    return closed;
  }

  // Pipelined: sent now, results read at Flush(). Bounded so neither side's socket
  // buffer can fill while the other waits.
  Status ExecDeferred(std::string_view sql, Params params) override {
    ACCORD_TRY(RejectNul(params));
    auto name = Prepared(sql, static_cast<int>(params.size()));
    if (!name.ok()) return std::move(name).error();
    if (!pipelined_) {
      if (PQenterPipelineMode(conn_) != 1) {
        return Error{ErrorCode::kUnavailable, "cannot enter pipeline mode", {}};
      }
      pipelined_ = true;
    }
    Bound bound(params);
    if (PQsendQueryPrepared(conn_, name->c_str(), static_cast<int>(params.size()),
                            bound.values.data(), bound.lengths.data(), bound.formats.data(),
                            0) != 1) {
      Status s = Error{ErrorCode::kUnavailable, PQerrorMessage(conn_), {}};
      (void)Flush();
      return s;
    }
    expected_.push_back(Expect::kResult);
    if (++pending_ >= kMaxPending) return Flush();
    return Ok();
  }

  // Sends the pipeline's statements so far with a sync point and returns without waiting for
  // their results: the next Flush reads them. For a read-only COMMIT, whose answer changes
  // nothing: the server ends the transaction (and releases its snapshot) at once, and the
  // reader does not wait a round trip for it.
  Status SendWithoutWaiting() {
    if (!pipelined_) return Ok();
    if (PQpipelineSync(conn_) != 1 || PQflush(conn_) != 0) {
      Status s = Error{ErrorCode::kUnavailable, PQerrorMessage(conn_), {}};
      (void)Flush();
      return s;
    }
    expected_.push_back(Expect::kSync);
    pending_ = 0;
    return Ok();
  }

  bool defers() const override { return true; }

  // Round trips the server has answered without error on this connection.
  uint64_t answered() const { return answered_; }

  Status Flush() override { return FlushKeepingLast(nullptr); }

 private:
  static constexpr int kMaxPending = 4096;

  // Parameters in libpq's form: text for numbers and strings, binary for bytea.
  struct Bound {
    explicit Bound(Params params)
        : text(params.size()),
          values(params.size()),
          lengths(params.size()),
          formats(params.size()) {
      for (size_t i = 0; i < params.size(); ++i) {
        std::visit(
            [&](const auto& v) {
              using T = std::decay_t<decltype(v)>;
              if constexpr (std::is_same_v<T, std::monostate>) {
                values[i] = nullptr;
              } else if constexpr (std::is_same_v<T, int64_t>) {
                text[i] = std::to_string(v);
                values[i] = text[i].c_str();
              } else if constexpr (std::is_same_v<T, double>) {
                char buf[32];
                std::snprintf(buf, sizeof buf, "%.17g", v);
                text[i] = buf;
                values[i] = text[i].c_str();
              } else if constexpr (std::is_same_v<T, std::string>) {
                values[i] = v.c_str();
              } else {
                // An empty vector's data() may be null, which libpq would send as NULL.
                values[i] = v.bytes.empty() ? "" : reinterpret_cast<const char*>(v.bytes.data());
                lengths[i] = static_cast<int>(v.bytes.size());
                formats[i] = 1;  // binary bytea
              }
            },
            params[i]);
      }
    }
    std::vector<std::string> text;
    std::vector<const char*> values;
    std::vector<int> lengths, formats;
  };

  // Reads every result the pipeline owes, in order, and leaves pipeline mode. With `last`,
  // the final statement's result is handed over instead of cleared. The first error wins: a
  // statement after a failed one is only aborted.
  Status FlushKeepingLast(PGresult** last) {
    if (!pipelined_) return Ok();
    Status first;
    if (expected_.empty() || expected_.back() != Expect::kSync) {
      if (PQpipelineSync(conn_) != 1)
        first = Error{ErrorCode::kUnavailable, PQerrorMessage(conn_), {}};
      expected_.push_back(Expect::kSync);
    }
    size_t last_result = expected_.size();
    for (size_t i = 0; i < expected_.size(); ++i) {
      if (expected_[i] == Expect::kResult) last_result = i;
    }
    for (size_t i = 0; i < expected_.size() && healthy(); ++i) {
      if (expected_[i] == Expect::kSync) {
        while (PGresult* r = PQgetResult(conn_)) {
          const bool sync = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
          PQclear(r);
          if (sync) break;
        }
        continue;
      }
      while (PGresult* r = PQgetResult(conn_)) {
        const ExecStatusType st = PQresultStatus(r);
        if (st == PGRES_FATAL_ERROR && first.ok()) first = Check(r, "statement");
        if (st == PGRES_PIPELINE_ABORTED && first.ok()) {
          first = Error{ErrorCode::kInternal, "statement: aborted by an earlier error", {}};
        }
        if (last && i == last_result && first.ok() && !*last) {
          *last = r;
        } else {
          PQclear(r);
        }
      }
    }
    expected_.clear();
    pipelined_ = false;
    pending_ = 0;
    PQexitPipelineMode(conn_);
    if (!healthy() && first.ok()) {
      first = Error{ErrorCode::kUnavailable, "the PostgreSQL connection was lost", {}};
    }
    if (!first.ok() && last && *last) {
      PQclear(*last);
      *last = nullptr;
    }
    if (first.ok()) ++answered_;
    return first;
  }

  // The prepared statement's name, preparing it (outside any pipeline) the first time.
  Result<std::string> Prepared(std::string_view sql, int n) {
    auto it = prepared_.find(sql);
    if (it != prepared_.end()) return it->second;
    ACCORD_TRY(Flush());
    std::string name = "accord_s" + std::to_string(prepared_.size() + 1);
    PGresult* p = PQprepare(conn_, name.c_str(), NumberPlaceholders(sql).c_str(), n, nullptr);
    Status s = Check(p, "prepare '" + std::string(sql) + "'");
    PQclear(p);
    if (!s.ok()) return std::move(s).error();
    prepared_.emplace(std::string(sql), name);
    return name;
  }

  explicit PgConnection(PGconn* conn) : conn_(conn) {}

  Status Check(PGresult* res, std::string_view what) {
    ExecStatusType st = PQresultStatus(res);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) return Ok();
    const char* sqlstate = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    std::string msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn_);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    ErrorCode code = healthy() ? CodeFor(sqlstate) : ErrorCode::kUnavailable;
    return Error{code, std::string(what) + ": " + msg, {}};
  }

  Status Run(std::string_view sql, Params params, PGresult** out, bool prepare = true) {
    ACCORD_TRY(RejectNul(params));
    // Statements already in the pipeline (a read's BEGIN, the last read's COMMIT) travel in
    // the same round trip as this one.
    if (prepare && pipelined_ && pending_ + 1 < kMaxPending && prepared_.contains(sql)) {
      ACCORD_TRY(ExecDeferred(sql, params));
      PGresult* res = nullptr;
      ACCORD_TRY(FlushKeepingLast(&res));
      if (!res) return Internal("query: no result");
      *out = res;
      return Ok();
    }
    ACCORD_TRY(Flush());
    Bound bound(params);
    const int n = static_cast<int>(params.size());
    PGresult* res;
    if (prepare) {
      auto name = Prepared(sql, n);
      if (!name.ok()) return std::move(name).error();
      res = PQexecPrepared(conn_, name->c_str(), n, bound.values.data(), bound.lengths.data(),
                           bound.formats.data(), 0);
    } else {
      res = PQexecParams(conn_, NumberPlaceholders(sql).c_str(), n, nullptr, bound.values.data(),
                         bound.lengths.data(), bound.formats.data(), 0);
    }
    Status s = Check(res, "query");
    if (!s.ok()) {
      PQclear(res);
      return s;
    }
    ++answered_;
    *out = res;
    return Ok();
  }

  static std::vector<Row> Rows(PGresult* res) {
    const int n = PQntuples(res), cols = PQnfields(res);
    std::vector<Row> rows;
    rows.reserve(n);
    for (int r = 0; r < n; ++r) {
      std::vector<Value> values;
      values.reserve(cols);
      for (int c = 0; c < cols; ++c) values.push_back(Cell(res, r, c));
      rows.emplace_back(std::move(values));
    }
    return rows;
  }

  struct SqlHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  PGconn* conn_;
  std::unordered_map<std::string, std::string, SqlHash, std::equal_to<>> prepared_;
  std::string session_ = "SET client_min_messages = warning";
  uint64_t cursor_seq_ = 0;
  uint64_t answered_ = 0;
  bool pipelined_ = false;
  int pending_ = 0;  // statements sent since the last sync point (bounds the pipeline)
  // What the pipeline owes, in order: one result per statement, one per sync point.
  enum class Expect { kResult, kSync };
  std::vector<Expect> expected_;
};

PostgresStore::PostgresStore(std::string url, int max_readers)
    : url_(std::move(url)), max_readers_(max_readers) {}

PostgresStore::~PostgresStore() = default;

Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& url,
                                                           const StoreOptions& options) {
  auto store = std::unique_ptr<PostgresStore>(new PostgresStore(url, options.read_connections));
  auto writer = PgConnection::Open(url);
  if (!writer.ok()) return std::move(writer).error();
  // A prepared statement's generic plan, made while a table was small, stays in use while one
  // transaction grows it (no ANALYZE runs inside): an import of 100,000 parties then scanned
  // rm_objects once per party. The writer plans each statement for the table as it is.
  ACCORD_TRY((*writer)->Set("plan_cache_mode = force_custom_plan"));
  store->writer_ = std::move(writer.value());
  return store;
}

namespace {

// Runs fn between `begin` and COMMIT on a healthy connection; ROLLBACK on failure.
Status InTransaction(PgConnection& conn, const char* begin, const char* lock,
                     const std::function<Status(Tx&)>& fn) {
  if (!conn.healthy()) ACCORD_TRY(conn.Reconnect());
  Status begun = conn.Simple(begin);
  if (!begun.ok() && !conn.healthy()) {
    // The server dropped an idle connection (restart, failover): nothing ran yet, so
    // reconnecting and starting again is safe.
    ACCORD_TRY(conn.Reconnect());
    begun = conn.Simple(begin);
  }
  ACCORD_TRY(begun);
  Status result = lock ? conn.Simple(lock) : Ok();
  if (result.ok()) {
    try {
      result = fn(conn);
    } catch (const std::exception& e) {
      result = Internal(std::string("transaction aborted: ") + e.what());
    }
  }
  if (result.ok()) {
    result = conn.Simple("COMMIT");
    if (result.ok()) return result;
  }
  if (conn.healthy()) (void)conn.Simple("ROLLBACK");
  return result;
}

}  // namespace

Status PostgresStore::Write(const std::function<Status(Tx&)>& fn) {
  std::lock_guard lock(write_mu_);
  return InTransaction(*writer_, "BEGIN", kWriterLock, fn);
}

Result<std::unique_ptr<PgConnection>> PostgresStore::Acquire() {
  {
    std::lock_guard lock(readers_mu_);
    while (!readers_.empty()) {
      auto conn = std::move(readers_.back());
      readers_.pop_back();
      if (conn->healthy()) return conn;
    }
  }
  auto conn = PgConnection::Open(url_);
  if (!conn.ok()) return conn;
  // Reads run in read-only transactions; a statement sent alone (QueryAlone) gets the same
  // guard from the session.
  ACCORD_TRY((*conn)->Set("default_transaction_read_only = on"));
  return conn;
}

void PostgresStore::Release(std::unique_ptr<PgConnection> conn) {
  std::lock_guard lock(readers_mu_);
  if (conn->healthy() && static_cast<int>(readers_.size()) < max_readers_) {
    readers_.push_back(std::move(conn));
  }
}

namespace {

constexpr const char* kReadBegin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

// One round trip per read where there were three: BEGIN waits in the pipeline and goes out
// with the first statement, and the COMMIT is sent without waiting for its answer (read with
// the next use of the connection). An idle pooled connection the server dropped shows only
// when the first statement fails; nothing has been read yet then, so the read runs again
// on a fresh connection.
Status InReadTransaction(PgConnection& conn, const std::function<Status(Tx&)>& fn) {
  for (int attempt = 0;; ++attempt) {
    if (!conn.healthy()) ACCORD_TRY(conn.Reconnect());
    const uint64_t answered = conn.answered();
    Status result = conn.ExecDeferred(kReadBegin, {});
    if (result.ok()) {
      try {
        result = fn(conn);
      } catch (const std::exception& e) {
        result = Internal(std::string("read aborted: ") + e.what());
      }
    }
    if (result.ok()) result = conn.ExecDeferred("COMMIT", {});
    if (result.ok()) return conn.SendWithoutWaiting();
    const bool nothing_read = conn.answered() == answered;
    if (!conn.healthy() && nothing_read && attempt == 0) continue;
    // A read that failed (often a plain 404) ends the same way, without waiting.
    if (conn.healthy() && conn.ExecDeferred("ROLLBACK", {}).ok()) (void)conn.SendWithoutWaiting();
    return result;
  }
}

}  // namespace

Status PostgresStore::Read(const std::function<Status(Tx&)>& fn) {
  auto conn = Acquire();
  if (!conn.ok()) return std::move(conn).error();
  Status s = InReadTransaction(**conn, fn);
  Release(std::move(conn.value()));
  return s;
}

// No BEGIN, no COMMIT: the statement is its own (implicit) transaction, ended by the sync
// point that follows it, so the server's process is woken once per read instead of twice.
// A pooled connection the server dropped shows as a failed statement that read nothing;
// it runs again, once, on a fresh connection.
Result<std::vector<Row>> PostgresStore::QueryAlone(std::string_view sql, Params params) {
  auto conn = Acquire();
  if (!conn.ok()) return std::move(conn).error();
  PgConnection& c = **conn;
  Result<std::vector<Row>> rows = Internal("unreachable");
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!c.healthy()) {
      Status s = c.Reconnect();
      if (!s.ok()) {
        rows = std::move(s).error();
        break;
      }
    }
    const uint64_t answered = c.answered();
    rows = c.Query(sql, params);
    if (rows.ok() || c.healthy() || c.answered() != answered) break;
  }
  Release(std::move(conn.value()));
  return rows;
}

Status PostgresStore::Migrate(std::span<const Migration> migrations) {
  return Write([&](Tx& tx) -> Status {
    auto& conn = static_cast<PgConnection&>(tx);
    ACCORD_TRY(
        conn.Simple("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, "
                    "name TEXT NOT NULL)"));
    return ApplyMigrations(tx, migrations, [&](const Migration& m) {
      return conn.Simple(m.postgres_sql.empty() ? PostgresDdl(m.sqlite_sql) : m.postgres_sql);
    });
  });
}

}  // namespace accord::storage
