// Report links over HTTP (IN-4): an approved request's secret link, /downloads/{token}. The
// GET shows the page and the POST downloads, so a mail scanner that fetches the link changes
// nothing. Each download is counted against the link and recorded in the ledger.
#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/domain/report_requests.h"
#include "accord/http/api.h"
#include "accord/http/html_page.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/storage/documents.h"
#include "accord/storage/report_requests.h"
#include "report_routes.h"

namespace accord::http::report_routes {

using domain::StateString;

namespace {

// A customer questionnaire's link (issue 28, part 5): the questionnaire's name and the terms,
// or, when it may not be downloaded now, why in plain words.
Response QuestionnairePage(const std::string& organisation, const storage::ReportLink& link,
                           const std::string& token) {
  const char* title = "Our answers to your security questionnaire";
  if (!link.refusal.empty()) {
    return SecretLinkHtml(NoticePage("This questionnaire cannot be downloaded", link.refusal), 403);
  }
  int64_t left = link.max_uses - link.uses;
  std::string body =
      "<main><h1>" + std::string(title) + "</h1><p>" + HtmlEscape(organisation) +
      "'s answers to the security questionnaire your organisation sent us, shared under the "
      "NDA in force between your organisation and us.</p><table><tbody><tr><th "
      "scope=\"row\">File</th><td>" +
      HtmlEscape(StateString(link.document, "filename")) +
      "</td></tr><tr><th scope=\"row\">Downloads left</th><td>" + std::to_string(left) +
      "</td></tr><tr><th scope=\"row\">Link works until</th><td>" +
      HumanMoment(FormatRfc3339(link.expires_at)) +
      "</td></tr></tbody></table><form method=\"post\" action=\"/downloads/" + HtmlEscape(token) +
      "\"><button type=\"submit\">Download</button></form><p>The file is a spreadsheet (CSV) "
      "in your own layout with our answers filled in. Each download is recorded (time and IP "
      "address), and the link works only while the NDA is in force.</p></main>";
  return SecretLinkHtml(PublicPage(title, body));
}

Response DownloadPage(ReportPages& pages, Context& ctx) {
  auto link = pages.Lookup(ctx, "download");
  if (!link.ok()) return ErrorResponse(link.error());
  if (link->state != storage::LinkState::kValid) return LinkProblem(link->state);
  const json::object& doc = link->document;
  int64_t left = link->max_uses - link->uses;
  std::string token = ctx.path_params.at("token");
  if (!StateString(link->request, "questionnaire_id").empty()) {
    return QuestionnairePage(pages.Organisation(), *link, token);
  }
  std::string body =
      "<main><h1>Your requested report</h1><p>" + HtmlEscape(pages.Organisation()) + "'s " +
      HtmlEscape(domain::ReportTypeLabel(StateString(link->request, "report_type"))) +
      ", shared under the NDA you accepted.</p><table><tbody><tr><th scope=\"row\">File</th>"
      "<td>" +
      HtmlEscape(StateString(doc, "filename")) +
      "</td></tr><tr><th scope=\"row\">SHA-256</th><td><code>" +
      HtmlEscape(StateString(doc, "sha256")) +
      "</code></td></tr><tr><th scope=\"row\">Downloads left</th><td>" + std::to_string(left) +
      "</td></tr><tr><th scope=\"row\">Link works until</th><td>" +
      HumanMoment(FormatRfc3339(link->expires_at)) +
      "</td></tr></tbody></table><form method=\"post\" action=\"/downloads/" + HtmlEscape(token) +
      "\"><button type=\"submit\">Download</button></form><p>Each download is recorded "
      "(time and IP address).</p></main>";
  return SecretLinkHtml(PublicPage("Your requested report", body));
}

void DownloadPost(ReportPages& pages, Context&& ctx, Reply reply) {
  std::string token = ctx.path_params.at("token");
  std::string address = ctx.request.remote_address;
  std::string agent = Printable(ctx.request.HeaderValue("User-Agent"));
  storage::Store& store = pages.deps.store;
  pages.deps.log.Submit(
      [token, address, agent](storage::CommandContext& c) -> Result<json::value> {
        auto doc = storage::RecordDownload(c, token, address, agent);
        if (!doc.ok()) return std::move(doc).error();
        return json::value(std::move(*doc));
      },
      [&store, reply = std::move(reply)](Result<json::value> r) {
        if (!r.ok()) return reply(LinkProblem(r.error()));
        json::object& doc = r->as_object();
        if (json::value* file = doc.if_contains("content"); file && file->is_string()) {
          std::string content(file->as_string());
          doc.erase("content");
          return reply(DocumentDownload(doc, std::move(content)));
        }
        std::string content;
        Status s = store.Read([&](storage::Tx& tx) -> Status {
          auto bytes = storage::ReadDocumentContent(tx, StateString(doc, "sha256"));
          if (!bytes.ok()) return std::move(bytes).error();
          content = std::move(*bytes);
          return Ok();
        });
        if (!s.ok()) return reply(ErrorResponse(s.error()));
        reply(DocumentDownload(doc, std::move(content)));
      });
}

}  // namespace

void AddLinkRoutes(Router& router, const std::shared_ptr<ReportPages>& pages) {
  router.Add(ReadRoute("/downloads/{token}", kPublic, Html())
                 .Summary("An approved report's download page")
                 .Tag("trust")
                 .Path("token", kTokenParam)
                 .Handle(pages, DownloadPage));
  router.Add(CommandRoute("POST", "/downloads/{token}", kPublic, RawBody(),
                          Media("application/octet-stream"))
                 .Summary("Download the report (each download is counted and recorded)")
                 .Tag("trust")
                 .Path("token", kTokenParam)
                 .BodyLimit(kFormLimit)
                 .Handle(pages, DownloadPost));
}

}  // namespace accord::http::report_routes
