#include "accord/cli/progress.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace accord::cli {

namespace {

// The first draw waits this long too, so quick work never flickers a line.
constexpr std::chrono::milliseconds kInterval{100};

}  // namespace

std::string GroupDigits(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

TerminalProgress TerminalProgress::ForCommand(std::string label, bool json) {
  const char* term = std::getenv("TERM");
  const bool dumb = term && std::strcmp(term, "dumb") == 0;
  return TerminalProgress(std::move(label), stderr, !json && !dumb && ::isatty(STDERR_FILENO),
                          [] { return std::chrono::steady_clock::now(); });
}

TerminalProgress::TerminalProgress(std::string label, std::FILE* out, bool enabled, Now now)
    : label_(std::move(label)), out_(out), enabled_(enabled), now_(std::move(now)) {
  if (enabled_) last_ = now_();
}

TerminalProgress::~TerminalProgress() { Finish(); }

Progress TerminalProgress::callback() {
  if (!enabled_) return {};
  return
      [this](std::string_view phase, uint64_t done, uint64_t total) { Update(phase, done, total); };
}

void TerminalProgress::Update(std::string_view phase, uint64_t done, uint64_t total) {
  const auto now = now_();
  if (now - last_ < kInterval) return;
  last_ = now;
  std::string line = label_ + ": " + std::string(phase) + " " + GroupDigits(done);
  if (total > 0) {
    line += " of " + GroupDigits(total) + " (" + std::to_string(done * 100 / total) + "%)";
  }
  // Carriage return, the line, then erase whatever a longer earlier line left.
  std::fprintf(out_, "\r%s\033[K", line.c_str());
  std::fflush(out_);
  drawn_ = true;
}

void TerminalProgress::Finish() {
  if (!drawn_) return;
  std::fprintf(out_, "\r\033[K");
  std::fflush(out_);
  drawn_ = false;
}

}  // namespace accord::cli
