// Each person's phone number and which notifications reach them on which channel (issue 26).
// A person's own choice, not evidence: a side table, carried by backups. The outbox's
// QueueForUsers and the daily digest read it.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/storage/store.h"

namespace accord::storage {

// Topics a person chooses channels for, and the channels.
inline constexpr std::string_view kNotificationTopics[] = {"reminders", "alerts", "digest"};
inline constexpr std::string_view kNotificationChannels[] = {"email", "sms", "voice"};

struct NotificationSettings {
  std::string phone;  // E.164, or empty
  // topic -> channels; a topic absent here goes by email only.
  std::map<std::string, std::vector<std::string>> channels;
  std::vector<std::string> ChannelsFor(std::string_view topic) const;
};

// The topic of a message about `ref_kind`: alerts, the digest (my_work), else reminders.
std::string TopicOf(std::string_view ref_kind);

Result<NotificationSettings> ReadNotificationSettings(Tx& tx, const std::string& user_id);
// Validated first (phone E.164; known topics and channels; sms or voice only with a phone):
// validation_failed naming the field, nothing written.
Status WriteNotificationSettings(Tx& tx, const std::string& user_id,
                                 const NotificationSettings& settings, TimePoint now);

}  // namespace accord::storage
