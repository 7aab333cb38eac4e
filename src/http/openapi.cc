// The OpenAPI 3.1 document is generated from the route table, so it cannot miss a route.
#include <boost/json.hpp>
#include <memory>

#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/schema.h"
#include "answer_library_routes.h"
#include "change_routes.h"

namespace accord::http {

namespace json = boost::json;

namespace {

std::string OperationId(const Route& r) {
  std::string id = r.method;
  for (char c : r.pattern) id += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return id;
}

json::object ErrorResponseRef(std::string description) {
  return json::object{
      {"description", description},
      {"content",
       json::object{
           {"application/json",
            json::object{{"schema", json::object{{"$ref", "#/components/schemas/Error"}}}}}}}};
}

json::object Operation(const Route& r) {
  json::object op{{"operationId", OperationId(r)},
                  {"summary", r.summary},
                  {"tags", json::array{r.tag.empty() ? "misc" : r.tag}}};
  json::array roles;
  for (const auto& role : r.roles) roles.emplace_back(role);
  op["x-accord-roles"] = roles;
  if (!r.scopes.empty()) {
    json::array scopes;
    for (const auto& s : r.scopes) scopes.emplace_back(s);
    op["x-accord-scopes"] = scopes;
  }
  op["x-accord-public"] = r.is_public;
  op["security"] = r.is_public ? json::array{}
                               : json::array{json::object{{"bearer", json::array{}}},
                                             json::object{{"session", json::array{}}}};
  json::array params;
  for (const auto& p : r.params) {
    params.push_back(json::object{{"name", p.name},
                                  {"in", p.in},
                                  {"required", p.in == "path" ? true : p.required},
                                  {"description", p.description},
                                  {"schema", json::object{{"type", p.type}}}});
  }
  if (!params.empty()) op["parameters"] = params;
  if (!r.request_schema.empty()) {
    op["requestBody"] = json::object{
        {"required", true},
        {"content",
         json::object{{"application/json", json::object{{"schema", r.request_schema}}}}}};
  }
  json::object ok{{"description", "success"}};
  json::object schema = r.response_schema;
  if (schema.empty()) schema = json::object{{"type", "string"}};
  ok["content"] = json::object{{r.response_type, json::object{{"schema", schema}}}};
  json::object responses{{std::to_string(r.success_status), ok}};
  responses["4XX"] =
      ErrorResponseRef("client error: {error: {code, message, details: [{field, reason}]}}");
  responses["5XX"] = ErrorResponseRef("server error");
  op["responses"] = responses;
  return op;
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

json::object OpenApiDocument(const Router& router) {
  json::object paths;
  for (const auto& r : router.routes()) {
    json::value& item = paths[r.pattern];
    if (!item.is_object()) item = json::object{};
    item.as_object()[Lower(r.method)] = Operation(r);
  }
  return json::object{
      {"openapi", "3.1.0"},
      {"info", json::object{{"title", "Accord API"},
                            {"version", ACCORD_VERSION},
                            {"description",
                             "Third-party security policy enforcement with a verifiable ledger. "
                             "x-accord-roles lists the roles that may call an operation."}}},
      {"paths", paths},
      {"components",
       json::object{{"schemas", schema::Components()},
                    {"securitySchemes",
                     json::object{{"bearer", json::object{{"type", "http"}, {"scheme", "bearer"}}},
                                  {"session", json::object{{"type", "apiKey"},
                                                           {"in", "cookie"},
                                                           {"name", "accord_session"}}}}}}}};
}

void AddOpenApiRoute(Router& router, ApiDeps&) {
  using namespace schema;
  // Rendered once, after every route (including this one) is in the table.
  auto doc = std::make_shared<std::string>();
  router.Add(ReadRoute("/api/v1/openapi.json", kPublic,
                       Json(Object({{"openapi", String()},
                                    {"info", AnyObject("title, version")},
                                    {"paths", AnyObject("every operation")},
                                    {"components", AnyObject("named schemas")}})))
                 .Summary("This OpenAPI 3.1 document")
                 .Tag("system")
                 .Handle(Sync([doc](Context&) { return TextResponse(*doc, "application/json"); })));
  *doc = json::serialize(OpenApiDocument(router));
}

void AddAllRoutes(Router& router, ApiDeps& deps) {
  AddSystemRoutes(router, deps);
  AddLedgerRoutes(router, deps);
  AddEvidenceRoutes(router, deps);
  AddCheckpointRoutes(router, deps);
  AddNoteRoutes(router, deps);
  AddRegistryRoutes(router, deps);
  AddAccessRoutes(router, deps);
  AddConnectionRoutes(router, deps);
  AddAuthRoutes(router, deps);
  AddSsoRoutes(router, deps);
  AddScimRoutes(router, deps);
  AddUserRoutes(router, deps);
  AddIntegrationRoutes(router, deps);
  AddEntitlementRoutes(router, deps);
  AddReviewRoutes(router, deps);
  AddCalendarRoutes(router, deps);
  AddChangeRequestRoutes(router, deps);
  AddForgeHookRoutes(router, deps);
  AddTrustRoutes(router, deps);
  AddReportRequestRoutes(router, deps);
  AddAgreementRenewalRoutes(router, deps);
  AddMyWorkRoutes(router, deps);
  AddRedFlagRoutes(router, deps);
  AddHookRoutes(router, deps);
  AddDeliveryRoutes(router, deps);
  AddSecureMessageRoutes(router, deps);
  AddStatusRoutes(router, deps);
  AddScanRoutes(router, deps);
  AddComplianceRoutes(router, deps);
  AddAnswerLibraryRoutes(router, deps);  // issue 28, part 5
  AddIncidentRoutes(router, deps);
  AddQuestionnaireRoutes(router, deps);
  AddBreachRoutes(router, deps);
  AddColleagueRoutes(router, deps);  // issue 28, item 2
  AddOpenApiRoute(router, deps);
}

}  // namespace accord::http
