// Two `accord serve` processes on one store (and one signing key) take writes at the same
// time: the ledger stays one sequence and the read models agree with it.
#include <gtest/gtest.h>

#include <signal.h>

#include <atomic>
#include <boost/json.hpp>
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

TEST(MultiServerTest, TwoServersAppendConcurrentlyWithoutForking) {
  TempDir dir;
  const std::string db = TestDatabaseUrl(dir);
  ServerProcess a(
      {"serve", "--demo", "--data-dir", dir.str(), "--db", db, "--listen", "127.0.0.1:0"});
  ASSERT_TRUE(a.started()) << a.output();
  ServerProcess b({"serve", "--data-dir", dir.str(), "--db", db, "--listen", "127.0.0.1:0"});
  ASSERT_TRUE(b.started()) << b.output();
  std::string token;
  {
    std::istringstream lines(a.output());
    std::string line;
    while (std::getline(lines, line)) {
      auto pos = line.find("security_officer: ");
      if (pos != std::string::npos) token = line.substr(pos + 18);
    }
  }
  ASSERT_FALSE(token.empty());
  const std::string org = OrgIdOf(a.port(), token);
  const std::string note = OrgNoteBody(org, "written by two servers");

  // What the demo seeded; the writes below must add exactly what they acknowledged.
  auto before = RunAccord({"ledger", "checkpoint", "--json", "--data-dir", dir.str(), "--db", db});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  const int64_t seeded = json::parse(before.out).at("size").to_number<int64_t>();

  constexpr int kClientsPerServer = 4;
  constexpr int kRequests = 150;
  std::atomic<int> acknowledged{0};
  std::vector<std::thread> clients;
  for (uint16_t port : {a.port(), b.port()}) {
    for (int c = 0; c < kClientsPerServer; ++c) {
      clients.emplace_back([&, port] {
        for (int i = 0; i < kRequests; ++i) {
          HttpResult r = HttpCall(
              port, "POST", "/api/v1/notes", note,
              {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
          EXPECT_EQ(r.status, 201) << r.body;
          if (r.status == 201) ++acknowledged;
        }
      });
    }
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(acknowledged.load(), 2 * kClientsPerServer * kRequests);

  // Both servers see every note, whichever server wrote it.
  for (uint16_t port : {a.port(), b.port()}) {
    size_t seen = 0;
    std::string cursor;
    for (int page = 0; page < 100; ++page) {
      HttpResult r = HttpCall(port, "GET",
                              "/api/v1/notes?subject_kind=org&subject_id=" + org + "&limit=500" +
                                  (cursor.empty() ? "" : "&cursor=" + cursor),
                              "", {{"Authorization", "Bearer " + token}});
      ASSERT_EQ(r.status, 200) << r.body;
      json::value v = json::parse(r.body);
      for (const auto& item : v.at("items").as_array()) {
        seen += item.at("text") == "written by two servers";  // not the demo's notes
      }
      if (v.at("next_cursor").is_null()) break;
      cursor = v.at("next_cursor").as_string();
    }
    EXPECT_EQ(seen, static_cast<size_t>(acknowledged.load())) << "server on port " << port;
  }
  EXPECT_EQ(a.Signal(SIGTERM), 0);
  EXPECT_EQ(b.Signal(SIGTERM), 0);

  auto verify = RunAccord({"ledger", "verify", "--json", "--data-dir", dir.str(), "--db", db});
  ASSERT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  json::value report = json::parse(verify.out);
  // The demo's events + every acknowledged note; one key, shared.
  EXPECT_EQ(report.at("size").to_number<int64_t>(), seeded + acknowledged.load());
  EXPECT_EQ(report.at("keys").to_number<int64_t>(), 1);
  auto rebuild = RunAccord({"ledger", "rebuild", "--json", "--data-dir", dir.str(), "--db", db});
  ASSERT_EQ(rebuild.exit_code, 0) << rebuild.err;
  EXPECT_TRUE(json::parse(rebuild.out).at("identical").as_bool());
}

}  // namespace
}  // namespace accord::testing
