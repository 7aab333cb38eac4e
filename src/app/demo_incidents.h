// The demo's incidents (TR-8), seeded by SeedDemoStatus once its components exist: a resolved
// incident of the SMS reminders with public and internal updates and a postmortem whose action
// item is a finding, and last year's incident-response test.
#pragma once

#include <string>

#include "accord/app/runtime.h"
#include "accord/policy/profile.h"

namespace accord::app {

Status SeedDemoIncidents(Runtime& runtime, const policy::Profile& profile,
                         const std::string& sms_component_id);

}  // namespace accord::app
