// Email subscriptions to the public subprocessor list (issue 9): a customer leaves an address
// on the trust center, confirms it from the email it receives (double opt-in), and from then
// on is emailed each change (planned, added, changed, removed) with a link to manage or end
// the subscription. Addresses are personal data, not evidence: they live in
// `trust_subscribers`, never in the ledger.
//
// A manage link's token is derived, not stored: "<subscriber id>.<base64url HMAC-SHA256 of the
// id and its subscription time under `link_key`>" (TrustSettings::link_key, derived from the
// server's signing key), so a copy of the database or a backup holds no working link.
// Subscribing again after ending gives a new subscription time, hence a new link.
#pragma once

#include <optional>
#include <string>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/storage/store.h"

namespace accord::storage {

// Records a subscription request (public form; rate-limited per address like the request
// form) and emails the address its confirmation link. Whatever the address's state (new,
// pending, active, ended) the caller answers the same; an active subscriber is sent the
// link to manage it instead.
// `topic` (issue 27): subprocessors (the list's changes) or status (the status page's
// changes); subscribing an address again with another topic adds it to the same subscription.
Status Subscribe(Tx& tx, const std::string& email, const std::string& client_address,
                 const std::string& link_base, const std::string& link_key, TimePoint now,
                 const std::string& topic = "subprocessors");
// Whether a subscriber's comma-separated topics hold `topic`.
bool HasTopic(const std::string& topics, const std::string& topic);

struct Subscriber {
  std::string id, email, status;  // pending | active | ended
};
// The subscriber a manage link names (nullopt when unknown).
Result<std::optional<Subscriber>> FindSubscriber(Tx& tx, const std::string& token,
                                                 const std::string& link_key);
// confirm (pending → active) | unsubscribe (→ ended). 404 for an unknown token.
Result<Subscriber> ChangeSubscription(Tx& tx, const std::string& token, const std::string& action,
                                      const std::string& link_key, TimePoint now);
// The token of a subscriber's manage link.
std::string SubscriptionToken(const std::string& link_key, const std::string& subscriber_id,
                              const std::string& created_at);

// Emails every active subscriber the subprocessor-list changes recorded since the last run
// (one email per subscriber per run, changes after their confirmation only). The first run
// on a store only sets the starting point. Each email carries List-Unsubscribe (one click,
// RFC 8058). Returns how many were queued.
// Emails every active subscriber to the status topic the components' status changes recorded
// since the last run (one email per subscriber per run). The first run only sets the start.
Result<int> NotifyStatusChanges(Tx& tx, const std::string& link_base, const std::string& link_key,
                                TimePoint now);

Result<int> NotifySubprocessorChanges(Tx& tx, const std::string& link_base,
                                      const std::string& link_key, TimePoint now);

}  // namespace accord::storage
