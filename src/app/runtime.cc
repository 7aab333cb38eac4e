#include "accord/app/runtime.h"

#include <sys/stat.h>

#include <boost/json.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "accord/app/private_file.h"
#include "accord/app/restart.h"
#include "accord/core/bytes.h"
#include "accord/core/ids.h"
#include "accord/core/password.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/ledger/merkle.h"
#include "accord/storage/ledger_search.h"
#include "accord/storage/migrations.h"
#include "accord/storage/party_inventory.h"
#include "accord/storage/registry_store.h"

namespace accord::app {

namespace json = boost::json;

Status PreparePrivateDir(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) {
    std::filesystem::create_directories(dir, ec);
    if (ec) return Internal("cannot create --data-dir " + dir.string() + ": " + ec.message());
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
    if (ec) return Internal("cannot make --data-dir " + dir.string() + " private: " + ec.message());
    return Ok();
  }
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) {
    return Internal("cannot read --data-dir " + dir.string() + ": " + std::strerror(errno));
  }
  if (!S_ISDIR(st.st_mode))
    return ValidationError("data_dir", dir.string() + " is not a directory");
  // The database holds password hashes and TOTP secrets, the key file signs checkpoints:
  // a directory others may enter lets them list, rename or replace what is inside.
  if ((st.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return ValidationError("data_dir", dir.string() + " has mode " + mode +
                                           ", which lets other users into it; run 'chmod 700 " +
                                           dir.string() + "'");
  }
  return Ok();
}

Result<std::unique_ptr<Runtime>> Runtime::Open(const StoreConfig& config, const Clock& clock) {
  auto rt = std::unique_ptr<Runtime>(new Runtime(config, clock));
  ACCORD_TRY(PreparePrivateDir(config.data_dir));
  if (rt->config_.db_url.empty()) rt->config_.db_url = storage::DefaultDatabaseUrl(config.data_dir);
  if (rt->config_.signing_key.empty()) rt->config_.signing_key = config.data_dir / "ledger.key";
  auto store =
      storage::OpenStore(storage::StoreOptions{rt->config_.db_url, config.read_connections});
  if (!store.ok()) return std::move(store).error();
  rt->store_ = std::move(store.value());
  ACCORD_TRY(rt->store_->Migrate(storage::AllMigrations()));
  ACCORD_TRY(storage::FillPartyInventory(*rt->store_));
  ACCORD_TRY(storage::FillLedgerEvents(*rt->store_));
  rt->log_ = std::make_unique<storage::EventLog>(*rt->store_, clock, storage::DefaultProjections());
  auto org = rt->ReadOrg();
  if (!org.ok()) return std::move(org).error();
  if (org->has_value()) rt->log_->set_org((*org)->id);
  return rt;
}

Result<std::optional<OrgInfo>> Runtime::ReadOrg() {
  std::optional<OrgInfo> org;
  Status s = store_->Read([&](storage::Tx& tx) -> Status {
    auto row = tx.QueryOne("SELECT id, name, profile, origin FROM rm_org", {});
    if (!row.ok()) return std::move(row).error();
    if (row->has_value()) {
      const auto& r = **row;
      org = OrgInfo{r.Text(0), r.Text(1), r.Text(2), r.Text(3), false};
    }
    return Ok();
  });
  if (!s.ok()) return std::move(s).error();
  return org;
}

Result<OrgInfo> Runtime::EnsureOrg(const policy::Profile& profile, const std::string& origin_flag,
                                   const std::string& org_name) {
  auto result = log_->Execute([&](storage::CommandContext& c) -> Result<json::value> {
    auto row = c.tx().QueryOne("SELECT id, name, profile, origin, profile_sha256 FROM rm_org", {});
    if (!row.ok()) return std::move(row).error();
    if (row->has_value()) {
      const auto& r = **row;
      // The same profile with other text (an upgrade's built-in rules, an edited file): the
      // new text goes into the ledger, so every position's rules can be known (as_of).
      if (r.Text(2) == profile.name && r.Text(4) != profile.sha256) {
        auto index = c.Append(domain::Event{.type = "org.profile_changed",
                                            .actor = domain::SystemActor(),
                                            .subject = {"org", r.Text(0)},
                                            .payload =
                                                json::object{
                                                    {"profile", profile.name},
                                                    {"profile_sha256", profile.sha256},
                                                    {"profile_source", profile.source},
                                                    {"previous_sha256", r.Text(4)},
                                                },
                                            .org = r.Text(0)});
        if (!index.ok()) return std::move(index).error();
      }
      return json::value(json::object{{"id", r.Text(0)},
                                      {"name", r.Text(1)},
                                      {"profile", r.Text(2)},
                                      {"origin", r.Text(3)},
                                      {"created", false}});
    }
    if (c.ledger_size() != 0) return Internal("the ledger has entries but no organisation");
    std::string id = NewId("org", c.Now());
    std::string origin = origin_flag.empty() ? "accord/" + id : origin_flag;
    domain::Event e{.type = "org.created",
                    .actor = domain::SystemActor(),
                    .subject = {"org", id},
                    .payload = json::object{{"name", org_name},
                                            {"profile", profile.name},
                                            {"profile_sha256", profile.sha256},
                                            {"profile_source", profile.source},
                                            {"origin", origin}},
                    .org = id};
    auto index = c.Append(std::move(e));
    if (!index.ok()) return std::move(index).error();
    return json::value(json::object{{"id", id},
                                    {"name", org_name},
                                    {"profile", profile.name},
                                    {"origin", origin},
                                    {"created", true}});
  });
  if (!result.ok()) return std::move(result).error();
  const json::object& o = result->as_object();
  OrgInfo info{std::string(o.at("id").as_string()), std::string(o.at("name").as_string()),
               std::string(o.at("profile").as_string()), std::string(o.at("origin").as_string()),
               o.at("created").as_bool()};
  if (!info.created) {
    // After `accord ledger restart` the first origin still names this log in --origin.
    if (!origin_flag.empty() && origin_flag != info.origin &&
        origin_flag != BaseOrigin(info.origin)) {
      return ValidationError(
          "origin", "is fixed at first start as '" + info.origin + "'; got '" + origin_flag + "'");
    }
    if (profile.name != info.profile) {
      return ValidationError("profile", "this store uses profile '" + info.profile +
                                            "' (fixed at first start); changing it is an "
                                            "explicit command");
    }
  }
  log_->set_org(info.id);
  return info;
}

Status Runtime::LoadSigner(const std::string& origin, bool create) {
  if (!create && !std::filesystem::exists(config_.signing_key)) {
    return ValidationError("signing-key", "no checkpoint key at " + config_.signing_key.string() +
                                              ": give the server's key with --signing-key or "
                                              "--data-dir (only `accord serve` creates one)");
  }
  auto signer = ledger::LoadOrCreateSigner(config_.signing_key, origin);
  if (!signer.ok()) return std::move(signer).error();
  // A restarted log signs with the same key under the new origin's name, which is what
  // witnesses look a log's key up by (docs/ledger.md, "Restarting the log").
  if (signer->name() != origin && signer->name() == BaseOrigin(origin)) {
    auto renamed = signer->WithName(origin);
    if (!renamed.ok()) return std::move(renamed).error();
    signer_.emplace(std::move(renamed.value()));
  } else {
    signer_.emplace(std::move(signer.value()));
  }
  std::string vkey = signer_->VerifierKey();
  char key_id[9];
  std::snprintf(key_id, sizeof key_id, "%08x", signer_->KeyId());
  auto r = log_->Execute([&](storage::CommandContext& c) -> Result<json::value> {
    auto row = c.tx().QueryOne("SELECT 1 FROM rm_signing_keys WHERE verifier_key = ?", {vkey});
    if (!row.ok()) return std::move(row).error();
    if (row->has_value()) return json::value(false);
    domain::Event e{.type = "ledger.key_added",
                    .actor = domain::SystemActor(),
                    .subject = {"signing_key", key_id},
                    .payload = json::object{
                        {"verifier_key", vkey}, {"name", signer_->name()}, {"key_id", key_id}}};
    auto index = c.Append(std::move(e));
    if (!index.ok()) return std::move(index).error();
    return json::value(true);
  });
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

namespace {

// The consistency of the stored ledger with a checkpoint signed earlier (`note`), by
// `verifiers`; `where` names the checkpoint's source in messages.
Status CheckConsistentWith(storage::Tx& tx, const std::string& note, const std::string& origin,
                           const std::vector<ledger::Verifier>& verifiers,
                           const std::string& where) {
  auto opened = ledger::OpenNote(note, verifiers);
  if (!opened.ok()) {
    return Error{ErrorCode::kCheckFailed,
                 where + " is not a checkpoint signed by this log's key: " + opened.error().message,
                 {}};
  }
  auto trusted = ledger::ParseCheckpoint(opened->text);
  if (!trusted.ok()) return Error{ErrorCode::kCheckFailed, where + " is malformed", {}};
  if (trusted->origin != origin) {
    return Error{ErrorCode::kCheckFailed,
                 where + " is for the log '" + trusted->origin + "', not '" + origin + "'",
                 {}};
  }
  auto head = storage::ReadHead(tx);
  if (!head.ok()) return std::move(head).error();
  const std::string advice =
      "; refusing to sign a checkpoint over it. Run 'accord ledger verify --trusted-checkpoint " +
      where +
      "' to see what differs, and see docs/operations.md, \"When the ledger does not "
      "match its checkpoint\"";
  if (head->size() < trusted->size) {
    return Error{ErrorCode::kCheckFailed,
                 "the ledger has " + std::to_string(head->size()) +
                     " entries but this log already signed a checkpoint at size " +
                     std::to_string(trusted->size) + " (" + where +
                     "): entries were removed, or an older backup was restored" + advice +
                     "; after restoring an older backup on purpose, run 'accord ledger restart "
                     "--reason TEXT' to record it and continue under a new origin",
                 {}};
  }
  if (trusted->size == 0) return Ok();
  auto proof = ledger::ConsistencyProof(trusted->size, head->size(), storage::NodeSourceFor(tx));
  Status consistent = proof.ok() ? ledger::VerifyConsistency(trusted->size, head->size(), *proof,
                                                             trusted->root, head->frontier.Root())
                                 : Status(std::move(proof).error());
  if (!consistent.ok()) {
    return Error{ErrorCode::kCheckFailed,
                 "the ledger is not an append-only extension of the checkpoint at size " +
                     std::to_string(trusted->size) + " (" + where +
                     "): its first entries were changed (" + consistent.error().message + ")" +
                     advice,
                 {}};
  }
  return Ok();
}

// This server's key (when loaded) and every key recorded in the ledger.
Result<std::vector<ledger::Verifier>> KnownVerifiers(storage::Tx& tx, const ledger::Signer* own) {
  std::vector<ledger::Verifier> keys;
  if (own != nullptr) {
    auto self = ledger::Verifier::Parse(own->VerifierKey());
    if (!self.ok()) return std::move(self).error();
    keys.push_back(std::move(*self));
  }
  // After a key rotation the file was signed by an earlier key, recorded in the ledger.
  auto recorded = storage::ListSigningKeys(tx);
  if (!recorded.ok()) return std::move(recorded).error();
  for (const auto& k : *recorded) {
    auto v = ledger::Verifier::Parse(k.as_object().at("verifier_key").as_string());
    if (v.ok()) keys.push_back(std::move(*v));
  }
  return keys;
}

}  // namespace

Status Runtime::CheckCheckpointFile(const std::string& origin, bool adopt) {
  auto file = ReadPrivateFile(checkpoint_file(), "checkpoint_file");
  if (!file.ok()) return std::move(file).error();
  if (!file->has_value()) {
    if (!adopt) return Ok();
    std::optional<storage::StoredCheckpoint> latest;
    ACCORD_TRY(store_->Read([&](storage::Tx& tx) -> Status {
      auto l = storage::LatestCheckpoint(tx);
      if (!l.ok()) return std::move(l).error();
      latest = std::move(*l);
      return Ok();
    }));
    if (latest) return WritePrivateFile(checkpoint_file(), latest->note);
    return Ok();
  }
  return store_->Read([&](storage::Tx& tx) -> Status {
    auto keys = KnownVerifiers(tx, signer_ ? &*signer_ : nullptr);
    if (!keys.ok()) return std::move(keys).error();
    return CheckConsistentWith(tx, **file, origin, *keys, checkpoint_file().string());
  });
}

Result<std::optional<storage::StoredCheckpoint>> Runtime::Checkpoint(const std::string& origin) {
  if (!signer_) return Internal("no signing key loaded");
  auto file = ReadPrivateFile(checkpoint_file(), "checkpoint_file");
  if (!file.ok()) return std::move(file).error();
  std::optional<storage::StoredCheckpoint> written;
  Status s = store_->Write([&](storage::Tx& tx) -> Status {
    auto head = storage::ReadHead(tx);
    if (!head.ok()) return std::move(head).error();
    auto latest = storage::LatestCheckpoint(tx);
    if (!latest.ok()) return std::move(latest).error();
    if (latest->has_value() && (*latest)->size >= head->size()) return Ok();
    if (file->has_value()) {
      auto keys = KnownVerifiers(tx, &*signer_);
      if (!keys.ok()) return std::move(keys).error();
      ACCORD_TRY(CheckConsistentWith(tx, **file, origin, *keys, checkpoint_file().string()));
    }
    Hash root = head->frontier.Root();
    std::string body = ledger::FormatCheckpoint(ledger::Checkpoint{origin, head->size(), root});
    storage::StoredCheckpoint cp{head->size(), root, signer_->Sign(body),
                                 FormatRfc3339(clock_.Now())};
    ACCORD_TRY(storage::InsertCheckpoint(tx, cp));
    written = std::move(cp);
    return Ok();
  });
  if (!s.ok()) return std::move(s).error();
  // After the commit: the file never runs ahead of the database it vouches for.
  if (written) ACCORD_TRY(WritePrivateFile(checkpoint_file(), written->note));
  return written;
}

Result<storage::NewToken> CreateApiToken(storage::EventLog& log, const domain::Actor& actor,
                                         const std::string& user, const std::string& name,
                                         const std::string& role,
                                         std::optional<TimePoint> expires_at) {
  std::optional<storage::NewToken> token;
  auto r = log.Execute([&](storage::CommandContext& c) -> Result<json::value> {
    auto u = user.find('@') == std::string::npos ? storage::FindUser(c.tx(), user)
                                                 : storage::FindUserByEmail(c.tx(), user);
    if (!u.ok()) return std::move(u).error();
    if (!u->has_value()) return ValidationError("user", "no account is " + user);
    auto t = storage::CreateToken(c, actor, domain::StateString(**u, "id"), name, role, expires_at);
    if (!t.ok()) return std::move(t).error();
    token = std::move(*t);
    return json::value(token->id);
  });
  if (!r.ok()) return std::move(r).error();
  return std::move(*token);
}

Result<json::object> AddUser(storage::EventLog& log, const domain::Actor& actor,
                             const json::object& body, const std::string& password,
                             const policy::IdentityPolicy& policy, bool installer_attests) {
  const json::value* email = body.if_contains("email");
  ACCORD_TRY(CheckPasswordPolicy(
      password, email && email->is_string() ? std::string_view(email->as_string()) : "",
      policy.password_min_bits));
  auto hash = HashPassword(password);
  if (!hash.ok()) return std::move(hash).error();
  auto r = log.Execute([&](storage::CommandContext& c) -> Result<json::value> {
    auto state = storage::CreateUser(c, actor, body, *hash, policy, installer_attests);
    if (!state.ok()) return std::move(state).error();
    return json::value(std::move(*state));
  });
  if (!r.ok()) return std::move(r).error();
  return std::move(r->as_object());
}

}  // namespace accord::app
