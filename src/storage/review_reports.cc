// The review dashboard and the quarterly SLA-review report (JSON, CSV, HTML).
#include "accord/storage/reviews.h"

#include "review_support.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>
#include <tuple>

#include "accord/core/ids.h"
#include "accord/core/rrule.h"
#include "accord/core/time.h"
#include "accord/domain/identity.h"
#include "accord/domain/registry.h"
#include "accord/domain/reviews.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/outbox.h"
#include "accord/storage/registry_store.h"
#include "accord/workflow/review.h"

namespace accord::storage {

namespace json = boost::json;
using domain::ActorJson;
using domain::StateString;
using namespace review_support;  // NOLINT: this file's own helpers

// --- dashboard and report ------------------------------------------------------------------

Result<json::object> ReviewDashboard(Tx& tx, TimePoint now) {
  std::string today = Day(now);
  std::string soon = Day(now + std::chrono::days(30));
  auto day_start = ParseRfc3339(today + "T00:00:00Z");
  if (!day_start.ok()) return std::move(day_start).error();
  std::string tomorrow = FormatRfc3339(*day_start + std::chrono::days(1));
  std::map<std::string, json::object> kinds;
  for (const auto& k : domain::ReviewKinds()) {
    kinds[k] = json::object{{"open", 0},
                            {"due_next_30_days", 0},
                            {"overdue", 0},
                            {"done_on_time", 0},
                            {"done_late", 0}};
  }
  auto add = [&](const std::string& kind, const char* key, int64_t n) {
    auto it = kinds.find(kind);
    if (it == kinds.end() || n == 0) return;
    it->second[key] = it->second[key].as_int64() + n;
  };
  // Whole days from the stats; today's open reviews one by one (before or after now).
  auto stats = tx.Query(
      "SELECT review_kind, "
      "SUM(open_count), "
      "SUM(CASE WHEN due_day < ? THEN open_count ELSE 0 END), "
      "SUM(CASE WHEN due_day > ? AND due_day <= ? THEN open_count ELSE 0 END), "
      "SUM(on_time), SUM(late) FROM rm_review_stats GROUP BY review_kind",
      {today, today, soon});
  if (!stats.ok()) return std::move(stats).error();
  for (const auto& r : *stats) {
    add(r.Text(0), "open", r.Int(1));
    add(r.Text(0), "overdue", r.Int(2));
    add(r.Text(0), "due_next_30_days", r.Int(3));
    add(r.Text(0), "done_on_time", r.Int(4));
    add(r.Text(0), "done_late", r.Int(5));
  }
  std::string now_text = FormatRfc3339(now);
  auto today_rows = tx.Query(
      "SELECT review_kind, SUM(CASE WHEN due_at < ? THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN due_at >= ? THEN 1 ELSE 0 END) FROM rm_reviews "
      "WHERE is_open = 1 AND overdue IN (0, 1) AND due_at >= ? AND due_at < ? "
      "GROUP BY review_kind",
      {now_text, now_text, today + "T00:00:00.000Z", tomorrow});
  if (!today_rows.ok()) return std::move(today_rows).error();
  for (const auto& r : *today_rows) {
    add(r.Text(0), "overdue", r.Int(1));
    add(r.Text(0), "due_next_30_days", r.Int(2));
  }
  json::object by_kind, totals{{"open", 0},
                               {"due_next_30_days", 0},
                               {"overdue", 0},
                               {"done_on_time", 0},
                               {"done_late", 0}};
  for (auto& [k, v] : kinds) {
    for (auto& [key, n] : v) totals[key] = totals[key].as_int64() + n.as_int64();
    by_kind[k] = std::move(v);
  }
  json::object severities{{"critical", 0}, {"high", 0}, {"medium", 0}, {"low", 0}};
  int64_t findings_overdue = 0;
  auto findings = tx.Query(
      "SELECT tag, COUNT(*), SUM(CASE WHEN doc LIKE '%\"overdue\":true%' THEN 1 ELSE 0 END) "
      "FROM rm_objects WHERE kind = 'finding' AND status IN ('open', 'acceptance_requested') "
      "AND to_idx = ? GROUP BY tag",
      {kOpenVersion});
  if (!findings.ok()) return std::move(findings).error();
  int64_t open_findings = 0;
  for (const auto& r : *findings) {
    if (severities.contains(r.Text(0))) severities[r.Text(0)] = r.Int(1);
    open_findings += r.Int(1);
    findings_overdue += r.Int(2);
  }
  return json::object{
      {"at", now_text},
      {"reviews", json::object{{"by_kind", std::move(by_kind)}, {"totals", std::move(totals)}}},
      {"findings", json::object{{"open", open_findings},
                                {"open_by_severity", std::move(severities)},
                                {"overdue", findings_overdue}}}};
}

Result<json::object> SlaReviewReport(Tx& tx, TimePoint start, TimePoint end,
                                     const std::string& label, TimePoint now) {
  std::string from = FormatRfc3339(start), to = FormatRfc3339(end), now_text = FormatRfc3339(now);
  // Findings by party: opened and closed within the quarter.
  std::map<std::string, std::pair<int64_t, int64_t>> findings;
  auto frows = tx.Query(
      "SELECT party_id, doc FROM rm_objects WHERE kind = 'finding' AND to_idx = ?", {kOpenVersion});
  if (!frows.ok()) return std::move(frows).error();
  int64_t opened_total = 0, closed_total = 0;
  for (const auto& r : *frows) {
    auto doc = domain::ParseStateDoc(r.Text(1));
    if (!doc) continue;
    std::string created = StateString(*doc, "created_at");
    std::string closed;
    if (const json::value* res = doc->if_contains("resolution"); res && res->is_object()) {
      closed = StateString(res->as_object(), "at");
    }
    auto& f = findings[r.Text(0)];
    if (created >= from && created < to) ++f.first, ++opened_total;
    if (!closed.empty() && closed >= from && closed < to) ++f.second, ++closed_total;
  }
  // The quarter's reviews in one query (the IN lists let rm_reviews_due serve a due_at
  // range), by party; "" holds the organisation-wide ones (list review, previous report).
  struct Due {
    std::string id, kind, status, due, approved;
  };
  std::map<std::string, std::vector<Due>> due_by_party;
  auto rrows = tx.Query(
      "SELECT party_id, id, review_kind, status, due_at, approved_at FROM rm_reviews "
      "WHERE is_open IN (0, 1) AND overdue IN (0, 1) AND due_at >= ? AND due_at < ?",
      {from, to});
  if (!rrows.ok()) return std::move(rrows).error();
  for (const auto& r : *rrows) {
    due_by_party[r.Text(0)].push_back(
        {r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.IsNull(5) ? "" : r.Text(5)});
  }
  for (auto& [_, list] : due_by_party) {
    std::sort(list.begin(), list.end(), [](const Due& a, const Due& b) {
      return std::tie(a.due, a.id) < std::tie(b.due, b.id);
    });
  }
  auto approved_json = [](const std::string& a) {
    return a.empty() ? json::value(nullptr) : json::value(a);
  };
  json::array parties;
  int64_t required = 0, on_time = 0, late = 0, missed = 0, pending = 0;
  auto prows = tx.Query(
      "SELECT id, doc FROM rm_objects WHERE kind = 'party' AND to_idx = ? "
      "AND tag IN ('partner', 'subcontractor') ORDER BY name_lc, id",
      {kOpenVersion});
  if (!prows.ok()) return std::move(prows).error();
  for (const auto& p : *prows) {
    auto pdoc = domain::ParseStateDoc(p.Text(1));
    if (!pdoc) continue;
    std::string party_id = p.Text(0);
    json::array reviews;
    if (auto it = due_by_party.find(party_id); it != due_by_party.end()) {
      for (const auto& r : it->second) {
        if (r.status == "cancelled") continue;
        std::string outcome;
        if (!r.approved.empty()) {
          outcome = r.approved <= r.due ? "on_time" : "late";
        } else {
          outcome = r.due < now_text ? "missed" : "pending";
        }
        ++required;
        (outcome == "on_time"  ? on_time
         : outcome == "late"   ? late
         : outcome == "missed" ? missed
                               : pending)++;
        reviews.push_back(json::object{{"id", r.id},
                                       {"review_kind", r.kind},
                                       {"status", r.status},
                                       {"due_at", r.due},
                                       {"approved_at", approved_json(r.approved)},
                                       {"outcome", outcome}});
      }
    }
    std::string party_status = StateString(*pdoc, "status");
    auto fit = findings.find(party_id);
    if (reviews.empty() && party_status != "active" && fit == findings.end()) continue;
    parties.push_back(
        json::object{{"party_id", party_id},
                     {"name", StateString(*pdoc, "name")},
                     {"kind", StateString(*pdoc, "kind")},
                     {"status", party_status},
                     {"reviews", std::move(reviews)},
                     {"findings_opened", fit == findings.end() ? 0 : fit->second.first},
                     {"findings_closed", fit == findings.end() ? 0 : fit->second.second}});
  }
  json::array org_reviews;
  for (const auto& r : due_by_party[""]) {
    org_reviews.push_back(json::object{{"id", r.id},
                                       {"review_kind", r.kind},
                                       {"status", r.status},
                                       {"due_at", r.due},
                                       {"approved_at", approved_json(r.approved)}});
  }
  return json::object{{"quarter", label},
                      {"from", from},
                      {"to", to},
                      {"generated_at", now_text},
                      {"summary", json::object{{"parties", static_cast<int64_t>(parties.size())},
                                               {"reviews_required", required},
                                               {"on_time", on_time},
                                               {"late", late},
                                               {"missed", missed},
                                               {"pending", pending},
                                               {"findings_opened", opened_total},
                                               {"findings_closed", closed_total}}},
                      {"organisation_reviews", std::move(org_reviews)},
                      {"parties", std::move(parties)}};
}

}  // namespace accord::storage
