// The route builders (route.h): ReadRoute, CommandRoute and what they take.
#include "accord/http/route.h"

#include <stdexcept>

namespace accord::http {

Answer Json(boost::json::object schema, int status) {
  return Answer{"application/json", std::move(schema), status};
}

Answer Media(std::string type, boost::json::object schema) {
  return Answer{std::move(type), std::move(schema), 200};
}

RequestBody JsonBody(boost::json::object schema) { return RequestBody{true, std::move(schema)}; }
RequestBody RawBody() { return RequestBody{}; }
RequestBody NoBody() { return RequestBody{}; }

RouteSpec::RouteSpec(std::string method, std::string pattern, Callers callers, Answer answer) {
  route_.method = std::move(method);
  route_.pattern = std::move(pattern);
  route_.roles = callers.roles().Names();
  route_.is_public = callers.is_public();
  route_.response_schema = std::move(answer.schema);
  route_.response_type = std::move(answer.type);
  route_.success_status = answer.status;
}

RouteSpec ReadRoute(std::string pattern, Callers callers, Answer answer) {
  return RouteSpec("GET", std::move(pattern), callers, std::move(answer));
}

RouteSpec CommandRoute(std::string method, std::string pattern, Callers callers, RequestBody body,
                       Answer answer) {
  if (method != "POST" && method != "PATCH" && method != "PUT" && method != "DELETE") {
    throw std::invalid_argument(method + " " + pattern +
                                ": a command is a POST, PATCH, PUT or DELETE");
  }
  if (body.json && body.schema.empty()) {
    throw std::invalid_argument(method + " " + pattern + ": a JSON body needs its schema");
  }
  RouteSpec spec(std::move(method), std::move(pattern), callers, std::move(answer));
  spec.route_.request_schema = std::move(body.schema);
  return spec;
}

RouteSpec& RouteSpec::Summary(std::string summary) {
  route_.summary = std::move(summary);
  return *this;
}

RouteSpec& RouteSpec::Tag(std::string tag) {
  route_.tag = std::move(tag);
  return *this;
}

RouteSpec& RouteSpec::Path(std::string name, std::string description, std::string type) {
  route_.params.push_back({std::move(name), "path", std::move(type), true, std::move(description)});
  return *this;
}

RouteSpec& RouteSpec::Query(std::string name, std::string description, std::string type) {
  route_.params.push_back(
      {std::move(name), "query", std::move(type), false, std::move(description)});
  return *this;
}

RouteSpec& RouteSpec::RequiredQuery(std::string name, std::string description, std::string type) {
  route_.params.push_back(
      {std::move(name), "query", std::move(type), true, std::move(description)});
  return *this;
}

RouteSpec& RouteSpec::Paged() {
  Query("limit", "1-500, default 50", "integer");
  return Query("cursor", "from next_cursor");
}

RouteSpec& RouteSpec::Params(std::vector<ParamDoc> params) {
  for (auto& p : params) route_.params.push_back(std::move(p));
  return *this;
}

RouteSpec& RouteSpec::Scopes(std::vector<std::string> scopes) {
  route_.scopes = std::move(scopes);
  return *this;
}

RouteSpec& RouteSpec::BodyLimit(size_t bytes) {
  route_.body_limit = bytes;
  return *this;
}

RouteSpec& RouteSpec::SpoolBody() {
  route_.spool_body = true;
  return *this;
}

RouteSpec& RouteSpec::Handle(RouteHandler handler) {
  route_.handler = std::move(handler);
  return *this;
}

}  // namespace accord::http
