// Single sign-on's callback (issue 25), the server's own work without the provider's round trip:
// reading the flow, checking the ID token's RS256 signature and claims with the provider's keys
// cached, and the sign-in's one durable write (flow used up, session, provider session, ledger
// event).
// The target is < 5 ms.
#include <benchmark/benchmark.h>
#include <cjose/cjose.h>
#include <stdlib.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "accord/app/runtime.h"
#include "accord/core/bytes.h"
#include "accord/domain/event.h"
#include "accord/http/oidc_token.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/oidc_store.h"
#include "bench_util.h"

namespace accord::bench {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

constexpr char kIssuer[] = "https://login.example.com/realms/bench";

struct SsoFixture {
  SystemClock clock;
  fs::path dir;
  std::unique_ptr<app::Runtime> rt;
  std::shared_ptr<const http::oidc::KeySet> keys;
  cjose_jwk_t* jwk = nullptr;
  std::string user_id;

  SsoFixture() {
    std::string pattern = (fs::temp_directory_path() / "accord-bench-sso-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) Die("mkdtemp " + pattern);
    dir = pattern;
    rt = Check(app::Runtime::Open(app::StoreConfig{dir}, clock), "open runtime");
    auto profile = Check(policy::LoadProfile("luma"), "load profile");
    app::OrgInfo org = Check(rt->EnsureOrg(profile, "", "Benchmark Org"), "ensure org");
    Check(rt->LoadSigner(org.origin), "load signer");
    user_id = "usr_bench";
    cjose_err err{};
    static const uint8_t kE[] = {1, 0, 1};
    jwk = cjose_jwk_create_RSA_random(2048, kE, sizeof kE, &err);
    cjose_jwk_set_kid(jwk, "k1", 2, &err);
    char* pub = cjose_jwk_to_json(jwk, false, &err);
    keys = Check(http::oidc::KeySet::Parse(std::string("{\"keys\":[") + pub + "]}"), "keys");
    std::free(pub);
  }
  ~SsoFixture() {
    cjose_jwk_release(jwk);
    rt.reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::string Token(const std::string& nonce) {
    int64_t now =
        std::chrono::duration_cast<std::chrono::seconds>(clock.Now().time_since_epoch()).count();
    std::string claims = json::serialize(json::object{{"iss", kIssuer},
                                                      {"aud", "accord"},
                                                      {"sub", "person-1"},
                                                      {"email", "bench@luma.example"},
                                                      {"email_verified", true},
                                                      {"nonce", nonce},
                                                      {"amr", json::array{"pwd", "mfa"}},
                                                      {"iat", now},
                                                      {"exp", now + 300}});
    cjose_err err{};
    cjose_header_t* h = cjose_header_new(&err);
    cjose_header_set(h, CJOSE_HDR_ALG, "RS256", &err);
    cjose_header_set(h, CJOSE_HDR_KID, "k1", &err);
    cjose_jws_t* jws = cjose_jws_sign(jwk, h, reinterpret_cast<const uint8_t*>(claims.data()),
                                      claims.size(), &err);
    cjose_header_release(h);
    const char* out = nullptr;
    cjose_jws_export(jws, &out, &err);
    std::string token(out);
    cjose_jws_release(jws);
    return token;
  }
};

void BM_SsoCallback(benchmark::State& state) {
  SsoFixture f;
  http::oidc::Expectations expect{kIssuer, "accord", "", {"RS256"}, {}, std::chrono::seconds(60)};
  int n = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string flow_state = "state-" + std::to_string(++n);
    std::string nonce = "nonce-" + std::to_string(n);
    std::string token = f.Token(nonce);
    TimePoint now = f.clock.Now();
    Check(f.rt->store().Write([&](storage::Tx& tx) {
      return storage::SaveOidcFlow(tx, flow_state, {nonce, "verifier"}, now,
                                   now + std::chrono::minutes(10));
    }),
          "save flow");
    state.ResumeTiming();
    std::optional<storage::OidcFlow> flow;
    Check(f.rt->store().Read([&](storage::Tx& tx) -> Status {
      auto taken = storage::FindOidcFlow(tx, flow_state, f.clock.Now());
      if (!taken.ok()) return std::move(taken).error();
      flow = *taken;
      return Ok();
    }),
          "take flow");
    expect.nonce = flow->nonce;
    expect.now = f.clock.Now();
    auto claims = Check(http::oidc::TokenChecker::Check(token, *f.keys, expect), "check token");
    auto done = f.rt->log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
      auto taken = storage::TakeOidcFlow(c.tx(), flow_state, c.Now());
      if (!taken.ok()) return std::move(taken).error();
      if (!*taken) return Error{ErrorCode::kConflict, "flow gone", {}};
      auto s = storage::CreateSession(c.tx(), f.user_id, "active", c.Now(),
                                      c.Now() + std::chrono::hours(12), "127.0.0.1");
      if (!s.ok()) return std::move(s).error();
      ACCORD_TRY(
          storage::RecordProviderSession(c.tx(), s->session.id, kIssuer, "person-1", "", token));
      domain::Event e;
      e.type = "auth.signed_in";
      e.actor = {f.user_id, "staff"};
      e.subject = {"user", f.user_id};
      e.payload = json::object{{"session_id", s->session.id}, {"methods", json::array{"sso"}}};
      ACCORD_TRY(c.Append(std::move(e)));
      return json::value(nullptr);
    });
    Check(std::move(done), "sign in");
    benchmark::DoNotOptimize(claims);
  }
}
BENCHMARK(BM_SsoCallback)->Unit(benchmark::kMillisecond)->UseRealTime();

// The token check alone (RS256 verification + claims), keys cached.
void BM_SsoTokenCheck(benchmark::State& state) {
  SsoFixture f;
  std::string token = f.Token("n");
  http::oidc::Expectations expect{kIssuer,   "accord",      "n",
                                  {"RS256"}, f.clock.Now(), std::chrono::seconds(60)};
  for (auto _ : state) {
    auto claims = http::oidc::TokenChecker::Check(token, *f.keys, expect);
    if (!claims.ok()) {
      state.SkipWithError(claims.error().message.c_str());
      break;
    }
    benchmark::DoNotOptimize(claims);
  }
}
BENCHMARK(BM_SsoTokenCheck)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace accord::bench
