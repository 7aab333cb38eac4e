// Credentials and sessions (issue 5), outside the ledger: password hashes, TOTP secrets,
// recovery codes (hashed), sessions (their secrets as SHA-256 hashes) and the purge of what
// has ended.
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>

#include "accord/core/ids.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/throttle.h"

namespace accord::storage {

Result<std::optional<UserSecrets>> ReadSecrets(Tx& tx, std::string_view user_id) {
  auto row = tx.QueryOne(
      "SELECT password_hash, totp_secret, totp_pending, totp_last_step, must_change_password, "
      "updated_at FROM user_secrets WHERE user_id = ?",
      {std::string(user_id)});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<UserSecrets>();
  const Row& r = **row;
  UserSecrets s;
  s.password_hash = r.Text(0);
  if (!r.IsNull(1)) s.totp_secret = r.BlobAt(1);
  if (!r.IsNull(2)) s.totp_pending = r.BlobAt(2);
  if (!r.IsNull(3)) s.totp_last_step = static_cast<uint64_t>(r.Int(3));
  s.must_change = r.Int(4) != 0;
  s.updated_at = r.Text(5);
  return std::optional<UserSecrets>(std::move(s));
}

Status WritePassword(Tx& tx, std::string_view user_id, const std::string& hash, TimePoint now,
                     bool must_change) {
  auto r = tx.Exec(
      "UPDATE user_secrets SET password_hash = ?, must_change_password = ?, updated_at = ? "
      "WHERE user_id = ?",
      {hash, int64_t{must_change ? 1 : 0}, FormatRfc3339(now), std::string(user_id)});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

Status WriteTotp(Tx& tx, std::string_view user_id, const Bytes& secret, const Bytes& pending,
                 std::optional<uint64_t> last_step, TimePoint now) {
  Value s = secret.empty() ? Value() : BlobOf(secret);
  Value p = pending.empty() ? Value() : BlobOf(pending);
  Value step = last_step ? Value(static_cast<int64_t>(*last_step)) : Value();
  auto r = tx.Exec(
      "UPDATE user_secrets SET totp_secret = ?, totp_pending = ?, totp_last_step = ?, "
      "updated_at = ? WHERE user_id = ?",
      {s, p, step, FormatRfc3339(now), std::string(user_id)});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

Status WriteRecoveryCodes(Tx& tx, std::string_view user_id, const std::vector<std::string>& codes) {
  auto del = tx.Exec("DELETE FROM user_recovery_codes WHERE user_id = ?", {std::string(user_id)});
  if (!del.ok()) return std::move(del).error();
  for (const auto& code : codes) {
    auto ins = tx.Exec("INSERT INTO user_recovery_codes(user_id, code_hash) VALUES (?, ?)",
                       {std::string(user_id), BlobOf(Sha256(code))});
    if (!ins.ok()) return std::move(ins).error();
  }
  return Ok();
}

Result<bool> ConsumeRecoveryCode(Tx& tx, std::string_view user_id, std::string_view code,
                                 TimePoint now) {
  // Lookup by hash: no secret-dependent comparison in our code.
  auto r = tx.Exec(
      "UPDATE user_recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND "
      "used_at IS NULL",
      {FormatRfc3339(now), std::string(user_id), BlobOf(Sha256(code))});
  if (!r.ok()) return std::move(r).error();
  return *r == 1;
}

Result<int64_t> UnusedRecoveryCodes(Tx& tx, std::string_view user_id) {
  auto row =
      tx.QueryOne("SELECT COUNT(*) FROM user_recovery_codes WHERE user_id = ? AND used_at IS NULL",
                  {std::string(user_id)});
  if (!row.ok()) return std::move(row).error();
  return row->has_value() ? (*row)->Int(0) : 0;
}

// --- sessions ------------------------------------------------------------------------------------

std::string CsrfTokenFor(std::string_view session_secret) {
  return Base64UrlEncode(Sha256(std::string("accord-csrf:") + std::string(session_secret)));
}

Result<NewSession> CreateSession(Tx& tx, const std::string& user_id, const std::string& state,
                                 TimePoint now, TimePoint expires_at, const std::string& address) {
  NewSession s;
  s.secret = Base64UrlEncode(RandomBytes(32));
  s.csrf = CsrfTokenFor(s.secret);
  s.session.id = NewId("ses", now);
  s.session.user_id = user_id;
  s.session.state = state;
  s.session.created_at = FormatRfc3339(now);
  s.session.last_seen_at = s.session.created_at;
  s.session.expires_at = FormatRfc3339(expires_at);
  s.session.csrf_hash = Sha256(s.csrf);
  auto r = tx.Exec(
      "INSERT INTO sessions(id, secret_hash, csrf_hash, user_id, state, created_at, "
      "last_seen_at, expires_at, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {s.session.id, BlobOf(Sha256(s.secret)), BlobOf(s.session.csrf_hash), user_id, state,
       s.session.created_at, s.session.last_seen_at, s.session.expires_at, address});
  if (!r.ok()) return std::move(r).error();
  return s;
}

Result<std::optional<Session>> FindSession(Tx& tx, const Hash& secret_hash, TimePoint now) {
  auto row = tx.QueryOne(
      "SELECT id, user_id, state, break_glass_until, created_at, last_seen_at, expires_at, "
      "csrf_hash FROM sessions WHERE secret_hash = ? AND revoked_at IS NULL AND expires_at > ?",
      {BlobOf(secret_hash), FormatRfc3339(now)});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<Session>();
  const Row& r = **row;
  Session s{r.Text(0), r.Text(1), r.Text(2), r.IsNull(3) ? "" : r.Text(3),
            r.Text(4), r.Text(5), r.Text(6), {}};
  const Bytes& csrf = r.BlobAt(7);
  if (csrf.size() == s.csrf_hash.size()) std::copy(csrf.begin(), csrf.end(), s.csrf_hash.begin());
  return std::optional<Session>(std::move(s));
}

Status TouchSession(Tx& tx, std::string_view id, TimePoint now) {
  auto r = tx.Exec("UPDATE sessions SET last_seen_at = ? WHERE id = ?",
                   {FormatRfc3339(now), std::string(id)});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

Status RevokeSession(Tx& tx, std::string_view id, TimePoint now) {
  auto r = tx.Exec("UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                   {FormatRfc3339(now), std::string(id)});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

Status SetSessionBreakGlass(Tx& tx, std::string_view id, TimePoint until) {
  auto r = tx.Exec("UPDATE sessions SET break_glass_until = ? WHERE id = ?",
                   {FormatRfc3339(until), std::string(id)});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

Result<int64_t> PurgeIdentityState(Store& store, TimePoint now) {
  std::string cutoff = FormatRfc3339(now - std::chrono::hours(24));
  int64_t deleted = 0;
  Status s = store.Write([&](Tx& tx) -> Status {
    auto sessions =
        tx.Exec("DELETE FROM sessions WHERE expires_at < ? OR revoked_at < ?", {cutoff, cutoff});
    if (!sessions.ok()) return std::move(sessions).error();
    // Throttled keys end their run with an event first (EndQuietThrottles).
    auto throttle = tx.Exec(
        std::string("DELETE FROM auth_throttle WHERE last_failure_at < ? AND "
                    "blocked_until < ? AND NOT ") +
            kThrottledSql,
        {cutoff, FormatRfc3339(now), int64_t{kFreeAccountFailures}, int64_t{kFreeAddressFailures}});
    if (!throttle.ok()) return std::move(throttle).error();
    // Public-form counters (issue 9) whose window (an hour or a day) has long passed: they
    // hold client addresses and emails, kept no longer than they count.
    auto rate = tx.Exec("DELETE FROM public_rate WHERE window_start < ?",
                        {FormatRfc3339(now - std::chrono::hours(48))});
    if (!rate.ok()) return std::move(rate).error();
    deleted = *sessions + *throttle + *rate;
    return Ok();
  });
  if (!s.ok()) return std::move(s).error();
  return deleted;
}

}  // namespace accord::storage
