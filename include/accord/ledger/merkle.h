// RFC 6962 / RFC 9162 Merkle tree: hashing, the compact frontier that appends leaves in
// O(log n), proof generation over stored perfect subtrees, and proof verification (a port
// of transparency-dev/merkle proof/verify.go).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/bytes.h"
#include "accord/core/result.h"

namespace accord::ledger {

// SHA-256(0x00 || leaf).
Hash LeafHash(std::span<const uint8_t> leaf);
// SHA-256(0x01 || left || right).
Hash NodeHash(const Hash& left, const Hash& right);
// SHA-256 of the empty string: the root of the tree of size 0.
Hash EmptyRoot();

// The hash of the perfect subtree at (level, index), covering leaves
// [index << level, (index + 1) << level); level 0 is the leaf hash. Only subtrees that are
// complete in the tree being proved are requested. Errors are passed through unchanged.
using NodeSource = std::function<Result<Hash>(int level, uint64_t index)>;

// The compact range [0, size): one hash per perfect subtree of the binary decomposition of
// size, largest (leftmost) first. It is all the state needed to append leaves and compute
// the root, so storage keeps it next to the leaves and extends it in the same transaction.
class Frontier {
 public:
  Frontier() = default;

  uint64_t size() const { return size_; }
  const std::vector<Hash>& hashes() const { return hashes_; }

  // The RFC 6962 root of the leaves [0, size); EmptyRoot() when size is 0.
  Hash Root() const;

  // Appends one leaf. on_node(int level, uint64_t index, const Hash&) is called for every
  // perfect subtree completed by this leaf with level >= 1, lowest first; level L, index i
  // covers leaves [i << L, (i + 1) << L). Amortised O(1) hashes, O(log n) worst case.
  // Precondition: size() < UINT64_MAX.
  template <class F>
  void Append(const Hash& leaf_hash, F&& on_node) {
    Hash node = leaf_hash;
    uint64_t index = size_;
    int level = 0;
    // Each set low bit of size_ is a left sibling waiting for this subtree.
    while (level < 64 && ((size_ >> level) & 1) != 0) {
      node = NodeHash(hashes_.back(), node);
      hashes_.pop_back();
      ++level;
      index >>= 1;
      on_node(level, index, node);
    }
    hashes_.push_back(node);
    ++size_;
  }
  void Append(const Hash& leaf_hash) {
    Append(leaf_hash, [](int, uint64_t, const Hash&) {});
  }

  // The concatenated hashes (32 bytes each); the size is stored separately.
  std::string Serialize() const;
  // Rejects bytes whose length is not 32 * popcount(size).
  static Result<Frontier> Deserialize(uint64_t size, std::string_view bytes);

  friend bool operator==(const Frontier&, const Frontier&) = default;

 private:
  friend Result<Frontier> FrontierAt(uint64_t size, const NodeSource& nodes);

  uint64_t size_ = 0;
  std::vector<Hash> hashes_;
};

// The frontier of [0, size) read from a node source: popcount(size) lookups.
Result<Frontier> FrontierAt(uint64_t size, const NodeSource& nodes);

// RFC 6962 MTH of the first `size` leaves: popcount(size) lookups.
Result<Hash> RootAt(uint64_t size, const NodeSource& nodes);

// RFC 9162 section 2.1.3 inclusion proof (PATH), lowest sibling first. Needs 0 < size
// (field "size") and index < size (field "index"). O(log n) lookups.
Result<std::vector<Hash>> InclusionProof(uint64_t index, uint64_t size, const NodeSource& nodes);

// RFC 9162 section 2.1.4 consistency proof (PROOF) from tree size `from` to `to`, lowest
// level first. Needs 0 < from <= to (field "from"): RFC 9162 defines no proof from the empty
// tree, which every tree trivially extends. from == to gives an empty proof. O(log n)
// lookups.
Result<std::vector<Hash>> ConsistencyProof(uint64_t from, uint64_t to, const NodeSource& nodes);

// Verification. Every failure is ErrorCode::kCheckFailed, e.g.
// "root mismatch: calculated <base64>, expected <base64>". Byte spans rather than Hash so
// that a hash of the wrong length can be represented, and is rejected wherever it would be
// hashed (verify.go semantics: equal sizes only compare the two roots byte for byte).

// Needs index < size and a proof of exactly the RFC 9162 length.
Status VerifyInclusion(uint64_t index, uint64_t size, std::span<const uint8_t> leaf_hash,
                       const std::vector<Bytes>& proof, std::span<const uint8_t> root);
Status VerifyInclusion(uint64_t index, uint64_t size, const Hash& leaf_hash,
                       const std::vector<Hash>& proof, const Hash& root);

// Needs 0 < size1 <= size2, as the reference vectors do (a proof from size 0 is rejected
// even to size 0). Equal sizes need an empty proof and equal roots.
Status VerifyConsistency(uint64_t size1, uint64_t size2, const std::vector<Bytes>& proof,
                         std::span<const uint8_t> root1, std::span<const uint8_t> root2);
Status VerifyConsistency(uint64_t size1, uint64_t size2, const std::vector<Hash>& proof,
                         const Hash& root1, const Hash& root2);

}  // namespace accord::ledger
