// Identity benchmarks: Argon2id password hashing and verification at the default (OWASP)
// parameters, which set the cost of every login, TOTP verification over a +-1 step window,
// and what authenticating a request costs (http::AuthService on a real SQLite store): the
// cached path every request takes, the database path taken once per kAuthCacheTtl, and how
// long a revocation takes to reach another server sharing the database.
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <thread>

#include "accord/app/runtime.h"
#include "accord/core/bytes.h"
#include "accord/core/otp.h"
#include "accord/core/password.h"
#include "accord/http/auth.h"
#include "accord/http/router.h"
#include "accord/policy/profile.h"
#include "accord/storage/identity_store.h"
#include "bench_util.h"

namespace accord::bench {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

constexpr std::string_view kPassword = "correct horse battery staple";

void BM_PasswordHash(benchmark::State& state) {
  for (auto _ : state) {
    Result<std::string> phc = HashPassword(kPassword);
    if (!phc.ok()) {
      state.SkipWithError(phc.error().message.c_str());
      break;
    }
    benchmark::DoNotOptimize(phc);
  }
}
BENCHMARK(BM_PasswordHash)->Unit(benchmark::kMillisecond);

// Also what an unknown account costs, since it is checked against DummyPasswordHash().
void BM_PasswordVerify(benchmark::State& state) {
  Result<std::string> phc = HashPassword(kPassword);
  if (!phc.ok()) {
    state.SkipWithError(phc.error().message.c_str());
    return;
  }
  for (auto _ : state) {
    bool ok = VerifyPassword(kPassword, *phc);
    benchmark::DoNotOptimize(ok);
  }
}
BENCHMARK(BM_PasswordVerify)->Unit(benchmark::kMillisecond);

// A code of the current step: VerifyTotp computes all three codes in the window regardless.
void BM_TotpVerify(benchmark::State& state) {
  const Bytes key = RandomBytes(20);
  const TimePoint now = SystemClock().Now();
  const std::string code = Totp(key, now);
  for (auto _ : state) {
    std::optional<uint64_t> step = VerifyTotp(key, code, now, std::nullopt);
    benchmark::DoNotOptimize(step);
  }
}
BENCHMARK(BM_TotpVerify)->Unit(benchmark::kMicrosecond);

// ---------------------------------------------------------------------------------------
// Request authentication: an active account with an API token and a portal session.

const domain::Actor kInstaller{"bench", "installer"};
constexpr char kEmail[] = "bench.officer@luma.example";
// Passes the password policy (length, not a common password, not the email's local part).
constexpr char kUserPassword[] = "Bench-7f3k9q2-Zw8x";

http::Request GetWith(std::string header, std::string value) {
  return http::Request{.method = "GET",
                       .target = "/api/v1/bench",
                       .headers = {{"Host", "127.0.0.1"},
                                   {"User-Agent", "accord_bench"},
                                   {std::move(header), std::move(value)}},
                       .remote_address = "127.0.0.1"};
}

// A store as `accord serve` opens it (org, signing key, luma profile) in a scratch directory
// under $TMPDIR, removed at exit; the AuthService is the one `serve` installs on its router.
struct AuthFixture {
  SystemClock clock;
  fs::path dir;
  policy::Profile profile;
  std::unique_ptr<app::Runtime> rt;
  std::unique_ptr<http::AuthService> auth;
  std::string user_id;
  http::Request token_request;
  http::Request session_request;

  AuthFixture() {
    std::string pattern = (fs::temp_directory_path() / "accord-bench-auth-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) Die("mkdtemp " + pattern);
    dir = pattern;
    rt = Check(app::Runtime::Open(app::StoreConfig{dir}, clock), "open runtime");
    profile = Check(policy::LoadProfile("luma"), "load profile");
    app::OrgInfo org = Check(rt->EnsureOrg(profile, "", "Benchmark Org"), "ensure org");
    Check(rt->LoadSigner(org.origin), "load signer");
    json::object body{{"email", kEmail}, {"name", "Bench Officer"}, {"role", "security_officer"}};
    json::object user =
        Check(app::AddUser(rt->log(), kInstaller, body, kUserPassword, profile.identity, true),
              "add user");
    user_id = std::string(user.at("id").as_string());
    token_request = GetWith("Authorization", "Bearer " + NewToken().secret);
    // An "active" session is what sign-in + MFA leaves behind.
    std::string secret;
    Check(rt->store().Write([&](storage::Tx& tx) -> Status {
      TimePoint now = clock.Now();
      auto s = storage::CreateSession(
          tx, user_id, "active", now,
          now + std::chrono::hours(profile.identity.session_absolute_hours), "127.0.0.1");
      if (!s.ok()) return std::move(s).error();
      secret = std::move(s->secret);
      return Ok();
    }),
          "create session");
    session_request =
        GetWith("Cookie", "theme=dark; " + std::string(http::kSessionCookie) + "=" + secret);
    auth = std::make_unique<http::AuthService>(rt->store(), clock, profile.identity);
  }
  ~AuthFixture() {
    auth.reset();
    rt.reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
  }

  storage::NewToken NewToken() {
    return Check(app::CreateApiToken(rt->log(), kInstaller, kEmail, "bench", "", std::nullopt),
                 "create token");
  }
};

AuthFixture& Fixture() {
  static AuthFixture fixture;  // thread-safe, and only built when an auth benchmark runs
  return fixture;
}

// Stops the benchmark unless the request authenticated as the bench account.
bool Authenticated(benchmark::State& state, const Result<std::optional<http::Principal>>& p) {
  if (!p.ok()) {
    state.SkipWithError(p.error().message.c_str());
    return false;
  }
  if (!p->has_value()) {
    state.SkipWithError("the request was anonymous");
    return false;
  }
  return true;
}

// Runs Authenticate() in a loop; `forget` empties the cache before each call. Besides the
// usual time (with threads: wall time / all calls, i.e. 1 / throughput) it reports latency_ns,
// each thread's own wall time per call averaged over threads: what one request waits.
void RunAuth(benchmark::State& state, const http::Request& request, bool forget) {
  http::AuthService& auth = *Fixture().auth;
  auto start = std::chrono::steady_clock::now();
  for (auto _ : state) {
    if (forget) auth.ForgetAll();
    auto p = auth.Authenticate(request);
    if (!Authenticated(state, p)) break;
    benchmark::DoNotOptimize(p);
  }
  std::chrono::duration<double, std::nano> elapsed = std::chrono::steady_clock::now() - start;
  state.SetItemsProcessed(state.iterations());
  if (state.iterations() > 0) {
    state.counters["latency_ns"] = benchmark::Counter(
        elapsed.count() / static_cast<double>(state.iterations()), benchmark::Counter::kAvgThreads);
  }
}

// The per-request path: SHA-256 of the secret, a shared-locked map lookup, the entry's checks.
// Once per kAuthCacheTtl (500 ms) the entry is re-read from the database, included here.
void BM_TokenAuthCached(benchmark::State& state) { RunAuth(state, Fixture().token_request, false); }
BENCHMARK(BM_TokenAuthCached)->Threads(1)->Threads(2)->UseRealTime()->Unit(benchmark::kNanosecond);

// Every call misses: what a new token, an expired entry or a bad token costs (one SQLite
// query joining the token, its secret and its account, plus parsing the account's JSON).
void BM_TokenAuthUncached(benchmark::State& state) {
  RunAuth(state, Fixture().token_request, true);
}
BENCHMARK(BM_TokenAuthUncached)->UseRealTime()->Unit(benchmark::kMicrosecond);

// A portal session cookie: also parses the Cookie header and checks state and idle timeout.
void BM_SessionAuthCached(benchmark::State& state) {
  RunAuth(state, Fixture().session_request, false);
}
BENCHMARK(BM_SessionAuthCached)
    ->Threads(1)
    ->Threads(2)
    ->UseRealTime()
    ->Unit(benchmark::kNanosecond);

// Session misses: two queries (the session, then its account).
void BM_SessionAuthUncached(benchmark::State& state) {
  RunAuth(state, Fixture().session_request, true);
}
BENCHMARK(BM_SessionAuthUncached)->UseRealTime()->Unit(benchmark::kMicrosecond);

// Authentication as the router runs it: route match, Authenticate, role check, a trivial
// handler, the reply. The request is copied per call, as the server builds one per request.
void BM_AuthRouterDispatch(benchmark::State& state) {
  AuthFixture& f = Fixture();
  http::Router router;
  router.SetAuthenticator(f.auth->AsAuthenticator());
  router.Add(http::ReadRoute("/api/v1/bench", domain::RoleSet{domain::Role::kSecurityOfficer},
                             http::Media("text/plain"))
                 .Summary("a trivial handler")
                 .Handle(http::Sync([](http::Context&) { return http::Response{}; })));
  int status = 0;
  for (auto _ : state) {
    http::Request request = f.token_request;
    router.Dispatch(std::move(request), [&status](http::Response r) { status = r.status; });
    if (status != 200) {
      state.SkipWithError(("dispatch answered " + std::to_string(status)).c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AuthRouterDispatch)->Unit(benchmark::kNanosecond);

// How long after a token is revoked another server sharing the database (its own Runtime
// and AuthService on the same file) refuses it. Each trial revokes at a random point of the
// other server's cache period; reports the worst and the mean over the trials, in ms.
void BM_RevocationReach(benchmark::State& state) {
  constexpr int kTrials = 8;
  AuthFixture& f = Fixture();
  auto other_rt =
      Check(app::Runtime::Open(app::StoreConfig{f.dir}, f.clock), "open second runtime");
  http::AuthService other(other_rt->store(), f.clock, f.profile.identity);
  std::mt19937 rng(std::random_device{}());
  std::uniform_int_distribution<int> phase_ms(0, static_cast<int>(http::kAuthCacheTtl.count()));
  double worst_ms = 0, total_ms = 0;
  for (auto _ : state) {
    for (int trial = 0; trial < kTrials; ++trial) {
      storage::NewToken token = f.NewToken();
      http::Request request = GetWith("Authorization", "Bearer " + token.secret);
      if (!Authenticated(state, other.Authenticate(request))) return;  // now cached there
      std::this_thread::sleep_for(std::chrono::milliseconds(phase_ms(rng)));
      auto revoked = f.rt->log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
        auto r = storage::RevokeToken(c, kInstaller, token.id, "", "benchmark");
        if (!r.ok()) return std::move(r).error();
        return json::value(std::move(*r));
      });
      if (!revoked.ok()) {
        state.SkipWithError(revoked.error().message.c_str());
        return;
      }
      auto at = std::chrono::steady_clock::now();
      auto limit = at + std::chrono::seconds(5);
      while (other.Authenticate(request).ok()) {
        if (std::chrono::steady_clock::now() > limit) {
          state.SkipWithError("a revoked token still authenticates after 5 s");
          return;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      }
      double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - at).count();
      worst_ms = std::max(worst_ms, ms);
      total_ms += ms;
    }
  }
  state.counters["worst_ms"] = worst_ms;
  state.counters["mean_ms"] = total_ms / kTrials;
}
BENCHMARK(BM_RevocationReach)->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace accord::bench
