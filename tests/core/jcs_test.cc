#include "accord/core/jcs.h"

#include <gtest/gtest.h>

#include <bit>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>

namespace accord {
namespace {

namespace json = boost::json;

std::string Canon(const json::value& v) {
  auto r = Canonicalize(v);
  EXPECT_TRUE(r.ok()) << r.error().message;
  return r.ok() ? *r : "<error>";
}

std::string CanonText(std::string_view text) { return Canon(json::parse(text)); }

Error CanonError(const json::value& v) {
  auto r = Canonicalize(v);
  EXPECT_FALSE(r.ok()) << "accepted: " << *r;
  return r.ok() ? Error{} : r.error();
}

// RFC 8785 section 3.2.2 sample input and output.
TEST(JcsTest, RfcSample) {
  const std::string input = R"({
    "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
    "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
    "literals": [null, true, false]
  })";
  json::value v = json::parse(input);
  // Boost.JSON 1.81 may parse 17-digit numbers 1 ulp off, so this test sets the doubles
  // from strtod: it checks canonicalization, not Boost's parser.
  json::array& numbers = v.at("numbers").as_array();
  const char* literals[] = {"333333333.33333329", "1E30", "4.50", "2e-3",
                            "0.000000000000000000000000001"};
  for (size_t i = 0; i < numbers.size(); ++i) numbers[i] = std::strtod(literals[i], nullptr);
  EXPECT_EQ(Canon(v),
            R"({"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],)"
            R"("string":"€$\u000f\nA'B\"\\\\\"/"})");
}

// RFC 8785 section 3.2.3: keys sort by UTF-16 code units, so U+1F600 (a surrogate pair)
// sorts before U+FB33 although its code point is larger.
TEST(JcsTest, RfcKeySorting) {
  const std::string input = R"({
    "\u20ac": "Euro Sign",
    "\r": "Carriage Return",
    "\ufb33": "Hebrew Letter Dalet With Dagesh",
    "1": "One",
    "\ud83d\ude00": "Emoji: Grinning Face",
    "\u0080": "Control",
    "\u00f6": "Latin Small Letter O With Diaeresis"
  })";
  EXPECT_EQ(CanonText(input),
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\xc2\x80\":\"Control\","
            "\"\xc3\xb6\":\"Latin Small Letter O With Diaeresis\",\"\xe2\x82\xac\":\"Euro Sign\","
            "\"\xf0\x9f\x98\x80\":\"Emoji: Grinning Face\","
            "\"\xef\xac\xb3\":\"Hebrew Letter Dalet With Dagesh\"}");
}

// cyberphone/json-canonicalization testdata weird.json.
TEST(JcsTest, ReferenceWeirdKeys) {
  const std::string input = R"({
    "\u20ac": "Euro Sign", "1": "One", "\u0080": "Control\u007f",
    "\ud83d\ude02": "Smiley", "\u00f6": "Latin Small Letter O With Diaeresis",
    "\ufb33": "Hebrew Letter Dalet With Dagesh", "</script>": "Browser Challenge"
  })";
  EXPECT_EQ(
      CanonText(input),
      "{\"1\":\"One\",\"</script>\":\"Browser Challenge\",\"\xc2\x80\":\"Control\x7f\","
      "\"\xc3\xb6\":\"Latin Small Letter O With Diaeresis\",\"\xe2\x82\xac\":\"Euro Sign\","
      "\"\xf0\x9f\x98\x82\":\"Smiley\",\"\xef\xac\xb3\":\"Hebrew Letter Dalet With Dagesh\"}");
}

TEST(JcsTest, KeysSortByUtf16NotCodePoint) {
  json::object o;
  o["\xef\xbf\xbf"] = 1;      // U+FFFF
  o["\xee\x80\x80"] = 2;      // U+E000
  o["\xf4\x8f\xbf\xbf"] = 3;  // U+10FFFF
  o["\xed\x9f\xbf"] = 4;      // U+D7FF, below the surrogates
  o["\xf0\x90\x80\x80"] = 5;  // U+10000
  o["\xf0\x90\x80\x80z"] = 6;
  o["a"] = 7;
  o["ab"] = 8;
  o[""] = 9;
  EXPECT_EQ(
      Canon(o),
      "{\"\":9,\"a\":7,\"ab\":8,\"\xed\x9f\xbf\":4,\"\xf0\x90\x80\x80\":5,"
      "\"\xf0\x90\x80\x80z\":6,\"\xf4\x8f\xbf\xbf\":3,\"\xee\x80\x80\":2,\"\xef\xbf\xbf\":1}");
}

// RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical text.
TEST(JcsTest, RfcNumberSamples) {
  const std::pair<uint64_t, std::string_view> cases[] = {
      {0x0000000000000000, "0"},
      {0x8000000000000000, "0"},
      {0x0000000000000001, "5e-324"},
      {0x8000000000000001, "-5e-324"},
      {0x7fefffffffffffff, "1.7976931348623157e+308"},
      {0xffefffffffffffff, "-1.7976931348623157e+308"},
      {0x4340000000000000, "9007199254740992"},
      {0xc340000000000000, "-9007199254740992"},
      {0x4430000000000000, "295147905179352830000"},
      {0x44b52d02c7e14af5, "9.999999999999997e+22"},
      {0x44b52d02c7e14af6, "1e+23"},
      {0x44b52d02c7e14af7, "1.0000000000000001e+23"},
      {0x444b1ae4d6e2ef4e, "999999999999999700000"},
      {0x444b1ae4d6e2ef4f, "999999999999999900000"},
      {0x444b1ae4d6e2ef50, "1e+21"},
      {0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"},
      {0x3eb0c6f7a0b5ed8d, "0.000001"},
      {0x41b3de4355555553, "333333333.3333332"},
      {0x41b3de4355555554, "333333333.33333325"},
      {0x41b3de4355555555, "333333333.3333333"},
      {0x41b3de4355555556, "333333333.3333334"},
      {0x41b3de4355555557, "333333333.33333343"},
      {0xbecbf647612f3696, "-0.0000033333333333333333"},
      {0x43143ff3c1cb0959, "1424953923781206.2"},  // round to even
  };
  for (const auto& [bits, want] : cases) {
    EXPECT_EQ(Canon(json::value(std::bit_cast<double>(bits))), want) << std::hex << bits;
  }
  for (uint64_t bits : {0x7fffffffffffffffull, 0x7ff0000000000000ull, 0xfff0000000000000ull}) {
    const Error e = CanonError(json::value(std::bit_cast<double>(bits)));
    EXPECT_EQ(e.code, ErrorCode::kValidationFailed);
    EXPECT_NE(e.message.find("NaN and Infinity"), std::string::npos);
  }
}

TEST(JcsTest, NumberNotationBoundaries) {
  EXPECT_EQ(Canon(1.0), "1");
  EXPECT_EQ(Canon(-1.0), "-1");
  EXPECT_EQ(Canon(4.5), "4.5");
  EXPECT_EQ(Canon(0.1), "0.1");
  EXPECT_EQ(Canon(-0.5), "-0.5");
  EXPECT_EQ(Canon(1e20), "100000000000000000000");
  EXPECT_EQ(Canon(1e21), "1e+21");
  EXPECT_EQ(Canon(1.5e21), "1.5e+21");
  EXPECT_EQ(Canon(123e18), "123000000000000000000");
  EXPECT_EQ(Canon(1e-6), "0.000001");
  EXPECT_EQ(Canon(1.5e-6), "0.0000015");
  EXPECT_EQ(Canon(1e-7), "1e-7");
  EXPECT_EQ(Canon(-1.25e-7), "-1.25e-7");
  EXPECT_EQ(Canon(1e300), "1e+300");
  EXPECT_EQ(Canon(9007199254740994.0), "9007199254740994");
}

TEST(JcsTest, IntegersWithinDoublePrecision) {
  constexpr int64_t k2to53 = int64_t{1} << 53;
  EXPECT_EQ(Canon(json::value(int64_t{0})), "0");
  EXPECT_EQ(Canon(json::value(int64_t{-42})), "-42");
  EXPECT_EQ(Canon(json::value(k2to53)), "9007199254740992");
  EXPECT_EQ(Canon(json::value(-k2to53)), "-9007199254740992");
  EXPECT_EQ(Canon(json::value(uint64_t{k2to53})), "9007199254740992");
  for (const json::value& big : {json::value(k2to53 + 1), json::value(-k2to53 - 1),
                                 json::value(std::numeric_limits<int64_t>::min()),
                                 json::value(std::numeric_limits<uint64_t>::max())}) {
    const Error e = CanonError(big);
    EXPECT_EQ(e.code, ErrorCode::kValidationFailed);
    EXPECT_NE(e.message.find("number exceeds IEEE 754 double precision"), std::string::npos);
  }
}

TEST(JcsTest, DoublesRoundTrip) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 100000; ++i) {
    const double d = std::bit_cast<double>(rng());
    if (!std::isfinite(d)) continue;
    const std::string s = Canon(d);
    ASSERT_EQ(std::strtod(s.c_str(), nullptr), d == 0 ? 0.0 : d) << s;
  }
}

TEST(JcsTest, EscapesOnlyQuoteBackslashAndControls) {
  std::string all;
  for (int c = 0; c < 0x20; ++c) all += static_cast<char>(c);
  EXPECT_EQ(Canon(json::value(all)),
            R"("\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f)"
            R"(\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c)"
            R"(\u001d\u001e\u001f")");
  EXPECT_EQ(Canon(json::value("a\"b\\c/d\x7f")), "\"a\\\"b\\\\c/d\x7f\"");
  // U+2028 and other non-ASCII stay raw UTF-8.
  EXPECT_EQ(Canon(json::value("\xe2\x80\xa8 \xc3\xa9")), "\"\xe2\x80\xa8 \xc3\xa9\"");
  EXPECT_EQ(Canon(json::value("")), "\"\"");
}

TEST(JcsTest, NestedStructuresAndLiterals) {
  EXPECT_EQ(CanonText(R"( { "b" : [ 1 , { "z" : null , "y" : [ ] } , true ] , "a" : { } } )"),
            R"({"a":{},"b":[1,{"y":[],"z":null},true]})");
  EXPECT_EQ(CanonText("[]"), "[]");
  EXPECT_EQ(CanonText("{}"), "{}");
  EXPECT_EQ(CanonText("[false,null,true]"), "[false,null,true]");
  EXPECT_EQ(CanonText(R"({"b":{"d":1,"c":2},"a":{"f":3,"e":4}})"),
            R"({"a":{"e":4,"f":3},"b":{"c":2,"d":1}})");
}

TEST(JcsTest, CanonicalFormIsAFixedPoint) {
  const std::string once = CanonText(R"({"x":[1.50,2e2,"\u00e9"],"\u00e9":{"b":-0.0,"a":1E-9}})");
  EXPECT_EQ(once, "{\"x\":[1.5,200,\"\xc3\xa9\"],\"\xc3\xa9\":{\"a\":1e-9,\"b\":0}}");
  EXPECT_EQ(CanonText(once), once);
}

TEST(JcsTest, ErrorNamesTheFieldAndLeavesOutputUntouched) {
  json::value v = json::parse(R"({"payload":{"items":[1,2,3]},"a":1})");
  v.at("payload").at("items").as_array()[2] = std::numeric_limits<double>::quiet_NaN();
  std::string out = "prefix";
  const Status s = CanonicalizeTo(v, out);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kValidationFailed);
  ASSERT_EQ(s.error().details.size(), 1u);
  EXPECT_EQ(s.error().details[0].field, "payload.items[2]");
  EXPECT_EQ(out, "prefix");
}

TEST(JcsTest, CanonicalizeToAppends) {
  std::string out = "x";
  ASSERT_TRUE(CanonicalizeTo(json::parse(R"({"b":1,"a":2})"), out).ok());
  EXPECT_EQ(out, R"(x{"a":2,"b":1})");
}

TEST(JcsTest, RejectsInvalidUtf8) {
  for (std::string_view bad : {"\xff", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80",
                               "\xf4\x90\x80\x80", "\xc3", "a\xe2\x82"}) {
    const Error e = CanonError(json::value(bad));
    EXPECT_NE(e.message.find("not valid UTF-8"), std::string::npos);
    json::object o;
    o[bad] = 1;
    CanonError(o);
  }
}

TEST(JcsTest, RejectsExcessiveNesting) {
  json::value v = json::array();
  for (int i = 0; i < 600; ++i) v = json::array{std::move(v)};
  EXPECT_NE(CanonError(v).message.find("deeper than 512"), std::string::npos);
}

}  // namespace
}  // namespace accord
