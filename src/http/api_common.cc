// What the route groups share: JSON replies, list cursors and ?as_of.
#include <boost/json.hpp>

#include "accord/core/bytes.h"
#include "accord/http/api.h"
#include "accord/http/json.h"

namespace accord::http {

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

Result<uint64_t> ParseGroupLimit(const Context& ctx, uint64_t fallback, uint64_t min,
                                 uint64_t max) {
  std::string_view text = ctx.Query("limit");
  if (text.empty()) return fallback;
  auto n = ParseUint(text, "limit");
  if (!n.ok()) return std::move(n).error();
  if (*n < min || *n > max) {
    return ValidationError("limit", "must be " + std::to_string(min) + "-" + std::to_string(max));
  }
  return *n;
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

}  // namespace accord::http
