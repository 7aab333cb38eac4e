// Accounts (issue 5): the commands that create, onboard, change and deactivate users, and
// alerts. Credentials and sessions: identity_credentials.cc; API tokens: identity_tokens.cc.
#include "accord/storage/identity_store.h"
#include "accord/domain/roles.h"

#include <algorithm>
#include <boost/json.hpp>

#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/identity.h"
#include "accord/domain/registry.h"
#include "accord/storage/outbox.h"
#include "accord/workflow/account.h"

namespace accord::storage {

namespace json = boost::json;
namespace account = workflow::account;

namespace {

// Where `action` takes an account whose status is `status` (workflow/account.h); nullopt
// where the table has no such move.
std::optional<account::State> NextStatus(std::string_view status, account::Action action) {
  auto from = account::ParseState(status);
  return from ? account::Next(*from, action) : std::nullopt;
}

constexpr std::string_view kInstallerNote =
    "attested by the installer at bootstrap (accord user add); record the evidence through the "
    "API when it is available";

Result<uint64_t> AppendUser(CommandContext& c, const std::string& type, const domain::Actor& actor,
                            const json::object& state, json::object extra) {
  extra["state"] = state;
  return c.Append(domain::Event{.type = type,
                                .actor = actor,
                                .subject = {"user", domain::StateString(state, "id")},
                                .payload = std::move(extra)});
}

Error UserNotFound(std::string_view id) { return NotFound("user " + std::string(id)); }

}  // namespace

Result<std::optional<json::object>> FindUser(Tx& tx, std::string_view user_id) {
  auto o = GetObject(tx, "user", user_id, Scope{});
  if (!o.ok()) return std::move(o).error();
  if (!o->has_value()) return std::optional<json::object>();
  return std::optional<json::object>(std::move((*o)->doc));
}

Result<std::optional<json::object>> FindUserByEmail(Tx& tx, std::string_view email) {
  auto id = FindLiveByName(tx, "user", domain::Lowercase(email));
  if (!id.ok()) return std::move(id).error();
  if (!id->has_value()) return std::optional<json::object>();
  return FindUser(tx, **id);
}

Result<json::object> CreateUser(CommandContext& c, const domain::Actor& actor,
                                const json::object& body, const std::string& password_hash,
                                const policy::IdentityPolicy& policy, bool installer_attests,
                                bool must_change_password) {
  std::vector<ErrorDetail> details;
  json::object state;
  domain::ValidateFields(domain::UserCreateFields(), body, false, "", state, details);
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  std::string role = domain::StateString(state, "role");
  std::string party_id = domain::StateString(state, "party_id");
  std::string email = domain::Lowercase(domain::StateString(state, "email"));
  state["email"] = email;
  if (role == "third_party_contact" && party_id.empty()) {
    return ValidationError("party_id", "is required for a third_party_contact (TP-7)");
  }
  if (role != "third_party_contact" && !party_id.empty()) {
    return ValidationError("party_id", "only a third_party_contact belongs to a party");
  }
  if (!party_id.empty()) {
    auto party = GetObject(c.tx(), "party", party_id, Scope{});
    if (!party.ok()) return std::move(party).error();
    if (!party->has_value()) return ValidationError("party_id", "no party has id " + party_id);
  }
  auto holder = FindLiveByName(c.tx(), "user", email);
  if (!holder.ok()) return std::move(holder).error();
  if (holder->has_value()) {
    return Error{ErrorCode::kConflict,
                 "an account with this email exists",
                 {ErrorDetail{"email", "is already used by " + **holder, {}}}};
  }
  TimePoint now = c.Now();
  std::string id = NewId("usr", now);
  bool workforce = domain::IsWorkforceRole(role);
  state["id"] = id;
  state["workforce"] = workforce;
  state["status"] = workforce ? "pending" : "active";
  state["mfa_enrolled"] = false;
  state["attestations"] = json::object{};
  state["created_at"] = FormatRfc3339(now);
  state["updated_at"] = FormatRfc3339(now);
  state["version"] = 1;
  std::string until = domain::AccessUntil(state, policy.training_valid_days);
  if (!until.empty()) state["access_until"] = until;
  auto index = AppendUser(c, "user.created", actor, state, {});
  if (!index.ok()) return std::move(index).error();
  auto ins = c.tx().Exec(
      "INSERT INTO user_secrets(user_id, password_hash, must_change_password, "
      "updated_at) VALUES (?, ?, ?, ?)",
      {id, password_hash, int64_t{must_change_password ? 1 : 0}, FormatRfc3339(now)});
  if (!ins.ok()) return std::move(ins).error();
  if (installer_attests) {
    // Only the bootstrap: once an active Security Officer exists, accounts go through the
    // onboarding gate like any other (TR-7).
    auto officer = c.tx().QueryOne(
        "SELECT id FROM rm_objects WHERE kind = 'user' AND to_idx = ? AND tag = "
        "'security_officer' AND status = 'active' LIMIT 1",
        {kOpenVersion});
    if (!officer.ok()) return std::move(officer).error();
    if (officer->has_value()) installer_attests = false;
  }
  if (!installer_attests || !workforce) return state;
  // The bootstrap account cannot wait for records nobody can enter yet: the installer
  // attests them, and the ledger says so.
  return OnboardUser(c, actor, id, now, std::string(kInstallerNote), policy);
}

Result<json::object> OnboardUser(CommandContext& c, const domain::Actor& actor,
                                 const std::string& user_id, TimePoint completed_on,
                                 const std::string& evidence,
                                 const policy::IdentityPolicy& policy) {
  for (const auto& kind : domain::AttestationKinds()) {
    json::object a{
        {"kind", kind}, {"completed_on", FormatRfc3339(completed_on)}, {"evidence", evidence}};
    if (kind == "managed_device") {
      a["mdm_enrolled"] = true;
      a["disk_encrypted"] = true;
      a["endpoint_protection"] = true;
    }
    auto r = RecordAttestation(c, actor, user_id, a, policy);
    if (!r.ok()) return std::move(r).error();
  }
  return ActivateUser(c, actor, user_id, "onboarding records complete: " + evidence, policy);
}

Result<json::object> UpdateUser(CommandContext& c, const domain::Actor& actor,
                                const std::string& user_id, const std::string& type,
                                const policy::IdentityPolicy& policy,
                                const std::function<Status(json::object& state)>& change,
                                json::object extra) {
  auto current = FindUser(c.tx(), user_id);
  if (!current.ok()) return std::move(current).error();
  if (!current->has_value()) return UserNotFound(user_id);
  json::object state = std::move(**current);
  ACCORD_TRY(change(state));
  TimePoint now = c.Now();
  state["updated_at"] = FormatRfc3339(now);
  const json::value* version = state.if_contains("version");
  state["version"] = (version && version->is_int64() ? version->as_int64() : 0) + 1;
  std::string until = domain::AccessUntil(state, policy.training_valid_days);
  if (until.empty()) {
    state.erase("access_until");
  } else {
    state["access_until"] = until;
  }
  auto index = AppendUser(c, type, actor, state, std::move(extra));
  if (!index.ok()) return std::move(index).error();
  return state;
}

Result<json::object> RecordAttestation(CommandContext& c, const domain::Actor& actor,
                                       const std::string& user_id, const json::object& body,
                                       const policy::IdentityPolicy& policy) {
  std::vector<ErrorDetail> details;
  json::object a;
  domain::ValidateFields(domain::AttestationFields(), body, false, "", a, details);
  if (details.empty()) domain::CheckAttestation(a, c.Now(), details);
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  a["recorded_by"] = actor.id;
  a["recorded_at"] = FormatRfc3339(c.Now());
  std::string kind = domain::StateString(a, "kind");
  return UpdateUser(
      c, actor, user_id, "user.attestation_recorded", policy,
      [&](json::object& state) -> Status {
        if (!domain::IsWorkforceRole(domain::StateString(state, "role"))) {
          return ValidationError("kind", "onboarding records apply to workforce accounts only");
        }
        json::value& all = state["attestations"];
        if (!all.is_object()) all = json::object{};
        all.as_object()[kind] = a;
        return Ok();
      },
      json::object{{"attestation", a}});
}

Result<json::object> ActivateUser(CommandContext& c, const domain::Actor& actor,
                                  const std::string& user_id, const std::string& comment,
                                  const policy::IdentityPolicy& policy) {
  return UpdateUser(
      c, actor, user_id, "user.activated", policy,
      [&](json::object& state) -> Status {
        std::string status = domain::StateString(state, "status");
        auto to = NextStatus(status, account::Action::kActivate);
        if (!to) return Error{ErrorCode::kConflict, "the account is " + status, {}};
        auto missing = domain::MissingAttestations(state, c.Now(), policy.training_valid_days);
        if (!missing.empty()) {
          std::vector<ErrorDetail> details;
          for (const auto& m : missing) {
            details.push_back(
                {"attestations." + m.substr(0, m.find(':')), m.substr(m.find(':') + 2), {}});
          }
          return Error{ErrorCode::kConflict,
                       "TR-7: a workforce account is activated only after background check, "
                       "HIPAA and security training, policy acknowledgement and a managed "
                       "device are recorded",
                       std::move(details)};
        }
        if (!domain::StateString(state, "expires_at").empty() &&
            domain::StateString(state, "expires_at") <= FormatRfc3339(c.Now())) {
          return Error{ErrorCode::kConflict, "the account's expires_at has passed", {}};
        }
        state["status"] = account::Name(*to);
        return Ok();
      },
      json::object{{"comment", comment}});
}

Status EndUserAccess(CommandContext& c, const domain::Actor& actor, const std::string& user_id,
                     const std::string& reason, const std::string& except_session,
                     bool revoke_tokens) {
  std::string now = FormatRfc3339(c.Now());
  auto s = c.tx().Exec(
      "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND id <> ?",
      {now, user_id, except_session});
  if (!s.ok()) return std::move(s).error();
  if (!revoke_tokens) return Ok();
  auto tokens = c.tx().Query(
      "SELECT id FROM rm_api_tokens WHERE user_id = ? AND revoked_at IS NULL ORDER BY id",
      {user_id});
  if (!tokens.ok()) return std::move(tokens).error();
  for (const auto& row : *tokens) {
    auto r = RevokeToken(c, actor, row.Text(0), "", reason);
    if (!r.ok()) return std::move(r).error();
  }
  return Ok();
}

Result<json::object> DeactivateUser(CommandContext& c, const domain::Actor& actor,
                                    const std::string& user_id, const std::string& reason,
                                    const policy::IdentityPolicy& policy) {
  auto state = UpdateUser(
      c, actor, user_id, "user.deactivated", policy,
      [&](json::object& s) -> Status {
        auto to = NextStatus(domain::StateString(s, "status"), account::Action::kDeactivate);
        if (!to) return Error{ErrorCode::kConflict, "the account is already deactivated", {}};
        s["status"] = account::Name(*to);
        return Ok();
      },
      json::object{{"reason", reason}});
  if (!state.ok()) return state;
  ACCORD_TRY(EndUserAccess(c, actor, user_id, "account deactivated: " + reason));
  return state;
}

Result<int> DeactivateLapsedUsers(EventLog& log, const policy::IdentityPolicy& policy) {
  std::string now = FormatRfc3339(log.clock().Now());
  std::vector<std::pair<std::string, std::string>> lapsed;  // id, access_until
  Status s = log.store().Read([&](Tx& tx) -> Status {
    return tx.ForEach(
        "SELECT id, doc FROM rm_objects WHERE kind = 'user' AND to_idx = ? AND status = 'active' "
        "ORDER BY id",
        {kOpenVersion}, [&](const Row& r) {
          boost::system::error_code ec;
          json::value doc = json::parse(r.Text(1), ec);
          if (ec || !doc.is_object()) return true;
          std::string until = domain::StateString(doc.as_object(), "access_until");
          if (!until.empty() && until <= now) lapsed.emplace_back(r.Text(0), until);
          return true;
        });
  });
  if (!s.ok()) return std::move(s).error();
  int done = 0;
  for (const auto& [id, until] : lapsed) {
    auto r = log.Execute([&](CommandContext& c) -> Result<json::value> {
      auto user = FindUser(c.tx(), id);
      if (!user.ok()) return std::move(user).error();
      // Re-checked inside the transaction: another server may have done it, or a new
      // training record may have moved access_until.
      if (!user->has_value() || domain::StateString(**user, "status") != "active" ||
          domain::StateString(**user, "access_until") != until) {
        return json::value(false);
      }
      auto d = DeactivateUser(
          c, domain::SystemActor(), id,
          "access ended at " + until + " (training expired or the engagement ended)", policy);
      if (!d.ok()) return std::move(d).error();
      return json::value(true);
    });
    if (!r.ok()) return std::move(r).error();
    if (r->as_bool()) ++done;
  }
  return done;
}

Result<json::object> ChangeUserRole(CommandContext& c, const domain::Actor& actor,
                                    const std::string& user_id, const std::string& role,
                                    const std::string& comment,
                                    const policy::IdentityPolicy& policy) {
  if (!domain::IsRole(role) || role == "third_party_contact") {
    return ValidationError("role",
                           "must be one of security_officer, privacy_officer, staff, auditor");
  }
  std::string from;
  auto state = UpdateUser(
      c, actor, user_id, "user.role_changed", policy,
      [&](json::object& s) -> Status {
        from = domain::StateString(s, "role");
        if (from == "third_party_contact") {
          return ValidationError("role", "a third_party_contact account stays bound to its party");
        }
        if (from == role)
          return Error{ErrorCode::kConflict, "the account already has this role", {}};
        s["role"] = role;
        s["workforce"] = domain::IsWorkforceRole(role);
        // A new workforce member passes the onboarding gate first (TR-7): an active account
        // without the new role's records goes back to pending.
        auto to = NextStatus(domain::StateString(s, "status"), account::Action::kRequireOnboarding);
        if (to && !domain::MissingAttestations(s, c.Now(), policy.training_valid_days).empty()) {
          s["status"] = account::Name(*to);
        }
        return Ok();
      },
      json::object{{"comment", comment}});
  if (!state.ok()) return state;
  (*state)["previous_role"] = from;
  ACCORD_TRY(EndUserAccess(c, actor, user_id, "role changed from " + from + " to " + role));
  return state;
}

// --- alerts ------------------------------------------------------------------------------

Result<std::string> RaiseAlert(CommandContext& c, const domain::Actor& actor,
                               const std::string& type, const std::string& severity,
                               const std::string& title, json::object subject,
                               json::object detail) {
  std::string id = NewId("alr", c.Now());
  std::string now = FormatRfc3339(c.Now());
  json::object state{{"id", id},
                     {"title", title},
                     {"type", type},
                     {"severity", severity},
                     {"status", "open"},
                     {"subject", std::move(subject)},
                     {"detail", std::move(detail)},
                     {"created_at", now},
                     {"updated_at", now},
                     {"version", 1}};
  auto index = c.Append(domain::Event{.type = "alert.raised",
                                      .actor = actor,
                                      .subject = {"alert", id},
                                      .payload = json::object{{"state", std::move(state)}}});
  if (!index.ok()) return std::move(index).error();
  // Every officer hears of it through the outbox (delivered once a channel is configured).
  OutboxMessage message{.dedupe_key = "alert:" + id,
                        .subject = "[" + severity + "] " + title,
                        .body = title + "\nSeverity: " + severity + "\nReference: " + id + "\n",
                        .ref_kind = "alert",
                        .ref_id = id};
  auto queued = QueueForUsers(c.tx(), domain::kOfficers, {}, std::move(message), c.Now());
  if (!queued.ok()) return std::move(queued).error();
  return id;
}

}  // namespace accord::storage
