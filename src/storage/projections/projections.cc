// The foundation's read models. Each is small; later features add their own files.
#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/storage/answer_library.h"
#include "accord/storage/ledger_search.h"
#include "accord/storage/party_inventory.h"
#include "accord/storage/payload.h"
#include "accord/storage/projection.h"
#include "accord/storage/scans.h"

namespace accord::storage {

namespace json = boost::json;

std::string PayloadString(const json::object& payload, std::string_view key) {
  const json::value* v = payload.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

Value PayloadStringOrNull(const json::object& payload, std::string_view key) {
  const json::value* v = payload.if_contains(key);
  if (!v || !v->is_string()) return Null();
  return std::string(v->as_string());
}

namespace {

class OrgProjection final : public Projection {
 public:
  std::string_view name() const override { return "org"; }
  std::vector<ProjectedTable> tables() const override { return {{"rm_org", "id"}}; }
  Status Apply(Tx& tx, uint64_t index, const domain::Event& e) override {
    const auto& p = e.payload;
    if (e.type == "org.created") {
      return tx.ExecDeferred(
          "INSERT INTO rm_org(id, name, profile, profile_sha256, origin, created_index) "
          "VALUES (?, ?, ?, ?, ?, ?)",
          {e.subject.id, PayloadString(p, "name"), PayloadString(p, "profile"),
           PayloadString(p, "profile_sha256"), PayloadString(p, "origin"),
           static_cast<int64_t>(index)});
    }
    if (e.type == "org.profile_changed") {
      return tx.ExecDeferred(
          "UPDATE rm_org SET profile = ?, profile_sha256 = ? WHERE id = ?",
          {PayloadString(p, "profile"), PayloadString(p, "profile_sha256"), e.subject.id});
    }
    if (e.type == "ledger.restarted") {  // the log continues under a new origin
      return tx.ExecDeferred("UPDATE rm_org SET origin = ? WHERE id = ?",
                             {PayloadString(p, "origin"), e.subject.id});
    }
    return Ok();
  }
};

class SigningKeyProjection final : public Projection {
 public:
  std::string_view name() const override { return "signing_keys"; }
  std::vector<ProjectedTable> tables() const override {
    return {{"rm_signing_keys", "verifier_key"}};
  }
  Status Apply(Tx& tx, uint64_t index, const domain::Event& e) override {
    if (e.type != "ledger.key_added") return Ok();
    const auto& p = e.payload;
    return tx.ExecDeferred(
        "INSERT INTO rm_signing_keys(verifier_key, name, key_id, added_index, added_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(verifier_key) DO NOTHING",
        {PayloadString(p, "verifier_key"), PayloadString(p, "name"), PayloadString(p, "key_id"),
         static_cast<int64_t>(index), FormatRfc3339(e.time)});
  }
};

// Every event indexed by its subject: the timeline of any object.
class SubjectEventProjection final : public Projection {
 public:
  std::string_view name() const override { return "subject_events"; }
  std::vector<ProjectedTable> tables() const override {
    return {{"rm_subject_events", "subject_kind, subject_id, idx"}};
  }
  Status Apply(Tx& tx, uint64_t index, const domain::Event& e) override {
    return tx.ExecDeferred(
        "INSERT INTO rm_subject_events(subject_kind, subject_id, idx, type, time) "
        "VALUES (?, ?, ?, ?, ?)",
        {e.subject.kind, e.subject.id, static_cast<int64_t>(index), e.type, FormatRfc3339(e.time)});
  }
};

class NoteProjection final : public Projection {
 public:
  std::string_view name() const override { return "notes"; }
  std::vector<ProjectedTable> tables() const override { return {{"rm_notes", "id"}}; }
  Status Apply(Tx& tx, uint64_t index, const domain::Event& e) override {
    if (e.type != "note.added") return Ok();
    return tx.ExecDeferred(
        "INSERT INTO rm_notes(id, subject_kind, subject_id, text, author_id, author_role, "
        "created_at, created_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {PayloadString(e.payload, "note_id"), e.subject.kind, e.subject.id,
         PayloadString(e.payload, "text"), e.actor.id, e.actor.role, FormatRfc3339(e.time),
         static_cast<int64_t>(index)});
  }
};

class ApiTokenProjection final : public Projection {
 public:
  std::string_view name() const override { return "api_tokens"; }
  std::vector<ProjectedTable> tables() const override { return {{"rm_api_tokens", "id"}}; }
  Status Apply(Tx& tx, uint64_t index, const domain::Event& e) override {
    const auto& p = e.payload;
    if (e.type == "token.created") {
      // An integration token's scopes, space-separated; NULL for a person's token.
      Value scopes = Null();
      if (const auto* list = p.if_contains("scopes"); list && list->is_array()) {
        std::string joined;
        for (const auto& s : list->as_array()) {
          if (s.is_string()) joined += (joined.empty() ? "" : " ") + std::string(s.as_string());
        }
        scopes = joined;
      }
      return tx.ExecDeferred(
          "INSERT INTO rm_api_tokens(id, name, role, created_at, expires_at, party_id, user_id, "
          "scopes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          {e.subject.id, PayloadString(p, "name"), PayloadString(p, "role"), FormatRfc3339(e.time),
           PayloadStringOrNull(p, "expires_at"), PayloadStringOrNull(p, "party_id"),
           PayloadStringOrNull(p, "user_id"), scopes});
    }
    if (e.type == "token.revoked") {
      return tx.ExecDeferred("UPDATE rm_api_tokens SET revoked_at = ? WHERE id = ?",
                             {FormatRfc3339(e.time), e.subject.id});
    }
    return Ok();
  }
};

}  // namespace

std::unique_ptr<Projection> MakeOrgProjection() { return std::make_unique<OrgProjection>(); }
std::unique_ptr<Projection> MakeSigningKeyProjection() {
  return std::make_unique<SigningKeyProjection>();
}
std::unique_ptr<Projection> MakeSubjectEventProjection() {
  return std::make_unique<SubjectEventProjection>();
}
std::unique_ptr<Projection> MakeNoteProjection() { return std::make_unique<NoteProjection>(); }
std::unique_ptr<Projection> MakeApiTokenProjection() {
  return std::make_unique<ApiTokenProjection>();
}

Projections DefaultProjections() {
  Projections all;
  all.push_back(MakeOrgProjection());
  all.push_back(MakeSigningKeyProjection());
  all.push_back(MakeSubjectEventProjection());
  all.push_back(MakeNoteProjection());
  all.push_back(MakeApiTokenProjection());
  all.push_back(MakeRegistryProjection());
  all.push_back(MakeReviewsProjection());
  all.push_back(MakeInventoryProjection());
  all.push_back(MakeLedgerEventsProjection());
  all.push_back(MakeScansProjection());
  all.push_back(MakeAnswerLibraryProjection());  // issue 28, part 5
  return all;
}

}  // namespace accord::storage
