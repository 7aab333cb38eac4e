// CSV import and export of the party registry over HTTP (the CLI has `accord import`).
#include <boost/json.hpp>

#include "accord/domain/roles.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/registry_import.h"

namespace accord::http {

namespace json = boost::json;

namespace {

void Import(ApiDeps& deps, Context&& ctx, Reply reply) {
  std::string_view type = ctx.request.HeaderValue("Content-Type");
  if (!type.starts_with("text/csv")) {
    return reply(ErrorResponse(ValidationError(
        "content_type", "must be text/csv (got '" + std::string(type.substr(0, 100)) + "')")));
  }
  std::string_view skip = ctx.Query("skip_invalid");
  if (!skip.empty() && skip != "true" && skip != "false") {
    return reply(ErrorResponse(ValidationError("skip_invalid", "must be true or false")));
  }
  auto table = storage::ParsePartyCsv(ctx.request.body);
  if (!table.ok()) return reply(ErrorResponse(table.error()));
  domain::Actor actor = ActorOf(*ctx.principal);
  deps.log.Submit(
      [t = std::move(*table), skip = skip == "true",
       actor](storage::CommandContext& c) -> Result<json::value> {
        auto report = storage::ImportParties(c, t, skip, actor);
        if (!report.ok()) return std::move(report).error();
        return json::value(report->ToJson());
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r, 201)); });
}

Response Export(ApiDeps& deps, Context&) {
  std::string csv;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto out = storage::ExportParties(tx);
    if (!out.ok()) return std::move(out).error();
    csv = std::move(*out);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  Response r = TextResponse(std::move(csv), "text/csv; charset=utf-8");
  r.headers.push_back({"Content-Disposition", "attachment; filename=\"parties.csv\""});
  return r;
}

}  // namespace

void AddPartyImportRoutes(Router& router, ApiDeps& deps) {
  using namespace schema;
  json::object report = Object(
      {{"imported", Int()},
       {"skipped", ArrayOf(Object({{"line", Int()}, {"field", String()}, {"reason", String()}}))}});
  router.Add(CommandRoute("POST", "/api/v1/parties/import", domain::kOfficers, RawBody(),
                          Json(std::move(report), 201))
                 .Summary("Import parties from CSV (text/csv, columns in docs/registry.md); all or "
                          "nothing unless ?skip_invalid=true")
                 .Tag("registry")
                 .Query("skip_invalid", "import the good rows and report the others", "boolean")
                 .BodyLimit(64u << 20)
                 .Handle(deps, Import));
  router.Add(ReadRoute("/api/v1/parties/export", domain::kOrgReaders,
                       Media("text/csv", json::object{{"type", "string"}}))
                 .Summary("The live party registry as CSV (the import's columns)")
                 .Tag("registry")
                 .Handle(deps, Export));
}

}  // namespace accord::http
