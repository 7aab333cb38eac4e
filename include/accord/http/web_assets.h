// The web portal's static files (web/dist, built by Vite), served from memory under /app/.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "accord/core/result.h"
#include "accord/http/message.h"

namespace accord::http {

class WebAssets {
 public:
  // Reads every file under `dir` (the Vite output: index.html, assets/…, and the .gz twins
  // the build writes). An error when the directory is missing or holds no index.html.
  static Result<std::shared_ptr<const WebAssets>> Load(const std::filesystem::path& dir);

  // The answer to a GET/HEAD the API routes did not match, or nullopt (then 404):
  //   /            303 to /app/
  //   /app/assets/<file>  the file, cached for a year (names carry a content hash)
  //   /app/<other path>   index.html (the portal's own router shows the screen), no-cache
  // A .gz twin is sent when the client accepts gzip.
  std::optional<Response> Serve(const Request& request, std::string_view path) const;

  size_t file_count() const { return files_.size(); }

 private:
  struct File {
    std::string content_type;
    std::string body;
    std::string gzip;  // empty: no compressed twin
  };
  std::map<std::string, File, std::less<>> files_;  // "assets/index-abc.js" -> file
};

// The portal's Content-Security-Policy: scripts and styles only from this origin.
extern const char* const kPortalCsp;

}  // namespace accord::http
