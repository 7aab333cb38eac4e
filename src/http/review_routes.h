// The review routes' shared pieces (private to http/). The group's routes live in
// api_reviews.cc (opening reviews, their actions, a party's requests and answers),
// api_review_findings.cc (SOC 2 reports, change notices, findings) and api_review_reports.cc
// (the dashboard, the quarterly SLA-review report, the outbox); the helpers they share are in
// review_routes.cc. AddReviewRoutes (api_reviews.cc) adds them all.
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/time.h"
#include "accord/domain/fields.h"
#include "accord/http/api.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"

namespace accord::http::review_routes {

namespace json = boost::json;

// The body checked against `fields`: 400 with every field's problem.
Result<json::object> ParseBody(std::string_view text, const std::vector<domain::FieldSpec>& fields);

// The profile layer: `roles` from [reviews]; never during break-glass (an emergency
// elevation is for the emergency, not for approving reviews).
std::optional<Error> Refusal(const Principal& p, const std::vector<std::string>& roles,
                             const std::string& what);

// The ids of an array field ("documents", "evidence"); empty when absent.
std::vector<std::string> IdList(const json::object& body, std::string_view field);
// An RFC 3339 field; nullopt when absent or not a time.
std::optional<TimePoint> TimeOf(const json::object& body, std::string_view field);

// The store's [reviews] section, or the defaults without a profile.
const policy::ReviewsPolicy& ReviewsPolicyOf(const ApiDeps& deps);
// Runs `command` in the write path and replies with its JSON (201 or 200).
void Submit(ApiDeps& deps, Reply reply, int status,
            std::function<Result<json::object>(storage::CommandContext&)> command);

// Each file's routes, added by AddReviewRoutes in the order the OpenAPI document lists them.
void AddReviewWorkflowRoutes(Router& router, ApiDeps& deps);  // api_reviews.cc
void AddFindingRoutes(Router& router, ApiDeps& deps);         // api_review_findings.cc
void AddReportRoutes(Router& router, ApiDeps& deps);          // api_review_reports.cc

}  // namespace accord::http::review_routes
