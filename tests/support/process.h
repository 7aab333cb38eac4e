// Runs the real `accord` binary: one-shot commands, and servers started on port 0.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace accord::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs ACCORD_BINARY with args (and optional stdin), waits up to 120 s.
CommandResult RunAccord(const std::vector<std::string>& args, const std::string& input = "");
// Runs command[0] (a path) with the rest as its arguments, the same way.
CommandResult RunProgram(const std::vector<std::string>& command, const std::string& input = "");

// `accord serve ... --listen 127.0.0.1:0`, waiting for its "listening on" line.
class ServerProcess {
 public:
  // With `log_file`, the server's stderr and its stdout (after the listening line too) are
  // appended to that file: what an operator's log would hold.
  explicit ServerProcess(std::vector<std::string> args, std::string log_file = "");
  ~ServerProcess();  // SIGTERM, then SIGKILL after 10 s
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  bool started() const { return port_ != 0; }
  uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& output() const { return output_; }  // stdout up to the listening line
  // Sends `sig` and waits for exit; returns the exit status (128+sig if killed).
  int Signal(int sig);

 private:
  pid_t pid_ = -1;
  uint16_t port_ = 0;
  std::string output_;
  int stdout_fd_ = -1;
  bool exited_ = false;
  int status_ = 0;
};

}  // namespace accord::testing
