// The demo's status page and vendor SLA monitoring (issue 27): components probing this server
// itself, two months of daily uptime history so the bars have something to show, maintenance
// next week, and a subcontractor whose status feed is polled (this server's own Statuspage
// JSON) and whose pushed measurements miss its SLA, which opens findings.
#include <boost/json.hpp>

#include "accord/app/serve.h"
#include "accord/core/net_address.h"
#include "accord/core/time.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/status.h"
#include "accord/storage/vendor_sla.h"
#include "demo_incidents.h"

namespace accord::app {

namespace json = boost::json;

namespace {

const domain::Actor kDemo{"demo", "security_officer"};

Result<std::string> AddComponent(Runtime& rt, json::object body) {
  auto c = storage::ParseStatusComponent(body, /*allow_private=*/true);
  if (!c.ok()) return std::move(c).error();
  auto r = rt.log().Execute([&](storage::CommandContext& cc) -> Result<json::value> {
    auto o = storage::SaveStatusComponent(cc, kDemo, "", *c);
    if (!o.ok()) return std::move(o).error();
    return json::value(std::move(*o));
  });
  if (!r.ok()) return std::move(r).error();
  return std::string(r->at("id").as_string());
}

json::object Http(const std::string& url) {
  return json::object{{"kind", "http"}, {"target", url}, {"interval_s", 60}};
}

}  // namespace

Status SeedDemoStatus(Runtime& rt, const policy::Profile& profile, const std::string& listen_url) {
  const TimePoint now = rt.log().clock().Now();
  std::string hostport = listen_url.substr(listen_url.find("://") + 3);
  auto portal = AddComponent(rt, {{"name", "Patient portal"},
                                  {"group", "Platform"},
                                  {"position", 1},
                                  {"description", "Sign-in, messages and appointments"},
                                  {"probe", Http(listen_url + "/healthz")}});
  if (!portal.ok()) return std::move(portal).error();
  auto api = AddComponent(rt, {{"name", "Care-team API"},
                               {"group", "Platform"},
                               {"position", 2},
                               {"probe", Http(listen_url + "/readyz")}});
  if (!api.ok()) return std::move(api).error();
  auto db = AddComponent(rt, {{"name", "Database"},
                              {"group", "Platform"},
                              {"position", 3},
                              {"probe", json::object{{"kind", "tcp"}, {"target", hostport}}}});
  if (!db.ok()) return std::move(db).error();
  auto sms = AddComponent(rt, {{"name", "SMS reminders"},
                               {"group", "Messaging"},
                               {"description", "Set by hand: its provider has no probe"},
                               {"probe", json::object{{"kind", "none"}}}});
  if (!sms.ok()) return std::move(sms).error();

  // Two months of daily uptime (demo history) so the 90-day bars show a bad day and a fair one.
  const int64_t today = storage::DayOf(now);
  ACCORD_TRY(rt.store().Write([&](storage::Tx& tx) -> Status {
    for (const std::string* id : {&*portal, &*api, &*db}) {
      for (int64_t d = today - 60; d < today; ++d) {
        int64_t down = (d == today - 17 && *id == *api) ? 95 : (d == today - 40) ? 3 : 0;
        auto n = tx.Exec(
            "INSERT INTO status_daily(component_id, day, up_minutes, sampled_minutes) VALUES "
            "(?, ?, ?, 1440)",
            {*id, d, 1440 - down});
        if (!n.ok()) return std::move(n).error();
      }
    }
    auto n = tx.Exec(
        "INSERT INTO status_marks(name, value) VALUES ('rolled_up_to', ?) ON CONFLICT(name) DO "
        "UPDATE SET value = excluded.value",
        {today - 1});
    if (!n.ok()) return std::move(n).error();
    return Ok();
  }));

  auto next_week =
      std::chrono::floor<std::chrono::days>(now) + std::chrono::days(7) + std::chrono::hours(6);
  auto m = rt.log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
    auto r = storage::ScheduleMaintenance(
        c, kDemo,
        json::object{
            {"name", "Database upgrade"},
            {"body", "The care-team API is read-only for up to 20 minutes."},
            {"component_ids", json::array{json::value(*db), json::value(*api)}},
            {"scheduled_for", FormatRfc3339(TimePoint(next_week))},
            {"scheduled_until", FormatRfc3339(TimePoint(next_week + std::chrono::minutes(30)))}});
    if (!r.ok()) return std::move(r).error();
    return json::value(std::move(*r));
  });
  if (!m.ok()) return std::move(m).error();
  ACCORD_TRY(SeedDemoIncidents(rt, profile, *sms));  // demo_incidents.cc (TR-8)

  // Nimbus Cloud Hosting: its feed is polled (here, this server's own Statuspage JSON), and the
  // measurements it pushed for last month miss its SLA (99.9 % uptime, 4 hours to respond).
  std::string nimbus;
  ACCORD_TRY(rt.store().Read([&](storage::Tx& tx) -> Status {
    auto id = storage::FindLiveByName(tx, "party", "Nimbus Cloud Hosting");
    if (!id.ok()) return std::move(id).error();
    nimbus = id->value_or("");
    return Ok();
  }));
  if (nimbus.empty()) return Ok();
  using std::chrono::days;
  std::chrono::year_month_day ymd{std::chrono::floor<days>(now)};
  auto last_month = std::chrono::sys_days{(ymd.year() / ymd.month() / 1)} - days(15);
  std::string at = FormatRfc3339(TimePoint(last_month));
  auto r = rt.log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
    auto feed = storage::SetVendorFeed(
        c, kDemo, nimbus,
        json::object{{"url", listen_url + "/api/v2/summary.json"}, {"interval_s", 300}}, true);
    if (!feed.ok()) return std::move(feed).error();
    json::array items{
        json::object{{"metric", "uptime_percent"}, {"at", at}, {"value", 99.52}, {"ref", "uptime"}},
        json::object{{"metric", "response_hours"}, {"at", at}, {"value", 6.5}, {"ref", "NIM-2291"}},
        json::object{
            {"metric", "resolution_hours"}, {"at", at}, {"value", 19}, {"ref", "NIM-2291"}}};
    auto pushed = storage::RecordSlaMeasurements(c, kDemo, nimbus, json::object{{"items", items}},
                                                 profile.reviews);
    if (!pushed.ok()) return std::move(pushed).error();
    return json::value(std::move(*pushed));
  });
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

}  // namespace accord::app
