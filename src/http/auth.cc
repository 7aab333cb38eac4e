// Bearer tokens: the secret is never stored, only its SHA-256; lookup is by that hash,
// so no secret-dependent comparison happens in our code.
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/http/api.h"

namespace accord::http {

Authenticator TokenAuthenticator(storage::Store& store, const Clock& clock) {
  return [&store, &clock](const Request& req) -> Result<std::optional<Principal>> {
    std::string_view header = req.HeaderValue("Authorization");
    if (header.empty()) return std::optional<Principal>();
    constexpr std::string_view kBearer = "Bearer ";
    if (!header.starts_with(kBearer) || header.size() == kBearer.size()) {
      return Error{ErrorCode::kUnauthenticated, "Authorization must be 'Bearer <token>'", {}};
    }
    Hash digest = Sha256(header.substr(kBearer.size()));
    std::optional<Principal> principal;
    std::string now = FormatRfc3339(clock.Now());
    Status s = store.Read([&](storage::Tx& tx) -> Status {
      auto row = tx.QueryOne(
          "SELECT t.id, t.role, t.name, t.party_id FROM api_token_secrets s JOIN rm_api_tokens t "
          "ON t.id = s.token_id WHERE s.secret_hash = ? AND t.revoked_at IS NULL "
          "AND (t.expires_at IS NULL OR t.expires_at > ?)",
          {storage::BlobOf(digest), now});
      if (!row.ok()) return std::move(row).error();
      if (row->has_value())
        principal = Principal{(*row)->Text(0), (*row)->Text(1), (*row)->Text(2),
                              (*row)->IsNull(3) ? "" : (*row)->Text(3)};
      return Ok();
    });
    if (!s.ok()) return std::move(s).error();
    if (!principal) {
      return Error{ErrorCode::kUnauthenticated, "the token is unknown, expired or revoked", {}};
    }
    return principal;
  };
}

}  // namespace accord::http
