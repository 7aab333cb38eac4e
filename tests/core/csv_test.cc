#include "accord/core/csv.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace accord {
namespace {

using Fields = std::vector<std::string>;

// Parses text that must fail; returns its one detail after checking the code and message.
ErrorDetail ParseError(std::string_view text, const CsvOptions& options = {}) {
  auto result = ParseCsv(text, options);
  EXPECT_FALSE(result.ok()) << "parsed: " << text;
  if (result.ok()) return {};
  const Error& error = result.error();
  EXPECT_EQ(error.code, ErrorCode::kValidationFailed);
  EXPECT_EQ(error.details.size(), 1u);
  if (error.details.empty()) return {};
  const ErrorDetail& d = error.details[0];
  EXPECT_TRUE(d.line.has_value());
  EXPECT_EQ(error.message,
            "line " + std::to_string(d.line.value_or(0)) + ": " + d.field + ": " + d.reason);
  return d;
}

TEST(CsvParseTest, HeaderAndRowsWithTheirLines) {
  auto t = ParseCsv("name,email\nAcme,a@acme.test\nGlobex,g@globex.test\n");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->header, (Fields{"name", "email"}));
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0].line, 2);
  EXPECT_EQ(t->rows[0].fields, (Fields{"Acme", "a@acme.test"}));
  EXPECT_EQ(t->rows[1].line, 3);
  EXPECT_EQ(t->rows[1].fields, (Fields{"Globex", "g@globex.test"}));
  EXPECT_EQ(t->Column("email"), 1u);
  EXPECT_EQ(t->Column("phone"), std::nullopt);
}

TEST(CsvParseTest, CrLfBomAndNoFinalLineBreak) {
  auto t = ParseCsv("\xEF\xBB\xBFid,note\r\n1,first\r\n2,second");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->header, (Fields{"id", "note"}));
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[1].fields, (Fields{"2", "second"}));
  EXPECT_EQ(t->rows[1].line, 3);
}

TEST(CsvParseTest, LoneCarriageReturnsEndLines) {
  auto t = ParseCsv("a,b\r1,2\r3,4\r");
  ASSERT_TRUE(t.ok()) << t.error().message;
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[1].fields, (Fields{"3", "4"}));
  EXPECT_EQ(t->rows[1].line, 3);
}

TEST(CsvParseTest, QuotedFieldsWithCommasQuotesAndNewlines) {
  std::string text =
      "name,notes\r\n"
      "\"Acme, Inc.\",\"said \"\"hi\"\"\"\r\n"
      "Globex,\"two\r\nlines\nand three\"\r\n"
      "Initech,\"\"\r\n"
      "\"\",plain\r\n";
  auto t = ParseCsv(text);
  ASSERT_TRUE(t.ok()) << t.error().message;
  ASSERT_EQ(t->rows.size(), 4u);
  EXPECT_EQ(t->rows[0].fields, (Fields{"Acme, Inc.", "said \"hi\""}));
  EXPECT_EQ(t->rows[1].fields, (Fields{"Globex", "two\r\nlines\nand three"}));
  EXPECT_EQ(t->rows[1].line, 3);
  EXPECT_EQ(t->rows[2].line, 6) << "the quoted newlines count as lines";
  EXPECT_EQ(t->rows[2].fields, (Fields{"Initech", ""}));
  EXPECT_EQ(t->rows[3].fields, (Fields{"", "plain"}));
  EXPECT_EQ(t->rows[3].line, 7);
}

TEST(CsvParseTest, BlankLinesAreSkippedButCounted) {
  auto t = ParseCsv("\n\na,b\n\n1,2\r\n\r\n\n3,4\n\n");
  ASSERT_TRUE(t.ok()) << t.error().message;
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0].line, 5);
  EXPECT_EQ(t->rows[1].line, 8);
}

TEST(CsvParseTest, EmptyValuesAndTrailingComma) {
  auto t = ParseCsv("a,b,c\n,,\n1,,\n");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->rows[0].fields, (Fields{"", "", ""}));
  EXPECT_EQ(t->rows[1].fields, (Fields{"1", "", ""}));
}

TEST(CsvParseTest, HeaderNamesAreTrimmedValuesAreNot) {
  auto t = ParseCsv(" name ,\temail\n  Acme , x \n");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->header, (Fields{"name", "email"}));
  EXPECT_EQ(t->rows[0].fields, (Fields{"  Acme ", " x "}));
}

TEST(CsvParseTest, HeaderOnlyHasNoRows) {
  auto t = ParseCsv("a,b\r\n");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_TRUE(t->rows.empty());
}

TEST(CsvParseTest, Utf8IsKept) {
  auto t = ParseCsv("name\nZürich AG\n東京\n");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->rows[0].fields[0], "Zürich AG");
  EXPECT_EQ(t->rows[1].fields[0], "東京");
}

TEST(CsvErrorTest, WrongNumberOfValuesNamesTheLine) {
  auto d = ParseError("a,b,c\n1,2,3\n\n\"x\ny\",2,3\n4,5\n");
  EXPECT_EQ(d.line, 6);
  EXPECT_EQ(d.field, "row");
  EXPECT_NE(d.reason.find("has 2 values but the header has 3 columns"), std::string::npos)
      << d.reason;
  EXPECT_EQ(ParseError("a,b\n1,2,3\n").line, 2);
}

TEST(CsvErrorTest, UnterminatedQuoteNamesTheLineItOpened) {
  auto d = ParseError("a,b\n1,2\n3,\"never closed\n4,5\n");
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.field, "b");
  EXPECT_NE(d.reason.find("never closed"), std::string::npos);
  EXPECT_EQ(ParseError("\"a,b\n").field, "header");
}

TEST(CsvErrorTest, StrayQuotes) {
  auto inside = ParseError("a,b\n1,2\n3,4\"5\n");
  EXPECT_EQ(inside.line, 3);
  EXPECT_EQ(inside.field, "b");
  EXPECT_NE(inside.reason.find("quote inside an unquoted value"), std::string::npos);

  auto after = ParseError("a,b\n\"multi\nline\"x,2\n");
  EXPECT_EQ(after.line, 3);
  EXPECT_EQ(after.field, "a");
  EXPECT_NE(after.reason.find("after its closing quote"), std::string::npos);
}

TEST(CsvErrorTest, NulByte) {
  auto d = ParseError(std::string("a,b\n1,2\n3,\0\n", 12));
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.field, "file");
  EXPECT_NE(d.reason.find("NUL"), std::string::npos);
}

TEST(CsvErrorTest, InvalidUtf8) {
  auto d = ParseError("a\nok\nLatin-1 \xE9t\xE9\n");
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.field, "file");
  EXPECT_NE(d.reason.find("UTF-8"), std::string::npos);
  EXPECT_FALSE(ParseCsv("a\n\xED\xA0\x80\n").ok()) << "a UTF-16 surrogate";
}

TEST(CsvErrorTest, EmptyFile) {
  for (std::string_view text : {"", "\xEF\xBB\xBF", "\r\n\n"}) {
    auto d = ParseError(text);
    EXPECT_EQ(d.field, "file");
    EXPECT_NE(d.reason.find("is empty"), std::string::npos);
  }
}

TEST(CsvErrorTest, EmptyAndDuplicateHeaderNames) {
  auto empty = ParseError("\na,  ,c\n1,2,3\n");
  EXPECT_EQ(empty.line, 2);
  EXPECT_EQ(empty.field, "header");
  EXPECT_EQ(empty.reason, "column 2 has no name; name every column");
  EXPECT_EQ(ParseError("a,b,\n").reason, "column 3 has no name; name every column");

  auto dup = ParseError("email,name, email\n");
  EXPECT_EQ(dup.line, 1);
  EXPECT_EQ(dup.field, "header");
  EXPECT_NE(dup.reason.find("column 3 repeats the name 'email' of column 1"), std::string::npos)
      << dup.reason;
}

TEST(CsvErrorTest, TooManyValuesInARow) {
  CsvOptions options;
  options.max_fields = 3;
  EXPECT_TRUE(ParseCsv("a,b,c\n1,2,3\n", options).ok());
  auto header = ParseError("a,b,c,d\n", options);
  EXPECT_EQ(header.field, "header");
  EXPECT_EQ(header.reason, "has more than 3 values");
  auto row = ParseError("a,b,c\n1,2,3\n1,2,3,4,5,6\n", options);
  EXPECT_EQ(row.line, 3);
  EXPECT_EQ(row.field, "row");
}

TEST(CsvErrorTest, ValueTooLongNamesItsColumn) {
  CsvOptions options;
  options.max_field_bytes = 8;
  EXPECT_TRUE(ParseCsv("a,b\n12345678,\"1234567\"\"\"\n", options).ok());
  auto plain = ParseError("a,b\n1,123456789\n", options);
  EXPECT_EQ(plain.line, 2);
  EXPECT_EQ(plain.field, "b");
  EXPECT_EQ(plain.reason, "value is longer than 8 bytes");
  auto quoted = ParseError("a,b\n1,2\n\"12345\n6789\",2\n", options);
  EXPECT_EQ(quoted.line, 3);
  EXPECT_EQ(quoted.field, "a");
  EXPECT_EQ(ParseError("a,b\n\"1234567\"\"\"\"\",2\n", options).field, "a") << "quotes count";
  EXPECT_EQ(ParseError("abcdefghi\n", options).field, "header");
}

TEST(CsvErrorTest, DefaultValueLimitIs64KiB) {
  std::string fits = "a\n" + std::string(64 * 1024, 'x') + "\n";
  EXPECT_TRUE(ParseCsv(fits).ok());
  std::string over = "a\n" + std::string(64 * 1024 + 1, 'x') + "\n";
  EXPECT_EQ(ParseError(over).reason, "value is longer than 65536 bytes");
}

TEST(CsvErrorTest, TooManyRows) {
  CsvOptions options;
  options.max_rows = 2;
  EXPECT_TRUE(ParseCsv("a\n1\n2\n", options).ok());
  auto d = ParseError("a\n1\n2\n\n3\n", options);
  EXPECT_EQ(d.line, 5);
  EXPECT_EQ(d.field, "file");
  EXPECT_EQ(d.reason, "has more than 2 rows; split it into smaller files");
}

TEST(CsvParseTest, HundredThousandRows) {
  std::string text = "id,name,note\r\n";
  for (int i = 0; i < 100'000; ++i) {
    std::string id = std::to_string(i);
    AppendCsvRow(text, Fields{id, "party " + id, i % 10 == 0 ? "has, a comma" : "plain"});
  }
  auto t = ParseCsv(text);
  ASSERT_TRUE(t.ok()) << t.error().message;
  ASSERT_EQ(t->rows.size(), 100'000u);
  EXPECT_EQ(t->rows[99'999].line, 100'001);
  EXPECT_EQ(t->rows[99'999].fields[1], "party 99999");
  EXPECT_EQ(t->rows[99'990].fields[2], "has, a comma");
}

TEST(CsvWriteTest, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvEscape("plain"), "plain");
  EXPECT_EQ(CsvEscape(""), "");
  EXPECT_EQ(CsvEscape("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvEscape("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvEscape("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvEscape("cr\r"), "\"cr\r\"");
  EXPECT_EQ(CsvEscape(" padded"), "\" padded\"");
  EXPECT_EQ(CsvEscape("padded\t"), "\"padded\t\"");
  EXPECT_EQ(CsvEscape("in side"), "in side");
}

TEST(CsvWriteTest, RowsEndInCrLf) {
  std::string out;
  AppendCsvRow(out, Fields{"a", "b,c", ""});
  AppendCsvRow(out, Fields{""});
  AppendCsvRow(out, Fields{});
  EXPECT_EQ(out, "a,\"b,c\",\r\n\"\"\r\n\r\n");
}

TEST(CsvWriteTest, FormulasAreNeutralizedByDefault) {
  EXPECT_EQ(CsvEscape("=HYPERLINK(\"http://evil\")"), "\"'=HYPERLINK(\"\"http://evil\"\")\"");
  EXPECT_EQ(CsvEscape("+cmd"), "'+cmd");
  EXPECT_EQ(CsvEscape("-2+3"), "'-2+3");
  EXPECT_EQ(CsvEscape("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvEscape("\t=1"), "'\t=1");
  EXPECT_EQ(CsvEscape("\r=1"), "\"'\r=1\"");
  EXPECT_EQ(CsvEscape("a=1"), "a=1");
  // Numbers cannot run, so they keep their value.
  EXPECT_EQ(CsvEscape("-5"), "-5");
  EXPECT_EQ(CsvEscape("+1.25"), "+1.25");
  EXPECT_EQ(CsvEscape("-"), "'-");
  EXPECT_EQ(CsvEscape("-1."), "'-1.");
  EXPECT_EQ(CsvEscape("-1e5"), "'-1e5");

  EXPECT_EQ(CsvEscape("=1+1", CsvFormulas::kKeep), "=1+1");
  std::string out;
  AppendCsvRow(out, Fields{"=1", "2"}, CsvFormulas::kKeep);
  EXPECT_EQ(out, "=1,2\r\n");
}

TEST(CsvRoundTripTest, WhatIsWrittenParsesBack) {
  std::vector<Fields> rows = {
      {"plain", "", "a,b"},
      {"say \"hi\"", "two\r\nlines", "lf\nonly"},
      {" leading", "trailing ", "\"quoted\""},
      {"=1+1", "-5", "@x"},
      {"Zürich", "\t", ","},
      {"", "", ""},
  };
  std::string out;
  AppendCsvRow(out, Fields{"a", "b", "c"});
  for (const auto& row : rows) AppendCsvRow(out, row, CsvFormulas::kKeep);
  auto t = ParseCsv(out);
  ASSERT_TRUE(t.ok()) << t.error().message;
  ASSERT_EQ(t->rows.size(), rows.size());
  for (size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(t->rows[i].fields, rows[i]) << i;
  EXPECT_EQ(t->rows[2].line, 6) << "the line breaks inside row 2 count";

  // Neutralized exports change only values that could run as formulas.
  std::string safe;
  AppendCsvRow(safe, Fields{"a", "b", "c"});
  AppendCsvRow(safe, rows[3]);
  auto back = ParseCsv(safe);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->rows[0].fields, (Fields{"'=1+1", "-5", "'@x"}));
}

TEST(CsvRoundTripTest, SingleColumnWithEmptyValues) {
  std::string out;
  for (std::string v : {"h", "", "x", ""}) AppendCsvRow(out, Fields{v});
  auto t = ParseCsv(out);
  ASSERT_TRUE(t.ok()) << t.error().message;
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(t->rows[0].fields, Fields{""});
  EXPECT_EQ(t->rows[2].fields, Fields{""});
}

}  // namespace
}  // namespace accord
