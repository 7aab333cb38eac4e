// What failed sign-ins write to the ledger. Each failure is one event (auth.sign_in_failed,
// auth.password_change_failed) while none of its throttle keys (the account, the client
// address: storage/throttle.h) is throttled. The failure that throttles a key appends one
// auth.sign_in_throttled instead, carrying the failure; further failures while a key stays
// throttled are only counted in its throttle row. The run ends with one
// auth.sign_in_throttle_ended {failures}: at the account's next complete sign-in, or once a day
// passed without failures (the key's next failure, or the sweep). So one key adds at most
// its free failures + 2 events per run however long the guessing goes on, and many addresses
// cannot grow the ledger without bound.
#pragma once

#include <initializer_list>
#include <string>

#include "accord/core/result.h"
#include "accord/domain/event.h"
#include "accord/storage/event_log.h"

namespace accord::storage {

// Counts a failure under each key ("acct:<email>", ClientKey(address)) and appends `failed`
// (its type, actor, subject and payload), auth.sign_in_throttled, or nothing, as above.
Status RecordSignInFailure(CommandContext& c, std::initializer_list<std::string> keys,
                           domain::Event failed);

// A complete sign-in: forgets the account key's failures, ending a throttled run.
Status ClearSignInFailures(CommandContext& c, const std::string& account_key);

// The sweep (every minute): a throttled key quiet for a day ends its run (the event) and its
// row goes; PurgeIdentityState drops the quiet rows that were never throttled. At most
// `limit` rows a pass; returns how many ended.
Result<int> EndQuietThrottles(EventLog& log, int limit = 200);

}  // namespace accord::storage
