// SCIM's error format (RFC 7644 3.12): {schemas, status as a string, scimType?, detail}, typed
// application/scim+json. The SCIM routes answer their errors in it, and so do the router's own
// refusals of /scim/v2/* (no token, a token without the scim scope, a body it will not take).
#pragma once

#include <string_view>

#include "accord/core/result.h"
#include "accord/http/message.h"

namespace accord::http {

inline constexpr std::string_view kScimPrefix = "/scim/";

Response ScimErrorResponse(const Error& e);

}  // namespace accord::http
