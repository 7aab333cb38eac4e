#include "accord/storage/registry_commands.h"

#include <algorithm>
#include <boost/json.hpp>

#include "accord/core/ids.h"
#include "accord/domain/registry.h"
#include "accord/storage/data_commitments.h"
#include "accord/storage/ledger_tables.h"
#include "accord/workflow/agreement.h"
#include "accord/workflow/lifecycle.h"
#include "accord/workflow/party.h"

namespace accord::storage {

namespace json = boost::json;

namespace {

// --- references and rules that need the store ------------------------------------------

Status CheckLive(Tx& tx, std::string_view kind, std::string_view id, const std::string& field,
                 const std::string& party_id, std::vector<ErrorDetail>& details) {
  auto o = GetObject(tx, kind, id, Scope{party_id});
  if (!o.ok()) return std::move(o).error();
  if (!o->has_value())
    details.push_back({field, "no " + std::string(kind) + " has id " + std::string(id), {}});
  return Ok();
}

Status CheckReferences(Tx& tx, const domain::KindSpec& spec, const json::object& state,
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
  if (spec.kind == "data_commitment") {
    std::string kind = domain::StateString(state, "evidence_kind");
    if (std::string id = domain::StateString(state, "evidence_id"); !id.empty()) {
      ACCORD_TRY(CheckLive(tx,
                           kind == "document"        ? "document"
                           : kind == "certification" ? "certification"
                                                     : "agreement",
                           id, "evidence_id", "", details));
    }
  }
  return Ok();
}

// TR-11: a subprocessor is published only when its agreements in force make every data-use
// commitment we publish that applies to it, or an officer recorded why it may stay unbound.
Status CheckPublishable(Tx& tx, const json::object& party, TimePoint now) {
  const json::value* flag = party.if_contains("public_subprocessor");
  if (!flag || !flag->is_bool() || !flag->as_bool()) return Ok();
  auto gaps = CommitmentGaps(tx, party, now);
  if (!gaps.ok()) return std::move(gaps).error();
  if (gaps->empty()) return Ok();
  std::vector<ErrorDetail> details;
  std::string words;
  for (const auto& g : *gaps) {
    words += (words.empty() ? "" : "; ") + DataUseWords(g.key);
    details.push_back({"public_subprocessor",
                       "its agreements in force do not commit it to " + DataUseWords(g.key) +
                           " (data_use." + g.key + "), which we publish: \"" + g.statement +
                           "\"; add the clause to its agreement, or record an exception with a "
                           "reason in commitment_exceptions",
                       {}});
  }
  return Error{ErrorCode::kConflict,
               "public_subprocessor: " + domain::StateString(party, "name") +
                   " cannot be published: it is not bound to " + words,
               std::move(details)};
}

Status CheckUniqueName(Tx& tx, const domain::KindSpec& spec, const json::object& state) {
  if (!spec.unique_name) return Ok();
  std::string name = domain::StateString(state, spec.name_field);
  auto existing = FindLiveByName(tx, spec.kind, name, domain::StateString(state, "id"));
  if (!existing.ok()) return std::move(existing).error();
  if (!existing->has_value()) return Ok();
  return Error{ErrorCode::kConflict,
               spec.name_field + ": " + domain::WithArticle(domain::KindTitle(spec)) + " named '" +
                   name + "' already exists (" + **existing + ")",
               {{spec.name_field, "already used by " + **existing, {}}}};
}

// Deleting is for mistakes; a relationship that ended is offboarded or terminated instead,
// so its history stays readable.
Status CheckDeletable(Tx& tx, const domain::KindSpec& spec, const StoredObject& o) {
  std::string status = domain::StateString(o.doc, spec.status_field);
  if (spec.kind == "party") {
    auto state = workflow::party::ParseState(status);
    if (!state || !workflow::party::Deletable(*state)) {
      return Error{ErrorCode::kConflict,
                   "only a prospect can be deleted; set status to offboarded instead",
                   {{"status", "is " + status, {}}}};
    }
    auto children = tx.QueryOne(
        "SELECT COUNT(*) FROM rm_objects WHERE party_id = ? AND kind <> 'party' AND to_idx = ?",
        {o.id, kOpenVersion});
    if (!children.ok()) return std::move(children).error();
    if ((*children)->Int(0) > 0) {
      return Error{ErrorCode::kConflict,
                   "the party still has services, contacts, agreements or records; delete "
                   "those first or offboard the party",
                   {{"party", "has " + std::to_string((*children)->Int(0)) + " live objects", {}}}};
    }
  }
  if (spec.kind == "agreement") {
    auto state = workflow::agreement::ParseState(status);
    if (!state || !workflow::agreement::Deletable(*state)) {
      return Error{ErrorCode::kConflict,
                   "only a draft agreement can be deleted; terminate it instead",
                   {{"status", "is " + status, {}}}};
    }
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

Result<json::value> Create(CommandContext& c, const WriteRequest& w) {
  const auto& spec = *w.spec;
  if (!spec.parent_kind.empty()) {
    auto parent = GetObject(c.tx(), spec.parent_kind, w.parent_id, w.scope);
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
  if (spec.kind == "party") ACCORD_TRY(CheckPublishable(c.tx(), *state, c.Now()));
  std::string id = domain::StateString(*state, "id");
  auto index = c.Append(domain::Event{.type = spec.kind + ".created",
                                      .actor = w.actor,
                                      .subject = {spec.kind, id},
                                      .payload = json::object{{"state", *state}}});
  if (!index.ok()) return std::move(index).error();
  return json::value(
      ObjectView(StoredObject{id, "", "", static_cast<int64_t>(*index), std::move(*state)}));
}

Result<json::value> Patch(CommandContext& c, const WriteRequest& w) {
  const auto& spec = *w.spec;
  auto current = GetObject(c.tx(), spec.kind, w.id, w.scope);
  if (!current.ok()) return std::move(current).error();
  if (!current->has_value()) return NotFound(domain::KindTitle(spec) + " " + w.id);
  std::vector<std::string> changed;
  auto state =
      domain::PatchObject(spec, (*current)->doc, w.body, c.Now(), changed, workflow::NextStatuses);
  if (!state.ok()) return std::move(state).error();
  if (changed.empty()) return json::value(ObjectView(**current));
  std::vector<ErrorDetail> details;
  ACCORD_TRY(CheckReferences(c.tx(), spec, *state, details));
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  ACCORD_TRY(CheckUniqueName(c.tx(), spec, *state));
  if (spec.kind == "party" &&
      std::find(changed.begin(), changed.end(), "public_subprocessor") != changed.end()) {
    ACCORD_TRY(CheckPublishable(c.tx(), *state, c.Now()));
  }
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
      ObjectView(StoredObject{w.id, "", "", static_cast<int64_t>(*index), std::move(*state)}));
}

Result<json::value> Delete(CommandContext& c, const WriteRequest& w) {
  const auto& spec = *w.spec;
  auto current = GetObject(c.tx(), spec.kind, w.id, w.scope);
  if (!current.ok()) return std::move(current).error();
  if (!current->has_value()) return NotFound(domain::KindTitle(spec) + " " + w.id);
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

}  // namespace

json::object ObjectView(const StoredObject& o) {
  json::object out = o.doc;
  out["ledger_index"] = o.from_idx;
  return out;
}

Result<json::value> CreateRegistryObject(CommandContext& c, std::string_view kind,
                                         std::string parent_id, json::object body,
                                         const domain::Actor& actor, const Scope& scope) {
  const domain::KindSpec* spec = domain::FindKind(kind);
  if (!spec) return Internal("unknown registry kind " + std::string(kind));
  return Create(c, WriteRequest{spec, scope, actor, "", std::move(parent_id), std::move(body)});
}

Result<json::value> PatchRegistryObject(CommandContext& c, std::string_view kind, std::string id,
                                        json::object body, const domain::Actor& actor,
                                        const Scope& scope) {
  const domain::KindSpec* spec = domain::FindKind(kind);
  if (!spec) return Internal("unknown registry kind " + std::string(kind));
  return Patch(c, WriteRequest{spec, scope, actor, std::move(id), "", std::move(body)});
}

Result<json::value> DeleteRegistryObject(CommandContext& c, std::string_view kind, std::string id,
                                         const domain::Actor& actor, const Scope& scope) {
  const domain::KindSpec* spec = domain::FindKind(kind);
  if (!spec) return Internal("unknown registry kind " + std::string(kind));
  return Delete(c, WriteRequest{spec, scope, actor, std::move(id), "", {}});
}

}  // namespace accord::storage
