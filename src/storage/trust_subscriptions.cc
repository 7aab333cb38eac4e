#include "accord/storage/trust_subscriptions.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <boost/json.hpp>
#include <chrono>

#include "accord/core/bytes.h"
#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/fields.h"
#include "accord/storage/ledger_tables.h"
#include "accord/storage/outbox.h"
#include "accord/storage/report_requests.h"
#include "accord/storage/trust.h"

namespace accord::storage {

namespace {

constexpr const char* kWatermark = "subprocessor_notices";

std::string StatusOf(const Row& r, size_t confirmed, size_t ended) {
  if (!r.IsNull(ended)) return "ended";
  return r.IsNull(confirmed) ? "pending" : "active";
}

std::string ManageLink(const std::string& base, const std::string& token) {
  return base + "/trust/subscriptions/" + token;
}

// The base64url of an HMAC-SHA256: 43 characters.
constexpr size_t kMacChars = 43;

// `unsubscribe`: the manage link, sent as List-Unsubscribe (RFC 2369) for a one-click POST
// (RFC 8058) to an active subscriber; "" for a confirmation.
Status Mail(Tx& tx, const std::string& key, const std::string& email, const std::string& subject,
            const std::string& body, TimePoint now, const std::string& unsubscribe = "") {
  OutboxMessage m{.dedupe_key = key,
                  .channel = "email",
                  .recipient = email,
                  .subject = subject,
                  .body = body,
                  .ref_kind = "subscription",
                  .ref_id = "",
                  .confidential = true,
                  .list_unsubscribe = unsubscribe};
  auto q = QueueMessage(tx, m, now);
  if (!q.ok()) return std::move(q).error();
  return Ok();
}

}  // namespace

bool HasTopic(const std::string& topics, const std::string& topic) {
  size_t at = 0;
  while (at <= topics.size()) {
    size_t end = topics.find(',', at);
    if (topics.substr(at, end == std::string::npos ? std::string::npos : end - at) == topic) {
      return true;
    }
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return false;
}

std::string SubscriptionToken(const std::string& link_key, const std::string& subscriber_id,
                              const std::string& created_at) {
  std::string message = "accord trust subscription\n" + subscriber_id + "\n" + created_at;
  static constexpr uint8_t kNoKey = 0;  // OpenSSL refuses a null key even with length 0
  uint8_t mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  HMAC(EVP_sha256(),
       link_key.empty() ? static_cast<const void*>(&kNoKey)
                        : static_cast<const void*>(link_key.data()),
       static_cast<int>(link_key.size()), reinterpret_cast<const uint8_t*>(message.data()),
       message.size(), mac, &mac_len);
  return subscriber_id + Base64UrlEncode(std::span<const uint8_t>(mac, mac_len));
}

Status Subscribe(Tx& tx, const std::string& email_in, const std::string& client_address,
                 const std::string& link_base, const std::string& link_key, TimePoint now,
                 const std::string& topic) {
  if (link_key.empty()) return Internal("subscriptions: no link key (set by serve)");
  if (topic != "subprocessors" && topic != "status") {
    return ValidationError("topics", "must be subprocessors or status");
  }
  std::string email = domain::Lowercase(email_in);
  ACCORD_TRY(CountPublicPost(tx, ClientKey(client_address), now, kPublicPostsPerHour,
                             std::chrono::hours(1)));
  std::string at = FormatRfc3339(now);
  auto row = tx.QueryOne(
      "SELECT id, created_at, confirmed_at, unsubscribed_at, topics FROM trust_subscribers WHERE "
      "email = ?",
      {email});
  if (!row.ok()) return std::move(row).error();
  std::string id, token;
  bool active = false;
  if (row->has_value() && StatusOf(**row, 2, 3) != "ended") {
    id = (*row)->Text(0);
    token = SubscriptionToken(link_key, id, (*row)->Text(1));
    active = StatusOf(**row, 2, 3) == "active";
    // A second topic joins the same subscription (one address, one link, one confirmation).
    if (std::string topics = (*row)->Text(4); !HasTopic(topics, topic)) {
      ACCORD_TRY(tx.Exec("UPDATE trust_subscribers SET topics = ? WHERE id = ?",
                         {topics + "," + topic, id}));
    }
    // A pending or active address is emailed again at most once a day, however often it is
    // entered: the rest are accepted (the answer is the same) and send nothing. A new or
    // ended one always gets its confirmation.
    if (Status once = CountPublicPost(tx, "sub:" + email, now, 1, std::chrono::hours(24));
        !once.ok()) {
      return once.error().code == ErrorCode::kRateLimited ? Ok() : once;
    }
  } else {
    // A new subscription time makes a new link: the ended one's stops working.
    id = row->has_value() ? (*row)->Text(0) : NewId("sub", now);
    token = SubscriptionToken(link_key, id, at);
    ACCORD_TRY(
        tx.Exec("INSERT INTO trust_subscribers(id, email, created_at, topics) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (email) DO UPDATE SET created_at = excluded.created_at, "
                "confirmed_at = NULL, unsubscribed_at = NULL, topics = excluded.topics",
                {id, email, at, topic}));
  }
  std::string link = ManageLink(link_base, token);
  const bool status = topic == "status";
  if (active) {
    return Mail(tx, "sub:" + id + ":manage:" + at, email,
                status ? "Your status subscription" : "Your subprocessor-list subscription",
                std::string(status ? "This address is subscribed to changes of our service status."
                                   : "This address is already subscribed to changes of our "
                                     "subprocessor list.") +
                    "\n\n"
                    "Manage or end the subscription here:\n\n" +
                    link + "\n",
                now, link);
  }
  return Mail(
      tx, "sub:" + id + ":confirm:" + at, email,
      status ? "Confirm your subscription to our service status"
             : "Confirm your subscription to our subprocessor list",
      std::string("Someone (we hope you) asked to be emailed when ") +
          (status ? "the status of our services changes" : "our subprocessor list changes") +
          ".\n\n"
          "Confirm here (the page has a Confirm button):\n\n" +
          link + "\n\nIf it was not you, ignore this email: nothing is sent without it.\n",
      now);
}

Result<std::optional<Subscriber>> FindSubscriber(Tx& tx, const std::string& token,
                                                 const std::string& link_key) {
  if (link_key.empty() || token.size() <= kMacChars) return std::optional<Subscriber>();
  std::string id = token.substr(0, token.size() - kMacChars);
  if (!IsValidId(id, "sub")) return std::optional<Subscriber>();
  auto row = tx.QueryOne(
      "SELECT id, email, confirmed_at, unsubscribed_at, created_at FROM trust_subscribers WHERE "
      "id = ?",
      {id});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value() ||
      !ConstantTimeEquals(token, SubscriptionToken(link_key, id, (*row)->Text(4)))) {
    return std::optional<Subscriber>();
  }
  return std::optional<Subscriber>(
      Subscriber{(*row)->Text(0), (*row)->Text(1), StatusOf(**row, 2, 3)});
}

Result<Subscriber> ChangeSubscription(Tx& tx, const std::string& token, const std::string& action,
                                      const std::string& link_key, TimePoint now) {
  auto found = FindSubscriber(tx, token, link_key);
  if (!found.ok()) return std::move(found).error();
  if (!found->has_value()) return NotFound("subscription");
  Subscriber s = **found;
  std::string at = FormatRfc3339(now);
  if (action == "confirm" && s.status == "pending") {
    ACCORD_TRY(tx.Exec("UPDATE trust_subscribers SET confirmed_at = ? WHERE id = ?", {at, s.id}));
    s.status = "active";
  } else if (action == "unsubscribe" && s.status != "ended") {
    ACCORD_TRY(
        tx.Exec("UPDATE trust_subscribers SET unsubscribed_at = ? WHERE id = ?", {at, s.id}));
    s.status = "ended";
  } else if (action != "confirm" && action != "unsubscribe") {
    return ValidationError("action", "must be confirm or unsubscribe");
  }
  return s;
}

Result<int> NotifySubprocessorChanges(Tx& tx, const std::string& link_base,
                                      const std::string& link_key, TimePoint now) {
  auto head = ReadHead(tx);
  if (!head.ok()) return std::move(head).error();
  auto size = static_cast<int64_t>(head->size());
  auto mark = tx.QueryOne("SELECT value FROM trust_watermarks WHERE name = ?", {kWatermark});
  if (!mark.ok()) return std::move(mark).error();
  auto save = [&]() -> Status {
    auto r = tx.Exec(
        "INSERT INTO trust_watermarks(name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE "
        "SET value = excluded.value",
        {kWatermark, size});
    if (!r.ok()) return std::move(r).error();
    return Ok();
  };
  if (!mark->has_value()) {  // first run: what is already on the list is nobody's news
    ACCORD_TRY(save());
    return 0;
  }
  int64_t from = (*mark)->Int(0);
  if (from >= size) return 0;
  auto history = SubprocessorHistory(tx, 500);
  if (!history.ok()) return std::move(history).error();
  std::vector<SubprocessorChange> fresh;
  for (const auto& c : *history) {
    if (static_cast<int64_t>(c.index) >= from && static_cast<int64_t>(c.index) < size) {
      fresh.push_back(c);
    }
  }
  int queued = 0;
  if (!fresh.empty()) {
    auto subs = tx.Query(
        "SELECT id, email, created_at, confirmed_at, topics FROM trust_subscribers WHERE "
        "confirmed_at IS NOT NULL AND unsubscribed_at IS NULL ORDER BY id",
        {});
    if (!subs.ok()) return std::move(subs).error();
    for (const auto& s : *subs) {
      if (!HasTopic(s.Text(4), "subprocessors")) continue;
      std::string lines;
      for (auto it = fresh.rbegin(); it != fresh.rend(); ++it) {  // oldest first
        if (FormatRfc3339(it->at) < s.Text(3)) continue;
        std::string verb = it->change == "planned"   ? "is planned (being onboarded)"
                           : it->change == "added"   ? "was added"
                           : it->change == "updated" ? "changed"
                                                     : "was removed";
        lines += "- " + it->name + " " + verb;
        if (it->change != "removed") {
          lines += ": " + (it->purpose.empty() ? std::string("-") : it->purpose) +
                   "; data location: " + (it->location.empty() ? "-" : it->location);
        }
        lines += " (" + FormatRfc3339(it->at).substr(0, 10) + ")\n";
      }
      if (lines.empty()) continue;
      std::string manage = ManageLink(link_base, SubscriptionToken(link_key, s.Text(0), s.Text(2)));
      ACCORD_TRY(Mail(tx, "sub:" + s.Text(0) + ":changes:" + std::to_string(size), s.Text(1),
                      "Our subprocessor list changed",
                      "Changes to our subprocessor list:\n\n" + lines + "\nThe list: " + link_base +
                          "/trust/subprocessors\nManage or end this subscription: " + manage + "\n",
                      now, manage));
      ++queued;
    }
  }
  ACCORD_TRY(save());
  return queued;
}

Result<int> NotifyStatusChanges(Tx& tx, const std::string& link_base, const std::string& link_key,
                                TimePoint now) {
  static constexpr const char* kStatusMark = "status_notices";
  auto head = ReadHead(tx);
  if (!head.ok()) return std::move(head).error();
  auto size = static_cast<int64_t>(head->size());
  auto mark = tx.QueryOne("SELECT value FROM trust_watermarks WHERE name = ?", {kStatusMark});
  if (!mark.ok()) return std::move(mark).error();
  int64_t from = mark->has_value() ? (*mark)->Int(0) : size;  // first run: nothing is news
  int queued = 0;
  if (from < size) {
    std::string lines;
    Status st = tx.ForEach(
        "SELECT idx FROM rm_ledger_events WHERE type = 'status_component.status_changed' AND "
        "idx >= ? AND idx < ? ORDER BY idx LIMIT 200",
        {from, size}, [&](const Row& r) {
          auto leaf = ReadLeaf(tx, static_cast<uint64_t>(r.Int(0)));
          if (!leaf.ok()) return true;
          boost::system::error_code ec;
          boost::json::value e = boost::json::parse(leaf->leaf, ec);
          if (ec || !e.is_object()) return true;
          const auto& o = e.as_object();
          const auto& p = o.at("payload").as_object();
          auto words = [](std::string s) {
            for (auto& c : s) c = c == '_' ? ' ' : c;
            return s;
          };
          lines += "- " + std::string(p.at("name").as_string()) + ": now " +
                   words(std::string(p.at("to").as_string())) + " (was " +
                   words(std::string(p.at("from").as_string())) + "), " +
                   HumanDay(std::string(o.at("time").as_string())) + "\n";
          return true;
        });
    if (!st.ok()) return std::move(st).error();
    if (!lines.empty()) {
      auto subs = tx.Query(
          "SELECT id, email, created_at, topics FROM trust_subscribers WHERE confirmed_at IS NOT "
          "NULL AND unsubscribed_at IS NULL ORDER BY id",
          {});
      if (!subs.ok()) return std::move(subs).error();
      for (const auto& s : *subs) {
        if (!HasTopic(s.Text(3), "status")) continue;
        std::string manage =
            ManageLink(link_base, SubscriptionToken(link_key, s.Text(0), s.Text(2)));
        ACCORD_TRY(Mail(tx, "sub:" + s.Text(0) + ":status:" + std::to_string(size), s.Text(1),
                        "The status of our services changed",
                        "Status changes:\n\n" + lines + "\nCurrent status: " + link_base +
                            "/status\nManage or end this subscription: " + manage + "\n",
                        now, manage));
        ++queued;
      }
    }
  }
  auto r = tx.Exec(
      "INSERT INTO trust_watermarks(name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE "
      "SET value = excluded.value",
      {kStatusMark, size});
  if (!r.ok()) return std::move(r).error();
  return queued;
}

}  // namespace accord::storage
