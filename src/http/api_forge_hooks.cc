// The forge webhooks (TR-5): GitHub and GitLab tell us about pull-request reviews and merges;
// each is attached to the change request the pull request names. Public routes (a forge
// cannot sign in): a GitHub delivery is authenticated by its X-Hub-Signature-256 (HMAC-SHA256
// of the raw body with the secret), a GitLab one by its X-Gitlab-Token; both compared in
// constant time before the body is parsed (403 otherwise). A delivery id seen before is a replay
// (409).
#include <openssl/hmac.h>

#include <boost/json.hpp>

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/change_requests.h"
#include "change_routes.h"

namespace accord::http {

namespace json = boost::json;
using domain::StateString;
using storage::ForgeEvent;

namespace {

constexpr size_t kMaxHookBody = 2 * 1024 * 1024;

// Like every callback under /hooks/ (contract.md): an unsigned or wrongly signed delivery is
// refused 403.
Error Unsigned(std::string why) { return Error{ErrorCode::kForbidden, std::move(why), {}}; }

json::object ObjectAt(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_object() ? v->as_object() : json::object{};
}

int64_t IntAt(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_int64() ? v->as_int64() : 0;
}

// An RFC 3339 time from the payload, normalised; "" (the server's clock) when it is not one.
std::string TimeAt(const json::object& o, std::string_view key) {
  auto t = ParseRfc3339(StateString(o, key));
  return t.ok() ? FormatRfc3339(*t) : "";
}

Result<std::string> SecretOf(ApiDeps& deps, const std::string& forge) {
  std::optional<std::string> secret;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto got = storage::ForgeSecret(tx, forge);
    if (!got.ok()) return std::move(got).error();
    secret = std::move(*got);
    return Ok();
  });
  if (!s.ok()) return s.error();
  if (!secret) {
    return Unsigned("no webhook secret is set for " + forge +
                    ": a security officer creates one first");
  }
  return *secret;
}

// X-Hub-Signature-256: "sha256=" + hex HMAC-SHA256 of the raw body.
Status CheckGithubSignature(std::string_view header, const std::string& secret,
                            std::string_view body) {
  constexpr std::string_view kPrefix = "sha256=";
  if (!header.starts_with(kPrefix)) {
    return Unsigned("X-Hub-Signature-256 is missing or not sha256=<hex>");
  }
  auto given = HexDecode(header.substr(kPrefix.size()));
  if (!given.ok() || given->size() != 32) {
    return Unsigned("X-Hub-Signature-256 is not a SHA-256 HMAC");
  }
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(body.data()), body.size(), mac, &len);
  if (!ConstantTimeEquals(AsString(*given), std::string_view(reinterpret_cast<char*>(mac), len))) {
    return Unsigned("X-Hub-Signature-256 does not match the body: wrong secret or altered");
  }
  return Ok();
}

void Record(ApiDeps& deps, Reply reply, ForgeEvent event) {
  deps.log.Submit(
      [&deps, event = std::move(event)](storage::CommandContext& c) -> Result<json::value> {
        auto r = storage::RecordForgeEvent(c, event, deps.profile);
        if (!r.ok()) return std::move(r).error();
        return json::value(std::move(*r));
      },
      [reply = std::move(reply)](Result<json::value> r) {
        int status = 200;
        if (r.ok() && StateString(r->as_object(), "status") == "ignored") status = 202;
        reply(ToResponse(r, status));
      });
}

Response Ignored(std::string reason) {
  return JsonResponse(json::object{{"status", "ignored"}, {"reason", std::move(reason)}}, 202);
}

void GithubHook(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Request& req = ctx.request;
  auto secret = SecretOf(deps, "github");
  if (!secret.ok()) return reply(ErrorResponse(secret.error()));
  if (auto s = CheckGithubSignature(req.HeaderValue("X-Hub-Signature-256"), *secret, req.body);
      !s.ok()) {
    return reply(ErrorResponse(s.error()));
  }
  std::string delivery(req.HeaderValue("X-GitHub-Delivery"));
  std::string kind(req.HeaderValue("X-GitHub-Event"));
  if (delivery.empty() || delivery.size() > 100) {
    return reply(ErrorResponse(ValidationError("X-GitHub-Delivery", "is required")));
  }
  auto body = ParseJsonObject(req.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  if (kind == "ping") return reply(JsonResponse(json::object{{"status", "pong"}}));
  json::object pr = ObjectAt(*body, "pull_request");
  if (kind != "pull_request" && kind != "pull_request_review") {
    return reply(Ignored("event " + kind + " is not about pull requests"));
  }
  ForgeEvent e{.forge = "github",
               .delivery_id = delivery,
               .number = IntAt(pr, "number"),
               .url = StateString(pr, "html_url"),
               .title = StateString(pr, "title"),
               .text = StateString(pr, "body")};
  std::string action = StateString(*body, "action");
  if (kind == "pull_request_review") {
    if (action != "submitted") return reply(Ignored("review " + action));
    json::object review = ObjectAt(*body, "review");
    e.kind = ForgeEvent::Kind::kReview;
    e.login = StateString(ObjectAt(review, "user"), "login");
    e.review_state = domain::Lowercase(StateString(review, "state"));
    e.at = TimeAt(review, "submitted_at");
  } else if (action == "closed" && pr.contains("merged") && pr.at("merged").is_bool() &&
             pr.at("merged").as_bool()) {
    e.kind = ForgeEvent::Kind::kMerge;
    e.login = StateString(ObjectAt(pr, "merged_by"), "login");
    e.at = TimeAt(pr, "merged_at");
  } else if (action != "opened" && action != "edited" && action != "reopened") {
    return reply(Ignored("pull request " + action));
  }
  if (e.number <= 0) {
    return reply(ErrorResponse(ValidationError("pull_request.number", "is required")));
  }
  Record(deps, std::move(reply), std::move(e));
}

void GitlabHook(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Request& req = ctx.request;
  auto secret = SecretOf(deps, "gitlab");
  if (!secret.ok()) return reply(ErrorResponse(secret.error()));
  // Hashing both sides first makes the comparison's time independent of the token's length.
  Hash given = Sha256(req.HeaderValue("X-Gitlab-Token"));
  Hash want = Sha256(*secret);
  if (req.HeaderValue("X-Gitlab-Token").empty() ||
      !ConstantTimeEquals(AsString(given), AsString(want))) {
    return reply(ErrorResponse(Unsigned("X-Gitlab-Token is missing or wrong")));
  }
  std::string delivery(req.HeaderValue("X-Gitlab-Event-UUID"));
  if (delivery.empty() || delivery.size() > 100) {
    return reply(ErrorResponse(ValidationError("X-Gitlab-Event-UUID", "is required")));
  }
  auto body = ParseJsonObject(req.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  if (StateString(*body, "object_kind") != "merge_request") {
    return reply(Ignored("event " + std::string(req.HeaderValue("X-Gitlab-Event")) +
                         " is not about merge requests"));
  }
  json::object mr = ObjectAt(*body, "object_attributes");
  ForgeEvent e{.forge = "gitlab",
               .delivery_id = delivery,
               .number = IntAt(mr, "iid"),
               .url = StateString(mr, "url"),
               .title = StateString(mr, "title"),
               .text = StateString(mr, "description"),
               .login = StateString(ObjectAt(*body, "user"), "username")};
  std::string action = StateString(mr, "action");
  if (action == "approved" || action == "approval") {
    e.kind = ForgeEvent::Kind::kReview;
    e.review_state = "approved";
  } else if (action == "unapproved" || action == "unapproval") {
    e.kind = ForgeEvent::Kind::kReview;
    e.review_state = "unapproved";
  } else if (action == "merge") {
    e.kind = ForgeEvent::Kind::kMerge;
  } else if (action != "open" && action != "update" && action != "reopen") {
    return reply(Ignored("merge request " + action));
  }
  if (e.number <= 0) {
    return reply(ErrorResponse(ValidationError("object_attributes.iid", "is required")));
  }
  Record(deps, std::move(reply), std::move(e));
}

void RotateSecret(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Principal& p = *ctx.principal;
  if (p.break_glass) {
    return reply(ErrorResponse(
        Error{ErrorCode::kForbidden, "not during break-glass: sign in as yourself", {}}));
  }
  std::string forge = ctx.path_params.at("forge");
  deps.log.Submit(
      [forge, actor = ActorOf(p)](storage::CommandContext& c) -> Result<json::value> {
        auto secret = storage::RotateForgeSecret(c, actor, forge);
        if (!secret.ok()) return std::move(secret).error();
        return json::value(json::object{{"forge", forge},
                                        {"secret", *secret},
                                        {"path", "/hooks/" + forge},
                                        {"created_at", FormatRfc3339(c.Now())}});
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r, 201)); });
}

}  // namespace

void AddForgeHookRoutes(Router& router, ApiDeps& deps) {
  using namespace schema;
  auto answer = [] {
    return Object({{"status", Enum({"attached", "ignored", "pong"})}},
                  {{"change_request_id", String()},
                   {"counted", Bool()},
                   {"reason", Text("why it was ignored or did not count as the peer review")}});
  };
  router.Add(CommandRoute("POST", "/hooks/github", kPublic, RawBody(), Json(answer()))
                 .Summary("GitHub webhook (pull_request, pull_request_review): signed with "
                          "X-Hub-Signature-256; attaches reviews and merges to the change request "
                          "the pull request names")
                 .Tag("changes")
                 .BodyLimit(kMaxHookBody)
                 .Handle(deps, GithubHook));
  router.Add(CommandRoute("POST", "/hooks/gitlab", kPublic, RawBody(), Json(answer()))
                 .Summary("GitLab webhook (Merge Request Hook): X-Gitlab-Token; attaches "
                          "approvals and merges to the change request the merge request names")
                 .Tag("changes")
                 .BodyLimit(kMaxHookBody)
                 .Handle(deps, GitlabHook));
  router.Add(CommandRoute("POST", "/api/v1/forge-hooks/{forge}/secret",
                          domain::RoleSet{domain::Role::kSecurityOfficer}, NoBody(),
                          Json(Object({{"forge", Enum({"github", "gitlab"})},
                                       {"secret", Text("shown once: enter it in the forge's "
                                                       "webhook settings")},
                                       {"path", String()},
                                       {"created_at", Time()}}),
                               201))
                 .Summary("A new webhook secret for github or gitlab (the old one stops working); "
                          "shown once")
                 .Tag("changes")
                 .Path("forge", "github or gitlab")
                 .Handle(deps, RotateSecret));
}

}  // namespace accord::http
