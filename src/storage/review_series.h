// The review schedule's recurring series (private to storage/): keeping review_series in line
// with the registry and the profile, and opening the reviews that come due. The schedule's
// pass (review_schedule.cc) calls these; review_series.cc has them.
#pragma once

#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"
#include "accord/storage/reviews.h"

namespace accord::storage::review_series {

// Brings review_series in line with the registry: plans from a read (it reads every active
// partner, so without holding the write lock) and applies the plan in one write, if any.
Status SyncReviewSeries(Store& store, const policy::ReviewsPolicy& policy, TimePoint now,
                        ScheduleRun& run);

// Opens every review whose series has reached its open_at (at most a few periods per series
// in one pass), then advances the series to its next occurrence.
Status OpenDueReviews(CommandContext& c, const policy::ReviewsPolicy& policy, ScheduleRun& run);

}  // namespace accord::storage::review_series
