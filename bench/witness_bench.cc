// What a witness adds to a checkpoint: append one event, sign a checkpoint (untimed), then
// one Witnessing round against a real `accord witness` process on loopback (timed): the
// consistency proof, the HTTP exchange, the witness's checks, its fsynced state and
// cosignature, and storing the cosignature with the checkpoint.
#include <benchmark/benchmark.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "accord/app/runtime.h"
#include "accord/app/witnessing.h"
#include "accord/core/ids.h"
#include "accord/policy/profile.h"
#include "bench_util.h"

extern char** environ;

namespace accord::bench {
namespace {

// Runs `args` with stdout on a pipe; returns its pid and the pipe's read end.
std::pair<pid_t, FILE*> Spawn(const std::vector<std::string>& args) {
  int fds[2];
  if (pipe(fds) != 0) Die("pipe");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
    Die("cannot run " + args[0]);
  }
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  return {pid, fdopen(fds[0], "r")};
}

std::string FirstLine(FILE* f) {
  char buf[1024];
  if (fgets(buf, sizeof buf, f) == nullptr) Die("the witness printed nothing");
  std::string line(buf);
  while (!line.empty() && line.back() == '\n') line.pop_back();
  return line;
}

void BM_WitnessCosign(benchmark::State& state) {
  const char* accord = std::getenv("ACCORD_BINARY");
  if (accord == nullptr || *accord == '\0') {
    state.SkipWithError("set ACCORD_BINARY to the accord binary (bench/run.sh does)");
    return;
  }
  ScratchDir dir("witness");
  SystemClock clock;
  auto rt = Check(app::Runtime::Open(app::StoreConfig{dir.path() / "data"}, clock), "open");
  auto profile = Check(policy::LoadProfile("luma"), "load profile");
  auto org = Check(rt->EnsureOrg(profile, "", "Benchmark Org"), "ensure org");
  Check(rt->LoadSigner(org.origin), "load signer");
  const std::string key_file = (dir.path() / "witness.key").string();
  auto [print_pid, print_out] =
      Spawn({accord, "witness", "--key", key_file, "--name", "bench-witness", "--print-key"});
  const std::string witness_key = FirstLine(print_out);
  fclose(print_out);
  waitpid(print_pid, nullptr, 0);
  auto [pid, out] = Spawn({accord, "witness", "--key", key_file, "--state",
                           (dir.path() / "witness.state").string(), "--listen", "127.0.0.1:0",
                           "--log-key", rt->signer().VerifierKey()});
  const std::string listening = FirstLine(out);
  const std::string url = listening.substr(listening.find("http://"));
  auto witnessing = Check(
      app::Witnessing::Create(
          rt->store(), {app::WitnessEndpoint{"bench", url, witness_key, std::chrono::seconds(5)}}),
      "witnessing");
  const domain::Actor actor{NewId("usr"), "security_officer"};
  auto append = [&] {
    auto r = rt->log().Execute([&](storage::CommandContext& c) -> Result<boost::json::value> {
      auto index = c.Append(domain::Event{
          .type = "note.added",
          .actor = actor,
          .subject = {"org", org.id},
          .payload = boost::json::object{{"note_id", NewId("note")}, {"text", "witnessed"}}});
      if (!index.ok()) return std::move(index).error();
      return boost::json::value(*index);
    });
    Check(r.ok() ? Status(Ok()) : Status(r.error()), "append");
    Check(rt->Checkpoint(org.origin), "checkpoint");
  };
  append();
  if (witnessing.RunOnce().cosigned != 1) Die("the witness did not cosign the first checkpoint");
  for (auto _ : state) {
    state.PauseTiming();
    append();
    state.ResumeTiming();
    if (witnessing.RunOnce().cosigned != 1) {
      state.SkipWithError("the witness did not cosign");
      break;
    }
  }
  kill(pid, SIGTERM);
  waitpid(pid, nullptr, 0);
  fclose(out);
}
BENCHMARK(BM_WitnessCosign)->Iterations(50)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace accord::bench
