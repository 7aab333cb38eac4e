// Polls subcontractors' public status feeds (issue 27, TP-13): each due feed is read with the
// bounded fetch (app/probe.h) and the Statuspage reader (domain/statuspage.h), and the result
// recorded by storage::RecordFeedPoll. Whatever a vendor serves (an HTML error page, malformed
// JSON, a hang, a huge body, a redirect loop, a TLS failure) ends as the feed's recorded error.
// Runs on the status runner's thread.
#pragma once

#include "accord/app/probe.h"
#include "accord/core/clock.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"

namespace accord::app {

// Feeds read in one turn at most; the rest wait for the next.
inline constexpr size_t kMaxFeedsPerTurn = 20;

// Reads the feeds due now; returns how many were read (successfully or not).
Result<int> PollVendorFeeds(storage::EventLog& log, const Clock& clock, const FetchLimits& limits,
                            const policy::ReviewsPolicy& policy);

}  // namespace accord::app
