// The registry's CRUD routes (TP-1, TP-6), generated from the kind specs in
// domain/registry.h: one create/list/get/patch/delete shape for every kind.
#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/identity.h"
#include "accord/domain/registry.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/http/schema.h"
#include "accord/storage/dashboard.h"
#include "accord/storage/ledger_tables.h"
#include "accord/storage/registry_commands.h"
#include "accord/storage/registry_store.h"

namespace accord::http {

namespace json = boost::json;
using storage::Scope;
using storage::StoredObject;

namespace {

const std::vector<std::string> kRegistryReaders = domain::kEveryone;
const std::vector<std::string> kOrgReaders = domain::kOrgReaders;

// What a route group needs to know about one kind.
struct KindRoutes {
  const domain::KindSpec* spec;
  std::string collection;  // "services" -> /api/v1/parties/{party_id}/services
  std::vector<std::string> read_roles;
  std::vector<std::string> write_roles;
};

std::vector<KindRoutes> AllKindRoutes() {
  auto k = [](const char* kind) { return domain::FindKind(kind); };
  std::vector<std::string> contact_writers = kOfficerRoles;
  contact_writers.push_back("third_party_contact");  // a vendor keeps its own contacts current
  return {
      {k("party"), "parties", kRegistryReaders, kOfficerRoles},
      {k("system"), "systems", kOrgReaders, kOfficerRoles},
      {k("service"), "services", kRegistryReaders, kOfficerRoles},
      {k("contact"), "contacts", kRegistryReaders, contact_writers},
      {k("agreement"), "agreements", kRegistryReaders, kOfficerRoles},
      // Our assessment of the party: not for its contacts.
      {k("due_diligence"), "due-diligence", kOrgReaders, kOfficerRoles},
      {k("control"), "controls", kOrgReaders, kOfficerRoles},
      {k("document"), "documents", kRegistryReaders, {}},
      // Identity objects: read here, written by their own routes (api_users.cc).
      {k("user"), "users", kLedgerReaderRoles, {}},
      {k("entitlement_review"), "entitlement-reviews", kLedgerReaderRoles, {}},
      {k("alert"), "alerts", kOfficerRoles, {}},
      // Reviews and what they produce (issue 6): written by the review routes (review_routes.h).
      // The workforce reads them, since a profile may make staff assignees and finding owners.
      {k("review"), "reviews", kOrgReaders, {}},
      {k("soc2_report"), "soc2-reports", kOrgReaders, {}},
      {k("change_notice"), "change-notices", kRegistryReaders, {}},
      {k("finding"), "findings", kOrgReaders, {}},
      // The trust page's attestations (issue 9); public while valid (api_trust.cc).
      {k("certification"), "certifications", kOrgReaders, kOfficerRoles},
      // Audit-report requests (IN-4): written by api_report_requests.cc; the auditor reads
      // them as evidence of who received which report under which NDA.
      {k("report_request"), "report-requests", kOrgReaders, {}},
      // TP-5: written by api_connections.cc; a party's contact sees its own party's.
      {k("connection"), "connections", kRegistryReaders, {}},
  };
}

// --- routes ------------------------------------------------------------------------------

// Org-level kinds that still belong to a party (reviews, findings, change notices).
bool HasPartyField(const domain::KindSpec& spec) {
  return std::any_of(spec.fields.begin(), spec.fields.end(),
                     [](const domain::FieldSpec& f) { return f.name == "party_id"; });
}

// ?due_after= / ?due_before= / ?overdue= on reviews.
Status ReviewFilters(const Context& ctx, TimePoint now, storage::ListQuery& q) {
  for (const char* name : {"due_after", "due_before"}) {
    std::string_view v = ctx.Query(name);
    if (v.empty()) continue;
    std::string text(v);
    if (text.size() == 10) text += "T00:00:00Z";
    auto t = ParseRfc3339(text);
    if (!t.ok()) return ValidationError(name, "must be an RFC 3339 time or a YYYY-MM-DD date");
    (std::string_view(name) == "due_after" ? q.due_after : q.due_before) = FormatRfc3339(*t);
  }
  std::string_view overdue = ctx.Query("overdue");
  if (overdue == "true") {
    q.overdue_at = FormatRfc3339(now);
  } else if (!overdue.empty() && overdue != "false") {
    return ValidationError("overdue", "must be true or false");
  }
  bool filtered = !q.due_after.empty() || !q.due_before.empty() || !q.overdue_at.empty();
  if (filtered && q.as_of) {
    return ValidationError("as_of",
                           "cannot be combined with due_after, due_before or overdue: those "
                           "filter the reviews as they are now");
  }
  return Ok();
}

// ?order=, ?sort=due_at (reviews), ?risk_tier= and ?agreement_type=/agreement_state= (parties):
// sorting and the filters that read our assessment, which a party's contact may not use.
Status OrderAndAssessmentFilters(const Context& ctx, const domain::KindSpec& spec, bool org_wide,
                                 storage::ListQuery& q) {
  std::string_view order = ctx.Query("order");
  if (!order.empty() && order != "newest" && order != "oldest") {
    return ValidationError("order", "must be newest or oldest");
  }
  if (!order.empty()) q.newest_first = order == "newest";
  if (std::string_view sort = ctx.Query("sort"); !sort.empty()) {
    if (spec.kind != "review" || sort != "due_at") {
      return ValidationError(
          "sort", spec.kind == "review" ? "must be due_at" : "this list has no other order");
    }
    if (!q.q.empty() || q.newest_first) {
      return ValidationError("sort", "cannot be combined with q or order");
    }
    q.by_due = true;
  }
  if (spec.kind != "party") return Ok();
  std::string_view tier = ctx.Query("risk_tier");
  std::string_view type = ctx.Query("agreement_type");
  std::string_view state = ctx.Query("agreement_state");
  if ((!tier.empty() || !type.empty() || !state.empty()) && !org_wide) {
    return ValidationError(!tier.empty() ? "risk_tier" : "agreement_type",
                           "is the organisation's assessment: not a filter for a third party's "
                           "contact");
  }
  if (!tier.empty()) {
    if (tier != "low" && tier != "medium" && tier != "high") {
      return ValidationError("risk_tier", "must be low, medium or high");
    }
    q.state_equals.emplace_back("risk_tier", std::string(tier));
  }
  if (type.empty() != state.empty()) {
    return ValidationError(type.empty() ? "agreement_type" : "agreement_state",
                           "agreement_type and agreement_state go together (e.g. "
                           "agreement_type=baa&agreement_state=not_in_force)");
  }
  if (!type.empty()) {
    const domain::KindSpec* agreement = domain::FindKind("agreement");
    bool known = false;
    std::string types;
    for (const auto& f : agreement->fields) {
      if (f.name != "type") continue;
      for (const auto& v : f.values) {
        known |= v == type;
        types += (types.empty() ? "" : ", ") + v;
      }
    }
    if (!known) return ValidationError("agreement_type", "must be one of " + types);
    if (state != "in_force" && state != "expired" && state != "not_in_force") {
      return ValidationError("agreement_state", "must be in_force, expired or not_in_force");
    }
    q.agreement_type = std::string(type);
    q.agreement_state = std::string(state);
  }
  return Ok();
}

std::vector<ParamDoc> ListParams(const domain::KindSpec& spec) {
  std::vector<ParamDoc> p;
  if (!spec.name_field.empty()) {
    p.push_back({"q", "query", "string", false, "prefix of any word of the " + spec.name_field});
  }
  if (!spec.tag_field.empty()) p.push_back({spec.tag_field, "query", "string", false, "filter"});
  if (!spec.status_field.empty()) p.push_back({"status", "query", "string", false, "filter"});
  if (spec.parent_kind.empty() && HasPartyField(spec)) {
    p.push_back({"party_id", "query", "string", false, "filter: about this party"});
  }
  if (spec.kind == "review") {
    p.push_back({"due_after", "query", "string", false, "filter: due at or after (RFC 3339)"});
    p.push_back({"due_before", "query", "string", false, "filter: due before (RFC 3339)"});
    p.push_back({"overdue", "query", "boolean", false, "true: open and past due"});
    p.push_back({"sort", "query", "string", false, "due_at: soonest due first"});
  }
  p.push_back({"order", "query", "string", false, "oldest (default) or newest first"});
  if (spec.kind == "party") {
    p.push_back({"risk_tier", "query", "string", false, "filter: low, medium or high"});
    p.push_back({"agreement_type", "query", "string", false,
                 "with agreement_state: parties by the state of this agreement type (baa, ...)"});
    p.push_back({"agreement_state", "query", "string", false,
                 "in_force, expired (and none in force) or not_in_force (missing or expired)"});
  }
  p.push_back({"limit", "query", "integer", false, "1-500, default 50"});
  p.push_back({"cursor", "query", "string", false, "from next_cursor"});
  p.push_back({"as_of", "query", "integer", false, "ledger size: the state back then"});
  return p;
}

void AddListRoute(Router& router, ApiDeps& deps, const KindRoutes& k, const std::string& path,
                  bool under_party) {
  const domain::KindSpec* spec = k.spec;
  storage::Store& store = deps.store;
  std::vector<ParamDoc> params = ListParams(*spec);
  if (under_party) params.insert(params.begin(), {"party_id", "path", "string", true, "party"});
  router.Add(Route{
      .method = "GET",
      .pattern = path,
      .roles = k.read_roles,
      .summary = "List " + k.collection + " (filters, ?q= search, cursor pages, ?as_of=N)",
      .tag = "registry",
      .params = std::move(params),
      .response_schema = schema::Page(schema::KindRef(spec->kind)),
      .handler = Sync([spec, under_party, &store, &clock = deps.clock, &deps](Context& ctx) {
        auto page = ParsePage(ctx);
        if (!page.ok()) return ErrorResponse(page.error());
        auto as_of = ParseAsOf(ctx);
        if (!as_of.ok()) return ErrorResponse(as_of.error());
        storage::ListQuery q{.kind = spec->kind,
                             .tag = std::string(ctx.Query(spec->tag_field)),
                             .status = std::string(ctx.Query("status")),
                             .q = std::string(ctx.Query("q")),
                             .after_id = page->after_id.value_or(""),
                             .limit = page->limit,
                             .as_of = *as_of};
        if (spec->tag_field.empty()) q.tag.clear();
        Scope scope = ScopeOf(*ctx.principal);
        if (!q.tag.empty() && !scope.org_wide()) {
          // A filter on our assessment (a change's substantial_tag) would tell it all the same.
          for (const auto& f : spec->fields) {
            if (f.name == spec->tag_field && f.internal) {
              return ErrorResponse(
                  ValidationError(spec->tag_field,
                                  "is the organisation's assessment: not a filter for a third "
                                  "party's contact"));
            }
          }
        }
        if (!under_party && HasPartyField(*spec)) q.party_id = std::string(ctx.Query("party_id"));
        if (Status f = OrderAndAssessmentFilters(ctx, *spec, scope.org_wide(), q); !f.ok()) {
          return ErrorResponse(f.error());
        }
        if (spec->kind == "review") {
          if (Status f = ReviewFilters(ctx, clock.Now(), q); !f.ok()) {
            return ErrorResponse(f.error());
          }
        }
        json::object body;
        Status s = store.Read([&](storage::Tx& tx) -> Status {
          if (under_party) {
            q.party_id = ctx.path_params.at("party_id");
            auto party = storage::GetObject(tx, "party", q.party_id, scope, q.as_of);
            if (!party.ok()) return std::move(party).error();
            if (!party->has_value()) return NotFound("party " + q.party_id);
          }
          auto result = storage::ListObjects(tx, q, scope);
          if (!result.ok()) return std::move(result).error();
          if (!scope.org_wide()) {
            for (auto& o : result->items) domain::RemoveInternalFields(spec->fields, o.doc);
          }
          body = PageJson(*result);
          storage::NameCache names(tx);
          storage::Viewer viewer = ViewerOf(*ctx.principal, deps);
          for (auto& item : body["items"].as_array()) {
            ACCORD_TRY(storage::DecorateView(tx, names, viewer, spec->kind, item.as_object(), false,
                                             clock.Now(), q.as_of));
          }
          return Ok();
        });
        if (!s.ok()) return ErrorResponse(s.error());
        return JsonResponse(body);
      }),
  });
}

void AddCreateRoute(Router& router, ApiDeps& deps, const KindRoutes& k, const std::string& path,
                    bool under_party) {
  const domain::KindSpec* spec = k.spec;
  storage::EventLog& log = deps.log;
  std::vector<ParamDoc> params;
  if (under_party) params.push_back({"party_id", "path", "string", true, "party"});
  router.Add(Route{
      .method = "POST",
      .pattern = path,
      .roles = k.write_roles,
      .summary = "Create " + domain::WithArticle(domain::KindTitle(*spec)) +
                 " (a ledger event: " + spec->kind + ".created)",
      .tag = "registry",
      .params = std::move(params),
      .request_schema = domain::SchemaOf(spec->fields, false),
      .response_schema = schema::KindRef(spec->kind),
      .success_status = 201,
      .handler =
          [spec, under_party, &log](Context&& ctx, Reply reply) {
            auto body = ParseJsonObject(ctx.request.body);
            if (!body.ok()) return reply(ErrorResponse(body.error()));
            log.Submit(
                [kind = spec->kind, scope = ScopeOf(*ctx.principal),
                 actor = ActorOf(*ctx.principal),
                 parent = under_party ? ctx.path_params.at("party_id") : "",
                 body = std::move(*body)](storage::CommandContext& c) {
                  return storage::CreateRegistryObject(c, kind, parent, body, actor, scope);
                },
                [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r, 201)); });
          },
  });
}

void AddItemRoutes(Router& router, ApiDeps& deps, const KindRoutes& k, const std::string& path) {
  const domain::KindSpec* spec = k.spec;
  storage::Store& store = deps.store;
  storage::EventLog& log = deps.log;
  std::vector<ParamDoc> id_param = {
      {"id", "path", "string", true, domain::KindTitle(*spec) + " id"}};
  std::vector<ParamDoc> get_params = id_param;
  get_params.push_back({"as_of", "query", "integer", false, "ledger size: the state back then"});
  router.Add(Route{
      .method = "GET",
      .pattern = path,
      .roles = k.read_roles,
      .summary = "One " + domain::KindTitle(*spec) + " (?as_of=N: as it was at ledger size N)",
      .tag = "registry",
      .params = get_params,
      .response_schema = schema::KindRef(spec->kind),
      .handler = Sync([spec, &store, &deps](Context& ctx) {
        auto as_of = ParseAsOf(ctx);
        if (!as_of.ok()) return ErrorResponse(as_of.error());
        const std::string& id = ctx.path_params.at("id");
        Scope scope = ScopeOf(*ctx.principal);
        json::value body;
        Status s = store.Read([&](storage::Tx& tx) -> Status {
          auto o = storage::GetObject(tx, spec->kind, id, scope, *as_of);
          if (!o.ok()) return std::move(o).error();
          if (!o->has_value()) return NotFound(domain::KindTitle(*spec) + " " + id);
          if (!scope.org_wide()) domain::RemoveInternalFields(spec->fields, (*o)->doc);
          json::object view = ObjectJson(**o);
          storage::NameCache names(tx);
          ACCORD_TRY(storage::DecorateView(tx, names, ViewerOf(*ctx.principal, deps), spec->kind,
                                           view, true, deps.clock.Now(), *as_of));
          body = std::move(view);
          return Ok();
        });
        if (!s.ok()) return ErrorResponse(s.error());
        return JsonResponse(body);
      }),
  });
  if (k.write_roles.empty() || !spec->generic_write) return;
  auto write_handler = [spec, &log](bool is_delete) {
    return [spec, &log, is_delete](Context&& ctx, Reply reply) {
      json::object body;
      if (!is_delete) {
        auto parsed = ParseJsonObject(ctx.request.body);
        if (!parsed.ok()) return reply(ErrorResponse(parsed.error()));
        body = std::move(*parsed);
      }
      log.Submit(
          [kind = spec->kind, scope = ScopeOf(*ctx.principal), actor = ActorOf(*ctx.principal),
           id = ctx.path_params.at("id"), body = std::move(body),
           is_delete](storage::CommandContext& c) {
            return is_delete ? storage::DeleteRegistryObject(c, kind, id, actor, scope)
                             : storage::PatchRegistryObject(c, kind, id, body, actor, scope);
          },
          [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r)); });
    };
  };
  router.Add(Route{
      .method = "PATCH",
      .pattern = path,
      .roles = k.write_roles,
      .summary = "Change " + domain::WithArticle(domain::KindTitle(*spec)) +
                 "; absent fields keep their value, null clears",
      .tag = "registry",
      .params = id_param,
      .request_schema = domain::SchemaOf(spec->fields, true),
      .response_schema = schema::KindRef(spec->kind),
      .handler = write_handler(false),
  });
  router.Add(Route{
      .method = "DELETE",
      .pattern = path,
      .roles = k.write_roles,
      .summary = "Delete " + domain::WithArticle(domain::KindTitle(*spec)) +
                 " entered by mistake (history stays in the ledger)",
      .tag = "registry",
      .params = id_param,
      .response_schema = schema::Deleted(),
      .handler = write_handler(true),
  });
}

// GET /api/v1/parties/{id}/timeline: the ledger events about a party and what is filed under
// it, newest first, limited to the kinds the caller may read (grants: every reader).
void AddPartyTimelineRoute(Router& router, ApiDeps& deps) {
  router.Add(Route{
      .method = "GET",
      .pattern = "/api/v1/parties/{id}/timeline",
      .roles = kOrgReaders,  // our own events about the party: not for its contacts
      .summary = "The party's timeline: ledger events about it and its objects, newest first",
      .tag = "registry",
      .params = {{"id", "path", "string", true, "party"},
                 {"limit", "query", "integer", false, "1-500, default 50"},
                 {"cursor", "query", "string", false, "from next_cursor"}},
      .response_schema = schema::Page(schema::Object({
          {"index", schema::Int()},
          {"type", schema::Text("the event type, noun.verb_past")},
          {"at", schema::Time()},
          {"subject",
           schema::Object(
               {{"kind", schema::String()}, {"id", schema::String()}, {"name", schema::String()}})},
          {"actor", schema::Nullable(schema::ActorRef())},
      })),
      .handler = Sync([&store = deps.store](Context& ctx) {
        auto page = ParsePage(ctx);
        if (!page.ok()) return ErrorResponse(page.error());
        std::vector<std::string> kinds = {"grant"};
        for (const auto& k : AllKindRoutes()) {
          const auto& roles = k.read_roles;
          if (std::find(roles.begin(), roles.end(), ctx.principal->role) != roles.end()) {
            kinds.push_back(k.spec->kind);
          }
        }
        const std::string& id = ctx.path_params.at("id");
        int64_t before = page->after.value_or(INT64_MAX);
        json::array items;
        Status s = store.Read([&](storage::Tx& tx) -> Status {
          auto party = storage::GetObject(tx, "party", id, ScopeOf(*ctx.principal));
          if (!party.ok()) return std::move(party).error();
          if (!party->has_value()) return NotFound("party " + id);
          auto entries =
              storage::PartyTimeline(tx, id, kinds, before, static_cast<int64_t>(page->limit));
          if (!entries.ok()) return std::move(entries).error();
          // Each subject's current label (name, title or type), read once per subject.
          std::map<std::string, std::string> labels;
          auto label = [&](const storage::TimelineEntry& e) -> Result<std::string> {
            auto it = labels.find(e.subject_id);
            if (it != labels.end()) return it->second;
            auto o = storage::GetObject(tx, e.subject_kind, e.subject_id, storage::Scope{});
            if (!o.ok()) return std::move(o).error();
            std::string text;
            if (o->has_value()) {
              for (const char* f : {"name", "title", "type", "email"}) {
                text = domain::StateString((*o)->doc, f);
                if (!text.empty()) break;
              }
            }
            labels.emplace(e.subject_id, text);
            return text;
          };
          for (const auto& e : *entries) {
            auto name = label(e);
            if (!name.ok()) return std::move(name).error();
            // The actor is in the event itself.
            auto leaf = storage::ReadLeaf(tx, static_cast<uint64_t>(e.index));
            if (!leaf.ok()) return std::move(leaf).error();
            json::value actor = nullptr;
            if (auto event = domain::ParseStateDoc(leaf->leaf)) {
              if (const json::value* a = event->if_contains("actor")) actor = *a;
            }
            items.push_back(json::object{
                {"index", e.index},
                {"type", e.type},
                {"at", e.time},
                {"subject",
                 json::object{{"kind", e.subject_kind}, {"id", e.subject_id}, {"name", *name}}},
                {"actor", std::move(actor)}});
          }
          return Ok();
        });
        if (!s.ok()) return ErrorResponse(s.error());
        json::value next = nullptr;
        if (items.size() == page->limit) {
          next = EncodeCursor(items.back().as_object().at("index").as_int64());
        }
        return JsonResponse(json::object{{"items", std::move(items)}, {"next_cursor", next}});
      }),
  });
}

}  // namespace

Scope ScopeOf(const Principal& p) {
  // An integration token bound to a party acts for that party alone.
  if (p.role == domain::kIntegrationRole && !p.party_id.empty()) return Scope{p.party_id};
  if (p.role != "third_party_contact") return Scope{};
  // A contact without a party sees nothing rather than everything.
  return Scope{p.party_id.empty() ? std::string("-") : p.party_id};
}

domain::Actor ActorOf(const Principal& p) { return domain::Actor{p.id, p.role}; }

storage::Viewer ViewerOf(const Principal& p, const ApiDeps& deps) {
  return storage::Viewer{p.id, p.role, p.break_glass, deps.profile,
                         /*sees_comments=*/ScopeOf(p).org_wide()};
}

json::object ObjectJson(const StoredObject& o) { return storage::ObjectView(o); }

json::object PageJson(const storage::ObjectPage& page) {
  json::array items;
  for (const auto& o : page.items) items.push_back(ObjectJson(o));
  json::value next = nullptr;
  if (page.next_after) next = EncodeIdCursor(*page.next_after);
  return json::object{{"items", std::move(items)}, {"next_cursor", std::move(next)}};
}

void AddRegistryRoutes(Router& router, ApiDeps& deps) {
  // Literal paths first: the router takes the first pattern that matches.
  AddPartyImportRoutes(router, deps);
  for (const auto& k : AllKindRoutes()) {
    const auto& spec = *k.spec;
    std::string item = "/api/v1/" + k.collection + "/{id}";
    if (spec.parent_kind.empty()) {
      std::string collection = "/api/v1/" + k.collection;
      AddListRoute(router, deps, k, collection, false);
      if (spec.generic_write) AddCreateRoute(router, deps, k, collection, false);
    } else {
      std::string collection = "/api/v1/parties/{party_id}/" + k.collection;
      AddListRoute(router, deps, k, collection, true);
      if (spec.generic_write) AddCreateRoute(router, deps, k, collection, true);
    }
    AddItemRoutes(router, deps, k, item);
  }
  AddDocumentRoutes(router, deps);
  AddPartyTimelineRoute(router, deps);
}

}  // namespace accord::http
