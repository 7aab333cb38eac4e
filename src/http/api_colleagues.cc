// A party's contacts working together on a questionnaire (issue 28, item 2): the party's other
// contact accounts, a section assigned to one of them, and a contact's request for a
// colleague's account that the Security Officer approves (the account is created as
// POST /api/v1/users creates one, its one-time password shown to the officer) or declines.
// A contact sees only its own party's accounts and requests (another's is 404). Commands:
// storage/colleagues.h; workflow: workflow/account_request.h.
#include <boost/json.hpp>

#include "accord/core/bytes.h"
#include "accord/core/password.h"
#include "accord/domain/colleagues.h"
#include "accord/domain/registry.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/auth.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/colleagues.h"
#include "accord/storage/registry_store.h"
#include "accord/workflow/account_request.h"
#include "accord/workflow/questionnaire.h"
#include "auth_routes.h"
#include "review_routes.h"

namespace accord::http {

namespace json = boost::json;
using auth_flow::IdentityPolicyOf;
using domain::StateString;
using review_routes::ParseBody;
using review_routes::Submit;
namespace wf = workflow::account_request;

namespace {

constexpr domain::RoleSet kContactOnly{domain::Role::kThirdPartyContact};

bool IsContact(const Principal& p) { return p.role == "third_party_contact"; }

// The same one-time password as a new account's from POST /api/v1/users: 20 characters.
std::string InitialPassword() {
  static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  for (uint8_t b : RandomBytes(20)) out += kAlphabet[b % (sizeof kAlphabet - 1)];
  return out;
}

void WithActions(const ApiDeps& deps, const Principal& p, json::object& request) {
  json::array actions;
  auto state = wf::ParseState(StateString(request, "status")).value_or(wf::State::kPending);
  for (auto a : wf::AllowedActions(IdentityPolicyOf(deps), p.role, p.break_glass, state)) {
    actions.emplace_back(wf::Name(a));
  }
  request["allowed_actions"] = std::move(actions);
}

// A questionnaire as its party's contact sees it: none of our scoring, their actions.
void ContactView(const ApiDeps& deps, const Principal& p, json::object& q) {
  namespace qwf = workflow::questionnaire;
  json::array actions;
  auto state = qwf::ParseState(StateString(q, "status")).value_or(qwf::State::kSent);
  for (auto a :
       qwf::AllowedActions(review_routes::ReviewsPolicyOf(deps), p.role, p.break_glass, state)) {
    actions.emplace_back(qwf::Name(a));
  }
  q["allowed_actions"] = std::move(actions);
  domain::RemoveInternalFields(domain::FindKind("questionnaire")->fields, q);
}

Response Colleagues(ApiDeps& deps, Context& ctx) {
  json::array items;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto accounts = storage::PartyContactAccounts(tx, ScopeOf(*ctx.principal).party_id);
    if (!accounts.ok()) return std::move(accounts).error();
    items = std::move(*accounts);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  for (auto& i : items) {
    i.as_object()["you"] = StateString(i.as_object(), "id") == ctx.principal->id;
  }
  return JsonResponse(json::object{{"items", std::move(items)}});
}

void Assign(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseBody(ctx.request.body, domain::SectionAssignFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  Principal p = *ctx.principal;
  Submit(deps, std::move(reply), 200,
         [&deps, p, id = ctx.path_params.at("id"),
          body = std::move(*body)](storage::CommandContext& c) -> Result<json::object> {
           auto q = storage::AssignQuestionnaireSection(c, ActorOf(p), id, body, ScopeOf(p));
           if (q.ok()) ContactView(deps, p, *q);
           return q;
         });
}

Response ListRequests(ApiDeps& deps, Context& ctx) {
  auto page = ParsePage(ctx);
  if (!page.ok()) return ErrorResponse(page.error());
  const Principal& p = *ctx.principal;
  json::object body;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    storage::ListQuery q{.kind = "account_request",
                         .party_id = std::string(ctx.Query("party_id")),
                         .status = std::string(ctx.Query("status")),
                         .after_id = page->after_id.value_or(""),
                         .limit = page->limit,
                         .newest_first = true};
    auto result = storage::ListObjects(tx, q, ScopeOf(p));
    if (!result.ok()) return std::move(result).error();
    body = PageJson(*result);
    for (auto& item : body["items"].as_array()) WithActions(deps, p, item.as_object());
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(body);
}

Response GetRequest(ApiDeps& deps, Context& ctx) {
  const Principal& p = *ctx.principal;
  const std::string& id = ctx.path_params.at("id");
  json::object out;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto o = storage::GetObject(tx, "account_request", id, ScopeOf(p));
    if (!o.ok()) return std::move(o).error();
    if (!o->has_value()) return NotFound("account request " + id);
    out = ObjectJson(**o);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  WithActions(deps, p, out);
  return JsonResponse(out);
}

void CreateRequest(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseBody(ctx.request.body, domain::AccountRequestFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  Principal p = *ctx.principal;
  Submit(deps, std::move(reply), 201,
         [&deps, p, body = std::move(*body)](storage::CommandContext& c) -> Result<json::object> {
           auto r = storage::RequestColleagueAccount(c, ActorOf(p), ScopeOf(p).party_id, body);
           if (r.ok()) WithActions(deps, p, *r);
           return r;
         });
}

void DecideRequest(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseBody(ctx.request.body, domain::AccountRequestActionFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  const Principal& p = *ctx.principal;
  auto action = wf::ParseAction(StateString(*body, "action"));
  if (!action) return reply(ErrorResponse(ValidationError("action", "is approve or decline")));
  if (auto no = wf::RoleRefusal(IdentityPolicyOf(deps), p.role, p.break_glass, *action)) {
    return reply(ErrorResponse(*no));
  }
  auto work = [&deps, p, id = ctx.path_params.at("id"), body = std::move(*body),
               approve = *action == wf::Action::kApprove](Reply reply) mutable {
    // Argon2id only for an approval, off the I/O threads (the account's first password).
    std::string password, hash;
    if (approve) {
      password = InitialPassword();
      auto h = HashPassword(password);
      if (!h.ok()) return reply(ErrorResponse(h.error()));
      hash = std::move(*h);
    }
    Submit(deps, std::move(reply), 200,
           [&deps, p, id, body = std::move(body), hash,
            password](storage::CommandContext& c) -> Result<json::object> {
             auto r = storage::DecideAccountRequest(c, ActorOf(p), id, body, hash,
                                                    IdentityPolicyOf(deps));
             if (!r.ok()) return r;
             WithActions(deps, p, (*r)["request"].as_object());
             if (r->contains("user")) {
               (*r)["initial_password"] = password;
               (*r)["note"] =
                   "shown once: give it to the person over a separate channel; they choose "
                   "their own at first sign-in";
             }
             if (deps.auth) deps.auth->ForgetAll();
             return r;
           });
  };
  if (deps.auth) return deps.auth->RunSlow(std::move(reply), std::move(work));
  work(std::move(reply));
}

}  // namespace

void AddColleagueRoutes(Router& router, ApiDeps& deps) {
  using namespace schema;
  const auto request = KindRef("account_request");
  router.Add(
      ReadRoute("/api/v1/colleagues", kContactOnly,
                Json(Object({{"items", ArrayOf(Object({{"id", String()},
                                                       {"name", String()},
                                                       {"email", String()},
                                                       {"you", Bool()}}))}})))
          .Summary("Your party's active contact accounts: whom a questionnaire's section can "
                   "be assigned to")
          .Tag("questionnaires")
          .Handle(deps, Colleagues));
  router.Add(CommandRoute("POST", "/api/v1/questionnaires/{id}/assignments", kContactOnly,
                          JsonBody(domain::SchemaOf(domain::SectionAssignFields(), false)),
                          Json(KindRef("questionnaire")))
                 .Summary("Assign a section to another contact account of your party (emailed), "
                          "or take it back with user_id null")
                 .Tag("questionnaires")
                 .Path("id", "id")
                 .Handle(deps, Assign));
  router.Add(ReadRoute("/api/v1/account-requests",
                       domain::kOfficers.With(domain::Role::kThirdPartyContact),
                       Json(schema::Page(request)))
                 .Summary("Requests for a colleague's contact account, newest first; a party's "
                          "contact sees its own party's")
                 .Tag("users")
                 .Query("party_id", "one party's")
                 .Query("status", "pending, approved or declined")
                 .Paged()
                 .Handle(deps, ListRequests));
  router.Add(CommandRoute("POST", "/api/v1/account-requests", kContactOnly,
                          JsonBody(domain::SchemaOf(domain::AccountRequestFields(), false)),
                          Json(request, 201))
                 .Summary("Ask for a colleague's contact account of your party (the Security "
                          "Officer approves or declines); 409 when the email has one")
                 .Tag("users")
                 .Handle(deps, CreateRequest));
  router.Add(ReadRoute("/api/v1/account-requests/{id}",
                       domain::kOfficers.With(domain::Role::kThirdPartyContact), Json(request))
                 .Summary("One account request")
                 .Tag("users")
                 .Path("id", "id")
                 .Handle(deps, GetRequest));
  router.Add(
      CommandRoute("POST", "/api/v1/account-requests/{id}/actions", domain::kOfficers,
                   JsonBody(domain::SchemaOf(domain::AccountRequestActionFields(), false)),
                   Json(Object({{"request", request}}, {{"user", KindRef("user")},
                                                        {"initial_password", String()},
                                                        {"note", String()}})))
          .Summary("approve (creates the contact account; its one-time password is shown once) "
                   "| decline (with a reason); the requester is emailed")
          .Tag("users")
          .Path("id", "id")
          .Handle(deps, DecideRequest));
}

}  // namespace accord::http
