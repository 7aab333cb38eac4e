// TP-5 in the gate: every built-in profile refuses a grant whose endpoints carry data in clear,
// and lets encrypted ones through to its other rules.
#include <gtest/gtest.h>

#include "policy/gate_scenario.h"

namespace accord::policy {
namespace {

struct Endpoints {
  GateEndpoint https{"sys_staging/portal", "https", false};
  GateEndpoint sftp{"sys_staging/sftp", "sftp", false};
  GateEndpoint ftp{"sys_staging/legacy-ftp", "ftp", true};
};

class GateTransitTest : public ::testing::TestWithParam<std::string> {
 protected:
  const AccessRule* TransitRule() const {
    for (const AccessRule& r : Builtin(GetParam()).access.rules) {
      if (r.check == CheckKind::kEncryptedTransit) return &r;
    }
    return nullptr;
  }
  // The staging system declares `declared`; the line names `named` (by name).
  GateResult Run(std::vector<GateEndpoint> declared, std::vector<GateLineEndpoint> named) {
    declared_ = std::move(declared);
    named_ = std::move(named);
    for (auto& n : named_) {
      for (const auto& d : declared_) {
        if (d.ref.ends_with("/" + std::string(n.ref))) n.endpoint = &d;
      }
    }
    s_.staging.endpoints = declared_;
    s_.lines = {s_.Line(s_.staging, Permission::kRead)};
    s_.lines[0].endpoints = named_;
    return Evaluate(Builtin(GetParam()).access, s_.Request());
  }
  const RuleResult& Transit(const GateResult& r) {
    const RuleResult* found = r.Find(TransitRule()->id);
    EXPECT_NE(found, nullptr);
    return *found;
  }

  Scenario s_;
  Endpoints e_;
  std::vector<GateEndpoint> declared_;
  std::vector<GateLineEndpoint> named_;
};

TEST_P(GateTransitTest, EveryProfileHasTheRuleCitingTheSeed) {
  const AccessRule* rule = TransitRule();
  ASSERT_NE(rule, nullptr) << GetParam() << " has no encrypted_transit rule";
  EXPECT_EQ(rule->id, "tp5.encrypted_transit");
  EXPECT_EQ(rule->seed_ref, "TP-5");
  EXPECT_NE(rule->statement.find("encrypted end to end"), std::string::npos);
  EXPECT_FALSE(rule->remedy.empty());
}

TEST_P(GateTransitTest, APlaintextEndpointIsDeniedWithItsReasonAndRemedy) {
  GateResult r = Run({e_.https, e_.sftp, e_.ftp}, {{"legacy-ftp", nullptr}});
  EXPECT_EQ(r.decision, Decision::kDeny) << Explain(r);
  const RuleResult& t = Transit(r);
  EXPECT_EQ(t.outcome, Outcome::kDeny);
  EXPECT_NE(t.reason.find("in clear"), std::string_view::npos);
  ASSERT_EQ(t.evidence_count, 1);
  EXPECT_EQ(t.evidence[0].kind, "endpoint");
  EXPECT_EQ(t.evidence[0].ref, "sys_staging/legacy-ftp");
  EXPECT_EQ(t.evidence[0].state, "plaintext");
  // The JSON the portal shows carries the rule's remedy and its MISSION id.
  std::string json = Explain(r);
  EXPECT_NE(json.find("\"seed_ref\":\"TP-5\""), std::string::npos);
  EXPECT_NE(json.find("Name only encrypted endpoints"), std::string::npos);
}

TEST_P(GateTransitTest, EncryptedEndpointsPassAndOnlyTheOtherRulesDecide) {
  GateResult r = Run({e_.https, e_.sftp, e_.ftp}, {{"sftp", nullptr}, {"portal", nullptr}});
  const RuleResult& t = Transit(r);
  EXPECT_EQ(t.outcome, Outcome::kPass) << Explain(r);
  EXPECT_EQ(t.evidence_count, 2);
  EXPECT_EQ(t.evidence[0].state, "encrypted");
  // The default scenario needs only the Security Officer's approval in every profile.
  EXPECT_EQ(r.decision, Decision::kNeedsApproval) << Explain(r);
}

TEST_P(GateTransitTest, NamingNoEndpointMeansAnyOfThemSoAPlaintextOneDenies) {
  GateResult with_ftp = Run({e_.https, e_.ftp}, {});
  EXPECT_EQ(Transit(with_ftp).outcome, Outcome::kDeny) << Explain(with_ftp);
  GateResult encrypted = Run({e_.https, e_.sftp}, {});
  EXPECT_EQ(Transit(encrypted).outcome, Outcome::kPass) << Explain(encrypted);
}

TEST_P(GateTransitTest, AnUndeclaredEndpointFailsClosed) {
  GateResult r = Run({e_.https}, {{"telnet", nullptr}});
  const RuleResult& t = Transit(r);
  EXPECT_EQ(t.outcome, Outcome::kDeny) << Explain(r);
  EXPECT_EQ(t.evidence[0].state, "unknown");
  EXPECT_EQ(t.evidence[0].ref, "telnet");
}

TEST_P(GateTransitTest, ASystemWithoutEndpointsHasNothingToCheck) {
  GateResult r = Run({}, {});
  EXPECT_EQ(Transit(r).outcome, Outcome::kNotApplicable) << Explain(r);
  EXPECT_EQ(r.decision, Decision::kNeedsApproval);
}

TEST_P(GateTransitTest, AWildcardSystemFailsClosed) {
  s_.lines = {GateLine{"prod-*", nullptr, Permission::kRead, "needed"}};
  GateResult r = Evaluate(Builtin(GetParam()).access, s_.Request());
  EXPECT_EQ(Transit(r).outcome, Outcome::kDeny) << Explain(r);
  EXPECT_EQ(Transit(r).evidence[0].state, "wildcard");
}

INSTANTIATE_TEST_SUITE_P(Profiles, GateTransitTest, ::testing::Values("luma", "bloomapi", "janus"),
                         [](const auto& info) { return info.param; });

TEST(GateTransitParamsTest, RequireEndpointDeniesALineWhoseSystemDeclaresNone) {
  auto profile = ParseProfile(R"(
[profile]
name = "strict"
[access]
[[access.rules]]
id = "tp5.encrypted_transit"
check = "encrypted_transit"
seed_ref = "TP-5"
seed = "x"
statement = "encrypted"
remedy = "declare the endpoint"
params = { require_endpoint = true }
)",
                              "strict.toml");
  ASSERT_TRUE(profile.ok()) << profile.error().message;
  Scenario s;
  GateResult r = Evaluate(profile->access, s.Request());
  EXPECT_EQ(r.decision, Decision::kDeny) << Explain(r);
  EXPECT_EQ(r.rules[0].evidence[0].state, "no_endpoint");

  auto bad = ParseProfile(R"(
[profile]
name = "bad"
[access]
[[access.rules]]
id = "tp5.encrypted_transit"
check = "encrypted_transit"
seed_ref = "TP-5"
seed = "x"
statement = "encrypted"
remedy = "r"
params = { environments = ["production"] }
)",
                          "bad.toml");
  ASSERT_FALSE(bad.ok());
  std::string said = bad.error().message;
  for (const auto& d : bad.error().details) said += "\n" + d.field + ": " + d.reason;
  EXPECT_NE(said.find("unknown parameter for check encrypted_transit"), std::string::npos) << said;
}

}  // namespace
}  // namespace accord::policy
