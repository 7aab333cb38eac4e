// The quarterly vendor SLA review (issue 27, TP-13/TP-14): per party with an SLA, the quarter's
// attainment, breaches with their findings and vendor incidents, as JSON or CSV.
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "accord/core/csv.h"
#include "accord/core/rrule.h"
#include "accord/domain/registry.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/schema.h"
#include "accord/storage/vendor_sla_review.h"
#include "status_routes.h"

namespace accord::http {

namespace json = boost::json;
using domain::StateString;

namespace {

json::object ReviewSchema() {
  using namespace schema;
  json::object num = Nullable(Number());
  json::object met = Object({{"uptime", Nullable(Bool())},
                             {"response", Nullable(Bool())},
                             {"resolution", Nullable(Bool())}});
  json::object breach = Object({{"period", Text("2026-Q4, or a month: 2026-11")},
                                {"term", Enum({"uptime", "response", "resolution"})},
                                {"finding_id", String()},
                                {"title", Nullable(String())},
                                {"severity", Nullable(String())},
                                {"status", Nullable(String())},
                                {"due_at", Nullable(Time())}});
  json::object incident =
      Object({{"id", Nullable(Text("the vendor incident ('' before they were objects)"))},
              {"incident_id", Text("the vendor's own id")},
              {"name", String()},
              {"vendor_impact", String()},
              {"vendor_status", String()},
              {"started_at", String()},
              {"assessment_status", Nullable(Enum({"open", "assessed"}))},
              {"our_impact", Nullable(Enum({"none", "degraded", "phi_involved"}))},
              {"finding_id", Nullable(String())}});
  return Object({{"quarter", Text("2026Q4")},
                 {"from", Time()},
                 {"to", Time()},
                 {"complete", Bool()},
                 {"at", Time()},
                 {"parties", ArrayOf(Object({{"party_id", String()},
                                             {"name", String()},
                                             {"terms", Object({{"uptime_percent", num},
                                                               {"response_hours", num},
                                                               {"resolution_hours", num}})},
                                             {"attainment", Object({{"period", String()},
                                                                    {"complete", Bool()},
                                                                    {"uptime_percent", num},
                                                                    {"worst_response_hours", num},
                                                                    {"worst_resolution_hours", num},
                                                                    {"met", met}})},
                                             {"breaches", ArrayOf(breach)},
                                             {"vendor_incidents", ArrayOf(incident)}}))},
                 {"summary", Object({{"parties", Int()},
                                     {"terms_met", Int()},
                                     {"terms_missed", Int()},
                                     {"terms_unmeasured", Int()},
                                     {"breaches", Int()},
                                     {"vendor_incidents", Int()}})}});
}

std::string NumText(const json::value& v) {
  if (!v.is_number()) return "";
  char out[32];
  std::snprintf(out, sizeof out, "%.3f", v.to_number<double>());
  std::string s = out;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// One row per party and term: what was agreed, what was measured, whether it was met, the
// breach findings, and how many vendor incidents began in the quarter.
std::string ReviewCsv(const json::object& report) {
  std::string out;
  AppendCsvRow(out, std::vector<std::string>{"quarter", "party_id", "party", "term", "agreed",
                                             "measured", "met", "breach_findings",
                                             "vendor_incidents", "vendor_incidents_assessed"});
  const std::string quarter = StateString(report, "quarter");
  struct Term {
    const char *key, *agreed, *measured;
  } terms[] = {{"uptime", "uptime_percent", "uptime_percent"},
               {"response", "response_hours", "worst_response_hours"},
               {"resolution", "resolution_hours", "worst_resolution_hours"}};
  for (const auto& pv : report.at("parties").as_array()) {
    const json::object& p = pv.as_object();
    const json::object& a = p.at("attainment").as_object();
    int64_t assessed = 0;
    for (const auto& i : p.at("vendor_incidents").as_array()) {
      assessed += StateString(i.as_object(), "assessment_status") == "assessed";
    }
    std::string incidents = std::to_string(p.at("vendor_incidents").as_array().size());
    for (const auto& t : terms) {
      std::string findings;
      for (const auto& b : p.at("breaches").as_array()) {
        if (StateString(b.as_object(), "term") != t.key) continue;
        findings += (findings.empty() ? "" : " ") + StateString(b.as_object(), "finding_id");
      }
      const json::value& met = a.at("met").as_object().at(t.key);
      AppendCsvRow(out,
                   std::vector<std::string>{
                       quarter, StateString(p, "party_id"), StateString(p, "name"), t.key,
                       NumText(p.at("terms").as_object().at(t.agreed)), NumText(a.at(t.measured)),
                       met.is_bool() ? (met.as_bool() ? "yes" : "no") : "not measured", findings,
                       incidents, std::to_string(assessed)});
    }
  }
  return out;
}

void Review(ApiDeps& deps, Context&& ctx, Reply reply) {
  std::string label(ctx.Query("quarter"));
  if (label.empty()) {
    return reply(ErrorResponse(ValidationError("quarter", "is required, e.g. 2026Q4")));
  }
  auto range = ParseQuarter(label);
  if (!range.ok()) return reply(ErrorResponse(range.error()));
  std::string format(ctx.Query("format"));
  if (format.empty() &&
      ctx.request.HeaderValue("Accept").find("text/csv") != std::string_view::npos) {
    format = "csv";
  }
  if (!format.empty() && format != "json" && format != "csv") {
    return reply(ErrorResponse(ValidationError("format", "must be json or csv")));
  }
  const std::string canonical = QuarterLabel(range->first);
  json::object report;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto r = storage::VendorSlaQuarterReview(tx, range->first, range->second, canonical,
                                             deps.clock.Now());
    if (!r.ok()) return std::move(r).error();
    report = std::move(*r);
    return Ok();
  });
  if (!s.ok()) return reply(ErrorResponse(s.error()));
  if (format == "csv") {
    Response r;
    r.content_type = "text/csv; charset=utf-8";
    r.body = ReviewCsv(report);
    r.headers.push_back(
        {"Content-Disposition", "attachment; filename=\"vendor-sla-" + canonical + ".csv\""});
    return reply(std::move(r));
  }
  reply(JsonResponse(report));
}

}  // namespace

void AddSlaReviewRoutes(Router& router, ApiDeps& deps) {
  router.Add(ReadRoute("/api/v1/reports/vendor-sla", domain::kLedgerReaders, Json(ReviewSchema()))
                 .Summary("The quarterly vendor SLA review (TP-13, TP-14): per party with an SLA, "
                          "attainment against its terms, breaches with their findings and vendor "
                          "incidents; CSV with Accept: text/csv or ?format=csv")
                 .Tag("status")
                 .RequiredQuery("quarter", "e.g. 2026Q4 (calendar quarter, UTC)")
                 .Query("format", "json | csv")
                 .Handle(deps, Review));
}

}  // namespace accord::http
