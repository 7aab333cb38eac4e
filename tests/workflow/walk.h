// Walks every state × action of a workflow against the moves a test writes out: each listed
// move leads where it says, and every pair not listed is refused.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <map>
#include <utility>

namespace accord::workflow::walk {

template <class S, class A, size_t NS, size_t NA, class NextFn>
void ExpectExactlyTheseMoves(const S (&states)[NS], const A (&actions)[NA],
                             const std::map<std::pair<S, A>, S>& expected, NextFn next) {
  size_t moves = 0;
  for (S s : states) {
    for (A a : actions) {
      auto it = expected.find({s, a});
      auto to = next(s, a);
      if (it == expected.end()) {
        EXPECT_FALSE(to) << Name(a) << " from " << Name(s);
      } else {
        ASSERT_TRUE(to) << Name(a) << " from " << Name(s);
        EXPECT_EQ(*to, it->second) << Name(a) << " from " << Name(s);
        ++moves;
      }
    }
  }
  EXPECT_EQ(moves, expected.size());
}

}  // namespace accord::workflow::walk
