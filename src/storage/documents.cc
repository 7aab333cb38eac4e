#include "accord/storage/documents.h"

#include "accord/storage/object_views.h"

#include <boost/json.hpp>
#include <fstream>

#include "accord/core/bytes.h"
#include "accord/core/ids.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/storage/registry_commands.h"

namespace accord::storage {

namespace json = boost::json;

namespace {

// Copies a received file into the row just inserted for its hash, a chunk at a time.
Status StoreContentFile(Tx& tx, const std::string& sha256, const DocumentUpload& u) {
  std::ifstream in(u.content_file, std::ios::binary);
  if (!in) return Internal("cannot read the received upload " + u.content_file.string());
  return tx.StreamBlob("documents", "content", "sha256", sha256, u.size,
                       [&in](std::span<uint8_t> out) -> Result<size_t> {
                         in.read(reinterpret_cast<char*>(out.data()),
                                 static_cast<std::streamsize>(out.size()));
                         if (in.bad()) return Internal("reading the received upload failed");
                         return static_cast<size_t>(in.gcount());
                       });
}

}  // namespace

Result<json::value> StoreDocument(CommandContext& c, const DocumentUpload& u) {
  if (!u.content_file.empty() && u.sha256.empty()) {
    return Internal("a document received into a file must come with its SHA-256");
  }
  const std::string sha256 = u.sha256.empty() ? HexEncode(Sha256(u.body)) : u.sha256;
  const bool from_file = !u.content_file.empty();
  const int64_t size = from_file ? u.size : static_cast<int64_t>(u.body.size());
  // A library answer's evidence (issue 28, part 5) is ours alone too; the answer is not a
  // registry object, and the command attaching the file has found it.
  const bool library = u.parent_kind == "library_answer";
  std::string parent_party;
  if (!library) {
    auto parent = GetObject(c.tx(), u.parent_kind, u.parent_id, u.scope);
    if (!parent.ok()) return std::move(parent).error();
    if (!parent->has_value()) return NotFound(u.parent_kind + " " + u.parent_id);
    parent_party = (*parent)->party_id;
  }
  // A finding's evidence is ours alone: filed under no party, so no party's contact lists it.
  std::string party_id =
      u.parent_kind == "finding" || u.parent_kind == "breach_assessment" || library ? ""
                                                                                    : parent_party;
  int64_t version = 1;
  if (u.parent_kind == "agreement") {
    auto n = c.tx().QueryOne(
        "SELECT COUNT(DISTINCT id) FROM rm_objects WHERE kind = 'document' AND parent_id = ?",
        {u.parent_id});
    if (!n.ok()) return std::move(n).error();
    version = (*n)->Int(0) + 1;
  }
  // Content first: identical bytes are stored once, whoever uploads them.
  auto inserted = c.tx().Exec(
      "INSERT INTO documents(sha256, content_type, size, content, created_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
      {sha256, u.content_type, size,
       BlobOf(from_file ? std::span<const uint8_t>() : AsBytes(u.body)), FormatRfc3339(c.Now())});
  if (!inserted.ok()) return std::move(inserted).error();
  if (from_file && *inserted == 1) ACCORD_TRY(StoreContentFile(c.tx(), sha256, u));
  std::string id = NewId("doc", c.Now());
  std::string at = FormatRfc3339(c.Now());
  json::object state{{"id", id},
                     {"party_id", party_id},
                     {"filename", u.filename},
                     {"content_type", u.content_type},
                     {"size", size},
                     {"sha256", sha256},
                     {"uploaded_by", domain::ActorJson(u.actor)},
                     {"created_at", at},
                     {"updated_at", at},
                     {"version", version}};
  if (!u.effective_at.empty()) state["effective_at"] = u.effective_at;
  if (u.parent_kind == "agreement") state["agreement_id"] = u.parent_id;
  if (u.parent_kind == "certification") state["certification_id"] = u.parent_id;
  if (u.parent_kind == "finding") state["finding_id"] = u.parent_id;
  if (u.parent_kind == "breach_assessment") state["breach_assessment_id"] = u.parent_id;
  if (library) state["library_answer_id"] = u.parent_id;
  auto index = c.Append(domain::Event{.type = "document.uploaded",
                                      .actor = u.actor,
                                      .subject = {"document", id},
                                      .payload = json::object{{"state", state}}});
  if (!index.ok()) return std::move(index).error();
  json::object view =
      ObjectView(StoredObject{id, party_id, u.parent_id, static_cast<int64_t>(*index), state});
  NameCache names(c.tx());  // who uploaded it, by name, as every read of it says
  ACCORD_TRY(names.Name(view));
  return json::value(std::move(view));
}

Result<std::string> ReadDocumentContent(Tx& tx, const std::string& sha256) {
  auto row = tx.QueryOne("SELECT content FROM documents WHERE sha256 = ?", {sha256});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return Internal("document content missing for sha256 " + sha256);
  return std::string(AsString((*row)->BlobAt(0)));
}

}  // namespace accord::storage
