// One progress line on a terminal for long CLI work: "ledger verify: checking entries
// 120,000 of 500,000 (24%)", redrawn at most every 100 ms and erased when the work ends, so
// the result lines stay as they are. Quiet when stderr is not a terminal or with --json.
#pragma once

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

#include "accord/core/progress.h"

namespace accord::cli {

class TerminalProgress {
 public:
  using Now = std::function<std::chrono::steady_clock::time_point()>;

  // For the CLI: draws on stderr when it is a terminal and the output is not --json.
  static TerminalProgress ForCommand(std::string label, bool json);
  // For tests: draws on `out` when `enabled`, reading the time from `now`.
  TerminalProgress(std::string label, std::FILE* out, bool enabled, Now now);
  ~TerminalProgress();
  // The callback holds `this`: the object stays where it was made (returned by elision).
  TerminalProgress(TerminalProgress&&) = delete;
  TerminalProgress& operator=(TerminalProgress&&) = delete;

  // The callback to hand to the work; empty when drawing is off, so the work skips it.
  Progress callback();
  // Erases the line, if one was drawn (the destructor does it too).
  void Finish();

 private:
  void Update(std::string_view phase, uint64_t done, uint64_t total);

  std::string label_;
  std::FILE* out_;
  bool enabled_;
  Now now_;
  std::chrono::steady_clock::time_point last_{};
  bool drawn_ = false;
};

// 1234567 -> "1,234,567".
std::string GroupDigits(uint64_t n);

}  // namespace accord::cli
