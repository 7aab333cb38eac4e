// `accord user add`: creates an account, the installer's bootstrap of the first officer.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>

#include "accord/app/runtime.h"
#include "accord/domain/identity.h"
#include "accord/policy/profile.h"
#include "cli_commands.h"

namespace accord::cli {

namespace json = boost::json;

namespace {

// The identity section of the store's profile (defaults for a profile loaded from a file
// that is no longer at hand).
policy::IdentityPolicy IdentityOf(const app::OrgInfo& org) {
  auto profile = policy::LoadProfile(org.profile);
  return profile.ok() ? profile->identity : policy::IdentityPolicy{};
}

struct UserAddOptions {
  std::string email, name, role, party, expires_at;
  bool password_stdin = false;
};

int RunUserAdd(const Globals& g, const UserAddOptions& o) {
  if (!o.password_stdin) {
    return Report(ValidationError("password-stdin",
                                  "is required: the password is read from standard input, "
                                  "never from the command line"),
                  "user add");
  }
  std::string password((std::istreambuf_iterator<char>(std::cin)),
                       std::istreambuf_iterator<char>());
  while (!password.empty() && (password.back() == '\n' || password.back() == '\r')) {
    password.pop_back();
  }
  SystemClock clock;
  app::OrgInfo org;
  auto rt = OpenExisting(g, clock, org);
  if (!rt.ok()) return Report(rt.error(), "user add");
  json::object body{{"email", o.email},
                    {"name", o.name.empty() ? o.email.substr(0, o.email.find('@')) : o.name},
                    {"role", o.role}};
  if (!o.party.empty()) body["party_id"] = o.party;
  if (!o.expires_at.empty()) body["expires_at"] = o.expires_at;
  auto user = app::AddUser((*rt)->log(), domain::Actor{"cli", "installer"}, body, password,
                           IdentityOf(org), /*installer_attests=*/true);
  if (!user.ok()) return Report(user.error(), "user add");
  if (g.json) {
    PrintJson(*user);
  } else {
    std::printf("created account %s (%s, %s), status %s%s\n",
                std::string(user->at("id").as_string()).c_str(), o.email.c_str(), o.role.c_str(),
                std::string(user->at("status").as_string()).c_str(),
                domain::IsWorkforceRole(o.role)
                    ? "; onboarding records attested by the installer (in the ledger)"
                    : "");
  }
  return kExitOk;
}

}  // namespace

void AddUserCommands(CLI::App& cli, Globals& g, int& exit_code) {
  auto* user_cmd = cli.add_subcommand("user", "accounts");
  user_cmd->require_subcommand(1);
  auto o = std::make_shared<UserAddOptions>();
  auto* user_add = user_cmd->add_subcommand(
      "add",
      "create an account (bootstraps the first Security Officer); the password is read "
      "from standard input");
  AddStoreOptions(user_add, g);
  user_add->add_option("--email", o->email, "sign-in email")->required();
  user_add
      ->add_option("--role", o->role,
                   "security_officer, privacy_officer, "
                   "staff, auditor or third_party_contact")
      ->required();
  user_add->add_option("--name", o->name, "display name (default: from the email)");
  user_add->add_option("--party", o->party, "party id a third_party_contact belongs to (TP-7)");
  user_add->add_option("--expires-at", o->expires_at,
                       "end of access, RFC 3339 or YYYY-MM-DD (e.g. an auditor's engagement)");
  user_add->add_flag("--password-stdin", o->password_stdin,
                     "read the password from standard input");
  user_add->callback([&g, &exit_code, o] { exit_code = RunUserAdd(g, *o); });
}

}  // namespace accord::cli
