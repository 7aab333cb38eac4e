// The server's settings file (`accord serve --config FILE`, TOML): `[smtp]` is read by
// ReadSmtpConfig (app/smtp.h); `[trust]` (security_contact, public_url) here. Flags given
// on the command line override the file.
#pragma once

#include <filesystem>

#include "accord/core/result.h"
#include "accord/http/api.h"
#include "accord/http/oidc.h"
#include "accord/storage/status.h"

namespace accord::app {

// Reads `[trust]` into `out` (absent keys keep out's values); errors name the key and line.
Status ReadTrustConfig(const std::filesystem::path& file, http::TrustSettings& out);
// security_contact is a mailto: or https: URI; public_url an https:// URL without a
// trailing slash (http:// only for loopback).
Status CheckTrustSettings(const http::TrustSettings& settings);
// Reads `[oidc]` and `[identity]` into `out` (single sign-on, issue 25); errors name the key
// and line.
Status ReadOidcConfig(const std::filesystem::path& file, http::OidcSettings& out);
// Checks the settings and reads the client secret from client_secret_file (when enabled).
Status PrepareOidcSettings(http::OidcSettings& settings);
// Reads `[status]` into `out` (issue 27: allow_private_targets, target_percent,
// retention_days, failures_for_outage); errors name the key and line.
Status ReadStatusConfig(const std::filesystem::path& file, storage::StatusSettings& out);
// Reads nda_file (when set) into nda_text: UTF-8, 1 byte to 64 KiB.
Status LoadNdaText(http::TrustSettings& settings);

}  // namespace accord::app
