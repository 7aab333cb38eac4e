#include "accord/storage/migrations.h"

#include <vector>

#include "migrations_sql.h"

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

// Version 2: the third-party registry. Every registry object is one row per version
// (from_idx: the event that wrote it; to_idx: the event that replaced or deleted it,
// kOpenVersion while current), so any past state is a range query (?as_of=N).
// rm_words holds every prefix (up to 16 bytes) of every word of every name, so a ?q=
// search reads ids already in id order: a page costs the same whatever the prefix.
const char* kV2Sqlite = R"sql(
CREATE TABLE rm_objects (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  from_idx INTEGER NOT NULL,
  to_idx INTEGER NOT NULL,
  party_id TEXT NOT NULL,
  parent_id TEXT NOT NULL,
  name_lc TEXT NOT NULL,
  tag TEXT NOT NULL,
  status TEXT NOT NULL,
  doc TEXT NOT NULL,
  PRIMARY KEY (kind, id, from_idx)
) WITHOUT ROWID;
CREATE INDEX rm_objects_live ON rm_objects(kind, to_idx, id);
CREATE INDEX rm_objects_party ON rm_objects(party_id, kind, to_idx, id);
CREATE INDEX rm_objects_parent ON rm_objects(parent_id, kind, to_idx, id);
CREATE INDEX rm_objects_name ON rm_objects(kind, name_lc, to_idx);
CREATE TABLE rm_words (
  kind TEXT NOT NULL,
  prefix TEXT NOT NULL,
  id TEXT NOT NULL,
  PRIMARY KEY (kind, prefix, id)
) WITHOUT ROWID;
CREATE TABLE documents (
  sha256 TEXT PRIMARY KEY,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  content BLOB NOT NULL,
  created_at TEXT NOT NULL
);
ALTER TABLE rm_api_tokens ADD COLUMN party_id TEXT;
)sql";

// Version 3: identity (issue 5). Users themselves are registry objects (kind "user" in
// rm_objects); these tables hold what must never enter the ledger: password hashes, TOTP
// secrets, recovery-code hashes, sessions and sign-in throttling. Only hashes of the
// session and CSRF tokens are stored.
const char* kV3Sqlite = R"sql(
CREATE TABLE user_secrets (
  user_id TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  totp_secret BLOB,
  totp_pending BLOB,
  totp_last_step INTEGER,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);
CREATE TABLE user_recovery_codes (
  user_id TEXT NOT NULL,
  code_hash BLOB NOT NULL,
  used_at TEXT,
  PRIMARY KEY (user_id, code_hash)
);
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  secret_hash BLOB NOT NULL UNIQUE,
  csrf_hash BLOB NOT NULL,
  user_id TEXT NOT NULL,
  state TEXT NOT NULL,
  break_glass_until TEXT,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  address TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE auth_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at TEXT NOT NULL,
  blocked_until TEXT NOT NULL
);
ALTER TABLE rm_api_tokens ADD COLUMN user_id TEXT;
)sql";

// Version 4: reviews, schedules, findings, the notification outbox, calendar feeds (issue 6).
// Reviews, SOC 2 reports, change notices and findings are registry objects (rm_objects);
// rm_reviews and rm_review_stats are the reviews' own read models (schedule lookups and the
// dashboard's counts without a scan). The other tables are not derived from the ledger:
// the scheduler's series and reminder state, the outbox and calendar-feed token hashes.
// rm_objects_status covers the scheduler's list of active partners (no document read);
// rm_objects_infra holds only the infrastructure partners' rows, whose SOC 2 reports the
// scheduler checks (the flag is in the canonical document, spelled exactly so).
const char* kV4Sqlite = R"sql(
CREATE INDEX rm_objects_status ON rm_objects(kind, to_idx, status, tag);
CREATE INDEX rm_objects_infra ON rm_objects(to_idx, status, tag)
  WHERE doc LIKE '%"infrastructure_partner":true%';
CREATE TABLE rm_reviews (
  id TEXT PRIMARY KEY,
  review_kind TEXT NOT NULL,
  party_id TEXT NOT NULL,
  status TEXT NOT NULL,
  is_open INTEGER NOT NULL,
  overdue INTEGER NOT NULL,
  due_at TEXT NOT NULL,
  approved_at TEXT,
  series_key TEXT,
  period INTEGER,
  assignee_id TEXT NOT NULL
);
CREATE UNIQUE INDEX rm_reviews_series ON rm_reviews(series_key, due_at);
CREATE INDEX rm_reviews_due ON rm_reviews(is_open, overdue, due_at);
CREATE INDEX rm_reviews_party ON rm_reviews(party_id, due_at);
CREATE TABLE rm_review_stats (
  review_kind TEXT NOT NULL,
  due_day TEXT NOT NULL,
  open_count INTEGER NOT NULL,
  on_time INTEGER NOT NULL,
  late INTEGER NOT NULL,
  PRIMARY KEY (review_kind, due_day)
);
CREATE TABLE review_series (
  key TEXT PRIMARY KEY,
  review_kind TEXT NOT NULL,
  party_id TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  rrule TEXT NOT NULL,
  anchor TEXT NOT NULL,
  next_period INTEGER NOT NULL,
  next_due_at TEXT NOT NULL,
  open_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX review_series_open ON review_series(open_at);
CREATE TABLE review_reminders (
  review_id TEXT PRIMARY KEY,
  next_at TEXT NOT NULL,
  sent INTEGER NOT NULL
);
CREATE INDEX review_reminders_next ON review_reminders(next_at);
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  dedupe_key TEXT NOT NULL UNIQUE,
  channel TEXT NOT NULL,
  user_id TEXT NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  ref_kind TEXT NOT NULL,
  ref_id TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX outbox_pending ON outbox(status, next_attempt_at);
CREATE INDEX outbox_created ON outbox(created_at, id);
CREATE TABLE calendar_tokens (
  id TEXT PRIMARY KEY,
  token_hash BLOB NOT NULL UNIQUE,
  user_id TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX calendar_tokens_user ON calendar_tokens(user_id);
)sql";

// Version 5: audit-report requests and subprocessor subscriptions (issue 9). The requests
// themselves are registry objects (kind "report_request"); these tables hold what must not
// enter the ledger: the hashes of the NDA and download links, the public forms' per-address
// counters, and the subscribers' addresses.
const char* kV5Sqlite = R"sql(
CREATE TABLE report_links (
  id TEXT PRIMARY KEY,
  token_hash BLOB NOT NULL UNIQUE,
  purpose TEXT NOT NULL,
  request_id TEXT NOT NULL,
  document_id TEXT,
  expires_at TEXT NOT NULL,
  max_uses INTEGER NOT NULL,
  uses INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX report_links_request ON report_links(request_id);
CREATE TABLE public_rate (
  key TEXT PRIMARY KEY,
  window_start TEXT NOT NULL,
  count INTEGER NOT NULL
);
CREATE TABLE trust_subscribers (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  token TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  confirmed_at TEXT,
  unsubscribed_at TEXT
);
CREATE TABLE trust_watermarks (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
ALTER TABLE outbox ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0;
)sql";

// Version 6: integration tokens (issue 19): a token that belongs to no person carries named
// scopes instead of an account's role; when each token was last used (not from the ledger,
// not carried by backups, like sessions: to spot a token nobody uses or a leaked one in use).
const char* kV6Sqlite = R"sql(
ALTER TABLE rm_api_tokens ADD COLUMN scopes TEXT;
CREATE TABLE api_token_usage (
  token_id TEXT PRIMARY KEY,
  last_used_at TEXT NOT NULL
);
)sql";

// Version 7: a document's bytes become the table's last column. SQLite keeps a zeroblob() that
// ends a row virtual, so an upload is written in place a chunk at a time (Tx::StreamBlob);
// followed by another column, the zeros and then the row would be built in memory whole.
const char* kV7Sqlite = R"sql(
CREATE TABLE documents_v7 (
  sha256 TEXT PRIMARY KEY,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  content BLOB NOT NULL
);
INSERT INTO documents_v7(sha256, content_type, size, created_at, content)
  SELECT sha256, content_type, size, created_at, content FROM documents;
DROP TABLE documents;
ALTER TABLE documents_v7 RENAME TO documents;
)sql";

// Version 8: the day's work (issue 20). What a person has read of what waits for them (a
// vendor's answer, a change notice) and whether they want the daily digest: a person's own
// marks and choices, not evidence, so not the ledger (carried by backups). The indexes find a
// person's reviews, the reviews waiting in one state, and the reviews a party answered (the
// canonical document spells a non-empty list exactly so) without reading every review, and
// the overdue reviews in due order for the dashboard's red flags.
const char* kV8Sqlite = R"sql(
CREATE TABLE my_work_reads (
  user_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  item_id TEXT NOT NULL,
  read_at TEXT NOT NULL,
  PRIMARY KEY (user_id, kind, item_id)
);
CREATE TABLE account_settings (
  user_id TEXT PRIMARY KEY,
  daily_digest INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX rm_reviews_assignee ON rm_reviews(assignee_id, is_open, status, due_at);
CREATE INDEX rm_reviews_state ON rm_reviews(status, is_open, due_at);
CREATE INDEX rm_reviews_open_due ON rm_reviews(is_open, due_at);
CREATE INDEX rm_objects_answered ON rm_objects(kind, to_idx)
  WHERE doc LIKE '%"party_responses":[{%';
)sql";

// Version 9: the vendor inventory (issue 20, item 3). One row per live party with what its list
// filters and sorts on beyond the party itself (inventory projection); an index per sortable
// column, so a sorted page reads about one page of rows. A store that had parties before is
// filled once at start-up (storage::FillPartyInventory).
const char* kV9Sqlite = R"sql(
CREATE TABLE rm_party_inventory (
  party_id TEXT PRIMARY KEY,
  name_lc TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  risk_rank INTEGER,
  baa_state TEXT NOT NULL,
  baa_expires_at TEXT,
  baa_id TEXT,
  sla_state TEXT NOT NULL,
  sla_expires_at TEXT,
  sla_id TEXT,
  soc2_period_end TEXT,
  last_review_at TEXT,
  next_review_at TEXT
);
CREATE INDEX rm_party_inventory_name ON rm_party_inventory(name_lc, party_id);
CREATE INDEX rm_party_inventory_risk ON rm_party_inventory(risk_rank, party_id);
CREATE INDEX rm_party_inventory_baa ON rm_party_inventory(baa_expires_at, party_id);
CREATE INDEX rm_party_inventory_sla ON rm_party_inventory(sla_expires_at, party_id);
CREATE INDEX rm_party_inventory_soc2 ON rm_party_inventory(soc2_period_end, party_id);
CREATE INDEX rm_party_inventory_last ON rm_party_inventory(last_review_at, party_id);
CREATE INDEX rm_party_inventory_next ON rm_party_inventory(next_review_at, party_id);
)sql";

// Version 10 (issue 29): a subscription's manage link is
// derived from the server's key (HMAC), so the clear tokens go; links emailed before stop
// working, and entering the address again on the trust center emails a new one. Outbox
// messages to a list carry their one-click unsubscribe URL until they are sent.
const char* kV10Sqlite = R"sql(
CREATE TABLE trust_subscribers_v10 (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  confirmed_at TEXT,
  unsubscribed_at TEXT
);
INSERT INTO trust_subscribers_v10(id, email, created_at, confirmed_at, unsubscribed_at)
  SELECT id, email, created_at, confirmed_at, unsubscribed_at FROM trust_subscribers;
DROP TABLE trust_subscribers;
ALTER TABLE trust_subscribers_v10 RENAME TO trust_subscribers;
ALTER TABLE outbox ADD COLUMN list_unsubscribe TEXT;
)sql";

// Version 11: the ledger as an audit log (issue 20, item 11). One row per ledger entry with what
// the log filters on; an index per filter ending in idx, so a newest-first page of one event
// type, actor or party reads about one page of rows. The ledger's times never go backwards
// (event_log.cc), so a date is a range of indices (the time index). A store that had entries
// before is filled once at start-up (storage::FillLedgerEvents).
const char* kV11Sqlite = R"sql(
CREATE TABLE rm_ledger_events (
  idx INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  party_id TEXT NOT NULL,
  time TEXT NOT NULL
);
CREATE INDEX rm_ledger_events_type ON rm_ledger_events(type, idx);
CREATE INDEX rm_ledger_events_actor ON rm_ledger_events(actor_id, idx);
CREATE INDEX rm_ledger_events_party ON rm_ledger_events(party_id, idx);
CREATE INDEX rm_ledger_events_time ON rm_ledger_events(time, idx);
)sql";

// Version 12 (issue 25): single sign-on. A sign-in in flight is kept here, not in a cookie the
// provider's cross-site return would not bring back: the hash of its `state`, its nonce and
// PKCE verifier, for ten minutes, used once. An account's link to a provider's subject, and
// which provider session each Accord session came from (back-channel logout names it).
const char* kV12Sqlite = R"sql(
CREATE TABLE oidc_flows (
  state_hash TEXT PRIMARY KEY,
  nonce TEXT NOT NULL,
  verifier TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE oidc_links (
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  user_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX oidc_links_user ON oidc_links(user_id);
CREATE TABLE oidc_sessions (
  session_id TEXT PRIMARY KEY,
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  sid TEXT NOT NULL,
  id_token TEXT NOT NULL
);
CREATE INDEX oidc_sessions_subject ON oidc_sessions(issuer, subject);
CREATE INDEX oidc_sessions_sid ON oidc_sessions(sid);
)sql";

// Version 13 (issue 25): account linking. A flow started from "Your account" names the
// signed-in account and session it links the provider's subject to, instead of signing in.
const char* kV13Sqlite = R"sql(
ALTER TABLE oidc_flows ADD COLUMN link_user_id TEXT NOT NULL DEFAULT '';
ALTER TABLE oidc_flows ADD COLUMN link_session_id TEXT NOT NULL DEFAULT '';
)sql";

using namespace migration_sql;  // kV15Sqlite … kV20Sqlite (migrations_v15_v20.cc)

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "ledger and foundation read models", kV1Sqlite, ""},
      {2, "third-party registry", kV2Sqlite, ""},
      {3, "identity: credentials, sessions, throttling", kV3Sqlite, ""},
      {4, "reviews, schedules, findings, outbox, calendar feeds", kV4Sqlite, ""},
      {5, "audit-report requests, public-form limits, subprocessor subscriptions", kV5Sqlite, ""},
      {6, "integration tokens: scopes", kV6Sqlite, ""},
      {7, "documents: content last, written in place", kV7Sqlite, ""},
      {8, "my work: read marks, account settings, review indexes", kV8Sqlite, ""},
      {9, "vendor inventory: agreements, SOC 2 and reviews per party", kV9Sqlite, ""},
      {10, "trust subscriptions: derived links, one-click unsubscribe", kV10Sqlite, ""},
      {11, "the ledger as an audit log: type, actor, party and time per entry", kV11Sqlite, ""},
      {12, "single sign-on: sign-ins in flight, subject links, provider sessions", kV12Sqlite, ""},
      {13, "single sign-on: linking an existing account", kV13Sqlite, ""},
      {15, "vulnerability scans: targets, scans, scan findings, VEX", kV15Sqlite, ""},
      {16, "change control: forge webhook secrets and deliveries", kV16Sqlite, ""},
      {17, "secure messages: sealed content, wrapped keys, codes", kV17Sqlite, ""},
      {18, "sms and voice: delivery history, opt-outs, notification preferences", kV18Sqlite, ""},
      {19, "status: components, probe samples, daily uptime, maintenance, runner leases",
       kV19Sqlite, ""},
      {20, "vendor SLA: status feeds, samples, measurements, incidents, breaches", kV20Sqlite, ""},
      {21, "incidents: state, parties involved, incident-response tests", kV21Sqlite, ""},
      {22, "the ledger's tree nodes keyed by when they are completed", kV22Sqlite, kV22Postgres},
      {23, "vendor incidents: the object each seen incident opened", kV23Sqlite, ""},
      {25, "answer library and customer questionnaires", kV25Sqlite, ""},
      {26, "the audit log: no time index, the party index only for entries with a party",
       kV26Sqlite, ""},
      {28, "compliance: registry versions by the entry that wrote them", kV28Sqlite, ""},
      {29, "notes listed in ledger order by an index", kV29Sqlite, kV29Postgres},
  };
  return kMigrations;
}

}  // namespace

std::span<const Migration> AllMigrations() { return Migrations(); }

}  // namespace accord::storage
