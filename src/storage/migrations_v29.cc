// Version 29 (issue 21, the soak): notes listed in ledger order without reading them all.
// `GET /api/v1/notes` without a subject orders by created_index, which no index covered:
// every page read and sorted the whole table (12,569 → 19 requests a second at 375,000 notes).
// On SQLite, created_index becomes the table's rowid (it is unique: one note per event) and
// the id a unique index, so a note still writes three B-trees and its rows still go at the
// end of each. PostgreSQL gets an index on created_index. Columns keep their order, which the
// read-model digest reads.
#include "migrations_sql.h"

namespace accord::storage::migration_sql {

extern const char* const kV29Sqlite = R"sql(
CREATE TABLE rm_notes_by_index (
  id TEXT NOT NULL UNIQUE,
  subject_kind TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  text TEXT NOT NULL,
  author_id TEXT NOT NULL,
  author_role TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_index INTEGER PRIMARY KEY
);
INSERT INTO rm_notes_by_index(id, subject_kind, subject_id, text, author_id, author_role,
                              created_at, created_index)
  SELECT id, subject_kind, subject_id, text, author_id, author_role, created_at, created_index
  FROM rm_notes ORDER BY created_index;
DROP TABLE rm_notes;
ALTER TABLE rm_notes_by_index RENAME TO rm_notes;
CREATE INDEX rm_notes_subject ON rm_notes(subject_kind, subject_id, created_index);
)sql";

extern const char* const kV29Postgres = R"sql(
CREATE INDEX rm_notes_created ON rm_notes(created_index);
)sql";

}  // namespace accord::storage::migration_sql
