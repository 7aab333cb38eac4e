#include "accord/storage/oidc_store.h"

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"

namespace accord::storage {

namespace {
std::string StateHash(const std::string& state) { return HexEncode(Sha256(state)); }
}  // namespace

Status SaveOidcFlow(Tx& tx, const std::string& state, const OidcFlow& flow, TimePoint now,
                    TimePoint expires_at) {
  ACCORD_TRY(tx.Exec("DELETE FROM oidc_flows WHERE expires_at <= ?", {FormatRfc3339(now)}));
  ACCORD_TRY(
      tx.Exec("INSERT INTO oidc_flows(state_hash, nonce, verifier, created_at, expires_at) "
              "VALUES (?, ?, ?, ?, ?)",
              {StateHash(state), flow.nonce, flow.verifier, FormatRfc3339(now),
               FormatRfc3339(expires_at)}));
  return Ok();
}

Result<std::optional<OidcFlow>> TakeOidcFlow(Tx& tx, const std::string& state, TimePoint now) {
  std::string hash = StateHash(state);
  auto row = tx.QueryOne("SELECT nonce, verifier, expires_at FROM oidc_flows WHERE state_hash = ?",
                         {hash});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<OidcFlow>();
  ACCORD_TRY(tx.Exec("DELETE FROM oidc_flows WHERE state_hash = ?", {hash}));
  if ((*row)->Text(2) <= FormatRfc3339(now)) return std::optional<OidcFlow>();
  return std::optional<OidcFlow>(OidcFlow{(*row)->Text(0), (*row)->Text(1)});
}

Result<std::optional<OidcFlow>> FindOidcFlow(Tx& tx, const std::string& state, TimePoint now) {
  auto row = tx.QueryOne("SELECT nonce, verifier, expires_at FROM oidc_flows WHERE state_hash = ?",
                         {StateHash(state)});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value() || (*row)->Text(2) <= FormatRfc3339(now)) {
    return std::optional<OidcFlow>();
  }
  return std::optional<OidcFlow>(OidcFlow{(*row)->Text(0), (*row)->Text(1)});
}

Result<std::optional<std::string>> LinkedUser(Tx& tx, const std::string& issuer,
                                              const std::string& subject) {
  auto row = tx.QueryOne("SELECT user_id FROM oidc_links WHERE issuer = ? AND subject = ?",
                         {issuer, subject});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<std::string>();
  return std::optional<std::string>((*row)->Text(0));
}

Status LinkSubject(Tx& tx, const std::string& issuer, const std::string& subject,
                   const std::string& user_id, TimePoint now) {
  ACCORD_TRY(
      tx.Exec("INSERT INTO oidc_links(issuer, subject, user_id, created_at) VALUES (?, ?, ?, ?)",
              {issuer, subject, user_id, FormatRfc3339(now)}));
  return Ok();
}

Result<std::vector<std::pair<std::string, std::string>>> LinksOf(Tx& tx,
                                                                 const std::string& user_id) {
  auto rows =
      tx.Query("SELECT issuer, subject FROM oidc_links WHERE user_id = ? ORDER BY 1, 2", {user_id});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : *rows) out.emplace_back(r.Text(0), r.Text(1));
  return out;
}

Status RecordProviderSession(Tx& tx, const std::string& session_id, const std::string& issuer,
                             const std::string& subject, const std::string& sid,
                             const std::string& id_token) {
  ACCORD_TRY(
      tx.Exec("INSERT INTO oidc_sessions(session_id, issuer, subject, sid, id_token) VALUES (?, ?, "
              "?, ?, ?)",
              {session_id, issuer, subject, sid, id_token}));
  return Ok();
}

Result<std::vector<std::pair<std::string, std::string>>> ProviderSessions(
    Tx& tx, const std::string& issuer, const std::string& subject, const std::string& sid,
    TimePoint now) {
  std::string sql =
      "SELECT o.session_id, s.user_id FROM oidc_sessions o JOIN sessions s ON s.id = o.session_id "
      "WHERE o.issuer = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND ";
  sql += sid.empty() ? "o.subject = ?" : "o.sid = ?";
  auto rows = tx.Query(sql + " ORDER BY 1 LIMIT 1000",
                       {issuer, FormatRfc3339(now), sid.empty() ? subject : sid});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : *rows) out.emplace_back(r.Text(0), r.Text(1));
  return out;
}

Result<std::string> SessionIdToken(Tx& tx, const std::string& session_id) {
  auto row = tx.QueryOne("SELECT id_token FROM oidc_sessions WHERE session_id = ?", {session_id});
  if (!row.ok()) return std::move(row).error();
  return row->has_value() ? (*row)->Text(0) : std::string();
}

}  // namespace accord::storage
