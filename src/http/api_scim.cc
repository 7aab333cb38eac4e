// SCIM 2.0 provisioning (RFC 7643/7644, issue 25) for an integration token scoped `scim`: the
// identity provider creates, replaces, (de)activates and deletes accounts, and its group
// memberships drive roles through [oidc] group_roles. Deleting deactivates at once: sessions
// end and tokens are revoked (the ledger keeps the account). Errors are the RFC's shape.
#include <boost/json.hpp>
#include <regex>

#include "accord/core/time.h"
#include "accord/domain/fields.h"
#include "accord/domain/identity.h"
#include "accord/domain/registry.h"
#include "accord/http/api.h"
#include "accord/http/auth.h"
#include "accord/http/json.h"
#include "accord/http/oidc.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/http/scim_error.h"
#include "accord/storage/identity_store.h"

namespace accord::http {

namespace json = boost::json;
using domain::StateString;

namespace {

constexpr const char* kUserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
constexpr const char* kGroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
constexpr const char* kListSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
constexpr const char* kErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";
constexpr const char* kPatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
// A provisioned account's first role until a group says otherwise: the least privilege.
constexpr const char* kDefaultRole = "staff";
constexpr const char* kNoPassword = "!sso";

Response Scim(json::value body, int status = 200) {
  Response r = JsonResponse(body, status);
  r.content_type = "application/scim+json";
  return r;
}

Response ScimError(const Error& e) { return ScimErrorResponse(e); }

}  // namespace

// RFC 7644 3.12: {schemas, status (a string), scimType?, detail}.
Response ScimErrorResponse(const Error& e) {
  int status = HttpStatus(e.code);
  json::object out{{"schemas", json::array{kErrorSchema}},
                   {"status", std::to_string(status)},
                   {"detail", e.ToString()}};
  if (e.code == ErrorCode::kConflict) out["scimType"] = "uniqueness";
  if (e.code == ErrorCode::kValidationFailed || e.code == ErrorCode::kMalformedJson ||
      e.code == ErrorCode::kBadRequest) {
    out["scimType"] = "invalidValue";
  }
  return Scim(out, status);
}

namespace {

Error Invalid(std::string field, std::string reason) {
  return Error{
      ErrorCode::kBadRequest, "invalid SCIM request", {{std::move(field), std::move(reason), {}}}};
}

const OidcSettings* Mapping(const ApiDeps& deps) {
  return deps.oidc ? &deps.oidc->settings() : nullptr;
}

json::object UserResource(const ApiDeps& deps, const json::object& user) {
  std::string id = StateString(user, "id");
  std::string role = StateString(user, "role");
  json::array groups;
  if (const auto* m = Mapping(deps)) {
    for (const auto& [group, r] : m->group_roles) {
      if (r == role) groups.push_back(json::object{{"value", group}, {"display", group}});
    }
  }
  return json::object{{"schemas", json::array{kUserSchema}},
                      {"id", id},
                      {"userName", StateString(user, "email")},
                      {"displayName", StateString(user, "name")},
                      {"name", json::object{{"formatted", StateString(user, "name")}}},
                      {"emails", json::array{json::object{{"value", StateString(user, "email")},
                                                          {"primary", true}}}},
                      {"active", StateString(user, "status") != "deactivated"},
                      {"groups", groups},
                      {"meta", json::object{{"resourceType", "User"},
                                            {"created", StateString(user, "created_at")},
                                            {"lastModified", StateString(user, "updated_at")},
                                            {"location", "/scim/v2/Users/" + id}}}};
}

// `active` as an identity provider sends it: true/false, or "True"/"False" (Entra ID).
std::optional<bool> ActiveOf(const json::value& v) {
  if (v.is_bool()) return v.as_bool();
  if (v.is_string()) {
    std::string s = domain::Lowercase(v.as_string());
    if (s == "true") return true;
    if (s == "false") return false;
  }
  return std::nullopt;
}

std::string NameOf(const json::object& body) {
  if (auto it = body.find("displayName"); it != body.end() && it->value().is_string()) {
    return std::string(it->value().as_string());
  }
  if (auto it = body.find("name"); it != body.end() && it->value().is_object()) {
    const auto& n = it->value().as_object();
    if (!StateString(n, "formatted").empty()) return StateString(n, "formatted");
    std::string full = StateString(n, "givenName");
    if (!StateString(n, "familyName").empty())
      full += (full.empty() ? "" : " ") + StateString(n, "familyName");
    return full;
  }
  return "";
}

// Moves an account to active or deactivated as `active` says; nothing when it already is.
// Activation still passes the onboarding gate (TR-7): 409 names the missing records.
Status ApplyActive(storage::CommandContext& c, const domain::Actor& actor, const json::object& user,
                   bool active, const policy::IdentityPolicy& policy) {
  std::string id = StateString(user, "id");
  std::string status = StateString(user, "status");
  if (!active && status != "deactivated") {
    auto r = storage::DeactivateUser(c, actor, id, "deprovisioned by the identity provider (SCIM)",
                                     policy);
    if (!r.ok()) return std::move(r).error();
  } else if (active && status == "deactivated") {
    auto r =
        storage::ActivateUser(c, actor, id, "provisioned by the identity provider (SCIM)", policy);
    if (!r.ok()) return std::move(r).error();
  }
  return Ok();
}

Result<json::object> LoadUser(storage::Tx& tx, const std::string& id) {
  auto u = storage::FindUser(tx, id);
  if (!u.ok()) return std::move(u).error();
  if (!*u || StateString(**u, "role") == "third_party_contact") return NotFound("user " + id);
  return std::move(**u);
}

// Runs `change` in a write transaction and answers the account's resource after it.
void Change(
    ApiDeps& deps, Context& ctx, Reply reply, int status,
    std::function<Result<std::string>(storage::CommandContext&, const domain::Actor&)> change) {
  domain::Actor actor = ActorOf(*ctx.principal);
  deps.log.Submit(
      [change = std::move(change), actor](storage::CommandContext& c) -> Result<json::value> {
        auto id = change(c, actor);
        if (!id.ok()) return std::move(id).error();
        auto user = LoadUser(c.tx(), *id);
        if (!user.ok()) return std::move(user).error();
        return json::value(std::move(*user));
      },
      [&deps, status, reply = std::move(reply)](Result<json::value> r) {
        if (!r.ok()) return reply(ScimError(r.error()));
        // Sessions and tokens this change ended stop working here at once.
        if (deps.auth) deps.auth->ForgetAll();
        if (status == 204) return reply(Response{204, "application/scim+json", "", {}});
        reply(Scim(UserResource(deps, r->as_object()), status));
      });
}

void CreateUser(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ScimError(body.error()));
  std::string email = domain::Lowercase(StateString(*body, "userName"));
  if (email.empty()) return reply(ScimError(Invalid("userName", "is required (the email)")));
  std::string name = NameOf(*body);
  std::optional<bool> active = true;
  if (auto it = body->find("active"); it != body->end()) active = ActiveOf(it->value());
  if (!active) return reply(ScimError(Invalid("active", "must be true or false")));
  const auto& policy = deps.auth->policy();
  Change(deps, ctx, std::move(reply), 201,
         [&policy, email, name = name.empty() ? email : name, active = *active](
             storage::CommandContext& c, const domain::Actor& actor) -> Result<std::string> {
           json::object create{{"email", email}, {"name", name}, {"role", kDefaultRole}};
           auto user = storage::CreateUser(c, actor, create, kNoPassword, policy, false);
           if (!user.ok()) return std::move(user).error();
           ACCORD_TRY(ApplyActive(c, actor, *user, active, policy));
           return StateString(*user, "id");
         });
}

void ReplaceUser(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ScimError(body.error()));
  std::optional<bool> active = true;
  if (auto it = body->find("active"); it != body->end()) active = ActiveOf(it->value());
  if (!active) return reply(ScimError(Invalid("active", "must be true or false")));
  std::string email = domain::Lowercase(StateString(*body, "userName"));
  const auto& policy = deps.auth->policy();
  Change(deps, ctx, std::move(reply), 200,
         [&policy, id = ctx.path_params.at("id"), email, active = *active](
             storage::CommandContext& c, const domain::Actor& actor) -> Result<std::string> {
           auto user = LoadUser(c.tx(), id);
           if (!user.ok()) return std::move(user).error();
           if (!email.empty() && email != StateString(*user, "email")) {
             return Invalid("userName", "cannot change: it is the account's email");
           }
           ACCORD_TRY(ApplyActive(c, actor, *user, active, policy));
           return id;
         });
}

// PATCH (RFC 7644 3.5.2): replace of `active`, with or without a path.
void PatchUser(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ScimError(body.error()));
  auto ops = body->find("Operations");
  if (ops == body->end() || !ops->value().is_array()) {
    return reply(ScimError(Invalid("Operations", "is required (a PatchOp list)")));
  }
  std::optional<bool> active;
  for (const auto& op : ops->value().as_array()) {
    if (!op.is_object()) return reply(ScimError(Invalid("Operations", "must hold objects")));
    const auto& o = op.as_object();
    std::string verb = domain::Lowercase(StateString(o, "op"));
    std::string path = StateString(o, "path");
    const json::value* value = o.if_contains("value");
    if (verb != "replace" && verb != "add") {
      return reply(ScimError(Invalid("Operations.op", "only replace of active is supported")));
    }
    if (path == "active" && value) {
      active = ActiveOf(*value);
    } else if (path.empty() && value && value->is_object() &&
               value->as_object().contains("active")) {
      active = ActiveOf(value->as_object().at("active"));
    } else {
      return reply(ScimError(Invalid("Operations.path", "only active can be patched")));
    }
    if (!active) return reply(ScimError(Invalid("active", "must be true or false")));
  }
  if (!active) return reply(ScimError(Invalid("Operations", "names no change")));
  const auto& policy = deps.auth->policy();
  Change(deps, ctx, std::move(reply), 200,
         [&policy, id = ctx.path_params.at("id"), active = *active](
             storage::CommandContext& c, const domain::Actor& actor) -> Result<std::string> {
           auto user = LoadUser(c.tx(), id);
           if (!user.ok()) return std::move(user).error();
           ACCORD_TRY(ApplyActive(c, actor, *user, active, policy));
           return id;
         });
}

void DeleteUser(ApiDeps& deps, Context&& ctx, Reply reply) {
  const auto& policy = deps.auth->policy();
  Change(deps, ctx, std::move(reply), 204,
         [&policy, id = ctx.path_params.at("id")](
             storage::CommandContext& c, const domain::Actor& actor) -> Result<std::string> {
           auto user = LoadUser(c.tx(), id);
           if (!user.ok()) return std::move(user).error();
           ACCORD_TRY(ApplyActive(c, actor, *user, false, policy));
           return id;
         });
}

Response GetUser(ApiDeps& deps, Context& ctx) {
  json::object user;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto u = LoadUser(tx, ctx.path_params.at("id"));
    if (!u.ok()) return std::move(u).error();
    user = std::move(*u);
    return Ok();
  });
  if (!s.ok()) return ScimError(s.error());
  return Scim(UserResource(deps, user));
}

// ?filter=userName eq "x", ?startIndex= (1-based), ?count= (at most 200).
Response ListUsers(ApiDeps& deps, Context& ctx) {
  std::string filter(ctx.Query("filter"));
  std::string user_name;
  if (!filter.empty()) {
    static const std::regex kEq(R"re(^\s*userName\s+eq\s+"([^"]*)"\s*$)re", std::regex::icase);
    std::smatch m;
    if (!std::regex_match(filter, m, kEq)) {
      Error e = Invalid("filter", "only userName eq \"…\" is supported");
      Response r = ScimError(e);
      json::object body = json::parse(r.body).as_object();
      body["scimType"] = "invalidFilter";
      return Scim(body, 400);
    }
    user_name = domain::Lowercase(m[1].str());
  }
  int64_t start = 1, count = 100;
  for (auto [name, out, max] : {std::tuple{"startIndex", &start, int64_t{1} << 40},
                                std::tuple{"count", &count, int64_t{200}}}) {
    std::string_view v = ctx.Query(name);
    if (v.empty()) continue;
    auto n = ParseUint(v, name);
    if (!n.ok()) return ScimError(n.error());
    *out = std::min<int64_t>(static_cast<int64_t>(*n), max);
  }
  start = std::max<int64_t>(start, 1);
  json::array resources;
  int64_t total = 0;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    std::string where = "kind = 'user' AND to_idx = ? AND tag <> 'third_party_contact'" +
                        std::string(user_name.empty() ? "" : " AND name_lc = ?");
    std::vector<storage::Value> params{storage::kOpenVersion};
    if (!user_name.empty()) params.push_back(user_name);
    auto n = tx.Query("SELECT COUNT(*) FROM rm_objects WHERE " + where, params);
    if (!n.ok()) return std::move(n).error();
    total = (*n)[0].Int(0);
    params.push_back(count);
    params.push_back(start - 1);
    auto rows = tx.Query(
        "SELECT doc FROM rm_objects WHERE " + where + " ORDER BY id LIMIT ? OFFSET ?", params);
    if (!rows.ok()) return std::move(rows).error();
    for (const auto& r : *rows) {
      resources.push_back(UserResource(deps, json::parse(r.Text(0)).as_object()));
    }
    return Ok();
  });
  if (!s.ok()) return ScimError(s.error());
  int64_t shown = static_cast<int64_t>(resources.size());
  return Scim(json::object{{"schemas", json::array{kListSchema}},
                           {"totalResults", total},
                           {"startIndex", start},
                           {"itemsPerPage", shown},
                           {"Resources", std::move(resources)}});
}

// --- groups: the [oidc] group_roles mapping, members being the accounts of the group's role ---

json::object GroupResource(const std::string& group, json::array members) {
  return json::object{
      {"schemas", json::array{kGroupSchema}},
      {"id", group},
      {"displayName", group},
      {"members", std::move(members)},
      {"meta", json::object{{"resourceType", "Group"}, {"location", "/scim/v2/Groups/" + group}}}};
}

Result<json::array> MembersOf(storage::Tx& tx, const std::string& role) {
  auto rows = tx.Query(
      "SELECT id, name_lc FROM rm_objects WHERE kind = 'user' AND to_idx = ? AND tag = ? AND "
      "status <> 'deactivated' ORDER BY id LIMIT 1000",
      {storage::kOpenVersion, role});
  if (!rows.ok()) return std::move(rows).error();
  json::array out;
  for (const auto& r : *rows)
    out.push_back(json::object{{"value", r.Text(0)}, {"display", r.Text(1)}});
  return out;
}

Response ListGroups(ApiDeps& deps, Context&) {
  json::array resources;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    if (const auto* m = Mapping(deps)) {
      for (const auto& [group, role] : m->group_roles) {
        auto members = MembersOf(tx, role);
        if (!members.ok()) return std::move(members).error();
        resources.push_back(GroupResource(group, std::move(*members)));
      }
    }
    return Ok();
  });
  if (!s.ok()) return ScimError(s.error());
  int64_t n = static_cast<int64_t>(resources.size());
  return Scim(json::object{{"schemas", json::array{kListSchema}},
                           {"totalResults", n},
                           {"startIndex", 1},
                           {"itemsPerPage", n},
                           {"Resources", std::move(resources)}});
}

Result<std::string> RoleOfGroup(const ApiDeps& deps, const std::string& group) {
  const auto* m = Mapping(deps);
  if (!m || !m->group_roles.contains(group)) {
    return NotFound("group " + group +
                    " (groups are the [oidc] group_roles of the server's config)");
  }
  return m->group_roles.at(group);
}

Response GetGroup(ApiDeps& deps, Context& ctx) {
  std::string group = ctx.path_params.at("id");
  auto role = RoleOfGroup(deps, group);
  if (!role.ok()) return ScimError(role.error());
  json::array members;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto m = MembersOf(tx, *role);
    if (!m.ok()) return std::move(m).error();
    members = std::move(*m);
    return Ok();
  });
  if (!s.ok()) return ScimError(s.error());
  return Scim(GroupResource(group, std::move(members)));
}

// PATCH a group's members: an added member takes the group's role; a removed member who holds
// that role (and no other mapped group gave it another since) is deactivated: no role is left.
void PatchGroup(ApiDeps& deps, Context&& ctx, Reply reply) {
  std::string group = ctx.path_params.at("id");
  auto role = RoleOfGroup(deps, group);
  if (!role.ok()) return reply(ScimError(role.error()));
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ScimError(body.error()));
  auto ops = body->find("Operations");
  if (ops == body->end() || !ops->value().is_array()) {
    return reply(ScimError(Invalid("Operations", "is required (a PatchOp list)")));
  }
  std::vector<std::pair<bool, std::string>> changes;  // (add, user id)
  for (const auto& op : ops->value().as_array()) {
    if (!op.is_object()) return reply(ScimError(Invalid("Operations", "must hold objects")));
    const auto& o = op.as_object();
    std::string verb = domain::Lowercase(StateString(o, "op"));
    std::string path = StateString(o, "path");
    if (verb == "remove" && path.starts_with("members[value eq \"")) {
      // Entra ID names the member in the path: members[value eq "usr_…"].
      std::string id = path.substr(18, path.find('"', 18) - 18);
      changes.emplace_back(false, id);
      continue;
    }
    if ((verb != "add" && verb != "remove") || path != "members") {
      return reply(
          ScimError(Invalid("Operations", "only add and remove of members are supported")));
    }
    const json::value* value = o.if_contains("value");
    if (!value || !value->is_array()) {
      return reply(ScimError(Invalid("Operations.value", "must list the members")));
    }
    for (const auto& m : value->as_array()) {
      if (!m.is_object() || StateString(m.as_object(), "value").empty()) {
        return reply(
            ScimError(Invalid("Operations.value", "each member needs its value (the id)")));
      }
      changes.emplace_back(verb == "add", StateString(m.as_object(), "value"));
    }
  }
  const auto& policy = deps.auth->policy();
  domain::Actor actor = ActorOf(*ctx.principal);
  deps.log.Submit(
      [&policy, changes, role = *role, actor](storage::CommandContext& c) -> Result<json::value> {
        for (const auto& [add, id] : changes) {
          auto user = LoadUser(c.tx(), id);
          if (!user.ok()) return std::move(user).error();
          std::string has = StateString(*user, "role");
          if (add && has != role) {
            auto r = storage::ChangeUserRole(
                c, actor, id, role, "group membership at the identity provider (SCIM)", policy);
            if (!r.ok()) return std::move(r).error();
          } else if (!add && has == role) {
            ACCORD_TRY(ApplyActive(c, actor, *user, false, policy));
          }
        }
        return json::value(nullptr);
      },
      [&deps, reply = std::move(reply)](Result<json::value> r) {
        if (!r.ok()) return reply(ScimError(r.error()));
        if (deps.auth) deps.auth->ForgetAll();
        reply(Response{204, "application/scim+json", "", {}});
      });
}

json::object UserSchema() {
  using namespace schema;
  return Object({{"schemas", ArrayOf(String())},
                 {"id", String()},
                 {"userName", Text("the account's email")},
                 {"active", Bool()}},
                {{"displayName", String()},
                 {"name", AnyObject("formatted, givenName, familyName")},
                 {"emails", ArrayOf(AnyObject("value, primary"))},
                 {"groups", ArrayOf(AnyObject("value, display: the mapped groups of its role"))},
                 {"meta", AnyObject("resourceType, created, lastModified, location")}});
}

json::object ListSchema(json::object item) {
  using namespace schema;
  return Object({{"schemas", ArrayOf(String())},
                 {"totalResults", Int()},
                 {"startIndex", Int()},
                 {"itemsPerPage", Int()},
                 {"Resources", ArrayOf(std::move(item))}});
}

json::object GroupSchema() {
  using namespace schema;
  return Object({{"schemas", ArrayOf(String())},
                 {"id", String()},
                 {"displayName", String()},
                 {"members", ArrayOf(AnyObject("value (the account id), display"))}},
                {{"meta", AnyObject("resourceType, location")}});
}

json::object ScimBody(std::string_view what) { return schema::AnyObject(what); }

}  // namespace

void AddScimRoutes(Router& router, ApiDeps& deps) {
  // No person: the identity provider's integration token.
  const domain::RoleSet none{};
  auto route = [](RouteSpec spec) {
    spec.Tag("scim").Scopes({"scim"});
    return spec;
  };
  router.Add(
      route(ReadRoute("/scim/v2/Users", none, Json(ListSchema(UserSchema())))
                .Summary("SCIM: the accounts; ?filter=userName eq \"…\", ?startIndex, ?count")
                .Query("filter", "userName eq \"email\"")
                .Query("startIndex", "1-based", "integer")
                .Query("count", "at most 200", "integer")
                .Handle(deps, ListUsers)));
  router.Add(route(CommandRoute("POST", "/scim/v2/Users", none,
                                JsonBody(ScimBody("userName (email), displayName or name, active")),
                                Json(UserSchema(), 201))
                       .Summary("SCIM: provision an account (pending its onboarding records; role "
                                "staff until a group gives another)")
                       .Handle(deps, CreateUser)));
  router.Add(route(ReadRoute("/scim/v2/Users/{id}", none, Json(UserSchema()))
                       .Summary("SCIM: one account")
                       .Path("id", "account id")
                       .Handle(deps, GetUser)));
  router.Add(route(CommandRoute("PUT", "/scim/v2/Users/{id}", none,
                                JsonBody(ScimBody("the User resource: active")), Json(UserSchema()))
                       .Summary("SCIM: replace an account (its active state)")
                       .Path("id", "account id")
                       .Handle(deps, ReplaceUser)));
  router.Add(route(CommandRoute("PATCH", "/scim/v2/Users/{id}", none,
                                JsonBody(ScimBody("PatchOp: replace active")), Json(UserSchema()))
                       .Summary("SCIM: patch active; false deactivates at once (sessions end, "
                                "tokens revoked)")
                       .Path("id", "account id")
                       .Handle(deps, PatchUser)));
  router.Add(route(CommandRoute("DELETE", "/scim/v2/Users/{id}", none, NoBody(),
                                Answer{"application/scim+json", {}, 204})
                       .Summary("SCIM: deprovision: the account is deactivated at once (the "
                                "ledger keeps it)")
                       .Path("id", "account id")
                       .Handle(deps, DeleteUser)));
  router.Add(route(ReadRoute("/scim/v2/Groups", none, Json(ListSchema(GroupSchema())))
                       .Summary("SCIM: the groups [oidc] group_roles maps, each with the accounts "
                                "of its role")
                       .Handle(deps, ListGroups)));
  router.Add(route(ReadRoute("/scim/v2/Groups/{id}", none, Json(GroupSchema()))
                       .Summary("SCIM: one mapped group")
                       .Path("id", "the group's name")
                       .Handle(deps, GetGroup)));
  router.Add(route(CommandRoute("PATCH", "/scim/v2/Groups/{id}", none,
                                JsonBody(ScimBody("PatchOp: add or remove members")),
                                Answer{"application/scim+json", {}, 204})
                       .Summary("SCIM: members added take the group's role; a member removed from "
                                "the group of its role is deactivated")
                       .Path("id", "the group's name")
                       .Handle(deps, PatchGroup)));
}

}  // namespace accord::http
