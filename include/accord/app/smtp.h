// Email for the notification outbox: an OutboxChannel that sends over SMTP with libcurl,
// STARTTLS required by default. Messages are plain text in quoted-printable, with headers
// that cannot be injected into (CR and LF never reach a header from a message's text).
// The outbox holds only what a reminder says (titles, kinds, dates, ids): never ePHI.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/storage/outbox.h"

namespace accord::app {

struct SmtpConfig {
  std::string host;  // empty: no email channel (messages wait in the outbox)
  uint16_t port = 587;
  std::string user;      // empty: no AUTH
  std::string password;  // read from password_file; never logged
  std::filesystem::path password_file;
  std::string from;               // the envelope and From: address, e.g. accord@example.com
  bool starttls = true;           // require STARTTLS (refuse to send in clear)
  std::filesystem::path ca_file;  // trust these CA certificates instead of the system's
  std::chrono::seconds timeout{30};

  bool enabled() const { return !host.empty(); }
};

// Reads the `[smtp]` table of a TOML config file (host port user password_file from starttls
// ca_file timeout_seconds) into `out`; absent keys keep out's values. Errors name the key.
Status ReadSmtpConfig(const std::filesystem::path& file, SmtpConfig& out);

// Checks a config before the server starts, and reads its password file: a from-address, a
// password only with a user, credentials only over STARTTLS unless the host is loopback.
Status PrepareSmtpConfig(SmtpConfig& config);

// The RFC 5322 message for `m` (CRLF line ends, quoted-printable UTF-8 body).
std::string FormatEmail(const SmtpConfig& config, const storage::OutboxMessage& m, TimePoint now);

// The outbox's "email" channel. Send returns kUnavailable when the mail server cannot be
// reached or refuses the session (the delivery pass stops and retries later), and
// kValidationFailed when the server permanently rejects this message (5xx).
class SmtpChannel final : public storage::OutboxChannel {
 public:
  SmtpChannel(SmtpConfig config, const Clock& clock);
  std::string name() const override { return "email"; }
  Status Send(const storage::OutboxMessage& message) override;

 private:
  SmtpConfig config_;
  const Clock& clock_;
};

}  // namespace accord::app
