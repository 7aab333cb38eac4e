// The demo's change control and calendar (TR-5, TR-6), seeded after the rest of the demo by
// SeedDemo (demo.cc): a change walked by four people (its peer review from a GitHub pull
// request), an emergency change awaiting its retrospective review, a change waiting for its
// review that implements our side of a vendor's substantial change.
#pragma once

#include <map>
#include <string>

#include "accord/app/runtime.h"
#include "accord/policy/profile.h"

namespace accord::app {

// `ids`: the demo's names to ids (account emails, system names, party names).
Status SeedChangeControl(Runtime& runtime, const policy::Profile& profile,
                         const std::map<std::string, std::string>& ids);

}  // namespace accord::app
