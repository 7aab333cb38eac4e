// The SMS and voice provider's callbacks (issue 26): public routes, so each request proves it
// came from the provider with X-Twilio-Signature (HMAC-SHA1 with the account's auth token over
// the URL it called and its sorted parameters), checked in constant time before anything is
// read or written. Status callbacks move a message's delivery status; inbound messages carry
// STOP / START / HELP. Answers are TwiML, which the provider expects.
#include "accord/http/api_hooks.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>

#include "accord/core/request_signature.h"
#include "accord/domain/fields.h"
#include "accord/http/api.h"
#include "accord/http/html_page.h"
#include "accord/http/json.h"
#include "accord/storage/deliveries.h"

namespace accord::http {

namespace {

constexpr size_t kHookBodyLimit = 16 * 1024;

Response Twiml(std::string inner = "") {
  return TextResponse(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + inner + "</Response>", "text/xml");
}

std::string Get(const std::map<std::string, std::string>& form, const std::string& key) {
  auto it = form.find(key);
  return it == form.end() ? "" : it->second;
}

// The form, once its signature is right; else the refusal to send.
Result<std::map<std::string, std::string>> SignedForm(ApiDeps& deps, const Context& ctx) {
  if (!deps.phone_hooks || !deps.trust) return NotFound("no SMS or voice channel is configured");
  auto form = ParseForm(ctx.request.body);
  if (!form.ok()) return std::move(form).error();
  const std::string& token = deps.phone_hooks->TokenFor(Get(*form, "AccountSid"));
  // The URL the provider was given: the public URL when set, as in the StatusCallback we sent.
  const std::string& base =
      deps.trust->public_url.empty() ? deps.trust->listen_url : deps.trust->public_url;
  if (!VerifyTwilioSignature(token, base + ctx.request.target, *form,
                             ctx.request.HeaderValue("X-Twilio-Signature"))) {
    spdlog::warn("hooks: refused a callback to {} with a wrong or missing signature", ctx.path);
    return Error{ErrorCode::kForbidden,
                 "the request is not signed by the SMS or voice provider",
                 {{"X-Twilio-Signature", "missing or wrong for this account and URL", {}}}};
  }
  return form;
}

Response StatusCallback(ApiDeps& deps, Context& ctx) {
  auto form = SignedForm(deps, ctx);
  if (!form.ok()) return ErrorResponse(form.error());
  bool call = form->count("CallSid") > 0;
  storage::ProviderStatus status{.provider_ref = Get(*form, call ? "CallSid" : "MessageSid"),
                                 .status = Get(*form, call ? "CallStatus" : "MessageStatus"),
                                 .error_code = Get(*form, "ErrorCode"),
                                 .error_message = Get(*form, "ErrorMessage")};
  if (status.provider_ref.empty() || status.status.empty()) {
    return ErrorResponse(ValidationError(call ? "CallStatus" : "MessageSid",
                                         "a status callback names the message and its status"));
  }
  std::optional<std::string> message;
  accord::Status s = deps.store.Write([&](storage::Tx& tx) -> accord::Status {
    auto r = storage::ApplyProviderStatus(tx, status, deps.clock.Now());
    if (!r.ok()) return std::move(r).error();
    message = *r;
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  if (!message) return ErrorResponse(NotFound("message " + status.provider_ref));
  return Twiml();
}

// The provider's standard opt-out keywords (one word, any case).
std::string Keyword(std::string body) {
  body.erase(
      std::remove_if(body.begin(), body.end(),
                     [](unsigned char c) { return std::isspace(c) || c == '.' || c == '!'; }),
      body.end());
  std::transform(body.begin(), body.end(), body.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  for (std::string_view stop : {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"}) {
    if (body == stop) return "STOP";
  }
  for (std::string_view start : {"START", "YES", "UNSTOP"}) {
    if (body == start) return "START";
  }
  if (body == "HELP" || body == "INFO") return "HELP";
  return "";
}

Response Inbound(ApiDeps& deps, Context& ctx) {
  auto form = SignedForm(deps, ctx);
  if (!form.ok()) return ErrorResponse(form.error());
  std::string from = Get(*form, "From");
  if (!domain::IsValidE164(from)) {
    return ErrorResponse(ValidationError("From", "must be an E.164 phone number"));
  }
  std::string keyword = Keyword(Get(*form, "Body"));
  if (keyword == "HELP") {
    return Twiml(
        "<Message>Accord notifications from your organisation's compliance team. Reply STOP to "
        "stop them, START to receive them again.</Message>");
  }
  if (keyword.empty()) return Twiml();  // nobody reads replies here
  accord::Status s = deps.store.Write([&](storage::Tx& tx) {
    return storage::SetOptOut(tx, "sms", from, keyword == "STOP", deps.clock.Now());
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return Twiml(keyword == "STOP"
                   ? "<Message>You will get no more messages from Accord. Reply START to receive "
                     "them again.</Message>"
                   : "<Message>You will receive Accord's messages again. Reply STOP to stop "
                     "them.</Message>");
}

}  // namespace

void AddHookRoutes(Router& router, ApiDeps& deps) {
  router.Add(CommandRoute("POST", "/hooks/twilio/status", kPublic, RawBody(), Media("text/xml"))
                 .Summary("The SMS and voice provider's status callback (form-encoded MessageSid "
                          "and MessageStatus, or CallSid and CallStatus; ErrorCode), signed with "
                          "X-Twilio-Signature")
                 .Tag("channels")
                 .BodyLimit(kHookBodyLimit)
                 .Handle(deps, StatusCallback));
  router.Add(CommandRoute("POST", "/hooks/twilio/inbound", kPublic, RawBody(), Media("text/xml"))
                 .Summary("An SMS sent to our number (form-encoded From, Body), signed with "
                          "X-Twilio-Signature: STOP stops messages to that number, START "
                          "resumes them, HELP answers what they are")
                 .Tag("channels")
                 .BodyLimit(kHookBodyLimit)
                 .Handle(deps, Inbound));
}

}  // namespace accord::http
