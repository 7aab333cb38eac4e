// Throttles and counters against guessing and flooding, shared by every server on a store:
// sign-in failures per account and per client address (waits that double), and accepted
// public posts per address or email in a fixed window. One client-address key for both.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/storage/store.h"

namespace accord::storage {

// The counter key of a client address: "addr:203.0.113.9"; an IPv4-mapped IPv6 address as
// its IPv4 address; other IPv6 by its /64 ("addr6:20010db8000000a1::/64"), the unit one
// client holds.
std::string ClientKey(std::string_view address);

// Sign-in throttling, per account ("acct:<email>": the target of a guessing attack) and per
// address (ClientKey: many accounts from one place; offices share addresses, so more free
// failures). storage/sign_in_failures.h decides what of it reaches the ledger.
inline constexpr int kFreeAccountFailures = 5;
inline constexpr int kFreeAddressFailures = 20;
// The free failures of a key, by its kind.
int FreeFailuresOf(std::string_view key);
// An SQL condition on auth_throttle, true for a key past its free failures; its two
// parameters are kFreeAccountFailures and kFreeAddressFailures.
inline constexpr const char* kThrottledSql =
    "((key LIKE 'acct:%' AND failures > ?) OR (key NOT LIKE 'acct:%' AND failures > ?))";
// How long `key` must still wait, in seconds (0: may try now).
Result<int64_t> ThrottleWait(Tx& tx, const std::string& key, TimePoint now);
struct ThrottleCount {
  int64_t failures = 0;  // consecutive failures under the key, this one included
  int64_t forgiven = 0;  // the count a day without failures just forgave (0: none)
};
// Counts a failure; the wait grows with each failure after the key's free ones.
Result<ThrottleCount> ThrottleFailure(Tx& tx, const std::string& key, TimePoint now);
// Forgets the key's failures; returns how many there were.
Result<int64_t> ThrottleClear(Tx& tx, const std::string& key);
// The wait after `failures` consecutive failures: none for the first `free_failures`, then
// 1 s, 2 s, 4 s ... capped at 15 minutes.
int64_t ThrottleDelaySeconds(int64_t failures, int free_failures);

// Counts one accepted public post under `key` (ClientKey(...), "rrq:<email>") in a fixed window.
// When `limit` posts were accepted in the current window: kRateLimited whose details hold
// {"retry_after", seconds}. Run inside the command that accepts the post, so a refused post
// counts nothing and servers sharing a store share the count.
Status CountPublicPost(Tx& tx, const std::string& key, TimePoint now, int limit,
                       std::chrono::seconds window);
// The seconds to wait from a kRateLimited error of CountPublicPost (0 if none).
int64_t RetryAfterSeconds(const Error& error);

}  // namespace accord::storage
