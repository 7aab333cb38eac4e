// Inclusion and consistency proofs from outside: a JSON proof in the transparency-dev/merkle
// test-vector form (as `accord ledger prove` prints it and an auditor sends it back) is
// decoded and verified. Then a real proof over a small tree, chosen and then damaged by the
// input, must verify before the damage and fail after it.
#include <boost/json.hpp>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/bytes.h"
#include "accord/ledger/merkle.h"
#include "fuzz_entry.h"

namespace json = boost::json;
using accord::Bytes;
using accord::Hash;

namespace {

std::optional<Bytes> B64(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  auto b = accord::Base64Decode(v->as_string());
  if (!b.ok()) return std::nullopt;
  return *b;
}

std::optional<uint64_t> U64(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr) return std::nullopt;
  if (v->is_uint64()) return v->as_uint64();
  if (v->is_int64() && v->as_int64() >= 0) return static_cast<uint64_t>(v->as_int64());
  return std::nullopt;
}

void VerifyJson(std::string_view text) {
  json::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return;
  const json::object& o = v.as_object();
  std::vector<Bytes> proof;
  if (const json::value* p = o.if_contains("proof"); p != nullptr && p->is_array()) {
    for (const auto& h : p->as_array()) {
      if (!h.is_string()) return;
      auto b = accord::Base64Decode(h.as_string());
      if (!b.ok()) return;
      proof.push_back(std::move(*b));
    }
  }
  auto index = U64(o, "leafIdx"), size = U64(o, "treeSize");
  auto leaf = B64(o, "leafHash"), root = B64(o, "root");
  if (index && size && leaf && root) {
    (void)accord::ledger::VerifyInclusion(*index, *size, *leaf, proof, *root);
  }
  auto size1 = U64(o, "size1"), size2 = U64(o, "size2");
  auto root1 = B64(o, "root1"), root2 = B64(o, "root2");
  if (size1 && size2 && root1 && root2) {
    (void)accord::ledger::VerifyConsistency(*size1, *size2, proof, *root1, *root2);
  }
}

// The tree over leaves "0", "1", ... of `n` leaves: every perfect subtree's hash.
std::vector<std::vector<Hash>> Tree(uint64_t n) {
  std::vector<std::vector<Hash>> levels(1);
  for (uint64_t i = 0; i < n; ++i) {
    std::string leaf = std::to_string(i);
    levels[0].push_back(accord::ledger::LeafHash(
        std::span(reinterpret_cast<const uint8_t*>(leaf.data()), leaf.size())));
  }
  while (levels.back().size() > 1) {
    const auto& below = levels.back();
    std::vector<Hash> up;
    for (size_t i = 0; i + 1 < below.size(); i += 2) {
      up.push_back(accord::ledger::NodeHash(below[i], below[i + 1]));
    }
    levels.push_back(std::move(up));
  }
  return levels;
}

void CheckRealProofs(const uint8_t* data, size_t size) {
  if (size < 6) return;
  const uint64_t n = 1 + data[0] % 70;  // sizes past 64 take one more level
  const uint64_t m = 1 + data[1] % n;
  const uint64_t index = data[2] % n;
  const size_t damage_at = data[3];
  const uint8_t damage_bit = static_cast<uint8_t>(1u << (data[4] & 7));
  const bool damage = (data[5] & 1) != 0;
  // The 70 trees are the same on every run: built once each (140 hashes per run made the
  // tree, not the proofs, most of this target's time).
  static std::vector<std::vector<std::vector<Hash>>> trees(71);
  if (trees[n].empty()) trees[n] = Tree(n);
  const auto& levels = trees[n];
  accord::ledger::NodeSource nodes = [&](int level, uint64_t i) -> accord::Result<Hash> {
    FUZZ_CHECK(level >= 0 && static_cast<size_t>(level) < levels.size());
    FUZZ_CHECK(i < levels[level].size());
    return levels[level][i];
  };
  auto root = accord::ledger::RootAt(n, nodes);
  auto old_root = accord::ledger::RootAt(m, nodes);
  FUZZ_CHECK(root.ok() && old_root.ok());

  auto inclusion = accord::ledger::InclusionProof(index, n, nodes);
  FUZZ_CHECK(inclusion.ok());
  std::vector<Hash> path = *inclusion;
  if (damage && !path.empty()) path[damage_at % path.size()][damage_at % 32] ^= damage_bit;
  const bool damaged_inclusion = damage && !path.empty();
  FUZZ_CHECK(accord::ledger::VerifyInclusion(index, n, levels[0][index], path, *root).ok() !=
             damaged_inclusion);

  auto consistency = accord::ledger::ConsistencyProof(m, n, nodes);
  FUZZ_CHECK(consistency.ok());
  std::vector<Hash> proof = *consistency;
  if (damage && !proof.empty()) proof[damage_at % proof.size()][damage_at % 32] ^= damage_bit;
  const bool damaged_consistency = damage && !proof.empty();
  FUZZ_CHECK(accord::ledger::VerifyConsistency(m, n, proof, *old_root, *root).ok() !=
             damaged_consistency);
}

}  // namespace

extern "C" int ACCORD_FUZZ_ENTRY(const uint8_t* data, size_t size) {
  VerifyJson(std::string_view(reinterpret_cast<const char*>(data), size));
  CheckRealProofs(data, size);
  return 0;
}
