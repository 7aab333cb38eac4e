#include "accord/storage/calendar.h"

#include <boost/json.hpp>

#include "accord/core/bytes.h"
#include "accord/core/ids.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/registry_store.h"

namespace accord::storage {

namespace json = boost::json;

namespace {

Value HashOf(std::string_view secret) {
  Hash h = Sha256(secret);
  return BlobOf(h);
}

}  // namespace

Result<NewCalendarToken> CreateCalendarToken(CommandContext& c, const domain::Actor& actor,
                                             const std::string& user_id, const std::string& name) {
  if (name.empty() || name.size() > 100) return ValidationError("name", "must be 1-100 bytes");
  auto live = c.tx().QueryOne(
      "SELECT COUNT(*) FROM calendar_tokens WHERE user_id = ? AND revoked_at IS NULL", {user_id});
  if (!live.ok()) return std::move(live).error();
  if (live->has_value() && (*live)->Int(0) >= kMaxCalendarTokensPerUser) {
    return Error{ErrorCode::kConflict,
                 "at most " + std::to_string(kMaxCalendarTokensPerUser) +
                     " calendar feeds per account: revoke one first",
                 {{"name", "too many live calendar feeds", {}}}};
  }
  NewCalendarToken t{NewId("cal", c.Now()), "ical_" + Base64UrlEncode(RandomBytes(32))};
  std::string at = FormatRfc3339(c.Now());
  auto r = c.tx().Exec(
      "INSERT INTO calendar_tokens(id, token_hash, user_id, name, created_at) "
      "VALUES (?, ?, ?, ?, ?)",
      {t.id, HashOf(t.secret), user_id, name, at});
  if (!r.ok()) return std::move(r).error();
  auto index = c.Append(domain::Event{.type = "calendar_token.created",
                                      .actor = actor,
                                      .subject = {"user", user_id},
                                      .payload = json::object{{"token_id", t.id}, {"name", name}}});
  if (!index.ok()) return std::move(index).error();
  return t;
}

Result<json::array> ListCalendarTokens(Tx& tx, const std::string& user_id) {
  auto rows = tx.Query(
      "SELECT id, name, created_at, revoked_at FROM calendar_tokens WHERE user_id = ? "
      "ORDER BY id DESC",
      {user_id});
  if (!rows.ok()) return std::move(rows).error();
  json::array out;
  for (const auto& r : *rows) {
    out.push_back(
        json::object{{"id", r.Text(0)},
                     {"name", r.Text(1)},
                     {"created_at", r.Text(2)},
                     {"revoked_at", r.IsNull(3) ? json::value(nullptr) : json::value(r.Text(3))}});
  }
  return out;
}

Status RevokeCalendarToken(CommandContext& c, const domain::Actor& actor, const std::string& id,
                           const std::string& user_id) {
  auto row = c.tx().QueryOne(
      "SELECT user_id FROM calendar_tokens WHERE id = ? AND revoked_at IS NULL", {id});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value() || (!user_id.empty() && (*row)->Text(0) != user_id)) {
    return NotFound("calendar token " + id);
  }
  std::string owner = (*row)->Text(0);
  auto r = c.tx().Exec("UPDATE calendar_tokens SET revoked_at = ? WHERE id = ?",
                       {FormatRfc3339(c.Now()), id});
  if (!r.ok()) return std::move(r).error();
  auto index = c.Append(domain::Event{.type = "calendar_token.revoked",
                                      .actor = actor,
                                      .subject = {"user", owner},
                                      .payload = json::object{{"token_id", id}}});
  if (!index.ok()) return std::move(index).error();
  return Ok();
}

Result<std::optional<std::string>> CalendarTokenUser(Tx& tx, const std::string& secret) {
  auto row =
      tx.QueryOne("SELECT user_id FROM calendar_tokens WHERE token_hash = ? AND revoked_at IS NULL",
                  {HashOf(secret)});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<std::string>();
  return std::optional<std::string>((*row)->Text(0));
}

Result<std::vector<json::object>> OpenReviewsByDueDate(Tx& tx, size_t limit) {
  auto rows = tx.Query(
      "SELECT o.doc FROM rm_reviews r JOIN rm_objects o ON o.kind = 'review' AND o.id = r.id "
      "AND o.to_idx = ? WHERE r.is_open = 1 ORDER BY r.due_at, r.id LIMIT ?",
      {kOpenVersion, static_cast<int64_t>(limit)});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<json::object> out;
  for (const auto& row : *rows) {
    if (auto doc = domain::ParseStateDoc(row.Text(0))) out.push_back(std::move(*doc));
  }
  return out;
}

Result<std::vector<json::object>> LiveObjectsInStatus(Tx& tx, const std::string& kind,
                                                      const std::vector<std::string>& statuses) {
  std::string marks;
  std::vector<Value> params{kind, kOpenVersion};
  for (const auto& s : statuses) {
    marks += marks.empty() ? "?" : ", ?";
    params.emplace_back(s);
  }
  if (statuses.empty()) return std::vector<json::object>{};
  auto rows = tx.Query(
      "SELECT doc FROM rm_objects WHERE kind = ? AND to_idx = ? AND status IN (" + marks + ")",
      std::move(params));
  if (!rows.ok()) return std::move(rows).error();
  std::vector<json::object> out;
  for (const auto& row : *rows) {
    if (auto doc = domain::ParseStateDoc(row.Text(0))) out.push_back(std::move(*doc));
  }
  return out;
}

}  // namespace accord::storage
