// Version 26 (issue 21, performance): fewer B-trees written per ledger entry. Each index of
// rm_ledger_events is one more B-tree every append writes (about three pages of the WAL per
// 32-event commit). The time index goes: the ledger's times never go backwards, so the first
// entry of a date is found by a binary search over the entries (storage/ledger_search.cc). The
// party index keeps only the entries that have a party; the party filter says so.
#include "migrations_sql.h"

namespace accord::storage::migration_sql {

extern const char* const kV26Sqlite = R"sql(
DROP INDEX rm_ledger_events_time;
DROP INDEX rm_ledger_events_party;
CREATE INDEX rm_ledger_events_party ON rm_ledger_events(party_id, idx) WHERE party_id <> '';
)sql";

}  // namespace accord::storage::migration_sql
