// Version 23 (issue 27, TP-13/TP-14): a vendor incident becomes an object of its own on the
// party (`vendor_incident`, in the ledger); the side table that remembers which of the vendor's
// incidents were seen now names that object. Its finding is opened by the officer's assessment,
// so `finding_id` stays '' until then (incidents seen before this version keep their finding).
#include "migrations_sql.h"

namespace accord::storage::migration_sql {

extern const char* const kV23Sqlite = R"sql(
ALTER TABLE vendor_incidents ADD COLUMN object_id TEXT NOT NULL DEFAULT '';
)sql";

}  // namespace accord::storage::migration_sql
