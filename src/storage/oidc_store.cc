#include "accord/storage/oidc_store.h"

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"

namespace accord::storage {

namespace {
std::string StateHash(const std::string& state) { return HexEncode(Sha256(state)); }

constexpr const char* kFlowColumns =
    "SELECT nonce, verifier, expires_at, link_user_id, link_session_id FROM oidc_flows "
    "WHERE state_hash = ?";

template <class Row>
OidcFlow FlowOf(const Row& row) {
  return OidcFlow{row.Text(0), row.Text(1), row.Text(3), row.Text(4)};
}
}  // namespace

Status SaveOidcFlow(Tx& tx, const std::string& state, const OidcFlow& flow, TimePoint now,
                    TimePoint expires_at) {
  ACCORD_TRY(tx.Exec("DELETE FROM oidc_flows WHERE expires_at <= ?", {FormatRfc3339(now)}));
  ACCORD_TRY(
      tx.Exec("INSERT INTO oidc_flows(state_hash, nonce, verifier, created_at, expires_at, "
              "link_user_id, link_session_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
              {StateHash(state), flow.nonce, flow.verifier, FormatRfc3339(now),
               FormatRfc3339(expires_at), flow.link_user_id, flow.link_session_id}));
  return Ok();
}

Result<std::optional<OidcFlow>> TakeOidcFlow(Tx& tx, const std::string& state, TimePoint now) {
  std::string hash = StateHash(state);
  auto row = tx.QueryOne(kFlowColumns, {hash});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<OidcFlow>();
  ACCORD_TRY(tx.Exec("DELETE FROM oidc_flows WHERE state_hash = ?", {hash}));
  if ((*row)->Text(2) <= FormatRfc3339(now)) return std::optional<OidcFlow>();
  return std::optional<OidcFlow>(FlowOf(**row));
}

Result<std::optional<OidcFlow>> FindOidcFlow(Tx& tx, const std::string& state, TimePoint now) {
  auto row = tx.QueryOne(kFlowColumns, {StateHash(state)});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value() || (*row)->Text(2) <= FormatRfc3339(now)) {
    return std::optional<OidcFlow>();
  }
  return std::optional<OidcFlow>(FlowOf(**row));
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

Result<std::vector<OidcLink>> LinksOf(Tx& tx, const std::string& user_id) {
  auto rows = tx.Query(
      "SELECT issuer, subject, created_at FROM oidc_links WHERE user_id = ? "
      "ORDER BY created_at, issuer, subject LIMIT 100",
      {user_id});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<OidcLink> out;
  for (const auto& r : *rows) out.push_back(OidcLink{r.Text(0), r.Text(1), r.Text(2)});
  return out;
}

Result<bool> UnlinkSubject(Tx& tx, const std::string& issuer, const std::string& subject,
                           const std::string& user_id) {
  auto row =
      tx.QueryOne("SELECT 1 FROM oidc_links WHERE issuer = ? AND subject = ? AND user_id = ?",
                  {issuer, subject, user_id});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return false;
  ACCORD_TRY(tx.Exec("DELETE FROM oidc_links WHERE issuer = ? AND subject = ? AND user_id = ?",
                     {issuer, subject, user_id}));
  return true;
}

Result<bool> SessionLive(Tx& tx, const std::string& session_id, TimePoint now) {
  auto row =
      tx.QueryOne("SELECT 1 FROM sessions WHERE id = ? AND revoked_at IS NULL AND expires_at > ?",
                  {session_id, FormatRfc3339(now)});
  if (!row.ok()) return std::move(row).error();
  return row->has_value();
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
