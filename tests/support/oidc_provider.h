// A small OpenID provider for the single sign-on tests, on loopback (port 0): discovery, a JWKS
// that tests may rotate, and a token endpoint that checks the client's secret and the PKCE
// verifier, answering the ID token a test signed with libcjose. The real provider (npm
// oidc-provider) drives the browser journey; this one lets C++ tests forge tokens.
#pragma once

#include <boost/json.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "accord/http/server.h"

struct _cjose_jwk_int;

namespace accord::testing {

// A signing key (EC P-256 for ES256, or RSA 2048 for RS256) with its kid.
class TestKey {
 public:
  TestKey(std::string kid, bool rsa = false);
  ~TestKey();
  TestKey(const TestKey&) = delete;
  TestKey& operator=(const TestKey&) = delete;
  const std::string& kid() const { return kid_; }
  const std::string& alg() const { return alg_; }
  std::string PublicJwk() const;  // JSON
  // A compact JWS of `claims`; `alg`/`kid` override the header's (the key still signs).
  std::string Sign(const boost::json::object& claims, const std::string& alg = "",
                   const std::string& kid = "") const;

 private:
  std::string kid_, alg_;
  _cjose_jwk_int* jwk_;
};

// An unsigned token ({"alg":"none"}).
std::string UnsignedToken(const boost::json::object& claims);
// An HS256 token keyed with `secret` (the algorithm-confusion forgery: a public key as the
// HMAC secret).
std::string HmacToken(const boost::json::object& claims, const std::string& kid,
                      const std::string& secret);

class TestOidcProvider {
 public:
  explicit TestOidcProvider(std::string client_id = "accord", std::string secret = "s3cret");
  ~TestOidcProvider();
  const std::string& issuer() const { return issuer_; }
  const std::string& secret() const { return secret_; }

  // The keys the JWKS publishes (replaces them: rotation).
  void Publish(const std::vector<const TestKey*>& keys);
  // The next code the token endpoint accepts: its PKCE challenge and the ID token it answers.
  void Expect(const std::string& code, const std::string& challenge, const std::string& id_token);
  int jwks_fetches() const;

 private:
  void Handle(http::Request&& request, http::Reply reply);
  std::string client_id_, secret_, issuer_;
  mutable std::mutex mu_;
  std::string jwks_;
  int jwks_fetches_ = 0;
  struct Grant {
    std::string challenge, id_token;
  };
  std::map<std::string, Grant> grants_;
  std::unique_ptr<http::Server> server_;
};

// Parses the query of a URL into name -> value (percent-decoded).
std::map<std::string, std::string> QueryOf(const std::string& url);

}  // namespace accord::testing
