// Evidence documents (TP-6): uploaded as the raw request body, checked (type by content,
// size), stored content-addressed in the database (so backups and every server see them)
// with their SHA-256 in the ledger, and only ever served as downloads.
#include <boost/json.hpp>
#include <fstream>

#include "accord/core/bytes.h"
#include "accord/core/ids.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/domain/document.h"
#include "accord/domain/registry.h"
#include "accord/domain/roles.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/documents.h"

namespace accord::http {

namespace json = boost::json;
using domain::StateString;

namespace {

constexpr domain::RoleSet kReaders = domain::kEveryone;

// Checks an upload the server received into a file, reading it back a chunk at a time.
Result<std::string> CheckReceivedFile(std::string_view declared, const BodyFile& file,
                                      std::string_view filename) {
  std::ifstream in(file.path(), std::ios::binary);
  if (!in) return Internal("cannot read the received upload back");
  domain::ContentReader read = [&in](uint64_t offset,
                                     std::span<uint8_t> out) -> std::optional<size_t> {
    in.clear();
    in.seekg(static_cast<std::streamoff>(offset));
    in.read(reinterpret_cast<char*>(out.data()), static_cast<std::streamsize>(out.size()));
    if (in.bad()) return std::nullopt;
    return static_cast<size_t>(in.gcount());
  };
  return domain::CheckDocumentContent(declared, file.size(), read, filename);
}

// ?effective_at=: when the document took effect, beside the time the ledger records it.
Result<std::string> EffectiveAt(std::string_view text) {
  if (text.empty()) return std::string();
  std::string s(text);
  if (s.size() == 10) s += "T00:00:00Z";
  auto t = ParseRfc3339(s);
  if (!t.ok())
    return ValidationError("effective_at", "must be an RFC 3339 time or a YYYY-MM-DD date");
  return FormatRfc3339(*t);
}

}  // namespace

Result<storage::DocumentUpload> CheckedUpload(Context& ctx, std::shared_ptr<const BodyFile>& file) {
  // The server received the body into a file (hashed as it arrived); only a body too short to
  // need one is in memory. A refused file is gone before the answer.
  file = std::move(ctx.request.body_file);
  auto filename = domain::SanitizeFilename(ctx.Query("filename"));
  if (!filename.ok()) return std::move(filename).error();
  auto effective = EffectiveAt(ctx.Query("effective_at"));
  if (!effective.ok()) return std::move(effective).error();
  std::string declared(ctx.request.HeaderValue("Content-Type"));
  auto type = file ? CheckReceivedFile(declared, *file, *filename)
                   : domain::CheckDocument(declared, AsBytes(ctx.request.body), *filename);
  if (!type.ok()) return std::move(type).error();
  storage::DocumentUpload u{ScopeOf(*ctx.principal), ActorOf(*ctx.principal), "", "",
                            std::move(*filename),    std::move(*type)};
  u.effective_at = std::move(*effective);
  if (file) {
    u.content_file = file->path();
    u.size = static_cast<int64_t>(file->size());
    u.sha256 = file->sha256();
  } else {
    u.sha256 = HexEncode(Sha256(ctx.request.body));  // not in the writer
    u.body = std::move(ctx.request.body);
  }
  return u;
}

namespace {

// POST .../documents under a `parent_kind` object named by the path parameter `param`.
void Upload(ApiDeps& deps, const std::string& parent_kind, const std::string& param, Context&& ctx,
            Reply reply) {
  std::shared_ptr<const BodyFile> file;
  auto checked = CheckedUpload(ctx, file);
  if (!checked.ok()) {
    file.reset();
    return reply(ErrorResponse(checked.error()));
  }
  storage::DocumentUpload u = std::move(*checked);
  u.parent_kind = parent_kind;
  u.parent_id = ctx.path_params.at(param);
  // The file stays until the command has copied it into the store (or failed), and is gone
  // before the answer.
  deps.log.Submit(
      [u = std::move(u)](storage::CommandContext& c) { return storage::StoreDocument(c, u); },
      [reply = std::move(reply), file](Result<json::value> r) mutable {
        file.reset();
        reply(ToResponse(r, 201));
      });
}

void AddUploadRoute(Router& router, ApiDeps& deps, const std::string& parent_kind,
                    const std::string& pattern, domain::RoleSet roles) {
  // The pattern's one path parameter: "{id}" or "{party_id}".
  std::string param =
      pattern.substr(pattern.find('{') + 1, pattern.find('}') - pattern.find('{') - 1);
  router.Add(
      CommandRoute("POST", pattern, roles, RawBody(), Json(schema::KindRef("document"), 201))
          .Summary("Upload a document (raw body; Content-Type: PDF, PNG, JPEG, text, CSV, DOCX or "
                   "XLSX; ?filename=; at most 25 MiB); its SHA-256 goes into the ledger")
          .Tag("documents")
          .Path(param, parent_kind + " id")
          .RequiredQuery("filename", "the file's name, for display")
          .Query("effective_at",
                 "when the document took effect (RFC 3339 or YYYY-MM-DD); the ledger records "
                 "the upload time separately")
          .BodyLimit(domain::kMaxDocumentBytes)
          .SpoolBody()
          .Handle([&deps, parent_kind, param](Context&& ctx, Reply reply) {
            Upload(deps, parent_kind, param, std::move(ctx), std::move(reply));
          }));
}

// GET .../documents: the documents under one agreement or certification, oldest first.
Response ChildDocuments(ApiDeps& deps, const std::string& parent_kind, Context& ctx) {
  auto as_of = ParseAsOf(ctx);
  if (!as_of.ok()) return ErrorResponse(as_of.error());
  auto page = ParsePage(ctx);
  if (!page.ok()) return ErrorResponse(page.error());
  const std::string& id = ctx.path_params.at("id");
  storage::Scope scope = ScopeOf(*ctx.principal);
  json::object body;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto parent = storage::GetObject(tx, parent_kind, id, scope, *as_of);
    if (!parent.ok()) return std::move(parent).error();
    if (!parent->has_value()) return NotFound(parent_kind + " " + id);
    storage::ListQuery q{.kind = "document",
                         .parent_id = id,
                         .after_id = page->after_id.value_or(""),
                         .limit = page->limit,
                         .as_of = *as_of};
    auto result = storage::ListObjects(tx, q, scope);
    if (!result.ok()) return std::move(result).error();
    body = PageJson(*result);
    storage::NameCache names(tx);
    for (auto& item : body["items"].as_array()) ACCORD_TRY(names.Name(item.as_object()));
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(body);
}

void AddChildDocumentsRoute(Router& router, ApiDeps& deps, std::string parent_kind,
                            std::string pattern, domain::RoleSet roles, std::string summary) {
  router.Add(ReadRoute(std::move(pattern), roles, Json(schema::Page(schema::KindRef("document"))))
                 .Summary(std::move(summary))
                 .Tag("documents")
                 .Path("id", parent_kind + " id")
                 .Query("as_of", "ledger size", "integer")
                 .Handle(Sync([&deps, parent_kind](Context& ctx) {
                   return ChildDocuments(deps, parent_kind, ctx);
                 })));
}

Response Content(ApiDeps& deps, Context& ctx) {
  const std::string& id = ctx.path_params.at("id");
  storage::Scope scope = ScopeOf(*ctx.principal);
  json::object doc;
  std::string content;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto o = storage::GetObject(tx, "document", id, scope);
    if (!o.ok()) return std::move(o).error();
    if (!o->has_value()) return NotFound("document " + id);
    doc = (*o)->doc;
    auto bytes = storage::ReadDocumentContent(tx, StateString(doc, "sha256"));
    if (!bytes.ok()) return std::move(bytes).error();
    content = std::move(*bytes);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return DocumentDownload(doc, std::move(content));
}

}  // namespace

// Browsers must never render an upload as a page: attachment, sandboxed, no sniffing.
Response DocumentDownload(const json::object& doc, std::string content) {
  Response r;
  r.content_type = StateString(doc, "content_type");
  r.body = std::move(content);
  std::string name = StateString(doc, "filename");
  std::string ascii;
  for (char ch : name) ascii += (ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\') ? ch : '_';
  r.headers.push_back({"Content-Disposition", "attachment; filename=\"" + ascii + "\""});
  r.headers.push_back({"Content-Security-Policy", "sandbox; default-src 'none'"});
  r.headers.push_back({"X-Content-SHA256", StateString(doc, "sha256")});
  return r;
}

void AddDocumentRoutes(Router& router, ApiDeps& deps) {
  AddUploadRoute(router, deps, "agreement", "/api/v1/agreements/{id}/documents", domain::kOfficers);
  // Our own reports (a SOC 2 report, an ISO certificate): what audit-report requests deliver.
  AddUploadRoute(router, deps, "certification", "/api/v1/certifications/{id}/documents",
                 domain::kOfficers);
  // {party_id}, as in the party's GET .../documents: one path, one template (OpenAPI 3.1).
  // A party's contact uploads its own evidence, e.g. its SOC 2 report.
  AddUploadRoute(router, deps, "party", "/api/v1/parties/{party_id}/documents",
                 domain::kOfficers.With(domain::Role::kThirdPartyContact));
  // A finding's evidence (issue 20, item 5): uploaded before resolving it.
  AddUploadRoute(router, deps, "finding", "/api/v1/findings/{id}/documents", domain::kOfficers);
  // TR-8: a law enforcement official's statement (164.412), ours alone like a finding's.
  AddUploadRoute(router, deps, "breach_assessment", "/api/v1/breach-assessments/{id}/documents",
                 domain::kOfficers);
  AddChildDocumentsRoute(router, deps, "finding", "/api/v1/findings/{id}/documents",
                         domain::kOrgReaders, "A finding's evidence, oldest first");
  AddChildDocumentsRoute(router, deps, "agreement", "/api/v1/agreements/{id}/documents", kReaders,
                         "An agreement's documents (its versions), oldest first");
  AddChildDocumentsRoute(router, deps, "certification", "/api/v1/certifications/{id}/documents",
                         domain::kOrgReaders,
                         "A certification's documents (our reports and certificates), oldest "
                         "first");
  router.Add(ReadRoute("/api/v1/documents/{id}/content", kReaders,
                       Media("application/octet-stream",
                             json::object{{"type", "string"}, {"format", "binary"}}))
                 .Summary("Download a document's bytes (always as an attachment)")
                 .Tag("documents")
                 .Path("id", "document id")
                 .Handle(deps, Content));
}

}  // namespace accord::http
