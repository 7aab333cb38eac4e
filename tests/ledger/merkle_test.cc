#include "accord/ledger/merkle.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <utility>

#include "support/temp_dir.h"

namespace accord::ledger {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const fs::path kMerkleData = accord::testing::TestdataDir() / "merkle";

json::value LoadJson(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

Bytes B64(const json::value& v) {
  Result<Bytes> bytes = Base64Decode(v.as_string());
  EXPECT_TRUE(bytes.ok()) << v;
  return bytes.ok() ? *bytes : Bytes{};
}

std::vector<Bytes> B64List(const json::value& v) {
  std::vector<Bytes> out;
  if (v.is_null()) return out;
  for (const json::value& item : v.as_array()) out.push_back(B64(item));
  return out;
}

Bytes Hex(const json::value& v) {
  Result<Bytes> bytes = HexDecode(v.as_string());
  EXPECT_TRUE(bytes.ok()) << v;
  return bytes.ok() ? *bytes : Bytes{};
}

Hash ToHash(const Bytes& b) {
  Hash h{};
  EXPECT_EQ(b.size(), h.size());
  std::copy_n(b.begin(), std::min(b.size(), h.size()), h.begin());
  return h;
}

std::vector<fs::path> JsonFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(MerkleVectors, InclusionVerifiesIffNotWantErr) {
  const std::vector<fs::path> files = JsonFiles(kMerkleData / "testdata" / "inclusion");
  ASSERT_GT(files.size(), 50u) << "too few inclusion vectors: the test would be vacuous";
  int rejected = 0;
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    const json::value doc = LoadJson(file);
    const json::object& c = doc.as_object();
    const Status s = VerifyInclusion(c.at("leafIdx").to_number<uint64_t>(),
                                     c.at("treeSize").to_number<uint64_t>(), B64(c.at("leafHash")),
                                     B64List(c.at("proof")), B64(c.at("root")));
    if (c.at("wantErr").as_bool()) {
      EXPECT_FALSE(s.ok());
      if (!s.ok()) {
        EXPECT_EQ(s.error().code, ErrorCode::kCheckFailed);
      }
      ++rejected;
    } else {
      EXPECT_TRUE(s.ok()) << s.error().message;
    }
  }
  EXPECT_GT(rejected, 0);
}

TEST(MerkleVectors, ConsistencyVerifiesIffNotWantErr) {
  const std::vector<fs::path> files = JsonFiles(kMerkleData / "testdata" / "consistency");
  ASSERT_GT(files.size(), 50u) << "too few consistency vectors: the test would be vacuous";
  int rejected = 0;
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    const json::value doc = LoadJson(file);
    const json::object& c = doc.as_object();
    const Status s =
        VerifyConsistency(c.at("size1").to_number<uint64_t>(), c.at("size2").to_number<uint64_t>(),
                          B64List(c.at("proof")), B64(c.at("root1")), B64(c.at("root2")));
    if (c.at("wantErr").as_bool()) {
      EXPECT_FALSE(s.ok());
      if (!s.ok()) {
        EXPECT_EQ(s.error().code, ErrorCode::kCheckFailed);
      }
      ++rejected;
    } else {
      EXPECT_TRUE(s.ok()) << s.error().message;
    }
  }
  EXPECT_GT(rejected, 0);
}

TEST(MerkleVectors, EnoughFilesLoaded) {
  const size_t total = JsonFiles(kMerkleData / "testdata" / "inclusion").size() +
                       JsonFiles(kMerkleData / "testdata" / "consistency").size();
  EXPECT_GT(total, 100u);
}

// An in-memory node store fed by Frontier::Append, as storage would be.
class NodeStore {
 public:
  void Append(std::span<const uint8_t> leaf) {
    const Hash h = LeafHash(leaf);
    leaves_.push_back(h);
    nodes_[{0, frontier_.size()}] = h;
    frontier_.Append(h, [&](int level, uint64_t index, const Hash& node) {
      EXPECT_TRUE(nodes_.emplace(std::make_pair(level, index), node).second);
      reported_.emplace(level, index);
    });
  }
  void AppendN(uint64_t n) {
    for (uint64_t i = 0; i < n; ++i) {
      const uint64_t v = leaves_.size();
      Append(AsBytes(std::string_view(reinterpret_cast<const char*>(&v), sizeof v)));
    }
  }

  // A source for the tree of `size` leaves that fails on any subtree not complete in it.
  NodeSource Source(uint64_t size) {
    return [this, size](int level, uint64_t index) -> Result<Hash> {
      ++lookups_;
      EXPECT_GE(level, 0);
      EXPECT_LT(level, 64);
      if (((index + 1) << level) > size || (index + 1) << level == 0) {
        ADD_FAILURE() << "lookup of incomplete subtree (" << level << ", " << index
                      << ") in tree of size " << size;
        return NotFound("node");
      }
      auto it = nodes_.find({level, index});
      if (it == nodes_.end()) return NotFound("node");
      return it->second;
    };
  }

  const std::vector<Hash>& leaves() const { return leaves_; }
  const Frontier& frontier() const { return frontier_; }
  const std::set<std::pair<int, uint64_t>>& reported() const { return reported_; }
  int lookups() const { return lookups_; }
  void ResetLookups() { lookups_ = 0; }

 private:
  std::vector<Hash> leaves_;
  std::map<std::pair<int, uint64_t>, Hash> nodes_;
  std::set<std::pair<int, uint64_t>> reported_;
  Frontier frontier_;
  int lookups_ = 0;
};

// RFC 6962 section 2.1, written as in the RFC, over leaf hashes [begin, end).
uint64_t SplitPoint(uint64_t n) { return std::bit_floor(n - 1); }

Hash NaiveRoot(const std::vector<Hash>& leaves, uint64_t begin, uint64_t end) {
  if (end == begin) return EmptyRoot();
  if (end - begin == 1) return leaves[begin];
  const uint64_t k = SplitPoint(end - begin);
  return NodeHash(NaiveRoot(leaves, begin, begin + k), NaiveRoot(leaves, begin + k, end));
}

std::vector<Hash> NaivePath(const std::vector<Hash>& leaves, uint64_t m, uint64_t begin,
                            uint64_t end) {
  const uint64_t n = end - begin;
  if (n == 1) return {};
  const uint64_t k = SplitPoint(n);
  std::vector<Hash> path;
  if (m < k) {
    path = NaivePath(leaves, m, begin, begin + k);
    path.push_back(NaiveRoot(leaves, begin + k, end));
  } else {
    path = NaivePath(leaves, m - k, begin + k, end);
    path.push_back(NaiveRoot(leaves, begin, begin + k));
  }
  return path;
}

std::vector<Hash> NaiveSubproof(const std::vector<Hash>& leaves, uint64_t m, uint64_t begin,
                                uint64_t end, bool b) {
  const uint64_t n = end - begin;
  if (m == n) {
    if (b) return {};
    return {NaiveRoot(leaves, begin, end)};
  }
  const uint64_t k = SplitPoint(n);
  std::vector<Hash> proof;
  if (m <= k) {
    proof = NaiveSubproof(leaves, m, begin, begin + k, b);
    proof.push_back(NaiveRoot(leaves, begin + k, end));
  } else {
    proof = NaiveSubproof(leaves, m - k, begin + k, end, false);
    proof.push_back(NaiveRoot(leaves, begin, begin + k));
  }
  return proof;
}

std::vector<uint64_t> SizesToCheck() {
  std::vector<uint64_t> sizes;
  for (uint64_t n = 1; n <= 70; ++n) sizes.push_back(n);
  std::mt19937_64 rng(6962);
  for (int i = 0; i < 25; ++i) sizes.push_back(71 + rng() % (5000 - 71));
  sizes.push_back(4096);
  sizes.push_back(5000);
  std::sort(sizes.begin(), sizes.end());
  return sizes;
}

TEST(Merkle, ReferenceTree) {
  const json::object ref = LoadJson(kMerkleData / "reference-tree.json").as_object();
  const json::array& inputs = ref.at("leaf_inputs").as_array();
  const json::array& leaf_hashes = ref.at("leaf_hashes").as_array();
  const json::array& roots = ref.at("root_hashes").as_array();
  ASSERT_EQ(inputs.size(), 8u);
  ASSERT_EQ(roots.size(), 9u);

  EXPECT_EQ(EmptyRoot(), ToHash(Hex(roots[0])));
  NodeStore store;
  EXPECT_EQ(store.frontier().Root(), ToHash(Hex(roots[0])));
  for (size_t i = 0; i < inputs.size(); ++i) {
    const Bytes leaf = Hex(inputs[i]);
    EXPECT_EQ(LeafHash(leaf), ToHash(Hex(leaf_hashes[i]))) << i;
    store.Append(leaf);
  }
  for (uint64_t n = 0; n <= 8; ++n) {
    const Hash want = ToHash(Hex(roots[n]));
    NodeStore prefix;
    for (uint64_t i = 0; i < n; ++i) prefix.Append(Hex(inputs[i]));
    EXPECT_EQ(prefix.frontier().Root(), want) << n;
    Result<Hash> at = RootAt(n, store.Source(n));
    ASSERT_TRUE(at.ok());
    EXPECT_EQ(*at, want) << n;
  }
}

TEST(Merkle, FrontierRootEqualsRootAtEqualsNaive) {
  const std::vector<uint64_t> sizes = SizesToCheck();
  NodeStore store;
  for (uint64_t n : sizes) {
    store.AppendN(n - store.frontier().size());
    SCOPED_TRACE(n);
    const Hash naive = NaiveRoot(store.leaves(), 0, n);
    EXPECT_EQ(store.frontier().Root(), naive);
    EXPECT_EQ(store.frontier().hashes().size(), static_cast<size_t>(std::popcount(n)));
    store.ResetLookups();
    Result<Hash> at = RootAt(n, store.Source(n));
    ASSERT_TRUE(at.ok());
    EXPECT_EQ(*at, naive);
    EXPECT_EQ(store.lookups(), std::popcount(n));
    Result<Frontier> f = FrontierAt(n, store.Source(n));
    ASSERT_TRUE(f.ok());
    EXPECT_EQ(*f, store.frontier());
  }
}

TEST(Merkle, OnNodeReportsExactlyThePerfectSubtrees) {
  NodeStore store;
  for (uint64_t n : SizesToCheck()) {
    store.AppendN(n - store.frontier().size());
    std::set<std::pair<int, uint64_t>> want;
    for (int level = 1; (uint64_t{1} << level) <= n; ++level) {
      for (uint64_t index = 0; ((index + 1) << level) <= n; ++index) want.emplace(level, index);
    }
    EXPECT_EQ(store.reported(), want) << n;
  }
}

TEST(Merkle, FrontierSerializeRoundTrip) {
  NodeStore store;
  for (uint64_t n = 0; n <= 40; ++n) {
    if (n > 0) store.AppendN(1);
    const std::string bytes = store.frontier().Serialize();
    EXPECT_EQ(bytes.size(), 32u * std::popcount(n));
    Result<Frontier> back = Frontier::Deserialize(n, bytes);
    ASSERT_TRUE(back.ok()) << n;
    EXPECT_EQ(*back, store.frontier());

    // A restored frontier continues exactly like the original.
    Frontier copy = *back;
    NodeStore more = store;
    more.AppendN(5);
    for (uint64_t i = n; i < n + 5; ++i) copy.Append(more.leaves()[i]);
    EXPECT_EQ(copy.Root(), more.frontier().Root());

    for (const std::string& bad : {bytes + "x", bytes + std::string(32, '\0'),
                                   bytes.substr(0, bytes.empty() ? 0 : bytes.size() - 1)}) {
      if (bad == bytes) continue;
      Result<Frontier> r = Frontier::Deserialize(n, bad);
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed);
    }
  }
}

Hash FlipBit(Hash h, size_t bit) {
  h[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
  return h;
}

TEST(Merkle, InclusionProofsForAllSmallTrees) {
  NodeStore store;
  store.AppendN(64);
  for (uint64_t n = 1; n <= 64; ++n) {
    const Hash root = NaiveRoot(store.leaves(), 0, n);
    for (uint64_t i = 0; i < n; ++i) {
      SCOPED_TRACE(::testing::Message() << "index " << i << " size " << n);
      store.ResetLookups();
      Result<std::vector<Hash>> proof = InclusionProof(i, n, store.Source(n));
      ASSERT_TRUE(proof.ok()) << proof.error().message;
      EXPECT_LE(store.lookups(), 2 * static_cast<int>(std::bit_width(n)) + 1);
      EXPECT_EQ(*proof, NaivePath(store.leaves(), i, 0, n));
      const Hash leaf = store.leaves()[i];
      ASSERT_TRUE(VerifyInclusion(i, n, leaf, *proof, root).ok());

      // Every byte of every proof hash matters (every bit for the smallest trees).
      for (size_t k = 0; k < proof->size(); ++k) {
        for (size_t bit = 0; bit < 256; bit += n <= 8 ? 1 : 9) {
          std::vector<Hash> bad = *proof;
          bad[k] = FlipBit(bad[k], bit);
          EXPECT_FALSE(VerifyInclusion(i, n, leaf, bad, root).ok()) << k << " " << bit;
        }
      }
      for (size_t bit = 0; bit < 256; bit += 7) {
        EXPECT_FALSE(VerifyInclusion(i, n, FlipBit(leaf, bit), *proof, root).ok());
        EXPECT_FALSE(VerifyInclusion(i, n, leaf, *proof, FlipBit(root, bit)).ok());
      }
      for (uint64_t j = 0; j < n + 2; ++j) {
        if (j != i) {
          EXPECT_FALSE(VerifyInclusion(j, n, leaf, *proof, root).ok()) << j;
        }
      }
      if (!proof->empty()) {
        std::vector<Hash> shorter(proof->begin(), proof->end() - 1);
        EXPECT_FALSE(VerifyInclusion(i, n, leaf, shorter, root).ok());
      }
      std::vector<Hash> longer = *proof;
      longer.push_back(root);
      EXPECT_FALSE(VerifyInclusion(i, n, leaf, longer, root).ok());
    }
  }
}

TEST(Merkle, InclusionProofsForLargerTreesUseFewLookups) {
  NodeStore store;
  store.AppendN(5000);
  std::mt19937_64 rng(9162);
  for (uint64_t n : SizesToCheck()) {
    const Hash root = NaiveRoot(store.leaves(), 0, n);
    for (int t = 0; t < 8; ++t) {
      const uint64_t i = t == 0 ? n - 1 : rng() % n;
      store.ResetLookups();
      Result<std::vector<Hash>> proof = InclusionProof(i, n, store.Source(n));
      ASSERT_TRUE(proof.ok());
      EXPECT_LE(store.lookups(), 2 * static_cast<int>(std::bit_width(n)) + 1) << i << " " << n;
      EXPECT_TRUE(VerifyInclusion(i, n, store.leaves()[i], *proof, root).ok()) << i << " " << n;
    }
  }
}

TEST(Merkle, ConsistencyProofsForAllSmallTrees) {
  NodeStore store;
  store.AppendN(64);
  std::vector<Hash> roots(65);
  for (uint64_t n = 0; n <= 64; ++n) roots[n] = NaiveRoot(store.leaves(), 0, n);
  for (uint64_t n = 1; n <= 64; ++n) {
    for (uint64_t m = 1; m <= n; ++m) {
      SCOPED_TRACE(::testing::Message() << "from " << m << " to " << n);
      store.ResetLookups();
      Result<std::vector<Hash>> proof = ConsistencyProof(m, n, store.Source(n));
      ASSERT_TRUE(proof.ok()) << proof.error().message;
      EXPECT_LE(store.lookups(), 2 * static_cast<int>(std::bit_width(n)) + 2);
      if (m < n) {
        EXPECT_EQ(*proof, NaiveSubproof(store.leaves(), m, 0, n, true));
      } else {
        EXPECT_TRUE(proof->empty());
      }
      ASSERT_TRUE(VerifyConsistency(m, n, *proof, roots[m], roots[n]).ok());

      for (size_t k = 0; k < proof->size(); ++k) {
        for (size_t bit : {0, 100, 255}) {
          std::vector<Hash> bad = *proof;
          bad[k] = FlipBit(bad[k], bit);
          EXPECT_FALSE(VerifyConsistency(m, n, bad, roots[m], roots[n]).ok()) << k;
        }
      }
      EXPECT_FALSE(VerifyConsistency(m, n, *proof, FlipBit(roots[m], 3), roots[n]).ok());
      EXPECT_FALSE(VerifyConsistency(m, n, *proof, roots[m], FlipBit(roots[n], 3)).ok());
      if (m > 1) {
        EXPECT_FALSE(VerifyConsistency(m - 1, n, *proof, roots[m - 1], roots[n]).ok());
      }
      if (m < n) {
        EXPECT_FALSE(VerifyConsistency(m, n - 1, *proof, roots[m], roots[n - 1]).ok());
        EXPECT_FALSE(VerifyConsistency(n, m, *proof, roots[n], roots[m]).ok());
      }
    }
  }
}

TEST(Merkle, ConsistencyProofsForLargerTrees) {
  NodeStore store;
  store.AppendN(5000);
  std::mt19937_64 rng(6962);
  for (int t = 0; t < 200; ++t) {
    uint64_t m = 1 + rng() % 5000, n = 1 + rng() % 5000;
    if (m > n) std::swap(m, n);
    store.ResetLookups();
    Result<std::vector<Hash>> proof = ConsistencyProof(m, n, store.Source(n));
    ASSERT_TRUE(proof.ok());
    EXPECT_LE(store.lookups(), 2 * static_cast<int>(std::bit_width(n)) + 2);
    EXPECT_TRUE(VerifyConsistency(m, n, *proof, NaiveRoot(store.leaves(), 0, m),
                                  NaiveRoot(store.leaves(), 0, n))
                    .ok())
        << m << " " << n;
  }
}

TEST(Merkle, ProofArgumentsAreValidated) {
  NodeStore store;
  store.AppendN(5);
  auto field = [](const auto& r) { return r.error().details.at(0).field; };

  auto r1 = InclusionProof(5, 5, store.Source(5));
  ASSERT_FALSE(r1.ok());
  EXPECT_EQ(r1.error().code, ErrorCode::kValidationFailed);
  EXPECT_EQ(field(r1), "index");
  EXPECT_EQ(r1.error().details[0].reason, "must be less than size (5)");

  auto r2 = InclusionProof(0, 0, store.Source(0));
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(field(r2), "size");

  auto r3 = ConsistencyProof(6, 5, store.Source(5));
  ASSERT_FALSE(r3.ok());
  EXPECT_EQ(r3.error().code, ErrorCode::kValidationFailed);
  EXPECT_EQ(field(r3), "from");

  auto r4 = ConsistencyProof(0, 5, store.Source(5));
  ASSERT_FALSE(r4.ok());
  EXPECT_EQ(field(r4), "from");

  // RFC 9162 defines no proof from the empty tree; generation and verification agree.
  auto r5 = ConsistencyProof(0, 0, store.Source(0));
  ASSERT_FALSE(r5.ok());
  EXPECT_EQ(field(r5), "from");
  EXPECT_FALSE(VerifyConsistency(0, 0, std::vector<Hash>{}, EmptyRoot(), EmptyRoot()).ok());

  auto r6 = ConsistencyProof(5, 5, store.Source(5));
  ASSERT_TRUE(r6.ok());
  EXPECT_TRUE(r6->empty());
}

TEST(Merkle, NodeSourceErrorsPassThrough) {
  const NodeSource broken = [](int, uint64_t) -> Result<Hash> {
    return Error{ErrorCode::kUnavailable, "database down", {}};
  };
  EXPECT_EQ(RootAt(3, broken).error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(FrontierAt(3, broken).error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(InclusionProof(1, 3, broken).error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(ConsistencyProof(1, 3, broken).error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(ConsistencyProof(3, 7, broken).error().code, ErrorCode::kUnavailable);
}

TEST(Merkle, VerificationErrorsSayWhatIsWrong) {
  NodeStore store;
  store.AppendN(7);
  const Hash root = store.frontier().Root();
  Result<std::vector<Hash>> proof = InclusionProof(2, 7, store.Source(7));
  ASSERT_TRUE(proof.ok());

  const Hash other = LeafHash({});
  Status s = VerifyInclusion(2, 7, store.leaves()[2], *proof, other);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kCheckFailed);
  EXPECT_EQ(s.error().message, "root mismatch: calculated " + Base64Encode(root) + ", expected " +
                                   Base64Encode(other));

  std::vector<Bytes> raw;
  for (const Hash& h : *proof) raw.emplace_back(h.begin(), h.end());
  EXPECT_TRUE(VerifyInclusion(2, 7, store.leaves()[2], raw, root).ok());
  raw[1].pop_back();
  s = VerifyInclusion(2, 7, store.leaves()[2], raw, root);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "proof[1] has unexpected size 31, want 32");

  const Bytes short_root(root.begin(), root.end() - 1);
  raw[1].push_back((*proof)[1][31]);
  s = VerifyInclusion(2, 7, store.leaves()[2], raw, short_root);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "root has unexpected size 31, want 32");

  s = VerifyInclusion(7, 7, store.leaves()[2], *proof, root);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kCheckFailed);
}

}  // namespace
}  // namespace accord::ledger
