// Change control's routes (TR-5), private to http/: change requests and their steps
// (api_change_requests.cc), and the forge webhooks with their secrets (api_forge_hooks.cc).
// AddAllRoutes (openapi.cc) adds both.
#pragma once

#include "accord/http/api.h"

namespace accord::http {

void AddChangeRequestRoutes(Router& router, ApiDeps& deps);
void AddForgeHookRoutes(Router& router, ApiDeps& deps);

}  // namespace accord::http
