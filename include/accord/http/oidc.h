// Single sign-on with OpenID Connect (issue 25): the `[oidc]` settings of --config and the
// client that talks to the provider — its discovery document and keys (fetched with libcurl,
// cached, fetched again when a token names a key it does not know: key rotation), the code
// exchange (client secret + PKCE verifier) and the ID token's checks (oidc_token.h).
#pragma once

#include <boost/json/object.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/http/oidc_token.h"

namespace accord::http {

struct OidcSettings {
  std::string issuer;  // https://idp.example.com/realms/acme (http:// only on loopback)
  std::string client_id;
  std::string client_secret_file;  // read at start; the secret never enters the config itself
  std::string client_secret;
  std::string display_name = "single sign-on";  // the button: "Sign in with …"
  std::string redirect_uri;  // default: [trust] public_url or the listen URL + the callback path
  std::vector<std::string> scopes = {"openid", "email", "profile"};
  std::vector<std::string> algorithms = {"RS256", "PS256", "ES256"};
  std::string email_claim = "email";
  std::string groups_claim = "groups";
  std::string name_claim = "name";
  std::map<std::string, std::string> group_roles;  // provider group -> Accord role
  bool create_accounts = true;                     // just-in-time accounts (they start pending)
  std::vector<std::string> mfa_amr = {"mfa", "otp", "hwk", "swk", "fpt", "face", "sc"};
  std::vector<std::string> mfa_acr;  // acr values that mean a second factor was used
  int clock_skew_seconds = 60;
  std::string post_logout_redirect_uri;  // default: the portal's sign-in page
  // `[identity] password_accounts`: when the profile requires single sign-on, the only
  // accounts that may still sign in with a password (emergency access while the IdP is down).
  std::vector<std::string> password_accounts;
  bool enabled() const { return !issuer.empty(); }
};

inline constexpr std::string_view kOidcCallbackPath = "/api/v1/auth/oidc/callback";

// The provider's discovery document, the part Accord uses.
struct OidcDiscovery {
  std::string issuer, authorization_endpoint, token_endpoint, jwks_uri, end_session_endpoint;
  std::vector<std::string> algorithms;  // id_token_signing_alg_values_supported
};

struct OidcTokens {
  std::string id_token;
  std::string access_token;
};

// One per server. Thread-safe. Network calls block (libcurl, 10 s timeout): call them off the
// I/O threads.
class OidcClient {
 public:
  OidcClient(OidcSettings settings, const Clock& clock);
  const OidcSettings& settings() const { return settings_; }

  // Cached for kDiscoveryTtl.
  Result<OidcDiscovery> Discovery();
  // The provider's keys, cached until a token names one it does not hold (then fetched again,
  // at most once per kRefetchInterval) or for kKeysTtl.
  Result<std::shared_ptr<const oidc::KeySet>> Keys();
  // The token endpoint's answer to an authorization code (client_secret_basic + PKCE).
  Result<OidcTokens> ExchangeCode(const std::string& code, const std::string& verifier,
                                  const std::string& redirect_uri);
  // The ID token's checks, fetching the keys again once when it names an unknown key.
  Result<boost::json::object> CheckIdToken(const std::string& id_token, const std::string& nonce);
  // A back-channel logout token (OpenID Connect Back-Channel Logout 1.0): signature, iss, aud,
  // iat, the logout event, and sub or sid. No nonce.
  Result<boost::json::object> CheckLogoutToken(const std::string& token);

  // Test connection: discovery, keys, and the client's credentials at the token endpoint.
  boost::json::object Probe();

  static constexpr std::chrono::minutes kDiscoveryTtl{60};
  static constexpr std::chrono::minutes kKeysTtl{60};
  static constexpr std::chrono::seconds kRefetchInterval{10};

 private:
  Result<std::shared_ptr<const oidc::KeySet>> FetchKeys(const std::string& jwks_uri);
  oidc::Expectations Expect(const std::string& nonce) const;

  OidcSettings settings_;
  const Clock& clock_;
  std::mutex mu_;
  std::optional<OidcDiscovery> discovery_;
  MonoTime discovery_at_{};
  std::shared_ptr<const oidc::KeySet> keys_;
  MonoTime keys_at_{};
  std::optional<MonoTime> last_refetch_;
};

// Percent-encoding for a query or form value (RFC 3986 unreserved characters kept).
std::string UrlEncode(std::string_view value);

// A blocking HTTP call by libcurl (10 s timeout, redirects not followed).
struct FetchResult {
  long status = 0;
  std::string body;
};
Result<FetchResult> HttpFetch(const std::string& method, const std::string& url,
                              const std::string& body = "",
                              const std::vector<std::string>& headers = {});

}  // namespace accord::http
