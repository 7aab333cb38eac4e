#include "accord/core/password.h"

#include <gtest/gtest.h>

#include <string>

namespace accord {
namespace {

// Cheap parameters keep the (sanitizer) suite fast; one test uses the defaults.
constexpr Argon2Params kFast{.memory_kib = 64, .iterations = 1, .parallelism = 1};

std::string Hash(std::string_view password) {
  Result<std::string> phc = HashPassword(password, kFast);
  EXPECT_TRUE(phc.ok()) << phc.error().message;
  return phc.ok() ? *phc : std::string();
}

std::string Repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// Asserts the policy refuses `password` for the given reason, without echoing the password.
void ExpectRefused(std::string_view password, std::string_view reason_part,
                   std::string_view email = "") {
  const Status s = CheckPasswordPolicy(password, email);
  ASSERT_FALSE(s.ok()) << "accepted a password of " << password.size() << " bytes";
  EXPECT_EQ(s.error().code, ErrorCode::kValidationFailed);
  ASSERT_EQ(s.error().details.size(), 1u);
  EXPECT_EQ(s.error().details[0].field, "password");
  EXPECT_NE(s.error().message.find(reason_part), std::string::npos) << s.error().message;
  if (!password.empty()) {
    EXPECT_EQ(s.error().message.find(password), std::string::npos) << "message leaks password";
  }
}

// `min_bits` 0 leaves out the guessability estimate (password_strength_test.cc), to test one
// of the other rules alone.
void ExpectAccepted(std::string_view password, std::string_view email = "",
                    int min_bits = kDefaultPasswordMinBits) {
  const Status s = CheckPasswordPolicy(password, email, min_bits);
  EXPECT_TRUE(s.ok()) << s.error().message;
}

TEST(PasswordHashTest, DefaultsAreOwaspArgon2id) {
  Result<std::string> phc = HashPassword("correct horse battery staple");
  ASSERT_TRUE(phc.ok()) << phc.error().message;
  EXPECT_TRUE(phc->starts_with("$argon2id$v=19$m=19456,t=2,p=1$")) << *phc;
  EXPECT_TRUE(VerifyPassword("correct horse battery staple", *phc));
  EXPECT_FALSE(VerifyPassword("correct horse battery stapler", *phc));
}

TEST(PasswordHashTest, VerifiesOnlyTheRightPassword) {
  const std::string phc = Hash("correct horse battery staple");
  EXPECT_TRUE(phc.starts_with("$argon2id$v=19$m=64,t=1,p=1$")) << phc;
  EXPECT_TRUE(VerifyPassword("correct horse battery staple", phc));
  EXPECT_FALSE(VerifyPassword("Correct horse battery staple", phc));
  EXPECT_FALSE(VerifyPassword("correct horse battery stapl", phc));
  EXPECT_FALSE(VerifyPassword("", phc));
}

TEST(PasswordHashTest, EmptyAndBinaryPasswordsHash) {
  EXPECT_TRUE(VerifyPassword("", Hash("")));
  const std::string binary("a\0b\xff", 4);
  const std::string phc = Hash(binary);
  EXPECT_TRUE(VerifyPassword(binary, phc));
  EXPECT_FALSE(VerifyPassword("a", phc)) << "must not stop at the NUL";
}

TEST(PasswordHashTest, SaltMakesEveryHashDifferent) {
  const std::string a = Hash("correct horse battery staple");
  const std::string b = Hash("correct horse battery staple");
  EXPECT_NE(a, b);
  EXPECT_TRUE(VerifyPassword("correct horse battery staple", a));
  EXPECT_TRUE(VerifyPassword("correct horse battery staple", b));
}

TEST(PasswordHashTest, MalformedHashIsFalse) {
  const std::string phc = Hash("pw");
  for (std::string_view bad : {"", "$", "not a hash", "$argon2id$", "$argon2id$v=19$m=64,t=1,p=1$",
                               "$argon2id$v=19$m=64,t=1,p=1$$"}) {
    EXPECT_FALSE(VerifyPassword("pw", bad)) << bad;
  }
  std::string argon2i = phc;
  argon2i.replace(0, 9, "$argon2i");
  EXPECT_FALSE(VerifyPassword("pw", argon2i)) << "another Argon2 variant";
  EXPECT_FALSE(VerifyPassword("pw", phc.substr(0, phc.size() - 10)));
  EXPECT_FALSE(VerifyPassword("pw", phc + std::string(1, '\0') + "junk"));
  EXPECT_FALSE(VerifyPassword("pw", phc + std::string(600, 'A')));
}

TEST(PasswordHashTest, EveryChangedCharacterIsDetected) {
  const std::string phc = Hash("pw");
  for (size_t i = 0; i < phc.size(); ++i) {
    std::string corrupt = phc;
    corrupt[i] = corrupt[i] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(VerifyPassword("pw", corrupt)) << "offset " << i << ": " << corrupt;
  }
  EXPECT_TRUE(VerifyPassword("pw", phc));
}

TEST(PasswordHashTest, DummyHashIsADefaultCostHash) {
  const std::string& dummy = DummyPasswordHash();
  EXPECT_TRUE(dummy.starts_with("$argon2id$v=19$m=19456,t=2,p=1$")) << dummy;
  EXPECT_EQ(&dummy, &DummyPasswordHash()) << "made once";
  EXPECT_FALSE(VerifyPassword("", dummy));
}

TEST(PasswordPolicyTest, LengthIsTwelveToOneHundredTwentyEightCharacters) {
  ExpectRefused("kq7-vx2-mwp", "at least 12 characters");
  ExpectAccepted("kq7-vx2-mwp4");
  ExpectAccepted(Repeat("kq7-vx2-", 16));
  ExpectRefused(Repeat("kq7-vx2-", 16) + "x", "at most 128 characters");
}

TEST(PasswordPolicyTest, CountsCodePointsNotBytes) {
  ExpectAccepted(Repeat("\xc3\xa9", 12), "", 0);  // 12 x U+00E9, 24 bytes
  ExpectRefused(Repeat("\xc3\xa9", 11), "at least 12");
  ExpectAccepted(Repeat("\xf0\x9f\x99\x82", 128));  // 128 x U+1F642, 512 bytes
  ExpectRefused(Repeat("\xf0\x9f\x99\x82", 129), "at most 128");
}

TEST(PasswordPolicyTest, NoCompositionRules) {
  ExpectAccepted("correct horse battery staple");
  ExpectAccepted("zqxjkvbwpfmy");
}

TEST(PasswordPolicyTest, RefusesInvalidUtf8) {
  ExpectRefused("kq7-vx2-mwp4\xff", "UTF-8");
  ExpectRefused("kq7-vx2-mwp4\xc0\xaf", "UTF-8");      // overlong '/'
  ExpectRefused("kq7-vx2-mwp4\xed\xa0\x80", "UTF-8");  // surrogate
}

TEST(PasswordPolicyTest, RefusesCommonPasswordsIgnoringCase) {
  // The only list entry long enough to reach the list check (see data/README.md).
  ASSERT_TRUE(IsCommonPassword("winniethepooh"));
  ExpectRefused("winniethepooh", "commonly used");
  ExpectRefused("WinnieThePooh", "commonly used");
  ExpectRefused("WINNIETHEPOOH", "commonly used");
  ExpectAccepted("winniethepooh!", "", 0);  // exact match only
}

TEST(PasswordPolicyTest, CommonListIsLoadedAndCaseInsensitive) {
  EXPECT_GT(CommonPasswordCount(), 1000u);
  EXPECT_TRUE(IsCommonPassword("password"));
  EXPECT_TRUE(IsCommonPassword("PassWord"));
  EXPECT_TRUE(IsCommonPassword("123456"));
  EXPECT_FALSE(IsCommonPassword("kq7-vx2-mwp4"));
  EXPECT_FALSE(IsCommonPassword("")) << "no blank entry";
  EXPECT_FALSE(
      IsCommonPassword("# this list has been compiled by solar designer of openwall "
                       "project"))
      << "header comments are not entries";
}

TEST(PasswordPolicyTest, RefusesTheEmailLocalPart) {
  ExpectRefused("alice.smith1234", "email", "alice.smith@example.com");
  ExpectRefused("my-ALICE.SMITH-pass", "email", "Alice.Smith@example.com");
  ExpectRefused("xxalice.smith", "email", "alice.smith@example.com");
  ExpectRefused("jo.e", "at least 12", "jo.e@example.com");
  ExpectRefused("zz-jo.e-zzzzzzz", "email", "jo.e@example.com");    // exactly 4 characters
  ExpectAccepted("zz-bob-zzzzzzz", "bob@example.com", 0);           // too short to matter
  ExpectAccepted("example.com-kq7", "alice.smith@example.com", 0);  // only the local part counts
  ExpectAccepted("alice-kq7-vx2-mwp", "alice.smith@example.com", 0);
}

}  // namespace
}  // namespace accord
