// A contact's request for a colleague's contact account (issue 28, item 2): requested by the
// party, approved (the account created as an officer creates one) or declined by the profile's
// account administrators. The request is a registry object (`account_request`, a party's
// child) carrying its whole state in each event; the requester hears by email.
#include <boost/json.hpp>

#include "accord/core/ids.h"
#include "accord/domain/registry.h"
#include "accord/storage/colleagues.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/outbox.h"
#include "accord/workflow/account_request.h"
#include "questionnaire_support.h"
#include "review_support.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;
namespace wf = workflow::account_request;
namespace rs = review_support;

namespace {

// An email already taken by an account, or asked for by a request still waiting: 409.
Status CheckEmailFree(Tx& tx, const std::string& email) {
  auto holder = FindLiveByName(tx, "user", email);
  if (!holder.ok()) return std::move(holder).error();
  if (holder->has_value()) {
    return Error{ErrorCode::kConflict,
                 "an account with this email exists",
                 {{"email", "already has an account: ask the colleague to sign in with it", {}}}};
  }
  ListQuery q{.kind = "account_request", .tag = email, .status = "pending", .limit = 1};
  auto waiting = ListObjects(tx, q, Scope{});
  if (!waiting.ok()) return std::move(waiting).error();
  if (!waiting->items.empty()) {
    return Error{
        ErrorCode::kConflict,
        "an account request for this email is waiting",
        {{"email", "is asked for already: the request waits for the Security Officer", {}}}};
  }
  return Ok();
}

Status EmailRequester(Tx& tx, const json::object& request, const std::string& subject,
                      const std::string& body, TimePoint now) {
  std::string requester = domain::ActorIdOf(request, "requested_by");
  auto user = FindUser(tx, requester);
  if (!user.ok()) return std::move(user).error();
  if (!user->has_value()) return Ok();
  auto queued =
      QueueMessage(tx,
                   OutboxMessage{.dedupe_key = "account_request:" + StateString(request, "id") +
                                               ":" + StateString(request, "status"),
                                 .user_id = requester,
                                 .recipient = StateString(**user, "email"),
                                 .subject = subject,
                                 .body = body,
                                 .ref_kind = "account_request",
                                 .ref_id = StateString(request, "id")},
                   now);
  if (!queued.ok()) return std::move(queued).error();
  return Ok();
}

}  // namespace

Result<json::object> RequestColleagueAccount(CommandContext& c, const domain::Actor& actor,
                                             const std::string& party_id,
                                             const json::object& body) {
  std::string email = domain::Lowercase(StateString(body, "email"));
  ACCORD_TRY(CheckEmailFree(c.tx(), email));
  auto party = rs::PartyName(c.tx(), party_id);
  if (!party.ok()) return std::move(party).error();
  std::string now = FormatRfc3339(c.Now());
  json::object state{{"id", NewId("acr", c.Now())},
                     {"party_id", party_id},
                     {"name", StateString(body, "name")},
                     {"email", email},
                     {"reason", StateString(body, "reason")},
                     {"status", std::string(wf::Name(wf::State::kPending))},
                     {"requested_by", domain::ActorJson(actor)},
                     {"created_at", now},
                     {"updated_at", now},
                     {"version", 1}};
  auto queued = QueueForUsers(
      c.tx(), {"security_officer"}, {},
      OutboxMessage{.dedupe_key = "account_request:" + StateString(state, "id") + ":requested",
                    .subject = "Account requested for a contact of " + *party,
                    .body = "A contact of " + *party + " asks for an account for a colleague, " +
                            StateString(state, "name") +
                            ". Approve or decline it in the portal under My work.",
                    .ref_kind = "account_request",
                    .ref_id = StateString(state, "id")},
      c.Now());
  if (!queued.ok()) return std::move(queued).error();
  return questionnaire_support::Append(c, "account_request", "account_request.requested", actor,
                                       std::move(state));
}

Result<json::object> DecideAccountRequest(CommandContext& c, const domain::Actor& actor,
                                          const std::string& id, const json::object& body,
                                          const std::string& password_hash,
                                          const policy::IdentityPolicy& policy) {
  auto loaded = rs::Load(c.tx(), "account_request", id, "account request");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object request = std::move(*loaded);
  auto action = wf::ParseAction(StateString(body, "action"));
  if (!action) return ValidationError("action", "is approve or decline");
  wf::State from = wf::ParseState(StateString(request, "status")).value_or(wf::State::kPending);
  auto to = wf::Next(from, *action);
  if (!to) {
    return rs::Conflict("account request " + id + " is " + std::string(wf::Name(from)), "action",
                        "possible: " + wf::PossibleActions(from));
  }
  std::string reason = StateString(body, "reason");
  json::object out;
  std::string type;
  if (*action == wf::Action::kApprove) {
    json::object user_body{{"email", StateString(request, "email")},
                           {"name", StateString(request, "name")},
                           {"role", "third_party_contact"},
                           {"party_id", StateString(request, "party_id")}};
    auto user = CreateUser(c, actor, user_body, password_hash, policy, false,
                           /*must_change_password=*/true);
    if (!user.ok()) return std::move(user).error();
    request["user_id"] = StateString(*user, "id");
    out["user"] = std::move(*user);
    type = "account_request.approved";
  } else {
    if (reason.empty()) return ValidationError("reason", "say why the request is declined");
    request["decline_reason"] = reason;
    type = "account_request.declined";
  }
  request["status"] = std::string(wf::Name(*to));
  request["decided_by"] = domain::ActorJson(actor);
  request["decided_at"] = FormatRfc3339(c.Now());
  rs::Bump(request, c.Now());
  std::string who = StateString(request, "name");
  ACCORD_TRY(EmailRequester(
      c.tx(), request,
      *action == wf::Action::kApprove ? "Account approved for " + who
                                      : "Account request declined for " + who,
      *action == wf::Action::kApprove
          ? "The account you asked for " + who + " (" + StateString(request, "email") +
                ") was approved. The Security Officer gives them their first password over a "
                "separate channel; once they have signed in you can assign them a section of a "
                "questionnaire."
          : "The account you asked for " + who + " was declined: " + reason,
      c.Now()));
  auto appended =
      questionnaire_support::Append(c, "account_request", type, actor, std::move(request));
  if (!appended.ok()) return std::move(appended).error();
  out["request"] = std::move(*appended);
  return out;
}

}  // namespace accord::storage
