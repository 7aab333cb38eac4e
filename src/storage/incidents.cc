#include "accord/storage/incidents.h"

#include <boost/json.hpp>

#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/object_views.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/reviews.h"
#include "accord/storage/status.h"
#include "accord/workflow/incident.h"
#include "review_support.h"

namespace accord::storage {

namespace json = boost::json;
using domain::FieldSpec;
using domain::FieldType;
using domain::StateString;
namespace wf = workflow::incident;

namespace {

// A timeline longer than this is a second incident, or a chat: refuse rather than grow the
// row (and each event, which carries the whole state) without bound.
constexpr size_t kMaxUpdates = 500;

std::vector<std::string> Values(const auto& all) { return {std::begin(all), std::end(all)}; }

FieldSpec SeverityField(bool required) {
  return {.name = "severity",
          .type = FieldType::kEnum,
          .required = required,
          .values = Values(kIncidentSeverities),
          .description = "how bad it is for us: critical, high, medium, low"};
}
FieldSpec ImpactField() {
  return {.name = "impact",
          .type = FieldType::kEnum,
          .values = Values(kIncidentImpacts),
          .description = "the public page's word for it (Statuspage); default from the severity"};
}
FieldSpec CategoryField() {
  return {.name = "category", .type = FieldType::kEnum, .values = Values(kIncidentCategories)};
}

std::string ImpactOf(const std::string& severity) {
  if (severity == "critical") return "critical";
  if (severity == "high") return "major";
  if (severity == "medium") return "minor";
  return "none";
}

json::array ArrayField(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v != nullptr && v->is_array() ? v->as_array() : json::array();
}

// [{id, name}] for the ids of `field`, each checked to exist (422 naming the item otherwise).
Result<json::array> Named(Tx& tx, const json::object& body, std::string_view field) {
  json::array out;
  json::array ids = ArrayField(body, field);
  for (size_t i = 0; i < ids.size(); ++i) {
    std::string id(ids[i].as_string());
    std::string where = std::string(field) + "[" + std::to_string(i) + "]";
    std::string name;
    if (field == "component_ids") {
      auto comp = GetStatusComponent(tx, id);
      if (!comp.ok()) return std::move(comp).error();
      if (!comp->has_value()) return ValidationError(where, "no status component has this id");
      name = (*comp)->name;
    } else if (field == "party_ids") {
      auto n = review_support::PartyName(tx, id);
      if (!n.ok()) {
        if (n.error().code == ErrorCode::kNotFound) {
          return ValidationError(where, "no party has this id");
        }
        return std::move(n).error();
      }
      name = *n;
    } else {
      auto sys = GetObject(tx, "system", id, Scope{});
      if (!sys.ok()) return std::move(sys).error();
      if (!sys->has_value()) return ValidationError(where, "no system has this id");
      name = StateString((*sys)->doc, "name");
    }
    out.push_back(json::object{{"id", id}, {"name", name}});
  }
  return out;
}

Status Write(Tx& tx, const json::object& state, bool first) {
  std::string id = StateString(state, "id");
  std::string public_at;
  for (const auto& u : ArrayField(state, "updates")) {
    if (StateString(u.as_object(), "visibility") == "public") {
      public_at = StateString(u.as_object(), "created_at");
      break;
    }
  }
  auto n = tx.Exec(
      "INSERT INTO incidents(id, status, severity, discovered_at, declared_at, resolved_at, "
      "public_at, updated_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE "
      "SET status = excluded.status, severity = excluded.severity, resolved_at = "
      "excluded.resolved_at, public_at = excluded.public_at, updated_at = excluded.updated_at, "
      "state = excluded.state",
      {id, StateString(state, "status"), StateString(state, "severity"),
       StateString(state, "discovered_at"), StateString(state, "declared_at"),
       StateString(state, "resolved_at"), public_at, StateString(state, "updated_at"),
       json::serialize(state)});
  if (!n.ok()) return std::move(n).error();
  if (!first) return Ok();
  for (const auto& p : ArrayField(state, "parties")) {
    auto ins = tx.Exec("INSERT INTO incident_parties(incident_id, party_id) VALUES (?, ?)",
                       {id, StateString(p.as_object(), "id")});
    if (!ins.ok()) return std::move(ins).error();
  }
  return Ok();
}

// The body checked against `fields` (every problem at once), normalised (times as RFC 3339).
Result<json::object> Validated(const std::vector<FieldSpec>& fields, const json::object& body) {
  json::object out;
  std::vector<ErrorDetail> details;
  domain::ValidateFields(fields, body, false, "", out, details);
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  return out;
}

Result<json::object> Save(CommandContext& c, const domain::Actor& actor, const std::string& verb,
                          const json::object& state, bool first) {
  ACCORD_TRY(Write(c.tx(), state, first));
  auto index = review_support::AppendState(c, "incident", "incident." + verb, actor, state);
  if (!index.ok()) return std::move(index).error();
  json::object view = IncidentView(state, IncidentViewer{actor.role, ""});
  NameCache names(c.tx());
  ACCORD_TRY(names.Name(view));  // names beside the actors' ids, never stored
  return view;
}

}  // namespace

const std::vector<FieldSpec>& IncidentDeclareFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "title", .required = true, .max_length = 200},
      {.name = "description", .type = FieldType::kText, .max_length = 8000},
      SeverityField(true),
      ImpactField(),
      CategoryField(),
      {.name = "component_ids",
       .type = FieldType::kIdList,
       .max_length = 50,
       .description = "status components it touches"},
      {.name = "system_ids", .type = FieldType::kIdList, .max_length = 50},
      {.name = "party_ids",
       .type = FieldType::kIdList,
       .max_length = 200,
       .description = "vendors and customers involved; their contacts see its public updates"},
      {.name = "discovered_at", .type = FieldType::kTime, .required = true},
  };
  return kFields;
}

const std::vector<FieldSpec>& IncidentClassifyFields() {
  static const std::vector<FieldSpec> kFields = {
      SeverityField(false),
      ImpactField(),
      CategoryField(),
      {.name = "comment", .type = FieldType::kText, .max_length = 4000}};
  return kFields;
}

const std::vector<FieldSpec>& IncidentUpdateFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "body", .type = FieldType::kText, .required = true, .max_length = 8000},
      {.name = "visibility",
       .type = FieldType::kEnum,
       .required = true,
       .values = {"internal", "public"},
       .description = "public updates appear on the status page and to the parties involved"},
      {.name = "status",
       .type = FieldType::kEnum,
       .values = {"investigating", "identified", "monitoring"},
       .description = "the incident's new state (default: unchanged)"},
  };
  return kFields;
}

const std::vector<FieldSpec>& IncidentResolveFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "body", .type = FieldType::kText, .required = true, .max_length = 8000},
      {.name = "visibility",
       .type = FieldType::kEnum,
       .required = true,
       .values = {"internal", "public"}},
  };
  return kFields;
}

const std::vector<FieldSpec>& IncidentPostmortemFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "root_cause", .type = FieldType::kText, .required = true, .max_length = 8000},
      {.name = "lessons", .type = FieldType::kText, .required = true, .max_length = 8000},
      {.name = "action_items",
       .type = FieldType::kObjectList,
       .max_length = 50,
       .fields = {{.name = "title", .required = true, .max_length = 200},
                  {.name = "owner_id", .type = FieldType::kId, .required = true},
                  {.name = "due_at", .type = FieldType::kTime, .required = true},
                  SeverityField(false)},
       .description = "each becomes a finding, owned and due as given"},
  };
  return kFields;
}

Result<json::object> DeclareIncident(CommandContext& c, const domain::Actor& actor,
                                     const json::object& raw) {
  if (auto no = wf::RoleRefusal(actor.role)) return *no;
  auto checked = Validated(IncidentDeclareFields(), raw);
  if (!checked.ok()) return std::move(checked).error();
  const json::object& body = *checked;
  const std::string now = FormatRfc3339(c.Now());
  const std::string discovered = StateString(body, "discovered_at");
  if (discovered > now) return ValidationError("discovered_at", "must not be in the future");
  auto components = Named(c.tx(), body, "component_ids");
  if (!components.ok()) return std::move(components).error();
  auto systems = Named(c.tx(), body, "system_ids");
  if (!systems.ok()) return std::move(systems).error();
  auto parties = Named(c.tx(), body, "party_ids");
  if (!parties.ok()) return std::move(parties).error();
  const std::string severity = StateString(body, "severity");
  std::string impact = StateString(body, "impact");
  if (impact.empty()) impact = ImpactOf(severity);
  std::string category = StateString(body, "category");
  json::object state{{"id", NewId("inc", c.Now())},
                     {"title", StateString(body, "title")},
                     {"description", StateString(body, "description")},
                     {"severity", severity},
                     {"impact", impact},
                     {"category", category.empty() ? json::value(nullptr) : json::value(category)},
                     {"status", std::string(wf::Name(wf::State::kInvestigating))},
                     {"components", std::move(*components)},
                     {"systems", std::move(*systems)},
                     {"parties", std::move(*parties)},
                     {"discovered_at", discovered},
                     {"declared_at", now},
                     {"declared_by", domain::ActorJson(actor)},
                     {"classified_at", category.empty() ? json::value(nullptr) : json::value(now)},
                     {"resolved_at", ""},
                     {"updates", json::array()},
                     {"postmortem", nullptr},
                     {"created_at", now},
                     {"updated_at", now},
                     {"version", 1}};
  return Save(c, actor, "declared", state, true);
}

Result<json::object> LoadIncident(Tx& tx, const std::string& id) {
  auto row = tx.QueryOne("SELECT state FROM incidents WHERE id = ?", {id});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return NotFound("incident " + id);
  auto state = domain::ParseStateDoc((*row)->Text(0));
  if (!state) return Error{ErrorCode::kInternal, "incident " + id + " is unreadable", {}};
  return std::move(*state);
}

json::object IncidentView(const json::object& state, const IncidentViewer& viewer) {
  json::object v = state;
  json::array allowed;
  if (auto s = wf::ParseState(StateString(state, "status"))) {
    for (auto a : wf::AllowedActions(viewer.role, *s)) allowed.push_back(json::string(wf::Name(a)));
  }
  v["allowed_actions"] = std::move(allowed);
  if (viewer.org_wide()) return v;
  // A party's contact: its own party, public updates, and nothing of our own assessment.
  json::array updates;
  for (const auto& u : ArrayField(state, "updates")) {
    if (StateString(u.as_object(), "visibility") != "public") continue;
    json::object pub = u.as_object();
    pub.erase("author");
    updates.push_back(std::move(pub));
  }
  v["updates"] = std::move(updates);
  json::array own;
  for (const auto& p : ArrayField(state, "parties")) {
    if (StateString(p.as_object(), "id") == viewer.party_id) own.push_back(p);
  }
  v["parties"] = std::move(own);
  v["systems"] = json::array();
  v["description"] = "";
  v["postmortem"] = nullptr;
  v["declared_by"] = nullptr;
  return v;
}

Result<json::object> GetIncident(Tx& tx, const std::string& id, const IncidentViewer& viewer) {
  if (!viewer.org_wide()) {
    auto involved =
        tx.QueryOne("SELECT 1 FROM incident_parties WHERE incident_id = ? AND party_id = ?",
                    {id, viewer.party_id});
    if (!involved.ok()) return std::move(involved).error();
    if (!involved->has_value()) return NotFound("incident " + id);
  }
  auto state = LoadIncident(tx, id);
  if (!state.ok()) return std::move(state).error();
  json::object view = IncidentView(*state, viewer);
  NameCache names(tx);
  ACCORD_TRY(names.Name(view));  // names beside the actors' ids, never stored
  return view;
}

Result<std::vector<json::object>> ListIncidents(Tx& tx, const IncidentViewer& viewer,
                                                const std::string& status, size_t limit) {
  std::string sql = "SELECT i.state FROM incidents i";
  std::vector<Value> args;
  if (!viewer.org_wide()) {
    sql += " JOIN incident_parties p ON p.incident_id = i.id AND p.party_id = ?";
    args.emplace_back(viewer.party_id);
  }
  if (status == "open") {
    sql += " WHERE i.status IN ('investigating', 'identified', 'monitoring')";
  } else if (status == "resolved") {
    sql += " WHERE i.status IN ('resolved', 'postmortem')";
  } else if (!status.empty()) {
    sql += " WHERE i.status = ?";
    args.emplace_back(status);
  }
  sql += " ORDER BY i.declared_at DESC, i.id DESC LIMIT ?";
  args.emplace_back(static_cast<int64_t>(limit));
  std::vector<json::object> out;
  ACCORD_TRY(tx.ForEach(sql, args, [&](const Row& r) {
    if (auto state = domain::ParseStateDoc(r.Text(0))) out.push_back(IncidentView(*state, viewer));
    return true;
  }));
  return out;
}

Result<json::object> IncidentAction(CommandContext& c, const domain::Actor& actor,
                                    const std::string& id, std::string_view action_name,
                                    const json::object& raw, const policy::ReviewsPolicy& policy) {
  auto action = wf::ParseAction(action_name);
  if (!action) return ValidationError("action", "must be classify, update, resolve or postmortem");
  if (auto no = wf::RoleRefusal(actor.role)) return *no;
  const std::vector<FieldSpec>& fields = *action == wf::Action::kClassify ? IncidentClassifyFields()
                                         : *action == wf::Action::kUpdate ? IncidentUpdateFields()
                                         : *action == wf::Action::kResolve
                                             ? IncidentResolveFields()
                                             : IncidentPostmortemFields();
  auto checked = Validated(fields, raw);
  if (!checked.ok()) return std::move(checked).error();
  const json::object& body = *checked;
  auto loaded = LoadIncident(c.tx(), id);
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  auto from = wf::ParseState(StateString(state, "status"));
  if (!from) return Error{ErrorCode::kInternal, "incident " + id + " has no known status", {}};
  auto next = wf::Next(*from, *action);
  if (!next) {
    return review_support::Conflict("the incident is " + std::string(wf::Name(*from)) +
                                        "; possible actions: " + wf::PossibleActions(*from),
                                    "action", "not possible now");
  }
  const std::string now = FormatRfc3339(c.Now());
  json::object update;
  switch (*action) {
    case wf::Action::kClassify: {
      for (const char* key : {"severity", "impact", "category"}) {
        if (body.contains(key)) state[key] = body.at(key);
      }
      if (body.contains("severity") && !body.contains("impact")) {
        state["impact"] = ImpactOf(StateString(body, "severity"));
      }
      state["classified_at"] = now;
      break;
    }
    case wf::Action::kUpdate: {
      auto target = wf::UpdateTarget(*from, StateString(body, "status"));
      if (!target) {
        return ValidationError("status", "a " + std::string(wf::Name(*from)) +
                                             " incident takes updates without a new status");
      }
      next = target;
      break;
    }
    case wf::Action::kResolve:
      state["resolved_at"] = now;
      break;
    case wf::Action::kPostmortem:
      break;  // below: its action items open findings
  }
  if (*action == wf::Action::kUpdate || *action == wf::Action::kResolve) {
    json::array updates = ArrayField(state, "updates");
    if (updates.size() >= kMaxUpdates) {
      return review_support::Conflict(
          "the incident has " + std::to_string(kMaxUpdates) + " updates, the most it keeps", "body",
          "too many updates");
    }
    updates.push_back(json::object{{"id", NewId("upd", c.Now())},
                                   {"status", std::string(wf::Name(*next))},
                                   {"visibility", StateString(body, "visibility")},
                                   {"body", StateString(body, "body")},
                                   {"created_at", now},
                                   {"author", domain::ActorJson(actor)}});
    state["updates"] = std::move(updates);
  }
  if (*action == wf::Action::kPostmortem) {
    json::array items;
    const json::array asked = ArrayField(body, "action_items");
    for (size_t i = 0; i < asked.size(); ++i) {
      const json::object& item = asked[i].as_object();
      std::string where = "action_items[" + std::to_string(i) + "]";
      std::string due = StateString(item, "due_at");
      auto due_at = ParseRfc3339(due);
      if (!due_at.ok() || due <= now) {
        return ValidationError(where + ".due_at", "must be in the future");
      }
      std::string severity = StateString(item, "severity");
      NewFinding f{.title = StateString(item, "title"),
                   .description = "An action item of the postmortem of incident " + id + ": " +
                                  StateString(state, "title"),
                   .severity = severity.empty() ? "medium" : severity,
                   .source_kind = "incident",
                   .source_id = id,
                   .rule = "incident_action_item",
                   .owner_id = StateString(item, "owner_id"),
                   .due = *due_at};
      auto finding = OpenFinding(c, actor, f, policy);
      if (!finding.ok()) {
        Error e = std::move(finding).error();
        for (auto& d : e.details) d.field = where + "." + d.field;
        return e;
      }
      items.push_back(json::object{{"title", f.title},
                                   {"owner_id", f.owner_id},
                                   {"due_at", due},
                                   {"severity", f.severity},
                                   {"finding_id", StateString(*finding, "id")}});
    }
    state["postmortem"] = json::object{{"root_cause", StateString(body, "root_cause")},
                                       {"lessons", StateString(body, "lessons")},
                                       {"action_items", std::move(items)},
                                       {"recorded_at", now},
                                       {"recorded_by", domain::ActorJson(actor)}};
  }
  state["status"] = std::string(wf::Name(*next));
  review_support::Bump(state, c.Now());
  return Save(c, actor, std::string(wf::EventVerb(*action)), state, false);
}

}  // namespace accord::storage
