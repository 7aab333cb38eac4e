// `accord serve`: the server's flags, over a --config file's [smtp] and [trust] tables.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "accord/app/config.h"
#include "accord/app/message_keys.h"
#include "accord/app/serve.h"
#include "cli_commands.h"

namespace accord::cli {

namespace {

// What `serve` was given; the flags that override the config file are applied when it runs.
struct ServeFlags {
  app::ServeOptions serve;
  std::string tls_cert, tls_key;
  std::string config_file, smtp_password_file, smtp_ca_file;
  app::SmtpConfig smtp_flags;
  std::optional<uint16_t> smtp_port;
  std::optional<bool> smtp_starttls;
  http::TrustSettings trust_flags;
  std::optional<int> nda_valid_months, nda_link_days;
};

int RunServe(const Globals& g, ServeFlags& f) {
  app::ServeOptions& serve = f.serve;
  serve.store = StoreConfigOf(g);
  if (!f.tls_cert.empty()) serve.tls_cert = f.tls_cert;
  if (!f.tls_key.empty()) serve.tls_key = f.tls_key;
  if (!f.config_file.empty()) {
    for (const Status& s : {app::ReadSmtpConfig(f.config_file, serve.smtp),
                            app::ReadTrustConfig(f.config_file, serve.trust),
                            app::ReadWitnessConfig(f.config_file, serve.witnesses),
                            app::ReadOidcConfig(f.config_file, serve.oidc),
                            app::ReadPhoneConfig(f.config_file, "sms", serve.sms),
                            app::ReadPhoneConfig(f.config_file, "voice", serve.voice),
                            app::ReadMessageKeyConfig(f.config_file, serve.message_key_file),
                            app::ReadStatusConfig(f.config_file, serve.status)}) {
      if (s.ok()) continue;
      std::fprintf(stderr, "accord serve: %s\n", s.error().ToString().c_str());
      return kExitUsage;
    }
  }
  if (!f.trust_flags.security_contact.empty()) {
    serve.trust.security_contact = f.trust_flags.security_contact;
  }
  if (!f.trust_flags.public_url.empty()) serve.trust.public_url = f.trust_flags.public_url;
  if (!f.trust_flags.nda_file.empty()) serve.trust.nda_file = f.trust_flags.nda_file;
  if (f.nda_valid_months) serve.trust.nda_valid_months = *f.nda_valid_months;
  if (f.nda_link_days) serve.trust.nda_link_days = *f.nda_link_days;
  for (auto [flag, field] : {std::pair{&f.smtp_flags.host, &serve.smtp.host},
                             std::pair{&f.smtp_flags.user, &serve.smtp.user},
                             std::pair{&f.smtp_flags.from, &serve.smtp.from}}) {
    if (!flag->empty()) *field = *flag;
  }
  if (!f.smtp_password_file.empty()) serve.smtp.password_file = f.smtp_password_file;
  if (!f.smtp_ca_file.empty()) serve.smtp.ca_file = f.smtp_ca_file;
  if (f.smtp_port) serve.smtp.port = *f.smtp_port;
  if (f.smtp_starttls) serve.smtp.starttls = *f.smtp_starttls;
  return app::Serve(serve);
}

}  // namespace

void AddServeCommand(CLI::App& cli, Globals& g, int& exit_code) {
  auto f = std::make_shared<ServeFlags>();
  app::ServeOptions& serve = f->serve;
  auto* serve_cmd = cli.add_subcommand("serve", "run the HTTP(S) server");
  AddStoreOptions(serve_cmd, g);
  serve_cmd->add_option("--listen", serve.listen, "HOST:PORT (port 0 picks a free one)")
      ->capture_default_str();
  serve_cmd->add_option("--profile", serve.profile, "luma | bloomapi | janus | FILE")
      ->capture_default_str();
  serve_cmd->add_flag("--demo", serve.demo, "seed sample data into an empty store");
  serve_cmd->add_option("--tls-cert", f->tls_cert, "PEM certificate chain (serves HTTPS)");
  serve_cmd->add_option("--tls-key", f->tls_key, "PEM private key");
  serve_cmd->add_option("--origin", serve.origin, "checkpoint origin (default accord/<org id>)");
  serve_cmd->add_option("--org-name", serve.org_name, "organisation name at first start");
  serve_cmd->add_option("--message-key-file", serve.message_key_file,
                        "Secure Message master keys (0600; default DATA_DIR/message.keys)");
  serve_cmd->add_flag("--insecure-http", serve.insecure_http,
                      "allow plain HTTP on a non-loopback address");
  serve_cmd->add_option("--threads", serve.threads,
                        "I/O threads (default: 2 on SQLite, 4 per core on PostgreSQL)");
  serve_cmd
      ->add_option("--max-uploads", serve.max_uploads,
                   "document uploads received at once (more are answered 503, retry later)")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  serve_cmd->add_option("--web-dir", serve.web_dir,
                        "the built web portal (default: web/dist, served under /app/)");
  // Email: a config file's [smtp] table, then these flags over it.
  serve_cmd->add_option("--config", f->config_file,
                        "TOML settings file ([smtp] host port user password_file from starttls "
                        "ca_file timeout_seconds)");
  serve_cmd->add_option("--smtp-host", f->smtp_flags.host, "mail server for notifications");
  serve_cmd->add_option("--smtp-port", f->smtp_port, "its port (default 587)");
  serve_cmd->add_option("--smtp-user", f->smtp_flags.user, "SMTP AUTH user");
  serve_cmd->add_option("--smtp-password-file", f->smtp_password_file,
                        "file holding the SMTP password");
  serve_cmd->add_option("--smtp-from", f->smtp_flags.from, "From: address of notifications");
  serve_cmd->add_option("--smtp-starttls", f->smtp_starttls,
                        "require STARTTLS (default true; false only for a loopback relay)");
  serve_cmd->add_option("--smtp-ca-file", f->smtp_ca_file,
                        "PEM CA certificates to trust for the mail server (a private CA)");
  serve_cmd->add_option("--security-contact", f->trust_flags.security_contact,
                        "the trust center's security contact (mailto: or https: URI)");
  serve_cmd->add_option("--public-url", f->trust_flags.public_url,
                        "this server's public https:// URL (security.txt, links in emails)");
  serve_cmd->add_option("--nda-file", f->trust_flags.nda_file,
                        "the click-through NDA's text (UTF-8; default: a built-in mutual NDA)");
  serve_cmd->add_option("--nda-valid-months", f->nda_valid_months,
                        "how long an accepted click-through NDA is in force (1-60, default 12)");
  serve_cmd->add_option("--nda-link-days", f->nda_link_days,
                        "how long an emailed NDA link works (1-60, default 14)");
  serve_cmd->callback([&g, &exit_code, f] { exit_code = RunServe(g, *f); });
}

}  // namespace accord::cli
