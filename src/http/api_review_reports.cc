// The review reports over HTTP: the compliance dashboard, the quarterly SLA-review report
// (TP-15) as JSON, CSV or a printable page, and the notification outbox. Registered by
// api_reviews.cc.
#include <algorithm>
#include <boost/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/csv.h"
#include "accord/core/rrule.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/domain/reviews.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/html_page.h"
#include "accord/http/json.h"
#include "accord/http/schema.h"
#include "accord/storage/dashboard.h"
#include "accord/storage/outbox.h"
#include "accord/storage/reviews.h"
#include "review_routes.h"

namespace accord::http::review_routes {

using domain::StateString;

namespace {

// The dashboard's answer: counts per review kind, findings, and the lists and series the
// portal draws.
json::object DashboardSchema() {
  using namespace schema;
  json::object counts = Object({{"open", Int()},
                                {"due_next_30_days", Int()},
                                {"overdue", Int()},
                                {"done_on_time", Int()},
                                {"done_late", Int()}});
  json::object running_out = Object(
      {{"id", String()}, {"party_id", String()}, {"party_name", String()}, {"days_left", Int()}},
      {{"type", String()},
       {"status", String()},
       {"expires_at", Time()},
       {"purpose", String()},
       {"end_at", Time()}});
  return Object({
      {"at", Time()},
      {"reviews",
       Object({{"by_kind", json::object{{"type", "object"}, {"additionalProperties", counts}}},
               {"totals", counts}})},
      {"findings", Object({{"open", Int()},
                           {"open_by_severity",
                            json::object{{"type", "object"}, {"additionalProperties", Int()}}},
                           {"overdue", Int()}})},
      {"agreements_expiring", ArrayOf(running_out)},
      {"grants_ending", ArrayOf(running_out)},
      {"reviews_by_quarter",
       ArrayOf(Object({{"quarter", String()}, {"on_time", Int()}, {"late", Int()}}))},
      {"findings_by_month",
       ArrayOf(Object({{"month", String()}, {"opened", Int()}, {"closed", Int()}}))},
  });
}

json::object SlaReportSchema() {
  using namespace schema;
  json::object review = Object({{"id", String()},
                                {"review_kind", String()},
                                {"status", String()},
                                {"due_at", Time()},
                                {"approved_at", Nullable(Time())}},
                               {{"outcome", Enum({"on_time", "late", "missed", "pending"})}});
  return Object({
      {"quarter", String()},
      {"from", Time()},
      {"to", Time()},
      {"generated_at", Time()},
      {"summary", Object({{"parties", Int()},
                          {"reviews_required", Int()},
                          {"on_time", Int()},
                          {"late", Int()},
                          {"missed", Int()},
                          {"pending", Int()},
                          {"findings_opened", Int()},
                          {"findings_closed", Int()}})},
      {"organisation_reviews", ArrayOf(review)},
      {"parties", ArrayOf(Object({{"party_id", String()},
                                  {"name", String()},
                                  {"kind", String()},
                                  {"status", String()},
                                  {"reviews", ArrayOf(review)},
                                  {"findings_opened", Int()},
                                  {"findings_closed", Int()}}))},
  });
}

json::object OutboxItemSchema() {
  using namespace schema;
  return Object({{"id", String()},
                 {"channel", String()},
                 {"user_id", Nullable(String())},
                 {"recipient", String()},
                 {"subject", String()},
                 {"body", String()},
                 {"ref_kind", Nullable(String())},
                 {"ref_id", Nullable(String())},
                 {"status", Enum({"queued", "sent", "failed", "refused"})},
                 {"attempts", Int()},
                 {"last_error", Nullable(String())},
                 {"created_at", Time()},
                 {"sent_at", Nullable(Time())},
                 {"confidential", Bool()},
                 // SMS and voice (issue 26): the provider's last word, once it accepted it.
                 {"delivery_status", Nullable(Enum({"sent", "delivered", "failed"}))},
                 {"provider_error", Nullable(String())}},
                {{"next_attempt_at", Time()}});
}

// CSV of the quarterly report: one row per required review (a party without any: one row).
std::string ReportCsv(const json::object& report) {
  std::string out;
  AppendCsvRow(out,
               std::vector<std::string>{"quarter", "party_id", "party", "party_kind", "review_id",
                                        "review_kind", "due_at", "status", "approved_at", "outcome",
                                        "findings_opened", "findings_closed"});
  std::string quarter = StateString(report, "quarter");
  for (const auto& pv : report.at("parties").as_array()) {
    const json::object& p = pv.as_object();
    std::vector<std::string> base = {quarter, StateString(p, "party_id"), StateString(p, "name"),
                                     StateString(p, "kind")};
    std::string opened = std::to_string(p.at("findings_opened").as_int64());
    std::string closed = std::to_string(p.at("findings_closed").as_int64());
    const auto& reviews = p.at("reviews").as_array();
    if (reviews.empty()) {
      auto row = base;
      row.insert(row.end(), {"", "", "", "", "", "none due", opened, closed});
      AppendCsvRow(out, row);
    }
    for (const auto& rv : reviews) {
      const json::object& r = rv.as_object();
      auto row = base;
      row.insert(row.end(),
                 {StateString(r, "id"), StateString(r, "review_kind"), StateString(r, "due_at"),
                  StateString(r, "status"), StateString(r, "approved_at"),
                  StateString(r, "outcome"), opened, closed});
      AppendCsvRow(out, row);
    }
  }
  return out;
}

// A printable page: no scripts, no external resources.
constexpr std::string_view kReportCss =
    "body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse;width:100%}"
    "td,th{border:1px solid #999;padding:4px 6px;text-align:left}.missed,.late{color:#a00;"
    "font-weight:bold}@media print{body{margin:0}}";

// "2026-10-01" of an RFC 3339 time, and "2026-12-07 04:25 UTC" for the moment it was made:
// what a reader of the printed page expects, not the machine's format.
std::string DayOf(const json::object& o, std::string_view key) {
  return StateString(o, key).substr(0, 10);
}
std::string MomentOf(const json::object& o, std::string_view key) {
  std::string t = StateString(o, key);
  return t.size() >= 16 ? t.substr(0, 10) + " " + t.substr(11, 5) + " UTC" : t;
}
// "contracted developer" for contracted_developer.
std::string Words(std::string key) {
  std::replace(key.begin(), key.end(), '_', ' ');
  return key;
}

std::string ReportHtml(const json::object& report) {
  const json::object& sum = report.at("summary").as_object();
  auto n = [&](const char* k) { return std::to_string(sum.at(k).as_int64()); };
  std::string q = HtmlEscape(StateString(report, "quarter"));
  std::string out =
      "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>SLA-review report " +
      q + "</title><style>" + std::string(kReportCss) +
      "</style></head><body>"
      "<h1>Quarterly SLA-review report " +
      q + "</h1><p>" + HtmlEscape(DayOf(report, "from")) + " to " +
      HtmlEscape(DayOf(report, "to")) + " &middot; made " +
      HtmlEscape(MomentOf(report, "generated_at")) + "</p><p>Parties: " + n("parties") +
      " &middot; reviews required: " + n("reviews_required") +
      " &middot; on time: " + n("on_time") + " &middot; late: " + n("late") +
      " &middot; missed: " + n("missed") + " &middot; pending: " + n("pending") +
      " &middot; findings opened: " + n("findings_opened") + ", closed: " + n("findings_closed") +
      "</p><table><thead><tr><th>Party</th><th>Kind</th><th>Review</th><th>Due</th><th>Status"
      "</th><th>Approved</th><th>Outcome</th><th>Findings opened / closed</th></tr></thead>"
      "<tbody>";
  for (const auto& pv : report.at("parties").as_array()) {
    const json::object& p = pv.as_object();
    std::string findings = std::to_string(p.at("findings_opened").as_int64()) + " / " +
                           std::to_string(p.at("findings_closed").as_int64());
    const auto& reviews = p.at("reviews").as_array();
    std::string head = "<tr><td>" + HtmlEscape(StateString(p, "name")) + "</td><td>" +
                       HtmlEscape(Words(StateString(p, "kind"))) + "</td>";
    if (reviews.empty()) {
      out += head + "<td colspan=\"5\">no review due</td><td></td><td>" + findings + "</td></tr>";
    }
    for (const auto& rv : reviews) {
      const json::object& r = rv.as_object();
      std::string outcome = HtmlEscape(StateString(r, "outcome"));
      out += head + "<td>" + HtmlEscape(domain::ReviewKindTitle(StateString(r, "review_kind"))) +
             "</td><td>" + HtmlEscape(StateString(r, "due_at").substr(0, 10)) + "</td><td>" +
             HtmlEscape(Words(StateString(r, "status"))) + "</td><td>" +
             HtmlEscape(StateString(r, "approved_at").substr(0, 10)) + "</td><td class=\"" +
             outcome + "\">" + Words(outcome) + "</td><td>" + findings + "</td></tr>";
    }
  }
  return out + "</tbody></table></body></html>\n";
}

Response Dashboard(ApiDeps& deps, Context&) {
  json::object body;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto d = storage::ReviewDashboard(tx, deps.clock.Now());
    if (!d.ok()) return std::move(d).error();
    body = std::move(*d);
    auto extras = storage::DashboardExtras(tx, deps.clock.Now());
    if (!extras.ok()) return std::move(extras).error();
    for (auto& [k, v] : *extras) body[k] = std::move(v);
    return Ok();
  });
  return s.ok() ? JsonResponse(body) : ErrorResponse(s.error());
}

void Report(ApiDeps& deps, Context&& ctx, Reply reply) {
  std::string label(ctx.Query("quarter"));
  if (label.empty()) {
    return reply(ErrorResponse(ValidationError("quarter", "is required, e.g. 2026Q4")));
  }
  auto range = ParseQuarter(label);
  if (!range.ok()) return reply(ErrorResponse(range.error()));
  std::string format(ctx.Query("format"));
  if (format.empty()) {
    std::string_view accept = ctx.request.HeaderValue("Accept");
    if (accept.find("text/csv") != std::string_view::npos) format = "csv";
    if (accept.find("text/html") != std::string_view::npos) format = "html";
  }
  if (!format.empty() && format != "json" && format != "csv" && format != "html") {
    return reply(ErrorResponse(ValidationError("format", "must be json, csv or html")));
  }
  std::string canonical = QuarterLabel(range->first);
  json::object report;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto r = storage::SlaReviewReport(tx, range->first, range->second, canonical, deps.clock.Now());
    if (!r.ok()) return std::move(r).error();
    report = std::move(*r);
    return Ok();
  });
  if (!s.ok()) return reply(ErrorResponse(s.error()));
  if (format == "csv" || format == "html") {
    Response r;
    r.content_type = format == "csv" ? "text/csv; charset=utf-8" : "text/html; charset=utf-8";
    r.body = format == "csv" ? ReportCsv(report) : ReportHtml(report);
    if (format == "csv") {
      r.headers.push_back(
          {"Content-Disposition", "attachment; filename=\"sla-review-" + canonical + ".csv\""});
    } else {
      r.headers.push_back({"Content-Security-Policy", HtmlPageCsp(kReportCss)});
    }
    return reply(std::move(r));
  }
  reply(JsonResponse(report));
}

Response Outbox(ApiDeps& deps, Context& ctx) {
  auto page = ParsePage(ctx);
  if (!page.ok()) return ErrorResponse(page.error());
  storage::OutboxQuery q{.status = std::string(ctx.Query("status")),
                         .ref_id = std::string(ctx.Query("ref_id")),
                         .after_id = page->after_id,
                         .limit = page->limit};
  if (!q.status.empty() && q.status != "queued" && q.status != "sent" && q.status != "failed" &&
      q.status != "refused") {
    return ErrorResponse(ValidationError("status", "must be queued, sent, failed or refused"));
  }
  json::object body;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto r = storage::ListOutbox(tx, q);
    if (!r.ok()) return std::move(r).error();
    json::array items;
    for (auto& o : r->first) items.push_back(std::move(o));
    body["items"] = std::move(items);
    body["next_cursor"] = r->second ? json::value(EncodeIdCursor(*r->second)) : nullptr;
    return Ok();
  });
  return s.ok() ? JsonResponse(body) : ErrorResponse(s.error());
}

}  // namespace

void AddReportRoutes(Router& router, ApiDeps& deps) {
  router.Add(ReadRoute("/api/v1/dashboard", domain::kLedgerReaders, Json(DashboardSchema()))
                 .Summary("Compliance counts: reviews open, due within 30 days, overdue, done on "
                          "time and late per kind; open and overdue findings")
                 .Tag("reviews")
                 .Handle(deps, Dashboard));
  // JSON, or CSV and a printable page by Accept or ?format=.
  router.Add(
      ReadRoute("/api/v1/reports/sla-review", domain::kLedgerReaders, Json(SlaReportSchema()))
          .Summary("The quarterly SLA-review report (TP-15) as JSON, CSV (Accept: text/csv "
                   "or ?format=csv) or a printable page (Accept: text/html or ?format=html)")
          .Tag("reviews")
          .RequiredQuery("quarter", "e.g. 2026Q4 (calendar quarter, UTC)")
          .Query("format", "json | csv | html")
          .Handle(deps, Report));
  router.Add(ReadRoute("/api/v1/outbox", domain::kOfficers, Json(schema::Page(OutboxItemSchema())))
                 .Summary("Queued, sent and failed notifications (reminders, alerts, findings), "
                          "newest first")
                 .Tag("reviews")
                 .Query("status", "queued | sent | failed")
                 .Query("ref_id", "about this object")
                 .Paged()
                 .Handle(deps, Outbox));
}

}  // namespace accord::http::review_routes
