// The route table: matching, roles, and the data the OpenAPI document is made from.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "accord/core/result.h"
#include "accord/http/message.h"
#include "accord/http/route.h"

namespace accord::http {

// Authenticates a request (bearer token, later cookies); nullopt = anonymous.
using Authenticator = std::function<Result<std::optional<Principal>>(const Request&)>;

class Router {
 public:
  // Sees every reply: the matched pattern ("unmatched" when none), method, status, seconds.
  using Observer =
      std::function<void(const std::string& pattern, const std::string& method, int, double)>;

  // Throws std::invalid_argument (at start-up) for a route without a handler or a summary, or
  // with a JSON answer and no response schema.
  void Add(RouteSpec spec);
  void SetAuthenticator(Authenticator auth) { auth_ = std::move(auth); }
  void SetObserver(Observer observer) { observer_ = std::move(observer); }
  // Answers a GET/HEAD no route matched (the portal's static files); nullopt means 404.
  using Fallback = std::function<std::optional<Response>(const Request&, std::string_view path)>;
  void SetFallback(Fallback fallback) { fallback_ = std::move(fallback); }
  // Matches, authenticates, authorises and runs a route; errors in CONTRACT.md's shape.
  void Dispatch(Request&& request, Reply reply) const;
  // The first half of Dispatch, from the request's header alone: the answer when it ends there
  // (400, 401, 403, 404, 405, a static file), else the route's body limit and a `run` that
  // takes the whole request. The server calls it before reading a body.
  Admission Admit(const Request& head) const;
  const std::vector<Route>& routes() const { return routes_; }
  // The body limit of the route a request would reach (query string ignored); 0 when the route
  // has none or nothing matches, meaning the server's default.
  size_t BodyLimitFor(std::string_view method, std::string_view target) const;

 private:
  const Route* Match(std::string_view method, std::string_view path,
                     std::map<std::string, std::string>& params, bool& path_matched) const;
  // Parses the target and matches a route; replies 400/404/405 itself and returns null.
  const Route* Resolve(const Request& request, Context& ctx, const Reply& reply) const;
  // Authenticates and checks the route's roles; replies 401/403 itself and returns false.
  bool Authorize(const Route& route, const Request& request, Context& ctx,
                 const Reply& reply) const;
  void Observe(const std::string& pattern, const std::string& method, int status,
               std::chrono::steady_clock::time_point start) const;
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;  // routes_[i].pattern split on '/'
  Authenticator auth_;
  Observer observer_;
  Fallback fallback_;
};

// Wraps a synchronous handler.
RouteHandler Sync(std::function<Response(Context&)> fn);

// Parses an unsigned integer query/path value; the error names the field.
Result<uint64_t> ParseUint(std::string_view value, std::string_view field);

}  // namespace accord::http
