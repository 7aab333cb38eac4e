// `accord serve`: start-up, the checkpoint loop, graceful shutdown.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "accord/app/phone_channel.h"
#include "accord/app/runtime.h"
#include "accord/app/smtp.h"
#include "accord/app/witnessing.h"
#include "accord/http/api.h"
#include "accord/http/oidc.h"

namespace accord::app {

struct ServeOptions {
  StoreConfig store;
  std::string listen = "127.0.0.1:8080";
  std::string profile = "luma";
  std::string origin;  // default accord/<org id>
  std::string org_name = "My organisation";
  bool demo = false;
  std::optional<std::filesystem::path> tls_cert;
  std::optional<std::filesystem::path> tls_key;
  bool insecure_http = false;
  int threads = 0;  // I/O threads; 0: ServeThreads() picks by database
  size_t body_limit = 1 << 20;
  // Uploads received at once, each into its own file under DATA_DIR/uploads (docs/operations.md).
  int max_uploads = 4;
  SmtpConfig smtp;            // the [smtp] table of --config, overridden by --smtp-* flags
  http::TrustSettings trust;  // [trust] of --config, --security-contact, --public-url
  std::vector<WitnessEndpoint> witnesses;  // [witnesses.NAME] of --config
  http::OidcSettings oidc;                 // [oidc] and [identity] of --config: single sign-on
  PhoneConfig sms, voice;                  // [sms] and [voice] of --config (issue 26)
  storage::StatusSettings status;          // [status] of --config: probes and uptime (issue 27)
  // --web-dir: the built portal (web/dist). Empty: web/dist under the working directory or
  // beside the source tree the binary was built from; without one only the API is served.
  std::string web_dir;
  // Secure Message's master key file (issue 26); empty: DATA_DIR/message.keys.
  std::filesystem::path message_key_file;
};

// Runs until SIGINT/SIGTERM; returns the process exit code (CONTRACT.md).
int Serve(const ServeOptions& options);

// Splits "HOST:PORT" ("[::1]:8080" for IPv6); the error names the flag.
Result<std::pair<std::string, uint16_t>> ParseListen(std::string_view listen);
bool IsLoopbackHost(std::string_view host);

// I/O threads for `--threads` (0: by database) on a machine with `cores` cores. Handlers run on
// them and wait for the database there: SQLite answers within the call (2 threads), while on
// PostgreSQL each thread waits out a network round trip, so 4 per core keep both busy.
int ServeThreads(int asked, std::string_view db_url, unsigned cores);

// Seeds the demo organisation's sample data; returns what to print once.
Result<std::string> SeedDemo(Runtime& runtime, const policy::Profile& profile);
// The demo's SMS and voice deliveries and the officer's phone (demo_channels.cc, issue 26).
Status SeedDemoDeliveries(Runtime& runtime);
// The demo's status components (probing this server at `listen_url`), uptime history,
// maintenance and a subcontractor's SLA feed and breach (issue 27); after the server listens.
Status SeedDemoStatus(Runtime& runtime, const policy::Profile& profile,
                      const std::string& listen_url);

}  // namespace accord::app
