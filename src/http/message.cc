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

}  // namespace accord::http
