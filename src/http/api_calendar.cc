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
#include "accord/storage/audit_calendar.h"
#include "accord/storage/calendar.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/registry_store.h"

namespace accord::http {

namespace json = boost::json;
using domain::StateString;

namespace {

constexpr size_t kMaxFeedEvents = storage::kMaxCalendarItems;

// What a feed spans: a month back (recently overdue) and 13 months ahead (a year's cycle).
storage::CalendarWindow FeedWindow(TimePoint now) {
  return {.from = now - std::chrono::days(31), .to = now + std::chrono::days(400), .now = now};
}

// The base of the links back to the portal: the public address when configured, else where
// this server listens.
std::string LinkBase(const ApiDeps& deps) {
  return deps.trust ? deps.trust->LinkBase() : std::string();
}

const policy::ReviewsPolicy* ReviewsOf(const ApiDeps& deps) {
  return deps.profile ? &deps.profile->reviews : nullptr;
}

CalendarEvent EventOf(const storage::CalendarItem& item, const std::string& base) {
  CalendarEvent e{.uid = item.uid,
                  .start = item.at,
                  .all_day = item.all_day,
                  .summary = item.title,
                  .description = item.detail,
                  .url = base.empty() ? "" : base + item.link,
                  .status = "CONFIRMED",
                  .categories = {item.kind},
                  .sequence = item.sequence,
                  .last_modified = item.updated};
  if (!e.url.empty()) e.description += "\n" + e.url;
  // Reviews and deadlines remind a week ahead; expiries a month and a week ahead.
  e.alarm_days_before = item.all_day ? std::vector<int>{30, 7} : std::vector<int>{7};
  return e;
}

// The audit calendar (storage/audit_calendar.h) as the viewer may see it.
Status FeedEvents(storage::Tx& tx, const storage::CalendarViewer& viewer, TimePoint now,
                  const policy::ReviewsPolicy* reviews, const std::string& base,
                  std::vector<CalendarEvent>& out) {
  storage::CalendarWindow w = FeedWindow(now);
  w.reviews = reviews;
  auto items = storage::ReadAuditCalendar(tx, w, viewer, kMaxFeedEvents);
  if (!items.ok()) return std::move(items).error();
  for (const auto& item : *items) out.push_back(EventOf(item, base));
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
    cal.name = "Accord audit calendar (" + StateString(u, "email") + ")";
    return FeedEvents(tx, {role, StateString(u, "party_id")}, now, ReviewsOf(deps), LinkBase(deps),
                      cal.events);
  });
  if (!s.ok()) return reply(ErrorResponse(s.error()));
  if (!found) return not_found();
  Response r;
  r.content_type = "text/calendar; charset=utf-8";
  r.body = RenderCalendar(cal);
  r.headers.push_back({"Cache-Control", "private, max-age=300"});
  reply(std::move(r));
}

// ?from= and ?to= (YYYY-MM-DD or RFC 3339): at most kMaxCalendarWindowDays apart.
Result<storage::CalendarWindow> WindowOf(const Context& ctx, TimePoint now) {
  storage::CalendarWindow w = FeedWindow(now);
  for (auto [name, field] : {std::pair{"from", &w.from}, std::pair{"to", &w.to}}) {
    std::string text(ctx.Query(name));
    if (text.empty()) continue;
    if (text.size() == 10) text += "T00:00:00Z";
    auto t = ParseRfc3339(text);
    if (!t.ok()) return ValidationError(name, "must be a date (YYYY-MM-DD) or an RFC 3339 time");
    *field = *t;
  }
  if (w.to <= w.from) return ValidationError("to", "must be after from");
  if (w.to - w.from > std::chrono::days(storage::kMaxCalendarWindowDays)) {
    return ValidationError(
        "to", "at most " + std::to_string(storage::kMaxCalendarWindowDays) + " days after from");
  }
  return w;
}

storage::CalendarViewer ViewerOf(const Principal& p) {
  return {p.role, p.role == "third_party_contact" ? p.party_id : std::string()};
}

json::object ItemJson(const storage::CalendarItem& item) {
  return json::object{
      {"uid", item.uid},
      {"kind", item.kind},
      {"title", item.title},
      {"at", FormatRfc3339(item.at)},
      {"date", FormatRfc3339(item.at).substr(0, 10)},
      {"all_day", item.all_day},
      {"link", item.link},
      {"status", item.status},
      {"party_id", item.party_id.empty() ? json::value(nullptr) : json::value(item.party_id)},
      {"detail", item.detail}};
}

Response CalendarItems(ApiDeps& deps, Context& ctx) {
  TimePoint now = deps.clock.Now();
  auto window = WindowOf(ctx, now);
  if (!window.ok()) return ErrorResponse(window.error());
  window->reviews = ReviewsOf(deps);
  json::array items;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto read = storage::ReadAuditCalendar(tx, *window, ViewerOf(*ctx.principal));
    if (!read.ok()) return std::move(read).error();
    for (const auto& item : *read) items.push_back(ItemJson(item));
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(json::object{{"from", FormatRfc3339(window->from)},
                                   {"to", FormatRfc3339(window->to)},
                                   {"items", std::move(items)}});
}

// The same feed as /calendar/{token}.ics, for a client that sends an API token instead.
Response CalendarIcs(ApiDeps& deps, Context& ctx) {
  TimePoint now = deps.clock.Now();
  Calendar cal{
      .name = "Accord audit calendar", .product_id = "-//Accord//Reviews//EN", .stamp = now};
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    return FeedEvents(tx, ViewerOf(*ctx.principal), now, ReviewsOf(deps), LinkBase(deps),
                      cal.events);
  });
  if (!s.ok()) return ErrorResponse(s.error());
  Response r;
  r.content_type = "text/calendar; charset=utf-8";
  r.body = RenderCalendar(cal);
  r.headers.push_back({"Cache-Control", "private, max-age=300"});
  return r;
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
  // The audit calendar (TR-6): everyone signed in; a party's contact sees its own party's
  // agreement expiries only.
  router.Add(ReadRoute("/api/v1/calendar", domain::kEveryone,
                       Json(Object({{"from", Time()},
                                    {"to", Time()},
                                    {"items", ArrayOf(Object({{"uid", String()},
                                                              {"kind", String()},
                                                              {"title", String()},
                                                              {"at", Time()},
                                                              {"date", String()},
                                                              {"all_day", Bool()},
                                                              {"link", String()},
                                                              {"status", String()},
                                                              {"party_id", Nullable(String())},
                                                              {"detail", String()}}))}})))
                 .Summary("The audit calendar: reviews, campaigns, deadlines, retrospective "
                          "reviews and agreement and certificate expiries between from and to")
                 .Tag("calendar")
                 .Query("from", "YYYY-MM-DD or RFC 3339 (default: a month ago)")
                 .Query("to", "exclusive (default: 400 days ahead; at most 800 days after from)")
                 .Handle(deps, CalendarItems));
  router.Add(ReadRoute("/api/v1/calendar.ics", domain::kEveryone, Media("text/calendar"))
                 .Summary("The audit calendar as iCalendar (RFC 5545), for a calendar client "
                          "that sends an API token")
                 .Tag("calendar")
                 .Handle(deps, CalendarIcs));
}

}  // namespace accord::http
