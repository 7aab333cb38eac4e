// The gate's behaviour beyond single requests: the built-in profiles' seed references,
// decision precedence, narrowing approval, the JSON form and the enum names.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "accord/policy/gate.h"
#include "accord/policy/gate_json.h"
#include "accord/policy/profile.h"
#include "policy/gate_scenario.h"

namespace accord::policy {
namespace {

TEST(GateTest, SeedReferencesFollowThePrintedNumbers) {
  auto seed_of = [](const std::string& profile, const std::string& id) {
    for (const auto& r : Builtin(profile).access.rules) {
      if (r.id == id) return r.seed;
    }
    return std::string();
  };
  EXPECT_EQ(seed_of("luma", "tp4.no_production_ephi"),
            "000_9763f25ad8a1e683.txt §21.2 statement 1");
  EXPECT_EQ(seed_of("bloomapi", "tp8.infrastructure_permission"),
            "002_8206976e1fe11027.txt statement 6, sentence 1");
  // Janus skips 6: the same statement is printed as 7.
  EXPECT_EQ(seed_of("janus", "tp8.infrastructure_permission"),
            "004_929cc915e4a4347b.txt statement 7 as printed (6th in the list), sentence 1");
  EXPECT_EQ(seed_of("janus", "tp8.development_contract"),
            "004_929cc915e4a4347b.txt statement 8 as printed (7th in the list), sentence 2");
}

TEST(GateTest, AllowsWhenNoRuleAsksForApproval) {
  AccessPolicy policy = Builtin("bloomapi").access;
  std::erase_if(policy.rules, [](const AccessRule& r) { return r.check == CheckKind::kApproval; });
  Scenario s;
  GateResult r = Evaluate(policy, s.Request());
  EXPECT_EQ(r.decision, Decision::kAllow) << Explain(r);
  EXPECT_EQ(r.rule_count, policy.rules.size());
}

TEST(GateTest, DenyOutranksApprovalAndEveryRuleIsReported) {
  Scenario s;
  s.due_diligence.clear();
  s.lines = {s.Line(s.prod_ephi, Permission::kRead)};
  GateResult r = Evaluate(Builtin("luma").access, s.Request());
  EXPECT_EQ(r.decision, Decision::kDeny);
  ASSERT_EQ(r.rule_count, Builtin("luma").access.rules.size());
  EXPECT_EQ(r.Find("tr3.approval")->outcome, Outcome::kNeedsApproval);
}

TEST(GateTest, ApprovalCanBeNarrowedToEnvironmentsAndEphi) {
  AccessPolicy policy = Builtin("bloomapi").access;
  for (auto& rule : policy.rules) {
    if (rule.check != CheckKind::kApproval) continue;
    rule.params.environments = {Environment::kProduction};
    rule.params.ephi_only = true;
  }
  Scenario s;  // a staging read
  EXPECT_EQ(Evaluate(policy, s.Request()).decision, Decision::kAllow);
  s.lines = {s.Line(s.prod_web, Permission::kRead)};
  EXPECT_EQ(Evaluate(policy, s.Request()).decision, Decision::kAllow);
  s.lines = {s.Line(s.prod_ephi, Permission::kRead)};
  EXPECT_EQ(Evaluate(policy, s.Request()).decision, Decision::kNeedsApproval);
}

TEST(GateTest, ExplainsItselfAsJson) {
  Scenario s;
  s.agreements.clear();
  GateResult r = Evaluate(Builtin("bloomapi").access, s.Request());
  boost::json::object o = ToJson(r);
  EXPECT_EQ(o.at("decision").as_string(), "deny");
  const auto& rules = o.at("rules").as_array();
  ASSERT_EQ(rules.size(), Builtin("bloomapi").access.rules.size());
  const boost::json::object* agreement = nullptr;
  for (const auto& rule : rules) {
    if (rule.at("id") == "tp2.agreement_in_force") agreement = &rule.as_object();
  }
  ASSERT_NE(agreement, nullptr);
  EXPECT_EQ(agreement->at("outcome").as_string(), "deny");
  EXPECT_EQ(agreement->at("seed_ref").as_string(), "TP-2");
  EXPECT_NE(agreement->at("citation").as_string().find("164.314(a)(1)(i)"), std::string::npos);
  EXPECT_FALSE(agreement->at("statement").as_string().empty());
  EXPECT_FALSE(agreement->at("reason").as_string().empty());
  EXPECT_NE(agreement->at("remedy").as_string().find("BAA"), std::string::npos);
  const auto& evidence = agreement->at("evidence").as_array();
  ASSERT_EQ(evidence.size(), 1u);
  EXPECT_EQ(evidence[0],
            (boost::json::object{{"kind", "agreement"}, {"ref", "baa"}, {"state", "missing"}}));
  // A passing rule has nothing to do next.
  for (const auto& rule : rules) {
    if (rule.at("outcome") == "pass") {
      EXPECT_EQ(rule.at("remedy").as_string(), "");
    }
  }
}

TEST(GateTest, EnumNamesRoundTrip) {
  for (int i = 0; i < 4; ++i) {
    auto k = static_cast<PartyKind>(i);
    EXPECT_EQ(ParsePartyKind(Name(k)), k);
  }
  for (int i = 0; i < 6; ++i) {
    auto t = static_cast<AgreementType>(i);
    EXPECT_EQ(ParseAgreementType(Name(t)), t);
  }
  EXPECT_EQ(Name(AgreementType::kDevContract), "dev_contract");
  EXPECT_EQ(Name(PartyKind::kContractedDeveloper), "contracted_developer");
  EXPECT_EQ(ParseEnvironment("staging"), Environment::kStaging);
  EXPECT_EQ(ParsePermission("admin"), Permission::kAdmin);
  EXPECT_EQ(ParseAgreementStatus("terminated"), AgreementStatus::kTerminated);
  EXPECT_EQ(ParsePartyStatus("offboarded"), PartyStatus::kOffboarded);
  EXPECT_EQ(ParseCheckKind("no_production_ephi"), CheckKind::kNoProductionEphi);
  EXPECT_FALSE(ParsePartyKind("vendor").has_value());
  EXPECT_EQ(Name(Decision::kNeedsApproval), "needs_approval");
  EXPECT_EQ(Name(Outcome::kNotApplicable), "not_applicable");
}

}  // namespace
}  // namespace accord::policy
