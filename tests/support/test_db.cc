#include "support/test_db.h"
#include "support/build_paths.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "accord/core/bytes.h"

namespace accord::testing {

bool UsePostgres() {
  const char* backend = std::getenv("ACCORD_TEST_BACKEND");
  return backend && std::string(backend) == "postgres";
}

std::optional<std::string> PostgresServerUrl() {
  // The server scripts/pg-test-server.sh started for this build (a CTest fixture).
  const char* dir = std::getenv("ACCORD_TEST_PG_DIR");
  const std::string pg_dir = TestPgDir();
  if (!dir || !*dir) dir = pg_dir.c_str();
  std::ifstream in(std::string(dir) + "/url");
  std::string url;
  if (!std::getline(in, url) || url.empty()) return std::nullopt;
  return url;
}

std::string NewPostgresDatabase() {
  auto server = PostgresServerUrl();
  if (!server) {
    throw std::runtime_error(
        "no PostgreSQL test server: run through `make test` (ctest), or start one with "
        "scripts/pg-test-server.sh start DIR and set ACCORD_TEST_PG_DIR=DIR");
  }
  std::string name = "t_" + HexEncode(RandomBytes(8));
  PGconn* conn = PQconnectdb(server->c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot reach the PostgreSQL test server: " + msg);
  }
  PGresult* res = PQexec(conn, ("CREATE DATABASE " + name).c_str());
  bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
  std::string msg = PQerrorMessage(conn);
  PQclear(res);
  PQfinish(conn);
  if (!ok) throw std::runtime_error("CREATE DATABASE failed: " + msg);
  return server->substr(0, server->rfind('/') + 1) + name;
}

std::string TestDatabaseUrl(const TempDir& dir) {
  if (UsePostgres()) return NewPostgresDatabase();
  return "sqlite://" + dir.str() + "/accord.db";
}

}  // namespace accord::testing
