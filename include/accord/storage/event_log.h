// The only way state changes: commands run in a write transaction, append events to
// the ledger and update the read models; many concurrent commands share one commit
// (group commit), each isolated by a savepoint so a rejected command writes nothing.
#pragma once

#include <boost/json/value.hpp>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "accord/core/clock.h"
#include "accord/domain/event.h"
#include "accord/storage/ledger_tables.h"
#include "accord/storage/projection.h"
#include "accord/storage/store.h"

namespace accord::storage {

class EventLog;

// What a command sees: the transaction, the clock, and Append().
class CommandContext {
 public:
  CommandContext(Tx& tx, EventLog& log, LedgerHead& head) : tx_(tx), log_(log), head_(head) {}
  Tx& tx() { return tx_; }
  TimePoint Now() const;
  // Canonicalises, hashes and appends the event, then applies every projection.
  // Fills in time (if unset) and org (if empty). Returns the ledger index.
  Result<uint64_t> Append(domain::Event event);
  uint64_t ledger_size() const { return head_.size(); }

 private:
  Tx& tx_;
  EventLog& log_;
  LedgerHead& head_;
};

using Command = std::function<Result<boost::json::value>(CommandContext&)>;
using CommandDone = std::function<void(Result<boost::json::value>)>;

struct EventLogStats {
  uint64_t commits = 0;
  uint64_t commands = 0;
};

class EventLog {
 public:
  EventLog(Store& store, const Clock& clock, Projections projections);
  ~EventLog();

  // Starts the group-commit writer thread (servers); without it Execute() runs inline.
  void StartWriter();
  void StopWriter();

  // Queues a command; `done` runs on the writer thread after the durable commit.
  void Submit(Command command, CommandDone done);
  // Runs one command and waits for its commit.
  Result<boost::json::value> Execute(Command command);

  Store& store() { return store_; }
  const Clock& clock() const { return clock_; }
  const Projections& projections() const { return projections_; }
  void set_org(std::string org) { org_ = std::move(org); }
  const std::string& org() const { return org_; }
  EventLogStats stats() const;

 private:
  friend class CommandContext;
  struct Pending {
    Command command;
    CommandDone done;
  };
  struct Completion {
    CommandDone done;
    Result<boost::json::value> result;
  };
  void WriterLoop();
  void CompletionLoop();
  static void Deliver(Completion& c);
  void RunBatch(std::vector<Pending>& batch, bool via_completer);

  Store& store_;
  const Clock& clock_;
  Projections projections_;
  std::string org_;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Pending> queue_;
  bool stopping_ = false;
  bool running_ = false;  // guarded by mu_; writer_ itself is touched only by Start/Stop
  std::thread writer_;
  EventLogStats stats_;

  // Replies run on their own thread, so the writer starts the next commit at once.
  std::mutex completion_mu_;
  std::condition_variable completion_cv_;
  std::vector<Completion> completions_;
  bool completion_stopping_ = false;
  std::thread completer_;
};

}  // namespace accord::storage
