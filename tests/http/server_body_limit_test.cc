// The HTTP server wired to a router as serve.cc does (Router::Admit): each route's body limit
// applies, to plain, chunked and Expect: 100-continue bodies.
#include "accord/http/server.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <thread>

#include "accord/http/json.h"
#include "accord/http/router.h"
#include "http/server_test.h"
#include "support/http_client.h"

namespace accord::http::server_test {
namespace {

// The server wired to a router as serve.cc does, so each route's body limit applies.
class RoutedServer {
 public:
  static constexpr size_t kUploadLimit = 4 << 20;

  RoutedServer() {
    auto size = Sync([](Context& ctx) {
      return TextResponse(std::to_string(ctx.request.body.size()), "text/plain");
    });
    auto route = [&](std::string method, std::string pattern, size_t limit) {
      router_.Add(CommandRoute(std::move(method), std::move(pattern), kPublic, RawBody(),
                               Media("text/plain"))
                      .Summary("the body's size")
                      .BodyLimit(limit)
                      .Handle(size));
    };
    route("POST", "/api/v1/documents/{id}/content", kUploadLimit);
    route("POST", "/api/v1/notes", 0);
    route("POST", "/api/v1/tiny", 10);
    router_.Add(
        ReadRoute("/healthz", kPublic, Media("text/plain")).Summary("ok").Handle(Sync([](Context&) {
          return TextResponse("ok", "text/plain");
        })));
    ServerOptions options;
    options.admit = [this](const Request& head) { return router_.Admit(head); };
    server_ = std::make_unique<Server>(options, [this](Request&& req, Reply reply) {
      router_.Dispatch(std::move(req), std::move(reply));
    });
  }

  const Router& router() const { return router_; }
  Result<uint16_t> Start() { return server_->Start(); }

 private:
  Router router_;
  std::unique_ptr<Server> server_;
};

void ExpectTooLarge(const testing::HttpResult& res, size_t limit) {
  ASSERT_EQ(res.status, 413) << res.body;
  EXPECT_EQ(res.Header("Connection"), "close");
  auto error = ParseBody(res.body)["error"].as_object();
  EXPECT_EQ(error["code"], "payload_too_large");
  EXPECT_EQ(std::string(error["message"].as_string()),
            "request body exceeds " + std::to_string(limit) + " bytes");
  auto detail = error["details"].as_array().at(0).as_object();
  EXPECT_EQ(detail["field"], "body");
  EXPECT_EQ(std::string(detail["reason"].as_string()),
            "exceeds the limit of " + std::to_string(limit) + " bytes");
}

// Reads from a blocking socket until `marker` has arrived, or everything until the peer closes
// (or the 10 s timeout) when `marker` is empty.
std::string ReadUntil(int fd, std::string_view marker = {}) {
  std::string got;
  char buf[4096];
  while (marker.empty() || got.find(marker) == std::string::npos) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) break;
    got.append(buf, n);
  }
  return got;
}

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = write(fd, data.data(), data.size());
    if (n <= 0) return false;
    data.remove_prefix(n);
  }
  return true;
}

TEST(ServerBodyLimitTest, RouterFindsTheLimitOfTheRouteARequestReaches) {
  RoutedServer routed;
  const Router& router = routed.router();
  EXPECT_EQ(router.BodyLimitFor("POST", "/api/v1/documents/d1/content"), 4u << 20);
  EXPECT_EQ(router.BodyLimitFor("POST", "/api/v1/documents/d1/content?replace=true"), 4u << 20);
  EXPECT_EQ(router.BodyLimitFor("POST", "/api/v1/documents/d%201/content"), 4u << 20);
  EXPECT_EQ(router.BodyLimitFor("POST", "/api/v1/tiny"), 10u);
  EXPECT_EQ(router.BodyLimitFor("POST", "/api/v1/notes"), 0u) << "the server's default";
  EXPECT_EQ(router.BodyLimitFor("PUT", "/api/v1/documents/d1/content"), 0u) << "other method";
  EXPECT_EQ(router.BodyLimitFor("POST", "/api/v1/documents/d1"), 0u) << "no such route";
  EXPECT_EQ(router.BodyLimitFor("POST", "not a target"), 0u);
}

TEST(ServerBodyLimitTest, UploadRouteTakesMoreThanTheDefaultAndOthersDoNot) {
  RoutedServer server;
  auto port = server.Start();
  ASSERT_TRUE(port.ok()) << port.error().message;

  auto fits = HttpCall(*port, "POST", "/api/v1/documents/d1/content?x=1", std::string(3 << 20, 'x'),
                       {{"Content-Type", "application/pdf"}});
  ASSERT_EQ(fits.status, 200) << fits.body;
  EXPECT_EQ(fits.body, std::to_string(3 << 20));

  ExpectTooLarge(HttpCall(*port, "POST", "/api/v1/documents/d1/content", std::string(5 << 20, 'x')),
                 RoutedServer::kUploadLimit);
  ExpectTooLarge(HttpCall(*port, "POST", "/api/v1/notes", std::string(2 << 20, 'x')), 1 << 20);
  // No route: refused from the header (before the body and its size matter).
  EXPECT_EQ(HttpCall(*port, "POST", "/api/v1/unknown", std::string(2 << 20, 'x')).status, 404);
  EXPECT_EQ(HttpCall(*port, "POST", "/api/v1/notes", std::string(1 << 20, 'x')).body,
            std::to_string(1 << 20));

  auto health = HttpCall(*port, "GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, "ok");
}

TEST(ServerBodyLimitTest, ChunkedBodiesMeetTheRouteLimit) {
  RoutedServer server;
  auto port = server.Start();
  ASSERT_TRUE(port.ok());
  std::string chunked =
      "POST /api/v1/tiny HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
      "Connection: close\r\n\r\n";
  std::string raw = RawExchange(*port, chunked + "8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 413 ", 0), 0u) << raw;
  EXPECT_NE(raw.find("request body exceeds 10 bytes"), std::string::npos) << raw;
  raw = RawExchange(*port, chunked + "8\r\n12345678\r\n0\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 200 ", 0), 0u) << raw;
  EXPECT_EQ(HttpCall(*port, "GET", "/healthz").body, "ok");
}

TEST(ServerBodyLimitTest, ExpectContinueOnlyForABodyWithinTheRouteLimit) {
  RoutedServer server;
  auto port = server.Start();
  ASSERT_TRUE(port.ok());
  const std::string target = "POST /api/v1/documents/d1/content HTTP/1.1\r\nHost: x\r\n";

  // Over the limit: refused on the header alone, no invitation to send the body.
  int fd = Connect(*port);
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(WriteAll(fd, target + "Content-Length: " + std::to_string(5 << 20) +
                               "\r\nExpect: 100-continue\r\n\r\n"));
  std::string refused = ReadUntil(fd);
  close(fd);
  EXPECT_EQ(refused.rfind("HTTP/1.1 413 ", 0), 0u) << refused;
  EXPECT_NE(refused.find("request body exceeds 4194304 bytes"), std::string::npos) << refused;

  // Within it: "100 Continue", then the body, then the answer.
  fd = Connect(*port);
  ASSERT_GE(fd, 0);
  const size_t size = 3 << 20;
  ASSERT_TRUE(WriteAll(fd, target + "Content-Length: " + std::to_string(size) +
                               "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"));
  std::string interim = ReadUntil(fd, "\r\n\r\n");
  EXPECT_EQ(interim, "HTTP/1.1 100 Continue\r\n\r\n");
  ASSERT_TRUE(WriteAll(fd, std::string(size, 'x')));
  std::string answer = ReadUntil(fd);
  close(fd);
  EXPECT_EQ(answer.rfind("HTTP/1.1 200 ", 0), 0u) << answer;

  EXPECT_EQ(HttpCall(*port, "GET", "/healthz").body, "ok");
}

}  // namespace
}  // namespace accord::http::server_test
