// The registry's CRUD routes (TP-1, TP-6), generated from the kind specs in
// domain/registry.h: one create/list/get/patch/delete shape for every kind.
#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/registry_http.h"
#include "accord/storage/dashboard.h"
#include "accord/storage/ledger_tables.h"
#include "accord/storage/registry_store.h"

namespace accord::http {

namespace json = boost::json;
using storage::Scope;
using storage::StoredObject;

namespace {

const std::vector<std::string> kRegistryReaders = {"security_officer", "privacy_officer", "staff",
                                                   "auditor", "third_party_contact"};
const std::vector<std::string> kOrgReaders = {"security_officer", "privacy_officer", "staff",
                                              "auditor"};

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
      // Reviews and what they produce (issue 6): written by api_reviews.cc. The workforce
      // reads them, since a profile may make staff assignees and finding owners.
      {k("review"), "reviews", kOrgReaders, {}},
      {k("soc2_report"), "soc2-reports", kOrgReaders, {}},
      {k("change_notice"), "change-notices", kRegistryReaders, {}},
      {k("finding"), "findings", kOrgReaders, {}},
      // The trust page's attestations (issue 9); public while valid (api_trust.cc).
      {k("certification"), "certifications", kOrgReaders, kOfficerRoles},
      // Audit-report requests (IN-4): written by api_report_requests.cc; the auditor reads
      // them as evidence of who received which report under which NDA.
      {k("report_request"), "report-requests", kOrgReaders, {}},
  };
}

// "a party", "an agreement".
std::string WithArticle(const std::string& noun) {
  bool vowel = !noun.empty() && std::string_view("aeiou").find(noun[0]) != std::string_view::npos;
  return (vowel ? "an " : "a ") + noun;
}

std::string Title(const domain::KindSpec& spec) {
  std::string t = spec.kind;
  for (char& ch : t) {
    if (ch == '_') ch = ' ';
  }
  return t;
}

// --- references and rules that need the store ------------------------------------------

Status CheckLive(storage::Tx& tx, std::string_view kind, std::string_view id,
                 const std::string& field, const std::string& party_id,
                 std::vector<ErrorDetail>& details) {
  auto o = storage::GetObject(tx, kind, id, Scope{party_id});
  if (!o.ok()) return std::move(o).error();
  if (!o->has_value())
    details.push_back({field, "no " + std::string(kind) + " has id " + std::string(id), {}});
  return Ok();
}

Status CheckReferences(storage::Tx& tx, const domain::KindSpec& spec, const json::object& state,
                       std::vector<ErrorDetail>& details) {
  std::string party = domain::StateString(state, "party_id");
  if (const json::value* systems = state.if_contains("systems"); systems && systems->is_array()) {
    const auto& arr = systems->as_array();
    for (size_t i = 0; i < arr.size(); ++i) {
      ACCORD_TRY(CheckLive(tx, "system", arr[i].as_string(), "systems[" + std::to_string(i) + "]",
                           "", details));
    }
  }
  if (std::string sys = domain::StateString(state, "system_id"); !sys.empty()) {
    ACCORD_TRY(CheckLive(tx, "system", sys, "system_id", "", details));
  }
  if (const json::value* ev = state.if_contains("evidence"); ev && ev->is_array()) {
    const auto& arr = ev->as_array();
    for (size_t i = 0; i < arr.size(); ++i) {
      // Evidence must be this party's own document.
      ACCORD_TRY(CheckLive(tx, "document", arr[i].as_string(),
                           "evidence[" + std::to_string(i) + "]", party, details));
    }
  }
  return Ok();
}

Status CheckUniqueName(storage::Tx& tx, const domain::KindSpec& spec, const json::object& state) {
  if (!spec.unique_name) return Ok();
  std::string name = domain::StateString(state, spec.name_field);
  auto existing = storage::FindLiveByName(tx, spec.kind, name, domain::StateString(state, "id"));
  if (!existing.ok()) return std::move(existing).error();
  if (!existing->has_value()) return Ok();
  return Error{ErrorCode::kConflict,
               spec.name_field + ": " + WithArticle(Title(spec)) + " named '" + name +
                   "' already exists (" + **existing + ")",
               {{spec.name_field, "already used by " + **existing, {}}}};
}

// Deleting is for mistakes; a relationship that ended is offboarded or terminated instead,
// so its history stays readable.
Status CheckDeletable(storage::Tx& tx, const domain::KindSpec& spec, const StoredObject& o) {
  std::string status = domain::StateString(o.doc, spec.status_field);
  if (spec.kind == "party") {
    if (status != "prospect") {
      return Error{ErrorCode::kConflict,
                   "only a prospect can be deleted; set status to offboarded instead",
                   {{"status", "is " + status, {}}}};
    }
    auto children = tx.QueryOne(
        "SELECT COUNT(*) FROM rm_objects WHERE party_id = ? AND kind <> 'party' AND to_idx = ?",
        {o.id, storage::kOpenVersion});
    if (!children.ok()) return std::move(children).error();
    if ((*children)->Int(0) > 0) {
      return Error{ErrorCode::kConflict,
                   "the party still has services, contacts, agreements or records; delete "
                   "those first or offboard the party",
                   {{"party", "has " + std::to_string((*children)->Int(0)) + " live objects", {}}}};
    }
  }
  if (spec.kind == "agreement" && status != "draft") {
    return Error{ErrorCode::kConflict,
                 "only a draft agreement can be deleted; terminate it instead",
                 {{"status", "is " + status, {}}}};
  }
  return Ok();
}

// --- commands ----------------------------------------------------------------------------

struct WriteRequest {
  const domain::KindSpec* spec;
  Scope scope;
  domain::Actor actor;
  std::string id;         // patch/delete
  std::string parent_id;  // create under a party
  json::object body;
};

Result<json::value> Create(storage::CommandContext& c, const WriteRequest& w) {
  const auto& spec = *w.spec;
  if (!spec.parent_kind.empty()) {
    auto parent = storage::GetObject(c.tx(), spec.parent_kind, w.parent_id, w.scope);
    if (!parent.ok()) return std::move(parent).error();
    if (!parent->has_value()) return NotFound(spec.parent_kind + " " + w.parent_id);
  }
  auto state =
      domain::NewObject(spec, w.body, NewId(spec.id_prefix, c.Now()), w.parent_id, c.Now());
  if (!state.ok()) return std::move(state).error();
  std::vector<ErrorDetail> details;
  ACCORD_TRY(CheckReferences(c.tx(), spec, *state, details));
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  ACCORD_TRY(CheckUniqueName(c.tx(), spec, *state));
  std::string id = domain::StateString(*state, "id");
  auto index = c.Append(domain::Event{.type = spec.kind + ".created",
                                      .actor = w.actor,
                                      .subject = {spec.kind, id},
                                      .payload = json::object{{"state", *state}}});
  if (!index.ok()) return std::move(index).error();
  return json::value(
      ObjectJson(StoredObject{id, "", "", static_cast<int64_t>(*index), std::move(*state)}));
}

Result<json::value> Patch(storage::CommandContext& c, const WriteRequest& w) {
  const auto& spec = *w.spec;
  auto current = storage::GetObject(c.tx(), spec.kind, w.id, w.scope);
  if (!current.ok()) return std::move(current).error();
  if (!current->has_value()) return NotFound(Title(spec) + " " + w.id);
  std::vector<std::string> changed;
  auto state = domain::PatchObject(spec, (*current)->doc, w.body, c.Now(), changed);
  if (!state.ok()) return std::move(state).error();
  if (changed.empty()) return json::value(ObjectJson(**current));
  std::vector<ErrorDetail> details;
  ACCORD_TRY(CheckReferences(c.tx(), spec, *state, details));
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  ACCORD_TRY(CheckUniqueName(c.tx(), spec, *state));
  bool status_changed = !spec.status_field.empty() && std::find(changed.begin(), changed.end(),
                                                                spec.status_field) != changed.end();
  json::array changed_json;
  for (const auto& f : changed) changed_json.push_back(json::value(f));
  auto index = c.Append(domain::Event{
      .type = spec.kind + (status_changed ? ".status_changed" : ".updated"),
      .actor = w.actor,
      .subject = {spec.kind, w.id},
      .payload = json::object{{"state", *state}, {"changed", std::move(changed_json)}}});
  if (!index.ok()) return std::move(index).error();
  return json::value(
      ObjectJson(StoredObject{w.id, "", "", static_cast<int64_t>(*index), std::move(*state)}));
}

Result<json::value> Delete(storage::CommandContext& c, const WriteRequest& w) {
  const auto& spec = *w.spec;
  auto current = storage::GetObject(c.tx(), spec.kind, w.id, w.scope);
  if (!current.ok()) return std::move(current).error();
  if (!current->has_value()) return NotFound(Title(spec) + " " + w.id);
  ACCORD_TRY(CheckDeletable(c.tx(), spec, **current));
  json::object payload;
  if (!spec.name_field.empty()) {
    payload["name"] = domain::StateString((*current)->doc, spec.name_field);
  }
  if (!spec.parent_kind.empty()) payload["party_id"] = (*current)->party_id;
  auto index = c.Append(domain::Event{.type = spec.kind + ".deleted",
                                      .actor = w.actor,
                                      .subject = {spec.kind, w.id},
                                      .payload = std::move(payload)});
  if (!index.ok()) return std::move(index).error();
  return json::value(json::object{{"id", w.id}, {"deleted", true}, {"ledger_index", *index}});
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
      .response_schema = json::object{{"type", "object"}},
      .handler = Sync([spec, under_party, &store, &clock = deps.clock](Context& ctx) {
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
        if (!q.tag.empty() && !ScopeOf(*ctx.principal).org_wide()) {
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
        if (spec->kind == "review") {
          if (Status f = ReviewFilters(ctx, clock.Now(), q); !f.ok()) {
            return ErrorResponse(f.error());
          }
        }
        Scope scope = ScopeOf(*ctx.principal);
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
      .summary =
          "Create " + WithArticle(Title(*spec)) + " (a ledger event: " + spec->kind + ".created)",
      .tag = "registry",
      .params = std::move(params),
      .request_schema = domain::SchemaOf(spec->fields, false),
      .response_schema = json::object{{"type", "object"}},
      .success_status = 201,
      .handler =
          [spec, under_party, &log](Context&& ctx, Reply reply) {
            auto body = ParseJsonObject(ctx.request.body);
            if (!body.ok()) return reply(ErrorResponse(body.error()));
            WriteRequest w{spec,
                           ScopeOf(*ctx.principal),
                           ActorOf(*ctx.principal),
                           "",
                           under_party ? ctx.path_params.at("party_id") : "",
                           std::move(*body)};
            log.Submit(
                [w = std::move(w)](storage::CommandContext& c) { return Create(c, w); },
                [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r, 201)); });
          },
  });
}

void AddItemRoutes(Router& router, ApiDeps& deps, const KindRoutes& k, const std::string& path) {
  const domain::KindSpec* spec = k.spec;
  storage::Store& store = deps.store;
  storage::EventLog& log = deps.log;
  std::vector<ParamDoc> id_param = {{"id", "path", "string", true, Title(*spec) + " id"}};
  std::vector<ParamDoc> get_params = id_param;
  get_params.push_back({"as_of", "query", "integer", false, "ledger size: the state back then"});
  router.Add(Route{
      .method = "GET",
      .pattern = path,
      .roles = k.read_roles,
      .summary = "One " + Title(*spec) + " (?as_of=N: as it was at ledger size N)",
      .tag = "registry",
      .params = get_params,
      .response_schema = json::object{{"type", "object"}},
      .handler = Sync([spec, &store](Context& ctx) {
        auto as_of = ParseAsOf(ctx);
        if (!as_of.ok()) return ErrorResponse(as_of.error());
        const std::string& id = ctx.path_params.at("id");
        Scope scope = ScopeOf(*ctx.principal);
        json::value body;
        Status s = store.Read([&](storage::Tx& tx) -> Status {
          auto o = storage::GetObject(tx, spec->kind, id, scope, *as_of);
          if (!o.ok()) return std::move(o).error();
          if (!o->has_value()) return NotFound(Title(*spec) + " " + id);
          if (!scope.org_wide()) domain::RemoveInternalFields(spec->fields, (*o)->doc);
          body = ObjectJson(**o);
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
      WriteRequest w{
          spec, ScopeOf(*ctx.principal), ActorOf(*ctx.principal), ctx.path_params.at("id"),
          "",   std::move(body)};
      log.Submit([w = std::move(w), is_delete](
                     storage::CommandContext& c) { return is_delete ? Delete(c, w) : Patch(c, w); },
                 [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r)); });
    };
  };
  router.Add(Route{
      .method = "PATCH",
      .pattern = path,
      .roles = k.write_roles,
      .summary =
          "Change " + WithArticle(Title(*spec)) + "; absent fields keep their value, null clears",
      .tag = "registry",
      .params = id_param,
      .request_schema = domain::SchemaOf(spec->fields, true),
      .response_schema = json::object{{"type", "object"}},
      .handler = write_handler(false),
  });
  router.Add(Route{
      .method = "DELETE",
      .pattern = path,
      .roles = k.write_roles,
      .summary = "Delete " + WithArticle(Title(*spec)) +
                 " entered by mistake (history stays in the ledger)",
      .tag = "registry",
      .params = id_param,
      .response_schema = json::object{{"type", "object"}},
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
      .response_schema = json::object{{"type", "object"}},
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
  if (p.role != "third_party_contact") return Scope{};
  // A contact without a party sees nothing rather than everything.
  return Scope{p.party_id.empty() ? std::string("-") : p.party_id};
}

domain::Actor ActorOf(const Principal& p) { return domain::Actor{p.id, p.role}; }

json::object ObjectJson(const StoredObject& o) {
  json::object out = o.doc;
  out["ledger_index"] = o.from_idx;
  return out;
}

json::object PageJson(const storage::ObjectPage& page) {
  json::array items;
  for (const auto& o : page.items) items.push_back(ObjectJson(o));
  json::value next = nullptr;
  if (page.next_after) next = EncodeIdCursor(*page.next_after);
  return json::object{{"items", std::move(items)}, {"next_cursor", std::move(next)}};
}

Result<json::value> CreateObjectCommand(storage::CommandContext& c, std::string_view kind,
                                        std::string parent_id, json::object body,
                                        const domain::Actor& actor) {
  const domain::KindSpec* spec = domain::FindKind(kind);
  if (!spec) return Internal("unknown registry kind " + std::string(kind));
  return Create(c, WriteRequest{spec, Scope{}, actor, "", std::move(parent_id), std::move(body)});
}

Result<json::value> PatchObjectCommand(storage::CommandContext& c, std::string_view kind,
                                       std::string id, json::object body,
                                       const domain::Actor& actor) {
  const domain::KindSpec* spec = domain::FindKind(kind);
  if (!spec) return Internal("unknown registry kind " + std::string(kind));
  return Patch(c, WriteRequest{spec, Scope{}, actor, std::move(id), "", std::move(body)});
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
