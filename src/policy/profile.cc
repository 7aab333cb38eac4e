#include "accord/policy/profile.h"

#include <toml++/toml.h>

#include <fstream>
#include <set>
#include <sstream>

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "accord/policy/builtin_profiles.h"

namespace accord::policy {
namespace {

Error ProfileError(std::string_view origin, std::string field, std::string reason, int line) {
  std::string message =
      std::string(origin) + ":" + std::to_string(line) + ": " + field + ": " + reason;
  return Error{ErrorCode::kValidationFailed,
               std::move(message),
               {ErrorDetail{std::move(field), std::move(reason), line}}};
}

int LineOf(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

// Sections later features own; listed here so unknown keys stay errors everywhere else.
const std::set<std::string>& KnownSections() {
  static const std::set<std::string> kSections = {"profile"};
  return kSections;
}

}  // namespace

std::vector<std::string> BuiltinProfileNames() {
  std::vector<std::string> names;
  for (const auto& p : BuiltinProfiles()) names.emplace_back(p.name);
  return names;
}

Result<Profile> ParseProfile(std::string_view text, std::string_view origin) {
  toml::table table;
  try {
    table = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    return ProfileError(origin, "toml", std::string(e.description()),
                        static_cast<int>(e.source().begin.line));
  }
  Profile profile;
  for (const auto& [key, node] : table) {
    std::string k(key.str());
    if (!KnownSections().contains(k)) {
      return ProfileError(origin, k, "unknown section", LineOf(node));
    }
  }
  const toml::table* meta = table["profile"].as_table();
  if (!meta) return ProfileError(origin, "profile", "the [profile] section is required", 1);
  for (const auto& [key, node] : *meta) {
    std::string k(key.str());
    auto* value = node.as_string();
    if (k != "name" && k != "title" && k != "seed") {
      return ProfileError(origin, "profile." + k, "unknown key", LineOf(node));
    }
    if (!value) return ProfileError(origin, "profile." + k, "must be a string", LineOf(node));
    std::string v = value->get();
    if (k == "name") profile.name = v;
    if (k == "title") profile.title = v;
    if (k == "seed") profile.seed = v;
  }
  if (profile.name.empty()) {
    return ProfileError(origin, "profile.name", "is required", LineOf(*meta));
  }
  profile.source = std::string(text);
  profile.sha256 = HexEncode(Sha256(text));
  return profile;
}

Result<Profile> LoadProfile(std::string_view name_or_path) {
  for (const auto& p : BuiltinProfiles()) {
    if (p.name == name_or_path) return ParseProfile(p.toml, std::string(p.name) + ".toml");
  }
  std::ifstream in{std::string(name_or_path)};
  if (!in) {
    std::string names;
    for (const auto& n : BuiltinProfileNames()) names += (names.empty() ? "" : ", ") + n;
    return ValidationError("profile", "'" + std::string(name_or_path) +
                                          "' is neither a built-in profile (" + names +
                                          ") nor a readable file");
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParseProfile(buffer.str(), name_or_path);
}

}  // namespace accord::policy
