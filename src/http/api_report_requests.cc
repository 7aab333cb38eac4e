// Audit-report requests over HTTP (IN-4). Public, no sign-in: the request form
// (/trust/request, and its JSON twin under /api/v1/public/) and the click-through NDA
// (/nda/{token}), whose POST is where the secret link is used, so a mail scanner that fetches
// a link changes nothing. Signed in: staff log a request for a customer who emailed, link it,
// and the officers decide. Reads of requests come from the registry's generic routes (kind
// report_request). The route group's other pages: api_report_links.cc (/downloads/{token})
// and api_trust_subscriptions.cc.
#include <boost/json.hpp>
#include <memory>

#include "accord/core/time.h"
#include "accord/domain/fields.h"
#include "accord/domain/registry.h"
#include "accord/domain/report_requests.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/html_page.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/report_requests.h"
#include "accord/workflow/report_request.h"
#include "report_routes.h"

namespace accord::http {

namespace report_routes {

using domain::StateString;

namespace {

// What every public submission answers, whatever happened to it: whether the organisation
// is known, linked or has an NDA is never revealed to the submitter.
constexpr std::string_view kReceived =
    "Thank you: your request was received. We will email you about the next step.";

std::string RequestForm(const std::string& org, const std::map<std::string, std::string>& values,
                        const std::vector<ErrorDetail>& errors, const std::string& message) {
  std::string options;
  auto chosen = values.find("report_type");
  for (const auto& t : domain::ReportTypes()) {
    bool selected = chosen != values.end() && chosen->second == t;
    options += "<option value=\"" + t + "\"" + (selected ? " selected" : "") + ">" +
               HtmlEscape(domain::ReportTypeLabel(t)) + "</option>";
  }
  std::string type_error = FieldError(errors, "report_type");
  std::string body =
      "<main><h1>Request an audit report</h1><p>" + HtmlEscape(org) +
      " shares its audit reports with customers and partners under a non-disclosure "
      "agreement. Tell us who you are; we email you the next step.</p>" +
      ErrorSummary(errors, message) + "<form method=\"post\" action=\"/trust/request\">" +
      FormInput("name", "Full name", "text", values, errors, true, "name") +
      FormInput("email", "Work email", "email", values, errors, true, "email") +
      FormInput("organisation", "Organisation", "text", values, errors, true, "organization") +
      "<label for=\"report_type\">Report</label><select id=\"report_type\" "
      "name=\"report_type\" required" +
      InvalidAttributes("report_type", type_error) + ">" + options + "</select>" +
      ErrorText("report_type", type_error) +
      FormInput("needed_by", "Needed by", "date", values, errors, false) +
      FormInput("message", "Message", "textarea", values, errors, false) +
      "<button type=\"submit\">Send request</button></form><p><a href=\"/trust\">Back to the "
      "trust center</a></p></main>";
  return PublicPage("Request an audit report", body);
}

void SubmitPublic(ReportPages& pages, Reply reply, json::object fields, std::string address,
                  std::function<Response(Result<json::object>)> done) {
  storage::RequestOrigin origin{"public_form", std::move(address)};
  pages.Submit(
      std::move(reply),
      [fields = std::move(fields), origin,
       settings = pages.Settings()](storage::CommandContext& c) {
        return storage::SubmitReportRequest(c, domain::Actor{"public_form", "requester"}, fields,
                                            origin, settings);
      },
      std::move(done));
}

Response FormPage(ReportPages& pages, Context&) {
  Response r = PublicHtml(RequestForm(pages.Organisation(), {}, {}, ""));
  r.headers.push_back({"Cache-Control", "public, max-age=5"});
  return r;
}

void FormPost(ReportPages& pages, Context&& ctx, Reply reply) {
  auto form = ParseForm(ctx.request.body);
  std::string org = pages.Organisation();
  if (!form.ok()) {
    return reply(PublicHtml(RequestForm(org, {}, {}, form.error().message), 400));
  }
  const auto& specs = domain::ReportRequestFields(false);
  auto fields = Validated(FormFields(*form, specs), specs);
  if (!fields.ok()) {
    return reply(PublicHtml(RequestForm(org, *form, fields.error().details, ""), 422));
  }
  SubmitPublic(pages, std::move(reply), std::move(*fields), ctx.request.remote_address,
               [org, values = *form](Result<json::object> r) {
                 if (r.ok())
                   return PublicHtml(NoticePage("Request received", std::string(kReceived)));
                 const Error& e = r.error();
                 if (e.code == ErrorCode::kRateLimited) {
                   return RateLimitedResponse(
                       PublicHtml(RequestForm(org, values, {}, e.message), 429), e);
                 }
                 if (e.code == ErrorCode::kValidationFailed) {
                   return PublicHtml(RequestForm(org, values, e.details, ""), 422);
                 }
                 return ErrorResponse(e);
               });
}

void PublicJson(ReportPages& pages, Context&& ctx, Reply reply) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  auto fields = Validated(*body, domain::ReportRequestFields(false));
  if (!fields.ok()) return reply(ErrorResponse(fields.error()));
  SubmitPublic(
      pages, std::move(reply), std::move(*fields), ctx.request.remote_address,
      [](Result<json::object> r) {
        if (r.ok()) {
          return JsonResponse(json::object{{"status", "received"}, {"message", kReceived}}, 202);
        }
        return RateLimitedResponse(ErrorResponse(r.error()), r.error());
      });
}

void StaffCreate(ReportPages& pages, Context&& ctx, Reply reply) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  auto fields = Validated(*body, domain::ReportRequestFields(true));
  if (!fields.ok()) return reply(ErrorResponse(fields.error()));
  pages.Submit(
      std::move(reply),
      [fields = std::move(*fields), actor = ActorOf(*ctx.principal),
       settings = pages.Settings()](storage::CommandContext& c) {
        return storage::SubmitReportRequest(c, actor, fields, {"staff", ""}, settings);
      },
      [](Result<json::object> r) {
        if (!r.ok()) return ErrorResponse(r.error());
        return JsonResponse(*r, 201);
      });
}

void RequestAction(ReportPages& pages, Context&& ctx, Reply reply) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  auto fields = Validated(*body, domain::ReportRequestActionFields());
  if (!fields.ok()) return reply(ErrorResponse(fields.error()));
  if (ctx.principal->break_glass) {
    // The workflow's refusal, whatever the action; whether the role may decide is the
    // command's question, asked after whether the action is possible now.
    namespace wf = workflow::report_request;
    auto action = wf::ParseAction(StateString(*fields, "action")).value_or(wf::Action::kCancel);
    if (auto no = wf::RoleRefusal(ctx.principal->role, true, action)) {
      return reply(ErrorResponse(*no));
    }
  }
  pages.Submit(
      std::move(reply),
      [id = ctx.path_params.at("id"), fields = std::move(*fields), actor = ActorOf(*ctx.principal),
       settings = pages.Settings()](storage::CommandContext& c) {
        return storage::ReportRequestAction(c, actor, id, fields, settings);
      },
      [](Result<json::object> r) {
        if (!r.ok()) return ErrorResponse(r.error());
        return JsonResponse(*r);
      });
}

std::string NdaForm(ReportPages& pages, const std::string& token, const storage::ReportLink& link,
                    const std::map<std::string, std::string>& values,
                    const std::vector<ErrorDetail>& errors) {
  const json::object& request = link.request;
  std::map<std::string, std::string> v = values;
  if (values.empty()) {
    const json::value* r = request.if_contains("requester");
    if (r && r->is_object()) {
      v["name"] = StateString(r->as_object(), "name");
      v["email"] = StateString(r->as_object(), "email");
    }
    v["organisation"] = StateString(request, "organisation");
  }
  std::string accept_error = FieldError(errors, "accept");
  std::string text(pages.Settings().NdaText());
  std::string body =
      "<main><h1>Non-disclosure agreement</h1><p>Before " + HtmlEscape(pages.Organisation()) +
      " shares its " + HtmlEscape(domain::ReportTypeLabel(StateString(request, "report_type"))) +
      ", please read and accept this agreement. We record your name, email, organisation, "
      "the time, your IP address, your browser's user agent and a fingerprint (SHA-256) of "
      "this exact text.</p><pre tabindex=\"0\" aria-label=\"Agreement text\">" +
      HtmlEscape(text) + "</pre>" + ErrorSummary(errors, "") +
      "<form method=\"post\" action=\"/nda/" + HtmlEscape(token) + "\">" +
      FormInput("name", "Full name", "text", v, errors, true, "name") +
      FormInput("email", "Email", "email", v, errors, true, "email") +
      FormInput("organisation", "Organisation", "text", v, errors, true, "organization") +
      "<label for=\"accept\"><input type=\"checkbox\" id=\"accept\" name=\"accept\" "
      "value=\"yes\" required" +
      InvalidAttributes("accept", accept_error) +
      ">I have read this agreement and accept it for the organisation named above</label>" +
      ErrorText("accept", accept_error) +
      "<button type=\"submit\">Accept the agreement</button></form><p>This link works until " +
      HumanMoment(FormatRfc3339(link.expires_at)) + ".</p></main>";
  return PublicPage("Non-disclosure agreement", body);
}

Response NdaPage(ReportPages& pages, Context& ctx) {
  auto link = pages.Lookup(ctx, "nda");
  if (!link.ok()) return ErrorResponse(link.error());
  if (link->state != storage::LinkState::kValid) return LinkProblem(link->state);
  return SecretLinkHtml(NdaForm(pages, ctx.path_params.at("token"), *link, {}, {}));
}

void NdaPost(ReportPages& pages, Context&& ctx, Reply reply) {
  auto link = pages.Lookup(ctx, "nda");
  if (!link.ok()) return reply(ErrorResponse(link.error()));
  if (link->state != storage::LinkState::kValid) return reply(LinkProblem(link->state));
  auto form = ParseForm(ctx.request.body);
  if (!form.ok()) return reply(ErrorResponse(form.error()));
  static const std::vector<domain::FieldSpec> kFields = {
      {.name = "name", .type = domain::FieldType::kString, .required = true},
      {.name = "email", .type = domain::FieldType::kEmail, .required = true},
      {.name = "organisation", .type = domain::FieldType::kString, .required = true},
  };
  std::vector<ErrorDetail> errors;
  auto fields = Validated(FormFields(*form, kFields), kFields);
  if (!fields.ok()) errors = fields.error().details;
  if (form->count("accept") == 0 || form->at("accept") != "yes") {
    errors.push_back({"accept", "tick the box to accept the agreement", {}});
  }
  const std::string token = ctx.path_params.at("token");
  if (!errors.empty()) return reply(PublicHtml(NdaForm(pages, token, *link, *form, errors), 422));
  storage::NdaAcceptance a{StateString(*fields, "name"), StateString(*fields, "email"),
                           StateString(*fields, "organisation"), ctx.request.remote_address,
                           Printable(ctx.request.HeaderValue("User-Agent"))};
  pages.Submit(
      std::move(reply),
      [token, a = std::move(a), settings = pages.Settings()](storage::CommandContext& c) {
        return storage::AcceptNda(c, token, a, settings);
      },
      [](Result<json::object> r) {
        if (!r.ok()) return LinkProblem(r.error());
        return PublicHtml(
            NoticePage("Agreement accepted",
                       "Thank you. The agreement is recorded; our security team now reviews your "
                       "request and emails you the outcome."));
      });
}

}  // namespace

void AddRequestRoutes(Router& router, const std::shared_ptr<ReportPages>& pages) {
  router.Add(ReadRoute("/trust/request", kPublic, Html())
                 .Summary("The audit-report request form (IN-4)")
                 .Tag("trust")
                 .Handle(pages, FormPage));
  router.Add(CommandRoute("POST", "/trust/request", kPublic, RawBody(), Html())
                 .Summary("Submit the audit-report request form (form-encoded; at most " +
                          std::to_string(storage::kPublicPostsPerHour) + " per address per hour)")
                 .Tag("trust")
                 .BodyLimit(kFormLimit)
                 .Handle(pages, FormPost));
  router.Add(
      CommandRoute(
          "POST", "/api/v1/public/report-requests", kPublic,
          JsonBody(domain::SchemaOf(domain::ReportRequestFields(false), false)),
          Json(schema::Object({{"status", schema::String()}, {"message", schema::String()}}), 202))
          .Summary("Request an audit report (IN-4): name, email, organisation, "
                   "report_type, needed_by, message; the answer is the same whatever "
                   "becomes of it")
          .Tag("trust")
          .BodyLimit(kFormLimit)
          .Handle(pages, PublicJson));
  router.Add(CommandRoute("POST", "/api/v1/report-requests", domain::kWorkforce,
                          JsonBody(domain::SchemaOf(domain::ReportRequestFields(true), false)),
                          Json(schema::KindRef("report_request"), 201))
                 .Summary("Log an audit-report request for a customer who asked by email or "
                          "phone; party_id links it at once")
                 .Tag("trust")
                 .Handle(pages, StaffCreate));
  router.Add(CommandRoute("POST", "/api/v1/report-requests/{id}/actions", domain::kWorkforce,
                          JsonBody(domain::SchemaOf(domain::ReportRequestActionFields(), false)),
                          Json(schema::KindRef("report_request")))
                 .Summary("link | send_nda | cancel (workforce); approve | reject | reissue "
                          "(Security or Privacy Officer)")
                 .Tag("trust")
                 .Path("id", "report request id")
                 .Handle(pages, RequestAction));
  router.Add(ReadRoute("/nda/{token}", kPublic, Html())
                 .Summary("The click-through NDA a requester was sent")
                 .Tag("trust")
                 .Path("token", kTokenParam)
                 .Handle(pages, NdaPage));
  router.Add(CommandRoute("POST", "/nda/{token}", kPublic, RawBody(), Html())
                 .Summary("Accept the NDA (form-encoded: name, email, organisation, accept)")
                 .Tag("trust")
                 .Path("token", kTokenParam)
                 .BodyLimit(kFormLimit)
                 .Handle(pages, NdaPost));
}

}  // namespace report_routes

void AddReportRequestRoutes(Router& router, ApiDeps& deps) {
  auto pages = std::make_shared<report_routes::ReportPages>(deps);
  report_routes::AddRequestRoutes(router, pages);
  report_routes::AddLinkRoutes(router, pages);
  report_routes::AddSubscriptionRoutes(router, pages);
  report_routes::AddQuestionnaireLinkRoutes(router, pages);
}

}  // namespace accord::http
