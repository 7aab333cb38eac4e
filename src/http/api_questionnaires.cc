// Due-diligence questionnaires over HTTP (TP-2, issue 28): templates (JSON and CSV), sending one
// to a party's contact, the party's answers in the vendor portal, and our review. A party's
// contact sees only its own party's questionnaires and never our scoring or review (the kind's
// internal fields). The commands are storage/questionnaires.h.
#include <boost/json.hpp>
#include <optional>

#include "accord/domain/questionnaire.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/questionnaires.h"
#include "accord/storage/registry_store.h"
#include "accord/workflow/questionnaire.h"
#include "review_routes.h"

namespace accord::http {

namespace json = boost::json;
using domain::StateString;
using review_routes::ParseBody;
using review_routes::ReviewsPolicyOf;
using review_routes::Submit;
namespace wf = workflow::questionnaire;

namespace {

constexpr domain::RoleSet kContactOnly{domain::Role::kThirdPartyContact};

bool IsContact(const Principal& p) { return p.role == "third_party_contact"; }

// What the caller sees of a questionnaire: a contact never sees our scoring or review.
void ShapeView(const Principal& p, const ApiDeps& deps, json::object& q) {
  json::array actions;
  auto state = wf::ParseState(StateString(q, "status")).value_or(wf::State::kSent);
  for (auto a : wf::AllowedActions(ReviewsPolicyOf(deps), p.role, p.break_glass, state)) {
    actions.emplace_back(wf::Name(a));
  }
  q["allowed_actions"] = std::move(actions);
  if (IsContact(p)) {
    domain::RemoveInternalFields(domain::FindKind("questionnaire")->fields, q);
  }
}

Response ListTemplates(ApiDeps& deps, Context& ctx) {
  auto page = ParsePage(ctx);
  if (!page.ok()) return ErrorResponse(page.error());
  json::object body;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    storage::ListQuery q{.kind = "questionnaire_template",
                         .q = std::string(ctx.Query("q")),
                         .after_id = page->after_id.value_or(""),
                         .limit = page->limit};
    auto result = storage::ListObjects(tx, q, storage::Scope{});
    if (!result.ok()) return std::move(result).error();
    body = PageJson(*result);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(body);
}

Result<json::object> LoadTemplate(ApiDeps& deps, const std::string& id) {
  json::object out;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto o = storage::GetObject(tx, "questionnaire_template", id, storage::Scope{});
    if (!o.ok()) return std::move(o).error();
    if (!o->has_value()) return NotFound("questionnaire template " + id);
    out = ObjectJson(**o);
    return Ok();
  });
  if (!s.ok()) return s.error();
  return out;
}

Response GetTemplate(ApiDeps& deps, Context& ctx) {
  auto t = LoadTemplate(deps, ctx.path_params.at("id"));
  if (!t.ok()) return ErrorResponse(t.error());
  return JsonResponse(*t);
}

Response ExportTemplate(ApiDeps& deps, Context& ctx) {
  auto t = LoadTemplate(deps, ctx.path_params.at("id"));
  if (!t.ok()) return ErrorResponse(t.error());
  Response r = TextResponse(domain::TemplateToCsv(*t), "text/csv; charset=utf-8");
  r.headers.push_back(
      {"Content-Disposition", "attachment; filename=\"" + StateString(*t, "id") + ".csv\""});
  return r;
}

void CreateTemplate(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseBody(ctx.request.body, domain::TemplateFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  Submit(deps, std::move(reply), 201,
         [body = std::move(*body), actor = ActorOf(*ctx.principal)](storage::CommandContext& c) {
           return storage::CreateQuestionnaireTemplate(c, actor, body);
         });
}

void ReviseTemplate(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseBody(ctx.request.body, domain::TemplateFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  Submit(deps, std::move(reply), 200,
         [id = ctx.path_params.at("id"), body = std::move(*body),
          actor = ActorOf(*ctx.principal)](storage::CommandContext& c) {
           return storage::ReviseQuestionnaireTemplate(c, actor, id, body);
         });
}

void ImportTemplate(ApiDeps& deps, Context&& ctx, Reply reply) {
  std::string_view type = ctx.request.HeaderValue("Content-Type");
  if (!type.starts_with("text/csv")) {
    return reply(ErrorResponse(ValidationError(
        "content_type", "must be text/csv (got '" + std::string(type.substr(0, 100)) + "')")));
  }
  std::string name(ctx.Query("name"));
  if (name.empty() || name.size() > 200) {
    return reply(ErrorResponse(ValidationError("name", "is required (at most 200 bytes)")));
  }
  auto tmpl = domain::TemplateFromCsv(ctx.request.body, name);
  if (!tmpl.ok()) return reply(ErrorResponse(tmpl.error()));
  // The same checks as a JSON body: every field of every row in range.
  auto checked = ParseBody(json::serialize(*tmpl), domain::TemplateFields());
  if (!checked.ok()) return reply(ErrorResponse(checked.error()));
  Submit(deps, std::move(reply), 201,
         [body = std::move(*checked), actor = ActorOf(*ctx.principal)](storage::CommandContext& c) {
           return storage::CreateQuestionnaireTemplate(c, actor, body);
         });
}

void InstallHipaa(ApiDeps& deps, Context&& ctx, Reply reply) {
  Submit(deps, std::move(reply), 201,
         [actor = ActorOf(*ctx.principal)](storage::CommandContext& c) {
           return storage::InstallHipaaVendorTemplate(c, actor);
         });
}

void Send(ApiDeps& deps, Context&& ctx, Reply reply) {
  auto body = ParseBody(ctx.request.body, domain::SendFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  // A request sends with a due date ahead (the demo's overdue one is sent in the past).
  if (auto due = review_routes::TimeOf(*body, "due_at"); due && *due <= deps.clock.Now()) {
    return reply(ErrorResponse(ValidationError("due_at", "must be in the future")));
  }
  Principal p = *ctx.principal;
  Submit(deps, std::move(reply), 201,
         [&deps, p, party = ctx.path_params.at("party_id"),
          body = std::move(*body)](storage::CommandContext& c) -> Result<json::object> {
           auto q = storage::SendQuestionnaire(c, ActorOf(p), party, body);
           if (q.ok()) ShapeView(p, deps, *q);
           return q;
         });
}

Response ListQuestionnaires(ApiDeps& deps, Context& ctx) {
  auto page = ParsePage(ctx);
  if (!page.ok()) return ErrorResponse(page.error());
  const Principal& p = *ctx.principal;
  json::object body;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    storage::ListQuery q{.kind = "questionnaire",
                         .party_id = std::string(ctx.Query("party_id")),
                         .status = std::string(ctx.Query("status")),
                         .after_id = page->after_id.value_or(""),
                         .limit = page->limit,
                         .newest_first = true};
    auto result = storage::ListObjects(tx, q, ScopeOf(p));
    if (!result.ok()) return std::move(result).error();
    body = PageJson(*result);
    for (auto& item : body["items"].as_array()) {
      json::object& o = item.as_object();
      // A list shows each questionnaire's progress, not its questions and answers.
      size_t questions = domain::QuestionCount(o);
      const json::value* answers = o.if_contains("answers");
      o["question_count"] = static_cast<int64_t>(questions);
      o["answer_count"] =
          static_cast<int64_t>(answers && answers->is_array() ? answers->as_array().size() : 0);
      for (const char* heavy : {"sections", "answers", "scoring", "reviews", "previous_answers"}) {
        o.erase(heavy);
      }
      ShapeView(p, deps, o);
    }
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(body);
}

Response GetQuestionnaire(ApiDeps& deps, Context& ctx) {
  const Principal& p = *ctx.principal;
  const std::string& id = ctx.path_params.at("id");
  json::object out;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto o = storage::GetObject(tx, "questionnaire", id, ScopeOf(p));
    if (!o.ok()) return std::move(o).error();
    if (!o->has_value()) return NotFound("questionnaire " + id);
    out = ObjectJson(**o);
    std::string previous = StateString(out, "previous_id");
    if (!IsContact(p) && !previous.empty()) {
      // Last year's answers beside this year's: the review page shows what changed.
      auto prev = storage::GetObject(tx, "questionnaire", previous, storage::Scope{});
      if (!prev.ok()) return std::move(prev).error();
      if (prev->has_value()) {
        if (const json::value* a = (*prev)->doc.if_contains("answers")) {
          out["previous_answers"] = *a;
        }
      }
    }
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  ShapeView(p, deps, out);
  return JsonResponse(out);
}

// Another party's questionnaire does not exist for a contact: 404 before the body is judged.
std::optional<Error> NotVisible(ApiDeps& deps, const Principal& p, const std::string& id) {
  if (!IsContact(p)) return std::nullopt;
  std::optional<Error> out;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto o = storage::GetObject(tx, "questionnaire", id, ScopeOf(p));
    if (!o.ok()) return std::move(o).error();
    if (!o->has_value()) out = NotFound("questionnaire " + id);
    return Ok();
  });
  if (!s.ok()) return s.error();
  return out;
}

void SaveAnswers(ApiDeps& deps, Context&& ctx, Reply reply) {
  if (auto no = NotVisible(deps, *ctx.principal, ctx.path_params.at("id"))) {
    return reply(ErrorResponse(*no));
  }
  auto body = ParseBody(ctx.request.body, domain::AnswerFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  Principal p = *ctx.principal;
  Submit(deps, std::move(reply), 200,
         [&deps, p, id = ctx.path_params.at("id"),
          body = std::move(*body)](storage::CommandContext& c) -> Result<json::object> {
           auto q = storage::SaveQuestionnaireAnswers(c, ActorOf(p), id, body, ScopeOf(p));
           if (q.ok()) ShapeView(p, deps, *q);
           return q;
         });
}

void Act(ApiDeps& deps, Context&& ctx, Reply reply) {
  if (auto no = NotVisible(deps, *ctx.principal, ctx.path_params.at("id"))) {
    return reply(ErrorResponse(*no));
  }
  auto body = ParseBody(ctx.request.body, domain::QuestionnaireActionFields());
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  const Principal& p = *ctx.principal;
  auto action = wf::ParseAction(StateString(*body, "action"));
  if (!action) return reply(ErrorResponse(ValidationError("action", "is not an action")));
  if (auto no = wf::RoleRefusal(ReviewsPolicyOf(deps), p.role, p.break_glass, *action)) {
    return reply(ErrorResponse(*no));
  }
  // What the party may send with its submission: nothing of our review.
  if (IsContact(p)) {
    for (const char* ours : {"verdicts", "questions", "tier", "note"}) {
      if (body->contains(ours)) {
        return reply(ErrorResponse(
            ValidationError(ours, "is recorded by the organisation's reviewer, not the party")));
      }
    }
  }
  Submit(deps, std::move(reply), 200,
         [&deps, p = *ctx.principal, id = ctx.path_params.at("id"),
          body = std::move(*body)](storage::CommandContext& c) -> Result<json::object> {
           auto q = storage::ActOnQuestionnaire(c, ActorOf(p), id, body, ScopeOf(p),
                                                ReviewsPolicyOf(deps));
           if (q.ok()) ShapeView(p, deps, *q);
           return q;
         });
}

}  // namespace

void AddQuestionnaireRoutes(Router& router, ApiDeps& deps) {
  using namespace schema;
  router.Add(ReadRoute("/api/v1/questionnaire-templates", domain::kOrgReaders,
                       Json(schema::Page(KindRef("questionnaire_template"))))
                 .Summary("Due-diligence questionnaire templates (TP-2)")
                 .Tag("questionnaires")
                 .Query("q", "name prefix")
                 .Paged()
                 .Handle(deps, ListTemplates));
  router.Add(CommandRoute("POST", "/api/v1/questionnaire-templates", domain::kOfficers,
                          JsonBody(domain::SchemaOf(domain::TemplateFields(), false)),
                          Json(KindRef("questionnaire_template"), 201))
                 .Summary("Create a questionnaire template: sections of questions with answer "
                          "types, conditions, HIPAA citations, rules and scoring")
                 .Tag("questionnaires")
                 .BodyLimit(4u << 20)
                 .Handle(deps, CreateTemplate));
  router.Add(CommandRoute("POST", "/api/v1/questionnaire-templates/import", domain::kOfficers,
                          RawBody(), Json(KindRef("questionnaire_template"), 201))
                 .Summary("Import a template from CSV (text/csv, one row per question; columns in "
                          "docs/questionnaires.md); a malformed file is refused naming its row")
                 .Tag("questionnaires")
                 .RequiredQuery("name", "the template's name")
                 .BodyLimit(4u << 20)
                 .Handle(deps, ImportTemplate));
  router.Add(CommandRoute("POST", "/api/v1/questionnaire-templates/hipaa-vendor", domain::kOfficers,
                          NoBody(), Json(KindRef("questionnaire_template"), 201))
                 .Summary("Install the shipped HIPAA vendor security questionnaire")
                 .Tag("questionnaires")
                 .Handle(deps, InstallHipaa));
  router.Add(ReadRoute("/api/v1/questionnaire-templates/{id}", domain::kOrgReaders,
                       Json(KindRef("questionnaire_template")))
                 .Summary("One template, its current version (?as_of is the registry's)")
                 .Tag("questionnaires")
                 .Path("id", "id")
                 .Handle(deps, GetTemplate));
  router.Add(CommandRoute("PUT", "/api/v1/questionnaire-templates/{id}", domain::kOfficers,
                          JsonBody(domain::SchemaOf(domain::TemplateFields(), false)),
                          Json(KindRef("questionnaire_template")))
                 .Summary("Revise a template: a new version; questionnaires already sent keep "
                          "theirs")
                 .Tag("questionnaires")
                 .Path("id", "id")
                 .BodyLimit(4u << 20)
                 .Handle(deps, ReviseTemplate));
  router.Add(ReadRoute("/api/v1/questionnaire-templates/{id}/csv", domain::kOrgReaders,
                       Media("text/csv", json::object{{"type", "string"}}))
                 .Summary("A template as CSV (the import's columns)")
                 .Tag("questionnaires")
                 .Path("id", "id")
                 .Handle(deps, ExportTemplate));
  router.Add(CommandRoute("POST", "/api/v1/parties/{party_id}/questionnaires", domain::kOfficers,
                          JsonBody(domain::SchemaOf(domain::SendFields(), false)),
                          Json(KindRef("questionnaire"), 201))
                 .Summary("Send a questionnaire to a contact of the party with a due date "
                          "(emailed; reminded and marked overdue by the scheduler)")
                 .Tag("questionnaires")
                 .Path("party_id", "party")
                 .Handle(deps, Send));
  router.Add(ReadRoute("/api/v1/questionnaires", domain::kEveryone,
                       Json(schema::Page(KindRef("questionnaire"))))
                 .Summary("Questionnaires, newest first, without their questions; a party's "
                          "contact sees its own party's")
                 .Tag("questionnaires")
                 .Query("party_id", "one party's")
                 .Query("status", "sent, submitted, follow_up, accepted or rejected")
                 .Paged()
                 .Handle(deps, ListQuestionnaires));
  router.Add(
      ReadRoute("/api/v1/questionnaires/{id}", domain::kEveryone, Json(KindRef("questionnaire")))
          .Summary("One questionnaire with its questions and answers; our scoring and "
                   "review and last year's answers for the organisation only")
          .Tag("questionnaires")
          .Path("id", "id")
          .Handle(deps, GetQuestionnaire));
  router.Add(CommandRoute("PUT", "/api/v1/questionnaires/{id}/answers", kContactOnly,
                          JsonBody(domain::SchemaOf(domain::AnswerFields(), false)),
                          Json(KindRef("questionnaire")))
                 .Summary("Save answers as a draft (merged by question) and replies to follow-up "
                          "questions: the party's contacts")
                 .Tag("questionnaires")
                 .Path("id", "id")
                 .BodyLimit(4u << 20)
                 .Handle(deps, SaveAnswers));
  router.Add(CommandRoute("POST", "/api/v1/questionnaires/{id}/actions",
                          domain::kWorkforce.With(domain::Role::kThirdPartyContact),
                          JsonBody(domain::SchemaOf(domain::QuestionnaireActionFields(), false)),
                          Json(KindRef("questionnaire")))
                 .Summary("submit (the party) | review | ask | accept | reject | apply_tier (our "
                          "reviewer); accept and reject record the party's due diligence")
                 .Tag("questionnaires")
                 .Path("id", "id")
                 .Handle(deps, Act));
}

}  // namespace accord::http
