#include "accord/storage/my_work_digest.h"

#include <boost/json.hpp>

#include "accord/domain/registry.h"
#include "accord/domain/roles.h"
#include "accord/storage/my_work.h"
#include "accord/storage/notification_settings.h"
#include "accord/storage/outbox.h"
#include "accord/storage/registry_store.h"
#include "my_work_text.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

constexpr size_t kItemsPerGroup = 5;

std::string Line(const json::object& item) {
  std::string out = "  - " + StateString(item, "title");
  std::string party = StateString(item, "party_name");
  if (!party.empty() && out.find(party) == std::string::npos) out += " (" + party + ")";
  std::string due = StateString(item, "due_at");
  if (!due.empty()) {
    const json::value* late = item.if_contains("overdue");
    out += (late && late->is_bool() && late->as_bool() ? ", overdue since " : ", due ") +
           my_work_text::HumanDay(due);
  }
  return out + "\n";
}

std::string Body(const std::string& name, const json::object& work, const std::string& url) {
  int64_t total = work.at("total").as_int64();
  std::string out = "Hello " + name + ",\n\n" + std::to_string(total) +
                    (total == 1 ? " thing waits" : " things wait") + " for you in Accord.\n";
  for (const auto& gv : work.at("groups").as_array()) {
    const json::object& g = gv.as_object();
    int64_t count = g.at("count").as_int64();
    if (count == 0) continue;
    out += "\n" + StateString(g, "title") + " (" + std::to_string(count) + ")\n";
    const json::array& items = g.at("items").as_array();
    for (const auto& item : items) out += Line(item.as_object());
    if (count > static_cast<int64_t>(items.size())) {
      out += "  and " + std::to_string(count - static_cast<int64_t>(items.size())) + " more\n";
    }
  }
  if (!url.empty()) out += "\nOpen My work: " + url + "/app/\n";
  out +=
      "\nYou get this email on each day something waits for you. To stop it, turn off the "
      "daily email on the My work page.\n";
  return out;
}

}  // namespace

Result<int> QueueWorkDigests(Store& store, const policy::Profile& profile, TimePoint now,
                             const std::string& portal_url) {
  std::string stamp = FormatRfc3339(now);
  if (std::stoi(stamp.substr(11, 2)) < kDigestHourUtc) return 0;
  std::string day = stamp.substr(0, 10);
  std::vector<OutboxMessage> digests;
  ACCORD_TRY(store.Read([&](Tx& tx) -> Status {
    auto users = tx.Query(
        "SELECT doc FROM rm_objects WHERE kind = 'user' AND to_idx = ? AND status = 'active' "
        "ORDER BY id",
        {kOpenVersion});
    if (!users.ok()) return std::move(users).error();
    for (const auto& row : *users) {
      auto user = domain::ParseStateDoc(row.Text(0));
      if (!user) continue;
      std::string id = StateString(*user, "id"), role = StateString(*user, "role");
      if (!domain::kWorkforce.Has(role)) continue;
      std::string key = "digest:" + id + ":" + day;
      auto sent = tx.QueryOne("SELECT 1 FROM outbox WHERE dedupe_key IN (?, ?, ?)",
                              {key, key + ":sms", key + ":voice"});
      if (!sent.ok()) return std::move(sent).error();
      if (sent->has_value()) continue;
      auto settings = ReadAccountSettings(tx, id);
      if (!settings.ok()) return std::move(settings).error();
      // The digest's channels (issue 26): email still obeys the switch on My work.
      auto channels = ReadNotificationSettings(tx, id);
      if (!channels.ok()) return std::move(channels).error();
      std::vector<std::string> via = channels->ChannelsFor("digest");
      std::erase_if(via, [&](const std::string& c) {
        return c == "email" ? !settings->daily_digest : channels->phone.empty();
      });
      if (via.empty()) continue;
      auto work = MyWork(tx, Viewer{id, role, false, &profile}, now, kItemsPerGroup);
      if (!work.ok()) return std::move(work).error();
      int64_t total = work->at("total").as_int64();
      if (total == 0) continue;
      std::string name = StateString(*user, "name");
      if (name.empty()) name = StateString(*user, "email");
      std::string subject = "Your work in Accord: " + std::to_string(total) +
                            (total == 1 ? " item" : " items") + " waiting (" + day + ")";
      for (const std::string& channel : via) {
        bool email = channel == "email";
        // A text or a call says how much waits and where, not the list.
        digests.push_back(
            OutboxMessage{.dedupe_key = email ? key : key + ":" + channel,
                          .channel = channel,
                          .user_id = id,
                          .recipient = email ? StateString(*user, "email") : channels->phone,
                          .subject = subject,
                          .body = email                ? Body(name, *work, portal_url)
                                  : portal_url.empty() ? std::string()
                                                       : "Open My work: " + portal_url + "/app/",
                          .ref_kind = "my_work",
                          .ref_id = id});
      }
    }
    return Ok();
  }));
  if (digests.empty()) return 0;
  int queued = 0;
  ACCORD_TRY(store.Write([&](Tx& tx) -> Status {
    for (const auto& m : digests) {
      auto q = QueueMessage(tx, m, now);
      if (!q.ok()) return std::move(q).error();
      queued += *q ? 1 : 0;
    }
    return Ok();
  }));
  return queued;
}

}  // namespace accord::storage
