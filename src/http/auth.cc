// Bearer tokens and portal sessions. Secrets are never stored, only their SHA-256; lookup is
// by that hash, so no secret-dependent comparison happens in our code (the CSRF header is
// compared as hashes with ConstantTimeEquals).
#include "accord/http/auth.h"

#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>
#include <boost/json.hpp>
#include <cctype>
#include <cstring>
#include <mutex>

#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/domain/identity.h"
#include "accord/domain/registry.h"
#include "accord/http/json.h"
#include "accord/storage/registry_store.h"

namespace accord::http {

namespace json = boost::json;

namespace {

constexpr size_t kMaxCacheEntries = 100000;
// A session's last activity is written at most this often (idle timeout precision).
constexpr auto kTouchEvery = std::chrono::seconds(30);

std::optional<TimePoint> ParseTime(std::string_view text) {
  if (text.empty()) return std::nullopt;
  auto t = ParseRfc3339(text);
  if (!t.ok()) return std::nullopt;
  return *t;
}

void Earliest(std::optional<TimePoint>& until, std::optional<TimePoint> t) {
  if (t && (!until || *t < *until)) until = t;
}

// The credentials of an `Authorization: Bearer <token>` header: the scheme is matched without
// regard to case and followed by one or more spaces (RFC 9110 11.1, 11.4); empty if malformed.
std::string_view BearerCredentials(std::string_view header) {
  constexpr std::string_view kScheme = "bearer";
  if (header.size() <= kScheme.size() || header[kScheme.size()] != ' ') return {};
  for (size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) != kScheme[i]) return {};
  }
  std::string_view rest = header.substr(kScheme.size());
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.remove_suffix(1);
  return rest;
}

bool IsWrite(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

Result<json::object> ParseDoc(const std::string& text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return Internal("a user record is malformed");
  return std::move(v.as_object());
}

// The account's part of an entry: role/party/email, its end and why it cannot act.
void ApplyUser(const json::object& user, std::optional<TimePoint>& until, std::string& error) {
  std::string status = domain::StateString(user, "status");
  if (status != "active") error = "the account is " + status;
  Earliest(until, ParseTime(domain::StateString(user, "access_until")));
}

// The X-CSRF-Token header against the session's stored hash, compared as hashes in
// constant time; a missing header never matches.
bool CsrfMatches(const Request& request, const Hash& expected) {
  std::string_view csrf = request.HeaderValue(kCsrfHeader);
  Hash presented = Sha256(csrf);
  return !csrf.empty() && ConstantTimeEquals(AsString(presented), AsString(expected));
}

Error Unauthenticated(std::string message) {
  return Error{ErrorCode::kUnauthenticated, std::move(message), {}};
}

}  // namespace

std::string SessionCookie(const Request& request) {
  std::string_view cookies = request.HeaderValue("Cookie");
  while (!cookies.empty()) {
    size_t end = cookies.find(';');
    std::string_view part = cookies.substr(0, end);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.starts_with(kSessionCookie) && part.size() > kSessionCookie.size() &&
        part[kSessionCookie.size()] == '=') {
      return std::string(part.substr(kSessionCookie.size() + 1));
    }
    if (end == std::string_view::npos) break;
    cookies.remove_prefix(end + 1);
  }
  return "";
}

std::string SessionCookieHeader(std::string_view secret, int64_t max_age_seconds) {
  return std::string(kSessionCookie) + "=" + std::string(secret) +
         "; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=" + std::to_string(max_age_seconds);
}

std::string ClearedSessionCookieHeader() {
  return std::string(kSessionCookie) + "=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0";
}

AuthService::AuthService(storage::Store& store, const Clock& clock,
                         const policy::IdentityPolicy& policy)
    : store_(store), clock_(clock), policy_(policy), slow_(2) {}

AuthService::~AuthService() { slow_.join(); }

void AuthService::RunSlow(Reply reply, std::function<void(Reply)> work) {
  if (slow_pending_.fetch_add(1) >= kMaxSlowQueue) {
    slow_pending_.fetch_sub(1);
    Response busy = ErrorResponse(Error{
        ErrorCode::kUnavailable, "too many sign-ins in progress; retry in a few seconds", {}});
    busy.headers.push_back({"Retry-After", "2"});
    return reply(std::move(busy));
  }
  boost::asio::post(slow_, [this, reply = std::move(reply), work = std::move(work)]() mutable {
    slow_pending_.fetch_sub(1);
    work(std::move(reply));
  });
}

void AuthService::Forget(const Hash& credential_hash) {
  std::unique_lock lock(mu_);
  cache_.erase(credential_hash);
}

void AuthService::ForgetAll() {
  std::unique_lock lock(mu_);
  cache_.clear();
}

Result<AuthService::Entry> AuthService::LoadToken(const Hash& hash) {
  Entry e;
  Status s = store_.Read([&](storage::Tx& tx) -> Status {
    auto found = storage::FindApiToken(tx, hash);
    if (!found.ok()) return std::move(found).error();
    if (!found->has_value()) return Ok();
    const storage::ApiTokenRecord& t = **found;
    e.last_seen = t.last_used_at ? ParseTime(*t.last_used_at).value_or(TimePoint{}) : TimePoint{};
    if (t.role == domain::kIntegrationRole) {
      // No person: the token itself is the actor, with its scopes and no onboarding gate.
      e.principal = Principal{.id = t.id,
                              .role = t.role,
                              .name = t.name,
                              .party_id = t.party_id,
                              .credential_id = t.id,
                              .scopes = t.scopes};
      if (t.expires_at) Earliest(e.until, ParseTime(*t.expires_at));
      return Ok();
    }
    Principal p{.id = t.user_id,
                .role = t.role,
                .name = t.name,
                .party_id = t.party_id,
                .credential_id = t.id};
    if (t.expires_at) Earliest(e.until, ParseTime(*t.expires_at));
    if (!t.user_doc) {
      e.error = "the token belongs to no account; create one with `accord token create --user`";
    } else {
      auto user = ParseDoc(*t.user_doc);
      if (!user.ok()) return std::move(user).error();
      ApplyUser(*user, e.until, e.error);
    }
    e.principal = std::move(p);
    return Ok();
  });
  if (!s.ok()) return std::move(s).error();
  return e;
}

Result<AuthService::Entry> AuthService::LoadSession(const Hash& hash) {
  Entry e;
  TimePoint now = clock_.Now();
  Status s = store_.Read([&](storage::Tx& tx) -> Status {
    auto session = storage::FindSession(tx, hash, now);
    if (!session.ok()) return std::move(session).error();
    if (!session->has_value()) return Ok();
    const storage::Session& ses = **session;
    auto user = storage::FindUser(tx, ses.user_id);
    if (!user.ok()) return std::move(user).error();
    if (!user->has_value()) return Ok();
    const json::object& u = **user;
    e.principal = Principal{.id = ses.user_id,
                            .role = domain::StateString(u, "role"),
                            .name = domain::StateString(u, "email"),
                            .party_id = domain::StateString(u, "party_id"),
                            .credential_id = ses.id,
                            .via_session = true};
    ApplyUser(u, e.until, e.error);
    Earliest(e.until, ParseTime(ses.expires_at));
    e.session_id = ses.id;
    e.session_state = ses.state;
    e.csrf_hash = ses.csrf_hash;
    e.break_glass_until = ParseTime(ses.break_glass_until);
    e.last_seen = ParseTime(ses.last_seen_at).value_or(now);
    e.idle_deadline = e.last_seen + std::chrono::minutes(policy_.session_idle_minutes);
    return Ok();
  });
  if (!s.ok()) return std::move(s).error();
  return e;
}

Result<std::optional<Principal>> AuthService::Authenticate(const Request& request) {
  std::string_view header = request.HeaderValue("Authorization");
  std::string cookie;
  bool session = false;
  std::string_view secret;
  if (!header.empty()) {
    secret = BearerCredentials(header);
    if (secret.empty()) return Unauthenticated("Authorization must be 'Bearer <token>'");
    // API tokens carry their prefix; anything else (a session secret) is not a token.
    if (!secret.starts_with("acc_")) {
      return Unauthenticated("the token is unknown, expired or revoked");
    }
  } else {
    cookie = SessionCookie(request);
    if (cookie.empty()) return std::optional<Principal>();
    secret = cookie;
    session = true;
  }
  Hash hash = Sha256(secret);
  MonoTime fresh = clock_.Monotonic();
  std::shared_ptr<const Entry> cached;
  {
    std::shared_lock lock(mu_);
    auto it = cache_.find(hash);
    // A session's entry never serves a bearer token, nor the other way round.
    if (it != cache_.end() && it->second->session == session &&
        fresh - it->second->fetched < kAuthCacheTtl) {
      cached = it->second;
    }
  }
  // Checked outside the lock: FromEntry may take it exclusively (touch, forget).
  if (cached) return FromEntry(*cached, request, session, hash);
  auto loaded = session ? LoadSession(hash) : LoadToken(hash);
  if (!loaded.ok()) return std::move(loaded).error();
  loaded->fetched = fresh;
  loaded->session = session;
  auto entry = std::make_shared<const Entry>(std::move(*loaded));
  {
    std::unique_lock lock(mu_);
    if (cache_.size() >= kMaxCacheEntries) cache_.clear();
    cache_[hash] = entry;
  }
  return FromEntry(*entry, request, session, hash);
}

Result<std::optional<Principal>> AuthService::FromEntry(const Entry& e, const Request& request,
                                                        bool session, const Hash& hash) {
  if (!e.principal) {
    return Unauthenticated(session ? "the session has ended; sign in again"
                                   : "the token is unknown, expired or revoked");
  }
  TimePoint now = clock_.Now();
  if (!e.error.empty()) return Unauthenticated(e.error);
  if (e.until && now >= *e.until) {
    return Unauthenticated(session ? "the session has ended; sign in again"
                                   : "the token is unknown, expired or revoked");
  }
  Principal p = *e.principal;
  if (!session) {
    // When a token was last used (GET /api/v1/tokens): written at most every kTouchEvery.
    if (now - e.last_seen >= kTouchEvery) {
      // Informational: a disk that refuses writes must not refuse the reads it can still serve.
      Status s = store_.Write(
          [&](storage::Tx& tx) { return storage::TouchApiToken(tx, p.credential_id, now); });
      if (!s.ok()) spdlog::warn("cannot record a token's last use: {}", s.error().message);
      auto touched = std::make_shared<Entry>(e);
      touched->last_seen = now;
      std::unique_lock lock(mu_);
      auto it = cache_.find(hash);
      if (it != cache_.end()) it->second = std::move(touched);
    }
    return std::optional<Principal>(std::move(p));
  }
  if (e.session_state != "active") {
    return Unauthenticated("sign-in is not complete (" + e.session_state +
                           "): finish it under /api/v1/auth/");
  }
  if (e.idle_deadline && now >= *e.idle_deadline) {
    // HIPAA 164.312(a)(2)(iii): automatic logoff after inactivity.
    Status s = store_.Write(
        [&](storage::Tx& tx) { return storage::RevokeSession(tx, e.session_id, now); });
    if (!s.ok()) return std::move(s).error();
    Forget(hash);
    return Unauthenticated("the session expired after " +
                           std::to_string(policy_.session_idle_minutes) +
                           " minutes without activity; sign in again");
  }
  if (IsWrite(request.method)) {
    if (!CsrfMatches(request, e.csrf_hash)) {
      return Error{ErrorCode::kForbidden,
                   "a write with the session cookie needs the X-CSRF-Token header given at "
                   "sign-in (GET /api/v1/auth/session repeats it)",
                   {}};
    }
  }
  if (e.break_glass_until && now < *e.break_glass_until) {
    p.role = "security_officer";
    p.break_glass = true;
  }
  if (now - e.last_seen >= kTouchEvery) {
    Status s =
        store_.Write([&](storage::Tx& tx) { return storage::TouchSession(tx, e.session_id, now); });
    if (!s.ok()) {
      // The session keeps its stored deadline (it is not extended), and the request goes on: a
      // disk that refuses writes must not refuse the reads it can still serve.
      spdlog::warn("cannot extend a session: {}", s.error().message);
      return std::optional<Principal>(std::move(p));
    }
    // Entries are shared and immutable: replace this one with a touched copy.
    auto touched = std::make_shared<Entry>(e);
    touched->last_seen = now;
    touched->idle_deadline = now + std::chrono::minutes(policy_.session_idle_minutes);
    std::unique_lock lock(mu_);
    auto it = cache_.find(hash);
    if (it != cache_.end()) it->second = std::move(touched);
  }
  return std::optional<Principal>(std::move(p));
}

Result<AuthService::SessionAuth> AuthService::SessionOf(const Request& request) {
  std::string secret = SessionCookie(request);
  if (secret.empty())
    return Unauthenticated("no session: sign in first (POST /api/v1/auth/sign-in)");
  Hash hash = Sha256(secret);
  TimePoint now = clock_.Now();
  SessionAuth out;
  bool found = false;
  Status s = store_.Read([&](storage::Tx& tx) -> Status {
    auto session = storage::FindSession(tx, hash, now);
    if (!session.ok()) return std::move(session).error();
    if (!session->has_value()) return Ok();
    auto user = storage::FindUser(tx, (*session)->user_id);
    if (!user.ok()) return std::move(user).error();
    if (!user->has_value()) return Ok();
    out.session = std::move(**session);
    out.user = std::move(**user);
    found = true;
    return Ok();
  });
  if (!s.ok()) return std::move(s).error();
  if (!found) return Unauthenticated("the session has ended; sign in again");
  if (std::string problem = domain::AccessProblem(out.user, now); !problem.empty()) {
    return Unauthenticated(problem);
  }
  auto last = ParseTime(out.session.last_seen_at).value_or(now);
  if (now >= last + std::chrono::minutes(policy_.session_idle_minutes)) {
    Status r = store_.Write(
        [&](storage::Tx& tx) { return storage::RevokeSession(tx, out.session.id, now); });
    if (!r.ok()) return std::move(r).error();
    return Unauthenticated("the session expired without activity; sign in again");
  }
  if (IsWrite(request.method)) {
    if (!CsrfMatches(request, out.session.csrf_hash)) {
      return Error{
          ErrorCode::kForbidden, "this step needs the X-CSRF-Token header given at sign-in", {}};
    }
  }
  out.secret = std::move(secret);
  return out;
}

}  // namespace accord::http
