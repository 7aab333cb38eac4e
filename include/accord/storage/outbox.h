// The notification outbox (CONTRACT.md: one owner, built with the reviews): messages are
// queued in the same transaction as the change that causes them, so a reminder or an alert
// is never lost and never sent for something that rolled back. Delivery channels (email
// comes with the trust-center work) plug into OutboxDelivery; the scheduler loop runs it,
// retrying with backoff. The outbox is not the ledger: it holds addresses and message text.
#pragma once

#include <atomic>
#include <boost/json/object.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/storage/store.h"

namespace accord::storage {

struct OutboxMessage {
  std::string dedupe_key;  // the same key is queued once ("reminder:rev_…:3")
  std::string channel = "email";
  std::string user_id;
  std::string recipient;  // the address on that channel
  std::string subject;
  std::string body;
  std::string ref_kind;  // what it is about: "review", "alert", ...
  std::string ref_id;
  bool confidential = false;  // holds a personal link: the body is not shown in listings
  // RFC 2369/8058: the https URL a one-click POST unsubscribes with (emails to subscribers of
  // a list); sent as List-Unsubscribe and List-Unsubscribe-Post, kept like a confidential body.
  std::string list_unsubscribe;
};

// Queues in `tx`; false when a message with this dedupe_key exists already.
Result<bool> QueueMessage(Tx& tx, const OutboxMessage& message, TimePoint now);

// Queues one message per active account holding one of `roles` (or `user_ids`), on each channel
// the account chose for the message's topic (storage/notification_settings.h; email by
// default), addressed to its email or phone. The dedupe key gets ":<user id>" appended (and
// ":sms" / ":voice" for those channels). Returns how many were queued.
Result<int> QueueForUsers(Tx& tx, const std::vector<std::string>& roles,
                          const std::vector<std::string>& user_ids, OutboxMessage message,
                          TimePoint now);

struct OutboxQuery {
  std::string status;  // "" = any: queued | sent | failed
  std::string ref_id;
  std::string user_id;  // "" = everyone's
  std::optional<std::string> after_id;
  size_t limit = 50;
};
// Newest first; items are JSON objects (the body included), next = last id when more exist.
Result<std::pair<std::vector<boost::json::object>, std::optional<std::string>>> ListOutbox(
    Tx& tx, const OutboxQuery& query);

// One message as ListOutbox shows it, with its status history (storage/deliveries.h).
Result<std::optional<boost::json::object>> ReadOutboxEntry(Tx& tx, const std::string& id);

// A way to deliver messages. Send returns an error to retry later: kUnavailable when the
// channel's server cannot be reached (the pass stops; the rest of its batch waits too),
// kValidationFailed when this message can never be delivered (it fails at once).
class OutboxChannel {
 public:
  virtual ~OutboxChannel() = default;
  virtual std::string name() const = 0;  // "email"
  virtual Status Send(const OutboxMessage& message) = 0;
  // Sends, answering the provider's id for the message when it has one (an SMS's or a call's
  // sid, which its status callbacks name; storage/deliveries.h), else "".
  virtual Result<std::string> Deliver(const OutboxMessage& message) {
    Status s = Send(message);
    if (!s.ok()) return s.error();
    return std::string();
  }
  // At most this many sends a minute (0: no limit); beyond it a pass leaves the channel's
  // messages queued, untried, for the next pass.
  virtual int per_minute() const { return 0; }
};

// Delivers queued messages of the registered channels, one at a time, each claimed first
// (a 15-minute lease that counts as a try), so servers sharing a store never send a message
// twice and one whose sender died is retried. Failures back off 1 min, 2, 4, … up to 6 h.
// An unreachable server (kUnavailable) ends the pass and never fails a message: it waits,
// visible, however long the outage. A permanent refusal (kValidationFailed) is `failed` at
// once; other failures after kMaxAttempts. Messages of a channel nobody registered stay
// queued, untried, until one is.
class OutboxDelivery {
 public:
  static constexpr int kMaxAttempts = 10;
  OutboxDelivery(Store& store, const Clock& clock) : store_(store), clock_(clock) {}
  void AddChannel(std::unique_ptr<OutboxChannel> channel);
  bool empty() const { return channels_.empty(); }
  // Makes a running pass stop after the message it is sending (server shutdown).
  void RequestStop() { stop_requested_ = true; }
  // One pass over at most `batch` due messages; returns how many were sent.
  Result<int> RunOnce(size_t batch = 100);

 private:
  Store& store_;
  const Clock& clock_;
  std::map<std::string, std::unique_ptr<OutboxChannel>> channels_;
  std::map<std::string, std::vector<TimePoint>> recent_sends_;  // per channel, the last minute
  std::atomic<bool> stop_requested_{false};
};

}  // namespace accord::storage
