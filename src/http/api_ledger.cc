// Read access to the ledger: entries, roots, proofs and the latest signed checkpoint,
// all that an auditor needs to verify the history instead of trusting it.
#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <memory>

#include "accord/core/bytes.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/schema.h"
#include "accord/ledger/merkle.h"
#include "accord/storage/ledger_search.h"
#include "accord/storage/ledger_tables.h"
#include "accord/storage/one_statement.h"
#include "ledger_audit_http.h"

namespace accord::http {

namespace json = boost::json;

namespace {

json::array HashArray(const std::vector<Hash>& hashes) {
  json::array out;
  out.reserve(hashes.size());
  for (const auto& h : hashes) out.emplace_back(Base64Encode(h));
  return out;
}

// Runs `fn` on a snapshot after checking `size` does not exceed the ledger.
Result<json::value> WithSize(storage::Store& store, uint64_t size, std::string_view field,
                             const std::function<Result<json::value>(storage::Tx&)>& fn) {
  Result<json::value> out = Internal("unreachable");
  Status s = store.Read([&](storage::Tx& tx) -> Status {
    auto head = storage::ReadHead(tx);
    if (!head.ok()) return std::move(head).error();
    if (size > head->size()) {
      return ValidationError(std::string(field),
                             "must be at most the ledger size " + std::to_string(head->size()));
    }
    out = fn(tx);
    return Ok();
  });
  if (!s.ok()) return std::move(s).error();
  return out;
}

json::object Schema(std::initializer_list<std::pair<std::string, std::string>> fields) {
  json::object props;
  json::array required;
  for (const auto& [name, type] : fields) {
    if (type == "string[]") {
      props[name] = json::object{{"type", "array"}, {"items", json::object{{"type", "string"}}}};
    } else {
      props[name] = json::object{{"type", type}};
    }
    required.emplace_back(name);
  }
  return json::object{{"type", "object"}, {"properties", props}, {"required", required}};
}

Response Checkpoint(ApiDeps& deps, Context&) {
  Result<json::value> out = NotFound("no checkpoint has been written yet");
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto cp = storage::LatestCheckpoint(tx);
    if (!cp.ok()) return std::move(cp).error();
    if (cp->has_value()) {
      out = json::value(json::object{{"origin", deps.origin},
                                     {"size", (*cp)->size},
                                     {"root_hash", Base64Encode((*cp)->root)},
                                     {"note", (*cp)->note}});
    }
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return ToResponse(out);
}

// The entries of one page, in the order asked: without filters a plain range of the leaves,
// with filters through the audit log's indexes (storage/ledger_search.h).
Result<storage::LedgerPage> EntriesPage(storage::Tx& tx, const ledger_audit::EntriesQuery& q,
                                        uint64_t cursor, uint64_t size, uint64_t limit) {
  if (!q.filter.Empty()) {
    return storage::SearchLedger(tx, q.filter, q.newest_first, cursor, size, limit);
  }
  storage::LedgerPage page;
  if (q.newest_first) {
    const uint64_t low = cursor > limit ? cursor - limit : 0;
    for (uint64_t i = cursor; i > low; --i) page.indices.push_back(i - 1);
    if (low > 0) page.next = low;
  } else {
    const uint64_t high = std::min(size, cursor + limit);
    for (uint64_t i = cursor; i < high; ++i) page.indices.push_back(i);
    if (high < size) page.next = high;
  }
  return page;
}

// Reads the page's entries with their names; calls `each` with every entry's JSON.
Status ReadEntries(storage::Tx& tx, const std::vector<uint64_t>& indices,
                   storage::LedgerNames& names, const std::function<void(json::object)>& each) {
  const bool ascending_run = !indices.empty() && indices.back() >= indices.front() &&
                             indices.back() - indices.front() + 1 == indices.size();
  std::vector<storage::LeafRecord> leaves;
  if (ascending_run) {
    auto run = storage::ReadLeaves(tx, indices.front(), indices.size());
    if (!run.ok()) return std::move(run).error();
    leaves = std::move(*run);
  } else {
    for (uint64_t i : indices) {
      auto leaf = storage::ReadLeaf(tx, i);
      if (!leaf.ok()) return std::move(leaf).error();
      leaves.push_back(std::move(*leaf));
    }
  }
  for (const auto& leaf : leaves) {
    auto entry = ledger_audit::EntryJson(tx, names, leaf);
    if (!entry.ok()) return std::move(entry).error();
    each(std::move(*entry));
  }
  return Ok();
}

// The cursor of a request, checked against the ledger's size.
Result<uint64_t> CursorOf(const ledger_audit::EntriesQuery& q, uint64_t size) {
  const uint64_t cursor = q.cursor.value_or(q.newest_first ? size : 0);
  if (cursor > size) {
    return ValidationError(q.newest_first ? "before" : "from",
                           "must be at most the ledger size " + std::to_string(size));
  }
  return cursor;
}

// Accept: text/csv: every entry the filters match from the cursor on, in the order asked, up
// to 100,000 lines (a page of a thousand at a time).
Response EntriesCsv(ApiDeps& deps, const ledger_audit::EntriesQuery& q) {
  std::string csv = ledger_audit::CsvHeader();
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto head = storage::ReadHead(tx);
    if (!head.ok()) return std::move(head).error();
    auto cursor = CursorOf(q, head->size());
    if (!cursor.ok()) return std::move(cursor).error();
    storage::LedgerNames names(tx);
    std::optional<uint64_t> next = *cursor;
    for (int chunk = 0; chunk < 100 && next; ++chunk) {
      auto page = EntriesPage(tx, q, *next, head->size(), 1000);
      if (!page.ok()) return std::move(page).error();
      ACCORD_TRY(ReadEntries(tx, page->indices, names,
                             [&](json::object e) { ledger_audit::AppendCsv(csv, e); }));
      next = page->next;
    }
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  Response r = TextResponse(std::move(csv), "text/csv; charset=utf-8");
  r.headers.push_back({"Content-Disposition", "attachment; filename=\"ledger.csv\""});
  return r;
}

Response Entries(ApiDeps& deps, Context& ctx) {
  auto q = ledger_audit::ParseEntriesQuery(ctx);
  if (!q.ok()) return ErrorResponse(q.error());
  if (q->csv) return EntriesCsv(deps, *q);
  json::array items;
  uint64_t size = 0;
  std::optional<uint64_t> next;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto head = storage::ReadHead(tx);
    if (!head.ok()) return std::move(head).error();
    // Only what the head covers: an entry being appended now is not yet in the tree.
    size = head->size();
    auto cursor = CursorOf(*q, size);
    if (!cursor.ok()) return std::move(cursor).error();
    auto page = EntriesPage(tx, *q, *cursor, size, q->limit);
    if (!page.ok()) return std::move(page).error();
    next = page->next;
    storage::LedgerNames names(tx);
    return ReadEntries(tx, page->indices, names,
                       [&](json::object e) { items.push_back(std::move(e)); });
  });
  if (!s.ok()) return ErrorResponse(s.error());
  auto cursor = [&](bool newest) {
    return next && q->newest_first == newest ? json::value(*next) : json::value(nullptr);
  };
  return JsonResponse(json::object{{"items", std::move(items)},
                                   {"size", size},
                                   {"next_from", cursor(false)},
                                   {"next_before", cursor(true)}});
}

// The one-entry route's state: names kept between reads while the ledger has not grown.
struct EntryReads {
  ApiDeps& deps;
  storage::LedgerNameCache names;
};

// The entry, its party and the ledger's size, in one statement.
constexpr std::string_view kEntrySql =
    "SELECT l.leaf, l.leaf_hash, e.party_id, h.size FROM ledger_head h "
    "JOIN ledger_leaves l ON l.idx = ? LEFT JOIN rm_ledger_events e ON e.idx = l.idx "
    "WHERE h.id = 1";

// The entry's JSON from kEntrySql's row; names the shared cache lacks are read on `tx`.
Result<json::object> EntryFromRow(storage::Tx& tx, EntryReads& reads, uint64_t index,
                                  const storage::Row& r) {
  const Bytes& leaf_bytes = r.BlobAt(0);
  const Bytes& hash_bytes = r.BlobAt(1);
  if (hash_bytes.size() != 32) return Internal("leaf_hash is not a 32-byte hash");
  storage::LeafRecord leaf{index, std::string(leaf_bytes.begin(), leaf_bytes.end()), {}};
  std::copy(hash_bytes.begin(), hash_bytes.end(), leaf.leaf_hash.begin());
  const std::string party = r.IsNull(2) ? "" : r.Text(2);
  storage::LedgerNames names(tx, reads.names, static_cast<uint64_t>(r.Int(3)));
  return ledger_audit::EntryJson(tx, names, leaf, &party);
}

// A transaction that runs no statement: the fast path's names must all be known already.
class NoStatements final : public storage::Tx {
 public:
  Result<int64_t> Exec(std::string_view, storage::Params) override { return Missing(); }
  Result<std::vector<storage::Row>> Query(std::string_view, storage::Params) override {
    return Missing();
  }
  Status ForEach(std::string_view, storage::Params,
                 const std::function<bool(const storage::Row&)>&) override {
    return Missing();
  }

 private:
  static Error Missing() { return Error{ErrorCode::kNotFound, "a name not read yet", {}}; }
};

// Usually one statement sent alone (no BEGIN, no COMMIT: on PostgreSQL one message and one
// answer), its names from the last reads at the ledger size it read. The first read of a name
// at a new size reads again, entry and names on one snapshot, and keeps the names.
Response Entry(EntryReads& reads, Context& ctx) {
  auto index = ParseUint(ctx.path_params["index"], "index");
  if (!index.ok()) return ErrorResponse(index.error());
  const std::array<storage::Value, 1> params{
      static_cast<int64_t>(std::min<uint64_t>(*index, INT64_MAX))};
  auto not_found = [&] { return NotFound("no ledger entry at index " + std::to_string(*index)); };
  auto rows = storage::ReadOneStatement(reads.deps.store, kEntrySql, params);
  if (!rows.ok()) return ErrorResponse(rows.error());
  if (rows->empty()) return ErrorResponse(not_found());
  NoStatements none;
  if (auto fast = EntryFromRow(none, reads, *index, rows->front()); fast.ok()) {
    return JsonResponse(json::value(std::move(*fast)));
  }
  Result<json::value> out = Internal("unreachable");
  Status s = reads.deps.store.Read([&](storage::Tx& tx) -> Status {
    auto row = tx.QueryOne(kEntrySql, {params[0]});
    if (!row.ok()) return std::move(row).error();
    if (!row->has_value()) {
      out = not_found();
      return Ok();
    }
    auto entry = EntryFromRow(tx, reads, *index, **row);
    if (!entry.ok()) return std::move(entry).error();
    out = json::value(std::move(*entry));
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return ToResponse(out);
}

// Stored checkpoints, largest first: what the portal offers for a consistency proof.
Response Checkpoints(ApiDeps& deps, Context& ctx) {
  auto page = ParsePage(ctx);
  if (!page.ok()) return ErrorResponse(page.error());
  if (page->after_id) {
    return ErrorResponse(ValidationError("cursor", "is not a cursor this server issued"));
  }
  json::array items;
  json::value next = nullptr;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    const uint64_t below = page->after ? static_cast<uint64_t>(*page->after) : UINT64_MAX;
    auto cps = storage::ListCheckpoints(tx, below, page->limit + 1);
    if (!cps.ok()) return std::move(cps).error();
    for (size_t i = 0; i < cps->size() && i < page->limit; ++i) {
      const auto& cp = (*cps)[i];
      items.push_back(json::object{{"size", cp.size},
                                   {"root_hash", Base64Encode(cp.root)},
                                   {"created_at", cp.created_at},
                                   {"note", cp.note}});
    }
    if (cps->size() > page->limit) {
      next = json::value(EncodeCursor(static_cast<int64_t>((*cps)[page->limit - 1].size)));
    }
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(json::object{{"items", std::move(items)}, {"next_cursor", next}});
}

// What the audit log can be filtered by: the event types and the actors the ledger holds.
Response Facets(ApiDeps& deps, Context&) {
  json::array types, actors;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto t = storage::LedgerEventTypes(tx);
    if (!t.ok()) return std::move(t).error();
    for (const auto& type : *t) types.push_back(json::object{{"type", type}});
    auto a = storage::LedgerActors(tx);
    if (!a.ok()) return std::move(a).error();
    storage::LedgerNames names(tx);
    for (const auto& id : *a) {
      auto name = names.Actor(id);
      if (!name.ok()) return std::move(name).error();
      actors.push_back(json::object{
          {"id", id}, {"name", name->empty() ? json::value(nullptr) : json::value(*name)}});
    }
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(json::object{{"types", std::move(types)}, {"actors", std::move(actors)}});
}

Response Root(ApiDeps& deps, Context& ctx) {
  auto size = ParseUint(ctx.path_params["size"], "size");
  if (!size.ok()) return ErrorResponse(size.error());
  return ToResponse(WithSize(deps.store, *size, "size", [&](storage::Tx& tx) {
    auto root = ledger::RootAt(*size, storage::NodeSourceFor(tx));
    if (!root.ok()) return Result<json::value>(std::move(root).error());
    return Result<json::value>(json::object{{"size", *size}, {"root_hash", Base64Encode(*root)}});
  }));
}

Response InclusionProof(ApiDeps& deps, Context& ctx) {
  auto index = ParseUint(ctx.Query("index"), "index");
  if (!index.ok()) return ErrorResponse(index.error());
  auto size = ParseUint(ctx.Query("size"), "size");
  if (!size.ok()) return ErrorResponse(size.error());
  if (*index >= *size) return ErrorResponse(ValidationError("index", "must be less than size"));
  return ToResponse(WithSize(deps.store, *size, "size", [&](storage::Tx& tx) {
    auto nodes = storage::NodeSourceFor(tx);
    auto proof = ledger::InclusionProof(*index, *size, nodes);
    if (!proof.ok()) return Result<json::value>(std::move(proof).error());
    auto leaf_hash = storage::ReadNode(tx, 0, *index);
    if (!leaf_hash.ok()) return Result<json::value>(std::move(leaf_hash).error());
    return Result<json::value>(json::object{{"index", *index},
                                            {"size", *size},
                                            {"leaf_hash", Base64Encode(*leaf_hash)},
                                            {"proof", HashArray(*proof)}});
  }));
}

Response ConsistencyProof(ApiDeps& deps, Context& ctx) {
  auto from = ParseUint(ctx.Query("from"), "from");
  if (!from.ok()) return ErrorResponse(from.error());
  auto to = ParseUint(ctx.Query("to"), "to");
  if (!to.ok()) return ErrorResponse(to.error());
  if (*from > *to) return ErrorResponse(ValidationError("from", "must not exceed to"));
  return ToResponse(WithSize(deps.store, *to, "to", [&](storage::Tx& tx) {
    auto proof = ledger::ConsistencyProof(*from, *to, storage::NodeSourceFor(tx));
    if (!proof.ok()) return Result<json::value>(std::move(proof).error());
    return Result<json::value>(
        json::object{{"from", *from}, {"to", *to}, {"proof", HashArray(*proof)}});
  }));
}

Response Keys(ApiDeps& deps, Context&) {
  json::array items;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto keys = storage::ListSigningKeys(tx);
    if (!keys.ok()) return std::move(keys).error();
    items = std::move(*keys);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(json::object{{"items", items}, {"next_cursor", nullptr}});
}

}  // namespace

void AddLedgerRoutes(Router& router, ApiDeps& deps) {
  using namespace schema;
  // Each route also admits an integration token with the ledger:read scope (a witness).
  auto read = [&](std::string pattern, json::object answer) {
    return ReadRoute(std::move(pattern), domain::kLedgerReaders, Json(std::move(answer)))
        .Tag("ledger")
        .Scopes({"ledger:read"});
  };
  router.Add(read("/api/v1/ledger/checkpoint", Schema({{"origin", "string"},
                                                       {"size", "integer"},
                                                       {"root_hash", "string"},
                                                       {"note", "string"}}))
                 .Summary("The latest signed checkpoint (C2SP tlog-checkpoint in a signed note)")
                 .Handle(deps, Checkpoint));
  router.Add(read("/api/v1/ledger/entries", Object({{"items", ArrayOf(ledger_audit::EntrySchema())},
                                                    {"size", Int()},
                                                    {"next_from", Nullable(Int())},
                                                    {"next_before", Nullable(Int())}}))
                 .Summary("Ledger entries, oldest first from ?from= (what an auditor replays) or "
                          "?order=newest below ?before=, filtered by event type, actor, party and "
                          "dates; each with its actor's, subject's and party's names. next_from / "
                          "next_before continue (null at the end; a page may be short where the "
                          "scan stops). Accept: text/csv answers every matching entry as CSV")
                 .Params(ledger_audit::Params())
                 .Handle(deps, Entries));
  router.Add(read("/api/v1/ledger/checkpoints",
                  schema::Page(Object({{"size", Int()},
                                       {"root_hash", Text("the Merkle root, base64")},
                                       {"created_at", Time()},
                                       {"note", Text("the signed note (C2SP tlog-checkpoint)")}})))
                 .Summary("The stored signed checkpoints, largest first (cursor pages): pick two "
                          "to check a consistency proof between them")
                 .Query("limit", "1-500, default 50", "integer")
                 .Query("cursor", "from next_cursor")
                 .Handle(deps, Checkpoints));
  router.Add(
      read("/api/v1/ledger/facets",
           Object({{"types", ArrayOf(Object({{"type", String()}}))},
                   {"actors", ArrayOf(Object({{"id", String()}, {"name", Nullable(String())}}))}}))
          .Summary("What the ledger's entries can be filtered by: the event types and the "
                   "actors it holds, with the actors' names")
          .Handle(deps, Facets));
  router.Add(
      read("/api/v1/ledger/entries/{index}", ledger_audit::EntrySchema())
          .Summary("One ledger entry: raw leaf bytes (base64), its hash, the parsed event and "
                   "the names of its actor, subject and party")
          .Path("index", "0-based leaf index", "integer")
          .Handle(std::make_shared<EntryReads>(deps), Entry));
  router.Add(
      read("/api/v1/ledger/roots/{size}", Schema({{"size", "integer"}, {"root_hash", "string"}}))
          .Summary("The Merkle root of the ledger when it had `size` entries")
          .Path("size", "tree size, 0 to the current size", "integer")
          .Handle(deps, Root));
  router.Add(read("/api/v1/ledger/proofs/inclusion", Schema({{"index", "integer"},
                                                             {"size", "integer"},
                                                             {"leaf_hash", "string"},
                                                             {"proof", "string[]"}}))
                 .Summary("RFC 6962 inclusion proof of entry `index` in the tree of `size` entries")
                 .RequiredQuery("index", "leaf index", "integer")
                 .RequiredQuery("size", "tree size (> index)", "integer")
                 .Handle(deps, InclusionProof));
  router.Add(read("/api/v1/ledger/proofs/consistency",
                  Schema({{"from", "integer"}, {"to", "integer"}, {"proof", "string[]"}}))
                 .Summary("RFC 6962 consistency proof between the trees of sizes `from` and `to`")
                 .RequiredQuery("from", "older tree size (>= 1)", "integer")
                 .RequiredQuery("to", "newer tree size (>= from)", "integer")
                 .Handle(deps, ConsistencyProof));
  router.Add(read("/api/v1/ledger/keys", schema::Page(Object({{"verifier_key", String()},
                                                              {"name", String()},
                                                              {"key_id", String()},
                                                              {"added_index", Int()},
                                                              {"added_at", Time()}})))
                 .Summary("Every checkpoint-signing key ever used, as recorded in the ledger")
                 .Handle(deps, Keys));
}

}  // namespace accord::http
