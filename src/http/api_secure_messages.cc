// Secure Message over the JSON API (issue 26, item 4): write, track, open, download, retract.
// A caller sees only the messages it sent or received (anything else is 404, whatever the
// role); opening and downloading are commands because each is recorded in the ledger.
#include <boost/json.hpp>
#include <memory>

#include "accord/core/bytes.h"
#include "accord/domain/fields.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/schema.h"
#include "accord/storage/secure_messages.h"
#include "accord/storage/trust.h"
#include "secure_message_routes.h"

namespace accord::http {

namespace json = boost::json;

namespace secure_routes {

storage::SecureMessageSettings Settings(ApiDeps& deps) {
  storage::SecureMessageSettings s;
  if (deps.trust) {
    bool ready = deps.ready == nullptr || deps.ready->load();
    s.link_base = ready ? deps.trust->LinkBase() : deps.trust->public_url;
  }
  Status st = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto org = storage::OrganisationName(tx);
    if (org.ok()) s.organisation = *org;
    return Ok();
  });
  (void)st;
  s.sms_codes = deps.sms_codes;
  return s;
}

Response Unavailable() {
  return ErrorResponse(Error{ErrorCode::kUnavailable,
                             "secure messages are not set up on this server (no master key)",
                             {}});
}

Response AttachmentResponse(const storage::SecurePlain::Part& part, std::string content) {
  Response r;
  r.content_type = part.content_type.empty() ? "application/octet-stream" : part.content_type;
  r.body = std::move(content);
  std::string ascii;
  for (char ch : part.filename) {
    ascii += (ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\') ? ch : '_';
  }
  r.headers.push_back({"Content-Disposition", "attachment; filename=\"" + ascii + "\""});
  r.headers.push_back({"Content-Security-Policy", "sandbox; default-src 'none'"});
  r.headers.push_back({"Cache-Control", "no-store"});
  return r;
}

}  // namespace secure_routes

namespace {

using namespace secure_routes;  // NOLINT: this group's helpers

storage::SecureCaller CallerOf(const Context& ctx) {
  return {ctx.principal->id, ctx.principal->role, "", ctx.principal->party_id};
}

std::string Str(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : "";
}

Result<storage::SecureMessageInput> ParseInput(const json::object& body) {
  std::vector<ErrorDetail> errors;
  storage::SecureMessageInput in;
  for (const auto& [key, value] : body) {
    if (key != "recipient" && key != "recipient_phone" && key != "subject" && key != "body" &&
        key != "attachments" && key != "expires_in_days" && key != "in_reply_to") {
      errors.push_back({std::string(key), "unknown field", {}});
    } else if (key == "attachments"       ? !value.is_array()
               : key == "expires_in_days" ? !value.is_int64()
                                          : !value.is_string()) {
      errors.push_back({std::string(key),
                        key == "attachments"       ? "must be an array"
                        : key == "expires_in_days" ? "must be an integer"
                                                   : "must be a string",
                        {}});
    }
  }
  in.recipient = Str(body, "recipient");
  in.recipient_phone = Str(body, "recipient_phone");
  in.subject = Str(body, "subject");
  in.body = Str(body, "body");
  in.in_reply_to = Str(body, "in_reply_to");
  if (const json::value* d = body.if_contains("expires_in_days"); d && d->is_int64()) {
    in.expires_in_days = d->as_int64();
  }
  if (in.in_reply_to.empty() && in.recipient.empty()) {
    errors.push_back({"recipient", "is required (an email address)", {}});
  }
  for (std::string_view text : {std::string_view(in.subject), std::string_view(in.body)}) {
    if (text.find('\0') != std::string_view::npos) {
      errors.push_back(
          {text.data() == in.subject.data() ? "subject" : "body", "must not contain U+0000", {}});
    }
  }
  if (const json::value* a = body.if_contains("attachments"); a && a->is_array()) {
    size_t i = 0;
    for (const auto& v : a->as_array()) {
      std::string field = "attachments[" + std::to_string(i++) + "]";
      if (!v.is_object()) {
        errors.push_back({field, "must be an object {filename, content_type, content_base64}", {}});
        continue;
      }
      const json::object& o = v.as_object();
      auto bytes = Base64Decode(Str(o, "content_base64"));
      if (!bytes.ok()) {
        errors.push_back({field + ".content_base64", "must be base64", {}});
        continue;
      }
      in.attachments.push_back(
          {Str(o, "filename"), Str(o, "content_type"), std::string(AsString(*bytes))});
    }
  }
  if (!errors.empty()) return domain::ValidationErrors(std::move(errors));
  return in;
}

json::object ViewSchema() {
  using namespace schema;
  return Object(
      {{"id", String()},
       {"direction", Enum({"sent", "received"})},
       {"sender", Object({{"id", String()}, {"name", String()}})},
       {"recipient", String()},
       {"recipient_has_account", Bool()},
       {"subject", Nullable(Text("shown to its sender and recipient while it can be opened"))},
       {"status", Enum({"unread", "read", "retracted", "expired"})},
       {"attachments", Int()},
       {"size", Int()},
       {"in_reply_to", Nullable(String())},
       {"created_at", Time()},
       {"expires_at", Time()},
       {"read_at", Nullable(Time())},
       {"retracted_at", Nullable(Time())}},
      {{"events", ArrayOf(Object({{"ledger_index", Int()}, {"type", String()}, {"at", Time()}}))}});
}

json::object OpenedSchema() {
  using namespace schema;
  return Object({{"id", String()},
                 {"subject", String()},
                 {"body", String()},
                 {"sender_name", String()},
                 {"created_at", Time()},
                 {"expires_at", Time()},
                 {"attachments", ArrayOf(Object({{"index", Int()},
                                                 {"filename", String()},
                                                 {"content_type", String()},
                                                 {"size", Int()}}))}});
}

json::object BodySchema() {
  using namespace schema;
  return Object(
      {{"subject", Text("sealed at rest; never sent on a channel")},
       {"body", Text("sealed at rest; never sent on a channel")}},
      {{"recipient", Text("the recipient's email address (not for a reply)")},
       {"recipient_phone", Text("E.164: the one-time code goes by SMS when it can")},
       {"attachments", ArrayOf(Object({{"filename", String()}, {"content_base64", String()}},
                                      {{"content_type", String()}}))},
       {"expires_in_days", Int()},
       {"in_reply_to", Text("the id of the message this answers")}});
}

void Send(ApiDeps& deps, Context&& ctx, Reply reply) {
  if (!deps.message_keys) return reply(Unavailable());
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  auto input = ParseInput(*body);
  if (!input.ok()) return reply(ErrorResponse(input.error()));
  auto settings = Settings(deps);
  const messaging::MasterKeyRing* keys = deps.message_keys;
  deps.log.Submit(
      [keys, settings, caller = CallerOf(ctx),
       in = std::move(*input)](storage::CommandContext& c) mutable -> Result<json::value> {
        auto view = storage::SendSecureMessage(c, *keys, caller, std::move(in), settings);
        if (!view.ok()) return std::move(view).error();
        return json::value(std::move(*view));
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r, 201)); });
}

Response List(ApiDeps& deps, Context& ctx) {
  if (!deps.message_keys) return Unavailable();
  auto page = ParsePage(ctx);
  if (!page.ok()) return ErrorResponse(page.error());
  json::object out;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto r = storage::ListSecureMessages(tx, *deps.message_keys, CallerOf(ctx), page->after_id,
                                         page->limit, deps.clock.Now());
    if (!r.ok()) return std::move(r).error();
    json::array items;
    for (auto& o : r->first) items.push_back(std::move(o));
    out["items"] = std::move(items);
    out["next_cursor"] = r->second ? json::value(EncodeIdCursor(*r->second)) : nullptr;
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(out);
}

Response Get(ApiDeps& deps, Context& ctx) {
  if (!deps.message_keys) return Unavailable();
  json::object out;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto v = storage::SecureMessageView(tx, *deps.message_keys, ctx.path_params.at("id"),
                                        CallerOf(ctx), deps.clock.Now());
    if (!v.ok()) return std::move(v).error();
    out = std::move(*v);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(out);
}

json::object OpenedJson(const storage::SecurePlain& p) {
  json::array parts;
  for (size_t i = 0; i < p.attachments.size(); ++i) {
    const auto& a = p.attachments[i];
    parts.push_back(json::object{{"index", static_cast<int64_t>(i)},
                                 {"filename", a.filename},
                                 {"content_type", a.content_type},
                                 {"size", a.size}});
  }
  return json::object{{"id", p.id},
                      {"subject", p.subject},
                      {"body", p.body},
                      {"sender_name", p.sender_name},
                      {"created_at", p.created_at},
                      {"expires_at", p.expires_at},
                      {"attachments", std::move(parts)}};
}

void Open(ApiDeps& deps, Context&& ctx, Reply reply) {
  if (!deps.message_keys) return reply(Unavailable());
  const messaging::MasterKeyRing* keys = deps.message_keys;
  storage::SecureAccess access{"account", ctx.request.remote_address,
                               std::string(ctx.request.HeaderValue("User-Agent")).substr(0, 300),
                               std::nullopt};
  deps.log.Submit(
      [keys, access, caller = CallerOf(ctx),
       id = ctx.path_params.at("id")](storage::CommandContext& c) -> Result<json::value> {
        ACCORD_TRY(storage::CheckSecureReader(c.tx(), id, caller));
        auto plain = storage::OpenSecureMessage(c.tx(), *keys, id, c.Now());
        if (!plain.ok()) return std::move(plain).error();
        ACCORD_TRY(storage::RecordSecureAccess(c, id, caller, access));
        return json::value(OpenedJson(*plain));
      },
      [reply = std::move(reply)](Result<json::value> r) {
        if (!r.ok()) {
          Response resp = ToResponse(r);
          resp.headers.push_back({"Cache-Control", "no-store"});
          return reply(std::move(resp));
        }
        Response resp = ToResponse(r);
        resp.headers.push_back({"Cache-Control", "no-store"});
        reply(std::move(resp));
      });
}

void Download(ApiDeps& deps, Context&& ctx, Reply reply) {
  if (!deps.message_keys) return reply(Unavailable());
  auto index = ParseUint(ctx.path_params.at("index"), "index");
  if (!index.ok()) return reply(ErrorResponse(index.error()));
  const messaging::MasterKeyRing* keys = deps.message_keys;
  storage::SecureAccess access{"account", ctx.request.remote_address,
                               std::string(ctx.request.HeaderValue("User-Agent")).substr(0, 300),
                               static_cast<size_t>(*index)};
  auto out = std::make_shared<std::pair<storage::SecurePlain::Part, std::string>>();
  deps.log.Submit(
      [keys, access, out, caller = CallerOf(ctx),
       id = ctx.path_params.at("id")](storage::CommandContext& c) -> Result<json::value> {
        ACCORD_TRY(storage::CheckSecureReader(c.tx(), id, caller));
        auto plain = storage::OpenSecureMessage(c.tx(), *keys, id, c.Now());
        if (!plain.ok()) return std::move(plain).error();
        if (*access.attachment >= plain->attachments.size()) {
          return NotFound("attachment " + std::to_string(*access.attachment));
        }
        auto bytes = storage::OpenSecureAttachment(c.tx(), *keys, id, *access.attachment, c.Now());
        if (!bytes.ok()) return std::move(bytes).error();
        ACCORD_TRY(storage::RecordSecureAccess(c, id, caller, access));
        out->first = plain->attachments[*access.attachment];
        out->second = std::move(*bytes);
        return json::value(nullptr);
      },
      [reply = std::move(reply), out](Result<json::value> r) {
        if (!r.ok()) return reply(ErrorResponse(r.error()));
        reply(AttachmentResponse(out->first, std::move(out->second)));
      });
}

void Retract(ApiDeps& deps, Context&& ctx, Reply reply) {
  if (!deps.message_keys) return reply(Unavailable());
  const messaging::MasterKeyRing* keys = deps.message_keys;
  deps.log.Submit(
      [keys, caller = CallerOf(ctx),
       id = ctx.path_params.at("id")](storage::CommandContext& c) -> Result<json::value> {
        auto v = storage::RetractSecureMessage(c, *keys, id, caller);
        if (!v.ok()) return std::move(v).error();
        return json::value(std::move(*v));
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r)); });
}

}  // namespace

void AddSecureMessageRoutes(Router& router, ApiDeps& deps) {
  // Writing is for our workforce; a party's contact may reply to what it received.
  const domain::RoleSet writers = domain::kWorkforce.With(domain::Role::kThirdPartyContact);
  router.Add(CommandRoute("POST", "/api/v1/secure-messages", writers, JsonBody(BodySchema()),
                          Json(ViewSchema(), 201))
                 .Summary("Send a Secure Message: sealed at rest, the recipient gets only a link")
                 .Tag("messaging")
                 .BodyLimit(16 * 1024 * 1024)
                 .Handle(deps, Send));
  router.Add(
      ReadRoute("/api/v1/secure-messages", domain::kEveryone, Json(schema::Page(ViewSchema())))
          .Summary("The Secure Messages the caller sent or received, newest first")
          .Tag("messaging")
          .Paged()
          .Handle(deps, List));
  router.Add(ReadRoute("/api/v1/secure-messages/{id}", domain::kEveryone, Json(ViewSchema()))
                 .Summary("One Secure Message's tracking: status, read receipt, opens and "
                          "downloads (never its body)")
                 .Tag("messaging")
                 .Path("id", "id")
                 .Handle(deps, Get));
  router.Add(CommandRoute("POST", "/api/v1/secure-messages/{id}/open", domain::kEveryone, NoBody(),
                          Json(OpenedSchema()))
                 .Summary("Read a Secure Message (its sender or recipient); recorded in the ledger")
                 .Tag("messaging")
                 .Path("id", "id")
                 .Handle(deps, Open));
  router.Add(
      CommandRoute("POST", "/api/v1/secure-messages/{id}/attachments/{index}", domain::kEveryone,
                   NoBody(), Media("application/octet-stream"))
          .Summary("Download an attachment (its sender or recipient); recorded in the ledger")
          .Tag("messaging")
          .Path("id", "id")
          .Path("index", "the attachment's index, from 0")
          .Handle(deps, Download));
  router.Add(
      CommandRoute("POST", "/api/v1/secure-messages/{id}/retract", writers, NoBody(),
                   Json(ViewSchema()))
          .Summary("Retract a Secure Message: its key is destroyed, nobody can open it again")
          .Tag("messaging")
          .Path("id", "id")
          .Handle(deps, Retract));
  AddSecurePageRoutes(router, deps);
}

}  // namespace accord::http
