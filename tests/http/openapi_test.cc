#include <gtest/gtest.h>
#include "support/build_paths.h"

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <iterator>

#include "accord/domain/reviews.h"
#include "accord/http/api.h"
#include "support/pretty_json.h"
#include "support/process.h"
#include "support/runtime_fixture.h"

namespace accord::http {
namespace {

namespace json = boost::json;

const json::array& schema_required(const json::object& schema) {
  static const json::array kNone;
  const json::value* r = schema.if_contains("required");
  return r && r->is_array() ? r->as_array() : kNone;
}

class OpenApiTest : public ::testing::Test {
 protected:
  OpenApiTest() : deps_{f_.rt().store(), f_.rt().log(), f_.clock(), metrics_, "test"} {
    AddAllRoutes(router_, deps_);
  }
  testing::RuntimeFixture f_;
  Metrics metrics_;
  ApiDeps deps_;
  Router router_;
};

TEST_F(OpenApiTest, EveryRouteIsDocumentedWithItsRoles) {
  json::object doc = OpenApiDocument(router_);
  const json::object& paths = doc.at("paths").as_object();
  ASSERT_GE(router_.routes().size(), 10u);
  for (const auto& route : router_.routes()) {
    std::string method = route.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(c));
    ASSERT_TRUE(paths.contains(route.pattern)) << route.pattern << " is missing";
    const json::object& item = paths.at(route.pattern).as_object();
    ASSERT_TRUE(item.contains(method)) << route.method << " " << route.pattern << " is missing";
    const json::object& op = item.at(method).as_object();
    EXPECT_EQ(op.at("x-accord-public").as_bool(), route.is_public) << route.pattern;
    EXPECT_EQ(op.at("x-accord-roles").as_array().size(), route.roles.size()) << route.pattern;
    // A route may be for systems alone (an integration token's scope), never for nobody.
    EXPECT_TRUE(route.is_public || !route.roles.empty() || !route.scopes.empty())
        << route.pattern << " is neither public nor open to any role or scope";
  }
}

// A JSON answer's schema says what is in it: properties, items, a named component or
// alternatives, never a bare {"type": "object"}.
bool Describes(const json::object& schema) {
  if (schema.contains("$ref") || schema.contains("oneOf")) return true;
  if (const json::value* items = schema.if_contains("items")) {
    return items->is_object() && Describes(items->as_object());
  }
  const json::value* props = schema.if_contains("properties");
  if (props && props->is_object() && !props->as_object().empty()) return true;
  const json::value* more = schema.if_contains("additionalProperties");
  return more && more->is_object() && Describes(more->as_object());
}

TEST_F(OpenApiTest, EveryJsonAnswerHasARealSchema) {
  json::object doc = OpenApiDocument(router_);
  int json_operations = 0;
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, op] : item.as_object()) {
      for (const auto& [status, response] : op.at("responses").as_object()) {
        if (status.front() != '2') continue;
        const json::value* content = response.as_object().if_contains("content");
        if (!content) continue;
        const json::value* body = content->as_object().if_contains("application/json");
        if (!body) continue;
        ++json_operations;
        const json::object& schema = body->as_object().at("schema").as_object();
        EXPECT_TRUE(Describes(schema))
            << std::string(method) << " " << std::string(path) << ": " << json::serialize(schema);
      }
    }
  }
  EXPECT_GE(json_operations, 100);
  // Every registry kind is a named component, with the fields the API answers with.
  const json::object& schemas = doc.at("components").as_object().at("schemas").as_object();
  const json::object& review = schemas.at("Review").as_object();
  EXPECT_TRUE(review.at("properties").as_object().contains("assignee"));
  EXPECT_TRUE(review.at("properties").as_object().contains("ledger_index"));
  const json::array& required = schema_required(review);
  EXPECT_NE(std::find(required.begin(), required.end(), json::value("status")), required.end());
  // A party's contact does not see our assessment, so it is never promised.
  const json::array& party_required = schema_required(schemas.at("Party").as_object());
  EXPECT_EQ(std::find(party_required.begin(), party_required.end(), json::value("risk_tier")),
            party_required.end());
}

// A review's documentation says what it holds: who documented it and when, and every section
// the `document` action takes, each with its type, so the portal reads it without guessing.
TEST_F(OpenApiTest, AReviewsDocumentationNamesItsSections) {
  json::object doc = OpenApiDocument(router_);
  const json::object& schemas = doc.at("components").as_object().at("schemas").as_object();
  const json::object& review = schemas.at("Review").as_object().at("properties").as_object();
  const json::object& sections =
      review.at("documentation").as_object().at("properties").as_object();
  EXPECT_TRUE(sections.contains("documented_by"));
  EXPECT_TRUE(sections.contains("documented_at"));
  for (const auto& field : domain::ReviewDocumentationFields()) {
    ASSERT_TRUE(sections.contains(field.name)) << field.name;
    EXPECT_TRUE(sections.at(field.name).as_object().contains("type")) << field.name;
  }
  EXPECT_EQ(json::serialize(sections.at("list_confirmed").as_object().at("type")),
            R"(["boolean","null"])");
  EXPECT_EQ(json::serialize(sections.at("risk_level").as_object().at("enum")),
            R"(["low","medium","high","critical",null])");
}

// docs/openapi.json is the document the portal's API types are generated from
// (web/src/generated/openapi.d.ts): it must be this build's. ACCORD_UPDATE_DOCS=1 rewrites it.
TEST_F(OpenApiTest, CommittedDocumentIsCurrent) {
  json::object doc = OpenApiDocument(router_);
  doc["info"].as_object()["version"] = "see /api/v1/openapi.json";
  std::string text = testing::PrettyJson(doc);
  std::string path = testing::SourceDir() + "/docs/openapi.json";
  if (const char* update = std::getenv("ACCORD_UPDATE_DOCS"); update && *update == '1') {
    std::ofstream(path) << text;
  }
  std::ifstream in(path);
  std::string committed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_TRUE(committed == text)
      << "docs/openapi.json is stale: run ACCORD_UPDATE_DOCS=1 accord_tests "
         "--gtest_filter=OpenApiTest.CommittedDocumentIsCurrent, then the portal's "
         "portal_api_types test with ACCORD_UPDATE_DOCS=1";
}

TEST_F(OpenApiTest, DocumentPassesARealOpenApiValidator) {
  std::string file = f_.dir().str() + "/openapi.json";
  std::ofstream(file) << json::serialize(OpenApiDocument(router_));
  std::string checker = testing::SourceDir() + "/tools/openapi-check/check.mjs";
  std::string cmd = testing::TestNode() + " " + checker + " " + file + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buf[512];
  while (fgets(buf, sizeof buf, pipe)) output += buf;
  int status = pclose(pipe);
  EXPECT_EQ(status, 0) << output;
  EXPECT_NE(output.find("valid OpenAPI 3.1.0"), std::string::npos) << output;
}

TEST_F(OpenApiTest, ValidatorRejectsABrokenDocument) {
  // Proves the validator is real: a document with an undefined $ref must fail.
  json::object doc = OpenApiDocument(router_);
  doc["paths"].as_object()["/x"] = json::object{
      {"get", json::object{{"responses",
                            json::object{{"200", json::object{{"$ref", "#/components/nope"}}}}}}}};
  std::string file = f_.dir().str() + "/broken.json";
  std::ofstream(file) << json::serialize(doc);
  std::string cmd = testing::TestNode() + " " + testing::SourceDir() +
                    "/tools/openapi-check/check.mjs " + file + " >/dev/null 2>&1";
  EXPECT_NE(std::system(cmd.c_str()), 0);
}

}  // namespace
}  // namespace accord::http
