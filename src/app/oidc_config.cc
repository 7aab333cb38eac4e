// `[oidc]` and `[identity]` of --config (issue 25): single sign-on's settings. The client
// secret is read from its own file (never the config itself, which is often shared).
#include <algorithm>
#include <fstream>
#include <iterator>

#include "accord/app/config.h"
#include "accord/app/serve.h"
#include "accord/domain/identity.h"
#include "toml_file.h"

namespace accord::app {

namespace {

// A string array, or a problem for `key`.
bool ReadStrings(const toml::node& value, std::vector<std::string>& out) {
  const auto* array = value.as_array();
  if (!array) return false;
  std::vector<std::string> items;
  for (const auto& item : *array) {
    const auto* s = item.as_string();
    if (!s) return false;
    items.push_back(s->get());
  }
  out = std::move(items);
  return true;
}

// http:// only for a loopback host (tests, a provider on the same machine).
bool SecureOrLoopback(const std::string& url) {
  if (url.starts_with("https://")) return url.size() > 8;
  if (!url.starts_with("http://")) return false;
  std::string authority = url.substr(
      7, url.find('/', 7) == std::string::npos ? std::string::npos : url.find('/', 7) - 7);
  std::string host = authority;
  if (host.starts_with("[")) {
    host = host.substr(0, host.find(']') + 1);
  } else if (auto colon = host.rfind(':'); colon != std::string::npos) {
    host = host.substr(0, colon);
  }
  return authority.find('@') == std::string::npos && IsLoopbackHost(host);
}

}  // namespace

Status ReadOidcConfig(const std::filesystem::path& file, http::OidcSettings& out) {
  auto parsed = ParseTomlFile(file);
  if (!parsed.ok()) return std::move(parsed).error();
  std::vector<ErrorDetail> problems;
  if (const toml::node* node = parsed->get("identity")) {
    const toml::table* identity = node->as_table();
    if (!identity) return ValidationError("identity", "must be a table ([identity])");
    for (const auto& [key, value] : *identity) {
      int line = static_cast<int>(value.source().begin.line);
      if (key.str() != "password_accounts") {
        problems.push_back(
            {"identity." + std::string(key.str()), "unknown key (password_accounts)", line});
      } else if (!ReadStrings(value, out.password_accounts)) {
        problems.push_back({"identity.password_accounts", "must be a list of emails", line});
      }
    }
  }
  const toml::node* node = parsed->get("oidc");
  if (node && !node->as_table()) return ValidationError("oidc", "must be a table ([oidc])");
  if (node) {
    for (const auto& [key, value] : *node->as_table()) {
      std::string k(key.str());
      int line = static_cast<int>(value.source().begin.line);
      std::string* text = k == "issuer"                     ? &out.issuer
                          : k == "client_id"                ? &out.client_id
                          : k == "client_secret_file"       ? &out.client_secret_file
                          : k == "display_name"             ? &out.display_name
                          : k == "redirect_uri"             ? &out.redirect_uri
                          : k == "email_claim"              ? &out.email_claim
                          : k == "groups_claim"             ? &out.groups_claim
                          : k == "name_claim"               ? &out.name_claim
                          : k == "post_logout_redirect_uri" ? &out.post_logout_redirect_uri
                                                            : nullptr;
      std::vector<std::string>* list = k == "scopes"       ? &out.scopes
                                       : k == "algorithms" ? &out.algorithms
                                       : k == "mfa_amr"    ? &out.mfa_amr
                                       : k == "mfa_acr"    ? &out.mfa_acr
                                                           : nullptr;
      if (text) {
        if (const auto* s = value.as_string()) {
          *text = s->get();
        } else {
          problems.push_back({"oidc." + k, "must be a string", line});
        }
      } else if (list) {
        if (!ReadStrings(value, *list))
          problems.push_back({"oidc." + k, "must be a list of strings", line});
      } else if (k == "create_accounts") {
        if (const auto* b = value.as_boolean()) {
          out.create_accounts = b->get();
        } else {
          problems.push_back({"oidc." + k, "must be true or false", line});
        }
      } else if (k == "clock_skew_seconds") {
        const auto* i = value.as_integer();
        if (i && i->get() >= 0 && i->get() <= 600) {
          out.clock_skew_seconds = static_cast<int>(i->get());
        } else {
          problems.push_back({"oidc." + k, "must be a whole number of seconds, 0 to 600", line});
        }
      } else if (k == "group_roles") {
        const auto* t = value.as_table();
        if (!t) {
          problems.push_back({"oidc.group_roles", "must be a table of group = \"role\"", line});
          continue;
        }
        for (const auto& [group, role] : *t) {
          const auto* r = role.as_string();
          if (!r || !domain::IsRole(r->get()) || r->get() == "third_party_contact") {
            problems.push_back({"oidc.group_roles." + std::string(group.str()),
                                "must be security_officer, privacy_officer, staff or auditor",
                                static_cast<int>(role.source().begin.line)});
          } else {
            out.group_roles[std::string(group.str())] = r->get();
          }
        }
      } else {
        problems.push_back({"oidc." + k,
                            "unknown key (issuer, client_id, client_secret_file, display_name, "
                            "redirect_uri, scopes, algorithms, email_claim, groups_claim, "
                            "name_claim, group_roles, create_accounts, mfa_amr, mfa_acr, "
                            "clock_skew_seconds, post_logout_redirect_uri)",
                            line});
      }
    }
  }
  if (!problems.empty()) {
    return Error{ErrorCode::kValidationFailed, file.string() + ": invalid single sign-on settings",
                 std::move(problems)};
  }
  return Ok();
}

Status PrepareOidcSettings(http::OidcSettings& s) {
  if (!s.enabled()) return Ok();
  if (!SecureOrLoopback(s.issuer) || s.issuer.ends_with("/")) {
    return ValidationError("oidc.issuer",
                           "must be an https:// URL without a trailing slash, e.g. "
                           "https://login.example.com/realms/acme");
  }
  if (s.client_id.empty()) return ValidationError("oidc.client_id", "is required");
  if (s.client_secret_file.empty()) {
    return ValidationError("oidc.client_secret_file",
                           "is required: a file holding the client secret (mode 0600)");
  }
  std::ifstream in(s.client_secret_file, std::ios::binary);
  if (!in) {
    return ValidationError("oidc.client_secret_file", "cannot read " + s.client_secret_file);
  }
  std::string secret((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  if (secret.empty()) {
    return ValidationError("oidc.client_secret_file", s.client_secret_file + " is empty");
  }
  s.client_secret = std::move(secret);
  if (std::find(s.scopes.begin(), s.scopes.end(), "openid") == s.scopes.end()) {
    return ValidationError("oidc.scopes", "must include openid");
  }
  static const std::vector<std::string> kSigning = {"RS256", "RS384", "RS512", "PS256", "PS384",
                                                    "PS512", "ES256", "ES384", "ES512"};
  for (const auto& a : s.algorithms) {
    if (std::find(kSigning.begin(), kSigning.end(), a) == kSigning.end()) {
      return ValidationError("oidc.algorithms",
                             a + " is not allowed (RS256/384/512, PS256/384/512, ES256/384/512)");
    }
  }
  if (s.algorithms.empty()) return ValidationError("oidc.algorithms", "must name one algorithm");
  if (!s.redirect_uri.empty() && !SecureOrLoopback(s.redirect_uri)) {
    return ValidationError("oidc.redirect_uri", "must be an https:// URL");
  }
  return Ok();
}

}  // namespace accord::app
