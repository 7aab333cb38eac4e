#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "accord/core/bytes.h"
#include "accord/http/oidc.h"

namespace accord::http {

namespace json = boost::json;
using oidc::Refusal;
using oidc::RefusalError;

namespace {

struct CurlFree {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListFree {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

size_t Collect(char* data, size_t size, size_t n, void* out) {
  auto* body = static_cast<std::string*>(out);
  // Discovery documents and key sets are small: a provider answering megabytes is refused.
  if (body->size() + size * n > (1 << 20)) return 0;
  body->append(data, size * n);
  return size * n;
}

std::string Str(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : "";
}

Result<json::object> JsonObject(const FetchResult& r, const std::string& what) {
  boost::system::error_code ec;
  json::value v = json::parse(r.body, ec);
  if (ec || !v.is_object()) {
    return RefusalError(Refusal{"discovery_invalid", what + " did not answer a JSON object",
                                "check [oidc] issuer: it must be the provider's issuer URL",
                                ErrorCode::kUnavailable});
  }
  return v.as_object();
}

}  // namespace

std::string UrlEncode(std::string_view v) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : v) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

namespace {

Error Unreachable(const std::string& url, const std::string& why) {
  return RefusalError(
      Refusal{"issuer_unreachable",
              "the identity provider could not be reached at " + url + " (" + why + ")",
              "check [oidc] issuer, the provider's availability and this "
              "server's network path to it",
              ErrorCode::kUnavailable});
}

}  // namespace

Result<FetchResult> HttpFetch(const std::string& method, const std::string& url,
                              const std::string& body, const std::vector<std::string>& headers) {
  static const bool initialised = [] {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    return true;
  }();
  (void)initialised;
  std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
  if (!curl) return Internal("curl_easy_init failed");
  std::unique_ptr<curl_slist, ListFree> list;
  for (const auto& h : headers) list.reset(curl_slist_append(list.release(), h.c_str()));
  FetchResult out;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, 10000L);
  curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT_MS, 5000L);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, Collect);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &out.body);
  if (list) curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, list.get());
  if (method == "POST") {
    curl_easy_setopt(curl.get(), CURLOPT_POST, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  CURLcode rc = curl_easy_perform(curl.get());
  if (rc != CURLE_OK) return Unreachable(url, curl_easy_strerror(rc));
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &out.status);
  return out;
}

OidcClient::OidcClient(OidcSettings settings, const Clock& clock)
    : settings_(std::move(settings)), clock_(clock) {}

Result<OidcDiscovery> OidcClient::Discovery() {
  {
    std::lock_guard lock(mu_);
    if (discovery_ && clock_.Monotonic() - discovery_at_ < kDiscoveryTtl) return *discovery_;
  }
  std::string url = settings_.issuer + "/.well-known/openid-configuration";
  auto r = HttpFetch("GET", url);
  if (!r.ok()) return std::move(r).error();
  if (r->status != 200) return Unreachable(url, "HTTP " + std::to_string(r->status));
  auto doc = JsonObject(*r, url);
  if (!doc.ok()) return std::move(doc).error();
  OidcDiscovery d{
      Str(*doc, "issuer"),   Str(*doc, "authorization_endpoint"), Str(*doc, "token_endpoint"),
      Str(*doc, "jwks_uri"), Str(*doc, "end_session_endpoint"),   {}};
  if (d.issuer != settings_.issuer) {
    return RefusalError(Refusal{"wrong_issuer",
                                "the provider calls itself \"" + d.issuer +
                                    "\", but [oidc] issuer "
                                    "is \"" +
                                    settings_.issuer + "\"",
                                "set [oidc] issuer to exactly \"" + d.issuer + "\"",
                                ErrorCode::kUnavailable});
  }
  if (d.authorization_endpoint.empty() || d.token_endpoint.empty() || d.jwks_uri.empty()) {
    return RefusalError(Refusal{"discovery_invalid",
                                "the provider's discovery document lacks an authorization, "
                                "token or jwks_uri endpoint",
                                "check the provider's OpenID Connect settings",
                                ErrorCode::kUnavailable});
  }
  if (auto it = doc->find("id_token_signing_alg_values_supported");
      it != doc->end() && it->value().is_array()) {
    for (const auto& a : it->value().as_array()) {
      if (a.is_string()) d.algorithms.emplace_back(a.as_string());
    }
  }
  std::lock_guard lock(mu_);
  discovery_ = d;
  discovery_at_ = clock_.Monotonic();
  return d;
}

Result<std::shared_ptr<const oidc::KeySet>> OidcClient::FetchKeys(const std::string& jwks_uri) {
  auto r = HttpFetch("GET", jwks_uri);
  if (!r.ok()) return std::move(r).error();
  if (r->status != 200) return Unreachable(jwks_uri, "HTTP " + std::to_string(r->status));
  auto keys = oidc::KeySet::Parse(r->body);
  if (!keys.ok()) {
    return RefusalError(Refusal{"jwks_invalid", keys.error().ToString(),
                                "check the provider's signing keys", ErrorCode::kUnavailable});
  }
  std::lock_guard lock(mu_);
  keys_ = *keys;
  keys_at_ = clock_.Monotonic();
  spdlog::info("sso: fetched {} signing key(s) from {}", (*keys)->size(), jwks_uri);
  return *keys;
}

Result<std::shared_ptr<const oidc::KeySet>> OidcClient::Keys() {
  {
    std::lock_guard lock(mu_);
    if (keys_ && clock_.Monotonic() - keys_at_ < kKeysTtl) return keys_;
  }
  auto d = Discovery();
  if (!d.ok()) return std::move(d).error();
  return FetchKeys(d->jwks_uri);
}

oidc::Expectations OidcClient::Expect(const std::string& nonce) const {
  return oidc::Expectations{settings_.issuer,
                            settings_.client_id,
                            nonce,
                            settings_.algorithms,
                            clock_.Now(),
                            std::chrono::seconds(settings_.clock_skew_seconds)};
}

Result<json::object> OidcClient::CheckIdToken(const std::string& id_token,
                                              const std::string& nonce) {
  auto keys = Keys();
  if (!keys.ok()) return std::move(keys).error();
  auto claims = oidc::TokenChecker::Check(id_token, **keys, Expect(nonce));
  if (claims.ok() || oidc::CauseOf(claims.error()) != "unknown_key") return claims;
  // The provider may have rotated its keys since they were cached: fetch them again, but not
  // more than once per kRefetchInterval, so forged tokens cannot make us hammer the provider.
  {
    std::lock_guard lock(mu_);
    MonoTime now = clock_.Monotonic();
    if (last_refetch_ && now - *last_refetch_ < kRefetchInterval) return claims;
    last_refetch_ = now;
  }
  auto d = Discovery();
  if (!d.ok()) return std::move(d).error();
  auto fresh = FetchKeys(d->jwks_uri);
  if (!fresh.ok()) return std::move(fresh).error();
  return oidc::TokenChecker::Check(id_token, **fresh, Expect(nonce));
}

Result<json::object> OidcClient::CheckLogoutToken(const std::string& token) {
  auto keys = Keys();
  if (!keys.ok()) return std::move(keys).error();
  auto expect = Expect("");
  expect.logout_token = true;
  return oidc::TokenChecker::Check(token, **keys, expect);
}

Result<OidcTokens> OidcClient::ExchangeCode(const std::string& code, const std::string& verifier,
                                            const std::string& redirect_uri) {
  auto d = Discovery();
  if (!d.ok()) return std::move(d).error();
  std::string credentials =
      UrlEncode(settings_.client_id) + ":" + UrlEncode(settings_.client_secret);
  std::string basic = Base64Encode(
      std::span(reinterpret_cast<const uint8_t*>(credentials.data()), credentials.size()));
  std::string body = "grant_type=authorization_code&code=" + UrlEncode(code) +
                     "&redirect_uri=" + UrlEncode(redirect_uri) +
                     "&code_verifier=" + UrlEncode(verifier);
  auto r =
      HttpFetch("POST", d->token_endpoint, body,
                {"Authorization: Basic " + basic, "Content-Type: application/x-www-form-urlencoded",
                 "Accept: application/json"});
  if (!r.ok()) return std::move(r).error();
  boost::system::error_code ec;
  json::value v = json::parse(r->body, ec);
  json::object answer = !ec && v.is_object() ? v.as_object() : json::object{};
  if (r->status != 200) {
    std::string error = Str(answer, "error");
    std::string said = Str(answer, "error_description");
    if (error == "invalid_client" || r->status == 401) {
      return RefusalError(Refusal{"wrong_client_secret",
                                  "the identity provider refused Accord's client credentials" +
                                      (said.empty() ? "" : " (" + said + ")"),
                                  "check [oidc] client_id and the secret in client_secret_file "
                                  "against the provider's client registration"});
    }
    return RefusalError(Refusal{"code_rejected",
                                "the identity provider refused the sign-in code: " +
                                    (error.empty() ? "HTTP " + std::to_string(r->status) : error) +
                                    (said.empty() ? "" : " (" + said + ")"),
                                "start the sign-in again; if it keeps failing, check that the "
                                "provider lists " +
                                    redirect_uri + " as a redirect URI"});
  }
  OidcTokens t{Str(answer, "id_token"), Str(answer, "access_token")};
  if (t.id_token.empty()) {
    return RefusalError(Refusal{"malformed", "the identity provider answered no ID token",
                                "add the openid scope to [oidc] scopes and the client"});
  }
  return t;
}

json::object OidcClient::Probe() {
  json::array steps;
  auto step = [&](const char* name, const Status& s, std::string ok_text) {
    json::object o{{"step", name}, {"ok", s.ok()}};
    if (s.ok()) {
      o["detail"] = std::move(ok_text);
    } else {
      o["detail"] = s.error().message;
      o["remedy"] = s.error().details.empty() ? "" : s.error().details[0].reason;
    }
    steps.push_back(std::move(o));
    return s.ok();
  };
  auto d = Discovery();
  bool ok = step("discovery", d.ok() ? Status(Ok()) : Status(d.error()),
                 d.ok() ? "the provider answers as " + d->issuer : "");
  if (ok) {
    std::shared_ptr<const oidc::KeySet> keys;
    auto k = FetchKeys(d->jwks_uri);
    ok = step("signing keys", k.ok() ? Status(Ok()) : Status(k.error()),
              k.ok() ? std::to_string((*k)->size()) + " signing key(s) published" : "");
  }
  if (ok) {
    // An unknown code with the client's credentials: a provider answers invalid_client for
    // wrong credentials and invalid_grant for the code, which proves the credentials.
    auto t =
        ExchangeCode("accord-connection-test", "accord-connection-test-verifier-0000000000000",
                     settings_.redirect_uri.empty() ? "http://127.0.0.1/" : settings_.redirect_uri);
    bool creds_ok = t.ok() || oidc::CauseOf(t.error()) == "code_rejected";
    step("client credentials", creds_ok ? Status(Ok()) : Status(t.error()),
         "the provider accepts Accord's client id and secret");
    ok = creds_ok;
  }
  return json::object{{"ok", ok}, {"steps", std::move(steps)}};
}

}  // namespace accord::http
