#include "demo_sla.h"

#include <boost/json.hpp>
#include <chrono>

#include "accord/core/time.h"
#include "accord/domain/statuspage.h"
#include "accord/storage/vendor_incidents.h"
#include "accord/storage/vendor_sla.h"

namespace accord::app {

namespace json = boost::json;

Status SeedDemoVendorIncidents(Runtime& rt, const policy::Profile& profile,
                               const std::string& party_id) {
  using std::chrono::days;
  using std::chrono::hours;
  const TimePoint now = rt.log().clock().Now();
  std::chrono::year_month_day ymd{std::chrono::floor<days>(now)};
  // Mid last month (so last quarter's review has it when the month opens a quarter), and today.
  TimePoint past = TimePoint(std::chrono::sys_days{ymd.year() / ymd.month() / 1} - days(12));
  domain::FeedIncident storage_outage{
      .id = "nim-inc-2291",
      .name = "Elevated error rates on object storage",
      .status = "resolved",
      .impact = "major",
      .created_at = FormatRfc3339(past),
      .resolved_at = FormatRfc3339(past + hours(19)),
      .updates = {
          {.status = "resolved", .body = "Fixed.", .created_at = FormatRfc3339(past + hours(19))},
          {.status = "identified",
           .body = "A faulty storage node.",
           .created_at = FormatRfc3339(past + hours(6) + std::chrono::minutes(30))}}};
  domain::FeedIncident eu_latency{.id = "nim-inc-2318",
                                  .name = "Degraded performance in the EU region",
                                  .status = "monitoring",
                                  .impact = "minor",
                                  .created_at = FormatRfc3339(now - hours(2)),
                                  .updates = {{.status = "monitoring",
                                               .body = "A fix is rolling out.",
                                               .created_at = FormatRfc3339(now - hours(1))}}};
  domain::StatusFeed feed{.page_id = "nimbus",
                          .page_name = "Nimbus Cloud Hosting",
                          .indicator = "minor",
                          .description = "Minor Service Outage",
                          .incidents = {storage_outage, eu_latency}};
  auto r = rt.log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
    auto polled =
        storage::RecordFeedPoll(c, party_id, Result<domain::StatusFeed>(feed), profile.reviews);
    if (!polled.ok()) return std::move(polled).error();
    auto row = c.tx().QueryOne(
        "SELECT object_id FROM vendor_incidents WHERE party_id = ? AND incident_id = ?",
        {party_id, storage_outage.id});
    if (!row.ok()) return std::move(row).error();
    if (!row->has_value()) return json::value(nullptr);
    auto assessed = storage::AssessVendorIncident(
        c, domain::Actor{"demo", "security_officer"}, false, (*row)->Text(0),
        json::object{{"impact", "degraded"},
                     {"note",
                      "Appointment reminders queued for six hours; no PHI left the vendor. Ask "
                      "Nimbus for its root-cause report."}},
        profile.reviews);
    if (!assessed.ok()) return std::move(assessed).error();
    return json::value(std::move(*assessed));
  });
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

}  // namespace accord::app
