#include "accord/storage/registry_import.h"

#include <boost/json.hpp>
#include <set>

#include "accord/core/ids.h"
#include "accord/domain/fields.h"
#include "accord/domain/registry.h"
#include "accord/storage/bulk_inserts.h"
#include "accord/storage/registry_store.h"

namespace accord::storage {

namespace json = boost::json;

namespace {

constexpr size_t kMaxReportedErrors = 200;

bool IsBoolColumn(std::string_view c) {
  return c == "infrastructure_partner" || c == "public_subprocessor";
}

// One CSV row as the JSON body the API would take; empty cells are absent fields.
json::object RowToBody(const CsvTable& table, const CsvRow& row,
                       std::vector<ErrorDetail>& details) {
  json::object body;
  for (size_t i = 0; i < table.header.size(); ++i) {
    const std::string& column = table.header[i];
    const std::string& cell = row.fields[i];
    if (cell.empty()) continue;
    if (IsBoolColumn(column)) {
      std::string v = domain::Lowercase(cell);
      if (v == "true" || v == "yes" || v == "1") {
        body[column] = true;
      } else if (v == "false" || v == "no" || v == "0") {
        body[column] = false;
      } else {
        details.push_back({column, "must be true or false (or yes/no)", row.line});
      }
    } else if (column == "data_categories") {
      json::array cats;
      size_t start = 0;
      while (start <= cell.size()) {
        size_t end = cell.find(';', start);
        std::string item = cell.substr(start, end == std::string::npos ? end : end - start);
        while (!item.empty() && item.front() == ' ') item.erase(0, 1);
        while (!item.empty() && item.back() == ' ') item.pop_back();
        if (!item.empty()) cats.push_back(json::value(item));
        if (end == std::string::npos) break;
        start = end + 1;
      }
      body[column] = std::move(cats);
    } else {
      body[column] = cell;
    }
  }
  return body;
}

// The names (lowercased) among `names` that a live party has already: one statement per 256
// names, where asking row by row cost a round trip each on PostgreSQL.
Result<std::set<std::string>> LiveNames(Tx& tx, const std::vector<std::string>& names) {
  constexpr size_t kPerStatement = 256;
  static const std::string kSql = [] {
    std::string sql =
        "SELECT name_lc FROM rm_objects WHERE kind = 'party' AND to_idx = ? AND name_lc IN (";
    for (size_t i = 0; i < kPerStatement; ++i) sql += i ? ", ?" : "?";
    return sql + ")";
  }();
  std::set<std::string> taken;
  for (size_t at = 0; at < names.size(); at += kPerStatement) {
    std::vector<Value> params{kOpenVersion};
    params.reserve(kPerStatement + 1);
    // The last chunk repeats its last name: one statement text, prepared once.
    for (size_t i = 0; i < kPerStatement; ++i) {
      params.emplace_back(names[std::min(at + i, names.size() - 1)]);
    }
    auto found = tx.Query(kSql, Params(params));
    if (!found.ok()) return std::move(found).error();
    for (const auto& r : *found) taken.insert(r.Text(0));
  }
  return taken;
}

}  // namespace

const std::vector<std::string>& PartyCsvColumns() {
  static const std::vector<std::string> kColumns = {"id",
                                                    "name",
                                                    "kind",
                                                    "legal_name",
                                                    "status",
                                                    "owner",
                                                    "criticality",
                                                    "infrastructure_partner",
                                                    "public_subprocessor",
                                                    "purpose",
                                                    "location",
                                                    "region",
                                                    "website",
                                                    "data_categories",
                                                    "access_level",
                                                    "risk_tier"};
  return kColumns;
}

json::object ImportReport::ToJson() const {
  json::array rows;
  for (const auto& d : skipped) {
    rows.push_back(
        json::object{{"line", d.line.value_or(0)}, {"field", d.field}, {"reason", d.reason}});
  }
  return json::object{{"imported", imported}, {"skipped", std::move(rows)}};
}

Result<CsvTable> ParsePartyCsv(std::string_view text) {
  CsvOptions options;
  options.max_rows = 200'000;
  options.max_fields = 32;
  options.max_field_bytes = 10'000;
  auto table = ParseCsv(text, options);
  if (!table.ok()) return table;
  std::vector<ErrorDetail> details;
  // Export also writes id and risk_tier so a file round-trips; import gives new ids and
  // computes the tier.
  const auto& known = PartyCsvColumns();
  for (const auto& column : table->header) {
    if (std::find(known.begin(), known.end(), column) == known.end()) {
      std::string all;
      for (const auto& k : known) all += (all.empty() ? "" : ", ") + k;
      details.push_back({"header", "unknown column '" + column + "'; columns are: " + all, 1});
    }
  }
  for (const char* required : {"name", "kind"}) {
    if (!table->Column(required)) {
      details.push_back({"header", std::string("the column '") + required + "' is required", 1});
    }
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  return table;
}

Result<ImportReport> ImportParties(CommandContext& c, const CsvTable& table, bool skip_invalid,
                                   const domain::Actor& actor, const Progress& progress) {
  const domain::KindSpec& spec = *domain::FindKind("party");
  std::vector<ErrorDetail> errors;
  std::vector<json::object> good;
  std::set<std::string> names_in_file;
  ImportReport report;
  uint64_t checked = 0;
  // Each row checked on its own first; then the names taken already, asked for together.
  struct Checked {
    std::optional<json::object> state;
    std::vector<ErrorDetail> errors;
  };
  std::vector<Checked> rows;
  rows.reserve(table.rows.size());
  std::vector<std::string> names;
  for (const auto& row : table.rows) {
    ReportProgress(progress, "checking rows", ++checked, table.rows.size(), 256);
    Checked& r = rows.emplace_back();
    json::object body = RowToBody(table, row, r.errors);
    body.erase("id");
    body.erase("risk_tier");
    if (r.errors.empty()) {
      auto s = domain::NewObject(spec, body, NewId(spec.id_prefix, c.Now()), "", c.Now());
      if (s.ok()) {
        r.state = std::move(*s);
        names.push_back(domain::Lowercase(domain::StateString(*r.state, "name")));
      } else {
        for (auto d : s.error().details) r.errors.push_back({d.field, d.reason, row.line});
      }
    }
  }
  auto taken = LiveNames(c.tx(), names);
  if (!taken.ok()) return std::move(taken).error();
  for (size_t i = 0; i < rows.size(); ++i) {
    const CsvRow& row = table.rows[i];
    std::vector<ErrorDetail>& row_errors = rows[i].errors;
    std::optional<json::object>& state = rows[i].state;
    if (state) {
      std::string name = domain::StateString(*state, "name");
      std::string lc = domain::Lowercase(name);
      if (taken->contains(lc)) {
        row_errors.push_back({"name", "a party named '" + name + "' already exists", row.line});
      } else if (!names_in_file.insert(lc).second) {
        row_errors.push_back({"name", "'" + name + "' appears twice in the file", row.line});
      }
    }
    if (row_errors.empty()) {
      good.push_back(std::move(*state));
    } else {
      for (auto& d : row_errors) {
        if (errors.size() < kMaxReportedErrors) errors.push_back(std::move(d));
      }
    }
  }
  if (!errors.empty() && !skip_invalid) {
    Error e = domain::ValidationErrors(std::move(errors));
    e.message = "nothing was imported: line " + std::to_string(e.details.front().line.value_or(0)) +
                ": " + e.message + " (fix the rows, or import with skip_invalid)";
    return e;
  }
  report.skipped = std::move(errors);
  // Every event creates a new party, whose rows are its own: the ledger's and read models'
  // inserts go out as multi-row statements (a statement per row per table cost most of an
  // import's time on PostgreSQL).
  Status recorded = WithBulkInserts(c, [&]() -> Status {
    for (auto& state : good) {
      std::string id = domain::StateString(state, "id");
      auto index = c.Append(domain::Event{
          .type = "party.created",
          .actor = actor,
          .subject = {"party", id},
          .payload = json::object{{"state", std::move(state)}, {"source", "csv_import"}}});
      if (!index.ok()) return std::move(index).error();
      ++report.imported;
      ReportProgress(progress, "recording parties", report.imported, good.size(), 256);
    }
    return Ok();
  });
  if (!recorded.ok()) return std::move(recorded).error();
  return report;
}

Result<std::string> ExportParties(Tx& tx) {
  std::string out;
  const auto& columns = PartyCsvColumns();
  AppendCsvRow(out, columns);
  Status error = Ok();
  Status s =
      tx.ForEach("SELECT doc FROM rm_objects WHERE kind = 'party' AND to_idx = ? ORDER BY id",
                 {kOpenVersion}, [&](const Row& r) {
                   boost::system::error_code ec;
                   json::value v = json::parse(r.Text(0), ec);
                   if (ec || !v.is_object()) {
                     error = Internal("rm_objects holds a malformed party");
                     return false;
                   }
                   const json::object& doc = v.as_object();
                   std::vector<std::string> fields;
                   for (const auto& column : columns) {
                     const json::value* cell = doc.if_contains(column);
                     if (!cell || cell->is_null()) {
                       fields.emplace_back();
                     } else if (cell->is_string()) {
                       fields.emplace_back(cell->as_string());
                     } else if (cell->is_bool()) {
                       fields.emplace_back(cell->as_bool() ? "true" : "false");
                     } else if (cell->is_array()) {
                       std::string joined;
                       for (const auto& item : cell->as_array()) {
                         if (item.is_string())
                           joined += (joined.empty() ? "" : ";") + std::string(item.as_string());
                       }
                       fields.push_back(std::move(joined));
                     } else {
                       fields.push_back(json::serialize(*cell));
                     }
                   }
                   AppendCsvRow(out, fields);
                   return true;
                 });
  if (!s.ok()) return std::move(s).error();
  if (!error.ok()) return std::move(error).error();
  return out;
}

}  // namespace accord::storage
