#include "accord/core/otp.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "support/temp_dir.h"

namespace accord {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const fs::path kOtpData = accord::testing::TestdataDir() / "otp";

// A missing file fails the test (as in merkle_test): reference vectors are never optional.
json::value LoadJson(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path << " (tests/testdata/otp)";
    return json::object{};
  }
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

TimePoint At(int64_t unix_seconds) { return TimePoint(std::chrono::seconds(unix_seconds)); }

const Bytes kKey(AsBytes("12345678901234567890").begin(), AsBytes("12345678901234567890").end());

TEST(OtpVectors, Rfc4226Hotp) {
  const json::value doc = LoadJson(kOtpData / "rfc4226-hotp.json");
  ASSERT_TRUE(doc.as_object().contains("vectors"));
  const std::string_view secret = doc.at("secret_ascii").as_string();
  const OtpParams p{.digits = doc.at("digits").to_number<int>()};
  const json::array& vectors = doc.at("vectors").as_array();
  ASSERT_EQ(vectors.size(), 10u);
  for (const json::value& v : vectors) {
    const auto counter = v.at("counter").to_number<uint64_t>();
    EXPECT_EQ(Hotp(AsBytes(secret), counter, p), v.at("otp").as_string()) << "counter " << counter;
  }
}

TEST(OtpVectors, Rfc6238TotpAllAlgorithms) {
  const json::value doc = LoadJson(kOtpData / "rfc6238-totp.json");
  ASSERT_TRUE(doc.as_object().contains("vectors"));
  const std::pair<const char*, OtpAlgorithm> algorithms[] = {{"sha1", OtpAlgorithm::kSha1},
                                                             {"sha256", OtpAlgorithm::kSha256},
                                                             {"sha512", OtpAlgorithm::kSha512}};
  const json::array& vectors = doc.at("vectors").as_array();
  ASSERT_EQ(vectors.size(), 6u);
  int checked = 0;
  for (const auto& [name, algorithm] : algorithms) {
    const std::string_view secret = doc.at("secrets_ascii").at(name).as_string();
    const OtpParams p{.algorithm = algorithm,
                      .digits = doc.at("digits").to_number<int>(),
                      .step_seconds = doc.at("step_seconds").to_number<int64_t>()};
    for (const json::value& v : vectors) {
      const auto t = v.at("unix_time").to_number<int64_t>();
      const std::string_view want = v.at(name).as_string();
      SCOPED_TRACE(std::string(name) + " at " + std::to_string(t));
      EXPECT_EQ(Totp(AsBytes(secret), At(t), p), want);
      EXPECT_EQ(VerifyTotp(AsBytes(secret), want, At(t), std::nullopt, p, 0), TotpStep(At(t), p));
      ++checked;
    }
  }
  EXPECT_EQ(checked, 18);
}

TEST(OtpTest, StepIsFloorOfElapsedOverPeriod) {
  EXPECT_EQ(TotpStep(At(0)), 0u);
  EXPECT_EQ(TotpStep(At(29)), 0u);
  EXPECT_EQ(TotpStep(At(30)), 1u);
  EXPECT_EQ(TotpStep(TimePoint(std::chrono::milliseconds(59'999))), 1u);
  EXPECT_EQ(TotpStep(At(20000000000)), 666666666u);
  EXPECT_EQ(TotpStep(At(100), {.step_seconds = 60, .t0 = 40}), 1u);
  EXPECT_EQ(TotpStep(At(10), {.t0 = 40}), 0u) << "before t0";
}

TEST(OtpTest, ZeroPadsAndHonoursDigits) {
  // RFC 6238's sha1 vector at 1111111109 starts with a zero.
  EXPECT_EQ(Totp(kKey, At(1111111109), {.digits = 8}), "07081804");
  EXPECT_EQ(Totp(kKey, At(1111111109)), "081804");
  EXPECT_EQ(Hotp(kKey, 0, {.digits = 10}).size(), 10u);
}

TEST(OtpTest, AcceptsOneStepEitherSideButNotTwo) {
  const TimePoint now = At(1'700'000'000);
  const uint64_t step = TotpStep(now);
  for (int delta : {-1, 0, 1}) {
    EXPECT_EQ(VerifyTotp(kKey, Hotp(kKey, step + delta), now, std::nullopt), step + delta) << delta;
  }
  for (int delta : {-2, 2}) {
    const std::string code = Hotp(kKey, step + delta);
    // Guard against a chance collision with a code inside the window.
    ASSERT_NE(code, Hotp(kKey, step - 1));
    ASSERT_NE(code, Hotp(kKey, step));
    ASSERT_NE(code, Hotp(kKey, step + 1));
    EXPECT_EQ(VerifyTotp(kKey, code, now, std::nullopt), std::nullopt) << delta;
  }
  EXPECT_EQ(VerifyTotp(kKey, Hotp(kKey, step + 2), now, std::nullopt, {}, 2), step + 2);
}

TEST(OtpTest, CodeIsUsableOnce) {
  const TimePoint now = At(1'700'000'000);
  const std::string code = Totp(kKey, now);
  const std::optional<uint64_t> used = VerifyTotp(kKey, code, now, std::nullopt);
  ASSERT_TRUE(used.has_value());
  EXPECT_EQ(VerifyTotp(kKey, code, now, used), std::nullopt);
  // Still refused while it stays in the window of later steps.
  EXPECT_EQ(VerifyTotp(kKey, code, now + std::chrono::seconds(30), used), std::nullopt);
}

TEST(OtpTest, OlderStepAfterNewerIsRefused) {
  const TimePoint now = At(1'700'000'000);
  const uint64_t step = TotpStep(now);
  const std::optional<uint64_t> used = VerifyTotp(kKey, Hotp(kKey, step + 1), now, std::nullopt);
  ASSERT_EQ(used, step + 1);
  EXPECT_EQ(VerifyTotp(kKey, Hotp(kKey, step), now, used), std::nullopt);
  EXPECT_EQ(VerifyTotp(kKey, Hotp(kKey, step - 1), now, used), std::nullopt);
}

TEST(OtpTest, SharedCodeInWindowReturnsHighestStep) {
  // Under the RFC 4226 key, steps 153567 and 153569 share a code (found by a search with
  // Python's hmac module). Returning the lower step would let the code in again at the higher.
  const uint64_t low = 153567, high = 153569;
  const std::string code = Hotp(kKey, low);
  ASSERT_EQ(code, "468457");
  ASSERT_EQ(Hotp(kKey, high), code);
  const TimePoint now = At(static_cast<int64_t>(low + 1) * 30);
  EXPECT_EQ(VerifyTotp(kKey, code, now, std::nullopt), high);
  EXPECT_EQ(VerifyTotp(kKey, code, now, high), std::nullopt);
}

TEST(OtpTest, WrongLengthOrNonDigitsNeverMatch) {
  const TimePoint now = At(1'700'000'000);
  const std::string code = Totp(kKey, now);
  EXPECT_EQ(VerifyTotp(kKey, code.substr(1), now, std::nullopt), std::nullopt);
  EXPECT_EQ(VerifyTotp(kKey, code + "0", now, std::nullopt), std::nullopt);
  EXPECT_EQ(VerifyTotp(kKey, "", now, std::nullopt), std::nullopt);
  EXPECT_EQ(VerifyTotp(kKey, " " + code.substr(1), now, std::nullopt), std::nullopt);
  EXPECT_EQ(VerifyTotp(kKey, "12345a", now, std::nullopt), std::nullopt);
  EXPECT_EQ(VerifyTotp(kKey, "-12345", now, std::nullopt), std::nullopt);
  EXPECT_EQ(VerifyTotp(kKey, Totp(kKey, now, {.digits = 8}), now, std::nullopt), std::nullopt);
}

TEST(OtpTest, WrongKeyIsRefused) {
  const TimePoint now = At(1'700'000'000);
  const Bytes other = RandomBytes(20);
  EXPECT_EQ(VerifyTotp(other, Totp(kKey, now), now, std::nullopt, {}, 0), std::nullopt);
}

// RFC 4648 section 10 vectors, without the padding authenticator apps leave out.
TEST(OtpBase32Test, Rfc4648Vectors) {
  const std::pair<std::string_view, std::string_view> cases[] = {{"", ""},
                                                                 {"f", "MY"},
                                                                 {"fo", "MZXQ"},
                                                                 {"foo", "MZXW6"},
                                                                 {"foob", "MZXW6YQ"},
                                                                 {"fooba", "MZXW6YTB"},
                                                                 {"foobar", "MZXW6YTBOI"}};
  for (const auto& [plain, encoded] : cases) {
    EXPECT_EQ(Base32Encode(AsBytes(plain)), encoded);
    Result<Bytes> decoded = Base32Decode(encoded);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(AsString(*decoded), plain);
  }
}

TEST(OtpBase32Test, RoundTripsEveryLength) {
  for (size_t n = 0; n <= 64; ++n) {
    const Bytes data = RandomBytes(n);
    Result<Bytes> decoded = Base32Decode(Base32Encode(data));
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(*decoded, data) << n;
  }
}

TEST(OtpBase32Test, DecodeIgnoresCaseSpacesAndPadding) {
  for (std::string_view text : {"MZXW6YTBOI", "mzxw6ytboi", "MZXW 6YTB OI", "MZXW6YTBOI======"}) {
    Result<Bytes> decoded = Base32Decode(text);
    ASSERT_TRUE(decoded.ok()) << text << ": " << decoded.error().message;
    EXPECT_EQ(AsString(*decoded), "foobar") << text;
  }
}

TEST(OtpBase32Test, DecodeRejectsOtherCharactersAndImpossibleLengths) {
  Result<Bytes> digit = Base32Decode("MZXW1");
  ASSERT_FALSE(digit.ok());
  EXPECT_EQ(digit.error().code, ErrorCode::kValidationFailed);
  EXPECT_NE(digit.error().message.find("'1' at offset 4"), std::string::npos)
      << digit.error().message;
  EXPECT_FALSE(Base32Decode("MZXW-6YTB").ok());
  EXPECT_FALSE(Base32Decode("MZXW\n").ok());
  EXPECT_FALSE(Base32Decode("M").ok());
  EXPECT_FALSE(Base32Decode("MZX").ok());
  EXPECT_FALSE(Base32Decode("MZXW6Y").ok());
}

TEST(OtpauthUriTest, HasTheKeyUriShape) {
  const Bytes secret(AsBytes("foobar").begin(), AsBytes("foobar").end());
  EXPECT_EQ(OtpauthUri("Accord", "alice@example.com", secret),
            "otpauth://totp/Accord:alice%40example.com?secret=MZXW6YTBOI&issuer=Accord"
            "&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(OtpauthUri("Acme Corp: EU", "bob", secret,
                       {.algorithm = OtpAlgorithm::kSha256, .digits = 8, .step_seconds = 60}),
            "otpauth://totp/Acme%20Corp%3A%20EU:bob?secret=MZXW6YTBOI&issuer=Acme%20Corp%3A%20EU"
            "&algorithm=SHA256&digits=8&period=60");
  EXPECT_EQ(OtpauthUri("", "bob", secret, {.algorithm = OtpAlgorithm::kSha512}),
            "otpauth://totp/bob?secret=MZXW6YTBOI&algorithm=SHA512&digits=6&period=30");
}

}  // namespace
}  // namespace accord
