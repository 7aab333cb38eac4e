#include "accord/app/witness.h"

#include <signal.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <mutex>

#include "accord/app/private_file.h"
#include "accord/app/serve.h"
#include "accord/http/server.h"

namespace accord::app {

Result<ledger::WitnessState> ReadWitnessState(const std::filesystem::path& file) {
  auto content = ReadPrivateFile(file, "state");
  if (!content.ok()) return std::move(content).error();
  ledger::WitnessState state;
  if (!content->has_value()) return state;
  std::string_view rest = **content;
  int line_number = 0;
  while (!rest.empty()) {
    ++line_number;
    const size_t eol = rest.find('\n');
    std::string_view line = rest.substr(0, eol);
    rest.remove_prefix(eol == std::string_view::npos ? rest.size() : eol + 1);
    const size_t a = line.find(' ');
    const size_t b = a == std::string_view::npos ? a : line.find(' ', a + 1);
    uint64_t size = 0;
    Result<Bytes> root = Internal("");
    if (b != std::string_view::npos) {
      const auto [end, ec] = std::from_chars(line.data(), line.data() + a, size);
      if (ec == std::errc() && end == line.data() + a)
        root = Base64Decode(line.substr(a + 1, b - a - 1));
    }
    if (!root.ok() || root->size() != 32 || b + 1 >= line.size()) {
      return ValidationError("state", file.string() + ": line " + std::to_string(line_number) +
                                          " is not '<size> <base64 root> <origin>'");
    }
    ledger::WitnessedTree tree{size, {}};
    std::copy(root->begin(), root->end(), tree.root.begin());
    state[std::string(line.substr(b + 1))] = tree;
  }
  return state;
}

std::string FormatWitnessState(const ledger::WitnessState& state) {
  std::string out;
  for (const auto& [origin, tree] : state) {
    out += std::to_string(tree.size) + " " + Base64Encode(tree.root) + " " + origin + "\n";
  }
  return out;
}

int RunWitness(const WitnessOptions& options) {
  auto fail = [](const Error& e, int code) {
    std::fprintf(stderr, "accord witness: %s\n", e.ToString().c_str());
    return code;
  };
  auto signer = ledger::LoadOrCreateSigner(options.key_file, options.name);
  if (!signer.ok()) return fail(signer.error(), 3);
  auto cosigner = ledger::Cosigner::FromSigner(*signer);
  if (!cosigner.ok()) return fail(cosigner.error(), 3);
  if (options.print_key) {
    std::printf("%s\n", cosigner->VerifierKey().c_str());
    return 0;
  }
  std::vector<ledger::Verifier> logs;
  for (const std::string& key : options.log_keys) {
    auto v = ledger::Verifier::Parse(key);
    if (!v.ok()) return fail(v.error(), 2);
    logs.push_back(std::move(*v));
  }
  if (logs.empty()) {
    return fail(ValidationError("log-key", "give the verifier key of each log to witness"), 2);
  }
  auto listen = ParseListen(options.listen);
  if (!listen.ok()) return fail(listen.error(), 2);
  auto initial = ReadWitnessState(options.state_file);
  if (!initial.ok()) return fail(initial.error(), 3);

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::mutex mu;
  ledger::WitnessState state = std::move(*initial);
  http::ServerOptions server_options;
  server_options.host = listen->first;
  server_options.port = listen->second;
  server_options.body_limit = 64 << 10;
  http::Server server(server_options, [&](http::Request&& request, http::Reply reply) {
    const std::string_view path =
        std::string_view(request.target)
            .substr(0, std::min(request.target.find('?'), request.target.size()));
    if (!path.ends_with("/add-checkpoint")) {
      reply(http::Response{404, "text/plain; charset=utf-8", "not found\n", {}});
      return;
    }
    if (request.method != "POST") {
      reply(http::Response{405, "text/plain; charset=utf-8", "use POST\n", {{"Allow", "POST"}}});
      return;
    }
    const uint64_t now =
        static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count());
    ledger::WitnessAnswer answer;
    {
      std::lock_guard lock(mu);
      ledger::WitnessState next = state;
      answer = ledger::DecideAddCheckpoint(request.body, logs, next, *cosigner, now);
      if (answer.updated) {
        if (Status s = WritePrivateFile(options.state_file, FormatWitnessState(next)); !s.ok()) {
          answer = {500, "text/plain; charset=utf-8", "cannot record the checkpoint\n", false};
          std::fprintf(stderr, "accord witness: %s\n", s.error().message.c_str());
        } else {
          state = std::move(next);
        }
      }
    }
    if (answer.status != 200) {
      std::fprintf(stderr, "accord witness: refused (%d): %s", answer.status, answer.body.c_str());
    }
    reply(http::Response{answer.status, answer.content_type, std::move(answer.body), {}});
  });
  auto bound = server.Start();
  if (!bound.ok()) return fail(bound.error(), 3);
  std::printf("witness %s listening on http://%s:%u\n", cosigner->VerifierKey().c_str(),
              listen->first.c_str(), static_cast<unsigned>(*bound));
  std::fflush(stdout);
  int sig = 0;
  sigwait(&signals, &sig);
  server.Stop();
  return 0;
}

}  // namespace accord::app
