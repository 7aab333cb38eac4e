#include "accord/domain/document.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace accord::domain {
namespace {

constexpr std::string_view kDocx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr std::string_view kXlsx =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::vector<uint8_t> B(std::string_view s) { return {s.begin(), s.end()}; }

void PutLe(std::string& out, uint32_t v, int width) {
  for (int i = 0; i < width; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

// A valid ZIP archive of empty, stored entries with these names.
std::vector<uint8_t> Zip(const std::vector<std::string>& names) {
  std::string out, directory;
  for (const auto& name : names) {
    uint32_t offset = static_cast<uint32_t>(out.size());
    PutLe(out, 0x04034b50, 4);  // local file header
    PutLe(out, 20, 2);          // version needed
    PutLe(out, 0, 2);           // flags
    PutLe(out, 0, 2);           // method: stored
    PutLe(out, 0, 4);           // time, date
    PutLe(out, 0, 4);           // crc-32 of nothing
    PutLe(out, 0, 4);           // compressed size
    PutLe(out, 0, 4);           // size
    PutLe(out, static_cast<uint32_t>(name.size()), 2);
    PutLe(out, 0, 2);  // extra length
    out += name;

    PutLe(directory, 0x02014b50, 4);  // central directory header
    PutLe(directory, 20, 2);          // version made by
    PutLe(directory, 20, 2);          // version needed
    PutLe(directory, 0, 2);           // flags
    PutLe(directory, 0, 2);           // method
    PutLe(directory, 0, 4);           // time, date
    PutLe(directory, 0, 4);           // crc-32
    PutLe(directory, 0, 4);           // compressed size
    PutLe(directory, 0, 4);           // size
    PutLe(directory, static_cast<uint32_t>(name.size()), 2);
    PutLe(directory, 0, 2);  // extra length
    PutLe(directory, 0, 2);  // comment length
    PutLe(directory, 0, 2);  // disk
    PutLe(directory, 0, 2);  // internal attributes
    PutLe(directory, 0, 4);  // external attributes
    PutLe(directory, offset, 4);
    directory += name;
  }
  uint32_t directory_offset = static_cast<uint32_t>(out.size());
  out += directory;
  PutLe(out, 0x06054b50, 4);  // end of central directory
  PutLe(out, 0, 2);
  PutLe(out, 0, 2);
  PutLe(out, static_cast<uint32_t>(names.size()), 2);
  PutLe(out, static_cast<uint32_t>(names.size()), 2);
  PutLe(out, static_cast<uint32_t>(directory.size()), 4);
  PutLe(out, directory_offset, 4);
  PutLe(out, 0, 2);  // comment length
  return B(out);
}

std::vector<uint8_t> Docx() {
  return Zip({"[Content_Types].xml", "_rels/.rels", "word/document.xml"});
}
std::vector<uint8_t> Xlsx() {
  return Zip({"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/s1.xml"});
}

const std::vector<uint8_t> kPdf = B("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
const std::vector<uint8_t> kPng = B(std::string_view("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
const std::vector<uint8_t> kJpeg = B(std::string_view("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11));
const std::vector<uint8_t> kExe = B(std::string_view("MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF", 14));
const std::vector<uint8_t> kElf =
    B(std::string_view("\x7F"
                       "ELF\x02\x01\x01\0\0\0",
                       10));

// Checks that the document is refused naming `field` with `reason_part` in the reason.
void ExpectRefused(std::string_view type, const std::vector<uint8_t>& bytes,
                   std::string_view filename, std::string_view field,
                   std::string_view reason_part) {
  auto r = CheckDocument(type, bytes, filename);
  ASSERT_FALSE(r.ok()) << type << " " << filename << " was accepted";
  EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed);
  ASSERT_EQ(r.error().details.size(), 1u);
  EXPECT_EQ(r.error().details[0].field, field) << r.error().message;
  EXPECT_NE(r.error().details[0].reason.find(reason_part), std::string::npos) << r.error().message;
}

std::string Accepted(std::string_view type, const std::vector<uint8_t>& bytes,
                     std::string_view filename) {
  auto r = CheckDocument(type, bytes, filename);
  EXPECT_TRUE(r.ok()) << type << " " << filename << ": " << r.error().message;
  return r.ok() ? *r : std::string();
}

TEST(DocumentCheckTest, AcceptsEachType) {
  EXPECT_EQ(Accepted("application/pdf", kPdf, "soc2-report.pdf"), "application/pdf");
  EXPECT_EQ(Accepted("image/png", kPng, "diagram.png"), "image/png");
  EXPECT_EQ(Accepted("image/jpeg", kJpeg, "badge.JPG"), "image/jpeg");
  EXPECT_EQ(
      Accepted("text/plain", B("Evidence: backups tested 2024-05-01.\nZürich ✓\n"), "notes.txt"),
      "text/plain");
  EXPECT_EQ(Accepted("text/csv", B("control,status\nAC-1,pass\n"), "controls.csv"), "text/csv");
  EXPECT_EQ(Accepted(kDocx, Docx(), "Master Services Agreement.docx"), kDocx);
  EXPECT_EQ(Accepted(kXlsx, Xlsx(), "questionnaire.xlsx"), kXlsx);
}

TEST(DocumentCheckTest, DeclaredTypeIsNormalized) {
  EXPECT_EQ(Accepted("Text/Plain; charset=UTF-8", B("hi"), "a.txt"), "text/plain");
  EXPECT_EQ(Accepted(" APPLICATION/PDF ", kPdf, "a.pdf"), "application/pdf");
  EXPECT_EQ(Accepted("image/jpg", kJpeg, "a.jpeg"), "image/jpeg");
  EXPECT_EQ(Accepted("application/csv", B("a\n1\n"), "a.csv"), "text/csv");
  // What Windows browsers send for .csv when Excel is installed; only for .csv names.
  EXPECT_EQ(Accepted("application/vnd.ms-excel", B("a\n1\n"), "export.csv"), "text/csv");
  ExpectRefused("application/vnd.ms-excel", B("a\n1\n"), "old.xls", "content_type",
                "application/vnd.ms-excel is not accepted");
}

TEST(DocumentCheckTest, TextMayCarryABomAndAnyName) {
  EXPECT_EQ(Accepted("text/plain", B("\xEF\xBB\xBFhello"), "README"), "text/plain");
  EXPECT_EQ(Accepted("text/csv", B("a,b\n"), "data.txt"), "text/csv");
  EXPECT_EQ(Accepted("text/plain", B("MZ Holdings annual report"), "mz.txt"), "text/plain");
  EXPECT_EQ(Accepted("text/plain", B("see <html> tags below"), "a.txt"), "text/plain");
  EXPECT_EQ(Accepted("application/pdf", kPdf, "SOC 2 v1.2 (final)"), "application/pdf");
}

TEST(DocumentCheckTest, RefusesOtherDeclaredTypes) {
  for (std::string_view type :
       {"text/html", "image/svg+xml", "application/octet-stream", "application/zip",
        "application/javascript", "image/gif", "application/msword", "application/x-msdownload"}) {
    ExpectRefused(type, B("plain words"), "a", "content_type",
                  std::string(type) + " is not accepted; accepted types: PDF (application/pdf)");
  }
  ExpectRefused("", kPdf, "a.pdf", "content_type", "is missing; accepted types:");
}

TEST(DocumentCheckTest, RefusesActiveContentWhateverTheDeclaredType) {
  ExpectRefused("text/plain", B("<!DOCTYPE html><script>alert(1)</script>"), "a.txt", "file",
                "HTML, SVG or XML");
  ExpectRefused("text/plain", B("\n  <HTML><body>hi</body></HTML>"), "a.txt", "file", "HTML");
  ExpectRefused("image/png", B("<?xml version=\"1.0\"?><svg onload=\"alert(1)\"/>"), "a.png",
                "file", "could run code");
  ExpectRefused("text/csv", B("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "a.csv", "file",
                "SVG");
  ExpectRefused("application/pdf", kExe, "a.pdf", "file", "an executable program");
  ExpectRefused("text/plain", kElf, "a.txt", "file", "an executable program");
  ExpectRefused("text/plain", B("#!/bin/sh\nrm -rf /\n"), "run.txt", "file", "a script");
  ExpectRefused("text/html", B("<html></html>"), "a.html", "file", "accepted types:");
}

TEST(DocumentCheckTest, DeclaredTypeMustMatchTheContent) {
  ExpectRefused("image/png", kPdf, "a.png", "file",
                "content is a PDF document but content_type is image/png; upload it as "
                "application/pdf");
  ExpectRefused("image/jpeg", kPng, "a.jpg", "file", "content is a PNG image");
  ExpectRefused("application/pdf", B("just text"), "a.pdf", "file",
                "content is text but content_type is application/pdf");
  ExpectRefused("text/plain", kPdf, "a.txt", "file", "content is a PDF document");
  ExpectRefused("image/png", Docx(), "a.png", "file", "content is a ZIP archive");
  ExpectRefused(kDocx, kPdf, "a.docx", "file", "content is a PDF document");
  ExpectRefused(kDocx, Xlsx(), "a.docx", "file", "content is an Excel workbook (.xlsx)");
  ExpectRefused(kXlsx, Docx(), "a.xlsx", "file", "content is a Word document (.docx)");
  ExpectRefused("application/pdf", B(std::string_view("\x00\x01\x02garbage", 10)), "a.pdf", "file",
                "in no recognised document format");
}

TEST(DocumentCheckTest, OfficePackagesAreChecked) {
  ExpectRefused(kDocx, Zip({"META-INF/MANIFEST.MF", "Main.class"}), "a.docx", "file",
                "is a ZIP archive but not a Word document (.docx)");
  ExpectRefused(kDocx, Zip({"[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"}),
                "a.docx", "file", "contains macros");
  ExpectRefused(kXlsx, Zip({"[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin"}),
                "a.xlsx", "file", "macro-free .xlsx");
  ExpectRefused(kDocx, B("PK\x03\x04 then nothing of a zip"), "a.docx", "file",
                "ZIP directory is damaged");
  auto truncated = Docx();
  truncated.resize(truncated.size() - 30);
  ExpectRefused(kDocx, truncated, "a.docx", "file", "damaged");
  // A central directory that points past its end.
  auto bad_offset = Docx();
  bad_offset[bad_offset.size() - 6] = 0xFF;
  ExpectRefused(kDocx, bad_offset, "a.docx", "file", "damaged");
}

TEST(DocumentCheckTest, TextMustBeUtf8WithoutNul) {
  ExpectRefused("text/plain", B(std::string_view("line one\nline\0two", 17)), "a.txt", "file",
                "contains a NUL byte at offset 13");
  ExpectRefused("text/csv", B("name\nCaf\xE9\n"), "a.csv", "file",
                "is not valid UTF-8 text (byte 8)");
}

// Text is checked eight ASCII bytes at a time: a NUL, a bad byte or a multi-byte character is
// found wherever it falls in or across such a block.
TEST(DocumentCheckTest, EveryOffsetIsCheckedInAsciiText) {
  for (size_t at = 0; at < 24; ++at) {
    std::string text(24, 'a');
    text[at] = '\0';
    ExpectRefused("text/plain", B(text), "a.txt", "file",
                  "contains a NUL byte at offset " + std::to_string(at));
    text[at] = '\xE9';
    ExpectRefused("text/plain", B(text), "a.txt", "file",
                  "is not valid UTF-8 text (byte " + std::to_string(at) + ")");
    if (at + 2 <= text.size()) {
      text.replace(at, 2, "\xC3\xA9");  // é, valid
      EXPECT_EQ(Accepted("text/plain", B(text), "a.txt"), "text/plain") << at;
    }
  }
}

TEST(DocumentCheckTest, EmptyAndTooLarge) {
  ExpectRefused("application/pdf", {}, "a.pdf", "file", "is empty");
  std::vector<uint8_t> big(kMaxDocumentBytes + 1, 'a');
  std::copy(kPdf.begin(), kPdf.end(), big.begin());
  auto r = CheckDocument("application/pdf", big, "big.pdf");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kPayloadTooLarge);
  EXPECT_EQ(r.error().details.at(0).field, "file");
  big.pop_back();
  EXPECT_TRUE(CheckDocument("application/pdf", big, "big.pdf").ok());
}

// Uploads are checked from the file they were received into, a chunk at a time: what spans a
// chunk's end, or lies past the first bytes, is judged as if the whole were in memory.
TEST(DocumentCheckTest, ContentReadInChunksIsJudgedWhole) {
  std::string text(64 * 1024 - 1, 'a');
  text += "\xC3\xA9 caf\xC3\xA9\n";  // the first é straddles the first 64 KiB read
  EXPECT_EQ(Accepted("text/plain", B(text), "long.txt"), "text/plain");
  std::string bad = std::string(100 * 1024, 'b') + "\xE9";
  ExpectRefused("text/plain", B(bad), "bad.txt", "file",
                "is not valid UTF-8 text (byte " + std::to_string(100 * 1024) + ")");
  std::string nul = std::string(70 * 1024, 'c') + std::string(1, '\0');
  ExpectRefused("text/plain", B(nul), "nul.txt", "file",
                "contains a NUL byte at offset " + std::to_string(70 * 1024));
  // A page behind 100 KiB of white space is still a page.
  ExpectRefused("text/plain", B(std::string(100 * 1024, ' ') + "<html><script>x</script>"),
                "page.txt", "file", "could run code");

  // The reader sees only ranges it is asked for, and a failed read is an error, not a verdict.
  std::vector<uint8_t> bytes = B(text);
  size_t largest = 0;
  ContentReader read = [&](uint64_t offset, std::span<uint8_t> out) -> std::optional<size_t> {
    largest = std::max(largest, out.size());
    size_t n = std::min(out.size(), bytes.size() - static_cast<size_t>(offset));
    std::copy_n(bytes.begin() + static_cast<std::ptrdiff_t>(offset), n, out.begin());
    return n;
  };
  EXPECT_TRUE(CheckDocumentContent("text/plain", bytes.size(), read, "long.txt").ok());
  EXPECT_LE(largest, 64u * 1024);
  ContentReader broken = [](uint64_t, std::span<uint8_t>) -> std::optional<size_t> {
    return std::nullopt;
  };
  auto r = CheckDocumentContent("text/plain", bytes.size(), broken, "long.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
}

TEST(DocumentCheckTest, FilenameExtensionMustFit) {
  ExpectRefused("application/pdf", kPdf, "invoice.pdf.exe", "filename",
                "ends in .exe, a kind of file that can run code when opened");
  ExpectRefused("text/plain", B("hi"), "page.HTML", "filename", "ends in .html");
  ExpectRefused("text/plain", B("hi"), "evil.svg. . ", "filename", "ends in .svg");
  ExpectRefused("text/plain", B("hi"), "C:\\Users\\me\\run.js", "filename", "ends in .js");
  ExpectRefused(kDocx, Docx(), "contract.docm", "filename", "ends in .docm");
  ExpectRefused("application/pdf", kPdf, "photo.png", "filename",
                "ends in .png but the content is a PDF document; rename it to .pdf");
  ExpectRefused(kXlsx, Xlsx(), "sheet.docx", "filename", "rename it to .xlsx");
}

TEST(DocumentFilenameTest, KeepsOrdinaryNames) {
  for (std::string_view name : {"report.pdf", "SOC 2 Type II (2024).pdf", "Vertrag über Daten.docx",
                                "契約書.pdf", "a", "no-extension", "console.txt", "com10.txt"}) {
    auto r = SanitizeFilename(name);
    ASSERT_TRUE(r.ok()) << name << ": " << r.error().message;
    EXPECT_EQ(*r, name);
  }
}

TEST(DocumentFilenameTest, CleansUnsafeNames) {
  auto clean = [](std::string_view in) {
    auto r = SanitizeFilename(in);
    EXPECT_TRUE(r.ok()) << in << ": " << r.error().message;
    return r.ok() ? *r : std::string("<error>");
  };
  EXPECT_EQ(clean("../../etc/passwd"), "passwd");
  EXPECT_EQ(clean("C:\\Users\\me\\SOC 2.pdf"), "SOC 2.pdf");
  EXPECT_EQ(clean(".htaccess"), "htaccess");
  EXPECT_EQ(clean("...hidden.txt"), "hidden.txt");
  EXPECT_EQ(clean("  spaced name.pdf .. "), "spaced name.pdf");
  EXPECT_EQ(clean("a\x01"
                  "b\nc\x7F.txt"),
            "abc.txt");
  EXPECT_EQ(clean("a\xC2\x85"
                  "b.txt"),
            "ab.txt")
      << "C1 control NEL";
  EXPECT_EQ(clean("invoice\u202Efdp.exe"), "invoicefdp.exe") << "right-to-left override";
  EXPECT_EQ(clean("zero\u200Bwidth\uFEFF.pdf"), "zerowidth.pdf");
  EXPECT_EQ(clean("what?<x>:|*\".pdf"), "what__x_____.pdf");
  EXPECT_EQ(clean("\xFF"
                  "a.pdf"),
            "_a.pdf")
      << "a byte that is not UTF-8";
  EXPECT_EQ(clean("con.txt"), "_con.txt");
  EXPECT_EQ(clean("LPT1"), "_LPT1");
}

TEST(DocumentFilenameTest, LongNamesAreCutOnACharacterBoundaryKeepingTheExtension) {
  std::string accents;
  for (int i = 0; i < 300; ++i) accents += "é";
  auto r = SanitizeFilename(accents + ".pdf");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->size(), 200u);
  EXPECT_EQ(*r, accents.substr(0, 196) + ".pdf");

  std::string euros;
  for (int i = 0; i < 100; ++i) euros += "€";
  r = SanitizeFilename(euros + ".txt");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, euros.substr(0, 195) + ".txt") << "65 whole 3-byte characters";

  r = SanitizeFilename(std::string(250, 'a'));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, std::string(200, 'a'));

  r = SanitizeFilename(std::string(195, 'a') + " .tar.gz-but-very-long-suffix");
  ASSERT_TRUE(r.ok());
  EXPECT_LE(r->size(), 200u);
}

TEST(DocumentFilenameTest, NothingLeftIsAnError) {
  for (std::string_view name :
       {"", "/", "dir/", "C:\\", "..", "...", " . ", "\x01\x02", "\u202E"}) {
    auto r = SanitizeFilename(name);
    ASSERT_FALSE(r.ok()) << "'" << name << "' gave '" << *r << "'";
    EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed);
    EXPECT_EQ(r.error().details.at(0).field, "filename");
  }
}

}  // namespace
}  // namespace accord::domain
