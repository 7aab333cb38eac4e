// The answer library and customers' questionnaires (issue 28, part 5; api_answer_library.cc).
// Declared here rather than in api.h so that adding the group recompiles only its own files.
#pragma once

#include "accord/http/api.h"

namespace accord::http {

void AddAnswerLibraryRoutes(Router& router, ApiDeps& deps);

}  // namespace accord::http
