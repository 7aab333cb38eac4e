// The CLI's progress line: drawn on a terminal at most every 100 ms, erased at the end, never
// drawn when off (stderr piped, --json), and the work's own reports on a real store.
#include "accord/cli/progress.h"

#include <gtest/gtest.h>
#include <stdio.h>

#include <string>
#include <vector>

namespace accord::cli {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

struct Capture {
  char* data = nullptr;
  size_t size = 0;
  FILE* file = open_memstream(&data, &size);
  ~Capture() {
    if (file) fclose(file);
    free(data);
  }
  std::string text() {
    fflush(file);
    return std::string(data, size);
  }
};

TEST(ProgressTest, GroupsDigitsInThousands) {
  EXPECT_EQ(GroupDigits(0), "0");
  EXPECT_EQ(GroupDigits(999), "999");
  EXPECT_EQ(GroupDigits(1000), "1,000");
  EXPECT_EQ(GroupDigits(1234567), "1,234,567");
}

TEST(ProgressTest, DrawsAtMostEveryHundredMillisecondsAndErasesAtTheEnd) {
  Capture out;
  Clock::time_point now{};
  {
    TerminalProgress p("ledger verify", out.file, true, [&] { return now; });
    Progress cb = p.callback();
    ASSERT_TRUE(cb);
    cb("checking entries", 10, 200);  // too soon: quick work shows nothing
    EXPECT_EQ(out.text(), "");
    now += milliseconds(150);
    cb("checking entries", 50, 200);
    EXPECT_EQ(out.text(), "\rledger verify: checking entries 50 of 200 (25%)\033[K");
    now += milliseconds(50);
    cb("checking entries", 60, 200);  // within 100 ms of the last draw
    now += milliseconds(100);
    cb("checking tree nodes", 1500, 0);  // no total: a count alone
  }
  EXPECT_EQ(out.text(),
            "\rledger verify: checking entries 50 of 200 (25%)\033[K"
            "\rledger verify: checking tree nodes 1,500\033[K"
            "\r\033[K");
}

TEST(ProgressTest, OffMeansNoCallbackAndNoOutput) {
  Capture out;
  Clock::time_point now{};
  {
    TerminalProgress p("backup", out.file, false, [&] { return now; });
    EXPECT_FALSE(p.callback());  // the work skips reporting altogether
    p.Finish();
  }
  EXPECT_EQ(out.text(), "");
}

TEST(ProgressTest, QuickWorkLeavesNothingBehind) {
  Capture out;
  Clock::time_point now{};
  {
    TerminalProgress p("restore", out.file, true, [&] { return now; });
    p.callback()("restoring entries", 5, 5);
  }
  EXPECT_EQ(out.text(), "");
}

TEST(ProgressTest, ReportProgressThrottlesPerUnitAndAlwaysReportsTheLast) {
  std::vector<uint64_t> seen;
  Progress cb = [&](std::string_view, uint64_t done, uint64_t) { seen.push_back(done); };
  for (uint64_t i = 1; i <= 2500; ++i) ReportProgress(cb, "x", i, 2500);
  EXPECT_EQ(seen, (std::vector<uint64_t>{1024, 2048, 2500}));
  ReportProgress({}, "x", 1024, 2500);  // an empty callback is skipped
}

}  // namespace
}  // namespace accord::cli
