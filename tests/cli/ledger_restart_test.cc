// `accord ledger restart` after restoring a backup older than the checkpoint file: a
// recorded, signed restart under a new origin, never a silent reset (issue 22 item 2).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

#include "accord/ledger/note.h"
#include "support/api_server.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

uint64_t CheckpointFileSize(const std::filesystem::path& p) {
  const std::string note = ReadFile(p);
  const size_t eol = note.find('\n');
  return eol == std::string::npos ? 0 : std::stoull(note.substr(eol + 1));
}

TEST(LedgerRestartTest, RestoreOlderBackupThenRestartRecordsTheRefusedCheckpoint) {
  auto server = std::make_unique<ApiServer>();
  const std::string officer = server->token("security_officer");
  TempDir out;
  const std::string backup = out.str() + "/older.backup";
  const std::string dir = server->dir().str();
  ASSERT_EQ(
      RunAccord({"backup", "--data-dir", dir, "--db", server->db_url(), "--out", backup}).exit_code,
      0);
  // More events after the backup, until the checkpoint file has signed past them (bounded).
  const std::filesystem::path file = server->dir().path() / "checkpoint";
  ASSERT_EQ(server->Post("/api/v1/notes", server->OrgNote("after the backup")).status, 201);
  ASSERT_EQ(server->Post("/api/v1/notes", server->OrgNote("after the backup too")).status, 201);
  CommandResult size_now =
      RunAccord({"ledger", "verify", "--data-dir", dir, "--db", server->db_url(), "--json"});
  const uint64_t grown = json::parse(size_now.out).at("size").to_number<uint64_t>();
  for (int i = 0; i < 80 && CheckpointFileSize(file) < grown; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  ASSERT_GE(CheckpointFileSize(file), grown);
  // A monitor saw the longer history.
  CommandResult key =
      RunAccord({"ledger", "public-key", "--data-dir", dir, "--db", server->db_url()});
  ASSERT_EQ(key.exit_code, 0) << key.err;
  const std::string log_key = key.out.substr(0, key.out.find('\n'));
  const std::string seen = out.str() + "/monitor-state";
  auto monitor = [&](uint16_t port) {
    return RunAccord({"ledger", "monitor", "http://127.0.0.1:" + std::to_string(port), "--key",
                      log_key, "--state", seen, "--once", "--token", officer});
  };
  CommandResult first = monitor(server->port());
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  server->Stop();
  const std::string refused = ReadFile(file);

  const std::string db = "sqlite://" + out.str() + "/restored.db";
  CommandResult restored = RunAccord({"restore", "--in", backup, "--data-dir", dir, "--db", db});
  EXPECT_EQ(restored.exit_code, 1) << restored.err;
  CommandResult refused_serve =
      RunAccord({"serve", "--data-dir", dir, "--db", db, "--listen", "127.0.0.1:0"});
  EXPECT_EQ(refused_serve.exit_code, 1) << refused_serve.err;
  EXPECT_NE(refused_serve.err.find("accord ledger restart"), std::string::npos)
      << refused_serve.err;

  // No reason, no restart; nothing is written.
  CommandResult no_reason =
      RunAccord({"ledger", "restart", "--data-dir", dir, "--db", db, "--reason", " "});
  EXPECT_NE(no_reason.exit_code, 0);
  EXPECT_EQ(ReadFile(file), refused);

  CommandResult restart = RunAccord({"ledger", "restart", "--data-dir", dir, "--db", db, "--reason",
                                     "disk lost; restored last night's backup", "--json"});
  ASSERT_EQ(restart.exit_code, 0) << restart.out << restart.err;
  json::value r = json::parse(restart.out);
  const uint64_t n = r.at("restored_size").to_number<uint64_t>();
  EXPECT_LT(n, grown);
  EXPECT_EQ(r.at("refused_size").to_number<uint64_t>(),
            CheckpointFileSize(std::string(r.at("kept_file").as_string())));
  const std::string origin(r.at("origin").as_string());
  EXPECT_EQ(origin, std::string(r.at("previous_origin").as_string()) + "/restart-1");
  EXPECT_EQ(ReadFile(std::string(r.at("kept_file").as_string())), refused);
  EXPECT_EQ(ReadFile(file), std::string(r.at("checkpoint").as_string()));
  EXPECT_EQ(ReadFile(file).substr(0, origin.size() + 1), origin + "\n");

  // A second restart finds nothing to restart.
  CommandResult again =
      RunAccord({"ledger", "restart", "--data-dir", dir, "--db", db, "--reason", "once more"});
  EXPECT_EQ(again.exit_code, 2) << again.err;

  CommandResult verify = RunAccord({"ledger", "verify", "--data-dir", dir, "--db", db, "--json"});
  ASSERT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  EXPECT_TRUE(json::parse(verify.out).at("ok").as_bool());

  // The origin comes from the event: replaying the ledger gives the same read models.
  CommandResult rebuild = RunAccord({"ledger", "rebuild", "--data-dir", dir, "--db", db, "--json"});
  ASSERT_EQ(rebuild.exit_code, 0) << rebuild.out << rebuild.err;
  EXPECT_TRUE(json::parse(rebuild.out).at("identical").as_bool());

  ServerProcess serve({"serve", "--data-dir", dir, "--db", db, "--listen", "127.0.0.1:0"});
  ASSERT_TRUE(serve.started());
  HttpResult entry = HttpCall(serve.port(), "GET", "/api/v1/ledger/entries/" + std::to_string(n),
                              "", {{"Authorization", "Bearer " + officer}});
  ASSERT_EQ(entry.status, 200) << entry.body;
  json::value e = json::parse(entry.body).at("event");
  EXPECT_EQ(e.at("type"), "ledger.restarted");
  const json::object& p = e.at("payload").as_object();
  EXPECT_EQ(std::string(p.at("refused_checkpoint").as_string()), refused);
  EXPECT_EQ(p.at("restored_size").to_number<uint64_t>(), n);
  EXPECT_EQ(std::string(p.at("origin").as_string()), origin);
  EXPECT_EQ(p.at("reason"), "disk lost; restored last night's backup");
  HttpResult published = HttpCall(serve.port(), "GET", "/.well-known/accord/checkpoint");
  ASSERT_EQ(published.status, 200);
  EXPECT_EQ(published.body.substr(0, origin.size() + 1), origin + "\n");

  // The monitor that saw the longer history reports the recorded restart in words, then
  // follows the new origin.
  CommandResult restarted = monitor(serve.port());
  EXPECT_EQ(restarted.exit_code, 0) << restarted.out << restarted.err;
  EXPECT_NE(restarted.out.find("RESTARTED"), std::string::npos) << restarted.out;
  EXPECT_NE(restarted.out.find("at size " + std::to_string(n)), std::string::npos) << restarted.out;
  EXPECT_NE(restarted.out.find("restored last night's backup"), std::string::npos) << restarted.out;
  CommandResult following = monitor(serve.port());
  EXPECT_EQ(following.exit_code, 0) << following.out << following.err;
  EXPECT_NE(following.out.find("consistent with size"), std::string::npos) << following.out;

  // The same key under the new origin's name: what witnesses and monitors are given.
  auto renamed = ledger::Verifier::Parse(std::string(r.at("verifier_key").as_string()));
  ASSERT_TRUE(renamed.ok());
  EXPECT_EQ(renamed->name(), origin);
}

}  // namespace
}  // namespace accord::testing
