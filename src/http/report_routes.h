// The audit-report request routes' shared pieces (private to http/): the group's state and
// helpers (report_routes.cc). Its routes live in api_report_requests.cc (the request form, the
// NDA, the staff routes), api_report_links.cc (/downloads/{token}) and
// api_trust_subscriptions.cc (subprocessor-list subscriptions).
#pragma once

#include <boost/json.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "accord/domain/fields.h"
#include "accord/http/api.h"
#include "accord/http/html_page.h"
#include "accord/storage/report_requests.h"

namespace accord::http::report_routes {

namespace json = boost::json;

inline constexpr size_t kFormLimit = 16 * 1024;

// The page for a secret link that cannot be used: unknown (404), expired or used up (410).
Response LinkProblem(storage::LinkState state);
Response LinkProblem(const Error& e);

// A header value fit for the ledger: printable ASCII (anything else is '?'), at most 500 bytes.
std::string Printable(std::string_view s);
// Form values as a JSON body for the field specs: empty optional values are left out.
json::object FormFields(const std::map<std::string, std::string>& form,
                        const std::vector<domain::FieldSpec>& specs);
// The fields checked against their specs, refusing text that could disguise itself.
Result<json::object> Validated(const json::object& body,
                               const std::vector<domain::FieldSpec>& specs);
// `r` with Retry-After when `e` says how long to wait.
Response RateLimitedResponse(Response r, const Error& e);

// What the group's handlers share: the dependencies and the organisation's name for page
// titles, cached.
class ReportPages {
 public:
  explicit ReportPages(ApiDeps& deps) : deps(deps) {}

  storage::ReportRequestSettings Settings() const;
  // The key subscription links are derived with ("" without trust settings: no link works).
  const std::string& LinkKey() const {
    static const std::string kNone;
    return deps.trust ? deps.trust->link_key : kNone;
  }
  // The organisation's name, read at most every 5 seconds.
  std::string Organisation();
  // Runs `command` in the write path and replies with what `done` makes of its result.
  void Submit(Reply reply, std::function<Result<json::object>(storage::CommandContext&)> command,
              std::function<Response(Result<json::object>)> done);
  // The secret link in the path, looked up for `purpose` ("nda", "download").
  Result<storage::ReportLink> Lookup(const Context& ctx, std::string_view purpose);

  ApiDeps& deps;

 private:
  std::mutex mu_;
  std::string org_;
  MonoTime org_at_;
};

// The personal link's secret in a path.
inline constexpr const char* kTokenParam = "the personal link's secret (256 bits)";

// Each file's routes, added by AddReportRequestRoutes in the order the OpenAPI document lists
// them.
void AddRequestRoutes(Router& router, const std::shared_ptr<ReportPages>& pages);
void AddLinkRoutes(Router& router, const std::shared_ptr<ReportPages>& pages);
void AddSubscriptionRoutes(Router& router, const std::shared_ptr<ReportPages>& pages);
// A customer questionnaire's trust-center link (api_questionnaire_links.cc, issue 28 part 5).
void AddQuestionnaireLinkRoutes(Router& router, const std::shared_ptr<ReportPages>& pages);

}  // namespace accord::http::report_routes
