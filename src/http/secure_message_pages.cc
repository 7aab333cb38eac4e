// The recipient's pages of a Secure Message, /secure/{token} (a secret URL like /nda/{token}):
// server-rendered, no script. The GET shows only who sent something and how to get a code, so a
// mail scanner that fetches the link learns nothing and changes nothing; a one-time code sent on
// a second channel opens it (POST), and the reading session that follows is a hidden form field
// of the page for its downloads and the reply.
#include <boost/json.hpp>
#include <memory>

#include "accord/core/time.h"
#include "accord/http/api.h"
#include "accord/http/html_page.h"
#include "accord/http/json.h"
#include "accord/storage/secure_messages.h"
#include "accord/storage/throttle.h"
#include "secure_message_routes.h"

namespace accord::http {

namespace json = boost::json;

namespace {

using namespace secure_routes;  // NOLINT: this group's helpers

constexpr size_t kFormLimit = 16 * 1024;
constexpr const char* kTokenParam = "the personal link's secret (256 bits)";

Response NoticeResponse(const std::string& title, const std::string& text, int status) {
  return SecretLinkHtml(NoticePage(title, text), status);
}

// Unknown, expired and retracted links say so and nothing else.
Response LinkProblem(const std::string& state) {
  if (state == "expired") {
    return NoticeResponse(
        "This message has expired",
        "Secure messages can be read for a limited time. Ask its sender to send it "
        "again.",
        410);
  }
  if (state == "retracted") {
    return NoticeResponse("This message is no longer available",
                          "Its sender withdrew it. Ask them if you still need it.", 410);
  }
  return NoticeResponse("Link not found", "This link is not valid. Check that it was copied whole.",
                        404);
}

Response ProblemOf(const Error& e) {
  if (e.code == ErrorCode::kNotFound) return LinkProblem("unknown");
  if (e.code == ErrorCode::kConflict) {
    bool expired = !e.details.empty() && e.details[0].reason == "expired";
    return LinkProblem(expired ? "expired" : "retracted");
  }
  if (e.code == ErrorCode::kRateLimited) {
    Response r = NoticeResponse("Please wait",
                                "Too many codes were asked for this message. Try again "
                                "within the hour.",
                                429);
    if (int64_t wait = storage::RetryAfterSeconds(e); wait > 0) {
      r.headers.push_back({"Retry-After", std::to_string(wait)});
    }
    return r;
  }
  if (e.code == ErrorCode::kForbidden) {
    // A changed byte or a wrong key: the page says it cannot be opened, nothing more.
    return NoticeResponse(
        "This message cannot be opened",
        "Something is wrong with it on our side. Tell its sender; the problem has "
        "been logged.",
        500);
  }
  return NoticeResponse("Something went wrong", "Try again in a minute.", 503);
}

std::string CodeForms(const std::string& token, const std::string& code_to, bool sent,
                      const std::string& error) {
  std::string t = HtmlEscape(token);
  std::string out;
  if (!error.empty())
    out += "<div role=\"alert\" class=\"error\"><p>" + HtmlEscape(error) + "</p></div>";
  if (sent) out += Notice("We sent a code to " + code_to + ". It works for 10 minutes.");
  out += "<form method=\"post\" action=\"/secure/" + t +
         "/open\"><label for=\"code\">One-time code</label><input id=\"code\" name=\"code\" "
         "inputmode=\"numeric\" autocomplete=\"one-time-code\" required "
         "pattern=\"[0-9]{6}\" maxlength=\"6\"><button type=\"submit\">Open the message</button>"
         "</form>";
  out += "<form method=\"post\" action=\"/secure/" + t + "/code\"><p>" +
         std::string(sent ? "No code yet?" : "We send the code to " + HtmlEscape(code_to) + ".") +
         "</p><button type=\"submit\">" + (sent ? "Send a new code" : "Send me a code") +
         "</button></form>";
  return out;
}

Response LandingPage(ApiDeps& deps, Context& ctx) {
  if (!deps.message_keys) return LinkProblem("unknown");
  storage::SecureLink link;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto l = storage::FindSecureLink(tx, ctx.path_params.at("token"), deps.clock.Now());
    if (!l.ok()) return std::move(l).error();
    link = std::move(*l);
    return Ok();
  });
  if (!s.ok()) return ProblemOf(s.error());
  if (link.state != "valid") return LinkProblem(link.state);
  std::string org = Settings(deps).organisation;
  std::string body = "<main><h1>A secure message for you</h1><p>" +
                     HtmlEscape(org.empty() ? "We" : org) +
                     " sent you a message that is kept encrypted. To read it, prove that this "
                     "link reached you: we send a one-time code " +
                     (link.code_channel == "sms" ? "by text message" : "by email") + ".</p>" +
                     CodeForms(ctx.path_params.at("token"), link.code_to, false, "");
  if (link.recipient_has_account) {
    body +=
        "<p>You have an account with us: you can also <a href=\"/app/\">sign in</a> and "
        "read it under Secure messages.</p>";
  }
  body += "<p>Every opening and download is recorded (time and IP address).</p></main>";
  return SecretLinkHtml(PublicPage("A secure message for you", body));
}

void SendCode(ApiDeps& deps, Context&& ctx, Reply reply) {
  if (!deps.message_keys) return reply(LinkProblem("unknown"));
  std::string token = ctx.path_params.at("token");
  std::string address = ctx.request.remote_address;
  auto settings = Settings(deps);
  storage::Store& store = deps.store;
  const Clock& clock = deps.clock;
  deps.log.Submit(
      [token, address, settings](storage::CommandContext& c) -> Result<json::value> {
        ACCORD_TRY(storage::SendSecureCode(c, token, address, settings));
        return json::value(nullptr);
      },
      [token, reply = std::move(reply), &store, &clock](Result<json::value> r) {
        if (!r.ok()) return reply(ProblemOf(r.error()));
        storage::SecureLink link;
        Status s = store.Read([&](storage::Tx& tx) -> Status {
          auto l = storage::FindSecureLink(tx, token, clock.Now());
          if (!l.ok()) return std::move(l).error();
          link = std::move(*l);
          return Ok();
        });
        if (!s.ok()) return reply(ProblemOf(s.error()));
        reply(SecretLinkHtml(PublicPage("Enter your code",
                                        "<main><h1>Enter your code</h1>" +
                                            CodeForms(token, link.code_to, true, "") + "</main>")));
      });
}

std::string Paragraphs(const std::string& text) {
  std::string out = "<p>";
  for (char ch : HtmlEscape(text)) {
    if (ch == '\n') {
      out += "<br>";
    } else {
      out += ch;
    }
  }
  return out + "</p>";
}

// The opened message, with its downloads and the reply form carrying the reading session.
std::string MessagePage(const std::string& token, const std::string& session,
                        const storage::SecurePlain& p, const std::string& notice) {
  std::string t = HtmlEscape(token), sess = HtmlEscape(session);
  std::string body = "<main><h1>" + HtmlEscape(p.subject) + "</h1>";
  if (!notice.empty()) body += Notice(notice);
  body += "<p>From " + HtmlEscape(p.sender_name.empty() ? "our team" : p.sender_name) + ", " +
          HumanMoment(p.created_at) + ". Readable until " + HumanMoment(p.expires_at) + ".</p>" +
          "<section aria-label=\"Message\">" + Paragraphs(p.body) + "</section>";
  if (!p.attachments.empty()) {
    body += "<h2>Attachments</h2><ul>";
    for (size_t i = 0; i < p.attachments.size(); ++i) {
      body += "<li><form method=\"post\" action=\"/secure/" + t + "/attachments/" +
              std::to_string(i) + "\"><input type=\"hidden\" name=\"session\" value=\"" + sess +
              "\"><button type=\"submit\">Download " + HtmlEscape(p.attachments[i].filename) +
              "</button> (" + std::to_string(p.attachments[i].size) + " bytes)</form></li>";
    }
    body += "</ul>";
  }
  body += "<h2>Reply</h2><form method=\"post\" action=\"/secure/" + t +
          "/reply\"><input type=\"hidden\" name=\"session\" value=\"" + sess +
          "\"><label for=\"reply\">Your reply (sent as a secure message too)</label>"
          "<textarea id=\"reply\" name=\"body\" rows=\"6\" required></textarea>"
          "<button type=\"submit\">Send the reply</button></form>"
          "<p>This page is open for 30 minutes. Every opening and download is recorded.</p></main>";
  return PublicPage(p.subject.empty() ? "Secure message" : "Secure message", body);
}

Response RenderOpened(ApiDeps& deps, const std::string& token, const std::string& session,
                      const std::string& id, const std::string& notice) {
  storage::SecurePlain plain;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto p = storage::OpenSecureMessage(tx, *deps.message_keys, id, deps.clock.Now());
    if (!p.ok()) return std::move(p).error();
    plain = std::move(*p);
    return Ok();
  });
  if (!s.ok()) return ProblemOf(s.error());
  return SecretLinkHtml(MessagePage(token, session, plain, notice));
}

void OpenWithCode(ApiDeps& deps, Context&& ctx, Reply reply) {
  if (!deps.message_keys) return reply(LinkProblem("unknown"));
  auto form = ParseForm(ctx.request.body);
  if (!form.ok()) return reply(ErrorResponse(form.error()));
  std::string token = ctx.path_params.at("token");
  std::string code = (*form)["code"];
  std::string address = ctx.request.remote_address;
  std::string agent = std::string(ctx.request.HeaderValue("User-Agent")).substr(0, 300);
  auto settings = Settings(deps);
  auto id = std::make_shared<std::string>();
  deps.log.Submit(
      [token, code, address, agent, settings,
       id](storage::CommandContext& c) -> Result<json::value> {
        auto session = storage::VerifySecureCode(c, token, code, address, agent, settings);
        if (!session.ok()) return std::move(session).error();
        if (!session->has_value()) return json::value(nullptr);
        auto link = storage::FindSecureLink(c.tx(), token, c.Now());
        if (!link.ok()) return std::move(link).error();
        *id = link->message_id;
        return json::value(**session);
      },
      [&deps, token, id, reply = std::move(reply)](Result<json::value> r) {
        if (!r.ok()) return reply(ProblemOf(r.error()));
        if (r->is_null()) {
          storage::SecureLink link;
          Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
            auto l = storage::FindSecureLink(tx, token, deps.clock.Now());
            if (!l.ok()) return std::move(l).error();
            link = std::move(*l);
            return Ok();
          });
          if (!s.ok()) return reply(ProblemOf(s.error()));
          return reply(SecretLinkHtml(
              PublicPage("Enter your code",
                         "<main><h1>Enter your code</h1>" +
                             CodeForms(token, link.code_to, false,
                                       "That code is not right, was used already or has "
                                       "expired. Ask for a new code.") +
                             "</main>"),
              403));
        }
        reply(RenderOpened(deps, token, std::string(r->as_string()), *id, ""));
      });
}

// The reading session of a form, or the page that says it ended.
Result<std::string> SessionOf(ApiDeps& deps, const std::string& token, const std::string& session) {
  std::optional<std::string> id;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto r = storage::SecureSession(tx, token, session, deps.clock.Now());
    if (!r.ok()) return std::move(r).error();
    id = std::move(*r);
    return Ok();
  });
  if (!s.ok()) return std::move(s).error();
  if (!id) return Error{ErrorCode::kUnauthenticated, "the reading session has ended", {}};
  return *id;
}

Response SessionEnded(const std::string& token) {
  return SecretLinkHtml(
      PublicPage("Your session has ended",
                 "<main><h1>Your session has ended</h1><p>Open the message again with a new "
                 "code.</p><p><a href=\"/secure/" +
                     HtmlEscape(token) + "\">Back to the message</a></p></main>"),
      401);
}

void DownloadAttachment(ApiDeps& deps, Context&& ctx, Reply reply) {
  if (!deps.message_keys) return reply(LinkProblem("unknown"));
  auto form = ParseForm(ctx.request.body);
  if (!form.ok()) return reply(ErrorResponse(form.error()));
  std::string token = ctx.path_params.at("token");
  auto index = ParseUint(ctx.path_params.at("index"), "index");
  if (!index.ok()) return reply(ErrorResponse(index.error()));
  auto id = SessionOf(deps, token, (*form)["session"]);
  if (!id.ok()) {
    return reply(id.error().code == ErrorCode::kUnauthenticated ? SessionEnded(token)
                                                                : ProblemOf(id.error()));
  }
  const messaging::MasterKeyRing* keys = deps.message_keys;
  storage::SecureAccess access{"code", ctx.request.remote_address,
                               std::string(ctx.request.HeaderValue("User-Agent")).substr(0, 300),
                               static_cast<size_t>(*index)};
  auto out = std::make_shared<std::pair<storage::SecurePlain::Part, std::string>>();
  deps.log.Submit(
      [keys, access, out, id = *id](storage::CommandContext& c) -> Result<json::value> {
        auto plain = storage::OpenSecureMessage(c.tx(), *keys, id, c.Now());
        if (!plain.ok()) return std::move(plain).error();
        if (*access.attachment >= plain->attachments.size()) return NotFound("attachment");
        auto bytes = storage::OpenSecureAttachment(c.tx(), *keys, id, *access.attachment, c.Now());
        if (!bytes.ok()) return std::move(bytes).error();
        ACCORD_TRY(storage::RecordSecureAccess(c, id, storage::SecureCaller{}, access));
        out->first = plain->attachments[*access.attachment];
        out->second = std::move(*bytes);
        return json::value(nullptr);
      },
      [reply = std::move(reply), out](Result<json::value> r) {
        if (!r.ok()) return reply(ProblemOf(r.error()));
        reply(AttachmentResponse(out->first, std::move(out->second)));
      });
}

void SendReply(ApiDeps& deps, Context&& ctx, Reply reply) {
  if (!deps.message_keys) return reply(LinkProblem("unknown"));
  auto form = ParseForm(ctx.request.body);
  if (!form.ok()) return reply(ErrorResponse(form.error()));
  std::string token = ctx.path_params.at("token");
  std::string session = (*form)["session"];
  auto id = SessionOf(deps, token, session);
  if (!id.ok()) {
    return reply(id.error().code == ErrorCode::kUnauthenticated ? SessionEnded(token)
                                                                : ProblemOf(id.error()));
  }
  std::string text = (*form)["body"];
  const messaging::MasterKeyRing* keys = deps.message_keys;
  auto settings = Settings(deps);
  deps.log.Submit(
      [keys, settings, text, id = *id, token](storage::CommandContext& c) -> Result<json::value> {
        auto original = storage::OpenSecureMessage(c.tx(), *keys, id, c.Now());
        if (!original.ok()) return std::move(original).error();
        auto link = storage::FindSecureLink(c.tx(), token, c.Now());
        if (!link.ok()) return std::move(link).error();
        storage::SecureMessageInput in;
        in.subject = "Re: " + original->subject;
        in.body = text;
        in.in_reply_to = id;
        storage::SecureCaller caller{.email = link->recipient};
        auto sent = storage::SendSecureMessage(c, *keys, caller, std::move(in), settings);
        if (!sent.ok()) return std::move(sent).error();
        return json::value(nullptr);
      },
      [&deps, token, session, id = *id, reply = std::move(reply)](Result<json::value> r) {
        if (!r.ok()) {
          if (r.error().code == ErrorCode::kValidationFailed) {
            return reply(RenderOpened(deps, token, session, id,
                                      "The reply was not sent: " + r.error().ToString()));
          }
          return reply(ProblemOf(r.error()));
        }
        reply(RenderOpened(deps, token, session, id, "Your reply was sent as a secure message."));
      });
}

}  // namespace

void AddSecurePageRoutes(Router& router, ApiDeps& deps) {
  router.Add(ReadRoute("/secure/{token}", kPublic, Html())
                 .Summary("A Secure Message's page for its recipient: how to get a code")
                 .Tag("messaging")
                 .Path("token", kTokenParam)
                 .Handle(deps, LandingPage));
  router.Add(CommandRoute("POST", "/secure/{token}/code", kPublic, RawBody(), Html())
                 .Summary("Send the recipient a one-time code on the message's second channel")
                 .Tag("messaging")
                 .Path("token", kTokenParam)
                 .BodyLimit(kFormLimit)
                 .Handle(deps, SendCode));
  router.Add(CommandRoute("POST", "/secure/{token}/open", kPublic, RawBody(), Html())
                 .Summary("Open the message with the one-time code (recorded in the ledger)")
                 .Tag("messaging")
                 .Path("token", kTokenParam)
                 .BodyLimit(kFormLimit)
                 .Handle(deps, OpenWithCode));
  router.Add(CommandRoute("POST", "/secure/{token}/attachments/{index}", kPublic, RawBody(),
                          Media("application/octet-stream"))
                 .Summary("Download an attachment in a reading session (recorded in the ledger)")
                 .Tag("messaging")
                 .Path("token", kTokenParam)
                 .Path("index", "the attachment's index, from 0")
                 .BodyLimit(kFormLimit)
                 .Handle(deps, DownloadAttachment));
  router.Add(CommandRoute("POST", "/secure/{token}/reply", kPublic, RawBody(), Html())
                 .Summary("Reply in a reading session: the reply is a Secure Message too")
                 .Tag("messaging")
                 .Path("token", kTokenParam)
                 .BodyLimit(320 * 1024)
                 .Handle(deps, SendReply));
}

}  // namespace accord::http
