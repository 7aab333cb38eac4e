#include "accord/core/bytes.h"

#include <gtest/gtest.h>

#include <string>

namespace accord {
namespace {

TEST(HexTest, EncodesLowercase) {
  EXPECT_EQ(HexEncode(Bytes{}), "");
  EXPECT_EQ(HexEncode(Bytes{0x00, 0x01, 0xab, 0xff}), "0001abff");
}

TEST(HexTest, DecodesEitherCase) {
  auto r = HexDecode("0001AbFf");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r, (Bytes{0x00, 0x01, 0xab, 0xff}));
  EXPECT_TRUE(HexDecode("")->empty());
}

TEST(HexTest, RejectsOddLengthAndNonHex) {
  auto odd = HexDecode("abc");
  ASSERT_FALSE(odd.ok());
  EXPECT_EQ(odd.error().code, ErrorCode::kValidationFailed);
  EXPECT_NE(odd.error().message.find("odd length 3"), std::string::npos);

  auto bad = HexDecode("00zz");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("'z' at offset 2"), std::string::npos);
  EXPECT_NE(HexDecode("0\n").error().message.find("\\x0a at offset 1"), std::string::npos);
}

// RFC 4648 section 10 test vectors.
TEST(Base64Test, Rfc4648Vectors) {
  const std::pair<std::string_view, std::string_view> cases[] = {{"", ""},
                                                                 {"f", "Zg=="},
                                                                 {"fo", "Zm8="},
                                                                 {"foo", "Zm9v"},
                                                                 {"foob", "Zm9vYg=="},
                                                                 {"fooba", "Zm9vYmE="},
                                                                 {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : cases) {
    EXPECT_EQ(Base64Encode(AsBytes(plain)), encoded);
    auto decoded = Base64Decode(encoded);
    ASSERT_TRUE(decoded.ok()) << encoded;
    EXPECT_EQ(AsString(*decoded), plain);

    std::string url(encoded.substr(0, encoded.find('=')));
    EXPECT_EQ(Base64UrlEncode(AsBytes(plain)), url);
    auto url_decoded = Base64UrlDecode(url);
    ASSERT_TRUE(url_decoded.ok()) << url;
    EXPECT_EQ(AsString(*url_decoded), plain);
  }
}

TEST(Base64Test, AlphabetsDifferInLastTwoChars) {
  const Bytes data{0xfb, 0xff, 0xbf};
  EXPECT_EQ(Base64Encode(data), "+/+/");
  EXPECT_EQ(Base64UrlEncode(data), "-_-_");
  EXPECT_FALSE(Base64Decode("-_-_").ok());
  EXPECT_FALSE(Base64UrlDecode("+/+/").ok());
}

TEST(Base64Test, RejectsMalformedInput) {
  for (std::string_view bad : {"Zg=", "Zg", "Z===", "====", "Zg==Zg==", "Zm9v YmFy", "Zm9v\n",
                               "Zh==", "Zm9=", "Zm8x=", "Zm!v"}) {
    auto r = Base64Decode(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed);
    }
  }
  EXPECT_NE(Base64Decode("Zh==").error().message.find("padding bits"), std::string::npos);
  EXPECT_NE(Base64Decode("Zm!v").error().message.find("'!' at offset 2"), std::string::npos);
  for (std::string_view bad : {"Zg==", "Z", "Zh", "Zm9", "Zm9vY", "Zm9v+w"}) {
    EXPECT_FALSE(Base64UrlDecode(bad).ok()) << bad;
  }
}

TEST(Base64Test, RoundTripsEveryLengthAndByte) {
  Bytes data;
  for (int n = 0; n < 300; ++n) {
    for (auto* decode : {&Base64Decode, &Base64UrlDecode}) {
      const std::string text = decode == &Base64Decode ? Base64Encode(data) : Base64UrlEncode(data);
      auto back = (*decode)(text);
      ASSERT_TRUE(back.ok()) << text;
      EXPECT_EQ(*back, data);
    }
    data.push_back(static_cast<uint8_t>(n * 37 + 11));
  }
}

TEST(RandomBytesTest, ReturnsRequestedLengthAndVaries) {
  EXPECT_TRUE(RandomBytes(0).empty());
  const Bytes a = RandomBytes(32), b = RandomBytes(32);
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);
}

TEST(ConstantTimeEqualsTest, ComparesContentAndLength) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("secret", "secret"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secreT"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secret1"));
  EXPECT_FALSE(ConstantTimeEquals("secret1", "secret"));
  EXPECT_FALSE(ConstantTimeEquals("", "x"));
}

TEST(AsBytesTest, ViewsWithoutCopying) {
  const std::string s("a\0b", 3);
  EXPECT_EQ(AsBytes(s).data(), reinterpret_cast<const uint8_t*>(s.data()));
  EXPECT_EQ(AsString(AsBytes(s)), s);
}

}  // namespace
}  // namespace accord
