// The registry's field rules (domain/fields.h): every field type names the field in its
// errors, reports every problem, and describes itself in the schema. No store, no server.
#include "accord/domain/fields.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "domain/registry_test.h"

namespace accord::domain::registry_test {
namespace {

// Validates `body` against one field spec named "f" under `prefix`.
std::vector<ErrorDetail> CheckOne(FieldSpec spec, const json::value& value,
                                  std::string_view prefix = "", json::object* out = nullptr) {
  spec.name = "f";
  std::vector<ErrorDetail> details;
  json::object local;
  ValidateFields({spec}, json::object{{"f", value}}, false, prefix, out ? *out : local, details);
  return details;
}

// --- every field type names the field in its errors ------------------------------------

TEST(FieldsTest, StringErrorsNameTheField) {
  FieldSpec s{.type = FieldType::kString, .max_length = 5};
  EXPECT_EQ(ReasonFor(CheckOne(s, 5), "f"), "must be a string");
  EXPECT_EQ(ReasonFor(CheckOne(s, ""), "f"), "must not be empty");
  EXPECT_EQ(ReasonFor(CheckOne(s, "abcdef"), "f"), "must be at most 5 bytes");
  EXPECT_NE(ReasonFor(CheckOne(s, "a\nb"), "f").find("line breaks"), std::string::npos);
  EXPECT_NE(ReasonFor(CheckOne(s, "a\x01"), "f").find("control"), std::string::npos);
  EXPECT_NE(ReasonFor(CheckOne(s, "a\x7f"), "f").find("control"), std::string::npos);
  EXPECT_TRUE(CheckOne(s, "abcde").empty());
  EXPECT_EQ(Fields(CheckOne(s, 5, "agreement")), std::vector<std::string>{"agreement.f"});
}

TEST(FieldsTest, StringsMustBeValidUtf8) {
  FieldSpec s{.type = FieldType::kString, .max_length = 100};
  EXPECT_TRUE(CheckOne(s, "Z\xC3\xBCrich \xE2\x82\xAC \xF0\x9F\x98\x80").empty());
  for (std::string bad :
       {std::string("\x80"), std::string("a\xC3"), std::string("\xE2\x82"),
        std::string("\xF8\x88\x80\x80\x80"),
        // A lone continuation byte, whatever follows it.
        std::string("\x80\x80\x80\x80\x80x"), std::string("ab\xBF\x80\x80\x80\x80"),
        // Overlong "/", a UTF-16 surrogate, and a code point past U+10FFFF.
        std::string("\xC0\xAF"), std::string("\xED\xA0\x80"), std::string("\xF4\x90\x80\x80")}) {
    EXPECT_EQ(ReasonFor(CheckOne(s, json::string(bad)), "f"), "must be valid UTF-8")
        << json::serialize(json::string(bad));
  }
}

TEST(FieldsTest, TextAllowsLineBreaksButNotOtherControls) {
  FieldSpec t{.type = FieldType::kText, .max_length = 100};
  EXPECT_TRUE(CheckOne(t, "line one\nline two\r\n\tindented").empty());
  EXPECT_NE(ReasonFor(CheckOne(t, "bell\x07"), "f").find("control"), std::string::npos);
  EXPECT_EQ(ReasonFor(CheckOne(t, json::string(std::string(101, 'x'))), "f"),
            "must be at most 100 bytes");
}

TEST(FieldsTest, EnumListsTheAllowedValues) {
  FieldSpec e{.type = FieldType::kEnum, .values = {"low", "high"}};
  EXPECT_EQ(ReasonFor(CheckOne(e, "medium"), "f"), "must be one of: low, high");
  EXPECT_EQ(ReasonFor(CheckOne(e, "LOW"), "f"), "must be one of: low, high");
  EXPECT_EQ(ReasonFor(CheckOne(e, 1), "f"), "must be one of: low, high");
  EXPECT_TRUE(CheckOne(e, "high").empty());
}

TEST(FieldsTest, EnumListItemsAreCheckedOneByOne) {
  FieldSpec e{.type = FieldType::kEnumList, .values = {"a", "b", "c"}, .max_length = 3};
  EXPECT_EQ(ReasonFor(CheckOne(e, "a"), "f"), "must be an array");
  auto d = CheckOne(e, json::array{"a", "z", 3});
  EXPECT_EQ(Fields(d), (std::vector<std::string>{"f[1]", "f[2]"}));
  EXPECT_EQ(ReasonFor(d, "f[1]"), "must be one of: a, b, c");
  EXPECT_EQ(ReasonFor(d, "f[2]"), "must be a string");
  EXPECT_EQ(ReasonFor(CheckOne(e, json::array{"b", "b"}), "f[1]"), "is listed twice");
  EXPECT_EQ(ReasonFor(CheckOne(e, json::array{"a", "b", "c", "a"}), "f"),
            "must have at most 3 items");
  e.max_length = 6;
  d = CheckOne(e, json::array{"a", "z", 3, "a"});
  EXPECT_EQ(Fields(d), (std::vector<std::string>{"f[1]", "f[2]", "f[3]"}));
  EXPECT_EQ(ReasonFor(d, "f[1]"), "must be one of: a, b, c");
  EXPECT_EQ(ReasonFor(d, "f[2]"), "must be a string");
  EXPECT_EQ(ReasonFor(d, "f[3]"), "is listed twice");
  json::object out;
  EXPECT_TRUE(CheckOne(e, json::array{"c", "a"}, "", &out).empty());
  EXPECT_EQ(out.at("f"), (json::array{"c", "a"}));
  EXPECT_TRUE(CheckOne(e, json::array{}).empty());
}

TEST(FieldsTest, IdAndStringListsCheckEachItem) {
  for (FieldType type : {FieldType::kIdList, FieldType::kStringList}) {
    FieldSpec l{.type = type, .max_length = 2};
    auto d = CheckOne(l, json::array{"sys_1", ""});
    EXPECT_EQ(Fields(d), (std::vector<std::string>{"f[1]"}));
    d = CheckOne(l, json::array{json::object{}, ""});
    EXPECT_EQ(ReasonFor(d, "f[0]"), "must be a string");
    EXPECT_EQ(ReasonFor(CheckOne(l, json::array{"x", "y", "z"}), "f"), "must have at most 2 items");
    l.max_length = 3;
    d = CheckOne(l, json::array{"sys_1", "", json::object{}});
    EXPECT_EQ(Fields(d), (std::vector<std::string>{"f[1]", "f[2]"}));
    EXPECT_EQ(ReasonFor(d, "f[1]"), "must not be empty");
    EXPECT_EQ(ReasonFor(CheckOne(l, json::array{"x", "x"}), "f[1]"), "is listed twice");
    EXPECT_EQ(Fields(CheckOne(l, json::array{"x"}, "lines[0]")), std::vector<std::string>{});
    EXPECT_EQ(Fields(CheckOne(l, json::array{1}, "lines[0]")),
              std::vector<std::string>{"lines[0].f[0]"});
  }
  FieldSpec id{.type = FieldType::kId};
  EXPECT_EQ(ReasonFor(CheckOne(id, 7), "f"), "must be a string");
  EXPECT_EQ(ReasonFor(CheckOne(id, ""), "f"), "must not be empty");
}

TEST(FieldsTest, BoolIsOnlyTrueOrFalse) {
  FieldSpec b{.type = FieldType::kBool};
  for (json::value bad : {json::value("true"), json::value(1), json::value(json::array{})}) {
    EXPECT_EQ(ReasonFor(CheckOne(b, bad), "f"), "must be true or false");
  }
  EXPECT_TRUE(CheckOne(b, false).empty());
}

TEST(FieldsTest, IntegerAndNumberRanges) {
  FieldSpec i{.type = FieldType::kInt, .min = 0, .max = 3650};
  EXPECT_EQ(ReasonFor(CheckOne(i, 1.5), "f"), "must be an integer");
  EXPECT_EQ(ReasonFor(CheckOne(i, "3"), "f"), "must be an integer");
  EXPECT_EQ(ReasonFor(CheckOne(i, -1), "f"), "must be between 0 and 3650");
  EXPECT_EQ(ReasonFor(CheckOne(i, 3651), "f"), "must be between 0 and 3650");
  EXPECT_EQ(ReasonFor(CheckOne(i, json::parse("18446744073709551615")), "f"),
            "must be between 0 and 3650");
  json::object out;
  EXPECT_TRUE(CheckOne(i, 3650, "", &out).empty());
  EXPECT_EQ(out.at("f"), 3650);
  // An unsigned value (as code builds bodies) is the same number.
  EXPECT_TRUE(CheckOne(i, json::value(std::uint64_t{60}), "", &out).empty());
  EXPECT_EQ(out.at("f").to_number<int64_t>(), 60);
  // Without a range, a number beyond int64 is refused rather than thrown on.
  FieldSpec any{.type = FieldType::kInt};
  EXPECT_FALSE(CheckOne(any, json::parse("18446744073709551615")).empty());

  FieldSpec n{.type = FieldType::kNumber, .min = 0, .max = 100};
  EXPECT_EQ(ReasonFor(CheckOne(n, "99.9"), "f"), "must be a number");
  EXPECT_NE(ReasonFor(CheckOne(n, 100.5), "f").find("must be between"), std::string::npos);
  EXPECT_NE(ReasonFor(CheckOne(n, -0.1), "f").find("must be between"), std::string::npos);
  EXPECT_TRUE(CheckOne(n, 99.95).empty());
  EXPECT_TRUE(CheckOne(n, 100).empty());
}

TEST(FieldsTest, TimesAreNormalisedToUtcMilliseconds) {
  FieldSpec t{.type = FieldType::kTime};
  json::object out;
  EXPECT_TRUE(CheckOne(t, "2027-03-01", "", &out).empty());
  EXPECT_EQ(out.at("f"), "2027-03-01T00:00:00.000Z");
  EXPECT_TRUE(CheckOne(t, "2027-03-01T10:00:00+02:00", "", &out).empty());
  EXPECT_EQ(out.at("f"), "2027-03-01T08:00:00.000Z");
  for (const char* bad : {"2027-02-30", "2027-13-01", "03/01/2027", "2027-03-01T25:00:00Z",
                          "tomorrow", "2027-3-1", ""}) {
    EXPECT_EQ(ReasonFor(CheckOne(t, bad), "f"), "must be an RFC 3339 time or a YYYY-MM-DD date")
        << bad;
  }
  EXPECT_FALSE(CheckOne(t, 1700000000).empty());
}

TEST(FieldsTest, EmailAndPhoneFields) {
  FieldSpec e{.type = FieldType::kEmail};
  EXPECT_EQ(ReasonFor(CheckOne(e, "nobody"), "f"),
            "must be an email address like name@example.com");
  EXPECT_FALSE(CheckOne(e, 3).empty());
  EXPECT_TRUE(CheckOne(e, "a@b.co").empty());
  FieldSpec p{.type = FieldType::kPhone};
  EXPECT_EQ(ReasonFor(CheckOne(p, "415-555-0123"), "f"),
            "must be an E.164 phone number like +14155550123");
  EXPECT_FALSE(CheckOne(p, 14155550123).empty());
  EXPECT_TRUE(CheckOne(p, "+14155550123").empty());
}

TEST(FieldsTest, NestedObjectsNameTheNestedPath) {
  FieldSpec o{.name = "baa",
              .type = FieldType::kObject,
              .fields = {{.name = "safeguards", .type = FieldType::kBool},
                         {.name = "responsibilities", .type = FieldType::kText}}};
  std::vector<ErrorDetail> details;
  json::object out;
  ValidateFields({o}, Obj(R"({"baa": {"safeguards": "yes", "extra": 1}})"), false, "", out,
                 details);
  EXPECT_EQ(Fields(details), (std::vector<std::string>{"baa.extra", "baa.safeguards"}));
  EXPECT_EQ(ReasonFor(details, "baa.extra"), "unknown field");
  details.clear();
  ValidateFields({o}, Obj(R"({"baa": [true]})"), false, "", out, details);
  EXPECT_EQ(ReasonFor(details, "baa"), "must be an object");
  // Grant lines are validated with their index as the prefix.
  details.clear();
  FieldSpec sys{.name = "system_id", .type = FieldType::kString, .required = true};
  ValidateFields({sys}, Obj(R"({})"), false, "lines[0]", out, details);
  EXPECT_EQ(Fields(details), std::vector<std::string>{"lines[0].system_id"});
  EXPECT_EQ(ReasonFor(details, "lines[0].system_id"), "is required");
}

TEST(FieldsTest, UnknownAndReadOnlyFieldsAreRefused) {
  auto e = NewFails("party", R"({"name": "Acme", "kind": "partner", "nmae": "typo",
                                "id": "pty_mine", "risk_tier": "low", "version": 9})");
  auto fields = Fields(e);
  std::sort(fields.begin(), fields.end());
  EXPECT_EQ(fields, (std::vector<std::string>{"id", "nmae", "risk_tier", "version"}));
  EXPECT_EQ(ReasonFor(e.details, "nmae"), "unknown field");
  EXPECT_EQ(ReasonFor(e.details, "id"), "is set by the server and cannot be given");
  // The message starts with the first problem so a CLI user sees it at once.
  EXPECT_NE(e.message.find("(and 3 more)"), std::string::npos) << e.message;
  EXPECT_EQ(Fields(NewFails("contact", R"({"name": "A", "email": "a@b.co", "party_id": "x"})")),
            std::vector<std::string>{"party_id"});
}

TEST(FieldsTest, EveryProblemIsReportedNotOnlyTheFirst) {
  auto e = NewFails("party", R"({"kind": "vendor", "criticality": "extreme",
                                "infrastructure_partner": "yes"})");
  auto fields = Fields(e);
  std::sort(fields.begin(), fields.end());
  EXPECT_EQ(fields,
            (std::vector<std::string>{"criticality", "infrastructure_partner", "kind", "name"}));
  EXPECT_EQ(ReasonFor(e.details, "name"), "is required");
  EXPECT_EQ(ReasonFor(e.details, "kind"),
            "must be one of: customer, partner, subcontractor, contracted_developer");
}

TEST(FieldsTest, SchemaListsRequiredFieldsAndRefusesOthers) {
  json::object create = SchemaOf(Kind("party").fields, false);
  EXPECT_EQ(create.at("additionalProperties"), false);
  EXPECT_EQ(create.at("required"), (json::array{"name", "kind"}));
  const auto& props = create.at("properties").as_object();
  EXPECT_FALSE(props.contains("id"));
  EXPECT_FALSE(props.contains("risk_tier"));
  EXPECT_EQ(props.at("kind").at("enum").as_array().size(), 4u);
  EXPECT_FALSE(SchemaOf(Kind("party").fields, true).contains("required"));
  json::object agreement = SchemaOf(Kind("agreement").fields, false);
  EXPECT_TRUE(
      agreement.at("properties").at("baa").at("properties").as_object().contains("safeguards"));
}

}  // namespace
}  // namespace accord::domain::registry_test
