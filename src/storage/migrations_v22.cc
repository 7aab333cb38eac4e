// Version 22 (issue 21, performance): the tree's nodes keyed by when they are completed. Keyed
// by (level, idx), the nodes one commit completes landed at the end of every level's run of
// the B-tree, about a dozen places apart: ~15 of the ~48 WAL pages a 32-event commit wrote.
// Keyed by pos = ((idx + 1) << level) * 64 + level (the ledger size that completes the node,
// then its level), every new node goes at the end of one rowid B-tree: ~1.5 pages per commit.
// level and idx stay as columns for the people and tests that read the table.
#include "migrations_sql.h"

namespace accord::storage::migration_sql {

extern const char* const kV22Sqlite = R"sql(
CREATE TABLE ledger_nodes_by_pos (
  pos INTEGER PRIMARY KEY,
  level INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  hash BLOB NOT NULL
);
INSERT INTO ledger_nodes_by_pos(pos, level, idx, hash)
  SELECT ((idx + 1) << level) * 64 + level, level, idx, hash FROM ledger_nodes ORDER BY 1;
DROP TABLE ledger_nodes;
ALTER TABLE ledger_nodes_by_pos RENAME TO ledger_nodes;
)sql";

// PostgreSQL shifts a bigint by an int only.
extern const char* const kV22Postgres = R"sql(
CREATE TABLE ledger_nodes_by_pos (
  pos BIGINT PRIMARY KEY,
  level BIGINT NOT NULL,
  idx BIGINT NOT NULL,
  hash BYTEA NOT NULL
);
INSERT INTO ledger_nodes_by_pos(pos, level, idx, hash)
  SELECT ((idx + 1) << level::int) * 64 + level, level, idx, hash FROM ledger_nodes ORDER BY 1;
DROP TABLE ledger_nodes;
ALTER TABLE ledger_nodes_by_pos RENAME TO ledger_nodes;
)sql";

}  // namespace accord::storage::migration_sql
