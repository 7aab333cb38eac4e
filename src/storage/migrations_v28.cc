// Version 28 (issue 23): the compliance facts (storage/compliance_facts.h) follow the ledger's
// growth by the registry versions written since they were read: this index finds them.
#include "migrations_sql.h"

namespace accord::storage::migration_sql {

extern const char* const kV28Sqlite = R"sql(
CREATE INDEX rm_objects_written ON rm_objects(kind, from_idx);
)sql";

}  // namespace accord::storage::migration_sql
