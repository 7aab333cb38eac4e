// API tokens (issue 5): created and revoked by ledger events (token.created, token.revoked);
// the secret's hash lives outside the ledger, in api_token_secrets.
#include <boost/json.hpp>

#include "accord/core/bytes.h"
#include "accord/core/ids.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/domain/fields.h"
#include "accord/domain/identity.h"
#include "accord/domain/registry.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/registry_store.h"

namespace accord::storage {

namespace json = boost::json;

namespace {

std::vector<std::string> SplitScopes(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t space = text.find(' ', start);
    if (space == std::string::npos) space = text.size();
    if (space > start) out.push_back(text.substr(start, space - start));
    start = space + 1;
  }
  return out;
}

// When a new token stops working: the default lifetime, or the creator's choice within the
// maximum. An empty reason means `expires` is usable.
std::string ExpiryProblem(std::optional<TimePoint> expires, TimePoint now) {
  if (!expires) return "";
  if (*expires <= now) return "must be in the future";
  if (*expires > now + kMaxTokenLifetime) {
    return "must be at most " + std::to_string(kMaxTokenLifetime.count() / 24) +
           " days away; make a new token when this one ends";
  }
  return "";
}

TimePoint ExpiryOf(std::optional<TimePoint> expires, TimePoint now) {
  return expires ? *expires : now + kDefaultTokenLifetime;
}

// A new secret and token.created with `payload` (+ expires_at); the secret's hash goes beside
// the ledger, never into it.
Result<NewToken> IssueToken(CommandContext& c, const domain::Actor& actor, json::object payload,
                            std::optional<TimePoint> expires_at) {
  NewToken token;
  token.secret = "acc_" + Base64UrlEncode(RandomBytes(32));
  token.id = NewId("tok", c.Now());
  payload["expires_at"] = expires_at ? json::value(FormatRfc3339(*expires_at)) : nullptr;
  auto index = c.Append(domain::Event{.type = "token.created",
                                      .actor = actor,
                                      .subject = {"api_token", token.id},
                                      .payload = std::move(payload)});
  if (!index.ok()) return std::move(index).error();
  auto ins = c.tx().Exec("INSERT INTO api_token_secrets(token_id, secret_hash) VALUES (?, ?)",
                         {token.id, BlobOf(Sha256(token.secret))});
  if (!ins.ok()) return std::move(ins).error();
  return token;
}

}  // namespace

Result<NewToken> CreateToken(CommandContext& c, const domain::Actor& actor,
                             const std::string& user_id, const std::string& name,
                             const std::string& role_in, std::optional<TimePoint> expires_at) {
  if (name.empty() || name.size() > 100) return ValidationError("name", "must be 1-100 characters");
  auto user = FindUser(c.tx(), user_id);
  if (!user.ok()) return std::move(user).error();
  if (!user->has_value()) return ValidationError("user", "no account has id " + user_id);
  const json::object& u = **user;
  std::string user_role = domain::StateString(u, "role");
  std::string role = role_in.empty() ? user_role : role_in;
  if (!domain::IsRole(role)) {
    return ValidationError("role",
                           "must be one of security_officer, privacy_officer, staff, auditor, "
                           "third_party_contact");
  }
  // Least privilege: a token is the account's role or, for an officer, read-only.
  if (role != user_role && !(domain::IsElevatedRole(user_role) && role == "auditor")) {
    return ValidationError(
        "role", "a token has its account's role (" + user_role + ")" +
                    (domain::IsElevatedRole(user_role) ? " or auditor (read-only)" : ""));
  }
  if (std::string problem = domain::AccessProblem(u, c.Now()); !problem.empty()) {
    return Error{ErrorCode::kConflict, "no token for this account: " + problem, {}};
  }
  if (std::string problem = ExpiryProblem(expires_at, c.Now()); !problem.empty()) {
    return ValidationError("expires_at", problem);
  }
  json::object payload{{"name", name}, {"role", role}, {"user_id", user_id}};
  std::string party_id = domain::StateString(u, "party_id");
  if (!party_id.empty()) payload["party_id"] = party_id;
  return IssueToken(c, actor, std::move(payload), ExpiryOf(expires_at, c.Now()));
}

Result<NewToken> CreateIntegrationToken(CommandContext& c, const domain::Actor& actor,
                                        const std::string& name,
                                        const std::vector<std::string>& scopes,
                                        const std::string& party_id,
                                        std::optional<TimePoint> expires_at) {
  std::vector<ErrorDetail> details;
  if (name.empty() || name.size() > 100)
    details.push_back({"name", "must be 1-100 characters", {}});
  if (scopes.empty()) details.push_back({"scopes", "must name at least one scope", {}});
  bool needs_party = false;
  json::array scope_list;
  for (size_t i = 0; i < scopes.size(); ++i) {
    const domain::IntegrationScope* s = domain::FindIntegrationScope(scopes[i]);
    if (!s) {
      std::string known;
      for (const auto& k : domain::IntegrationScopes()) {
        known += (known.empty() ? "" : ", ") + std::string(k.name);
      }
      details.push_back(
          {"scopes[" + std::to_string(i) + "]", "is no scope; scopes are " + known, {}});
      continue;
    }
    needs_party |= s->party_bound;
    scope_list.emplace_back(s->name);
  }
  if (needs_party && party_id.empty()) {
    details.push_back({"party_id", "is required: a scope acts for one party", {}});
  }
  if (!needs_party && !party_id.empty()) {
    details.push_back({"party_id", "only a scope that acts for one party takes a party", {}});
  }
  if (std::string problem = ExpiryProblem(expires_at, c.Now()); !problem.empty()) {
    details.push_back({"expires_at", problem, {}});
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  if (!party_id.empty()) {
    auto party = GetObject(c.tx(), "party", party_id, Scope{});
    if (!party.ok()) return std::move(party).error();
    if (!party->has_value()) return ValidationError("party_id", "no party has id " + party_id);
  }
  json::object payload{{"name", name},
                       {"role", std::string(domain::kIntegrationRole)},
                       {"scopes", std::move(scope_list)}};
  if (!party_id.empty()) payload["party_id"] = party_id;
  return IssueToken(c, actor, std::move(payload), ExpiryOf(expires_at, c.Now()));
}

Result<json::object> RevokeToken(CommandContext& c, const domain::Actor& actor,
                                 const std::string& token_id, const std::string& owner_id,
                                 const std::string& reason) {
  auto row = c.tx().QueryOne(
      "SELECT id, name, role, user_id, revoked_at FROM rm_api_tokens WHERE id = ?", {token_id});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value() ||
      (!owner_id.empty() && ((*row)->IsNull(3) || (*row)->Text(3) != owner_id))) {
    return NotFound("token " + token_id);
  }
  if (!(*row)->IsNull(4)) return Error{ErrorCode::kConflict, "the token is already revoked", {}};
  auto index = c.Append(domain::Event{.type = "token.revoked",
                                      .actor = actor,
                                      .subject = {"api_token", token_id},
                                      .payload = json::object{{"reason", reason}}});
  if (!index.ok()) return std::move(index).error();
  return json::object{{"id", token_id}, {"revoked", true}};
}

Result<json::array> ListApiTokens(Tx& tx, std::optional<std::string> user_id) {
  std::string sql =
      "SELECT t.id, t.name, t.role, t.created_at, t.expires_at, t.revoked_at, t.user_id, "
      "t.scopes, t.party_id, u.last_used_at "
      "FROM rm_api_tokens t LEFT JOIN api_token_usage u ON u.token_id = t.id";
  std::vector<Value> params;
  if (user_id) {
    sql += " WHERE t.user_id = ?";
    params.push_back(*user_id);
  }
  sql += " ORDER BY t.id LIMIT 500";
  auto rows = tx.Query(sql, std::move(params));
  if (!rows.ok()) return std::move(rows).error();
  json::array items;
  for (const auto& r : *rows) {
    json::object o{{"id", r.Text(0)},         {"name", r.Text(1)},     {"role", r.Text(2)},
                   {"created_at", r.Text(3)}, {"expires_at", nullptr}, {"revoked_at", nullptr},
                   {"user_id", nullptr}};
    if (!r.IsNull(4)) o["expires_at"] = r.Text(4);
    if (!r.IsNull(5)) o["revoked_at"] = r.Text(5);
    if (!r.IsNull(6)) o["user_id"] = r.Text(6);
    o["last_used_at"] = r.IsNull(9) ? json::value(nullptr) : json::value(r.Text(9));
    if (!r.IsNull(7)) {
      json::array scopes;
      for (const auto& s : SplitScopes(r.Text(7))) scopes.emplace_back(s);
      o["scopes"] = std::move(scopes);
      o["party_id"] = r.IsNull(8) ? json::value(nullptr) : json::value(r.Text(8));
    }
    items.push_back(std::move(o));
  }
  return items;
}

Result<std::optional<ApiTokenRecord>> FindApiToken(Tx& tx, const Hash& secret_hash) {
  auto row = tx.QueryOne(
      "SELECT t.id, t.role, t.name, t.party_id, t.user_id, t.expires_at, o.doc, t.scopes, "
      "u.last_used_at "
      "FROM api_token_secrets s JOIN rm_api_tokens t ON t.id = s.token_id "
      "LEFT JOIN rm_objects o ON o.kind = 'user' AND o.id = t.user_id AND o.to_idx = ? "
      "LEFT JOIN api_token_usage u ON u.token_id = t.id "
      "WHERE s.secret_hash = ? AND t.revoked_at IS NULL",
      {kOpenVersion, BlobOf(secret_hash)});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<ApiTokenRecord>();
  const Row& r = **row;
  ApiTokenRecord t{.id = r.Text(0),
                   .role = r.Text(1),
                   .name = r.Text(2),
                   .party_id = r.IsNull(3) ? "" : r.Text(3),
                   .user_id = r.IsNull(4) ? "" : r.Text(4)};
  if (!r.IsNull(5)) t.expires_at = r.Text(5);
  if (!r.IsNull(6)) t.user_doc = r.Text(6);
  if (!r.IsNull(7)) t.scopes = SplitScopes(r.Text(7));
  if (!r.IsNull(8)) t.last_used_at = r.Text(8);
  return std::optional<ApiTokenRecord>(std::move(t));
}

Status TouchApiToken(Tx& tx, std::string_view token_id, TimePoint now) {
  auto r = tx.Exec(
      "INSERT INTO api_token_usage(token_id, last_used_at) VALUES (?, ?) "
      "ON CONFLICT(token_id) DO UPDATE SET last_used_at = excluded.last_used_at",
      {std::string(token_id), FormatRfc3339(now)});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

}  // namespace accord::storage
