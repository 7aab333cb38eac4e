// Identity state (issue 5). Users are registry objects (kind "user"): every change is a
// ledger event carrying the account's whole state, never a secret. Password hashes, TOTP
// secrets, recovery codes, sessions and sign-in throttling live in tables outside the
// ledger (migration v3); sessions and tokens are only ever stored as SHA-256 hashes.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>

#include "accord/core/bytes.h"
#include "accord/domain/event.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/throttle.h"

namespace accord::storage {

// --- accounts (commands: run inside EventLog::Execute/Submit) -----------------------------

// Creates an account from a request body (domain::UserCreateFields). Workforce accounts
// start `pending` until the onboarding gate passes; with `installer_attests` (the
// bootstrap `accord user add`) the five TR-7 records are written as attested by the
// installer and the account is activated at once. `password_hash` is an Argon2id PHC
// string computed by the caller, outside the write transaction.
Result<boost::json::object> CreateUser(CommandContext& c, const domain::Actor& actor,
                                       const boost::json::object& body,
                                       const std::string& password_hash,
                                       const policy::IdentityPolicy& policy, bool installer_attests,
                                       bool must_change_password = false);

// Reads the live account, lets `change` edit its state (return an error to refuse), then
// bumps version/updated_at, recomputes access_until and appends `type` with the new state
// and `extra` payload fields. Returns the new state.
Result<boost::json::object> UpdateUser(
    CommandContext& c, const domain::Actor& actor, const std::string& user_id,
    const std::string& type, const policy::IdentityPolicy& policy,
    const std::function<Status(boost::json::object& state)>& change,
    boost::json::object extra = {});

// TR-7 record (domain::AttestationFields), validated here.
Result<boost::json::object> RecordAttestation(CommandContext& c, const domain::Actor& actor,
                                              const std::string& user_id,
                                              const boost::json::object& body,
                                              const policy::IdentityPolicy& policy);
// Records all five onboarding records as of `completed_on` (with `evidence`), then
// activates the account: the installer's bootstrap, the demo, tests.
Result<boost::json::object> OnboardUser(CommandContext& c, const domain::Actor& actor,
                                        const std::string& user_id, TimePoint completed_on,
                                        const std::string& evidence,
                                        const policy::IdentityPolicy& policy);
// pending|deactivated -> active, only when MissingAttestations is empty (409 otherwise).
Result<boost::json::object> ActivateUser(CommandContext& c, const domain::Actor& actor,
                                         const std::string& user_id, const std::string& comment,
                                         const policy::IdentityPolicy& policy);
// -> deactivated; ends every session and revokes every token of the account at once.
Result<boost::json::object> DeactivateUser(CommandContext& c, const domain::Actor& actor,
                                           const std::string& user_id, const std::string& reason,
                                           const policy::IdentityPolicy& policy);
// Workforce and auditor roles only (a third party stays bound to its party); ends the
// account's sessions and tokens, since they carry the old role.
Result<boost::json::object> ChangeUserRole(CommandContext& c, const domain::Actor& actor,
                                           const std::string& user_id, const std::string& role,
                                           const std::string& comment,
                                           const policy::IdentityPolicy& policy);

// Records user.deactivated for every active account whose access_until has passed
// (training lapsed, TR-7; an auditor's engagement ended). Authentication already refuses
// them by the clock; this makes the ledger say so. Servers run it about once a second.
Result<int> DeactivateLapsedUsers(EventLog& log, const policy::IdentityPolicy& policy);

// The live account, org-wide.
Result<std::optional<boost::json::object>> FindUser(Tx& tx, std::string_view user_id);
Result<std::optional<boost::json::object>> FindUserByEmail(Tx& tx, std::string_view email);

// Ends sessions and revokes API tokens of a user (token.revoked events). `except_session`
// keeps the caller's own session (password change).
Status EndUserAccess(CommandContext& c, const domain::Actor& actor, const std::string& user_id,
                     const std::string& reason, const std::string& except_session = "",
                     bool revoke_tokens = true);

// --- credentials -------------------------------------------------------------------------

struct UserSecrets {
  std::string password_hash;
  Bytes totp_secret;   // empty: not enrolled
  Bytes totp_pending;  // enrolment started, not confirmed
  std::optional<uint64_t> totp_last_step;
  bool must_change = false;  // a system-generated initial password: change before use
  std::string updated_at;    // when the password (or TOTP) was last written
};
// How long a system-generated initial password may be used for its one sign-in.
inline constexpr std::chrono::hours kInitialPasswordLifetime{24 * 7};
Result<std::optional<UserSecrets>> ReadSecrets(Tx& tx, std::string_view user_id);
Status WritePassword(Tx& tx, std::string_view user_id, const std::string& hash, TimePoint now,
                     bool must_change = false);
Status WriteTotp(Tx& tx, std::string_view user_id, const Bytes& secret, const Bytes& pending,
                 std::optional<uint64_t> last_step, TimePoint now);
// Replaces the recovery codes with the hashes of `codes`.
Status WriteRecoveryCodes(Tx& tx, std::string_view user_id, const std::vector<std::string>& codes);
// Marks a matching unused code used; false if none matched.
Result<bool> ConsumeRecoveryCode(Tx& tx, std::string_view user_id, std::string_view code,
                                 TimePoint now);
Result<int64_t> UnusedRecoveryCodes(Tx& tx, std::string_view user_id);

// --- API tokens ----------------------------------------------------------------------------

struct NewToken {
  std::string id;
  std::string secret;  // shown once
};
// Every new token expires: after kDefaultTokenLifetime unless its creator names a time, which
// must be in the future and at most kMaxTokenLifetime away (validation_failed on expires_at).
// Tokens made before this rule without an expiry keep working until revoked.
inline constexpr std::chrono::hours kDefaultTokenLifetime{24 * 90};
inline constexpr std::chrono::hours kMaxTokenLifetime{24 * 365};
// A token of `user_id` (it acts as that user). `role` defaults to the user's; an officer
// may narrow a token to auditor (read-only). A third party's token is bound to its party.
Result<NewToken> CreateToken(CommandContext& c, const domain::Actor& actor,
                             const std::string& user_id, const std::string& name,
                             const std::string& role, std::optional<TimePoint> expires_at);
// token.revoked; 404 for a token `owner_id` does not own (unless owner_id is empty).
Result<boost::json::object> RevokeToken(CommandContext& c, const domain::Actor& actor,
                                        const std::string& token_id, const std::string& owner_id,
                                        const std::string& reason);

// --- sessions ------------------------------------------------------------------------------

struct Session {
  std::string id;  // ses_...: safe to log and to put in events
  std::string user_id;
  std::string state;  // mfa_required | mfa_enrolment_required | active
  std::string break_glass_until;
  std::string created_at;
  std::string last_seen_at;
  std::string expires_at;  // absolute end
  Hash csrf_hash{};
};
struct NewSession {
  Session session;
  std::string secret;  // the cookie value, shown once
  std::string csrf;    // the X-CSRF-Token value
};
// The CSRF token of a session is derived from its secret, so the portal can ask for it
// again (GET /api/v1/auth/session) without the server storing it.
std::string CsrfTokenFor(std::string_view session_secret);
// A fresh session with ≥ 256 random bits; only SHA-256 of secret and CSRF token stored.
Result<NewSession> CreateSession(Tx& tx, const std::string& user_id, const std::string& state,
                                 TimePoint now, TimePoint expires_at, const std::string& address);
// Live (not revoked, not past its absolute end) session by the cookie's hash.
Result<std::optional<Session>> FindSession(Tx& tx, const Hash& secret_hash, TimePoint now);
Status TouchSession(Tx& tx, std::string_view id, TimePoint now);
Status RevokeSession(Tx& tx, std::string_view id, TimePoint now);
Status SetSessionBreakGlass(Tx& tx, std::string_view id, TimePoint until);

// --- alerts ------------------------------------------------------------------------------

// Records an alert (kind "alert", alert.raised) officers see at GET /api/v1/alerts; the
// notification outbox delivers it once it exists. Returns the alert id.
Result<std::string> RaiseAlert(CommandContext& c, const domain::Actor& actor,
                               const std::string& type, const std::string& severity,
                               const std::string& title, boost::json::object subject,
                               boost::json::object detail);

// Deletes sessions that ended (revoked or past their end) and throttle rows idle for
// more than a day: neither is history (the ledger has the sign-ins). Returns rows deleted.
Result<int64_t> PurgeIdentityState(Store& store, TimePoint now);

// API tokens as listed: [{id, name, role, created_at, expires_at, revoked_at, user_id}] by id,
// at most 500; only `user_id`'s when it is given.
Result<boost::json::array> ListApiTokens(Tx& tx, std::optional<std::string> user_id);

// An unrevoked API token by the SHA-256 of its secret, with its account's current state.
struct ApiTokenRecord {
  std::string id, role, name, party_id, user_id;  // party_id, user_id: "" when none
  std::optional<std::string> expires_at;
  std::optional<std::string> user_doc;  // the account's state document; none without one
  std::vector<std::string> scopes;      // an integration token's; empty for a person's
  std::optional<std::string> last_used_at;
};

// An integration token (issue 19): no person, the role "integration", named scopes
// (domain::IntegrationScopes), bound to `party_id` when a scope needs one. token.created
// records it with the creator as actor; the secret is shown once.
Result<NewToken> CreateIntegrationToken(CommandContext& c, const domain::Actor& actor,
                                        const std::string& name,
                                        const std::vector<std::string>& scopes,
                                        const std::string& party_id,
                                        std::optional<TimePoint> expires_at);
Result<std::optional<ApiTokenRecord>> FindApiToken(Tx& tx, const Hash& secret_hash);
// Notes that a token was used now (authentication calls it at most every 30 s per token).
Status TouchApiToken(Tx& tx, std::string_view token_id, TimePoint now);

}  // namespace accord::storage
