// Helpers of the RRULE tests: rrule_test.cc (parsing, formatting, quarters) and
// rrule_expand_test.cc (expansion, the RFC 5545 examples, a day-by-day cross-check).
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <string_view>

#include "accord/core/rrule.h"
#include "accord/core/time.h"

namespace accord::rrule_test {

using std::chrono::milliseconds;
using namespace std::chrono_literals;

inline TimePoint T(std::string_view text) {
  auto r = ParseRfc3339(text);
  EXPECT_TRUE(r.ok()) << text << ": " << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : TimePoint{};
}

inline RRule Rule(std::string_view text) {
  auto r = ParseRRule(text);
  EXPECT_TRUE(r.ok()) << text << ": " << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : RRule{};
}

}  // namespace accord::rrule_test
