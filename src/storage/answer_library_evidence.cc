// A library answer's evidence files (issue 28, part 5): the upload stored as one of our documents
// and the answer revised with its link, in one transaction.
#include <boost/json.hpp>

#include "accord/domain/registry.h"
#include "accord/storage/answer_library.h"
#include "accord/workflow/answer_library.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

Result<json::object> AttachLibraryEvidence(CommandContext& c, const domain::Actor& actor,
                                           const LibraryViewer& viewer, const std::string& id,
                                           EvidenceFile file) {
  namespace wf = workflow::library_answer;
  if (auto refusal = wf::RoleRefusal(viewer.role, viewer.break_glass)) return *refusal;
  if (file.note.size() > 500) return ValidationError("note", "is longer than 500 characters");
  auto row = c.tx().QueryOne("SELECT doc FROM rm_library_answers WHERE id = ?", {id});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return NotFound("library answer " + id);
  json::object state = json::parse((*row)->Text(0)).as_object();

  // The links as a revision names them, with the file's place kept open.
  json::array links;
  std::optional<size_t> slot;
  if (const json::value* ev = state.if_contains("evidence"); ev && ev->is_array()) {
    for (const auto& v : ev->as_array()) {
      const json::object& o = v.as_object();
      json::object link{{"kind", StateString(o, "kind")},
                        {"id", StateString(o, "id")},
                        {"note", StateString(o, "note")}};
      if (!file.replace.empty() && !slot && StateString(o, "id") == file.replace) {
        slot = links.size();
        if (file.note.empty()) file.note = StateString(o, "note");
      }
      links.push_back(std::move(link));
    }
  }
  if (!file.replace.empty() && !slot) {
    return ValidationError("replace", "is not the id of a record this answer links as evidence");
  }
  file.upload.parent_kind = "library_answer";
  file.upload.parent_id = id;
  auto stored = StoreDocument(c, file.upload);
  if (!stored.ok()) return std::move(stored).error();
  json::object link{
      {"kind", "document"}, {"id", StateString(stored->as_object(), "id")}, {"note", file.note}};
  if (slot) {
    links[*slot] = std::move(link);
  } else {
    links.push_back(std::move(link));
  }
  return LibraryAnswerAction(c, actor, viewer, id,
                             json::object{{"action", "revise"}, {"evidence", std::move(links)}});
}

}  // namespace accord::storage
