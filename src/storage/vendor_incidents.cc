#include "accord/storage/vendor_incidents.h"

#include <boost/json.hpp>

#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/domain/vendor_incidents.h"
#include "accord/storage/reviews.h"
#include "accord/workflow/vendor_incident.h"
#include "review_support.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;
namespace wf = workflow::vendor_incident;

namespace {

std::string FindingSeverity(const std::string& our_impact, const std::string& vendor_impact) {
  if (our_impact == "phi_involved") return "high";
  return vendor_impact == "critical" ? "high" : vendor_impact == "major" ? "medium" : "low";
}

std::string ImpactWords(const std::string& impact) {
  if (impact == "phi_involved") return "PHI involved";
  if (impact == "degraded") return "our service degraded";
  return "no effect on us";
}

}  // namespace

Result<std::string> OpenVendorIncident(CommandContext& c, const std::string& party_id,
                                       const domain::FeedIncident& incident) {
  const TimePoint now = c.Now();
  const std::string at = FormatRfc3339(now);
  const std::string id = NewId("vin", now);
  json::array components;
  for (const auto& cid : incident.component_ids) components.emplace_back(cid.substr(0, 200));
  json::object state{{"id", id},
                     {"party_id", party_id},
                     {"name", incident.name.substr(0, 500)},
                     {"incident_id", incident.id.substr(0, 200)},
                     {"vendor_impact", incident.impact.empty() ? "unknown" : incident.impact},
                     {"vendor_status", incident.status},
                     {"component_ids", std::move(components)},
                     {"status", std::string(wf::Name(wf::State::kOpen))},
                     {"created_at", at},
                     {"updated_at", at},
                     {"version", 1}};
  if (ParseRfc3339(incident.created_at).ok()) state["started_at"] = incident.created_at;
  if (ParseRfc3339(incident.resolved_at).ok()) state["resolved_at"] = incident.resolved_at;
  auto index = review_support::AppendState(c, "vendor_incident", "vendor_incident.opened",
                                           domain::SystemActor(), state);
  if (!index.ok()) return std::move(index).error();
  return id;
}

Status FollowVendorIncident(CommandContext& c, const std::string& id,
                            const domain::FeedIncident& incident) {
  auto loaded = review_support::Load(c.tx(), "vendor_incident", id, "vendor incident");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  bool resolved_changed = ParseRfc3339(incident.resolved_at).ok() &&
                          StateString(state, "resolved_at") != incident.resolved_at;
  if (StateString(state, "vendor_status") == incident.status && !resolved_changed) return Ok();
  state["vendor_status"] = incident.status;
  if (resolved_changed) state["resolved_at"] = incident.resolved_at;
  state.erase("ledger_index");
  review_support::Bump(state, c.Now());
  auto index = review_support::AppendState(c, "vendor_incident", "vendor_incident.vendor_updated",
                                           domain::SystemActor(), state);
  if (!index.ok()) return std::move(index).error();
  return Ok();
}

Result<json::object> AssessVendorIncident(CommandContext& c, const domain::Actor& actor,
                                          bool break_glass, const std::string& id,
                                          const json::object& body,
                                          const policy::ReviewsPolicy& policy) {
  if (auto refusal = wf::RoleRefusal(actor.role, break_glass, wf::Action::kAssess)) {
    return *refusal;
  }
  json::object in;
  std::vector<ErrorDetail> details;
  domain::ValidateFields(domain::VendorIncidentAssessFields(), body, false, "", in, details);
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  auto loaded = review_support::Load(c.tx(), "vendor_incident", id, "vendor incident");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  auto from = wf::ParseState(StateString(state, "status")).value_or(wf::State::kAssessed);
  auto next = wf::Next(from, wf::Action::kAssess);
  if (!next) {
    return review_support::Conflict(
        "vendor incident " + id + " is " + std::string(wf::Name(from)) + " already", "action",
        "possible: " + wf::PossibleActions(from));
  }
  const std::string impact = StateString(in, "impact");
  const json::value* of = in.if_contains("open_finding");
  const bool open_finding = of && of->is_bool() ? of->as_bool() : impact != "none";
  const std::string at = FormatRfc3339(c.Now());
  json::object assessment{{"impact", impact}, {"by", domain::ActorJson(actor)}, {"at", at}};
  if (!StateString(in, "note").empty()) assessment["note"] = StateString(in, "note");
  state.erase("ledger_index");
  if (open_finding) {
    auto party = review_support::PartyName(c.tx(), StateString(state, "party_id"));
    if (!party.ok()) return std::move(party).error();
    std::string note = StateString(in, "note");
    NewFinding finding{
        .title = "Vendor incident at " + *party + ": " + StateString(state, "name").substr(0, 200),
        .description = *party + " reported an incident (impact " +
                       StateString(state, "vendor_impact") + ") on a service we depend on; " +
                       "assessed: " + ImpactWords(impact) + (note.empty() ? "." : ". " + note),
        .severity = FindingSeverity(impact, StateString(state, "vendor_impact")),
        .party_id = StateString(state, "party_id"),
        .source_kind = "vendor_incident",
        .source_id = id,
        .rule = "vendor_incident"};
    auto opened = OpenFinding(c, actor, finding, policy);
    if (!opened.ok()) return std::move(opened).error();
    std::string fid = StateString(*opened, "id");
    assessment["finding_id"] = fid;
    state["finding_id"] = fid;
    auto n =
        c.tx().Exec("UPDATE vendor_incidents SET finding_id = ? WHERE object_id = ?", {fid, id});
    if (!n.ok()) return std::move(n).error();
  }
  state["impact"] = impact;
  state["assessment"] = std::move(assessment);
  state["status"] = std::string(wf::Name(*next));
  review_support::Bump(state, c.Now());
  auto index =
      review_support::AppendState(c, "vendor_incident", "vendor_incident.assessed", actor, state);
  if (!index.ok()) return std::move(index).error();
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

}  // namespace accord::storage
