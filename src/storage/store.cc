#include "accord/storage/store.h"

#include "accord/storage/one_statement.h"
#include "accord/storage/postgres/postgres_store.h"
#include "accord/storage/sqlite/sqlite_store.h"

#include <set>

namespace accord::storage {

int64_t Row::Int(size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* n = std::get_if<int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
  return 0;
}

double Row::Real(size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<int64_t>(&v)) return static_cast<double>(*n);
  return 0;
}

const std::string& Row::Text(size_t i) const {
  static const std::string kEmpty;
  const auto* s = std::get_if<std::string>(&values_.at(i));
  return s ? *s : kEmpty;
}

const Bytes& Row::BlobAt(size_t i) const {
  static const Bytes kEmpty;
  const auto* b = std::get_if<Blob>(&values_.at(i));
  return b ? b->bytes : kEmpty;
}

Result<std::optional<Row>> Tx::QueryOne(std::string_view sql, std::initializer_list<Value> params) {
  auto rows = Query(sql, Params(params.begin(), params.size()));
  if (!rows.ok()) return std::move(rows).error();
  if (rows->empty()) return std::optional<Row>();
  if (rows->size() > 1) return Internal("expected at most one row from: " + std::string(sql));
  return std::optional<Row>(std::move(rows->front()));
}

Status Tx::StreamBlob(std::string_view table, std::string_view column, std::string_view key_column,
                      const Value& key, int64_t size, const BlobSource& read) {
  Blob blob;
  blob.bytes.resize(static_cast<size_t>(size));
  size_t filled = 0;
  while (filled < blob.bytes.size()) {
    auto n = read(std::span<uint8_t>(blob.bytes).subspan(filled));
    if (!n.ok()) return std::move(n).error();
    if (*n == 0) break;
    filled += *n;
  }
  if (filled != blob.bytes.size()) {
    return Internal("a large value ended after " + std::to_string(filled) + " of " +
                    std::to_string(size) + " bytes");
  }
  std::string sql = "UPDATE " + std::string(table) + " SET " + std::string(column) + " = ? WHERE " +
                    std::string(key_column) + " = ?";
  auto changed = Exec(sql, {Value(std::move(blob)), key});
  if (!changed.ok()) return std::move(changed).error();
  if (*changed != 1) return Internal("no " + std::string(table) + " row to fill");
  return Ok();
}

Status ApplyMigrations(Tx& tx, std::span<const Migration> migrations,
                       const std::function<Status(const Migration&)>& run) {
  // Every version not yet applied runs, not only those above the highest: work of one batch
  // lands in any order (18 may reach a database before 16), and each migration stands alone.
  std::set<int64_t> applied;
  ACCORD_TRY(tx.ForEach("SELECT version FROM schema_migrations", {}, [&](const Row& r) {
    applied.insert(r.Int(0));
    return true;
  }));
  for (const auto& m : migrations) {
    if (applied.contains(m.version)) continue;
    if (auto s = run(m); !s.ok()) {
      return Internal("migration " + std::to_string(m.version) + " (" + m.name +
                      ") failed: " + s.error().message);
    }
    ACCORD_TRY(tx.Exec("INSERT INTO schema_migrations(version, name) VALUES (?, ?)",
                       {int64_t{m.version}, m.name}));
  }
  return Ok();
}

std::string DefaultDatabaseUrl(const std::filesystem::path& data_dir) {
  return "sqlite://" +
         std::filesystem::absolute(data_dir / "accord.db").lexically_normal().string();
}

Result<std::unique_ptr<Store>> OpenStore(const StoreOptions& options) {
  const std::string& url = options.url;
  if (url.starts_with("sqlite://")) {
    std::string path = url.substr(std::string_view("sqlite://").size());
    if (path.empty())
      return ValidationError("db", "sqlite URL needs a path: sqlite:///DIR/accord.db");
    auto store = SqliteStore::Open(path, options);
    if (!store.ok()) return std::move(store).error();
    return std::unique_ptr<Store>(std::move(store.value()));
  }
  if (url.starts_with("postgres://") || url.starts_with("postgresql://")) {
    auto store = PostgresStore::Open(url, options);
    if (!store.ok()) return std::move(store).error();
    return std::unique_ptr<Store>(std::move(store.value()));
  }
  return ValidationError("db", "unsupported database URL '" + url +
                                   "': use sqlite:///PATH or postgres://user@host:port/db");
}

Result<std::vector<Row>> ReadOneStatement(Store& store, std::string_view sql, Params params) {
  if (auto* pg = dynamic_cast<PostgresStore*>(&store)) return pg->QueryAlone(sql, params);
  std::vector<Row> rows;
  Status s = store.Read([&](Tx& tx) -> Status {
    auto r = tx.Query(sql, params);
    if (!r.ok()) return std::move(r).error();
    rows = std::move(*r);
    return Ok();
  });
  if (!s.ok()) return std::move(s).error();
  return rows;
}

}  // namespace accord::storage
