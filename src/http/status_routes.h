// The status group's files (issue 27): the public page and Statuspage JSON
// (status_public.cc), the staff's components, probes and maintenance (api_status.cc).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "accord/http/api.h"
#include "accord/http/statuspage.h"

namespace accord::http {

void AddStatusPublicRoutes(Router& router, ApiDeps& deps);
void AddStatusStaffRoutes(Router& router, ApiDeps& deps);
// A subcontractor's status feed, SLA attainment and pushed measurements (api_vendor_sla.cc).
void AddVendorSlaRoutes(Router& router, ApiDeps& deps);
// An officer's assessment of a vendor incident (api_vendor_incidents.cc).
void AddVendorIncidentRoutes(Router& router, ApiDeps& deps);
// The quarterly SLA review report (api_sla_review.cc).
void AddSlaReviewRoutes(Router& router, ApiDeps& deps);

// The /status page for a snapshot, with each probed component's daily uptime.
std::string StatusPageHtml(const StatusSnapshot& s,
                           const std::map<std::string, std::vector<storage::UptimeDay>>& uptime,
                           double target);

}  // namespace accord::http
