#include "accord/cli/cli.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "accord/app/config.h"
#include "accord/app/runtime.h"
#include "accord/app/serve.h"
#include "accord/cli/progress.h"
#include "accord/core/bytes.h"
#include "accord/core/time.h"
#include "accord/domain/identity.h"
#include "accord/ledger/merkle.h"
#include "accord/storage/backup.h"
#include "accord/storage/ledger_audit.h"
#include "accord/storage/registry_import.h"
#include "cli_profile.h"

namespace accord::cli {

namespace json = boost::json;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitCheckFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitRuntime = 3;

struct Globals {
  app::StoreConfig store;
  std::string db;
  std::string signing_key;
  bool json = false;
};

void AddStoreOptions(CLI::App* cmd, Globals& g) {
  cmd->add_option("--data-dir", g.store.data_dir, "data directory")->capture_default_str();
  cmd->add_option("--db", g.db, "database URL (default sqlite:///DATA_DIR/accord.db)");
  cmd->add_option("--signing-key", g.signing_key,
                  "checkpoint key file (default DATA_DIR/ledger.key)");
  cmd->add_flag("--json", g.json, "machine-readable output");
}

app::StoreConfig StoreConfigOf(const Globals& g) {
  app::StoreConfig c = g.store;
  c.db_url = g.db;
  c.signing_key = g.signing_key;
  return c;
}

int ExitFor(const Error& e) {
  switch (e.code) {
    case ErrorCode::kCheckFailed:
      return kExitCheckFailed;
    case ErrorCode::kValidationFailed:
    case ErrorCode::kBadRequest:
    case ErrorCode::kConflict:  // e.g. restore into a store that is not empty
      return kExitUsage;
    default:
      return kExitRuntime;
  }
}

int Report(const Error& e, const char* command) {
  std::fprintf(stderr, "accord %s: %s\n", command, e.ToString().c_str());
  return ExitFor(e);
}

void PrintJson(const json::value& v) { std::cout << json::serialize(v) << "\n"; }

// Opens the runtime for a command that needs the organisation to exist already.
Result<std::unique_ptr<app::Runtime>> OpenExisting(const Globals& g, const Clock& clock,
                                                   app::OrgInfo& org) {
  auto rt = app::Runtime::Open(StoreConfigOf(g), clock);
  if (!rt.ok()) return rt;
  auto existing = (*rt)->ReadOrg();
  if (!existing.ok()) return std::move(existing).error();
  if (!existing->has_value()) {
    return Error{ErrorCode::kValidationFailed,
                 "this store is empty: start `accord serve` once to create the organisation",
                 {}};
  }
  org = **existing;
  return rt;
}

int RunVerify(const Globals& g) {
  SystemClock clock;
  auto rt = app::Runtime::Open(StoreConfigOf(g), clock);
  if (!rt.ok()) return Report(rt.error(), "ledger verify");
  auto progress = TerminalProgress::ForCommand("ledger verify", g.json);
  auto report = storage::VerifyLedger((*rt)->store(), progress.callback());
  progress.Finish();
  if (!report.ok()) return Report(report.error(), "ledger verify");
  const auto& r = *report;
  if (g.json) {
    json::object o{{"ok", r.ok},
                   {"size", r.size},
                   {"root_hash", Base64Encode(r.root)},
                   {"checkpoints", r.checkpoints},
                   {"nodes", r.nodes},
                   {"keys", r.keys}};
    if (!r.ok) {
      o["problem"] = r.problem;
      o["first_bad_index"] = r.first_bad_index ? json::value(*r.first_bad_index) : nullptr;
    }
    PrintJson(o);
  } else if (r.ok) {
    std::printf(
        "ledger OK: size %llu, root %s\n%llu checkpoint signatures, %llu tree nodes, "
        "%llu signing keys checked\n",
        static_cast<unsigned long long>(r.size), Base64Encode(r.root).c_str(),
        static_cast<unsigned long long>(r.checkpoints), static_cast<unsigned long long>(r.nodes),
        static_cast<unsigned long long>(r.keys));
  } else {
    std::printf("ledger TAMPERED: %s\n", r.problem.c_str());
    if (r.first_bad_index) {
      std::printf("first bad index: %llu\n", static_cast<unsigned long long>(*r.first_bad_index));
    }
  }
  return r.ok ? kExitOk : kExitCheckFailed;
}

int RunRebuild(const Globals& g) {
  SystemClock clock;
  auto rt = app::Runtime::Open(StoreConfigOf(g), clock);
  if (!rt.ok()) return Report(rt.error(), "ledger rebuild");
  const auto& projections = (*rt)->log().projections();
  auto before = storage::ReadModelDigest((*rt)->store(), projections);
  if (!before.ok()) return Report(before.error(), "ledger rebuild");
  auto replayed = storage::RebuildReadModels((*rt)->store(), projections);
  if (!replayed.ok()) return Report(replayed.error(), "ledger rebuild");
  auto after = storage::ReadModelDigest((*rt)->store(), projections);
  if (!after.ok()) return Report(after.error(), "ledger rebuild");
  bool same = *before == *after;
  if (g.json) {
    PrintJson(json::object{{"replayed", *replayed},
                           {"digest_before", *before},
                           {"digest_after", *after},
                           {"identical", same}});
  } else {
    std::printf("replayed %llu events\ndigest before %s\ndigest after  %s\n%s\n",
                static_cast<unsigned long long>(*replayed), before->c_str(), after->c_str(),
                same ? "identical" : "DIFFERENT: the read models had drifted from the ledger");
  }
  return same ? kExitOk : kExitCheckFailed;
}

int RunDigest(const Globals& g) {
  SystemClock clock;
  auto rt = app::Runtime::Open(StoreConfigOf(g), clock);
  if (!rt.ok()) return Report(rt.error(), "ledger digest");
  auto digest = storage::ReadModelDigest((*rt)->store(), (*rt)->log().projections());
  if (!digest.ok()) return Report(digest.error(), "ledger digest");
  if (g.json) {
    PrintJson(json::object{{"digest", *digest}});
  } else {
    std::printf("%s\n", digest->c_str());
  }
  return kExitOk;
}

int RunCheckpoint(const Globals& g) {
  SystemClock clock;
  app::OrgInfo org;
  auto rt = OpenExisting(g, clock, org);
  if (!rt.ok()) return Report(rt.error(), "ledger checkpoint");
  if (auto s = (*rt)->LoadSigner(org.origin, /*create=*/false); !s.ok())
    return Report(s.error(), "ledger checkpoint");
  auto cp = (*rt)->Checkpoint(org.origin);
  if (!cp.ok()) return Report(cp.error(), "ledger checkpoint");
  std::optional<storage::StoredCheckpoint> latest = *cp;
  if (!latest) {
    Status s = (*rt)->store().Read([&](storage::Tx& tx) -> Status {
      auto l = storage::LatestCheckpoint(tx);
      if (!l.ok()) return std::move(l).error();
      latest = *l;
      return Ok();
    });
    if (!s.ok()) return Report(s.error(), "ledger checkpoint");
  }
  if (!latest) return Report(Internal("no checkpoint"), "ledger checkpoint");
  if (g.json) {
    PrintJson(json::object{{"origin", org.origin},
                           {"size", latest->size},
                           {"root_hash", Base64Encode(latest->root)},
                           {"note", latest->note},
                           {"new", cp->has_value()}});
  } else {
    std::fputs(latest->note.c_str(), stdout);
  }
  return kExitOk;
}

int RunPublicKey(const Globals& g) {
  SystemClock clock;
  app::OrgInfo org;
  auto rt = OpenExisting(g, clock, org);
  if (!rt.ok()) return Report(rt.error(), "ledger public-key");
  if (auto s = (*rt)->LoadSigner(org.origin, /*create=*/false); !s.ok())
    return Report(s.error(), "ledger public-key");
  std::string key = (*rt)->signer().VerifierKey();
  if (g.json) {
    PrintJson(json::object{{"verifier_key", key}});
  } else {
    std::printf("%s\n", key.c_str());
  }
  return kExitOk;
}

json::array HashArray(const std::vector<Hash>& hashes) {
  json::array a;
  for (const auto& h : hashes) a.emplace_back(Base64Encode(h));
  return a;
}

int RunProve(const Globals& g, std::optional<uint64_t> index, std::optional<uint64_t> size,
             std::optional<uint64_t> from, std::optional<uint64_t> to) {
  SystemClock clock;
  auto rt = app::Runtime::Open(StoreConfigOf(g), clock);
  if (!rt.ok()) return Report(rt.error(), "ledger prove");
  const bool inclusion = index.has_value();
  if (inclusion == (from.has_value() || to.has_value()) || (inclusion && !size) ||
      (!inclusion && !(from && to))) {
    return Report(ValidationError("prove", "give --index I --size N, or --from M --to N"),
                  "ledger prove");
  }
  json::object out;
  Status s = (*rt)->store().Read([&](storage::Tx& tx) -> Status {
    auto head = storage::ReadHead(tx);
    if (!head.ok()) return std::move(head).error();
    uint64_t n = inclusion ? *size : *to;
    if (n > head->size()) {
      return ValidationError(inclusion ? "size" : "to",
                             "must be at most the ledger size " + std::to_string(head->size()));
    }
    auto nodes = storage::NodeSourceFor(tx);
    auto root = ledger::RootAt(n, nodes);
    if (!root.ok()) return std::move(root).error();
    if (inclusion) {
      auto proof = ledger::InclusionProof(*index, n, nodes);
      if (!proof.ok()) return std::move(proof).error();
      auto leaf = storage::ReadNode(tx, 0, *index);
      if (!leaf.ok()) return std::move(leaf).error();
      ACCORD_TRY(ledger::VerifyInclusion(*index, n, *leaf, *proof, *root));
      out = {{"index", *index},
             {"size", n},
             {"leaf_hash", Base64Encode(*leaf)},
             {"root_hash", Base64Encode(*root)},
             {"proof", HashArray(*proof)}};
    } else {
      auto proof = ledger::ConsistencyProof(*from, n, nodes);
      if (!proof.ok()) return std::move(proof).error();
      auto old_root = ledger::RootAt(*from, nodes);
      if (!old_root.ok()) return std::move(old_root).error();
      ACCORD_TRY(ledger::VerifyConsistency(*from, n, *proof, *old_root, *root));
      out = {{"from", *from},
             {"to", n},
             {"from_root_hash", Base64Encode(*old_root)},
             {"to_root_hash", Base64Encode(*root)},
             {"proof", HashArray(*proof)}};
    }
    return Ok();
  });
  if (!s.ok()) return Report(s.error(), "ledger prove");
  PrintJson(out);
  return kExitOk;
}

int RunImportParties(const Globals& g, const std::string& file, bool skip_invalid) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Report(ValidationError("FILE", "cannot read " + file), "import parties");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto table = storage::ParsePartyCsv(text);
  if (!table.ok()) return Report(table.error(), "import parties");
  SystemClock clock;
  app::OrgInfo org;
  auto rt = OpenExisting(g, clock, org);
  if (!rt.ok()) return Report(rt.error(), "import parties");
  auto progress = TerminalProgress::ForCommand("import parties", g.json);
  auto r = (*rt)->log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
    auto report =
        storage::ImportParties(c, *table, skip_invalid, {"cli", "operator"}, progress.callback());
    if (!report.ok()) return std::move(report).error();
    return json::value(report->ToJson());
  });
  progress.Finish();
  if (!r.ok()) {
    // Row errors, one per line, so a person can fix the file.
    std::fprintf(stderr, "accord import parties: %s\n", r.error().message.c_str());
    for (const auto& d : r.error().details) {
      std::fprintf(stderr, "  %s:%d: %s: %s\n", file.c_str(), d.line.value_or(0), d.field.c_str(),
                   d.reason.c_str());
    }
    return ExitFor(r.error());
  }
  if (g.json) {
    PrintJson(*r);
    return kExitOk;
  }
  const auto& o = r->as_object();
  std::printf("imported %lld parties\n", static_cast<long long>(o.at("imported").as_int64()));
  for (const auto& row : o.at("skipped").as_array()) {
    std::printf("  skipped %s:%lld: %s: %s\n", file.c_str(),
                static_cast<long long>(row.at("line").as_int64()),
                std::string(row.at("field").as_string()).c_str(),
                std::string(row.at("reason").as_string()).c_str());
  }
  return kExitOk;
}

int RunTokenCreate(const Globals& g, const std::string& user, const std::string& name,
                   const std::string& role, const std::string& expires) {
  SystemClock clock;
  std::optional<TimePoint> expires_at;
  if (!expires.empty()) {
    auto d = ParseDuration(expires);
    if (!d.ok()) return Report(ValidationError("expires", d.error().message), "token create");
    expires_at = clock.Now() + std::chrono::duration_cast<std::chrono::milliseconds>(*d);
  }
  app::OrgInfo org;
  auto rt = OpenExisting(g, clock, org);
  if (!rt.ok()) return Report(rt.error(), "token create");
  auto token = app::CreateApiToken((*rt)->log(), domain::Actor{"cli", "operator"}, user, name, role,
                                   expires_at);
  if (!token.ok()) return Report(token.error(), "token create");
  if (g.json) {
    PrintJson(json::object{{"id", token->id}, {"token", token->secret}});
  } else {
    std::printf("created API token %s (%s) for %s; it is shown only once:\n%s\n", token->id.c_str(),
                name.c_str(), user.c_str(), token->secret.c_str());
  }
  return kExitOk;
}

// The identity section of the store's profile (defaults for a profile loaded from a file
// that is no longer at hand).
policy::IdentityPolicy IdentityOf(const app::OrgInfo& org) {
  auto profile = policy::LoadProfile(org.profile);
  return profile.ok() ? profile->identity : policy::IdentityPolicy{};
}

struct UserAddOptions {
  std::string email, name, role, party, expires_at;
  bool password_stdin = false;
};

int RunUserAdd(const Globals& g, const UserAddOptions& o) {
  if (!o.password_stdin) {
    return Report(ValidationError("password-stdin",
                                  "is required: the password is read from standard input, "
                                  "never from the command line"),
                  "user add");
  }
  std::string password((std::istreambuf_iterator<char>(std::cin)),
                       std::istreambuf_iterator<char>());
  while (!password.empty() && (password.back() == '\n' || password.back() == '\r')) {
    password.pop_back();
  }
  SystemClock clock;
  app::OrgInfo org;
  auto rt = OpenExisting(g, clock, org);
  if (!rt.ok()) return Report(rt.error(), "user add");
  json::object body{{"email", o.email},
                    {"name", o.name.empty() ? o.email.substr(0, o.email.find('@')) : o.name},
                    {"role", o.role}};
  if (!o.party.empty()) body["party_id"] = o.party;
  if (!o.expires_at.empty()) body["expires_at"] = o.expires_at;
  auto user = app::AddUser((*rt)->log(), domain::Actor{"cli", "installer"}, body, password,
                           IdentityOf(org), /*installer_attests=*/true);
  if (!user.ok()) return Report(user.error(), "user add");
  if (g.json) {
    PrintJson(*user);
  } else {
    std::printf("created account %s (%s, %s), status %s%s\n",
                std::string(user->at("id").as_string()).c_str(), o.email.c_str(), o.role.c_str(),
                std::string(user->at("status").as_string()).c_str(),
                domain::IsWorkforceRole(o.role)
                    ? "; onboarding records attested by the installer (in the ledger)"
                    : "");
  }
  return kExitOk;
}

int RunBackup(const Globals& g, const std::string& out_path) {
  SystemClock clock;
  auto rt = app::Runtime::Open(StoreConfigOf(g), clock);
  if (!rt.ok()) return Report(rt.error(), "backup");
  // Written beside the target (mode 0600 from the start: it holds token hashes), synced,
  // then renamed and the directory synced, so a crash never leaves a torn backup in place.
  const std::string tmp = out_path + ".partial";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    return Report(Internal("cannot write " + tmp + ": " + std::strerror(errno)), "backup");
  ::close(fd);
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  auto progress = TerminalProgress::ForCommand("backup", g.json);
  auto report =
      storage::WriteBackup((*rt)->store(), out, FormatRfc3339(clock.Now()), progress.callback());
  progress.Finish();
  out.close();
  auto sync = [](const std::string& path) {
    int f = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    bool ok = f >= 0 && ::fsync(f) == 0;
    if (f >= 0) ::close(f);
    return ok;
  };
  if (!report.ok() || !out || !sync(tmp)) {
    std::filesystem::remove(tmp);
    return Report(report.ok() ? Internal("writing " + tmp + " failed") : report.error(), "backup");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, out_path, ec);
  if (ec) return Report(Internal("rename " + tmp + ": " + ec.message()), "backup");
  auto dir = std::filesystem::absolute(out_path).parent_path().string();
  if (!sync(dir)) return Report(Internal("cannot sync directory " + dir), "backup");
  if (g.json) {
    PrintJson(json::object{{"out", out_path},
                           {"leaves", report->leaves},
                           {"checkpoints", report->checkpoints},
                           {"rows", report->rows},
                           {"root_hash", Base64Encode(report->root)}});
  } else {
    std::printf("backup written to %s: %llu ledger entries, %llu checkpoints, root %s\n",
                out_path.c_str(), static_cast<unsigned long long>(report->leaves),
                static_cast<unsigned long long>(report->checkpoints),
                Base64Encode(report->root).c_str());
  }
  return kExitOk;
}

int RunRestore(const Globals& g, const std::string& in_path) {
  std::ifstream in(in_path, std::ios::binary);
  if (!in) return Report(ValidationError("in", "cannot read " + in_path), "restore");
  SystemClock clock;
  auto rt = app::Runtime::Open(StoreConfigOf(g), clock);
  if (!rt.ok()) return Report(rt.error(), "restore");
  auto progress = TerminalProgress::ForCommand("restore", g.json);
  auto report =
      storage::RestoreBackup((*rt)->store(), (*rt)->log().projections(), in, progress.callback());
  progress.Finish();
  if (!report.ok()) return Report(report.error(), "restore");
  // RestoreBackup verified the whole ledger before it committed.
  if (g.json) {
    PrintJson(json::object{{"leaves", report->leaves},
                           {"checkpoints", report->checkpoints},
                           {"rows", report->rows},
                           {"root_hash", Base64Encode(report->root)}});
  } else {
    std::printf("restored %llu ledger entries; verified root %s and %llu checkpoints\n",
                static_cast<unsigned long long>(report->leaves), Base64Encode(report->root).c_str(),
                static_cast<unsigned long long>(report->checkpoints));
  }
  return kExitOk;
}

}  // namespace

int Main(int argc, char** argv) {
  // Logs go to stderr: stdout carries the "listening on" line and command output.
  spdlog::set_default_logger(spdlog::stderr_color_mt("accord"));
  CLI::App cli{"Accord: third-party security policy, enforced, scheduled and proven"};
  cli.require_subcommand(1);
  cli.set_version_flag("--version", std::string(ACCORD_VERSION));
  Globals g;
  int exit_code = kExitOk;

  app::ServeOptions serve;
  std::string tls_cert, tls_key;
  auto* serve_cmd = cli.add_subcommand("serve", "run the HTTP(S) server");
  AddStoreOptions(serve_cmd, g);
  serve_cmd->add_option("--listen", serve.listen, "HOST:PORT (port 0 picks a free one)")
      ->capture_default_str();
  serve_cmd->add_option("--profile", serve.profile, "luma | bloomapi | janus | FILE")
      ->capture_default_str();
  serve_cmd->add_flag("--demo", serve.demo, "seed sample data into an empty store");
  serve_cmd->add_option("--tls-cert", tls_cert, "PEM certificate chain (serves HTTPS)");
  serve_cmd->add_option("--tls-key", tls_key, "PEM private key");
  serve_cmd->add_option("--origin", serve.origin, "checkpoint origin (default accord/<org id>)");
  serve_cmd->add_option("--org-name", serve.org_name, "organisation name at first start");
  serve_cmd->add_flag("--insecure-http", serve.insecure_http,
                      "allow plain HTTP on a non-loopback address");
  serve_cmd->add_flag("--metrics-public", serve.metrics_public, "serve /metrics beyond loopback");
  serve_cmd->add_option("--threads", serve.threads, "I/O threads")->capture_default_str();
  serve_cmd->add_option("--web-dir", serve.web_dir,
                        "the built web portal (default: web/dist, served under /app/)");
  // Email: a config file's [smtp] table, then these flags over it.
  std::string config_file, smtp_password_file, smtp_ca_file;
  app::SmtpConfig smtp_flags;
  std::optional<uint16_t> smtp_port;
  std::optional<bool> smtp_starttls;
  serve_cmd->add_option("--config", config_file,
                        "TOML settings file ([smtp] host port user password_file from starttls "
                        "ca_file timeout_seconds)");
  serve_cmd->add_option("--smtp-host", smtp_flags.host, "mail server for notifications");
  serve_cmd->add_option("--smtp-port", smtp_port, "its port (default 587)");
  serve_cmd->add_option("--smtp-user", smtp_flags.user, "SMTP AUTH user");
  serve_cmd->add_option("--smtp-password-file", smtp_password_file,
                        "file holding the SMTP password");
  serve_cmd->add_option("--smtp-from", smtp_flags.from, "From: address of notifications");
  serve_cmd->add_option("--smtp-starttls", smtp_starttls,
                        "require STARTTLS (default true; false only for a loopback relay)");
  serve_cmd->add_option("--smtp-ca-file", smtp_ca_file,
                        "PEM CA certificates to trust for the mail server (a private CA)");
  http::TrustSettings trust_flags;
  serve_cmd->add_option("--security-contact", trust_flags.security_contact,
                        "the trust center's security contact (mailto: or https: URI)");
  serve_cmd->add_option("--public-url", trust_flags.public_url,
                        "this server's public https:// URL (security.txt, links in emails)");
  serve_cmd->add_option("--nda-file", trust_flags.nda_file,
                        "the click-through NDA's text (UTF-8; default: a built-in mutual NDA)");
  serve_cmd->callback([&] {
    serve.store = StoreConfigOf(g);
    if (!tls_cert.empty()) serve.tls_cert = tls_cert;
    if (!tls_key.empty()) serve.tls_key = tls_key;
    if (!config_file.empty()) {
      for (const Status& s : {app::ReadSmtpConfig(config_file, serve.smtp),
                              app::ReadTrustConfig(config_file, serve.trust)}) {
        if (s.ok()) continue;
        std::fprintf(stderr, "accord serve: %s\n", s.error().ToString().c_str());
        exit_code = kExitUsage;
        return;
      }
    }
    if (!trust_flags.security_contact.empty()) {
      serve.trust.security_contact = trust_flags.security_contact;
    }
    if (!trust_flags.public_url.empty()) serve.trust.public_url = trust_flags.public_url;
    if (!trust_flags.nda_file.empty()) serve.trust.nda_file = trust_flags.nda_file;
    for (auto [flag, field] : {std::pair{&smtp_flags.host, &serve.smtp.host},
                               std::pair{&smtp_flags.user, &serve.smtp.user},
                               std::pair{&smtp_flags.from, &serve.smtp.from}}) {
      if (!flag->empty()) *field = *flag;
    }
    if (!smtp_password_file.empty()) serve.smtp.password_file = smtp_password_file;
    if (!smtp_ca_file.empty()) serve.smtp.ca_file = smtp_ca_file;
    if (smtp_port) serve.smtp.port = *smtp_port;
    if (smtp_starttls) serve.smtp.starttls = *smtp_starttls;
    exit_code = app::Serve(serve);
  });

  auto* ledger_cmd = cli.add_subcommand("ledger", "verify, prove and checkpoint the ledger");
  ledger_cmd->require_subcommand(1);
  auto* verify = ledger_cmd->add_subcommand("verify", "recompute every hash, root and signature");
  AddStoreOptions(verify, g);
  verify->callback([&] { exit_code = RunVerify(g); });
  auto* rebuild =
      ledger_cmd->add_subcommand("rebuild", "drop the read models and replay the ledger");
  AddStoreOptions(rebuild, g);
  rebuild->callback([&] { exit_code = RunRebuild(g); });
  auto* digest = ledger_cmd->add_subcommand("digest", "print the read models' digest");
  AddStoreOptions(digest, g);
  digest->callback([&] { exit_code = RunDigest(g); });
  auto* checkpoint = ledger_cmd->add_subcommand("checkpoint", "sign and store a checkpoint now");
  AddStoreOptions(checkpoint, g);
  checkpoint->callback([&] { exit_code = RunCheckpoint(g); });
  auto* public_key = ledger_cmd->add_subcommand("public-key", "print the verifier key");
  AddStoreOptions(public_key, g);
  public_key->callback([&] { exit_code = RunPublicKey(g); });
  std::optional<uint64_t> index, size, from, to;
  auto* prove = ledger_cmd->add_subcommand("prove", "inclusion or consistency proof");
  AddStoreOptions(prove, g);
  prove->add_option("--index", index, "leaf index (inclusion)");
  prove->add_option("--size", size, "tree size (inclusion)");
  prove->add_option("--from", from, "older tree size (consistency)");
  prove->add_option("--to", to, "newer tree size (consistency)");
  prove->callback([&] { exit_code = RunProve(g, index, size, from, to); });

  auto* token_cmd = cli.add_subcommand("token", "API tokens");
  token_cmd->require_subcommand(1);
  std::string token_user, token_name, token_role, token_expires;
  auto* token_create = token_cmd->add_subcommand("create", "create an API token (printed once)");
  AddStoreOptions(token_create, g);
  token_create->add_option("--user", token_user, "the account (email or id) it acts as")
      ->required();
  token_create->add_option("--name", token_name, "what the token is for")->required();
  token_create->add_option("--role", token_role,
                           "role the token acts as (default: the account's; an officer may "
                           "narrow it to auditor)");
  token_create->add_option("--expires", token_expires, "lifetime, e.g. 30d, 12h");
  token_create->callback(
      [&] { exit_code = RunTokenCreate(g, token_user, token_name, token_role, token_expires); });

  auto* user_cmd = cli.add_subcommand("user", "accounts");
  user_cmd->require_subcommand(1);
  UserAddOptions user_add_options;
  auto* user_add = user_cmd->add_subcommand(
      "add",
      "create an account (bootstraps the first Security Officer); the password is read "
      "from standard input");
  AddStoreOptions(user_add, g);
  user_add->add_option("--email", user_add_options.email, "sign-in email")->required();
  user_add
      ->add_option("--role", user_add_options.role,
                   "security_officer, privacy_officer, "
                   "staff, auditor or third_party_contact")
      ->required();
  user_add->add_option("--name", user_add_options.name, "display name (default: from the email)");
  user_add->add_option("--party", user_add_options.party,
                       "party id a third_party_contact belongs to (TP-7)");
  user_add->add_option("--expires-at", user_add_options.expires_at,
                       "end of access, RFC 3339 or YYYY-MM-DD (e.g. an auditor's engagement)");
  user_add->add_flag("--password-stdin", user_add_options.password_stdin,
                     "read the password from standard input");
  user_add->callback([&] { exit_code = RunUserAdd(g, user_add_options); });

  auto* import_cmd = cli.add_subcommand("import", "import registry data from CSV");
  import_cmd->require_subcommand(1);
  std::string import_file;
  bool skip_invalid = false;
  auto* import_parties = import_cmd->add_subcommand(
      "parties", "import parties from a CSV file (columns: docs/registry.md)");
  AddStoreOptions(import_parties, g);
  import_parties->add_option("FILE", import_file, "CSV file")->required();
  import_parties->add_flag("--skip-invalid", skip_invalid,
                           "import the good rows and report the bad ones");
  import_parties->callback([&] { exit_code = RunImportParties(g, import_file, skip_invalid); });

  std::string backup_out;
  auto* backup = cli.add_subcommand("backup", "write a consistent, backend-neutral backup");
  AddStoreOptions(backup, g);
  backup->add_option("--out", backup_out, "backup file")->required();
  backup->callback([&] { exit_code = RunBackup(g, backup_out); });
  std::string restore_in;
  auto* restore = cli.add_subcommand("restore", "restore a backup into an empty store");
  AddStoreOptions(restore, g);
  restore->add_option("--in", restore_in, "backup file")->required();
  restore->callback([&] { exit_code = RunRestore(g, restore_in); });
  AddProfileCommands(cli, exit_code);

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = cli.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "accord: %s\n", e.what());
    return kExitRuntime;
  }
  return exit_code;
}

}  // namespace accord::cli
