// The demo's due-diligence questionnaires (issue 28), seeded after the registry and accounts.
#pragma once

#include <map>
#include <string>

#include "accord/app/runtime.h"
#include "accord/core/result.h"
#include "accord/policy/profile.h"

namespace accord::app {

// The shipped HIPAA vendor template; Nimbus Cloud Hosting's questionnaire answered (with its
// SOC 2 report attached) and accepted, Parcel Mail's overdue, Relay SMS's sent and awaiting
// its contact. `ids`: the seeder's names -> ids (parties, "<party>/contact", accounts by email).
Status SeedDemoQuestionnaires(Runtime& runtime, const policy::ReviewsPolicy& policy,
                              const std::map<std::string, std::string>& ids);

}  // namespace accord::app
