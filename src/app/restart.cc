#include "accord/app/restart.h"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <system_error>

#include "accord/app/private_file.h"
#include "accord/core/bytes.h"
#include "accord/domain/event.h"
#include "accord/ledger/note.h"
#include "accord/storage/ledger_tables.h"

namespace accord::app {

namespace json = boost::json;

namespace {

constexpr std::string_view kSuffix = "/restart-";

// The position of "/restart-K" at the end of `origin`, or npos.
size_t SuffixAt(const std::string& origin) {
  const size_t at = origin.rfind(kSuffix);
  if (at == std::string::npos || at == 0) return std::string::npos;
  const std::string_view digits = std::string_view(origin).substr(at + kSuffix.size());
  int k = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), k);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || k < 1 ||
      digits[0] == '0') {
    return std::string::npos;
  }
  return at;
}

}  // namespace

std::string BaseOrigin(const std::string& origin) {
  const size_t at = SuffixAt(origin);
  return at == std::string::npos ? origin : origin.substr(0, at);
}

int RestartNumber(const std::string& origin) {
  const size_t at = SuffixAt(origin);
  return at == std::string::npos ? 0 : std::stoi(origin.substr(at + kSuffix.size()));
}

Result<RestartResult> RestartLog(Runtime& rt, const OrgInfo& org, const std::string& reason) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    return ValidationError("reason", "must say which backup was restored and why");
  }
  ACCORD_TRY(rt.LoadSigner(org.origin, /*create=*/false));
  const std::string file_name = rt.checkpoint_file().string();
  auto file = ReadPrivateFile(rt.checkpoint_file(), "checkpoint_file");
  if (!file.ok()) return std::move(file).error();
  if (!file->has_value()) {
    return ValidationError("checkpoint_file",
                           "there is no " + file_name +
                               ": nothing refuses this ledger, so there is nothing to restart "
                               "(put the longer checkpoint there, e.g. the last one published, "
                               "if the data directory was lost)");
  }
  const std::string& note = **file;
  RestartResult out;
  out.previous_origin = org.origin;
  auto r = rt.log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
    std::vector<ledger::Verifier> keys;
    auto own = ledger::Verifier::Parse(rt.signer().VerifierKey());
    if (!own.ok()) return std::move(own).error();
    keys.push_back(std::move(*own));
    auto recorded = storage::ListSigningKeys(c.tx());
    if (!recorded.ok()) return std::move(recorded).error();
    for (const auto& k : *recorded) {
      auto v = ledger::Verifier::Parse(k.as_object().at("verifier_key").as_string());
      if (v.ok()) keys.push_back(std::move(*v));
    }
    auto opened = ledger::OpenNote(note, keys);
    if (!opened.ok()) {
      return Error{
          ErrorCode::kCheckFailed,
          file_name + " is not a checkpoint signed by this log's key: " + opened.error().message,
          {}};
    }
    auto refused = ledger::ParseCheckpoint(opened->text);
    if (!refused.ok()) return Error{ErrorCode::kCheckFailed, file_name + " is malformed", {}};
    if (BaseOrigin(refused->origin) != BaseOrigin(org.origin)) {
      return Error{
          ErrorCode::kCheckFailed,
          file_name + " is for the log '" + refused->origin + "', not '" + org.origin + "'",
          {}};
    }
    auto head = storage::ReadHead(c.tx());
    if (!head.ok()) return std::move(head).error();
    const uint64_t n = head->size();
    if (refused->size <= n) {
      return ValidationError(
          "checkpoint_file",
          "the ledger has " + std::to_string(n) +
              " entries, not fewer than the checkpoint at size " + std::to_string(refused->size) +
              " in " + file_name +
              ": a restart is only for a restored older backup. If serve refuses this ledger, "
              "its entries were changed: keep the database for investigation (docs/operations.md)");
    }
    out.restored_size = n;
    out.refused_size = refused->size;
    out.origin =
        BaseOrigin(org.origin) + std::string(kSuffix) +
        std::to_string(std::max(RestartNumber(org.origin), RestartNumber(refused->origin)) + 1);
    auto index = c.Append(domain::Event{
        .type = "ledger.restarted",
        .actor = domain::SystemActor(),
        .subject = {"org", org.id},
        .payload = json::object{{"restored_size", n},
                                {"restored_root", Base64Encode(head->frontier.Root())},
                                {"refused_checkpoint", note},
                                {"refused_origin", refused->origin},
                                {"refused_size", refused->size},
                                {"refused_root", Base64Encode(refused->root)},
                                {"previous_origin", org.origin},
                                {"origin", out.origin},
                                {"reason", reason}},
        .org = org.id});
    if (!index.ok()) return std::move(index).error();
    return json::value(*index);
  });
  if (!r.ok()) return std::move(r).error();
  // The event is committed: keep the refused file for the record, then sign under the new
  // origin (the same key, named after it) and write the new checkpoint file.
  out.kept_file = rt.checkpoint_file();
  out.kept_file += ".before-restart-" + std::to_string(RestartNumber(out.origin));
  std::error_code ec;
  std::filesystem::rename(rt.checkpoint_file(), out.kept_file, ec);
  if (ec) {
    return Internal("recorded the restart but cannot move " + file_name + " to " +
                    out.kept_file.string() + ": " + ec.message() +
                    "; move it by hand and run 'accord ledger checkpoint'");
  }
  ACCORD_TRY(rt.LoadSigner(out.origin, /*create=*/false));
  out.verifier_key = rt.signer().VerifierKey();
  auto cp = rt.Checkpoint(out.origin);
  if (!cp.ok()) return std::move(cp).error();
  if (!cp->has_value()) return Internal("no checkpoint was signed under the new origin");
  out.checkpoint = (*cp)->note;
  return out;
}

}  // namespace accord::app
