#include "accord/storage/vendor_sla.h"

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <set>

#include "accord/core/net_address.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/reviews.h"
#include "accord/storage/status.h"
#include "accord/storage/vendor_incidents.h"

namespace accord::storage {

namespace json = boost::json;
using domain::FieldSpec;
using domain::FieldType;
using domain::StateString;

namespace {

int64_t Seconds(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

double Round3(double v) { return std::round(v * 1000) / 1000; }

Result<std::string> PartyName(Tx& tx, const std::string& party_id) {
  auto party = GetObject(tx, "party", party_id, Scope{});
  if (!party.ok()) return std::move(party).error();
  if (!party->has_value()) return NotFound("party " + party_id);
  return StateString((*party)->doc, "name");
}

struct Terms {
  std::optional<double> uptime, response, resolution;
  bool any() const { return uptime || response || resolution; }
};

// The measurable terms of the party's SLA in force (rm_party_inventory names it).
Result<Terms> SlaTerms(Tx& tx, const std::string& party_id) {
  Terms t;
  auto row = tx.QueryOne("SELECT sla_id FROM rm_party_inventory WHERE party_id = ?", {party_id});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value() || (*row)->IsNull(0) || (*row)->Text(0).empty()) return t;
  auto agreement = GetObject(tx, "agreement", (*row)->Text(0), Scope{});
  if (!agreement.ok()) return std::move(agreement).error();
  if (!agreement->has_value()) return t;
  const json::value* sla = (*agreement)->doc.if_contains("sla");
  if (!sla || !sla->is_object()) return t;
  auto num = [&](const char* key) -> std::optional<double> {
    const json::value* v = sla->as_object().if_contains(key);
    if (!v || !v->is_number()) return std::nullopt;
    return v->to_number<double>();
  };
  t.uptime = num("uptime_percent");
  t.response = num("response_hours");
  t.resolution = num("resolution_hours");
  return t;
}

struct Period {
  std::string name;
  int64_t start_day = 0, end_day = 0;  // [start, end)
  bool complete = false;
};

std::vector<Period> Periods(TimePoint now) {
  using namespace std::chrono;
  const int64_t today = DayOf(now);
  year_month_day ymd{sys_days{days{today}}};
  auto month_start = [](year_month ym) { return sys_days{ym / 1}.time_since_epoch().count(); };
  year_month this_month = ymd.year() / ymd.month();
  year_month last_month = this_month - months{1};
  unsigned q_first = (static_cast<unsigned>(ymd.month()) - 1) / 3 * 3 + 1;
  year_month this_q = ymd.year() / month{q_first};
  year_month last_q = this_q - months{3};
  auto qname = [](year_month ym) {
    return std::to_string(static_cast<int>(ym.year())) + "-Q" +
           std::to_string((static_cast<unsigned>(ym.month()) - 1) / 3 + 1);
  };
  auto mname = [&](year_month ym) { return DayString(month_start(ym)).substr(0, 7); };
  return {
      {mname(this_month), month_start(this_month), month_start(this_month + months{1}), false},
      {mname(last_month), month_start(last_month), month_start(this_month), true},
      {qname(this_q), month_start(this_q), month_start(this_q + months{3}), false},
      {qname(last_q), month_start(last_q), month_start(this_q), true},
  };
}

std::string DayStart(int64_t day) { return DayString(day) + "T00:00:00.000Z"; }

std::optional<double> HoursBetween(const std::string& from, const std::string& to) {
  auto a = ParseRfc3339(from);
  auto b = ParseRfc3339(to);
  if (!a.ok() || !b.ok() || *b < *a) return std::nullopt;
  return std::chrono::duration<double, std::ratio<3600>>(*b - *a).count();
}

Status UpsertMeasurement(Tx& tx, const std::string& party_id, const std::string& metric,
                         const std::string& ref, const std::string& at, double value,
                         const std::string& source) {
  auto n = tx.Exec(
      "INSERT INTO vendor_measurements(party_id, metric, ref, at, value, source) VALUES "
      "(?, ?, ?, ?, ?, ?) ON CONFLICT(party_id, metric, ref) DO UPDATE SET at = excluded.at, "
      "value = excluded.value, source = excluded.source",
      {party_id, metric, ref, at, value, source});
  if (!n.ok()) return std::move(n).error();
  return Ok();
}

json::value Num(const std::optional<double>& v) {
  return v ? json::value(Round3(*v)) : json::value(nullptr);
}

json::value Met(const std::optional<double>& measured, const std::optional<double>& term,
                bool higher_is_better) {
  if (!measured || !term) return nullptr;
  return higher_is_better ? *measured + 1e-9 >= *term : *measured <= *term + 1e-9;
}

VendorFeed FeedFromRow(const Row& r) {
  VendorFeed f;
  f.party_id = r.Text(0);
  f.url = r.Text(1);
  boost::system::error_code ec;
  json::value ids = json::parse(r.Text(2), ec);
  if (!ec && ids.is_array()) {
    for (const auto& v : ids.as_array()) {
      if (v.is_string()) f.component_ids.emplace_back(v.as_string());
    }
  }
  f.interval_s = r.Int(3);
  f.next_poll_at = r.Int(4);
  f.last_polled_at = r.Text(5);
  f.last_ok_at = r.Text(6);
  f.last_error = r.Text(7);
  f.indicator = r.Text(8);
  return f;
}

constexpr const char* kFeedColumns =
    "party_id, url, component_ids, interval_s, next_poll_at, last_polled_at, last_ok_at, "
    "last_error, indicator";

json::object FeedJson(const VendorFeed& f) {
  json::array ids;
  for (const auto& id : f.component_ids) ids.push_back(json::value(id));
  auto opt = [](const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); };
  return json::object{{"party_id", f.party_id},
                      {"url", f.url},
                      {"component_ids", ids},
                      {"interval_s", f.interval_s},
                      {"last_polled_at", opt(f.last_polled_at)},
                      {"last_ok_at", opt(f.last_ok_at)},
                      {"last_error", f.last_error},
                      {"indicator", f.indicator}};
}

}  // namespace

const std::vector<FieldSpec>& VendorFeedFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "url",
       .required = true,
       .max_length = 2000,
       .description =
           "its Statuspage v2 summary, e.g. https://status.example.com/api/v2/summary.json"},
      {.name = "component_ids",
       .type = FieldType::kStringList,
       .max_length = 100,
       .description = "the vendor's components we depend on (none: all)"},
      {.name = "interval_s", .type = FieldType::kInt, .min = 60, .max = 86400}};
  return kFields;
}

Result<json::object> SetVendorFeed(CommandContext& c, const domain::Actor& actor,
                                   const std::string& party_id, const json::object& body,
                                   bool allow_private) {
  json::object out;
  std::vector<ErrorDetail> details;
  domain::ValidateFields(VendorFeedFields(), body, false, "", out, details);
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  std::string url = StateString(out, "url");
  if (!url.starts_with("https://") && !url.starts_with("http://")) {
    return ValidationError("url", "must be an https:// URL");
  }
  if (!allow_private && IsPrivateHostLiteral(HostOfTarget(url))) {
    return ValidationError("url",
                           "is a loopback or private address; feeds may not be read from them "
                           "unless [status] allow_private_targets is set");
  }
  auto name = PartyName(c.tx(), party_id);
  if (!name.ok()) return std::move(name).error();
  json::array ids;
  if (const json::value* v = out.if_contains("component_ids"); v && v->is_array())
    ids = v->as_array();
  int64_t interval = 300;
  if (const json::value* v = out.if_contains("interval_s"); v && v->is_int64())
    interval = v->as_int64();
  std::string now = FormatRfc3339(c.Now());
  auto n = c.tx().Exec(
      "INSERT INTO vendor_feeds(party_id, url, component_ids, interval_s, next_poll_at, "
      "last_polled_at, last_ok_at, last_error, indicator, created_at) VALUES (?, ?, ?, ?, 0, "
      "'', '', '', '', ?) ON CONFLICT(party_id) DO UPDATE SET url = excluded.url, component_ids "
      "= excluded.component_ids, interval_s = excluded.interval_s, next_poll_at = 0",
      {party_id, url, json::serialize(ids), interval, now});
  if (!n.ok()) return std::move(n).error();
  json::object payload{
      {"party_id", party_id}, {"url", url}, {"component_ids", ids}, {"interval_s", interval}};
  auto index = c.Append(domain::Event{.type = "vendor_feed.configured",
                                      .actor = actor,
                                      .subject = {"party", party_id},
                                      .payload = payload});
  if (!index.ok()) return std::move(index).error();
  auto feed = GetVendorFeed(c.tx(), party_id);
  if (!feed.ok()) return std::move(feed).error();
  return FeedJson(**feed);
}

Result<std::optional<VendorFeed>> GetVendorFeed(Tx& tx, const std::string& party_id) {
  auto row = tx.QueryOne(
      "SELECT " + std::string(kFeedColumns) + " FROM vendor_feeds WHERE party_id = ?", {party_id});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<VendorFeed>();
  return std::optional<VendorFeed>(FeedFromRow(**row));
}

Result<std::vector<VendorFeed>> DueVendorFeeds(Tx& tx, TimePoint now, size_t limit) {
  std::vector<VendorFeed> out;
  ACCORD_TRY(tx.ForEach("SELECT " + std::string(kFeedColumns) +
                            " FROM vendor_feeds WHERE next_poll_at <= ? ORDER BY next_poll_at, "
                            "party_id",
                        {Seconds(now)}, [&](const Row& r) {
                          out.push_back(FeedFromRow(r));
                          return out.size() < limit;
                        }));
  return out;
}

Result<int> RecordFeedPoll(CommandContext& c, const std::string& party_id,
                           const Result<domain::StatusFeed>& feed,
                           const policy::ReviewsPolicy& policy) {
  Tx& tx = c.tx();
  auto current = GetVendorFeed(tx, party_id);
  if (!current.ok()) return std::move(current).error();
  if (!current->has_value()) return 0;
  const VendorFeed& f = **current;
  const TimePoint now = c.Now();
  const std::string at = FormatRfc3339(now);
  if (!feed.ok()) {
    auto n = tx.Exec(
        "UPDATE vendor_feeds SET last_polled_at = ?, last_error = ?, next_poll_at = ? WHERE "
        "party_id = ?",
        {at, feed.error().message.substr(0, 500), Seconds(now) + f.interval_s, party_id});
    if (!n.ok()) return std::move(n).error();
    return 0;
  }
  std::set<std::string> deps(f.component_ids.begin(), f.component_ids.end());
  auto touches = [&](const std::vector<std::string>& ids) {
    if (deps.empty()) return true;
    return std::any_of(ids.begin(), ids.end(), [&](const auto& id) { return deps.contains(id); });
  };
  bool up = true;
  for (const auto& comp : feed->components) {
    if (comp.group || (!deps.empty() && !deps.contains(comp.id))) continue;
    if (comp.status != "operational" && comp.status != "under_maintenance") up = false;
  }
  auto n = tx.Exec(
      "INSERT INTO vendor_samples(party_id, minute, ok) VALUES (?, ?, ?) ON CONFLICT(party_id, "
      "minute) DO UPDATE SET ok = CASE WHEN excluded.ok < vendor_samples.ok THEN excluded.ok "
      "ELSE vendor_samples.ok END",
      {party_id, MinuteOf(now), int64_t{up ? 1 : 0}});
  if (!n.ok()) return std::move(n).error();
  n = tx.Exec(
      "UPDATE vendor_feeds SET last_polled_at = ?, last_ok_at = ?, last_error = '', indicator = "
      "?, next_poll_at = ? WHERE party_id = ?",
      {at, at, feed->indicator, Seconds(now) + f.interval_s, party_id});
  if (!n.ok()) return std::move(n).error();

  int opened = 0;
  for (const auto& incident : feed->incidents) {
    if (incident.id.empty() || !touches(incident.component_ids)) continue;
    // How long the vendor took to respond (its first update past "investigating") and resolve.
    std::string responded;
    for (const auto& u : incident.updates) {
      if (u.status != "investigating" && !u.created_at.empty() &&
          (responded.empty() || u.created_at < responded)) {
        responded = u.created_at;
      }
    }
    if (auto h = HoursBetween(incident.created_at, responded)) {
      ACCORD_TRY(UpsertMeasurement(tx, party_id, "response_hours", incident.id, incident.created_at,
                                   *h, "feed"));
    }
    if (auto h = HoursBetween(incident.created_at, incident.resolved_at)) {
      ACCORD_TRY(UpsertMeasurement(tx, party_id, "resolution_hours", incident.id,
                                   incident.created_at, *h, "feed"));
    }
    auto seen = tx.QueryOne(
        "SELECT object_id, status FROM vendor_incidents WHERE party_id = ? AND incident_id = ?",
        {party_id, incident.id});
    if (!seen.ok()) return std::move(seen).error();
    if (seen->has_value()) {
      if ((*seen)->Text(1) == incident.status) continue;
      auto u =
          tx.Exec("UPDATE vendor_incidents SET status = ? WHERE party_id = ? AND incident_id = ?",
                  {incident.status, party_id, incident.id});
      if (!u.ok()) return std::move(u).error();
      // Incidents seen before they were objects (migration 23) have none to follow.
      if (!(*seen)->Text(0).empty()) {
        ACCORD_TRY(FollowVendorIncident(c, (*seen)->Text(0), incident));
      }
      continue;
    }
    // The officer assesses it; a finding follows only if the assessment asks for one.
    auto object_id = OpenVendorIncident(c, party_id, incident);
    if (!object_id.ok()) return std::move(object_id).error();
    auto ins = tx.Exec(
        "INSERT INTO vendor_incidents(party_id, incident_id, name, impact, status, created_at, "
        "finding_id, object_id) VALUES (?, ?, ?, ?, ?, ?, '', ?)",
        {party_id, incident.id, incident.name.substr(0, 500), incident.impact, incident.status,
         incident.created_at, *object_id});
    if (!ins.ok()) return std::move(ins).error();
    ++opened;
  }
  auto breaches = CheckSlaBreaches(c, party_id, policy);
  if (!breaches.ok()) return std::move(breaches).error();
  return opened + *breaches;
}

Result<json::object> RecordSlaMeasurements(CommandContext& c, const domain::Actor& actor,
                                           const std::string& party_id, const json::object& body,
                                           const policy::ReviewsPolicy& policy) {
  auto name = PartyName(c.tx(), party_id);
  if (!name.ok()) return std::move(name).error();
  const json::value* items = body.if_contains("items");
  if (!items || !items->is_array() || items->as_array().empty() ||
      items->as_array().size() > 1000) {
    return ValidationError("items", "must be a list of 1 to 1,000 measurements");
  }
  for (const auto& [key, v] : body) {
    if (key != "items") return ValidationError(std::string(key), "unknown field");
  }
  static const std::vector<FieldSpec> kItem = {
      {.name = "metric",
       .type = FieldType::kEnum,
       .required = true,
       .values = {"uptime_percent", "response_hours", "resolution_hours"}},
      {.name = "at", .type = FieldType::kTime, .required = true},
      {.name = "value", .type = FieldType::kNumber, .required = true, .min = 0, .max = 8760},
      {.name = "ref", .max_length = 200, .description = "the vendor's id of the incident or day"}};
  std::vector<ErrorDetail> details;
  std::vector<json::object> parsed;
  const json::array& list = items->as_array();
  for (size_t i = 0; i < list.size(); ++i) {
    std::string prefix = "items[" + std::to_string(i) + "]";
    if (!list[i].is_object()) {
      details.push_back({prefix, "must be an object", {}});
      continue;
    }
    json::object out;
    domain::ValidateFields(kItem, list[i].as_object(), false, prefix, out, details);
    if (StateString(out, "metric") == "uptime_percent") {
      const json::value* v = out.if_contains("value");
      if (v && v->is_number() && v->to_number<double>() > 100) {
        details.push_back({prefix + ".value", "an uptime is a percentage (0 to 100)", {}});
      }
    }
    parsed.push_back(std::move(out));
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  for (const auto& m : parsed) {
    std::string at = StateString(m, "at");
    std::string ref = StateString(m, "ref");
    ACCORD_TRY(UpsertMeasurement(c.tx(), party_id, StateString(m, "metric"),
                                 ref.empty() ? "at:" + at : ref, at,
                                 m.at("value").to_number<double>(), "pushed"));
  }
  auto index = c.Append(
      domain::Event{.type = "vendor_sla.measurements_recorded",
                    .actor = actor,
                    .subject = {"party", party_id},
                    .payload = json::object{{"party_id", party_id}, {"count", parsed.size()}}});
  if (!index.ok()) return std::move(index).error();
  auto breaches = CheckSlaBreaches(c, party_id, policy);
  if (!breaches.ok()) return std::move(breaches).error();
  return json::object{{"recorded", parsed.size()}, {"findings_opened", *breaches}};
}

Result<json::object> VendorSlaPeriod(Tx& tx, const std::string& party_id, const std::string& name,
                                     int64_t start_day, int64_t end_day, bool complete) {
  auto terms = SlaTerms(tx, party_id);
  if (!terms.ok()) return std::move(terms).error();
  std::optional<double> uptime, response, resolution;
  auto s = tx.QueryOne(
      "SELECT CAST(SUM(ok) AS BIGINT), COUNT(*) FROM vendor_samples WHERE party_id = ? AND "
      "minute >= ? AND minute < ?",
      {party_id, start_day * 1440, end_day * 1440});
  if (!s.ok()) return std::move(s).error();
  if (s->has_value() && (*s)->Int(1) > 0) {
    uptime = 100.0 * static_cast<double>((*s)->Int(0)) / static_cast<double>((*s)->Int(1));
  }
  std::string from = DayStart(start_day), to = DayStart(end_day);
  Status st = tx.ForEach(
      "SELECT metric, AVG(value), MAX(value) FROM vendor_measurements WHERE party_id = ? AND "
      "at >= ? AND at < ? GROUP BY metric ORDER BY metric",
      {party_id, from, to}, [&](const Row& r) {
        // Its own figures and what its feed showed: the worse of the two counts.
        if (r.Text(0) == "uptime_percent")
          uptime = uptime ? std::min(*uptime, r.Real(1)) : r.Real(1);
        if (r.Text(0) == "response_hours") response = r.Real(2);
        if (r.Text(0) == "resolution_hours") resolution = r.Real(2);
        return true;
      });
  if (!st.ok()) return std::move(st).error();
  return json::object{
      {"period", name},
      {"complete", complete},
      {"uptime_percent", Num(uptime)},
      {"worst_response_hours", Num(response)},
      {"worst_resolution_hours", Num(resolution)},
      {"met", json::object{{"uptime", Met(uptime, terms->uptime, true)},
                           {"response", Met(response, terms->response, false)},
                           {"resolution", Met(resolution, terms->resolution, false)}}}};
}

Result<json::value> VendorSlaTerms(Tx& tx, const std::string& party_id) {
  auto terms = SlaTerms(tx, party_id);
  if (!terms.ok()) return std::move(terms).error();
  if (!terms->any()) return json::value(nullptr);
  return json::value(json::object{{"uptime_percent", Num(terms->uptime)},
                                  {"response_hours", Num(terms->response)},
                                  {"resolution_hours", Num(terms->resolution)}});
}

Result<json::object> VendorSlaView(Tx& tx, const std::string& party_id, TimePoint now) {
  auto terms = VendorSlaTerms(tx, party_id);
  if (!terms.ok()) return std::move(terms).error();
  auto feed = GetVendorFeed(tx, party_id);
  if (!feed.ok()) return std::move(feed).error();
  json::array periods;
  for (const auto& p : Periods(now)) {
    auto period = VendorSlaPeriod(tx, party_id, p.name, p.start_day, p.end_day, p.complete);
    if (!period.ok()) return std::move(period).error();
    periods.push_back(std::move(*period));
  }
  json::array incidents;
  ACCORD_TRY(
      tx.ForEach("SELECT incident_id, name, impact, status, created_at, finding_id, object_id FROM "
                 "vendor_incidents "
                 "WHERE party_id = ? ORDER BY created_at DESC LIMIT 50",
                 {party_id}, [&](const Row& r) {
                   incidents.push_back(json::object{{"id", r.Text(0)},
                                                    {"name", r.Text(1)},
                                                    {"impact", r.Text(2)},
                                                    {"status", r.Text(3)},
                                                    {"created_at", r.Text(4)},
                                                    {"finding_id", r.Text(5)},
                                                    {"vendor_incident_id", r.Text(6)}});
                   return true;
                 }));
  // Where our assessment stands: the object's state (older incidents have none).
  for (auto& iv : incidents) {
    json::object& item = iv.as_object();
    item["assessment_status"] = nullptr;
    item["our_impact"] = nullptr;
    std::string object_id = StateString(item, "vendor_incident_id");
    if (object_id.empty()) continue;
    auto o = GetObject(tx, "vendor_incident", object_id, Scope{});
    if (!o.ok()) return std::move(o).error();
    if (!o->has_value()) continue;
    item["assessment_status"] = StateString((*o)->doc, "status");
    std::string impact = StateString((*o)->doc, "impact");
    if (!impact.empty()) item["our_impact"] = impact;
    std::string finding = StateString((*o)->doc, "finding_id");
    if (!finding.empty()) item["finding_id"] = finding;
  }
  // Daily uptime for the chart: the last 90 days measured.
  json::array daily;
  const int64_t today = DayOf(now);
  ACCORD_TRY(tx.ForEach(
      "SELECT minute / 1440, CAST(SUM(ok) AS BIGINT), COUNT(*) FROM vendor_samples WHERE "
      "party_id = ? AND minute >= ? GROUP BY minute / 1440 ORDER BY 1",
      {party_id, (today - 89) * 1440}, [&](const Row& r) {
        daily.push_back(json::object{
            {"day", DayString(r.Int(0))},
            {"uptime_percent",
             Round3(100.0 * static_cast<double>(r.Int(1)) / static_cast<double>(r.Int(2)))}});
        return true;
      }));
  return json::object{{"party_id", party_id},
                      {"terms", std::move(*terms)},
                      {"feed", feed->has_value() ? json::value(FeedJson(**feed)) : nullptr},
                      {"periods", periods},
                      {"incidents", incidents},
                      {"daily", daily}};
}

Result<int> CheckSlaBreaches(CommandContext& c, const std::string& party_id,
                             const policy::ReviewsPolicy& policy) {
  Tx& tx = c.tx();
  auto terms = SlaTerms(tx, party_id);
  if (!terms.ok()) return std::move(terms).error();
  if (!terms->any()) return 0;
  auto view = VendorSlaView(tx, party_id, c.Now());
  if (!view.ok()) return std::move(view).error();
  auto name = PartyName(tx, party_id);
  if (!name.ok()) return std::move(name).error();
  int opened = 0;
  for (const auto& pv : view->at("periods").as_array()) {
    const json::object& p = pv.as_object();
    const bool complete = p.at("complete").as_bool();
    const std::string period(p.at("period").as_string());
    struct Term {
      const char* key;
      const char* measured;
      std::optional<double> term;
      const char* words;
    } list[] = {{"uptime", "uptime_percent", terms->uptime, "uptime"},
                {"response", "worst_response_hours", terms->response, "response time"},
                {"resolution", "worst_resolution_hours", terms->resolution, "resolution time"}};
    for (const auto& t : list) {
      const json::value& met = p.at("met").as_object().at(t.key);
      // An uptime is judged when its month or quarter is over; a late response or resolution at
      // once, and once (its month's), not again for its quarter.
      const bool uptime_term = std::string_view(t.key) == "uptime";
      const bool quarter = period.find("-Q") != std::string::npos;
      if (!met.is_bool() || met.as_bool() || (uptime_term && !complete) ||
          (!uptime_term && quarter)) {
        continue;
      }
      auto seen = tx.QueryOne(
          "SELECT finding_id FROM vendor_sla_breaches WHERE party_id = ? AND period = ? AND "
          "term = ?",
          {party_id, period, std::string(t.key)});
      if (!seen.ok()) return std::move(seen).error();
      if (seen->has_value()) continue;
      char measured[64], promised[64];
      std::snprintf(measured, sizeof measured, "%.3g", p.at(t.measured).to_number<double>());
      std::snprintf(promised, sizeof promised, "%.4g", *t.term);
      const bool uptime = uptime_term;
      NewFinding finding{
          .title = *name + " missed its SLA's " + t.words + " in " + period,
          .description = std::string("Measured ") + measured + (uptime ? " %" : " hours") +
                         " against the agreed " + promised + (uptime ? " %" : " hours") +
                         ". Ask the vendor for its remediation and consider the SLA's remedies.",
          .severity = "medium",
          .party_id = party_id,
          .source_kind = "vendor_sla",
          .source_id = party_id,
          .rule = std::string("sla_") + t.key};
      auto f = OpenFinding(c, domain::SystemActor(), finding, policy);
      if (!f.ok()) return std::move(f).error();
      auto ins = tx.Exec(
          "INSERT INTO vendor_sla_breaches(party_id, period, term, finding_id) VALUES (?, ?, ?, "
          "?)",
          {party_id, period, std::string(t.key), StateString(*f, "id")});
      if (!ins.ok()) return std::move(ins).error();
      ++opened;
    }
  }
  return opened;
}

}  // namespace accord::storage
