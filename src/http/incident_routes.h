// The incident routes' shared pieces (private to http/): api_incidents.cc declares and reads,
// api_incident_actions.cc takes the workflow's steps; AddIncidentRoutes adds both.
#pragma once

#include <boost/json/object.hpp>

#include "accord/http/api.h"

namespace accord::http {

// The incident's view, as every incident route answers it.
boost::json::object IncidentSchema();
void AddIncidentActionRoutes(Router& router, ApiDeps& deps);  // api_incident_actions.cc

}  // namespace accord::http
