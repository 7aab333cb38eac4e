// Email subscriptions to the public subprocessor list (issue 9): a customer leaves an address
// on the trust center, confirms it from the email it receives (double opt-in), and from then
// on is emailed each change (planned, added, changed, removed) with a link to manage or end
// the subscription. Addresses are personal data, not evidence: they live in
// `trust_subscribers`, never in the ledger.
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
Status Subscribe(Tx& tx, const std::string& email, const std::string& client_address,
                 const std::string& link_base, TimePoint now);

struct Subscriber {
  std::string id, email, status;  // pending | active | ended
};
// The subscriber a manage link names (nullopt when unknown).
Result<std::optional<Subscriber>> FindSubscriber(Tx& tx, const std::string& token);
// confirm (pending → active) | unsubscribe (→ ended). 404 for an unknown token.
Result<Subscriber> ChangeSubscription(Tx& tx, const std::string& token, const std::string& action,
                                      TimePoint now);

// Emails every active subscriber the subprocessor-list changes recorded since the last run
// (one email per subscriber per run, changes after their confirmation only). The first run
// on a store only sets the starting point. Returns how many emails were queued.
Result<int> NotifySubprocessorChanges(Tx& tx, const std::string& link_base, TimePoint now);

}  // namespace accord::storage
