// Notes: a signed-in person annotates any subject; each note is a ledger event, so
// the annotation itself becomes evidence.
#include <boost/json.hpp>

#include "accord/core/ids.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/schema.h"
#include "accord/storage/notes.h"

namespace accord::http {

namespace json = boost::json;

namespace {

constexpr size_t kMaxNoteLength = 10000;

bool IsKind(std::string_view s) {
  if (s.empty() || s.size() > 40) return false;
  for (char c : s) {
    if (!(c >= 'a' && c <= 'z') && c != '_') return false;
  }
  return true;
}

struct NoteInput {
  std::string subject_kind;
  std::string subject_id;
  std::string text;
};

Result<NoteInput> ParseNote(const json::object& body) {
  std::vector<ErrorDetail> details;
  NoteInput in;
  const json::value* subject = body.if_contains("subject");
  if (!subject || !subject->is_object()) {
    details.push_back({"subject", "must be an object {kind, id}", {}});
  } else {
    const json::value* kind = subject->as_object().if_contains("kind");
    const json::value* id = subject->as_object().if_contains("id");
    if (!kind || !kind->is_string() || !IsKind(kind->as_string())) {
      details.push_back({"subject.kind", "must be 1-40 lowercase letters or '_'", {}});
    } else {
      in.subject_kind = kind->as_string();
    }
    if (!id || !id->is_string() || id->as_string().empty() || id->as_string().size() > 200 ||
        std::string_view(id->as_string()).find('\0') != std::string_view::npos) {
      details.push_back({"subject.id", "must be a string of 1-200 characters", {}});
    } else {
      in.subject_id = id->as_string();
    }
  }
  const json::value* text = body.if_contains("text");
  if (!text || !text->is_string()) {
    details.push_back({"text", "must be a string", {}});
  } else if (text->as_string().empty() || text->as_string().size() > kMaxNoteLength) {
    details.push_back({"text", "must be 1-10000 characters", {}});
  } else if (std::string_view(text->as_string()).find('\0') != std::string_view::npos) {
    details.push_back({"text", "must not contain U+0000", {}});
  } else {
    in.text = text->as_string();
  }
  for (const auto& [key, value] : body) {
    if (key != "subject" && key != "text")
      details.push_back({std::string(key), "unknown field", {}});
  }
  if (!details.empty()) {
    std::string message = details.front().field + ": " + details.front().reason;
    return Error{ErrorCode::kValidationFailed, std::move(message), std::move(details)};
  }
  return in;
}

json::object NoteSchema() {
  using namespace schema;
  return Object({{"id", String()},
                 {"subject", Object({{"kind", String()}, {"id", String()}})},
                 {"text", String()},
                 {"author", ActorRef()},
                 {"created_at", Time()},
                 {"ledger_index", Int()}});
}

void CreateNote(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  auto input = ParseNote(*body);
  if (!input.ok()) return reply(ErrorResponse(input.error()));
  domain::Actor actor{ctx.principal->id, ctx.principal->role};
  deps.log.Submit(
      [in = std::move(input.value()), actor](storage::CommandContext& c) -> Result<json::value> {
        auto note = storage::AddNote(c, actor, {in.subject_kind, in.subject_id}, in.text);
        if (!note.ok()) return std::move(note).error();
        return json::value(std::move(*note));
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r, 201)); });
}

Response ListNotes(ApiDeps& deps, Context& ctx) {
  auto page = ParsePage(ctx);
  if (!page.ok()) return ErrorResponse(page.error());
  int64_t as_of = INT64_MAX;
  if (auto v = ctx.Query("as_of"); !v.empty()) {
    auto n = ParseUint(v, "as_of");
    if (!n.ok()) return ErrorResponse(n.error());
    as_of = static_cast<int64_t>(*n);
  }
  std::string kind(ctx.Query("subject_kind")), id(ctx.Query("subject_id"));
  json::array items;
  json::value next_cursor = nullptr;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto notes = storage::ListNotes(tx, page->after.value_or(-1), as_of, kind, id, page->limit + 1);
    if (!notes.ok()) return std::move(notes).error();
    for (size_t i = 0; i < notes->size() && i < page->limit; ++i) {
      items.push_back((*notes)[i]);
    }
    if (notes->size() > page->limit) {
      next_cursor = EncodeCursor((*notes)[page->limit - 1].at("ledger_index").as_int64());
    }
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(json::object{{"items", items}, {"next_cursor", next_cursor}});
}

}  // namespace

void AddNoteRoutes(Router& router, ApiDeps& deps) {
  json::object body{{"type", "object"},
                    {"required", json::array{"subject", "text"}},
                    {"properties", json::object{{"subject", json::object{{"type", "object"}}},
                                                {"text", json::object{{"type", "string"}}}}}};
  router.Add(CommandRoute("POST", "/api/v1/notes", domain::kWorkforce, JsonBody(std::move(body)),
                          Json(NoteSchema(), 201))
                 .Summary("Annotate any subject; the note is recorded in the ledger")
                 .Tag("notes")
                 .Handle(deps, CreateNote));
  router.Add(ReadRoute("/api/v1/notes", domain::kOrgReaders, Json(schema::Page(NoteSchema())))
                 .Summary("Notes, oldest first; filter by subject; ?as_of=N reads the state at "
                          "ledger size N")
                 .Tag("notes")
                 .Query("subject_kind", "subject kind")
                 .Query("subject_id", "subject id")
                 .Paged()
                 .Query("as_of", "ledger size", "integer")
                 .Handle(deps, ListNotes));
}

}  // namespace accord::http
