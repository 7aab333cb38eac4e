// Secure Message (issue 26, item 4): what carries PHI. The subject, body and attachments are
// sealed (messaging/sealed_box.h) before they reach the store; the recipient gets only a link
// (/secure/{token}, the secret kept as its hash), proves who they are with a one-time code sent
// on a second channel (or signs in), reads, downloads and may reply. Every open, download,
// code, retraction and reply is a ledger event naming who, when and from where, never what.
// Retraction destroys the wrapped data key: the ciphertext that stays can never be opened.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "accord/core/result.h"
#include "accord/domain/event.h"
#include "accord/messaging/sealed_box.h"
#include "accord/storage/event_log.h"

namespace accord::storage {

struct SecureAttachment {
  std::string filename;
  std::string content_type;
  std::string content;  // the bytes
};

struct SecureMessageInput {
  std::string recipient;        // an email address
  std::string recipient_phone;  // E.164; the code goes by SMS when that channel exists
  std::string subject;
  std::string body;
  std::vector<SecureAttachment> attachments;
  int64_t expires_in_days = 14;
  std::string in_reply_to;  // smg_… this answers ("" for a new message)
};

struct SecureMessageSettings {
  std::string link_base;     // https://host: the link is link_base + "/secure/" + token
  std::string organisation;  // who the email says it is from
  // The code's second channel: "sms" once the channels work registers it (and the message has
  // a phone number); email until then.
  bool sms_codes = false;
  int64_t code_minutes = 10;
  int64_t session_minutes = 30;
  int max_code_attempts = 5;  // wrong tries before a code is dead
  int max_codes_per_hour = 5;
};

// Limits a sender meets, checked before anything is written.
inline constexpr size_t kSecureMaxAttachments = 10;
inline constexpr size_t kSecureMaxTotalBytes = 10 * 1024 * 1024;
inline constexpr size_t kSecureMaxBodyBytes = 256 * 1024;

// Who acts: a signed-in account (user id, its role, its email and party) or the holder of a
// message's link after a code (user_id empty).
struct SecureCaller {
  std::string user_id;
  std::string role;
  std::string email;
  std::string party_id;
};

// Seals and stores a message, queues the link email (and nothing of the content), appends
// `secure_message.sent`. Returns the sender's view. A reply (in_reply_to) goes to the sender of
// the message it answers, from its recipient only.
Result<boost::json::object> SendSecureMessage(CommandContext& c,
                                              const messaging::MasterKeyRing& keys,
                                              const SecureCaller& caller, SecureMessageInput in,
                                              const SecureMessageSettings& settings);

// The state of a link, for the recipient's page (no content).
struct SecureLink {
  std::string message_id;
  std::string state;  // "valid" | "unknown" | "expired" | "retracted"
  std::string recipient;
  std::string code_channel;
  std::string code_to;  // masked ("j…@example.org", "…0199")
  bool recipient_has_account = false;
};
Result<SecureLink> FindSecureLink(Tx& tx, std::string_view token, TimePoint now);

// Sends a fresh one-time code on the message's code channel (through the outbox); at most
// settings.max_codes_per_hour per message (kRateLimited). Appends `secure_message.code_sent`.
Status SendSecureCode(CommandContext& c, std::string_view token, const std::string& address,
                      const SecureMessageSettings& settings);

// Checks a code for the link's message. Right: the code is used up, a reading session starts
// (its secret returned), `secure_message.opened` is appended and the read receipt set. Wrong,
// replayed, expired or another message's code: nullopt (the try is counted; after
// max_code_attempts the code is dead). The caller commits either way.
Result<std::optional<std::string>> VerifySecureCode(CommandContext& c, std::string_view token,
                                                    std::string_view code,
                                                    const std::string& address,
                                                    const std::string& user_agent,
                                                    const SecureMessageSettings& settings);

// The message's id when `session` is a live reading session of the link's message.
Result<std::optional<std::string>> SecureSession(Tx& tx, std::string_view token,
                                                 std::string_view session, TimePoint now);

// The opened message: subject, body, attachments (names and sizes), in_reply_to.
struct SecurePlain {
  std::string id;
  std::string subject;
  std::string body;
  struct Part {
    std::string filename;
    std::string content_type;
    int64_t size = 0;
  };
  std::vector<Part> attachments;
  std::string sender_name;
  std::string created_at;
  std::string expires_at;
};
// Decrypts message `id` (no event: the caller records the open). kForbidden when it cannot be
// opened (a wrong key, a changed byte); kConflict when retracted or expired.
Result<SecurePlain> OpenSecureMessage(Tx& tx, const messaging::MasterKeyRing& keys,
                                      const std::string& id, TimePoint now);
// Attachment `index` of message `id`, decrypted.
Result<std::string> OpenSecureAttachment(Tx& tx, const messaging::MasterKeyRing& keys,
                                         const std::string& id, size_t index, TimePoint now);

// Records an open or a download in the ledger: `secure_message.opened` /
// `secure_message.downloaded` (who, how, from where; never the content), and the read receipt
// when the recipient opened it.
struct SecureAccess {
  std::string how;  // "code" | "account"
  std::string address;
  std::string user_agent;
  std::optional<size_t> attachment;  // set for a download
};
Status RecordSecureAccess(CommandContext& c, const std::string& id, const SecureCaller& caller,
                          const SecureAccess& access);

// A signed-in caller's message: not_found unless the caller sent or received it.
Result<boost::json::object> SecureMessageView(Tx& tx, const messaging::MasterKeyRing& keys,
                                              const std::string& id, const SecureCaller& caller,
                                              TimePoint now);
// Whether the caller may read the message's content (its sender or its recipient); not_found
// otherwise.
Status CheckSecureReader(Tx& tx, const std::string& id, const SecureCaller& caller);
// The caller's messages, sent and received, newest first.
Result<std::pair<std::vector<boost::json::object>, std::optional<std::string>>> ListSecureMessages(
    Tx& tx, const messaging::MasterKeyRing& keys, const SecureCaller& caller,
    std::optional<std::string> after_id, size_t limit, TimePoint now);

// Retracts (sender, or a security officer): the data key is destroyed, so the content can never
// be opened again; `secure_message.retracted`.
Result<boost::json::object> RetractSecureMessage(CommandContext& c,
                                                 const messaging::MasterKeyRing& keys,
                                                 const std::string& id, const SecureCaller& caller);

// What retraction and the purge on expiry both destroy: the wrapped data key and the sealed
// content (emptied) and the attachments and reading sessions (deleted). The row stays.
Status DestroySecureContent(Tx& tx, const std::string& id);

// The scheduler's purge (secure_message_purge.cc): a message past its expiry opens for nobody,
// so what could still open it goes as a retraction's does: its data key, sealed content and
// attachments, its codes and reading sessions. One `secure_message.expired` each, by the system;
// at most 200 a call. Returns how many were purged.
Result<int> PurgeExpiredSecureMessages(EventLog& log);

// Rewraps every data key not wrapped by the ring's current key (a master key rotation); the
// messages' ciphertext is untouched. A key wrapped by a master key the ring lacks is left as it
// is and counted as unreadable. Retracted and purged messages have no key left to rewrap.
struct RewrapCount {
  int64_t rewrapped = 0;
  int64_t unreadable = 0;
};
Result<RewrapCount> RewrapSecureMessageKeys(Tx& tx, const messaging::MasterKeyRing& keys);

}  // namespace accord::storage
