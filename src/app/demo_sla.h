// The demo's vendor incidents (issue 27): what Nimbus Cloud Hosting's feed reported, one
// assessed with its finding and one waiting in the officers' My work. Private to app/.
#pragma once

#include <string>

#include "accord/app/runtime.h"
#include "accord/core/result.h"
#include "accord/policy/profile.h"

namespace accord::app {

Status SeedDemoVendorIncidents(Runtime& rt, const policy::Profile& profile,
                               const std::string& party_id);

}  // namespace accord::app
