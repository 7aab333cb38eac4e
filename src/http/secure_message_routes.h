// Secure Message's routes (private to http/): the JSON API (api_secure_messages.cc) and the
// recipient's server-rendered pages under /secure/{token} (secure_message_pages.cc).
#pragma once

#include <string>

#include "accord/http/api.h"
#include "accord/storage/secure_messages.h"

namespace accord::http::secure_routes {

// The link base, the organisation's name and the code's channels, for the storage commands.
storage::SecureMessageSettings Settings(ApiDeps& deps);
// 503: the server has no master key.
Response Unavailable();
// An attachment as a download (never rendered by the browser).
Response AttachmentResponse(const storage::SecurePlain::Part& part, std::string content);

}  // namespace accord::http::secure_routes

namespace accord::http {
void AddSecurePageRoutes(Router& router, ApiDeps& deps);
}
