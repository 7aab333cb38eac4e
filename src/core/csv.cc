#include "accord/core/csv.h"

#include <cstdint>
#include <utility>

#include "accord/core/utf8.h"

namespace accord {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

Error CsvError(int line, std::string field, std::string reason) {
  std::string message = "line " + std::to_string(line) + ": " + field + ": " + reason;
  return Error{ErrorCode::kValidationFailed,
               std::move(message),
               {ErrorDetail{std::move(field), std::move(reason), line}}};
}

// Line breaks (CRLF, LF or a lone CR) in `s`; a CR that ends `s` counts.
int CountLineBreaks(std::string_view s) {
  int breaks = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n') {
      ++breaks;
    } else if (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n')) {
      ++breaks;
    }
  }
  return breaks;
}

int LineAt(std::string_view text, size_t offset) {
  return 1 + CountLineBreaks(text.substr(0, offset));
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

// Splits the text into records; knows nothing of the header's meaning.
class Reader {
 public:
  Reader(std::string_view text, const CsvOptions& options) : text_(text), options_(options) {}

  // Once set, errors name a value's column; before, they name "header".
  void SetHeader(const std::vector<std::string>* header) { header_ = header; }

  // Reads the next non-empty record; false at the end of the text.
  Result<bool> Next(std::vector<std::string>& fields, int& line) {
    while (!AtEnd() && ConsumeLineBreak()) {
    }
    if (AtEnd()) return false;
    line = line_;
    fields.clear();
    for (;;) {
      if (fields.size() == options_.max_fields) {
        return CsvError(line, header_ ? "row" : "header",
                        "has more than " + std::to_string(options_.max_fields) + " values");
      }
      std::string field;
      if (!AtEnd() && text_[pos_] == '"') {
        ACCORD_TRY(ReadQuoted(field, fields.size()));
      } else {
        ACCORD_TRY(ReadPlain(field, fields.size()));
      }
      fields.push_back(std::move(field));
      if (AtEnd()) return true;
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      ConsumeLineBreak();
      return true;
    }
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }

  bool ConsumeLineBreak() {
    if (text_[pos_] == '\r') {
      ++pos_;
      if (!AtEnd() && text_[pos_] == '\n') ++pos_;
    } else if (text_[pos_] == '\n') {
      ++pos_;
    } else {
      return false;
    }
    ++line_;
    return true;
  }

  // The field an error about the index-th value names.
  std::string Where(size_t index) const {
    if (!header_) return "header";
    if (index < header_->size()) return (*header_)[index];
    return "column " + std::to_string(index + 1);
  }

  Status TooLong(int line, size_t index) const {
    return CsvError(line, Where(index),
                    "value is longer than " + std::to_string(options_.max_field_bytes) + " bytes");
  }

  Status ReadPlain(std::string& field, size_t index) {
    size_t end = text_.find_first_of(",\r\n\"", pos_);
    if (end == std::string_view::npos) end = text_.size();
    if (end < text_.size() && text_[end] == '"') {
      return CsvError(line_, Where(index),
                      "has a quote inside an unquoted value; enclose the whole value in quotes "
                      "and double each quote inside it (\"\")");
    }
    if (end - pos_ > options_.max_field_bytes) return TooLong(line_, index);
    field.assign(text_.substr(pos_, end - pos_));
    pos_ = end;
    return Ok();
  }

  Status ReadQuoted(std::string& field, size_t index) {
    const int open_line = line_;
    ++pos_;  // the opening quote
    for (;;) {
      size_t quote = text_.find('"', pos_);
      if (quote == std::string_view::npos) {
        return CsvError(open_line, Where(index),
                        "opens a quote that is never closed; end the value with \"");
      }
      std::string_view chunk = text_.substr(pos_, quote - pos_);
      line_ += CountLineBreaks(chunk);
      if (field.size() + chunk.size() > options_.max_field_bytes) {
        return TooLong(open_line, index);
      }
      field.append(chunk);
      pos_ = quote + 1;
      if (AtEnd() || text_[pos_] != '"') break;
      field.push_back('"');  // "" inside quotes is one quote
      ++pos_;
    }
    if (field.size() > options_.max_field_bytes) return TooLong(open_line, index);
    if (!AtEnd() && text_[pos_] != ',' && text_[pos_] != '\r' && text_[pos_] != '\n') {
      return CsvError(line_, Where(index),
                      "has text after its closing quote; double each quote inside a quoted "
                      "value (\"\")");
    }
    return Ok();
  }

  std::string_view text_;
  const CsvOptions& options_;
  const std::vector<std::string>* header_ = nullptr;
  size_t pos_ = 0;
  int line_ = 1;
};

Status CheckHeader(std::vector<std::string>& header, int line) {
  for (size_t i = 0; i < header.size(); ++i) {
    header[i] = std::string(Trim(header[i]));
    const std::string column = "column " + std::to_string(i + 1);
    if (header[i].empty()) {
      return CsvError(line, "header", column + " has no name; name every column");
    }
    for (size_t j = 0; j < i; ++j) {
      if (header[j] == header[i]) {
        return CsvError(line, "header",
                        column + " repeats the name '" + header[i] + "' of column " +
                            std::to_string(j + 1) + "; column names must be unique");
      }
    }
  }
  return Ok();
}

// "-5", "+1.25": a spreadsheet reads these as numbers, never as formulas.
bool IsPlainNumber(std::string_view s) {
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) s.remove_prefix(1);
  size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "1" : s.substr(dot + 1);
  auto digits = [](std::string_view d) {
    if (d.empty()) return false;
    for (char c : d) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  };
  return digits(whole) && digits(fraction);
}

bool MayRunAsFormula(std::string_view s) {
  if (s.empty()) return false;
  if (std::string_view("=+-@\t\r").find(s.front()) == std::string_view::npos) return false;
  return !IsPlainNumber(s);
}

}  // namespace

std::optional<size_t> CsvTable::Column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  return std::nullopt;
}

Result<CsvTable> ParseCsv(std::string_view text, const CsvOptions& options) {
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return CsvError(LineAt(text, nul), "file",
                    "contains a NUL byte, so it is not CSV text; export the sheet as CSV");
  }
  if (size_t bad = InvalidUtf8At(text); bad != std::string_view::npos) {
    return CsvError(
        LineAt(text, bad), "file",
        "is not valid UTF-8 (byte " + std::to_string(bad) + "); save it as \"CSV UTF-8\"");
  }

  Reader reader(text, options);
  CsvTable table;
  int line = 1;
  auto has_header = reader.Next(table.header, line);
  if (!has_header.ok()) return std::move(has_header).error();
  if (!*has_header) {
    return CsvError(1, "file", "is empty; the first line must name the columns");
  }
  ACCORD_TRY(CheckHeader(table.header, line));
  reader.SetHeader(&table.header);

  std::vector<std::string> fields;
  for (;;) {
    auto more = reader.Next(fields, line);
    if (!more.ok()) return std::move(more).error();
    if (!*more) break;
    if (fields.size() != table.header.size()) {
      return CsvError(line, "row",
                      "has " + std::to_string(fields.size()) + " values but the header has " +
                          std::to_string(table.header.size()) +
                          " columns; separate values with commas and quote any value that "
                          "contains one");
    }
    if (table.rows.size() == options.max_rows) {
      return CsvError(line, "file",
                      "has more than " + std::to_string(options.max_rows) +
                          " rows; split it into smaller files");
    }
    table.rows.push_back(CsvRow{line, std::move(fields)});
    fields = {};
  }
  return table;
}

std::string CsvEscape(std::string_view field, CsvFormulas formulas) {
  std::string value;
  if (formulas == CsvFormulas::kNeutralize && MayRunAsFormula(field)) value = "'";
  value.append(field);
  bool quote = value.find_first_of(",\"\r\n") != std::string::npos ||
               (!value.empty() && (IsBlank(value.front()) || IsBlank(value.back())));
  if (!quote) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

void AppendCsvRow(std::string& out, std::span<const std::string> fields, CsvFormulas formulas) {
  // A lone empty value would make an empty line, which the parser skips.
  if (fields.size() == 1 && fields[0].empty()) {
    out += "\"\"\r\n";
    return;
  }
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(',');
    out += CsvEscape(fields[i], formulas);
  }
  out += "\r\n";
}

}  // namespace accord
