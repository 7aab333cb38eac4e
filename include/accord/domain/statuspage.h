// Reads a status page in the Atlassian Statuspage v2 JSON format (issue 27): what vendors
// publish at /api/v2/summary.json (and components.json, incidents.json ...), and what Accord
// publishes itself. Pure: text in, a typed feed or an error naming the field out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"

namespace accord::domain {

struct FeedComponent {
  std::string id, name, status, group_id;
  bool group = false;
};
struct FeedUpdate {
  std::string status, body, created_at;
  std::vector<std::string> affected;  // component ids (affected_components[].code)
};
struct FeedIncident {
  std::string id, name, status, impact, created_at, resolved_at;
  std::vector<FeedUpdate> updates;         // newest first, as published
  std::vector<std::string> component_ids;  // components[].id and every update's affected codes
};
struct StatusFeed {
  std::string page_id, page_name, page_url;
  std::string indicator, description;  // "" when the document has no status
  std::vector<FeedComponent> components;
  std::vector<FeedIncident> incidents;
  std::vector<FeedIncident> maintenances;
};

// Any of the v2 documents (summary, status, components, incidents, scheduled maintenances).
// Refuses what is not JSON, has no `page`, or has a member of the wrong type, naming it
// ("components[2].status: must be a string").
Result<StatusFeed> ParseStatusFeed(std::string_view text);

// Every component state Statuspage uses; a feed's other values read as "major_outage".
bool IsComponentState(std::string_view status);

}  // namespace accord::domain
