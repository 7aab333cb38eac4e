// CSV import and export of the party registry (TP-1): a real user's spreadsheet is how the
// registry arrives. Columns are documented in docs/registry.md with an example file.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "accord/core/csv.h"
#include "accord/core/progress.h"
#include "accord/domain/event.h"
#include "accord/storage/event_log.h"

namespace accord::storage {

// The columns export writes and import accepts (name and kind are required).
const std::vector<std::string>& PartyCsvColumns();

struct ImportReport {
  int64_t imported = 0;
  std::vector<ErrorDetail> skipped;  // with skip_invalid: the rows left out, with their lines
  boost::json::object ToJson() const;
};

// Validates every row (fields, enums, duplicate names in the file and in the store); with
// any bad row and !skip_invalid nothing is written and the error lists each row's problem
// with its line. Otherwise appends one party.created per good row in this transaction.
// `progress` hears "checking rows", then "recording parties".
Result<ImportReport> ImportParties(CommandContext& c, const CsvTable& table, bool skip_invalid,
                                   const domain::Actor& actor, const Progress& progress = {});

// Parses CSV text with limits suited to a registry (up to 200,000 rows).
Result<CsvTable> ParsePartyCsv(std::string_view text);

// The live registry as CSV (header + one row per party, ordered by id).
Result<std::string> ExportParties(Tx& tx);

}  // namespace accord::storage
