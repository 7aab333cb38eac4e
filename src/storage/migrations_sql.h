// The SQL of migrations kept outside migrations.cc (which lists every version).
#pragma once

namespace accord::storage::migration_sql {

extern const char* const kV15Sqlite;
extern const char* const kV16Sqlite;
extern const char* const kV17Sqlite;
extern const char* const kV18Sqlite;
extern const char* const kV19Sqlite;
extern const char* const kV20Sqlite;
extern const char* const kV21Sqlite;  // migrations_v21.cc (incidents)

}  // namespace accord::storage::migration_sql
