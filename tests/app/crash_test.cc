// Durability: every write acknowledged with a 2xx survives `kill -9` at a random moment
// under 64 concurrent writers, and the ledger still verifies after every restart. `make test`
// runs 20 cycles; `make soak` sets ACCORD_CRASH_CYCLES=1000.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "support/api_server.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/temp_dir.h"
#include "support/test_db.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

constexpr int kDefaultCycles = 20;
constexpr int kClients = 64;

int Cycles() {
  const char* env = std::getenv("ACCORD_CRASH_CYCLES");
  const int n = env ? std::atoi(env) : 0;
  return n > 0 ? n : kDefaultCycles;
}

std::string ReadToken(const std::string& output) {
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line)) {
    auto pos = line.find("security_officer: ");
    if (pos != std::string::npos) return line.substr(pos + 18);
  }
  return "";
}

std::set<std::string> AllNoteIds(uint16_t port, const std::string& token) {
  std::set<std::string> ids;
  std::string cursor;
  for (int page = 0; page < 10000; ++page) {
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

TEST(CrashTest, AcknowledgedWritesSurviveKillNine) {
  TempDir dir;
  const std::string db = TestDatabaseUrl(dir);
  std::mt19937 rng(std::random_device{}());
  std::string token, org;
  std::set<std::string> acknowledged;
  std::mutex mu;
  int total_cycles_with_writes = 0;
  const int cycles = Cycles();
  for (int cycle = 0; cycle < cycles; ++cycle) {
    std::vector<std::string> args = {"serve", "--data-dir", dir.str(),    "--db",
                                     db,      "--listen",   "127.0.0.1:0"};
    if (cycle == 0) args.push_back("--demo");
    ServerProcess server(args);
    ASSERT_TRUE(server.started()) << "cycle " << cycle << ": " << server.output();
    if (cycle == 0) token = ReadToken(server.output());
    ASSERT_FALSE(token.empty());
    if (cycle == 0) org = OrgIdOf(server.port(), token);
    std::atomic<bool> stop{false};
    std::atomic<int> acked{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) {
      clients.emplace_back([&, c] {
        for (int i = 0; i < 5000 && !stop; ++i) {
          std::string body = OrgNoteBody(
              org, "c" + std::to_string(cycle) + "-" + std::to_string(c) + "-" + std::to_string(i));
          HttpResult r = HttpCall(
              server.port(), "POST", "/api/v1/notes", body,
              {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
          if (r.status == 0) break;  // the server is gone
          if (r.status == 201) {
            std::lock_guard lock(mu);
            acknowledged.emplace(json::parse(r.body).at("id").as_string());
            ++acked;
          }
        }
      });
    }
    // Let some writes through, then kill at a random moment.
    std::uniform_int_distribution<int> wait_ms(20, 250);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (acked.load() < 5 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms(rng)));
    EXPECT_EQ(server.Signal(SIGKILL), 128 + SIGKILL);
    stop = true;
    for (auto& t : clients) t.join();
    if (acked > 0) ++total_cycles_with_writes;

    auto verify = RunAccord({"ledger", "verify", "--data-dir", dir.str(), "--db", db});
    ASSERT_EQ(verify.exit_code, 0) << "cycle " << cycle << ": " << verify.out << verify.err;
  }
  EXPECT_EQ(total_cycles_with_writes, cycles);
  ServerProcess server({"serve", "--data-dir", dir.str(), "--db", db, "--listen", "127.0.0.1:0"});
  ASSERT_TRUE(server.started());
  std::set<std::string> stored = AllNoteIds(server.port(), token);
  size_t missing = 0;
  for (const auto& id : acknowledged) missing += stored.count(id) ? 0 : 1;
  EXPECT_EQ(missing, 0u) << "of " << acknowledged.size() << " acknowledged notes";
  std::printf("crash test: %d kill -9 cycles, %zu writes acknowledged, %zu stored, %zu lost\n",
              cycles, acknowledged.size(), stored.size(), missing);
  EXPECT_GE(stored.size(), acknowledged.size());
}

}  // namespace
}  // namespace accord::testing
