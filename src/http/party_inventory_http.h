// The party list as the vendor inventory (issue 20, item 3): the inventory's sort and filters
// on GET /api/v1/parties, the `inventory` member of each listed party, and the same list as
// CSV (Accept: text/csv). Used by api_registry.cc's party list.
#pragma once

#include <boost/json/array.hpp>
#include <optional>
#include <string>

#include "accord/http/api.h"
#include "accord/storage/party_inventory.h"

namespace accord::http::party_inventory {

// The inventory's query parameters, documented on the party list.
std::vector<ParamDoc> Params();

// ?sort= and the inventory's filters; nullopt when the request uses none of them (the list
// keeps its ordinary path). A party's contact, ?as_of= and ?agreement_type= refuse them.
Result<std::optional<storage::InventoryQuery>> ParseQuery(const Context& ctx, bool org_wide);

// Accept: text/csv on the party list.
bool WantsCsv(const Context& ctx);

// Adds each listed party's `inventory` (current state only: not with ?as_of=).
Status AddInventory(storage::Tx& tx, boost::json::array& items);

// The list's rows as the portal shows them, one line each, with a header line.
std::string CsvHeader();
void AppendCsv(std::string& out, const boost::json::array& items);

}  // namespace accord::http::party_inventory
