// `accord ledger ...`: verify, rebuild, digest, checkpoint, public-key, restart and prove.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>

#include "accord/app/restart.h"
#include "accord/app/runtime.h"
#include "accord/cli/progress.h"
#include "accord/core/bytes.h"
#include "accord/core/time.h"
#include "accord/ledger/cosignature.h"
#include "accord/ledger/merkle.h"
#include "accord/storage/ledger_audit.h"
#include "cli_commands.h"

namespace accord::cli {

namespace json = boost::json;

namespace {

struct VerifyFlags {
  std::string trusted_checkpoint;         // a checkpoint note kept outside the database
  std::string key;                        // the log's verifier key to check it with
  std::vector<std::string> witness_keys;  // witnesses that must have cosigned it
};

// Reads and authenticates --trusted-checkpoint: signed by --key (else by a key recorded in
// the ledger) and cosigned by every --witness-key.
Result<ledger::Checkpoint> ReadTrustedCheckpoint(app::Runtime& rt, const VerifyFlags& f) {
  std::ifstream in(f.trusted_checkpoint, std::ios::binary);
  if (!in) {
    return ValidationError("trusted-checkpoint", "cannot read " + f.trusted_checkpoint);
  }
  std::string note((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<ledger::Verifier> keys;
  if (!f.key.empty()) {
    auto v = ledger::Verifier::Parse(f.key);
    if (!v.ok()) return std::move(v).error();
    keys.push_back(std::move(*v));
  } else {
    ACCORD_TRY(rt.store().Read([&](storage::Tx& tx) -> Status {
      auto recorded = storage::ListSigningKeys(tx);
      if (!recorded.ok()) return std::move(recorded).error();
      for (const auto& k : *recorded) {
        auto v = ledger::Verifier::Parse(k.as_object().at("verifier_key").as_string());
        if (v.ok()) keys.push_back(std::move(*v));
      }
      return Ok();
    }));
  }
  auto opened = ledger::OpenNote(note, keys);
  if (!opened.ok()) {
    return Error{ErrorCode::kCheckFailed,
                 "the trusted checkpoint " + f.trusted_checkpoint +
                     " is not signed by the log's key: " + opened.error().message,
                 {}};
  }
  if (Status cosigned = ledger::VerifyCosignatures(note, f.witness_keys); !cosigned.ok()) {
    if (cosigned.error().code != ErrorCode::kCheckFailed) return std::move(cosigned).error();
    return Error{ErrorCode::kCheckFailed,
                 "the trusted checkpoint " + f.trusted_checkpoint + ": " + cosigned.error().message,
                 {}};
  }
  auto checkpoint = ledger::ParseCheckpoint(opened->text);
  if (!checkpoint.ok()) return std::move(checkpoint).error();
  auto org = rt.ReadOrg();
  if (!org.ok()) return std::move(org).error();
  if (org->has_value() && (*org)->origin != checkpoint->origin) {
    return Error{ErrorCode::kCheckFailed,
                 "the trusted checkpoint is for the log '" + checkpoint->origin +
                     "', this store holds '" + (*org)->origin + "'",
                 {}};
  }
  return checkpoint;
}

int RunVerify(const Globals& g, const VerifyFlags& f) {
  SystemClock clock;
  auto rt = app::Runtime::Open(StoreConfigOf(g), clock);
  if (!rt.ok()) return Report(rt.error(), "ledger verify");
  storage::VerifyOptions options{.require_checkpoint = true, .trusted = std::nullopt};
  if (!f.trusted_checkpoint.empty()) {
    auto trusted = ReadTrustedCheckpoint(**rt, f);
    if (!trusted.ok()) return Report(trusted.error(), "ledger verify");
    options.trusted = *trusted;
  } else if (!f.key.empty() || !f.witness_keys.empty()) {
    return Report(ValidationError("trusted-checkpoint", "--key and --witness-key check it"),
                  "ledger verify");
  }
  auto progress = TerminalProgress::ForCommand("ledger verify", g.json);
  auto report = storage::VerifyLedger((*rt)->store(), progress.callback(), options);
  progress.Finish();
  if (!report.ok()) return Report(report.error(), "ledger verify");
  const auto& r = *report;
  if (g.json) {
    json::object o{{"ok", r.ok},
                   {"size", r.size},
                   {"root_hash", Base64Encode(r.root)},
                   {"checkpoints", r.checkpoints},
                   {"nodes", r.nodes},
                   {"keys", r.keys}};
    if (options.trusted) o["trusted_checkpoint_size"] = options.trusted->size;
    if (!r.ok) {
      o["problem"] = r.problem;
      o["first_bad_index"] = r.first_bad_index ? json::value(*r.first_bad_index) : nullptr;
    }
    PrintJson(o);
  } else if (r.ok) {
    std::printf(
        "ledger OK: size %llu, root %s\n%llu checkpoint signatures, %llu tree nodes, "
        "%llu signing keys checked\n",
        static_cast<unsigned long long>(r.size), Base64Encode(r.root).c_str(),
        static_cast<unsigned long long>(r.checkpoints), static_cast<unsigned long long>(r.nodes),
        static_cast<unsigned long long>(r.keys));
    if (options.trusted) {
      std::printf("consistent with the trusted checkpoint at size %llu\n",
                  static_cast<unsigned long long>(options.trusted->size));
    }
  } else {
    std::printf("ledger TAMPERED: %s\n", r.problem.c_str());
    if (r.first_bad_index) {
      std::printf("first bad index: %llu\n", static_cast<unsigned long long>(*r.first_bad_index));
    }
  }
  return r.ok ? kExitOk : kExitCheckFailed;
}

int RunRebuild(const Globals& g) {
  SystemClock clock;
  auto rt = app::Runtime::Open(StoreConfigOf(g), clock);
  if (!rt.ok()) return Report(rt.error(), "ledger rebuild");
  const auto& projections = (*rt)->log().projections();
  auto before = storage::ReadModelDigest((*rt)->store(), projections);
  if (!before.ok()) return Report(before.error(), "ledger rebuild");
  auto replayed = storage::RebuildReadModels((*rt)->store(), projections);
  if (!replayed.ok()) return Report(replayed.error(), "ledger rebuild");
  auto after = storage::ReadModelDigest((*rt)->store(), projections);
  if (!after.ok()) return Report(after.error(), "ledger rebuild");
  bool same = *before == *after;
  if (g.json) {
    PrintJson(json::object{{"replayed", *replayed},
                           {"digest_before", *before},
                           {"digest_after", *after},
                           {"identical", same}});
  } else {
    std::printf("replayed %llu events\ndigest before %s\ndigest after  %s\n%s\n",
                static_cast<unsigned long long>(*replayed), before->c_str(), after->c_str(),
                same ? "identical" : "DIFFERENT: the read models had drifted from the ledger");
  }
  return same ? kExitOk : kExitCheckFailed;
}

int RunDigest(const Globals& g) {
  SystemClock clock;
  auto rt = app::Runtime::Open(StoreConfigOf(g), clock);
  if (!rt.ok()) return Report(rt.error(), "ledger digest");
  auto digest = storage::ReadModelDigest((*rt)->store(), (*rt)->log().projections());
  if (!digest.ok()) return Report(digest.error(), "ledger digest");
  if (g.json) {
    PrintJson(json::object{{"digest", *digest}});
  } else {
    std::printf("%s\n", digest->c_str());
  }
  return kExitOk;
}

int RunCheckpoint(const Globals& g) {
  SystemClock clock;
  app::OrgInfo org;
  auto rt = OpenExisting(g, clock, org);
  if (!rt.ok()) return Report(rt.error(), "ledger checkpoint");
  if (auto s = (*rt)->LoadSigner(org.origin, /*create=*/false); !s.ok())
    return Report(s.error(), "ledger checkpoint");
  auto cp = (*rt)->Checkpoint(org.origin);
  if (!cp.ok()) return Report(cp.error(), "ledger checkpoint");
  std::optional<storage::StoredCheckpoint> latest = *cp;
  if (!latest) {
    Status s = (*rt)->store().Read([&](storage::Tx& tx) -> Status {
      auto l = storage::LatestCheckpoint(tx);
      if (!l.ok()) return std::move(l).error();
      latest = *l;
      return Ok();
    });
    if (!s.ok()) return Report(s.error(), "ledger checkpoint");
  }
  if (!latest) return Report(Internal("no checkpoint"), "ledger checkpoint");
  if (g.json) {
    PrintJson(json::object{{"origin", org.origin},
                           {"size", latest->size},
                           {"root_hash", Base64Encode(latest->root)},
                           {"note", latest->note},
                           {"new", cp->has_value()}});
  } else {
    std::fputs(latest->note.c_str(), stdout);
  }
  return kExitOk;
}

int RunPublicKey(const Globals& g) {
  SystemClock clock;
  app::OrgInfo org;
  auto rt = OpenExisting(g, clock, org);
  if (!rt.ok()) return Report(rt.error(), "ledger public-key");
  if (auto s = (*rt)->LoadSigner(org.origin, /*create=*/false); !s.ok())
    return Report(s.error(), "ledger public-key");
  std::string key = (*rt)->signer().VerifierKey();
  if (g.json) {
    PrintJson(json::object{{"verifier_key", key}});
  } else {
    std::printf("%s\n", key.c_str());
  }
  return kExitOk;
}

int RunRestart(const Globals& g, const std::string& reason) {
  SystemClock clock;
  app::OrgInfo org;
  auto rt = OpenExisting(g, clock, org);
  if (!rt.ok()) return Report(rt.error(), "ledger restart");
  auto r = app::RestartLog(**rt, org, reason);
  if (!r.ok()) return Report(r.error(), "ledger restart");
  if (g.json) {
    PrintJson(json::object{{"restored_size", r->restored_size},
                           {"refused_size", r->refused_size},
                           {"previous_origin", r->previous_origin},
                           {"origin", r->origin},
                           {"verifier_key", r->verifier_key},
                           {"checkpoint", r->checkpoint},
                           {"kept_file", r->kept_file.string()}});
  } else {
    std::printf(
        "log restarted from backup at size %llu (the abandoned history reached size %llu),\n"
        "recorded as entry %llu; the log continues as '%s'.\n"
        "The refused checkpoint file is kept at %s.\n"
        "Give each witness operator and monitor this verifier key for the new origin:\n%s\n",
        static_cast<unsigned long long>(r->restored_size),
        static_cast<unsigned long long>(r->refused_size),
        static_cast<unsigned long long>(r->restored_size), r->origin.c_str(), r->kept_file.c_str(),
        r->verifier_key.c_str());
  }
  return kExitOk;
}

json::array HashArray(const std::vector<Hash>& hashes) {
  json::array a;
  for (const auto& h : hashes) a.emplace_back(Base64Encode(h));
  return a;
}

int RunProve(const Globals& g, std::optional<uint64_t> index, std::optional<uint64_t> size,
             std::optional<uint64_t> from, std::optional<uint64_t> to) {
  SystemClock clock;
  auto rt = app::Runtime::Open(StoreConfigOf(g), clock);
  if (!rt.ok()) return Report(rt.error(), "ledger prove");
  const bool inclusion = index.has_value();
  if (inclusion == (from.has_value() || to.has_value()) || (inclusion && !size) ||
      (!inclusion && !(from && to))) {
    return Report(ValidationError("prove", "give --index I --size N, or --from M --to N"),
                  "ledger prove");
  }
  json::object out;
  Status s = (*rt)->store().Read([&](storage::Tx& tx) -> Status {
    auto head = storage::ReadHead(tx);
    if (!head.ok()) return std::move(head).error();
    uint64_t n = inclusion ? *size : *to;
    if (n > head->size()) {
      return ValidationError(inclusion ? "size" : "to",
                             "must be at most the ledger size " + std::to_string(head->size()));
    }
    auto nodes = storage::NodeSourceFor(tx);
    auto root = ledger::RootAt(n, nodes);
    if (!root.ok()) return std::move(root).error();
    if (inclusion) {
      auto proof = ledger::InclusionProof(*index, n, nodes);
      if (!proof.ok()) return std::move(proof).error();
      auto leaf = storage::ReadNode(tx, 0, *index);
      if (!leaf.ok()) return std::move(leaf).error();
      ACCORD_TRY(ledger::VerifyInclusion(*index, n, *leaf, *proof, *root));
      out = {{"index", *index},
             {"size", n},
             {"leaf_hash", Base64Encode(*leaf)},
             {"root_hash", Base64Encode(*root)},
             {"proof", HashArray(*proof)}};
    } else {
      auto proof = ledger::ConsistencyProof(*from, n, nodes);
      if (!proof.ok()) return std::move(proof).error();
      auto old_root = ledger::RootAt(*from, nodes);
      if (!old_root.ok()) return std::move(old_root).error();
      ACCORD_TRY(ledger::VerifyConsistency(*from, n, *proof, *old_root, *root));
      out = {{"from", *from},
             {"to", n},
             {"from_root_hash", Base64Encode(*old_root)},
             {"to_root_hash", Base64Encode(*root)},
             {"proof", HashArray(*proof)}};
    }
    return Ok();
  });
  if (!s.ok()) return Report(s.error(), "ledger prove");
  PrintJson(out);
  return kExitOk;
}

struct ProveOptions {
  std::optional<uint64_t> index, size, from, to;
};

}  // namespace

void AddLedgerCommands(CLI::App& cli, Globals& g, int& exit_code) {
  auto* ledger_cmd = cli.add_subcommand("ledger", "verify, prove and checkpoint the ledger");
  ledger_cmd->require_subcommand(1);
  auto* verify = ledger_cmd->add_subcommand("verify", "recompute every hash, root and signature");
  AddStoreOptions(verify, g);
  auto verify_flags = std::make_shared<VerifyFlags>();
  verify->add_option("--trusted-checkpoint", verify_flags->trusted_checkpoint,
                     "a checkpoint note kept outside the database: prove the ledger extends it");
  verify->add_option("--key", verify_flags->key,
                     "the log's verifier key to check it with (default: keys in the ledger)");
  verify->add_option("--witness-key", verify_flags->witness_keys,
                     "a witness whose cosignature it must carry (repeat for several)");
  verify->callback([&g, &exit_code, verify_flags] { exit_code = RunVerify(g, *verify_flags); });
  auto* rebuild =
      ledger_cmd->add_subcommand("rebuild", "drop the read models and replay the ledger");
  AddStoreOptions(rebuild, g);
  rebuild->callback([&g, &exit_code] { exit_code = RunRebuild(g); });
  auto* digest = ledger_cmd->add_subcommand("digest", "print the read models' digest");
  AddStoreOptions(digest, g);
  digest->callback([&g, &exit_code] { exit_code = RunDigest(g); });
  auto* checkpoint = ledger_cmd->add_subcommand("checkpoint", "sign and store a checkpoint now");
  AddStoreOptions(checkpoint, g);
  checkpoint->callback([&g, &exit_code] { exit_code = RunCheckpoint(g); });
  auto* public_key = ledger_cmd->add_subcommand("public-key", "print the verifier key");
  AddStoreOptions(public_key, g);
  public_key->callback([&g, &exit_code] { exit_code = RunPublicKey(g); });
  auto* restart = ledger_cmd->add_subcommand(
      "restart", "after restoring an older backup: record a signed restart under a new origin");
  AddStoreOptions(restart, g);
  auto reason = std::make_shared<std::string>();
  restart->add_option("--reason", *reason, "which backup was restored, and why")->required();
  restart->callback([&g, &exit_code, reason] { exit_code = RunRestart(g, *reason); });
  AddMonitorCommand(ledger_cmd, exit_code);
  auto proof = std::make_shared<ProveOptions>();
  auto* prove = ledger_cmd->add_subcommand("prove", "inclusion or consistency proof");
  AddStoreOptions(prove, g);
  prove->add_option("--index", proof->index, "leaf index (inclusion)");
  prove->add_option("--size", proof->size, "tree size (inclusion)");
  prove->add_option("--from", proof->from, "older tree size (consistency)");
  prove->add_option("--to", proof->to, "newer tree size (consistency)");
  prove->callback([&g, &exit_code, proof] {
    exit_code = RunProve(g, proof->index, proof->size, proof->from, proof->to);
  });
}

}  // namespace accord::cli
