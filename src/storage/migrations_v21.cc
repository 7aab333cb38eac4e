#include "migrations_sql.h"

namespace accord::storage::migration_sql {

// Version 21 (issue 27, TR-8): incidents. Each incident's whole state (its timeline and
// postmortem included) is one row written by its commands beside the ledger event that carries
// the same state; the parties involved have their own rows so a party's contact lists only its
// own incidents by an index. `public_at` is the first public update's time ("" = none yet): the
// status page shows those incidents. The annual incident-response tests are records of their own.
extern const char* const kV21Sqlite = R"sql(
CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  severity TEXT NOT NULL,
  discovered_at TEXT NOT NULL,
  declared_at TEXT NOT NULL,
  resolved_at TEXT NOT NULL,
  public_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  state TEXT NOT NULL
);
CREATE INDEX incidents_declared ON incidents(declared_at);
CREATE INDEX incidents_public ON incidents(public_at);
CREATE TABLE incident_parties (
  incident_id TEXT NOT NULL,
  party_id TEXT NOT NULL,
  PRIMARY KEY (incident_id, party_id)
);
CREATE INDEX incident_parties_party ON incident_parties(party_id);
CREATE TABLE incident_response_tests (
  id TEXT PRIMARY KEY,
  conducted_on TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at TEXT NOT NULL
);
)sql";

}  // namespace accord::storage::migration_sql
