// The delivery view (issue 26): one outbox message with its status history, the delivery rate
// per channel and day (officers, like the outbox itself); and each person's phone number and
// which notifications reach them on which channel, with a test message to check a channel.
#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/domain/fields.h"
#include "accord/domain/registry.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/schema.h"
#include "accord/storage/deliveries.h"
#include "accord/storage/notification_settings.h"
#include "accord/storage/outbox.h"
#include "accord/storage/registry_store.h"

namespace accord::http {

namespace json = boost::json;

namespace {

constexpr int kDefaultDays = 30;
constexpr int kMaxDays = 90;

json::object ChannelEnum() { return schema::Enum({"email", "sms", "voice"}); }

json::object EntrySchema() {
  using namespace schema;
  return Object(
      {{"id", String()},
       {"channel", String()},
       {"user_id", Nullable(String())},
       {"recipient", String()},
       {"subject", String()},
       {"body", String()},
       {"ref_kind", Nullable(String())},
       {"ref_id", Nullable(String())},
       {"status", Enum({"queued", "sent", "failed"})},
       {"attempts", Int()},
       {"last_error", Nullable(String())},
       {"created_at", Time()},
       {"sent_at", Nullable(Time())},
       {"confidential", Bool()},
       {"delivery_status", Nullable(Enum({"sent", "delivered", "failed"}))},
       {"provider_error", Nullable(String())},
       {"history",
        ArrayOf(Object({{"status", Enum({"queued", "retrying", "sent", "delivered", "failed"})},
                        {"at", Time()},
                        {"detail", Text("the provider's id or error, or why it failed")}}))}},
      {{"next_attempt_at", Time()}});
}

json::object RatesSchema() {
  using namespace schema;
  json::object day = Object({{"day", Text("YYYY-MM-DD (UTC)")},
                             {"delivered", Int()},
                             {"failed", Int()},
                             {"pending", Int()},
                             {"rate", Nullable(Number())}});
  return Object(
      {{"since", Time()},
       {"channels",
        Object({}, {{"email", ArrayOf(day)}, {"sms", ArrayOf(day)}, {"voice", ArrayOf(day)}})}});
}

json::object PreferencesSchema() {
  using namespace schema;
  json::object list = ArrayOf(ChannelEnum());
  return Object({{"phone", Nullable(Text("E.164, e.g. +14155550123"))},
                 {"channels", Object({{"reminders", list}, {"alerts", list}, {"digest", list}})},
                 {"available", ArrayOf(ChannelEnum())}});
}

Response Entry(ApiDeps& deps, Context& ctx) {
  std::string id = ctx.path_params.at("id");
  std::optional<json::object> entry;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto r = storage::ReadOutboxEntry(tx, id);
    if (!r.ok()) return std::move(r).error();
    entry = std::move(*r);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  if (!entry) return ErrorResponse(NotFound("message " + id));
  return JsonResponse(*entry);
}

Response Rates(ApiDeps& deps, Context& ctx) {
  int days = kDefaultDays;
  if (std::string_view text = ctx.Query("days"); !text.empty()) {
    try {
      days = std::stoi(std::string(text));
    } catch (...) {
      days = 0;
    }
    if (days < 1 || days > kMaxDays || text.size() > 2) {
      return ErrorResponse(ValidationError("days", "must be a whole number from 1 to 90"));
    }
  }
  TimePoint since = deps.clock.Now() - std::chrono::hours(24) * (days - 1);
  std::string from = FormatRfc3339(since).substr(0, 10) + "T00:00:00.000Z";
  json::object body{{"since", from}};
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto since_day = ParseRfc3339(from);
    if (!since_day.ok()) return std::move(since_day).error();
    auto r = storage::DeliveryRates(tx, *since_day);
    if (!r.ok()) return std::move(r).error();
    body["channels"] = std::move(*r);
    return Ok();
  });
  return s.ok() ? JsonResponse(body) : ErrorResponse(s.error());
}

json::object PreferencesJson(const storage::NotificationSettings& s) {
  json::object channels;
  for (std::string_view topic : storage::kNotificationTopics) {
    json::array list;
    for (const std::string& c : s.ChannelsFor(topic)) list.emplace_back(c);
    channels[topic] = std::move(list);
  }
  json::array available{"email"};
  if (!s.phone.empty()) {
    available.emplace_back("sms");
    available.emplace_back("voice");
  }
  return json::object{{"phone", s.phone.empty() ? json::value(nullptr) : json::value(s.phone)},
                      {"channels", std::move(channels)},
                      {"available", std::move(available)}};
}

Response Preferences(ApiDeps& deps, Context& ctx) {
  storage::NotificationSettings settings;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto r = storage::ReadNotificationSettings(tx, ctx.principal->id);
    if (!r.ok()) return std::move(r).error();
    settings = std::move(*r);
    return Ok();
  });
  return s.ok() ? JsonResponse(PreferencesJson(settings)) : ErrorResponse(s.error());
}

// {phone?, channels?: {topic: [channel]}} over the current settings.
Result<storage::NotificationSettings> ParsePreferences(const json::object& body,
                                                       storage::NotificationSettings current) {
  std::vector<ErrorDetail> details;
  if (body.empty())
    details.push_back({"phone", "phone or channels is required: what to change", {}});
  for (const auto& [key, value] : body) {
    if (key == "phone") {
      if (value.is_null()) {
        current.phone.clear();
      } else if (!value.is_string()) {
        details.push_back({"phone", "must be an E.164 phone number or null", {}});
      } else {
        current.phone = std::string(value.as_string());
      }
    } else if (key == "channels") {
      const json::object* topics = value.if_object();
      if (!topics) {
        details.push_back({"channels", "must be an object of topic: [channels]", {}});
        continue;
      }
      for (const auto& [topic, list] : *topics) {
        std::string field = "channels." + std::string(topic);
        const json::array* channels = list.if_array();
        if (!channels || channels->size() > 3) {
          details.push_back({field, "must be a list of channels (email, sms, voice)", {}});
          continue;
        }
        std::vector<std::string>& out = current.channels[std::string(topic)];
        out.clear();
        for (const auto& c : *channels) {
          if (c.is_string()) {
            out.emplace_back(c.as_string());
          } else {
            details.push_back({field, "must be a list of channel names", {}});
          }
        }
      }
    } else {
      details.push_back({std::string(key), "unknown field (phone, channels)", {}});
    }
  }
  // Without a phone the phone channels go, rather than refusing to remove the number.
  if (body.contains("phone") && current.phone.empty() && !body.contains("channels")) {
    for (auto& [topic, list] : current.channels) {
      std::erase_if(list, [](const std::string& c) { return c != "email"; });
    }
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  return current;
}

Response ChangePreferences(ApiDeps& deps, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return ErrorResponse(body.error());
  storage::NotificationSettings settings;
  Status s = deps.store.Write([&](storage::Tx& tx) -> Status {
    auto current = storage::ReadNotificationSettings(tx, ctx.principal->id);
    if (!current.ok()) return std::move(current).error();
    auto next = ParsePreferences(*body, *current);
    if (!next.ok()) return std::move(next).error();
    settings = std::move(*next);
    return storage::WriteNotificationSettings(tx, ctx.principal->id, settings, deps.clock.Now());
  });
  return s.ok() ? JsonResponse(PreferencesJson(settings)) : ErrorResponse(s.error());
}

// Queues "this is a test" to me on one channel: a person checks their number works.
Response TestMessage(ApiDeps& deps, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return ErrorResponse(body.error());
  const json::value* channel = body->if_contains("channel");
  if (!channel || !channel->is_string() ||
      (channel->as_string() != "sms" && channel->as_string() != "voice" &&
       channel->as_string() != "email") ||
      body->size() != 1) {
    return ErrorResponse(ValidationError("channel", "must be email, sms or voice"));
  }
  std::string name(channel->as_string());
  std::string id;
  TimePoint now = deps.clock.Now();
  Status s = deps.store.Write([&](storage::Tx& tx) -> Status {
    auto settings = storage::ReadNotificationSettings(tx, ctx.principal->id);
    if (!settings.ok()) return std::move(settings).error();
    std::string recipient = settings->phone;
    if (name == "email") {
      auto row =
          tx.QueryOne("SELECT doc FROM rm_objects WHERE kind = 'user' AND id = ? AND to_idx = ?",
                      {ctx.principal->id, storage::kOpenVersion});
      if (!row.ok()) return std::move(row).error();
      auto doc = row->has_value() ? domain::ParseStateDoc((*row)->Text(0)) : std::nullopt;
      recipient = doc ? domain::StateString(*doc, "email") : "";
    }
    if (recipient.empty()) return ValidationError("channel", name + " needs a phone number first");
    storage::OutboxMessage m{
        .dedupe_key = "test:" + ctx.principal->id + ":" + name + ":" + FormatRfc3339(now),
        .channel = name,
        .user_id = ctx.principal->id,
        .recipient = recipient,
        .subject = "Accord: a test message you asked for",
        .ref_kind = "test",
        .ref_id = ctx.principal->id};
    auto q = storage::QueueMessage(tx, m, now);
    if (!q.ok()) return std::move(q).error();
    auto row = tx.QueryOne("SELECT id FROM outbox WHERE dedupe_key = ?", {m.dedupe_key});
    if (!row.ok()) return std::move(row).error();
    if (row->has_value()) id = (*row)->Text(0);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(json::object{{"id", id}, {"channel", name}, {"status", "queued"}}, 202);
}

}  // namespace

void AddDeliveryRoutes(Router& router, ApiDeps& deps) {
  using namespace schema;
  // Before /api/v1/outbox/{id}: the first route that matches answers.
  router.Add(ReadRoute("/api/v1/outbox/delivery-rates", domain::kOfficers, Json(RatesSchema()))
                 .Summary("Per channel and UTC day: messages delivered, failed and pending, and "
                          "the delivery rate (delivered of those that ended)")
                 .Tag("channels")
                 .Query("days", "1-90 days back, today included (default 30)", "integer")
                 .Handle(deps, Rates));
  router.Add(ReadRoute("/api/v1/outbox/{id}", domain::kOfficers, Json(EntrySchema()))
                 .Summary("One notification: its channel, recipient and status history (queued, "
                          "sent, delivered, failed with the provider's error)")
                 .Tag("channels")
                 .Path("id", "msg_…")
                 .Handle(deps, Entry));
  router.Add(
      ReadRoute("/api/v1/account/notifications", domain::kWorkforce, Json(PreferencesSchema()))
          .Summary("My phone number and which notifications reach me on which channel "
                   "(email unless I chose otherwise)")
          .Tag("channels")
          .Handle(deps, Preferences));
  json::object list = ArrayOf(ChannelEnum());
  router.Add(CommandRoute("PATCH", "/api/v1/account/notifications", domain::kWorkforce,
                          JsonBody(Object({}, {{"phone", Nullable(Text("E.164"))},
                                               {"channels", Object({}, {{"reminders", list},
                                                                        {"alerts", list},
                                                                        {"digest", list}})}})),
                          Json(PreferencesSchema()))
                 .Summary("Change my phone number or my channels per topic (reminders, alerts, "
                          "digest); not the ledger")
                 .Tag("channels")
                 .Handle(deps, ChangePreferences));
  router.Add(
      CommandRoute(
          "POST", "/api/v1/account/notifications/test", domain::kWorkforce,
          JsonBody(Object({{"channel", ChannelEnum()}})),
          Json(Object({{"id", String()}, {"channel", ChannelEnum()}, {"status", Enum({"queued"})}}),
               202))
          .Summary("Send me a test message on one channel (through the outbox)")
          .Tag("channels")
          .Handle(deps, TestMessage));
}

}  // namespace accord::http
