// The forge side of change requests (TR-5): accounts' forge logins, webhook secrets, and the
// reviews and merges that pull requests bring to the change request they name.
#include <algorithm>
#include <boost/json.hpp>

#include "accord/core/bytes.h"
#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/change_requests.h"
#include "accord/domain/identity.h"
#include "accord/domain/registry.h"
#include "accord/policy/changes_profile.h"
#include "accord/storage/calendar.h"
#include "accord/storage/change_requests.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/registry_store.h"
#include "review_support.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;
using review_support::AppendState;
using review_support::Bump;
using review_support::Conflict;
namespace wf = workflow::change_request;

namespace {

constexpr size_t kIdBodyLength = 26;

std::string Lower(std::string_view s) { return domain::Lowercase(s); }

std::string LoginOf(const json::object& user, const std::string& forge) {
  const json::value* logins = user.if_contains("forge_logins");
  if (!logins || !logins->is_object()) return "";
  return Lower(StateString(logins->as_object(), forge));
}

// The active account whose login on `forge` is `login` (logins are case-insensitive).
Result<std::optional<json::object>> AccountByLogin(Tx& tx, const std::string& forge,
                                                   const std::string& login,
                                                   const std::string& except_id = "") {
  if (login.empty()) return std::optional<json::object>();
  auto users = LiveObjectsInStatus(tx, "user", {"active", "pending"});
  if (!users.ok()) return std::move(users).error();
  for (auto& u : *users) {
    if (StateString(u, "id") != except_id && LoginOf(u, forge) == Lower(login)) {
      return std::optional<json::object>(std::move(u));
    }
  }
  return std::optional<json::object>();
}

// The first cr_ id in the pull request's title, then its body.
std::string NamedChangeRequest(const ForgeEvent& e) {
  for (const std::string* text : {&e.title, &e.text}) {
    for (size_t at = text->find("cr_"); at != std::string::npos; at = text->find("cr_", at + 1)) {
      std::string candidate = text->substr(at, 3 + kIdBodyLength);
      if (IsValidId(candidate, "cr")) return candidate;
    }
  }
  return "";
}

json::object& PullRequestEntry(json::object& state, const ForgeEvent& e) {
  json::value& prs = state["pull_requests"];
  if (!prs.is_array()) prs = json::array{};
  for (auto& pr : prs.as_array()) {
    json::object& o = pr.as_object();
    const json::value* n = o.if_contains("number");
    if (StateString(o, "forge") == e.forge && n && n->is_int64() && n->as_int64() == e.number) {
      return o;
    }
  }
  prs.as_array().push_back(json::object{{"forge", e.forge},
                                        {"number", e.number},
                                        {"url", e.url},
                                        {"title", e.title},
                                        {"reviews", json::array{}}});
  return prs.as_array().back().as_object();
}

std::string ForgeTitle(const std::string& forge) { return forge == "github" ? "GitHub" : "GitLab"; }

}  // namespace

Result<json::object> SetForgeLogins(CommandContext& c, const domain::Actor& actor,
                                    const std::string& user_id, const json::object& body,
                                    const policy::IdentityPolicy& policy) {
  json::object logins;
  for (const char* forge : {"github", "gitlab"}) {
    std::string login = StateString(body, forge);
    if (login.empty()) continue;
    auto holder = AccountByLogin(c.tx(), forge, login, user_id);
    if (!holder.ok()) return std::move(holder).error();
    if (holder->has_value()) {
      return Conflict(ForgeTitle(forge) + " login " + login + " belongs to another account", forge,
                      "is another account's");
    }
    logins[forge] = login;
  }
  return UpdateUser(
      c, actor, user_id, "user.forge_logins_set", policy,
      [&](json::object& state) -> Status {
        if (!domain::IsWorkforceRole(StateString(state, "role"))) {
          return ValidationError("user_id", "forge logins are for workforce accounts");
        }
        state["forge_logins"] = logins;
        return Ok();
      },
      json::object{{"forge_logins", logins}});
}

Result<json::object> RecordForgeEvent(CommandContext& c, const ForgeEvent& e,
                                      const policy::Profile* profile) {
  TimePoint now = c.Now();
  auto seen = c.tx().QueryOne(
      "SELECT received_at FROM forge_deliveries WHERE forge = ? AND delivery_id = ?",
      {e.forge, e.delivery_id});
  if (!seen.ok()) return std::move(seen).error();
  if (seen->has_value()) {
    return Conflict("delivery " + e.delivery_id + " was received already (a replay)", "delivery_id",
                    "seen before");
  }
  ACCORD_TRY(
      c.tx().Exec("INSERT INTO forge_deliveries(forge, delivery_id, received_at) VALUES (?, ?, ?)",
                  {e.forge, e.delivery_id, FormatRfc3339(now)}));
  auto ignored = [](std::string reason) {
    return json::object{{"status", "ignored"}, {"reason", std::move(reason)}};
  };
  std::string id = NamedChangeRequest(e);
  if (id.empty()) return ignored("the pull request names no change request (cr_… id)");
  auto loaded = GetObject(c.tx(), "change_request", id, Scope{});
  if (!loaded.ok()) return std::move(loaded).error();
  if (!loaded->has_value()) return ignored("no change request has id " + id);
  json::object state = (*loaded)->doc;
  json::object& pr = PullRequestEntry(state, e);
  std::string at = e.at.empty() ? FormatRfc3339(now) : e.at;
  domain::Actor hook{"hook_" + e.forge, "system"};
  domain::Actor actor = hook;
  std::string type = "change_request.pull_request_linked";
  json::object answer{{"status", "attached"}, {"change_request_id", id}};
  if (e.kind == ForgeEvent::Kind::kMerge) {
    pr["merged_at"] = at;
    pr["merged_by_login"] = e.login;
    type = "change_request.pull_request_merged";
  } else if (e.kind == ForgeEvent::Kind::kReview) {
    type = "change_request.pull_request_reviewed";
    json::object review{{"login", e.login}, {"state", e.review_state}, {"at", at}};
    std::string why;
    auto account = AccountByLogin(c.tx(), e.forge, e.login);
    if (!account.ok()) return std::move(account).error();
    auto status = wf::ParseState(StateString(state, "status"));
    bool emergency = state.contains("emergency") && state.at("emergency").is_bool() &&
                     state.at("emergency").as_bool();
    if (account->has_value()) review["account_id"] = StateString(**account, "id");
    if (e.review_state != "approved") {
      why = "not an approval";
    } else if (!account->has_value()) {
      why = "no account has the " + ForgeTitle(e.forge) + " login " + e.login;
    } else if (!status || !wf::Next(*status, wf::Action::kReview, emergency)) {
      why = "the change request is " + StateString(state, "status") +
            ": its peer review comes after test evidence and before approval";
    } else {
      wf::Caller caller{StateString(**account, "id"), StateString(**account, "role"), false};
      const policy::ChangesPolicy& changes = policy::ChangesPolicyOf(profile);
      policy::SeparationPolicy sep = profile ? profile->separation : policy::SeparationPolicy{};
      auto duties = DutiesOf(state);
      std::optional<Error> no = wf::RoleRefusal(changes, caller, wf::Action::kReview);
      if (!no) no = wf::PersonRefusal(changes, sep, caller, duties, wf::Action::kReview);
      if (no) {
        why = no->message;
      } else {
        actor = domain::Actor{caller.id, caller.role};
        auto conflicts = wf::DutyConflicts(duties, caller.id, wf::Action::kReview);
        if (!conflicts.empty()) {
          json::array held;
          for (const auto& d : conflicts) held.emplace_back(d);
          state["separation_relaxed"].as_array().push_back(
              json::object{{"action", "change.review"},
                           {"duties", std::move(held)},
                           {"by", domain::ActorJson(actor)}});
        }
        state["review"] = json::object{{"by", domain::ActorJson(actor)},
                                       {"at", at},
                                       {"comment", "approved on " + ForgeTitle(e.forge) + " (#" +
                                                       std::to_string(e.number) + ")"},
                                       {"source", e.forge},
                                       {"pull_request_url", e.url}};
        state["status"] = std::string(wf::Name(*wf::Next(*status, wf::Action::kReview, emergency)));
        type = "change_request.reviewed";
      }
    }
    review["counted"] = why.empty();
    if (!why.empty()) review["not_counted_because"] = why;
    answer["counted"] = why.empty();
    if (!why.empty()) answer["reason"] = why;
    // `pr` may have moved if state was re-arranged: look it up again.
    PullRequestEntry(state, e)["reviews"].as_array().push_back(std::move(review));
  }
  Bump(state, now);
  auto index = AppendState(c, "change_request", type, actor, state,
                           json::object{{"forge", e.forge}, {"delivery_id", e.delivery_id}});
  if (!index.ok()) return std::move(index).error();
  return answer;
}

Result<std::string> RotateForgeSecret(CommandContext& c, const domain::Actor& actor,
                                      const std::string& forge) {
  if (forge != "github" && forge != "gitlab") {
    return ValidationError("forge", "must be github or gitlab");
  }
  std::string secret = Base64UrlEncode(RandomBytes(32));
  std::string at = FormatRfc3339(c.Now());
  ACCORD_TRY(c.tx().Exec("DELETE FROM forge_hook_secrets WHERE forge = ?", {forge}));
  ACCORD_TRY(
      c.tx().Exec("INSERT INTO forge_hook_secrets(forge, secret, created_at) VALUES (?, ?, ?)",
                  {forge, secret, at}));
  auto index = c.Append(domain::Event{.type = "forge_hook.secret_rotated",
                                      .actor = actor,
                                      .subject = {"forge_hook", forge},
                                      .payload = json::object{{"forge", forge}}});
  if (!index.ok()) return std::move(index).error();
  return secret;
}

Result<std::optional<std::string>> ForgeSecret(Tx& tx, const std::string& forge) {
  auto row = tx.QueryOne("SELECT secret FROM forge_hook_secrets WHERE forge = ?", {forge});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<std::string>();
  return std::optional<std::string>((*row)->Text(0));
}

}  // namespace accord::storage
