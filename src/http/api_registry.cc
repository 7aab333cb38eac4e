// The registry's CRUD routes (TP-1, TP-6), generated from the kind specs in
// domain/registry.h: one create/list/get/patch/delete shape for every kind.
#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <memory>

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
#include "finding_filters.h"
#include "party_inventory_http.h"

namespace accord::http {

namespace json = boost::json;
using storage::Scope;
using storage::StoredObject;

namespace {

constexpr domain::RoleSet kRegistryReaders = domain::kEveryone;
constexpr domain::RoleSet kOrgReaders = domain::kOrgReaders;
constexpr domain::RoleSet kOfficers = domain::kOfficers;
constexpr domain::RoleSet kLedgerReaders = domain::kLedgerReaders;
constexpr domain::RoleSet kNobody{};

// What a route group needs to know about one kind.
struct KindRoutes {
  const domain::KindSpec* spec;
  std::string collection;  // "services" -> /api/v1/parties/{party_id}/services
  domain::RoleSet read_roles;
  domain::RoleSet write_roles;
};

std::vector<KindRoutes> AllKindRoutes() {
  auto k = [](const char* kind) { return domain::FindKind(kind); };
  // A vendor keeps its own contacts current.
  constexpr domain::RoleSet kContactWriters = kOfficers.With(domain::Role::kThirdPartyContact);
  return {
      {k("party"), "parties", kRegistryReaders, kOfficers},
      {k("system"), "systems", kOrgReaders, kOfficers},
      {k("service"), "services", kRegistryReaders, kOfficers},
      {k("contact"), "contacts", kRegistryReaders, kContactWriters},
      {k("agreement"), "agreements", kRegistryReaders, kOfficers},
      // Our assessment of the party: not for its contacts.
      {k("due_diligence"), "due-diligence", kOrgReaders, kOfficers},
      {k("control"), "controls", kOrgReaders, kOfficers},
      {k("document"), "documents", kRegistryReaders, kNobody},
      // Identity objects: read here, written by their own routes (api_users.cc).
      {k("user"), "users", kLedgerReaders, kNobody},
      {k("entitlement_review"), "entitlement-reviews", kLedgerReaders, kNobody},
      {k("alert"), "alerts", kOfficers, kNobody},
      // Reviews and what they produce (issue 6): written by the review routes (review_routes.h).
      // The workforce reads them, since a profile may make staff assignees and finding owners.
      {k("review"), "reviews", kOrgReaders, kNobody},
      // A party's contact reads the reports it submitted, without our review of them.
      {k("soc2_report"), "soc2-reports", kRegistryReaders, kNobody},
      {k("change_notice"), "change-notices", kRegistryReaders, kNobody},
      {k("finding"), "findings", kOrgReaders, kNobody},
      // The trust page's attestations (issue 9); public while valid (api_trust.cc).
      {k("certification"), "certifications", kOrgReaders, kOfficers},
      // Audit-report requests (IN-4): written by api_report_requests.cc; the auditor reads
      // them as evidence of who received which report under which NDA.
      {k("report_request"), "report-requests", kOrgReaders, kNobody},
      // TP-5: written by api_connections.cc; a party's contact sees its own party's.
      {k("connection"), "connections", kRegistryReaders, kNobody},
      // Our data-use commitments and DPF participation (TR-11): published by api_trust.cc,
      // held against the subprocessors' agreements (storage/data_commitments.h).
      {k("data_commitment"), "data-commitments", kOrgReaders, kOfficers},
      {k("dpf_participation"), "dpf-participations", kOrgReaders, kOfficers},
      // Change requests for our own systems (TR-5): written by api_change_requests.cc.
      {k("change_request"), "change-requests", kOrgReaders, kNobody},
      // Issue 27: a vendor's incident on a party, opened by the status runner and assessed by
      // the officers (api_vendor_incidents.cc); our assessment, so not for the party's contacts.
      {k("vendor_incident"), "vendor-incidents", kOrgReaders, kNobody},
  };
}

// What one kind's handlers share: the kind, and whether its objects are filed under a party
// (/api/v1/parties/{party_id}/<collection>).
struct KindState {
  ApiDeps& deps;
  const domain::KindSpec* spec;
  bool under_party = false;
};

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
  // The party list's ?sort= is the inventory's (party_inventory_http.cc).
  if (std::string_view sort = ctx.Query("sort"); !sort.empty() && spec.kind != "party") {
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
  if (spec.kind == "finding") {
    for (auto& param : finding_filters::Params()) p.push_back(std::move(param));
  }
  p.push_back({"order", "query", "string", false, "oldest (default) or newest first"});
  if (spec.kind == "party") {
    p.push_back({"risk_tier", "query", "string", false, "filter: low, medium or high"});
    p.push_back({"agreement_type", "query", "string", false,
                 "with agreement_state: parties by the state of this agreement type (baa, ...)"});
    p.push_back({"agreement_state", "query", "string", false,
                 "in_force, expired (and none in force) or not_in_force (missing or expired)"});
    for (auto& param : party_inventory::Params()) p.push_back(std::move(param));
  }
  p.push_back({"limit", "query", "integer", false, "1-500, default 50"});
  p.push_back({"cursor", "query", "string", false, "from next_cursor"});
  p.push_back({"as_of", "query", "integer", false, "ledger size: the state back then"});
  return p;
}

// One page of the kind's list (the party list: the inventory's order and filters when asked).
Result<storage::ObjectPage> ListPage(storage::Tx& tx, const storage::ListQuery& q,
                                     const std::optional<storage::InventoryQuery>& inventory,
                                     const Scope& scope) {
  if (inventory) return storage::ListInventory(tx, *inventory);
  return storage::ListObjects(tx, q, scope);
}

// Accept: text/csv on the party list: every party the filters match, in the list's order,
// with the columns the portal shows (not only one page).
Response PartiesCsv(KindState& k, storage::ListQuery q,
                    std::optional<storage::InventoryQuery> inventory) {
  std::string csv = party_inventory::CsvHeader();
  constexpr size_t kChunk = 1000;
  q.limit = kChunk;
  q.after_id.clear();
  if (inventory) {
    inventory->limit = kChunk;
    inventory->after.clear();
  }
  Status s = k.deps.store.Read([&](storage::Tx& tx) -> Status {
    // Bounded: a chunk per thousand parties, at most a million rows.
    for (int chunk = 0; chunk < 1000; ++chunk) {
      auto result = ListPage(tx, q, inventory, Scope{});
      if (!result.ok()) return std::move(result).error();
      json::object page = PageJson(*result);
      json::array& items = page["items"].as_array();
      ACCORD_TRY(party_inventory::AddInventory(tx, items));
      party_inventory::AppendCsv(csv, items);
      if (!result->next_after) break;
      (inventory ? inventory->after : q.after_id) = *result->next_after;
    }
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  Response r = TextResponse(std::move(csv), "text/csv; charset=utf-8");
  r.headers.push_back({"Content-Disposition", "attachment; filename=\"parties.csv\""});
  return r;
}

Response ListKind(KindState& k, Context& ctx) {
  const domain::KindSpec* spec = k.spec;
  auto page = ParsePage(ctx);
  if (!page.ok()) return ErrorResponse(page.error());
  auto as_of = ParseAsOf(ctx);
  if (!as_of.ok()) return ErrorResponse(as_of.error());
  storage::ListQuery q{
      .kind = spec->kind,
      .tag = std::string(ctx.Query(spec->tag_field)),
      // A kind without a lifecycle may tag by a field named status.
      .status = spec->status_field.empty() ? std::string() : std::string(ctx.Query("status")),
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
        return ErrorResponse(ValidationError(spec->tag_field,
                                             "is the organisation's assessment: not a filter "
                                             "for a third party's contact"));
      }
    }
  }
  if (!k.under_party && HasPartyField(*spec)) q.party_id = std::string(ctx.Query("party_id"));
  if (Status f = OrderAndAssessmentFilters(ctx, *spec, scope.org_wide(), q); !f.ok()) {
    return ErrorResponse(f.error());
  }
  std::optional<storage::InventoryQuery> inventory;
  bool is_party = spec->kind == "party";
  if (is_party) {
    auto parsed = party_inventory::ParseQuery(ctx, scope.org_wide());
    if (!parsed.ok()) return ErrorResponse(parsed.error());
    inventory = std::move(*parsed);
    if (inventory) {
      inventory->limit = q.limit;
      inventory->after = q.after_id;
    }
    if (party_inventory::WantsCsv(ctx)) {
      if (!scope.org_wide()) {
        return ErrorResponse(ValidationError(
            "accept", "the inventory as CSV is for the organisation's staff: ask for JSON"));
      }
      if (q.as_of) {
        return ErrorResponse(ValidationError("as_of", "the inventory as CSV is the current state"));
      }
      return PartiesCsv(k, std::move(q), std::move(inventory));
    }
  }
  if (spec->kind == "review") {
    if (Status f = ReviewFilters(ctx, k.deps.clock.Now(), q); !f.ok()) {
      return ErrorResponse(f.error());
    }
  }
  finding_filters::Filter finding_filter;
  if (spec->kind == "finding") {
    auto f = finding_filters::Parse(ctx, k.deps.clock.Now(), q);
    if (!f.ok()) return ErrorResponse(f.error());
    finding_filter = std::move(*f);
  }
  json::object body;
  Status s = k.deps.store.Read([&](storage::Tx& tx) -> Status {
    if (k.under_party) {
      q.party_id = ctx.path_params.at("party_id");
      auto party = storage::GetObject(tx, "party", q.party_id, scope, q.as_of);
      if (!party.ok()) return std::move(party).error();
      if (!party->has_value()) return NotFound("party " + q.party_id);
    }
    auto result = finding_filter ? finding_filters::ListMatching(tx, q, scope, finding_filter)
                                 : ListPage(tx, q, inventory, scope);
    if (!result.ok()) return std::move(result).error();
    if (!scope.org_wide()) {
      for (auto& o : result->items) domain::RemoveInternalFields(spec->fields, o.doc);
    }
    body = PageJson(*result);
    if (is_party && scope.org_wide() && !q.as_of) {
      ACCORD_TRY(party_inventory::AddInventory(tx, body["items"].as_array()));
    }
    storage::NameCache names(tx);
    storage::Viewer viewer = ViewerOf(*ctx.principal, k.deps);
    for (auto& item : body["items"].as_array()) {
      ACCORD_TRY(storage::DecorateView(tx, names, viewer, spec->kind, item.as_object(), false,
                                       k.deps.clock.Now(), q.as_of));
    }
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(body);
}

void CreateKind(KindState& k, Context&& ctx, Reply reply) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return reply(ErrorResponse(body.error()));
  k.deps.log.Submit(
      [kind = k.spec->kind, scope = ScopeOf(*ctx.principal), actor = ActorOf(*ctx.principal),
       parent = k.under_party ? ctx.path_params.at("party_id") : "",
       body = std::move(*body)](storage::CommandContext& c) {
        return storage::CreateRegistryObject(c, kind, parent, body, actor, scope);
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r, 201)); });
}

Response GetKind(KindState& k, Context& ctx) {
  const domain::KindSpec* spec = k.spec;
  auto as_of = ParseAsOf(ctx);
  if (!as_of.ok()) return ErrorResponse(as_of.error());
  const std::string& id = ctx.path_params.at("id");
  Scope scope = ScopeOf(*ctx.principal);
  json::value body;
  Status s = k.deps.store.Read([&](storage::Tx& tx) -> Status {
    auto o = storage::GetObject(tx, spec->kind, id, scope, *as_of);
    if (!o.ok()) return std::move(o).error();
    if (!o->has_value()) return NotFound(domain::KindTitle(*spec) + " " + id);
    if (!scope.org_wide()) domain::RemoveInternalFields(spec->fields, (*o)->doc);
    json::object view = ObjectJson(**o);
    storage::NameCache names(tx);
    ACCORD_TRY(storage::DecorateView(tx, names, ViewerOf(*ctx.principal, k.deps), spec->kind, view,
                                     true, k.deps.clock.Now(), *as_of));
    body = std::move(view);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(body);
}

void WriteKind(KindState& k, bool is_delete, Context&& ctx, Reply reply) {
  json::object body;
  if (!is_delete) {
    auto parsed = ParseJsonObject(ctx.request.body);
    if (!parsed.ok()) return reply(ErrorResponse(parsed.error()));
    body = std::move(*parsed);
  }
  k.deps.log.Submit(
      [kind = k.spec->kind, scope = ScopeOf(*ctx.principal), actor = ActorOf(*ctx.principal),
       id = ctx.path_params.at("id"), body = std::move(body),
       is_delete](storage::CommandContext& c) {
        return is_delete ? storage::DeleteRegistryObject(c, kind, id, actor, scope)
                         : storage::PatchRegistryObject(c, kind, id, body, actor, scope);
      },
      [reply = std::move(reply)](Result<json::value> r) { reply(ToResponse(r)); });
}

void PatchKind(KindState& k, Context&& ctx, Reply reply) {
  WriteKind(k, false, std::move(ctx), std::move(reply));
}

void DeleteKind(KindState& k, Context&& ctx, Reply reply) {
  WriteKind(k, true, std::move(ctx), std::move(reply));
}

// A kind's routes: its collection (list, create) and its items (get, patch, delete).
void AddKindRoutes(Router& router, ApiDeps& deps, const KindRoutes& k) {
  const domain::KindSpec& spec = *k.spec;
  bool under_party = !spec.parent_kind.empty();
  auto state = std::make_shared<KindState>(KindState{deps, k.spec, under_party});
  std::string collection =
      (under_party ? "/api/v1/parties/{party_id}/" : "/api/v1/") + k.collection;
  std::string item = "/api/v1/" + k.collection + "/{id}";
  std::string title = domain::KindTitle(spec);
  json::object view = schema::KindRef(spec.kind);

  std::vector<ParamDoc> list_params = ListParams(spec);
  if (under_party)
    list_params.insert(list_params.begin(), {"party_id", "path", "string", true, "party"});
  router.Add(ReadRoute(collection, k.read_roles, Json(schema::Page(view)))
                 .Summary("List " + k.collection + " (filters, ?q= search, cursor pages, ?as_of=N)")
                 .Tag("registry")
                 .Params(std::move(list_params))
                 .Handle(state, ListKind));
  if (spec.generic_write) {
    RouteSpec create = CommandRoute("POST", collection, k.write_roles,
                                    JsonBody(domain::SchemaOf(spec.fields, false)), Json(view, 201))
                           .Summary("Create " + domain::WithArticle(title) +
                                    " (a ledger event: " + spec.kind + ".created)")
                           .Tag("registry");
    if (under_party) create.Path("party_id", "party");
    router.Add(create.Handle(state, CreateKind));
  }
  router.Add(ReadRoute(item, k.read_roles, Json(view))
                 .Summary("One " + title + " (?as_of=N: as it was at ledger size N)")
                 .Tag("registry")
                 .Path("id", title + " id")
                 .Query("as_of", "ledger size: the state back then", "integer")
                 .Handle(state, GetKind));
  if (k.write_roles == kNobody || !spec.generic_write) return;
  router.Add(CommandRoute("PATCH", item, k.write_roles,
                          JsonBody(domain::SchemaOf(spec.fields, true)), Json(view))
                 .Summary("Change " + domain::WithArticle(title) +
                          "; absent fields keep their value, null clears")
                 .Tag("registry")
                 .Path("id", title + " id")
                 .Handle(state, PatchKind));
  router.Add(CommandRoute("DELETE", item, k.write_roles, NoBody(), Json(schema::Deleted()))
                 .Summary("Delete " + domain::WithArticle(title) +
                          " entered by mistake (history stays in the ledger)")
                 .Tag("registry")
                 .Path("id", title + " id")
                 .Handle(state, DeleteKind));
}

// GET /api/v1/parties/{id}/timeline: the ledger events about a party and what is filed under
// it, newest first, limited to the kinds the caller may read (grants: every reader).
Response Timeline(ApiDeps& deps, Context& ctx) {
  auto page = ParsePage(ctx);
  if (!page.ok()) return ErrorResponse(page.error());
  std::vector<std::string> kinds = {"grant"};
  for (const auto& k : AllKindRoutes()) {
    if (k.read_roles.Has(ctx.principal->role)) kinds.push_back(k.spec->kind);
  }
  const std::string& id = ctx.path_params.at("id");
  int64_t before = page->after.value_or(INT64_MAX);
  json::array items;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto party = storage::GetObject(tx, "party", id, ScopeOf(*ctx.principal));
    if (!party.ok()) return std::move(party).error();
    if (!party->has_value()) return NotFound("party " + id);
    auto entries = storage::PartyTimeline(tx, id, kinds, before, static_cast<int64_t>(page->limit));
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
  for (const auto& k : AllKindRoutes()) AddKindRoutes(router, deps, k);
  AddDocumentRoutes(router, deps);
  using namespace schema;
  router.Add(
      ReadRoute("/api/v1/parties/{id}/timeline", kOrgReaders,  // our events: not for its contacts
                Json(schema::Page(Object({
                    {"index", Int()},
                    {"type", Text("the event type, noun.verb_past")},
                    {"at", Time()},
                    {"subject", Object({{"kind", String()}, {"id", String()}, {"name", String()}})},
                    {"actor", Nullable(ActorRef())},
                }))))
          .Summary("The party's timeline: ledger events about it and its objects, newest first")
          .Tag("registry")
          .Path("id", "party")
          .Paged()
          .Handle(deps, Timeline));
}

}  // namespace accord::http
