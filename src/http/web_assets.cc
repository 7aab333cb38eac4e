#include "accord/http/web_assets.h"

#include <fstream>
#include <iterator>

namespace accord::http {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxFile = 8u << 20;  // a portal file larger than this is a build mistake
constexpr size_t kMaxFiles = 2000;

std::string_view ContentType(std::string_view name) {
  auto ends = [&](std::string_view suffix) {
    return name.size() >= suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".json") || ends(".map")) return "application/json";
  if (ends(".woff2")) return "font/woff2";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

Result<std::string> ReadFile(const fs::path& path) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) return ValidationError("web_dir", "cannot read " + path.string() + ": " + ec.message());
  if (size > kMaxFile) {
    return ValidationError("web_dir", path.string() + " is larger than 8 MiB");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return ValidationError("web_dir", "cannot read " + path.string());
  return std::string(std::istreambuf_iterator<char>(in), {});
}

bool AcceptsGzip(const Request& request) {
  std::string_view accept = request.HeaderValue("Accept-Encoding");
  // Good enough for browsers: "gzip" listed and not refused with q=0.
  auto at = accept.find("gzip");
  if (at == std::string_view::npos) return false;
  auto rest = accept.substr(at + 4);
  auto comma = rest.find(',');
  auto params = rest.substr(0, comma);
  return params.find("q=0") == std::string_view::npos ||
         params.find("q=0.") != std::string_view::npos;
}

}  // namespace

const char* const kPortalCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'";

Result<std::shared_ptr<const WebAssets>> WebAssets::Load(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_regular_file(dir / "index.html", ec)) {
    return ValidationError("web_dir",
                           dir.string() + " holds no index.html (build the portal: make web)");
  }
  auto assets = std::make_shared<WebAssets>();
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::string rel = fs::relative(it->path(), dir).generic_string();
    bool gz = rel.size() > 3 && rel.ends_with(".gz");
    std::string name = gz ? rel.substr(0, rel.size() - 3) : rel;
    auto body = ReadFile(it->path());
    if (!body.ok()) return std::move(body).error();
    File& f = assets->files_[name];
    if (gz) {
      f.gzip = std::move(*body);
    } else {
      f.content_type = std::string(ContentType(name));
      f.body = std::move(*body);
    }
    if (assets->files_.size() > kMaxFiles) {
      return ValidationError("web_dir", dir.string() + " holds more than 2000 files");
    }
  }
  if (ec) return ValidationError("web_dir", "cannot list " + dir.string() + ": " + ec.message());
  // A .gz whose original is missing is not served.
  std::erase_if(assets->files_, [](const auto& kv) { return kv.second.content_type.empty(); });
  return std::shared_ptr<const WebAssets>(std::move(assets));
}

std::optional<Response> WebAssets::Serve(const Request& request, std::string_view path) const {
  if (path == "/") {
    Response r{303, "text/plain; charset=utf-8", "See /app/\n", {{"Location", "/app/"}}};
    return r;
  }
  constexpr std::string_view kPrefix = "/app";
  if (!path.starts_with(kPrefix)) return std::nullopt;
  std::string_view rest = path.substr(kPrefix.size());
  if (!rest.empty() && rest.front() != '/') return std::nullopt;  // "/apple"
  if (rest.empty()) {
    return Response{301, "text/plain; charset=utf-8", "See /app/\n", {{"Location", "/app/"}}};
  }
  rest.remove_prefix(1);
  const File* file = nullptr;
  bool immutable = false;
  if (rest.starts_with("assets/")) {
    // Only exact names (no "..": the map holds the files that exist, nothing else).
    auto it = files_.find(rest);
    if (it == files_.end()) return std::nullopt;
    file = &it->second;
    immutable = true;
  } else {
    auto it = files_.find(rest);
    if (it == files_.end() || rest.empty()) it = files_.find(std::string_view("index.html"));
    if (it == files_.end()) return std::nullopt;
    file = &it->second;
  }
  Response r;
  r.content_type = file->content_type;
  r.headers.push_back(
      {"Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache"});
  r.headers.push_back({"Content-Security-Policy", kPortalCsp});
  r.headers.push_back({"Vary", "Accept-Encoding"});
  if (!file->gzip.empty() && AcceptsGzip(request)) {
    r.headers.push_back({"Content-Encoding", "gzip"});
    r.body = file->gzip;
  } else {
    r.body = file->body;
  }
  return r;
}

}  // namespace accord::http
