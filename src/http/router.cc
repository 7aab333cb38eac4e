#include "accord/http/router.h"

#include "accord/domain/identity.h"

#include <boost/url/parse.hpp>
#include <cctype>
#include <charconv>
#include <chrono>
#include <memory>
#include <stdexcept>

#include "accord/http/json.h"
#include "accord/http/scim_error.h"

namespace accord::http {
namespace {

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    parts.push_back(path.substr(i, j - i));
    i = j;
  }
  return parts;
}

bool MatchPath(const std::vector<std::string>& pp, const std::vector<std::string_view>& ps,
               std::map<std::string, std::string>& params) {
  if (pp.size() != ps.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < pp.size(); ++i) {
    std::string_view p = pp[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      found.emplace(std::string(p.substr(1, p.size() - 2)), std::string(ps[i]));
    } else if (p != ps[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

// The path routes match: encoded unless it holds escapes, which are decoded.
std::string RoutePath(const boost::urls::url_view& url) {
  std::string path(url.encoded_path());
  if (path.find('%') != std::string::npos) path = url.path();
  return path;
}

// The media type of a Content-Type value, lower case, without parameters ("; charset=...").
std::string MediaType(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  std::string out(type);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The router's own refusal of a route: Accord's error shape, or SCIM's on /scim/v2/*.
Response RefusalOf(const Route& route, const Error& e) {
  return route.pattern.starts_with(kScimPrefix) ? ScimErrorResponse(e) : ErrorResponse(e);
}

// Routes that declare a JSON body take JSON only (415 otherwise); uploads, CSV and HTML forms
// declare none and check their own types. A call without a body (sign-out) needs no type.
bool AcceptsBody(const Route& route, const Request& request, const Reply& reply) {
  if (route.request_schema.empty()) return true;
  std::string_view type = request.HeaderValue("Content-Type");
  // Judged from the header (the body is not read yet): no body is announced.
  const std::string_view length = request.HeaderValue("Content-Length");
  if (type.empty() && request.body.empty() && (length.empty() || length == "0") &&
      request.HeaderValue("Transfer-Encoding").empty()) {
    return true;
  }
  // SCIM clients send application/scim+json (RFC 7644 3.1), which is JSON.
  if (MediaType(type) == "application/json" || MediaType(type) == "application/scim+json") {
    return true;
  }
  Error e{ErrorCode::kUnsupportedMediaType,
          route.method + " " + route.pattern +
              " takes a JSON body: send Content-Type: application/json",
          {ErrorDetail{"Content-Type", "must be application/json", std::nullopt}}};
  reply(RefusalOf(route, e));
  return false;
}

}  // namespace

std::string_view Context::Query(std::string_view name) const {
  auto it = query.find(std::string(name));
  return it == query.end() ? std::string_view() : std::string_view(it->second);
}

void Router::Add(RouteSpec spec) {
  Route route = spec.route();
  std::string name = route.method + " " + route.pattern;
  if (!route.handler) throw std::invalid_argument(name + ": the route has no handler");
  if (route.summary.empty()) throw std::invalid_argument(name + ": the route has no summary");
  if (route.response_type == "application/json" && route.response_schema.empty()) {
    throw std::invalid_argument(name + ": a JSON answer needs its response schema");
  }
  std::vector<std::string> segments;
  for (auto part : Split(route.pattern)) segments.emplace_back(part);
  segments_.push_back(std::move(segments));
  routes_.push_back(std::move(route));
}

const Route* Router::Match(std::string_view method, std::string_view path,
                           std::map<std::string, std::string>& params, bool& path_matched) const {
  path_matched = false;
  const auto parts = Split(path);
  for (size_t i = 0; i < routes_.size(); ++i) {
    const Route& r = routes_[i];
    std::map<std::string, std::string> p;
    if (!MatchPath(segments_[i], parts, p)) continue;
    path_matched = true;
    if (r.method == method || (method == "HEAD" && r.method == "GET")) {
      params = std::move(p);
      return &r;
    }
  }
  return nullptr;
}

const Route* Router::Resolve(const Request& request, Context& ctx, const Reply& reply) const {
  auto url = boost::urls::parse_origin_form(request.target);
  if (!url) {
    reply(ErrorResponse(Error{ErrorCode::kBadRequest,
                              "the request target is not a valid URL",
                              {ErrorDetail{"target", "not a valid origin-form URL", {}}}}));
    return nullptr;
  }
  ctx.path = RoutePath(*url);
  for (auto param : url->params()) ctx.query[std::string(param.key)] = std::string(param.value);
  bool path_matched = false;
  const Route* route = Match(request.method, ctx.path, ctx.path_params, path_matched);
  if (route) return route;
  if (path_matched) {
    reply(ErrorResponse(Error{
        ErrorCode::kMethodNotAllowed, request.method + " is not allowed on " + ctx.path, {}}));
  } else if (auto file = fallback_ && (request.method == "GET" || request.method == "HEAD")
                             ? fallback_(request, ctx.path)
                             : std::nullopt) {
    reply(std::move(*file));
  } else {
    reply(ErrorResponse(NotFound("no route for " + request.method + " " + ctx.path)));
  }
  return nullptr;
}

bool Router::Authorize(const Route& route, const Request& request, Context& ctx,
                       const Reply& reply) const {
  if (route.is_public) return true;
  auto refuse = [&](const Error& e) { reply(RefusalOf(route, e)); };
  if (!auth_) {
    refuse(Error{ErrorCode::kUnauthenticated, "sign-in required", {}});
    return false;
  }
  auto principal = auth_(request);
  if (!principal.ok()) {
    refuse(principal.error());
    return false;
  }
  if (!principal->has_value()) {
    refuse(Error{
        ErrorCode::kUnauthenticated, "sign-in required: send Authorization: Bearer <token>", {}});
    return false;
  }
  const std::string& role = (*principal)->role;
  if (role == domain::kIntegrationRole) {
    const auto& have = (*principal)->scopes;
    bool allowed = std::any_of(route.scopes.begin(), route.scopes.end(), [&](const auto& s) {
      return std::find(have.begin(), have.end(), s) != have.end();
    });
    if (!allowed) {
      std::string needed;
      for (const auto& s : route.scopes) needed += (needed.empty() ? "" : " or ") + s;
      refuse(Error{
          ErrorCode::kForbidden,
          "this integration token may not call " + route.method + " " + route.pattern +
              (needed.empty() ? ": no integration scope does" : ": it needs the scope " + needed),
          {{"scopes", "lack " + (needed.empty() ? std::string("a scope for it") : needed), {}}}});
      return false;
    }
    ctx.principal = std::move(**principal);
    return true;
  }
  if (std::find(route.roles.begin(), route.roles.end(), role) == route.roles.end()) {
    refuse(Error{ErrorCode::kForbidden,
                 "the role " + role + " may not call " + route.method + " " + route.pattern,
                 {}});
    return false;
  }
  ctx.principal = std::move(**principal);
  return true;
}

void Router::Observe(const std::string& pattern, const std::string& method, int status,
                     std::chrono::steady_clock::time_point start) const {
  if (!observer_) return;
  observer_(pattern, method, status,
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
}

Admission Router::Admit(const Request& head) const {
  const auto start = std::chrono::steady_clock::now();
  Admission admission;
  std::optional<Response> answer;
  const Reply keep = [&answer](Response r) { answer = std::move(r); };
  Context ctx;
  const Route* route = Resolve(head, ctx, keep);
  if (!route || !Authorize(*route, head, ctx, keep) || !AcceptsBody(*route, head, keep)) {
    static const std::string kUnmatched = "unmatched";
    Observe(route ? route->pattern : kUnmatched, head.method, answer->status, start);
    admission.response = std::move(answer);
    return admission;
  }
  admission.body_limit = route->body_limit;
  admission.spool = route->spool_body;
  // Timed from here on: the time a handler takes, not the time its body took to arrive.
  admission.run = [this, route, ctx = std::move(ctx)](Request&& request, Reply reply) mutable {
    if (observer_) {
      reply = [this, route, method = request.method, start = std::chrono::steady_clock::now(),
               inner = std::move(reply)](Response response) {
        Observe(route->pattern, method, response.status, start);
        inner(std::move(response));
      };
    }
    ctx.request = std::move(request);
    route->handler(std::move(ctx), std::move(reply));
  };
  return admission;
}

void Router::Dispatch(Request&& request, Reply reply) const {
  Admission admission = Admit(request);
  if (admission.response) return reply(std::move(*admission.response));
  admission.run(std::move(request), std::move(reply));
}

size_t Router::BodyLimitFor(std::string_view method, std::string_view target) const {
  auto url = boost::urls::parse_origin_form(target);
  if (!url) return 0;  // Dispatch answers 400 once the (default-limited) body is read
  std::map<std::string, std::string> params;
  bool path_matched = false;
  const Route* route = Match(method, RoutePath(*url), params, path_matched);
  return route ? route->body_limit : 0;
}

RouteHandler Sync(std::function<Response(Context&)> fn) {
  return [fn = std::move(fn)](Context&& ctx, Reply reply) { reply(fn(ctx)); };
}

Result<uint64_t> ParseUint(std::string_view value, std::string_view field) {
  uint64_t out = 0;
  if (value.empty()) return ValidationError(std::string(field), "is required");
  auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (ec != std::errc() || ptr != value.data() + value.size()) {
    return ValidationError(std::string(field),
                           "must be a non-negative integer, got '" + std::string(value) + "'");
  }
  return out;
}

}  // namespace accord::http
