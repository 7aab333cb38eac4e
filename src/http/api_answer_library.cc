// The answer library and customers' questionnaires over HTTP (issue 28, part 5). Officers curate
// the library and answer questionnaires; the workforce and the auditor read them; a customer's
// contact reads and downloads its own party's shared questionnaires while an NDA is in force.
#include <boost/json.hpp>

#include "accord/domain/document.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/answer_library.h"
#include "accord/storage/customer_questionnaires.h"
#include "accord/storage/questionnaire_links.h"
#include "answer_library_routes.h"

namespace accord::http {

namespace json = boost::json;

namespace {

constexpr size_t kMaxQuestionnaireBytes = size_t{8} << 20;

storage::LibraryViewer LibraryViewerOf(const Principal& p) { return {p.role, p.break_glass}; }

storage::QuestionnaireViewer QuestionnaireViewerOf(const Principal& p) {
  return {p.role, p.role == "third_party_contact" ? p.party_id : "", p.break_glass};
}

using Command = std::function<Result<json::object>(storage::CommandContext&)>;

void Submit(ApiDeps& deps, Command fn, Reply reply, int status) {
  deps.log.Submit(
      [fn = std::move(fn)](storage::CommandContext& c) -> Result<json::value> {
        auto r = fn(c);
        if (!r.ok()) return std::move(r).error();
        return json::value(std::move(*r));
      },
      [reply = std::move(reply), status](Result<json::value> r) { reply(ToResponse(r, status)); });
}

void CreateAnswer(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  Submit(
      deps,
      [body = std::move(*body), actor = ActorOf(*ctx.principal),
       viewer = LibraryViewerOf(*ctx.principal)](storage::CommandContext& c) {
        return storage::CreateLibraryAnswer(c, actor, viewer, body);
      },
      std::move(reply), 201);
}

void AnswerAction(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  Submit(
      deps,
      [body = std::move(*body), id = ctx.path_params.at("id"), actor = ActorOf(*ctx.principal),
       viewer = LibraryViewerOf(*ctx.principal)](storage::CommandContext& c) {
        return storage::LibraryAnswerAction(c, actor, viewer, id, body);
      },
      std::move(reply), 200);
}

// A file as an answer's evidence: checked like every upload, stored and linked by a revision.
void AttachEvidence(ApiDeps& deps, Context&& ctx, Reply reply) {
  std::shared_ptr<const BodyFile> file;
  auto upload = CheckedUpload(ctx, file);
  if (!upload.ok()) {
    file.reset();
    return reply(ErrorResponse(upload.error()));
  }
  storage::EvidenceFile evidence{.upload = std::move(*upload),
                                 .replace = std::string(ctx.Query("replace")),
                                 .note = std::string(ctx.Query("note"))};
  deps.log.Submit(
      [evidence = std::move(evidence), id = ctx.path_params.at("id"),
       actor = ActorOf(*ctx.principal), viewer = LibraryViewerOf(*ctx.principal)](
          storage::CommandContext& c) -> Result<json::value> {
        auto r = storage::AttachLibraryEvidence(c, actor, viewer, id, evidence);
        if (!r.ok()) return std::move(r).error();
        return json::value(std::move(*r));
      },
      [reply = std::move(reply), file](Result<json::value> r) mutable {
        file.reset();  // the command has copied it into the store (or failed)
        reply(ToResponse(r, 200));
      });
}

Response ListAnswers(ApiDeps& deps, Context& ctx) {
  auto limit = ParseGroupLimit(ctx, 500, 1, 5000);
  if (!limit.ok()) return ErrorResponse(limit.error());
  std::string status(ctx.Query("status"));
  if (!status.empty() && status != "draft" && status != "approved" && status != "retired") {
    return ErrorResponse(ValidationError("status", "must be draft, approved or retired"));
  }
  json::array items;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto r = storage::ListLibraryAnswers(tx, LibraryViewerOf(*ctx.principal), status,
                                         std::string(ctx.Query("q")), *limit);
    if (!r.ok()) return std::move(r).error();
    items = std::move(*r);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(json::object{{"items", std::move(items)}});
}

Response GetAnswer(ApiDeps& deps, Context& ctx) {
  const std::string& id = ctx.path_params.at("id");
  json::object out;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto r = storage::GetLibraryAnswer(tx, LibraryViewerOf(*ctx.principal), id);
    if (!r.ok()) return std::move(r).error();
    if (!r->has_value()) return NotFound("library answer " + id);
    out = std::move(**r);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(std::move(out));
}

void ImportQuestionnaire(ApiDeps& deps, Context&& ctx, Reply reply) {
  std::string_view type = ctx.request.HeaderValue("Content-Type");
  if (!type.starts_with("text/csv")) {
    return reply(ErrorResponse(ValidationError(
        "content_type", "must be text/csv (got '" + std::string(type.substr(0, 100)) + "')")));
  }
  storage::QuestionnaireImport in{.party_id = std::string(ctx.Query("party_id")),
                                  .name = std::string(ctx.Query("name")),
                                  .question_column = std::string(ctx.Query("question_column")),
                                  .answer_column = std::string(ctx.Query("answer_column")),
                                  .csv = std::move(ctx.request.body)};
  Submit(
      deps,
      [in = std::move(in), actor = ActorOf(*ctx.principal),
       viewer = QuestionnaireViewerOf(*ctx.principal)](storage::CommandContext& c) {
        return storage::ImportCustomerQuestionnaire(c, actor, viewer, in);
      },
      std::move(reply), 201);
}

void QuestionnaireAction(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  Submit(
      deps,
      [body = std::move(*body), id = ctx.path_params.at("id"), actor = ActorOf(*ctx.principal),
       viewer = QuestionnaireViewerOf(*ctx.principal)](storage::CommandContext& c) {
        return storage::CustomerQuestionnaireAction(c, actor, viewer, id, body);
      },
      std::move(reply), 200);
}

Response ListQuestionnaires(ApiDeps& deps, Context& ctx) {
  auto limit = ParseGroupLimit(ctx, 50, 1, 500);
  if (!limit.ok()) return ErrorResponse(limit.error());
  json::array items;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto r = storage::ListCustomerQuestionnaires(tx, QuestionnaireViewerOf(*ctx.principal),
                                                 std::string(ctx.Query("party_id")),
                                                 deps.clock.Now(), *limit);
    if (!r.ok()) return std::move(r).error();
    items = std::move(*r);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(json::object{{"items", std::move(items)}});
}

Response GetQuestionnaire(ApiDeps& deps, Context& ctx) {
  const std::string& id = ctx.path_params.at("id");
  json::object out;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto r = storage::GetCustomerQuestionnaire(tx, QuestionnaireViewerOf(*ctx.principal), id,
                                               deps.clock.Now());
    if (!r.ok()) return std::move(r).error();
    if (!r->has_value()) return NotFound("customer questionnaire " + id);
    out = std::move(**r);
    if (ctx.principal->role != "third_party_contact") {  // our own record of what went out
      auto links = storage::QuestionnaireLinksSent(tx, id);
      if (!links.ok()) return std::move(links).error();
      out["trust_links"] = std::move(*links);
    }
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(std::move(out));
}

Response ExportQuestionnaire(ApiDeps& deps, Context& ctx) {
  const std::string& id = ctx.path_params.at("id");
  std::string csv;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto r = storage::ExportCustomerQuestionnaireCsv(tx, QuestionnaireViewerOf(*ctx.principal), id,
                                                     deps.clock.Now());
    if (!r.ok()) return std::move(r).error();
    csv = std::move(*r);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  Response r = TextResponse(std::move(csv), "text/csv; charset=utf-8");
  r.headers.push_back({"Content-Disposition", "attachment; filename=\"" + id + ".csv\""});
  return r;
}

void DownloadQuestionnaire(ApiDeps& deps, Context&& ctx, Reply reply) {
  std::string id = ctx.path_params.at("id");
  deps.log.Submit(
      [id, actor = ActorOf(*ctx.principal), viewer = QuestionnaireViewerOf(*ctx.principal)](
          storage::CommandContext& c) -> Result<json::value> {
        auto csv = storage::DownloadCustomerQuestionnaire(c, actor, viewer, id);
        if (!csv.ok()) return std::move(csv).error();
        return json::value(std::move(*csv));
      },
      [reply = std::move(reply), id](Result<json::value> r) {
        if (!r.ok()) return reply(ErrorResponse(r.error()));
        Response out = TextResponse(std::string(r->as_string()), "text/csv; charset=utf-8");
        out.headers.push_back({"Content-Disposition", "attachment; filename=\"" + id + ".csv\""});
        reply(std::move(out));
      });
}

json::object EvidenceSchema() {
  using namespace schema;
  return Object({{"kind", Enum({"document", "certification", "control"})},
                 {"id", String()},
                 {"note", String()},
                 {"title", String()}},
                // When the link was added and by whom (links written before these were kept
                // have neither).
                {{"added_at", Time()}, {"added_by", ActorRef()}});
}

// An evidence link as a write names it.
json::object EvidenceLinkBody() {
  using namespace schema;
  return Object({{"kind", Enum({"document", "certification", "control"})}, {"id", String()}},
                {{"note", String()}});
}

json::object AnswerSchema(bool one) {
  using namespace schema;
  json::object version = Object({{"id", String()},
                                 {"question", String()},
                                 {"answer", String()},
                                 {"status", String()},
                                 {"version", Int()},
                                 {"ledger_index", Int()}});
  std::initializer_list<std::pair<std::string_view, json::object>> required = {
      {"id", String()},
      {"question", String()},
      {"answer", String()},
      {"evidence", ArrayOf(EvidenceSchema())},
      {"owner_id", String()},
      {"status", Enum({"draft", "approved", "retired"})},
      {"version", Int()},
      {"created_at", Time()},
      {"created_by", ActorRef()},
      {"updated_at", Time()},
      {"updated_by", ActorRef()},
      {"approved_at", Nullable(Time())},
      {"approved_by", Nullable(ActorRef())},
      {"allowed_actions", ArrayOf(Enum({"revise", "approve", "retire"}))}};
  if (one) return Object(required, {{"versions", ArrayOf(version)}});
  return Object(required, {});
}

json::object AnswerBody() {
  using namespace schema;
  return Object({{"question", Text("the question as we ask it of ourselves")},
                 {"answer", Text("our approved wording")}},
                {{"evidence", ArrayOf(EvidenceLinkBody())},
                 {"owner_id", Text("the account that keeps the answer true")}});
}

json::object RowSchema() {
  using namespace schema;
  json::object suggestion = Object(
      {{"answer_id", String()}, {"version", Int()}, {"question", String()}, {"score", Number()}});
  return Object({{"row", Int()},
                 {"line", Int()},
                 {"cells", ArrayOf(String())},
                 {"question", String()},
                 {"answer", Nullable(String())}},
                {{"suggestions", ArrayOf(suggestion)},
                 {"answer_id", Nullable(String())},
                 {"answer_version", Nullable(Int())},
                 {"edited", Bool()},
                 {"answered_at", Nullable(Time())},
                 {"answered_by", Nullable(ActorRef())}});
}

json::object QuestionnaireSchema(bool one) {
  using namespace schema;
  std::initializer_list<std::pair<std::string_view, json::object>> required = {
      {"id", String()},
      {"party_id", String()},
      {"party_name", String()},
      {"name", String()},
      {"status", Enum({"open", "completed", "shared"})},
      {"header", ArrayOf(String())},
      {"question_column", String()},
      {"answer_column", String()},
      {"rows", Int()},
      {"questions", Int()},
      {"answered", Int()},
      {"library_size", Int()},
      {"file_sha256", String()},
      {"created_at", Time()},
      {"updated_at", Time()},
      {"shared_at", Nullable(Time())},
      {"nda_in_force", Bool()},
      {"allowed_actions", ArrayOf(Enum({"answer", "complete", "reopen", "share", "unshare"}))}};
  std::initializer_list<std::pair<std::string_view, json::object>> optional = {
      {"created_by", ActorRef()}, {"updated_by", ActorRef()}};
  if (!one) return Object(required, optional);
  json::object out = Object(required, optional);
  out["properties"].as_object()["items"] = ArrayOf(RowSchema());
  // The trust-center links sent for it (not to a customer's contact).
  out["properties"].as_object()["trust_links"] = ArrayOf(Object({{"request_id", String()},
                                                                 {"name", String()},
                                                                 {"email", String()},
                                                                 {"status", String()},
                                                                 {"sent_at", Time()},
                                                                 {"downloads", Int()}}));
  out["required"].as_array().emplace_back("items");
  return out;
}

json::object QuestionnaireActionBody() {
  using namespace schema;
  return Object({{"action", Enum({"answer", "complete", "reopen", "share", "unshare"})}},
                {{"answers", ArrayOf(Object({{"row", Int()}},
                                            {{"answer_id", String()}, {"answer", String()}}))},
                 {"accept_suggestions", Number()}});
}

}  // namespace

void AddAnswerLibraryRoutes(Router& router, ApiDeps& deps) {
  using namespace schema;
  const char* tag = "answer library";
  router.Add(ReadRoute("/api/v1/answer-library", domain::kOrgReaders,
                       Json(Object({{"items", ArrayOf(AnswerSchema(false))}})))
                 .Summary("Our own answers to customers' security questions, with evidence")
                 .Tag(tag)
                 .Query("status", "draft | approved | retired")
                 .Query("q", "words the question or the answer holds")
                 .Query("limit", "at most this many, 1-5000 (default 500)", "integer")
                 .Handle(deps, ListAnswers));
  router.Add(CommandRoute("POST", "/api/v1/answer-library", domain::kOfficers,
                          JsonBody(AnswerBody()), Json(AnswerSchema(false), 201))
                 .Summary("Write a new answer (a draft until approved)")
                 .Tag(tag)
                 .Handle(deps, CreateAnswer));
  router.Add(ReadRoute("/api/v1/answer-library/{id}", domain::kOrgReaders, Json(AnswerSchema(true)))
                 .Summary("One answer with every version")
                 .Tag(tag)
                 .Path("id", "answer id")
                 .Handle(deps, GetAnswer));
  router.Add(CommandRoute("POST", "/api/v1/answer-library/{id}/actions", domain::kOfficers,
                          JsonBody(Object({{"action", Enum({"revise", "approve", "retire"})}},
                                          {{"question", String()},
                                           {"answer", String()},
                                           {"evidence", ArrayOf(EvidenceLinkBody())},
                                           {"owner_id", String()}})),
                          Json(AnswerSchema(false)))
                 .Summary("revise (a new version, a draft again) | approve | retire")
                 .Tag(tag)
                 .Path("id", "answer id")
                 .Handle(deps, AnswerAction));
  router.Add(CommandRoute("POST", "/api/v1/answer-library/{id}/evidence", domain::kOfficers,
                          RawBody(), Json(AnswerSchema(false)))
                 .Summary("Attach a file as the answer's evidence (raw body, checked like every "
                          "document upload): a new version, a draft until approved again")
                 .Tag(tag)
                 .Path("id", "answer id")
                 .RequiredQuery("filename", "the file's name, for display")
                 .Query("replace", "the id of the linked record the file replaces (default: add)")
                 .Query("note", "what the file shows (at most 500 characters)")
                 .BodyLimit(domain::kMaxDocumentBytes)
                 .SpoolBody()
                 .Handle(deps, AttachEvidence));

  tag = "customer questionnaires";
  router.Add(ReadRoute("/api/v1/customer-questionnaires", domain::kEveryone,
                       Json(Object({{"items", ArrayOf(QuestionnaireSchema(false))}})))
                 .Summary("Customers' questionnaires we answer, newest first (a customer's "
                          "contact: its own shared ones)")
                 .Tag(tag)
                 .Query("party_id", "only this customer's")
                 .Query("limit", "at most this many, 1-500 (default 50)", "integer")
                 .Handle(deps, ListQuestionnaires));
  router.Add(CommandRoute("POST", "/api/v1/customer-questionnaires", domain::kOfficers, RawBody(),
                          Json(QuestionnaireSchema(true), 201))
                 .Summary("Import a customer's questionnaire (text/csv, its own layout): each "
                          "question gets the library's three best answers and their scores")
                 .Tag(tag)
                 .RequiredQuery("party_id", "the customer")
                 .RequiredQuery("name", "what the customer calls it")
                 .Query("question_column", "the header of the questions' column")
                 .Query("answer_column", "the header of the column to fill")
                 .BodyLimit(kMaxQuestionnaireBytes)
                 .Handle(deps, ImportQuestionnaire));
  router.Add(ReadRoute("/api/v1/customer-questionnaires/{id}", domain::kEveryone,
                       Json(QuestionnaireSchema(true)))
                 .Summary("One questionnaire with its rows, suggestions and answers")
                 .Tag(tag)
                 .Path("id", "questionnaire id")
                 .Handle(deps, GetQuestionnaire));
  router.Add(CommandRoute("POST", "/api/v1/customer-questionnaires/{id}/actions", domain::kOfficers,
                          JsonBody(QuestionnaireActionBody()), Json(QuestionnaireSchema(false)))
                 .Summary("answer (confirm or edit rows' answers) | complete | reopen | share "
                          "(needs the customer's NDA in force) | unshare")
                 .Tag(tag)
                 .Path("id", "questionnaire id")
                 .Handle(deps, QuestionnaireAction));
  router.Add(ReadRoute("/api/v1/customer-questionnaires/{id}/export.csv", domain::kOrgReaders,
                       Media("text/csv"))
                 .Summary("The questionnaire in the customer's layout with the answers filled")
                 .Tag(tag)
                 .Path("id", "questionnaire id")
                 .Handle(deps, ExportQuestionnaire));
  router.Add(CommandRoute("POST", "/api/v1/customer-questionnaires/{id}/download",
                          domain::kEveryone, NoBody(), Media("text/csv"))
                 .Summary("Download the answered questionnaire, the download recorded (a "
                          "customer's contact: its own shared one, with an NDA in force)")
                 .Tag(tag)
                 .Path("id", "questionnaire id")
                 .Handle(deps, DownloadQuestionnaire));
}

}  // namespace accord::http
