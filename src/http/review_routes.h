// The review routes' shared pieces (private to http/): the route group class, whose routes
// live in api_reviews.cc (opening reviews, their actions, a party's requests and answers),
// api_review_findings.cc (SOC 2 reports, change notices, findings) and api_review_reports.cc
// (the dashboard, the quarterly SLA-review report, the outbox), and the helpers they share
// (review_routes.cc). api_reviews.cc registers the routes.
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <memory>
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

class ReviewRoutes {
 public:
  ReviewRoutes(Router& router, ApiDeps& deps) : router_(router), deps_(deps) {}

  // Adds every route of the group, in the order the OpenAPI document lists them.
  static void Add(const std::shared_ptr<ReviewRoutes>& self);

 private:
  using Handler = void (ReviewRoutes::*)(Context&&, Reply);
  static RouteHandler Bind(const std::shared_ptr<ReviewRoutes>& self, Handler fn) {
    return
        [self, fn](Context&& ctx, Reply reply) { ((*self).*fn)(std::move(ctx), std::move(reply)); };
  }
  static std::vector<ParamDoc> IdParam() { return {{"id", "path", "string", true, "id"}}; }

  // api_reviews.cc: open a review, its actions, what it asks a party and the party's answer.
  static void AddReviewRoutes(const std::shared_ptr<ReviewRoutes>& self);
  void OpenReview(Context&& ctx, Reply reply);
  void ReviewAction(Context&& ctx, Reply reply);
  void Respond(Context&& ctx, Reply reply);
  void Requests(Context&& ctx, Reply reply);

  // api_review_findings.cc: SOC 2 reports, change notices and findings.
  static void AddFindingRoutes(const std::shared_ptr<ReviewRoutes>& self);
  void RecordSoc2(Context&& ctx, Reply reply);
  void RecordChange(Context&& ctx, Reply reply);
  void ChangeAction(Context&& ctx, Reply reply);
  void CreateFinding(Context&& ctx, Reply reply);
  void FindingAction(Context&& ctx, Reply reply);

  // api_review_reports.cc: the dashboard, the SLA-review report and the outbox.
  static void AddReportRoutes(const std::shared_ptr<ReviewRoutes>& self);
  void Dashboard(Context&& ctx, Reply reply);
  void Report(Context&& ctx, Reply reply);
  void Outbox(Context&& ctx, Reply reply);

  // review_routes.cc
  // The store's [reviews] section, or the defaults without a profile.
  const policy::ReviewsPolicy& policy() const;
  // Runs `command` in the write path and replies with its JSON (201 or 200).
  void Submit(Reply reply, int status,
              std::function<Result<json::object>(storage::CommandContext&)> command);

  Router& router_;
  ApiDeps& deps_;
};

}  // namespace accord::http::review_routes
