#include "demo_incidents.h"

#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/incident_response_tests.h"
#include "accord/storage/incidents.h"
#include "accord/storage/registry_store.h"

namespace accord::app {

namespace json = boost::json;
using domain::StateString;

namespace {

Result<json::object> Run(Runtime& rt,
                         const std::function<Result<json::object>(storage::CommandContext&)>& fn) {
  auto r = rt.log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
    auto o = fn(c);
    if (!o.ok()) return std::move(o).error();
    return json::value(std::move(*o));
  });
  if (!r.ok()) return std::move(r).error();
  return r->as_object();
}

}  // namespace

Status SeedDemoIncidents(Runtime& rt, const policy::Profile& profile,
                         const std::string& sms_component_id) {
  std::string relay, officer, staff;
  ACCORD_TRY(rt.store().Read([&](storage::Tx& tx) -> Status {
    auto party = storage::FindLiveByName(tx, "party", "Relay SMS");
    if (!party.ok()) return std::move(party).error();
    relay = party->value_or("");
    for (auto [email, id] :
         {std::pair{"officer@luma.example", &officer}, std::pair{"staff@luma.example", &staff}}) {
      auto user = storage::FindUserByEmail(tx, email);
      if (!user.ok()) return std::move(user).error();
      if (user->has_value()) *id = StateString(**user, "id");
    }
    return Ok();
  }));
  if (relay.empty() || officer.empty() || staff.empty()) return Ok();  // not the demo's people
  const domain::Actor sam{officer, "security_officer"};
  const TimePoint now = rt.log().clock().Now();

  auto declared = Run(rt, [&](storage::CommandContext& c) {
    return storage::DeclareIncident(
        c, sam,
        json::object{
            {"title", "Appointment reminders by text message delayed"},
            {"description",
             "Relay SMS queued our reminders for up to three hours after a carrier route failed. "
             "No message content was exposed; the reminders carry no health information."},
            {"severity", "medium"},
            {"category", "availability"},
            {"component_ids", json::array{json::value(sms_component_id)}},
            {"party_ids", json::array{json::value(relay)}},
            {"discovered_at", FormatRfc3339(now - std::chrono::hours(3))}});
  });
  if (!declared.ok()) return std::move(declared).error();
  const std::string id = StateString(*declared, "id");
  const json::object steps[] = {
      {{"action", "update"},
       {"visibility", "public"},
       {"body", "Text message reminders are arriving late. We are investigating."}},
      {{"action", "update"},
       {"visibility", "internal"},
       {"body",
        "Relay SMS confirms a carrier route failure; their queue holds about 4,000 "
        "reminders. Email reminders are unaffected."}},
      {{"action", "update"},
       {"visibility", "public"},
       {"status", "identified"},
       {"body", "Our text message provider had a carrier failure. Reminders are being resent."}},
      {{"action", "update"},
       {"visibility", "public"},
       {"status", "monitoring"},
       {"body", "Reminders are arriving on time again. We are watching the queue."}},
      {{"action", "resolve"},
       {"visibility", "public"},
       {"body", "Every delayed reminder was delivered. Reminders are on time."}},
  };
  for (const auto& step : steps) {
    json::object body = step;
    std::string action(body.at("action").as_string());
    body.erase("action");
    auto r = Run(rt, [&](storage::CommandContext& c) {
      return storage::IncidentAction(c, sam, id, action, body, profile.reviews);
    });
    if (!r.ok()) return std::move(r).error();
  }
  auto postmortem = Run(rt, [&](storage::CommandContext& c) {
    return storage::IncidentAction(
        c, sam, id, "postmortem",
        json::object{
            {"root_cause",
             "Relay SMS sent every message over one carrier route; when it failed, nothing "
             "failed over and our reminders waited in its queue."},
            {"lessons",
             "A reminder that arrives after the appointment is no reminder. We did not notice "
             "for an hour: nothing watched how late reminders were."},
            {"action_items",
             json::array{
                 json::object{{"title", "Alert when text reminders are more than 15 minutes late"},
                              {"owner_id", staff},
                              {"due_at", FormatRfc3339(now + std::chrono::days(30))},
                              {"severity", "medium"}}}}},
        profile.reviews);
  });
  if (!postmortem.ok()) return std::move(postmortem).error();

  // Last year's exercise: the next one is due within the month (the calendar shows it).
  auto drill = Run(rt, [&](storage::CommandContext& c) {
    return storage::RecordIncidentResponseTest(
        c, sam,
        json::object{{"conducted_on", FormatRfc3339(std::chrono::floor<std::chrono::days>(now) -
                                                    std::chrono::days(340))},
                     {"scenario", "Tabletop: a stolen laptop with a copy of the claims export."},
                     {"participants", json::array{"Sam Rivera", "Priya Shah", "Alex Chen"}},
                     {"outcome",
                      "The team found the device-encryption evidence in 20 minutes and decided "
                      "within the hour that no notification was owed."},
                     {"lessons", "Keep the encryption report one click away."}});
  });
  if (!drill.ok()) return std::move(drill).error();
  return Ok();
}

}  // namespace accord::app
