// The vendor inventory (issue 20, item 3): one rm_party_inventory row per live party with what
// the party list shows and sorts on beyond the party itself: its BAA and SLA (state and
// expiry), the end of its latest SOC 2 period, its last approved and next due review. The
// inventory projection keeps it current; the party list pages, filters and sorts on it with
// indexes, so a sorted first page at 100,000 parties reads about one page of rows.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accord/core/result.h"
#include "accord/storage/projection.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/store.h"

namespace accord::storage {

// What the inventory says about one kind of agreement: in_force (an executed one), expired
// (one expired, none executed), terminated, unsigned (drafted or sent, none executed) or none.
const std::vector<std::string>& AgreementStates();

// The columns a list may sort on, as the API names them (?sort=baa_expires_at, -name for
// descending): created, name, risk_tier, baa_expires_at, sla_expires_at, soc2_period_end,
// last_review_at, next_review_at.
const std::vector<std::string>& InventorySorts();

struct InventoryQuery {
  std::string kind, status, q;
  std::string risk_tier;             // low | medium | high
  std::string baa_state, sla_state;  // AgreementStates()
  // Time filters (RFC 3339): the column is set and before this time.
  std::string baa_expires_before, sla_expires_before, soc2_period_end_before, next_review_before;
  std::string sort = "created";  // one of InventorySorts()
  bool descending = false;
  std::string after;  // cursor: "<phase>|<party id>" (see party_inventory.cc)
  size_t limit = 50;
};

// One page of live parties (org-wide: the inventory is the organisation's assessment).
// next_after is the cursor of the next page.
Result<ObjectPage> ListInventory(Tx& tx, const InventoryQuery& query);

// The inventory member of each listed party, by party id (parties without a row are absent).
Result<std::map<std::string, boost::json::object>> InventoryOf(Tx& tx,
                                                               const std::vector<std::string>& ids);

// The projection's work, also used to fill the table once for a store that had parties
// before it existed (FillPartyInventory).
Status ProjectPartyInventory(Tx& tx, std::string_view subject_kind, std::string_view subject_id,
                             std::string_view event_type, const boost::json::object* state);

// The read model's projection (after the registry's and the reviews', whose tables it reads).
std::unique_ptr<Projection> MakeInventoryProjection();

// A store migrated to version 9 with parties already in it: computes every row, once (a
// no-op when the table already has rows or there are no parties).
Status FillPartyInventory(Store& store);

}  // namespace accord::storage
