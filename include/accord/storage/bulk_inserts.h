// Many single-row INSERTs sent as few multi-row ones. An import appends 100,000 events, and
// the ledger and each read model write a row per event: a statement per row per table, which
// PostgreSQL parses, plans and executes one by one (most of an import's time there).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "accord/storage/event_log.h"
#include "accord/storage/store.h"

namespace accord::storage {

// A Tx over another that gathers `INSERT INTO t(...) VALUES (...) [ON CONFLICT ...]`
// statements sent with ExecDeferred, per statement text, and sends each text's rows as
// multi-row statements. Any other ExecDeferred goes out at once; Exec, Query, ForEach and
// Flush first send everything gathered, so reads see every write made before them.
// Rows of one statement text keep their order; rows of different texts (and an UPDATE made
// after an INSERT) may reach the database in another order. So: only for writes that do not
// depend on each other, such as those of new objects, each in rows of its own.
class BulkInserts final : public Tx {
 public:
  explicit BulkInserts(Tx& inner) : inner_(inner) {}

  Result<int64_t> Exec(std::string_view sql, Params params) override;
  Result<std::vector<Row>> Query(std::string_view sql, Params params) override;
  Status ForEach(std::string_view sql, Params params,
                 const std::function<bool(const Row&)>& fn) override;
  Status ExecDeferred(std::string_view sql, Params params) override;
  Status Flush() override;
  bool defers() const override { return true; }
  Status StreamBlob(std::string_view table, std::string_view column, std::string_view key_column,
                    const Value& key, int64_t size, const BlobSource& read) override;

  using Tx::Exec;
  using Tx::ExecDeferred;
  using Tx::ForEach;
  using Tx::Query;

  // Statements sent to the inner Tx for gathered rows (for tests and benchmarks).
  uint64_t statements_sent() const { return statements_sent_; }

 private:
  struct Group {
    std::string head;   // "INSERT INTO t(a, b) VALUES "
    std::string tuple;  // "(?, ?)"
    std::string tail;   // " ON CONFLICT ..." or ""
    size_t width = 0;   // placeholders per row
    std::vector<Value> values;
  };
  // Sends a group's rows: full statements of kMaxRows, then the rest in powers of two, so a
  // connection prepares a few texts per group however many rows there are.
  Status Send(Group& group);
  Status SendAll();
  const std::string& TextFor(Group& group, size_t rows);

  Tx& inner_;
  std::map<std::string, size_t, std::less<>> index_;  // statement text -> groups_ position
  std::vector<Group> groups_;
  std::map<std::pair<size_t, size_t>, std::string> texts_;  // (group, rows) -> statement
  uint64_t statements_sent_ = 0;
};

// Runs fn with the inserts of the events c.Append()s gathered by BulkInserts, then sends
// them. For commands that append many events, each creating a new object (an import), whose
// writes therefore do not depend on each other; any error is the command's.
Status WithBulkInserts(CommandContext& c, const std::function<Status()>& fn);

}  // namespace accord::storage
