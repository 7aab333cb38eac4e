// `accord evidence export` writes an evidence bundle; `accord evidence verify` checks one with
// no server and no database (docs/ledger.md, "The evidence bundle").
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "accord/app/runtime.h"
#include "accord/evidence/control_selection.h"
#include "accord/evidence/export.h"
#include "accord/evidence/verify.h"
#include "accord/policy/profile.h"
#include "cli_commands.h"

namespace accord::cli {

namespace json = boost::json;

namespace {

struct ExportArgs {
  std::string from, to, since, out;
  std::vector<std::string> parties, kinds;
  std::string control;
};

struct VerifyArgs {
  std::string file;
  std::vector<std::string> keys, witness_keys;
};

int RunExport(const Globals& g, const ExportArgs& a) {
  SystemClock clock;
  app::OrgInfo org;
  auto selection = evidence::ParseSelection(a.from, a.to, a.parties, a.kinds);
  if (!selection.ok()) return Report(selection.error(), "evidence export");
  if (!a.out.ends_with(".accord-evidence.zip")) {
    return Report(ValidationError("out", "must end in .accord-evidence.zip"), "evidence export");
  }
  auto rt = OpenExisting(g, clock, org);
  if (!rt.ok()) return Report(rt.error(), "evidence export");
  if (auto s = (*rt)->LoadSigner(org.origin, /*create=*/false); !s.ok())
    return Report(s.error(), "evidence export");
  // The bundle proves events up to the latest checkpoint: sign one over every event now.
  if (auto cp = (*rt)->Checkpoint(org.origin); !cp.ok())
    return Report(cp.error(), "evidence export");
  if (!a.control.empty()) {
    auto profile = policy::LoadProfile(org.profile);
    if (!profile.ok()) return Report(profile.error(), "evidence export");
    if (auto s = evidence::SelectControl((*rt)->store(), *profile, a.control, clock, *selection);
        !s.ok()) {
      return Report(s.error(), "evidence export");
    }
  }
  evidence::ExportOptions options{
      .selection = std::move(*selection), .since = a.since, .out = a.out};
  auto summary =
      evidence::ExportBundle((*rt)->store(), (*rt)->signer(), org.origin, options, clock);
  if (!summary.ok()) return Report(summary.error(), "evidence export");
  if (g.json) {
    json::object o{{"file", a.out},
                   {"events", summary->events},
                   {"documents", summary->documents},
                   {"checkpoint_size", summary->checkpoint_size},
                   {"bytes", summary->bytes}};
    if (summary->since_size) o["since_size"] = *summary->since_size;
    PrintJson(o);
  } else {
    std::printf("wrote %s: %llu events, %llu documents, checkpoint at size %llu", a.out.c_str(),
                static_cast<unsigned long long>(summary->events),
                static_cast<unsigned long long>(summary->documents),
                static_cast<unsigned long long>(summary->checkpoint_size));
    if (summary->since_size) {
      std::printf(", consistent with size %llu",
                  static_cast<unsigned long long>(*summary->since_size));
    }
    std::printf("\n");
  }
  return kExitOk;
}

// A key is given as the verifier key itself or as a file holding it.
std::string KeyArg(const std::string& arg) {
  if (ledger::Verifier::Parse(arg).ok()) return arg;
  std::ifstream in(arg);
  if (!in) return arg;  // reported as not a key
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

int RunVerify(const Globals& g, const VerifyArgs& a) {
  evidence::VerifyOptions options;
  for (const auto& k : a.keys) options.log_keys.push_back(KeyArg(k));
  for (const auto& k : a.witness_keys) options.witness_keys.push_back(KeyArg(k));
  auto facts = evidence::VerifyBundle(a.file, options);
  if (!facts.ok() && facts.error().code != ErrorCode::kCheckFailed) {
    return Report(facts.error(), "evidence verify");
  }
  if (g.json) {
    json::object o{{"ok", facts.ok()}};
    if (facts.ok()) {
      o["origin"] = facts->origin;
      o["checkpoint_size"] = facts->checkpoint_size;
      o["root_hash"] = facts->checkpoint_root;
      o["events"] = facts->events;
      o["documents"] = facts->documents;
      o["files"] = facts->files;
      if (facts->since_size) o["since_size"] = *facts->since_size;
    } else {
      const auto& e = facts.error();
      o["file"] = e.details.empty() ? "" : e.details.front().field;
      o["problem"] = e.message;
    }
    PrintJson(o);
  } else if (facts.ok()) {
    std::printf(
        "bundle OK: %s, checkpoint size %llu, root %s\n%llu events, %llu documents, "
        "%llu files checked\n",
        facts->origin.c_str(), static_cast<unsigned long long>(facts->checkpoint_size),
        facts->checkpoint_root.c_str(), static_cast<unsigned long long>(facts->events),
        static_cast<unsigned long long>(facts->documents),
        static_cast<unsigned long long>(facts->files));
    if (facts->since_size) {
      std::printf("the log only grew since the earlier checkpoint at size %llu\n",
                  static_cast<unsigned long long>(*facts->since_size));
    }
  } else {
    std::printf("bundle FAILED: %s\n", facts.error().message.c_str());
  }
  return facts.ok() ? kExitOk : kExitCheckFailed;
}

}  // namespace

void AddEvidenceCommands(CLI::App& cli, Globals& g, int& exit_code) {
  auto* cmd = cli.add_subcommand("evidence", "export and verify evidence bundles for auditors");
  cmd->require_subcommand(1);
  auto ex = std::make_shared<ExportArgs>();
  auto* exp = cmd->add_subcommand("export", "write the selected events, documents and proofs");
  AddStoreOptions(exp, g);
  exp->add_option("--from", ex->from, "first day or instant (RFC 3339 or YYYY-MM-DD)");
  exp->add_option("--to", ex->to, "last day or instant, included");
  exp->add_option("--party", ex->parties, "only events about this party (repeatable)");
  exp->add_option("--kind", ex->kinds, "only events about this kind of object (repeatable)");
  exp->add_option("--control", ex->control,
                  "only what proves this compliance control (e.g. 164.308(b)(1), TP-11)");
  exp->add_option("--since", ex->since, "an earlier bundle: prove the log only grew since it");
  exp->add_option("--out", ex->out, "the bundle to write (*.accord-evidence.zip)")->required();
  exp->callback([&g, &exit_code, ex] { exit_code = RunExport(g, *ex); });

  auto va = std::make_shared<VerifyArgs>();
  auto* ver = cmd->add_subcommand("verify", "check a bundle offline with the log's public key");
  ver->add_option("file", va->file, "the bundle")->required();
  ver->add_option("--key", va->keys, "the log's verifier key, or a file holding it (repeatable)")
      ->required();
  ver->add_option("--witness-key", va->witness_keys,
                  "a witness's verifier key, or a file holding it (repeatable)");
  ver->add_flag("--json", g.json, "print the result as JSON");
  ver->callback([&g, &exit_code, va] { exit_code = RunVerify(g, *va); });
}

}  // namespace accord::cli
