// The demo's vulnerability scans (issue 24, TR-4), seeded after the registry.
#pragma once

#include <map>
#include <string>

#include "accord/app/runtime.h"
#include "accord/core/result.h"
#include "accord/policy/profile.h"

namespace accord::app {

// Two Trivy scans of the platform image 40 and 2 days ago (a fix, a finding past its deadline,
// a new one), a SARIF code scan of its repository, a CycloneDX VEX "not affected" statement and
// an image no system claims yet. `systems`: system name -> id.
Status SeedDemoScans(Runtime& runtime, const policy::ReviewsPolicy& policy,
                     const std::map<std::string, std::string>& systems);

}  // namespace accord::app
