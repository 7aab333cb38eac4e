// A read that needs one statement only, run without a transaction around it.
#pragma once

#include <string_view>
#include <vector>

#include "accord/storage/store.h"

namespace accord::storage {

// Runs one SELECT, which sees a consistent snapshot of its own (every statement does), and
// returns its rows. On PostgreSQL it is sent without BEGIN and COMMIT: one message, one answer,
// and the server's process woken once instead of twice. Elsewhere it runs inside store.Read.
// For reads whose every fact comes from that one statement; a read needing two statements on
// one snapshot uses Read.
Result<std::vector<Row>> ReadOneStatement(Store& store, std::string_view sql, Params params);

}  // namespace accord::storage
