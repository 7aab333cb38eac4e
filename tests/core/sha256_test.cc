#include "accord/core/sha256.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/temp_dir.h"

namespace accord {
namespace {

std::string Hex(const Hash& h) { return HexEncode(h); }

// FIPS 180-2 appendix B vectors.
TEST(Sha256Test, KnownAnswers) {
  EXPECT_EQ(Hex(Sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Hex(Sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Hex(Sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Hex(Sha256(std::string(1'000'000, 'a'))),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256Test, SpanAndStringViewAgree) {
  const Bytes data{'a', 'b', 'c'};
  EXPECT_EQ(Sha256(data), Sha256("abc"));
}

TEST(Sha256Test, HasherMatchesOneShotAndResetsAfterFinal) {
  std::string msg;
  for (int i = 0; i < 1000; ++i) msg += static_cast<char>(i * 7);
  Sha256Hasher h;
  for (size_t pos = 0; pos < msg.size(); pos += 97) h.Update(std::string_view(msg).substr(pos, 97));
  EXPECT_EQ(h.Final(), Sha256(msg));
  // Reuse after Final starts a fresh message.
  EXPECT_EQ(h.Update(AsBytes("ab")).Update("c").Final(), Sha256("abc"));
  EXPECT_EQ(h.Final(), Sha256(""));
}

TEST(Sha256Test, PrefixedAndConcatEqualHashingTheConcatenation) {
  const std::string leaf = "leaf data";
  EXPECT_EQ(Sha256Prefixed(0x00, AsBytes(leaf)), Sha256(std::string(1, '\0') + leaf));
  EXPECT_EQ(Sha256Prefixed(0x00, {}), Sha256(std::string(1, '\0')));

  const Hash a = Sha256("a"), b = Sha256("b");
  std::string joined(1, '\x01');
  joined += AsString(a);
  joined += AsString(b);
  EXPECT_EQ(Sha256Concat(0x01, a, b), Sha256(joined));
  EXPECT_NE(Sha256Concat(0x01, a, b), Sha256Concat(0x01, b, a));
}

// RFC 6962 Merkle tree hash, written plainly to check the helpers against reference roots.
Hash TreeHash(const std::vector<Bytes>& leaves, size_t begin, size_t end) {
  if (end - begin == 1) return Sha256Prefixed(0x00, leaves[begin]);
  size_t k = 1;
  while (k * 2 < end - begin) k *= 2;
  return Sha256Concat(0x01, TreeHash(leaves, begin, begin + k), TreeHash(leaves, begin + k, end));
}

TEST(Sha256Test, ReproducesReferenceMerkleTree) {
  std::ifstream in(accord::testing::TestdataDir() / "merkle/reference-tree.json");
  ASSERT_TRUE(in) << "missing reference-tree.json";
  std::stringstream text;
  text << in.rdbuf();
  const auto doc = boost::json::parse(text.str()).as_object();
  std::vector<Bytes> leaves;
  for (const auto& v : doc.at("leaf_inputs").as_array()) {
    leaves.push_back(*HexDecode(v.as_string()));
  }
  const auto& leaf_hashes = doc.at("leaf_hashes").as_array();
  const auto& roots = doc.at("root_hashes").as_array();
  ASSERT_EQ(leaf_hashes.size(), leaves.size());
  EXPECT_EQ(Hex(Sha256("")), roots[0].as_string());
  for (size_t i = 0; i < leaves.size(); ++i) {
    EXPECT_EQ(Hex(Sha256Prefixed(0x00, leaves[i])), leaf_hashes[i].as_string()) << i;
    EXPECT_EQ(Hex(TreeHash(leaves, 0, i + 1)), roots[i + 1].as_string()) << i + 1;
  }
}

TEST(Sha256Test, ThreadsHashIndependently) {
  const Hash want = Sha256("abc");
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) mismatches[t] += Sha256("abc") != want;
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace accord
