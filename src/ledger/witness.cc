#include "accord/ledger/witness.h"

#include <charconv>

#include "accord/ledger/merkle.h"

namespace accord::ledger {
namespace {

constexpr size_t kMaxProofLines = 63;

WitnessAnswer Answer(int status, std::string body) {
  return WitnessAnswer{status, "text/plain; charset=utf-8", std::move(body) + "\n", false};
}

}  // namespace

std::string FormatAddCheckpoint(uint64_t old_size, const std::vector<Hash>& proof,
                                std::string_view note) {
  std::string body = "old " + std::to_string(old_size) + "\n";
  for (const Hash& h : proof) body += Base64Encode(h) + "\n";
  body += "\n";
  body += note;
  return body;
}

Result<AddCheckpointRequest> ParseAddCheckpoint(std::string_view body) {
  AddCheckpointRequest request;
  int line_number = 0;
  auto next_line = [&]() -> std::optional<std::string_view> {
    const size_t eol = body.find('\n');
    if (eol == std::string_view::npos) return std::nullopt;
    std::string_view line = body.substr(0, eol);
    body.remove_prefix(eol + 1);
    ++line_number;
    return line;
  };
  auto bad = [&](std::string reason) {
    return Error{ErrorCode::kValidationFailed,
                 "line " + std::to_string(line_number) + ": " + reason,
                 {ErrorDetail{"body", reason, line_number}}};
  };
  std::optional<std::string_view> first = next_line();
  if (!first || !first->starts_with("old ")) return bad("must start with 'old <size>'");
  std::string_view digits = first->substr(4);
  const auto [end, ec] =
      std::from_chars(digits.data(), digits.data() + digits.size(), request.old_size);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() ||
      (digits.size() > 1 && digits[0] == '0')) {
    return bad("old size must be a decimal number without leading zeros");
  }
  for (;;) {
    std::optional<std::string_view> line = next_line();
    if (!line) return bad("no empty line before the checkpoint");
    if (line->empty()) break;
    if (request.proof.size() == kMaxProofLines) return bad("more than 63 proof lines");
    Result<Bytes> hash = Base64Decode(*line);
    if (!hash.ok() || hash->size() != 32) return bad("a proof line must be a base64 hash");
    Hash h;
    std::copy(hash->begin(), hash->end(), h.begin());
    request.proof.push_back(h);
  }
  if (body.empty()) return bad("no checkpoint after the empty line");
  request.note = std::string(body);
  return request;
}

WitnessAnswer DecideAddCheckpoint(std::string_view body, const std::vector<Verifier>& logs,
                                  WitnessState& state, const Cosigner& cosigner, uint64_t now) {
  Result<AddCheckpointRequest> request = ParseAddCheckpoint(body);
  if (!request.ok()) return Answer(400, request.error().message);
  // The origin decides which keys apply: read it before trusting anything.
  const size_t eol = request->note.find('\n');
  const std::string origin = request->note.substr(0, eol);
  std::vector<Verifier> trusted;
  for (const Verifier& v : logs) {
    if (v.name() == origin) trusted.push_back(v);
  }
  if (trusted.empty()) return Answer(404, "unknown log origin '" + origin + "'");
  Result<OpenedNote> opened = OpenNote(request->note, trusted);
  if (!opened.ok()) {
    const bool malformed = opened.error().message.starts_with("malformed");
    return Answer(malformed ? 400 : 403, opened.error().message);
  }
  Result<Checkpoint> checkpoint = ParseCheckpoint(opened->text);
  if (!checkpoint.ok()) return Answer(400, checkpoint.error().message);
  if (request->old_size > checkpoint->size) {
    return Answer(400, "old size " + std::to_string(request->old_size) +
                           " is beyond the checkpoint size " + std::to_string(checkpoint->size));
  }
  const auto it = state.find(origin);
  const uint64_t witnessed = it == state.end() ? 0 : it->second.size;
  if (request->old_size != witnessed) {
    return WitnessAnswer{409, "text/x.tlog.size", std::to_string(witnessed) + "\n", false};
  }
  if (witnessed == 0) {
    if (!request->proof.empty()) return Answer(422, "the proof from size 0 must be empty");
  } else if (witnessed == checkpoint->size) {
    if (it->second.root != checkpoint->root) {
      return Answer(409, "a different root at the witnessed size " + std::to_string(witnessed) +
                             ": the log has forked");
    }
  } else {
    Status consistent = VerifyConsistency(witnessed, checkpoint->size, request->proof,
                                          it->second.root, checkpoint->root);
    if (!consistent.ok()) {
      return Answer(422, "not consistent with the checkpoint this witness cosigned at size " +
                             std::to_string(witnessed) + ": " + consistent.error().message);
    }
  }
  state[origin] = WitnessedTree{checkpoint->size, checkpoint->root};
  WitnessAnswer ok{200, "text/plain; charset=utf-8", cosigner.CosignatureLine(opened->text, now),
                   true};
  return ok;
}

}  // namespace accord::ledger
