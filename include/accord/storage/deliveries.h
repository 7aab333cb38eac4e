// What became of each outbox message (issue 26): its status history (queued, sent, retrying,
// delivered, failed with the provider's error), the provider's id for an SMS or a call (its
// status callbacks name it), numbers that replied STOP, and the delivery rate per channel and
// day. Side tables, not the ledger: delivery facts, carried by backups.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/storage/store.h"

namespace accord::storage {

// Appends one step to a message's history (the next seq).
Status AppendOutboxHistory(Tx& tx, const std::string& message_id, std::string_view status,
                           std::string_view detail, TimePoint at);
// Oldest first: [{status, at, detail}].
Result<boost::json::array> OutboxHistory(Tx& tx, const std::string& message_id);

// Remembers the provider's id for a message it accepted (delivery_status "sent").
Status LinkProviderRef(Tx& tx, const std::string& message_id, const std::string& channel,
                       const std::string& provider_ref, TimePoint at);

// A provider's status for one of its messages or calls, as its callback names it
// (MessageStatus / CallStatus, ErrorCode, ErrorMessage).
struct ProviderStatus {
  std::string provider_ref;  // MessageSid / CallSid
  std::string status;        // e.g. delivered, undelivered, failed, completed, no-answer
  std::string error_code;
  std::string error_message;
};
// "sent", "delivered" or "failed" for a provider's status; "" for steps in between (queued,
// ringing, ...), which change nothing.
std::string DeliveryStatusOf(std::string_view provider_status);
// Applies a callback: the message's delivery status moves forward (never back from delivered
// or failed) and its history gains the step. nullopt when no message has this provider id.
Result<std::optional<std::string>> ApplyProviderStatus(Tx& tx, const ProviderStatus& status,
                                                       TimePoint at);

// STOP (opted_out) and START/UNSTOP (not) replies from a number, per channel.
Status SetOptOut(Tx& tx, const std::string& channel, const std::string& address, bool opted_out,
                 TimePoint at);
Result<bool> IsOptedOut(Tx& tx, const std::string& channel, const std::string& address);

// Per channel and UTC day since `from`: {channel: [{day, delivered, failed, pending, rate}]},
// rate = delivered / (delivered + failed), null when nothing ended yet. Email has no receipts:
// accepted by the mail server counts as delivered.
Result<boost::json::object> DeliveryRates(Tx& tx, TimePoint from);

}  // namespace accord::storage
