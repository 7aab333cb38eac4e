// `accord ledger monitor URL`: follow a log's published checkpoint over time and report any
// inconsistency (docs/ledger.md, "Monitoring"). It needs no store: only HTTP, the log's
// verifier key and, to fetch consistency proofs, an API token that may read the ledger.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <thread>

#include "accord/app/http_client.h"
#include "accord/app/private_file.h"
#include "accord/app/restart.h"
#include "accord/ledger/cosignature.h"
#include "accord/ledger/merkle.h"
#include "cli_commands.h"

namespace accord::cli {

namespace {

struct MonitorFlags {
  std::string url;
  std::string key;
  std::vector<std::string> witness_keys;
  std::string token;
  std::string state;  // the last checkpoint seen, kept between runs
  int interval = 60;
  bool once = false;
};

struct Seen {
  ledger::Checkpoint checkpoint;
  std::string note;
};

// The log's key and, for a note under a restart origin of the same log, the same key under
// that origin's name (`accord ledger restart` signs so).
std::vector<ledger::Verifier> KeysFor(const std::string& note, const ledger::Verifier& log) {
  std::vector<ledger::Verifier> keys{log};
  const std::string origin = note.substr(0, note.find('\n'));
  if (origin != log.name() && app::BaseOrigin(origin) == app::BaseOrigin(log.name())) {
    auto renamed = log.WithName(origin);
    if (renamed.ok()) keys.push_back(std::move(*renamed));
  }
  return keys;
}

// Fetches and authenticates the published checkpoint.
Result<Seen> FetchCheckpoint(const MonitorFlags& f, const ledger::Verifier& log) {
  auto answer =
      app::HttpCall("GET", f.url + "/.well-known/accord/checkpoint", "", std::chrono::seconds(10));
  if (!answer.ok()) return std::move(answer).error();
  if (answer->status != 200) {
    return Error{
        ErrorCode::kUnavailable, "the checkpoint answered " + std::to_string(answer->status), {}};
  }
  auto opened = ledger::OpenNote(answer->body, KeysFor(answer->body, log));
  if (!opened.ok()) {
    return Error{
        ErrorCode::kCheckFailed,
        "the published checkpoint is not signed by the log's key: " + opened.error().message,
        {}};
  }
  if (Status cosigned = ledger::VerifyCosignatures(answer->body, f.witness_keys); !cosigned.ok()) {
    if (cosigned.error().code != ErrorCode::kCheckFailed) return std::move(cosigned).error();
    return Error{
        ErrorCode::kCheckFailed, "the published checkpoint: " + cosigned.error().message, {}};
  }
  auto checkpoint = ledger::ParseCheckpoint(opened->text);
  if (!checkpoint.ok()) return std::move(checkpoint).error();
  return Seen{*checkpoint, answer->body};
}

Result<boost::json::value> GetJson(const MonitorFlags& f, const std::string& path,
                                   const char* what) {
  std::vector<std::string> headers;
  if (!f.token.empty()) headers.push_back("Authorization: Bearer " + f.token);
  auto answer = app::HttpCall("GET", f.url + path, "", std::chrono::seconds(10), headers);
  if (!answer.ok()) return std::move(answer).error();
  if (answer->status != 200) {
    return Error{ErrorCode::kUnavailable,
                 std::string(what) + " answered " + std::to_string(answer->status) +
                     (answer->status == 401 ? " (give --token)" : ""),
                 {}};
  }
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(answer->body, ec);
  if (ec || !v.is_object()) return Internal(std::string(what) + " is not a JSON object");
  return v;
}

Error Inconsistent(std::string why) {
  return Error{ErrorCode::kCheckFailed, "INCONSISTENT: " + why, {}};
}

// `next` is under a later restart origin of `prev`'s log: the log must hold a
// `ledger.restarted` event for that origin, included in `next`'s tree, whose abandoned
// history reaches at least what this monitor saw. Returns the restart in words.
Result<std::string> CheckRestart(const MonitorFlags& f, const Seen& prev, const Seen& next) {
  const auto& a = prev.checkpoint;
  const auto& b = next.checkpoint;
  auto page = GetJson(f, "/api/v1/ledger/entries?type=ledger.restarted&order=newest&limit=100",
                      "the ledger's restart entries");
  if (!page.ok()) return std::move(page).error();
  const boost::json::array* items =
      page->as_object().contains("items") ? page->as_object().at("items").if_array() : nullptr;
  if (items == nullptr) return Internal("the ledger's entries have no items array");
  for (const auto& item : *items) {
    const auto& entry = item.as_object();
    const auto& payload = entry.at("event").at("payload").as_object();
    const auto* origin = payload.if_contains("origin");
    if (origin == nullptr || !origin->is_string() || origin->as_string() != b.origin) continue;
    const uint64_t index = entry.at("index").to_number<uint64_t>();
    if (index >= b.size)
      return Inconsistent("the restart entry is not below size " + std::to_string(b.size));
    auto leaf = Base64Decode(entry.at("leaf").as_string());
    if (!leaf.ok()) return Inconsistent("the restart entry's leaf is not base64");
    auto proof_json = GetJson(f,
                              "/api/v1/ledger/proofs/inclusion?index=" + std::to_string(index) +
                                  "&size=" + std::to_string(b.size),
                              "the inclusion proof");
    if (!proof_json.ok()) return std::move(proof_json).error();
    const boost::json::array* lines = proof_json->as_object().contains("proof")
                                          ? proof_json->as_object().at("proof").if_array()
                                          : nullptr;
    if (lines == nullptr) return Internal("the inclusion proof has no proof array");
    std::vector<Bytes> proof;
    for (const auto& line : *lines) {
      auto h = line.is_string() ? Base64Decode(line.as_string()) : Result<Bytes>(Internal(""));
      if (!h.ok()) return Inconsistent("a proof hash is not base64");
      proof.push_back(std::move(*h));
    }
    const Hash leaf_hash = ledger::LeafHash(*leaf);
    if (Status s = ledger::VerifyInclusion(index, b.size, leaf_hash, proof, b.root); !s.ok()) {
      return Inconsistent("the restart entry is not in the checkpoint at size " +
                          std::to_string(b.size) + ": " + s.error().message);
    }
    const uint64_t refused = payload.at("refused_size").to_number<uint64_t>();
    if (a.origin == payload.at("refused_origin").as_string() && a.size > refused) {
      return Inconsistent("the restart says the abandoned history reached size " +
                          std::to_string(refused) + ", but this monitor saw size " +
                          std::to_string(a.size));
    }
    return "RESTARTED: the log '" + a.origin + "' was restarted from a backup at size " +
           std::to_string(index) + " (the abandoned history reached size " +
           std::to_string(refused) + "); it continues as '" + b.origin +
           "'. Reason: " + std::string(payload.at("reason").as_string());
  }
  return Inconsistent("the origin changed from " + a.origin + " to " + b.origin +
                      " without a recorded restart");
}

// kCheckFailed when `next` does not extend `prev`; `restart` gets the words for a recorded
// restart of the log under a new origin.
Status CheckExtends(const MonitorFlags& f, const Seen& prev, const Seen& next,
                    std::string& restart) {
  const auto& a = prev.checkpoint;
  const auto& b = next.checkpoint;
  auto inconsistent = [](std::string why) { return Inconsistent(std::move(why)); };
  if (a.origin != b.origin) {
    if (app::BaseOrigin(a.origin) != app::BaseOrigin(b.origin) ||
        app::RestartNumber(b.origin) <= app::RestartNumber(a.origin)) {
      return inconsistent("the origin changed from " + a.origin);
    }
    auto words = CheckRestart(f, prev, next);
    if (!words.ok()) return std::move(words).error();
    restart = std::move(*words);
    return Ok();
  }
  if (b.size < a.size) {
    return inconsistent("the log went back from size " + std::to_string(a.size) + " to " +
                        std::to_string(b.size));
  }
  if (b.size == a.size || a.size == 0) {
    if (b.size == a.size && a.root != b.root) {
      return inconsistent("two different roots at size " + std::to_string(a.size) + " (a fork)");
    }
    return Ok();
  }
  std::vector<std::string> headers;
  if (!f.token.empty()) headers.push_back("Authorization: Bearer " + f.token);
  auto answer =
      app::HttpCall("GET",
                    f.url + "/api/v1/ledger/proofs/consistency?from=" + std::to_string(a.size) +
                        "&to=" + std::to_string(b.size),
                    "", std::chrono::seconds(10), headers);
  if (!answer.ok()) return std::move(answer).error();
  if (answer->status != 200) {
    return Error{ErrorCode::kUnavailable,
                 "the consistency proof answered " + std::to_string(answer->status) +
                     (answer->status == 401 ? " (give --token)" : ""),
                 {}};
  }
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(answer->body, ec);
  const boost::json::array* lines = !ec && v.is_object() && v.as_object().contains("proof")
                                        ? v.as_object().at("proof").if_array()
                                        : nullptr;
  if (lines == nullptr) return Internal("the consistency proof is not JSON with a proof array");
  std::vector<Bytes> proof;
  for (const auto& line : *lines) {
    auto h = line.is_string() ? Base64Decode(line.as_string()) : Result<Bytes>(Internal(""));
    if (!h.ok()) return inconsistent("a proof hash is not base64");
    proof.push_back(std::move(*h));
  }
  Status s = ledger::VerifyConsistency(a.size, b.size, proof, a.root, b.root);
  if (!s.ok()) {
    return inconsistent("size " + std::to_string(b.size) + " does not extend size " +
                        std::to_string(a.size) + ": " + s.error().message);
  }
  return Ok();
}

int RunMonitor(MonitorFlags f) {
  while (f.url.ends_with('/')) f.url.pop_back();
  auto log = ledger::Verifier::Parse(f.key);
  if (!log.ok()) return Report(log.error(), "ledger monitor");
  std::optional<Seen> prev;
  if (!f.state.empty()) {
    auto saved = app::ReadPrivateFile(f.state, "state");
    if (!saved.ok()) return Report(saved.error(), "ledger monitor");
    if (saved->has_value()) {
      auto opened = ledger::OpenNote(**saved, KeysFor(**saved, *log));
      auto cp = opened.ok() ? ledger::ParseCheckpoint(opened->text)
                            : Result<ledger::Checkpoint>(std::move(opened).error());
      if (!cp.ok()) return Report(cp.error(), "ledger monitor");
      prev = Seen{*cp, **saved};
    }
  }
  // Runs until an inconsistency (exit 1) or a signal; --once checks one fetch.
  for (;;) {
    auto next = FetchCheckpoint(f, *log);
    std::string restart;
    Status s = next.ok() && prev ? CheckExtends(f, *prev, *next, restart)
                                 : (next.ok() ? Status(Ok()) : Status(next.error()));
    if (!s.ok() && s.error().code == ErrorCode::kCheckFailed) {
      std::printf("%s\n", s.error().message.c_str());
      std::fflush(stdout);
      return kExitCheckFailed;
    }
    if (!s.ok()) {
      std::fprintf(stderr, "accord ledger monitor: %s\n", s.error().message.c_str());
      if (f.once) return ExitFor(s.error());
    } else {
      if (!restart.empty()) {
        std::printf("%s\n", restart.c_str());
      } else {
        std::printf("%s size %llu root %s: %s\n", next->checkpoint.origin.c_str(),
                    static_cast<unsigned long long>(next->checkpoint.size),
                    Base64Encode(next->checkpoint.root).c_str(),
                    prev ? ("consistent with size " + std::to_string(prev->checkpoint.size)).c_str()
                         : "first seen");
      }
      std::fflush(stdout);
      prev = *next;
      if (!f.state.empty()) {
        if (Status w = app::WritePrivateFile(f.state, next->note); !w.ok()) {
          return Report(w.error(), "ledger monitor");
        }
      }
      if (f.once) return kExitOk;
    }
    std::this_thread::sleep_for(std::chrono::seconds(f.interval));
  }
}

}  // namespace

void AddMonitorCommand(CLI::App* ledger_cmd, int& exit_code) {
  auto f = std::make_shared<MonitorFlags>();
  auto* cmd = ledger_cmd->add_subcommand(
      "monitor", "follow a published checkpoint and report any inconsistency");
  cmd->add_option("url", f->url, "the server's address, e.g. https://trust.example.org")
      ->required();
  cmd->add_option("--key", f->key, "the log's verifier key ('accord ledger public-key')")
      ->required();
  cmd->add_option("--witness-key", f->witness_keys, "a witness that must have cosigned it");
  cmd->add_option("--token", f->token, "an API token that may read the ledger (for proofs)")
      ->envname("ACCORD_TOKEN");
  cmd->add_option("--state", f->state, "keep the last checkpoint seen in this file (0600)");
  cmd->add_option("--interval", f->interval, "seconds between fetches")
      ->capture_default_str()
      ->check(CLI::Range(1, 86400));
  cmd->add_flag("--once", f->once, "fetch once, compare with --state, and exit");
  cmd->callback([f, &exit_code] { exit_code = RunMonitor(*f); });
}

}  // namespace accord::cli
