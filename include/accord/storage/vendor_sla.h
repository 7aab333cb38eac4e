// Vendor SLA monitoring (issue 27, TP-13, TP-14): a subcontractor's public status feed
// (Statuspage v2) polled by the status runner, and measurements it pushes with an integration
// token scoped to it; attainment against its SLA's uptime, response and resolution terms per
// month and quarter; a breach opens a finding (once per party, period and term); a vendor
// incident touching a component we depend on opens a vendor incident on the party for the officer
// to assess (storage/vendor_incidents.h).
//
// Minutes up and measurements live in side tables (`vendor_samples`, `vendor_measurements`);
// the ledger gets the feed's configuration (`vendor_feed.configured`), each push
// (`vendor_sla.measurements_recorded`) and the findings.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "accord/core/result.h"
#include "accord/domain/event.h"
#include "accord/domain/fields.h"
#include "accord/domain/statuspage.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"

namespace accord::storage {

struct VendorFeed {
  std::string party_id, url;
  std::vector<std::string> component_ids;  // the vendor's components we depend on (empty: all)
  int64_t interval_s = 300;
  int64_t next_poll_at = 0;
  std::string last_polled_at, last_ok_at, last_error, indicator;
};

// {url, component_ids?, interval_s?}
const std::vector<domain::FieldSpec>& VendorFeedFields();
// Sets a party's feed (the party must exist); refuses a loopback or private URL unless allowed.
Result<boost::json::object> SetVendorFeed(CommandContext& c, const domain::Actor& actor,
                                          const std::string& party_id,
                                          const boost::json::object& body, bool allow_private);
Result<std::optional<VendorFeed>> GetVendorFeed(Tx& tx, const std::string& party_id);
// Feeds due at `now`, longest waiting first, at most `limit`.
Result<std::vector<VendorFeed>> DueVendorFeeds(Tx& tx, TimePoint now, size_t limit);

// A poll's result: the feed read (or why not). Records the minute as up or down for the
// components we depend on, each incident's response and resolution times, a vendor incident for
// each new incident touching our components, and checks the SLA. Returns the vendor incidents and
// breach findings opened.
Result<int> RecordFeedPoll(CommandContext& c, const std::string& party_id,
                           const Result<domain::StatusFeed>& feed,
                           const policy::ReviewsPolicy& policy);

// Pushed measurements: {items: [{metric: uptime_percent | response_hours | resolution_hours,
// at, value, ref?}]} (at most 1,000). Returns {recorded}.
Result<boost::json::object> RecordSlaMeasurements(CommandContext& c, const domain::Actor& actor,
                                                  const std::string& party_id,
                                                  const boost::json::object& body,
                                                  const policy::ReviewsPolicy& policy);

// The SLA's terms and how they were met this month, last month, this quarter and last quarter:
// {party_id, terms {uptime_percent, response_hours, resolution_hours} | null, feed | null,
//  periods: [{period, complete, uptime_percent, worst_response_hours, worst_resolution_hours,
//             met {uptime, response, resolution}}], incidents: [...], daily: [{day, uptime}]}.
Result<boost::json::object> VendorSlaView(Tx& tx, const std::string& party_id, TimePoint now);

// One period's attainment [start_day, end_day) (days since the epoch, UTC), as in
// VendorSlaView's periods: {period, complete, uptime_percent, worst_response_hours,
// worst_resolution_hours, met {uptime, response, resolution}}.
Result<boost::json::object> VendorSlaPeriod(Tx& tx, const std::string& party_id,
                                            const std::string& name, int64_t start_day,
                                            int64_t end_day, bool complete);
// The SLA's measurable terms {uptime_percent, response_hours, resolution_hours}, or null.
Result<boost::json::value> VendorSlaTerms(Tx& tx, const std::string& party_id);

// Opens a finding for each term not met in a finished period (and for response or resolution
// already missed in the current one), once per party, period and term. Returns how many.
Result<int> CheckSlaBreaches(CommandContext& c, const std::string& party_id,
                             const policy::ReviewsPolicy& policy);

}  // namespace accord::storage
