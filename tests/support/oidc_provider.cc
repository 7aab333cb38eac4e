#include "support/oidc_provider.h"

#include <cjose/cjose.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdlib>
#include <stdexcept>

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "accord/http/html_page.h"

namespace accord::testing {

namespace json = boost::json;

namespace {
std::string B64(std::string_view s) {
  return Base64UrlEncode(std::span(reinterpret_cast<const uint8_t*>(s.data()), s.size()));
}
}  // namespace

TestKey::TestKey(std::string kid, bool rsa) : kid_(std::move(kid)), alg_(rsa ? "RS256" : "ES256") {
  cjose_err err{};
  static const uint8_t kE[] = {1, 0, 1};
  jwk_ = rsa ? cjose_jwk_create_RSA_random(2048, kE, sizeof kE, &err)
             : cjose_jwk_create_EC_random(CJOSE_JWK_EC_P_256, &err);
  if (!jwk_) throw std::runtime_error("cjose key generation failed");
  cjose_jwk_set_kid(jwk_, kid_.data(), kid_.size(), &err);
}

TestKey::~TestKey() { cjose_jwk_release(jwk_); }

std::string TestKey::PublicJwk() const {
  cjose_err err{};
  char* text = cjose_jwk_to_json(jwk_, false, &err);
  std::string out(text ? text : "{}");
  std::free(text);
  json::object o = json::parse(out).as_object();
  o["kid"] = kid_;
  o["use"] = "sig";
  o["alg"] = alg_;
  return json::serialize(o);
}

std::string TestKey::Sign(const json::object& claims, const std::string& alg,
                          const std::string& kid) const {
  cjose_err err{};
  cjose_header_t* header = cjose_header_new(&err);
  std::string a = alg.empty() ? alg_ : alg;
  std::string k = kid.empty() ? kid_ : kid;
  cjose_header_set(header, CJOSE_HDR_ALG, a.c_str(), &err);
  cjose_header_set(header, CJOSE_HDR_KID, k.c_str(), &err);
  std::string payload = json::serialize(claims);
  cjose_jws_t* jws = cjose_jws_sign(jwk_, header, reinterpret_cast<const uint8_t*>(payload.data()),
                                    payload.size(), &err);
  cjose_header_release(header);
  if (!jws) throw std::runtime_error(std::string("cjose sign failed: ") + err.message);
  const char* compact = nullptr;
  cjose_jws_export(jws, &compact, &err);
  std::string out(compact ? compact : "");
  cjose_jws_release(jws);
  return out;
}

std::string UnsignedToken(const json::object& claims) {
  return B64(R"({"alg":"none","typ":"JWT"})") + "." + B64(json::serialize(claims)) + ".";
}

std::string HmacToken(const json::object& claims, const std::string& kid,
                      const std::string& secret) {
  std::string input = B64(json::serialize(json::object{{"alg", "HS256"}, {"kid", kid}})) + "." +
                      B64(json::serialize(claims));
  uint8_t mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const uint8_t*>(input.data()), input.size(), mac, &len);
  return input + "." + Base64UrlEncode(std::span<const uint8_t>(mac, len));
}

TestOidcProvider::TestOidcProvider(std::string client_id, std::string secret)
    : client_id_(std::move(client_id)), secret_(std::move(secret)) {
  http::ServerOptions options;
  options.port = 0;
  options.threads = 1;
  server_ = std::make_unique<http::Server>(
      options, [this](http::Request&& r, http::Reply reply) { Handle(std::move(r), reply); });
  auto port = server_->Start();
  if (!port.ok()) throw std::runtime_error("provider did not start");
  issuer_ = "http://127.0.0.1:" + std::to_string(*port);
}

TestOidcProvider::~TestOidcProvider() { server_->Stop(); }

void TestOidcProvider::Publish(const std::vector<const TestKey*>& keys) {
  std::string out = "{\"keys\":[";
  for (size_t i = 0; i < keys.size(); ++i) out += (i ? "," : "") + keys[i]->PublicJwk();
  std::lock_guard lock(mu_);
  jwks_ = out + "]}";
}

void TestOidcProvider::Expect(const std::string& code, const std::string& challenge,
                              const std::string& id_token) {
  std::lock_guard lock(mu_);
  grants_[code] = Grant{challenge, id_token};
}

int TestOidcProvider::jwks_fetches() const {
  std::lock_guard lock(mu_);
  return jwks_fetches_;
}

void TestOidcProvider::Handle(http::Request&& request, http::Reply reply) {
  auto json_reply = [&](int status, json::object body) {
    reply(http::Response{status, "application/json", json::serialize(body), {}});
  };
  std::string path = request.target.substr(0, request.target.find('?'));
  if (path == "/.well-known/openid-configuration") {
    return json_reply(200, json::object{{"issuer", issuer_},
                                        {"authorization_endpoint", issuer_ + "/authorize"},
                                        {"token_endpoint", issuer_ + "/token"},
                                        {"jwks_uri", issuer_ + "/jwks"},
                                        {"end_session_endpoint", issuer_ + "/logout"},
                                        {"id_token_signing_alg_values_supported",
                                         json::array{"ES256", "RS256"}}});
  }
  if (path == "/jwks") {
    std::lock_guard lock(mu_);
    ++jwks_fetches_;
    return reply(http::Response{200, "application/json", jwks_, {}});
  }
  if (path == "/token" && request.method == "POST") {
    std::string expected =
        "Basic " + Base64Encode(std::span(
                       reinterpret_cast<const uint8_t*>((client_id_ + ":" + secret_).data()),
                       client_id_.size() + 1 + secret_.size()));
    if (request.HeaderValue("Authorization") != expected) {
      return json_reply(401, json::object{{"error", "invalid_client"},
                                          {"error_description", "client authentication failed"}});
    }
    auto form = http::ParseForm(request.body);
    if (!form.ok()) return json_reply(400, json::object{{"error", "invalid_request"}});
    std::lock_guard lock(mu_);
    auto it = grants_.find((*form)["code"]);
    if (it == grants_.end()) return json_reply(400, json::object{{"error", "invalid_grant"}});
    Grant g = it->second;
    grants_.erase(it);
    Hash h = Sha256((*form)["code_verifier"]);
    if (Base64UrlEncode(h) != g.challenge) {
      return json_reply(400, json::object{{"error", "invalid_grant"},
                                          {"error_description", "PKCE verification failed"}});
    }
    return json_reply(
        200,
        json::object{{"access_token", "at"}, {"token_type", "Bearer"}, {"id_token", g.id_token}});
  }
  reply(http::Response{404, "text/plain", "not found", {}});
}

std::map<std::string, std::string> QueryOf(const std::string& url) {
  auto q = url.find('?');
  if (q == std::string::npos) return {};
  auto form = http::ParseForm(url.substr(q + 1));
  return form.ok() ? *form : std::map<std::string, std::string>{};
}

}  // namespace accord::testing
