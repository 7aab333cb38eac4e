#include "accord/storage/outbox.h"

#include <spdlog/spdlog.h>
#include <algorithm>
#include <boost/json.hpp>
#include <optional>
#include <set>

#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/messaging/phi_guard.h"
#include "accord/storage/deliveries.h"
#include "accord/storage/notification_settings.h"
#include "accord/storage/registry_store.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

json::object EntryJson(const Row& r) {
  json::object o{{"id", r.Text(0)},          {"channel", r.Text(1)},       {"user_id", r.Text(2)},
                 {"recipient", r.Text(3)},   {"subject", r.Text(4)},       {"body", r.Text(5)},
                 {"ref_kind", r.Text(6)},    {"ref_id", r.Text(7)},        {"status", r.Text(8)},
                 {"attempts", r.Int(9)},     {"next_attempt_at", nullptr}, {"last_error", nullptr},
                 {"created_at", r.Text(12)}, {"sent_at", nullptr}};
  if (r.Text(8) == "queued") o["next_attempt_at"] = r.Text(10);
  if (!r.IsNull(11)) o["last_error"] = r.Text(11);
  if (!r.IsNull(13)) o["sent_at"] = r.Text(13);
  // A message carrying a personal link (an NDA, a download) is not shown to readers of the
  // outbox: whoever holds the link could use it.
  if (r.Int(14) != 0) o["body"] = "(not shown: it holds a personal link for its recipient)";
  o["confidential"] = r.Int(14) != 0;
  // SMS and voice (issue 26): what the provider last said, once it accepted the message.
  o["delivery_status"] = r.IsNull(15) ? json::value(nullptr) : json::value(r.Text(15));
  o["provider_error"] =
      r.IsNull(16) || r.Text(16).empty() ? json::value(nullptr) : json::value(r.Text(16));
  return o;
}

// "?, ?, ?" for n values (n > 0).
std::string Marks(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

// How long a claimed message is left to its sender before another pass may try it again.
constexpr auto kClaimLease = std::chrono::minutes(15);  // > one send's longest timeout

constexpr std::string_view kOptedOut =
    "not sent: the recipient replied STOP (a reply of START sends to them again)";

constexpr std::string_view kColumns =
    "id, channel, user_id, recipient, subject, body, ref_kind, ref_id, status, attempts, "
    "next_attempt_at, last_error, created_at, sent_at, confidential, (SELECT delivery_status "
    "FROM outbox_provider_refs r WHERE r.message_id = outbox.id), (SELECT provider_error FROM "
    "outbox_provider_refs r WHERE r.message_id = outbox.id)";

Result<bool> RecordRefusal(Tx& tx, const OutboxMessage& m, const messaging::PhiVerdict& verdict,
                           TimePoint now) {
  std::string at = FormatRfc3339(now);
  std::string id = NewId("msg", now);
  auto n = tx.Exec(
      "INSERT INTO outbox(id, dedupe_key, channel, user_id, recipient, subject, body, ref_kind, "
      "ref_id, status, attempts, next_attempt_at, last_error, created_at, confidential) "
      "VALUES (?, ?, ?, ?, ?, '', '', ?, ?, 'refused', 0, ?, ?, ?, 0) ON CONFLICT(dedupe_key) DO "
      "NOTHING",
      {id, m.dedupe_key, m.channel, m.user_id, m.recipient, m.ref_kind, m.ref_id, at,
       verdict.reason, at});
  if (!n.ok()) return std::move(n).error();
  if (*n > 0) {
    ACCORD_TRY(AppendOutboxHistory(tx, id, "failed", verdict.reason, now));
    spdlog::warn("outbox: the PHI guard refused {} ({})", id, verdict.kind);
  }
  return false;
}

}  // namespace

Result<bool> QueueMessage(Tx& tx, const OutboxMessage& m, TimePoint now) {
  // The PHI guard sees every message before it is queued (issue 26): a refused one is kept as
  // a `refused` row with the reason and without its subject and body, so the refusal is on
  // record and the content is nowhere.
  messaging::PhiVerdict verdict = messaging::CheckMessageForPhi(m.subject, m.body);
  if (verdict.refused) return RecordRefusal(tx, m, verdict, now);
  std::string at = FormatRfc3339(now);
  std::string id = NewId("msg", now);
  auto n = tx.Exec(
      "INSERT INTO outbox(id, dedupe_key, channel, user_id, recipient, subject, body, ref_kind, "
      "ref_id, status, attempts, next_attempt_at, created_at, confidential, list_unsubscribe) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?, ?) ON CONFLICT(dedupe_key) DO "
      "NOTHING",
      {id, m.dedupe_key, m.channel, m.user_id, m.recipient, m.subject, m.body, m.ref_kind, m.ref_id,
       at, at, static_cast<int64_t>(m.confidential ? 1 : 0),
       m.list_unsubscribe.empty() ? Null() : Value(m.list_unsubscribe)});
  if (!n.ok()) return std::move(n).error();
  if (*n > 0) ACCORD_TRY(AppendOutboxHistory(tx, id, "queued", "", now));
  return *n > 0;
}

Result<int> QueueForUsers(Tx& tx, const std::vector<std::string>& roles,
                          const std::vector<std::string>& user_ids, OutboxMessage message,
                          TimePoint now) {
  if (roles.empty() && user_ids.empty()) return 0;
  std::vector<Value> params{Value(kOpenVersion)};
  std::string who;
  if (!roles.empty()) {
    who = "tag IN (" + Marks(roles.size()) + ")";
    for (const auto& r : roles) params.emplace_back(r);
  }
  if (!user_ids.empty()) {
    who += std::string(who.empty() ? "" : " OR ") + "id IN (" + Marks(user_ids.size()) + ")";
    for (const auto& u : user_ids) params.emplace_back(u);
  }
  auto rows = tx.Query(
      "SELECT id, doc FROM rm_objects WHERE kind = 'user' AND to_idx = ? AND status = 'active' "
      "AND (" +
          who + ") ORDER BY id",
      Params(params.data(), params.size()));
  if (!rows.ok()) return std::move(rows).error();
  int queued = 0;
  std::string base = message.dedupe_key;
  for (const auto& row : *rows) {
    std::string id = row.Text(0);
    boost::system::error_code ec;
    json::value doc = json::parse(row.Text(1), ec);
    if (ec || !doc.is_object()) continue;
    auto settings = ReadNotificationSettings(tx, id);
    if (!settings.ok()) return std::move(settings).error();
    message.user_id = id;
    for (const std::string& channel : settings->ChannelsFor(TopicOf(message.ref_kind))) {
      bool email = channel == "email";
      if (!email && settings->phone.empty()) continue;
      message.channel = channel;
      message.recipient = email ? StateString(doc.as_object(), "email") : settings->phone;
      message.dedupe_key = base + ":" + id + (email ? "" : ":" + channel);
      auto q = QueueMessage(tx, message, now);
      if (!q.ok()) return std::move(q).error();
      queued += *q ? 1 : 0;
    }
  }
  return queued;
}

Result<std::pair<std::vector<json::object>, std::optional<std::string>>> ListOutbox(
    Tx& tx, const OutboxQuery& q) {
  std::string sql = "SELECT " + std::string(kColumns) + " FROM outbox WHERE 1 = 1";
  std::vector<Value> params;
  if (!q.status.empty()) {
    sql += " AND status = ?";
    params.emplace_back(q.status);
  }
  if (!q.ref_id.empty()) {
    sql += " AND ref_id = ?";
    params.emplace_back(q.ref_id);
  }
  if (!q.user_id.empty()) {
    sql += " AND user_id = ?";
    params.emplace_back(q.user_id);
  }
  if (q.after_id) {
    sql += " AND id < ?";
    params.emplace_back(*q.after_id);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(static_cast<int64_t>(q.limit + 1));
  auto rows = tx.Query(sql, Params(params.data(), params.size()));
  if (!rows.ok()) return std::move(rows).error();
  std::vector<json::object> items;
  std::optional<std::string> next;
  for (size_t i = 0; i < rows->size() && i < q.limit; ++i) items.push_back(EntryJson((*rows)[i]));
  if (rows->size() > q.limit) next = (*rows)[q.limit - 1].Text(0);
  return std::make_pair(std::move(items), next);
}

Result<std::optional<json::object>> ReadOutboxEntry(Tx& tx, const std::string& id) {
  auto row = tx.QueryOne("SELECT " + std::string(kColumns) + " FROM outbox WHERE id = ?", {id});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<json::object>();
  json::object o = EntryJson(**row);
  auto history = OutboxHistory(tx, id);
  if (!history.ok()) return std::move(history).error();
  o["history"] = std::move(*history);
  return std::optional<json::object>(std::move(o));
}

void OutboxDelivery::AddChannel(std::unique_ptr<OutboxChannel> channel) {
  std::string name = channel->name();
  channels_[name] = std::move(channel);
}

Result<int> OutboxDelivery::RunOnce(size_t batch) {
  if (channels_.empty()) return 0;
  std::string now_text = FormatRfc3339(clock_.Now());
  struct Due {
    std::string id;
    int64_t attempts;
    OutboxMessage message;
  };
  std::vector<Due> due;
  ACCORD_TRY(store_.Read([&](Tx& tx) -> Status {
    std::vector<Value> params{Value(now_text)};
    for (const auto& [name, _] : channels_) params.emplace_back(name);
    params.emplace_back(static_cast<int64_t>(batch));
    auto rows = tx.Query(
        "SELECT id, channel, user_id, recipient, subject, body, ref_kind, ref_id, attempts, "
        "dedupe_key, list_unsubscribe FROM outbox WHERE status = 'queued' AND next_attempt_at <= ? "
        "AND channel IN (" +
            Marks(channels_.size()) + ") ORDER BY next_attempt_at, id LIMIT ?",
        Params(params.data(), params.size()));
    if (!rows.ok()) return std::move(rows).error();
    for (const auto& r : *rows) {
      OutboxMessage m{r.Text(9), r.Text(1), r.Text(2), r.Text(3),
                      r.Text(4), r.Text(5), r.Text(6), r.Text(7)};
      if (!r.IsNull(10)) m.list_unsubscribe = r.Text(10);
      due.push_back({r.Text(0), r.Int(8), std::move(m)});
    }
    return Ok();
  }));
  int sent = 0;
  std::set<std::string> unreachable;  // channels whose server did not answer in this pass
  for (const auto& [id, attempts, message] : due) {
    if (stop_requested_.load()) break;
    if (unreachable.count(message.channel)) continue;
    OutboxChannel& channel = *channels_.at(message.channel);
    // Per-channel rate limit: over it, the message waits (untried) for a later pass.
    std::vector<TimePoint>& recent = recent_sends_[message.channel];
    std::erase_if(recent, [&](TimePoint t) { return t <= clock_.Now() - std::chrono::minutes(1); });
    if (channel.per_minute() > 0 && static_cast<int>(recent.size()) >= channel.per_minute()) {
      continue;
    }
    // Claimed before it is sent: a second server (or a pass that outlives its tick) does not
    // send it too; a sender that dies leaves it to be retried when the lease runs out. The
    // try counts from the claim, so a crash loop still ends. A number that replied STOP is
    // never sent to: the message fails at once.
    int64_t attempt = attempts + 1;
    bool claimed = false, opted_out = false;
    ACCORD_TRY(store_.Write([&](Tx& tx) -> Status {
      if (message.channel != "email") {
        auto stop = IsOptedOut(tx, message.channel == "voice" ? "voice" : "sms", message.recipient);
        if (!stop.ok()) return std::move(stop).error();
        opted_out = *stop;
      }
      auto n = opted_out
                   ? tx.Exec(
                         "UPDATE outbox SET attempts = ?, status = 'failed', last_error = ? "
                         "WHERE id = ? AND status = 'queued' AND attempts = ?",
                         {attempt, std::string(kOptedOut), id, attempts})
                   : tx.Exec(
                         "UPDATE outbox SET attempts = ?, next_attempt_at = ? WHERE id = ? AND "
                         "status = 'queued' AND attempts = ? AND next_attempt_at <= ?",
                         {attempt, FormatRfc3339(clock_.Now() + kClaimLease), id, attempts,
                          FormatRfc3339(clock_.Now())});
      if (!n.ok()) return std::move(n).error();
      claimed = *n == 1;
      if (claimed && opted_out) {
        ACCORD_TRY(AppendOutboxHistory(tx, id, "failed", kOptedOut, clock_.Now()));
      }
      return Ok();
    }));
    if (!claimed || opted_out) continue;  // another server has it, or it may not be sent
    // Checked again as it leaves: a row queued before the guard existed, or written by hand.
    if (auto v = messaging::CheckMessageForPhi(message.subject, message.body); v.refused) {
      ACCORD_TRY(store_.Write([&](Tx& tx) -> Status {
        auto n = tx.Exec(
            "UPDATE outbox SET status = 'refused', subject = '', body = '', last_error = ?, "
            "list_unsubscribe = NULL WHERE id = ? AND status = 'queued'",
            {v.reason, id});
        if (!n.ok()) return std::move(n).error();
        return AppendOutboxHistory(tx, id, "failed", v.reason, clock_.Now());
      }));
      spdlog::warn("outbox: the PHI guard refused {} ({})", id, v.kind);
      continue;
    }
    recent.push_back(clock_.Now());
    Result<std::string> delivered = channel.Deliver(message);
    Status s = delivered.ok() ? Ok() : Status(delivered.error());
    std::string at = FormatRfc3339(clock_.Now());
    ErrorCode code = s.ok() ? ErrorCode::kInternal : s.error().code;
    ACCORD_TRY(store_.Write([&](Tx& tx) -> Status {
      Result<int64_t> n = int64_t{0};
      std::string step, detail;
      if (s.ok()) {
        n = tx.Exec(
            // A sent message's personal link is not kept: whoever read the table (or a
            // backup of it) later could use it.
            "UPDATE outbox SET status = 'sent', sent_at = ?, last_error = NULL, body = CASE "
            "WHEN confidential = 1 THEN '' ELSE body END, list_unsubscribe = NULL "
            "WHERE id = ? AND status = 'queued' AND attempts = ?",
            {at, id, attempt});
        step = "sent";
        detail = delivered->empty() ? "" : "provider id " + *delivered;
      } else {
        // A permanent refusal (the server rejected this recipient) fails at once; an
        // unreachable server never fails a message (it waits, visible, however long the
        // outage); any other failure is retried up to kMaxAttempts.
        bool final = code == ErrorCode::kValidationFailed ||
                     (code != ErrorCode::kUnavailable && attempt >= kMaxAttempts);
        auto backoff = std::min<std::chrono::minutes>(
            std::chrono::minutes(int64_t{1} << std::min<int64_t>(attempt - 1, 9)),
            std::chrono::hours(6));
        n = tx.Exec(
            "UPDATE outbox SET status = ?, next_attempt_at = ?, last_error = ? "
            "WHERE id = ? AND status = 'queued' AND attempts = ?",
            {std::string(final ? "failed" : "queued"), FormatRfc3339(clock_.Now() + backoff),
             s.error().message.substr(0, 500), id, attempt});
        step = final ? "failed" : "retrying";
        detail = s.error().message;
      }
      if (!n.ok()) return std::move(n).error();
      if (*n == 0) {
        spdlog::warn("outbox: {} was claimed again while it was being sent (lease exceeded)", id);
        return Ok();
      }
      ACCORD_TRY(AppendOutboxHistory(tx, id, step, detail, clock_.Now()));
      if (s.ok() && !delivered->empty()) {
        ACCORD_TRY(LinkProviderRef(tx, id, message.channel, *delivered, clock_.Now()));
      }
      return Ok();
    }));
    if (s.ok()) {
      ++sent;
    } else if (code == ErrorCode::kUnavailable) {
      // The channel's server is unreachable: its other messages wait for the next pass,
      // untried; other channels go on.
      unreachable.insert(message.channel);
    }
  }
  return sent;
}

}  // namespace accord::storage
