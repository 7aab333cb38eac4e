// Wiring shared by `accord serve` and the CLI: open + migrate the store, load the signing
// key, make sure the organisation and its key are in the ledger, write checkpoints.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "accord/core/clock.h"
#include "accord/ledger/note.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/ledger_tables.h"
#include "accord/storage/store.h"

namespace accord::app {

struct StoreConfig {
  std::filesystem::path data_dir = "var";
  std::string db_url;                 // empty: sqlite under data_dir
  std::filesystem::path signing_key;  // empty: data_dir/ledger.key
  int read_connections = 8;           // idle read connections kept (storage::StoreOptions)
};

struct OrgInfo {
  std::string id;
  std::string name;
  std::string profile;
  std::string origin;
  bool created = false;  // true when this call created it (empty store)
};

// Creates `dir` readable by its owner only (0700), or checks an existing one is: a directory
// that group or others may enter is refused, naming the chmod that fixes it.
Status PreparePrivateDir(const std::filesystem::path& dir);

class Runtime {
 public:
  // Opens the store named by config (after PreparePrivateDir on its data dir) and applies
  // migrations.
  static Result<std::unique_ptr<Runtime>> Open(const StoreConfig& config, const Clock& clock);

  storage::Store& store() { return *store_; }
  storage::EventLog& log() { return *log_; }
  const Clock& clock() const { return clock_; }
  const StoreConfig& config() const { return config_; }

  // The organisation if the store has one.
  Result<std::optional<OrgInfo>> ReadOrg();
  // Creates the organisation on an empty store (recording profile and origin in the
  // ledger) or checks the given flags agree with the one recorded.
  Result<OrgInfo> EnsureOrg(const policy::Profile& profile, const std::string& origin_flag,
                            const std::string& org_name);
  // Loads the key file (creating it only when `create`, as `serve` does) and records its
  // verifier key in the ledger if new.
  Status LoadSigner(const std::string& origin, bool create = true);
  const ledger::Signer& signer() const { return *signer_; }
  // Signs and stores a checkpoint if the ledger grew since the last one, after proving the
  // ledger consistent with the checkpoint file (CheckCheckpointFile); then replaces the file.
  Result<std::optional<storage::StoredCheckpoint>> Checkpoint(const std::string& origin);

  // DATA_DIR/checkpoint: the last checkpoint this data directory's server signed (0600),
  // kept outside the database so a rewritten database cannot take it along.
  std::filesystem::path checkpoint_file() const { return config_.data_dir / "checkpoint"; }
  // kCheckFailed, saying what is wrong and what to do, when the ledger is shorter than the
  // checkpoint file or not an append-only extension of it (a consistency proof from its size
  // over the stored tree does not verify against its root and the head). No file: Ok, and
  // with `adopt` the latest stored checkpoint becomes the file (the first start of a data
  // directory that has none). Without LoadSigner, the keys recorded in the ledger check it.
  Status CheckCheckpointFile(const std::string& origin, bool adopt = false);

 private:
  Runtime(StoreConfig config, const Clock& clock) : config_(std::move(config)), clock_(clock) {}
  StoreConfig config_;
  const Clock& clock_;
  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<storage::EventLog> log_;
  std::optional<ledger::Signer> signer_;
};

// Creates an API token for the account named by email or id; the secret is shown once.
// The ledger records its metadata (token.created), never the secret.
Result<storage::NewToken> CreateApiToken(storage::EventLog& log, const domain::Actor& actor,
                                         const std::string& user, const std::string& name,
                                         const std::string& role,
                                         std::optional<TimePoint> expires_at);

// Creates an account from a request-shaped body; checks the password policy and hashes it
// with Argon2id first (slow: never on an I/O thread). See storage::CreateUser.
Result<boost::json::object> AddUser(storage::EventLog& log, const domain::Actor& actor,
                                    const boost::json::object& body, const std::string& password,
                                    const policy::IdentityPolicy& policy, bool installer_attests);

}  // namespace accord::app
