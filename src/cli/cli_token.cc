// `accord token create`: an API token acting as an account, printed once.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>

#include "accord/app/runtime.h"
#include "accord/core/time.h"
#include "cli_commands.h"

namespace accord::cli {

namespace json = boost::json;

namespace {

int RunTokenCreate(const Globals& g, const std::string& user, const std::string& name,
                   const std::string& role, const std::string& expires) {
  SystemClock clock;
  std::optional<TimePoint> expires_at;
  if (!expires.empty()) {
    auto d = ParseDuration(expires);
    if (!d.ok()) return Report(ValidationError("expires", d.error().message), "token create");
    expires_at = clock.Now() + std::chrono::duration_cast<std::chrono::milliseconds>(*d);
  }
  app::OrgInfo org;
  auto rt = OpenExisting(g, clock, org);
  if (!rt.ok()) return Report(rt.error(), "token create");
  auto token = app::CreateApiToken((*rt)->log(), domain::Actor{"cli", "operator"}, user, name, role,
                                   expires_at);
  if (!token.ok()) return Report(token.error(), "token create");
  if (g.json) {
    PrintJson(json::object{{"id", token->id}, {"token", token->secret}});
  } else {
    std::printf("created API token %s (%s) for %s; it is shown only once:\n%s\n", token->id.c_str(),
                name.c_str(), user.c_str(), token->secret.c_str());
  }
  return kExitOk;
}

struct TokenOptions {
  std::string user, name, role, expires;
};

}  // namespace

void AddTokenCommands(CLI::App& cli, Globals& g, int& exit_code) {
  auto* token_cmd = cli.add_subcommand("token", "API tokens");
  token_cmd->require_subcommand(1);
  auto o = std::make_shared<TokenOptions>();
  auto* token_create = token_cmd->add_subcommand("create", "create an API token (printed once)");
  AddStoreOptions(token_create, g);
  token_create->add_option("--user", o->user, "the account (email or id) it acts as")->required();
  token_create->add_option("--name", o->name, "what the token is for")->required();
  token_create->add_option("--role", o->role,
                           "role the token acts as (default: the account's; an officer may "
                           "narrow it to auditor)");
  token_create->add_option("--expires", o->expires,
                           "lifetime, e.g. 30d, 12h (default 90d, at most 365d)");
  token_create->callback([&g, &exit_code, o] {
    exit_code = RunTokenCreate(g, o->user, o->name, o->role, o->expires);
  });
}

}  // namespace accord::cli
