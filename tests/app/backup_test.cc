// Backup while serving, restore into an empty store of either backend, and the checks
// that keep a bad or partial backup from producing a half-restored store.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "accord/storage/store.h"
#include "support/api_server.h"
#include "support/test_db.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

json::value RunJson(const std::vector<std::string>& args, int expected_exit = 0) {
  auto r = RunAccord(args);
  EXPECT_EQ(r.exit_code, expected_exit) << r.out << r.err;
  json::error_code ec;
  auto v = json::parse(r.out, ec);
  return ec ? json::value(nullptr) : v;
}

std::vector<std::string> Store(std::vector<std::string> args, const std::string& dir,
                               const std::string& db) {
  args.insert(args.end(), {"--data-dir", dir, "--db", db, "--json"});
  return args;
}

struct Source {
  std::unique_ptr<ApiServer> server;
  std::string backup;
  json::value verify;
  std::string digest;
};

// A served store with extra writes, backed up while clients keep writing.
Source MakeBackup(const TempDir& out_dir) {
  Source s;
  s.server = std::make_unique<ApiServer>();
  ApiServer& server = *s.server;
  std::atomic<bool> stop{false};
  const std::string note = server.OrgNote("during backup");
  std::thread writer([&] {
    for (int i = 0; i < 400 && !stop; ++i) {
      server.Post("/api/v1/notes", note);
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  s.backup = out_dir.str() + "/accord.backup";
  json::value b =
      RunJson(Store({"backup", "--out", s.backup}, server.dir().str(), server.db_url()));
  stop = true;
  writer.join();
  EXPECT_GT(b.at("leaves").to_number<int64_t>(), 10);
  server.Stop();
  return s;
}

// The Secure Message key file of a data directory, which seals its backups' secrets.
std::string KeyFile(const std::string& dir) { return dir + "/message.keys"; }

// As an operator restores: the key file first (it is not in the backup), owner-only.
void PlaceKeyFile(const std::string& key_file, const TempDir& dir) {
  namespace fs = std::filesystem;
  if (fs::path(key_file) == fs::path(KeyFile(dir.str()))) return;
  fs::copy_file(key_file, KeyFile(dir.str()), fs::copy_options::overwrite_existing);
  fs::permissions(KeyFile(dir.str()), fs::perms::owner_read | fs::perms::owner_write);
}

// The backup's lines read back, and written again with their end marker recomputed, so an
// edit passes the truncation check and reaches the checks behind it.
std::vector<std::string> Lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}
void WriteConsistent(const std::string& path, std::vector<std::string> lines) {
  lines.pop_back();
  Sha256Hasher hasher;
  for (const auto& line : lines) hasher.Update(line + "\n");
  lines.push_back(json::serialize(json::object{
      {"end", json::object{{"lines", lines.size()}, {"sha256", HexEncode(hasher.Final())}}}}));
  std::ofstream f(path);
  for (const auto& l : lines) f << l << "\n";
}

void ExpectRestoresInto(const std::string& backup, const std::string& db, const TempDir& dir,
                        const std::string& key_file) {
  PlaceKeyFile(key_file, dir);
  json::value restored = RunJson(Store({"restore", "--in", backup}, dir.str(), db));
  ASSERT_TRUE(restored.is_object());
  json::value verify = RunJson(Store({"ledger", "verify"}, dir.str(), db));
  ASSERT_TRUE(verify.is_object());
  EXPECT_TRUE(verify.at("ok").as_bool());
  EXPECT_EQ(verify.at("root_hash"), restored.at("root_hash"));
  EXPECT_GE(verify.at("checkpoints").to_number<int64_t>(), 1);
}

TEST(BackupTest, OnlineBackupRestoresWithTheSameRootCheckpointsAndReadModels) {
  TempDir out;
  Source src = MakeBackup(out);
  TempDir target;
  const std::string db = TestDatabaseUrl(target);
  ExpectRestoresInto(src.backup, db, target, KeyFile(src.server->dir().str()));
  // The backup's header names the size and root; the restored ledger has exactly those.
  std::ifstream in(src.backup);
  std::string header;
  std::getline(in, header);
  json::value h = json::parse(header);
  json::value verify = RunJson(Store({"ledger", "verify"}, target.str(), db));
  EXPECT_EQ(verify.at("size"), h.at("ledger_size"));
  EXPECT_EQ(verify.at("root_hash"), h.at("root_hash"));
  // Read models rebuilt on restore equal a rebuild from the same ledger.
  json::value rebuild = RunJson(Store({"ledger", "rebuild"}, target.str(), db));
  EXPECT_TRUE(rebuild.at("identical").as_bool());
  // Tokens survive: the restored server accepts the old security officer token.
  ServerProcess restored(
      {"serve", "--data-dir", target.str(), "--db", db, "--listen", "127.0.0.1:0"});
  ASSERT_TRUE(restored.started());
  HttpResult r = HttpCall(restored.port(), "GET", "/api/v1/ledger/checkpoint", "",
                          {{"Authorization", "Bearer " + src.server->token("security_officer")}});
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST(BackupTest, SqliteAndPostgresRestoreIntoEachOther) {
  ASSERT_TRUE(PostgresServerUrl().has_value()) << "make test starts the PostgreSQL server";
  TempDir out;
  Source src = MakeBackup(out);
  // Whatever the source backend, restore into the other one and back again.
  TempDir pg_dir;
  const std::string pg = NewPostgresDatabase();
  ExpectRestoresInto(src.backup, pg, pg_dir, KeyFile(src.server->dir().str()));
  const std::string again = out.str() + "/again.backup";
  RunJson(Store({"backup", "--out", again}, pg_dir.str(), pg));
  TempDir sqlite_dir;
  ExpectRestoresInto(again, "sqlite://" + sqlite_dir.str() + "/accord.db", sqlite_dir,
                     KeyFile(pg_dir.str()));
  json::value a = RunJson(Store({"ledger", "digest"}, pg_dir.str(), pg));
  json::value b = RunJson(
      Store({"ledger", "digest"}, sqlite_dir.str(), "sqlite://" + sqlite_dir.str() + "/accord.db"));
  EXPECT_EQ(a.at("digest"), b.at("digest"));
}

TEST(BackupTest, RestoreRefusesANonEmptyStoreAndDamagedBackups) {
  TempDir out;
  Source src = MakeBackup(out);
  // Into the source itself: not empty.
  auto refused = RunAccord(
      Store({"restore", "--in", src.backup}, src.server->dir().str(), src.server->db_url()));
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
  EXPECT_NE(refused.err.find("not empty"), std::string::npos) << refused.err;

  std::ifstream in(src.backup);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_GT(lines.size(), 5u);
  auto write = [&](const std::string& path, const std::vector<std::string>& content) {
    std::ofstream f(path);
    for (const auto& l : content) f << l << "\n";
  };
  std::vector<std::string> truncated(lines.begin(), lines.end() - 3);
  std::vector<std::string> edited = lines;
  edited[3].replace(edited[3].find("\"leaf\":\"") + 8, 4, "AAAA");
  for (const auto& [name, content, reason] :
       {std::tuple{"truncated", truncated, std::string("truncated")},
        std::tuple{"edited", edited, std::string("line")}}) {
    TempDir target;
    const std::string db = TestDatabaseUrl(target);
    std::string path = out.str() + "/" + name;
    write(path, content);
    PlaceKeyFile(KeyFile(src.server->dir().str()), target);
    auto r = RunAccord(Store({"restore", "--in", path}, target.str(), db));
    EXPECT_NE(r.exit_code, 0) << name;
    EXPECT_NE(r.err.find(reason), std::string::npos) << name << ": " << r.err;
    // Nothing half-restored: the store is still empty, so a good restore still works.
    ExpectRestoresInto(src.backup, db, target, KeyFile(src.server->dir().str()));
  }
  auto missing = RunAccord({"restore", "--in", "/no/such/file", "--data-dir", out.str()});
  EXPECT_EQ(missing.exit_code, 2);
}

// The backup seals its secrets (TOTP seeds, forge webhook secrets, queued emails' bodies) with
// a key wrapped by the Secure Message key file, which it does not hold: none of them is in the
// file in clear, and without that key file a restore is refused and writes nothing.
TEST(BackupTest, SecretsAreSealedAndARestoreWithoutTheirKeyWritesNothing) {
  TempDir out;
  Source src = MakeBackup(out);
  std::ifstream in(src.backup);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // What the source holds in clear: every queued email's body and every secret.
  std::vector<std::string> secrets;
  auto store = storage::OpenStore({src.server->db_url()});
  ASSERT_TRUE(store.ok()) << store.error().message;
  ASSERT_TRUE((*store)
                  ->Read([&](storage::Tx& tx) -> Status {
                    for (const char* sql :
                         {"SELECT body FROM outbox WHERE length(body) > 20",
                          "SELECT list_unsubscribe FROM outbox WHERE length(list_unsubscribe) > 20",
                          "SELECT secret FROM forge_hook_secrets",
                          "SELECT totp_secret FROM user_secrets WHERE totp_secret IS NOT NULL"}) {
                      auto rows = tx.Query(sql, {});
                      if (!rows.ok()) return std::move(rows).error();
                      for (const auto& r : *rows) {
                        const auto& v = r.at(0);
                        if (const auto* t = std::get_if<std::string>(&v)) secrets.push_back(*t);
                        if (const auto* b = std::get_if<storage::Blob>(&v)) {
                          secrets.push_back(Base64Encode(b->bytes));
                        }
                      }
                    }
                    return ::accord::Ok();
                  })
                  .ok());
  ASSERT_FALSE(secrets.empty()) << "the demo queues emails: something to look for";
  for (const auto& secret : secrets) {
    std::string quoted = json::serialize(json::value(secret));
    EXPECT_EQ(text.find(quoted.substr(1, quoted.size() - 2)), std::string::npos)
        << "in clear in the backup: " << secret.substr(0, 60);
  }

  TempDir target;
  const std::string db = TestDatabaseUrl(target);
  auto refused = RunAccord(Store({"restore", "--in", src.backup}, target.str(), db));
  EXPECT_EQ(refused.exit_code, 2) << refused.out << refused.err;
  EXPECT_NE(refused.err.find("master key"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("message.keys"), std::string::npos) << refused.err;
  // A key file named on the command line must exist: a typo is not "no key".
  auto named = RunAccord(
      Store({"restore", "--in", src.backup, "--message-key-file", out.str() + "/no-such.keys"},
            target.str(), db));
  EXPECT_EQ(named.exit_code, 2) << named.out << named.err;
  EXPECT_NE(named.err.find("no-such.keys"), std::string::npos) << named.err;
  // A secret put back in clear by hand, with the end marker made to match: refused, even
  // with the key, and nothing written.
  std::vector<std::string> lines = Lines(src.backup);
  bool planted = false;
  for (auto& line : lines) {
    if (planted || line.find("\"table\":\"outbox\"") == std::string::npos) continue;
    json::value v = json::parse(line);
    json::array& values = v.at("row").at("values").as_array();
    if (!values.at(6).is_object()) continue;  // body: sealed when not null
    values.at(6) = "a body written in clear";
    line = json::serialize(v);
    planted = true;
  }
  ASSERT_TRUE(planted);
  const std::string clear = out.str() + "/clear.backup";
  WriteConsistent(clear, lines);
  PlaceKeyFile(KeyFile(src.server->dir().str()), target);
  auto in_clear = RunAccord(Store({"restore", "--in", clear}, target.str(), db));
  EXPECT_EQ(in_clear.exit_code, 2) << in_clear.out << in_clear.err;
  EXPECT_NE(in_clear.err.find("in clear"), std::string::npos) << in_clear.err;
  // Nothing written: with the key file in place the same store takes the backup.
  ExpectRestoresInto(src.backup, db, target, KeyFile(src.server->dir().str()));
}

TEST(BackupTest, ABackupWithAForgedCheckpointRestoresNothing) {
  TempDir out;
  Source src = MakeBackup(out);
  std::vector<std::string> lines = Lines(src.backup);
  // Forge one checkpoint's signature and rewrite the end marker so the file is consistent.
  bool forged = false;
  for (auto& line : lines) {
    if (forged || line.find("\"checkpoint\"") == std::string::npos) continue;
    json::value v = json::parse(line);
    std::string note(v.at("checkpoint").at("note").as_string());
    note.replace(note.size() - 10, 4, note.substr(note.size() - 10, 4) == "AAAA" ? "BBBB" : "AAAA");
    v.at("checkpoint").as_object()["note"] = note;
    line = json::serialize(v);
    forged = true;
  }
  ASSERT_TRUE(forged);
  const std::string path = out.str() + "/forged.backup";
  WriteConsistent(path, lines);
  TempDir target;
  const std::string db = TestDatabaseUrl(target);
  PlaceKeyFile(KeyFile(src.server->dir().str()), target);
  auto r = RunAccord(Store({"restore", "--in", path}, target.str(), db));
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("does not verify"), std::string::npos) << r.err;
  // Rolled back: the same store still takes the genuine backup.
  ExpectRestoresInto(src.backup, db, target, KeyFile(src.server->dir().str()));
}

}  // namespace
}  // namespace accord::testing
