// The gate's result as JSON for the API and the ledger. Kept apart from gate.h so the gate
// itself needs only the standard library.
#pragma once

#include <boost/json/object.hpp>

#include "accord/policy/gate.h"

namespace accord::policy {

// {"decision": "allow|deny|needs_approval",
//  "rules": [{"id", "seed_ref", "citation", "statement", "outcome", "reason", "remedy",
//             "evidence": [{"kind", "ref", "state"}]}]}
// "remedy" is the rule's remedy when it denies or needs approval, "" otherwise.
boost::json::object ToJson(const GateResult& result);

}  // namespace accord::policy
