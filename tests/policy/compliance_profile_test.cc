// The profile's [compliance] section (issue 23): every built-in profile maps its rules and
// workflows to catalog controls; a malformed mapping is refused with its line.
#include <gtest/gtest.h>

#include <algorithm>

#include "accord/domain/compliance_catalog.h"
#include "accord/policy/profile.h"

namespace accord::policy {
namespace {

// A profile with one access rule ("t", line 6) and the given [compliance] text from line 12.
std::string WithCompliance(const std::string& compliance) {
  return "[profile]\nname = \"x\"\n"                                      // 1-2
         "[access]\nmax_grant_days = 30\n[[access.rules]]\nid = \"t\"\n"  // 3-6
         "check = \"time_bound\"\nseed_ref = \"TP-3\"\nseed = \"s\"\n"    // 7-9
         "statement = \"s\"\nremedy = \"r\"\n" +                          // 10-11
         compliance;
}

std::vector<std::string> Controls(const Profile& p, const std::string& source) {
  for (const auto& m : p.compliance.mappings) {
    if (m.source == source) return m.controls;
  }
  return {};
}

TEST(ComplianceProfileTest, EveryBuiltinProfileMapsRulesAndWorkflowsToKnownControls) {
  const auto& catalog = domain::BuiltinCatalog();
  for (const auto& name : BuiltinProfileNames()) {
    auto p = LoadProfile(name);
    ASSERT_TRUE(p.ok()) << p.error().message;
    ASSERT_FALSE(p->compliance.mappings.empty()) << name;
    for (const auto& m : p->compliance.mappings) {
      for (const auto& c : m.controls) EXPECT_NE(catalog.Find(c), nullptr) << name << " " << c;
    }
    // MISSION IN-3's two examples: BAAs in force serve 164.308(b)(1); SOC 2 reviews TP-11.
    auto baa = Controls(*p, "workflow:baa_in_force");
    EXPECT_NE(std::find(baa.begin(), baa.end(), "164.308(b)(1)"), baa.end()) << name;
    auto soc2 = Controls(*p, "workflow:soc2_reviews");
    EXPECT_NE(std::find(soc2.begin(), soc2.end(), "TP-11"), soc2.end()) << name;
    // Every access rule of the profile implements something.
    for (const auto& rule : p->access.rules) {
      EXPECT_FALSE(Controls(*p, "rule:" + rule.id).empty()) << name << " " << rule.id;
    }
  }
}

TEST(ComplianceProfileTest, AValidMappingIsReadInFileOrder) {
  auto p = ParseProfile(WithCompliance("[compliance.rules]\n"                        // 12
                                       "t = [\"TP-3\", \"164.308(a)(4)(ii)(B)\"]\n"  // 13
                                       "[compliance.workflows]\n"                    // 14
                                       "baa_in_force = [\"164.308(b)(1)\"]\n"        // 15
                                       "[compliance.inheritance]\n"                  // 16
                                       "\"164.312(b)\" = { inherited = \"partially\", "
                                       "responsibility = \"Review your own logs.\" }\n"),
                        "x.toml");
  ASSERT_TRUE(p.ok()) << p.error().message;
  ASSERT_EQ(p->compliance.mappings.size(), 2u);
  EXPECT_EQ(p->compliance.mappings[0].source, "rule:t");
  EXPECT_EQ(p->compliance.mappings[0].line, 13);
  EXPECT_EQ(p->compliance.mappings[1].source, "workflow:baa_in_force");
  ASSERT_EQ(p->compliance.inheritance.size(), 1u);
  EXPECT_EQ(p->compliance.inheritance[0].inherited, "partially");
}

struct Bad {
  std::string text;  // from line 12
  std::string field;
  int line;
  std::string reason_part;
};

TEST(ComplianceProfileTest, AMalformedMappingIsRefusedWithItsLine) {
  const std::vector<Bad> cases = {
      {"[compliance.rules]\nt = [\"164.308(z)(9)\"]\n", "compliance.rules.t", 13,
       "unknown control '164.308(z)(9)'"},
      {"[compliance.rules]\nnobody = [\"TP-3\"]\n", "compliance.rules.nobody", 13,
       "no [[access.rules]] has the id 'nobody'"},
      {"[compliance.workflows]\n\nmind_reading = [\"TP-3\"]\n", "compliance.workflows.mind_reading",
       14, "unknown workflow"},
      {"[compliance.workflows]\nledger = \"LG-1\"\n", "compliance.workflows.ledger", 13,
       "non-empty list"},
      {"[compliance.workflows]\nledger = []\n", "compliance.workflows.ledger", 13,
       "non-empty list"},
      {"[compliance.workflows]\nledger = [\"LG-1\", 7]\n", "compliance.workflows.ledger", 13,
       "must be a string"},
      {"[compliance]\nmapping = 1\n", "compliance.mapping", 13, "unknown key"},
      {"[compliance.inheritance]\n\"164.312(b)\" = { inherited = \"mostly\" }\n",
       "compliance.inheritance.164.312(b).inherited", 13, "yes, partially or no"},
  };
  for (const auto& c : cases) {
    auto p = ParseProfile(WithCompliance(c.text), "x.toml");
    ASSERT_FALSE(p.ok()) << c.text;
    ASSERT_EQ(p.error().details.size(), 1u) << p.error().message;
    EXPECT_EQ(p.error().details[0].field, c.field) << c.text;
    EXPECT_EQ(p.error().details[0].line, c.line) << c.text;
    EXPECT_NE(p.error().details[0].reason.find(c.reason_part), std::string::npos)
        << p.error().details[0].reason;
    EXPECT_NE(p.error().message.find("x.toml:" + std::to_string(c.line) + ": " + c.field),
              std::string::npos)
        << p.error().message;
  }
}

}  // namespace
}  // namespace accord::policy
