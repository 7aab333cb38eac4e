// Like leveldb's log_test: damage the stored ledger in every way we can think of and
// check `verify` notices, naming the first bad entry.
#include <gtest/gtest.h>

#include "accord/storage/ledger_audit.h"
#include "accord/storage/ledger_node_key.h"
#include "accord/storage/ledger_tables.h"
#include "support/runtime_fixture.h"

namespace accord::storage {
namespace {

using testing::RuntimeFixture;

class CorruptionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    f_.AppendNotes(6);
    ASSERT_TRUE(f_.rt().Checkpoint(f_.org().origin).ok());
    f_.AppendNotes(4);
    ASSERT_TRUE(f_.rt().Checkpoint(f_.org().origin).ok());
    auto report = VerifyLedger(store());
    ASSERT_TRUE(report.ok() && report->ok) << report->problem;
    size_ = report->size;
  }

  Store& store() { return f_.rt().store(); }

  void Sql(const std::string& sql, std::initializer_list<Value> params = {}) {
    std::vector<Value> p(params);
    ASSERT_TRUE(store()
                    .Write([&](Tx& tx) -> Status {
                      auto r = tx.Exec(sql, Params(p));
                      if (!r.ok()) return std::move(r).error();
                      return Ok();
                    })
                    .ok())
        << sql;
  }

  Bytes Leaf(uint64_t idx) {
    Bytes out;
    EXPECT_TRUE(store()
                    .Read([&](Tx& tx) -> Status {
                      auto row = tx.QueryOne("SELECT leaf FROM ledger_leaves WHERE idx = ?",
                                             {static_cast<int64_t>(idx)});
                      if (!row.ok()) return std::move(row).error();
                      out = (*row)->BlobAt(0);
                      return Ok();
                    })
                    .ok());
    return out;
  }

  VerifyReport Verify() {
    auto report = VerifyLedger(store());
    EXPECT_TRUE(report.ok());
    return *report;
  }

  RuntimeFixture f_;
  uint64_t size_ = 0;
};

TEST_F(CorruptionTest, EveryFlippedByteOfEveryEventIsDetected) {
  int checked = 0;
  for (uint64_t idx = 0; idx < size_; ++idx) {
    const Bytes original = Leaf(idx);
    for (size_t pos = 0; pos < original.size(); ++pos) {
      Bytes damaged = original;
      damaged[pos] ^= 0x01;
      Sql("UPDATE ledger_leaves SET leaf = ? WHERE idx = ?",
          {Blob{damaged}, static_cast<int64_t>(idx)});
      VerifyReport r = Verify();
      ASSERT_FALSE(r.ok) << "flip at entry " << idx << " byte " << pos << " not detected";
      ASSERT_EQ(r.first_bad_index, idx);
      ++checked;
    }
    Sql("UPDATE ledger_leaves SET leaf = ? WHERE idx = ?",
        {Blob{original}, static_cast<int64_t>(idx)});
  }
  EXPECT_GT(checked, 1000);
  EXPECT_TRUE(Verify().ok);
}

TEST_F(CorruptionTest, RehashedForgeryIsCaughtByTheTreeAndCheckpoints) {
  // An attacker who edits an event and fixes its stored leaf hash too.
  Bytes leaf = Leaf(4);
  std::string text(leaf.begin(), leaf.end());
  auto pos = text.find("note number");
  ASSERT_NE(pos, std::string::npos);
  text.replace(pos, 11, "NOTE NUMBER");
  Hash h = ledger::LeafHash(AsBytes(text));
  Sql("UPDATE ledger_leaves SET leaf = ?, leaf_hash = ? WHERE idx = 4",
      {BlobOf(AsBytes(text)), BlobOf(h)});
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  // Entry 4 and its sibling 5 share the first stored node that disagrees.
  EXPECT_EQ(r.first_bad_index, 4u) << r.problem;
  EXPECT_NE(r.problem.find("entries 4..5"), std::string::npos) << r.problem;
}

TEST_F(CorruptionTest, RehashedForgeryWithoutHeadRewriteSaysTheHeadRootDiffers) {
  // The same forgery at the last entry: no stored node covers it, the head does.
  const uint64_t last = size_ - 1;
  Bytes leaf = Leaf(last);
  leaf[leaf.size() / 2] ^= 0x20;
  Sql("UPDATE ledger_leaves SET leaf = ?, leaf_hash = ? WHERE idx = ?",
      {Blob{leaf}, BlobOf(ledger::LeafHash(leaf)), static_cast<int64_t>(last)});
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem.find("head says size"), std::string::npos) << r.problem;
}

TEST_F(CorruptionTest, StoredLeafHashChangeIsDetected) {
  Sql("UPDATE ledger_leaves SET leaf_hash = zeroblob(32) WHERE idx = 3");
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_index, 3u);
}

TEST_F(CorruptionTest, DeletedEventIsDetected) {
  Sql("DELETE FROM ledger_leaves WHERE idx = 5");
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_index, 5u);
  EXPECT_NE(r.problem.find("missing"), std::string::npos);
}

TEST_F(CorruptionTest, SwappedEventsAreDetected) {
  Sql("UPDATE ledger_leaves SET idx = -1 WHERE idx = 2");
  Sql("UPDATE ledger_leaves SET idx = 2 WHERE idx = 6");
  Sql("UPDATE ledger_leaves SET idx = 6 WHERE idx = -1");
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_index, 2u) << r.problem;
}

TEST_F(CorruptionTest, DeletedLastEntryGivesAMessageThatAgreesWithItself) {
  Sql("DELETE FROM ledger_leaves WHERE idx = ?", {static_cast<int64_t>(size_ - 1)});
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_index, size_ - 1) << r.problem;
  const std::string says =
      "says size " + std::to_string(size_) + " but " + std::to_string(size_ - 1) + " entries";
  const std::string beyond = "beyond the ledger (size " + std::to_string(size_ - 1) + ")";
  EXPECT_TRUE(r.problem.find(says) != std::string::npos ||
              r.problem.find(beyond) != std::string::npos)
      << r.problem;
}

TEST_F(CorruptionTest, EntriesWithoutAnyCheckpointFailWhenOneIsRequired) {
  Sql("DELETE FROM ledger_checkpoints");
  EXPECT_TRUE(Verify().ok);  // the library default: a store still being set up
  auto r = VerifyLedger(store(), {}, VerifyOptions{.require_checkpoint = true, .trusted = {}});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->ok);
  EXPECT_NE(r->problem.find("no signed checkpoint"), std::string::npos) << r->problem;
}

TEST_F(CorruptionTest, ATrustedCheckpointCatchesAFullRewrite) {
  auto head = VerifyLedger(store());
  ASSERT_TRUE(head.ok());
  const ledger::Checkpoint trusted{f_.org().origin, head->size, head->root};
  auto good =
      VerifyLedger(store(), {}, VerifyOptions{.require_checkpoint = true, .trusted = trusted});
  ASSERT_TRUE(good.ok());
  EXPECT_TRUE(good->ok) << good->problem;
  EXPECT_TRUE(good->trusted_checked);
  // Change entry 3, then recompute everything an attacker can: leaf hash, nodes, head.
  Bytes leaf = Leaf(3);
  std::string text(leaf.begin(), leaf.end());
  const size_t z = text.find("Z\"");
  ASSERT_NE(z, std::string::npos);
  text[z - 1] = text[z - 1] == '1' ? '2' : '1';  // another millisecond: still canonical
  leaf.assign(text.begin(), text.end());
  Sql("UPDATE ledger_leaves SET leaf = ?, leaf_hash = ? WHERE idx = 3",
      {Blob{leaf}, BlobOf(ledger::LeafHash(leaf))});
  Sql("DELETE FROM ledger_nodes");
  Sql("DELETE FROM ledger_checkpoints");
  ASSERT_TRUE(
      store()
          .Write([&](Tx& tx) -> Status {
            LedgerHead rebuilt;
            for (uint64_t i = 0; i < size_; ++i) {
              auto l = ReadLeaf(tx, i);
              if (!l.ok()) return std::move(l).error();
              Status s = Ok();
              rebuilt.frontier.Append(l->leaf_hash, [&](int level, uint64_t index, const Hash& h) {
                auto r =
                    tx.Exec("INSERT INTO ledger_nodes(pos, level, idx, hash) VALUES (?, ?, ?, ?)",
                            {NodePos(level, index), int64_t{level}, static_cast<int64_t>(index),
                             BlobOf(h)});
                if (!r.ok()) s = std::move(r).error();
              });
              ACCORD_TRY(s);
            }
            return WriteHead(tx, rebuilt);
          })
          .ok());
  EXPECT_TRUE(Verify().ok);  // nothing stored disagrees any more
  auto bad =
      VerifyLedger(store(), {}, VerifyOptions{.require_checkpoint = true, .trusted = trusted});
  ASSERT_TRUE(bad.ok());
  EXPECT_FALSE(bad->ok);
  EXPECT_NE(bad->problem.find("trusted checkpoint"), std::string::npos) << bad->problem;
}

TEST_F(CorruptionTest, TruncationIsDetectedEvenWithAConsistentHead) {
  Sql("DELETE FROM ledger_leaves WHERE idx >= 9");
  Sql("DELETE FROM ledger_nodes WHERE ((idx + 1) << level) > 9");
  // Rewrite the head as a careful attacker would.
  ASSERT_TRUE(store()
                  .Write([&](Tx& tx) -> Status {
                    ledger::Frontier frontier;
                    for (uint64_t i = 0; i < 9; ++i) {
                      auto h = ReadNode(tx, 0, i);
                      if (!h.ok()) return std::move(h).error();
                      frontier.Append(*h, [](int, uint64_t, const Hash&) {});
                    }
                    return WriteHead(tx, LedgerHead{frontier});
                  })
                  .ok());
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.find("beyond the ledger"), std::string::npos) << r.problem;
}

TEST_F(CorruptionTest, TruncatedTailWithoutHeadRewriteIsDetected) {
  Sql("DELETE FROM ledger_leaves WHERE idx = ?", {static_cast<int64_t>(size_ - 1)});
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
}

TEST_F(CorruptionTest, DamagedTreeNodeIsDetected) {
  Sql("UPDATE ledger_nodes SET hash = zeroblob(32) WHERE level = 2 AND idx = 1");
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_index, 4u);
}

TEST_F(CorruptionTest, MissingTreeNodeIsDetected) {
  Sql("DELETE FROM ledger_nodes WHERE level = 1 AND idx = 0");
  EXPECT_FALSE(Verify().ok);
}

TEST_F(CorruptionTest, ForgedCheckpointSignatureIsDetected) {
  Sql("UPDATE ledger_checkpoints SET note = replace(note, substr(note, -10, 4), 'AAAA') "
      "WHERE size = (SELECT MIN(size) FROM ledger_checkpoints)");
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.find("signature"), std::string::npos) << r.problem;
}

TEST_F(CorruptionTest, CheckpointWithAnotherRootIsDetected) {
  Sql("UPDATE ledger_checkpoints SET root = zeroblob(32) WHERE size = (SELECT MAX(size) FROM "
      "ledger_checkpoints)");
  EXPECT_FALSE(Verify().ok);
}

}  // namespace
}  // namespace accord::storage
