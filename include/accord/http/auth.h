// Who is calling: bearer API tokens and portal sessions (cookie + CSRF header), with a
// short-lived in-memory cache so a request costs a hash and a map lookup, while a
// revocation, deactivation or sign-out reaches every server sharing the database within
// kAuthCacheTtl (each entry is re-read from the database after that long).
#pragma once

#include <atomic>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "accord/core/bytes.h"
#include "accord/core/clock.h"
#include "accord/http/router.h"
#include "accord/policy/profile.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/store.h"

namespace accord::http {

inline constexpr std::chrono::milliseconds kAuthCacheTtl{500};
inline constexpr std::string_view kSessionCookie = "accord_session";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

using storage::CsrfTokenFor;
// The accord_session cookie's value, or empty.
std::string SessionCookie(const Request& request);
// Set-Cookie values: a new session (HttpOnly; Secure; SameSite=Strict) and its removal.
std::string SessionCookieHeader(std::string_view secret, int64_t max_age_seconds);
std::string ClearedSessionCookieHeader();

class AuthService {
 public:
  AuthService(storage::Store& store, const Clock& clock, const policy::IdentityPolicy& policy);
  ~AuthService();

  // For Router::SetAuthenticator: bearer token or an active session; cookie writes need
  // the X-CSRF-Token header.
  Result<std::optional<Principal>> Authenticate(const Request& request);
  Authenticator AsAuthenticator() {
    return [this](const Request& r) { return Authenticate(r); };
  }

  // Drops cached entries (sign-out on this server takes effect at once).
  void Forget(const Hash& credential_hash);
  void ForgetAll();

  // A session named by the request's cookie whatever its state (the sign-in steps), or
  // 401. Checks idle and absolute timeouts and, for writes, the CSRF header.
  struct SessionAuth {
    storage::Session session;
    std::string secret;
    boost::json::object user;
  };
  Result<SessionAuth> SessionOf(const Request& request);

  // Slow work (Argon2id) runs here, never on an I/O thread.
  // Runs work(reply) on those threads, or answers 503 at once when kMaxSlowQueue jobs are
  // already waiting, so a flood of sign-ins cannot queue unbounded Argon2 work.
  void RunSlow(Reply reply, std::function<void(Reply)> work);
  static constexpr int kMaxSlowQueue = 32;

  const policy::IdentityPolicy& policy() const { return policy_; }
  const Clock& clock() const { return clock_; }

 private:
  struct Entry {
    bool session = false;                // a cookie session's entry, never usable as a bearer token
    std::optional<Principal> principal;  // nullopt: unknown/revoked (cached too)
    std::optional<TimePoint> until;      // token expiry / account access_until / session end
    std::optional<TimePoint> idle_deadline;
    std::optional<TimePoint> break_glass_until;
    std::string session_id;
    std::string session_state;
    Hash csrf_hash{};
    std::string error;  // why the credential cannot act (shown as 401)
    MonoTime fetched;
    TimePoint last_seen{};
  };
  struct HashKey {
    size_t operator()(const Hash& h) const {
      size_t v;
      std::memcpy(&v, h.data(), sizeof v);
      return v;
    }
  };
  Result<Entry> LoadToken(const Hash& hash);
  Result<Entry> LoadSession(const Hash& hash);
  Result<std::optional<Principal>> FromEntry(const Entry& e, const Request& request, bool session,
                                             const Hash& hash);

  storage::Store& store_;
  const Clock& clock_;
  const policy::IdentityPolicy& policy_;
  std::shared_mutex mu_;
  // Shared and immutable, so a cache hit copies a pointer, not the entry.
  std::unordered_map<Hash, std::shared_ptr<const Entry>, HashKey> cache_;
  boost::asio::thread_pool slow_;
  std::atomic<int> slow_pending_{0};
};

}  // namespace accord::http
