#include "accord/storage/answer_library.h"

#include <boost/json.hpp>
#include <set>

#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/compliance_catalog.h"
#include "accord/domain/registry.h"
#include "accord/storage/object_views.h"
#include "accord/storage/registry_store.h"
#include "accord/workflow/answer_library.h"

namespace accord::storage {

namespace json = boost::json;
namespace wf = workflow::library_answer;
using domain::StateString;

namespace {

constexpr size_t kMaxQuestion = 2000;
constexpr size_t kMaxAnswer = 20000;
constexpr size_t kMaxEvidence = 20;

Result<std::string> Text(const json::object& body, std::string_view field, size_t max,
                         bool required) {
  const json::value* v = body.if_contains(field);
  if (!v || v->is_null()) {
    if (required) return ValidationError(std::string(field), "is required");
    return std::string();
  }
  if (!v->is_string()) return ValidationError(std::string(field), "must be a string");
  std::string s(v->as_string());
  if (required && s.find_first_not_of(" \t\r\n") == std::string::npos) {
    return ValidationError(std::string(field), "must not be empty");
  }
  if (s.size() > max) {
    return ValidationError(std::string(field),
                           "is longer than " + std::to_string(max) + " characters");
  }
  return s;
}

// One evidence link: our document, certification or a control of the compliance catalog.
Result<json::object> Evidence(Tx& tx, const json::value& v, size_t i) {
  std::string at = "evidence[" + std::to_string(i) + "]";
  if (!v.is_object()) return ValidationError(at, "must be an object {kind, id, note}");
  const json::object& o = v.as_object();
  for (const auto& [k, _] : o) {
    if (k != "kind" && k != "id" && k != "note") {
      return ValidationError(at + "." + std::string(k), "is not a field of an evidence link");
    }
  }
  std::string kind = StateString(o, "kind"), id = StateString(o, "id");
  auto note = Text(o, "note", 500, false);
  if (!note.ok()) return ValidationError(at + ".note", note.error().details.at(0).reason);
  if (id.empty()) return ValidationError(at + ".id", "is required");
  json::object out{{"kind", kind}, {"id", id}, {"note", *note}};
  if (kind == "control") {
    const auto* control = domain::BuiltinCatalog().Find(id);
    if (!control) {
      return ValidationError(at + ".id", "is not a control of the compliance catalog");
    }
    out["title"] = control->title;
    return out;
  }
  if (kind != "document" && kind != "certification") {
    return ValidationError(at + ".kind", "must be document, certification or control");
  }
  auto object = GetObject(tx, kind, id, Scope{});
  if (!object.ok()) return std::move(object).error();
  if (!object->has_value()) return ValidationError(at + ".id", "no " + kind + " has this id");
  if (!(*object)->party_id.empty()) {
    return ValidationError(at + ".id", "is a party's document, not one of ours");
  }
  std::string title = StateString((*object)->doc, kind == "document" ? "filename" : "name");
  out["title"] = title;
  return out;
}

// When a link was added and by whom: kept from the answer's previous version when the same
// record stays linked, else now and the writer.
void Stamp(json::object& link, const json::object& state, const domain::Actor& actor,
           const std::string& now) {
  if (const json::value* old = state.if_contains("evidence"); old && old->is_array()) {
    for (const auto& v : old->as_array()) {
      if (!v.is_object()) continue;
      const json::object& o = v.as_object();
      if (StateString(o, "kind") != StateString(link, "kind") ||
          StateString(o, "id") != StateString(link, "id") || !o.contains("added_at")) {
        continue;
      }
      link["added_at"] = o.at("added_at");
      link["added_by"] = o.at("added_by");
      return;
    }
  }
  link["added_at"] = now;
  link["added_by"] = domain::ActorJson(actor);
}

// Applies the body's fields to `state`; `creating` requires question and answer.
Status ApplyFields(Tx& tx, const json::object& body, json::object& state, bool creating,
                   const domain::Actor& actor, const std::string& now) {
  static const std::set<std::string, std::less<>> kFields = {"action",   "question", "answer",
                                                             "evidence", "owner_id", "comment"};
  for (const auto& [k, _] : body) {
    if (!kFields.contains(std::string_view(k))) {
      return ValidationError(std::string(k), "is not a field of a library answer");
    }
  }
  for (auto [field, max] : {std::pair{"question", kMaxQuestion}, {"answer", kMaxAnswer}}) {
    if (!creating && !body.contains(field)) continue;
    auto text = Text(body, field, max, true);
    if (!text.ok()) return std::move(text).error();
    state[field] = *text;
  }
  if (const json::value* ev = body.if_contains("evidence")) {
    if (!ev->is_array()) return ValidationError("evidence", "must be a list of links");
    if (ev->as_array().size() > kMaxEvidence) {
      return ValidationError("evidence", "holds more than 20 links");
    }
    json::array links;
    for (size_t i = 0; i < ev->as_array().size(); ++i) {
      auto link = Evidence(tx, ev->as_array()[i], i);
      if (!link.ok()) return std::move(link).error();
      Stamp(*link, state, actor, now);
      links.push_back(std::move(*link));
    }
    state["evidence"] = std::move(links);
  } else if (creating) {
    state["evidence"] = json::array{};
  }
  if (const json::value* owner = body.if_contains("owner_id"); owner && !owner->is_null()) {
    if (!owner->is_string()) return ValidationError("owner_id", "must be an account's id");
    std::string id(owner->as_string());
    auto user = GetObject(tx, "user", id, Scope{});
    if (!user.ok()) return std::move(user).error();
    if (!user->has_value()) return ValidationError("owner_id", "no account has this id");
    if (StateString((*user)->doc, "role") == "third_party_contact") {
      return ValidationError("owner_id", "must be one of our own people, not a party's contact");
    }
    state["owner_id"] = id;
  }
  return Ok();
}

// The answer as the viewer sees it: what they may do, and people's names beside their ids.
Result<json::object> View(NameCache& names, json::object state, const LibraryViewer& viewer) {
  json::array actions;
  if (auto s = wf::ParseState(StateString(state, "status"))) {
    for (auto a : wf::AllowedActions(viewer.role, viewer.break_glass, *s)) {
      actions.emplace_back(wf::Name(a));
    }
  }
  state["allowed_actions"] = std::move(actions);
  ACCORD_TRY(names.Name(state));
  return state;
}

Result<std::optional<json::object>> Current(Tx& tx, const std::string& id) {
  auto row = tx.QueryOne("SELECT doc FROM rm_library_answers WHERE id = ?", {id});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<json::object>();
  return std::optional<json::object>(json::parse((*row)->Text(0)).as_object());
}

Result<json::object> Record(CommandContext& c, const domain::Actor& actor,
                            const LibraryViewer& viewer, const std::string& type,
                            json::object state) {
  std::string id = StateString(state, "id");
  auto index = c.Append(domain::Event{.type = type,
                                      .actor = actor,
                                      .subject = {"library_answer", id},
                                      .payload = json::object{{"state", state}}});
  if (!index.ok()) return std::move(index).error();
  NameCache names(c.tx());
  return View(names, std::move(state), viewer);
}

}  // namespace

Result<json::object> CreateLibraryAnswer(CommandContext& c, const domain::Actor& actor,
                                         const LibraryViewer& viewer, const json::object& body) {
  if (auto refusal = wf::RoleRefusal(viewer.role, viewer.break_glass)) return *refusal;
  std::string now = FormatRfc3339(c.Now());
  json::object state{{"id", NewId("ans", c.Now())},
                     {"status", wf::Name(wf::State::kDraft)},
                     {"version", 1},
                     {"owner_id", actor.id},
                     {"created_at", now},
                     {"created_by", domain::ActorJson(actor)},
                     {"updated_at", now},
                     {"updated_by", domain::ActorJson(actor)},
                     {"approved_at", nullptr},
                     {"approved_by", nullptr}};
  ACCORD_TRY(ApplyFields(c.tx(), body, state, true, actor, now));
  return Record(c, actor, viewer, "library_answer.created", std::move(state));
}

Result<json::object> LibraryAnswerAction(CommandContext& c, const domain::Actor& actor,
                                         const LibraryViewer& viewer, const std::string& id,
                                         const json::object& body) {
  auto current = Current(c.tx(), id);
  if (!current.ok()) return std::move(current).error();
  if (!current->has_value()) return NotFound("library answer " + id);
  json::object state = std::move(**current);
  std::string name = StateString(body, "action");
  auto action = wf::ParseAction(name);
  if (!action) return ValidationError("action", "must be revise, approve or retire");
  if (auto refusal = wf::RoleRefusal(viewer.role, viewer.break_glass)) return *refusal;
  auto from = wf::ParseState(StateString(state, "status")).value_or(wf::State::kDraft);
  auto to = wf::Next(from, *action);
  if (!to) {
    return Error{ErrorCode::kConflict,
                 "the answer is " + std::string(wf::Name(from)) + ": it cannot be " + name +
                     "d; possible: " + wf::PossibleActions(from),
                 {{"action", "possible: " + wf::PossibleActions(from), {}}}};
  }
  std::string now = FormatRfc3339(c.Now());
  if (*action == wf::Action::kRevise) {
    ACCORD_TRY(ApplyFields(c.tx(), body, state, false, actor, now));
    state["version"] = state.at("version").to_number<int64_t>() + 1;
    state["approved_at"] = nullptr;
    state["approved_by"] = nullptr;
  } else {
    for (const auto& [k, _] : body) {
      if (k != "action" && k != "comment") {
        return ValidationError(std::string(k), "only revise takes an answer's fields");
      }
    }
  }
  if (*action == wf::Action::kApprove) {
    state["approved_at"] = now;
    state["approved_by"] = domain::ActorJson(actor);
  }
  state["status"] = wf::Name(*to);
  state["updated_at"] = now;
  state["updated_by"] = domain::ActorJson(actor);
  std::string type = *action == wf::Action::kRevise    ? "library_answer.revised"
                     : *action == wf::Action::kApprove ? "library_answer.approved"
                                                       : "library_answer.retired";
  return Record(c, actor, viewer, type, std::move(state));
}

Result<json::array> ListLibraryAnswers(Tx& tx, const LibraryViewer& viewer,
                                       const std::string& status, const std::string& q,
                                       size_t limit) {
  std::string like = "%" + q + "%";
  auto rows = tx.Query(
      "SELECT doc FROM rm_library_answers WHERE (? = '' OR status = ?) AND "
      "(? = '' OR LOWER(question) LIKE LOWER(?) OR LOWER(answer) LIKE LOWER(?)) "
      "ORDER BY id LIMIT ?",
      {status, status, q, like, like, static_cast<int64_t>(limit)});
  if (!rows.ok()) return std::move(rows).error();
  json::array out;
  NameCache names(tx);
  for (const auto& r : *rows) {
    auto view = View(names, json::parse(r.Text(0)).as_object(), viewer);
    if (!view.ok()) return std::move(view).error();
    out.push_back(std::move(*view));
  }
  return out;
}

Result<std::optional<json::object>> GetLibraryAnswer(Tx& tx, const LibraryViewer& viewer,
                                                     const std::string& id) {
  auto current = Current(tx, id);
  if (!current.ok() || !current->has_value()) return current;
  auto rows = tx.Query(
      "SELECT doc, ledger_index FROM rm_library_answer_versions WHERE id = ? ORDER BY version",
      {id});
  if (!rows.ok()) return std::move(rows).error();
  json::array versions;
  for (const auto& r : *rows) {
    json::object v = json::parse(r.Text(0)).as_object();
    v["ledger_index"] = r.Int(1);
    versions.push_back(std::move(v));
  }
  NameCache names(tx);
  auto view = View(names, std::move(**current), viewer);
  if (!view.ok()) return std::move(view).error();
  (*view)["versions"] = std::move(versions);
  return std::optional<json::object>(std::move(*view));
}

Result<std::vector<json::object>> ApprovedLibraryAnswers(Tx& tx) {
  std::vector<json::object> out;
  Status s = tx.ForEach("SELECT doc FROM rm_library_answers WHERE status = 'approved' ORDER BY id",
                        {}, [&](const Row& r) {
                          out.push_back(json::parse(r.Text(0)).as_object());
                          return true;
                        });
  if (!s.ok()) return std::move(s).error();
  return out;
}

}  // namespace accord::storage
