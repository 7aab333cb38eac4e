#include "accord/storage/incident_response_tests.h"

#include <boost/json.hpp>

#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/workflow/incident.h"

namespace accord::storage {

namespace json = boost::json;
using domain::FieldSpec;
using domain::FieldType;
using domain::StateString;

namespace {

constexpr auto kInterval = std::chrono::days(365);

// The latest test's record, if any.
Result<std::optional<json::object>> Latest(Tx& tx) {
  auto row = tx.QueryOne(
      "SELECT state FROM incident_response_tests ORDER BY conducted_on DESC, id DESC LIMIT 1", {});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<json::object>();
  return domain::ParseStateDoc((*row)->Text(0));
}

std::optional<TimePoint> NextDue(const std::optional<json::object>& latest) {
  if (!latest) return std::nullopt;
  auto at = ParseRfc3339(StateString(*latest, "conducted_on"));
  if (!at.ok()) return std::nullopt;
  return *at + kInterval;
}

}  // namespace

const std::vector<FieldSpec>& IncidentResponseTestFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "conducted_on", .type = FieldType::kTime, .required = true},
      {.name = "scenario", .type = FieldType::kText, .required = true, .max_length = 4000},
      {.name = "participants",
       .type = FieldType::kStringList,
       .required = true,
       .max_length = 100,
       .description = "who took part, as people name them"},
      {.name = "outcome", .type = FieldType::kText, .required = true, .max_length = 8000},
      {.name = "lessons", .type = FieldType::kText, .max_length = 8000},
  };
  return kFields;
}

Result<json::object> RecordIncidentResponseTest(CommandContext& c, const domain::Actor& actor,
                                                const json::object& raw) {
  if (auto no = workflow::incident::RoleRefusal(actor.role)) return *no;
  json::object body;
  std::vector<ErrorDetail> details;
  domain::ValidateFields(IncidentResponseTestFields(), raw, false, "", body, details);
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  const std::string now = FormatRfc3339(c.Now());
  const std::string on = StateString(body, "conducted_on");
  if (on > now) return ValidationError("conducted_on", "must not be in the future");
  if (body.at("participants").as_array().empty()) {
    return ValidationError("participants", "must name at least one person");
  }
  const std::string id = NewId("irt", c.Now());
  json::object state{{"id", id},
                     {"conducted_on", on},
                     {"scenario", StateString(body, "scenario")},
                     {"participants", body.at("participants")},
                     {"outcome", StateString(body, "outcome")},
                     {"lessons", StateString(body, "lessons")},
                     {"recorded_by", domain::ActorJson(actor)},
                     {"created_at", now}};
  auto n = c.tx().Exec(
      "INSERT INTO incident_response_tests(id, conducted_on, state, created_at) VALUES (?, ?, ?, "
      "?)",
      {id, on, json::serialize(state), now});
  if (!n.ok()) return std::move(n).error();
  auto index = c.Append(domain::Event{.type = "incident_response_test.recorded",
                                      .actor = actor,
                                      .subject = {"incident_response_test", id},
                                      .payload = json::object{{"state", state}}});
  if (!index.ok()) return std::move(index).error();
  return state;
}

Result<json::object> ListIncidentResponseTests(Tx& tx) {
  json::array items;
  ACCORD_TRY(tx.ForEach(
      "SELECT state FROM incident_response_tests ORDER BY conducted_on DESC, id DESC LIMIT 500", {},
      [&](const Row& r) {
        if (auto s = domain::ParseStateDoc(r.Text(0))) items.push_back(std::move(*s));
        return true;
      }));
  auto latest = Latest(tx);
  if (!latest.ok()) return std::move(latest).error();
  auto due = NextDue(*latest);
  return json::object{
      {"items", std::move(items)},
      {"next_due_on", due ? json::value(FormatRfc3339(*due)) : json::value(nullptr)}};
}

Status IncidentResponseTestDue(Tx& tx, const CalendarWindow& w, std::vector<CalendarItem>& out) {
  auto latest = Latest(tx);
  if (!latest.ok()) return std::move(latest).error();
  auto due = NextDue(*latest);
  if (!due) return Ok();
  TimePoint day = std::chrono::floor<std::chrono::days>(*due);
  if (!w.Contains(day)) return Ok();
  const json::object& last = **latest;
  CalendarItem item{.uid = StateString(last, "id") + "-next@accord",
                    .kind = "incident_response_test",
                    .title = "Annual incident-response test due",
                    .at = day,
                    .all_day = true,
                    .link = "/app/incidents",
                    .status = day < w.now ? "overdue" : "due",
                    .detail = "The last one was on " + HumanDay(StateString(last, "conducted_on")) +
                              ": " + StateString(last, "scenario").substr(0, 200),
                    .sequence = 1};
  auto updated = ParseRfc3339(StateString(last, "created_at"));
  item.updated = updated.ok() ? *updated : w.now;
  out.push_back(std::move(item));
  return Ok();
}

}  // namespace accord::storage
