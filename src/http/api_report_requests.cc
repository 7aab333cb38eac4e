// Audit-report requests over HTTP (IN-4). Public, no sign-in: the request form
// (/trust/request, and its JSON twin under /api/v1/public/), the click-through NDA
// (/nda/{token}) and the download page (/downloads/{token}); their POSTs are where the
// secret links are used, so a mail scanner that fetches a link changes nothing. Signed in:
// staff log a request for a customer who emailed, link it, and the officers decide.
// Reads of requests come from the registry's generic routes (kind report_request).
#include <boost/json.hpp>
#include <chrono>
#include <memory>
#include <mutex>

#include "accord/core/bytes.h"
#include "accord/core/time.h"
#include "accord/domain/fields.h"
#include "accord/domain/registry.h"
#include "accord/domain/report_requests.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/documents.h"
#include "accord/storage/report_requests.h"
#include "accord/storage/trust_subscriptions.h"

namespace accord::http {

namespace json = boost::json;
using domain::StateString;

namespace {

constexpr size_t kFormLimit = 16 * 1024;

// What every public submission answers, whatever happened to it: whether the organisation
// is known, linked or has an NDA is never revealed to the submitter.
constexpr std::string_view kReceived =
    "Thank you: your request was received. We will email you about the next step.";

std::string FieldError(const std::vector<ErrorDetail>& details, const std::string& field) {
  for (const auto& d : details) {
    if (d.field == field) return d.reason;
  }
  return "";
}

// A labelled input with its error beside it (aria-describedby), value kept on a re-render.
std::string Input(const std::string& name, const std::string& label, const std::string& type,
                  const std::map<std::string, std::string>& values,
                  const std::vector<ErrorDetail>& errors, bool required,
                  const std::string& autocomplete = "") {
  auto it = values.find(name);
  std::string value = it == values.end() ? "" : it->second;
  std::string error = FieldError(errors, name);
  std::string out = "<label for=\"" + name + "\">" + HtmlEscape(label) +
                    (required ? "" : " (optional)") + "</label>";
  std::string attrs =
      " id=\"" + name + "\" name=\"" + name + "\"" + (required ? " required" : "") +
      (autocomplete.empty() ? "" : " autocomplete=\"" + autocomplete + "\"") +
      (error.empty() ? "" : " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\"");
  if (type == "textarea") {
    out +=
        "<textarea" + attrs + " rows=\"4\" maxlength=\"2000\">" + HtmlEscape(value) + "</textarea>";
  } else {
    out += "<input type=\"" + type + "\"" + attrs + " value=\"" + HtmlEscape(value) + "\">";
  }
  if (!error.empty()) {
    out += "<p class=\"error\" id=\"" + name + "-error\">" + HtmlEscape(error) + "</p>";
  }
  return out;
}

std::string ErrorSummary(const std::vector<ErrorDetail>& errors, const std::string& message) {
  if (errors.empty() && message.empty()) return "";
  return "<p class=\"error\" role=\"alert\">" +
         HtmlEscape(message.empty() ? "Please correct the fields marked below." : message) + "</p>";
}

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
      Input("name", "Full name", "text", values, errors, true, "name") +
      Input("email", "Work email", "email", values, errors, true, "email") +
      Input("organisation", "Organisation", "text", values, errors, true, "organization") +
      "<label for=\"report_type\">Report</label><select id=\"report_type\" "
      "name=\"report_type\" required" +
      (type_error.empty() ? "" : " aria-invalid=\"true\" aria-describedby=\"report_type-error\"") +
      ">" + options + "</select>" +
      (type_error.empty()
           ? ""
           : "<p class=\"error\" id=\"report_type-error\">" + HtmlEscape(type_error) + "</p>") +
      Input("needed_by", "Needed by", "date", values, errors, false) +
      Input("message", "Message", "textarea", values, errors, false) +
      "<button type=\"submit\">Send request</button></form><p><a href=\"/trust\">Back to the "
      "trust center</a></p></main>";
  return PublicPage("Request an audit report", body);
}

std::string NoticePage(const std::string& title, const std::string& text) {
  return PublicPage(title, "<main><h1>" + HtmlEscape(title) +
                               "</h1><p class=\"notice\" "
                               "role=\"status\">" +
                               HtmlEscape(text) +
                               "</p><p><a href=\"/trust\">The trust center</a></p></main>");
}

Response LinkProblem(storage::LinkState state) {
  if (state == storage::LinkState::kExpired) {
    return PublicHtml(NoticePage("This link has expired",
                                 "Personal links work for a limited time. Ask us for a new one "
                                 "by requesting the report again."),
                      410);
  }
  if (state == storage::LinkState::kUsedUp) {
    return PublicHtml(NoticePage("This link has been used",
                                 "It allowed a limited number of uses and they are all used. "
                                 "Ask us for a new one."),
                      410);
  }
  return PublicHtml(
      NoticePage("Link not found", "This link is not valid. Check that it was copied whole."), 404);
}

Response LinkProblem(const Error& e) {
  if (e.code == ErrorCode::kNotFound) return LinkProblem(storage::LinkState::kUnknown);
  if (e.code == ErrorCode::kConflict) {
    bool expired = !e.details.empty() && e.details[0].reason == "expired";
    return LinkProblem(expired ? storage::LinkState::kExpired : storage::LinkState::kUsedUp);
  }
  return ErrorResponse(e);
}

// A header value fit for the ledger: printable ASCII (anything else is '?'), at most 500 bytes.
std::string Printable(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 500)) {
    auto u = static_cast<unsigned char>(c);
    out += u < 0x20 || u >= 0x7f ? '?' : c;
  }
  return out;
}

// Form values as a JSON body for the field specs: empty optional values are left out.
json::object FormBody(const std::map<std::string, std::string>& form,
                      const std::vector<domain::FieldSpec>& specs) {
  json::object body;
  for (const auto& spec : specs) {
    auto it = form.find(spec.name);
    if (it == form.end() || (it->second.empty() && !spec.required)) continue;
    body[spec.name] = it->second;
  }
  return body;
}

Result<json::object> Validated(const json::object& body,
                               const std::vector<domain::FieldSpec>& specs) {
  std::vector<ErrorDetail> details;
  json::object out;
  domain::ValidateFields(specs, body, false, "", out, details);
  for (const auto& [key, value] : out) {
    if (value.is_string() && domain::HasUnsafeText(value.as_string())) {
      details.push_back({std::string(key),
                         "must not contain control, line-separator or bidirectional characters",
                         {}});
    }
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  return out;
}

Response RateLimitedResponse(Response r, const Error& e) {
  if (int64_t wait = storage::RetryAfterSeconds(e); wait > 0) {
    r.headers.push_back({"Retry-After", std::to_string(wait)});
  }
  return r;
}

class ReportRequestRoutes {
 public:
  ReportRequestRoutes(Router& router, ApiDeps& deps) : router_(router), deps_(deps) {}

  static void Add(const std::shared_ptr<ReportRequestRoutes>& self) {
    Router& router = self->router_;
    auto bind = [self](void (ReportRequestRoutes::*fn)(Context&&, Reply)) {
      return [self, fn](Context&& ctx, Reply reply) { ((*self).*fn)(std::move(ctx), reply); };
    };
    auto token_param = std::vector<ParamDoc>{
        {"token", "path", "string", true, "the personal link's secret (256 bits)"}};
    router.Add(Route{.method = "GET",
                     .pattern = "/trust/request",
                     .is_public = true,
                     .summary = "The audit-report request form (IN-4)",
                     .tag = "trust",
                     .response_type = "text/html",
                     .handler = bind(&ReportRequestRoutes::FormPage)});
    router
        .Add(Route{.method = "POST",
                   .pattern = "/trust/request",
                   .is_public = true,
                   .summary = "Submit the audit-report request form (form-encoded; at most " +
                              std::to_string(storage::kPublicPostsPerHour) +
                              " per address per hour)",
                   .tag = "trust",
                   .response_type = "text/html",
                   .handler = bind(&ReportRequestRoutes::FormPost)})
        .body_limit = kFormLimit;
    router
        .Add(Route{.method = "POST",
                   .pattern = "/api/v1/public/report-requests",
                   .is_public = true,
                   .summary = "Request an audit report (IN-4): name, email, organisation, "
                              "report_type, needed_by, message; the answer is the same "
                              "whatever becomes of it",
                   .tag = "trust",
                   .request_schema = domain::SchemaOf(domain::ReportRequestFields(false), false),
                   .response_schema = schema::Object(
                       {{"status", schema::String()}, {"message", schema::String()}}),
                   .success_status = 202,
                   .handler = bind(&ReportRequestRoutes::PublicJson)})
        .body_limit = kFormLimit;
    router.Add(Route{.method = "POST",
                     .pattern = "/api/v1/report-requests",
                     .roles = kWorkforceRoles,
                     .summary = "Log an audit-report request for a customer who asked by email "
                                "or phone; party_id links it at once",
                     .tag = "trust",
                     .request_schema = domain::SchemaOf(domain::ReportRequestFields(true), false),
                     .response_schema = schema::KindRef("report_request"),
                     .success_status = 201,
                     .handler = bind(&ReportRequestRoutes::StaffCreate)});
    router.Add(Route{.method = "POST",
                     .pattern = "/api/v1/report-requests/{id}/actions",
                     .roles = kWorkforceRoles,
                     .summary = "link | send_nda | cancel (workforce); approve | reject | "
                                "reissue (Security or Privacy Officer)",
                     .tag = "trust",
                     .params = {{"id", "path", "string", true, "report request id"}},
                     .request_schema = domain::SchemaOf(domain::ReportRequestActionFields(), false),
                     .response_schema = schema::KindRef("report_request"),
                     .handler = bind(&ReportRequestRoutes::Action)});
    router.Add(Route{.method = "GET",
                     .pattern = "/nda/{token}",
                     .is_public = true,
                     .summary = "The click-through NDA a requester was sent",
                     .tag = "trust",
                     .params = token_param,
                     .response_type = "text/html",
                     .handler = bind(&ReportRequestRoutes::NdaPage)});
    router
        .Add(Route{.method = "POST",
                   .pattern = "/nda/{token}",
                   .is_public = true,
                   .summary = "Accept the NDA (form-encoded: name, email, organisation, accept)",
                   .tag = "trust",
                   .params = token_param,
                   .response_type = "text/html",
                   .handler = bind(&ReportRequestRoutes::NdaPost)})
        .body_limit = kFormLimit;
    router.Add(Route{.method = "GET",
                     .pattern = "/downloads/{token}",
                     .is_public = true,
                     .summary = "An approved report's download page",
                     .tag = "trust",
                     .params = token_param,
                     .response_type = "text/html",
                     .handler = bind(&ReportRequestRoutes::DownloadPage)});
    router
        .Add(Route{.method = "POST",
                   .pattern = "/downloads/{token}",
                   .is_public = true,
                   .summary = "Download the report (each download is counted and recorded)",
                   .tag = "trust",
                   .params = token_param,
                   .response_type = "application/octet-stream",
                   .handler = bind(&ReportRequestRoutes::DownloadPost)})
        .body_limit = kFormLimit;
    // Email subscriptions to the subprocessor list (double opt-in).
    router
        .Add(Route{.method = "POST",
                   .pattern = "/trust/subscribe",
                   .is_public = true,
                   .summary = "Subscribe an email to subprocessor-list changes (form-encoded "
                              "email; a confirmation link is emailed)",
                   .tag = "trust",
                   .response_type = "text/html",
                   .handler = bind(&ReportRequestRoutes::SubscribeForm)})
        .body_limit = kFormLimit;
    router
        .Add(Route{.method = "POST",
                   .pattern = "/api/v1/public/subscriptions",
                   .is_public = true,
                   .summary = "Subscribe {email} to subprocessor-list changes; the answer is the "
                              "same whatever the address's state",
                   .tag = "trust",
                   .request_schema = domain::SchemaOf(SubscribeFields(), false),
                   .response_schema = schema::Object(
                       {{"status", schema::String()}, {"message", schema::String()}}),
                   .success_status = 202,
                   .handler = bind(&ReportRequestRoutes::SubscribeJson)})
        .body_limit = kFormLimit;
    router.Add(Route{.method = "GET",
                     .pattern = "/trust/subscriptions/{token}",
                     .is_public = true,
                     .summary = "A subscription's page: confirm it or end it",
                     .tag = "trust",
                     .params = token_param,
                     .response_type = "text/html",
                     .handler = bind(&ReportRequestRoutes::SubscriptionPage)});
    router
        .Add(Route{.method = "POST",
                   .pattern = "/trust/subscriptions/{token}",
                   .is_public = true,
                   .summary = "Confirm or end a subscription (form-encoded action=confirm | "
                              "unsubscribe)",
                   .tag = "trust",
                   .params = token_param,
                   .response_type = "text/html",
                   .handler = bind(&ReportRequestRoutes::SubscriptionPost)})
        .body_limit = kFormLimit;
  }

 private:
  static const std::vector<domain::FieldSpec>& SubscribeFields() {
    static const std::vector<domain::FieldSpec> kFields = {
        {.name = "email", .type = domain::FieldType::kEmail, .required = true}};
    return kFields;
  }

  // Writes in one transaction; the store's own retry covers a busy database.
  Result<json::object> Subscribe(const std::string& email, const std::string& address) {
    std::string base = Settings().link_base;
    TimePoint now = deps_.clock.Now();
    Status s = deps_.store.Write([&](storage::Tx& tx) -> Status {
      return storage::Subscribe(tx, email, address, base, now);
    });
    if (!s.ok()) return std::move(s).error();
    return json::object{{"status", "received"}, {"message", kCheckInbox}};
  }

  static constexpr std::string_view kCheckInbox =
      "Thank you. If this address is not subscribed yet, it will receive an email with a link "
      "to confirm the subscription.";

  void SubscribeForm(Context&& ctx, Reply reply) {
    auto form = ParseForm(ctx.request.body);
    if (!form.ok()) return reply(ErrorResponse(form.error()));
    auto fields = Validated(FormBody(*form, SubscribeFields()), SubscribeFields());
    if (!fields.ok()) {
      return reply(PublicHtml(NoticePage("Subscription not recorded",
                                         "email: " + (fields.error().details.empty()
                                                          ? fields.error().message
                                                          : fields.error().details[0].reason)),
                              422));
    }
    auto r = Subscribe(StateString(*fields, "email"), ctx.request.remote_address);
    if (!r.ok()) {
      if (r.error().code == ErrorCode::kRateLimited) {
        return reply(RateLimitedResponse(
            PublicHtml(NoticePage("Too many requests", r.error().message), 429), r.error()));
      }
      return reply(ErrorResponse(r.error()));
    }
    reply(PublicHtml(NoticePage("Check your inbox", std::string(kCheckInbox))));
  }

  void SubscribeJson(Context&& ctx, Reply reply) {
    auto body = ParseJsonObject(ctx.request.body);
    if (!body.ok()) return reply(ErrorResponse(body.error()));
    auto fields = Validated(*body, SubscribeFields());
    if (!fields.ok()) return reply(ErrorResponse(fields.error()));
    auto r = Subscribe(StateString(*fields, "email"), ctx.request.remote_address);
    if (!r.ok()) return reply(RateLimitedResponse(ErrorResponse(r.error()), r.error()));
    reply(JsonResponse(*r, 202));
  }

  Response SubscriptionAnswer(const std::string& token, const storage::Subscriber& sub,
                              const std::string& notice) {
    std::string buttons;
    auto button = [&](const char* action, const char* label) {
      return "<form method=\"post\" action=\"/trust/subscriptions/" + HtmlEscape(token) +
             "\"><input type=\"hidden\" name=\"action\" value=\"" + action +
             "\"><button type=\"submit\">" + label + "</button></form>";
    };
    if (sub.status == "pending") buttons += button("confirm", "Confirm the subscription");
    if (sub.status != "ended") buttons += button("unsubscribe", "Unsubscribe");
    std::string state = sub.status == "pending"  ? "waiting for your confirmation"
                        : sub.status == "active" ? "active: you are emailed each change"
                                                 : "ended: nothing more is sent";
    std::string body =
        "<main><h1>Subprocessor-list subscription</h1>" +
        (notice.empty() ? std::string()
                        : "<p class=\"notice\" role=\"status\">" + HtmlEscape(notice) + "</p>") +
        "<p>" + HtmlEscape(sub.email) + ": " + HtmlEscape(state) + ".</p>" + buttons +
        "<p><a href=\"/trust/subprocessors\">The subprocessor list</a></p></main>";
    Response r = PublicHtml(PublicPage("Subprocessor-list subscription", body));
    r.headers.push_back({"Cache-Control", "no-store"});
    r.headers.push_back({"Referrer-Policy", "no-referrer"});
    return r;
  }

  void SubscriptionPage(Context&& ctx, Reply reply) {
    std::string token = ctx.path_params.at("token");
    std::optional<storage::Subscriber> sub;
    Status s = deps_.store.Read([&](storage::Tx& tx) -> Status {
      auto found = storage::FindSubscriber(tx, token);
      if (!found.ok()) return std::move(found).error();
      sub = std::move(*found);
      return Ok();
    });
    if (!s.ok()) return reply(ErrorResponse(s.error()));
    if (!sub) return reply(LinkProblem(storage::LinkState::kUnknown));
    reply(SubscriptionAnswer(token, *sub, ""));
  }

  void SubscriptionPost(Context&& ctx, Reply reply) {
    std::string token = ctx.path_params.at("token");
    auto form = ParseForm(ctx.request.body);
    if (!form.ok()) return reply(ErrorResponse(form.error()));
    std::string action = form->count("action") ? form->at("action") : "";
    Result<storage::Subscriber> changed = Error{};
    TimePoint now = deps_.clock.Now();
    Status s = deps_.store.Write([&](storage::Tx& tx) -> Status {
      changed = storage::ChangeSubscription(tx, token, action, now);
      if (!changed.ok()) return changed.error();
      return Ok();
    });
    if (!s.ok()) {
      if (s.error().code == ErrorCode::kNotFound) {
        return reply(LinkProblem(storage::LinkState::kUnknown));
      }
      return reply(ErrorResponse(s.error()));
    }
    reply(SubscriptionAnswer(token, *changed,
                             changed->status == "active"  ? "Subscription confirmed."
                             : changed->status == "ended" ? "You are unsubscribed."
                                                          : ""));
  }

  storage::ReportRequestSettings Settings() const {
    storage::ReportRequestSettings s;
    if (deps_.trust) {
      // listen_url is set before `ready`; before that only a configured public URL is used.
      bool ready = deps_.ready == nullptr || deps_.ready->load();
      s.link_base = ready ? deps_.trust->LinkBase() : deps_.trust->public_url;
      s.security_contact = deps_.trust->security_contact;
      s.nda_text = deps_.trust->nda_text;
    }
    return s;
  }

  // The organisation's name for page titles, read at most every 5 seconds.
  std::string Organisation() {
    auto now = std::chrono::steady_clock::now();
    {
      std::lock_guard lock(mu_);
      if (!org_.empty() && now - org_at_ < std::chrono::seconds(5)) return org_;
    }
    std::string name;
    Status s = deps_.store.Read([&](storage::Tx& tx) -> Status {
      auto org = storage::OrganisationName(tx);
      if (!org.ok()) return std::move(org).error();
      name = std::move(*org);
      return Ok();
    });
    if (!s.ok() || name.empty()) return "We";
    std::lock_guard lock(mu_);
    org_ = name;
    org_at_ = now;
    return name;
  }

  void Submit(Reply reply, std::function<Result<json::object>(storage::CommandContext&)> command,
              std::function<Response(Result<json::object>)> done) {
    deps_.log.Submit(
        [command = std::move(command)](storage::CommandContext& c) -> Result<json::value> {
          auto r = command(c);
          if (!r.ok()) return std::move(r).error();
          return json::value(std::move(*r));
        },
        [reply = std::move(reply), done = std::move(done)](Result<json::value> r) {
          if (!r.ok()) return reply(done(std::move(r).error()));
          reply(done(std::move(r->as_object())));
        });
  }

  void SubmitPublic(Reply reply, json::object fields, std::string address,
                    std::function<Response(Result<json::object>)> done) {
    storage::RequestOrigin origin{"public_form", std::move(address)};
    Submit(
        std::move(reply),
        [fields = std::move(fields), origin, settings = Settings()](storage::CommandContext& c) {
          return storage::SubmitReportRequest(c, domain::Actor{"public_form", "requester"}, fields,
                                              origin, settings);
        },
        std::move(done));
  }

  void FormPage(Context&& ctx, Reply reply) {
    (void)ctx;
    Response r = PublicHtml(RequestForm(Organisation(), {}, {}, ""));
    r.headers.push_back({"Cache-Control", "public, max-age=5"});
    reply(std::move(r));
  }

  void FormPost(Context&& ctx, Reply reply) {
    auto form = ParseForm(ctx.request.body);
    std::string org = Organisation();
    if (!form.ok()) {
      return reply(PublicHtml(RequestForm(org, {}, {}, form.error().message), 400));
    }
    const auto& specs = domain::ReportRequestFields(false);
    auto fields = Validated(FormBody(*form, specs), specs);
    if (!fields.ok()) {
      return reply(PublicHtml(RequestForm(org, *form, fields.error().details, ""), 422));
    }
    SubmitPublic(std::move(reply), std::move(*fields), ctx.request.remote_address,
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

  void PublicJson(Context&& ctx, Reply reply) {
    auto body = ParseJsonObject(ctx.request.body);
    if (!body.ok()) return reply(ErrorResponse(body.error()));
    auto fields = Validated(*body, domain::ReportRequestFields(false));
    if (!fields.ok()) return reply(ErrorResponse(fields.error()));
    SubmitPublic(
        std::move(reply), std::move(*fields), ctx.request.remote_address,
        [](Result<json::object> r) {
          if (r.ok()) {
            return JsonResponse(json::object{{"status", "received"}, {"message", kReceived}}, 202);
          }
          return RateLimitedResponse(ErrorResponse(r.error()), r.error());
        });
  }

  void StaffCreate(Context&& ctx, Reply reply) {
    auto body = ParseJsonObject(ctx.request.body);
    if (!body.ok()) return reply(ErrorResponse(body.error()));
    auto fields = Validated(*body, domain::ReportRequestFields(true));
    if (!fields.ok()) return reply(ErrorResponse(fields.error()));
    Submit(
        std::move(reply),
        [fields = std::move(*fields), actor = ActorOf(*ctx.principal),
         settings = Settings()](storage::CommandContext& c) {
          return storage::SubmitReportRequest(c, actor, fields, {"staff", ""}, settings);
        },
        [](Result<json::object> r) {
          if (!r.ok()) return ErrorResponse(r.error());
          return JsonResponse(*r, 201);
        });
  }

  void Action(Context&& ctx, Reply reply) {
    auto body = ParseJsonObject(ctx.request.body);
    if (!body.ok()) return reply(ErrorResponse(body.error()));
    auto fields = Validated(*body, domain::ReportRequestActionFields());
    if (!fields.ok()) return reply(ErrorResponse(fields.error()));
    if (ctx.principal->break_glass) {
      return reply(ErrorResponse(
          Error{ErrorCode::kForbidden,
                "not during break-glass: audit-report requests are handled signed in as yourself",
                {}}));
    }
    Submit(
        std::move(reply),
        [id = ctx.path_params.at("id"), fields = std::move(*fields),
         actor = ActorOf(*ctx.principal), settings = Settings()](storage::CommandContext& c) {
          return storage::ReportRequestAction(c, actor, id, fields, settings);
        },
        [](Result<json::object> r) {
          if (!r.ok()) return ErrorResponse(r.error());
          return JsonResponse(*r);
        });
  }

  Result<storage::ReportLink> Lookup(const Context& ctx, std::string_view purpose) {
    storage::ReportLink link;
    TimePoint now = deps_.clock.Now();
    Status s = deps_.store.Read([&](storage::Tx& tx) -> Status {
      auto l = storage::FindReportLink(tx, ctx.path_params.at("token"), purpose, now);
      if (!l.ok()) return std::move(l).error();
      link = std::move(*l);
      return Ok();
    });
    if (!s.ok()) return std::move(s).error();
    return link;
  }

  std::string NdaForm(const std::string& token, const storage::ReportLink& link,
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
    std::string text(Settings().NdaText());
    std::string body =
        "<main><h1>Non-disclosure agreement</h1><p>Before " + HtmlEscape(Organisation()) +
        " shares its " + HtmlEscape(domain::ReportTypeLabel(StateString(request, "report_type"))) +
        ", please read and accept this agreement. We record your name, email, organisation, "
        "the time, your IP address, your browser's user agent and a fingerprint (SHA-256) of "
        "this exact text.</p><pre tabindex=\"0\" aria-label=\"Agreement text\">" +
        HtmlEscape(text) + "</pre>" + ErrorSummary(errors, "") +
        "<form method=\"post\" action=\"/nda/" + HtmlEscape(token) + "\">" +
        Input("name", "Full name", "text", v, errors, true, "name") +
        Input("email", "Email", "email", v, errors, true, "email") +
        Input("organisation", "Organisation", "text", v, errors, true, "organization") +
        "<label for=\"accept\"><input type=\"checkbox\" id=\"accept\" name=\"accept\" "
        "value=\"yes\" required" +
        (accept_error.empty() ? "" : " aria-invalid=\"true\" aria-describedby=\"accept-error\"") +
        ">I have read this agreement and accept it for the organisation named above</label>" +
        (accept_error.empty()
             ? ""
             : "<p class=\"error\" id=\"accept-error\">" + HtmlEscape(accept_error) + "</p>") +
        "<button type=\"submit\">Accept the agreement</button></form><p>This link works until " +
        HtmlEscape(FormatRfc3339(link.expires_at).substr(0, 10)) + ".</p></main>";
    return PublicPage("Non-disclosure agreement", body);
  }

  void NdaPage(Context&& ctx, Reply reply) {
    auto link = Lookup(ctx, "nda");
    if (!link.ok()) return reply(ErrorResponse(link.error()));
    if (link->state != storage::LinkState::kValid) return reply(LinkProblem(link->state));
    Response r = PublicHtml(NdaForm(ctx.path_params.at("token"), *link, {}, {}));
    r.headers.push_back({"Cache-Control", "no-store"});
    r.headers.push_back({"Referrer-Policy", "no-referrer"});
    reply(std::move(r));
  }

  void NdaPost(Context&& ctx, Reply reply) {
    auto link = Lookup(ctx, "nda");
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
    auto fields = Validated(FormBody(*form, kFields), kFields);
    if (!fields.ok()) errors = fields.error().details;
    if (form->count("accept") == 0 || form->at("accept") != "yes") {
      errors.push_back({"accept", "tick the box to accept the agreement", {}});
    }
    const std::string token = ctx.path_params.at("token");
    if (!errors.empty()) return reply(PublicHtml(NdaForm(token, *link, *form, errors), 422));
    storage::NdaAcceptance a{StateString(*fields, "name"), StateString(*fields, "email"),
                             StateString(*fields, "organisation"), ctx.request.remote_address,
                             Printable(ctx.request.HeaderValue("User-Agent"))};
    Submit(
        std::move(reply),
        [token, a = std::move(a), settings = Settings()](storage::CommandContext& c) {
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

  void DownloadPage(Context&& ctx, Reply reply) {
    auto link = Lookup(ctx, "download");
    if (!link.ok()) return reply(ErrorResponse(link.error()));
    if (link->state != storage::LinkState::kValid) return reply(LinkProblem(link->state));
    const json::object& doc = link->document;
    int64_t left = link->max_uses - link->uses;
    std::string token = ctx.path_params.at("token");
    std::string body =
        "<main><h1>Your requested report</h1><p>" + HtmlEscape(Organisation()) + "'s " +
        HtmlEscape(domain::ReportTypeLabel(StateString(link->request, "report_type"))) +
        ", shared under the NDA you accepted.</p><table><tbody><tr><th scope=\"row\">File</th>"
        "<td>" +
        HtmlEscape(StateString(doc, "filename")) +
        "</td></tr><tr><th scope=\"row\">SHA-256</th><td><code>" +
        HtmlEscape(StateString(doc, "sha256")) +
        "</code></td></tr><tr><th scope=\"row\">Downloads left</th><td>" + std::to_string(left) +
        "</td></tr><tr><th scope=\"row\">Link works until</th><td>" +
        HtmlEscape(FormatRfc3339(link->expires_at).substr(0, 16).replace(10, 1, " ")) +
        " UTC</td></tr></tbody></table><form method=\"post\" action=\"/downloads/" +
        HtmlEscape(token) +
        "\"><button type=\"submit\">Download</button></form><p>Each download is recorded "
        "(time and IP address).</p></main>";
    Response r = PublicHtml(PublicPage("Your requested report", body));
    r.headers.push_back({"Cache-Control", "no-store"});
    r.headers.push_back({"Referrer-Policy", "no-referrer"});
    reply(std::move(r));
  }

  void DownloadPost(Context&& ctx, Reply reply) {
    std::string token = ctx.path_params.at("token");
    std::string address = ctx.request.remote_address;
    std::string agent = Printable(ctx.request.HeaderValue("User-Agent"));
    storage::Store& store = deps_.store;
    deps_.log.Submit(
        [token, address, agent](storage::CommandContext& c) -> Result<json::value> {
          auto doc = storage::RecordDownload(c, token, address, agent);
          if (!doc.ok()) return std::move(doc).error();
          return json::value(std::move(*doc));
        },
        [&store, reply = std::move(reply)](Result<json::value> r) {
          if (!r.ok()) return reply(LinkProblem(r.error()));
          const json::object& doc = r->as_object();
          std::string content;
          Status s = store.Read([&](storage::Tx& tx) -> Status {
            auto bytes = storage::ReadDocumentContent(tx, StateString(doc, "sha256"));
            if (!bytes.ok()) return std::move(bytes).error();
            content = std::move(*bytes);
            return Ok();
          });
          if (!s.ok()) return reply(ErrorResponse(s.error()));
          reply(DocumentDownload(doc, std::move(content)));
        });
  }

  Router& router_;
  ApiDeps& deps_;
  std::mutex mu_;
  std::string org_;
  std::chrono::steady_clock::time_point org_at_;
};

}  // namespace

void AddReportRequestRoutes(Router& router, ApiDeps& deps) {
  ReportRequestRoutes::Add(std::make_shared<ReportRequestRoutes>(router, deps));
}

}  // namespace accord::http
