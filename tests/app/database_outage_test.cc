// PostgreSQL drops the server's connections mid-load: requests get 201 or 503, never a
// hang or a lie; the server reconnects by itself; nothing acknowledged is lost.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <atomic>
#include <boost/json.hpp>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "support/api_server.h"
#include "support/test_db.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

// Terminates every other session on the server's database; returns how many.
int TerminateSessions(const std::string& db_url) {
  PGconn* conn = PQconnectdb(db_url.c_str());
  EXPECT_EQ(PQstatus(conn), CONNECTION_OK) << PQerrorMessage(conn);
  PGresult* res = PQexec(conn,
                         "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         "WHERE datname = current_database() AND pid <> pg_backend_pid()");
  int n = PQresultStatus(res) == PGRES_TUPLES_OK ? PQntuples(res) : -1;
  PQclear(res);
  PQfinish(conn);
  return n;
}

TEST(DatabaseOutageTest, LostConnectionsGive503AndTheServerRecovers) {
  if (!UsePostgres()) GTEST_SKIP() << "PostgreSQL only (the postgres: run)";
  ApiServer server;
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::set<std::string> acknowledged;
  std::map<int, int> statuses;
  std::vector<std::thread> clients;
  const std::string note = server.OrgNote("x");
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([&] {
      for (int i = 0; i < 3000 && !stop; ++i) {
        HttpResult r = server.Post("/api/v1/notes", note);
        std::lock_guard lock(mu);
        ++statuses[r.status];
        // A 503 says to retry; it never carries database or SQL detail.
        if (r.status == 503) {
          EXPECT_EQ(r.body.find("PostgreSQL"), std::string::npos) << r.body;
          EXPECT_EQ(r.body.find("SELECT"), std::string::npos) << r.body;
        }
        if (r.status == 201) acknowledged.emplace(json::parse(r.body).at("id").as_string());
      }
    });
  }
  int terminated = 0;
  for (int round = 0; round < 5; ++round) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    terminated += TerminateSessions(server.db_url());
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  stop = true;
  for (auto& t : clients) t.join();
  EXPECT_GT(terminated, 0);
  for (const auto& [status, count] : statuses) {
    EXPECT_TRUE(status == 201 || status == 503) << count << " answers with status " << status;
  }
  // Recovered: the next writes and reads succeed.
  HttpResult after = server.Post("/api/v1/notes", server.OrgNote("after"));
  ASSERT_EQ(after.status, 201) << after.body;
  acknowledged.emplace(json::parse(after.body).at("id").as_string());
  std::set<std::string> stored;
  std::string cursor;
  for (int page = 0; page < 100; ++page) {
    json::value v = server.GetJson("/api/v1/notes?subject_kind=org&subject_id=" + server.org_id() +
                                   "&limit=500" + (cursor.empty() ? "" : "&cursor=" + cursor));
    for (const auto& n : v.at("items").as_array()) stored.emplace(n.at("id").as_string());
    if (v.at("next_cursor").is_null()) break;
    cursor = v.at("next_cursor").as_string();
  }
  for (const auto& id : acknowledged) EXPECT_TRUE(stored.count(id)) << id << " was lost";
  std::printf("outage test: %d sessions terminated, %d x 201, %d x 503\n", terminated,
              statuses[201], statuses[503]);
  server.Stop();
  auto verify =
      RunAccord({"ledger", "verify", "--data-dir", server.dir().str(), "--db", server.db_url()});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

}  // namespace
}  // namespace accord::testing
