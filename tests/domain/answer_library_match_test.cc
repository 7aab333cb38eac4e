// Matching a customer's paraphrased questions to our library (issue 28, part 5), on a small
// realistic fixture (tests/testdata/answer_library/): 43 approved answers and a customer's
// 42 questions worded its own way. Most must find the right answer first, and the rest
// within the three suggestions an officer is shown.
#include "accord/domain/answer_library_match.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>

#include "accord/core/csv.h"
#include "support/temp_dir.h"

namespace accord::domain {
namespace {

CsvTable Load(const std::string& name) {
  std::ifstream in(testing::TestdataDir() / "answer_library" / name, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto table = ParseCsv(text);
  EXPECT_TRUE(table.ok()) << name;
  return table.ok() ? std::move(*table) : CsvTable{};
}

TEST(AnswerLibraryMatchTest, TokensAreNormalised) {
  EXPECT_EQ(MatchTokens("Do you ENCRYPT the data?"), (std::vector<std::string>{"encry", "data"}));
  EXPECT_EQ(MatchTokens("encryption, encrypted"), (std::vector<std::string>{"encry", "encry"}));
  EXPECT_EQ(MatchTokens("MFA"), (std::vector<std::string>{"multi", "facto"}));
  EXPECT_EQ(MatchTokens("policies"), MatchTokens("policy"));
  EXPECT_TRUE(MatchTokens("the of and").empty());
}

TEST(AnswerLibraryMatchTest, ParaphrasedQuestionsFindTheirAnswer) {
  CsvTable library = Load("library.csv"), customer = Load("customer.csv");
  CsvTable expected = Load("expected.csv");
  ASSERT_GE(library.rows.size(), 30u);
  std::vector<AnswerMatcher::Entry> entries;
  std::vector<std::string> keys;
  for (const auto& r : library.rows) {
    entries.push_back({r.fields[1], r.fields[2]});
    keys.push_back(r.fields[0]);
  }
  std::map<std::string, std::string> want;
  for (const auto& r : expected.rows) want[r.fields[0]] = r.fields[1];
  AnswerMatcher matcher(entries);
  size_t first = 0, top3 = 0;
  std::string misses;
  for (const auto& r : customer.rows) {
    auto got = matcher.Match(r.fields[2], 3);
    const std::string& key = want.at(r.fields[0]);
    bool in_top3 = false;
    for (const auto& s : got) in_top3 |= keys[s.entry] == key;
    if (!got.empty() && keys[got[0].entry] == key) {
      ++first;
    } else {
      misses += "\n  " + r.fields[0] + " " + r.fields[2] + " -> " +
                (got.empty() ? "nothing" : keys[got[0].entry]) + " (want " + key + ")";
    }
    top3 += in_top3;
  }
  size_t n = customer.rows.size();
  std::printf("first: %zu of %zu; in the top 3: %zu\n", first, n, top3);
  EXPECT_GE(first * 10, n * 8) << first << " of " << n << " first:" << misses;
  EXPECT_GE(top3 * 100, n * 95) << top3 << " of " << n << " in the top 3";
}

TEST(AnswerLibraryMatchTest, ScoresAreCosinesBestFirst) {
  AnswerMatcher matcher({{"Is ePHI encrypted at rest?", "Yes, AES-256."},
                         {"Do you have a SOC 2 report?", "Yes."},
                         {"Do you require MFA?", "Yes."}});
  auto same = matcher.Match("Is ePHI encrypted at rest?", 3);
  ASSERT_FALSE(same.empty());
  EXPECT_EQ(same[0].entry, 0u);
  EXPECT_GT(same[0].score, 0.8);
  EXPECT_LE(same[0].score, 1.0);
  for (size_t i = 1; i < same.size(); ++i) EXPECT_LE(same[i].score, same[i - 1].score);
  EXPECT_TRUE(matcher.Match("Favourite colour?", 3).empty());
  EXPECT_TRUE(AnswerMatcher({}).Match("anything").empty());
}

}  // namespace
}  // namespace accord::domain
