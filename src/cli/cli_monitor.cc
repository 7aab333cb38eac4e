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

// Fetches and authenticates the published checkpoint.
Result<Seen> FetchCheckpoint(const MonitorFlags& f, const ledger::Verifier& log) {
  auto answer =
      app::HttpCall("GET", f.url + "/.well-known/accord/checkpoint", "", std::chrono::seconds(10));
  if (!answer.ok()) return std::move(answer).error();
  if (answer->status != 200) {
    return Error{
        ErrorCode::kUnavailable, "the checkpoint answered " + std::to_string(answer->status), {}};
  }
  auto opened = ledger::OpenNote(answer->body, {log});
  if (!opened.ok()) {
    return Error{
        ErrorCode::kCheckFailed,
        "the published checkpoint is not signed by the log's key: " + opened.error().message,
        {}};
  }
  for (const std::string& w : f.witness_keys) {
    auto key = ledger::ParseWitnessKey(w);
    if (!key.ok()) return std::move(key).error();
    auto cosigned = ledger::VerifyCosignature(answer->body, key->name, w);
    if (!cosigned.ok()) {
      return Error{
          ErrorCode::kCheckFailed, "the published checkpoint: " + cosigned.error().message, {}};
    }
  }
  auto checkpoint = ledger::ParseCheckpoint(opened->text);
  if (!checkpoint.ok()) return std::move(checkpoint).error();
  return Seen{*checkpoint, answer->body};
}

// kCheckFailed when `next` does not extend `prev`.
Status CheckExtends(const MonitorFlags& f, const Seen& prev, const Seen& next) {
  const auto& a = prev.checkpoint;
  const auto& b = next.checkpoint;
  auto inconsistent = [](std::string why) {
    return Error{ErrorCode::kCheckFailed, "INCONSISTENT: " + why, {}};
  };
  if (a.origin != b.origin) return inconsistent("the origin changed from " + a.origin);
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
      auto opened = ledger::OpenNote(**saved, {*log});
      auto cp = opened.ok() ? ledger::ParseCheckpoint(opened->text)
                            : Result<ledger::Checkpoint>(std::move(opened).error());
      if (!cp.ok()) return Report(cp.error(), "ledger monitor");
      prev = Seen{*cp, **saved};
    }
  }
  // Runs until an inconsistency (exit 1) or a signal; --once checks one fetch.
  for (;;) {
    auto next = FetchCheckpoint(f, *log);
    Status s = next.ok() && prev ? CheckExtends(f, *prev, *next)
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
      std::printf("%s size %llu root %s: %s\n", next->checkpoint.origin.c_str(),
                  static_cast<unsigned long long>(next->checkpoint.size),
                  Base64Encode(next->checkpoint.root).c_str(),
                  prev ? ("consistent with size " + std::to_string(prev->checkpoint.size)).c_str()
                       : "first seen");
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
