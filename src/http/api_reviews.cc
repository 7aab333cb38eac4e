// The recurring reviews over HTTP (TP-9 … TP-15): ad-hoc reviews and the TP-12 workflow,
// SOC 2 reports, change notices, findings, the dashboard, the quarterly SLA-review report
// and the notification outbox. Reads of reviews, SOC 2 reports, change notices and findings
// come from the registry's generic routes (api_registry.cc); the writes are the commands of
// storage/reviews.h, and who may do what beyond the route's roles comes from the profile's
// [reviews] section.
#include <algorithm>
#include <boost/json.hpp>
#include <memory>
#include <optional>

#include "accord/core/csv.h"
#include "accord/core/rrule.h"
#include "accord/core/time.h"
#include "accord/domain/identity.h"
#include "accord/domain/registry.h"
#include "accord/domain/reviews.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/dashboard.h"
#include "accord/storage/outbox.h"
#include "accord/storage/registry_commands.h"
#include "accord/storage/reviews.h"
#include "accord/workflow/review.h"

namespace accord::http {

namespace json = boost::json;
using domain::FieldSpec;
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
                 {"status", Enum({"queued", "sent", "failed"})},
                 {"attempts", Int()},
                 {"last_error", Nullable(String())},
                 {"created_at", Time()},
                 {"sent_at", Nullable(Time())},
                 {"confidential", Bool()}},
                {{"next_attempt_at", Time()}});
}

// What a party's contact sees of a review that asks it something.
json::object PartyRequestSchema() {
  using namespace schema;
  return Object({{"id", String()},
                 {"title", String()},
                 {"review_kind", String()},
                 {"status", String()},
                 {"due_at", Time()},
                 {"party_requests", ArrayOf(AnyObject("what the review asked"))},
                 {"party_responses", ArrayOf(AnyObject("what the party answered"))}},
                {{"awaiting_party", Bool()}});
}

Result<json::object> ParseBody(std::string_view text, const std::vector<FieldSpec>& fields) {
  auto body = ParseJsonObject(text);
  if (!body.ok()) return std::move(body).error();
  std::vector<ErrorDetail> details;
  json::object out;
  domain::ValidateFields(fields, *body, false, "", out, details);
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  return out;
}

std::string Names(const std::vector<std::string>& roles) {
  std::string out;
  for (const auto& r : roles) out += (out.empty() ? "" : ", ") + r;
  return out;
}

// The profile layer: `roles` from [reviews]; never during break-glass (an emergency
// elevation is for the emergency, not for approving reviews).
std::optional<Error> Refusal(const Principal& p, const std::vector<std::string>& roles,
                             const std::string& what) {
  if (p.break_glass) {
    return Error{ErrorCode::kForbidden,
                 "not during break-glass: " + what + " is done signed in as yourself",
                 {}};
  }
  if (std::find(roles.begin(), roles.end(), p.role) != roles.end()) return std::nullopt;
  return Error{ErrorCode::kForbidden,
               "the profile lets only " + Names(roles) + " " + what + " (TP-12)",
               {{"role", "is " + p.role, {}}}};
}

std::vector<std::string> IdList(const json::object& body, std::string_view field) {
  std::vector<std::string> out;
  if (const json::value* v = body.if_contains(field); v && v->is_array()) {
    for (const auto& x : v->as_array()) out.emplace_back(x.as_string());
  }
  return out;
}

std::optional<TimePoint> TimeOf(const json::object& body, std::string_view field) {
  auto t = ParseRfc3339(StateString(body, field));
  if (!t.ok()) return std::nullopt;
  return *t;
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

std::string ReportHtml(const json::object& report) {
  const json::object& sum = report.at("summary").as_object();
  auto n = [&](const char* k) { return std::to_string(sum.at(k).as_int64()); };
  std::string q = HtmlEscape(StateString(report, "quarter"));
  std::string out =
      "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>SLA-review report " +
      q + "</title><style>" + std::string(kReportCss) +
      "</style></head><body>"
      "<h1>Quarterly SLA-review report " +
      q + "</h1><p>" + HtmlEscape(StateString(report, "from")) + " to " +
      HtmlEscape(StateString(report, "to")) + " &middot; generated " +
      HtmlEscape(StateString(report, "generated_at")) + "</p><p>Parties: " + n("parties") +
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
                       HtmlEscape(StateString(p, "kind")) + "</td>";
    if (reviews.empty()) {
      out += head + "<td colspan=\"5\">no review due</td><td></td><td>" + findings + "</td></tr>";
    }
    for (const auto& rv : reviews) {
      const json::object& r = rv.as_object();
      std::string outcome = HtmlEscape(StateString(r, "outcome"));
      out += head + "<td>" + HtmlEscape(StateString(r, "review_kind")) + "</td><td>" +
             HtmlEscape(StateString(r, "due_at").substr(0, 10)) + "</td><td>" +
             HtmlEscape(StateString(r, "status")) + "</td><td>" +
             HtmlEscape(StateString(r, "approved_at").substr(0, 10)) + "</td><td class=\"" +
             outcome + "\">" + outcome + "</td><td>" + findings + "</td></tr>";
    }
  }
  return out + "</tbody></table></body></html>\n";
}

class ReviewRoutes {
 public:
  ReviewRoutes(Router& router, ApiDeps& deps) : router_(router), deps_(deps) {}

  static void Add(const std::shared_ptr<ReviewRoutes>& self) {
    Router& router = self->router_;
    auto bind = [self](void (ReviewRoutes::*fn)(Context&&, Reply)) {
      return [self, fn](Context&& ctx, Reply reply) {
        ((*self).*fn)(std::move(ctx), std::move(reply));
      };
    };
    std::vector<ParamDoc> id = {{"id", "path", "string", true, "id"}};
    router.Add(Route{.method = "POST",
                     .pattern = "/api/v1/reviews",
                     .roles = kWorkforceRoles,
                     .summary = "Open a review now (the profile's open_roles); recurring reviews "
                                "are opened by the scheduler",
                     .tag = "reviews",
                     .request_schema = domain::SchemaOf(domain::ReviewCreateFields(), false),
                     .response_schema = schema::KindRef("review"),
                     .success_status = 201,
                     .handler = bind(&ReviewRoutes::OpenReview)});
    router.Add(Route{.method = "POST",
                     .pattern = "/api/v1/reviews/{id}/actions",
                     .roles = kWorkforceRoles,
                     .summary = "assign | document | approve | reject (TP-12) | request_info "
                                "(ask the party), with a comment; each is a ledger event",
                     .tag = "reviews",
                     .params = id,
                     .request_schema = domain::SchemaOf(domain::ReviewActionFields(), false),
                     .response_schema = schema::KindRef("review"),
                     .handler = bind(&ReviewRoutes::ReviewAction)});
    // A review asks the party (request_info); the party's contact reads and answers here.
    router.Add(Route{.method = "POST",
                     .pattern = "/api/v1/reviews/{id}/responses",
                     .roles = {"third_party_contact"},
                     .summary = "A third party answers what a review asked it (message and its "
                                "own documents); a ledger event",
                     .tag = "reviews",
                     .params = id,
                     .request_schema = domain::SchemaOf(domain::ReviewResponseFields(), false),
                     .response_schema = schema::KindRef("review"),
                     .handler = bind(&ReviewRoutes::Respond)});
    router.Add(Route{
        .method = "GET",
        .pattern = "/api/v1/parties/{party_id}/requests",
        .roles = {"security_officer", "privacy_officer", "staff", "auditor", "third_party_contact"},
        .summary = "What open reviews ask this party, with its answers (what its "
                   "contacts see of a review)",
        .tag = "reviews",
        .params = {{"party_id", "path", "string", true, "party"}},
        .response_schema = schema::Object({{"items", schema::ArrayOf(PartyRequestSchema())}}),
        .handler = bind(&ReviewRoutes::Requests)});
    router.Add(
        Route{.method = "POST",
              .pattern = "/api/v1/parties/{party_id}/soc2-reports",
              .roles = kWorkforceRoles,
              .summary = "Record a SOC 2 report as reviewed (TP-11); each exception and a "
                         "non-clean opinion open findings",
              .tag = "reviews",
              .params = {{"party_id", "path", "string", true, "party"}},
              .request_schema = domain::SchemaOf(domain::FindKind("soc2_report")->fields, false),
              .response_schema = schema::KindRef("soc2_report"),
              .success_status = 201,
              .handler = bind(&ReviewRoutes::RecordSoc2)});
    // Who runs reviews is the profile's choice among the workforce (ReviewsPolicy roles):
    // these routes admit the workforce and the handlers apply the profile.
    std::vector<std::string> notice_writers = kWorkforceRoles;
    notice_writers.push_back("third_party_contact");  // a vendor announces its own changes
    router.Add(Route{.method = "POST",
                     .pattern = "/api/v1/change-notices",
                     .roles = notice_writers,
                     .summary = "Record a change a party will make to its services (TP-9); opens "
                                "its change review, and a risk assessment when substantial",
                     .tag = "reviews",
                     .request_schema = domain::SchemaOf(domain::ChangeNoticeCreateFields(), false),
                     .response_schema = schema::KindRef("change_notice"),
                     .success_status = 201,
                     .handler = bind(&ReviewRoutes::RecordChange)});
    router.Add(Route{.method = "POST",
                     .pattern = "/api/v1/change-notices/{id}/actions",
                     .roles = kWorkforceRoles,
                     .summary = "implemented | withdrawn; implemented before its change review "
                                "was approved opens a finding",
                     .tag = "reviews",
                     .params = id,
                     .request_schema = domain::SchemaOf(domain::ChangeNoticeActionFields(), false),
                     .response_schema = schema::KindRef("change_notice"),
                     .handler = bind(&ReviewRoutes::ChangeAction)});
    router.Add(Route{.method = "POST",
                     .pattern = "/api/v1/findings",
                     .roles = kOfficerRoles,
                     .summary = "Open a finding (TP-14); due by the profile's remediation window "
                                "for its severity unless given",
                     .tag = "reviews",
                     .request_schema = domain::SchemaOf(domain::FindingCreateFields(), false),
                     .response_schema = schema::KindRef("finding"),
                     .success_status = 201,
                     .handler = bind(&ReviewRoutes::CreateFinding)});
    router.Add(Route{.method = "POST",
                     .pattern = "/api/v1/findings/{id}/actions",
                     .roles = kOfficerRoles,
                     .summary = "assign | resolve (with evidence) | accept_risk | reopen",
                     .tag = "reviews",
                     .params = id,
                     .request_schema = domain::SchemaOf(domain::FindingActionFields(), false),
                     .response_schema = schema::KindRef("finding"),
                     .handler = bind(&ReviewRoutes::FindingAction)});
    router.Add(Route{.method = "GET",
                     .pattern = "/api/v1/dashboard",
                     .roles = kLedgerReaderRoles,
                     .summary = "Compliance counts: reviews open, due within 30 days, overdue, "
                                "done on time and late per kind; open and overdue findings",
                     .tag = "reviews",
                     .response_schema = DashboardSchema(),
                     .handler = bind(&ReviewRoutes::Dashboard)});
    router.Add(Route{
        .method = "GET",
        .pattern = "/api/v1/reports/sla-review",
        .roles = kLedgerReaderRoles,
        .summary = "The quarterly SLA-review report (TP-15) as JSON, CSV (Accept: text/csv or "
                   "?format=csv) or a printable page (Accept: text/html or ?format=html)",
        .tag = "reviews",
        .params = {{"quarter", "query", "string", true, "e.g. 2026Q4 (calendar quarter, UTC)"},
                   {"format", "query", "string", false, "json | csv | html"}},
        .response_schema = SlaReportSchema(),
        .handler = bind(&ReviewRoutes::Report)});
    router.Add(Route{.method = "GET",
                     .pattern = "/api/v1/outbox",
                     .roles = kOfficerRoles,
                     .summary = "Queued, sent and failed notifications (reminders, alerts, "
                                "findings), newest first",
                     .tag = "reviews",
                     .params = {{"status", "query", "string", false, "queued | sent | failed"},
                                {"ref_id", "query", "string", false, "about this object"},
                                {"limit", "query", "integer", false, "1-500, default 50"},
                                {"cursor", "query", "string", false, "from next_cursor"}},
                     .response_schema = schema::Page(OutboxItemSchema()),
                     .handler = bind(&ReviewRoutes::Outbox)});
  }

 private:
  const policy::ReviewsPolicy& policy() const {
    static const policy::ReviewsPolicy kDefaults;
    return deps_.profile ? deps_.profile->reviews : kDefaults;
  }

  // Runs `command` in the write path and replies with its JSON (201 or 200).
  void Submit(Reply reply, int status,
              std::function<Result<json::object>(storage::CommandContext&)> command) {
    deps_.log.Submit(
        [command = std::move(command)](storage::CommandContext& c) -> Result<json::value> {
          auto r = command(c);
          if (!r.ok()) return std::move(r).error();
          return json::value(std::move(*r));
        },
        [reply = std::move(reply), status](Result<json::value> r) {
          reply(ToResponse(r, status));
        });
  }

  void OpenReview(Context&& ctx, Reply reply) {
    if (auto no = Refusal(*ctx.principal, policy().open_roles, "open reviews")) {
      return reply(ErrorResponse(*no));
    }
    auto body = ParseBody(ctx.request.body, domain::ReviewCreateFields());
    if (!body.ok()) return reply(ErrorResponse(body.error()));
    storage::NewReview r{.kind = StateString(*body, "review_kind"),
                         .party_id = StateString(*body, "party_id"),
                         .agreement_id = StateString(*body, "agreement_id"),
                         .title = StateString(*body, "title"),
                         .due = TimeOf(*body, "due_at").value_or(TimePoint{}),
                         .assignee_id = StateString(*body, "assignee_id"),
                         .comment = StateString(*body, "comment")};
    if (r.due <= deps_.clock.Now()) {
      return reply(ErrorResponse(ValidationError("due_at", "must be in the future")));
    }
    if (r.kind == "change_review" || r.kind == "risk_assessment") {
      return reply(ErrorResponse(
          ValidationError("review_kind", "a " + r.kind +
                                             " is opened by recording a change notice "
                                             "(POST /api/v1/change-notices)")));
    }
    Submit(std::move(reply), 201,
           [this, r = std::move(r), actor = ActorOf(*ctx.principal)](storage::CommandContext& c) {
             return storage::OpenReview(c, actor, r, policy());
           });
  }

  void ReviewAction(Context&& ctx, Reply reply) {
    auto body = ParseBody(ctx.request.body, domain::ReviewActionFields());
    if (!body.ok()) return reply(ErrorResponse(body.error()));
    storage::ReviewAction a{.action = StateString(*body, "action"),
                            .comment = StateString(*body, "comment"),
                            .assignee_id = StateString(*body, "assignee_id")};
    if (const json::value* d = body->if_contains("documentation"); d && d->is_object()) {
      a.documentation = d->as_object();
    }
    const Principal& p = *ctx.principal;
    auto action = workflow::review::ParseAction(a.action);
    if (!action) return reply(ErrorResponse(ValidationError("action", "unknown action")));
    std::optional<Error> no =
        workflow::review::RoleRefusal(policy(), p.role, p.break_glass, *action);
    if (a.action == "request_info" && a.comment.empty()) {
      return reply(
          ErrorResponse(ValidationError("comment", "is required: what the party is asked for")));
    }
    if (no) return reply(ErrorResponse(*no));
    if (a.action == "reject" && a.comment.empty()) {
      return reply(ErrorResponse(
          ValidationError("comment", "is required to reject: say what needs further review")));
    }
    Submit(std::move(reply), 200,
           [this, id = ctx.path_params.at("id"), a = std::move(a),
            actor = ActorOf(p)](storage::CommandContext& c) {
             return storage::ApplyReviewAction(c, actor, id, a, policy());
           });
  }

  void Respond(Context&& ctx, Reply reply) {
    const Principal& p = *ctx.principal;
    // Another party's review is 404 before anything about the body is said (TP-7).
    Status visible = deps_.store.Read([&](storage::Tx& tx) -> Status {
      auto review = storage::GetObject(tx, "review", ctx.path_params.at("id"), ScopeOf(p));
      if (!review.ok()) return std::move(review).error();
      if (!review->has_value()) return NotFound("review " + ctx.path_params.at("id"));
      return Ok();
    });
    if (!visible.ok()) return reply(ErrorResponse(visible.error()));
    auto body = ParseBody(ctx.request.body, domain::ReviewResponseFields());
    if (!body.ok()) return reply(ErrorResponse(body.error()));
    Submit(
        std::move(reply), 200,
        [id = ctx.path_params.at("id"), party = p.party_id, message = StateString(*body, "message"),
         documents = IdList(*body, "documents"), actor = ActorOf(p)](storage::CommandContext& c) {
          return storage::RespondToReview(c, actor, party, id, message, documents);
        });
  }

  void Requests(Context&& ctx, Reply reply) {
    const std::string& party_id = ctx.path_params.at("party_id");
    json::array items;
    Status s = deps_.store.Read([&](storage::Tx& tx) -> Status {
      auto party = storage::GetObject(tx, "party", party_id, ScopeOf(*ctx.principal));
      if (!party.ok()) return std::move(party).error();
      if (!party->has_value()) return NotFound("party " + party_id);
      auto r = storage::PartyRequests(tx, party_id);
      if (!r.ok()) return std::move(r).error();
      items = std::move(*r);
      return Ok();
    });
    reply(s.ok() ? JsonResponse(json::object{{"items", std::move(items)}})
                 : ErrorResponse(s.error()));
  }

  void RecordSoc2(Context&& ctx, Reply reply) {
    // The profile's open roles record SOC 2 reports, as they open reviews (ReviewsPolicy).
    if (auto no = Refusal(*ctx.principal, policy().open_roles, "record SOC 2 reports")) {
      return reply(ErrorResponse(*no));
    }
    // The report's own fields first, so a malformed body is told what is wrong with it
    // before any owner is looked up.
    auto body = ParseBody(ctx.request.body, domain::FindKind("soc2_report")->fields);
    if (!body.ok()) return reply(ErrorResponse(body.error()));
    Submit(std::move(reply), 201,
           [this, party = ctx.path_params.at("party_id"), body = std::move(*body),
            actor = ActorOf(*ctx.principal)](storage::CommandContext& c) -> Result<json::object> {
             // Owners of complementary user-entity controls must be accounts.
             if (const json::value* cs = body.if_contains("user_entity_controls");
                 cs && cs->is_array()) {
               const auto& arr = cs->as_array();
               for (size_t i = 0; i < arr.size(); ++i) {
                 if (!arr[i].is_object()) continue;
                 std::string owner = StateString(arr[i].as_object(), "owner_id");
                 if (owner.empty()) continue;
                 auto user = storage::GetObject(c.tx(), "user", owner, storage::Scope{});
                 if (!user.ok()) return std::move(user).error();
                 std::string field = "user_entity_controls[" + std::to_string(i) + "].owner_id";
                 if (!user->has_value()) {
                   return ValidationError(field, "no account has id " + owner);
                 }
                 // "Our" owner: an active account of the workforce, not a party's contact.
                 const json::object& u = (*user)->doc;
                 if (!domain::IsWorkforceRole(StateString(u, "role")) ||
                     StateString(u, "status") != "active") {
                   return ValidationError(field, "must be an active account of our workforce (" +
                                                     StateString(u, "email") + " is " +
                                                     StateString(u, "role") + ", " +
                                                     StateString(u, "status") + ")");
                 }
               }
             }
             auto reviewed = TimeOf(body, "reviewed_at");
             if (reviewed && *reviewed > c.Now()) {
               return ValidationError("reviewed_at", "must not be in the future");
             }
             auto created = storage::CreateRegistryObject(c, "soc2_report", party, body, actor);
             if (!created.ok()) return std::move(created).error();
             json::object report = std::move(created->as_object());
             auto findings = storage::RaiseSoc2Findings(c, actor, report, policy());
             if (!findings.ok()) return std::move(findings).error();
             if (!findings->empty()) {
               // The report's own state names its findings, in a second version.
               json::array ids;
               for (const auto& f : *findings) ids.push_back(json::value(f));
               report.erase("ledger_index");
               report["finding_ids"] = std::move(ids);
               report["reviewed_by"] = domain::ActorJson(actor);
               auto index =
                   c.Append(domain::Event{.type = "soc2_report.findings_opened",
                                          .actor = actor,
                                          .subject = {"soc2_report", StateString(report, "id")},
                                          .payload = json::object{{"state", report}}});
               if (!index.ok()) return std::move(index).error();
               report["ledger_index"] = static_cast<int64_t>(*index);
             }
             return report;
           });
  }

  void RecordChange(Context&& ctx, Reply reply) {
    const Principal& p = *ctx.principal;
    bool vendor = p.role == "third_party_contact";
    if (!vendor) {
      if (auto no = Refusal(p, policy().open_roles, "record change notices")) {
        return reply(ErrorResponse(*no));
      }
    }
    auto body = ParseBody(ctx.request.body, domain::ChangeNoticeCreateFields());
    if (!body.ok()) return reply(ErrorResponse(body.error()));
    if (vendor) {
      // A vendor announces changes to its own services; whether one is substantial is the
      // officer's call (and the profile's rules), not the vendor's.
      if (StateString(*body, "party_id") != p.party_id) {
        return reply(ErrorResponse(NotFound("party " + StateString(*body, "party_id"))));
      }
      for (const char* field : {"substantial", "system_ids"}) {
        if (body->contains(field)) {
          return reply(ErrorResponse(
              ValidationError(field,
                              "is decided by the organisation's officers, not by the party: "
                              "whether a change touches our systems and is substantial")));
        }
      }
    }
    Submit(std::move(reply), 201,
           [this, body = std::move(*body), actor = ActorOf(p),
            vendor](storage::CommandContext& c) -> Result<json::object> {
             auto notice = storage::RecordChangeNotice(c, actor, body, policy());
             // The vendor sees its announcement, not our assessment of it.
             if (notice.ok() && vendor) {
               domain::RemoveInternalFields(domain::FindKind("change_notice")->fields, *notice);
             }
             return notice;
           });
  }

  void ChangeAction(Context&& ctx, Reply reply) {
    if (auto no = Refusal(*ctx.principal, policy().open_roles, "record what became of a change")) {
      return reply(ErrorResponse(*no));
    }
    auto body = ParseBody(ctx.request.body, domain::ChangeNoticeActionFields());
    if (!body.ok()) return reply(ErrorResponse(body.error()));
    Submit(std::move(reply), 200,
           [this, id = ctx.path_params.at("id"), body = std::move(*body),
            actor = ActorOf(*ctx.principal)](storage::CommandContext& c) {
             return storage::ChangeNoticeAction(c, actor, id, StateString(body, "action"),
                                                TimeOf(body, "at"), StateString(body, "comment"),
                                                policy());
           });
  }

  void CreateFinding(Context&& ctx, Reply reply) {
    if (auto no = Refusal(*ctx.principal, kOfficerRoles, "open findings")) {
      return reply(ErrorResponse(*no));
    }
    auto body = ParseBody(ctx.request.body, domain::FindingCreateFields());
    if (!body.ok()) return reply(ErrorResponse(body.error()));
    storage::NewFinding f{.title = StateString(*body, "title"),
                          .description = StateString(*body, "description"),
                          .severity = StateString(*body, "severity"),
                          .party_id = StateString(*body, "party_id"),
                          .source_kind = body->contains("review_id") ? "review" : "manual",
                          .source_id = StateString(*body, "review_id"),
                          .rule = "manual",
                          .owner_id = StateString(*body, "owner_id"),
                          .due = TimeOf(*body, "due_at")};
    if (f.owner_id.empty()) f.owner_id = ctx.principal->id;
    Submit(std::move(reply), 201,
           [this, f = std::move(f),
            actor = ActorOf(*ctx.principal)](storage::CommandContext& c) -> Result<json::object> {
             if (!f.source_id.empty()) {
               auto review = storage::GetObject(c.tx(), "review", f.source_id, storage::Scope{});
               if (!review.ok()) return std::move(review).error();
               if (!review->has_value()) {
                 return ValidationError("review_id", "no review has id " + f.source_id);
               }
             }
             return storage::OpenFinding(c, actor, f, policy());
           });
  }

  void FindingAction(Context&& ctx, Reply reply) {
    if (auto no = Refusal(*ctx.principal, kOfficerRoles, "manage findings")) {
      return reply(ErrorResponse(*no));
    }
    auto body = ParseBody(ctx.request.body, domain::FindingActionFields());
    if (!body.ok()) return reply(ErrorResponse(body.error()));
    Submit(std::move(reply), 200,
           [this, id = ctx.path_params.at("id"), body = std::move(*body),
            actor = ActorOf(*ctx.principal)](storage::CommandContext& c) {
             return storage::ApplyFindingAction(
                 c, actor, id, StateString(body, "action"), StateString(body, "comment"),
                 StateString(body, "owner_id"), IdList(body, "evidence"), policy());
           });
  }

  void Dashboard(Context&& ctx, Reply reply) {
    json::object body;
    Status s = deps_.store.Read([&](storage::Tx& tx) -> Status {
      auto d = storage::ReviewDashboard(tx, deps_.clock.Now());
      if (!d.ok()) return std::move(d).error();
      body = std::move(*d);
      auto extras = storage::DashboardExtras(tx, deps_.clock.Now());
      if (!extras.ok()) return std::move(extras).error();
      for (auto& [k, v] : *extras) body[k] = std::move(v);
      return Ok();
    });
    (void)ctx;
    reply(s.ok() ? JsonResponse(body) : ErrorResponse(s.error()));
  }

  void Report(Context&& ctx, Reply reply) {
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
    Status s = deps_.store.Read([&](storage::Tx& tx) -> Status {
      auto r =
          storage::SlaReviewReport(tx, range->first, range->second, canonical, deps_.clock.Now());
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

  void Outbox(Context&& ctx, Reply reply) {
    auto page = ParsePage(ctx);
    if (!page.ok()) return reply(ErrorResponse(page.error()));
    storage::OutboxQuery q{.status = std::string(ctx.Query("status")),
                           .ref_id = std::string(ctx.Query("ref_id")),
                           .after_id = page->after_id,
                           .limit = page->limit};
    if (!q.status.empty() && q.status != "queued" && q.status != "sent" && q.status != "failed") {
      return reply(ErrorResponse(ValidationError("status", "must be queued, sent or failed")));
    }
    json::object body;
    Status s = deps_.store.Read([&](storage::Tx& tx) -> Status {
      auto r = storage::ListOutbox(tx, q);
      if (!r.ok()) return std::move(r).error();
      json::array items;
      for (auto& o : r->first) items.push_back(std::move(o));
      body["items"] = std::move(items);
      body["next_cursor"] = r->second ? json::value(EncodeIdCursor(*r->second)) : nullptr;
      return Ok();
    });
    reply(s.ok() ? JsonResponse(body) : ErrorResponse(s.error()));
  }

  Router& router_;
  ApiDeps& deps_;
};

}  // namespace

void AddReviewRoutes(Router& router, ApiDeps& deps) {
  ReviewRoutes::Add(std::make_shared<ReviewRoutes>(router, deps));
}

}  // namespace accord::http
