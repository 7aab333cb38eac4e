// /api/v1/auth/...: password sign-in, the TOTP step, enrolment, recovery codes, sign-out,
// password change and break-glass (docs/identity.md). Passwords are verified with Argon2id
// on the AuthService's own threads; every outcome is a ledger event without secrets. The
// flows and their routes are auth_sign_in.cc, auth_mfa.cc and auth_account.cc (auth_routes.h).
#include "accord/http/api.h"
#include "auth_routes.h"

namespace accord::http {

void AddAuthRoutes(Router& router, ApiDeps& deps) {
  auth_flow::AddSignInRoutes(router, deps);
  auth_flow::AddMfaRoutes(router, deps);
  auth_flow::AddAccountRoutes(router, deps);
  auth_flow::AddOidcRoutes(router, deps);
}

}  // namespace accord::http
