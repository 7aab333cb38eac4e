#include <boost/json.hpp>

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "accord/http/api.h"
#include "accord/http/json.h"

namespace accord::http {

const std::vector<std::string> kAllRoles = {"security_officer", "privacy_officer", "staff",
                                            "auditor", "third_party_contact"};
const std::vector<std::string> kOfficerRoles = {"security_officer", "privacy_officer"};
const std::vector<std::string> kLedgerReaderRoles = {"security_officer", "privacy_officer",
                                                     "auditor"};
const std::vector<std::string> kWorkforceRoles = {"security_officer", "privacy_officer", "staff"};

Response ToResponse(const Result<boost::json::value>& result, int ok_status) {
  if (!result.ok()) return ErrorResponse(result.error());
  return JsonResponse(*result, ok_status);
}

std::string EncodeCursor(int64_t key) {
  std::string raw = "k" + std::to_string(key);
  return Base64UrlEncode(AsBytes(raw));
}

std::string EncodeIdCursor(std::string_view id) {
  std::string raw = "i" + std::string(id);
  return Base64UrlEncode(AsBytes(raw));
}

Result<std::optional<int64_t>> ParseAsOf(const Context& ctx) {
  auto v = ctx.Query("as_of");
  if (v.empty()) return std::optional<int64_t>();
  auto n = ParseUint(v, "as_of");
  if (!n.ok()) return std::move(n).error();
  if (*n > static_cast<uint64_t>(INT64_MAX - 1)) return ValidationError("as_of", "is too large");
  return std::optional<int64_t>(static_cast<int64_t>(*n));
}

Result<Page> ParsePage(const Context& ctx) {
  Page page;
  if (auto limit = ctx.Query("limit"); !limit.empty()) {
    auto n = ParseUint(limit, "limit");
    if (!n.ok()) return std::move(n).error();
    if (*n < 1 || *n > 500) return ValidationError("limit", "must be between 1 and 500");
    page.limit = *n;
  }
  if (auto cursor = ctx.Query("cursor"); !cursor.empty()) {
    auto raw = Base64UrlDecode(cursor);
    std::string text = raw.ok() ? std::string(AsString(*raw)) : "";
    if (text.size() > 1 && text.size() <= 100 && text[0] == 'i') {
      bool plain = true;
      // An id, or "due_at|id" for a list in due order (RFC 3339: digits, - : . T Z).
      for (char c : text.substr(1))
        plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '|' ||
                          c == '-' || c == ':' || c == '.');
      if (!plain) return ValidationError("cursor", "is not a cursor this server issued");
      page.after_id = text.substr(1);
      return page;
    }
    auto key = text.size() > 1 && text[0] == 'k' ? ParseUint(text.substr(1), "cursor")
                                                 : Result<uint64_t>(Error{});
    if (!key.ok()) return ValidationError("cursor", "is not a cursor this server issued");
    page.after = static_cast<int64_t>(*key);
  }
  return page;
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string HtmlPageCsp(std::string_view css) {
  auto digest = Sha256(css);
  return "default-src 'none'; style-src 'sha256-" + Base64Encode(digest) +
         "'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
}

namespace {

// The public pages' one stylesheet (its hash is in their Content-Security-Policy).
constexpr std::string_view kPublicCss =
    "body{font:16px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;"
    "color:#1a1a1a}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid "
    "#ccc;padding:6px 8px;text-align:left;vertical-align:top}a{color:#0b5394}"
    "label{display:block;margin-top:1em;font-weight:600}input,select,textarea{font:inherit;"
    "width:100%;max-width:32em;padding:6px;border:1px solid #555;border-radius:4px;"
    "box-sizing:border-box}input[type=checkbox]{width:auto;margin-right:.5em}"
    "button{font:inherit;margin-top:1.5em;padding:8px 20px;background:#0b5394;color:#fff;"
    "border:0;border-radius:4px;cursor:pointer}button:focus,input:focus,select:focus,"
    "textarea:focus{outline:3px solid #f5a623;outline-offset:1px}.error{color:#a00000;"
    "font-weight:600;margin:.25em 0 0}.notice{padding:.75em 1em;background:#eef4fb;"
    "border-left:4px solid #0b5394}pre{white-space:pre-wrap;background:#f6f6f6;padding:1em;"
    "max-height:30em;overflow:auto;border:1px solid #ccc}";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<std::string> FormDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%') {
      int hi = i + 2 < s.size() ? HexValue(s[i + 1]) : -1;
      int lo = hi >= 0 ? HexValue(s[i + 2]) : -1;
      if (lo < 0) {
        return Error{ErrorCode::kBadRequest, "malformed form body: a bad % escape", {}};
      }
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::string PublicPage(const std::string& title, const std::string& body) {
  return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" +
         HtmlEscape(title) + "</title><style>" + std::string(kPublicCss) + "</style></head><body>" +
         body + "</body></html>\n";
}

Response PublicHtml(std::string page, int status) {
  static const std::string kCsp = HtmlPageCsp(kPublicCss);
  Response r{.status = status, .content_type = "text/html; charset=utf-8", .body = std::move(page)};
  r.headers.push_back({"Content-Security-Policy", kCsp});
  return r;
}

Result<std::map<std::string, std::string>> ParseForm(std::string_view body) {
  std::map<std::string, std::string> out;
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t end = body.find('&', pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view pair = body.substr(pos, end - pos);
    if (!pair.empty()) {
      size_t eq = pair.find('=');
      auto name = FormDecode(pair.substr(0, eq));
      if (!name.ok()) return std::move(name).error();
      auto value = FormDecode(eq == std::string_view::npos ? "" : pair.substr(eq + 1));
      if (!value.ok()) return std::move(value).error();
      out[std::move(*name)] = std::move(*value);
    }
    pos = end + 1;
  }
  return out;
}

}  // namespace accord::http
