// Vendor incidents (issue 27, TP-13/TP-14): an incident a vendor's status feed reports on a
// component we depend on is a `vendor_incident` object on the party, opened by the status runner
// (`vendor_incident.opened`), kept up with the vendor's status (`vendor_incident.vendor_updated`,
// only when it changes) and assessed by an officer (`vendor_incident.assessed`: none, degraded or
// PHI involved, with a note), whose assessment may open a finding. Each event carries the whole
// state. The workflow is workflow/vendor_incident.h; the side table `vendor_incidents` remembers
// which of the vendor's incidents were seen (storage/vendor_sla.cc).
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "accord/core/result.h"
#include "accord/domain/event.h"
#include "accord/domain/statuspage.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"

namespace accord::storage {

// Opens the object for a vendor's incident (as the system); returns its id.
Result<std::string> OpenVendorIncident(CommandContext& c, const std::string& party_id,
                                       const domain::FeedIncident& incident);

// The vendor's status moved on (resolved, monitoring …): a new version when it changed.
Status FollowVendorIncident(CommandContext& c, const std::string& id,
                            const domain::FeedIncident& incident);

// An officer's assessment (body: domain::VendorIncidentAssessFields, validated here): 409
// naming the possible actions once assessed, 403 for the roles (the route asks first too).
// With open_finding (default: impact is not none) it opens a finding (source vendor_incident;
// high when PHI is involved, else from the vendor's impact) and names it.
Result<boost::json::object> AssessVendorIncident(CommandContext& c, const domain::Actor& actor,
                                                 bool break_glass, const std::string& id,
                                                 const boost::json::object& body,
                                                 const policy::ReviewsPolicy& policy);

}  // namespace accord::storage
