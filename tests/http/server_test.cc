#include "accord/http/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

#include "accord/http/json.h"
#include "accord/http/router.h"
#include "support/http_client.h"

namespace accord::http {
namespace {

namespace fs = std::filesystem;
using testing::HttpCall;
using testing::RawExchange;

Handler Echo() {
  return [](Request&& req, Reply reply) {
    boost::json::object headers;
    for (const auto& h : req.headers) headers[h.name] = h.value;
    reply(JsonResponse(boost::json::object{{"method", req.method},
                                           {"target", req.target},
                                           {"body", req.body},
                                           {"remote", req.remote_address},
                                           {"tls", req.tls},
                                           {"headers", std::move(headers)}}));
  };
}

Handler Text(std::string body) {
  return [body](Request&&, Reply reply) { reply(TextResponse(body, "text/plain")); };
}

boost::json::object ParseBody(const std::string& body) {
  return boost::json::parse(body).as_object();
}

ServerOptions Opts(void (*set)(ServerOptions&)) {
  ServerOptions o;
  set(o);
  return o;
}

ServerOptions TlsOpts(const fs::path& cert, const fs::path& key) {
  ServerOptions o;
  o.tls_cert = cert;
  o.tls_key = key;
  return o;
}

// A handler that parks each Reply until the test releases it.
class Parked {
 public:
  Handler handler() {
    return [this](Request&& req, Reply reply) {
      std::lock_guard lock(mu_);
      targets_.push_back(req.target);
      replies_.push_back(std::move(reply));
      cv_.notify_all();
    };
  }
  // Waits until `n` requests have reached the handler.
  bool WaitFor(size_t n) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, std::chrono::seconds(10), [&] { return replies_.size() >= n; });
  }
  Reply Take(size_t i) {
    std::lock_guard lock(mu_);
    return std::move(replies_.at(i));
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::string> targets_;
  std::vector<Reply> replies_;
};

// A blocking socket connected to 127.0.0.1:port with 10 s read timeout; -1 on failure.
int Connect(uint16_t port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  timeval timeout{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// True once connecting to the port is refused, i.e. the listener has closed.
bool WaitUntilRefused(uint16_t port) {
  for (int i = 0; i < 10000; ++i) {
    int fd = Connect(port);
    if (fd < 0) return true;
    close(fd);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

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

// The server wired to a router as serve.cc does, so each route's body limit applies.
class RoutedServer {
 public:
  static constexpr size_t kUploadLimit = 4 << 20;

  RoutedServer() {
    auto size = Sync([](Context& ctx) {
      return TextResponse(std::to_string(ctx.request.body.size()), "text/plain");
    });
    router_.Add(Route{.method = "POST",
                      .pattern = "/api/v1/documents/{id}/content",
                      .is_public = true,
                      .handler = size,
                      .body_limit = kUploadLimit});
    router_.Add(
        Route{.method = "POST", .pattern = "/api/v1/notes", .is_public = true, .handler = size});
    router_.Add(Route{.method = "POST",
                      .pattern = "/api/v1/tiny",
                      .is_public = true,
                      .handler = size,
                      .body_limit = 10});
    router_.Add(Route{.method = "GET",
                      .pattern = "/healthz",
                      .is_public = true,
                      .handler = Sync([](Context&) { return TextResponse("ok", "text/plain"); })});
    ServerOptions options;
    options.route_body_limit = [this](std::string_view method, std::string_view target) {
      return router_.BodyLimitFor(method, target);
    };
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
  ExpectTooLarge(HttpCall(*port, "POST", "/api/v1/unknown", std::string(2 << 20, 'x')), 1 << 20);
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

// Self-signed P-256 certificate for "localhost", written as PEM into a fresh directory.
class TlsFiles {
 public:
  TlsFiles() {
    dir_ = fs::temp_directory_path() /
           ("accord-http-test-" + std::to_string(getpid()) + "-" + std::to_string(++counter_));
    fs::create_directories(dir_);
    EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    X509* cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_set_pubkey(cert, key);
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    X509_sign(cert, key, EVP_sha256());

    FILE* f = fopen(cert_path().c_str(), "w");
    PEM_write_X509(f, cert);
    fclose(f);
    f = fopen(key_path().c_str(), "w");
    PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr);
    fclose(f);
    X509_free(cert);
    EVP_PKEY_free(key);
  }
  ~TlsFiles() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  fs::path cert_path() const { return dir_ / "cert.pem"; }
  fs::path key_path() const { return dir_ / "key.pem"; }
  fs::path dir() const { return dir_; }

 private:
  static inline int counter_ = 0;
  fs::path dir_;
};

// A raw OpenSSL client limited to `max_version`; returns "" on success, else OpenSSL's reason.
std::string TlsConnect(uint16_t port, int max_version) {
  int fd = Connect(port);
  if (fd < 0) return "connect failed";
  SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
  // Lift the client's own floor (Debian's openssl.cnf says TLS 1.2) so the server decides.
  SSL_CTX_set_security_level(ctx, 0);
  SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
  SSL_CTX_set_max_proto_version(ctx, max_version);
  SSL_CTX_set_cipher_list(ctx, "ALL:@SECLEVEL=0");
  SSL* ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  ERR_clear_error();
  std::string result;
  if (SSL_connect(ssl) != 1) {
    char buf[256];
    ERR_error_string_n(ERR_get_error(), buf, sizeof buf);
    result = buf[0] ? buf : "handshake failed";
  }
  SSL_free(ssl);
  SSL_CTX_free(ctx);
  close(fd);
  return result;
}

TEST(HttpServerTest, TlsRoundTripWithHsts) {
  TlsFiles files;
  Server server(TlsOpts(files.cert_path(), files.key_path()), Echo());
  EXPECT_TRUE(server.tls());
  auto port = server.Start();
  ASSERT_TRUE(port.ok()) << port.error().message;

  auto res = HttpCall(*port, "GET", "/secure", "", {}, /*tls=*/true);
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(ParseBody(res.body)["tls"], true);
  EXPECT_EQ(res.Header("Strict-Transport-Security"), "max-age=63072000");
  EXPECT_EQ(res.Header("X-Content-Type-Options"), "nosniff");

  // HTTPS only: plain HTTP gets no answer.
  EXPECT_EQ(HttpCall(*port, "GET", "/").status, 0);
  EXPECT_EQ(HttpCall(*port, "GET", "/again", "", {}, true).status, 200);
}

TEST(HttpServerTest, TlsRefusesClientsBelowTls12) {
  TlsFiles files;
  Server server(TlsOpts(files.cert_path(), files.key_path()), Text("ok"));
  auto port = server.Start();
  ASSERT_TRUE(port.ok());

  EXPECT_EQ(TlsConnect(*port, TLS1_2_VERSION), "") << "the raw client itself works";
  EXPECT_EQ(TlsConnect(*port, TLS1_3_VERSION), "");
  std::string refused = TlsConnect(*port, TLS1_1_VERSION);
  EXPECT_NE(refused, "");
  EXPECT_NE(refused.find("protocol version"), std::string::npos)
      << "the server must refuse with a protocol_version alert, got: " << refused;
}

TEST(HttpServerTest, BadTlsFilesFailStartWithThePath) {
  TlsFiles files;
  fs::path missing = files.dir() / "missing.pem";
  {
    Server server(TlsOpts(missing, files.key_path()), Text("ok"));
    auto port = server.Start();
    ASSERT_FALSE(port.ok());
    EXPECT_NE(port.error().message.find("--tls-cert " + missing.string()), std::string::npos)
        << port.error().message;
  }
  {
    Server server(TlsOpts(files.cert_path(), missing), Text("ok"));
    auto port = server.Start();
    ASSERT_FALSE(port.ok());
    EXPECT_NE(port.error().message.find("--tls-key " + missing.string()), std::string::npos)
        << port.error().message;
  }
  {
    // A key file that is not a key.
    Server server(TlsOpts(files.cert_path(), files.cert_path()), Text("ok"));
    auto port = server.Start();
    ASSERT_FALSE(port.ok());
    EXPECT_NE(port.error().message.find("--tls-key"), std::string::npos) << port.error().message;
  }
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
}  // namespace accord::http
