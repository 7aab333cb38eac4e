// Helpers shared by the breach files (private to storage/): breaches.cc (commands),
// breach_reads.cc (views) and breach_reminders.cc (the scheduler's job).
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/storage/store.h"

namespace accord::storage::breach_support {

std::optional<TimePoint> TimeOf(const boost::json::object& o, std::string_view key);
// The notices an assessment's notice_ids name, in that order.
Result<std::vector<boost::json::object>> NoticesOf(Tx& tx, const boost::json::object& assessment);
// The live notices whose status is `status`, soonest deadline first.
Result<std::vector<boost::json::object>> NoticesWithStatus(Tx& tx, std::string_view status);

}  // namespace accord::storage::breach_support
