// The review calendar (TP-12: "recurring calendar invites"): each user may create secret
// feed URLs that a calendar client subscribes to. /calendar/{token}.ics is public (a
// calendar client cannot sign in) and answers 404 for an unknown, revoked or no longer
// entitled token, so a guessed URL learns nothing.
#include <algorithm>
#include <boost/json.hpp>

#include "accord/core/ical.h"
#include "accord/core/time.h"
#include "accord/domain/identity.h"
#include "accord/domain/registry.h"
#include "accord/domain/reviews.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/calendar.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/registry_store.h"

namespace accord::http {

namespace json = boost::json;
using domain::StateString;

namespace {

constexpr size_t kMaxFeedEvents = 2000;

TimePoint TimeOr(const json::object& o, std::string_view key, TimePoint fallback) {
  auto t = ParseRfc3339(StateString(o, key));
  return t.ok() ? *t : fallback;
}

int64_t VersionOf(const json::object& o) {
  const json::value* v = o.if_contains("version");
  return v && v->is_int64() ? v->as_int64() : 0;
}

// Every open review, open entitlement review campaign, open finding and change under review,
// nearest first, at its due date (a change at its planned date).
Status FeedEvents(storage::Tx& tx, TimePoint now, std::vector<CalendarEvent>& out) {
  auto reviews = storage::OpenReviewsByDueDate(tx, kMaxFeedEvents);
  if (!reviews.ok()) return std::move(reviews).error();
  for (const json::object& r : *reviews) {
    std::string assignee = "nobody yet";
    if (const json::value* a = r.if_contains("assignee"); a && a->is_object()) {
      assignee = StateString(a->as_object(), "email");
    }
    CalendarEvent e{.uid = StateString(r, "id") + "@accord",
                    .start = TimeOr(r, "due_at", now),
                    .summary = "Due: " + StateString(r, "title"),
                    .description = domain::ReviewKindTitle(StateString(r, "review_kind")) +
                                   "\nStatus: " + StateString(r, "status") + "\nAssigned to: " +
                                   assignee + "\nReview: " + StateString(r, "id"),
                    .status = "CONFIRMED",
                    .categories = {StateString(r, "review_kind")},
                    .sequence = VersionOf(r),
                    .last_modified = TimeOr(r, "updated_at", now),
                    .alarm_days_before = {7}};
    out.push_back(std::move(e));
  }
  struct Other {
    const char* kind;
    std::vector<std::string> statuses;
    const char* time_field;
    const char* prefix;
  };
  for (const Other& k :
       {Other{"entitlement_review", {"open", "overdue"}, "due_at", "Entitlement review due: "},
        Other{"finding", {"open"}, "due_at", "Finding due: "},
        Other{"change_notice", {"under_review"}, "planned_at", "Change planned: "}}) {
    // Few of these are open at a time; all are read so that the nearest are kept below.
    auto others = storage::LiveObjectsInStatus(tx, k.kind, k.statuses);
    if (!others.ok()) return std::move(others).error();
    for (const json::object& d : *others) {
      const json::object* doc = &d;
      std::string title = StateString(*doc, "title");
      out.push_back(CalendarEvent{.uid = StateString(*doc, "id") + "@accord",
                                  .start = TimeOr(*doc, k.time_field, now),
                                  .summary = k.prefix + title,
                                  .description = std::string(k.kind) + " " +
                                                 StateString(*doc, "id") +
                                                 "\nStatus: " + StateString(*doc, "status"),
                                  .status = "CONFIRMED",
                                  .categories = {k.kind},
                                  .sequence = VersionOf(*doc),
                                  .last_modified = TimeOr(*doc, "updated_at", now)});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const CalendarEvent& a, const CalendarEvent& b) {
    return a.start < b.start;
  });
  if (out.size() > kMaxFeedEvents) out.resize(kMaxFeedEvents);
  return Ok();
}

void CreateFeed(ApiDeps& deps, Context&& ctx, Reply reply) {
  // The feed follows the account's own role (Feed), so a token made during an elevation
  // would be a dead URL recorded against an account that cannot read the calendar.
  if (ctx.principal->break_glass) {
    return reply(ErrorResponse(Error{ErrorCode::kForbidden,
                                     "not during break-glass: a calendar feed shows what your "
                                     "own account may read; create it signed in as yourself",
                                     {}}));
  }
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  for (const auto& [key, _] : *body) {
    if (key != "name") {
      return reply(ErrorResponse(ValidationError(std::string(key), "unknown field")));
    }
  }
  const json::value* name = body->if_contains("name");
  if (!name || !name->is_string() || name->as_string().empty() ||
      domain::HasControlChars(name->as_string(), false)) {
    return reply(ErrorResponse(
        ValidationError("name", "is required: a name for the feed, e.g. \"Work calendar\"")));
  }
  deps.log.Submit(
      [user = ctx.principal->id, actor = ActorOf(*ctx.principal),
       name = std::string(name->as_string())](storage::CommandContext& c) -> Result<json::value> {
        auto t = storage::CreateCalendarToken(c, actor, user, name);
        if (!t.ok()) return std::move(t).error();
        return json::value(json::object{{"id", t->id},
                                        {"name", name},
                                        {"token", t->secret},
                                        {"path", "/calendar/" + t->secret + ".ics"},
                                        {"created_at", FormatRfc3339(c.Now())}});
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r, 201)); });
}

Response ListFeeds(ApiDeps& deps, Context& ctx) {
  json::object body;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto items = storage::ListCalendarTokens(tx, ctx.principal->id);
    if (!items.ok()) return std::move(items).error();
    body["items"] = std::move(*items);
    body["next_cursor"] = nullptr;
    return Ok();
  });
  return s.ok() ? JsonResponse(body) : ErrorResponse(s.error());
}

void RevokeFeed(ApiDeps& deps, Context&& ctx, Reply reply) {
  const Principal& p = *ctx.principal;
  const auto& admins = deps.profile ? deps.profile->identity.user_admin_roles
                                    : policy::IdentityPolicy{}.user_admin_roles;
  bool admin = !p.break_glass && std::find(admins.begin(), admins.end(), p.role) != admins.end();
  deps.log.Submit(
      [id = ctx.path_params.at("id"), owner = admin ? std::string() : p.id,
       actor = ActorOf(p)](storage::CommandContext& c) -> Result<json::value> {
        ACCORD_TRY(storage::RevokeCalendarToken(c, actor, id, owner));
        return json::value(json::object{{"id", id}, {"revoked", true}});
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r)); });
}

void Feed(ApiDeps& deps, Context&& ctx, Reply reply) {
  const std::string& file = ctx.path_params.at("file");
  static constexpr std::string_view kSuffix = ".ics";
  auto not_found = [&] { reply(ErrorResponse(NotFound("calendar"))); };
  if (file.size() <= kSuffix.size() || !file.ends_with(kSuffix)) return not_found();
  std::string secret = file.substr(0, file.size() - kSuffix.size());
  if (!secret.starts_with("ical_") || secret.size() > 100) return not_found();
  TimePoint now = deps.clock.Now();
  Calendar cal{.product_id = "-//Accord//Reviews//EN", .stamp = now};
  bool found = false;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto user_id = storage::CalendarTokenUser(tx, secret);
    if (!user_id.ok()) return std::move(user_id).error();
    if (!user_id->has_value()) return Ok();
    auto user = storage::FindUser(tx, **user_id);
    if (!user.ok()) return std::move(user).error();
    if (!user->has_value()) return Ok();
    const json::object& u = **user;
    // The feed shows what the account may read now: a deactivated, expired or re-roled
    // account's feed goes dark with it.
    std::string role = StateString(u, "role");
    if (!domain::AccessProblem(u, now).empty() || !domain::kLedgerReaders.Has(role)) {
      return Ok();
    }
    found = true;
    cal.name = "Accord reviews (" + StateString(u, "email") + ")";
    return FeedEvents(tx, now, cal.events);
  });
  if (!s.ok()) return reply(ErrorResponse(s.error()));
  if (!found) return not_found();
  Response r;
  r.content_type = "text/calendar; charset=utf-8";
  r.body = RenderCalendar(cal);
  r.headers.push_back({"Cache-Control", "private, max-age=300"});
  reply(std::move(r));
}

}  // namespace

void AddCalendarRoutes(Router& router, ApiDeps& deps) {
  using namespace schema;
  router.Add(
      CommandRoute("POST", "/api/v1/calendar-tokens", domain::kLedgerReaders,
                   JsonBody(json::object{
                       {"type", "object"},
                       {"required", json::array{"name"}},
                       {"properties", json::object{{"name", json::object{{"type", "string"}}}}},
                       {"additionalProperties", false}}),
                   Json(Object({{"id", String()},
                                {"name", String()},
                                {"token", Text("shown once")},
                                {"path", Text("the feed's address")},
                                {"created_at", Time()}}),
                        201))
          .Summary("Create a secret iCalendar feed URL of every due review and deadline; the "
                   "token is shown once")
          .Tag("calendar")
          .Handle(deps, CreateFeed));
  router.Add(ReadRoute("/api/v1/calendar-tokens", domain::kLedgerReaders,
                       Json(schema::Page(Object({{"id", String()},
                                                 {"name", String()},
                                                 {"created_at", Time()},
                                                 {"revoked_at", Nullable(Time())}}))))
                 .Summary("Your calendar feed tokens (without secrets)")
                 .Tag("calendar")
                 .Handle(deps, ListFeeds));
  router.Add(CommandRoute("DELETE", "/api/v1/calendar-tokens/{id}", domain::kLedgerReaders,
                          NoBody(), Json(Object({{"id", String()}, {"revoked", Bool()}})))
                 .Summary("Revoke a calendar feed token (yours; a security officer any)")
                 .Tag("calendar")
                 .Path("id", "calendar token id")
                 .Handle(deps, RevokeFeed));
  router.Add(ReadRoute("/calendar/{file}", kPublic, Media("text/calendar"))
                 .Summary("The iCalendar feed (RFC 5545) of a calendar token: "
                          "/calendar/{token}.ics")
                 .Tag("calendar")
                 .Path("file", "{token}.ics")
                 .Handle(deps, Feed));
}

}  // namespace accord::http
