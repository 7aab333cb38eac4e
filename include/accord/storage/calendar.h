// Calendar-feed tokens (issue 6): a secret URL per user that a calendar client subscribes
// to (/calendar/{token}.ics). Only the token's SHA-256 is stored; creating and revoking one
// is a ledger event about the user (who could see the review calendar, and since when).
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "accord/core/result.h"
#include "accord/domain/event.h"
#include "accord/storage/event_log.h"

namespace accord::storage {

inline constexpr int kMaxCalendarTokensPerUser = 10;

struct NewCalendarToken {
  std::string id;      // cal_…
  std::string secret;  // "ical_" + 43 base64url characters, shown once
};

// 409 when the user has kMaxCalendarTokensPerUser live tokens already.
Result<NewCalendarToken> CreateCalendarToken(CommandContext& c, const domain::Actor& actor,
                                             const std::string& user_id, const std::string& name);
// The user's tokens, newest first, without secrets.
Result<boost::json::array> ListCalendarTokens(Tx& tx, const std::string& user_id);
// 404 unless the token exists, is live and belongs to `user_id` ("" = any user's).
Status RevokeCalendarToken(CommandContext& c, const domain::Actor& actor, const std::string& id,
                           const std::string& user_id);
// The user a live token belongs to (nullopt: unknown or revoked).
Result<std::optional<std::string>> CalendarTokenUser(Tx& tx, const std::string& secret);

// What the feed shows: the open reviews' states, nearest due first (then by id), at most
// `limit`; and the live objects of `kind` in one of `statuses` (few at a time: all of them).
Result<std::vector<boost::json::object>> OpenReviewsByDueDate(Tx& tx, size_t limit);
Result<std::vector<boost::json::object>> LiveObjectsInStatus(
    Tx& tx, const std::string& kind, const std::vector<std::string>& statuses);

}  // namespace accord::storage
