// The ledger as an audit log (issue 20, item 11): the filters of GET /api/v1/ledger/entries
// (event type, actor, party, dates; newest or oldest first), the names each entry carries for
// the person reading it, and the same entries as CSV (Accept: text/csv). Used by api_ledger.cc.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "accord/http/router.h"
#include "accord/storage/ledger_search.h"
#include "accord/storage/ledger_tables.h"

namespace accord::http::ledger_audit {

// The entries route's query parameters, documented on it.
std::vector<ParamDoc> Params();

struct EntriesQuery {
  storage::LedgerFilter filter;
  bool newest_first = false;
  std::optional<uint64_t> cursor;  // ?from= (oldest first) or ?before= (newest first)
  uint64_t limit = 100;
  bool csv = false;  // Accept: text/csv
};
Result<EntriesQuery> ParseEntriesQuery(const Context& ctx);

// One entry: index, leaf (base64), leaf_hash, the parsed event, and the names of its actor,
// subject and party ("" names are null). `party_id`, when the caller has read it already
// (rm_ledger_events.party_id, "" for none), saves a statement.
Result<boost::json::object> EntryJson(storage::Tx& tx, storage::LedgerNames& names,
                                      const storage::LeafRecord& leaf,
                                      const std::string* party_id = nullptr);
boost::json::object EntrySchema();

// The CSV header line and one line per entry (an EntryJson).
std::string CsvHeader();
void AppendCsv(std::string& out, const boost::json::object& entry);

// "Grant approved" for grant.approved: what the CSV's Event column says.
std::string EventWords(std::string_view type);

}  // namespace accord::http::ledger_audit
