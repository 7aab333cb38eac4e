#include "accord/storage/dashboard.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/registry_store.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

// A date ("2027-03-01") or an RFC 3339 time; nullopt when neither.
std::optional<TimePoint> ParseWhen(const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto t = ParseRfc3339(text.size() == 10 ? text + "T00:00:00Z" : text);
  if (!t.ok()) return std::nullopt;
  return *t;
}

int64_t DaysLeft(TimePoint when, TimePoint now) {
  auto hours = std::chrono::duration_cast<std::chrono::hours>(when - now).count();
  return hours >= 0 ? hours / 24 : -((-hours + 23) / 24);
}

// The live objects of `kind` in `status`, with the names of their parties.
struct Live {
  std::string id, party_id;
  json::object doc;
};
Result<std::vector<Live>> LiveObjects(Tx& tx, const char* kind, const char* status) {
  auto rows = tx.Query(
      "SELECT id, party_id, doc FROM rm_objects WHERE kind = ? AND to_idx = ? "
      "AND status = ?",
      {std::string(kind), kOpenVersion, std::string(status)});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<Live> out;
  for (const auto& r : *rows) {
    auto doc = domain::ParseStateDoc(r.Text(2));
    if (doc) out.push_back({r.Text(0), r.Text(1), std::move(*doc)});
  }
  return out;
}

Result<std::string> PartyName(Tx& tx, std::map<std::string, std::string>& cache,
                              const std::string& id) {
  auto it = cache.find(id);
  if (it != cache.end()) return it->second;
  auto party = GetObject(tx, "party", id, Scope{});
  if (!party.ok()) return std::move(party).error();
  std::string name = party->has_value() ? StateString((*party)->doc, "name") : "";
  cache.emplace(id, name);
  return name;
}

// Objects whose `field` falls in [now, now + days), soonest first, as dashboard rows.
Result<json::array> RunningOut(Tx& tx, const char* kind, const char* status, const char* field,
                               int days, TimePoint now, std::map<std::string, std::string>& names,
                               std::initializer_list<const char*> copy) {
  auto live = LiveObjects(tx, kind, status);
  if (!live.ok()) return std::move(live).error();
  std::vector<std::pair<TimePoint, const Live*>> due;
  for (const auto& o : *live) {
    auto when = ParseWhen(StateString(o.doc, field));
    if (when && *when >= now && *when < now + std::chrono::days(days)) due.emplace_back(*when, &o);
  }
  std::sort(due.begin(), due.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  json::array out;
  for (const auto& [when, o] : due) {
    auto name = PartyName(tx, names, o->party_id);
    if (!name.ok()) return std::move(name).error();
    json::object row{{"id", o->id}, {"party_id", o->party_id}, {"party_name", *name}};
    for (const char* f : copy) row[f] = StateString(o->doc, f);
    row[field] = StateString(o->doc, field);
    row["days_left"] = DaysLeft(when, now);
    out.push_back(std::move(row));
  }
  return out;
}

std::string QuarterOf(const std::string& day) {  // "2026-08-14" -> "2026Q3"
  int month = std::stoi(day.substr(5, 2));
  return day.substr(0, 4) + "Q" + std::to_string((month - 1) / 3 + 1);
}

}  // namespace

Result<json::object> DashboardExtras(Tx& tx, TimePoint now) {
  std::map<std::string, std::string> names;
  auto agreements =
      RunningOut(tx, "agreement", "executed", "expires_at", 90, now, names, {"type", "status"});
  if (!agreements.ok()) return std::move(agreements).error();
  auto grants = RunningOut(tx, "grant", "approved", "end_at", 30, now, names, {"purpose"});
  if (!grants.ok()) return std::move(grants).error();

  // Reviews done on time / late by the quarter they were due: the last 8 quarters.
  std::string today = FormatRfc3339(now).substr(0, 10);
  int year = std::stoi(today.substr(0, 4));
  int quarter = (std::stoi(today.substr(5, 2)) - 1) / 3;  // 0..3
  std::vector<std::string> quarters;
  for (int i = 7; i >= 0; --i) {
    int q = year * 4 + quarter - i;
    quarters.push_back(std::to_string(q / 4) + "Q" + std::to_string(q % 4 + 1));
  }
  int first_q = year * 4 + quarter - 7;
  char first_day[16];
  std::snprintf(first_day, sizeof first_day, "%04d-%02d-01", first_q / 4, (first_q % 4) * 3 + 1);
  std::map<std::string, std::pair<int64_t, int64_t>> by_quarter;
  auto stats = tx.Query(
      "SELECT due_day, SUM(on_time), SUM(late) FROM rm_review_stats WHERE due_day >= ? "
      "GROUP BY due_day",
      {std::string(first_day)});
  if (!stats.ok()) return std::move(stats).error();
  for (const auto& r : *stats) {
    if (r.Text(0).size() < 10) continue;
    auto& q = by_quarter[QuarterOf(r.Text(0))];
    q.first += r.Int(1);
    q.second += r.Int(2);
  }
  json::array reviews;
  for (const auto& q : quarters) {
    reviews.push_back(json::object{
        {"quarter", q}, {"on_time", by_quarter[q].first}, {"late", by_quarter[q].second}});
  }

  // Findings opened and closed per month: the last 12 months.
  std::vector<std::string> months;
  int month_index = year * 12 + std::stoi(today.substr(5, 2)) - 1;
  for (int i = 11; i >= 0; --i) {
    int m = month_index - i;
    char label[8];
    std::snprintf(label, sizeof label, "%04d-%02d", m / 12, m % 12 + 1);
    months.emplace_back(label);
  }
  std::map<std::string, std::pair<int64_t, int64_t>> by_month;
  auto findings =
      tx.Query("SELECT doc FROM rm_objects WHERE kind = 'finding' AND to_idx = ?", {kOpenVersion});
  if (!findings.ok()) return std::move(findings).error();
  for (const auto& r : *findings) {
    auto doc = domain::ParseStateDoc(r.Text(0));
    if (!doc) continue;
    std::string created = StateString(*doc, "created_at");
    if (created.size() >= 7) ++by_month[created.substr(0, 7)].first;
    if (const json::value* res = doc->if_contains("resolution"); res && res->is_object()) {
      std::string closed = StateString(res->as_object(), "at");
      if (closed.size() >= 7) ++by_month[closed.substr(0, 7)].second;
    }
  }
  json::array monthly;
  for (const auto& m : months) {
    monthly.push_back(
        json::object{{"month", m}, {"opened", by_month[m].first}, {"closed", by_month[m].second}});
  }
  return json::object{{"agreements_expiring", std::move(*agreements)},
                      {"grants_ending", std::move(*grants)},
                      {"reviews_by_quarter", std::move(reviews)},
                      {"findings_by_month", std::move(monthly)}};
}

Result<std::vector<TimelineEntry>> PartyTimeline(Tx& tx, const std::string& party_id,
                                                 const std::vector<std::string>& kinds,
                                                 int64_t before, int64_t limit) {
  // The party's own events, then each object filed under it (by the rm_objects_party index).
  std::vector<TimelineEntry> out;
  auto add = [&](const std::string& kind, const std::string& id) -> Status {
    auto rows = tx.Query(
        "SELECT idx, type, time FROM rm_subject_events WHERE subject_kind = ? AND "
        "subject_id = ? AND idx < ? ORDER BY idx DESC LIMIT ?",
        {kind, id, before, limit});
    if (!rows.ok()) return std::move(rows).error();
    for (const auto& r : *rows) out.push_back({r.Int(0), r.Text(1), r.Text(2), kind, id});
    return Ok();
  };
  ACCORD_TRY(add("party", party_id));
  auto children =
      tx.Query("SELECT DISTINCT kind, id FROM rm_objects WHERE party_id = ? AND kind <> 'party'",
               {party_id});
  if (!children.ok()) return std::move(children).error();
  for (const auto& r : *children) {
    if (std::find(kinds.begin(), kinds.end(), r.Text(0)) == kinds.end()) continue;
    ACCORD_TRY(add(r.Text(0), r.Text(1)));
  }
  std::sort(out.begin(), out.end(),
            [](const TimelineEntry& a, const TimelineEntry& b) { return a.index > b.index; });
  if (out.size() > static_cast<size_t>(limit)) out.resize(static_cast<size_t>(limit));
  return out;
}

}  // namespace accord::storage
