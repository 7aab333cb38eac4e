// The audit calendar's sources (storage/audit_calendar.h): one function per kind of dated
// thing. To add one (scans due, incident-response tests …), write its function and list it in
// CalendarSources().
#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/domain/reviews.h"
#include "accord/storage/audit_calendar.h"
#include "accord/storage/calendar.h"
#include "accord/storage/incident_response_tests.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/scans.h"

namespace accord::storage {
namespace {

namespace json = boost::json;
using domain::StateString;

std::optional<TimePoint> TimeAt(const json::object& o, std::string_view key) {
  auto t = ParseRfc3339(StateString(o, key));
  if (!t.ok()) return std::nullopt;
  return *t;
}

int64_t VersionOf(const json::object& o) {
  const json::value* v = o.if_contains("version");
  return v && v->is_int64() ? v->as_int64() : 0;
}

// An item about a stored object: its uid, version and last change.
CalendarItem About(const json::object& o, std::string_view suffix, TimePoint at,
                   TimePoint fallback) {
  CalendarItem item;
  item.uid = StateString(o, "id") + std::string(suffix) + "@accord";
  item.at = at;
  item.all_day = IsMidnightUtc(at);
  item.status = StateString(o, "status");
  item.party_id = StateString(o, "party_id");
  item.sequence = VersionOf(o);
  item.updated = TimeAt(o, "updated_at").value_or(fallback);
  return item;
}

Result<std::string> PartyName(Tx& tx, const std::string& id) {
  if (id.empty()) return std::string();
  auto party = GetObject(tx, "party", id, Scope{});
  if (!party.ok()) return std::move(party).error();
  return party->has_value() ? StateString((*party)->doc, "name") : std::string();
}

std::string PartyLink(const std::string& party_id) {
  return party_id.empty() ? "/app/parties" : "/app/parties/" + party_id;
}

Status OpenReviews(Tx& tx, const CalendarWindow& w, std::vector<CalendarItem>& out) {
  auto reviews = OpenReviewsByDueDate(tx, kMaxCalendarItems);
  if (!reviews.ok()) return std::move(reviews).error();
  for (const json::object& r : *reviews) {
    auto due = TimeAt(r, "due_at");
    if (!due || !w.Contains(*due)) continue;
    CalendarItem item = About(r, "", *due, w.now);
    item.title = "Due: " + StateString(r, "title");
    item.link = "/app/reviews/" + StateString(r, "id");
    std::string assignee = "nobody yet";
    if (const json::value* a = r.if_contains("assignee"); a && a->is_object()) {
      assignee = StateString(a->as_object(), "email");
    }
    item.detail = domain::ReviewKindTitle(StateString(r, "review_kind")) +
                  "\nStatus: " + item.status + "\nAssigned to: " + assignee;
    out.push_back(std::move(item));
  }
  return Ok();
}

// The next review of each recurring series that the schedule has not opened yet.
Status ScheduledReviews(Tx& tx, const CalendarWindow& w, std::vector<CalendarItem>& out) {
  auto rows = tx.Query(
      "SELECT key, review_kind, party_id, next_due_at, open_at, next_period FROM review_series "
      "WHERE next_due_at >= ? AND next_due_at < ? AND open_at > ? ORDER BY next_due_at LIMIT ?",
      {FormatRfc3339(w.from), FormatRfc3339(w.to), FormatRfc3339(w.now),
       static_cast<int64_t>(kMaxCalendarItems)});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& row : *rows) {
    auto due = ParseRfc3339(row.Text(3));
    if (!due.ok()) continue;
    std::string party_id = row.Text(2);
    auto party = PartyName(tx, party_id);
    if (!party.ok()) return std::move(party).error();
    std::string what = domain::ReviewKindTitle(row.Text(1));
    CalendarItem item;
    item.uid = "series-" + row.Text(0) + "-" + std::to_string(row.Int(5)) + "@accord";
    item.at = *due;
    item.all_day = IsMidnightUtc(*due);
    item.title = "Scheduled: " + what + (party->empty() ? "" : " — " + *party);
    item.link = PartyLink(party_id);
    item.status = "scheduled";
    item.party_id = party_id;
    item.detail = what + "\nOpens on " + row.Text(4).substr(0, 10);
    item.updated = w.now;
    out.push_back(std::move(item));
  }
  return Ok();
}

Status EntitlementReviews(Tx& tx, const CalendarWindow& w, std::vector<CalendarItem>& out) {
  auto campaigns = LiveObjectsInStatus(tx, "entitlement_review", {"open", "overdue"});
  if (!campaigns.ok()) return std::move(campaigns).error();
  for (const json::object& c : *campaigns) {
    auto due = TimeAt(c, "due_at");
    if (!due) continue;
    CalendarItem item = About(c, "", *due, w.now);
    item.title = "Entitlement review due: " + StateString(c, "title");
    item.link = "/app/entitlement-reviews/" + StateString(c, "id");
    item.detail = "Access review campaign\nStatus: " + item.status;
    out.push_back(std::move(item));
  }
  return Ok();
}

Status FindingDeadlines(Tx& tx, const CalendarWindow& w, std::vector<CalendarItem>& out) {
  auto findings = LiveObjectsInStatus(tx, "finding", {"open", "acceptance_requested"});
  if (!findings.ok()) return std::move(findings).error();
  for (const json::object& f : *findings) {
    auto due = TimeAt(f, "due_at");
    if (!due) continue;
    CalendarItem item = About(f, "", *due, w.now);
    item.title = "Finding due: " + StateString(f, "title");
    item.link = "/app/findings/" + StateString(f, "id");
    item.detail = "Severity: " + StateString(f, "severity") + "\nStatus: " + item.status;
    out.push_back(std::move(item));
  }
  return Ok();
}

Status VendorChanges(Tx& tx, const CalendarWindow& w, std::vector<CalendarItem>& out) {
  auto notices = LiveObjectsInStatus(tx, "change_notice", {"under_review", "approved"});
  if (!notices.ok()) return std::move(notices).error();
  for (const json::object& n : *notices) {
    auto planned = TimeAt(n, "planned_at");
    if (!planned) continue;
    auto party = PartyName(tx, StateString(n, "party_id"));
    if (!party.ok()) return std::move(party).error();
    CalendarItem item = About(n, "", *planned, w.now);
    item.title = "Vendor change planned: " + StateString(n, "title");
    item.link = PartyLink(item.party_id);
    item.detail = *party + "\nStatus: " + item.status;
    item.party_id.clear();  // our review of it: not the vendor's calendar
    out.push_back(std::move(item));
  }
  return Ok();
}

// When each scanned target is next due (TR-4): its last scan plus the profile's cadence.
Status ScanDeadlines(Tx& tx, const CalendarWindow& w, std::vector<CalendarItem>& out) {
  static const policy::ReviewsPolicy kDefaults;
  auto due = ScansDue(tx, w.now, w.reviews ? *w.reviews : kDefaults);
  if (!due.ok()) return std::move(due).error();
  for (const ScanDue& d : *due) {
    auto at = ParseRfc3339(d.due_at);
    if (!at.ok() || !w.Contains(*at)) continue;
    CalendarItem item;
    item.uid = d.target_id + "-scan-due@accord";
    item.at = *at;
    item.all_day = IsMidnightUtc(*at);
    item.status = d.overdue ? "overdue" : "due";
    item.title = "Scan due: " + d.target_name;
    item.link = "/app/scans";
    item.detail = d.overdue ? "Not scanned within the cadence" : "Next scan of this target";
    item.updated = w.now;
    out.push_back(std::move(item));
  }
  return Ok();
}

Status RetrospectiveReviews(Tx& tx, const CalendarWindow& w, std::vector<CalendarItem>& out) {
  auto changes =
      LiveObjectsInStatus(tx, "change_request", {"emergency_released", "emergency_reviewed"});
  if (!changes.ok()) return std::move(changes).error();
  for (const json::object& c : *changes) {
    auto due = TimeAt(c, "retrospective_due_at");
    if (!due) continue;
    CalendarItem item = About(c, "-retrospective", *due, w.now);
    item.title = "Retrospective review due: " + StateString(c, "title");
    item.link = "/app/changes/" + StateString(c, "id");
    item.detail = "Emergency change, released before its review\nStatus: " + item.status;
    out.push_back(std::move(item));
  }
  return Ok();
}

Status AgreementExpiries(Tx& tx, const CalendarWindow& w, std::vector<CalendarItem>& out) {
  auto agreements = LiveObjectsInStatus(tx, "agreement", {"executed"});
  if (!agreements.ok()) return std::move(agreements).error();
  for (const json::object& a : *agreements) {
    auto expires = TimeAt(a, "expires_at");
    if (!expires || !w.Contains(*expires)) continue;
    auto party = PartyName(tx, StateString(a, "party_id"));
    if (!party.ok()) return std::move(party).error();
    std::string name = StateString(a, "title");
    std::string type = StateString(a, "type");
    for (char& ch : type) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (name.empty()) name = type;
    CalendarItem item = About(a, "-expiry", *expires, w.now);
    // An expiry is a date: the whole day, whatever time was recorded.
    item.at = std::chrono::floor<std::chrono::days>(*expires);
    item.all_day = true;
    item.title = "Agreement expires: " + name + (party->empty() ? "" : " — " + *party);
    item.link = PartyLink(item.party_id);
    item.detail = type + " with " + *party;
    out.push_back(std::move(item));
  }
  return Ok();
}

Status CertificationExpiries(Tx& tx, const CalendarWindow& w, std::vector<CalendarItem>& out) {
  auto rows = tx.Query("SELECT doc FROM rm_objects WHERE kind = 'certification' AND to_idx = ?",
                       {kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& row : *rows) {
    auto c = domain::ParseStateDoc(row.Text(0));
    if (!c) continue;
    auto until = TimeAt(*c, "valid_until");
    if (!until) continue;
    CalendarItem item = About(*c, "-expiry", std::chrono::floor<std::chrono::days>(*until), w.now);
    item.all_day = true;
    item.title = "Certificate expires: " + StateString(*c, "name");
    item.link = "/app/commitments";
    item.detail = "Issued by " + StateString(*c, "issuer");
    out.push_back(std::move(item));
  }
  return Ok();
}

}  // namespace

const std::vector<CalendarSource>& CalendarSources() {
  static const std::vector<CalendarSource> kSources = {
      {"review", false, OpenReviews},
      {"scheduled_review", false, ScheduledReviews},
      {"entitlement_review", false, EntitlementReviews},
      {"finding", false, FindingDeadlines},
      {"change_notice", false, VendorChanges},
      {"change_request", false, RetrospectiveReviews},
      {"scan_due", false, ScanDeadlines},
      {"agreement_expiry", true, AgreementExpiries},
      {"certification_expiry", false, CertificationExpiries},
      {"incident_response_test", false, IncidentResponseTestDue},  // TR-8
                                                                   // Scans due (TR-4) join here.
  };
  return kSources;
}

}  // namespace accord::storage
