// One route and the one way to declare it: ReadRoute (a GET) or CommandRoute (a write), each
// naming who may call it and what it answers, a command also what it takes. The router refuses
// a JSON answer without a schema, so every operation of the OpenAPI document has one.
//
//   router.Add(CommandRoute("POST", "/api/v1/findings/{id}/actions", domain::kOfficers,
//                           JsonBody(domain::SchemaOf(domain::FindingActionFields(), false)),
//                           Json(schema::KindRef("finding")))
//                  .Summary("assign | resolve (with evidence) | accept_risk | reopen")
//                  .Tag("reviews")
//                  .Path("id", "id")
//                  .Handle(deps, FindingAction));
//
// where `void FindingAction(ApiDeps&, Context&&, Reply)` is the handler (a read may answer at
// once: `Response Fn(ApiDeps&, Context&)`).
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "accord/domain/roles.h"
#include "accord/http/message.h"

namespace accord::http {

// Who is calling, once authenticated.
struct Principal {
  std::string id;    // the user (usr_...): the actor recorded in the ledger
  std::string role;  // security_officer, privacy_officer, staff, auditor, third_party_contact
  std::string name;  // the token's name or the user's email
  // Set for third_party_contact: the one party whose objects it may see (TP-7).
  std::string party_id;
  std::string credential_id;  // tok_... or ses_...
  bool via_session = false;   // cookie session (portal) rather than a bearer token
  bool break_glass = false;   // an emergency elevation is in force (role is elevated)
  // An integration token (role "integration", id = the token's id: the actor it records):
  // it may call only the routes that name one of its scopes.
  std::vector<std::string> scopes;
};

struct Context {
  Request request;
  std::string path;
  std::map<std::string, std::string> path_params;
  std::map<std::string, std::string> query;
  std::optional<Principal> principal;

  // Query parameter or empty.
  std::string_view Query(std::string_view name) const;
};

using RouteHandler = std::function<void(Context&&, Reply)>;

struct ParamDoc {
  std::string name;
  std::string in;               // "path" | "query"
  std::string type = "string";  // JSON schema type
  bool required = false;
  std::string description;
};

// A route as the router keeps it and the OpenAPI document reads it; made by RouteSpec.
struct Route {
  std::string method;
  std::string pattern;             // "/api/v1/ledger/entries/{index}"
  std::vector<std::string> roles;  // empty + is_public: no sign-in
  // The integration-token scopes that may call it too (domain::IntegrationScopes).
  std::vector<std::string> scopes;
  bool is_public = false;
  std::string summary;
  std::string tag;
  std::vector<ParamDoc> params;
  boost::json::object request_schema;   // empty: no JSON body
  boost::json::object response_schema;  // the 2xx body
  std::string response_type = "application/json";
  int success_status = 200;
  RouteHandler handler;
  size_t body_limit = 0;  // 0: the server's default
  // The body goes to a temporary file (ctx.request.body_file), not memory: uploads.
  bool spool_body = false;
};

// Who may call a route: the roles of a set, or anyone without signing in (kPublic).
class Callers {
 public:
  constexpr Callers(domain::RoleSet roles) : roles_(roles) {}  // NOLINT: implicit on purpose
  static constexpr Callers Anyone() {
    Callers c{domain::RoleSet{}};
    c.public_ = true;
    return c;
  }
  constexpr domain::RoleSet roles() const { return roles_; }
  constexpr bool is_public() const { return public_; }

 private:
  domain::RoleSet roles_;
  bool public_ = false;
};
inline constexpr Callers kPublic = Callers::Anyone();

// What a route answers on success.
struct Answer {
  std::string type;
  boost::json::object schema;  // required for JSON; empty elsewhere means "a string"
  int status = 200;
};
// A JSON answer and its schema (http/schema.h).
Answer Json(boost::json::object schema, int status = 200);
// Anything else: a page (text/html), a file, a feed; `schema` only to say more than "a string".
Answer Media(std::string type, boost::json::object schema = {});
inline Answer Html() { return Media("text/html"); }

// What a command takes.
struct RequestBody {
  bool json = false;
  boost::json::object schema;  // a JSON body's schema
};
// A JSON body and its schema (domain::SchemaOf of the fields that validate it).
RequestBody JsonBody(boost::json::object schema);
// A body that is not JSON: a form (the public pages), CSV, an upload's bytes. The summary
// says what it holds.
RequestBody RawBody();
RequestBody NoBody();

class RouteSpec {
 public:
  RouteSpec& Summary(std::string summary);
  RouteSpec& Tag(std::string tag);
  RouteSpec& Path(std::string name, std::string description, std::string type = "string");
  RouteSpec& Query(std::string name, std::string description, std::string type = "string");
  RouteSpec& RequiredQuery(std::string name, std::string description, std::string type = "string");
  // ?limit= and ?cursor= of a list.
  RouteSpec& Paged();
  RouteSpec& Params(std::vector<ParamDoc> params);
  // Integration-token scopes that may call it besides the roles.
  RouteSpec& Scopes(std::vector<std::string> scopes);
  RouteSpec& BodyLimit(size_t bytes);
  // Receive the body into a temporary file (ctx.request.body_file): uploads.
  RouteSpec& SpoolBody();

  RouteSpec& Handle(RouteHandler handler);
  // A handler that is a named function of the group's state: `state` must outlive the router
  // (ApiDeps does), or is shared with it.
  template <class State>
  RouteSpec& Handle(State& state, void (*fn)(State&, Context&&, Reply)) {
    return Handle(RouteHandler(
        [&state, fn](Context&& ctx, Reply reply) { fn(state, std::move(ctx), std::move(reply)); }));
  }
  template <class State>
  RouteSpec& Handle(State& state, Response (*fn)(State&, Context&)) {
    return Handle(
        RouteHandler([&state, fn](Context&& ctx, Reply reply) { reply(fn(state, ctx)); }));
  }
  template <class State>
  RouteSpec& Handle(std::shared_ptr<State> state, void (*fn)(State&, Context&&, Reply)) {
    return Handle(RouteHandler([state = std::move(state), fn](Context&& ctx, Reply reply) {
      fn(*state, std::move(ctx), std::move(reply));
    }));
  }
  template <class State>
  RouteSpec& Handle(std::shared_ptr<State> state, Response (*fn)(State&, Context&)) {
    return Handle(RouteHandler(
        [state = std::move(state), fn](Context&& ctx, Reply reply) { reply(fn(*state, ctx)); }));
  }

  const Route& route() const { return route_; }

 private:
  friend RouteSpec ReadRoute(std::string pattern, Callers callers, Answer answer);
  friend RouteSpec CommandRoute(std::string method, std::string pattern, Callers callers,
                                RequestBody body, Answer answer);
  RouteSpec(std::string method, std::string pattern, Callers callers, Answer answer);
  Route route_;
};

// A GET: reads, changes nothing.
RouteSpec ReadRoute(std::string pattern, Callers callers, Answer answer);
// POST, PATCH, PUT or DELETE: what it takes and what it answers.
RouteSpec CommandRoute(std::string method, std::string pattern, Callers callers, RequestBody body,
                       Answer answer);

}  // namespace accord::http
