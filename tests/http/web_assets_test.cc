// The portal's static files: what /app/… answers, caching, gzip twins, the SPA fallback, and
// that nothing outside the built directory can be named.
#include "accord/http/web_assets.h"

#include <gtest/gtest.h>

#include <fstream>

#include "accord/http/router.h"
#include "support/temp_dir.h"

namespace accord::http {
namespace {

using accord::testing::TempDir;

void Write(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string HeaderOf(const Response& r, std::string_view name) {
  for (const auto& h : r.headers) {
    if (h.name == name) return h.value;
  }
  return "";
}

class WebAssetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Write(dir_.path() / "index.html", "<!doctype html><title>Accord</title>");
    Write(dir_.path() / "assets/index-abc123.js", "console.log(1)");
    Write(dir_.path() / "assets/index-abc123.js.gz", "GZIPPED");
    Write(dir_.path() / "assets/index-abc123.css", "body{}");
    Write(dir_.path() / "orphan.txt.gz", "no original");
    Write(dir_.path().parent_path() / (dir_.path().filename().string() + "-secret.txt"), "x");
    auto loaded = WebAssets::Load(dir_.path());
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    assets_ = *loaded;
  }
  void TearDown() override {
    std::filesystem::remove(dir_.path().parent_path() /
                            (dir_.path().filename().string() + "-secret.txt"));
  }
  std::optional<Response> Get(std::string_view path, std::string accept = "") {
    Request r;
    r.method = "GET";
    r.target = std::string(path);
    if (!accept.empty()) r.headers.push_back({"Accept-Encoding", accept});
    return assets_->Serve(r, path);
  }
  TempDir dir_;
  std::shared_ptr<const WebAssets> assets_;
};

TEST_F(WebAssetsTest, RootRedirectsToThePortal) {
  auto r = Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(HeaderOf(*r, "Location"), "/app/");
  r = Get("/app");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 301);
  EXPECT_EQ(HeaderOf(*r, "Location"), "/app/");
}

TEST_F(WebAssetsTest, ScreensAnswerIndexHtmlUncached) {
  for (std::string_view path : {"/app/", "/app/parties", "/app/parties/pty_1", "/app/ledger"}) {
    auto r = Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_EQ(r->content_type, "text/html; charset=utf-8");
    EXPECT_NE(r->body.find("<title>Accord</title>"), std::string::npos);
    EXPECT_EQ(HeaderOf(*r, "Cache-Control"), "no-cache");
    EXPECT_EQ(HeaderOf(*r, "Content-Security-Policy"), kPortalCsp);
    EXPECT_EQ(std::string(kPortalCsp).find("unsafe"), std::string::npos);
  }
}

TEST_F(WebAssetsTest, AssetsAreImmutableAndGzippedWhenAccepted) {
  auto plain = Get("/app/assets/index-abc123.js");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->body, "console.log(1)");
  EXPECT_EQ(plain->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(HeaderOf(*plain, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(HeaderOf(*plain, "Content-Encoding"), "");
  EXPECT_EQ(HeaderOf(*plain, "Vary"), "Accept-Encoding");
  auto gz = Get("/app/assets/index-abc123.js", "gzip, deflate, br");
  ASSERT_TRUE(gz);
  EXPECT_EQ(gz->body, "GZIPPED");
  EXPECT_EQ(HeaderOf(*gz, "Content-Encoding"), "gzip");
  auto refused = Get("/app/assets/index-abc123.js", "gzip;q=0, br");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->body, "console.log(1)");
  // No twin: the file itself, whatever the client accepts.
  auto css = Get("/app/assets/index-abc123.css", "gzip");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->body, "body{}");
  EXPECT_EQ(css->content_type, "text/css; charset=utf-8");
}

TEST_F(WebAssetsTest, NothingOutsideTheBuildCanBeNamed) {
  EXPECT_FALSE(Get("/app/assets/missing.js"));
  EXPECT_FALSE(Get("/app/assets/../index.html"));
  EXPECT_FALSE(Get("/app/assets/../../" + dir_.path().filename().string() + "-secret.txt"));
  EXPECT_FALSE(Get("/app/assets/index-abc123.js.gz"));
  EXPECT_FALSE(Get("/apple"));
  EXPECT_FALSE(Get("/api/v1/nothing"));
  // A .gz without its original is never served; an unknown screen path is the portal.
  auto orphan = Get("/app/orphan.txt");
  ASSERT_TRUE(orphan);
  EXPECT_NE(orphan->body.find("<title>Accord</title>"), std::string::npos);
}

TEST_F(WebAssetsTest, AMissingBuildIsAClearError) {
  TempDir empty;
  auto r = WebAssets::Load(empty.path() / "dist");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).field, "web_dir");
  EXPECT_NE(r.error().message.find("make web"), std::string::npos) << r.error().message;
}

// Through the router: the API's routes first; the fallback only for GET/HEAD.
TEST_F(WebAssetsTest, TheRouterFallsBackOnlyForReads) {
  Router router;
  router.Add(ReadRoute("/api/v1/x", kPublic, Media("text/plain"))
                 .Summary("an API route")
                 .Handle(Sync([](Context&) {
                   return Response{200, "text/plain", "api"};
                 })));
  router.SetFallback(
      [this](const Request& req, std::string_view path) { return assets_->Serve(req, path); });
  auto call = [&](const std::string& method, const std::string& target) {
    Response out;
    Request req;
    req.method = method;
    req.target = target;
    router.Dispatch(std::move(req), [&](Response r) { out = std::move(r); });
    return out;
  };
  EXPECT_EQ(call("GET", "/api/v1/x").body, "api");
  EXPECT_EQ(call("GET", "/app/parties?q=acme").status, 200);
  EXPECT_EQ(call("HEAD", "/app/").status, 200);
  EXPECT_EQ(call("POST", "/app/parties").status, 404);
  EXPECT_EQ(call("GET", "/nothing").status, 404);
}

}  // namespace
}  // namespace accord::http
