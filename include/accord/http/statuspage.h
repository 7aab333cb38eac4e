// Accord's status in the Atlassian Statuspage v2 JSON format (issue 27), so status tools and
// aggregators read it as any Statuspage: the page, components (groups carry their children's
// ids), the overall indicator, incidents and scheduled maintenance. Built from one snapshot of
// the status tables; the public routes (status_public.cc) cache what is built here.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "accord/core/clock.h"
#include "accord/storage/status.h"

namespace accord::http {

struct StatusSnapshot {
  std::string page_id, page_name, page_url;
  std::vector<storage::StatusComponent> components;
  std::vector<boost::json::object> maintenances;  // storage::ListMaintenances
  // Incidents in Statuspage's shape, newest first. Empty until incidents exist (issue 27, TR-8):
  // they are added by storage::PublicIncidents, the one place the status page reads them.
  std::vector<boost::json::object> incidents;
  TimePoint now;
};

// Reads the snapshot: components, maintenance, incidents and the organisation's name.
Result<StatusSnapshot> ReadStatusSnapshot(storage::Tx& tx, const std::string& page_url,
                                          TimePoint now);

// {indicator, description} from the components' states.
boost::json::object OverallStatus(const std::vector<storage::StatusComponent>& components);
boost::json::object PageJson(const StatusSnapshot& s);
boost::json::array ComponentsJson(const StatusSnapshot& s);
// Maintenance in Statuspage's shape; `which`: all | upcoming | active.
boost::json::array MaintenancesJson(const StatusSnapshot& s, std::string_view which);
// One endpoint's document: summary | status | components | incidents | unresolved |
// maintenances | upcoming | active.
boost::json::object StatuspageDocument(const StatusSnapshot& s, std::string_view endpoint);

// The OpenAPI schema of each document (same names).
boost::json::object StatuspageSchema(std::string_view endpoint);

}  // namespace accord::http
