#include "accord/evidence/verify.h"

#include <boost/json.hpp>

#include <map>
#include <set>

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "accord/evidence/event_facts.h"
#include "accord/ledger/cosignature.h"
#include "accord/ledger/merkle.h"

namespace accord::evidence {

namespace json = boost::json;

namespace {

Error Broken(std::string_view file, std::string reason) {
  std::string f(file);
  return Error{ErrorCode::kCheckFailed, f + ": " + reason, {{f, std::move(reason), {}}}};
}

// Reading the manifest: every wrong shape is the manifest's fault.
struct Reader {
  std::string_view file;
  std::optional<Error> error;

  const json::value* Get(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (v == nullptr && !error) error = Broken(file, "has no \"" + std::string(key) + "\"");
    return v;
  }
  std::string Str(const json::object& o, std::string_view key, bool optional = false) {
    const auto* v = optional ? o.if_contains(key) : Get(o, key);
    if (v == nullptr) return "";
    if (!v->is_string()) {
      if (!error) error = Broken(file, "\"" + std::string(key) + "\" is not a string");
      return "";
    }
    return std::string(v->as_string());
  }
  uint64_t Num(const json::object& o, std::string_view key) {
    const auto* v = Get(o, key);
    if (v == nullptr) return 0;
    if (v->is_uint64()) return v->as_uint64();
    if (v->is_int64() && v->as_int64() >= 0) return static_cast<uint64_t>(v->as_int64());
    if (!error) error = Broken(file, "\"" + std::string(key) + "\" is not a count");
    return 0;
  }
  const json::object& Obj(const json::object& o, std::string_view key) {
    static const json::object kEmpty;
    const auto* v = Get(o, key);
    if (v == nullptr) return kEmpty;
    if (!v->is_object()) {
      if (!error) error = Broken(file, "\"" + std::string(key) + "\" is not an object");
      return kEmpty;
    }
    return v->as_object();
  }
  const json::array& Arr(const json::object& o, std::string_view key, bool optional = false) {
    static const json::array kEmpty;
    const auto* v = optional ? o.if_contains(key) : Get(o, key);
    if (v == nullptr) return kEmpty;
    if (!v->is_array()) {
      if (!error) error = Broken(file, "\"" + std::string(key) + "\" is not a list");
      return kEmpty;
    }
    return v->as_array();
  }
  std::vector<std::string> Strings(const json::object& o, std::string_view key) {
    std::vector<std::string> out;
    for (const auto& v : Arr(o, key, true)) {
      if (v.is_string())
        out.emplace_back(v.as_string());
      else if (!error)
        error = Broken(file, "\"" + std::string(key) + "\" holds a non-string");
    }
    return out;
  }
};

Result<json::object> ParseObject(std::string_view file, std::string_view text) {
  json::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return Broken(file, "is not a JSON object");
  return std::move(v.as_object());
}

Result<Hash> HashOf(std::string_view file, std::string_view what, std::string_view b64) {
  auto b = Base64Decode(b64);
  if (!b.ok() || b->size() != 32) return Broken(file, std::string(what) + " is not a hash");
  Hash h;
  std::copy(b->begin(), b->end(), h.begin());
  return h;
}

Result<std::vector<Hash>> Path(std::string_view file, Reader& r, const json::object& o) {
  std::vector<Hash> out;
  for (const auto& v : r.Arr(o, "path")) {
    if (!v.is_string()) return Broken(file, "\"path\" holds a non-string");
    auto h = HashOf(file, "a path entry", v.as_string());
    if (!h.ok()) return std::move(h).error();
    out.push_back(*h);
  }
  if (r.error) return *r.error;
  return out;
}

Result<std::vector<ledger::Verifier>> ParseKeys(const std::vector<std::string>& keys,
                                                std::string_view field) {
  std::vector<ledger::Verifier> out;
  for (const auto& k : keys) {
    auto v = ledger::Verifier::Parse(k);
    if (!v.ok()) {
      return ValidationError(std::string(field),
                             "not a verifier key (name+id+key): " + v.error().ToString());
    }
    out.push_back(std::move(*v));
  }
  return out;
}

// The events, proofs and documents against the checkpoint and the manifest's index.
Status CheckEvents(const std::map<std::string, const Entry*, std::less<>>& by_path,
                   const json::object& manifest, const ledger::Checkpoint& cp, BundleFacts& facts) {
  Reader r{kManifest, std::nullopt};
  const json::object& sel = r.Obj(manifest, "selection");
  const std::string from = r.Str(sel, "from", true), until = r.Str(sel, "until", true);
  const auto parties = r.Strings(sel, "parties"), kinds = r.Strings(sel, "kinds");
  if (r.error) return *r.error;
  std::set<std::string, std::less<>> accounted;
  std::map<uint64_t, std::string> doc_of_event;  // event index -> document sha256
  for (const auto& item_value : r.Arr(manifest, "events")) {
    if (!item_value.is_object()) return Broken(kManifest, "an event entry is not an object");
    const json::object& item = item_value.as_object();
    const uint64_t index = r.Num(item, "index");
    if (r.error) return *r.error;
    const std::string event_path = EventPath(index), proof_path = InclusionProofPath(index);
    auto ev = by_path.find(event_path);
    if (ev == by_path.end()) return Broken(event_path, "missing (the manifest lists it)");
    auto pr = by_path.find(proof_path);
    if (pr == by_path.end()) return Broken(proof_path, "missing (the manifest lists it)");
    accounted.insert(event_path);
    accounted.insert(proof_path);
    const std::string& leaf = ev->second->content;

    auto proof = ParseObject(proof_path, pr->second->content);
    if (!proof.ok()) return std::move(proof).error();
    Reader pr_reader{proof_path, std::nullopt};
    const uint64_t proof_index = pr_reader.Num(*proof, "index");
    const uint64_t tree_size = pr_reader.Num(*proof, "tree_size");
    const std::string leaf_hash_b64 = pr_reader.Str(*proof, "leaf_hash");
    if (pr_reader.error) return *pr_reader.error;
    if (proof_index != index) return Broken(proof_path, "proves another entry");
    if (tree_size != cp.size) {
      return Broken(proof_path, "is for tree size " + std::to_string(tree_size) +
                                    ", the checkpoint's is " + std::to_string(cp.size));
    }
    auto claimed = HashOf(proof_path, "leaf_hash", leaf_hash_b64);
    if (!claimed.ok()) return std::move(claimed).error();
    const Hash leaf_hash = ledger::LeafHash(AsBytes(leaf));
    if (leaf_hash != *claimed) {
      return Broken(event_path, "its hash is not the one its inclusion proof proves");
    }
    auto path = Path(proof_path, pr_reader, *proof);
    if (!path.ok()) return std::move(path).error();
    if (auto s = ledger::VerifyInclusion(index, cp.size, leaf_hash, *path, cp.root); !s.ok()) {
      return Broken(proof_path, "the inclusion proof does not lead to the checkpoint's root (" +
                                    s.error().message + ")");
    }

    auto event = ParseObject(event_path, leaf);
    if (!event.ok()) return std::move(event).error();
    const EventFacts f = ReadEventFacts(*event);
    if (r.Str(item, "type") != f.type || r.Str(item, "subject") != f.subject ||
        r.Str(item, "recorded_at") != f.time || r.Str(item, "path") != event_path ||
        r.Str(item, "proof") != proof_path) {
      if (r.error) return *r.error;
      return Broken(kManifest, "its entry for event " + std::to_string(index) +
                                   " does not describe " + event_path);
    }
    if (!Matches(f, from, until, parties, kinds)) {
      return Broken(event_path, "is outside the selection the manifest states");
    }
    if (!f.document_sha256.empty()) doc_of_event[index] = f.document_sha256;
    ++facts.events;
  }
  if (r.error) return *r.error;

  std::set<std::string> documents;
  for (const auto& [index, sha] : doc_of_event) {
    const std::string path = DocumentPath(sha);
    auto d = by_path.find(path);
    if (d == by_path.end()) {
      return Broken(path, "missing (event " + std::to_string(index) + " references it)");
    }
    if (HexEncode(Sha256(d->second->content)) != sha) {
      return Broken(path, "its content does not have the SHA-256 it is named by");
    }
    accounted.insert(path);
    documents.insert(sha);
  }
  for (const auto& doc_value : r.Arr(manifest, "documents")) {
    if (!doc_value.is_object()) return Broken(kManifest, "a document entry is not an object");
    const json::object& doc = doc_value.as_object();
    const uint64_t index = r.Num(doc, "event_index");
    const std::string sha = r.Str(doc, "sha256");
    if (r.error) return *r.error;
    auto it = doc_of_event.find(index);
    if (it == doc_of_event.end() || it->second != sha) {
      return Broken(kManifest, "its document " + sha + " is not the one event " +
                                   std::to_string(index) + " uploaded");
    }
  }
  if (r.error) return *r.error;
  facts.documents = documents.size();

  for (const auto& [path, entry] : by_path) {
    const bool evidence = path.starts_with("events/") || path.starts_with("documents/") ||
                          (path.starts_with("proofs/") && path != kConsistencyProof);
    if (evidence && !accounted.contains(path)) {
      return Broken(path, "is not one of the manifest's events or documents");
    }
  }
  return Ok();
}

}  // namespace

Result<ledger::Checkpoint> VerifyCheckpointNote(std::string_view file, std::string_view note,
                                                const std::vector<ledger::Verifier>& log_keys,
                                                const std::vector<std::string>& witness_keys) {
  auto opened = ledger::OpenNote(note, log_keys);
  if (!opened.ok()) {
    return Broken(
        file, "its signature does not verify with the given key (" + opened.error().message + ")");
  }
  // Every named witness must have cosigned this very note (c2sp.org/tlog-cosignature).
  for (const std::string& w : witness_keys) {
    auto key = ledger::ParseWitnessKey(w);
    if (!key.ok()) return std::move(key).error();
    auto cosigned = ledger::VerifyCosignature(note, key->name, w);
    if (!cosigned.ok()) {
      return Broken(file, "the witness \"" + key->name + "\" did not cosign it (" +
                              cosigned.error().message + ")");
    }
  }
  auto cp = ledger::ParseCheckpoint(opened->text);
  if (!cp.ok()) return Broken(file, "not a checkpoint: " + cp.error().ToString());
  return *cp;
}

Result<BundleFacts> VerifyBundle(const std::filesystem::path& file, const VerifyOptions& options) {
  if (options.log_keys.empty()) {
    return ValidationError("key", "give the log's verifier key (accord ledger public-key)");
  }
  auto entries = ReadArchive(file);
  if (!entries.ok()) return std::move(entries).error();
  return VerifyEntries(*entries, options);
}

Result<BundleFacts> VerifyEntries(const std::vector<Entry>& entries, const VerifyOptions& options) {
  auto log_keys = ParseKeys(options.log_keys, "key");
  if (!log_keys.ok()) return std::move(log_keys).error();
  if (log_keys->empty()) {
    return ValidationError("key", "give the log's verifier key (accord ledger public-key)");
  }
  for (const auto& w : options.witness_keys) {
    auto key = ledger::ParseWitnessKey(w);
    if (!key.ok()) {
      return ValidationError("witness_key",
                             "not a witness key (name+id+key): " + key.error().ToString());
    }
  }
  const std::vector<std::string>& witness_keys = options.witness_keys;

  std::map<std::string, const Entry*, std::less<>> by_path;
  for (const auto& e : entries) {
    if (!by_path.emplace(e.path, &e).second) return Broken(e.path, "appears twice");
  }
  auto find = [&](std::string_view path) -> const Entry* {
    auto it = by_path.find(path);
    return it == by_path.end() ? nullptr : it->second;
  };

  // 1. The manifest, signed by the log's key.
  const Entry* manifest_entry = find(kManifest);
  if (manifest_entry == nullptr)
    return Broken(kManifest, "missing: this is not an evidence bundle");
  const Entry* sig = find(kManifestSignature);
  if (sig == nullptr) return Broken(kManifestSignature, "missing");
  auto opened = ledger::OpenNote(sig->content, *log_keys);
  if (!opened.ok()) {
    return Broken(kManifestSignature, "not signed by the given key (" + opened.error().message +
                                          "): a bundle of another log, or altered");
  }
  auto manifest = ParseObject(kManifest, manifest_entry->content);
  if (!manifest.ok()) return std::move(manifest).error();
  Reader r{kManifest, std::nullopt};
  BundleFacts facts;
  facts.origin = r.Str(*manifest, "origin");
  facts.exported_at = r.Str(*manifest, "exported_at");
  const std::string format = r.Str(*manifest, "format");
  if (r.error) return *r.error;
  if (opened->text != ManifestStatement(facts.origin, HexEncode(Sha256(manifest_entry->content)))) {
    return Broken(kManifest, "changed after it was signed (manifest.sig names another SHA-256)");
  }
  if (format != kFormat)
    return Broken(kManifest, "format \"" + format + "\" is not " + std::string(kFormat));

  // 2. Every file, as the manifest lists it; nothing added, nothing missing.
  std::set<std::string, std::less<>> listed;
  for (const auto& v : r.Arr(*manifest, "files")) {
    if (!v.is_object()) return Broken(kManifest, "a file entry is not an object");
    const std::string path = r.Str(v.as_object(), "path");
    const std::string sha = r.Str(v.as_object(), "sha256");
    const uint64_t size = r.Num(v.as_object(), "size");
    if (r.error) return *r.error;
    const Entry* e = find(path);
    if (e == nullptr) return Broken(path, "missing (the manifest lists it)");
    if (e->content.size() != size) return Broken(path, "its size differs from the manifest's");
    if (HexEncode(Sha256(e->content)) != sha) {
      return Broken(path, "its SHA-256 differs from the manifest's");
    }
    listed.insert(path);
  }
  if (r.error) return *r.error;
  for (const auto& e : entries) {
    if (e.path != kManifest && e.path != kManifestSignature && !listed.contains(e.path)) {
      return Broken(e.path, "not listed in the manifest (added to the bundle)");
    }
  }
  facts.files = entries.size();

  // 3. The checkpoint the proofs lead to.
  const Entry* note = find(kCheckpoint);
  if (note == nullptr) return Broken(kCheckpoint, "missing");
  auto cp = VerifyCheckpointNote(kCheckpoint, note->content, *log_keys, witness_keys);
  if (!cp.ok()) return std::move(cp).error();
  const json::object& mcp = r.Obj(*manifest, "checkpoint");
  const uint64_t msize = r.Num(mcp, "size");
  const std::string mroot = r.Str(mcp, "root");
  if (r.error) return *r.error;
  if (cp->origin != facts.origin) {
    return Broken(kCheckpoint, "is of the log \"" + cp->origin + "\", the manifest's is \"" +
                                   facts.origin + "\"");
  }
  if (cp->size != msize || Base64Encode(cp->root) != mroot) {
    return Broken(kCheckpoint, "is not the checkpoint the manifest names");
  }
  facts.checkpoint_size = cp->size;
  facts.checkpoint_root = Base64Encode(cp->root);

  // 4. Events, their proofs and their documents.
  ACCORD_TRY(CheckEvents(by_path, *manifest, *cp, facts));

  // 5. The consistency proof from an earlier bundle's checkpoint.
  const json::value* prev = manifest->if_contains("previous_checkpoint");
  const Entry* prev_note = find(kPreviousCheckpoint);
  const Entry* consistency = find(kConsistencyProof);
  if ((prev != nullptr) != (prev_note != nullptr) ||
      (prev_note != nullptr) != (consistency != nullptr)) {
    return Broken(prev_note == nullptr ? kPreviousCheckpoint : kConsistencyProof,
                  "the earlier checkpoint, its proof and the manifest do not agree on whether "
                  "there is one");
  }
  if (prev_note != nullptr) {
    auto pcp = VerifyCheckpointNote(kPreviousCheckpoint, prev_note->content, *log_keys, {});
    if (!pcp.ok()) return std::move(pcp).error();
    if (pcp->origin != cp->origin) return Broken(kPreviousCheckpoint, "is of another log");
    if (!prev->is_object() || r.Num(prev->as_object(), "size") != pcp->size ||
        r.Str(prev->as_object(), "root") != Base64Encode(pcp->root)) {
      return Broken(kManifest, "its previous_checkpoint is not previous/checkpoint.note");
    }
    auto proof = ParseObject(kConsistencyProof, consistency->content);
    if (!proof.ok()) return std::move(proof).error();
    Reader pr{kConsistencyProof, std::nullopt};
    if (pr.Num(*proof, "from_size") != pcp->size || pr.Num(*proof, "to_size") != cp->size ||
        pr.Str(*proof, "from_root") != Base64Encode(pcp->root) ||
        pr.Str(*proof, "to_root") != Base64Encode(cp->root)) {
      if (pr.error) return *pr.error;
      return Broken(kConsistencyProof, "is not between the two checkpoints");
    }
    auto path = Path(kConsistencyProof, pr, *proof);
    if (!path.ok()) return std::move(path).error();
    if (auto s = ledger::VerifyConsistency(pcp->size, cp->size, *path, pcp->root, cp->root);
        !s.ok()) {
      return Broken(kConsistencyProof,
                    "the log was not only appended to since the earlier checkpoint (" +
                        s.error().message + ")");
    }
    facts.since_size = pcp->size;
  }
  return facts;
}

}  // namespace accord::evidence
