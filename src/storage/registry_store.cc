#include "accord/storage/registry_store.h"

#include <algorithm>
#include <boost/json.hpp>

#include "accord/domain/fields.h"
#include "accord/domain/registry.h"

namespace accord::storage {

namespace json = boost::json;

namespace {

constexpr const char* kColumns = "o.id, o.party_id, o.parent_id, o.from_idx, o.doc";

Result<StoredObject> FromRow(const Row& r) {
  StoredObject o{r.Text(0), r.Text(1), r.Text(2), r.Int(3), {}};
  boost::system::error_code ec;
  json::value v = json::parse(r.Text(4), ec);
  if (ec || !v.is_object()) return Internal("rm_objects holds a malformed document for " + o.id);
  o.doc = std::move(v.as_object());
  return o;
}

// The version visible at ledger size as_of (or the current one), as SQL + params.
void AppendVisibility(std::string& sql, std::vector<Value>& params, std::optional<int64_t> as_of) {
  if (as_of) {
    sql += " AND o.from_idx < ? AND o.to_idx >= ?";
    params.emplace_back(*as_of);
    params.emplace_back(*as_of);
  } else {
    sql += " AND o.to_idx = ?";
    params.emplace_back(kOpenVersion);
  }
}

void AppendScope(std::string& sql, std::vector<Value>& params, const Scope& scope) {
  if (scope.org_wide()) return;
  sql += " AND o.party_id = ?";
  params.emplace_back(scope.party_id);
}

// Does every word of the query start some word of the name? (rm_words holds the words of
// every version ever, so a renamed object must be checked against the version shown.)
bool NameMatches(const json::object& doc, std::string_view name_field,
                 const std::vector<std::string>& q_words) {
  auto words = domain::NameWords(domain::StateString(doc, name_field));
  for (const auto& q : q_words) {
    bool found = false;
    for (const auto& w : words) found = found || w.starts_with(q);
    if (!found) return false;
  }
  return true;
}

// Query words ordered by how few names they start (counted up to a cap, so the count
// stays cheap), then by length: the first drives the search.
Result<std::vector<std::string>> ByRarity(Tx& tx, const std::string& kind,
                                          std::vector<std::string> words) {
  constexpr int64_t kCap = 256;
  std::vector<std::pair<int64_t, std::string>> counted;
  for (auto& w : words) {
    if (counted.size() == 4) {  // the SQL uses four words; more are only checked on the name
      counted.emplace_back(kCap + 1, std::move(w));
      continue;
    }
    auto n = tx.QueryOne(
        "SELECT COUNT(*) FROM (SELECT 1 FROM rm_words WHERE kind = ? AND prefix = ? LIMIT ?) "
        "AS m",
        {kind, domain::IndexedPrefix(w), kCap});
    if (!n.ok()) return std::move(n).error();
    counted.emplace_back((*n)->Int(0), std::move(w));
  }
  std::sort(counted.begin(), counted.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second.size() > b.second.size();
  });
  std::vector<std::string> out;
  for (auto& [n, w] : counted) out.push_back(std::move(w));
  return out;
}

}  // namespace

Result<std::optional<StoredObject>> GetObject(Tx& tx, std::string_view kind, std::string_view id,
                                              const Scope& scope, std::optional<int64_t> as_of) {
  std::string sql =
      std::string("SELECT ") + kColumns + " FROM rm_objects o WHERE o.kind = ? " + "AND o.id = ?";
  std::vector<Value> params{std::string(kind), std::string(id)};
  AppendVisibility(sql, params, as_of);
  AppendScope(sql, params, scope);
  auto rows = tx.Query(sql, params);
  if (!rows.ok()) return std::move(rows).error();
  if (rows->empty()) return std::optional<StoredObject>();
  auto o = FromRow(rows->front());
  if (!o.ok()) return std::move(o).error();
  return std::optional<StoredObject>(std::move(*o));
}

Result<ObjectPage> ListObjects(Tx& tx, const ListQuery& query, const Scope& scope) {
  const domain::KindSpec* spec = domain::FindKind(query.kind);
  if (!spec) return Internal("unknown registry kind " + query.kind);
  std::vector<std::string> q_words;
  for (const auto& w : domain::NameWords(query.q)) q_words.push_back(w);
  if (!query.q.empty() && q_words.empty()) return ObjectPage{};  // only punctuation
  // A search is driven by the rarest word's prefix rows, which come in id order; every
  // other word must have its prefix row too.
  if (q_words.size() > 1) {
    auto ordered = ByRarity(tx, query.kind, std::move(q_words));
    if (!ordered.ok()) return std::move(ordered).error();
    q_words = std::move(*ordered);
  }
  std::string sql = std::string("SELECT ") + kColumns + " FROM ";
  std::vector<Value> params;
  std::string id_column = "o.id";
  if (q_words.empty()) {
    sql += "rm_objects o WHERE o.kind = ?";
    params.emplace_back(query.kind);
  } else {
    sql +=
        "rm_words w JOIN rm_objects o ON o.kind = w.kind AND o.id = w.id "
        "WHERE w.kind = ? AND w.prefix = ?";
    params.emplace_back(query.kind);
    params.emplace_back(domain::IndexedPrefix(q_words.front()));
    id_column = "w.id";
    for (size_t i = 1; i < q_words.size() && i < 4; ++i) {
      sql +=
          " AND EXISTS (SELECT 1 FROM rm_words x WHERE x.kind = o.kind AND x.prefix = ? "
          "AND x.id = w.id)";
      params.emplace_back(domain::IndexedPrefix(q_words[i]));
    }
  }
  AppendVisibility(sql, params, query.as_of);
  AppendScope(sql, params, scope);
  auto filter = [&](const char* column, const std::string& value) {
    if (value.empty()) return;
    sql += std::string(" AND o.") + column + " = ?";
    params.emplace_back(value);
  };
  filter("party_id", query.party_id);
  filter("parent_id", query.parent_id);
  filter("tag", query.tag);
  filter("status", query.status);
  if (!query.due_after.empty() || !query.due_before.empty() || !query.overdue_at.empty()) {
    sql += " AND EXISTS (SELECT 1 FROM rm_reviews r WHERE r.id = o.id";
    if (!query.due_after.empty()) {
      sql += " AND r.due_at >= ?";
      params.emplace_back(query.due_after);
    }
    if (!query.due_before.empty()) {
      sql += " AND r.due_at < ?";
      params.emplace_back(query.due_before);
    }
    if (!query.overdue_at.empty()) {
      sql += " AND r.is_open = 1 AND r.due_at < ?";
      params.emplace_back(query.overdue_at);
    }
    sql += ")";
  }
  if (!query.agreement_type.empty()) {
    // A live agreement of the type, in a status; as of the same ledger position as the list.
    auto agreement = [&](const char* status) {
      std::string sub =
          "SELECT 1 FROM rm_objects a WHERE a.kind = 'agreement' AND a.party_id = o.id AND "
          "a.tag = ? AND a.status = ?";
      params.emplace_back(query.agreement_type);
      params.emplace_back(std::string(status));
      if (query.as_of) {
        sub += " AND a.from_idx < ? AND a.to_idx >= ?";
        params.emplace_back(*query.as_of);
        params.emplace_back(*query.as_of);
      } else {
        sub += " AND a.to_idx = ?";
        params.emplace_back(kOpenVersion);
      }
      return sub;
    };
    if (query.agreement_state == "in_force") {
      sql += " AND EXISTS (" + agreement("executed") + ")";
    } else if (query.agreement_state == "expired") {
      sql += " AND EXISTS (" + agreement("expired") + ")";
      sql += " AND NOT EXISTS (" + agreement("executed") + ")";
    } else {
      sql += " AND NOT EXISTS (" + agreement("executed") + ")";
    }
  }
  const char* direction = query.newest_first ? " DESC" : "";
  if (query.by_due) {
    sql += " AND EXISTS (SELECT 1 FROM rm_reviews d WHERE d.id = o.id)";
  }
  if (!query.after_id.empty() && query.by_due) {
    // "due_at|id": after that review in (due_at, id) order.
    size_t bar = query.after_id.find('|');
    std::string due = query.after_id.substr(0, bar);
    std::string id = bar == std::string::npos ? "" : query.after_id.substr(bar + 1);
    sql +=
        " AND EXISTS (SELECT 1 FROM rm_reviews d WHERE d.id = o.id AND (d.due_at > ? OR "
        "(d.due_at = ? AND o.id > ?)))";
    params.emplace_back(due);
    params.emplace_back(due);
    params.emplace_back(id);
  } else if (!query.after_id.empty()) {
    sql += " AND " + id_column + (query.newest_first ? " < ?" : " > ?");
    params.emplace_back(query.after_id);
  }
  // Stale matches (a word of an older name) are dropped below, so no LIMIT with a search, nor
  // with a filter on the stored state.
  if (query.by_due) {
    sql += " ORDER BY (SELECT d.due_at FROM rm_reviews d WHERE d.id = o.id), o.id";
  } else {
    sql += " ORDER BY " + id_column + direction;
  }
  if (q_words.empty() && query.state_equals.empty()) {
    sql += " LIMIT ?";
    params.emplace_back(static_cast<int64_t>(query.limit + 1));
  }
  ObjectPage page;
  Status error = Ok();
  bool more = false;
  Status s = tx.ForEach(sql, params, [&](const Row& r) {
    auto o = FromRow(r);
    if (!o.ok()) {
      error = std::move(o).error();
      return false;
    }
    if (!q_words.empty() && !NameMatches(o->doc, spec->name_field, q_words)) return true;
    for (const auto& [field, value] : query.state_equals) {
      if (domain::StateString(o->doc, field) != value) return true;
    }
    if (page.items.size() == query.limit) {
      more = true;
      return false;
    }
    page.items.push_back(std::move(*o));
    return true;
  });
  if (!s.ok()) return std::move(s).error();
  if (!error.ok()) return std::move(error).error();
  if (more) {
    const StoredObject& last = page.items.back();
    page.next_after =
        query.by_due ? domain::StateString(last.doc, "due_at") + "|" + last.id : last.id;
  }
  return page;
}

Result<std::optional<std::string>> FindLiveByName(Tx& tx, std::string_view kind,
                                                  std::string_view name,
                                                  std::string_view except_id) {
  auto rows = tx.Query(
      "SELECT id FROM rm_objects WHERE kind = ? AND name_lc = ? AND to_idx = ? AND id <> ?",
      {std::string(kind), domain::Lowercase(name), kOpenVersion, std::string(except_id)});
  if (!rows.ok()) return std::move(rows).error();
  if (rows->empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows->front().Text(0));
}

Result<std::vector<StoredObject>> LiveChildren(Tx& tx, std::string_view kind,
                                               std::string_view parent_column,
                                               std::string_view parent_id) {
  std::string column = parent_column == "party_id" ? "party_id" : "parent_id";
  std::string sql = std::string("SELECT ") + kColumns + " FROM rm_objects o WHERE o." + column +
                    " = ? AND o.kind = ? AND o.to_idx = ? ORDER BY o.id";
  std::vector<StoredObject> out;
  Status error = Ok();
  Status s =
      tx.ForEach(sql, {std::string(parent_id), std::string(kind), kOpenVersion}, [&](const Row& r) {
        auto o = FromRow(r);
        if (!o.ok()) {
          error = std::move(o).error();
          return false;
        }
        out.push_back(std::move(*o));
        return true;
      });
  if (!s.ok()) return std::move(s).error();
  if (!error.ok()) return std::move(error).error();
  return out;
}

}  // namespace accord::storage
