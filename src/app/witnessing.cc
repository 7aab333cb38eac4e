#include "accord/app/witnessing.h"

#include <spdlog/spdlog.h>

#include <charconv>

#include "accord/app/http_client.h"
#include "accord/ledger/merkle.h"
#include "accord/ledger/witness.h"
#include "accord/storage/checkpoint_cosignatures.h"
#include "accord/storage/ledger_tables.h"
#include "toml_file.h"

namespace accord::app {

Status ReadWitnessConfig(const std::filesystem::path& file, std::vector<WitnessEndpoint>& out) {
  auto parsed = ParseTomlFile(file);
  if (!parsed.ok()) return std::move(parsed).error();
  const toml::node* node = parsed->get("witnesses");
  if (!node) return Ok();
  const toml::table* witnesses = node->as_table();
  if (!witnesses) return ValidationError("witnesses", "must be a table ([witnesses.NAME])");
  std::vector<ErrorDetail> problems;
  for (const auto& [label, value] : *witnesses) {
    const std::string name(label.str());
    const int line = static_cast<int>(value.source().begin.line);
    const toml::table* t = value.as_table();
    if (!t) {
      problems.push_back({"witnesses." + name, "must be a table with url and key", line});
      continue;
    }
    WitnessEndpoint w{name, "", "", std::chrono::milliseconds(2000)};
    for (const auto& [k, v] : *t) {
      const std::string field = "witnesses." + name + "." + std::string(k.str());
      const int at = static_cast<int>(v.source().begin.line);
      if (k.str() == "url" || k.str() == "key") {
        if (const auto* s = v.as_string()) {
          (k.str() == "url" ? w.url : w.key) = s->get();
        } else {
          problems.push_back({field, "must be a string", at});
        }
      } else if (k.str() == "timeout_ms") {
        const auto* i = v.as_integer();
        if (!i || i->get() < 100 || i->get() > 30000) {
          problems.push_back({field, "must be a whole number from 100 to 30000", at});
        } else {
          w.timeout = std::chrono::milliseconds(i->get());
        }
      } else {
        problems.push_back({field, "unknown key (url, key, timeout_ms)", at});
      }
    }
    if (!w.url.starts_with("http://") && !w.url.starts_with("https://")) {
      problems.push_back(
          {"witnesses." + name + ".url", "must be an http:// or https:// URL", line});
    }
    if (auto k = ledger::ParseWitnessKey(w.key); !k.ok()) {
      problems.push_back({"witnesses." + name + ".key", k.error().details.at(0).reason, line});
    }
    out.push_back(std::move(w));
  }
  if (!problems.empty()) {
    return Error{ErrorCode::kValidationFailed, file.string() + ": invalid [witnesses] settings",
                 std::move(problems)};
  }
  return Ok();
}

Result<Witnessing> Witnessing::Create(storage::Store& store,
                                      std::vector<WitnessEndpoint> witnesses) {
  std::vector<Peer> peers;
  for (WitnessEndpoint& w : witnesses) {
    auto key = ledger::ParseWitnessKey(w.key);
    if (!key.ok()) return std::move(key).error();
    while (w.url.ends_with('/')) w.url.pop_back();
    peers.push_back(Peer{std::move(w), std::move(*key), 0, ""});
  }
  return Witnessing(store, std::move(peers));
}

namespace {

// Logs a witness's problem when it changes (a witness that stays down is not a log flood).
void Note(std::string& last, const std::string& label, std::string problem, bool serious) {
  if (problem == last) return;
  last = problem;
  if (problem.empty()) {
    spdlog::info("witness {}: cosigning again", label);
  } else if (serious) {
    spdlog::error("witness {} REFUSED the checkpoint: {}", label, problem);
  } else {
    spdlog::warn("witness {}: {}", label, problem);
  }
}

}  // namespace

WitnessRound Witnessing::RunOnce() {
  WitnessRound round;
  std::optional<storage::StoredCheckpoint> latest;
  Status read = store_->Read([&](storage::Tx& tx) -> Status {
    auto l = storage::LatestCheckpoint(tx);
    if (!l.ok()) return std::move(l).error();
    latest = std::move(*l);
    return Ok();
  });
  if (!read.ok() || !latest) return round;
  for (Peer& peer : peers_) {
    const std::string vkey = peer.config.key;
    if (ledger::VerifyCosignature(latest->note, peer.key.name, vkey).ok()) continue;
    // At most two calls: the first may learn the witness's size from a 409.
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (peer.witnessed_size > latest->size) {
        Note(peer.last_problem, peer.config.label,
             "it has cosigned size " + std::to_string(peer.witnessed_size) +
                 ", beyond this log's latest checkpoint (" + std::to_string(latest->size) +
                 "): entries were removed or an older backup restored (docs/operations.md)",
             true);
        ++round.failed;
        break;
      }
      std::vector<Hash> proof;
      if (peer.witnessed_size != 0 && peer.witnessed_size != latest->size) {
        Status s = store_->Read([&](storage::Tx& tx) -> Status {
          auto p = ledger::ConsistencyProof(peer.witnessed_size, latest->size,
                                            storage::NodeSourceFor(tx));
          if (!p.ok()) return std::move(p).error();
          proof = std::move(*p);
          return Ok();
        });
        if (!s.ok()) {
          Note(peer.last_problem, peer.config.label, "no proof: " + s.error().message, false);
          ++round.failed;
          break;
        }
      }
      auto answer = HttpCall("POST", peer.config.url + "/add-checkpoint",
                             ledger::FormatAddCheckpoint(peer.witnessed_size, proof, latest->note),
                             peer.config.timeout);
      if (!answer.ok()) {
        Note(peer.last_problem, peer.config.label, "no answer: " + answer.error().message, false);
        ++round.failed;
        break;
      }
      if (answer->status == 409 && answer->content_type.starts_with("text/x.tlog.size") &&
          attempt == 0) {
        uint64_t size = 0;
        std::string_view text = answer->body;
        if (text.ends_with('\n')) text.remove_suffix(1);
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), size);
        if (ec == std::errc() && end == text.data() + text.size() && !text.empty()) {
          peer.witnessed_size = size;
          continue;
        }
      }
      if (answer->status != 200) {
        std::string body = answer->body.substr(0, 300);
        while (!body.empty() && body.back() == '\n') body.pop_back();
        Note(peer.last_problem, peer.config.label,
             "status " + std::to_string(answer->status) + ": " + body,
             answer->status == 409 || answer->status == 422 || answer->status == 403);
        ++round.failed;
        break;
      }
      // Keep only the lines that verify as this witness's cosignature of this checkpoint.
      std::string accepted;
      std::string_view lines = answer->body;
      while (!lines.empty()) {
        const size_t eol = lines.find('\n');
        if (eol == std::string_view::npos) break;
        const std::string line(lines.substr(0, eol + 1));
        lines.remove_prefix(eol + 1);
        if (ledger::VerifyCosignature(latest->note + line, peer.key.name, vkey).ok()) {
          accepted += line;
        }
      }
      if (accepted.empty()) {
        Note(peer.last_problem, peer.config.label, "its answer carried no valid cosignature", true);
        ++round.failed;
        break;
      }
      Status stored = store_->Write([&](storage::Tx& tx) -> Status {
        return storage::AppendCheckpointSignatures(tx, latest->size, accepted);
      });
      if (!stored.ok()) {
        spdlog::warn("witness {}: cannot store the cosignature: {}", peer.config.label,
                     stored.error().message);
        ++round.failed;
        break;
      }
      latest->note += accepted;
      peer.witnessed_size = latest->size;
      Note(peer.last_problem, peer.config.label, "", false);
      ++round.cosigned;
      break;
    }
  }
  return round;
}

}  // namespace accord::app
