// Time-driven registry changes: what expires by the clock, not by a person (TP-3, TP-6).
#pragma once

#include "accord/core/result.h"
#include "accord/storage/event_log.h"

namespace accord::storage {

// Records agreement.status_changed (executed -> expired, by the system actor) for every
// executed agreement whose expires_at has passed. Looks first in a read transaction, so
// a sweep with nothing due writes nothing. Returns how many expired.
Result<int> ExpireAgreements(EventLog& log);

}  // namespace accord::storage
