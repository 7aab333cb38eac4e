// Accounts (create, onboarding records, activate/deactivate, role, MFA and password reset),
// API tokens and alerts. Reads of users and alerts come from the registry's generic routes
// (api_registry.cc); the writes here are the identity commands (storage/identity_store.h).
#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "accord/core/bytes.h"
#include "accord/core/password.h"
#include "accord/core/time.h"
#include "accord/domain/identity.h"
#include "accord/domain/registry.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/auth.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/workflow/account.h"

namespace accord::http {

namespace json = boost::json;
using domain::StateString;
namespace account = workflow::account;

namespace {

// A one-time password for a new or reset account: 20 characters, ~110 bits.
std::string InitialPassword() {
  static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  for (uint8_t b : RandomBytes(20)) out += kAlphabet[b % (sizeof kAlphabet - 1)];
  return out;
}

// A new account, or one whose password was reset: the password is shown once.
json::object WithPasswordSchema() {
  using namespace schema;
  return Object({{"user", KindRef("user")}, {"initial_password", String()}}, {{"note", String()}});
}

json::object TokenSchema() {
  using namespace schema;
  return Object({{"id", String()},
                 {"name", String()},
                 {"role", String()},
                 {"created_at", Time()},
                 {"expires_at", Nullable(Time())},
                 {"revoked_at", Nullable(Time())},
                 {"user_id", Nullable(String())},
                 {"last_used_at", Nullable(Time())}},
                {{"scopes", ArrayOf(String())}, {"party_id", Nullable(String())}});
}

const policy::IdentityPolicy& IdentityPolicyOf(const ApiDeps& deps) {
  static const policy::IdentityPolicy kDefaults;
  return deps.profile ? deps.profile->identity : kDefaults;
}

// The profile layer (CONTRACT.md): only the profile's user_admin_roles manage accounts;
// emergency access neither takes over accounts nor silences the alert it raised.
std::optional<Error> Refusal(const ApiDeps& deps, const Principal& p) {
  return account::AdminRefusal(IdentityPolicyOf(deps), p.role, p.break_glass);
}

// Argon2id work off the I/O threads (inline when no AuthService, as in route-only tests).
void Slow(ApiDeps& deps, Reply reply, std::function<void(Reply)> work) {
  if (deps.auth) return deps.auth->RunSlow(std::move(reply), std::move(work));
  work(std::move(reply));
}

// Cached credentials must follow an account's change at once.
void Forget(ApiDeps& deps) {
  if (deps.auth) deps.auth->ForgetAll();
}

void CreateUser(ApiDeps& deps, Context&& ctx, Reply reply) {
  if (auto refusal = Refusal(deps, *ctx.principal)) return reply(ErrorResponse(*refusal));
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  // Validate before the slow hash, so a bad request costs nothing.
  std::vector<ErrorDetail> details;
  json::object checked;
  domain::ValidateFields(domain::UserCreateFields(), *body, false, "", checked, details);
  if (!details.empty()) return reply(ErrorResponse(domain::ValidationErrors(std::move(details))));
  domain::Actor actor = ActorOf(*ctx.principal);
  Slow(deps, std::move(reply), [&deps, actor, body = std::move(*body)](Reply reply) mutable {
    std::string password = InitialPassword();
    auto hash = HashPassword(password);
    if (!hash.ok()) return reply(ErrorResponse(hash.error()));
    deps.log.Submit(
        [&deps, actor, body = std::move(body),
         hash = std::move(*hash)](storage::CommandContext& c) -> Result<json::value> {
          auto user = storage::CreateUser(c, actor, body, hash, IdentityPolicyOf(deps), false,
                                          /*must_change_password=*/true);
          if (!user.ok()) return std::move(user).error();
          return json::value(std::move(*user));
        },
        [password, reply = std::move(reply)](Result<json::value> r) {
          if (!r.ok()) return reply(ErrorResponse(r.error()));
          reply(JsonResponse(json::object{{"user", *r},
                                          {"initial_password", password},
                                          {"note",
                                           "shown once: give it to the person over a separate "
                                           "channel; they change it under /api/v1/auth/password"}},
                             201));
        });
  });
}

void Attest(ApiDeps& deps, Context&& ctx, Reply reply) {
  if (auto refusal = Refusal(deps, *ctx.principal)) return reply(ErrorResponse(*refusal));
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  std::string id = ctx.path_params.at("id");
  domain::Actor actor = ActorOf(*ctx.principal);
  deps.log.Submit(
      [&deps, id, actor,
       body = std::move(*body)](storage::CommandContext& c) -> Result<json::value> {
        auto user = storage::RecordAttestation(c, actor, id, body, IdentityPolicyOf(deps));
        if (!user.ok()) return std::move(user).error();
        json::object out{{"user", std::move(*user)}};
        auto missing = domain::MissingAttestations(out["user"].as_object(), c.Now(),
                                                   IdentityPolicyOf(deps).training_valid_days);
        json::array m;
        for (auto& s : missing) m.push_back(json::value(s));
        out["missing_for_activation"] = std::move(m);
        return json::value(std::move(out));
      },
      [&deps, reply = std::move(reply)](Result<json::value> r) {
        Forget(deps);
        reply(ToResponse(r));
      });
}

void UserAction(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Principal& p = *ctx.principal;
  if (auto refusal = Refusal(deps, p)) return reply(ErrorResponse(*refusal));
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  std::string action = StateString(*body, "action");
  std::string comment = StateString(*body, "comment");
  std::string role = StateString(*body, "role");
  for (const auto& [key, value] : *body) {
    if (key != "action" && key != "comment" && key != "role") {
      return reply(ErrorResponse(ValidationError(std::string(key), "is not a field of an action")));
    }
  }
  // require_onboarding follows a role change; nobody takes it.
  auto act = account::ParseAction(action);
  if (!act || *act == account::Action::kRequireOnboarding) {
    return reply(ErrorResponse(ValidationError(
        "action", "must be one of activate, deactivate, change_role, reset_mfa, reset_password")));
  }
  if (comment.empty()) return reply(ErrorResponse(ValidationError("comment", "is required")));
  if (action == "change_role" && role.empty()) {
    return reply(ErrorResponse(ValidationError("role", "is required for change_role")));
  }
  if (action != "change_role" && !role.empty()) {
    return reply(ErrorResponse(ValidationError("role", "applies to change_role only")));
  }
  std::string id = ctx.path_params.at("id");
  if (auto no = account::PersonRefusal(p.id, {.user_id = id}, *act)) {
    return reply(ErrorResponse(*no));
  }
  domain::Actor actor = ActorOf(p);
  auto run = [&deps, id, actor, action, comment, role](Reply reply, std::string password,
                                                       std::string hash) mutable {
    deps.log.Submit(
        [&deps, id, actor, action, comment, role,
         hash](storage::CommandContext& c) -> Result<json::value> {
          Result<json::object> user = Error{};
          if (action == "activate")
            user = storage::ActivateUser(c, actor, id, comment, IdentityPolicyOf(deps));
          if (action == "deactivate")
            user = storage::DeactivateUser(c, actor, id, comment, IdentityPolicyOf(deps));
          if (action == "change_role") {
            user = storage::ChangeUserRole(c, actor, id, role, comment, IdentityPolicyOf(deps));
          }
          if (action == "reset_mfa") {
            auto secrets = storage::ReadSecrets(c.tx(), id);
            if (!secrets.ok()) return std::move(secrets).error();
            if (secrets->has_value()) {
              ACCORD_TRY(storage::WriteTotp(c.tx(), id, {}, {}, std::nullopt, c.Now()));
              ACCORD_TRY(storage::WriteRecoveryCodes(c.tx(), id, {}));
            }
            user = storage::UpdateUser(
                c, actor, id, "user.mfa_reset", IdentityPolicyOf(deps),
                [](json::object& s) -> Status {
                  s["mfa_enrolled"] = false;
                  return Ok();
                },
                json::object{{"comment", comment}});
            if (user.ok()) ACCORD_TRY(storage::EndUserAccess(c, actor, id, "MFA reset", "", false));
          }
          if (action == "reset_password") {
            if (hash.empty()) return Internal("password hashing failed");
            auto found = storage::FindUser(c.tx(), id);
            if (!found.ok()) return std::move(found).error();
            if (!found->has_value()) return NotFound("user " + id);
            ACCORD_TRY(storage::WritePassword(c.tx(), id, hash, c.Now(), /*must_change=*/true));
            ACCORD_TRY(storage::EndUserAccess(c, actor, id, "password reset", "", false));
            auto e = c.Append(domain::Event{.type = "user.password_reset",
                                            .actor = actor,
                                            .subject = {"user", id},
                                            .payload = json::object{{"comment", comment}}});
            if (!e.ok()) return std::move(e).error();
            user = std::move(**found);
          }
          if (!user.ok()) return std::move(user).error();
          return json::value(std::move(*user));
        },
        [&deps, password, reply = std::move(reply)](Result<json::value> r) {
          Forget(deps);
          if (!r.ok() || password.empty()) return reply(ToResponse(r));
          reply(JsonResponse(json::object{{"user", *r}, {"initial_password", password}}));
        });
  };
  if (action != "reset_password") return run(std::move(reply), "", "");
  Slow(deps, std::move(reply), [run = std::move(run)](Reply reply) mutable {
    std::string password = InitialPassword();
    auto hash = HashPassword(password);
    // HashPassword fails only when memory runs out; the command then refuses (no hash).
    run(std::move(reply), password, hash.ok() ? *hash : "");
  });
}

Response ListTokens(ApiDeps& deps, Context& ctx) {
  const Principal& p = *ctx.principal;
  // Everyone's tokens only to a Security Officer signed in as one: an emergency elevation
  // is for the work, not for reading other people's credentials.
  const bool everyone = p.role == "security_officer" && !p.break_glass;
  json::array items;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto tokens =
        storage::ListApiTokens(tx, everyone ? std::nullopt : std::optional<std::string>(p.id));
    if (!tokens.ok()) return std::move(tokens).error();
    items = std::move(*tokens);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

void CreateToken(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  for (const auto& [key, value] : *body) {
    if (key != "name" && key != "role" && key != "expires_at") {
      return reply(ErrorResponse(ValidationError(std::string(key), "is not a token field")));
    }
    if (!value.is_string()) {
      return reply(ErrorResponse(ValidationError(std::string(key), "must be a string")));
    }
  }
  std::optional<TimePoint> expires;
  if (std::string e = StateString(*body, "expires_at"); !e.empty()) {
    auto t = ParseRfc3339(e);
    if (!t.ok()) return reply(ErrorResponse(ValidationError("expires_at", "must be RFC 3339")));
    expires = *t;
  }
  const Principal& p = *ctx.principal;
  if (p.break_glass) {
    return reply(ErrorResponse(Error{ErrorCode::kForbidden,
                                     "no API tokens during break-glass: the elevation ends "
                                     "with the session",
                                     {}}));
  }
  // A token never mints another (a leaked read-only token must not yield a full one):
  // tokens come from a portal session that passed MFA, or from `accord token create`.
  if (!p.via_session) {
    return reply(ErrorResponse(Error{ErrorCode::kForbidden,
                                     "API tokens are created from a signed-in portal session "
                                     "or with `accord token create`, not with another token",
                                     {}}));
  }
  deps.log.Submit(
      [user = p.id, actor = ActorOf(p), name = StateString(*body, "name"),
       role = StateString(*body, "role"),
       expires](storage::CommandContext& c) -> Result<json::value> {
        auto t = storage::CreateToken(c, actor, user, name, role, expires);
        if (!t.ok()) return std::move(t).error();
        return json::value(json::object{{"id", t->id}, {"token", t->secret}});
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r, 201)); });
}

void RevokeToken(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Principal& p = *ctx.principal;
  std::string owner = p.role == "security_officer" && !p.break_glass ? "" : p.id;
  deps.log.Submit(
      [id = ctx.path_params.at("id"), owner, actor = ActorOf(p)](storage::CommandContext& c) {
        auto r = storage::RevokeToken(c, actor, id, owner, "revoked through the API");
        if (!r.ok()) return Result<json::value>(std::move(r).error());
        return Result<json::value>(json::value(std::move(*r)));
      },
      [&deps, reply = std::move(reply)](Result<json::value> r) {
        Forget(deps);
        reply(ToResponse(r));
      });
}

void Acknowledge(ApiDeps& deps, Context&& ctx, Reply reply) {
  if (ctx.principal->break_glass) {
    return reply(ErrorResponse(*Refusal(deps, *ctx.principal)));
  }
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  std::string comment = StateString(*body, "comment");
  if (comment.empty()) return reply(ErrorResponse(ValidationError("comment", "is required")));
  deps.log.Submit(
      [id = ctx.path_params.at("id"), actor = ActorOf(*ctx.principal),
       comment](storage::CommandContext& c) -> Result<json::value> {
        auto current = storage::GetObject(c.tx(), "alert", id, storage::Scope{});
        if (!current.ok()) return std::move(current).error();
        if (!current->has_value()) return NotFound("alert " + id);
        json::object state = std::move((*current)->doc);
        const json::value* subject = state.if_contains("subject");
        if (subject && subject->is_object() &&
            StateString(subject->as_object(), "id") == actor.id) {
          return Error{ErrorCode::kForbidden,
                       "an alert about your own account is acknowledged by another officer",
                       {}};
        }
        if (StateString(state, "status") != "open") {
          return Error{ErrorCode::kConflict, "the alert is already acknowledged", {}};
        }
        std::string now = FormatRfc3339(c.Now());
        state["status"] = "acknowledged";
        state["acknowledged_by"] = actor.id;
        state["acknowledged_at"] = now;
        state["updated_at"] = now;
        state["version"] = state["version"].to_number<int64_t>() + 1;
        auto e = c.Append(
            domain::Event{.type = "alert.acknowledged",
                          .actor = actor,
                          .subject = {"alert", id},
                          .payload = json::object{{"state", state}, {"comment", comment}}});
        if (!e.ok()) return std::move(e).error();
        return json::value(std::move(state));
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r)); });
}

}  // namespace

void AddUserRoutes(Router& router, ApiDeps& deps) {
  using domain::kOfficers;
  router.Add(CommandRoute("POST", "/api/v1/users", kOfficers,
                          JsonBody(domain::SchemaOf(domain::UserCreateFields(), false)),
                          Json(WithPasswordSchema(), 201))
                 .Summary("Create an account; returns a one-time initial password. Workforce "
                          "accounts start pending until the onboarding gate (TR-7) passes")
                 .Tag("users")
                 .Handle(deps, CreateUser));
  router.Add(
      CommandRoute("POST", "/api/v1/users/{id}/attestations", kOfficers,
                   JsonBody(domain::SchemaOf(domain::AttestationFields(), false)),
                   Json(schema::KindRef("user")))
          .Summary("Record an onboarding record (background check, HIPAA training, "
                   "security training, policy acknowledgement, managed device) with its date")
          .Tag("users")
          .Path("id", "user id")
          .Handle(deps, Attest));
  json::object action{
      {"type", "object"},
      {"required", json::array{"action", "comment"}},
      {"properties",
       json::object{
           {"action", json::object{{"type", "string"},
                                   {"enum", json::array{"activate", "deactivate", "change_role",
                                                        "reset_mfa", "reset_password"}}}},
           {"role", json::object{{"type", "string"}}},
           {"comment", json::object{{"type", "string"}}}}}};
  router.Add(CommandRoute("POST", "/api/v1/users/{id}/actions", kOfficers,
                          JsonBody(std::move(action)),
                          Json(schema::OneOf({schema::KindRef("user"), WithPasswordSchema()})))
                 .Summary("activate | deactivate | change_role | reset_mfa | reset_password, "
                          "with a comment; each is a ledger event")
                 .Tag("users")
                 .Path("id", "user id")
                 .Handle(deps, UserAction));
  router.Add(ReadRoute("/api/v1/tokens", domain::kEveryone, Json(schema::Page(TokenSchema())))
                 .Summary("Your API tokens (a security officer sees everyone's)")
                 .Tag("tokens")
                 .Handle(deps, ListTokens));
  json::object token{
      {"type", "object"},
      {"required", json::array{"name"}},
      {"properties",
       json::object{{"name", json::object{{"type", "string"}}},
                    {"role", json::object{{"type", "string"}}},
                    {"expires_at", json::object{{"type", "string"}, {"format", "date-time"}}}}}};
  router.Add(CommandRoute("POST", "/api/v1/tokens", domain::kEveryone, JsonBody(std::move(token)),
                          Json(schema::Object({{"id", schema::String()},
                                               {"token", schema::Text("shown once")}}),
                               201))
                 .Summary("Create an API token acting as you (shown once); role defaults to yours, "
                          "an officer may narrow it to auditor")
                 .Tag("tokens")
                 .Handle(deps, CreateToken));
  router.Add(
      CommandRoute("DELETE", "/api/v1/tokens/{id}", domain::kEveryone, NoBody(),
                   Json(schema::Object({{"id", schema::String()}, {"revoked", schema::Bool()}})))
          .Summary("Revoke a token (yours; a security officer any): every server refuses it "
                   "within a second")
          .Tag("tokens")
          .Path("id", "token id")
          .Handle(deps, RevokeToken));
  router.Add(CommandRoute(
                 "POST", "/api/v1/alerts/{id}/acknowledge", kOfficers,
                 JsonBody(json::object{
                     {"type", "object"},
                     {"required", json::array{"comment"}},
                     {"properties", json::object{{"comment", json::object{{"type", "string"}}}}}}),
                 Json(schema::KindRef("alert")))
                 .Summary("Acknowledge an alert, with a comment")
                 .Tag("alerts")
                 .Path("id", "alert id")
                 .Handle(deps, Acknowledge));
}

}  // namespace accord::http
