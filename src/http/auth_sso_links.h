// Account linking (issue 25): a person's own links from an identity provider's subject to
// their Accord account, listed and removed from "Your account", and read by the Security
// Officer on an account's page. Linking itself runs the single sign-on flow (auth_oidc.cc).
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "accord/http/api.h"
#include "accord/storage/event_log.h"
#include "accord/storage/oidc_store.h"

namespace accord::http::auth_flow {

// A linking flow's return (auth_oidc.cc's callback), inside its write transaction: links the
// token's subject to the flow's account. "linked", "already" (linked to it before), or "" with
// `refused` set: the session that started it ended, or another account holds the subject
// (named). Ledger: auth.sso_linked.
Result<std::string> LinkReturnedSubject(ApiDeps& deps, storage::CommandContext& c,
                                        const storage::OidcFlow& flow,
                                        const boost::json::object& claims,
                                        std::optional<Error>& refused);
// The page after a linking flow: no new session (the one that started it goes on).
Response LinkedPage(const ApiDeps& deps, bool already);

void AddSsoLinkRoutes(Router& router, ApiDeps& deps);  // auth_sso_links.cc

}  // namespace accord::http::auth_flow
