#include "accord/storage/ledger_audit.h"

#include <boost/json.hpp>
#include <map>
#include <set>

#include "accord/core/jcs.h"
#include "accord/core/sha256.h"
#include "accord/domain/event.h"
#include "accord/ledger/merkle.h"
#include "accord/ledger/note.h"
#include "accord/storage/ledger_tables.h"
#include "accord/storage/payload.h"

namespace accord::storage {

namespace json = boost::json;

namespace {

struct CheckpointRow {
  uint64_t size;
  Bytes root;
  std::string note;
};

Result<std::vector<CheckpointRow>> LoadCheckpoints(Tx& tx) {
  auto rows = tx.Query("SELECT size, root, note FROM ledger_checkpoints ORDER BY size", {});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<CheckpointRow> out;
  for (const auto& r : *rows) {
    out.push_back({static_cast<uint64_t>(r.Int(0)), r.BlobAt(1), r.Text(2)});
  }
  return out;
}

// Records a problem; the report keeps the one at the lowest index (problems without an
// index only when there is nothing else).
void Fail(VerifyReport& report, std::optional<uint64_t> index, std::string problem) {
  if (!report.ok) {
    if (!index) return;
    if (report.first_bad_index && *report.first_bad_index <= *index) return;
  }
  report.ok = false;
  report.first_bad_index = index;
  report.problem = std::move(problem);
}

std::string CheckCheckpoint(const CheckpointRow& cp, const Hash& root,
                            const std::vector<ledger::Verifier>& keys) {
  if (cp.root.size() != root.size() || !std::equal(root.begin(), root.end(), cp.root.begin())) {
    return "checkpoint at size " + std::to_string(cp.size) +
           " has a root that does not match the recomputed tree";
  }
  auto opened = ledger::OpenNote(cp.note, keys);
  if (!opened.ok()) {
    return "checkpoint at size " + std::to_string(cp.size) +
           " has no valid signature by a key recorded in the ledger: " + opened.error().message;
  }
  auto body = ledger::ParseCheckpoint(opened->text);
  if (!body.ok()) return "checkpoint at size " + std::to_string(cp.size) + " is malformed";
  if (body->size != cp.size || body->root != root) {
    return "checkpoint note at size " + std::to_string(cp.size) + " signs a different tree";
  }
  return "";
}

}  // namespace

Result<VerifyReport> VerifyLedger(Store& store, const Progress& progress,
                                  const VerifyOptions& options) {
  Result<VerifyReport> report = Internal("unreachable");
  Status s = store.Read([&](Tx& tx) -> Status {
    report = VerifyLedger(tx, progress, options);
    return Ok();
  });
  if (!s.ok()) return std::move(s).error();
  return report;
}

Result<VerifyReport> VerifyLedger(Tx& tx, const Progress& progress, const VerifyOptions& options) {
  VerifyReport report;
  Status s = [&]() -> Status {
    auto checkpoints = LoadCheckpoints(tx);
    if (!checkpoints.ok()) return std::move(checkpoints).error();
    auto head = ReadHead(tx);
    if (!head.ok()) return std::move(head).error();
    const uint64_t head_size = head->size();
    size_t next_cp = 0;
    std::vector<ledger::Verifier> keys;
    ledger::Frontier frontier;
    // Internal nodes recomputed from the leaves, by level (32 bytes per entry), compared
    // with the stored ones in one streamed pass afterwards.
    std::vector<std::vector<Hash>> nodes;
    std::optional<uint64_t> first_leaf_problem;
    uint64_t expected = 0;
    bool gap = false;
    std::string leaf;
    std::optional<Hash> trusted_root;
    if (options.trusted && options.trusted->size == 0) trusted_root = ledger::EmptyRoot();
    Status scan = tx.ForEach(
        "SELECT idx, leaf, leaf_hash FROM ledger_leaves ORDER BY idx", {}, [&](const Row& row) {
          const uint64_t idx = static_cast<uint64_t>(row.Int(0));
          if (idx != expected) {
            Fail(report, expected, "ledger entry " + std::to_string(expected) + " is missing");
            gap = true;
            return false;
          }
          const Bytes& raw = row.BlobAt(1);
          leaf.assign(raw.begin(), raw.end());
          Hash h = ledger::LeafHash(raw);
          auto leaf_problem = [&](std::string problem) {
            if (!first_leaf_problem) first_leaf_problem = idx;
            Fail(report, idx, std::move(problem));
          };
          const Bytes& stored = row.BlobAt(2);
          if (stored.size() != 32 || !std::equal(h.begin(), h.end(), stored.begin())) {
            leaf_problem("leaf hash of entry " + std::to_string(idx) + " does not match");
          }
          json::error_code ec;
          json::value parsed = json::parse(leaf, ec);
          auto canonical = ec ? Result<std::string>(Internal("unparsable")) : Canonicalize(parsed);
          auto event = domain::EventFromJson(std::move(parsed));
          if (ec || !event.ok()) {
            leaf_problem("entry " + std::to_string(idx) + " is not a valid event" +
                         (ec ? "" : ": " + event.error().ToString()));
          } else if (!canonical.ok() || *canonical != leaf) {
            leaf_problem("entry " + std::to_string(idx) + " is not in canonical form");
          } else if (event->type == "ledger.key_added") {
            auto key = ledger::Verifier::Parse(PayloadString(event->payload, "verifier_key"));
            if (key.ok()) keys.push_back(std::move(key.value()));
          }
          frontier.Append(h, [&](int level, uint64_t index, const Hash& hash) {
            if (nodes.size() < static_cast<size_t>(level)) nodes.resize(level);
            auto& at_level = nodes[level - 1];
            if (at_level.size() != index) at_level.resize(index);
            at_level.push_back(hash);
          });
          ++expected;
          ReportProgress(progress, "checking entries", expected, head_size);
          if (options.trusted && options.trusted->size == expected) trusted_root = frontier.Root();
          while (next_cp < checkpoints->size() && (*checkpoints)[next_cp].size == expected) {
            std::string problem = CheckCheckpoint((*checkpoints)[next_cp], frontier.Root(), keys);
            if (!problem.empty()) Fail(report, idx, problem);
            ++report.checkpoints;
            ++next_cp;
          }
          return true;
        });
    if (!scan.ok()) return scan;
    report.size = frontier.size();
    report.root = frontier.Root();
    report.keys = keys.size();
    if (options.trusted) {
      const ledger::Checkpoint& t = *options.trusted;
      const std::string what = "the trusted checkpoint at size " + std::to_string(t.size);
      if (!gap && report.size < t.size) {
        Fail(report, report.size,
             "the ledger has " + std::to_string(report.size) + " entries, fewer than " + what +
                 ": entries were removed, or an older backup was restored");
      } else if (trusted_root && *trusted_root != t.root) {
        Fail(report, std::nullopt,
             "entries 0.." + std::to_string(t.size - 1) + " do not hash to the root of " + what +
                 ": history before it was rewritten");
      } else if (trusted_root && !gap) {
        // The stored tree must prove it too: a consistency proof from the trusted size.
        Status proved = Ok();
        if (t.size > 0 && t.size <= head->size()) {
          auto proof = ledger::ConsistencyProof(t.size, head->size(), NodeSourceFor(tx));
          proved = proof.ok() ? ledger::VerifyConsistency(t.size, head->size(), *proof, t.root,
                                                          head->frontier.Root())
                              : Status(std::move(proof).error());
        }
        if (proved.ok()) {
          report.trusted_checked = true;
        } else {
          Fail(report, std::nullopt,
               "the stored tree does not prove consistency with " + what + ": " +
                   proved.error().message);
        }
      }
    }
    if (gap) return Ok();
    if (next_cp < checkpoints->size()) {
      const auto& cp = (*checkpoints)[next_cp];
      if (cp.size == 0) {
        std::string problem = CheckCheckpoint(cp, ledger::EmptyRoot(), keys);
        if (!problem.empty()) Fail(report, std::nullopt, problem);
      } else {
        Fail(report, report.size,
             "checkpoint at size " + std::to_string(cp.size) + " is beyond the ledger (size " +
                 std::to_string(report.size) + "): entries were removed");
      }
    }
    if (head->size() != report.size) {
      Fail(report, std::min(head->size(), report.size),
           "ledger head says size " + std::to_string(head->size()) + " but " +
               std::to_string(report.size) + " entries are stored");
    } else if (head->frontier.Root() != report.root) {
      Fail(report, std::nullopt,
           "the ledger head's root does not match the " + std::to_string(report.size) +
               " stored entries");
    }
    if (options.require_checkpoint && report.size > 0 && checkpoints->empty()) {
      Fail(report, std::nullopt,
           "the ledger has " + std::to_string(report.size) +
               " entries but no signed checkpoint vouches for them (were the checkpoints "
               "deleted?); verify against a checkpoint kept elsewhere with "
               "--trusted-checkpoint FILE");
    }
    // A node that disagrees points at the first entry of its subtree, unless a bad entry
    // inside that subtree already explains it (then the entry is the better answer).
    uint64_t stored_nodes = 0;
    std::set<std::pair<int64_t, uint64_t>> bad_nodes;  // (level, index) that disagree
    ACCORD_TRY(tx.ForEach(
        "SELECT level, idx, hash FROM ledger_nodes ORDER BY pos", {}, [&](const Row& row) {
          ++stored_nodes;
          ReportProgress(progress, "checking tree nodes", stored_nodes, 0);
          const int64_t level = row.Int(0);
          const uint64_t index = static_cast<uint64_t>(row.Int(1));
          const Bytes& hash = row.BlobAt(2);
          const bool known = level >= 1 && level < 64 &&
                             static_cast<size_t>(level) <= nodes.size() &&
                             index < nodes[level - 1].size();
          if (known && hash.size() == 32 &&
              std::equal(hash.begin(), hash.end(), nodes[level - 1][index].begin())) {
            return true;
          }
          const uint64_t first = known ? index << level : report.size;
          const uint64_t last = known ? ((index + 1) << level) - 1 : report.size;
          bad_nodes.emplace(level, index);
          if (first_leaf_problem && *first_leaf_problem >= first && *first_leaf_problem <= last) {
            return true;
          }
          // Rows come in the order nodes are completed (a child before its parent), so a
          // disagreeing child was seen already: it names the
          // smaller range (two swapped entries point at the first of them, not at 0).
          if (known && level > 1 &&
              (bad_nodes.contains({level - 1, 2 * index}) ||
               bad_nodes.contains({level - 1, 2 * index + 1}))) {
            return true;
          }
          Fail(report, first,
               "stored tree node (level " + std::to_string(level) + ", index " +
                   std::to_string(index) + ") does not match entries " + std::to_string(first) +
                   ".." + std::to_string(last));
          return true;
        }));
    uint64_t expected_nodes = 0;
    for (const auto& level : nodes) expected_nodes += level.size();
    report.nodes = expected_nodes;
    if (stored_nodes != expected_nodes) {
      Fail(report, std::nullopt,
           "the tree has " + std::to_string(stored_nodes) + " stored nodes, expected " +
               std::to_string(expected_nodes));
    }
    return Ok();
  }();
  if (!s.ok()) return std::move(s).error();
  return report;
}

Result<uint64_t> RebuildReadModels(Store& store, const Projections& projections) {
  uint64_t replayed = 0;
  Status s = store.Write([&](Tx& tx) -> Status {
    for (const auto& p : projections) {
      for (const auto& t : p->tables()) ACCORD_TRY(tx.Exec("DELETE FROM " + t.name, {}));
    }
    // Collect first: a statement cannot stay open while projections write on this connection.
    std::vector<std::string> leaves;
    ACCORD_TRY(tx.ForEach("SELECT leaf FROM ledger_leaves ORDER BY idx", {}, [&](const Row& r) {
      const Bytes& b = r.BlobAt(0);
      leaves.emplace_back(b.begin(), b.end());
      return true;
    }));
    for (size_t i = 0; i < leaves.size(); ++i) {
      auto event = domain::ParseLeaf(leaves[i]);
      if (!event.ok()) {
        return Error{ErrorCode::kCheckFailed,
                     "entry " + std::to_string(i) + " is not a valid event; run ledger verify",
                     {}};
      }
      for (const auto& p : projections) ACCORD_TRY(p->Apply(tx, i, *event));
    }
    replayed = leaves.size();
    return Ok();
  });
  if (!s.ok()) return std::move(s).error();
  return replayed;
}

Result<std::string> ReadModelDigest(Store& store, const Projections& projections) {
  Sha256Hasher hasher;
  Status s = store.Read([&](Tx& tx) -> Status {
    for (const auto& p : projections) {
      for (const auto& t : p->tables()) {
        hasher.Update("table:" + t.name + "\n");
        ACCORD_TRY(tx.ForEach("SELECT * FROM " + t.name + " ORDER BY " + t.order_by, {},
                              [&](const Row& row) {
                                for (size_t i = 0; i < row.size(); ++i) {
                                  std::visit(
                                      [&](const auto& v) {
                                        using T = std::decay_t<decltype(v)>;
                                        std::string cell;
                                        if constexpr (std::is_same_v<T, std::monostate>) {
                                          cell = "n";
                                        } else if constexpr (std::is_same_v<T, int64_t>) {
                                          cell = "i" + std::to_string(v);
                                        } else if constexpr (std::is_same_v<T, double>) {
                                          cell = "d" + std::to_string(v);
                                        } else if constexpr (std::is_same_v<T, std::string>) {
                                          cell = "s" + std::to_string(v.size()) + ":" + v;
                                        } else {
                                          cell = "b" + HexEncode(v.bytes);
                                        }
                                        hasher.Update(cell);
                                        hasher.Update("|");
                                      },
                                      row.at(i));
                                }
                                hasher.Update("\n");
                                return true;
                              }));
      }
    }
    return Ok();
  });
  if (!s.ok()) return std::move(s).error();
  return HexEncode(hasher.Final());
}

}  // namespace accord::storage
