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
      {.name = "email", .type = domain::FieldType::kEmail, .required = true},
      // Issue 27: what to be emailed about (default: the subprocessor list).
      {.name = "topics",
       .type = domain::FieldType::kEnum,
       .values = {"subprocessors", "status"},
       .description = "subprocessors (the list's changes) or status (the status page's)"}};
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

// Writes in one transaction; the store's own retry covers a busy database.
Result<json::object> Subscribe(ReportPages& pages, const std::string& email,
                               const std::string& address, std::string topic) {
  if (topic.empty()) topic = "subprocessors";
  std::string base = pages.Settings().link_base;
  TimePoint now = pages.deps.clock.Now();
  Status s = pages.deps.store.Write([&](storage::Tx& tx) -> Status {
    return storage::Subscribe(tx, email, address, base, pages.LinkKey(), now, topic);
  });
  if (!s.ok()) return std::move(s).error();
  return json::object{{"status", "received"}, {"message", kCheckInbox}};
}

Response SubscribeForm(ReportPages& pages, Context& ctx) {
  auto form = ParseForm(ctx.request.body);
  if (!form.ok()) return ErrorResponse(form.error());
  auto fields = Validated(FormFields(*form, SubscribeFields()), SubscribeFields());
  if (!fields.ok()) {
    return PublicHtml(
        NoticePage("Subscription not recorded",
                   "email: " + (fields.error().details.empty() ? fields.error().message
                                                               : fields.error().details[0].reason)),
        422);
  }
  auto r = Subscribe(pages, StateString(*fields, "email"), ctx.request.remote_address,
                     StateString(*fields, "topics"));
  if (!r.ok()) {
    if (r.error().code == ErrorCode::kRateLimited) {
      return RateLimitedResponse(
          PublicHtml(NoticePage("Too many requests", r.error().message), 429), r.error());
    }
    return ErrorResponse(r.error());
  }
  return PublicHtml(NoticePage("Check your inbox", std::string(kCheckInbox)));
}

Response SubscribeJson(ReportPages& pages, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return ErrorResponse(body.error());
  auto fields = Validated(*body, SubscribeFields());
  if (!fields.ok()) return ErrorResponse(fields.error());
  auto r = Subscribe(pages, StateString(*fields, "email"), ctx.request.remote_address,
                     StateString(*fields, "topics"));
  if (!r.ok()) return RateLimitedResponse(ErrorResponse(r.error()), r.error());
  return JsonResponse(*r, 202);
}

Response SubscriptionPage(ReportPages& pages, Context& ctx) {
  std::string token = ctx.path_params.at("token");
  std::optional<storage::Subscriber> sub;
  Status s = pages.deps.store.Read([&](storage::Tx& tx) -> Status {
    auto found = storage::FindSubscriber(tx, token, pages.LinkKey());
    if (!found.ok()) return std::move(found).error();
    sub = std::move(*found);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  if (!sub) return LinkProblem(storage::LinkState::kUnknown);
  return SubscriptionAnswer(token, *sub, "");
}

Response SubscriptionPost(ReportPages& pages, Context& ctx) {
  std::string token = ctx.path_params.at("token");
  auto form = ParseForm(ctx.request.body);
  if (!form.ok()) return ErrorResponse(form.error());
  std::string action = form->count("action") ? form->at("action") : "";
  // RFC 8058: a mail client's one-click unsubscribe posts exactly this.
  if (action.empty() && form->count("List-Unsubscribe") &&
      form->at("List-Unsubscribe") == "One-Click") {
    action = "unsubscribe";
  }
  Result<storage::Subscriber> changed = Error{};
  TimePoint now = pages.deps.clock.Now();
  Status s = pages.deps.store.Write([&](storage::Tx& tx) -> Status {
    changed = storage::ChangeSubscription(tx, token, action, pages.LinkKey(), now);
    if (!changed.ok()) return changed.error();
    return Ok();
  });
  if (!s.ok()) {
    if (s.error().code == ErrorCode::kNotFound) {
      return LinkProblem(storage::LinkState::kUnknown);
    }
    return ErrorResponse(s.error());
  }
  return SubscriptionAnswer(token, *changed,
                            changed->status == "active"  ? "Subscription confirmed."
                            : changed->status == "ended" ? "You are unsubscribed."
                                                         : "");
}

}  // namespace

void AddSubscriptionRoutes(Router& router, const std::shared_ptr<ReportPages>& pages) {
  router.Add(CommandRoute("POST", "/trust/subscribe", kPublic, RawBody(), Html())
                 .Summary("Subscribe an email to subprocessor-list changes (form-encoded email; a "
                          "confirmation link is emailed)")
                 .Tag("trust")
                 .BodyLimit(kFormLimit)
                 .Handle(pages, SubscribeForm));
  router.Add(
      CommandRoute(
          "POST", "/api/v1/public/subscriptions", kPublic,
          JsonBody(domain::SchemaOf(SubscribeFields(), false)),
          Json(schema::Object({{"status", schema::String()}, {"message", schema::String()}}), 202))
          .Summary("Subscribe {email} to subprocessor-list changes; the answer is the same "
                   "whatever the address's state")
          .Tag("trust")
          .BodyLimit(kFormLimit)
          .Handle(pages, SubscribeJson));
  router.Add(ReadRoute("/trust/subscriptions/{token}", kPublic, Html())
                 .Summary("A subscription's page: confirm it or end it")
                 .Tag("trust")
                 .Path("token", kTokenParam)
                 .Handle(pages, SubscriptionPage));
  router.Add(CommandRoute("POST", "/trust/subscriptions/{token}", kPublic, RawBody(), Html())
                 .Summary("Confirm or end a subscription (form-encoded action=confirm | "
                          "unsubscribe, or List-Unsubscribe=One-Click: RFC 8058)")
                 .Tag("trust")
                 .Path("token", kTokenParam)
                 .BodyLimit(kFormLimit)
                 .Handle(pages, SubscriptionPost));
}

}  // namespace accord::http::report_routes
