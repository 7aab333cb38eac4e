// The disk fills under write load: the data directory is a small tmpfs in a private mount
// namespace (unshare -m, as root), filled from outside by a ballast file while writers run.
// Writes answer 503 and never a 2xx for an event that was not written; reads keep being
// served; writes succeed again once the ballast is removed; the ledger verifies.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "support/api_server.h"
#include "support/build_paths.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/temp_dir.h"
#include "support/test_db.h"

namespace accord::testing {
namespace {

namespace json = boost::json;
using std::chrono::steady_clock;

constexpr const char* kUnshare = "/usr/bin/unshare";
constexpr const char* kNsenter = "/usr/bin/nsenter";

std::string ReadToken(const std::string& output) {
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line)) {
    auto pos = line.find("security_officer: ");
    if (pos != std::string::npos) return line.substr(pos + 18);
  }
  return "";
}

// Why this host cannot run the test, or "" when it can: it needs root and mount namespaces.
std::string WhyNotPermitted(const std::string& dir) {
  if (geteuid() != 0) return "needs root (CI runs the tests as root)";
  if (access(kUnshare, X_OK) != 0 || access(kNsenter, X_OK) != 0) {
    return "needs unshare(1) and nsenter(1) (util-linux)";
  }
  CommandResult probe = RunProgram({kUnshare, "-m", "--propagation", "private", "/bin/sh", "-c",
                                    "mount -t tmpfs -o size=1m accord-probe \"$0\"", dir});
  if (probe.exit_code != 0) {
    return "this host does not allow a tmpfs in a private mount namespace: " + probe.err;
  }
  return "";
}

// Starts `accord args` in a private mount namespace with a 48 MiB tmpfs mounted at `data`,
// through a launcher script that ServerProcess runs as the accord binary. The launcher execs
// unshare, which execs the server: ServerProcess's pid is the server's.
std::unique_ptr<ServerProcess> StartInTmpfs(const std::string& dir, const std::string& data,
                                            std::vector<std::string> args) {
  const std::string launcher = dir + "/accord-on-tmpfs";
  {
    std::ofstream out(launcher);
    out << "#!/bin/sh\nexec " << kUnshare
        << " -m --propagation private /bin/sh -c 'mount -t tmpfs -o size=48m,mode=0700 "
           "accord-disk-full \"$0\" && exec \"$@\"' \""
        << data << "\" \"" << AccordBinary() << "\" \"$@\"\n";
  }
  std::filesystem::permissions(launcher, std::filesystem::perms::owner_all);
  const char* previous = std::getenv("ACCORD_TEST_BINARY");
  const std::string saved = previous ? previous : "";
  setenv("ACCORD_TEST_BINARY", launcher.c_str(), 1);
  auto server = std::make_unique<ServerProcess>(std::move(args));
  if (previous) {
    setenv("ACCORD_TEST_BINARY", saved.c_str(), 1);
  } else {
    unsetenv("ACCORD_TEST_BINARY");
  }
  return server;
}

// Runs a shell command inside the server's mount namespace, where the tmpfs is.
CommandResult InServerNamespace(pid_t pid, const std::string& command) {
  return RunProgram({kNsenter, "-t", std::to_string(pid), "-m", "--", "/bin/sh", "-c", command});
}

std::set<std::string> AllNoteIds(uint16_t port, const std::string& token) {
  std::set<std::string> ids;
  std::string cursor;
  for (int page = 0; page < 1000; ++page) {
    HttpResult r = HttpCall(port, "GET",
                            "/api/v1/notes?limit=500" + (cursor.empty() ? "" : "&cursor=" + cursor),
                            "", {{"Authorization", "Bearer " + token}});
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status != 200) break;
    json::value v = json::parse(r.body);
    for (const auto& n : v.at("items").as_array()) ids.emplace(n.at("id").as_string());
    if (v.at("next_cursor").is_null()) break;
    cursor = v.at("next_cursor").as_string();
  }
  return ids;
}

// Waits (bounded) until `done` holds; false if it never did.
template <typename F>
bool WaitFor(F done, std::chrono::seconds limit) {
  const auto deadline = steady_clock::now() + limit;
  while (!done()) {
    if (steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

TEST(DiskFullTest, AFullDiskRefusesWritesKeepsServingReadsAndRecovers) {
  if (UsePostgres()) GTEST_SKIP() << "the SQLite store's own disk; PostgreSQL has its outage test";
  TempDir dir;
  const std::string data = dir.str() + "/data";
  std::filesystem::create_directories(data);
  if (std::string why = WhyNotPermitted(data); !why.empty()) GTEST_SKIP() << why;

  // The server sees a 48 MiB tmpfs at `data`; nothing outside its namespace does.
  std::unique_ptr<ServerProcess> started = StartInTmpfs(
      dir.str(), data, {"serve", "--demo", "--data-dir", data, "--listen", "127.0.0.1:0"});
  ServerProcess& server = *started;
  ASSERT_TRUE(server.started()) << server.output();
  const std::string token = ReadToken(server.output());
  ASSERT_FALSE(token.empty()) << server.output();
  const std::string org = OrgIdOf(server.port(), token);
  const std::vector<std::pair<std::string, std::string>> headers = {
      {"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};

  enum class Phase { kBefore, kFull, kRecovered };
  std::atomic<Phase> phase{Phase::kBefore};
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::set<std::string> acknowledged;
  std::map<int, int> statuses;
  std::atomic<int> acked_before{0}, refused{0}, acked_after{0};
  const std::string text(2000, 'x');  // fills the disk in seconds, not minutes
  std::vector<std::thread> writers;
  for (int w = 0; w < 8; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < 200000 && !stop; ++i) {
        const Phase at = phase;
        HttpResult r =
            HttpCall(server.port(), "POST", "/api/v1/notes",
                     OrgNoteBody(org, text + std::to_string(w) + "-" + std::to_string(i)), headers);
        std::lock_guard lock(mu);
        ++statuses[r.status];
        if (r.status == 201) {
          acknowledged.emplace(json::parse(r.body).at("id").as_string());
          ++(at == Phase::kRecovered ? acked_after : acked_before);
        } else if (r.status >= 500) {
          ++refused;
          EXPECT_EQ(r.body.find("SQLITE"), std::string::npos) << r.body;
          EXPECT_EQ(r.body.find("disk"), std::string::npos) << r.body;
        }
      }
    });
  }
  ASSERT_TRUE(WaitFor([&] { return acked_before >= 20; }, std::chrono::seconds(120)));

  // Fill the disk mid-load: dd writes until ENOSPC.
  CommandResult fill = InServerNamespace(
      server.pid(), "dd if=/dev/zero of=\"" + data + "/ballast\" bs=64k 2>/dev/null; df -k \"" +
                        data + "\" | tail -1");
  phase = Phase::kFull;
  EXPECT_TRUE(WaitFor([&] { return refused >= 20; }, std::chrono::seconds(120)))
      << "writes kept succeeding on a full disk: " << fill.out;

  // Reads are served while every write is refused.
  for (const char* target : {"/api/v1/notes?limit=20", "/api/v1/parties?limit=20",
                             "/api/v1/ledger/checkpoint", "/api/v1/dashboard"}) {
    HttpResult r = HttpCall(server.port(), "GET", target, "", headers);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
  }

  // Space returns: writes succeed again without a restart.
  CommandResult freed = InServerNamespace(server.pid(), "rm -f \"" + data + "/ballast\"");
  ASSERT_EQ(freed.exit_code, 0) << freed.err;
  phase = Phase::kRecovered;
  EXPECT_TRUE(WaitFor([&] { return acked_after >= 20; }, std::chrono::seconds(120)))
      << "writes did not recover once space returned";
  stop = true;
  for (auto& t : writers) t.join();

  for (const auto& [status, count] : statuses) {
    EXPECT_TRUE(status == 201 || status == 503) << count << " answers with status " << status;
  }
  std::set<std::string> stored = AllNoteIds(server.port(), token);
  size_t lost = 0;
  for (const auto& id : acknowledged) lost += stored.count(id) ? 0 : 1;
  EXPECT_EQ(lost, 0u) << "of " << acknowledged.size() << " acknowledged notes";
  CommandResult verify = InServerNamespace(
      server.pid(), AccordBinary() + " ledger verify --data-dir \"" + data + "\"");
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  std::printf(
      "disk full: %d writes acknowledged before, %d refused while full, %d after; "
      "%zu lost; %s\n",
      acked_before.load(), refused.load(), acked_after.load(), lost, fill.out.c_str());
}

}  // namespace
}  // namespace accord::testing
