#include "accord/storage/event_log.h"

#include <algorithm>
#include <atomic>
#include <future>

#include <spdlog/spdlog.h>

#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/ledger/merkle.h"
#include "accord/storage/bulk_inserts.h"

namespace accord::storage {

namespace json = boost::json;

namespace {

// The time of the ledger's last event, for the commands of the batch running on this thread
// (a batch runs on one thread, inside one write transaction); raised by each append.
thread_local TimePoint* batch_floor = nullptr;

// A wall clock set back (an NTP step, an operator) must not make the ledger's times go
// backwards: events keep the last event's time until the clock catches up. Warned once per
// hold, not per event.
std::atomic<bool> clock_held{false};

TimePoint HeldTime(TimePoint now) {
  if (batch_floor == nullptr || now >= *batch_floor) {
    if (batch_floor != nullptr && clock_held.exchange(false)) {
      spdlog::info("the clock has caught up with the ledger's last event");
    }
    return now;
  }
  if (!clock_held.exchange(true)) {
    spdlog::warn(
        "the clock ({}) is behind the ledger's last event ({}): new events carry that time "
        "until the clock catches up; check the host's time synchronisation",
        FormatRfc3339(now), FormatRfc3339(*batch_floor));
  }
  return *batch_floor;
}

// The head and the last event's time in one statement: one round trip on PostgreSQL.
Result<LedgerHead> ReadHeadAndLastTime(Tx& tx, TimePoint& last_time) {
  auto row = tx.QueryOne(
      "SELECT h.size, h.frontier, l.leaf FROM ledger_head h "
      "LEFT JOIN ledger_leaves l ON l.idx = h.size - 1 WHERE h.id = 1",
      {});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return Internal("ledger_head row is missing: the store is not migrated");
  const Row& r = **row;
  const Bytes& f = r.BlobAt(1);
  auto frontier = ledger::Frontier::Deserialize(
      static_cast<uint64_t>(r.Int(0)),
      std::string_view(reinterpret_cast<const char*>(f.data()), f.size()));
  if (!frontier.ok()) return std::move(frontier).error();
  last_time = TimePoint{};
  if (!r.IsNull(2)) {
    const Bytes& leaf = r.BlobAt(2);
    boost::system::error_code ec;
    json::value v =
        json::parse(std::string_view(reinterpret_cast<const char*>(leaf.data()), leaf.size()), ec);
    const json::value* time = !ec && v.is_object() ? v.as_object().if_contains("time") : nullptr;
    if (!time || !time->is_string()) return Internal("the ledger's last entry has no time");
    auto parsed = ParseRfc3339(time->as_string());
    if (!parsed.ok()) return std::move(parsed).error();
    last_time = *parsed;
  }
  return LedgerHead{std::move(frontier.value())};
}

// Events appended by the command running on this thread (reset before each command).
thread_local uint64_t command_appends = 0;

// Inside WithBulkInserts: where the command's appends write instead of its transaction.
thread_local Tx* bulk_writes = nullptr;

// 2,000, 16,000, 128,000, ...: a few refreshes for the largest import, none for a request.
bool StatisticsDue(uint64_t appended) {
  for (uint64_t at = 2000; at <= appended; at *= 8) {
    if (at == appended) return true;
  }
  return false;
}

// A command that appends thousands of events (an import) grows tables inside one transaction.
// PostgreSQL plans with the statistics of the last ANALYZE: a store created empty has
// empty-table statistics until a commit lets autovacuum run, and the planner then picks
// whichever index looks smallest, scanning all of it per statement (an import of 100,000
// parties did not finish in 15 minutes). ANALYZE inside the transaction counts its own new
// rows and invalidates the plans made before. SQLite plans without statistics: nothing to do.
Status RefreshStatistics(Tx& tx, const Store& store, const Projections& projections) {
  if (store.backend() != "postgres") return Ok();
  static const std::string kSql = [&projections] {
    std::vector<std::string> tables = {"ledger_leaves", "ledger_nodes"};
    for (const auto& projection : projections) {
      for (const auto& table : projection->tables()) {
        if (std::find(tables.begin(), tables.end(), table.name) == tables.end()) {
          tables.push_back(table.name);
        }
      }
    }
    std::string sql = "ANALYZE";
    for (size_t i = 0; i < tables.size(); ++i) sql += (i ? ", " : " ") + tables[i];
    return sql;
  }();
  auto r = tx.Exec(kSql, {});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

}  // namespace

TimePoint CommandContext::Now() const { return HeldTime(log_.clock_.Now()); }

Result<uint64_t> CommandContext::Append(domain::Event event) {
  if (event.time == TimePoint{} || (batch_floor != nullptr && event.time < *batch_floor)) {
    event.time = Now();
  }
  if (event.org.empty()) event.org = log_.org_;
  auto leaf = domain::CanonicalLeaf(event);
  if (!leaf.ok()) return std::move(leaf).error();
  Hash leaf_hash = ledger::LeafHash(AsBytes(*leaf));
  Tx& tx = bulk_writes != nullptr ? *bulk_writes : tx_;
  auto index = AppendLeaf(tx, head_, *leaf, leaf_hash);
  if (!index.ok()) return index;
  for (auto& projection : log_.projections_) {
    if (auto s = projection->Apply(tx, *index, event); !s.ok()) {
      Error e = std::move(s).error();
      e.message = "projection " + std::string(projection->name()) + ": " + e.message;
      return e;
    }
  }
  if (batch_floor != nullptr) *batch_floor = event.time;
  if (StatisticsDue(++command_appends)) {
    ACCORD_TRY(RefreshStatistics(tx, log_.store_, log_.projections_));
  }
  return index;
}

Status WithBulkInserts(CommandContext& c, const std::function<Status()>& fn) {
  if (bulk_writes != nullptr) return fn();  // already gathering
  BulkInserts bulk(c.tx());
  bulk_writes = &bulk;
  Status result = fn();
  bulk_writes = nullptr;
  // A failed command is rolled back: what it gathered need not go out.
  if (!result.ok()) return result;
  return bulk.Flush();
}

EventLog::EventLog(Store& store, const Clock& clock, Projections projections)
    : store_(store), clock_(clock), projections_(std::move(projections)) {}

EventLog::~EventLog() { StopWriter(); }

void EventLog::StartWriter() {
  std::lock_guard lock(mu_);
  if (running_) return;
  running_ = true;
  stopping_ = false;
  {
    std::lock_guard completion_lock(completion_mu_);
    completion_stopping_ = false;
  }
  completer_ = std::thread([this] { CompletionLoop(); });
  writer_ = std::thread([this] { WriterLoop(); });
}

void EventLog::StopWriter() {
  {
    std::lock_guard lock(mu_);
    if (!running_) return;
    stopping_ = true;
  }
  cv_.notify_all();
  writer_.join();
  {
    std::lock_guard lock(mu_);
    running_ = false;
  }
  {
    std::lock_guard lock(completion_mu_);
    completion_stopping_ = true;
  }
  completion_cv_.notify_all();
  completer_.join();
}

void EventLog::Deliver(Completion& c) {
  try {
    c.done(std::move(c.result));
  } catch (const std::exception& e) {
    spdlog::error("event log: reply callback threw: {}", e.what());
  }
}

void EventLog::CompletionLoop() {
  std::vector<Completion> ready;
  for (;;) {
    {
      std::unique_lock lock(completion_mu_);
      completion_cv_.wait(lock, [&] { return completion_stopping_ || !completions_.empty(); });
      if (completions_.empty() && completion_stopping_) return;
      ready.swap(completions_);
    }
    for (auto& c : ready) Deliver(c);
    ready.clear();
  }
}

void EventLog::Submit(Command command, CommandDone done) {
  {
    std::unique_lock lock(mu_);
    if (running_ && !stopping_) {
      queue_.push_back(Pending{std::move(command), std::move(done)});
      lock.unlock();
      cv_.notify_one();
      return;
    }
  }
  std::vector<Pending> batch;
  batch.push_back(Pending{std::move(command), std::move(done)});
  RunBatch(batch, false);
}

Result<json::value> EventLog::Execute(Command command) {
  std::promise<Result<json::value>> promise;
  auto future = promise.get_future();
  Submit(std::move(command),
         [&promise](Result<json::value> r) { promise.set_value(std::move(r)); });
  return future.get();
}

EventLogStats EventLog::stats() const {
  std::lock_guard lock(mu_);
  return stats_;
}

void EventLog::WriterLoop() {
  // Bounded batches keep one slow commit from holding back too many replies.
  constexpr size_t kMaxBatch = 4096;
  std::vector<Pending> batch;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty() && stopping_) return;
      while (!queue_.empty() && batch.size() < kMaxBatch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    RunBatch(batch, true);
    batch.clear();
  }
}

namespace {

// A command that throws is a bug, but it must not take the writer (and every waiting
// request) down with it: it becomes this command's error and its savepoint is undone.
Result<json::value> RunCommand(const Command& command, CommandContext& ctx) {
  try {
    return command(ctx);
  } catch (const std::exception& e) {
    return Internal(std::string("command failed: ") + e.what());
  }
}

}  // namespace

void EventLog::RunBatch(std::vector<Pending>& batch, bool via_completer) {
  std::vector<std::optional<Result<json::value>>> results(batch.size());
  // The batch first runs optimistically: no savepoint per command (on SQLite each one copies
  // every page a command first touches into the statement journal) and, on a backend that
  // defers statements (PostgreSQL), one round trip at the end. If any command fails, the
  // batch is rolled back and run again carefully: each command in its own savepoint, flushed
  // on its own, so its error is attributed exactly and it leaves nothing while the others
  // commit.
  auto attempt = [&](bool careful, bool& retry) {
    return store_.Write([&](Tx& tx) -> Status {
      TimePoint floor{};
      auto head = ReadHeadAndLastTime(tx, floor);
      if (!head.ok()) return std::move(head).error();
      LedgerHead committed = std::move(head.value());
      const bool optimistic = !careful;
      for (size_t i = 0; i < batch.size(); ++i) {
        results[i].reset();
        if (!optimistic) ACCORD_TRY(tx.ExecDeferred("SAVEPOINT command", {}));
        LedgerHead working = committed;
        TimePoint working_floor = floor;
        CommandContext ctx(tx, *this, working);
        batch_floor = &working_floor;
        command_appends = 0;
        Result<json::value> r = RunCommand(batch[i].command, ctx);
        batch_floor = nullptr;
        if (!optimistic) {
          // Deferred statements report here, so an error is this command's alone.
          if (Status flushed = tx.Flush(); r.ok() && !flushed.ok()) {
            r = std::move(flushed).error();
          }
        } else if (!r.ok()) {
          // Alone in its batch, the failed command's error is the transaction's: rolling
          // back leaves nothing of it, with nothing to run again.
          retry = batch.size() > 1;
          return r.error();
        }
        if (r.ok()) {
          if (!optimistic) ACCORD_TRY(tx.ExecDeferred("RELEASE command", {}));
          committed = std::move(working);
          floor = working_floor;
        } else {
          // A rejected command leaves nothing behind, however far it got.
          ACCORD_TRY(tx.Exec("ROLLBACK TO command", {}));
          ACCORD_TRY(tx.Exec("RELEASE command", {}));
        }
        results[i] = std::move(r);
      }
      if (Status flushed = tx.Flush(); !flushed.ok()) {
        retry = optimistic;
        return flushed;
      }
      return WriteHead(tx, committed);
    });
  };
  bool retry = false;
  Status commit = attempt(false, retry);
  if (!commit.ok() && retry) {
    retry = false;
    commit = attempt(true, retry);
  }
  {
    std::lock_guard lock(mu_);
    stats_.commits += commit.ok() ? 1 : 0;
    stats_.commands += batch.size();
  }
  std::vector<Completion> done;
  done.reserve(batch.size());
  for (size_t i = 0; i < batch.size(); ++i) {
    done.push_back(Completion{std::move(batch[i].done),
                              commit.ok() ? std::move(*results[i]) : commit.error()});
  }
  if (!via_completer) {
    for (auto& c : done) Deliver(c);
    return;
  }
  {
    std::lock_guard lock(completion_mu_);
    if (completions_.empty()) {
      completions_.swap(done);
    } else {
      for (auto& c : done) completions_.push_back(std::move(c));
    }
  }
  completion_cv_.notify_one();
}

}  // namespace accord::storage
