// The one way to declare a route (http/route.h): what ReadRoute and CommandRoute put in the
// route table, and what the router refuses at start-up.
#include "accord/http/route.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "accord/http/json.h"
#include "accord/http/router.h"
#include "accord/http/schema.h"

namespace accord::http {
namespace {

namespace json = boost::json;

struct Counter {
  int calls = 0;
};

Response Count(Counter& c, Context&) {
  ++c.calls;
  return TextResponse(std::to_string(c.calls), "text/plain");
}

void CountLater(Counter& c, Context&&, Reply reply) {
  ++c.calls;
  reply(TextResponse(std::to_string(c.calls), "text/plain"));
}

Response Call(const Router& router, std::string method, std::string target) {
  Request request;
  request.method = std::move(method);
  request.target = std::move(target);
  Response out;
  router.Dispatch(std::move(request), [&](Response r) { out = std::move(r); });
  return out;
}

TEST(RouteTest, AReadRouteIsAGetWithItsRolesAndAnswer) {
  Counter counter;
  Route r = ReadRoute("/api/v1/things/{id}", domain::kOfficers,
                      Json(schema::Object({{"id", schema::String()}})))
                .Summary("One thing")
                .Tag("things")
                .Path("id", "thing id")
                .Paged()
                .Scopes({"ledger:read"})
                .Handle(counter, Count)
                .route();
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.roles, (std::vector<std::string>{"security_officer", "privacy_officer"}));
  EXPECT_FALSE(r.is_public);
  EXPECT_EQ(r.scopes, std::vector<std::string>{"ledger:read"});
  EXPECT_EQ(r.response_type, "application/json");
  EXPECT_EQ(r.success_status, 200);
  EXPECT_TRUE(r.request_schema.empty());
  ASSERT_EQ(r.params.size(), 3u);
  EXPECT_EQ(r.params[0].in, "path");
  EXPECT_TRUE(r.params[0].required);
  EXPECT_EQ(r.params[1].name, "limit");
  EXPECT_EQ(r.params[2].name, "cursor");
}

TEST(RouteTest, ACommandRouteTakesItsBodySchema) {
  json::object body = schema::Object({{"name", schema::String()}});
  Route r = CommandRoute("POST", "/api/v1/things", domain::kWorkforce, JsonBody(body),
                         Json(schema::Object({{"id", schema::String()}}), 201))
                .Summary("Make a thing")
                .BodyLimit(1024)
                .Handle([](Context&&, Reply reply) { reply(Response{}); })
                .route();
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.request_schema, body);
  EXPECT_EQ(r.success_status, 201);
  EXPECT_EQ(r.body_limit, 1024u);
  EXPECT_EQ(r.roles.size(), 3u);
}

TEST(RouteTest, APublicPageStatesItsMediaType) {
  Route r = ReadRoute("/trust", kPublic, Html()).Summary("A page").route();
  EXPECT_TRUE(r.is_public);
  EXPECT_TRUE(r.roles.empty());
  EXPECT_EQ(r.response_type, "text/html");
  EXPECT_TRUE(r.response_schema.empty());
}

TEST(RouteTest, TheRouterRefusesAJsonAnswerWithoutASchema) {
  Counter counter;
  Router router;
  EXPECT_THROW(
      router.Add(
          ReadRoute("/api/v1/bare", kPublic, Json({})).Summary("No schema").Handle(counter, Count)),
      std::invalid_argument);
  EXPECT_THROW(
      router.Add(ReadRoute("/api/v1/nobody", kPublic, Media("text/plain")).Summary("No handler")),
      std::invalid_argument);
  EXPECT_THROW(
      router.Add(ReadRoute("/api/v1/quiet", kPublic, Media("text/plain")).Handle(counter, Count)),
      std::invalid_argument);
  EXPECT_TRUE(router.routes().empty());
}

TEST(RouteTest, ACommandIsAWriteAndAJsonBodyHasASchema) {
  EXPECT_THROW(CommandRoute("GET", "/api/v1/x", kPublic, NoBody(), Media("text/plain")),
               std::invalid_argument);
  EXPECT_THROW(CommandRoute("POST", "/api/v1/x", kPublic, JsonBody({}), Media("text/plain")),
               std::invalid_argument);
}

TEST(RouteTest, HandlersAreNamedFunctionsOfTheGroupsState) {
  Counter counter;
  auto shared = std::make_shared<Counter>();
  Router router;
  router.Add(ReadRoute("/a", kPublic, Media("text/plain")).Summary("a").Handle(counter, Count));
  router.Add(CommandRoute("POST", "/b", kPublic, NoBody(), Media("text/plain"))
                 .Summary("b")
                 .Handle(counter, CountLater));
  router.Add(ReadRoute("/c", kPublic, Media("text/plain")).Summary("c").Handle(shared, Count));
  EXPECT_EQ(Call(router, "GET", "/a").body, "1");
  EXPECT_EQ(Call(router, "POST", "/b").body, "2");
  EXPECT_EQ(Call(router, "GET", "/c").body, "1");
  EXPECT_EQ(counter.calls, 2);
  EXPECT_EQ(shared->calls, 1);
}

}  // namespace
}  // namespace accord::http
