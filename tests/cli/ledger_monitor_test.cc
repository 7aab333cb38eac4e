// `accord ledger monitor` against a real server, and `accord restore` of a backup older than
// the checkpoint its data directory's server already signed (issue 22 item 2).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "accord/core/bytes.h"
#include "accord/ledger/merkle.h"
#include "accord/ledger/note.h"
#include "support/api_server.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace accord::testing {
namespace {

std::string LogKey(const ApiServer& server) {
  CommandResult r = RunAccord(
      {"ledger", "public-key", "--data-dir", server.dir().str(), "--db", server.db_url()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string key = r.out;
  while (!key.empty() && key.back() == '\n') key.pop_back();
  return key;
}

uint64_t PublishedSize(ApiServer& server) {
  HttpResult r = HttpCall(server.port(), "GET", "/.well-known/accord/checkpoint");
  if (r.status != 200) return 0;
  return std::stoull(r.body.substr(r.body.find('\n') + 1));
}

// Bounded: the checkpoint thread signs within about a second of a write.
uint64_t WaitForPublishedSize(ApiServer& server, uint64_t at_least) {
  for (int i = 0; i < 80; ++i) {
    const uint64_t size = PublishedSize(server);
    if (size >= at_least) return size;
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  return 0;
}

TEST(LedgerMonitorTest, FollowsThePublishedCheckpointAndReportsAFork) {
  ApiServer server;
  const std::string key = LogKey(server);
  const std::string url = "http://127.0.0.1:" + std::to_string(server.port());
  TempDir dir;
  const std::string state = dir.str() + "/seen";
  auto monitor = [&]() {
    return RunAccord({"ledger", "monitor", url, "--key", key, "--state", state, "--once", "--token",
                      server.token("security_officer")});
  };
  const uint64_t first = WaitForPublishedSize(server, 1);
  ASSERT_GT(first, 0u);
  CommandResult seen = monitor();
  ASSERT_EQ(seen.exit_code, 0) << seen.out << seen.err;
  EXPECT_NE(seen.out.find("first seen"), std::string::npos) << seen.out;

  ASSERT_EQ(server.Post("/api/v1/notes", server.OrgNote("monitored")).status, 201);
  ASSERT_GT(WaitForPublishedSize(server, first + 1), first);
  CommandResult grown = monitor();
  ASSERT_EQ(grown.exit_code, 0) << grown.out << grown.err;
  EXPECT_NE(grown.out.find("consistent with size"), std::string::npos) << grown.out;

  // What the monitor saw before was another history of this log (signed with its key):
  // the published checkpoint does not extend it.
  auto signer = ledger::LoadOrCreateSigner(server.dir().path() / "ledger.key", "unused");
  ASSERT_TRUE(signer.ok());
  const std::string origin = signer->name();
  const Hash other = ledger::LeafHash(AsBytes(std::string("another history")));
  std::ofstream(state, std::ios::trunc)
      << signer->Sign(ledger::FormatCheckpoint({origin, first, other}));
  CommandResult forked = monitor();
  EXPECT_EQ(forked.exit_code, 1) << forked.out << forked.err;
  EXPECT_NE(forked.out.find("INCONSISTENT"), std::string::npos) << forked.out;
}

TEST(RestoreOlderBackupTest, RestoreAndServeSayTheCheckpointFileRefusesIt) {
  auto server = std::make_unique<ApiServer>();
  TempDir out;
  const std::string backup = out.str() + "/older.backup";
  const std::string dir = server->dir().str();
  CommandResult b =
      RunAccord({"backup", "--data-dir", dir, "--db", server->db_url(), "--out", backup});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  const uint64_t before = WaitForPublishedSize(*server, 1);
  ASSERT_EQ(server->Post("/api/v1/notes", server->OrgNote("after the backup")).status, 201);
  ASSERT_GT(WaitForPublishedSize(*server, before + 1), before);
  server->Stop();

  // The same data directory (its checkpoint file), a new empty database.
  const std::string fresh = "sqlite://" + out.str() + "/restored.db";
  CommandResult r = RunAccord({"restore", "--in", backup, "--data-dir", dir, "--db", fresh});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("will refuse to start"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("older backup"), std::string::npos) << r.err;
  CommandResult serve =
      RunAccord({"serve", "--data-dir", dir, "--db", fresh, "--listen", "127.0.0.1:0"});
  EXPECT_EQ(serve.exit_code, 1) << serve.err;
  EXPECT_NE(serve.err.find("already signed a checkpoint"), std::string::npos) << serve.err;
}

}  // namespace
}  // namespace accord::testing
