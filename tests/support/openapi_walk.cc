#include "support/openapi_walk.h"

#include <algorithm>
#include <sstream>

namespace accord::testing {

namespace json = boost::json;

namespace {

std::string Str(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : ""; }

std::string Upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

const std::set<std::string> kHttpMethods = {"get",     "put",  "post",  "delete",
                                            "options", "head", "patch", "trace"};

bool Operation::Allows(const std::string& role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

std::vector<Operation> Operations(const json::object& doc) {
  std::vector<Operation> ops;
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, value] : item.as_object()) {
      if (!kHttpMethods.contains(std::string(method))) continue;
      const json::object& op = value.as_object();
      Operation o{.method = Upper(std::string(method)),
                  .pattern = std::string(path),
                  .summary = op.contains("summary") ? Str(op.at("summary")) : ""};
      if (const auto* tags = op.if_contains("tags"); tags && !tags->as_array().empty()) {
        o.tag = Str(tags->as_array()[0]);
      }
      for (const auto& r : op.at("x-accord-roles").as_array()) o.roles.push_back(Str(r));
      o.is_public = op.at("x-accord-public").as_bool();
      if (const auto* scopes = op.if_contains("x-accord-scopes")) {
        for (const auto& s : scopes->as_array()) o.scopes.push_back(Str(s));
      }
      if (const auto* params = op.if_contains("parameters")) {
        for (const auto& p : params->as_array()) {
          if (p.at("in") != "query") continue;
          if (p.at("required").as_bool()) o.required_query.push_back(Str(p.at("name")));
          if (p.at("name") == "as_of") o.has_as_of = true;
        }
      }
      ops.push_back(std::move(o));
    }
  }
  return ops;
}

std::string FillPath(const std::string& pattern, const std::map<std::string, std::string>& values,
                     const std::string& fallback, std::vector<std::string>* keys,
                     std::vector<std::string>& missing) {
  std::string out, previous, segment;
  std::istringstream segments(pattern);
  bool first = true;
  while (std::getline(segments, segment, '/')) {
    if (!first) out += '/';
    first = false;
    std::string piece = segment;
    if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}') {
      std::string key = previous + "/" + segment.substr(1, segment.size() - 2);
      if (keys) keys->push_back(key);
      if (!fallback.empty()) {
        piece = fallback;
      } else if (auto it = values.find(key); it != values.end()) {
        piece = it->second;
      } else {
        missing.push_back(key);
      }
    }
    out += piece;
    previous = segment;
  }
  return out;
}

}  // namespace accord::testing
