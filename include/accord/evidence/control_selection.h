// An evidence bundle by control (issue 23, item 5): what proves one catalog control's status,
// as a bundle selection: the ledger entries its evidence cites (agreements, SOC 2 reports,
// reviews, findings, the checkpoint, the profile in force) and every entry about those
// objects, at the latest signed checkpoint (what the bundle can prove).
#pragma once

#include <string>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/evidence/export.h"
#include "accord/policy/profile.h"
#include "accord/storage/store.h"

namespace accord::evidence {

// Fills sel.control, sel.entries and sel.subjects. Errors: "control" (not in the catalog),
// "checkpoint" (the ledger has none yet).
[[nodiscard]] Status SelectControl(storage::Store& store, const policy::Profile& profile,
                                   const std::string& control, const Clock& clock, Selection& sel);

}  // namespace accord::evidence
