#include "accord/storage/notification_settings.h"

#include <algorithm>
#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/domain/fields.h"

namespace accord::storage {

namespace json = boost::json;

namespace {

bool Known(std::span<const std::string_view> list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

std::vector<std::string> NotificationSettings::ChannelsFor(std::string_view topic) const {
  auto it = channels.find(std::string(topic));
  if (it == channels.end()) return {"email"};
  return it->second;
}

std::string TopicOf(std::string_view ref_kind) {
  if (ref_kind == "alert") return "alerts";
  if (ref_kind == "my_work") return "digest";
  return "reminders";
}

Result<NotificationSettings> ReadNotificationSettings(Tx& tx, const std::string& user_id) {
  auto row = tx.QueryOne("SELECT phone, preferences FROM notification_settings WHERE user_id = ?",
                         {user_id});
  if (!row.ok()) return std::move(row).error();
  NotificationSettings out;
  if (!row->has_value()) return out;
  out.phone = (*row)->Text(0);
  boost::system::error_code ec;
  json::value prefs = json::parse((*row)->Text(1), ec);
  if (ec || !prefs.is_object()) return out;
  for (const auto& [topic, list] : prefs.as_object()) {
    if (!list.is_array()) continue;
    std::vector<std::string>& channels = out.channels[std::string(topic)];
    for (const auto& c : list.as_array()) {
      if (c.is_string()) channels.emplace_back(c.as_string());
    }
  }
  return out;
}

Status WriteNotificationSettings(Tx& tx, const std::string& user_id, const NotificationSettings& s,
                                 TimePoint now) {
  std::vector<ErrorDetail> problems;
  if (!s.phone.empty() && !domain::IsValidE164(s.phone)) {
    problems.push_back({"phone", "must be an E.164 phone number like +14155550123", {}});
  }
  json::object prefs;
  for (const auto& [topic, channels] : s.channels) {
    std::string field = "channels." + topic;
    if (!Known(kNotificationTopics, topic)) {
      problems.push_back({field, "unknown topic (reminders, alerts, digest)", {}});
      continue;
    }
    json::array list;
    for (const std::string& c : channels) {
      if (!Known(kNotificationChannels, c)) {
        problems.push_back({field, "unknown channel '" + c + "' (email, sms, voice)", {}});
      } else if (c != "email" && s.phone.empty()) {
        problems.push_back({field, c + " needs a phone number: add one first", {}});
      } else if (std::find(list.begin(), list.end(), json::value(c)) == list.end()) {
        list.emplace_back(c);
      }
    }
    prefs[topic] = std::move(list);
  }
  if (!problems.empty()) {
    std::string message = problems.front().field + ": " + problems.front().reason;
    return Error{ErrorCode::kValidationFailed, std::move(message), std::move(problems)};
  }
  auto r = tx.Exec(
      "INSERT INTO notification_settings(user_id, phone, preferences, updated_at) VALUES "
      "(?, ?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET phone = excluded.phone, preferences = "
      "excluded.preferences, updated_at = excluded.updated_at",
      {user_id, s.phone, json::serialize(prefs), FormatRfc3339(now)});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

}  // namespace accord::storage
