// The SQL of migrations kept outside migrations.cc (which lists every version).
#pragma once

namespace accord::storage::migration_sql {

extern const char* const kV15Sqlite;
extern const char* const kV16Sqlite;
extern const char* const kV17Sqlite;
extern const char* const kV18Sqlite;
extern const char* const kV19Sqlite;
extern const char* const kV20Sqlite;
// Issue 28, part 5 (migrations_v25.cc).
extern const char* const kV25Sqlite;

// Compliance (issue 23, migrations_v28.cc).
extern const char* const kV28Sqlite;
extern const char* const kV21Sqlite;  // migrations_v21.cc (incidents)
// perf (issue 21): migrations_v26.cc
extern const char* const kV26Sqlite;
// Issue 27 leftovers (sla-work).
extern const char* const kV23Sqlite;
// perf (issue 21, append): migrations_v22.cc
extern const char* const kV22Sqlite;
extern const char* const kV22Postgres;
// Issue 21, the soak (migrations_v29.cc).
extern const char* const kV29Sqlite;
extern const char* const kV29Postgres;

}  // namespace accord::storage::migration_sql
