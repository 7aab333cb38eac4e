// RFC 4180 CSV: a strict parser for imports and a writer for exports.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"

namespace accord {

struct CsvRow {
  int line = 0;  // 1-based physical line where the record starts (quoted newlines count)
  std::vector<std::string> fields;
};

struct CsvTable {
  std::vector<std::string> header;  // trimmed, non-empty, unique
  std::vector<CsvRow> rows;         // every row has header.size() fields

  // Index of the column with this header name.
  std::optional<size_t> Column(std::string_view name) const;
};

// Bounds that keep a hostile upload from exhausting memory; exceeding one is an error.
struct CsvOptions {
  size_t max_rows = 100'000;  // data rows, the header not counted
  size_t max_fields = 256;    // per row, the header included
  size_t max_field_bytes = 64 * 1024;
};

// Parses UTF-8 CSV whose first record is the header. Accepts a UTF-8 BOM, CRLF, LF or lone CR
// line endings and a missing final line break; skips empty lines. Data values are kept
// byte for byte (no trimming). Stops at the first problem: a kValidationFailed error whose
// detail carries the line and a field ("file", "header", "row" or the column's name).
[[nodiscard]] Result<CsvTable> ParseCsv(std::string_view text, const CsvOptions& options = {});

// Spreadsheets run a cell that starts with = + - @ (or tab/CR, which they strip first) as a
// formula, so by default exports prefix such a value with a single quote (OWASP "CSV
// injection"). A plain number such as "-5" or "+1.5" cannot be a formula and is written as is,
// so numeric values round-trip. ParseCsv never strips the quote: write with kKeep when the
// output is meant to be parsed back exactly.
enum class CsvFormulas { kNeutralize, kKeep };

// One field: quoted when it holds a comma, quote, CR or LF or starts or ends with a space
// or tab; quotes are doubled.
std::string CsvEscape(std::string_view field, CsvFormulas formulas = CsvFormulas::kNeutralize);

// Appends the fields as one record terminated by CRLF.
void AppendCsvRow(std::string& out, std::span<const std::string> fields,
                  CsvFormulas formulas = CsvFormulas::kNeutralize);

}  // namespace accord
