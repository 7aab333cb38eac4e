// The server asks the router about a request from its header alone (issue 21): who calls which
// route is settled before a body byte is read, so an anonymous client cannot make the server
// hold 25 MiB; uploads go to temporary files, a bounded number at once; every answer is dated.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "accord/core/clock.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/http/json.h"
#include "accord/http/router.h"
#include "accord/http/server.h"
#include "http/server_test.h"
#include "support/temp_dir.h"

namespace accord::http::server_test {
namespace {

using namespace std::chrono_literals;

constexpr size_t kUploadLimit = 1 << 20;
constexpr size_t kAnnounced = 25u << 20;  // what an upload may declare: 25 MiB

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

std::string Header(const std::string& raw, std::string_view name) {
  std::string needle = "\r\n" + std::string(name) + ": ";
  size_t at = raw.find(needle);
  if (at == std::string::npos) return {};
  at += needle.size();
  return raw.substr(at, raw.find("\r\n", at) - at);
}

boost::json::object ErrorOf(const std::string& raw) {
  return ParseBody(raw.substr(raw.find("\r\n\r\n") + 4))["error"].as_object();
}

// A router with one signed-in upload route (spooled to files), one signed-in JSON route and a
// public health check, behind a server wired as serve.cc wires it, on a fake clock.
class AdmittingServer {
 public:
  explicit AdmittingServer(int max_spooled = 4)
      : clock_(TimePoint{std::chrono::sys_days{2026y / 11 / 23}} + 10h + 15min + 30s) {
    router_.SetAuthenticator([](const Request& r) -> Result<std::optional<Principal>> {
      std::string_view auth = r.HeaderValue("Authorization");
      if (auth == "Bearer officer") return std::optional(Principal{"usr_1", "security_officer"});
      if (auth == "Bearer staff") return std::optional(Principal{"usr_2", "staff"});
      return std::optional<Principal>();
    });
    router_.Add(CommandRoute("POST", "/api/v1/parties/{id}/documents",
                             domain::RoleSet{domain::Role::kSecurityOfficer}, RawBody(),
                             Media("text/plain"))
                    .Summary("an upload")
                    .BodyLimit(kUploadLimit)
                    .SpoolBody()
                    .Handle([this](Context&& ctx, Reply reply) { OnUpload(ctx, reply); }));
    router_.Add(CommandRoute("POST", "/api/v1/notes",
                             domain::RoleSet{domain::Role::kSecurityOfficer, domain::Role::kStaff},
                             RawBody(), Media("text/plain"))
                    .Summary("the body's size")
                    .Handle(Sync([](Context& ctx) {
                      return TextResponse(std::to_string(ctx.request.body.size()), "text/plain");
                    })));
    router_.Add(
        ReadRoute("/healthz", kPublic, Media("text/plain")).Summary("ok").Handle(Sync([](Context&) {
          return TextResponse("ok", "text/plain");
        })));
    ServerOptions options;
    options.admit = [this](const Request& head) { return router_.Admit(head); };
    options.spool_dir = spool_dir();
    options.max_spooled = max_spooled;
    options.clock = &clock_;
    server_ = std::make_unique<Server>(options, [this](Request&& req, Reply reply) {
      router_.Dispatch(std::move(req), std::move(reply));
    });
  }

  uint16_t Start() {
    auto port = server_->Start();
    EXPECT_TRUE(port.ok()) << port.error().message;
    return port.ok() ? *port : 0;
  }
  std::filesystem::path spool_dir() const { return dir_.path() / "uploads"; }
  size_t SpooledFiles() const {
    size_t n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(spool_dir())) {
      (void)entry;
      ++n;
    }
    return n;
  }

 private:
  // Describes the file the server received the body into, while it still exists.
  void OnUpload(Context& ctx, Reply& reply) {
    auto file = std::move(ctx.request.body_file);
    if (!file) return reply(TextResponse("in memory: " + ctx.request.body, "text/plain"));
    struct stat st {};
    bool exists = stat(file->path().c_str(), &st) == 0;
    boost::json::object about{{"size", static_cast<int64_t>(file->size())},
                              {"sha256", file->sha256()},
                              {"exists", exists},
                              {"mode", static_cast<int64_t>(st.st_mode & 0777)},
                              {"in_spool_dir", file->path().parent_path() == spool_dir()},
                              {"body_in_memory", static_cast<int64_t>(ctx.request.body.size())}};
    file.reset();  // the upload slot is free before the answer leaves
    reply(JsonResponse(about));
  }

  testing::TempDir dir_;
  FakeClock clock_;
  Router router_;
  std::unique_ptr<Server> server_;
};

const std::string kUpload = "POST /api/v1/parties/p1/documents HTTP/1.1\r\nHost: x\r\n";

// The regression test of issue 21's first finding: the old server read (and held) the whole
// declared body before anyone looked at who sent it, so it could not answer this client, which
// sends no body at all.
TEST(ServerAdmissionTest, AnonymousUploadIsRefusedBeforeItsBodyIsSent) {
  AdmittingServer server;
  uint16_t port = server.Start();
  int fd = Connect(port);
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(WriteAll(fd, kUpload + "Content-Type: application/pdf\r\nContent-Length: " +
                               std::to_string(kAnnounced) + "\r\n\r\n"));
  std::string answer = ReadUntil(fd);  // the server answers and closes; no body byte was sent
  close(fd);
  ASSERT_EQ(answer.rfind("HTTP/1.1 401 ", 0), 0u) << answer;
  EXPECT_EQ(Header(answer, "Connection"), "close");
  EXPECT_EQ(ErrorOf(answer)["code"], "unauthenticated");
  EXPECT_EQ(server.SpooledFiles(), 0u);
}

TEST(ServerAdmissionTest, RoleRouteAndMethodAreDecidedBeforeTheBody) {
  AdmittingServer server;
  uint16_t port = server.Start();
  const std::string body_header = "Content-Length: " + std::to_string(kAnnounced) + "\r\n\r\n";
  struct Case {
    std::string request;
    std::string status;
    std::string code;
  };
  const Case cases[] = {
      {kUpload + "Authorization: Bearer staff\r\n" + body_header, "403", "forbidden"},
      {"POST /api/v1/nowhere HTTP/1.1\r\nHost: x\r\n" + body_header, "404", "not_found"},
      {"PUT /api/v1/notes HTTP/1.1\r\nHost: x\r\n" + body_header, "405", "method_not_allowed"},
      // Signed in, but declaring more than the route takes.
      {kUpload + "Authorization: Bearer officer\r\n" + body_header, "413", "payload_too_large"},
  };
  for (const auto& c : cases) {
    int fd = Connect(port);
    ASSERT_GE(fd, 0);
    ASSERT_TRUE(WriteAll(fd, c.request));
    std::string answer = ReadUntil(fd);
    close(fd);
    EXPECT_EQ(answer.rfind("HTTP/1.1 " + c.status + " ", 0), 0u) << c.request << answer;
    EXPECT_EQ(ErrorOf(answer)["code"], c.code.c_str()) << answer;
  }
  EXPECT_EQ(server.SpooledFiles(), 0u);
}

TEST(ServerAdmissionTest, ContinueIsSentOnlyToAnAuthorisedRequest) {
  AdmittingServer server;
  uint16_t port = server.Start();
  const std::string expect = "Expect: 100-continue\r\nContent-Type: application/pdf\r\n";

  int fd = Connect(port);
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(WriteAll(fd, kUpload + expect + "Content-Length: 100\r\n\r\n"));
  std::string refused = ReadUntil(fd);
  close(fd);
  EXPECT_EQ(refused.rfind("HTTP/1.1 401 ", 0), 0u) << refused;
  EXPECT_EQ(refused.find("100 Continue"), std::string::npos) << refused;

  fd = Connect(port);
  ASSERT_GE(fd, 0);
  const std::string body(1000, 'x');
  ASSERT_TRUE(WriteAll(fd, kUpload + expect + "Authorization: Bearer officer\r\nContent-Length: " +
                               std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n"));
  EXPECT_EQ(ReadUntil(fd, "\r\n\r\n"), "HTTP/1.1 100 Continue\r\n\r\n");
  ASSERT_TRUE(WriteAll(fd, body));
  std::string answer = ReadUntil(fd);
  close(fd);
  ASSERT_EQ(answer.rfind("HTTP/1.1 200 ", 0), 0u) << answer;
  auto got = ParseBody(answer.substr(answer.find("\r\n\r\n") + 4));
  EXPECT_EQ(got["size"].as_int64(), static_cast<int64_t>(body.size()));
  EXPECT_EQ(got["sha256"], HexEncode(Sha256(body)).c_str());
  EXPECT_EQ(got["exists"], true);
  EXPECT_EQ(got["mode"].as_int64(), 0600);
  EXPECT_EQ(got["in_spool_dir"], true);
  EXPECT_EQ(got["body_in_memory"].as_int64(), 0);
}

TEST(ServerAdmissionTest, AnUploadOverTheLimitMidwayLeavesNoFile) {
  AdmittingServer server;
  uint16_t port = server.Start();
  int fd = Connect(port);
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(WriteAll(fd, kUpload +
                               "Authorization: Bearer officer\r\nTransfer-Encoding: chunked\r\n"
                               "Expect: 100-continue\r\n\r\n"));
  ASSERT_EQ(ReadUntil(fd, "\r\n\r\n"), "HTTP/1.1 100 Continue\r\n\r\n");
  // A first chunk within the limit (the file exists now), then one that passes it.
  const std::string chunk(kUploadLimit / 2 + 1, 'x');
  char size_line[32];
  std::snprintf(size_line, sizeof size_line, "%zx\r\n", chunk.size());
  std::string answer;
  if (WriteAll(fd, size_line + chunk + "\r\n") && WriteAll(fd, size_line + chunk + "\r\n")) {
    answer = ReadUntil(fd);
  }
  close(fd);
  ASSERT_EQ(answer.rfind("HTTP/1.1 413 ", 0), 0u) << answer;
  // The partial file is removed before the answer is written.
  EXPECT_EQ(server.SpooledFiles(), 0u);
}

TEST(ServerAdmissionTest, UploadsBeyondTheCapAreAskedToRetry) {
  AdmittingServer server(/*max_spooled=*/1);
  uint16_t port = server.Start();
  const std::string body(1000, 'y');
  const std::string upload = kUpload +
                             "Authorization: Bearer officer\r\nExpect: 100-continue\r\n"
                             "Content-Length: " +
                             std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n";
  // The first holds the one slot from "100 Continue" (admitted, file open) until it is handled.
  int first = Connect(port);
  ASSERT_GE(first, 0);
  ASSERT_TRUE(WriteAll(first, upload));
  ASSERT_EQ(ReadUntil(first, "\r\n\r\n"), "HTTP/1.1 100 Continue\r\n\r\n");

  int second = Connect(port);
  ASSERT_GE(second, 0);
  ASSERT_TRUE(WriteAll(second, upload));
  std::string busy = ReadUntil(second);
  close(second);
  ASSERT_EQ(busy.rfind("HTTP/1.1 503 ", 0), 0u) << busy;
  EXPECT_EQ(Header(busy, "Retry-After"), "1");
  EXPECT_EQ(ErrorOf(busy)["code"], "unavailable");
  EXPECT_EQ(busy.find("100 Continue"), std::string::npos);

  // Requests that spool nothing are not held back by it.
  EXPECT_EQ(HttpCall(port, "GET", "/healthz").body, "ok");
  ASSERT_TRUE(WriteAll(first, body));
  std::string done = ReadUntil(first);
  close(first);
  EXPECT_EQ(done.rfind("HTTP/1.1 200 ", 0), 0u) << done;

  // The slot is free again once the first upload has been handled.
  int third = Connect(port);
  ASSERT_GE(third, 0);
  ASSERT_TRUE(WriteAll(third, upload));
  ASSERT_EQ(ReadUntil(third, "\r\n\r\n"), "HTTP/1.1 100 Continue\r\n\r\n");
  ASSERT_TRUE(WriteAll(third, body));
  std::string again = ReadUntil(third);
  close(third);
  EXPECT_EQ(again.rfind("HTTP/1.1 200 ", 0), 0u) << again;
}

TEST(ServerAdmissionTest, ARefusalWithoutABodyKeepsTheConnection) {
  AdmittingServer server;
  uint16_t port = server.Start();
  std::string raw = RawExchange(port,
                                "GET /api/v1/nowhere HTTP/1.1\r\nHost: x\r\n\r\n"
                                "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 404 ", 0), 0u) << raw;
  EXPECT_NE(raw.find("HTTP/1.1 200 "), std::string::npos) << raw;
}

TEST(ServerAdmissionTest, EveryAnswerIsDatedByTheInjectedClock) {
  AdmittingServer server;
  uint16_t port = server.Start();
  const std::string date = "Mon, 23 Nov 2026 10:15:30 GMT";
  EXPECT_EQ(HttpCall(port, "GET", "/healthz").Header("Date"), date);             // a handler's
  EXPECT_EQ(HttpCall(port, "GET", "/api/v1/nowhere").Header("Date"), date);      // the router's
  EXPECT_EQ(HttpCall(port, "POST", "/api/v1/notes", "x").Header("Date"), date);  // refused
  std::string raw = RawExchange(port, "NOT A REQUEST\r\n\r\n");  // the server's own error
  EXPECT_EQ(raw.rfind("HTTP/1.1 400 ", 0), 0u) << raw;
  EXPECT_EQ(Header(raw, "Date"), date);
}

}  // namespace
}  // namespace accord::http::server_test
