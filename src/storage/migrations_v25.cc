// Version 25 (issue 28, part 5): the answer library and customer questionnaires. Read models of
// the `answer_library` projection only (no side tables: backups carry nothing new).
#include "migrations_sql.h"

namespace accord::storage::migration_sql {

extern const char* const kV25Sqlite = R"sql(
CREATE TABLE rm_library_answers (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  version INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX rm_library_answers_status ON rm_library_answers(status, id);
CREATE TABLE rm_library_answer_versions (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  doc TEXT NOT NULL,
  ledger_index INTEGER NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE TABLE rm_customer_questionnaires (
  id TEXT PRIMARY KEY,
  party_id TEXT NOT NULL,
  status TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX rm_customer_questionnaires_party ON rm_customer_questionnaires(party_id, id);
CREATE TABLE rm_customer_questionnaire_rows (
  questionnaire_id TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  doc TEXT NOT NULL,
  PRIMARY KEY (questionnaire_id, row_no)
);
)sql";

}  // namespace accord::storage::migration_sql
