#include "accord/core/ids.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_set>

namespace accord {
namespace {

using std::chrono::milliseconds;

TEST(IdsTest, HasPrefixAndFixedLength) {
  const std::string id = NewId("pty");
  ASSERT_EQ(id.size(), 3u + 1 + 26);
  EXPECT_EQ(id.substr(0, 4), "pty_");
  EXPECT_TRUE(IsValidId(id, "pty"));
  EXPECT_FALSE(IsValidId(id, "agr"));
  EXPECT_FALSE(IsValidId(id, "pt"));
}

TEST(IdsTest, FirstTenCharsEncodeTheMillisecond) {
  EXPECT_EQ(NewId("x", TimePoint{}).substr(2, 10), "0000000000");
  EXPECT_EQ(NewId("x", TimePoint{milliseconds{1}}).substr(2, 10), "0000000001");
  EXPECT_EQ(NewId("x", TimePoint{milliseconds{32}}).substr(2, 10), "0000000010");
  EXPECT_EQ(NewId("x", TimePoint{milliseconds{(int64_t{1} << 48) - 1}}).substr(2, 10),
            "7zzzzzzzzz");
  // Out-of-range times clamp instead of wrapping, so order is kept at the edges.
  EXPECT_EQ(NewId("x", TimePoint{milliseconds{-5}}).substr(2, 10), "0000000000");
  EXPECT_EQ(NewId("x", TimePoint{milliseconds{int64_t{1} << 50}}).substr(2, 10), "7zzzzzzzzz");
}

TEST(IdsTest, UniqueWithinOneMillisecond) {
  const TimePoint now{milliseconds{1'790'000'000'000}};
  std::unordered_set<std::string> seen;
  for (int i = 0; i < 100'000; ++i) {
    const std::string id = NewId("usr", now);
    ASSERT_TRUE(IsValidId(id, "usr")) << id;
    ASSERT_TRUE(seen.insert(id).second) << "duplicate " << id;
  }
}

TEST(IdsTest, SortInCreationOrderWithinOneMillisecond) {
  // docs/registry.md promises creation order for lists, which sort by id: a bulk import
  // makes hundreds of ids in one millisecond.
  const TimePoint now{milliseconds{1'790'000'000'123}};
  std::string previous = NewId("pty", now);
  for (int i = 0; i < 10'000; ++i) {
    const std::string next = NewId(i % 2 ? "pty" : "cnt", now);
    ASSERT_LT(previous.substr(4), next.substr(4)) << i;
    ASSERT_EQ(next.substr(4, 10), previous.substr(4, 10)) << "the millisecond stays";
    previous = next;
  }
}

TEST(IdsTest, SortByCreationTime) {
  TimePoint t{milliseconds{1'790'000'000'000}};
  std::string previous = NewId("agr", t);
  for (int i = 0; i < 10'000; ++i) {
    t += milliseconds{1 + i % 3 * 1000};
    const std::string next = NewId("agr", t);
    ASSERT_LT(previous, next);
    previous = next;
  }
}

TEST(IdsTest, RejectsMalformedIds) {
  const std::string good = "pty_01jd3kq7m8x9y0z1a2b3c4d5e6";
  ASSERT_TRUE(IsValidId(good, "pty"));
  EXPECT_FALSE(IsValidId("", "pty"));
  EXPECT_FALSE(IsValidId("pty_", "pty"));
  EXPECT_FALSE(IsValidId("pty-01jd3kq7m8x9y0z1a2b3c4d5e6", "pty"));
  EXPECT_FALSE(IsValidId("pty_01JD3KQ7M8X9Y0Z1A2B3C4D5E6", "pty"));  // canonical form is lower
  EXPECT_FALSE(IsValidId("pty_01jd3kq7m8x9y0z1a2b3c4d5e", "pty"));   // too short
  EXPECT_FALSE(IsValidId("pty_01jd3kq7m8x9y0z1a2b3c4d5e67", "pty"));
  EXPECT_FALSE(IsValidId("pty_81jd3kq7m8x9y0z1a2b3c4d5e6", "pty"));  // over 128 bits
  for (char c : {'i', 'l', 'o', 'u', '_', '-'}) {
    std::string bad = good;
    bad[10] = c;
    EXPECT_FALSE(IsValidId(bad, "pty")) << bad;
  }
}

}  // namespace
}  // namespace accord
