// accord serve's I/O threads: handlers wait for the database on them, so PostgreSQL, where each
// read waits out a network round trip, gets more of them than SQLite (issue 21, reads).
#include <gtest/gtest.h>

#include "accord/app/serve.h"

namespace accord::app {
namespace {

TEST(ServeThreadsTest, TwoOnSqliteFourPerCoreOnPostgres) {
  EXPECT_EQ(ServeThreads(0, "", 2), 2);  // the default database: SQLite under the data dir
  EXPECT_EQ(ServeThreads(0, "sqlite:///srv/accord/accord.db", 8), 2);
  EXPECT_EQ(ServeThreads(0, "postgres://accord@127.0.0.1:5432/accord", 2), 8);
  EXPECT_EQ(ServeThreads(0, "postgresql://accord@127.0.0.1/accord", 4), 16);
  // A machine that does not say how many cores it has still gets a few.
  EXPECT_EQ(ServeThreads(0, "postgres://accord@127.0.0.1/accord", 0), 4);
}

TEST(ServeThreadsTest, TheFlagWins) {
  EXPECT_EQ(ServeThreads(3, "postgres://accord@127.0.0.1/accord", 2), 3);
  EXPECT_EQ(ServeThreads(6, "sqlite:///srv/accord/accord.db", 2), 6);
}

}  // namespace
}  // namespace accord::app
