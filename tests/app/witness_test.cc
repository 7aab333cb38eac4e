// Witnesses as they run: real `accord witness` processes on loopback beside a real server,
// one up, one down, one that hangs and one that has seen a fork; then the rewrite attack of
// issue 22 (change entry 200, recompute every hash and the head, delete every checkpoint)
// against verify, a witness and the server itself.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "accord/app/witness.h"
#include "accord/ledger/cosignature.h"
#include "accord/ledger/merkle.h"
#include "accord/ledger/witness.h"
#include "accord/storage/ledger_node_key.h"
#include "accord/storage/ledger_tables.h"
#include "accord/storage/store.h"
#include "support/api_server.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace accord::testing {
namespace {

constexpr const char* kOrigin = "example.test/accord-log";

// A loopback socket that accepts connections (in the kernel's backlog) and never answers.
class SilentSocket {
 public:
  SilentSocket() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    EXPECT_EQ(::listen(fd_, 16), 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
  }
  ~SilentSocket() { ::close(fd_); }
  uint16_t port() const { return port_; }

 private:
  int fd_ = -1;
  uint16_t port_ = 0;
};

// A port nothing listens on (bound, read, closed).
uint16_t ClosedPort() {
  SilentSocket s;
  return s.port();
}

void WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
  std::filesystem::permissions(
      path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string WitnessKey(const std::filesystem::path& key_file, const std::string& name) {
  CommandResult r =
      RunAccord({"witness", "--key", key_file.string(), "--name", name, "--print-key"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string key = r.out;
  while (!key.empty() && key.back() == '\n') key.pop_back();
  return key;
}

class WitnessFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    auto signer = ledger::LoadOrCreateSigner(keys_.path() / "ledger.key", kOrigin);
    ASSERT_TRUE(signer.ok());
    log_key_ = signer->VerifierKey();
  }

  std::unique_ptr<ServerProcess> StartWitness(const std::string& name) {
    const auto dir = keys_.path() / name;
    std::filesystem::create_directories(dir);
    keys_of_[name] = WitnessKey(dir / "witness.key", name);
    auto w = std::make_unique<ServerProcess>(std::vector<std::string>{
        "witness", "--key", (dir / "witness.key").string(), "--state", (dir / "state").string(),
        "--listen", "127.0.0.1:0", "--log-key", log_key_});
    EXPECT_TRUE(w->started()) << w->output();
    return w;
  }

  std::string WitnessTable(const std::string& name, uint16_t port, int timeout_ms = 2000) {
    return "[witnesses." + name + "]\nurl = \"http://127.0.0.1:" + std::to_string(port) +
           "\"\nkey = \"" + keys_of_.at(name) + "\"\ntimeout_ms = " + std::to_string(timeout_ms) +
           "\n";
  }

  std::vector<std::string> ServerArgs(const std::string& config) {
    WriteFile(keys_.path() / "accord.toml", config);
    return {"--origin",      kOrigin,
            "--signing-key", (keys_.path() / "ledger.key").string(),
            "--config",      (keys_.path() / "accord.toml").string()};
  }

  // Polls the published checkpoint (bounded) until `witness` has cosigned one of at least
  // `min_size` entries; returns it ("" on time-out).
  std::string WaitForCosignature(ApiServer& server, const std::string& witness,
                                 uint64_t min_size = 0) {
    for (int i = 0; i < 120; ++i) {
      HttpResult r = HttpCall(server.port(), "GET", "/.well-known/accord/checkpoint");
      if (r.status == 200 &&
          ledger::VerifyCosignature(r.body, witness, keys_of_.at(witness)).ok()) {
        auto size = std::stoull(r.body.substr(r.body.find('\n') + 1));
        if (size >= min_size) return r.body;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    return "";
  }

  TempDir keys_;
  std::string log_key_;
  std::map<std::string, std::string> keys_of_;
};

TEST_F(WitnessFixture, CosignedByTheLiveWitnessDespiteOneDownOneHangingAndOneForked) {
  auto up = StartWitness("up");
  auto forked = StartWitness("forked");
  keys_of_["down"] = WitnessKey(keys_.path() / "down.key", "down");
  keys_of_["hang"] = WitnessKey(keys_.path() / "hang.key", "hang");
  SilentSocket hang;
  // The forked witness has cosigned another history of this log at size 3.
  ASSERT_EQ(forked->Signal(SIGTERM), 0);
  WriteFile(
      keys_.path() / "forked" / "state",
      "3 " + Base64Encode(ledger::LeafHash(AsBytes(std::string("fork")))) + " " + kOrigin + "\n");
  forked = StartWitness("forked");

  ApiServer server(ServerArgs(WitnessTable("up", up->port()) + WitnessTable("down", ClosedPort()) +
                              WitnessTable("hang", hang.port(), 300) +
                              WitnessTable("forked", forked->port())));
  const std::string first = WaitForCosignature(server, "up");
  ASSERT_FALSE(first.empty());
  auto log = ledger::Verifier::Parse(log_key_);
  ASSERT_TRUE(log.ok());
  EXPECT_TRUE(ledger::OpenNote(first, {*log}).ok());
  for (const char* absent : {"down", "hang", "forked"}) {
    EXPECT_FALSE(ledger::VerifyCosignature(first, absent, keys_of_.at(absent)).ok()) << absent;
  }

  // Writes go on while a witness hangs, and the next checkpoint is cosigned from the last
  // one with a consistency proof.
  const uint64_t before = std::stoull(first.substr(first.find('\n') + 1));
  ASSERT_EQ(server.Post("/api/v1/notes", server.OrgNote("witnessed")).status, 201);
  const std::string second = WaitForCosignature(server, "up", before + 1);
  ASSERT_FALSE(second.empty());

  auto state = app::ReadWitnessState(keys_.path() / "up" / "state");
  ASSERT_TRUE(state.ok()) << state.error().ToString();
  EXPECT_GE(state->at(kOrigin).size, before + 1);
  struct stat st {};
  ASSERT_EQ(::stat((keys_.path() / "up" / "state").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // The forked witness kept its own history and cosigned nothing.
  auto forked_state = app::ReadWitnessState(keys_.path() / "forked" / "state");
  ASSERT_TRUE(forked_state.ok());
  EXPECT_EQ(forked_state->at(kOrigin).size, 3u);
}

// Rewrites entry `index` as an attacker with the database but not the key would: the leaf,
// its hash, every tree node and the head, and deletes every stored checkpoint.
void RewriteHistory(const std::string& db_url, int64_t index) {
  auto store = storage::OpenStore({db_url});
  ASSERT_TRUE(store.ok());
  Status s = (*store)->Write([&](storage::Tx& tx) -> Status {
    auto leaf = storage::ReadLeaf(tx, static_cast<uint64_t>(index));
    if (!leaf.ok()) return std::move(leaf).error();
    std::string text = leaf->leaf;
    const size_t z = text.find("Z\"");
    if (z == std::string::npos || z == 0) return Internal("no time in the entry");
    text[z - 1] = text[z - 1] == '1' ? '2' : '1';  // another millisecond: still canonical
    const Hash forged = ledger::LeafHash(AsBytes(text));
    ACCORD_TRY(tx.Exec("UPDATE ledger_leaves SET leaf = ?, leaf_hash = ? WHERE idx = ?",
                       {storage::BlobOf(AsBytes(text)), storage::BlobOf(forged), index}));
    ACCORD_TRY(tx.Exec("DELETE FROM ledger_nodes", {}));
    ACCORD_TRY(tx.Exec("DELETE FROM ledger_checkpoints", {}));
    auto head = storage::ReadHead(tx);
    if (!head.ok()) return std::move(head).error();
    storage::LedgerHead rebuilt;
    for (uint64_t i = 0; i < head->size(); ++i) {
      auto h = storage::ReadNode(tx, 0, i);
      if (!h.ok()) return std::move(h).error();
      Status node = Ok();
      rebuilt.frontier.Append(*h, [&](int level, uint64_t at, const Hash& hash) {
        auto r = tx.Exec("INSERT INTO ledger_nodes(pos, level, idx, hash) VALUES (?, ?, ?, ?)",
                         {storage::NodePos(level, at), int64_t{level}, static_cast<int64_t>(at),
                          storage::BlobOf(hash)});
        if (!r.ok() && node.ok()) node = std::move(r).error();
      });
      ACCORD_TRY(node);
    }
    return storage::WriteHead(tx, rebuilt);
  });
  ASSERT_TRUE(s.ok()) << s.error().ToString();
}

TEST_F(WitnessFixture, TheRewriteAttackIsCaughtByVerifyAWitnessAndTheServer) {
  auto witness = StartWitness("w");
  auto server = std::make_unique<ApiServer>(ServerArgs(WitnessTable("w", witness->port())));
  ASSERT_GT(server->LedgerSize(), 200u);
  const std::string cosigned = WaitForCosignature(*server, "w");
  ASSERT_FALSE(cosigned.empty());
  const auto trusted = keys_.path() / "trusted-checkpoint";
  WriteFile(trusted, cosigned);
  const std::string dir = server->dir().str();
  const std::string db = server->db_url();
  std::vector<std::string> store = {"--data-dir", dir, "--db", db};
  auto verify = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"ledger", "verify"};
    args.insert(args.end(), store.begin(), store.end());
    args.insert(args.end(), extra.begin(), extra.end());
    return RunAccord(args);
  };
  const std::vector<std::string> with_trusted = {
      "--trusted-checkpoint", trusted.string(), "--key", log_key_,
      "--witness-key",        keys_of_.at("w")};
  server->Stop();
  CommandResult intact = verify(with_trusted);
  EXPECT_EQ(intact.exit_code, 0) << intact.out << intact.err;
  EXPECT_NE(intact.out.find("consistent with the trusted checkpoint"), std::string::npos);

  RewriteHistory(db, 200);

  CommandResult plain = verify({});
  EXPECT_EQ(plain.exit_code, 1) << plain.out << plain.err;
  EXPECT_NE(plain.out.find("no signed checkpoint"), std::string::npos) << plain.out;
  CommandResult checked = verify(with_trusted);
  EXPECT_EQ(checked.exit_code, 1) << checked.out << checked.err;
  EXPECT_NE(checked.out.find("trusted checkpoint"), std::string::npos) << checked.out;

  // A witness refuses it, even signed with the log's own key.
  auto state = app::ReadWitnessState(keys_.path() / "w" / "state");
  ASSERT_TRUE(state.ok());
  const ledger::WitnessedTree seen = state->at(kOrigin);
  auto signer = ledger::LoadOrCreateSigner(keys_.path() / "ledger.key", kOrigin);
  ASSERT_TRUE(signer.ok());
  auto forged_store = storage::OpenStore({db});
  ASSERT_TRUE(forged_store.ok());
  std::string body;
  ASSERT_TRUE((*forged_store)
                  ->Read([&](storage::Tx& tx) -> Status {
                    auto head = storage::ReadHead(tx);
                    if (!head.ok()) return std::move(head).error();
                    std::vector<Hash> proof;
                    if (seen.size < head->size()) {
                      auto p = ledger::ConsistencyProof(seen.size, head->size(),
                                                        storage::NodeSourceFor(tx));
                      if (!p.ok()) return std::move(p).error();
                      proof = *p;
                    }
                    body = ledger::FormatAddCheckpoint(
                        seen.size, proof,
                        signer->Sign(ledger::FormatCheckpoint(
                            {kOrigin, head->size(), head->frontier.Root()})));
                    return Ok();
                  })
                  .ok());
  forged_store->reset();
  HttpResult refused = HttpCall(witness->port(), "POST", "/add-checkpoint", body);
  EXPECT_TRUE(refused.status == 409 || refused.status == 422) << refused.status << refused.body;
  auto after = app::ReadWitnessState(keys_.path() / "w" / "state");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->at(kOrigin), seen);

  // The server refuses to start over it, saying why.
  std::vector<std::string> serve = {"serve", "--demo", "--listen", "127.0.0.1:0"};
  serve.insert(serve.end(), store.begin(), store.end());
  for (const std::string& a : ServerArgs(WitnessTable("w", witness->port()))) serve.push_back(a);
  CommandResult start = RunAccord(serve);
  EXPECT_EQ(start.exit_code, 1) << start.out << start.err;
  EXPECT_NE(start.err.find("not an append-only extension"), std::string::npos) << start.err;
}

}  // namespace
}  // namespace accord::testing
