#include "accord/storage/backup.h"

#include <algorithm>
#include <boost/json.hpp>
#include <optional>

#include "accord/core/sha256.h"
#include "accord/domain/event.h"
#include "accord/ledger/merkle.h"
#include "accord/storage/ledger_audit.h"
#include "accord/storage/ledger_tables.h"

namespace accord::storage {

namespace json = boost::json;

namespace {

constexpr std::string_view kFormat = "accord-backup";
constexpr int64_t kVersion = 1;

// Tables that are neither ledger nor read model; a feature that adds one lists it here.
struct CarriedTable {
  std::string name;
  std::vector<std::string> columns;
  size_t since_first_version = 0;        // columns its first version had (0: all of them)
  std::vector<std::string> sealed = {};  // columns written sealed, never in clear
};
const std::vector<CarriedTable>& CarriedTables() {
  static const std::vector<CarriedTable> kTables = {
      {"api_token_secrets", {"token_id", "secret_hash"}},
      {"documents", {"sha256", "content_type", "size", "content", "created_at"}},
      // Credentials survive a restore; sessions and throttling do not (sign in again).
      {"user_secrets",
       {"user_id", "password_hash", "totp_secret", "totp_pending", "totp_last_step",
        "must_change_password", "updated_at"},
       0,
       {"totp_secret", "totp_pending"}},
      {"user_recovery_codes", {"user_id", "code_hash", "used_at"}},
      // Which provider subject is which account (issue 25); flows and provider sessions not.
      {"oidc_links", {"issuer", "subject", "user_id", "created_at"}},
      // The scheduler's own state and undelivered notifications (issue 6).
      {"review_series",
       {"key", "review_kind", "party_id", "subject_id", "rrule", "anchor", "next_period",
        "next_due_at", "open_at"}},
      {"review_reminders", {"review_id", "next_at", "sent"}},
      {"outbox",
       {"id", "dedupe_key", "channel", "user_id", "recipient", "subject", "body", "ref_kind",
        "ref_id", "status", "attempts", "next_attempt_at", "last_error", "created_at", "sent_at",
        "confidential", "list_unsubscribe"},
       15,  // `confidential` came with schema version 5, `list_unsubscribe` with 10
       {"body", "list_unsubscribe"}},  // a link's token: in a body, a subscriber's manage link
      {"calendar_tokens", {"id", "token_hash", "user_id", "name", "created_at", "revoked_at"}},
      // Audit-report links and subprocessor subscribers (issue 9); rate counters do not.
      {"report_links",
       {"id", "token_hash", "purpose", "request_id", "document_id", "expires_at", "max_uses",
        "uses", "created_at", "revoked_at"}},
      // Manage links are derived from the server's key: no token is stored (version 10).
      {"trust_subscribers",
       {"id", "email", "created_at", "confirmed_at", "unsubscribed_at", "topics"},
       5},  // `topics` came with schema version 19 (issue 27)
      {"trust_watermarks", {"name", "value"}},
      // What each person has read of their work, and their digest choice (issue 20).
      {"my_work_reads", {"user_id", "kind", "item_id", "read_at"}},
      {"account_settings", {"user_id", "daily_digest", "updated_at"}},
      // SMS and voice (issue 26): delivery history, provider ids, STOP replies, preferences.
      {"outbox_history", {"message_id", "seq", "status", "at", "detail"}},
      {"outbox_provider_refs",
       {"message_id", "channel", "provider_ref", "delivery_status", "provider_error",
        "updated_at"}},
      {"channel_opt_outs", {"channel", "address", "opted_out_at"}},
      {"notification_settings", {"user_id", "phone", "preferences", "updated_at"}},
      // Forge webhook secrets and the deliveries seen, so a restore refuses replays (TR-5).
      {"forge_hook_secrets", {"forge", "secret", "created_at"}, 0, {"secret"}},
      {"forge_deliveries", {"forge", "delivery_id", "received_at"}},
      // Secure messages (issue 26): ciphertext and wrapped keys only; the master key is not in
      // the store, so a backup alone opens nothing. Codes and reading sessions are not carried.
      {"secure_messages",
       {"id", "sender_id", "recipient_email", "recipient_user_id", "code_channel", "code_recipient",
        "token_hash", "key_id", "wrapped_key", "sealed", "attachments", "size", "in_reply_to",
        "created_at", "expires_at", "retracted_at", "read_at"}},
      {"secure_message_parts", {"message_id", "idx", "sealed"}},
      // Status and uptime (issue 27): components, their samples and daily uptime, maintenance.
      {"status_components",
       {"id", "name", "group_name", "position", "description", "probe", "status", "status_since",
        "failures", "last_error", "cert_expires_at", "next_probe_at", "created_at", "updated_at"}},
      {"status_samples", {"component_id", "minute", "ok", "latency_ms"}},
      {"status_daily", {"component_id", "day", "up_minutes", "sampled_minutes"}},
      {"status_maintenances",
       {"id", "name", "body", "component_ids", "scheduled_for", "scheduled_until", "created_at"}},
      {"status_marks", {"name", "value"}},
      // Vendor SLA monitoring (issue 27): feeds, what they showed, pushed measurements.
      {"vendor_feeds",
       {"party_id", "url", "component_ids", "interval_s", "next_poll_at", "last_polled_at",
        "last_ok_at", "last_error", "indicator", "created_at"}},
      {"vendor_samples", {"party_id", "minute", "ok"}},
      {"vendor_measurements", {"party_id", "metric", "ref", "at", "value", "source"}},
      {"vendor_incidents",
       {"party_id", "incident_id", "name", "impact", "status", "created_at", "finding_id",
        "object_id"}},
      {"vendor_sla_breaches", {"party_id", "period", "term", "finding_id"}},
      // Incidents (issue 27, TR-8): each incident's state, its parties, the response tests.
      {"incidents",
       {"id", "status", "severity", "discovered_at", "declared_at", "resolved_at", "public_at",
        "updated_at", "state"}},
      {"incident_parties", {"incident_id", "party_id"}},
      {"incident_response_tests", {"id", "conducted_on", "state", "created_at"}},
  };
  return kTables;
}

json::value Encode(const Value& v) {
  return std::visit(
      [](const auto& x) -> json::value {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) return nullptr;
        if constexpr (std::is_same_v<T, int64_t>) return x;
        if constexpr (std::is_same_v<T, double>) return x;
        if constexpr (std::is_same_v<T, std::string>) return json::value(x);
        if constexpr (std::is_same_v<T, Blob>) return json::object{{"b64", Base64Encode(x.bytes)}};
      },
      v);
}

Result<Value> Decode(const json::value& v) {
  if (v.is_null()) return Value(Null());
  if (v.is_int64()) return Value(v.as_int64());
  if (v.is_double()) return Value(v.as_double());
  if (v.is_string()) return Value(std::string(v.as_string()));
  if (v.is_object() && v.as_object().contains("b64") && v.at("b64").is_string()) {
    auto bytes = Base64Decode(v.at("b64").as_string());
    if (!bytes.ok()) return std::move(bytes).error();
    return Value(Blob{std::move(bytes.value())});
  }
  return ValidationError("value", "unsupported value in backup");
}

// The backup's own data key for its secrets, and where a sealed value belongs: its table,
// column and row (the row's first value, never itself sealed), so a sealed value moved
// elsewhere does not open. The value's type (text or bytes) is bound too.
struct SecretBox {
  messaging::Key key;
  std::string Aad(const std::string& table, const std::string& column,
                  const json::value& row_key) const {
    return "accord-backup:" + table + "." + column + ":" + json::serialize(row_key);
  }
};
constexpr std::string_view kTextAad = ":text";
constexpr std::string_view kBytesAad = ":bytes";

bool IsSealed(const CarriedTable& t, const std::string& column) {
  return std::find(t.sealed.begin(), t.sealed.end(), column) != t.sealed.end();
}

// A secret's value as it goes into the file: NULL stays null, text and bytes go sealed.
json::value SealValue(const SecretBox& box, const std::string& aad, const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return nullptr;
  if (const auto* text = std::get_if<std::string>(&v)) {
    return json::object{{"sealed", Base64Encode(messaging::Seal(box.key, AsBytes(*text),
                                                                aad + std::string(kTextAad)))},
                        {"text", true}};
  }
  if (const auto* blob = std::get_if<Blob>(&v)) {
    return json::object{{"sealed", Base64Encode(messaging::Seal(box.key, blob->bytes,
                                                                aad + std::string(kBytesAad)))}};
  }
  return Encode(v);  // a number: nothing secret in it
}

// A sealed column's value read back. With a key in the header every non-null value must be
// sealed: a value in clear there was put in by hand.
Result<Value> OpenValue(const SecretBox* box, const std::string& aad, const json::value& v) {
  const json::object* o = v.is_object() ? &v.as_object() : nullptr;
  if (!o || !o->contains("sealed")) {
    if (box && !v.is_null())
      return ValidationError("value", "a secret in clear in a sealed backup");
    return Decode(v);
  }
  if (!box) return ValidationError("value", "a sealed value in a backup whose header has no key");
  const json::value& sealed = o->at("sealed");
  auto bytes = sealed.is_string() ? Base64Decode(sealed.as_string()) : Result<Bytes>(Error{});
  if (!bytes.ok()) return ValidationError("value", "a sealed value is not base64");
  const bool text = o->contains("text");
  auto plain = messaging::Open(box->key, *bytes, aad + std::string(text ? kTextAad : kBytesAad));
  if (!plain.ok()) return ValidationError("value", "a sealed value does not open (edited?)");
  if (text) return Value(std::string(AsString(*plain)));
  return Value(Blob{std::move(plain.value())});
}

// Writes one line and feeds it to the running hash.
class LineWriter {
 public:
  explicit LineWriter(std::ostream& out) : out_(out) {}
  void Write(const json::value& v) {
    std::string line = json::serialize(v);
    line += '\n';
    hasher_.Update(line);
    out_ << line;
    ++lines_;
  }
  uint64_t lines() const { return lines_; }
  Hash Digest() { return hasher_.Final(); }

 private:
  std::ostream& out_;
  Sha256Hasher hasher_;
  uint64_t lines_ = 0;
};

Error BadBackup(uint64_t line, std::string reason) {
  return Error{ErrorCode::kValidationFailed,
               "backup line " + std::to_string(line) + ": " + reason,
               {ErrorDetail{"in", reason, static_cast<int>(line)}}};
}

}  // namespace

Result<BackupReport> WriteBackup(Store& store, std::ostream& out, std::string_view created_at,
                                 const messaging::MasterKeyRing& keys, const Progress& progress) {
  BackupReport report;
  LineWriter w(out);
  const SecretBox box{messaging::NewKey()};
  const std::string wrap_id = "accord-backup:" + std::string(created_at);
  Status s = store.Read([&](Tx& tx) -> Status {
    auto head = ReadHead(tx);
    if (!head.ok()) return std::move(head).error();
    report.root = head->frontier.Root();
    w.Write(json::object{
        {"format", kFormat},
        {"version", kVersion},
        {"backend", std::string(store.backend())},
        {"created_at", created_at},
        {"ledger_size", head->size()},
        {"root_hash", Base64Encode(report.root)},
        {"secrets", json::object{{"key_id", keys.current().id},
                                 {"wrapped", Base64Encode(keys.Wrap(box.key, wrap_id))}}}});
    ACCORD_TRY(tx.ForEach("SELECT idx, leaf FROM ledger_leaves WHERE idx < ? ORDER BY idx",
                          {static_cast<int64_t>(head->size())}, [&](const Row& r) {
                            const Bytes& leaf = r.BlobAt(1);
                            w.Write(json::object{{"leaf", Base64Encode(leaf)}});
                            ++report.leaves;
                            ReportProgress(progress, "writing entries", report.leaves,
                                           head->size());
                            return true;
                          }));
    ACCORD_TRY(tx.ForEach(
        "SELECT size, root, note, created_at FROM ledger_checkpoints ORDER BY size", {},
        [&](const Row& r) {
          w.Write(json::object{{"checkpoint", json::object{{"size", r.Int(0)},
                                                           {"root", Base64Encode(r.BlobAt(1))},
                                                           {"note", r.Text(2)},
                                                           {"created_at", r.Text(3)}}}});
          ++report.checkpoints;
          return true;
        }));
    for (const auto& table : CarriedTables()) {
      std::string cols;
      for (const auto& c : table.columns) cols += (cols.empty() ? "" : ", ") + c;
      ACCORD_TRY(tx.ForEach(
          "SELECT " + cols + " FROM " + table.name + " ORDER BY 1", {}, [&](const Row& r) {
            json::array values;
            for (size_t i = 0; i < r.size(); ++i) {
              const std::string& column = table.columns[i];
              values.push_back(
                  IsSealed(table, column)
                      ? SealValue(box, box.Aad(table.name, column, values.at(0)), r.at(i))
                      : Encode(r.at(i)));
            }
            w.Write(json::object{{"row", json::object{{"table", table.name}, {"values", values}}}});
            ++report.rows;
            return true;
          }));
    }
    return Ok();
  });
  if (!s.ok()) return std::move(s).error();
  const uint64_t lines = w.lines();
  out << json::serialize(json::object{
             {"end", json::object{{"lines", lines}, {"sha256", HexEncode(w.Digest())}}}})
      << '\n';
  out.flush();
  if (!out) return Internal("writing the backup failed (disk full?)");
  return report;
}

Result<BackupReport> RestoreBackup(Store& store, const Projections& projections, std::istream& in,
                                   const messaging::MasterKeyRing* keys, const Progress& progress) {
  std::optional<SecretBox> box;
  BackupReport report;
  Status s = store.Write([&](Tx& tx) -> Status {
    auto head = ReadHead(tx);
    if (!head.ok()) return std::move(head).error();
    if (head->size() != 0) {
      return Error{ErrorCode::kConflict,
                   "the target store is not empty (ledger size " + std::to_string(head->size()) +
                       "): restore only into an empty store",
                   {ErrorDetail{"db", "not empty", std::nullopt}}};
    }
    LedgerHead tree = std::move(head.value());
    Sha256Hasher hasher;
    std::string line;
    uint64_t number = 0;
    bool ended = false;
    int64_t expected_size = -1;
    std::string expected_root;
    while (std::getline(in, line)) {
      ++number;
      if (ended) return BadBackup(number, "content after the end marker");
      json::error_code ec;
      json::value v = json::parse(line, ec);
      if (ec || !v.is_object()) return BadBackup(number, "not a JSON object");
      const json::object& o = v.as_object();
      // Missing or mistyped members throw inside Boost.JSON: report the line instead.
      try {
        if (number == 1) {
          if (!o.contains("format") || o.at("format") != json::value(kFormat)) {
            return BadBackup(number, "not an Accord backup");
          }
          if (o.at("version") != json::value(kVersion)) {
            return BadBackup(number, "unsupported backup version");
          }
          expected_size = o.at("ledger_size").to_number<int64_t>();
          expected_root = std::string(o.at("root_hash").as_string());
          if (const json::value* secrets = o.if_contains("secrets")) {
            const std::string key_id(secrets->at("key_id").as_string());
            auto wrapped = Base64Decode(secrets->at("wrapped").as_string());
            if (!wrapped.ok()) return BadBackup(number, "the secrets' key is not base64");
            auto key =
                keys ? keys->Unwrap(key_id, *wrapped,
                                    "accord-backup:" + std::string(o.at("created_at").as_string()))
                     : Result<messaging::Key>(Error{});
            if (!key.ok()) {
              std::string reason =
                  "the backup's secrets (TOTP seeds, webhook secrets) are sealed with master "
                  "key " +
                  key_id +
                  ", which the Secure Message key file does not hold: copy the key file "
                  "(message.keys) that holds it into the data directory, or name it with "
                  "--message-key-file";
              return Error{ErrorCode::kValidationFailed,
                           reason,
                           {ErrorDetail{"master_key_file", reason, std::nullopt}}};
            }
            box = SecretBox{*key};
          }
        } else if (const json::value* leaf = o.if_contains("leaf")) {
          auto bytes = leaf->is_string() ? Base64Decode(leaf->as_string()) : Result<Bytes>(Error{});
          if (!bytes.ok()) return BadBackup(number, "leaf is not base64");
          std::string text(bytes->begin(), bytes->end());
          auto event = domain::ParseLeaf(text);
          if (!event.ok())
            return BadBackup(number, "leaf is not an event: " + event.error().message);
          auto index = AppendLeaf(tx, tree, text, ledger::LeafHash(*bytes));
          if (!index.ok()) return std::move(index).error();
          for (const auto& p : projections) ACCORD_TRY(p->Apply(tx, *index, *event));
          ++report.leaves;
          ReportProgress(progress, "restoring entries", report.leaves,
                         static_cast<uint64_t>(std::max<int64_t>(expected_size, 0)));
        } else if (const json::value* cp = o.if_contains("checkpoint")) {
          auto root = Base64Decode(cp->at("root").as_string());
          if (!root.ok() || root->size() != 32) return BadBackup(number, "bad checkpoint root");
          StoredCheckpoint stored{cp->at("size").to_number<uint64_t>(),
                                  {},
                                  std::string(cp->at("note").as_string()),
                                  std::string(cp->at("created_at").as_string())};
          std::copy(root->begin(), root->end(), stored.root.begin());
          ACCORD_TRY(InsertCheckpoint(tx, stored));
          ++report.checkpoints;
        } else if (const json::value* row = o.if_contains("row")) {
          std::string table(row->at("table").as_string());
          const CarriedTable* known = nullptr;
          for (const auto& t : CarriedTables()) known = t.name == table ? &t : known;
          if (!known) return BadBackup(number, "unknown table " + table);
          json::array values = row->at("values").as_array();
          // A backup from before version 10 holds each subscriber's clear token third: it is
          // dropped (the links are derived now).
          if (table == "trust_subscribers" && values.size() == 6) values.erase(values.begin() + 2);
          // Columns added by later versions come last and have defaults, so a backup
          // written before them restores; any other short row is damage.
          size_t least =
              known->since_first_version ? known->since_first_version : known->columns.size();
          if (values.size() < least || values.size() > known->columns.size())
            return BadBackup(number, "wrong column count");
          std::vector<Value> params;
          std::string cols, marks;
          for (size_t i = 0; i < values.size(); ++i) {
            const std::string& column = known->columns[i];
            auto value =
                IsSealed(*known, column)
                    ? OpenValue(box ? &*box : nullptr,
                                box ? box->Aad(table, column, values.at(0)) : "", values[i])
                    : Decode(values[i]);
            if (!value.ok()) return BadBackup(number, value.error().message);
            params.push_back(std::move(value.value()));
            cols += (i ? ", " : "") + known->columns[i];
            marks += i ? ", ?" : "?";
          }
          auto r = tx.Exec("INSERT INTO " + table + "(" + cols + ") VALUES (" + marks + ")",
                           Params(params));
          if (!r.ok()) return std::move(r).error();
          ++report.rows;
        } else if (const json::value* end = o.if_contains("end")) {
          if (end->at("lines").to_number<uint64_t>() != number - 1 ||
              end->at("sha256") != json::value(HexEncode(hasher.Final()))) {
            return BadBackup(number, "the backup does not match its end marker (corrupted)");
          }
          ended = true;
          continue;
        } else {
          return BadBackup(number, "unknown entry");
        }
      } catch (const std::exception& e) {
        return BadBackup(number, std::string("malformed entry: ") + e.what());
      }
      line += '\n';
      hasher.Update(line);
    }
    if (!ended) return BadBackup(number, "the end marker is missing: the backup is truncated");
    report.root = tree.frontier.Root();
    if (static_cast<int64_t>(tree.size()) != expected_size ||
        Base64Encode(report.root) != expected_root) {
      return BadBackup(1, "the restored tree does not match the size and root in the header");
    }
    ACCORD_TRY(WriteHead(tx, tree));
    // Checked before commit: a backup with a forged checkpoint restores nothing.
    auto verified = VerifyLedger(tx, progress);
    if (!verified.ok()) return std::move(verified).error();
    if (!verified->ok) {
      return Error{
          ErrorCode::kCheckFailed, "the restored ledger does not verify: " + verified->problem, {}};
    }
    return Ok();
  });
  if (!s.ok()) return std::move(s).error();
  return report;
}

}  // namespace accord::storage
