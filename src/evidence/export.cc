#include "accord/evidence/export.h"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "accord/core/bytes.h"
#include "accord/core/jcs.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/evidence/event_facts.h"
#include "accord/evidence/layout.h"
#include "accord/ledger/merkle.h"
#include "accord/storage/documents.h"
#include "accord/storage/ledger_tables.h"

namespace accord::embedded {
std::string_view EvidenceVerifyPage();
}

namespace accord::evidence {

namespace json = boost::json;

namespace {

constexpr uint64_t kChunk = 5000;

Result<TimePoint> ParseBound(std::string_view field, std::string_view text, bool end_of_day) {
  std::string s(text);
  const bool date_only = s.size() == 10;
  if (date_only) s += "T00:00:00Z";
  auto t = ParseRfc3339(s);
  if (!t.ok()) return ValidationError(std::string(field), "must be RFC 3339 or YYYY-MM-DD");
  if (date_only && end_of_day) return *t + std::chrono::days(1);
  // An instant given for `to` is included: the bound is exclusive one millisecond later.
  return end_of_day ? *t + std::chrono::milliseconds(1) : *t;
}

json::array HashArray(const std::vector<Hash>& hashes) {
  json::array a;
  a.reserve(hashes.size());
  for (const auto& h : hashes) a.emplace_back(Base64Encode(h));
  return a;
}

Result<std::string> Canonical(const json::value& v) { return Canonicalize(v); }

// Proofs for many neighbouring leaves share most of their nodes: each is read once.
class CachedNodes {
 public:
  explicit CachedNodes(storage::Tx& tx) : tx_(tx) {}
  ledger::NodeSource Source() {
    return [this](int level, uint64_t index) -> Result<Hash> {
      auto key = std::make_pair(level, index);
      if (auto it = cache_.find(key); it != cache_.end()) return it->second;
      auto h = storage::ReadNode(tx_, level, index);
      if (!h.ok()) return h;
      cache_.emplace(key, *h);
      return h;
    };
  }

 private:
  storage::Tx& tx_;
  std::map<std::pair<int, uint64_t>, Hash> cache_;
};

// The whole tree up to the checkpoint, built from the leaf hashes the export scans anyway:
// 100,000 proofs then cost no query at all. Only below kMemoryTreeMax leaves (64 bytes each).
constexpr uint64_t kMemoryTreeMax = 4'000'000;

class MemoryTree {
 public:
  explicit MemoryTree(std::vector<Hash> leaves) {
    levels_.push_back(std::move(leaves));
    while (levels_.back().size() > 1) {
      const auto& below = levels_.back();
      std::vector<Hash> up(below.size() / 2);
      for (size_t i = 0; i < up.size(); ++i)
        up[i] = ledger::NodeHash(below[2 * i], below[2 * i + 1]);
      levels_.push_back(std::move(up));
    }
  }
  ledger::NodeSource Source() const {
    return [this](int level, uint64_t index) -> Result<Hash> {
      if (level < 0 || static_cast<size_t>(level) >= levels_.size() ||
          index >= levels_[level].size()) {
        return Internal("no tree node at level " + std::to_string(level) + " index " +
                        std::to_string(index));
      }
      return levels_[level][index];
    };
  }

 private:
  std::vector<std::vector<Hash>> levels_;
};

// {"index":…,"leaf_hash":…,"path":[…],"tree_size":…} in RFC 8785 form (keys sorted; base64
// and integers need no escaping), written directly: there is one per event.
std::string ProofJson(uint64_t index, uint64_t tree_size, const Hash& leaf_hash,
                      const std::vector<Hash>& path) {
  std::string out = "{\"index\":" + std::to_string(index) + ",\"leaf_hash\":\"" +
                    Base64Encode(leaf_hash) + "\",\"path\":[";
  for (size_t i = 0; i < path.size(); ++i) {
    if (i > 0) out += ',';
    out += '"' + Base64Encode(path[i]) + '"';
  }
  out += "],\"tree_size\":" + std::to_string(tree_size) + "}";
  return out;
}

std::optional<std::string> EffectiveAt(const json::object& event) {
  const auto* payload = event.if_contains("payload");
  if (payload == nullptr || !payload->is_object()) return std::nullopt;
  const auto* state = payload->as_object().if_contains("state");
  if (state == nullptr || !state->is_object()) return std::nullopt;
  const auto* e = state->as_object().if_contains("effective_at");
  if (e == nullptr || !e->is_string() || e->as_string().empty()) return std::nullopt;
  return std::string(e->as_string());
}

struct Previous {
  std::string note;
  ledger::Checkpoint checkpoint;
};

Result<Previous> ReadPrevious(const std::filesystem::path& since,
                              const std::vector<ledger::Verifier>& keys) {
  auto entries = ReadArchive(since);
  if (!entries.ok()) return ValidationError("since", entries.error().message);
  for (auto& e : *entries) {
    if (e.path != kCheckpoint) continue;
    auto opened = ledger::OpenNote(e.content, keys);
    if (!opened.ok()) {
      return ValidationError("since", "its checkpoint is not signed by this log's keys (" +
                                          opened.error().message + ")");
    }
    auto cp = ledger::ParseCheckpoint(opened->text);
    if (!cp.ok()) return ValidationError("since", "its checkpoint: " + cp.error().ToString());
    return Previous{std::move(e.content), *cp};
  }
  return ValidationError("since", "not an evidence bundle: it has no " + std::string(kCheckpoint));
}

struct DocumentRef {
  std::string sha256;
  json::object info;
};

}  // namespace

Result<Selection> ParseSelection(std::string_view from, std::string_view to,
                                 std::vector<std::string> parties, std::vector<std::string> kinds) {
  Selection s;
  if (!from.empty()) {
    auto t = ParseBound("from", from, false);
    if (!t.ok()) return std::move(t).error();
    s.from = *t;
  }
  if (!to.empty()) {
    auto t = ParseBound("to", to, true);
    if (!t.ok()) return std::move(t).error();
    s.until = *t;
  }
  if (s.from && s.until && *s.until <= *s.from) {
    return ValidationError("to", "must not be before from");
  }
  for (const auto& p : parties) {
    if (p.empty()) return ValidationError("party", "must not be empty");
  }
  for (const auto& k : kinds) {
    if (k.empty()) return ValidationError("kind", "must not be empty");
  }
  s.parties = std::move(parties);
  s.kinds = std::move(kinds);
  return s;
}

Result<ExportSummary> ExportBundle(storage::Store& store, const ledger::Signer& signer,
                                   const std::string& origin, const ExportOptions& options,
                                   const Clock& clock) {
  const Selection& sel = options.selection;
  const std::string from_text = sel.from ? FormatRfc3339(*sel.from) : "";
  const std::string until_text = sel.until ? FormatRfc3339(*sel.until) : "";
  std::vector<Entry> files;
  json::array events_index;
  json::array documents_index;
  ExportSummary summary;
  std::string checkpoint_note;
  ledger::Checkpoint checkpoint;
  std::optional<Previous> previous;

  Status read = store.Read([&](storage::Tx& tx) -> Status {
    auto latest = storage::LatestCheckpoint(tx);
    if (!latest.ok()) return std::move(latest).error();
    if (!latest->has_value()) {
      return ValidationError("checkpoint",
                             "the ledger has no signed checkpoint yet: run `accord ledger "
                             "checkpoint` (or wait for the server's next one)");
    }
    checkpoint_note = (*latest)->note;
    checkpoint = ledger::Checkpoint{origin, (*latest)->size, (*latest)->root};
    summary.checkpoint_size = checkpoint.size;

    auto key_rows = storage::ListSigningKeys(tx);
    if (!key_rows.ok()) return std::move(key_rows).error();
    std::vector<ledger::Verifier> keys;
    std::string key_lines;
    for (const auto& k : *key_rows) {
      std::string vkey(k.as_object().at("verifier_key").as_string());
      key_lines += vkey + "\n";
      auto v = ledger::Verifier::Parse(vkey);
      if (v.ok()) keys.push_back(std::move(*v));
    }
    if (key_lines.find(signer.VerifierKey()) == std::string::npos) {
      key_lines += signer.VerifierKey() + "\n";
      auto v = ledger::Verifier::Parse(signer.VerifierKey());
      if (v.ok()) keys.push_back(std::move(*v));
    }
    files.push_back({std::string(kCheckpoint), checkpoint_note});
    files.push_back({std::string(kLogKeys), key_lines});

    CachedNodes cache(tx);
    auto nodes = cache.Source();
    if (!options.since.empty()) {
      auto prev = ReadPrevious(options.since, keys);
      if (!prev.ok()) return std::move(prev).error();
      const auto& pc = prev->checkpoint;
      if (pc.origin != origin) {
        return ValidationError("since", "that bundle is from another log (" + pc.origin + ")");
      }
      if (pc.size == 0 || pc.size > checkpoint.size) {
        return ValidationError("since", "its checkpoint (size " + std::to_string(pc.size) +
                                            ") is not an earlier state of this log (size " +
                                            std::to_string(checkpoint.size) + ")");
      }
      auto root = ledger::RootAt(pc.size, nodes);
      if (!root.ok()) return std::move(root).error();
      if (*root != pc.root) {
        return ValidationError("since", "its checkpoint (size " + std::to_string(pc.size) +
                                            ") does not match this log's history");
      }
      auto proof = ledger::ConsistencyProof(pc.size, checkpoint.size, nodes);
      if (!proof.ok()) return std::move(proof).error();
      auto body = Canonical(json::object{{"from_size", pc.size},
                                         {"from_root", Base64Encode(pc.root)},
                                         {"to_size", checkpoint.size},
                                         {"to_root", Base64Encode(checkpoint.root)},
                                         {"path", HashArray(*proof)}});
      if (!body.ok()) return std::move(body).error();
      files.push_back({std::string(kPreviousCheckpoint), prev->note});
      files.push_back({std::string(kConsistencyProof), std::move(*body)});
      summary.since_size = pc.size;
      previous = std::move(*prev);
    }

    std::vector<std::pair<uint64_t, Hash>> selected;  // index, leaf hash
    std::vector<DocumentRef> documents;
    const bool in_memory = checkpoint.size <= kMemoryTreeMax;
    std::vector<Hash> leaf_hashes;
    if (in_memory) leaf_hashes.reserve(checkpoint.size);
    for (uint64_t start = 0; start < checkpoint.size; start += kChunk) {
      auto leaves = storage::ReadLeaves(tx, start, std::min(kChunk, checkpoint.size - start));
      if (!leaves.ok()) return std::move(leaves).error();
      for (auto& leaf : *leaves) {
        if (ledger::LeafHash(AsBytes(leaf.leaf)) != leaf.leaf_hash) {
          return Error{ErrorCode::kCheckFailed,
                       "ledger entry " + std::to_string(leaf.index) +
                           " does not match its stored hash: run `accord ledger verify`",
                       {}};
        }
        if (in_memory) leaf_hashes.push_back(leaf.leaf_hash);
        json::error_code ec;
        json::value parsed = json::parse(leaf.leaf, ec);
        if (ec || !parsed.is_object()) {
          return Internal("ledger entry " + std::to_string(leaf.index) + " is not a JSON event");
        }
        const json::object& event = parsed.as_object();
        auto facts = ReadEventFacts(event);
        if (!Matches(facts, from_text, until_text, sel.parties, sel.kinds)) continue;
        if (!sel.control.empty() && !sel.entries.contains(leaf.index) &&
            !sel.subjects.contains(facts.subject)) {
          continue;
        }
        if (++summary.events > options.max_events) {
          return ValidationError("selection", "more than " + std::to_string(options.max_events) +
                                                  " events: choose a shorter period");
        }
        selected.emplace_back(leaf.index, leaf.leaf_hash);
        json::object item{{"index", leaf.index},
                          {"path", EventPath(leaf.index)},
                          {"proof", InclusionProofPath(leaf.index)},
                          {"type", facts.type},
                          {"subject", facts.subject},
                          {"recorded_at", facts.time}};
        if (auto e = EffectiveAt(event)) item["effective_at"] = *e;
        if (!facts.document_sha256.empty()) {
          const json::object& state = event.at("payload").at("state").as_object();
          json::object info{{"sha256", facts.document_sha256},
                            {"path", DocumentPath(facts.document_sha256)},
                            {"event_index", leaf.index},
                            {"recorded_at", facts.time}};
          for (const char* k : {"filename", "content_type", "size", "effective_at"}) {
            if (const auto* v = state.if_contains(k)) info[k] = *v;
          }
          documents.push_back({facts.document_sha256, std::move(info)});
        }
        events_index.push_back(std::move(item));
        files.push_back({EventPath(leaf.index), std::move(leaf.leaf)});
      }
    }
    std::optional<MemoryTree> tree;
    ledger::NodeSource proof_nodes = nodes;
    if (in_memory) {
      tree.emplace(std::move(leaf_hashes));
      proof_nodes = tree->Source();
      auto root = ledger::RootAt(checkpoint.size, proof_nodes);
      if (!root.ok()) return std::move(root).error();
      if (*root != checkpoint.root) {
        return Error{ErrorCode::kCheckFailed,
                     "the stored entries do not lead to the latest checkpoint's root: run "
                     "`accord ledger verify`",
                     {}};
      }
    }
    for (const auto& [index, leaf_hash] : selected) {
      auto proof = ledger::InclusionProof(index, checkpoint.size, proof_nodes);
      if (!proof.ok()) return std::move(proof).error();
      files.push_back(
          {InclusionProofPath(index), ProofJson(index, checkpoint.size, leaf_hash, *proof)});
    }
    std::set<std::string> stored;
    for (auto& d : documents) {
      if (stored.insert(d.sha256).second) {
        auto content = storage::ReadDocumentContent(tx, d.sha256);
        if (!content.ok()) return std::move(content).error();
        if (HexEncode(Sha256(*content)) != d.sha256) {
          return Error{ErrorCode::kCheckFailed,
                       "stored document " + d.sha256 + " does not match its SHA-256",
                       {}};
        }
        files.push_back({DocumentPath(d.sha256), std::move(*content)});
      }
      documents_index.push_back(std::move(d.info));
    }
    summary.documents = stored.size();
    return Ok();
  });
  if (!read.ok()) return std::move(read).error();

  files.push_back({std::string(kVerifyPage), std::string(embedded::EvidenceVerifyPage())});
  files.push_back({std::string(kReadme), ReadmeText(origin)});

  json::array listing;
  listing.reserve(files.size());
  for (const auto& f : files) {
    listing.push_back(json::object{
        {"path", f.path}, {"sha256", HexEncode(Sha256(f.content))}, {"size", f.content.size()}});
  }
  json::object selection;
  if (sel.from) selection["from"] = from_text;
  if (sel.until) selection["until"] = until_text;
  if (!sel.parties.empty()) selection["parties"] = json::value_from(sel.parties);
  if (!sel.kinds.empty()) selection["kinds"] = json::value_from(sel.kinds);
  if (!sel.control.empty()) selection["control"] = sel.control;
  json::object manifest{{"format", kFormat},
                        {"origin", origin},
                        {"exported_at", FormatRfc3339(clock.Now())},
                        {"selection", std::move(selection)},
                        {"checkpoint", json::object{{"size", checkpoint.size},
                                                    {"root", Base64Encode(checkpoint.root)}}},
                        {"events", std::move(events_index)},
                        {"documents", std::move(documents_index)},
                        {"files", std::move(listing)}};
  if (previous) {
    manifest["previous_checkpoint"] = json::object{
        {"size", previous->checkpoint.size}, {"root", Base64Encode(previous->checkpoint.root)}};
  }
  auto manifest_text = Canonical(manifest);
  if (!manifest_text.ok()) return std::move(manifest_text).error();
  std::string statement = ManifestStatement(origin, HexEncode(Sha256(*manifest_text)));
  files.insert(files.begin(), {{std::string(kManifest), std::move(*manifest_text)},
                               {std::string(kManifestSignature), signer.Sign(statement)}});
  ACCORD_TRY(WriteArchive(options.out, files));
  std::error_code ec;
  summary.bytes = std::filesystem::file_size(options.out, ec);
  return summary;
}

}  // namespace accord::evidence
