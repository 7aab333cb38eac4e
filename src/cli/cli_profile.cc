#include "cli_profile.h"

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "accord/policy/profile.h"

namespace accord::cli {
namespace {

namespace json = boost::json;

constexpr int kExitOk = 0;
constexpr int kExitCheckFailed = 1;

struct CheckOptions {
  std::string profile;
  bool json = false;
  bool rules = false;
};

json::object ErrorJson(const Error& e) {
  json::array details;
  for (const auto& d : e.details) {
    details.push_back(json::object{{"field", d.field},
                                   {"reason", d.reason},
                                   {"line", d.line ? json::value(*d.line) : nullptr}});
  }
  return json::object{{"ok", false}, {"message", e.message}, {"details", std::move(details)}};
}

void PrintRules(const policy::Profile& p) {
  for (const auto& r : p.access.rules) {
    std::printf("  %-40s %-30s %-5s %s\n", r.id.c_str(), std::string(policy::Name(r.check)).c_str(),
                r.seed_ref.c_str(), r.seed.c_str());
  }
}

// An invalid profile is a failed check (exit 1), whether the file is missing or wrong. The
// parser's message already has one "FILE:LINE: field: reason" line per problem.
int RunCheck(const CheckOptions& o) {
  auto profile = policy::LoadProfile(o.profile);
  if (!profile.ok()) {
    if (o.json) {
      std::cout << json::serialize(ErrorJson(profile.error())) << "\n";
    } else {
      std::fprintf(stderr, "%s\n", profile.error().message.c_str());
    }
    return kExitCheckFailed;
  }
  const size_t n = profile->access.rules.size();
  if (o.json) {
    json::array ids;
    for (const auto& r : profile->access.rules) ids.emplace_back(r.id);
    std::cout << json::serialize(json::object{{"ok", true},
                                              {"name", profile->name},
                                              {"sha256", profile->sha256},
                                              {"access_rules", std::move(ids)}})
              << "\n";
    return kExitOk;
  }
  std::printf("ok: %s (%zu access rules)\n", profile->name.c_str(), n);
  if (o.rules) PrintRules(*profile);
  return kExitOk;
}

}  // namespace

void AddProfileCommands(CLI::App& cli, int& exit_code) {
  auto* profile = cli.add_subcommand("profile", "policy profiles");
  profile->require_subcommand(1);
  auto options = std::make_shared<CheckOptions>();
  auto* check = profile->add_subcommand("check", "validate a profile; exit 1 if it is invalid");
  check->add_option("profile", options->profile, "luma | bloomapi | janus | FILE")->required();
  check->add_flag("--json", options->json, "machine-readable output");
  check->add_flag("--rules", options->rules, "list the access rules");
  check->callback([options, &exit_code] { exit_code = RunCheck(*options); });
}

}  // namespace accord::cli
