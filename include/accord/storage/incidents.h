// Incidents (issue 27, TR-8): the commands of the incident workflow (workflow/incident.h) and
// its reads. Each command loads the incident, asks the workflow, writes the whole new state to
// `incidents` and appends `incident.<verb>` carrying the same state, in one transaction.
//
// Who sees what: the organisation and its auditor read every incident whole; a party's contact
// reads only the incidents its party is involved in, without internal updates, our systems, the
// other parties, the description or the postmortem (`IncidentViewer`).
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/domain/event.h"
#include "accord/domain/fields.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"
#include "accord/storage/store.h"

namespace accord::storage {

// Severity as findings say it, and Statuspage's impact (the public page's word for it).
inline constexpr const char* kIncidentSeverities[] = {"critical", "high", "medium", "low"};
inline constexpr const char* kIncidentImpacts[] = {"none", "minor", "major", "critical"};
inline constexpr const char* kIncidentCategories[] = {"security", "privacy", "availability",
                                                      "integrity", "other"};

// Request bodies, validated by their field specs (the OpenAPI schemas come from them too).
// declare: title, description, severity, impact, category, component_ids, system_ids,
// party_ids, discovered_at.
const std::vector<domain::FieldSpec>& IncidentDeclareFields();
const std::vector<domain::FieldSpec>& IncidentClassifyFields();    // severity, impact, category
const std::vector<domain::FieldSpec>& IncidentUpdateFields();      // body, visibility, status
const std::vector<domain::FieldSpec>& IncidentResolveFields();     // body, visibility
const std::vector<domain::FieldSpec>& IncidentPostmortemFields();  // root_cause, lessons, items

// Who is looking: empty party_id = the organisation or its auditor (everything).
struct IncidentViewer {
  std::string role;
  std::string party_id;
  bool org_wide() const { return party_id.empty(); }
};

// Declares an incident (status investigating) from a validated body; its view.
Result<boost::json::object> DeclareIncident(CommandContext& c, const domain::Actor& actor,
                                            const boost::json::object& body);

// classify | update | resolve | postmortem on incident `id` with the action's validated body.
// Postmortem action items become findings (source kind "incident") owned and due as given.
Result<boost::json::object> IncidentAction(CommandContext& c, const domain::Actor& actor,
                                           const std::string& id, std::string_view action,
                                           const boost::json::object& body,
                                           const policy::ReviewsPolicy& policy);

// The stored state of incident `id` (everything, for commands built on incidents such as the
// breach assessment); 404 when there is none.
Result<boost::json::object> LoadIncident(Tx& tx, const std::string& id);

// What `viewer` may see of one incident, with allowed_actions; 404 when it may not see it.
Result<boost::json::object> GetIncident(Tx& tx, const std::string& id,
                                        const IncidentViewer& viewer);
// The incidents `viewer` may see, newest declared first; `status` "open" | "resolved" | a
// state name | "" (all).
Result<std::vector<boost::json::object>> ListIncidents(Tx& tx, const IncidentViewer& viewer,
                                                       const std::string& status, size_t limit);

// The view of a stored state for `viewer` (internal parts removed for a party's contact).
boost::json::object IncidentView(const boost::json::object& state, const IncidentViewer& viewer);

}  // namespace accord::storage
