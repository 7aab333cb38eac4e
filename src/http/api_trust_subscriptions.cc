// Subprocessor-list subscriptions over HTTP (issue 9), public, double opt-in: the trust
// center's form and its JSON twin record an address and email it a confirmation link; the
// link's page (/trust/subscriptions/{token}) confirms or ends the subscription on its POST.
#include <boost/json.hpp>
#include <optional>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/http/api.h"
#include "accord/http/html_page.h"
#include "accord/http/json.h"
#include "accord/http/schema.h"
#include "accord/storage/trust_subscriptions.h"
#include "report_routes.h"

namespace accord::http::report_routes {

using domain::StateString;

namespace {

const std::vector<domain::FieldSpec>& SubscribeFields() {
  static const std::vector<domain::FieldSpec> kFields = {
      {.name = "email", .type = domain::FieldType::kEmail, .required = true}};
  return kFields;
}

constexpr std::string_view kCheckInbox =
    "Thank you. If this address is not subscribed yet, it will receive an email with a link "
    "to confirm the subscription.";

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
  std::string body = "<main><h1>Subprocessor-list subscription</h1>" +
                     (notice.empty() ? std::string() : Notice(notice)) + "<p>" +
                     HtmlEscape(sub.email) + ": " + HtmlEscape(state) + ".</p>" + buttons +
                     "<p><a href=\"/trust/subprocessors\">The subprocessor list</a></p></main>";
  return SecretLinkHtml(PublicPage("Subprocessor-list subscription", body));
}

}  // namespace

void ReportRequestRoutes::AddSubscriptionRoutes(const std::shared_ptr<ReportRequestRoutes>& self) {
  Router& router = self->router_;
  auto bind = [&self](Handler fn) { return Bind(self, fn); };
  auto token_param = TokenParam();
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
                 .response_schema =
                     schema::Object({{"status", schema::String()}, {"message", schema::String()}}),
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

// Writes in one transaction; the store's own retry covers a busy database.
Result<json::object> ReportRequestRoutes::Subscribe(const std::string& email,
                                                    const std::string& address) {
  std::string base = Settings().link_base;
  TimePoint now = deps_.clock.Now();
  Status s = deps_.store.Write(
      [&](storage::Tx& tx) -> Status { return storage::Subscribe(tx, email, address, base, now); });
  if (!s.ok()) return std::move(s).error();
  return json::object{{"status", "received"}, {"message", kCheckInbox}};
}

void ReportRequestRoutes::SubscribeForm(Context&& ctx, Reply reply) {
  auto form = ParseForm(ctx.request.body);
  if (!form.ok()) return reply(ErrorResponse(form.error()));
  auto fields = Validated(FormBody(*form, SubscribeFields()), SubscribeFields());
  if (!fields.ok()) {
    return reply(PublicHtml(
        NoticePage("Subscription not recorded",
                   "email: " + (fields.error().details.empty() ? fields.error().message
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

void ReportRequestRoutes::SubscribeJson(Context&& ctx, Reply reply) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  auto fields = Validated(*body, SubscribeFields());
  if (!fields.ok()) return reply(ErrorResponse(fields.error()));
  auto r = Subscribe(StateString(*fields, "email"), ctx.request.remote_address);
  if (!r.ok()) return reply(RateLimitedResponse(ErrorResponse(r.error()), r.error()));
  reply(JsonResponse(*r, 202));
}

void ReportRequestRoutes::SubscriptionPage(Context&& ctx, Reply reply) {
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

void ReportRequestRoutes::SubscriptionPost(Context&& ctx, Reply reply) {
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

}  // namespace accord::http::report_routes
