// SMS and voice for the notification outbox (issue 26): OutboxChannels that speak the Twilio
// REST API (2010-04-01), which most SMS and voice providers copy: POST form-encoded To, From,
// Body (Messages) or Twiml (Calls) with StatusCallback, HTTP Basic auth with the account SID
// and its auth token. The provider's callbacks come back to /hooks/twilio/… (http/api_hooks.cc),
// signed with the same token. Configured by `[sms]` and `[voice]` in --config; the token only
// from a file.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

#include "accord/core/result.h"
#include "accord/storage/outbox.h"

namespace accord::app {

struct PhoneConfig {
  std::string api_url = "https://api.twilio.com";  // the provider's REST API base
  std::string account_sid;                         // empty: this channel is off
  std::filesystem::path auth_token_file;
  std::string auth_token;  // read from auth_token_file; never logged
  std::string from;        // our E.164 number
  int per_minute = 60;     // sends a minute at most (the provider's limit for one number)
  std::chrono::seconds timeout{10};
  std::string status_callback;  // set at start: <public URL>/hooks/twilio/status

  bool enabled() const { return !account_sid.empty(); }
};

// Reads the `[sms]` or `[voice]` table (`table`) of a TOML file: api_url account_sid
// auth_token_file from per_minute timeout_seconds. Errors name the key and its line.
Status ReadPhoneConfig(const std::filesystem::path& file, const std::string& table,
                       PhoneConfig& out);
// Checks an enabled config and reads its token file; `table` names the fields in errors.
Status PreparePhoneConfig(const std::string& table, PhoneConfig& config);

// What an SMS says (subject, then the body, at most 1600 characters: the provider's limit) and
// what a call says (the subject, as TwiML <Say>).
std::string SmsText(const storage::OutboxMessage& m);
std::string VoiceTwiml(const storage::OutboxMessage& m);

// The "sms" or "voice" channel. Deliver answers the provider's sid. kUnavailable when the
// provider cannot be reached, answers 5xx or 429, or refuses our credentials (nothing fails
// while it is down or misconfigured); kValidationFailed for a number that is not E.164 or a
// recipient the provider refuses (4xx with its error code). The outbox has already put the
// message through the PHI guard (storage/outbox.cc), when queued and again as it leaves.
class PhoneChannel final : public storage::OutboxChannel {
 public:
  PhoneChannel(std::string name, PhoneConfig config);
  std::string name() const override { return name_; }
  Status Send(const storage::OutboxMessage& message) override;
  Result<std::string> Deliver(const storage::OutboxMessage& message) override;
  int per_minute() const override { return config_.per_minute; }

 private:
  std::string name_;
  PhoneConfig config_;
};

// application/x-www-form-urlencoded (RFC 3986 unreserved characters kept).
std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace accord::app
