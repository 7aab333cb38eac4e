#include "accord/policy/profile.h"

#include <gtest/gtest.h>

namespace accord::policy {
namespace {

TEST(ProfileTest, BuiltinProfilesLoad) {
  for (const auto& name : {"luma", "bloomapi", "janus"}) {
    auto p = LoadProfile(name);
    ASSERT_TRUE(p.ok()) << p.error().message;
    EXPECT_EQ(p->name, name);
    EXPECT_EQ(p->sha256.size(), 64u);
  }
}

TEST(ProfileTest, UnknownKeyIsAnErrorWithItsLine) {
  auto p = ParseProfile("[profile]\nname = \"x\"\ncolour = \"red\"\n", "x.toml");
  ASSERT_FALSE(p.ok());
  ASSERT_EQ(p.error().details.size(), 1u);
  EXPECT_EQ(p.error().details[0].field, "profile.colour");
  EXPECT_EQ(p.error().details[0].line, 3);
}

TEST(ProfileTest, UnknownSectionIsAnError) {
  auto p = ParseProfile("[profile]\nname = \"x\"\n\n[bogus]\na = 1\n", "x.toml");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().details[0].field, "bogus");
  EXPECT_EQ(p.error().details[0].line, 4);
}

TEST(ProfileTest, SyntaxErrorCarriesTheLine) {
  auto p = ParseProfile("[profile]\nname = \"x\"\nbroken = \n", "x.toml");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().details[0].line, 3);
}

TEST(ProfileTest, MissingNameAndMissingFile) {
  EXPECT_FALSE(ParseProfile("[profile]\ntitle = \"x\"\n", "x.toml").ok());
  auto missing = LoadProfile("/nonexistent/profile.toml");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("luma"), std::string::npos);
}

}  // namespace
}  // namespace accord::policy
