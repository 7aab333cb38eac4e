// Probes and the bounded fetch against local providers on loopback: status, body match,
// timeouts, TCP connect, certificate expiry, refused private addresses, and every misbehaving
// answer recorded as an error, never a crash. Then the runner: probes what is due, records
// samples, and does nothing while another server holds the lease.
#include "accord/app/probe.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "accord/app/status_runner.h"
#include "accord/core/time.h"
#include "support/runtime_fixture.h"
#include "support/status_provider.h"

namespace accord::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

app::ProbeRequest Http(const std::string& url, int expected = 200, std::string match = "",
                       int timeout_ms = 3000) {
  storage::ProbeSpec s;
  s.kind = "http";
  s.target = url;
  s.expected_status = expected;
  s.body_match = std::move(match);
  s.timeout_ms = timeout_ms;
  return {"cmp_" + url, s};
}

app::ProbeLimits Loopback() {
  app::ProbeLimits l;
  l.allow_private = true;
  return l;
}

TEST(ProbeTest, JudgesStatusBodyAndConnection) {
  StatusProvider p;
  p.Set("/healthz", "{\"status\": \"ok\"}");
  p.Set("/down", "maintenance", 503, "text/plain");
  SilentServer silent;
  storage::ProbeSpec tcp;
  tcp.kind = "tcp";
  tcp.target = "127.0.0.1:" + std::to_string(p.port());
  storage::ProbeSpec closed = tcp;
  closed.target = "127.0.0.1:1";
  std::vector<app::ProbeRequest> probes = {
      Http(p.base() + "/healthz", 200, "\"ok\""),
      Http(p.base() + "/healthz", 200, "degraded"),
      Http(p.base() + "/down"),
      Http(p.base() + "/down", 503),
      Http("http://127.0.0.1:" + std::to_string(silent.port()) + "/", 200, "", 300),
      {"cmp_tcp", tcp},
      {"cmp_closed", closed},
      Http(p.base() + "/big", 200, "xxx"),  // a 10 MB answer: read up to the limit only
  };
  auto out = app::RunProbes(probes, Loopback(), TimePoint(std::chrono::seconds(0)));
  ASSERT_EQ(out.size(), probes.size());
  EXPECT_TRUE(out[0].ok) << out[0].error;
  EXPECT_FALSE(out[1].ok);
  EXPECT_EQ(out[1].error, "the answer does not contain \"degraded\"");
  EXPECT_FALSE(out[2].ok);
  EXPECT_EQ(out[2].error, "answered 503, expected 200");
  EXPECT_TRUE(out[3].ok);
  EXPECT_FALSE(out[4].ok);
  EXPECT_EQ(out[4].error, "no answer within 300 ms");
  EXPECT_TRUE(out[5].ok) << out[5].error;
  EXPECT_FALSE(out[6].ok);
  EXPECT_EQ(out[6].error, "connection refused");
  EXPECT_TRUE(out[7].ok) << out[7].error;
  for (size_t i = 0; i < out.size(); ++i) EXPECT_EQ(out[i].component_id, probes[i].component_id);
}

TEST(ProbeTest, RefusesLoopbackUnlessAllowed) {
  StatusProvider p;
  p.Set("/healthz", "ok");
  auto out = app::RunProbes({Http(p.base() + "/healthz")}, app::ProbeLimits{},
                            TimePoint(std::chrono::seconds(0)));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_FALSE(out[0].ok);
  EXPECT_EQ(out[0].error, "refused: the address is loopback or private");
  EXPECT_EQ(p.hits("/healthz"), 0);
  auto fetched = app::FetchBounded(p.base() + "/healthz", app::FetchLimits{});
  ASSERT_FALSE(fetched.ok());
  EXPECT_EQ(fetched.error().message, "refused: the address is loopback or private");
}

TEST(ProbeTest, ACertificateAboutToExpireIsDegradedAndAnUntrustedOneFails) {
  StatusProvider p(/*tls_days=*/5);
  p.Set("/healthz", "ok");
  app::ProbeLimits limits = Loopback();
  limits.ca_file = p.cert_path().string();
  auto now =
      std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
  auto out = app::RunProbes({Http(p.base() + "/healthz")}, limits, now);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].ok) << out[0].error;
  EXPECT_TRUE(out[0].degraded);
  EXPECT_NE(out[0].error.find("the TLS certificate expires in 4 days"), std::string::npos)
      << out[0].error;
  EXPECT_FALSE(out[0].cert_expires_at.empty());
  // Without trusting it, the same server is a TLS failure.
  auto untrusted = app::RunProbes({Http(p.base() + "/healthz")}, Loopback(), now);
  EXPECT_FALSE(untrusted[0].ok);
  EXPECT_TRUE(untrusted[0].error.starts_with("TLS: ")) << untrusted[0].error;
  auto fetched = app::FetchBounded(p.base() + "/healthz", app::FetchLimits{.allow_private = true});
  ASSERT_FALSE(fetched.ok());
  EXPECT_TRUE(fetched.error().message.starts_with("TLS: ")) << fetched.error().message;
}

TEST(ProbeTest, TheBoundedFetchNamesEveryMisbehaviour) {
  StatusProvider p;
  SilentServer silent;
  app::FetchLimits limits{.timeout = 500ms, .max_bytes = 1 << 20, .allow_private = true};
  auto big = app::FetchBounded(p.base() + "/big", limits);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().message, "the answer is larger than 1048576 bytes");
  auto loop = app::FetchBounded(p.base() + "/loop", limits);
  ASSERT_FALSE(loop.ok());
  EXPECT_EQ(loop.error().message, "too many redirects");
  EXPECT_LE(p.hits("/loop"), 4);
  auto hang = app::FetchBounded("http://127.0.0.1:" + std::to_string(silent.port()) + "/", limits);
  ASSERT_FALSE(hang.ok());
  EXPECT_EQ(hang.error().message, "no answer within 500 ms");
  auto html = app::FetchBounded(p.base() + "/html", limits);
  ASSERT_TRUE(html.ok());  // an answer: the caller judges its status and content
  EXPECT_EQ(html->status, 502);
}

class StatusRunnerTest : public ::testing::Test {
 protected:
  std::string Add(const std::string& target) {
    json::object body{{"name", "API"},
                      {"probe", json::object{{"kind", "http"}, {"target", target}}}};
    auto c = storage::ParseStatusComponent(body, true);
    EXPECT_TRUE(c.ok());
    auto r = f_.rt().log().Execute([&](storage::CommandContext& cc) -> Result<json::value> {
      auto o = storage::SaveStatusComponent(cc, {"usr_test", "security_officer"}, "", *c);
      if (!o.ok()) return std::move(o).error();
      return json::value(*o);
    });
    return std::string(r->at("id").as_string());
  }
  RuntimeFixture f_;
};

TEST_F(StatusRunnerTest, ProbesWhatIsDueAndRespectsAnotherServersLease) {
  StatusProvider p;
  p.Set("/healthz", "ok");
  Add(p.base() + "/healthz");
  storage::StatusSettings settings;
  settings.allow_private_targets = true;
  app::StatusRunner runner(f_.rt().log(), f_.clock(), settings, {}, "srv_a");
  auto r = runner.RunOnce();
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_TRUE(r->leased);
  EXPECT_EQ(r->probed, 1);
  f_.clock().Advance(30s);
  EXPECT_EQ(runner.RunOnce()->probed, 0);  // not due before its interval
  f_.clock().Advance(31s);
  EXPECT_EQ(runner.RunOnce()->probed, 1);
  EXPECT_EQ(p.hits("/healthz"), 2);
  // A second server on the same store waits while the first holds the lease.
  f_.clock().Advance(61s);
  EXPECT_EQ(runner.RunOnce()->probed, 1);
  app::StatusRunner other(f_.rt().log(), f_.clock(), settings, {}, "srv_b");
  auto o = other.RunOnce();
  ASSERT_TRUE(o.ok());
  EXPECT_FALSE(o->leased);
  EXPECT_EQ(p.hits("/healthz"), 3);
  // The provider goes down: two failed probes make an outage, one ledger entry.
  p.Set("/healthz", "down", 503, "text/plain");
  f_.clock().Advance(61s);
  EXPECT_EQ(runner.RunOnce()->changes, 0);
  f_.clock().Advance(61s);
  EXPECT_EQ(runner.RunOnce()->changes, 1);
  // The first server stops; the second takes over once the lease has run out.
  f_.clock().Advance(31s);
  auto taken = other.RunOnce();
  ASSERT_TRUE(taken.ok());
  EXPECT_TRUE(taken->leased);
}

}  // namespace
}  // namespace accord::testing
