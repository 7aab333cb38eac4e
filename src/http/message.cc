#include "accord/http/message.h"

#include <strings.h>

namespace accord::http {

std::string_view Request::HeaderValue(std::string_view name) const {
  for (const auto& h : headers) {
    if (h.name.size() == name.size() && strncasecmp(h.name.data(), name.data(), name.size()) == 0) {
      return h.value;
    }
  }
  return {};
}

BodyFile::~BodyFile() {
  std::error_code ec;
  std::filesystem::remove(path_, ec);  // nothing to do if it is already gone
  if (on_release_) on_release_();
}

}  // namespace accord::http
