// Issue 21 item 3: the length rule and the common-password list let `password1234` through;
// an estimator of how guessable a password is (zxcvbn, in bits) refuses it.
#include <gtest/gtest.h>

#include <string>

#include "accord/core/password.h"

namespace accord {
namespace {

void ExpectTooGuessable(std::string_view password, std::string_view email = "") {
  const Status s = CheckPasswordPolicy(password, email);
  ASSERT_FALSE(s.ok()) << "accepted a password of " << password.size() << " bytes";
  EXPECT_EQ(s.error().code, ErrorCode::kValidationFailed);
  ASSERT_EQ(s.error().details.size(), 1u);
  EXPECT_EQ(s.error().details[0].field, "password");
  EXPECT_NE(s.error().details[0].reason.find("easy to guess"), std::string::npos)
      << s.error().details[0].reason;
  EXPECT_EQ(s.error().message.find(password), std::string::npos) << "the message leaks it";
}

TEST(PasswordStrengthTest, LongButPredictablePasswordsAreRefused) {
  for (const char* weak : {"password1234", "qwertyuiop12", "aaaaaaaaaaaa", "letmein12345",
                           "iloveyou2024", "Summer2024!!", "123456789012", "abcdefghijkl"}) {
    ExpectTooGuessable(weak);
  }
}

TEST(PasswordStrengthTest, ThePersonsOwnNameMakesAPasswordWeaker) {
  // Not the "contains the local part" rule (that needs the whole local part): the estimator
  // is told the email's words, so a password built on them scores as the guess it is.
  ExpectTooGuessable("quintessa-zbigniew", "zbigniew.quintessa@luma.example");
}

TEST(PasswordStrengthTest, StrongPassphrasesAndRandomStringsPass) {
  for (const char* strong : {"correcthorsebatterystaple", "correct horse battery staple",
                             "blue-harbor-lantern-42", "J7#kp2!vQz9w", "kq7-vx2-mwp4"}) {
    const Status s = CheckPasswordPolicy(strong);
    EXPECT_TRUE(s.ok()) << strong << ": " << (s.ok() ? "" : s.error().message);
  }
}

TEST(PasswordStrengthTest, EstimateIsInBitsAsZxcvbnReportsThem) {
  EXPECT_LT(PasswordStrengthBits("password1234"), 10.0);
  EXPECT_GT(PasswordStrengthBits("correcthorsebatterystaple"), 40.0);
  // The minimum is the caller's (the profile's): 0 turns the estimate off.
  EXPECT_TRUE(CheckPasswordPolicy("password1234", "", 0).ok());
  EXPECT_FALSE(CheckPasswordPolicy("correcthorsebatterystaple", "", 60).ok());
}

}  // namespace
}  // namespace accord
