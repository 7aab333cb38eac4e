// The `accord` binary as an operator uses it: exit codes, output, tampering, TLS.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <boost/json.hpp>
#include <filesystem>
#include <regex>
#include <thread>

#include "accord/core/bytes.h"
#include "accord/storage/store.h"
#include "support/api_server.h"
#include "support/test_db.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

std::vector<std::string> WithDir(std::vector<std::string> args, const TempDir& dir) {
  args.push_back("--data-dir");
  args.push_back(dir.str());
  return args;
}

// The server's store: its data dir and --db, for CLI commands.
std::vector<std::string> WithStore(std::vector<std::string> args, const ApiServer& server) {
  args = WithDir(std::move(args), server.dir());
  args.push_back("--db");
  args.push_back(server.db_url());
  return args;
}

// Rewrites one stored event in place, as an attacker with database access would.
void TamperWithLeaf(const std::string& db_url, int64_t index) {
  auto store = storage::OpenStore({db_url});
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)
                  ->Write([&](storage::Tx& tx) -> Status {
                    auto row = tx.QueryOne("SELECT leaf FROM ledger_leaves WHERE idx = ?", {index});
                    if (!row.ok()) return std::move(row).error();
                    Bytes leaf = (*row)->BlobAt(0);
                    std::string text(leaf.begin(), leaf.end());
                    auto pos = text.find("demo");
                    if (pos == std::string::npos) return Internal("no 'demo' in the leaf");
                    text.replace(pos, 4, "DEMO");
                    auto r = tx.Exec("UPDATE ledger_leaves SET leaf = ? WHERE idx = ?",
                                     {storage::BlobOf(AsBytes(text)), index});
                    if (!r.ok()) return std::move(r).error();
                    return Ok();
                  })
                  .ok());
}

TEST(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunAccord({}).exit_code, 2);
  EXPECT_EQ(RunAccord({"bogus"}).exit_code, 2);
  EXPECT_EQ(RunAccord({"ledger", "verify", "--no-such-flag"}).exit_code, 2);
  TempDir dir;
  auto plain = RunAccord(WithDir({"serve", "--listen", "0.0.0.0:0"}, dir));
  EXPECT_EQ(plain.exit_code, 2);
  EXPECT_NE(plain.err.find("plain HTTP is refused"), std::string::npos) << plain.err;
  auto listen = RunAccord(WithDir({"serve", "--listen", "nonsense"}, dir));
  EXPECT_EQ(listen.exit_code, 2);
  EXPECT_NE(listen.err.find("listen"), std::string::npos);
  auto profile = RunAccord(WithDir({"serve", "--profile", "/no/such.toml"}, dir));
  EXPECT_EQ(profile.exit_code, 1);
  EXPECT_NE(profile.err.find("bloomapi"), std::string::npos) << profile.err;
  auto empty =
      RunAccord(WithDir({"token", "create", "--user", "x@example.org", "--name", "x"}, dir));
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.err.find("accord serve"), std::string::npos) << empty.err;
}

TEST(CliTest, VerifyRebuildCheckpointProveAndPublicKey) {
  ApiServer server;
  server.Stop();
  auto verify = RunAccord(WithStore({"ledger", "verify"}, server));
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_NE(verify.out.find("ledger OK: size"), std::string::npos) << verify.out;

  auto rebuild = RunAccord(WithStore({"ledger", "rebuild", "--json"}, server));
  ASSERT_EQ(rebuild.exit_code, 0) << rebuild.err;
  json::value r = json::parse(rebuild.out);
  EXPECT_TRUE(r.at("identical").as_bool());
  EXPECT_EQ(r.at("digest_before"), r.at("digest_after"));

  auto key = RunAccord(WithStore({"ledger", "public-key"}, server));
  ASSERT_EQ(key.exit_code, 0) << key.err;
  EXPECT_TRUE(std::regex_search(key.out, std::regex("^accord/org_[0-9a-z]+\\+[0-9a-f]{8}\\+A")))
      << key.out;

  auto token = RunAccord(WithStore(
      {"token", "create", "--user", "auditor@luma.example", "--name", "ci", "--expires", "30d"},
      server));
  ASSERT_EQ(token.exit_code, 0) << token.err;
  auto cp = RunAccord(WithStore({"ledger", "checkpoint", "--json"}, server));
  ASSERT_EQ(cp.exit_code, 0) << cp.err;
  json::value checkpoint = json::parse(cp.out);
  EXPECT_TRUE(checkpoint.at("new").as_bool());
  uint64_t size = checkpoint.at("size").to_number<uint64_t>();

  auto prove = RunAccord(
      WithStore({"ledger", "prove", "--index", "1", "--size", std::to_string(size)}, server));
  ASSERT_EQ(prove.exit_code, 0) << prove.err;
  EXPECT_EQ(json::parse(prove.out).at("root_hash"), checkpoint.at("root_hash"));
  auto consistency = RunAccord(
      WithStore({"ledger", "prove", "--from", "2", "--to", std::to_string(size)}, server));
  EXPECT_EQ(consistency.exit_code, 0) << consistency.err;
  auto bad = RunAccord(WithStore({"ledger", "prove", "--index", "1"}, server));
  EXPECT_EQ(bad.exit_code, 2);
  auto beyond =
      RunAccord(WithStore({"ledger", "prove", "--index", "1", "--size", "99999"}, server));
  EXPECT_EQ(beyond.exit_code, 2);
  EXPECT_NE(beyond.err.find("size"), std::string::npos);

  auto bad_role = RunAccord(WithStore(
      {"token", "create", "--user", "officer@luma.example", "--name", "x", "--role", "root"},
      server));
  EXPECT_EQ(bad_role.exit_code, 2);
  EXPECT_NE(bad_role.err.find("role"), std::string::npos);
}

TEST(CliTest, VerifyNamesTheFirstTamperedEntryAndExitsOne) {
  ApiServer server;
  server.Stop();
  TamperWithLeaf(server.db_url(), 3);
  auto verify = RunAccord(WithStore({"ledger", "verify", "--json"}, server));
  EXPECT_EQ(verify.exit_code, 1) << verify.out << verify.err;
  json::value r = json::parse(verify.out);
  EXPECT_FALSE(r.at("ok").as_bool());
  EXPECT_EQ(r.at("first_bad_index").to_number<uint64_t>(), 3u);
}

TEST(CliTest, ServeCreatesAPrivateDataDirOnEitherBackend) {
  TempDir parent;
  const std::string db = TestDatabaseUrl(parent);
  const std::string dir = parent.str() + "/new/data";
  ServerProcess server({"serve", "--data-dir", dir, "--db", db, "--listen", "127.0.0.1:0"});
  ASSERT_TRUE(server.started()) << server.output();
  EXPECT_TRUE(std::filesystem::exists(dir + "/ledger.key"));
  auto perms = std::filesystem::status(dir).permissions();
  EXPECT_EQ(perms & std::filesystem::perms::all, std::filesystem::perms::owner_all);
  EXPECT_EQ(server.Signal(SIGTERM), 0);
}

TEST(CliTest, SignalsDrainAndExitZero) {
  for (int sig : {SIGTERM, SIGINT}) {
    ApiServer server;
    EXPECT_EQ(HttpCall(server.port(), "GET", "/healthz").status, 200);
    EXPECT_EQ(server.process().Signal(sig), 0);
    // The final checkpoint covers everything written.
    auto verify = RunAccord(WithStore({"ledger", "verify", "--json"}, server));
    EXPECT_EQ(verify.exit_code, 0) << verify.err;
  }
}

TEST(CliTest, CliAndServerAppendConcurrentlyWithoutForking) {
  ApiServer server;
  auto before = RunAccord(WithStore({"ledger", "checkpoint", "--json"}, server));
  ASSERT_EQ(before.exit_code, 0) << before.err;
  const int64_t seeded = json::parse(before.out).at("size").to_number<int64_t>();
  std::atomic<bool> stop{false};
  std::atomic<int> posted{0};
  const std::string note = server.OrgNote("concurrent");
  std::thread writer([&] {
    for (int i = 0; i < 2000 && !stop; ++i) {
      HttpResult r = server.Post("/api/v1/notes", note);
      if (r.status == 201) ++posted;
    }
  });
  std::vector<std::string> tokens;
  for (int i = 0; i < 8; ++i) {
    auto t = RunAccord(WithStore({"token", "create", "--user", "auditor@luma.example", "--name",
                                  "cli" + std::to_string(i), "--json"},
                                 server));
    ASSERT_EQ(t.exit_code, 0) << t.err;
    tokens.emplace_back(json::parse(t.out).at("token").as_string());
    auto cp = RunAccord(WithStore({"ledger", "checkpoint"}, server));
    EXPECT_EQ(cp.exit_code, 0) << cp.err;
  }
  stop = true;
  writer.join();
  EXPECT_GT(posted.load(), 0);
  // Tokens created by the CLI work against the running server at once.
  for (const auto& t : tokens) {
    HttpResult r = HttpCall(server.port(), "GET", "/api/v1/ledger/checkpoint", "",
                            {{"Authorization", "Bearer " + t}});
    EXPECT_EQ(r.status, 200) << r.body;
  }
  server.Stop();
  auto verify = RunAccord(WithStore({"ledger", "verify", "--json"}, server));
  ASSERT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  json::value report = json::parse(verify.out);
  // The demo's events + 8 CLI tokens + what the server acknowledged.
  EXPECT_EQ(report.at("size").to_number<int64_t>(), seeded + 8 + posted.load());
}

TEST(CliTest, HttpsWithTls12Minimum) {
  TempDir certs;
  std::string cert = certs.str() + "/cert.pem", key = certs.str() + "/key.pem";
  std::string cmd =
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
      "-keyout " +
      key + " -out " + cert + " -days 2 -subj /CN=localhost >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  TempDir dir;
  ServerProcess server({"serve", "--data-dir", dir.str(), "--listen", "127.0.0.1:0", "--tls-cert",
                        cert, "--tls-key", key});
  ASSERT_TRUE(server.started()) << server.output();
  EXPECT_NE(server.output().find("listening on https://"), std::string::npos);
  HttpResult r = HttpCall(server.port(), "GET", "/healthz", "", {}, true);
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(r.Header("Strict-Transport-Security").empty());
  // Plain HTTP to the TLS port gets no HTTP answer.
  EXPECT_EQ(HttpCall(server.port(), "GET", "/healthz").status, 0);
  auto missing =
      RunAccord({"serve", "--data-dir", dir.str(), "--listen", "127.0.0.1:0", "--tls-cert", cert});
  EXPECT_EQ(missing.exit_code, 2);
}

}  // namespace
}  // namespace accord::testing
