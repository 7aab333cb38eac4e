#include "accord/storage/notes.h"

#include <boost/json.hpp>

#include "accord/core/ids.h"
#include "accord/domain/registry.h"
#include "accord/storage/registry_store.h"

namespace accord::storage {

namespace json = boost::json;

namespace {

constexpr const char* kColumns =
    "id, subject_kind, subject_id, text, author_id, author_role, created_at, created_index";

json::object NoteJson(const Row& r) {
  return json::object{
      {"id", r.Text(0)},         {"subject", json::object{{"kind", r.Text(1)}, {"id", r.Text(2)}}},
      {"text", r.Text(3)},       {"author", json::object{{"id", r.Text(4)}, {"role", r.Text(5)}}},
      {"created_at", r.Text(6)}, {"ledger_index", r.Int(7)}};
}

// A note is evidence about something: the organisation, an API token or a registry object
// (a party, a review, an account ...) that exists. Refused otherwise, naming the field.
Status CheckSubject(Tx& tx, const domain::Subject& subject) {
  if (subject.kind == "org" || subject.kind == "api_token") {
    const char* sql = subject.kind == "org" ? "SELECT id FROM rm_org WHERE id = ?"
                                            : "SELECT id FROM rm_api_tokens WHERE id = ?";
    auto row = tx.QueryOne(sql, {subject.id});
    if (!row.ok()) return std::move(row).error();
    if (row->has_value()) return Ok();
    return ValidationError("subject.id", subject.kind == "org" ? "is not this organisation's id"
                                                               : "no API token has this id");
  }
  if (!domain::IsRegistryKind(subject.kind)) {
    return ValidationError("subject.kind",
                           "must be org, api_token or a kind of record (party, agreement, "
                           "review, user ...)");
  }
  auto object = GetObject(tx, subject.kind, subject.id, Scope{});
  if (!object.ok()) return std::move(object).error();
  if (!object->has_value()) {
    return ValidationError("subject.id", "no " + subject.kind + " has this id");
  }
  return Ok();
}

}  // namespace

Result<json::object> AddNote(CommandContext& c, const domain::Actor& actor,
                             const domain::Subject& subject, const std::string& text) {
  ACCORD_TRY(CheckSubject(c.tx(), subject));
  std::string id = NewId("note", c.Now());
  auto index = c.Append(domain::Event{.type = "note.added",
                                      .actor = actor,
                                      .subject = subject,
                                      .payload = json::object{{"note_id", id}, {"text", text}}});
  if (!index.ok()) return std::move(index).error();
  auto row =
      c.tx().QueryOne(std::string("SELECT ") + kColumns + " FROM rm_notes WHERE id = ?", {id});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return Internal("note projection missing");
  return NoteJson(**row);
}

Result<std::vector<json::object>> ListNotes(Tx& tx, int64_t after, int64_t as_of,
                                            const std::string& subject_kind,
                                            const std::string& subject_id, size_t limit) {
  auto rows = tx.Query(std::string("SELECT ") + kColumns +
                           " FROM rm_notes WHERE created_index > ? AND created_index < ? "
                           "AND (? = '' OR subject_kind = ?) AND (? = '' OR subject_id = ?) "
                           "ORDER BY created_index LIMIT ?",
                       {after, as_of, subject_kind, subject_kind, subject_id, subject_id,
                        static_cast<int64_t>(limit)});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<json::object> out;
  for (const auto& r : *rows) out.push_back(NoteJson(r));
  return out;
}

}  // namespace accord::storage
