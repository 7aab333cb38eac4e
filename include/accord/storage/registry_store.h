// Reads of the registry's read model (rm_objects): current or as of a ledger size, always
// through a Scope, so a third party's queries cannot reach another party's rows (TP-7):
// the party filter is part of every statement, not a check a handler might forget.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accord/core/result.h"
#include "accord/storage/store.h"

namespace accord::storage {

// to_idx of a version that is still current.
inline constexpr int64_t kOpenVersion = INT64_MAX;

// Whose rows a caller may see: empty party_id = the whole organisation.
struct Scope {
  std::string party_id;
  bool org_wide() const { return party_id.empty(); }
};

struct StoredObject {
  std::string id;
  std::string party_id;
  std::string parent_id;
  int64_t from_idx = 0;  // the ledger index of the event that wrote this version
  boost::json::object doc;
};

// as_of: ledger size N (the state after leaves 0..N-1); nullopt = current.
Result<std::optional<StoredObject>> GetObject(Tx& tx, std::string_view kind, std::string_view id,
                                              const Scope& scope,
                                              std::optional<int64_t> as_of = std::nullopt);

struct ListQuery {
  std::string kind;
  std::string party_id;   // children of one party ("" = any)
  std::string parent_id;  // children of one parent object ("" = any)
  std::string tag;        // the kind's category (party kind, agreement type, ...)
  std::string status;
  std::string q;         // case-insensitive prefix of any word of the name
  std::string after_id;  // cursor: ids sort by creation time
  size_t limit = 50;
  std::optional<int64_t> as_of;
  // Reviews only (rm_reviews): due in [due_after, due_before); open and due before overdue_at.
  std::string due_after, due_before, overdue_at;
  // Reviews only: soonest due first (the cursor is then "due_at|id"); not with q.
  bool by_due = false;
  bool newest_first = false;  // ids descending: the newest first
  // Fields of the stored state that must equal a value (a party's risk_tier): read from each
  // object, so the list scans instead of stopping at `limit` rows.
  std::vector<std::pair<std::string, std::string>> state_equals;
  // Parties only: the state of their agreements of one type (a BAA): "in_force" (executed),
  // "expired" (one expired, none in force) or "not_in_force" (none executed: missing or
  // expired).
  std::string agreement_type, agreement_state;
};

struct ObjectPage {
  std::vector<StoredObject> items;
  std::optional<std::string> next_after;  // last id of this page when there are more
};

Result<ObjectPage> ListObjects(Tx& tx, const ListQuery& query, const Scope& scope);

// Live objects of a kind with this name (case-insensitive), other than `except_id`.
Result<std::optional<std::string>> FindLiveByName(Tx& tx, std::string_view kind,
                                                  std::string_view name,
                                                  std::string_view except_id = "");

// Live children of a party or parent, for the gate and for delete checks.
Result<std::vector<StoredObject>> LiveChildren(Tx& tx, std::string_view kind,
                                               std::string_view parent_column,
                                               std::string_view parent_id);

}  // namespace accord::storage
