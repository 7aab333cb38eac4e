// The daily digest of My work (issue 20): once a day, from 06:00 UTC, every active account of
// the workforce with something waiting gets one email through the outbox, unless it turned
// the digest off (AccountSettings::daily_digest). An account with nothing waiting gets none.
#pragma once

#include <string>

#include "accord/core/result.h"
#include "accord/core/time.h"
#include "accord/policy/profile.h"
#include "accord/storage/store.h"

namespace accord::storage {

inline constexpr int kDigestHourUtc = 6;

// Queues today's digests that are due and not queued yet (the outbox's dedupe key
// "digest:<user>:<day>" makes a second run, or a second server, queue nothing): the work is
// read in one read transaction, the messages queued in one write. `portal_url` is the base
// of the link to the portal ("" leaves the link out). Returns how many were queued.
Result<int> QueueWorkDigests(Store& store, const policy::Profile& profile, TimePoint now,
                             const std::string& portal_url);

}  // namespace accord::storage
