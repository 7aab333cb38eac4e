#include "accord/policy/profile.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace accord::policy {
namespace {

std::string MinimalAccess();

TEST(ProfileTest, BuiltinProfilesLoad) {
  for (const auto& name : {"luma", "bloomapi", "janus"}) {
    auto p = LoadProfile(name);
    ASSERT_TRUE(p.ok()) << p.error().message;
    EXPECT_EQ(p->name, name);
    EXPECT_EQ(p->sha256.size(), 64u);
  }
}

TEST(ProfileTest, UnknownKeyIsAnErrorWithItsLine) {
  auto p = ParseProfile("[profile]\nname = \"x\"\ncolour = \"red\"\n" + MinimalAccess(), "x.toml");
  ASSERT_FALSE(p.ok());
  ASSERT_EQ(p.error().details.size(), 1u);
  EXPECT_EQ(p.error().details[0].field, "profile.colour");
  EXPECT_EQ(p.error().details[0].line, 3);
}

TEST(ProfileTest, UnknownSectionIsAnError) {
  auto p = ParseProfile("[profile]\nname = \"x\"\n\n[bogus]\na = 1\n" + MinimalAccess(), "x.toml");
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

// --- [access] ------------------------------------------------------------------------------

// A valid [profile] and [access] section; tests append or replace lines.
std::string WithAccess(const std::string& rules, const std::string& access_keys = "") {
  return "[profile]\n"                                // 1
         "name = \"x\"\n"                             // 2
         "[access]\n"                                 // 3
         "approver_roles = [\"security_officer\"]\n"  // 4
         "max_grant_days = 30\n" +                    // 5
         access_keys +
         "[access.required_agreements]\n"
         "customer = [\"baa\"]\n" +
         rules;
}

const std::string kRule =
    "[[access.rules]]\n"
    "id = \"r1\"\n"
    "check = \"due_diligence\"\n"
    "seed_ref = \"TP-2\"\n"
    "seed = \"x.txt statement 1\"\n"
    "statement = \"Due diligence with the 3rd party;\"\n"
    "remedy = \"Record due diligence.\"\n";

// Line of the first line of `needle` in `text` (1-based).
int LineIn(const std::string& text, const std::string& needle) {
  auto pos = text.find(needle);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + pos, '\n'));
}

TEST(ProfileTest, AccessSectionParses) {
  auto p = ParseProfile(WithAccess(kRule + "params = { max_age_days = 365 }\n"), "x.toml");
  ASSERT_TRUE(p.ok()) << p.error().message;
  ASSERT_EQ(p->access.rules.size(), 1u);
  const AccessRule& r = p->access.rules[0];
  EXPECT_EQ(r.id, "r1");
  EXPECT_EQ(r.check, CheckKind::kDueDiligence);
  EXPECT_EQ(r.seed_ref, "TP-2");
  EXPECT_EQ(r.params.max_age_days, 365);
  EXPECT_EQ(p->access.max_grant_days, 30);
  EXPECT_EQ(p->access.approver_roles, std::vector<std::string>{"security_officer"});
  EXPECT_TRUE(p->access.RequiredFor(PartyKind::kCustomer, false).Has(AgreementType::kBaa));
  EXPECT_TRUE(p->access.RequiredFor(PartyKind::kPartner, true).empty());
}

TEST(ProfileTest, AccessUnknownKeyNamesTheRuleAndLine) {
  std::string text = WithAccess(kRule + "colour = \"red\"\n");
  auto p = ParseProfile(text, "x.toml");
  ASSERT_FALSE(p.ok());
  ASSERT_EQ(p.error().details.size(), 1u) << p.error().message;
  EXPECT_EQ(p.error().details[0].field, "access.rules[0].colour");
  EXPECT_EQ(p.error().details[0].reason, "unknown key");
  EXPECT_EQ(p.error().details[0].line, LineIn(text, "colour"));
  EXPECT_EQ(p.error().message, "x.toml:" + std::to_string(LineIn(text, "colour")) +
                                   ": access.rules[0].colour: unknown key");
}

TEST(ProfileTest, AccessWrongTypeIsAnError) {
  std::string text = WithAccess(kRule);
  text.replace(text.find("max_grant_days = 30"), 19, "max_grant_days = \"30\"");
  auto p = ParseProfile(text, "x.toml");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().details[0].field, "access.max_grant_days");
  EXPECT_EQ(p.error().details[0].reason, "must be an integer");
  EXPECT_EQ(p.error().details[0].line, 5);
}

TEST(ProfileTest, AccessUnknownCheckKindIsAnError) {
  std::string text = WithAccess(kRule);
  text.replace(text.find("\"due_diligence\""), 15, "\"telepathy\"");
  auto p = ParseProfile(text, "x.toml");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().details[0].field, "access.rules[0].check");
  EXPECT_NE(p.error().details[0].reason.find("unknown check 'telepathy'"), std::string::npos);
  EXPECT_NE(p.error().details[0].reason.find("no_production_ephi"), std::string::npos);
  EXPECT_EQ(p.error().details[0].line, LineIn(text, "telepathy"));
}

TEST(ProfileTest, AccessParamsAreCheckedPerCheck) {
  std::string text = WithAccess(kRule + "params = { ephi_only = true, max_age_days = -1 }\n");
  auto p = ParseProfile(text, "x.toml");
  ASSERT_FALSE(p.ok());
  ASSERT_EQ(p.error().details.size(), 2u) << p.error().message;
  EXPECT_EQ(p.error().details[0].field, "access.rules[0].params.ephi_only");
  EXPECT_EQ(p.error().details[0].reason, "unknown parameter for check due_diligence");
  EXPECT_EQ(p.error().details[1].field, "access.rules[0].params.max_age_days");
  EXPECT_EQ(p.error().details[1].line, LineIn(text, "params"));
}

TEST(ProfileTest, AccessEnumValuesAreChecked) {
  std::string rule = kRule;
  rule.replace(rule.find("\"due_diligence\""), 15, "\"no_production_ephi\"");
  auto p = ParseProfile(WithAccess(rule + "params = { environments = [\"prod\"] }\n"), "x.toml");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().details[0].field, "access.rules[0].params.environments");
  EXPECT_NE(p.error().details[0].reason.find("unknown value 'prod'"), std::string::npos);
  auto kinds = ParseProfile(
      WithAccess(kRule, "[access.required_agreements_if_ephi]\nvendor = [\"baa\"]\n"), "x.toml");
  ASSERT_FALSE(kinds.ok());
  EXPECT_EQ(kinds.error().details[0].field, "access.required_agreements_if_ephi.vendor");
}

TEST(ProfileTest, AccessReportsEveryProblemAtOnce) {
  std::string text =
      WithAccess(kRule + kRule + "[[access.rules]]\nid = \"r2\"\n", "approver_roles_x = 1\n");
  auto p = ParseProfile(text, "x.toml");
  ASSERT_FALSE(p.ok());
  std::vector<std::string> fields;
  for (const auto& d : p.error().details) fields.push_back(d.field);
  EXPECT_THAT(fields, ::testing::Contains("access.approver_roles_x"));
  EXPECT_THAT(fields, ::testing::Contains("access.rules[1].id"));     // duplicate r1
  EXPECT_THAT(fields, ::testing::Contains("access.rules[2].check"));  // missing
  EXPECT_THAT(fields, ::testing::Contains("access.rules[2].remedy"));
  // One "file:line: field: reason" line per problem.
  EXPECT_EQ(std::count(p.error().message.begin(), p.error().message.end(), '\n') + 1,
            static_cast<long>(p.error().details.size()));
}

TEST(ProfileTest, AccessSectionIsRequiredAndConsistent) {
  auto none = ParseProfile("[profile]\nname = \"x\"\n", "x.toml");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().details[0].field, "access");
  std::string approval = kRule;
  approval.replace(approval.find("\"due_diligence\""), 15, "\"approval\"");
  std::string text = WithAccess(approval);
  const std::string roles = "approver_roles = [\"security_officer\"]";
  text.replace(text.find(roles), roles.size(), "approver_roles = [\"auditor\"]");
  auto bad_role = ParseProfile(text, "x.toml");
  ASSERT_FALSE(bad_role.ok());
  EXPECT_EQ(bad_role.error().details[0].field, "access.approver_roles");
  EXPECT_EQ(bad_role.error().details[0].line, 4);
}

TEST(ProfileTest, ApprovalRuleSaysWhoApproves) {
  std::string approval = kRule;
  approval.replace(approval.find("\"due_diligence\""), 15, "\"approval\"");
  auto p = ParseProfile(WithAccess(approval), "x.toml");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->access.rules[0].reason, "needs approval by security_officer");
  EXPECT_TRUE(p->access.rules[0].params.environments.Has(Environment::kDevelopment));
}

TEST(ProfileTest, BuiltinProfilesCarryTheirAccessRules) {
  auto ids = [](const char* name) {
    std::vector<std::string> out;
    auto p = LoadProfile(name);
    if (p.ok()) {
      for (const auto& r : p->access.rules) out.push_back(r.id);
    }
    return out;
  };
  EXPECT_EQ(ids("luma"),
            (std::vector<std::string>{"tp1.current_party", "tp4.no_production_ephi",
                                      "tp6.baa_customers_partners", "tp6.sla_subcontractors",
                                      "tp8.development_contract", "tr3.least_privilege",
                                      "tr3.entitlement_review_period", "tr3.approval"}));
  const std::vector<std::string> trio = {"tp1.current_party",
                                         "tp2.due_diligence",
                                         "tp2.controls",
                                         "tp2.agreement_in_force",
                                         "tp3.minimum_necessary",
                                         "tp3.time_bound",
                                         "tp8.infrastructure_permission",
                                         "tp8.workforce_only_production_changes",
                                         "tp8.development_contract",
                                         "tp2.approval"};
  EXPECT_EQ(ids("bloomapi"), trio);
  EXPECT_EQ(ids("janus"), trio);
  for (const char* name : {"luma", "bloomapi", "janus"}) {
    auto p = LoadProfile(name);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->access.approver_roles, std::vector<std::string>{"security_officer"});
    EXPECT_TRUE(p->access.RequiredFor(PartyKind::kSubcontractor, true).Has(AgreementType::kBaa));
    EXPECT_FALSE(p->access.RequiredFor(PartyKind::kSubcontractor, false).Has(AgreementType::kBaa));
    for (const auto& r : p->access.rules) {
      EXPECT_FALSE(r.seed.empty() || r.statement.empty() || r.remedy.empty()) << r.id;
    }
  }
}

std::string MinimalAccess() {
  return "[access]\nmax_grant_days = 30\n[[access.rules]]\nid = \"t\"\ncheck = \"time_bound\"\n"
         "seed_ref = \"TP-3\"\nseed = \"s\"\nstatement = \"s\"\nremedy = \"r\"\n";
}

}  // namespace
}  // namespace accord::policy
