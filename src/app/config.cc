#include "accord/app/config.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>

#include "accord/app/serve.h"
#include "accord/core/utf8.h"
#include "toml_file.h"

namespace accord::app {

Status ReadTrustConfig(const std::filesystem::path& file, http::TrustSettings& out) {
  auto parsed = ParseTomlFile(file);
  if (!parsed.ok()) return std::move(parsed).error();
  const toml::table& table = *parsed;
  // One reader checks the file's tables: a misspelt [smtp] must not silently mean no email.
  std::vector<ErrorDetail> unknown;
  // One line per table, so work that adds a table adds a line.
  static const std::vector<std::string_view> kTables = {
      "smtp",
      "trust",
      "witnesses",
      "oidc",
      "identity",
      "sms",              // issue 26: text messages
      "voice",            // issue 26: calls
      "secure_messages",  // issue 26: Secure Message's master key file
      "status",           // issue 27: probes and uptime
  };
  for (const auto& [key, value] : table) {
    if (std::find(kTables.begin(), kTables.end(), key.str()) == kTables.end()) {
      std::string names;
      for (auto t : kTables) names += (names.empty() ? "" : ", ") + std::string(t);
      unknown.push_back({std::string(key.str()), "unknown table (" + names + ")",
                         static_cast<int>(value.source().begin.line)});
    }
  }
  if (!unknown.empty()) {
    return Error{ErrorCode::kValidationFailed, file.string() + ": unknown settings",
                 std::move(unknown)};
  }
  const toml::node* node = table.get("trust");
  if (!node) return Ok();
  const toml::table* trust = node->as_table();
  if (!trust) return ValidationError("trust", "must be a table ([trust])");
  std::vector<ErrorDetail> problems;
  for (const auto& [key, value] : *trust) {
    std::string k(key.str());
    int line = static_cast<int>(value.source().begin.line);
    int* number = k == "nda_valid_months" ? &out.nda_valid_months
                  : k == "nda_link_days"  ? &out.nda_link_days
                                          : nullptr;
    std::string* dst = k == "security_contact" ? &out.security_contact
                       : k == "public_url"     ? &out.public_url
                       : k == "nda_file"       ? &out.nda_file
                                               : nullptr;
    if (number) {
      // Checked for range with the flags (CheckTrustSettings).
      if (const auto* i = value.as_integer(); i && i->get() >= INT32_MIN && i->get() <= INT32_MAX) {
        *number = static_cast<int>(i->get());
      } else {
        problems.push_back({"trust." + k, "must be a whole number", line});
      }
    } else if (!dst) {
      problems.push_back({"trust." + k,
                          "unknown key (security_contact, public_url, nda_file, "
                          "nda_valid_months, nda_link_days)",
                          line});
    } else if (const auto* s = value.as_string()) {
      *dst = s->get();
    } else {
      problems.push_back({"trust." + k, "must be a string", line});
    }
  }
  if (!problems.empty()) {
    return Error{ErrorCode::kValidationFailed, file.string() + ": invalid [trust] settings",
                 std::move(problems)};
  }
  return Ok();
}

Status LoadNdaText(http::TrustSettings& t) {
  if (t.nda_file.empty()) return Ok();
  std::ifstream in(t.nda_file, std::ios::binary);
  if (!in) return ValidationError("trust.nda_file", "cannot read " + t.nda_file);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.find_first_not_of(" \t\r\n") == std::string::npos || text.size() > 64 * 1024) {
    return ValidationError("trust.nda_file",
                           t.nda_file + " must hold the NDA's text (1 byte to 64 KiB)");
  }
  if (!IsValidUtf8(text)) return ValidationError("trust.nda_file", t.nda_file + " is not UTF-8");
  t.nda_text = std::move(text);
  return Ok();
}

Status CheckTrustSettings(const http::TrustSettings& t) {
  if (t.nda_valid_months < 1 || t.nda_valid_months > 60) {
    return ValidationError("trust.nda_valid_months",
                           "must be 1 to 60 (months an accepted NDA is in force)");
  }
  if (t.nda_link_days < 1 || t.nda_link_days > 60) {
    return ValidationError("trust.nda_link_days", "must be 1 to 60 (days an NDA link works)");
  }
  const std::string& c = t.security_contact;
  bool printable = std::all_of(c.begin(), c.end(), [](char ch) {
    return static_cast<unsigned char>(ch) > 0x20 && ch != 0x7f;
  });
  if (!c.empty() && (!printable || !(c.starts_with("mailto:") || c.starts_with("https://")))) {
    return ValidationError("trust.security_contact",
                           "must be a mailto: or https: URI, e.g. mailto:security@example.com");
  }
  const std::string& u = t.public_url;
  if (!u.empty()) {
    bool https = u.starts_with("https://");
    // http:// only for a loopback host: the authority up to its port, without user info.
    bool local_http = false;
    if (u.starts_with("http://")) {
      std::string authority =
          u.substr(7, u.find('/', 7) == std::string::npos ? std::string::npos : u.find('/', 7) - 7);
      std::string host = authority;
      if (host.starts_with("[")) {
        host = host.substr(0, host.find(']') + 1);
      } else if (auto colon = host.rfind(':'); colon != std::string::npos) {
        host = host.substr(0, colon);
      }
      local_http = authority.find('@') == std::string::npos && IsLoopbackHost(host);
    }
    bool clean = std::all_of(u.begin(), u.end(), [](char ch) {
      return static_cast<unsigned char>(ch) > 0x20 && ch != 0x7f && ch != '"' && ch != '<' &&
             ch != '>' && ch != '@';
    });
    if (!(https || local_http) || !clean || u.ends_with("/")) {
      return ValidationError("trust.public_url",
                             "must be an https:// URL without a trailing slash, e.g. "
                             "https://trust.example.com");
    }
  }
  return Ok();
}

}  // namespace accord::app
