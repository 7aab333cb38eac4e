// What the portal and the dashboard read of breach assessments (TR-8): the stored state plus
// what the person looking needs (overdue, the party's name, allowed_actions), never stored.
#include <boost/json.hpp>

#include "accord/domain/registry.h"
#include "accord/storage/breaches.h"
#include "accord/storage/registry_store.h"
#include "accord/workflow/breach_assessment.h"
#include "accord/workflow/breach_notice.h"
#include "breach_support.h"
#include "review_support.h"

namespace accord::storage {

namespace json = boost::json;
namespace awf = workflow::breach_assessment;
namespace nwf = workflow::breach_notice;
using domain::StateString;

namespace {

template <class Actions, class NameOf>
json::array Names(const Actions& actions, NameOf name_of) {
  json::array out;
  for (auto a : actions) out.emplace_back(name_of(a));
  return out;
}

Status DecorateNotice(Tx& tx, json::object& n, const std::string& role, bool break_glass,
                      TimePoint now) {
  auto state = nwf::ParseState(StateString(n, "status"));
  auto deadline = breach_support::TimeOf(n, "deadline_at");
  n["overdue"] = state == nwf::State::kDue && deadline && *deadline < now;
  auto name = review_support::PartyName(tx, StateString(n, "party_id"));
  if (!name.ok()) return std::move(name).error();
  n["party_name"] = *name;
  n["allowed_actions"] = state ? Names(nwf::AllowedActions(role, break_glass, *state),
                                       [](nwf::Action a) { return nwf::Name(a); })
                               : json::array{};
  return Ok();
}

Result<json::object> View(Tx& tx, json::object assessment, const std::string& role,
                          bool break_glass, TimePoint now) {
  auto state = awf::ParseState(StateString(assessment, "status"));
  assessment["allowed_actions"] = state ? Names(awf::AllowedActions(role, break_glass, *state),
                                                [](awf::Action a) { return awf::Name(a); })
                                        : json::array{};
  auto notices = breach_support::NoticesOf(tx, assessment);
  if (!notices.ok()) return std::move(notices).error();
  json::array out;
  for (auto& n : *notices) {
    ACCORD_TRY(DecorateNotice(tx, n, role, break_glass, now));
    out.push_back(std::move(n));
  }
  return json::object{{"assessment", std::move(assessment)}, {"notices", std::move(out)}};
}

}  // namespace

Result<std::optional<json::object>> IncidentBreach(Tx& tx, const std::string& incident_id,
                                                   const std::string& role, bool break_glass,
                                                   TimePoint now) {
  auto rows = tx.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'breach_assessment' AND to_idx = ? AND doc LIKE ?",
      {kOpenVersion, "%\"" + incident_id + "\"%"});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& r : *rows) {
    auto doc = domain::ParseStateDoc(r.Text(0));
    if (!doc || StateString(*doc, "incident_id") != incident_id) continue;
    auto view = View(tx, std::move(*doc), role, break_glass, now);
    if (!view.ok()) return std::move(view).error();
    return std::optional<json::object>(std::move(*view));
  }
  return std::optional<json::object>();
}

Result<std::optional<json::object>> BreachById(Tx& tx, const std::string& assessment_id,
                                               const std::string& role, bool break_glass,
                                               TimePoint now) {
  auto o = GetObject(tx, "breach_assessment", assessment_id, Scope{});
  if (!o.ok()) return std::move(o).error();
  if (!o->has_value()) return std::optional<json::object>();
  auto view = View(tx, std::move((*o)->doc), role, break_glass, now);
  if (!view.ok()) return std::move(view).error();
  return std::optional<json::object>(std::move(*view));
}

Result<std::vector<json::object>> DueBreachNotices(Tx& tx, TimePoint now, size_t limit) {
  auto due = breach_support::NoticesWithStatus(tx, nwf::Name(nwf::State::kDue));
  if (!due.ok()) return std::move(due).error();
  std::vector<json::object> out;
  for (auto& n : *due) {
    if (out.size() >= limit) break;
    ACCORD_TRY(DecorateNotice(tx, n, "", false, now));
    n.erase("allowed_actions");
    n.erase("notice");
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace accord::storage
