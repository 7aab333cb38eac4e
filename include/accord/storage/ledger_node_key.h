// The key of a tree node in ledger_nodes (migration 22).
#pragma once

#include <cstdint>

namespace accord::storage {

// The node (level, index): the ledger size that completes it, then its level, so the nodes a
// commit completes sit together at the end of the table (one B-tree tail, not one per level).
inline int64_t NodePos(int level, uint64_t index) {
  return static_cast<int64_t>(((index + 1) << level) * 64 + static_cast<uint64_t>(level));
}

}  // namespace accord::storage
