#include "accord/domain/document.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <vector>

#include "accord/core/utf8.h"

namespace accord::domain {
namespace {

constexpr std::string_view kAccepted =
    "accepted types: PDF (application/pdf), PNG (image/png), JPEG (image/jpeg), UTF-8 text "
    "(text/plain), CSV (text/csv), Word .docx and Excel .xlsx";

// What the bytes are, judged by their magic numbers.
enum class Kind { kPdf, kPng, kJpeg, kZip, kText, kMarkup, kScript, kExecutable, kUnknown };

struct DocType {
  std::string_view mime;
  Kind kind;
  std::string_view description;
  std::array<std::string_view, 3> extensions;  // lowercase, without the dot; "" unused
  std::string_view zip_part;                   // the part an OOXML package must contain
};

constexpr DocType kTypes[] = {
    {"application/pdf", Kind::kPdf, "a PDF document", {"pdf"}, {}},
    {"image/png", Kind::kPng, "a PNG image", {"png"}, {}},
    {"image/jpeg", Kind::kJpeg, "a JPEG image", {"jpg", "jpeg", "jpe"}, {}},
    {"text/plain", Kind::kText, "plain text", {"txt", "text", "log"}, {}},
    {"text/csv", Kind::kText, "CSV text", {"csv"}, {}},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     Kind::kZip,
     "a Word document (.docx)",
     {"docx"},
     "word/document.xml"},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
     Kind::kZip,
     "an Excel workbook (.xlsx)",
     {"xlsx"},
     "xl/workbook.xml"},
};
constexpr const DocType& kPdfType = kTypes[0];
constexpr const DocType& kPngType = kTypes[1];
constexpr const DocType& kJpegType = kTypes[2];
constexpr const DocType& kCsvType = kTypes[4];

// Extensions whose files a desktop or browser may run or render as active content.
constexpr std::string_view kActiveExtensions[] = {
    "html", "htm",  "xhtml", "shtml", "svg",  "svgz", "xml",  "xsl", "js",  "mjs",    "jse", "vbs",
    "vbe",  "wsf",  "wsh",   "hta",   "exe",  "com",  "scr",  "msi", "dll", "bat",    "cmd", "ps1",
    "psm1", "sh",   "jar",   "app",   "lnk",  "reg",  "cpl",  "pif", "apk", "py",     "php", "pl",
    "rb",   "docm", "dotm",  "xlsm",  "xltm", "xlam", "pptm", "swf", "url", "desktop"};

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string ToLower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), Lower);
  return out;
}

bool StartsWith(std::span<const uint8_t> b, std::string_view magic) {
  return b.size() >= magic.size() &&
         std::equal(magic.begin(), magic.end(), b.begin(),
                    [](char m, uint8_t c) { return static_cast<uint8_t>(m) == c; });
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

// The code point of a well-formed sequence of length n at s[i].
uint32_t DecodeUtf8(std::string_view s, size_t i, size_t n) {
  auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<uint8_t>(s[i + k])); };
  switch (n) {
    case 1:
      return b(0);
    case 2:
      return ((b(0) & 0x1f) << 6) | (b(1) & 0x3f);
    case 3:
      return ((b(0) & 0x0f) << 12) | ((b(1) & 0x3f) << 6) | (b(2) & 0x3f);
    default:
      return ((b(0) & 0x07) << 18) | ((b(1) & 0x3f) << 12) | ((b(2) & 0x3f) << 6) | (b(3) & 0x3f);
  }
}

// A document's bytes, read a chunk at a time: from memory or from a file.
class Content {
 public:
  Content(uint64_t size, const ContentReader& read) : size_(size), read_(read) {}
  uint64_t size() const { return size_; }
  // The bytes [offset, offset + n), cut at the end.
  Result<std::vector<uint8_t>> Read(uint64_t offset, size_t n) const {
    if (offset >= size_) return std::vector<uint8_t>();
    std::vector<uint8_t> out(static_cast<size_t>(std::min<uint64_t>(n, size_ - offset)));
    auto got = read_(offset, out);
    if (!got || *got != out.size()) {
      return Internal("the document could not be read back at byte " + std::to_string(offset));
    }
    return out;
  }

 private:
  uint64_t size_;
  const ContentReader& read_;
};

constexpr size_t kChunk = 64 * 1024;
constexpr size_t kSniffBytes = 4096;

std::string_view AsText(const std::vector<uint8_t>& b) {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

// The first byte at or after `i` that is NUL or not ASCII, eight bytes at a time: most text is
// ASCII, and a 25 MiB upload is checked byte by byte only where it is not.
size_t SkipAscii(std::string_view s, size_t i) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL, kOnes = 0x0101010101010101ULL;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w = 0;
    std::memcpy(&w, s.data() + i, 8);
    if ((w & kHigh) != 0 || ((w - kOnes) & ~w & kHigh) != 0) break;  // a high bit or a zero byte
  }
  return i;
}

// Why the bytes are not UTF-8 text without NUL, or nullopt when they are.
Result<std::optional<std::string>> TextProblem(const Content& content) {
  std::string carry;  // the start of a sequence cut by the chunk's end
  for (uint64_t at = 0; at < content.size(); at += kChunk) {
    auto chunk = content.Read(at, kChunk);
    if (!chunk.ok()) return std::move(chunk).error();
    const uint64_t base = at - carry.size();
    std::string s = carry + std::string(AsText(*chunk));
    const bool last = at + chunk->size() >= content.size();
    carry.clear();
    for (size_t i = SkipAscii(s, 0); i < s.size(); i = SkipAscii(s, i)) {
      if (s[i] == '\0') {
        return std::optional<std::string>("contains a NUL byte at offset " +
                                          std::to_string(base + i) + ", so it is not text");
      }
      size_t n = Utf8Length(s, i);
      if (n == 0 && !last && s.size() - i < 4) {
        carry = s.substr(i);  // decided once the next chunk has arrived
        break;
      }
      if (n == 0) {
        return std::optional<std::string>("is not valid UTF-8 text (byte " +
                                          std::to_string(base + i) + "); save it as UTF-8");
      }
      i += n;
    }
  }
  return std::optional<std::string>();
}

bool IsSpace(char c) { return std::string_view(" \t\r\n\f").find(c) != std::string_view::npos; }

// Text whose first characters a browser would render as a page, or a script.
Result<Kind> SniffText(const Content& content, std::string_view head) {
  size_t skip = head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  if (head.substr(skip).starts_with("#!")) return Kind::kScript;
  // The first character that is not white space, however far in.
  uint64_t start = content.size();
  for (uint64_t at = skip; at < content.size(); at += kChunk) {
    auto chunk = content.Read(at, kChunk);
    if (!chunk.ok()) return std::move(chunk).error();
    auto it = std::find_if_not(chunk->begin(), chunk->end(), [](uint8_t c) { return IsSpace(c); });
    if (it != chunk->end()) {
      start = at + static_cast<uint64_t>(it - chunk->begin());
      break;
    }
  }
  auto from = content.Read(start, 16);
  if (!from.ok()) return std::move(from).error();
  // Browsers render these as pages (SVG and XML can carry script too).
  for (std::string_view tag :
       {"<!doctype", "<html", "<head", "<body", "<script", "<iframe", "<svg", "<?xml", "<!--"}) {
    if (StartsWithNoCase(AsText(*from), tag)) return Kind::kMarkup;
  }
  return Kind::kText;
}

// What the content is by its first bytes; text must be UTF-8 throughout (else `text_problem`
// says why, and it is not text).
Result<Kind> Sniff(const Content& content, std::optional<std::string>& text_problem) {
  auto head = content.Read(0, kSniffBytes);
  if (!head.ok()) return std::move(head).error();
  std::span<const uint8_t> b(*head);
  if (StartsWith(b, "%PDF-")) return Kind::kPdf;
  if (StartsWith(b, "\x89PNG\r\n\x1a\n")) return Kind::kPng;
  if (StartsWith(b, "\xFF\xD8\xFF")) return Kind::kJpeg;
  if (StartsWith(b, "PK\x03\x04")) return Kind::kZip;
  auto problem = TextProblem(content);
  if (!problem.ok()) return std::move(problem).error();
  text_problem = std::move(*problem);
  if (!text_problem) return SniffText(content, AsText(*head));
  // PE ("MZ"), ELF, Mach-O (both byte orders, 32/64-bit, fat) and Java class files.
  for (std::string_view magic : {"MZ",
                                 "\x7F"
                                 "ELF",
                                 "\xFE\xED\xFA\xCE", "\xFE\xED\xFA\xCF", "\xCE\xFA\xED\xFE",
                                 "\xCF\xFA\xED\xFE", "\xCA\xFE\xBA\xBE"}) {
    if (StartsWith(b, magic)) return Kind::kExecutable;
  }
  return Kind::kUnknown;
}

std::string_view Describe(Kind kind) {
  switch (kind) {
    case Kind::kPdf:
      return "a PDF document";
    case Kind::kPng:
      return "a PNG image";
    case Kind::kJpeg:
      return "a JPEG image";
    case Kind::kZip:
      return "a ZIP archive";
    case Kind::kText:
      return "text";
    case Kind::kMarkup:
      return "an HTML, SVG or XML document";
    case Kind::kScript:
      return "a script";
    case Kind::kExecutable:
      return "an executable program";
    case Kind::kUnknown:
      break;
  }
  return "in no recognised document format";
}

// The last path component, without the trailing dots and spaces Windows drops.
std::string_view BaseName(std::string_view name) {
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  while (!name.empty() && (name.back() == '.' || name.back() == ' ')) name.remove_suffix(1);
  return name;
}

// Lowercase extension when the name has a plausible one ("report.PDF" -> "pdf"), else "".
std::string Extension(std::string_view filename) {
  std::string_view base = BaseName(filename);
  size_t dot = base.rfind('.');
  if (dot == std::string_view::npos) return {};
  std::string_view ext = base.substr(dot + 1);
  bool plausible =
      !ext.empty() && ext.size() <= 10 && std::all_of(ext.begin(), ext.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      });
  return plausible ? ToLower(ext) : std::string();
}

bool HasExtension(const DocType& type, std::string_view ext) {
  return std::find(type.extensions.begin(), type.extensions.end(), ext) != type.extensions.end();
}

// "Text/CSV; charset=utf-8" -> "text/csv".
std::string NormalizeType(std::string_view declared) {
  declared = declared.substr(0, declared.find(';'));
  size_t first = declared.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  size_t last = declared.find_last_not_of(" \t");
  return ToLower(declared.substr(first, last - first + 1));
}

const DocType* FindType(std::string_view mime, std::string_view ext) {
  for (const auto& type : kTypes) {
    if (type.mime == mime) return &type;
  }
  if (mime == "image/jpg" || mime == "image/pjpeg") return &kJpegType;
  if (mime == "application/csv" || mime == "text/x-csv" || mime == "text/comma-separated-values") {
    return &kCsvType;
  }
  // Browsers on Windows with Excel installed send this for every .csv file.
  if (mime == "application/vnd.ms-excel" && ext == "csv") return &kCsvType;
  return nullptr;
}

const DocType* TypeOf(Kind kind) {
  switch (kind) {
    case Kind::kPdf:
      return &kPdfType;
    case Kind::kPng:
      return &kPngType;
    case Kind::kJpeg:
      return &kJpegType;
    default:
      return nullptr;
  }
}

uint32_t ReadLe(std::span<const uint8_t> b, size_t at, size_t width) {
  uint32_t v = 0;
  for (size_t i = 0; i < width; ++i) v |= static_cast<uint32_t>(b[at + i]) << (8 * i);
  return v;
}

// Names in a ZIP archive's central directory (APPNOTE 4.3.12, 4.3.16); nullopt when damaged.
Result<std::optional<std::vector<std::string>>> ZipEntryNames(const Content& content) {
  using Names = std::optional<std::vector<std::string>>;
  constexpr size_t kEndSize = 22;
  const uint64_t size = content.size();
  if (size < kEndSize) return Names();
  // The end record sits right before a comment of at most 64 KiB.
  uint64_t lowest = size > kEndSize + 0xFFFF ? size - kEndSize - 0xFFFF : 0;
  auto tail = content.Read(lowest, static_cast<size_t>(size - lowest));
  if (!tail.ok()) return std::move(tail).error();
  std::span<const uint8_t> t(*tail);
  std::optional<size_t> end;  // in t
  for (size_t at = t.size() - kEndSize + 1; at-- > 0;) {
    if (ReadLe(t, at, 4) == 0x06054b50 && lowest + at + kEndSize + ReadLe(t, at + 20, 2) == size) {
      end = at;
      break;
    }
  }
  if (!end) return Names();
  const uint64_t end_at = lowest + *end;
  size_t count = ReadLe(t, *end + 10, 2);
  uint64_t offset = ReadLe(t, *end + 16, 4);
  if (count == 0xFFFF || offset == 0xFFFFFFFF) return Names();  // ZIP64: not for 25 MiB
  std::vector<std::string> names;
  for (size_t i = 0; i < count; ++i) {
    if (offset + 46 > end_at) return Names();
    auto entry = content.Read(offset, 46);
    if (!entry.ok()) return std::move(entry).error();
    if (ReadLe(*entry, 0, 4) != 0x02014b50) return Names();
    size_t name_len = ReadLe(*entry, 28, 2);
    size_t rest = name_len + ReadLe(*entry, 30, 2) + ReadLe(*entry, 32, 2);
    if (offset + 46 + rest > end_at) return Names();
    auto name = content.Read(offset + 46, name_len);
    if (!name.ok()) return std::move(name).error();
    names.emplace_back(AsText(*name));
    offset += 46 + rest;
  }
  return Names(std::move(names));
}

Status CheckOfficePackage(const Content& content, const DocType& type) {
  auto read = ZipEntryNames(content);
  if (!read.ok()) return std::move(read).error();
  const auto& names = *read;
  if (!names) {
    return ValidationError("file", "is not a readable " + std::string(type.extensions[0]) +
                                       " file (its ZIP directory is damaged); save it again");
  }
  bool has_part = false;
  for (const auto& name : *names) {
    std::string lower = ToLower(name);
    if (lower.ends_with("vbaproject.bin")) {
      return ValidationError("file", "contains macros; save it as a macro-free ." +
                                         std::string(type.extensions[0]) + " file");
    }
    has_part = has_part || name == type.zip_part;
  }
  if (has_part) return Ok();
  for (const auto& other : kTypes) {
    if (other.kind != Kind::kZip || &other == &type) continue;
    if (std::find(names->begin(), names->end(), other.zip_part) != names->end()) {
      return ValidationError("file", "content is " + std::string(other.description) +
                                         " but content_type is " + std::string(type.mime));
    }
  }
  return ValidationError("file", "is a ZIP archive but not " + std::string(type.description) +
                                     "; " + std::string(kAccepted));
}

Status CheckExtension(std::string_view filename, const DocType& type) {
  std::string ext = Extension(filename);
  if (ext.empty() || HasExtension(type, ext)) return Ok();
  if (std::find(std::begin(kActiveExtensions), std::end(kActiveExtensions), ext) !=
      std::end(kActiveExtensions)) {
    return ValidationError("filename", "ends in ." + ext +
                                           ", a kind of file that can run code when opened; " +
                                           std::string(kAccepted));
  }
  for (const auto& other : kTypes) {
    if (!HasExtension(other, ext)) continue;
    if (other.kind == Kind::kText && type.kind == Kind::kText) return Ok();
    return ValidationError("filename", "ends in ." + ext + " but the content is " +
                                           std::string(type.description) + "; rename it to ." +
                                           std::string(type.extensions[0]));
  }
  return Ok();
}

bool IsHiddenFormatting(uint32_t cp) {
  return cp == 0x061C || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF;
}

bool IsReservedDeviceName(std::string_view name) {
  std::string stem = ToLower(name.substr(0, name.find('.')));
  while (!stem.empty() && stem.back() == ' ') stem.pop_back();
  if (stem == "con" || stem == "prn" || stem == "aux" || stem == "nul") return true;
  return stem.size() == 4 && (stem.starts_with("com") || stem.starts_with("lpt")) &&
         stem[3] >= '0' && stem[3] <= '9';
}

void TrimNameEnds(std::string& s) {
  size_t start = s.find_first_not_of(". ");
  if (start == std::string::npos) {
    s.clear();
    return;
  }
  s.erase(0, start);
  s.erase(s.find_last_not_of(". ") + 1);
}

// Cuts `s` to at most `max` bytes without splitting a UTF-8 sequence.
std::string_view CutUtf8(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t end = max;
  while (end > 0 && (static_cast<uint8_t>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

}  // namespace

Result<std::string> CheckDocument(std::string_view declared_content_type,
                                  std::span<const uint8_t> bytes, std::string_view filename) {
  ContentReader read = [bytes](uint64_t offset, std::span<uint8_t> out) -> std::optional<size_t> {
    if (offset > bytes.size()) return std::nullopt;
    size_t n = std::min(out.size(), bytes.size() - static_cast<size_t>(offset));
    std::copy_n(bytes.begin() + static_cast<std::ptrdiff_t>(offset), n, out.begin());
    return n;
  };
  return CheckDocumentContent(declared_content_type, bytes.size(), read, filename);
}

Result<std::string> CheckDocumentContent(std::string_view declared_content_type, uint64_t size,
                                         const ContentReader& read, std::string_view filename) {
  if (size == 0) return ValidationError("file", "is empty; choose the document again");
  if (size > kMaxDocumentBytes) {
    std::string reason = "is " + std::to_string(size) + " bytes, more than the limit of " +
                         std::to_string(kMaxDocumentBytes) + " bytes (25 MiB)";
    return Error{ErrorCode::kPayloadTooLarge, "file: " + reason, {ErrorDetail{"file", reason, {}}}};
  }
  const Content content(size, read);
  std::optional<std::string> text_problem;
  auto sniffed = Sniff(content, text_problem);
  if (!sniffed.ok()) return std::move(sniffed).error();
  const Kind kind = *sniffed;
  if (kind == Kind::kMarkup || kind == Kind::kScript || kind == Kind::kExecutable) {
    return ValidationError("file", "is " + std::string(Describe(kind)) +
                                       ", which could run code when opened; " +
                                       std::string(kAccepted));
  }
  const std::string declared = NormalizeType(declared_content_type);
  const DocType* type = FindType(declared, Extension(filename));
  if (!type) {
    std::string what = declared.empty() ? "is missing" : declared + " is not accepted";
    return ValidationError("content_type", what + "; " + std::string(kAccepted));
  }
  if (kind != type->kind) {
    if (type->kind == Kind::kText && kind == Kind::kUnknown && text_problem) {
      return ValidationError("file", *text_problem);
    }
    std::string reason =
        "content is " + std::string(Describe(kind)) + " but content_type is " + declared;
    if (const DocType* real = TypeOf(kind)) reason += "; upload it as " + std::string(real->mime);
    return ValidationError("file", reason);
  }
  if (type->kind == Kind::kZip) ACCORD_TRY(CheckOfficePackage(content, *type));
  ACCORD_TRY(CheckExtension(filename, *type));
  return std::string(type->mime);
}

Result<std::string> SanitizeFilename(std::string_view filename) {
  constexpr size_t kMaxBytes = 200;
  constexpr size_t kMaxKeptExtension = 16;  // bytes, dot included
  size_t slash = filename.find_last_of("/\\");
  if (slash != std::string_view::npos) filename.remove_prefix(slash + 1);

  std::string out;
  for (size_t i = 0; i < filename.size();) {
    size_t n = Utf8Length(filename, i);
    if (n == 0) {
      out.push_back('_');  // a byte that is not UTF-8
      ++i;
      continue;
    }
    uint32_t cp = DecodeUtf8(filename, i, n);
    bool control = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
    if (!control && !IsHiddenFormatting(cp)) {
      if (n == 1 &&
          std::string_view("<>:\"|?*").find(static_cast<char>(cp)) != std::string_view::npos) {
        out.push_back('_');
      } else {
        out.append(filename.substr(i, n));
      }
    }
    i += n;
  }
  TrimNameEnds(out);
  if (IsReservedDeviceName(out)) out.insert(0, "_");

  if (out.size() > kMaxBytes) {
    size_t dot = out.rfind('.');
    std::string ext = dot != std::string::npos && dot > 0 && out.size() - dot <= kMaxKeptExtension
                          ? out.substr(dot)
                          : std::string();
    std::string stem(
        CutUtf8(std::string_view(out).substr(0, out.size() - ext.size()), kMaxBytes - ext.size()));
    while (!stem.empty() && (stem.back() == ' ' || stem.back() == '.')) stem.pop_back();
    out = stem + ext;
  }
  if (out.empty()) {
    return ValidationError("filename", "has no usable characters; name the file, e.g. report.pdf");
  }
  return out;
}

}  // namespace accord::domain
