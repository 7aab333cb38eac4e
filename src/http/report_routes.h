// The audit-report request routes' shared pieces (private to http/): the route group class,
// whose routes live in api_report_requests.cc (the request form, the NDA, the staff routes),
// api_report_links.cc (/downloads/{token}) and api_trust_subscriptions.cc (subprocessor-list
// subscriptions), and the helpers they share (report_routes.cc).
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
json::object FormBody(const std::map<std::string, std::string>& form,
                      const std::vector<domain::FieldSpec>& specs);
// The fields checked against their specs, refusing text that could disguise itself.
Result<json::object> Validated(const json::object& body,
                               const std::vector<domain::FieldSpec>& specs);
// `r` with Retry-After when `e` says how long to wait.
Response RateLimitedResponse(Response r, const Error& e);

class ReportRequestRoutes {
 public:
  ReportRequestRoutes(Router& router, ApiDeps& deps) : router_(router), deps_(deps) {}

  // Adds every route of the group (api_report_requests.cc).
  static void Add(const std::shared_ptr<ReportRequestRoutes>& self);

 private:
  using Handler = void (ReportRequestRoutes::*)(Context&&, Reply);
  static RouteHandler Bind(const std::shared_ptr<ReportRequestRoutes>& self, Handler fn) {
    return [self, fn](Context&& ctx, Reply reply) { ((*self).*fn)(std::move(ctx), reply); };
  }
  static std::vector<ParamDoc> TokenParam() {
    return {{"token", "path", "string", true, "the personal link's secret (256 bits)"}};
  }

  // api_report_requests.cc: the request form, its JSON twin, the staff routes and the NDA.
  static void AddRequestRoutes(const std::shared_ptr<ReportRequestRoutes>& self);
  void SubmitPublic(Reply reply, json::object fields, std::string address,
                    std::function<Response(Result<json::object>)> done);
  void FormPage(Context&& ctx, Reply reply);
  void FormPost(Context&& ctx, Reply reply);
  void PublicJson(Context&& ctx, Reply reply);
  void StaffCreate(Context&& ctx, Reply reply);
  void Action(Context&& ctx, Reply reply);
  std::string NdaForm(const std::string& token, const storage::ReportLink& link,
                      const std::map<std::string, std::string>& values,
                      const std::vector<ErrorDetail>& errors);
  void NdaPage(Context&& ctx, Reply reply);
  void NdaPost(Context&& ctx, Reply reply);

  // api_report_links.cc: an approved report's download page and the download.
  static void AddLinkRoutes(const std::shared_ptr<ReportRequestRoutes>& self);
  void DownloadPage(Context&& ctx, Reply reply);
  void DownloadPost(Context&& ctx, Reply reply);

  // api_trust_subscriptions.cc: subprocessor-list subscriptions (double opt-in).
  static void AddSubscriptionRoutes(const std::shared_ptr<ReportRequestRoutes>& self);
  Result<json::object> Subscribe(const std::string& email, const std::string& address);
  void SubscribeForm(Context&& ctx, Reply reply);
  void SubscribeJson(Context&& ctx, Reply reply);
  void SubscriptionPage(Context&& ctx, Reply reply);
  void SubscriptionPost(Context&& ctx, Reply reply);

  // report_routes.cc
  storage::ReportRequestSettings Settings() const;
  // The organisation's name for page titles, read at most every 5 seconds.
  std::string Organisation();
  void Submit(Reply reply, std::function<Result<json::object>(storage::CommandContext&)> command,
              std::function<Response(Result<json::object>)> done);
  // The secret link in the path, looked up for `purpose` ("nda", "download").
  Result<storage::ReportLink> Lookup(const Context& ctx, std::string_view purpose);

  Router& router_;
  ApiDeps& deps_;
  std::mutex mu_;
  std::string org_;
  MonoTime org_at_;
};

}  // namespace accord::http::report_routes
