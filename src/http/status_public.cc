// The public status page (issue 27, TR-2, TR-9): `/status`, server-rendered like `/trust`
// (no script; fits a phone), and the same data as Atlassian Statuspage v2 JSON under
// `/api/v2/`. No sign-in. Each answer is cached for a few seconds while the ledger does not
// grow (a status change is a ledger entry), so a crowd of readers costs one read each.
#include <boost/json.hpp>
#include <map>
#include <memory>
#include <mutex>

#include "accord/core/time.h"
#include "accord/http/api.h"
#include "accord/http/html_page.h"
#include "accord/http/json.h"
#include "accord/http/statuspage.h"
#include "accord/storage/ledger_tables.h"
#include "ledger_keyed_cache.h"
#include "status_routes.h"

namespace accord::http {

namespace json = boost::json;

namespace {

constexpr int kBarDays = 90;

std::string StateWords(std::string_view status) {
  if (status == "operational") return "Operational";
  if (status == "degraded_performance") return "Degraded performance";
  if (status == "partial_outage") return "Partial outage";
  if (status == "major_outage") return "Major outage";
  if (status == "under_maintenance") return "Under maintenance";
  return std::string(status);
}

std::string Percent(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", p);
  return buf;
}

// 90 bars, one a day, oldest on the left: green at or above the target, amber above 99 %,
// red below, grey without measurements. Each bar says its day and uptime (a tooltip and to a
// screen reader); the figure as a whole is summed up in the text beside it.
std::string UptimeBars(const std::vector<storage::UptimeDay>& days, int64_t today, double target) {
  std::map<int64_t, const storage::UptimeDay*> by_day;
  for (const auto& d : days) by_day[d.day] = &d;
  std::string svg = "<svg class=\"bars\" viewBox=\"0 0 " + std::to_string(kBarDays * 4) +
                    " 34\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Daily uptime, "
                    "last 90 days\">";
  for (int i = 0; i < kBarDays; ++i) {
    int64_t day = today - (kBarDays - 1) + i;
    auto it = by_day.find(day);
    std::string fill = "#c3cad4", words = "no data";
    if (it != by_day.end() && it->second->sampled_minutes > 0) {
      double p = 100.0 * static_cast<double>(it->second->up_minutes) / it->second->sampled_minutes;
      fill = p + 1e-9 >= target ? "#22863a" : p >= 99.0 ? "#d97706" : "#c62828";
      words = Percent(p) + " % up";
    }
    svg += "<rect x=\"" + std::to_string(i * 4) + "\" y=\"0\" width=\"3\" height=\"34\" fill=\"" +
           fill + "\"><title>" + HtmlEscape(HumanDay(storage::DayString(day))) + ": " + words +
           "</title></rect>";
  }
  return svg + "</svg>";
}

std::string MaintenanceSection(const json::array& maintenances) {
  std::string out = "<section aria-labelledby=\"mnt\"><h2 id=\"mnt\">Scheduled maintenance</h2>";
  if (maintenances.empty()) return out + "<p>No maintenance is scheduled.</p></section>";
  for (const auto& v : maintenances) {
    const json::object& m = v.as_object();
    std::string names;
    for (const auto& c : m.at("components").as_array()) {
      names += (names.empty() ? "" : ", ") + HtmlEscape(c.at("name").as_string());
    }
    out += "<div class=\"cmp\"><p><strong>" + HtmlEscape(m.at("name").as_string()) + "</strong> (" +
           (m.at("status").as_string() == "in_progress" ? "in progress" : "scheduled") +
           ")</p><p>" + HtmlEscape(HumanMoment(m.at("scheduled_for").as_string())) + " to " +
           HtmlEscape(HumanMoment(m.at("scheduled_until").as_string())) +
           (names.empty() ? "" : ". Affects " + names) + ".</p>";
    const json::array& updates = m.at("incident_updates").as_array();
    if (!updates.empty() && !updates[0].at("body").as_string().empty()) {
      out += "<p>" + HtmlEscape(updates[0].at("body").as_string()) + "</p>";
    }
    out += "</div>";
  }
  return out + "</section>";
}

std::string Str(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::string IncidentSection(const std::vector<json::object>& incidents) {
  std::string out = "<section aria-labelledby=\"inc\"><h2 id=\"inc\">Incident history</h2>";
  if (incidents.empty()) return out + "<p>No incidents reported in the last 90 days.</p></section>";
  for (const auto& i : incidents) {
    out += "<div class=\"cmp\"><p><strong>" + HtmlEscape(Str(i, "name")) + "</strong> (" +
           HtmlEscape(Str(i, "status")) + ")</p>";
    for (const auto& u : i.at("incident_updates").as_array()) {
      out += "<p>" + HtmlEscape(HumanMoment(u.at("display_at").as_string())) + ": " +
             HtmlEscape(u.at("body").as_string()) + "</p>";
    }
    out += "</div>";
  }
  return out + "</section>";
}

}  // namespace

std::string StatusPageHtml(const StatusSnapshot& s,
                           const std::map<std::string, std::vector<storage::UptimeDay>>& uptime,
                           double target) {
  const int64_t today = storage::DayOf(s.now);
  json::object overall = OverallStatus(s.components);
  std::string org = HtmlEscape(s.page_name);
  std::string body = "<header><h1>" + org + " status</h1></header><main>";
  body +=
      "<section aria-labelledby=\"now\"><h2 id=\"now\">Current status</h2><p class=\"st\" "
      "role=\"status\">" +
      HtmlEscape(overall.at("description").as_string()) + "</p>";
  if (s.components.empty()) body += "<p>No components are published yet.</p>";
  std::string group;
  for (const auto& c : s.components) {
    if (c.group != group) {
      group = c.group;
      if (!group.empty()) body += "<h3>" + HtmlEscape(group) + "</h3>";
    }
    const auto it = uptime.find(c.id);
    const std::vector<storage::UptimeDay> none;
    const auto& days = it == uptime.end() ? none : it->second;
    auto total = storage::AttainmentOf(days, "", target);
    body += "<div class=\"cmp\"><p><strong>" + HtmlEscape(c.name) +
            "</strong> &middot; <span class=\"st st-" + HtmlEscape(c.status) + "\">" +
            StateWords(c.status) + "</span></p>";
    if (!c.description.empty()) body += "<p>" + HtmlEscape(c.description) + "</p>";
    if (c.probe.kind != "none") {
      body += UptimeBars(days, today, target) + "<p>" +
              (total.sampled_minutes == 0
                   ? std::string("No measurements yet")
                   : Percent(total.uptime_percent) + " % uptime over the last 90 days") +
              "</p>";
    }
    body += "</div>";
  }
  body +=
      "</section>" + IncidentSection(s.incidents) + MaintenanceSection(MaintenancesJson(s, "all"));
  body +=
      "<section aria-labelledby=\"sub\"><h2 id=\"sub\">Get updates by email</h2>"
      "<form method=\"post\" action=\"/trust/subscribe\"><input type=\"hidden\" name=\"topics\" "
      "value=\"status\"><label for=\"status-email\">Email me when the status changes</label>"
      "<input type=\"email\" id=\"status-email\" name=\"email\" required autocomplete=\"email\">"
      "<button type=\"submit\">Subscribe</button></form>"
      "<p>Machine-readable: <a href=\"/api/v2/summary.json\">summary.json</a> (the Statuspage "
      "format). <a href=\"/trust\">Trust center</a>.</p></section>";
  body += "</main><footer><p>Updated " + HumanMoment(FormatRfc3339(s.now)) +
          ". Uptime target: " + Percent(target) + " % per month.</p></footer>";
  return PublicPage(s.page_name + " status", body);
}

// The group's state: each public answer, cached.
class StatusAnswers {
 public:
  explicit StatusAnswers(ApiDeps& deps) : deps_(deps) {}
  Response Cached(const std::string& name);

 private:
  Response Build(const std::string& name);
  double target() const { return deps_.status ? deps_.status->target_percent : 99.9; }

  ApiDeps& deps_;
  LedgerKeyedCache cache_{deps_};
};

Response StatusAnswers::Cached(const std::string& name) {
  return cache_.Get(
      name, [&] { return Build(name); },
      // Status aggregators read the JSON from other origins.
      name == "page" ? std::vector<Header>{}
                     : std::vector<Header>{{"Access-Control-Allow-Origin", "*"}});
}

Response StatusAnswers::Build(const std::string& name) {
  const TimePoint now = deps_.clock.Now();
  std::string url = deps_.trust ? (deps_.trust->public_url.empty() ? deps_.trust->listen_url
                                                                   : deps_.trust->public_url)
                                : "";
  StatusSnapshot snapshot;
  std::map<std::string, std::vector<storage::UptimeDay>> uptime;
  Status s = deps_.store.Read([&](storage::Tx& tx) -> Status {
    auto snap = ReadStatusSnapshot(tx, url, now);
    if (!snap.ok()) return std::move(snap).error();
    snapshot = std::move(*snap);
    if (name != "page") return Ok();
    const int64_t today = storage::DayOf(now);
    for (const auto& c : snapshot.components) {
      if (c.probe.kind == "none") continue;
      auto days = storage::ComponentUptimeDays(tx, c.id, today - (kBarDays - 1), today, now);
      if (!days.ok()) return std::move(days).error();
      uptime[c.id] = std::move(*days);
    }
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  if (name == "page") return PublicHtml(StatusPageHtml(snapshot, uptime, target()));
  return JsonResponse(StatuspageDocument(snapshot, name));
}

void AddStatusPublicRoutes(Router& router, ApiDeps& deps) {
  auto answers = std::make_shared<StatusAnswers>(deps);
  auto route = [&](const char* pattern, const char* summary, Answer answer, std::string name) {
    router.Add(ReadRoute(pattern, kPublic, std::move(answer))
                   .Summary(summary)
                   .Tag("status")
                   .Handle(Sync([answers, name](Context&) { return answers->Cached(name); })));
  };
  route("/status", "The public status page: components, 90-day uptime, incidents, maintenance",
        Html(), "page");
  static const std::pair<const char*, const char*> kDocs[] = {
      {"summary", "/api/v2/summary.json"},
      {"status", "/api/v2/status.json"},
      {"components", "/api/v2/components.json"},
      {"incidents", "/api/v2/incidents.json"},
      {"unresolved", "/api/v2/incidents/unresolved.json"},
      {"maintenances", "/api/v2/scheduled-maintenances.json"},
      {"upcoming", "/api/v2/scheduled-maintenances/upcoming.json"},
      {"active", "/api/v2/scheduled-maintenances/active.json"}};
  for (const auto& [name, pattern] : kDocs) {
    route(pattern, ("Statuspage v2 format: " + std::string(pattern).substr(8)).c_str(),
          Json(StatuspageSchema(name)), name);
  }
}

}  // namespace accord::http
