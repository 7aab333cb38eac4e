// A party import file: the strict CSV parser with the import's limits, then each row's cells
// through the party field validation the import applies.
#include <boost/json.hpp>
#include <string_view>

#include "accord/core/csv.h"
#include "accord/domain/registry.h"
#include "fuzz_entry.h"

namespace json = boost::json;

extern "C" int ACCORD_FUZZ_ENTRY(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // storage::ParsePartyCsv's limits, smaller so that a large row count stays cheap.
  accord::CsvOptions options;
  options.max_rows = 2'000;
  options.max_fields = 32;
  options.max_field_bytes = 10'000;
  auto table = accord::ParseCsv(text, options);
  if (!table.ok()) {
    FUZZ_CHECK(!table.error().details.empty());
    return 0;
  }
  FUZZ_CHECK(!table->header.empty());
  for (const auto& row : table->rows) FUZZ_CHECK(row.fields.size() == table->header.size());

  // Written back unchanged and parsed again, the table is the same; except a first header
  // cell that starts with a second byte-order mark, which the writer does not quote and the
  // parser then strips as the file's mark.
  if (table->header[0].starts_with("\xEF\xBB\xBF")) return 0;
  std::string out;
  accord::AppendCsvRow(out, table->header, accord::CsvFormulas::kKeep);
  for (const auto& row : table->rows) {
    accord::AppendCsvRow(out, row.fields, accord::CsvFormulas::kKeep);
  }
  auto again = accord::ParseCsv(out, options);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(again->header == table->header);
  FUZZ_CHECK(again->rows.size() == table->rows.size());
  for (size_t i = 0; i < table->rows.size(); ++i) {
    FUZZ_CHECK(again->rows[i].fields == table->rows[i].fields);
  }

  const accord::domain::KindSpec& spec = *accord::domain::FindKind("party");
  const accord::TimePoint now{std::chrono::milliseconds(1'700'000'000'000)};
  // Each row is validated on its own, so the first rows say what all would: up to 2,000
  // one-cell rows fit in 4 KiB, and validating every one made this target ten times slower.
  constexpr size_t kRowsValidated = 64;
  for (size_t r = 0; r < table->rows.size() && r < kRowsValidated; ++r) {
    const auto& row = table->rows[r];
    json::object body;
    for (size_t i = 0; i < table->header.size(); ++i) {
      if (!row.fields[i].empty()) body[table->header[i]] = row.fields[i];
    }
    (void)accord::domain::NewObject(spec, body, "pty_1", "", now);
  }
  return 0;
}
