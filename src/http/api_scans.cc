// Vulnerability scans over HTTP (issue 24, TR-4): a scanner's report uploaded as the raw body
// (an officer, or CI with an integration token scoped scans:write), the scans and the targets.
// The body is spooled to a file as it arrives and read by a streaming parser, so a large report
// costs memory by its results kept, not its bytes; a refused file writes nothing.
#include <boost/json.hpp>
#include <cstdio>
#include <memory>

#include "accord/domain/roles.h"
#include "accord/domain/scan_report.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/scans.h"

namespace accord::http {

namespace json = boost::json;

namespace {

constexpr size_t kMaxScanBytes = size_t{256} << 20;

Error NoProfile() { return Error{ErrorCode::kUnavailable, "no policy profile is loaded", {}}; }

Result<domain::ScanReport> ParseBody(domain::ScanFormat format, const Request& request) {
  if (!request.body_file) return domain::ParseScanReport(format, request.body);
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(request.body_file->path().c_str(), "rb"),
                                          &std::fclose);
  if (!f) return Internal("the received scan file could not be read back");
  domain::ScanReader read = [&](char* buf, size_t size) {
    return std::fread(buf, 1, size, f.get());
  };
  return domain::ParseScanReport(format, read);
}

void Import(ApiDeps& deps, Context&& ctx, Reply reply) {
  if (!deps.profile) return reply(ErrorResponse(NoProfile()));
  std::shared_ptr<const BodyFile> file = std::move(ctx.request.body_file);
  std::string_view name = ctx.Query("format");
  auto format = domain::ParseScanFormat(name);
  if (!format) {
    return reply(ErrorResponse(
        ValidationError("format", name.empty() ? "is required: sarif, trivy or cyclonedx"
                                               : "must be sarif, trivy or cyclonedx")));
  }
  storage::ScanImport in;
  in.target = std::string(ctx.Query("target"));
  in.system_id = std::string(ctx.Query("system_id"));
  in.file_name = std::string(ctx.Query("filename").substr(0, 200));
  ctx.request.body_file = file;
  auto report = ParseBody(*format, ctx.request);
  ctx.request.body_file.reset();
  file.reset();  // the spooled file is gone before the answer, whatever it held
  if (!report.ok()) return reply(ErrorResponse(report.error()));
  in.report = std::move(*report);
  deps.log.Submit(
      [in = std::move(in), policy = &deps.profile->reviews,
       actor = ActorOf(*ctx.principal)](storage::CommandContext& c) -> Result<json::value> {
        auto r = storage::ImportScan(c, actor, in, *policy);
        if (!r.ok()) return std::move(r).error();
        return json::value(std::move(*r));
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r, 201)); });
}

Response List(ApiDeps& deps, Context& ctx) {
  std::string target(ctx.Query("target_id"));
  auto limit = ParseGroupLimit(ctx, 50, 1, 500);
  if (!limit.ok()) return ErrorResponse(limit.error());
  json::array items;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto r = storage::ListScans(tx, target, static_cast<int>(*limit));
    if (!r.ok()) return std::move(r).error();
    items = std::move(*r);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(json::object{{"items", std::move(items)}});
}

Response Get(ApiDeps& deps, Context& ctx) {
  const std::string& id = ctx.path_params.at("id");
  json::object scan;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto r = storage::GetScan(tx, id);
    if (!r.ok()) return std::move(r).error();
    if (!r->has_value()) return NotFound("scan " + id);
    scan = std::move(**r);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(std::move(scan));
}

Response Targets(ApiDeps& deps, Context&) {
  if (!deps.profile) return ErrorResponse(NoProfile());
  json::array items;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto r = storage::ListScanTargets(tx, deps.clock.Now(), deps.profile->reviews);
    if (!r.ok()) return std::move(r).error();
    items = std::move(*r);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(json::object{{"items", std::move(items)}});
}

void Assign(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  const json::value* sys = body->if_contains("system_id");
  if (!sys || !sys->is_string() || sys->as_string().empty()) {
    return reply(ErrorResponse(ValidationError("system_id", "is required: a system's id")));
  }
  deps.log.Submit(
      [target = ctx.path_params.at("id"), system = std::string(sys->as_string()),
       actor = ActorOf(*ctx.principal)](storage::CommandContext& c) -> Result<json::value> {
        auto r = storage::AssignScanTarget(c, actor, target, system);
        if (!r.ok()) return std::move(r).error();
        return json::value(std::move(*r));
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r, 200)); });
}

json::object Counts() {
  using namespace schema;
  return Object({{"opened", Int()},
                 {"reopened", Int()},
                 {"resolved", Int()},
                 {"unchanged", Int()},
                 {"not_affected", Int()}});
}

json::object VexItem() {
  using namespace schema;
  return Object({{"vulnerability_id", String()},
                 {"package", String()},
                 {"state", String()},
                 {"justification", String()},
                 {"detail", String()}});
}

json::object ScanSchema(bool one) {
  using namespace schema;
  json::object brief = Object({{"id", String()},
                               {"title", String()},
                               {"severity", String()},
                               {"status", String()},
                               {"due_at", Time()},
                               {"overdue", Bool()}});
  std::initializer_list<std::pair<std::string_view, json::object>> required = {
      {"id", String()},
      {"format", Enum({"sarif", "trivy", "cyclonedx"})},
      {"tool", String()},
      {"tool_version", String()},
      {"target_id", Nullable(String())},
      {"target", Nullable(String())},
      {"system_id", Nullable(String())},
      {"file_name", Nullable(String())},
      {"imported_at", Time()},
      {"scanned_at", Time()},
      {"imported_by", ActorRef()},
      {"results", Int()},
      {"counts", Counts()}};
  // Issue 24: where scanned_at came from (scans imported before these fields have neither):
  // the file's own time, the upload's (the file has none, or one after the upload), or the
  // importer's; and the file's field it was read from.
  if (one) {
    return Object(required, {{"vex", ArrayOf(VexItem())},
                             {"findings", ArrayOf(brief)},
                             {"ledger_index", Int()},
                             {"target_new", Bool()},
                             {"scanned_at_source", Enum({"file", "upload", "given"})},
                             {"scanned_at_field", Nullable(Text("e.g. CreatedAt"))}});
  }
  return Object(required, {{"vex", ArrayOf(VexItem())},
                           {"scanned_at_source", Enum({"file", "upload", "given"})},
                           {"scanned_at_field", Nullable(Text("e.g. CreatedAt"))}});
}

json::object TargetSchema() {
  using namespace schema;
  return Object({{"id", String()},
                 {"name", String()},
                 {"target_kind", String()},
                 {"system_id", Nullable(String())},
                 {"system_name", Nullable(String())},
                 {"first_seen_at", Time()},
                 {"last_scan_at", Nullable(Time())},
                 {"last_scan_id", Nullable(String())},
                 {"next_scan_due_at", Time()},
                 {"scan_overdue", Bool()},
                 {"open_findings", Object({}, {{"critical", Int()},
                                               {"high", Int()},
                                               {"medium", Int()},
                                               {"low", Int()},
                                               {"overdue", Int()}})}});
}

}  // namespace

void AddScanRoutes(Router& router, ApiDeps& deps) {
  using namespace schema;
  router.Add(CommandRoute("POST", "/api/v1/scans", domain::kOfficers, RawBody(),
                          Json(ScanSchema(true), 201))
                 .Summary("Import a scanner's report (raw body, up to 256 MiB, read as it "
                          "streams): SARIF 2.1.0, Trivy JSON or CycloneDX VEX. Its results "
                          "become findings (source scan), de-duplicated with the target's "
                          "earlier scans; only what changed is recorded")
                 .Tag("scans")
                 .RequiredQuery("format", "sarif | trivy | cyclonedx")
                 .Query("target",
                        "the image, repository or host scanned, when the file does "
                        "not name it (or to name it otherwise)")
                 .Query("system_id", "the system the target belongs to")
                 .Query("filename", "the file's name, for the record")
                 .BodyLimit(kMaxScanBytes)
                 .SpoolBody()
                 .Scopes({"scans:write"})
                 .Handle(deps, Import));
  router.Add(ReadRoute("/api/v1/scans", domain::kOrgReaders,
                       Json(Object({{"items", ArrayOf(ScanSchema(false))}})))
                 .Summary("Imported scans, newest first")
                 .Tag("scans")
                 .Query("target_id", "only this target's scans")
                 .Query("limit", "at most this many, 1-500 (default 50)", "integer")
                 .Handle(deps, List));
  router.Add(ReadRoute("/api/v1/scans/{id}", domain::kOrgReaders, Json(ScanSchema(true)))
                 .Summary("One scan: its counts, its VEX statements and its target's findings")
                 .Tag("scans")
                 .Path("id", "scan id")
                 .Handle(deps, Get));
  router.Add(ReadRoute("/api/v1/scan-targets", domain::kOrgReaders,
                       Json(Object({{"items", ArrayOf(TargetSchema())}})))
                 .Summary("What the scans scanned: each target's system, last scan, when the "
                          "next is due and its open findings")
                 .Tag("scans")
                 .Handle(deps, Targets));
  router.Add(
      CommandRoute("POST", "/api/v1/scan-targets/{id}/system", domain::kOfficers,
                   JsonBody(Object({{"system_id", String()}})),
                   Json(Object({{"id", String()}, {"name", String()}, {"system_id", String()}})))
          .Summary("Say which of our systems a scanned target belongs to")
          .Tag("scans")
          .Path("id", "target id")
          .Handle(deps, Assign));
}

}  // namespace accord::http
