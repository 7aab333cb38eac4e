#include "accord/storage/ledger_search.h"

#include <algorithm>
#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/domain/event.h"
#include "accord/storage/ledger_tables.h"
#include "accord/storage/payload.h"

namespace accord::storage {

namespace json = boost::json;

namespace {

// Positions read per statement: a page runs a few of them, each an index range.
constexpr uint64_t kWindow = 20000;

std::string StateField(const json::object& payload, std::string_view key) {
  const json::value* state = payload.if_contains("state");
  if (!state || !state->is_object()) return "";
  return PayloadString(state->as_object(), key);
}

// The party an event is about: the party itself, the party an object is filed under (its
// state says), a token's party, or for an event without a state (a note) the party its
// subject was filed under before it.
Result<std::string> EventParty(Tx& tx, uint64_t index, const domain::Event& e) {
  if (e.subject.kind == "party") return e.subject.id;
  std::string party = StateField(e.payload, "party_id");
  if (party.empty()) party = PayloadString(e.payload, "party_id");
  if (!party.empty() || e.payload.contains("state")) return party;
  if (e.subject.kind == "org" || e.subject.kind == "api_token" || e.subject.kind == "signing_key") {
    return party;
  }
  auto row = tx.QueryOne(
      "SELECT party_id FROM rm_objects WHERE kind = ? AND id = ? AND from_idx < ? "
      "ORDER BY from_idx DESC LIMIT 1",
      {e.subject.kind, e.subject.id, static_cast<int64_t>(index)});
  if (!row.ok()) return std::move(row).error();
  return row->has_value() ? (*row)->Text(0) : std::string();
}

Status InsertEvent(Tx& tx, uint64_t index, const domain::Event& e) {
  auto party = EventParty(tx, index, e);
  if (!party.ok()) return std::move(party).error();
  return tx.ExecDeferred(
      "INSERT INTO rm_ledger_events(idx, type, actor_id, party_id, time) VALUES (?, ?, ?, ?, ?)",
      {static_cast<int64_t>(index), e.type, e.actor.id, *party, FormatRfc3339(e.time)});
}

class LedgerEventsProjection final : public Projection {
 public:
  std::string_view name() const override { return "ledger_events"; }
  std::vector<ProjectedTable> tables() const override { return {{"rm_ledger_events", "idx"}}; }
  Status Apply(Tx& tx, uint64_t index, const domain::Event& e) override {
    return InsertEvent(tx, index, e);
  }
};

// The first entry at or after `time`, or `size`. The ledger's times never go backwards, so a
// binary search over the entries finds it: about log2(size) primary-key reads, where a time
// index would cost every append another B-tree.
Result<uint64_t> FirstAtOrAfter(Tx& tx, const std::string& time, uint64_t size) {
  uint64_t lo = 0, hi = size;
  while (lo < hi) {  // halves each time: at most 64 reads
    const uint64_t mid = lo + (hi - lo) / 2;
    auto row =
        tx.QueryOne("SELECT time FROM rm_ledger_events WHERE idx = ?", {static_cast<int64_t>(mid)});
    if (!row.ok()) return std::move(row).error();
    if (!row->has_value())
      return Internal("rm_ledger_events has no row for entry " + std::to_string(mid));
    if ((*row)->Text(0) >= time) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

// Distinct values of an indexed column, one index seek each (a loose index scan).
Result<std::vector<std::string>> Distinct(Tx& tx, const std::string& column) {
  std::vector<std::string> out;
  std::string after;
  bool first = true;
  // Bounded: at most 10,000 distinct values.
  for (int i = 0; i < 10000; ++i) {
    const std::string order = " ORDER BY " + column + " LIMIT 1";
    auto row = first ? tx.QueryOne("SELECT " + column + " FROM rm_ledger_events" + order, {})
                     : tx.QueryOne("SELECT " + column + " FROM rm_ledger_events WHERE " + column +
                                       " > ?" + order,
                                   {after});
    if (!row.ok()) return std::move(row).error();
    if (!row->has_value()) break;
    after = (*row)->Text(0);
    first = false;
    out.push_back(after);
  }
  return out;
}

}  // namespace

Result<LedgerPage> SearchLedger(Tx& tx, const LedgerFilter& filter, bool newest_first,
                                uint64_t cursor, uint64_t size, uint64_t limit) {
  uint64_t lo = 0, hi = size;
  if (!filter.since.empty()) {
    auto v = FirstAtOrAfter(tx, filter.since, size);
    if (!v.ok()) return std::move(v).error();
    lo = *v;
  }
  if (!filter.until.empty()) {
    auto v = FirstAtOrAfter(tx, filter.until, size);
    if (!v.ok()) return std::move(v).error();
    hi = *v;
  }
  if (newest_first) {
    hi = std::min(hi, cursor);
  } else {
    lo = std::max(lo, cursor);
  }
  std::string where = "idx >= ? AND idx < ?";
  std::vector<Value> fixed;
  for (const auto& [column, value] :
       {std::pair<const char*, const std::string*>{"type", &filter.type},
        {"actor_id", &filter.actor_id},
        {"party_id", &filter.party_id}}) {
    if (value->empty()) continue;
    where += std::string(" AND ") + column + " = ?";
    fixed.emplace_back(*value);
  }
  // The party index holds only entries with a party: the planner uses it when told so.
  if (!filter.party_id.empty()) where += " AND party_id <> ''";
  const std::string sql = "SELECT idx FROM rm_ledger_events WHERE " + where + " ORDER BY idx " +
                          (newest_first ? "DESC" : "ASC") + " LIMIT ?";
  LedgerPage page;
  uint64_t scanned = 0;
  // Windows of positions, nearest first, until the page is full or the scan bound is reached.
  while (lo < hi && page.indices.size() < limit && scanned < kLedgerScanBound) {
    const uint64_t span = std::min(kWindow, hi - lo);
    const uint64_t w_lo = newest_first ? hi - span : lo;
    const uint64_t w_hi = newest_first ? hi : lo + span;
    std::vector<Value> params = {static_cast<int64_t>(w_lo), static_cast<int64_t>(w_hi)};
    params.insert(params.end(), fixed.begin(), fixed.end());
    params.emplace_back(static_cast<int64_t>(limit - page.indices.size()));
    auto rows = tx.Query(sql, Params(params.data(), params.size()));
    if (!rows.ok()) return std::move(rows).error();
    for (const auto& r : *rows) page.indices.push_back(static_cast<uint64_t>(r.Int(0)));
    scanned += span;
    if (page.indices.size() >= limit) {
      // Full: continue after the last one taken.
      const uint64_t last = page.indices.back();
      newest_first ? hi = last : lo = last + 1;
      break;
    }
    newest_first ? hi = w_lo : lo = w_hi;
  }
  if (lo < hi) page.next = newest_first ? hi : lo;
  return page;
}

Result<std::vector<std::string>> LedgerEventTypes(Tx& tx) { return Distinct(tx, "type"); }
Result<std::vector<std::string>> LedgerActors(Tx& tx) { return Distinct(tx, "actor_id"); }

Result<std::string> LedgerNames::Actor(const std::string& id) {
  if (id.starts_with("usr_")) return Subject("user", id);
  if (id.starts_with("tok_")) return Subject("api_token", id);
  return std::string();
}

Result<std::string> LedgerNames::Subject(const std::string& kind, const std::string& id) {
  const std::string key = kind + "/" + id;
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  if (shared_) {
    if (auto known = shared_->Find(ledger_size_, key)) {
      cache_.emplace(key, *known);
      return *known;
    }
  }
  std::string name;
  Result<std::optional<Row>> row = std::optional<Row>();
  if (kind == "org") {
    row = tx_.QueryOne("SELECT name FROM rm_org WHERE id = ?", {id});
  } else if (kind == "api_token") {
    row = tx_.QueryOne("SELECT name FROM rm_api_tokens WHERE id = ?", {id});
  } else if (kind == "signing_key") {
    row = tx_.QueryOne("SELECT name FROM rm_signing_keys WHERE key_id = ? LIMIT 1", {id});
  } else {
    auto doc = tx_.QueryOne(
        "SELECT doc FROM rm_objects WHERE kind = ? AND id = ? ORDER BY from_idx DESC LIMIT 1",
        {kind, id});
    if (!doc.ok()) return std::move(doc).error();
    if (doc->has_value()) {
      json::error_code ec;
      json::value v = json::parse((*doc)->Text(0), ec);
      if (!ec && v.is_object()) {
        for (const char* field : {"name", "title", "filename", "email", "organisation"}) {
          name = PayloadString(v.as_object(), field);
          if (!name.empty()) break;
        }
      }
    }
  }
  if (!row.ok()) return std::move(row).error();
  if (row->has_value() && !(*row)->IsNull(0)) name = (*row)->Text(0);
  if (shared_) shared_->Put(ledger_size_, key, name);
  cache_.emplace(key, name);
  return name;
}

std::optional<std::string> LedgerNameCache::Find(uint64_t ledger_size,
                                                 const std::string& key) const {
  std::lock_guard lock(mu_);
  if (ledger_size != ledger_size_) return std::nullopt;
  auto it = names_.find(key);
  if (it == names_.end()) return std::nullopt;
  return it->second;
}

void LedgerNameCache::Put(uint64_t ledger_size, const std::string& key, const std::string& name) {
  std::lock_guard lock(mu_);
  // A read of an older snapshot never replaces the names of a newer one.
  if (ledger_size_ != UINT64_MAX && ledger_size < ledger_size_) return;
  if (ledger_size != ledger_size_ || names_.size() >= kMaxNames) {
    names_.clear();
    ledger_size_ = ledger_size;
  }
  names_.emplace(key, name);
}

std::unique_ptr<Projection> MakeLedgerEventsProjection() {
  return std::make_unique<LedgerEventsProjection>();
}

Status FillLedgerEvents(Store& store) {
  return store.Write([](Tx& tx) -> Status {
    auto head = ReadHead(tx);
    if (!head.ok()) return std::move(head).error();
    auto last = tx.QueryOne("SELECT MAX(idx) FROM rm_ledger_events", {});
    if (!last.ok()) return std::move(last).error();
    uint64_t from = last->has_value() && !(*last)->IsNull(0) ? (*last)->Int(0) + 1 : 0;
    // Bounded: chunks of 10,000 entries up to the head.
    while (from < head->size()) {
      auto leaves = ReadLeaves(tx, from, 10000);
      if (!leaves.ok()) return std::move(leaves).error();
      if (leaves->empty()) break;
      for (const auto& leaf : *leaves) {
        auto event = domain::ParseLeaf(leaf.leaf);
        if (!event.ok()) {
          return Error{
              ErrorCode::kCheckFailed,
              "entry " + std::to_string(leaf.index) + " is not a valid event; run ledger verify",
              {}};
        }
        ACCORD_TRY(InsertEvent(tx, leaf.index, *event));
      }
      from = leaves->back().index + 1;
    }
    return tx.Flush();
  });
}

}  // namespace accord::storage
