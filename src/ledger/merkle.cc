#include "accord/ledger/merkle.h"

#include <algorithm>
#include <bit>

#include "accord/core/sha256.h"

namespace accord::ledger {
namespace {

constexpr size_t kHashSize = 32;

Error CheckFailed(std::string message) {
  return Error{ErrorCode::kCheckFailed, std::move(message), {}};
}

// The hashes of the aligned perfect subtrees that make up leaves [begin, end), largest
// first: O(log n) lookups, never one per leaf. Needs begin to be a multiple of the largest.
Result<std::vector<Hash>> PerfectSubtrees(uint64_t begin, uint64_t end, const NodeSource& nodes) {
  std::vector<Hash> parts;
  uint64_t pos = begin;
  for (int level = 63; level >= 0; --level) {
    const uint64_t width = uint64_t{1} << level;
    if (((end - begin) & width) == 0) continue;
    Result<Hash> part = nodes(level, pos >> level);
    if (!part.ok()) return std::move(part).error();
    parts.push_back(*part);
    pos += width;
  }
  return parts;
}

// The RFC 6962 hash of consecutive perfect subtrees, largest first: they fold right to left.
Hash FoldRight(std::span<const Hash> parts) {
  if (parts.empty()) return EmptyRoot();
  Hash root = parts.back();
  for (size_t i = parts.size() - 1; i-- > 0;) root = NodeHash(parts[i], root);
  return root;
}

// The hash of leaves [begin, end) when that range is a node of an RFC 6962 tree, i.e. begin
// is a multiple of the power of two just above end - begin.
Result<Hash> RangeHash(uint64_t begin, uint64_t end, const NodeSource& nodes) {
  Result<std::vector<Hash>> parts = PerfectSubtrees(begin, end, nodes);
  if (!parts.ok()) return std::move(parts).error();
  return FoldRight(*parts);
}

// The sibling of the node at (level, index >> level) on the path to leaf `index`, truncated
// to the tree of `size` leaves (only the one sibling holding leaf size-1 can be truncated).
Result<Hash> InnerSibling(int level, uint64_t index, uint64_t size, const NodeSource& nodes) {
  const uint64_t begin = ((index >> level) ^ 1) << level;
  const uint64_t width = std::min(uint64_t{1} << level, size - begin);
  return RangeHash(begin, begin + width, nodes);
}

// Splits the inclusion proof of leaf `index` in a tree of `size` into the part below the
// point where the paths to `index` and `size - 1` diverge (inner) and the part above it,
// which holds only left siblings (border). Their sum is the proof length.
struct ProofShape {
  int inner;
  int border;
};
ProofShape DecompInclusionProof(uint64_t index, uint64_t size) {
  const int inner = static_cast<int>(std::bit_width(index ^ (size - 1)));
  const int border = std::popcount(inner >= 64 ? 0 : index >> inner);
  return {inner, border};
}

// Appends the left siblings above the divergence point: one per set bit of index >> inner.
Status AppendBorder(uint64_t index, int inner, const NodeSource& nodes, std::vector<Hash>& proof) {
  for (int level = inner; level < 64; ++level) {
    if (((index >> level) & 1) == 0) continue;
    Result<Hash> node = nodes(level, (index >> level) ^ 1);
    if (!node.ok()) return std::move(node).error();
    proof.push_back(*node);
  }
  return Ok();
}

// chainInner: hashes a node on or below the right border, proof ordered bottom-up, `index`
// being the seed's position on its level.
Hash ChainInner(Hash seed, std::span<const Hash> proof, uint64_t index) {
  for (size_t i = 0; i < proof.size(); ++i) {
    seed = ((index >> i) & 1) == 0 ? NodeHash(seed, proof[i]) : NodeHash(proof[i], seed);
  }
  return seed;
}

// chainInnerRight: like ChainInner but uses only the left siblings, which gives the hash of
// the same subtree as it was in the smaller tree.
Hash ChainInnerRight(Hash seed, std::span<const Hash> proof, uint64_t index) {
  for (size_t i = 0; i < proof.size(); ++i) {
    if (((index >> i) & 1) == 1) seed = NodeHash(proof[i], seed);
  }
  return seed;
}

// chainBorderRight: every border hash is a left sibling.
Hash ChainBorderRight(Hash seed, std::span<const Hash> proof) {
  for (const Hash& h : proof) seed = NodeHash(h, seed);
  return seed;
}

Result<Hash> ToHash(std::span<const uint8_t> bytes, const std::string& what) {
  if (bytes.size() != kHashSize) {
    return CheckFailed(what + " has unexpected size " + std::to_string(bytes.size()) + ", want " +
                       std::to_string(kHashSize));
  }
  Hash h;
  std::copy(bytes.begin(), bytes.end(), h.begin());
  return h;
}

Result<std::vector<Hash>> ToHashes(const std::vector<Bytes>& proof) {
  std::vector<Hash> out;
  out.reserve(proof.size());
  for (size_t i = 0; i < proof.size(); ++i) {
    Result<Hash> h = ToHash(proof[i], "proof[" + std::to_string(i) + "]");
    if (!h.ok()) return std::move(h).error();
    out.push_back(*h);
  }
  return out;
}

Status VerifyMatch(std::string_view what, std::span<const uint8_t> calculated,
                   std::span<const uint8_t> expected) {
  if (std::equal(calculated.begin(), calculated.end(), expected.begin(), expected.end())) {
    return Ok();
  }
  return CheckFailed(std::string(what) + " mismatch: calculated " + Base64Encode(calculated) +
                     ", expected " + Base64Encode(expected));
}

Error WrongProofSize(size_t got, size_t want) {
  return CheckFailed("wrong proof size " + std::to_string(got) + ", want " + std::to_string(want));
}

Error IndexBeyondSize(uint64_t index, uint64_t size) {
  return CheckFailed("index " + std::to_string(index) + " is beyond size " + std::to_string(size));
}

Result<Hash> InclusionRoot(uint64_t index, uint64_t size, const Hash& leaf_hash,
                           const std::vector<Hash>& proof) {
  if (index >= size) return IndexBeyondSize(index, size);
  const ProofShape shape = DecompInclusionProof(index, size);
  const size_t want = static_cast<size_t>(shape.inner + shape.border);
  if (proof.size() != want) return WrongProofSize(proof.size(), want);

  const std::span<const Hash> all(proof);
  Hash root = ChainInner(leaf_hash, all.first(shape.inner), index);
  return ChainBorderRight(root, all.subspan(shape.inner));
}

Result<Hash> ConsistencyRoot(uint64_t size1, uint64_t size2, const std::vector<Hash>& proof,
                             const Hash& root1) {
  if (size2 < size1) {
    return CheckFailed("size2 (" + std::to_string(size2) + ") < size1 (" + std::to_string(size1) +
                       ")");
  }
  // RFC 9162 requires 0 < size1: every tree extends the empty one, so there is nothing to prove.
  if (size1 == 0) return CheckFailed("consistency proof from the empty tree is meaningless");
  if (size1 == size2) {
    if (!proof.empty()) return CheckFailed("size1 == size2, but the proof is not empty");
    return root1;
  }
  if (proof.empty()) return CheckFailed("empty proof");

  ProofShape shape = DecompInclusionProof(size1 - 1, size2);
  const int shift = std::countr_zero(size1);
  shape.inner -= shift;  // shift < inner because size1 < size2.

  // The proof starts with the hash of the subtree of size 2^shift ending at size1, unless
  // that subtree is the whole first tree, whose root the verifier already has.
  const bool seed_is_root1 = size1 == uint64_t{1} << shift;
  const size_t start = seed_is_root1 ? 0 : 1;
  const size_t want = start + static_cast<size_t>(shape.inner + shape.border);
  if (proof.size() != want) return WrongProofSize(proof.size(), want);

  const Hash seed = seed_is_root1 ? root1 : proof[0];
  const std::span<const Hash> rest = std::span<const Hash>(proof).subspan(start);
  const std::span<const Hash> inner = rest.first(shape.inner);
  const std::span<const Hash> border = rest.subspan(shape.inner);
  const uint64_t mask = (size1 - 1) >> shift;  // Chaining starts at level `shift`.

  const Hash hash1 = ChainBorderRight(ChainInnerRight(seed, inner, mask), border);
  ACCORD_TRY(VerifyMatch("root1", hash1, root1));
  return ChainBorderRight(ChainInner(seed, inner, mask), border);
}

}  // namespace

Hash LeafHash(std::span<const uint8_t> leaf) { return Sha256Prefixed(0x00, leaf); }

Hash NodeHash(const Hash& left, const Hash& right) { return Sha256Concat(0x01, left, right); }

Hash EmptyRoot() { return Sha256(std::string_view()); }

Hash Frontier::Root() const { return FoldRight(hashes_); }

std::string Frontier::Serialize() const {
  std::string out;
  out.reserve(hashes_.size() * kHashSize);
  for (const Hash& h : hashes_) out.append(AsString(h));
  return out;
}

Result<Frontier> Frontier::Deserialize(uint64_t size, std::string_view bytes) {
  const size_t count = static_cast<size_t>(std::popcount(size));
  if (bytes.size() != count * kHashSize) {
    return ValidationError("frontier", "has " + std::to_string(bytes.size()) +
                                           " bytes; a tree of size " + std::to_string(size) +
                                           " needs " + std::to_string(count * kHashSize));
  }
  Frontier f;
  f.size_ = size;
  f.hashes_.resize(count);
  for (size_t i = 0; i < count; ++i) {
    std::copy_n(bytes.data() + i * kHashSize, kHashSize, f.hashes_[i].begin());
  }
  return f;
}

Result<Frontier> FrontierAt(uint64_t size, const NodeSource& nodes) {
  Result<std::vector<Hash>> hashes = PerfectSubtrees(0, size, nodes);
  if (!hashes.ok()) return std::move(hashes).error();
  Frontier f;
  f.size_ = size;
  f.hashes_ = std::move(hashes).value();
  return f;
}

Result<Hash> RootAt(uint64_t size, const NodeSource& nodes) { return RangeHash(0, size, nodes); }

Result<std::vector<Hash>> InclusionProof(uint64_t index, uint64_t size, const NodeSource& nodes) {
  if (size == 0) {
    return ValidationError("size", "must be greater than 0: the empty tree has no leaves");
  }
  if (index >= size) {
    return ValidationError("index", "must be less than size (" + std::to_string(size) + ")");
  }
  const ProofShape shape = DecompInclusionProof(index, size);
  std::vector<Hash> proof;
  proof.reserve(static_cast<size_t>(shape.inner + shape.border));
  for (int level = 0; level < shape.inner; ++level) {
    Result<Hash> sibling = InnerSibling(level, index, size, nodes);
    if (!sibling.ok()) return std::move(sibling).error();
    proof.push_back(*sibling);
  }
  ACCORD_TRY(AppendBorder(index, shape.inner, nodes, proof));
  return proof;
}

Result<std::vector<Hash>> ConsistencyProof(uint64_t from, uint64_t to, const NodeSource& nodes) {
  if (from > to) {
    return ValidationError("from", "must not be greater than to (" + std::to_string(to) + ")");
  }
  if (from == 0) {
    return ValidationError("from",
                           "must be greater than 0: a consistency proof from the empty tree "
                           "is meaningless");
  }
  if (from == to) return std::vector<Hash>{};
  // The proof is the inclusion proof of leaf from-1 in the tree of size `to`, minus the
  // levels below the largest perfect subtree ending at `from`, which replaces them.
  const uint64_t index = from - 1;
  const ProofShape shape = DecompInclusionProof(index, to);
  const int shift = std::countr_zero(from);
  std::vector<Hash> proof;
  proof.reserve(static_cast<size_t>(1 + shape.inner - shift + shape.border));
  if (from != uint64_t{1} << shift) {
    Result<Hash> seed = nodes(shift, index >> shift);
    if (!seed.ok()) return std::move(seed).error();
    proof.push_back(*seed);
  }
  for (int level = shift; level < shape.inner; ++level) {
    Result<Hash> sibling = InnerSibling(level, index, to, nodes);
    if (!sibling.ok()) return std::move(sibling).error();
    proof.push_back(*sibling);
  }
  ACCORD_TRY(AppendBorder(index, shape.inner, nodes, proof));
  return proof;
}

Status VerifyInclusion(uint64_t index, uint64_t size, std::span<const uint8_t> leaf_hash,
                       const std::vector<Bytes>& proof, std::span<const uint8_t> root) {
  if (index >= size) return IndexBeyondSize(index, size);
  Result<Hash> leaf = ToHash(leaf_hash, "leaf hash");
  if (!leaf.ok()) return std::move(leaf).error();
  Result<std::vector<Hash>> hashes = ToHashes(proof);
  if (!hashes.ok()) return std::move(hashes).error();
  Result<Hash> expected = ToHash(root, "root");
  if (!expected.ok()) return std::move(expected).error();
  return VerifyInclusion(index, size, *leaf, *hashes, *expected);
}

Status VerifyInclusion(uint64_t index, uint64_t size, const Hash& leaf_hash,
                       const std::vector<Hash>& proof, const Hash& root) {
  Result<Hash> calculated = InclusionRoot(index, size, leaf_hash, proof);
  if (!calculated.ok()) return std::move(calculated).error();
  return VerifyMatch("root", *calculated, root);
}

Status VerifyConsistency(uint64_t size1, uint64_t size2, const std::vector<Bytes>& proof,
                         std::span<const uint8_t> root1, std::span<const uint8_t> root2) {
  // Equal sizes compare the roots as given, whatever their length, like verify.go: nothing
  // is hashed, and the reference vectors accept equal 12-byte roots.
  if (size1 == size2 && size1 != 0 && proof.empty()) return VerifyMatch("root2", root1, root2);
  Result<Hash> first = ToHash(root1, "root1");
  if (!first.ok()) return std::move(first).error();
  Result<Hash> second = ToHash(root2, "root2");
  if (!second.ok()) return std::move(second).error();
  Result<std::vector<Hash>> hashes = ToHashes(proof);
  if (!hashes.ok()) return std::move(hashes).error();
  return VerifyConsistency(size1, size2, *hashes, *first, *second);
}

Status VerifyConsistency(uint64_t size1, uint64_t size2, const std::vector<Hash>& proof,
                         const Hash& root1, const Hash& root2) {
  Result<Hash> calculated = ConsistencyRoot(size1, size2, proof, root1);
  if (!calculated.ok()) return std::move(calculated).error();
  return VerifyMatch("root2", *calculated, root2);
}

}  // namespace accord::ledger
