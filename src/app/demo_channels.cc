// The demo's SMS and voice deliveries (issue 26): the Security Officer has a phone number and
// takes reminders by SMS too; a week of reminders went out by email and SMS, one SMS reminder
// was delivered (queued, sent, delivered, as the provider's callbacks said) and one call went
// unanswered. Recorded as a delivery would be, so `make run` shows the delivery view without a
// provider; tests/http/phone_hooks_test.cc sends through a real local one.
#include <boost/json.hpp>

#include "accord/app/runtime.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/deliveries.h"
#include "accord/storage/notification_settings.h"
#include "accord/storage/outbox.h"
#include "accord/storage/registry_store.h"

namespace accord::app {

namespace {

constexpr const char* kOfficerEmail = "officer@luma.example";
constexpr const char* kOfficerPhone = "+14155550100";

struct DemoSend {
  const char* channel;
  int days_ago;
  const char* subject;
  const char* provider_status;  // "" for email (no receipts)
  const char* error_code;
};

}  // namespace

Status SeedDemoDeliveries(Runtime& runtime) {
  TimePoint now = runtime.log().clock().Now();
  return runtime.store().Write([&](storage::Tx& tx) -> Status {
    auto row =
        tx.QueryOne("SELECT id FROM rm_objects WHERE kind = 'user' AND name_lc = ? AND to_idx = ?",
                    {std::string(kOfficerEmail), storage::kOpenVersion});
    if (!row.ok()) return std::move(row).error();
    if (!row->has_value()) return Ok();
    std::string user = (*row)->Text(0);
    storage::NotificationSettings settings{
        .phone = kOfficerPhone,
        .channels = {{"reminders", {"email", "sms"}}, {"alerts", {"email", "sms", "voice"}}}};
    ACCORD_TRY(storage::WriteNotificationSettings(tx, user, settings, now));
    const DemoSend sends[] = {
        {"email", 6, "Due in 7 days: Security review: Relay SMS", "", ""},
        {"sms", 6, "Due in 7 days: Security review: Relay SMS", "delivered", ""},
        {"sms", 4, "Due in 3 days: SLA review: Brightcode Studio", "delivered", ""},
        {"sms", 3, "Due tomorrow: SLA review: Brightcode Studio", "undelivered", "30003"},
        {"voice", 2, "Alert: access to the file exchange outlasts its agreement", "no-answer", ""},
        {"email", 1, "Due today: BAA renewal: Northwind Labs", "", ""},
        {"sms", 0, "Reminder: Security review of Relay SMS is due in 7 days", "delivered", ""},
    };
    int n = 0;
    for (const DemoSend& s : sends) {
      TimePoint at = now - std::chrono::hours(24) * s.days_ago - std::chrono::minutes(30);
      bool email = std::string_view(s.channel) == "email";
      storage::OutboxMessage m{.dedupe_key = "demo:delivery:" + std::to_string(n++),
                               .channel = s.channel,
                               .user_id = user,
                               .recipient = email ? kOfficerEmail : kOfficerPhone,
                               .subject = s.subject,
                               .ref_kind = "review"};
      auto queued = storage::QueueMessage(tx, m, at);
      if (!queued.ok()) return std::move(queued).error();
      auto id_row = tx.QueryOne("SELECT id FROM outbox WHERE dedupe_key = ?", {m.dedupe_key});
      if (!id_row.ok()) return std::move(id_row).error();
      if (!id_row->has_value()) continue;
      std::string id = (*id_row)->Text(0);
      TimePoint sent_at = at + std::chrono::seconds(5);
      ACCORD_TRY(
          tx.Exec("UPDATE outbox SET status = 'sent', attempts = 1, sent_at = ? WHERE id = ?",
                  {FormatRfc3339(sent_at), id}));
      std::string sid = std::string(email                                  ? ""
                                    : s.channel == std::string_view("sms") ? "SM"
                                                                           : "CA") +
                        "d3m0" + std::string(26, '0') + std::to_string(n);
      ACCORD_TRY(
          storage::AppendOutboxHistory(tx, id, "sent", email ? "" : "provider id " + sid, sent_at));
      if (email) continue;
      ACCORD_TRY(storage::LinkProviderRef(tx, id, s.channel, sid, sent_at));
      auto applied = storage::ApplyProviderStatus(tx, {sid, s.provider_status, s.error_code, ""},
                                                  sent_at + std::chrono::seconds(20));
      if (!applied.ok()) return std::move(applied).error();
    }
    return Ok();
  });
}

}  // namespace accord::app
