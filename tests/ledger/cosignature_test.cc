// C2SP tlog-cosignature (cosignature/v1) and the tlog-witness add-checkpoint decision.
#include "accord/ledger/cosignature.h"

#include <gtest/gtest.h>

#include "accord/core/sha256.h"
#include "accord/ledger/merkle.h"
#include "accord/ledger/witness.h"

namespace accord::ledger {
namespace {

constexpr std::string_view kOrigin = "example.test/log";

Signer MustGenerate(std::string name) {
  auto s = Signer::Generate(name);
  EXPECT_TRUE(s.ok()) << name << ": " << (s.ok() ? "" : s.error().ToString());
  return *s;
}

Cosigner MustCosigner(const Signer& s) {
  auto c = Cosigner::FromSigner(s);
  EXPECT_TRUE(c.ok());
  return *c;
}

// A log of `size` leaves "leaf <i>": its frontier, for roots and proofs.
struct TestLog {
  std::vector<Hash> leaves;
  explicit TestLog(uint64_t size, std::string prefix = "leaf ") {
    for (uint64_t i = 0; i < size; ++i) {
      std::string leaf = prefix + std::to_string(i);
      leaves.push_back(LeafHash(AsBytes(leaf)));
    }
  }
  NodeSource Nodes() const {
    return [this](int level, uint64_t index) -> Result<Hash> {
      Frontier f;
      for (uint64_t i = index << level; i < (index + 1) << level; ++i) f.Append(leaves.at(i));
      return f.Root();
    };
  }
  Hash Root(uint64_t size) const { return *RootAt(size, Nodes()); }
  std::vector<Hash> Proof(uint64_t from, uint64_t to) const {
    return *ConsistencyProof(from, to, Nodes());
  }
};

std::string SignedCheckpoint(const Signer& log, uint64_t size, const Hash& root) {
  return log.Sign(FormatCheckpoint(Checkpoint{std::string(kOrigin), size, root}));
}

TEST(Cosignature, MessageIsHeaderTimeAndNoteText) {
  EXPECT_EQ(CosignatureMessage("o\n5\nroot=\n", 1679315147),
            "cosignature/v1\ntime 1679315147\no\n5\nroot=\n");
}

TEST(Cosignature, KeyIdUsesTypeFourAndTheLineCarriesTheTimestamp) {
  Signer key = MustGenerate("witness.example/w1");
  Cosigner w = MustCosigner(key);
  auto parsed = ParseWitnessKey(w.VerifierKey());
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  const uint8_t four = 0x04;
  const Hash h = Sha256Hasher()
                     .Update(std::string_view("witness.example/w1\n"))
                     .Update(std::span<const uint8_t>(&four, 1))
                     .Update(parsed->public_key)
                     .Final();
  const uint32_t id =
      (uint32_t{h[0]} << 24) | (uint32_t{h[1]} << 16) | (uint32_t{h[2]} << 8) | h[3];
  EXPECT_EQ(w.key_id(), id);
  EXPECT_NE(w.key_id(), key.KeyId());  // the same key, another type: another id

  const std::string line = w.CosignatureLine("o\n1\nAAAA\n", 0x0102030405060708ULL);
  ASSERT_TRUE(line.starts_with("\xE2\x80\x94 witness.example/w1 "));
  auto raw = Base64Decode(
      std::string_view(line).substr(line.rfind(' ') + 1, line.size() - line.rfind(' ') - 2));
  ASSERT_TRUE(raw.ok());
  ASSERT_EQ(raw->size(), 4u + 8u + 64u);
  EXPECT_EQ((*raw)[4], 0x01);
  EXPECT_EQ((*raw)[11], 0x08);
}

TEST(Cosignature, VerifiesOnlyTheRightWitnessOverTheRightText) {
  Signer log = MustGenerate(std::string(kOrigin));
  Cosigner w1 = MustCosigner(MustGenerate("w1"));
  Cosigner w2 = MustCosigner(MustGenerate("w2"));
  TestLog tree(5);
  const std::string note = SignedCheckpoint(log, 5, tree.Root(5));
  const std::string text = note.substr(0, note.rfind("\n\n") + 1);
  const std::string cosigned = note + w1.CosignatureLine(text, 1700000000);

  auto ts = VerifyCosignature(cosigned, "w1", w1.VerifierKey());
  ASSERT_TRUE(ts.ok()) << ts.error().ToString();
  EXPECT_EQ(*ts, 1700000000u);
  // The log's own signature still verifies with a cosignature appended.
  auto vkey = Verifier::Parse(log.VerifierKey());
  ASSERT_TRUE(vkey.ok());
  EXPECT_TRUE(OpenNote(cosigned, {*vkey}).ok());

  auto absent = VerifyCosignature(cosigned, "w2", w2.VerifierKey());
  ASSERT_FALSE(absent.ok());
  EXPECT_NE(absent.error().message.find("no cosignature by witness w2"), std::string::npos);

  std::string other = cosigned;
  other.replace(other.find("\n5\n"), 3, "\n6\n");
  auto changed = VerifyCosignature(other, "w1", w1.VerifierKey());
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.error().code, ErrorCode::kCheckFailed);

  // A log key is not a witness key; a name that is not the key's is refused.
  EXPECT_EQ(VerifyCosignature(cosigned, kOrigin, log.VerifierKey()).error().code,
            ErrorCode::kValidationFailed);
  EXPECT_FALSE(VerifyCosignature(cosigned, "w2", w1.VerifierKey()).ok());
}

class WitnessDecision : public ::testing::Test {
 protected:
  Signer log_ = MustGenerate(std::string(kOrigin));
  Cosigner witness_ = MustCosigner(MustGenerate("w"));
  std::vector<Verifier> logs_{*Verifier::Parse(log_.VerifierKey())};
  WitnessState state_;
  TestLog tree_{20};

  WitnessAnswer Add(uint64_t old_size, const std::vector<Hash>& proof, uint64_t size,
                    const Hash& root, const Signer* by = nullptr) {
    const std::string note =
        (by ? *by : log_).Sign(FormatCheckpoint(Checkpoint{std::string(kOrigin), size, root}));
    return DecideAddCheckpoint(FormatAddCheckpoint(old_size, proof, note), logs_, state_, witness_,
                               1700000000);
  }
};

TEST_F(WitnessDecision, CosignsAConsistentSequence) {
  WitnessAnswer first = Add(0, {}, 7, tree_.Root(7));
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_TRUE(first.updated);
  EXPECT_EQ(state_.at(std::string(kOrigin)).size, 7u);
  const std::string note =
      log_.Sign(FormatCheckpoint(Checkpoint{std::string(kOrigin), 7, tree_.Root(7)}));
  EXPECT_TRUE(VerifyCosignature(note + first.body, "w", witness_.VerifierKey()).ok());

  WitnessAnswer second = Add(7, tree_.Proof(7, 20), 20, tree_.Root(20));
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(state_.at(std::string(kOrigin)).size, 20u);
}

TEST_F(WitnessDecision, RefusesWhatTheSpecRefuses) {
  ASSERT_EQ(Add(0, {}, 7, tree_.Root(7)).status, 200);
  const WitnessState before = state_;

  WitnessAnswer stale = Add(0, {}, 9, tree_.Root(9));
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.content_type, "text/x.tlog.size");
  EXPECT_EQ(stale.body, "7\n");

  // A fork: another history of the same log, proved from the size the witness holds.
  TestLog forked(20, "forged ");
  EXPECT_EQ(Add(7, forked.Proof(7, 20), 20, forked.Root(20)).status, 422);
  EXPECT_EQ(Add(7, {}, 7, forked.Root(7)).status, 409);
  EXPECT_EQ(Add(9, {}, 7, tree_.Root(7)).status, 400);

  Signer stranger = MustGenerate(std::string(kOrigin));
  EXPECT_EQ(Add(7, tree_.Proof(7, 20), 20, tree_.Root(20), &stranger).status, 403);
  Signer other_log = MustGenerate("other.example/log");
  WitnessAnswer unknown = DecideAddCheckpoint(
      FormatAddCheckpoint(
          0, {}, other_log.Sign("other.example/log\n1\n" + Base64Encode(tree_.Root(1)) + "\n")),
      logs_, state_, witness_, 1);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(DecideAddCheckpoint("old 01\n\nx\n", logs_, state_, witness_, 1).status, 400);
  EXPECT_EQ(state_, before);
}

// After `accord ledger restart` the same key signs under ORIGIN/restart-1: a witness that
// holds the longer history refuses nothing for the old origin and, once its operator adds
// the key under the new name, cosigns the new origin's first checkpoint from size 0.
TEST_F(WitnessDecision, ARestartedLogIsANewOriginWithTheSameKeyRenamed) {
  ASSERT_EQ(Add(0, {}, 20, tree_.Root(20)).status, 200);
  const std::string restarted = std::string(kOrigin) + "/restart-1";
  auto renamed = log_.WithName(restarted);
  ASSERT_TRUE(renamed.ok());
  const std::string note = renamed->Sign(FormatCheckpoint(Checkpoint{restarted, 9, tree_.Root(9)}));
  const std::string body = FormatAddCheckpoint(0, {}, note);
  EXPECT_EQ(DecideAddCheckpoint(body, logs_, state_, witness_, 1).status, 404);
  auto verifier = Verifier::Parse(log_.VerifierKey());
  ASSERT_TRUE(verifier.ok());
  auto key = verifier->WithName(restarted);
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->VerifierKey(), renamed->VerifierKey());
  logs_.push_back(*key);
  WitnessAnswer first = DecideAddCheckpoint(body, logs_, state_, witness_, 1);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(state_.at(restarted).size, 9u);
  EXPECT_EQ(state_.at(std::string(kOrigin)).size, 20u);  // the old history is still held
  EXPECT_FALSE(log_.WithName("has space").ok());
}

}  // namespace
}  // namespace accord::ledger
