#include "accord/storage/vendor_sla_review.h"

#include <boost/json.hpp>
#include <chrono>
#include <string_view>
#include <vector>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/status.h"
#include "accord/storage/vendor_sla.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

// "2026-Q4" and its months "2026-10" … as vendor_sla_breaches names periods.
std::vector<std::string> PeriodNames(TimePoint start) {
  using namespace std::chrono;
  year_month_day ymd{floor<days>(start)};
  year_month first = ymd.year() / ymd.month();
  std::vector<std::string> out = {std::to_string(static_cast<int>(ymd.year())) + "-Q" +
                                  std::to_string((static_cast<unsigned>(ymd.month()) - 1) / 3 + 1)};
  for (int i = 0; i < 3; ++i) {
    year_month m = first + months{i};
    out.push_back(DayString(sys_days{m / 1}.time_since_epoch().count()).substr(0, 7));
  }
  return out;
}

json::value TextOrNull(const std::string& s) {
  return s.empty() ? json::value(nullptr) : json::value(s);
}

Result<json::array> Breaches(Tx& tx, const std::string& party_id,
                             const std::vector<std::string>& periods) {
  json::array out;
  auto rows = tx.Query(
      "SELECT period, term, finding_id FROM vendor_sla_breaches WHERE party_id = ? AND period IN "
      "(?, ?, ?, ?) ORDER BY period, term",
      {party_id, periods[0], periods[1], periods[2], periods[3]});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& r : *rows) {
    json::object b{{"period", r.Text(0)}, {"term", r.Text(1)},   {"finding_id", r.Text(2)},
                   {"title", nullptr},    {"severity", nullptr}, {"status", nullptr},
                   {"due_at", nullptr}};
    auto f = GetObject(tx, "finding", r.Text(2), Scope{});
    if (!f.ok()) return std::move(f).error();
    if (f->has_value()) {
      const json::object& doc = (*f)->doc;
      b["title"] = StateString(doc, "title");
      b["severity"] = StateString(doc, "severity");
      b["status"] = StateString(doc, "status");
      b["due_at"] = TextOrNull(StateString(doc, "due_at"));
    }
    out.push_back(std::move(b));
  }
  return out;
}

// The vendor's incidents that began in the quarter (its times carry any offset: parsed).
Result<json::array> Incidents(Tx& tx, const std::string& party_id, TimePoint start, TimePoint end) {
  struct Seen {
    std::string incident_id, name, impact, status, created_at, finding_id, object_id;
  };
  std::vector<Seen> seen;
  auto rows = tx.Query(
      "SELECT incident_id, name, impact, status, created_at, finding_id, object_id FROM "
      "vendor_incidents WHERE party_id = ? ORDER BY created_at LIMIT 5000",
      {party_id});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& r : *rows) {
    auto at = ParseRfc3339(r.Text(4));
    if (!at.ok() || *at < start || *at >= end) continue;
    seen.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6)});
  }
  json::array out;
  for (const auto& s : seen) {
    json::object i{{"id", TextOrNull(s.object_id)},
                   {"incident_id", s.incident_id},
                   {"name", s.name},
                   {"vendor_impact", s.impact},
                   {"vendor_status", s.status},
                   {"started_at", s.created_at},
                   {"assessment_status", nullptr},
                   {"our_impact", nullptr},
                   {"finding_id", TextOrNull(s.finding_id)}};
    if (!s.object_id.empty()) {
      auto o = GetObject(tx, "vendor_incident", s.object_id, Scope{});
      if (!o.ok()) return std::move(o).error();
      if (o->has_value()) {
        const json::object& doc = (*o)->doc;
        i["assessment_status"] = StateString(doc, "status");
        i["our_impact"] = TextOrNull(StateString(doc, "impact"));
        i["finding_id"] = TextOrNull(StateString(doc, "finding_id"));
      }
    }
    out.push_back(std::move(i));
  }
  return out;
}

}  // namespace

Result<json::object> VendorSlaQuarterReview(Tx& tx, TimePoint start, TimePoint end,
                                            const std::string& label, TimePoint now) {
  const std::vector<std::string> periods = PeriodNames(start);
  const int64_t start_day = DayOf(start), end_day = DayOf(end);
  const bool complete = now >= end;
  // Parties whose SLA the vendor inventory names, by name.
  std::vector<std::pair<std::string, std::string>> parties;
  auto rows = tx.Query(
      "SELECT i.party_id, o.doc FROM rm_party_inventory i JOIN rm_objects o ON o.kind = 'party' "
      "AND o.id = i.party_id AND o.to_idx = ? WHERE i.sla_id IS NOT NULL AND i.sla_id <> '' "
      "ORDER BY i.name_lc, i.party_id",
      {kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& r : *rows) {
    auto doc = domain::ParseStateDoc(r.Text(1));
    parties.emplace_back(r.Text(0), doc ? StateString(*doc, "name") : "");
  }
  json::array out;
  int64_t met = 0, missed = 0, unmeasured = 0, breaches_total = 0, incidents_total = 0;
  for (const auto& [party_id, name] : parties) {
    auto terms = VendorSlaTerms(tx, party_id);
    if (!terms.ok()) return std::move(terms).error();
    if (terms->is_null()) continue;
    auto attainment = VendorSlaPeriod(tx, party_id, periods[0], start_day, end_day, complete);
    if (!attainment.ok()) return std::move(attainment).error();
    for (const auto& [term, value] : attainment->at("met").as_object()) {
      (void)term;
      if (value.is_bool()) {
        (value.as_bool() ? met : missed)++;
      } else {
        ++unmeasured;
      }
    }
    auto breaches = Breaches(tx, party_id, periods);
    if (!breaches.ok()) return std::move(breaches).error();
    auto incidents = Incidents(tx, party_id, start, end);
    if (!incidents.ok()) return std::move(incidents).error();
    breaches_total += static_cast<int64_t>(breaches->size());
    incidents_total += static_cast<int64_t>(incidents->size());
    out.push_back(json::object{{"party_id", party_id},
                               {"name", name},
                               {"terms", std::move(*terms)},
                               {"attainment", std::move(*attainment)},
                               {"breaches", std::move(*breaches)},
                               {"vendor_incidents", std::move(*incidents)}});
  }
  json::object summary{{"parties", out.size()},      {"terms_met", met},
                       {"terms_missed", missed},     {"terms_unmeasured", unmeasured},
                       {"breaches", breaches_total}, {"vendor_incidents", incidents_total}};
  return json::object{{"quarter", label},
                      {"from", FormatRfc3339(start)},
                      {"to", FormatRfc3339(end)},
                      {"complete", complete},
                      {"at", FormatRfc3339(now)},
                      {"parties", std::move(out)},
                      {"summary", std::move(summary)}};
}

}  // namespace accord::storage
