#include "support/smtp_server.h"
#include "support/build_paths.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/process.h"

namespace accord::testing {

namespace {

std::string Script() { return SourceDir() + "/scripts/smtp-test-server.sh"; }

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

SmtpTestServer::SmtpTestServer() : dir_(tmp_.path() / "smtp") {
  // exim drops root for its own user (Debian-exim), which must be able to reach DIR.
  std::filesystem::permissions(
      tmp_.path(), std::filesystem::perms::group_exec | std::filesystem::perms::others_exec,
      std::filesystem::perm_options::add);
  CommandResult r = RunProgram({"/bin/bash", Script(), "start", dir_.string()});
  if (r.exit_code != 0) {
    error_ =
        "smtp-test-server.sh start failed (" + std::to_string(r.exit_code) + "): " + r.out + r.err;
    return;
  }
  std::string port = ReadAll(dir_ / "port");
  try {
    port_ = static_cast<uint16_t>(std::stoi(port));
  } catch (...) {
    error_ = "no port in " + (dir_ / "port").string() + ": " + r.out + r.err;
  }
}

SmtpTestServer::~SmtpTestServer() { Stop(); }

void SmtpTestServer::Stop() {
  if (stopped_ || !started()) return;
  stopped_ = true;
  (void)RunProgram({"/bin/bash", Script(), "stop", dir_.string()});
}

std::filesystem::path SmtpTestServer::ca_file() const { return dir_ / "cert.pem"; }

std::vector<std::string> SmtpTestServer::Messages() const {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir_ / "Maildir" / "new", ec)) {
    files.push_back(e.path());
  }
  // Maildir names start with the delivery time, "SECONDS.M<microseconds>P<pid>", the
  // microseconds not zero-padded: sorted as numbers.
  auto when = [](const std::filesystem::path& p) {
    std::string name = p.filename().string();
    long long seconds = std::atoll(name.c_str());
    size_t m = name.find(".M");
    long long micros = m == std::string::npos ? 0 : std::atoll(name.c_str() + m + 2);
    return std::pair{seconds, micros};
  };
  std::sort(files.begin(), files.end(),
            [&](const auto& a, const auto& b) { return when(a) < when(b); });
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(ReadAll(f));
  return out;
}

std::vector<std::string> SmtpTestServer::WaitForMessages(size_t n,
                                                         std::chrono::seconds timeout) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    auto messages = Messages();
    if (messages.size() >= n || std::chrono::steady_clock::now() > deadline) return messages;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace accord::testing
