// The demo's answer library and a customer's questionnaire answered from it (issue 28, part 5),
// seeded after the registry and the accounts.
#pragma once

#include <map>
#include <string>

#include "accord/app/runtime.h"
#include "accord/core/result.h"

namespace accord::app {

// Twelve approved answers with evidence, and Riverside Medical Group's vendor questionnaire
// (its NDA is in force) imported, answered from the library with one answer edited by hand,
// completed, shared and sent to its security desk through the trust center. `ids`: the seeder's
// names → ids.
Status SeedDemoAnswerLibrary(Runtime& runtime, const std::map<std::string, std::string>& ids);

}  // namespace accord::app
