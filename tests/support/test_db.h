// The backend switch for tests: ACCORD_TEST_BACKEND=postgres runs a test against a fresh
// database on the PostgreSQL server `make test` starts (URL in BUILD/pg-test/url, or in
// $ACCORD_TEST_PG_DIR/url).
#pragma once

#include <optional>
#include <string>

#include "support/temp_dir.h"

namespace accord::testing {

bool UsePostgres();
// The test server's URL (database "postgres"), if one is running for this test run.
std::optional<std::string> PostgresServerUrl();
// Creates an empty database on the test server and returns its URL.
std::string NewPostgresDatabase();
// A URL for an empty store: SQLite under `dir`, or a fresh PostgreSQL database.
std::string TestDatabaseUrl(const TempDir& dir);

}  // namespace accord::testing
