#include "accord/storage/migrations.h"

#include <vector>

namespace accord::storage {
namespace {

// Version 1: the ledger and the foundation's read models. Never edit a released
// migration: add a new one.
const char* kV1Sqlite = R"sql(
CREATE TABLE ledger_leaves (
  idx INTEGER PRIMARY KEY,
  leaf BLOB NOT NULL,
  leaf_hash BLOB NOT NULL
);
CREATE TABLE ledger_nodes (
  level INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  hash BLOB NOT NULL,
  PRIMARY KEY (level, idx)
) WITHOUT ROWID;
CREATE TABLE ledger_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  size INTEGER NOT NULL,
  frontier BLOB NOT NULL
);
INSERT INTO ledger_head(id, size, frontier) VALUES (1, 0, x'');
CREATE TABLE ledger_checkpoints (
  size INTEGER PRIMARY KEY,
  root BLOB NOT NULL,
  note TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE rm_org (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  profile TEXT NOT NULL,
  profile_sha256 TEXT NOT NULL,
  origin TEXT NOT NULL,
  created_index INTEGER NOT NULL
);
CREATE TABLE rm_signing_keys (
  verifier_key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  key_id TEXT NOT NULL,
  added_index INTEGER NOT NULL,
  added_at TEXT NOT NULL
);
CREATE TABLE rm_subject_events (
  subject_kind TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  type TEXT NOT NULL,
  time TEXT NOT NULL,
  PRIMARY KEY (subject_kind, subject_id, idx)
) WITHOUT ROWID;
CREATE TABLE rm_notes (
  id TEXT PRIMARY KEY,
  subject_kind TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  text TEXT NOT NULL,
  author_id TEXT NOT NULL,
  author_role TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_index INTEGER NOT NULL
);
CREATE INDEX rm_notes_subject ON rm_notes(subject_kind, subject_id, created_index);
CREATE TABLE rm_api_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT
);
CREATE TABLE api_token_secrets (
  token_id TEXT PRIMARY KEY,
  secret_hash BLOB NOT NULL UNIQUE
);
)sql";

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "ledger and foundation read models", kV1Sqlite, ""},
  };
  return kMigrations;
}

}  // namespace

std::span<const Migration> AllMigrations() { return Migrations(); }

}  // namespace accord::storage
