#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>

#include "accord/http/api.h"
#include "support/process.h"
#include "support/runtime_fixture.h"

namespace accord::http {
namespace {

namespace json = boost::json;

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
    EXPECT_TRUE(route.is_public || !route.roles.empty())
        << route.pattern << " is neither public nor open to any role";
  }
}

TEST_F(OpenApiTest, DocumentPassesARealOpenApiValidator) {
  std::string file = f_.dir().str() + "/openapi.json";
  std::ofstream(file) << json::serialize(OpenApiDocument(router_));
  std::string checker = std::string(ACCORD_SOURCE_DIR) + "/tools/openapi-check/check.mjs";
  std::string cmd = std::string(ACCORD_TEST_NODE) + " " + checker + " " + file + " 2>&1";
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
  std::string cmd = std::string(ACCORD_TEST_NODE) + " " + std::string(ACCORD_SOURCE_DIR) +
                    "/tools/openapi-check/check.mjs " + file + " >/dev/null 2>&1";
  EXPECT_NE(std::system(cmd.c_str()), 0);
}

}  // namespace
}  // namespace accord::http
