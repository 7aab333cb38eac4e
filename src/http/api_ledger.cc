// Read access to the ledger: entries, roots, proofs and the latest signed checkpoint,
// all that an auditor needs to verify the history instead of trusting it.
#include <boost/json.hpp>

#include "accord/core/bytes.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/schema.h"
#include "accord/ledger/merkle.h"
#include "accord/storage/ledger_tables.h"

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

// One entry: the raw leaf bytes (base64), its hash and the parsed event.
json::object EntryJson(const storage::LeafRecord& leaf) {
  json::error_code ec;
  json::value event = json::parse(leaf.leaf, ec);
  return json::object{{"index", leaf.index},
                      {"leaf", Base64Encode(AsBytes(leaf.leaf))},
                      {"leaf_hash", Base64Encode(leaf.leaf_hash)},
                      {"event", ec ? json::value(nullptr) : event}};
}

json::object EntrySchema() {
  using namespace schema;
  return Object({{"index", Int()},
                 {"leaf", Text("the canonical event bytes, base64")},
                 {"leaf_hash", Text("SHA-256(0x00 || leaf), base64")},
                 {"event", Object({{"type", String()},
                                   {"time", Time()},
                                   {"actor", ActorRef()},
                                   {"subject", Object({{"kind", String()}, {"id", String()}})},
                                   {"payload", AnyObject("the event's own fields")}},
                                  {{"org", String()}})}});
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

Response Entries(ApiDeps& deps, Context& ctx) {
  uint64_t from = 0, limit = 100;
  if (!ctx.Query("from").empty()) {
    auto v = ParseUint(ctx.Query("from"), "from");
    if (!v.ok()) return ErrorResponse(v.error());
    from = *v;
  }
  if (!ctx.Query("limit").empty()) {
    auto v = ParseUint(ctx.Query("limit"), "limit");
    if (!v.ok()) return ErrorResponse(v.error());
    if (*v < 1 || *v > 1000) {
      return ErrorResponse(ValidationError("limit", "must be between 1 and 1000"));
    }
    limit = *v;
  }
  json::array items;
  uint64_t size = 0;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto head = storage::ReadHead(tx);
    if (!head.ok()) return std::move(head).error();
    size = head->size();
    if (from > size) {
      return ValidationError("from", "must be at most the ledger size " + std::to_string(size));
    }
    // Only what the head covers: an entry being appended now is not yet in the tree.
    auto leaves = storage::ReadLeaves(tx, from, std::min(limit, size - from));
    if (!leaves.ok()) return std::move(leaves).error();
    for (const auto& leaf : *leaves) items.push_back(EntryJson(leaf));
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  uint64_t end = from + items.size();
  json::value next = end < size ? json::value(end) : json::value(nullptr);
  return JsonResponse(
      json::object{{"items", std::move(items)}, {"size", size}, {"next_from", next}});
}

Response Entry(ApiDeps& deps, Context& ctx) {
  auto index = ParseUint(ctx.path_params["index"], "index");
  if (!index.ok()) return ErrorResponse(index.error());
  Result<storage::LeafRecord> leaf = Internal("unreachable");
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    leaf = storage::ReadLeaf(tx, *index);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  if (!leaf.ok()) return ErrorResponse(leaf.error());
  return JsonResponse(EntryJson(*leaf));
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
  router.Add(read("/api/v1/ledger/entries", Object({{"items", ArrayOf(EntrySchema())},
                                                    {"size", Int()},
                                                    {"next_from", Nullable(Int())}}))
                 .Summary("Ledger entries in order from ?from= (default 0), ?limit= at most 1000 "
                          "(default 100): what an auditor replays; next_from is null at the end")
                 .Query("from", "0-based leaf index to start at", "integer")
                 .Query("limit", "1-1000, default 100", "integer")
                 .Handle(deps, Entries));
  router.Add(
      read("/api/v1/ledger/entries/{index}", EntrySchema())
          .Summary("One ledger entry: raw leaf bytes (base64), its hash and the parsed event")
          .Path("index", "0-based leaf index", "integer")
          .Handle(deps, Entry));
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
