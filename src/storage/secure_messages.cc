// Secure Message's storage and commands (secure_messages.h). The tables hold ciphertext, the
// wrapped data key, the recipient's address and times; codes and links only as hashes.
#include "accord/storage/secure_messages.h"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <chrono>

#include "accord/core/bytes.h"
#include "accord/core/ids.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/domain/fields.h"
#include "accord/domain/registry.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/outbox.h"
#include "accord/storage/throttle.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

constexpr std::string_view kColumns =
    "id, sender_id, recipient_email, recipient_user_id, code_channel, code_recipient, key_id, "
    "wrapped_key, sealed, attachments, size, in_reply_to, created_at, expires_at, retracted_at, "
    "read_at";

struct Stored {
  std::string id, sender_id, recipient, recipient_user_id, code_channel, code_to, key_id;
  Bytes wrapped, sealed;
  int64_t attachments = 0, size = 0;
  std::string in_reply_to, created_at, expires_at;
  std::optional<std::string> retracted_at, read_at;
};

Stored FromRow(const Row& r) {
  Stored s;
  s.id = r.Text(0);
  s.sender_id = r.Text(1);
  s.recipient = r.Text(2);
  s.recipient_user_id = r.Text(3);
  s.code_channel = r.Text(4);
  s.code_to = r.Text(5);
  s.key_id = r.Text(6);
  s.wrapped = r.BlobAt(7);
  s.sealed = r.BlobAt(8);
  s.attachments = r.Int(9);
  s.size = r.Int(10);
  s.in_reply_to = r.Text(11);
  s.created_at = r.Text(12);
  s.expires_at = r.Text(13);
  if (!r.IsNull(14)) s.retracted_at = r.Text(14);
  if (!r.IsNull(15)) s.read_at = r.Text(15);
  return s;
}

Result<std::optional<Stored>> Load(Tx& tx, std::string_view where, Value key) {
  auto row = tx.QueryOne("SELECT " + std::string(kColumns) + " FROM secure_messages WHERE " +
                             std::string(where) + " = ?",
                         {std::move(key)});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<Stored>();
  return std::optional<Stored>(FromRow(**row));
}

Value HashOf(std::string_view secret) { return BlobOf(Sha256(secret)); }
// A code is hashed with its message's id: the same digits for another message never match.
Value CodeHash(std::string_view message_id, std::string_view code) {
  return BlobOf(Sha256(std::string(message_id) + ":" + std::string(code)));
}

Error Conflict(std::string field, std::string reason) {
  return Error{
      ErrorCode::kConflict, field + ": " + reason, {{std::move(field), std::move(reason), {}}}};
}

std::string ContentAad(std::string_view id) { return "accord-secure-message:" + std::string(id); }
std::string PartAad(std::string_view id, size_t i) {
  return ContentAad(id) + ":part:" + std::to_string(i);
}

bool Expired(const Stored& s, TimePoint now) { return FormatRfc3339(now) >= s.expires_at; }

std::string StatusOf(const Stored& s, TimePoint now) {
  if (s.retracted_at) return "retracted";
  if (Expired(s, now)) return "expired";
  return s.read_at ? "read" : "unread";
}

std::string MaskEmail(const std::string& email) {
  size_t at = email.find('@');
  if (at == std::string::npos || at == 0) return "your address";
  return email.substr(0, 1) + "…" + email.substr(at);
}
std::string MaskPhone(const std::string& phone) {
  return phone.size() > 4 ? "…" + phone.substr(phone.size() - 4) : "your phone";
}

bool ValidEmail(const std::string& e) {
  size_t at = e.find('@');
  return at != std::string::npos && at > 0 && at + 3 < e.size() &&
         e.find('.', at) != std::string::npos &&
         e.find_first_of(" \t\r\n<>,;\"") == std::string::npos && e.size() <= 254;
}
bool ValidPhone(const std::string& p) {
  if (p.size() < 8 || p.size() > 16 || p[0] != '+' || p[1] == '0') return false;
  return std::all_of(p.begin() + 1, p.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

Result<messaging::Key> DataKey(const messaging::MasterKeyRing& keys, const Stored& s) {
  if (s.wrapped.empty()) return Error{ErrorCode::kConflict, "the message was retracted", {}};
  return keys.Unwrap(s.key_id, s.wrapped, s.id);
}

// The subject, body and attachment list sealed with the data key.
Result<json::object> OpenContent(const messaging::MasterKeyRing& keys, const Stored& s) {
  auto key = DataKey(keys, s);
  if (!key.ok()) return std::move(key).error();
  auto plain = messaging::Open(*key, s.sealed, ContentAad(s.id));
  if (!plain.ok()) return std::move(plain).error();
  boost::system::error_code ec;
  json::value v = json::parse(AsString(*plain), ec);
  if (ec || !v.is_object()) return Error{ErrorCode::kForbidden, "the message cannot be opened", {}};
  return std::move(v.as_object());
}

std::string SenderName(Tx& tx, const std::string& user_id);

// Who sent it: an account's name, or for a reply through the link, the address it answered from.
std::string SenderLabel(Tx& tx, const Stored& s) {
  if (!s.sender_id.empty()) return SenderName(tx, s.sender_id);
  auto row =
      tx.QueryOne("SELECT recipient_email FROM secure_messages WHERE id = ?", {s.in_reply_to});
  return row.ok() && row->has_value() ? (*row)->Text(0) : "";
}

std::string SenderName(Tx& tx, const std::string& user_id) {
  auto user = FindUser(tx, user_id);
  if (!user.ok() || !user->has_value()) return "";
  std::string name = StateString(**user, "name");
  return name.empty() ? StateString(**user, "email") : name;
}

json::object View(Tx& tx, const messaging::MasterKeyRing& keys, const Stored& s,
                  const SecureCaller& caller, TimePoint now) {
  json::object o{
      {"id", s.id},
      {"direction", s.sender_id == caller.user_id ? "sent" : "received"},
      {"sender", json::object{{"id", s.sender_id}, {"name", SenderLabel(tx, s)}}},
      {"recipient", s.recipient},
      {"recipient_has_account", !s.recipient_user_id.empty()},
      {"subject", nullptr},
      {"status", StatusOf(s, now)},
      {"attachments", s.attachments},
      {"size", s.size},
      {"in_reply_to", s.in_reply_to.empty() ? json::value(nullptr) : json::value(s.in_reply_to)},
      {"created_at", s.created_at},
      {"expires_at", s.expires_at},
      {"read_at", s.read_at ? json::value(*s.read_at) : json::value(nullptr)},
      {"retracted_at", s.retracted_at ? json::value(*s.retracted_at) : json::value(nullptr)}};
  // The subject is shown to its sender and recipient while it can be opened.
  if (!s.retracted_at && !Expired(s, now)) {
    auto content = OpenContent(keys, s);
    if (content.ok()) o["subject"] = StateString(*content, "subject");
  }
  return o;
}

Status Append(CommandContext& c, const domain::Actor& actor, const std::string& type,
              const std::string& id, json::object payload) {
  auto index = c.Append(domain::Event{.type = type,
                                      .actor = actor,
                                      .subject = {"secure_message", id},
                                      .payload = std::move(payload)});
  if (!index.ok()) return std::move(index).error();
  return Ok();
}

domain::Actor ActorOf(const SecureCaller& caller, const std::string& message_id) {
  if (caller.user_id.empty()) return {message_id, "recipient"};
  return {caller.user_id, caller.role};
}

Status QueueLinkEmail(Tx& tx, const Stored& s, const std::string& token, const std::string& sender,
                      const SecureMessageSettings& settings, TimePoint now) {
  std::string from = settings.organisation.empty() ? "We" : settings.organisation;
  // Nothing of the message itself: who sent it, the link, and how long it works.
  OutboxMessage m{.dedupe_key = "secure:" + s.id,
                  .channel = "email",
                  .user_id = s.recipient_user_id,
                  .recipient = s.recipient,
                  .subject = "A secure message is waiting for you",
                  .body = (sender.empty() ? from : sender + " (" + from + ")") +
                          " sent you a secure message. Read it here:\n\n" + settings.link_base +
                          "/secure/" + token +
                          "\n\nTo open it you will be asked for a one-time code, which we send " +
                          (s.code_channel == "sms" ? "by text message" : "in a separate email") +
                          ". The link works until " + s.expires_at.substr(0, 10) + ".\n",
                  .ref_kind = "secure_message",
                  .ref_id = s.id,
                  .confidential = true};
  auto q = QueueMessage(tx, m, now);
  if (!q.ok()) return std::move(q).error();
  return Ok();
}

}  // namespace

Result<json::object> SendSecureMessage(CommandContext& c, const messaging::MasterKeyRing& keys,
                                       const SecureCaller& caller, SecureMessageInput in,
                                       const SecureMessageSettings& settings) {
  TimePoint now = c.Now();
  Tx& tx = c.tx();
  std::vector<ErrorDetail> errors;
  std::string recipient_user;
  if (!in.in_reply_to.empty()) {
    // A reply goes back to the sender of the message it answers, from its recipient only.
    auto original = Load(tx, "id", in.in_reply_to);
    if (!original.ok()) return std::move(original).error();
    bool mine = original->has_value() &&
                ((!caller.user_id.empty() && (*original)->recipient_user_id == caller.user_id) ||
                 (caller.user_id.empty() && caller.email == (*original)->recipient));
    if (!mine) return NotFound("secure message " + in.in_reply_to);
    if ((*original)->retracted_at || Expired(**original, now)) {
      return Conflict("in_reply_to", "the message was retracted or has expired");
    }
    auto sender = FindUser(tx, (*original)->sender_id);
    if (!sender.ok()) return std::move(sender).error();
    if (!sender->has_value()) return NotFound("the sender's account");
    in.recipient = StateString(**sender, "email");
    recipient_user = (*original)->sender_id;
  } else {
    if (caller.role == "third_party_contact") {
      return Error{ErrorCode::kForbidden,
                   "a third party's contact may only reply to a secure message",
                   {{"in_reply_to", "is required for your role", {}}}};
    }
    in.recipient = domain::Lowercase(in.recipient);
    if (!ValidEmail(in.recipient)) errors.push_back({"recipient", "must be an email address", {}});
  }
  if (in.subject.empty() || in.subject.size() > 500) {
    errors.push_back({"subject", "must be 1 to 500 characters", {}});
  }
  if (in.body.empty() || in.body.size() > kSecureMaxBodyBytes) {
    errors.push_back({"body", "must be 1 byte to 256 KiB", {}});
  }
  if (!in.recipient_phone.empty() && !ValidPhone(in.recipient_phone)) {
    errors.push_back({"recipient_phone", "must be an E.164 number (+ and 8 to 15 digits)", {}});
  }
  if (in.expires_in_days < 1 || in.expires_in_days > 90) {
    errors.push_back({"expires_in_days", "must be 1 to 90", {}});
  }
  size_t total = in.body.size();
  if (in.attachments.size() > kSecureMaxAttachments) {
    errors.push_back({"attachments", "at most 10 files", {}});
  }
  for (size_t i = 0; i < in.attachments.size(); ++i) {
    const auto& a = in.attachments[i];
    total += a.content.size();
    if (a.filename.empty() || a.filename.size() > 255 ||
        a.filename.find_first_of("/\\\r\n\"") != std::string::npos) {
      errors.push_back({"attachments[" + std::to_string(i) + "].filename",
                        "must be 1 to 255 characters without / \\ \" or line breaks",
                        {}});
    }
  }
  if (total > kSecureMaxTotalBytes) errors.push_back({"attachments", "at most 10 MiB in all", {}});
  if (!errors.empty()) return domain::ValidationErrors(std::move(errors));
  if (recipient_user.empty()) {
    auto user = FindUserByEmail(tx, in.recipient);
    if (!user.ok()) return std::move(user).error();
    if (user->has_value() && StateString(**user, "status") == "active") {
      recipient_user = StateString(**user, "id");
    }
  }

  Stored s;
  s.id = NewId("smg", now);
  s.sender_id = caller.user_id;
  s.recipient = in.recipient;
  s.recipient_user_id = recipient_user;
  bool sms = settings.sms_codes && !in.recipient_phone.empty();
  s.code_channel = sms ? "sms" : "email";
  s.code_to = sms ? in.recipient_phone : in.recipient;
  s.key_id = keys.current().id;
  s.attachments = static_cast<int64_t>(in.attachments.size());
  s.size = static_cast<int64_t>(total);
  s.in_reply_to = in.in_reply_to;
  s.created_at = FormatRfc3339(now);
  s.expires_at = FormatRfc3339(now + std::chrono::days(in.expires_in_days));
  messaging::Key data_key = messaging::NewKey();
  s.wrapped = keys.Wrap(data_key, s.id);
  json::array parts;
  for (const auto& a : in.attachments) {
    parts.push_back(json::object{
        {"filename", a.filename},
        {"content_type", a.content_type.empty() ? "application/octet-stream" : a.content_type},
        {"size", static_cast<int64_t>(a.content.size())}});
  }
  std::string content = json::serialize(
      json::object{{"subject", in.subject}, {"body", in.body}, {"attachments", parts}});
  s.sealed = messaging::Seal(data_key, AsBytes(content), ContentAad(s.id));
  std::string token = Base64UrlEncode(RandomBytes(32));
  ACCORD_TRY(tx.Exec(
      "INSERT INTO secure_messages(id, sender_id, recipient_email, recipient_user_id, "
      "code_channel, code_recipient, token_hash, key_id, wrapped_key, sealed, attachments, size, "
      "in_reply_to, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {s.id, s.sender_id, s.recipient, s.recipient_user_id, s.code_channel, s.code_to,
       HashOf(token), s.key_id, BlobOf(s.wrapped), BlobOf(s.sealed), s.attachments, s.size,
       s.in_reply_to, s.created_at, s.expires_at}));
  for (size_t i = 0; i < in.attachments.size(); ++i) {
    Bytes sealed = messaging::Seal(data_key, AsBytes(in.attachments[i].content), PartAad(s.id, i));
    ACCORD_TRY(tx.Exec("INSERT INTO secure_message_parts(message_id, idx, sealed) VALUES (?, ?, ?)",
                       {s.id, static_cast<int64_t>(i), BlobOf(sealed)}));
  }
  std::string sender = caller.user_id.empty() ? "" : SenderName(tx, caller.user_id);
  ACCORD_TRY(QueueLinkEmail(tx, s, token, sender, settings, now));
  ACCORD_TRY(Append(c, ActorOf(caller, in.in_reply_to.empty() ? s.id : in.in_reply_to),
                    "secure_message.sent", s.id,
                    json::object{{"recipient", s.recipient},
                                 {"recipient_user_id", s.recipient_user_id},
                                 {"code_channel", s.code_channel},
                                 {"attachments", s.attachments},
                                 {"size", s.size},
                                 {"in_reply_to", s.in_reply_to},
                                 {"key_id", s.key_id},
                                 {"expires_at", s.expires_at}}));
  return View(tx, keys, s, caller, now);
}

Result<SecureLink> FindSecureLink(Tx& tx, std::string_view token, TimePoint now) {
  SecureLink link;
  link.state = "unknown";
  auto s = Load(tx, "token_hash", HashOf(token));
  if (!s.ok()) return std::move(s).error();
  if (!s->has_value()) return link;
  const Stored& m = **s;
  link.message_id = m.id;
  link.recipient = m.recipient;
  link.code_channel = m.code_channel;
  link.code_to = m.code_channel == "sms" ? MaskPhone(m.code_to) : MaskEmail(m.code_to);
  link.recipient_has_account = !m.recipient_user_id.empty();
  link.state = m.retracted_at ? "retracted" : Expired(m, now) ? "expired" : "valid";
  return link;
}

namespace {

Result<Stored> UsableByToken(Tx& tx, std::string_view token, TimePoint now) {
  auto s = Load(tx, "token_hash", HashOf(token));
  if (!s.ok()) return std::move(s).error();
  if (!s->has_value()) return NotFound("secure message");
  if ((*s)->retracted_at) return Conflict("message", "retracted");
  if (Expired(**s, now)) return Conflict("message", "expired");
  return std::move(**s);
}

std::string NewCode() {
  Bytes r = RandomBytes(4);
  uint32_t v = (uint32_t{r[0]} << 24) | (uint32_t{r[1]} << 16) | (uint32_t{r[2]} << 8) | r[3];
  std::string code = std::to_string(v % 1000000);
  return std::string(6 - code.size(), '0') + code;
}

}  // namespace

Status SendSecureCode(CommandContext& c, std::string_view token, const std::string& address,
                      const SecureMessageSettings& settings) {
  TimePoint now = c.Now();
  auto s = UsableByToken(c.tx(), token, now);
  if (!s.ok()) return std::move(s).error();
  ACCORD_TRY(CountPublicPost(c.tx(), "smcode:" + s->id, now, settings.max_codes_per_hour,
                             std::chrono::hours(1)));
  std::string at = FormatRfc3339(now);
  // One live code per message: a new one ends the ones before.
  ACCORD_TRY(c.tx().Exec(
      "UPDATE secure_message_codes SET used_at = ? WHERE message_id = ? AND used_at IS NULL",
      {at, s->id}));
  std::string code = NewCode();
  std::string code_id = NewId("smc", now);
  ACCORD_TRY(c.tx().Exec(
      "INSERT INTO secure_message_codes(id, message_id, code_hash, created_at, expires_at, "
      "attempts) VALUES (?, ?, ?, ?, ?, 0)",
      {code_id, s->id, CodeHash(s->id, code), at,
       FormatRfc3339(now + std::chrono::minutes(settings.code_minutes))}));
  OutboxMessage m{.dedupe_key = "secure-code:" + code_id,
                  .channel = s->code_channel,
                  .user_id = s->recipient_user_id,
                  .recipient = s->code_to,
                  .subject = "Your code for the secure message",
                  .body = "Your verification code is " + code + ". It expires in " +
                          std::to_string(settings.code_minutes) +
                          " minutes. If you did not ask for it, ignore this message.",
                  .ref_kind = "secure_message",
                  .ref_id = s->id,
                  .confidential = true};
  auto q = QueueMessage(c.tx(), m, now);
  if (!q.ok()) return std::move(q).error();
  return Append(c, {s->id, "recipient"}, "secure_message.code_sent", s->id,
                json::object{{"channel", s->code_channel}, {"address", address}});
}

Result<std::optional<std::string>> VerifySecureCode(CommandContext& c, std::string_view token,
                                                    std::string_view code,
                                                    const std::string& address,
                                                    const std::string& user_agent,
                                                    const SecureMessageSettings& settings) {
  TimePoint now = c.Now();
  std::string at = FormatRfc3339(now);
  auto s = UsableByToken(c.tx(), token, now);
  if (!s.ok()) return std::move(s).error();
  auto row = c.tx().QueryOne(
      "SELECT id, code_hash, attempts FROM secure_message_codes WHERE message_id = ? AND "
      "used_at IS NULL AND expires_at > ? ORDER BY created_at DESC, id DESC LIMIT 1",
      {s->id, at});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<std::string>();
  const Row& r = **row;
  Hash expected = Sha256(s->id + ":" + std::string(code));
  if (!ConstantTimeEquals(AsString(r.BlobAt(1)), AsString(expected))) {
    int64_t attempts = r.Int(2) + 1;
    // A code dies after its last allowed wrong try: guessing needs a new code, and those are
    // limited per hour.
    ACCORD_TRY(c.tx().Exec(
        "UPDATE secure_message_codes SET attempts = ?, used_at = CASE WHEN ? >= ? THEN ? ELSE "
        "used_at END WHERE id = ?",
        {attempts, attempts, static_cast<int64_t>(settings.max_code_attempts), at, r.Text(0)}));
    return std::optional<std::string>();
  }
  ACCORD_TRY(
      c.tx().Exec("UPDATE secure_message_codes SET used_at = ? WHERE id = ?", {at, r.Text(0)}));
  std::string session = Base64UrlEncode(RandomBytes(32));
  ACCORD_TRY(c.tx().Exec(
      "INSERT INTO secure_message_sessions(session_hash, message_id, expires_at) VALUES (?, ?, ?)",
      {HashOf(session), s->id,
       FormatRfc3339(now + std::chrono::minutes(settings.session_minutes))}));
  ACCORD_TRY(RecordSecureAccess(c, s->id, SecureCaller{.email = s->recipient},
                                SecureAccess{"code", address, user_agent, std::nullopt}));
  return std::optional<std::string>(session);
}

Result<std::optional<std::string>> SecureSession(Tx& tx, std::string_view token,
                                                 std::string_view session, TimePoint now) {
  auto s = UsableByToken(tx, token, now);
  if (!s.ok()) return std::move(s).error();
  auto row = tx.QueryOne(
      "SELECT message_id FROM secure_message_sessions WHERE session_hash = ? AND expires_at > ?",
      {HashOf(session), FormatRfc3339(now)});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value() || (*row)->Text(0) != s->id) return std::optional<std::string>();
  return std::optional<std::string>(s->id);
}

Result<SecurePlain> OpenSecureMessage(Tx& tx, const messaging::MasterKeyRing& keys,
                                      const std::string& id, TimePoint now) {
  auto s = Load(tx, "id", id);
  if (!s.ok()) return std::move(s).error();
  if (!s->has_value()) return NotFound("secure message " + id);
  if ((*s)->retracted_at || Expired(**s, now)) {
    return Conflict("message", (*s)->retracted_at ? "retracted" : "expired");
  }
  auto content = OpenContent(keys, **s);
  if (!content.ok()) {
    spdlog::error("secure message {}: its content does not open (a wrong key or changed bytes)",
                  id);
    return std::move(content).error();
  }
  SecurePlain p{.id = id,
                .subject = StateString(*content, "subject"),
                .body = StateString(*content, "body"),
                .sender_name = SenderLabel(tx, **s),
                .created_at = (*s)->created_at,
                .expires_at = (*s)->expires_at};
  if (const json::value* a = content->if_contains("attachments"); a && a->is_array()) {
    for (const auto& v : a->as_array()) {
      if (!v.is_object()) continue;
      const json::object& o = v.as_object();
      const json::value* size = o.if_contains("size");
      p.attachments.push_back({StateString(o, "filename"), StateString(o, "content_type"),
                               size && size->is_int64() ? size->as_int64() : 0});
    }
  }
  return p;
}

Result<std::string> OpenSecureAttachment(Tx& tx, const messaging::MasterKeyRing& keys,
                                         const std::string& id, size_t index, TimePoint now) {
  auto s = Load(tx, "id", id);
  if (!s.ok()) return std::move(s).error();
  if (!s->has_value()) return NotFound("secure message " + id);
  if ((*s)->retracted_at || Expired(**s, now)) return Conflict("message", "not available");
  auto row = tx.QueryOne("SELECT sealed FROM secure_message_parts WHERE message_id = ? AND idx = ?",
                         {id, static_cast<int64_t>(index)});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return NotFound("attachment " + std::to_string(index));
  auto key = DataKey(keys, **s);
  if (!key.ok()) return std::move(key).error();
  auto plain = messaging::Open(*key, (*row)->BlobAt(0), PartAad(id, index));
  if (!plain.ok()) {
    spdlog::error("secure message {}: attachment {} does not open", id, index);
    return std::move(plain).error();
  }
  return std::string(AsString(*plain));
}

Status RecordSecureAccess(CommandContext& c, const std::string& id, const SecureCaller& caller,
                          const SecureAccess& access) {
  auto s = Load(c.tx(), "id", id);
  if (!s.ok()) return std::move(s).error();
  if (!s->has_value()) return NotFound("secure message " + id);
  // Without an account the caller holds the link and passed its code: the recipient.
  bool recipient = caller.user_id.empty() || caller.user_id == (*s)->recipient_user_id;
  std::string at = FormatRfc3339(c.Now());
  if (recipient && !(*s)->read_at && !access.attachment) {
    ACCORD_TRY(c.tx().Exec(
        "UPDATE secure_messages SET read_at = ? WHERE id = ? AND read_at IS NULL", {at, id}));
  }
  json::object payload{{"by", caller.user_id.empty() ? (*s)->recipient : caller.user_id},
                       {"reader", recipient ? "recipient" : "sender"},
                       {"how", access.how},
                       {"address", access.address},
                       {"user_agent", access.user_agent}};
  if (access.attachment) payload["attachment"] = static_cast<int64_t>(*access.attachment);
  return Append(c, ActorOf(caller, id),
                access.attachment ? "secure_message.downloaded" : "secure_message.opened", id,
                std::move(payload));
}

Status CheckSecureReader(Tx& tx, const std::string& id, const SecureCaller& caller) {
  auto s = Load(tx, "id", id);
  if (!s.ok()) return std::move(s).error();
  if (!s->has_value() || caller.user_id.empty() ||
      (caller.user_id != (*s)->sender_id && caller.user_id != (*s)->recipient_user_id)) {
    return NotFound("secure message " + id);
  }
  return Ok();
}

Result<json::object> SecureMessageView(Tx& tx, const messaging::MasterKeyRing& keys,
                                       const std::string& id, const SecureCaller& caller,
                                       TimePoint now) {
  ACCORD_TRY(CheckSecureReader(tx, id, caller));
  auto s = Load(tx, "id", id);
  if (!s.ok()) return std::move(s).error();
  json::object o = View(tx, keys, **s, caller, now);
  // Who opened it and when, from the ledger (the events carry no content).
  json::array events;
  auto rows = tx.Query(
      "SELECT e.idx, e.type, e.time FROM rm_subject_events e WHERE e.subject_kind = "
      "'secure_message' AND e.subject_id = ? ORDER BY e.idx",
      {id});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& r : *rows) {
    events.push_back(
        json::object{{"ledger_index", r.Int(0)}, {"type", r.Text(1)}, {"at", r.Text(2)}});
  }
  o["events"] = std::move(events);
  return o;
}

Result<std::pair<std::vector<json::object>, std::optional<std::string>>> ListSecureMessages(
    Tx& tx, const messaging::MasterKeyRing& keys, const SecureCaller& caller,
    std::optional<std::string> after_id, size_t limit, TimePoint now) {
  std::string sql = "SELECT " + std::string(kColumns) +
                    " FROM secure_messages WHERE (sender_id = ? OR recipient_user_id = ?)";
  std::vector<Value> params{Value(caller.user_id), Value(caller.user_id)};
  if (after_id) {
    sql += " AND id < ?";
    params.emplace_back(*after_id);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(static_cast<int64_t>(limit + 1));
  auto rows = tx.Query(sql, Params(params.data(), params.size()));
  if (!rows.ok()) return std::move(rows).error();
  std::vector<json::object> items;
  std::optional<std::string> next;
  for (size_t i = 0; i < rows->size() && i < limit; ++i) {
    items.push_back(View(tx, keys, FromRow((*rows)[i]), caller, now));
  }
  if (rows->size() > limit) next = (*rows)[limit - 1].Text(0);
  return std::make_pair(std::move(items), next);
}

Result<json::object> RetractSecureMessage(CommandContext& c, const messaging::MasterKeyRing& keys,
                                          const std::string& id, const SecureCaller& caller) {
  auto s = Load(c.tx(), "id", id);
  if (!s.ok()) return std::move(s).error();
  bool officer = caller.role == "security_officer" || caller.role == "privacy_officer";
  if (!s->has_value() || (caller.user_id != (*s)->sender_id && !officer)) {
    return NotFound("secure message " + id);
  }
  if ((*s)->retracted_at) return Conflict("status", "already retracted");
  std::string at = FormatRfc3339(c.Now());
  ACCORD_TRY(c.tx().Exec("UPDATE secure_messages SET retracted_at = ? WHERE id = ?", {at, id}));
  ACCORD_TRY(DestroySecureContent(c.tx(), id));
  ACCORD_TRY(Append(c, ActorOf(caller, id), "secure_message.retracted", id,
                    json::object{{"was_read", (*s)->read_at.has_value()}}));
  (*s)->retracted_at = at;
  (*s)->wrapped.clear();
  return View(c.tx(), keys, **s, caller, c.Now());
}

Status DestroySecureContent(Tx& tx, const std::string& id) {
  // The data key goes, and with it any way to open what stays.
  ACCORD_TRY(tx.Exec("UPDATE secure_messages SET wrapped_key = ?, sealed = ? WHERE id = ?",
                     {BlobOf(Bytes{}), BlobOf(Bytes{}), id}));
  ACCORD_TRY(tx.Exec("DELETE FROM secure_message_parts WHERE message_id = ?", {id}));
  ACCORD_TRY(tx.Exec("DELETE FROM secure_message_sessions WHERE message_id = ?", {id}));
  return Ok();
}

Result<RewrapCount> RewrapSecureMessageKeys(Tx& tx, const messaging::MasterKeyRing& keys) {
  auto rows = tx.Query(
      "SELECT id, key_id, wrapped_key FROM secure_messages WHERE key_id <> ? AND retracted_at IS "
      "NULL AND length(wrapped_key) > 0",
      {keys.current().id});
  if (!rows.ok()) return std::move(rows).error();
  RewrapCount n;
  for (const auto& r : *rows) {
    auto key = keys.Unwrap(r.Text(1), r.BlobAt(2), r.Text(0));
    if (!key.ok()) {
      // Its master key is not in the file (a restore without the key file, a line removed too
      // early): it stays as it is, unreadable until that key's line is back.
      ++n.unreadable;
      continue;
    }
    ACCORD_TRY(tx.Exec("UPDATE secure_messages SET key_id = ?, wrapped_key = ? WHERE id = ?",
                       {keys.current().id, BlobOf(keys.Wrap(*key, r.Text(0))), r.Text(0)}));
    ++n.rewrapped;
  }
  return n;
}

}  // namespace accord::storage
