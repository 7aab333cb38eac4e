// Ledger benchmarks: durable group-commit appends, leaf hashing, whole-ledger verification.
// They print numbers; bench/run.sh compares them with the targets.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "accord/app/runtime.h"
#include "accord/core/ids.h"
#include "accord/ledger/merkle.h"
#include "accord/policy/profile.h"
#include "accord/storage/ledger_audit.h"
#include "accord/storage/ledger_tables.h"
#include "bench_util.h"

namespace accord::bench {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

// Starts at the wall clock and advances one millisecond per reading, so events get
// distinct, increasing times however fast they are appended.
class TickingClock final : public Clock {
 public:
  TimePoint Now() const override { return TimePoint(std::chrono::milliseconds(ms_++)); }
  MonoTime Monotonic() const override { return std::chrono::steady_clock::now(); }

 private:
  mutable std::atomic<int64_t> ms_{SystemClock().Now().time_since_epoch().count()};
};

// A runtime with an organisation and a signing key, as `accord serve` sets it up.
struct Ledger {
  TickingClock clock;
  std::unique_ptr<app::Runtime> rt;
  app::OrgInfo org;

  explicit Ledger(const fs::path& dir, std::string db_url = "") {
    app::StoreConfig config{dir};
    config.db_url = std::move(db_url);
    rt = Check(app::Runtime::Open(config, clock), "open runtime");
    auto profile = Check(policy::LoadProfile("luma"), "load profile");
    org = Check(rt->EnsureOrg(profile, "", "Benchmark Org"), "ensure org");
    Check(rt->LoadSigner(org.origin), "load signer");
  }
};

// With type, time, actor, subject, ids and org, a short note's canonical leaf is ~340 bytes.
const std::string& NoteText() {
  static const std::string text = "SOC 2 report reviewed; no gaps.";
  return text;
}

const domain::Actor& BenchActor() {
  static const domain::Actor actor{NewId("usr"), "security_officer"};
  return actor;
}

const domain::Subject& BenchSubject() {
  static const domain::Subject subject{"agreement", NewId("agr")};
  return subject;
}

// Appends `n` note.added events, as POST /api/v1/notes does (without reading the row back).
storage::Command AppendNotes(int n) {
  return [n](storage::CommandContext& c) -> Result<json::value> {
    uint64_t last = 0;
    for (int i = 0; i < n; ++i) {
      domain::Event e{
          .type = "note.added",
          .actor = BenchActor(),
          .subject = BenchSubject(),
          .payload = json::object{{"note_id", NewId("note", c.Now())}, {"text", NoteText()}}};
      auto index = c.Append(std::move(e));
      if (!index.ok()) return std::move(index).error();
      last = *index;
    }
    return json::value(last);
  };
}

// ---------------------------------------------------------------------------------------
// Durable appends: 64 client threads, one event per command, group commit on the writer.

std::mutex append_mu;
std::unique_ptr<ScratchDir> append_dir;
std::unique_ptr<Ledger> append_ledger;
storage::EventLogStats append_before;
double append_cpu_before = 0;
std::map<std::string, double> append_threads_before;
uintmax_t append_wal_before = 0;

// The whole process's CPU time (every thread, user and system), in microseconds: on a shared
// machine, CPU per append says what the code costs when wall-clock rates say how busy it is.
double ProcessCpuMicros() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto us = [](const timeval& t) { return t.tv_sec * 1e6 + static_cast<double>(t.tv_usec); };
  return us(u.ru_utime) + us(u.ru_stime);
}

// Each thread's time on a CPU so far (schedstat, nanoseconds), by thread id.
std::map<std::string, double> ThreadCpuMicros() {
  std::map<std::string, double> out;
  std::error_code ec;
  for (const auto& task : fs::directory_iterator("/proc/self/task", ec)) {
    std::ifstream in(task.path() / "schedstat");
    double ns = 0;
    if (in >> ns) out[task.path().filename().string()] = ns / 1000;
  }
  return out;
}

// The busiest thread's CPU time since `before`: with 64 callers that wait, the event log's
// writer, which does every append's work. Less disturbed by a busy machine than the whole
// process's time, which counts every caller's wake-ups too.
double BusiestThreadMicros(const std::map<std::string, double>& before) {
  double busiest = 0;
  for (const auto& [tid, us] : ThreadCpuMicros()) {
    auto it = before.find(tid);
    busiest = std::max(busiest, us - (it == before.end() ? 0 : it->second));
  }
  return busiest;
}

uintmax_t WalBytes() {
  std::error_code ec;
  uintmax_t n = fs::file_size(append_dir->path() / "accord.db-wal", ec);
  return ec ? 0 : n;
}

void DurableAppendSetup(const benchmark::State&) {
  std::lock_guard lock(append_mu);
  if (!append_ledger) {
    append_dir = std::make_unique<ScratchDir>("append");
    // $ACCORD_BENCH_DB (e.g. a PostgreSQL URL) runs the same benchmark on another backend.
    const char* db = std::getenv("ACCORD_BENCH_DB");
    append_ledger = std::make_unique<Ledger>(append_dir->path(), db ? db : "");
    append_ledger->rt->log().StartWriter();
  }
  append_before = append_ledger->rt->log().stats();
  append_cpu_before = ProcessCpuMicros();
  append_threads_before = ThreadCpuMicros();
  append_wal_before = WalBytes();
}

void BM_DurableAppend(benchmark::State& state) {
  storage::EventLog& log = append_ledger->rt->log();
  const storage::Command command = AppendNotes(1);
  for (auto _ : state) {
    auto r = log.Execute(command);
    if (!r.ok()) {
      state.SkipWithError(r.error().message.c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
  // Every thread has left the loop (benchmark's stop barrier): the stats are final.
  if (state.thread_index() == 0) {
    storage::EventLogStats after = log.stats();
    uint64_t commits = after.commits - append_before.commits;
    uint64_t commands = after.commands - append_before.commands;
    state.counters["batch"] = commits ? static_cast<double>(commands) / commits : 0.0;
    // Writer, completion thread, the 64 callers and the benchmark's own bookkeeping.
    state.counters["cpu_us"] =
        commands ? (ProcessCpuMicros() - append_cpu_before) / static_cast<double>(commands) : 0.0;
    state.counters["writer_cpu_us"] =
        commands ? BusiestThreadMicros(append_threads_before) / static_cast<double>(commands) : 0.0;
    // WAL pages (4 KiB and a 24-byte frame header) per commit; SQLite only, and only while the
    // WAL grows (nothing checkpoints it during the benchmark).
    const uintmax_t wal = WalBytes();
    state.counters["wal_pages"] =
        commits && wal > append_wal_before
            ? static_cast<double>(wal - append_wal_before) / 4120.0 / static_cast<double>(commits)
            : 0.0;
    state.counters["commits_per_s"] =
        benchmark::Counter(static_cast<double>(commits), benchmark::Counter::kIsRate);
  }
}
BENCHMARK(BM_DurableAppend)
    ->Setup(DurableAppendSetup)
    ->Threads(64)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

// The append path's own CPU, without 64 callers' wake-ups or a batch size that varies with
// the machine's load: one thread commits one command of 32 notes per iteration (the writer
// is not started, so the command runs on this thread). Its CPU time per iteration over 32 is
// the code's cost per event, comparable with the raw SQLite row's CPU time in the same run.
void BM_AppendCommit32(benchmark::State& state) {
  ScratchDir dir("commit32");
  const char* db = std::getenv("ACCORD_BENCH_DB");
  Ledger ledger(dir.path(), db ? db : "");
  storage::EventLog& log = ledger.rt->log();
  const storage::Command command = AppendNotes(32);
  for (auto _ : state) {
    auto r = log.Execute(command);
    if (!r.ok()) {
      state.SkipWithError(r.error().message.c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * 32);
}
BENCHMARK(BM_AppendCommit32)->Unit(benchmark::kMicrosecond);

// The disk's durable-write latency, which bounds the above: with 64 writers each waiting
// for its commit, events/s <= 64 / (fsync + batch time). A 64 KiB write about matches
// the WAL frames of one 64-event commit; SQLite reuses the WAL from its start, so overwrite.
void BM_Fsync(benchmark::State& state) {
  ScratchDir dir("fsync");
  const std::string path = (dir.path() / "wal").string();
  int fd = open(path.c_str(), O_RDWR | O_CREAT, 0600);
  if (fd < 0) Die("open " + path);
  constexpr size_t kWrite = 64 << 10;
  constexpr off_t kFile = 4 << 20;
  std::vector<char> block(kWrite, 'x');
  for (off_t off = 0; off < kFile; off += kWrite) {
    if (pwrite(fd, block.data(), kWrite, off) != static_cast<ssize_t>(kWrite)) Die("pwrite");
  }
  if (fsync(fd) != 0) Die("fsync");
  off_t off = 0;
  for (auto _ : state) {
    if (pwrite(fd, block.data(), kWrite, off) != static_cast<ssize_t>(kWrite) ||
        fdatasync(fd) != 0) {
      state.SkipWithError("pwrite/fdatasync failed");
      break;
    }
    off = (off + kWrite) % kFile;
  }
  close(fd);
}
BENCHMARK(BM_Fsync)->UseRealTime()->Unit(benchmark::kMicrosecond);

// ---------------------------------------------------------------------------------------
// Leaf hashing: SHA-256(0x00 || leaf) over leaves of typical sizes.

void BM_LeafHash(benchmark::State& state) {
  std::vector<uint8_t> leaf(static_cast<size_t>(state.range(0)));
  for (size_t i = 0; i < leaf.size(); ++i) leaf[i] = static_cast<uint8_t>(i * 131 + 7);
  for (auto _ : state) {
    Hash h = ledger::LeafHash(leaf);
    benchmark::DoNotOptimize(h);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_LeafHash)->Arg(256)->Arg(512)->Arg(1024);

// ---------------------------------------------------------------------------------------
// Whole-ledger verification of 1,000,000 events with a signed checkpoint.

constexpr uint64_t kVerifyEvents = 1'000'000;
constexpr int kEventsPerCommand = 10'000;

std::unique_ptr<ScratchDir> verify_scratch;
fs::path verify_dir;

uint64_t LedgerSize(app::Runtime& rt) {
  uint64_t size = 0;
  Check(rt.store().Read([&](storage::Tx& tx) -> Status {
    auto head = storage::ReadHead(tx);
    if (!head.ok()) return std::move(head).error();
    size = head->size();
    return Ok();
  }),
        "read ledger head");
  return size;
}

// $ACCORD_BENCH_DIR (kept, so run.sh can time the CLI on it) or a scratch directory. An
// existing ledger there is extended, never rebuilt, so repeated runs are quick.
void BuildVerifyLedger() {
  if (!verify_dir.empty()) return;
  if (const char* env = std::getenv("ACCORD_BENCH_DIR"); env != nullptr && *env != '\0') {
    verify_dir = env;
  } else {
    verify_scratch = std::make_unique<ScratchDir>("verify");
    verify_dir = verify_scratch->path();
  }
  Ledger ledger(verify_dir);
  uint64_t size = LedgerSize(*ledger.rt);
  if (size < kVerifyEvents) {
    std::fprintf(stderr, "accord_bench: building a ledger of %llu events in %s\n",
                 static_cast<unsigned long long>(kVerifyEvents), verify_dir.c_str());
    auto start = std::chrono::steady_clock::now();
    // Without the writer thread Execute() runs inline: one transaction per 10,000 events.
    storage::EventLog& log = ledger.rt->log();
    const uint64_t missing = kVerifyEvents - size;
    for (uint64_t done = 0; done < missing; done += kEventsPerCommand) {
      int n = static_cast<int>(std::min<uint64_t>(kEventsPerCommand, missing - done));
      auto r = log.Execute(AppendNotes(n));
      if (!r.ok()) Die("append: " + r.error().message);
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "accord_bench: built in %.1f s (%.0f events/s)\n", seconds,
                 static_cast<double>(missing) / seconds);
  }
  Check(ledger.rt->Checkpoint(ledger.org.origin), "checkpoint");
}

void BM_Verify1M(benchmark::State& state) {
  BuildVerifyLedger();
  SystemClock clock;
  auto rt = Check(app::Runtime::Open(app::StoreConfig{verify_dir}, clock), "open runtime");
  uint64_t size = 0;
  for (auto _ : state) {
    auto report = storage::VerifyLedger(rt->store());
    if (!report.ok()) {
      state.SkipWithError(report.error().message.c_str());
      break;
    }
    if (!report->ok) {
      state.SkipWithError(report->problem.c_str());
      break;
    }
    size = report->size;
  }
  state.counters["events"] = static_cast<double>(size);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * size));
}
BENCHMARK(BM_Verify1M)->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace accord::bench
