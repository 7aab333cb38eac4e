// The HTTP server (http/server.cc) on port 0: requests and replies, security headers, limits,
// timeouts, keep-alive, replies from other threads, and stopping.
#include "accord/http/server.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <thread>

#include "accord/http/json.h"
#include "http/server_test.h"
#include "support/http_client.h"

namespace accord::http::server_test {
namespace {

TEST(HttpServerTest, PortZeroReturnsTheBoundPort) {
  Server server({}, Text("ok"));
  auto port = server.Start();
  ASSERT_TRUE(port.ok()) << port.error().message;
  EXPECT_NE(*port, 0);
  EXPECT_FALSE(server.tls());
  EXPECT_EQ(HttpCall(*port, "GET", "/").status, 200);
}

TEST(HttpServerTest, HandlerSeesTheRequestAndItsReplyRoundTrips) {
  Server server({}, Echo());
  auto port = server.Start();
  ASSERT_TRUE(port.ok());

  auto res = HttpCall(*port, "POST", "/api/v1/things?limit=5", R"({"a":1})",
                      {{"X-Request-Id", "abc"}, {"Content-Type", "application/json"}});
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.Header("content-type"), "application/json");
  auto body = ParseBody(res.body);
  EXPECT_EQ(body["method"], "POST");
  EXPECT_EQ(body["target"], "/api/v1/things?limit=5");
  EXPECT_EQ(body["body"], R"({"a":1})");
  EXPECT_EQ(body["remote"], "127.0.0.1");
  EXPECT_EQ(body["tls"], false);
  EXPECT_EQ(body["headers"].as_object()["X-Request-Id"], "abc");
}

TEST(HttpServerTest, EveryResponseCarriesSecurityHeaders) {
  Server server({}, [](Request&& req, Reply reply) {
    Response r = TextResponse("hi", "text/plain");
    if (req.target == "/cached") r.headers.push_back({"Cache-Control", "max-age=60"});
    r.headers.push_back({"Set-Cookie", "a=1"});
    r.headers.push_back({"Set-Cookie", "b=2"});
    reply(std::move(r));
  });
  auto port = server.Start();
  ASSERT_TRUE(port.ok());

  auto res = HttpCall(*port, "GET", "/");
  ASSERT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "hi");
  EXPECT_EQ(res.Header("Content-Type"), "text/plain");
  EXPECT_EQ(res.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(res.Header("X-Frame-Options"), "DENY");
  EXPECT_EQ(res.Header("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(res.Header("Content-Security-Policy"),
            "default-src 'self'; frame-ancestors 'none'; base-uri 'none'");
  EXPECT_EQ(res.Header("Cross-Origin-Opener-Policy"), "same-origin");
  EXPECT_EQ(res.Header("Server"), "accord");
  EXPECT_EQ(res.Header("Cache-Control"), "no-store");
  EXPECT_EQ(res.Header("Strict-Transport-Security"), "") << "no HSTS over plain HTTP";
  int cookies = 0;
  for (const auto& [name, value] : res.headers) cookies += name == "Set-Cookie";
  EXPECT_EQ(cookies, 2);

  EXPECT_EQ(HttpCall(*port, "GET", "/cached").Header("Cache-Control"), "max-age=60");

  // Errors the server produces itself carry them too.
  std::string raw = RawExchange(*port, "NOT A REQUEST\r\n\r\n");
  EXPECT_NE(raw.find("X-Content-Type-Options: nosniff"), std::string::npos) << raw;
  EXPECT_NE(raw.find("Content-Security-Policy: default-src 'self'"), std::string::npos);
}

TEST(HttpServerTest, HeadGetsTheLengthButNoBody) {
  Server server({}, [](Request&& req, Reply reply) {
    reply(TextResponse(req.method == "HEAD" ? "twelve bytes" : "wrong", "text/plain"));
  });
  auto port = server.Start();
  ASSERT_TRUE(port.ok());

  auto res = HttpCall(*port, "HEAD", "/");
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.Header("Content-Length"), "12");
  EXPECT_EQ(res.body, "");
  std::string raw = RawExchange(*port, "HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(raw.substr(raw.size() - 4), "\r\n\r\n") << "nothing after the header: " << raw;
}

TEST(HttpServerTest, ReplyFromAnotherThreadLater) {
  std::promise<Reply> parked;
  std::thread::id handler_thread;
  Server server({}, [&](Request&&, Reply reply) {
    handler_thread = std::this_thread::get_id();
    parked.set_value(std::move(reply));
  });
  auto port = server.Start();
  ASSERT_TRUE(port.ok());

  std::thread::id writer_thread;
  std::thread writer([&] {
    Reply reply = parked.get_future().get();  // the handler has returned by now
    writer_thread = std::this_thread::get_id();
    reply(TextResponse("committed", "text/plain", 201));
  });
  auto res = HttpCall(*port, "POST", "/write", "x");
  writer.join();
  EXPECT_EQ(res.status, 201);
  EXPECT_EQ(res.body, "committed");
  EXPECT_NE(handler_thread, writer_thread);
}

TEST(HttpServerTest, HandlerThatDropsItsReplyAnswers500) {
  Server server({}, [](Request&&, Reply) {});
  auto port = server.Start();
  ASSERT_TRUE(port.ok());
  auto res = HttpCall(*port, "GET", "/");
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(ParseBody(res.body)["error"].as_object()["code"], "internal");
}

TEST(HttpServerTest, HandlerThatThrowsAnswers500) {
  Server server({}, [](Request&&, Reply) { throw std::runtime_error("boom"); });
  auto port = server.Start();
  ASSERT_TRUE(port.ok());
  EXPECT_EQ(HttpCall(*port, "GET", "/").status, 500);
}

TEST(HttpServerTest, BodyOverTheLimitIs413AndTheServerKeepsServing) {
  Server server({}, Text("ok"));
  auto port = server.Start();
  ASSERT_TRUE(port.ok());

  auto res = HttpCall(*port, "POST", "/upload", std::string(2 << 20, 'x'));
  ASSERT_EQ(res.status, 413) << res.body;
  EXPECT_EQ(res.Header("Connection"), "close");
  EXPECT_EQ(res.Header("X-Frame-Options"), "DENY");
  auto error = ParseBody(res.body)["error"].as_object();
  EXPECT_EQ(error["code"], "payload_too_large");
  EXPECT_EQ(error["message"], "request body exceeds 1048576 bytes");
  auto detail = error["details"].as_array().at(0).as_object();
  EXPECT_EQ(detail["field"], "body");
  EXPECT_EQ(detail["reason"], "exceeds the limit of 1048576 bytes");

  EXPECT_EQ(HttpCall(*port, "POST", "/upload", std::string(1 << 20, 'x')).status, 200);
  EXPECT_EQ(HttpCall(*port, "GET", "/").body, "ok");
}

TEST(HttpServerTest, ChunkedBodyOverTheLimitIs413) {
  Server server(Opts([](ServerOptions& o) { o.body_limit = 10; }), Text("ok"));
  auto port = server.Start();
  ASSERT_TRUE(port.ok());
  std::string raw = RawExchange(*port,
                                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                "8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 413 ", 0), 0u) << raw;
  EXPECT_NE(raw.find("request body exceeds 10 bytes"), std::string::npos);
}

TEST(HttpServerTest, MalformedRequestIs400AndTheServerKeepsServing) {
  Server server({}, Text("ok"));
  auto port = server.Start();
  ASSERT_TRUE(port.ok());

  std::string raw = RawExchange(*port, "GET / HTTP/1.1\r\nBad Header Line\r\n\r\n");
  ASSERT_EQ(raw.rfind("HTTP/1.1 400 ", 0), 0u) << raw;
  auto body = raw.substr(raw.find("\r\n\r\n") + 4);
  EXPECT_EQ(ParseBody(body)["error"].as_object()["code"], "bad_request");

  EXPECT_EQ(RawExchange(*port, std::string("\x16\x03\x01\x02\x00", 5)).rfind("HTTP/1.1 400 ", 0),
            0u);
  EXPECT_EQ(HttpCall(*port, "GET", "/").body, "ok");
}

TEST(HttpServerTest, OversizedHeaderIs431) {
  Server server({}, Text("ok"));
  auto port = server.Start();
  ASSERT_TRUE(port.ok());
  auto res = HttpCall(*port, "GET", "/", "", {{"X-Big", std::string(20 * 1024, 'a')}});
  EXPECT_EQ(res.status, 431) << res.body;
  EXPECT_EQ(HttpCall(*port, "GET", "/", "", {{"X-Fits", std::string(8 * 1024, 'a')}}).status, 200);
}

TEST(HttpServerTest, KeepAliveConnectionServesSequentialRequests) {
  std::atomic<int> calls{0};
  Server server({}, [&](Request&& req, Reply reply) {
    reply(TextResponse(req.target + " #" + std::to_string(++calls), "text/plain"));
  });
  auto port = server.Start();
  ASSERT_TRUE(port.ok());
  std::string raw = RawExchange(*port,
                                "GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
                                "GET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(raw.find("/a #1"), std::string::npos) << raw;
  EXPECT_NE(raw.find("/b #2"), std::string::npos) << raw;
}

TEST(HttpServerTest, ExpectContinueGetsAnInterimResponse) {
  Server server({}, Echo());
  auto port = server.Start();
  ASSERT_TRUE(port.ok());
  auto res = HttpCall(*port, "PUT", "/", "payload", {{"Expect", "100-continue"}});
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(ParseBody(res.body)["body"], "payload");
}

TEST(HttpServerTest, SlowRequestIsCutOffAfterTheReadTimeout) {
  Server server(Opts([](ServerOptions& o) { o.read_timeout = std::chrono::seconds(1); }),
                Text("ok"));
  auto port = server.Start();
  ASSERT_TRUE(port.ok());
  auto start = std::chrono::steady_clock::now();
  std::string raw = RawExchange(*port, "GET / HTTP/1.1\r\nHost: x\r\n");  // never finished
  EXPECT_EQ(raw, "");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(HttpServerTest, ReplyAfterTheClientLeftIsHarmless) {
  Parked parked;
  Server server({}, parked.handler());
  auto port = server.Start();
  ASSERT_TRUE(port.ok());

  int fd = Connect(*port);
  ASSERT_GE(fd, 0);
  std::string req = "GET /gone HTTP/1.1\r\nHost: x\r\n\r\n";
  ASSERT_EQ(write(fd, req.data(), req.size()), static_cast<ssize_t>(req.size()));
  ASSERT_TRUE(parked.WaitFor(1));
  close(fd);  // the client leaves before the reply

  Reply reply = parked.Take(0);
  reply(TextResponse("late", "text/plain"));
  reply(TextResponse("twice", "text/plain"));  // a second call is ignored
  EXPECT_TRUE(parked.WaitFor(1));
  std::thread client([&] { HttpCall(*port, "GET", "/next"); });
  ASSERT_TRUE(parked.WaitFor(2)) << "still serving";
  parked.Take(1)(TextResponse("ok", "text/plain"));
  client.join();
}

TEST(HttpServerTest, ReplyAfterTheServerIsDestroyedIsHarmless) {
  Parked parked;
  std::thread client;
  uint16_t port = 0;
  {
    Server server(Opts([](ServerOptions& o) { o.drain_timeout = std::chrono::seconds(0); }),
                  parked.handler());
    auto started = server.Start();
    ASSERT_TRUE(started.ok());
    port = *started;
    client = std::thread([port] { HttpCall(port, "GET", "/parked"); });
    ASSERT_TRUE(parked.WaitFor(1));
  }
  client.join();
  Reply reply = parked.Take(0);
  reply(TextResponse("too late", "text/plain"));  // ASan would flag a use-after-free here
}
TEST(HttpServerTest, AddressInUseFailsStart) {
  Server first({}, Text("ok"));
  auto port = first.Start();
  ASSERT_TRUE(port.ok());
  ServerOptions taken;
  taken.port = *port;
  Server second(taken, Text("ok"));
  auto result = second.Start();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(result.error().message.find("127.0.0.1:" + std::to_string(*port) +
                                        ": address already in use"),
            std::string::npos)
      << result.error().message;
}

TEST(HttpServerTest, StopLetsTheInFlightRequestFinish) {
  Parked parked;
  Server server({}, parked.handler());
  auto port = server.Start();
  ASSERT_TRUE(port.ok());

  auto in_flight = std::async(std::launch::async, [&] { return HttpCall(*port, "GET", "/slow"); });
  ASSERT_TRUE(parked.WaitFor(1));
  auto stopped = std::async(std::launch::async, [&] { server.Stop(); });
  ASSERT_TRUE(WaitUntilRefused(*port)) << "Stop() closes the listener first";
  EXPECT_EQ(stopped.wait_for(std::chrono::seconds(0)), std::future_status::timeout)
      << "Stop() waits for the request in the handler";

  parked.Take(0)(TextResponse("finished", "text/plain"));
  auto res = in_flight.get();
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "finished");
  EXPECT_EQ(res.Header("Connection"), "close");
  stopped.get();
  server.Wait();  // returns at once: already stopped
}

TEST(HttpServerTest, StopClosesIdleKeepAliveConnectionsPromptly) {
  Server server(Opts([](ServerOptions& o) { o.drain_timeout = std::chrono::seconds(30); }),
                Text("ok"));
  auto port = server.Start();
  ASSERT_TRUE(port.ok());

  // An idle keep-alive connection: one answered request, then silence.
  std::promise<void> answered;
  auto idle = std::async(std::launch::async, [&] {
    int fd = Connect(*port);
    std::string req = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    (void)write(fd, req.data(), req.size());
    char buf[4096];
    std::string got;
    bool signalled = false;
    while (true) {
      ssize_t n = read(fd, buf, sizeof buf);
      if (n <= 0) break;
      got.append(buf, n);
      if (!signalled && got.find("\r\n\r\nok") != std::string::npos) {
        signalled = true;
        answered.set_value();
      }
    }
    close(fd);
    return got;
  });
  ASSERT_EQ(answered.get_future().wait_for(std::chrono::seconds(10)), std::future_status::ready);

  auto start = std::chrono::steady_clock::now();
  server.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_NE(idle.get().find("200 OK"), std::string::npos);  // and then it saw the close
  // A second Stop() is a no-op.
  server.Stop();
}

TEST(HttpServerTest, StopBeforeStartAndWaitAfterStop) {
  Server server({}, Text("ok"));
  server.Stop();
  server.Wait();
  server.Stop();
}

TEST(HttpServerTest, StopFromAnotherThreadReleasesWait) {
  Server server({}, Text("ok"));
  ASSERT_TRUE(server.Start().ok());
  std::thread stopper([&] { server.Stop(); });
  server.Wait();
  stopper.join();
}

}  // namespace
}  // namespace accord::http::server_test
