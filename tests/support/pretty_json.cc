#include "support/pretty_json.h"

#include <boost/json.hpp>

namespace accord::testing {

namespace json = boost::json;

namespace {

void Write(const json::value& v, int depth, std::string& out) {
  std::string pad(static_cast<size_t>(depth + 1) * 2, ' ');
  std::string close(static_cast<size_t>(depth) * 2, ' ');
  if (v.is_object() && !v.as_object().empty()) {
    out += "{\n";
    bool first = true;
    for (const auto& [key, value] : v.as_object()) {
      if (!first) out += ",\n";
      first = false;
      out += pad + json::serialize(json::string(key)) + ": ";
      Write(value, depth + 1, out);
    }
    out += "\n" + close + "}";
  } else if (v.is_array() && !v.as_array().empty()) {
    out += "[\n";
    bool first = true;
    for (const auto& value : v.as_array()) {
      if (!first) out += ",\n";
      first = false;
      out += pad;
      Write(value, depth + 1, out);
    }
    out += "\n" + close + "]";
  } else {
    out += json::serialize(v);
  }
}

}  // namespace

std::string PrettyJson(const json::value& v) {
  std::string out;
  Write(v, 0, out);
  return out + "\n";
}

}  // namespace accord::testing
