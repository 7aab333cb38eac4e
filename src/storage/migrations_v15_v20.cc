// The schema of the second batch of work (versions 15-20): one file per batch keeps
// migrations.cc, which lists every version, short. Never edit a released migration: add a new one.
#include "migrations_sql.h"

namespace accord::storage::migration_sql {

// Version 15 (issue 24, TR-4): vulnerability scans. Read models of the `scans` projection:
// the targets scanners name, each imported scan, the findings scans raised (by target, tool and
// fingerprint, for de-duplication) and the VEX statements in effect.
extern const char* const kV15Sqlite = R"sql(
CREATE TABLE rm_scan_targets (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  target_kind TEXT NOT NULL,
  system_id TEXT,
  first_seen_at TEXT NOT NULL,
  last_scan_at TEXT,
  last_scan_id TEXT
);
CREATE UNIQUE INDEX rm_scan_targets_name ON rm_scan_targets(name);
CREATE INDEX rm_scan_targets_last ON rm_scan_targets(last_scan_at);
CREATE TABLE rm_scans (
  id TEXT PRIMARY KEY,
  scanned_at TEXT NOT NULL,
  target_id TEXT,
  doc TEXT NOT NULL
);
CREATE INDEX rm_scans_time ON rm_scans(scanned_at);
CREATE INDEX rm_scans_target ON rm_scans(target_id, scanned_at);
CREATE TABLE rm_scan_findings (
  finding_id TEXT PRIMARY KEY,
  target_id TEXT NOT NULL,
  tool TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  rule TEXT NOT NULL,
  package TEXT NOT NULL,
  severity TEXT NOT NULL,
  status TEXT NOT NULL,
  due_at TEXT NOT NULL
);
CREATE INDEX rm_scan_findings_key ON rm_scan_findings(target_id, tool, fingerprint);
CREATE INDEX rm_scan_findings_rule ON rm_scan_findings(rule, status);
CREATE TABLE rm_scan_vex (
  vulnerability_id TEXT NOT NULL,
  package TEXT NOT NULL,
  state TEXT NOT NULL,
  justification TEXT NOT NULL,
  detail TEXT NOT NULL,
  scan_id TEXT NOT NULL,
  PRIMARY KEY (vulnerability_id, package)
);
)sql";

// Version 16 (issue 24, TR-5): the forge webhooks' secrets (kept to check each delivery's
// signature; never in the ledger) and the deliveries received, so a replay is refused.
extern const char* const kV16Sqlite = R"sql(
CREATE TABLE forge_hook_secrets (
  forge TEXT PRIMARY KEY,
  secret TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE forge_deliveries (
  forge TEXT NOT NULL,
  delivery_id TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (forge, delivery_id)
);
)sql";

// Version 17 (issue 26): Secure Message. Only ciphertext (AES-256-GCM), the data key wrapped by
// a master key kept outside the store, the recipient's address and times; the link's secret,
// one-time codes and reading sessions as SHA-256 hashes. Retraction empties wrapped_key.
extern const char* const kV17Sqlite = R"sql(
CREATE TABLE secure_messages (
  id TEXT PRIMARY KEY,
  sender_id TEXT NOT NULL,
  recipient_email TEXT NOT NULL,
  recipient_user_id TEXT NOT NULL,
  code_channel TEXT NOT NULL,
  code_recipient TEXT NOT NULL,
  token_hash BLOB NOT NULL UNIQUE,
  key_id TEXT NOT NULL,
  wrapped_key BLOB NOT NULL,
  sealed BLOB NOT NULL,
  attachments INTEGER NOT NULL,
  size INTEGER NOT NULL,
  in_reply_to TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  retracted_at TEXT,
  read_at TEXT
);
CREATE INDEX secure_messages_sender ON secure_messages(sender_id, id);
CREATE INDEX secure_messages_recipient ON secure_messages(recipient_user_id, id);
CREATE TABLE secure_message_parts (
  message_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  sealed BLOB NOT NULL,
  PRIMARY KEY (message_id, idx)
);
CREATE TABLE secure_message_codes (
  id TEXT PRIMARY KEY,
  message_id TEXT NOT NULL,
  code_hash BLOB NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  used_at TEXT
);
CREATE INDEX secure_message_codes_message ON secure_message_codes(message_id, created_at);
CREATE TABLE secure_message_sessions (
  session_hash BLOB PRIMARY KEY,
  message_id TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
)sql";

// Version 18 (issue 26): SMS and voice. Each outbox message's status history (queued, sent,
// delivered, failed with the provider's error) and the provider's id for it (status callbacks
// name it); numbers that replied STOP; each person's phone number and which notifications
// reach them on which channel. Not the ledger: delivery facts and a person's own choices.
extern const char* const kV18Sqlite = R"sql(
CREATE TABLE outbox_history (
  message_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  status TEXT NOT NULL,
  at TEXT NOT NULL,
  detail TEXT NOT NULL,
  PRIMARY KEY (message_id, seq)
);
CREATE INDEX outbox_history_at ON outbox_history(at);
CREATE TABLE outbox_provider_refs (
  message_id TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  provider_ref TEXT NOT NULL UNIQUE,
  delivery_status TEXT NOT NULL,
  provider_error TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE channel_opt_outs (
  channel TEXT NOT NULL,
  address TEXT NOT NULL,
  opted_out_at TEXT NOT NULL,
  PRIMARY KEY (channel, address)
);
CREATE TABLE notification_settings (
  user_id TEXT PRIMARY KEY,
  phone TEXT NOT NULL,
  preferences TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
)sql";

// Version 19 (issue 27): status and uptime. Components and their probes, the probes' 1-minute
// samples and their daily roll-ups, scheduled maintenance, the runners' leases (one prober per
// store) and a subscriber's topics. Samples are measurements, not events: only status changes
// and daily roll-ups reach the ledger (storage/status.h).
extern const char* const kV19Sqlite = R"sql(
CREATE TABLE status_components (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  group_name TEXT NOT NULL,
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  probe TEXT NOT NULL,
  status TEXT NOT NULL,
  status_since TEXT NOT NULL,
  failures INTEGER NOT NULL,
  last_error TEXT NOT NULL,
  cert_expires_at TEXT NOT NULL,
  next_probe_at INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE status_samples (
  component_id TEXT NOT NULL,
  minute INTEGER NOT NULL,
  ok INTEGER NOT NULL,
  latency_ms INTEGER NOT NULL,
  PRIMARY KEY (component_id, minute)
);
CREATE INDEX status_samples_minute ON status_samples(minute);
CREATE TABLE status_daily (
  component_id TEXT NOT NULL,
  day INTEGER NOT NULL,
  up_minutes INTEGER NOT NULL,
  sampled_minutes INTEGER NOT NULL,
  PRIMARY KEY (component_id, day)
);
CREATE TABLE status_maintenances (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  component_ids TEXT NOT NULL,
  scheduled_for TEXT NOT NULL,
  scheduled_until TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE status_marks (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
CREATE TABLE runner_leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
ALTER TABLE trust_subscribers ADD COLUMN topics TEXT NOT NULL DEFAULT 'subprocessors';
)sql";

// Version 20 (issue 27): vendor SLA monitoring. A subcontractor's public status feed, the
// minutes it was up as we saw them, measurements it pushed, its incidents as we read them and
// the SLA breaches already turned into findings (one per party, period and term).
extern const char* const kV20Sqlite = R"sql(
CREATE TABLE vendor_feeds (
  party_id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  component_ids TEXT NOT NULL,
  interval_s INTEGER NOT NULL,
  next_poll_at INTEGER NOT NULL,
  last_polled_at TEXT NOT NULL,
  last_ok_at TEXT NOT NULL,
  last_error TEXT NOT NULL,
  indicator TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE vendor_samples (
  party_id TEXT NOT NULL,
  minute INTEGER NOT NULL,
  ok INTEGER NOT NULL,
  PRIMARY KEY (party_id, minute)
);
CREATE TABLE vendor_measurements (
  party_id TEXT NOT NULL,
  metric TEXT NOT NULL,
  ref TEXT NOT NULL,
  at TEXT NOT NULL,
  value REAL NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (party_id, metric, ref)
);
CREATE INDEX vendor_measurements_at ON vendor_measurements(party_id, at);
CREATE TABLE vendor_incidents (
  party_id TEXT NOT NULL,
  incident_id TEXT NOT NULL,
  name TEXT NOT NULL,
  impact TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  finding_id TEXT NOT NULL,
  PRIMARY KEY (party_id, incident_id)
);
CREATE TABLE vendor_sla_breaches (
  party_id TEXT NOT NULL,
  period TEXT NOT NULL,
  term TEXT NOT NULL,
  finding_id TEXT NOT NULL,
  PRIMARY KEY (party_id, period, term)
);
)sql";

}  // namespace accord::storage::migration_sql
