// Single sign-on's state outside the ledger (migration v12): sign-ins in flight (by the hash
// of their `state`, used once), links from a provider's subject to an account, and which
// provider session each Accord session came from (back-channel logout).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accord/core/clock.h"
#include "accord/storage/store.h"

namespace accord::storage {

struct OidcFlow {
  std::string nonce;
  std::string verifier;  // the PKCE code_verifier
  // Set when the flow links the provider's subject to a signed-in account ("Your account")
  // rather than signing in: that account and the session that started it.
  std::string link_user_id;
  std::string link_session_id;
};

struct OidcLink {
  std::string issuer;
  std::string subject;
  std::string created_at;
};

// Records a flow; removes flows past their end on the way.
Status SaveOidcFlow(Tx& tx, const std::string& state, const OidcFlow& flow, TimePoint now,
                    TimePoint expires_at);
// The flow of `state`, deleted as it is read: a second use finds nothing (nullopt), as does an
// expired one.
Result<std::optional<OidcFlow>> TakeOidcFlow(Tx& tx, const std::string& state, TimePoint now);
// The flow of `state` without using it up (nullopt when unknown or expired): the callback reads
// it before the code exchange and takes it in the sign-in's own write, one durable write in all.
Result<std::optional<OidcFlow>> FindOidcFlow(Tx& tx, const std::string& state, TimePoint now);

Result<std::optional<std::string>> LinkedUser(Tx& tx, const std::string& issuer,
                                              const std::string& subject);
Status LinkSubject(Tx& tx, const std::string& issuer, const std::string& subject,
                   const std::string& user_id, TimePoint now);
// The subjects linked to an account, oldest first.
Result<std::vector<OidcLink>> LinksOf(Tx& tx, const std::string& user_id);
// Removes the account's link to the subject; false when the account has no such link.
Result<bool> UnlinkSubject(Tx& tx, const std::string& issuer, const std::string& subject,
                           const std::string& user_id);
// Whether the session is still live (not revoked, not past its end).
Result<bool> SessionLive(Tx& tx, const std::string& session_id, TimePoint now);

Status RecordProviderSession(Tx& tx, const std::string& session_id, const std::string& issuer,
                             const std::string& subject, const std::string& sid,
                             const std::string& id_token);
// The live Accord sessions a provider's logout names (by sid when given, else by subject):
// (session id, user id).
Result<std::vector<std::pair<std::string, std::string>>> ProviderSessions(
    Tx& tx, const std::string& issuer, const std::string& subject, const std::string& sid,
    TimePoint now);
// The ID token a session signed in with ("" when it did not come from the provider).
Result<std::string> SessionIdToken(Tx& tx, const std::string& session_id);

}  // namespace accord::storage
