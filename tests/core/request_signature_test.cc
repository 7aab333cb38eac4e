// X-Twilio-Signature (core/request_signature.h) against the example in the provider's webhook
// security documentation, which its SDKs' RequestValidator tests also use: auth token 12345,
// this URL and these POST parameters give RSOYDt4T1cUTdK1PDd93/VVr8B8=. Any change to the
// token, the URL, a parameter or the signature itself is refused.
#include <gtest/gtest.h>

#include "accord/core/request_signature.h"

namespace accord {
namespace {

const std::string kToken = "12345";
const std::string kUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";
const std::map<std::string, std::string> kParams = {{"CallSid", "CA1234567890ABCDE"},
                                                    {"Caller", "+14158675309"},
                                                    {"Digits", "1234"},
                                                    {"From", "+14158675309"},
                                                    {"To", "+18005551212"}};
const std::string kSignature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

TEST(RequestSignatureTest, MatchesTheProvidersDocumentedExample) {
  EXPECT_EQ(TwilioSignature(kToken, kUrl, kParams), kSignature);
  EXPECT_TRUE(VerifyTwilioSignature(kToken, kUrl, kParams, kSignature));
}

TEST(RequestSignatureTest, RefusesEveryChange) {
  EXPECT_FALSE(VerifyTwilioSignature("12346", kUrl, kParams, kSignature));
  EXPECT_FALSE(VerifyTwilioSignature(kToken, kUrl + "&baz=3", kParams, kSignature));
  EXPECT_FALSE(VerifyTwilioSignature(kToken, "http://mycompany.com/myapp.php?foo=1&bar=2", kParams,
                                     kSignature));
  auto changed = kParams;
  changed["Digits"] = "1235";
  EXPECT_FALSE(VerifyTwilioSignature(kToken, kUrl, changed, kSignature));
  auto added = kParams;
  added["Extra"] = "";
  EXPECT_FALSE(VerifyTwilioSignature(kToken, kUrl, added, kSignature));
  for (size_t i = 0; i < kSignature.size(); ++i) {
    std::string flipped = kSignature;
    flipped[i] = flipped[i] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(VerifyTwilioSignature(kToken, kUrl, kParams, flipped)) << i;
  }
  EXPECT_FALSE(VerifyTwilioSignature(kToken, kUrl, kParams, kSignature.substr(1)));
  EXPECT_FALSE(VerifyTwilioSignature(kToken, kUrl, kParams, ""));
  EXPECT_FALSE(VerifyTwilioSignature("", kUrl, kParams, TwilioSignature("", kUrl, kParams)));
}

}  // namespace
}  // namespace accord
