#include "support/process.h"
#include "support/build_paths.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <thread>

namespace accord::testing {
namespace {

std::vector<char*> Argv(const std::vector<std::string>& args, std::vector<std::string>& storage) {
  storage.clear();
  storage.push_back(AccordBinary());
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : storage) argv.push_back(s.data());
  argv.push_back(nullptr);
  return argv;
}

int DecodeStatus(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

CommandResult RunAccord(const std::vector<std::string>& args, const std::string& input) {
  std::vector<std::string> command{AccordBinary()};
  command.insert(command.end(), args.begin(), args.end());
  return RunProgram(command, input);
}

CommandResult RunProgram(const std::vector<std::string>& command, const std::string& input) {
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe(in_pipe) || pipe(out_pipe) || pipe(err_pipe)) throw std::runtime_error("pipe");
  std::vector<std::string> storage(command);
  std::vector<char*> argv;
  for (auto& s : storage) argv.push_back(s.data());
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    close(in_pipe[1]);
    close(out_pipe[0]);
    close(err_pipe[0]);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (!input.empty()) (void)!write(in_pipe[1], input.data(), input.size());
  close(in_pipe[1]);
  CommandResult result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0 && std::chrono::steady_clock::now() < deadline) {
    if (poll(fds, 2, 1000) <= 0) continue;
    for (auto& fd : fds) {
      if (fd.fd < 0 || !(fd.revents & (POLLIN | POLLHUP))) continue;
      ssize_t n = read(fd.fd, buf, sizeof buf);
      if (n <= 0) {
        close(fd.fd);
        fd.fd = -1;
        --open_fds;
      } else {
        (fd.fd == out_pipe[0] ? result.out : result.err).append(buf, n);
      }
    }
  }
  for (auto& fd : fds) {
    if (fd.fd >= 0) close(fd.fd);
  }
  if (open_fds > 0) kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = DecodeStatus(status);
  return result;
}

ServerProcess::ServerProcess(std::vector<std::string> args, std::string log_file) {
  int out_pipe[2];
  if (pipe(out_pipe)) throw std::runtime_error("pipe");
  std::vector<std::string> storage;
  auto argv = Argv(args, storage);
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out_pipe[1], 1);
    close(out_pipe[0]);
    if (!log_file.empty()) {
      int log = open(log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
      if (log >= 0) dup2(log, 2);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out_pipe[1]);
  stdout_fd_ = out_pipe[0];
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  char buf[4096];
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd fd{stdout_fd_, POLLIN, 0};
    if (poll(&fd, 1, 200) <= 0) continue;
    ssize_t n = read(stdout_fd_, buf, sizeof buf);
    if (n <= 0) break;
    output_.append(buf, n);
    auto pos = output_.find("listening on ");
    if (pos != std::string::npos && output_.find('\n', pos) != std::string::npos) {
      auto colon = output_.rfind(':', output_.find('\n', pos));
      port_ = static_cast<uint16_t>(std::stoi(output_.substr(colon + 1)));
      break;
    }
  }
  // Keep draining stdout so the server never blocks on a full pipe.
  int fd = stdout_fd_;
  int log = log_file.empty() ? -1 : open(log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (log >= 0) (void)!write(log, output_.data(), output_.size());
  std::thread([fd, log] {
    char sink[4096];
    ssize_t n;
    while ((n = read(fd, sink, sizeof sink)) > 0) {
      if (log >= 0) (void)!write(log, sink, static_cast<size_t>(n));
    }
    close(fd);
    if (log >= 0) close(log);
  }).detach();
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0 && !exited_) {
    kill(pid_, SIGTERM);
    for (int i = 0; i < 100; ++i) {
      if (waitpid(pid_, &status_, WNOHANG) == pid_) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, &status_, 0);
  }
}

int ServerProcess::Signal(int sig) {
  if (exited_) return DecodeStatus(status_);
  kill(pid_, sig);
  waitpid(pid_, &status_, 0);
  exited_ = true;
  return DecodeStatus(status_);
}

}  // namespace accord::testing
