// GET /api/v1/ledger/evidence: the evidence bundle of `accord evidence export`, for auditors
// and the officers, over the same selection (docs/ledger.md, "The evidence bundle").
#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "accord/core/ids.h"
#include "accord/domain/roles.h"
#include "accord/evidence/control_selection.h"
#include "accord/evidence/export.h"
#include "accord/http/api.h"
#include "accord/http/json.h"

namespace accord::http {

namespace json = boost::json;

namespace {

// A bundle the server builds in memory for one request: a bounded selection.
constexpr uint64_t kMaxApiEvents = 200'000;

std::vector<std::string> List(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Removes the bundle's temporary file whatever happens.
struct TempFile {
  std::filesystem::path path;
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
};

Response Export(ApiDeps& deps, Context& ctx) {
  if (deps.signer == nullptr) return ErrorResponse(Internal("the server has no signing key"));
  auto selection = evidence::ParseSelection(ctx.Query("from"), ctx.Query("to"),
                                            List(ctx.Query("party")), List(ctx.Query("kind")));
  if (!selection.ok()) return ErrorResponse(selection.error());
  if (std::string control(ctx.Query("control")); !control.empty()) {
    if (!deps.profile) return ErrorResponse(Internal("no policy profile"));
    Status s = evidence::SelectControl(deps.store, *deps.profile, control, deps.clock, *selection);
    if (!s.ok()) return ErrorResponse(s.error());
  }
  TempFile tmp{std::filesystem::temp_directory_path() /
               (NewId("evidence", deps.clock.Now()) + ".accord-evidence.zip")};
  evidence::ExportOptions options{
      .selection = std::move(*selection), .out = tmp.path, .max_events = kMaxApiEvents};
  auto summary = evidence::ExportBundle(deps.store, *deps.signer, deps.origin, options, deps.clock);
  if (!summary.ok()) return ErrorResponse(summary.error());
  std::ifstream in(tmp.path, std::ios::binary);
  std::stringstream body;
  body << in.rdbuf();
  if (!in.is_open() || in.bad()) return ErrorResponse(Internal("reading the bundle back failed"));
  Response r;
  r.content_type = "application/zip";
  r.body = std::move(body).str();
  r.headers.push_back({"Content-Disposition", "attachment; filename=\"ledger-" +
                                                  std::to_string(summary->checkpoint_size) +
                                                  ".accord-evidence.zip\""});
  r.headers.push_back({"X-Evidence-Events", std::to_string(summary->events)});
  return r;
}

}  // namespace

void AddEvidenceRoutes(Router& router, ApiDeps& deps) {
  router.Add(
      ReadRoute("/api/v1/ledger/evidence", domain::kLedgerReaders,
                Media("application/zip", json::object{{"type", "string"}, {"format", "binary"}}))
          .Summary("An evidence bundle (zip): the selected events with inclusion proofs, their "
                   "documents, the latest signed checkpoint, the keys, a signed manifest and an "
                   "offline verify.html; events after the latest checkpoint are not included")
          .Tag("ledger")
          .Query("from", "first day or instant recorded (RFC 3339 or YYYY-MM-DD)")
          .Query("to", "last day or instant recorded, included")
          .Query("party", "only events about these parties (comma-separated ids)")
          .Query("kind", "only events about these kinds of object (comma-separated)")
          .Query("control",
                 "only what proves this compliance control (a HIPAA citation such as "
                 "164.308(b)(1), or TP-11): the entries its evidence cites and those objects' "
                 "history")
          .Handle(deps, Export));
}

}  // namespace accord::http
