#include "accord/app/vendor_feeds.h"

#include <boost/json.hpp>

#include "accord/domain/statuspage.h"
#include "accord/storage/vendor_sla.h"

namespace accord::app {

namespace json = boost::json;

namespace {

Result<domain::StatusFeed> ReadFeed(const std::string& url, const FetchLimits& limits) {
  auto fetched = FetchBounded(url, limits);
  if (!fetched.ok()) return std::move(fetched).error();
  if (fetched->status != 200) {
    return Error{ErrorCode::kUnavailable,
                 "answered " + std::to_string(fetched->status) +
                     (fetched->content_type.empty() ? "" : " (" + fetched->content_type + ")"),
                 {}};
  }
  auto feed = domain::ParseStatusFeed(fetched->body);
  if (!feed.ok()) {
    return Error{ErrorCode::kUnavailable, "not a Statuspage feed: " + feed.error().message, {}};
  }
  return feed;
}

}  // namespace

Result<int> PollVendorFeeds(storage::EventLog& log, const Clock& clock, const FetchLimits& limits,
                            const policy::ReviewsPolicy& policy) {
  std::vector<storage::VendorFeed> due;
  ACCORD_TRY(log.store().Read([&](storage::Tx& tx) -> Status {
    auto feeds = storage::DueVendorFeeds(tx, clock.Now(), kMaxFeedsPerTurn);
    if (!feeds.ok()) return std::move(feeds).error();
    due = std::move(*feeds);
    return Ok();
  }));
  for (const auto& f : due) {
    Result<domain::StatusFeed> feed = ReadFeed(f.url, limits);
    auto r = log.Execute([&](storage::CommandContext& c) -> Result<json::value> {
      auto n = storage::RecordFeedPoll(c, f.party_id, feed, policy);
      if (!n.ok()) return std::move(n).error();
      return json::value(*n);
    });
    if (!r.ok()) return std::move(r).error();
  }
  return static_cast<int>(due.size());
}

}  // namespace accord::app
