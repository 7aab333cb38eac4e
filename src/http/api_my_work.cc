// My work (issue 20): what waits for the signed-in person (storage/my_work.h), marking what
// they have read, and their choice of the daily digest. For the workforce only: an auditor
// reads, a party's contact has its own page; neither has work here (403 by the route table).
#include <boost/json.hpp>

#include "accord/domain/fields.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/my_work.h"

namespace accord::http {

namespace json = boost::json;

namespace {

constexpr uint64_t kDefaultItems = 20;
constexpr uint64_t kMaxItems = 100;
constexpr size_t kMaxMarks = 500;

json::object WorkItemSchema() {
  using namespace schema;
  std::initializer_list<std::string_view> kinds = {
      "review_to_document", "review_to_approve", "grant_to_approve", "report_request",
      "vendor_answer", "change_notice", "soc2_to_review", "finding", "entitlement_line",
      // Issue 27 (vendor incidents) and issue 24 (change requests).
      "vendor_incident", "change_request",
      // Issue 27 (TR-8): breach notices.
      "breach_notice"};
  return Object(
      {{"kind", Enum(kinds)},
       {"id", String()},
       {"title", String()},
       {"detail", String()},
       {"party_id", Nullable(String())},
       {"party_name", Nullable(String())},
       {"due_at", Nullable(Time())},
       {"at", Nullable(Time())},
       {"overdue", Bool()},
       {"href", Nullable(Text("the portal path (under /app) where the work is done; null while "
                              "the portal has no screen for it"))}},
      {{"line_id", Text("entitlement_line: the line of the campaign `id`")}});
}

json::object MyWorkSchema() {
  using namespace schema;
  return Object({{"at", Time()},
                 {"total", Int()},
                 {"groups", ArrayOf(Object({{"kind", String()},
                                            {"title", String()},
                                            {"count", Int()},
                                            {"items", ArrayOf(WorkItemSchema())}}))}});
}

json::object SettingsSchema() {
  using namespace schema;
  return Object({{"daily_digest", Bool()}});
}

Result<std::vector<storage::ReadMark>> ParseMarks(const json::object& body) {
  std::vector<ErrorDetail> details;
  std::vector<storage::ReadMark> marks;
  for (const auto& [key, value] : body) {
    if (key != "items") details.push_back({std::string(key), "unknown field", {}});
  }
  const json::value* items = body.if_contains("items");
  if (!items || !items->is_array() || items->as_array().empty() ||
      items->as_array().size() > kMaxMarks) {
    details.push_back({"items", "must be a list of 1-500 {kind, id}", {}});
  } else {
    const json::array& list = items->as_array();
    for (size_t i = 0; i < list.size(); ++i) {
      std::string at = "items[" + std::to_string(i) + "]";
      const json::object* o = list[i].if_object();
      const json::value* kind = o ? o->if_contains("kind") : nullptr;
      const json::value* id = o ? o->if_contains("id") : nullptr;
      if (!kind || !kind->is_string()) details.push_back({at + ".kind", "must be a string", {}});
      if (!id || !id->is_string() || id->as_string().empty() || id->as_string().size() > 200) {
        details.push_back({at + ".id", "must be a string of 1-200 characters", {}});
      }
      if (kind && kind->is_string() && id && id->is_string()) {
        marks.push_back({std::string(kind->as_string()), std::string(id->as_string())});
      }
    }
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  return marks;
}

Result<storage::AccountSettings> ParseSettings(const json::object& body,
                                               storage::AccountSettings current) {
  std::vector<ErrorDetail> details;
  if (body.empty()) details.push_back({"daily_digest", "is required: the setting to change", {}});
  for (const auto& [key, value] : body) {
    if (key != "daily_digest") {
      details.push_back({std::string(key), "unknown field", {}});
    } else if (!value.is_bool()) {
      details.push_back({"daily_digest", "must be true or false", {}});
    } else {
      current.daily_digest = value.as_bool();
    }
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  return current;
}

json::object SettingsJson(const storage::AccountSettings& s) {
  return json::object{{"daily_digest", s.daily_digest}};
}

Response MyWorkList(ApiDeps& deps, Context& ctx) {
  auto limit = ParseGroupLimit(ctx, kDefaultItems, 0, kMaxItems);
  if (!limit.ok()) return ErrorResponse(limit.error());
  json::object body;
  storage::Viewer viewer = ViewerOf(*ctx.principal, deps);
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto work = storage::MyWork(tx, viewer, deps.clock.Now(), *limit);
    if (!work.ok()) return std::move(work).error();
    body = std::move(*work);
    return Ok();
  });
  return s.ok() ? JsonResponse(body) : ErrorResponse(s.error());
}

Response MarkRead(ApiDeps& deps, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return ErrorResponse(body.error());
  auto marks = ParseMarks(*body);
  if (!marks.ok()) return ErrorResponse(marks.error());
  Status s = deps.store.Write([&](storage::Tx& tx) {
    return storage::MarkRead(tx, ctx.principal->id, *marks, deps.clock.Now());
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(json::object{{"marked", static_cast<int64_t>(marks->size())}});
}

Response Settings(ApiDeps& deps, Context& ctx) {
  storage::AccountSettings settings;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto r = storage::ReadAccountSettings(tx, ctx.principal->id);
    if (!r.ok()) return std::move(r).error();
    settings = *r;
    return Ok();
  });
  return s.ok() ? JsonResponse(SettingsJson(settings)) : ErrorResponse(s.error());
}

Response ChangeSettings(ApiDeps& deps, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return ErrorResponse(body.error());
  storage::AccountSettings settings;
  Status s = deps.store.Write([&](storage::Tx& tx) -> Status {
    auto current = storage::ReadAccountSettings(tx, ctx.principal->id);
    if (!current.ok()) return std::move(current).error();
    auto next = ParseSettings(*body, *current);
    if (!next.ok()) return std::move(next).error();
    settings = *next;
    return storage::WriteAccountSettings(tx, ctx.principal->id, settings, deps.clock.Now());
  });
  return s.ok() ? JsonResponse(SettingsJson(settings)) : ErrorResponse(s.error());
}

}  // namespace

void AddMyWorkRoutes(Router& router, ApiDeps& deps) {
  using namespace schema;
  // A party's contact reads it too (issue 28, item 2): only the questionnaire sections
  // assigned to them (storage::MyWork leaves every other group empty for the role).
  router.Add(ReadRoute("/api/v1/my-work", domain::kWorkforce.With(domain::Role::kThirdPartyContact),
                       Json(MyWorkSchema()))
                 .Summary("What waits for me: reviews to document or approve, access requests to "
                          "approve, audit-report requests to decide, unread vendor answers and "
                          "change notices, findings I own, entitlement-review lines to decide; "
                          "counts per group. A party's contact: the questionnaire sections "
                          "assigned to them")
                 .Tag("my-work")
                 .Query("limit", "items per group, 0-100 (default 20); 0 answers the counts only",
                        "integer")
                 .Handle(deps, MyWorkList));
  json::object marks =
      Object({{"items", ArrayOf(Object({{"kind", Enum({"vendor_answer", "change_notice"})},
                                        {"id", Text("the review (vendor_answer) "
                                                    "or change notice")}}))}});
  router.Add(CommandRoute("POST", "/api/v1/my-work/read", domain::kWorkforce,
                          JsonBody(std::move(marks)), Json(Object({{"marked", Int()}})))
                 .Summary("Mark vendor answers (by review) and change notices read for me; not "
                          "the ledger. A newer answer shows again")
                 .Tag("my-work")
                 .Handle(deps, MarkRead));
  router.Add(ReadRoute("/api/v1/account/settings", domain::kWorkforce, Json(SettingsSchema()))
                 .Summary("My account's settings: the daily digest of my work by email (on unless "
                          "turned off)")
                 .Tag("my-work")
                 .Handle(deps, Settings));
  router.Add(CommandRoute("PATCH", "/api/v1/account/settings", domain::kWorkforce,
                          JsonBody(Object({}, {{"daily_digest", Bool()}})), Json(SettingsSchema()))
                 .Summary("Change my account's settings ({daily_digest: false} stops the daily "
                          "email); not the ledger")
                 .Tag("my-work")
                 .Handle(deps, ChangeSettings));
}

}  // namespace accord::http
