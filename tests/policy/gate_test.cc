// The access gate against the real built-in profiles: one case per seed statement each
// rule implements, positive and negative, asserting the decision, the rule that decided
// and the evidence it names. gate_rules_test.cc has the tests that are not one request.
#include "accord/policy/gate.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <functional>
#include <map>
#include <set>
#include <span>

#include "accord/policy/gate_json.h"
#include "accord/policy/profile.h"
#include "policy/gate_scenario.h"

namespace accord::policy {
namespace {

struct GateCase {
  std::string name;     // <Profile>_<MISSION id>_<what>
  std::string profile;  // luma, bloomapi, janus
  std::function<void(Scenario&)> setup;
  Decision decision;
  std::string rule;  // the rule that decides (or is checked, for a passing case)
  Outcome outcome;
  Evidence evidence;                       // must be among the rule's evidence
  std::set<std::string> also_denied = {};  // other rules that deny the same request
};

void PrintTo(const GateCase& c, std::ostream* os) { *os << c.name; }

class GateCaseTest : public ::testing::TestWithParam<GateCase> {};

TEST_P(GateCaseTest, Decides) {
  const GateCase& c = GetParam();
  const Profile& profile = Builtin(c.profile);
  Scenario s;
  c.setup(s);
  GateResult r = Evaluate(profile.access, s.Request());

  EXPECT_EQ(Name(r.decision), Name(c.decision)) << Explain(r);
  const RuleResult* rule = r.Find(c.rule);
  ASSERT_NE(rule, nullptr) << c.rule << " is not a rule of " << c.profile;
  EXPECT_EQ(Name(rule->outcome), Name(c.outcome)) << Explain(r);
  EXPECT_FALSE(rule->reason.empty());
  bool found = c.evidence.kind.empty();  // nothing particular to look for
  for (const Evidence& e : rule->evidence_list()) {
    found |= e.kind == c.evidence.kind && e.ref == c.evidence.ref && e.state == c.evidence.state;
  }
  EXPECT_TRUE(found) << "no evidence {" << c.evidence.kind << ", " << c.evidence.ref << ", "
                     << c.evidence.state << "} in " << Explain(r);

  std::set<std::string> denied;
  for (const RuleResult& rr : r.results()) {
    if (rr.outcome == Outcome::kDeny) denied.insert(rr.rule->id);
  }
  std::set<std::string> expected = c.also_denied;
  if (c.outcome == Outcome::kDeny) expected.insert(c.rule);
  EXPECT_EQ(denied, expected) << Explain(r);
}

// --- setups ---------------------------------------------------------------------------------

using Setup = std::function<void(Scenario&)>;

Setup Base() {
  return [](Scenario&) {};
}
Setup Kind(PartyKind k) {
  return [k](Scenario& s) { s.SetKind(k); };
}
Setup Then(Setup a, Setup b) {
  return [a, b](Scenario& s) {
    a(s);
    b(s);
  };
}
Setup Status(PartyStatus st) {
  return [st](Scenario& s) { s.party.status = st; };
}
Setup OnlyLine(std::function<GateLine(Scenario&)> line) {
  return [line](Scenario& s) { s.lines = {line(s)}; };
}
Setup Read(GateSystem Scenario::*system) {
  return OnlyLine([system](Scenario& s) { return s.Line(s.*system, Permission::kRead); });
}
Setup Write(GateSystem Scenario::*system) {
  return OnlyLine([system](Scenario& s) { return s.Line(s.*system, Permission::kWrite); });
}
Setup Pattern(std::string_view ref, Permission p = Permission::kRead) {
  return OnlyLine([ref, p](Scenario&) { return GateLine{ref, nullptr, p, "needed"}; });
}
// TP-5: the staging system declares one endpoint and the line names it.
const GateEndpoint kFtp{"sys_staging/legacy-ftp", "ftp", true};
const GateEndpoint kSftp{"sys_staging/sftp", "sftp", false};
const GateLineEndpoint kViaFtp[] = {{"legacy-ftp", &kFtp}};
const GateLineEndpoint kViaSftp[] = {{"sftp", &kSftp}};
Setup Via(const GateEndpoint& endpoint, std::span<const GateLineEndpoint> named) {
  return [&endpoint, named](Scenario& s) {
    s.staging.endpoints = {&endpoint, 1};
    s.lines = {s.Line(s.staging, Permission::kRead)};
    s.lines[0].endpoints = named;
  };
}
Setup DropAgreement(std::string_view id) {
  return [id](Scenario& s) { std::erase_if(s.agreements, [&](auto& a) { return a.id == id; }); };
}
Setup Agreement(std::string_view id, std::function<void(GateAgreement&)> change) {
  return [id, change](Scenario& s) {
    for (auto& a : s.agreements) {
      if (a.id == id) change(a);
    }
  };
}
Setup Days(int start_days, int end_days) {
  return [=](Scenario& s) {
    s.start = s.now + std::chrono::days(start_days);
    s.end = s.now + std::chrono::days(end_days);
  };
}

// --- cases ----------------------------------------------------------------------------------

constexpr auto kAllow = Decision::kAllow;
constexpr auto kDeny = Decision::kDeny;
constexpr auto kApprove = Decision::kNeedsApproval;
constexpr auto kPass = Outcome::kPass;
constexpr auto kDenied = Outcome::kDeny;
constexpr auto kNeeds = Outcome::kNeedsApproval;
constexpr auto kNA = Outcome::kNotApplicable;

std::vector<GateCase> LumaCases() {
  const std::string p = "luma";
  return {
      // §21.2 statement 6: only current third parties.
      {"Luma_TP1_DeniesOffboardedParty",
       p,
       Status(PartyStatus::kOffboarded),
       kDeny,
       "tp1.current_party",
       kDenied,
       {"party", "pty_acme", "offboarded"}},
      {"Luma_TP1_DeniesProspect",
       p,
       Status(PartyStatus::kProspect),
       kDeny,
       "tp1.current_party",
       kDenied,
       {"party", "pty_acme", "prospect"}},
      {"Luma_TP1_OnboardingPartyMayAsk",
       p,
       Status(PartyStatus::kOnboarding),
       kApprove,
       "tp1.current_party",
       kPass,
       {"party", "pty_acme", "onboarding"}},
      // §21.2 statement 1: a hard deny, never an approval step.
      {"Luma_TP4_DeniesProductionEphiAccess",
       p,
       Read(&Scenario::prod_ephi),
       kDeny,
       "tp4.no_production_ephi",
       kDenied,
       {"system", "sys_prod_db", "production_ephi"}},
      {"Luma_TP4_DeniesProductionEphiForEveryKind",
       p,
       Then(Kind(PartyKind::kSubcontractor), Read(&Scenario::prod_ephi)),
       kDeny,
       "tp4.no_production_ephi",
       kDenied,
       {"system", "sys_prod_db", "production_ephi"}},
      {"Luma_TP4_DeniesPatternThatMayCoverProductionEphi",
       p,
       Pattern("prod-*"),
       kDeny,
       "tp4.no_production_ephi",
       kDenied,
       {"system", "prod-*", "wildcard"},
       {"tp5.encrypted_transit", "tr3.least_privilege"}},
      {"Luma_TP4_ProductionWithoutEphiGoesToApproval",
       p,
       Read(&Scenario::prod_web),
       kApprove,
       "tp4.no_production_ephi",
       kPass,
       {}},
      // §21.2 statement 3: customers and partners a BAA in force for the whole grant.
      {"Luma_TP6_DeniesCustomerWithoutBaa",
       p,
       DropAgreement("agr_baa"),
       kDeny,
       "tp6.baa_customers_partners",
       kDenied,
       {"agreement", "baa", "missing"}},
      {"Luma_TP6_DeniesBaaExpiringBeforeGrantEnds",
       p,
       Agreement("agr_baa",
                 [](GateAgreement& a) { a.expires_at = Scenario::kNow + std::chrono::days(10); }),
       kDeny,
       "tp6.baa_customers_partners",
       kDenied,
       {"agreement", "agr_baa", "expires_before_end"}},
      {"Luma_TP6_DeniesBaaNotYetExecuted",
       p,
       Agreement("agr_baa", [](GateAgreement& a) { a.status = AgreementStatus::kSent; }),
       kDeny,
       "tp6.baa_customers_partners",
       kDenied,
       {"agreement", "agr_baa", "not_executed"}},
      {"Luma_TP6_PartnerWithBaaGoesToApproval",
       p,
       Kind(PartyKind::kPartner),
       kApprove,
       "tp6.baa_customers_partners",
       kPass,
       {"agreement", "agr_baa", "ok"}},
      // §21.2 statement 4: subcontractors an SLA, plus a BAA when they handle ePHI.
      {"Luma_TP6_DeniesSubcontractorWithoutSla",
       p,
       Then(Kind(PartyKind::kSubcontractor), DropAgreement("agr_sla")),
       kDeny,
       "tp6.sla_subcontractors",
       kDenied,
       {"agreement", "sla", "missing"}},
      {"Luma_TP6_DeniesEphiSubcontractorWithoutBaa",
       p,
       Then(Kind(PartyKind::kSubcontractor), DropAgreement("agr_baa")),
       kDeny,
       "tp6.sla_subcontractors",
       kDenied,
       {"agreement", "baa", "missing"}},
      {"Luma_TP6_SubcontractorWithoutEphiNeedsNoBaa",
       p,
       Then(Then(Kind(PartyKind::kSubcontractor), DropAgreement("agr_baa")),
            [](Scenario& s) { s.party.handles_ephi = false; }),
       kApprove,
       "tp6.sla_subcontractors",
       kPass,
       {"agreement", "agr_sla", "ok"}},
      // §21.1.1 HITRUST 10.1: outsourced development under a contract.
      {"Luma_TP8_DeniesDeveloperWithoutContract",
       p,
       Then(Kind(PartyKind::kContractedDeveloper), DropAgreement("agr_dev")),
       kDeny,
       "tp8.development_contract",
       kDenied,
       {"agreement", "dev_contract", "missing"}},
      {"Luma_TP8_ContractRuleDoesNotApplyToCustomers",
       p,
       Base(),
       kApprove,
       "tp8.development_contract",
       kNA,
       {}},
      // §21.2 statement 2: all connections with third parties encrypted end to end.
      {"Luma_TP5_DeniesPlaintextEndpoint",
       p,
       Via(kFtp, kViaFtp),
       kDeny,
       "tp5.encrypted_transit",
       kDenied,
       {"endpoint", "sys_staging/legacy-ftp", "plaintext"}},
      {"Luma_TP5_EncryptedEndpointGoesToApproval",
       p,
       Via(kSftp, kViaSftp),
       kApprove,
       "tp5.encrypted_transit",
       kPass,
       {"endpoint", "sys_staging/sftp", "encrypted"}},
      // Trust page, IAM: least privilege, 90-day reviews, approval.
      {"Luma_TR3_DeniesWildcardSystem",
       p,
       Pattern("*"),
       kDeny,
       "tr3.least_privilege",
       kDenied,
       {"system", "*", "wildcard"},
       {"tp4.no_production_ephi", "tp5.encrypted_transit"}},
      {"Luma_TR3_DeniesLineWithoutJustification",
       p,
       OnlyLine([](Scenario& s) { return s.Line(s.staging, Permission::kRead, "  "); }),
       kDeny,
       "tr3.least_privilege",
       kDenied,
       {"system", "sys_staging", "no_justification"}},
      {"Luma_TR3_DeniesGrantOver90Days",
       p,
       Days(0, 91),
       kDeny,
       "tr3.entitlement_review_period",
       kDenied,
       {"grant", "duration", "exceeds_max_days"}},
      {"Luma_TR3_DeniesGrantEndingBeforeItStarts",
       p,
       Days(5, 5),
       kDeny,
       "tr3.entitlement_review_period",
       kDenied,
       {"grant", "end", "not_after_start"}},
      {"Luma_TR3_NeedsSecurityOfficerApproval",
       p,
       Base(),
       kApprove,
       "tr3.approval",
       kNeeds,
       {"approval", "security_officer", "required"}},
  };
}

// BloomAPI and Janus carry the same rules; only the statements' printed numbers differ
// (their seed strings are checked in SeedReferencesFollowThePrintedNumbers).
std::vector<GateCase> TrioCases(const std::string& p, const std::string& prefix) {
  auto n = [&](const char* rest) { return prefix + "_" + rest; };
  auto dev = Kind(PartyKind::kContractedDeveloper);
  return {
      // Statement 8 (janus 9): the list of current parties.
      {n("TP1_DeniesOffboardedParty"),
       p,
       Status(PartyStatus::kOffboarded),
       kDeny,
       "tp1.current_party",
       kDenied,
       {"party", "pty_acme", "offboarded"}},
      // Statement 1: due diligence, controls, an executed agreement, before any access.
      {n("TP2_DeniesWithoutDueDiligence"),
       p,
       [](Scenario& s) { s.due_diligence.clear(); },
       kDeny,
       "tp2.due_diligence",
       kDenied,
       {"due_diligence", "", "missing"}},
      {n("TP2_DeniesFailedDueDiligence"),
       p,
       [](Scenario& s) { s.due_diligence[0].passed = false; },
       kDeny,
       "tp2.due_diligence",
       kDenied,
       {"due_diligence", "dd_1", "failed"}},
      {n("TP2_DeniesDueDiligenceDatedAfterStart"),
       p,
       [](Scenario& s) {
         s.start = s.now - std::chrono::hours(12);  // a grant may start up to a day ago
         s.due_diligence[0].date = s.now - std::chrono::hours(1);
       },
       kDeny,
       "tp2.due_diligence",
       kDenied,
       {"due_diligence", "dd_1", "after_start"}},
      {n("TP2_AcceptsPassedDueDiligence"),
       p,
       Base(),
       kApprove,
       "tp2.due_diligence",
       kPass,
       {"due_diligence", "dd_1", "ok"}},
      {n("TP2_DeniesWithoutControls"),
       p,
       [](Scenario& s) { s.controls.clear(); },
       kDeny,
       "tp2.controls",
       kDenied,
       {"control", "", "missing"}},
      {n("TP2_AcceptsRecordedControls"),
       p,
       Base(),
       kApprove,
       "tp2.controls",
       kPass,
       {"control", "ctl_1", "ok"}},
      {n("TP2_DeniesWithoutExecutedAgreement"),
       p,
       Agreement("agr_baa", [](GateAgreement& a) { a.status = AgreementStatus::kDraft; }),
       kDeny,
       "tp2.agreement_in_force",
       kDenied,
       {"agreement", "agr_baa", "not_executed"}},
      {n("TP2_DeniesAgreementNotYetInForce"),
       p,
       Agreement("agr_baa",
                 [](GateAgreement& a) { a.effective_at = Scenario::kNow + std::chrono::days(3); }),
       kDeny,
       "tp2.agreement_in_force",
       kDenied,
       {"agreement", "agr_baa", "not_in_force"}},
      {n("TP2_DeniesTerminatedAgreement"),
       p,
       Agreement("agr_baa", [](GateAgreement& a) { a.status = AgreementStatus::kTerminated; }),
       kDeny,
       "tp2.agreement_in_force",
       kDenied,
       {"agreement", "agr_baa", "terminated"}},
      {n("TP2_DeniesEphiSubcontractorWithoutBaa"),
       p,
       Then(Kind(PartyKind::kSubcontractor), DropAgreement("agr_baa")),
       kDeny,
       "tp2.agreement_in_force",
       kDenied,
       {"agreement", "baa", "missing"}},
      {n("TP2_NeedsSecurityOfficerApproval"),
       p,
       Base(),
       kApprove,
       "tp2.approval",
       kNeeds,
       {"approval", "security_officer", "required"}},
      {n("TP2_ProductionEphiIsAnApprovalNotADeny"),
       p,
       Read(&Scenario::prod_ephi),
       kApprove,
       "tp2.approval",
       kNeeds,
       {"approval", "security_officer", "required"}},
      // Statement 2: all connections with third parties encrypted end to end.
      {n("TP5_DeniesPlaintextEndpoint"),
       p,
       Via(kFtp, kViaFtp),
       kDeny,
       "tp5.encrypted_transit",
       kDenied,
       {"endpoint", "sys_staging/legacy-ftp", "plaintext"}},
      {n("TP5_EncryptedEndpointGoesToApproval"),
       p,
       Via(kSftp, kViaSftp),
       kApprove,
       "tp5.encrypted_transit",
       kPass,
       {"endpoint", "sys_staging/sftp", "encrypted"}},
      // Statement 3: minimum necessary, for the duration required.
      {n("TP3_DeniesWildcardSystem"),
       p,
       Pattern("*", Permission::kRead),
       kDeny,
       "tp3.minimum_necessary",
       kDenied,
       {"system", "*", "wildcard"},
       {"tp5.encrypted_transit"}},
      {n("TP3_DeniesUnknownSystem"),
       p,
       Pattern("billing-db"),
       kDeny,
       "tp3.minimum_necessary",
       kDenied,
       {"system", "billing-db", "unknown"},
       {"tp5.encrypted_transit"}},
      {n("TP3_DeniesEmptyRequest"),
       p,
       [](Scenario& s) { s.lines.clear(); },
       kDeny,
       "tp3.minimum_necessary",
       kDenied,
       {"grant", "systems", "empty"}},
      {n("TP3_DeniesGrantOver90Days"),
       p,
       Days(0, 120),
       kDeny,
       "tp3.time_bound",
       kDenied,
       {"grant", "duration", "exceeds_max_days"}},
      {n("TP3_DeniesBackdatedGrant"),
       p,
       Days(-10, 20),
       kDeny,
       "tp3.time_bound",
       kDenied,
       {"grant", "start", "too_far_in_past"}},
      {n("TP3_AcceptsGrantWithinLimit"),
       p,
       Days(0, 90),
       kApprove,
       "tp3.time_bound",
       kPass,
       {"grant", "duration", "ok"}},
      // Statement 6 (janus 7): infrastructure changes only with explicit permission.
      {n("TP8_DeniesInfrastructureChangeWithoutPermission"),
       p,
       Write(&Scenario::staging_k8s),
       kDeny,
       "tp8.infrastructure_permission",
       kDenied,
       {"permission", "sys_stg_k8s", "missing"}},
      {n("TP8_AllowsInfrastructureChangeWithPermission"),
       p,
       Then(Write(&Scenario::staging_k8s), [](Scenario& s) { s.GrantPermission("sys_stg_k8s"); }),
       kApprove,
       "tp8.infrastructure_permission",
       kPass,
       {"permission", "perm_1", "ok"}},
      {n("TP8_DeniesPermissionEndingBeforeGrant"),
       p,
       Then(Write(&Scenario::staging_k8s),
            [](Scenario& s) {
              s.GrantPermission("sys_stg_k8s", Scenario::kNow + std::chrono::days(7));
            }),
       kDeny,
       "tp8.infrastructure_permission",
       kDenied,
       {"permission", "perm_1", "expires_before_end"}},
      {n("TP8_ReadingInfrastructureNeedsNoPermission"),
       p,
       Read(&Scenario::staging_k8s),
       kApprove,
       "tp8.infrastructure_permission",
       kNA,
       {}},
      // Statement 7 (janus 8): production changes by the workforce only; a formal contract.
      {n("TP8_DeveloperNoProductionWrite"),
       p,
       Then(dev, Write(&Scenario::prod_web)),
       kDeny,
       "tp8.workforce_only_production_changes",
       kDenied,
       {"system", "sys_prod_web", "production_write"}},
      {n("TP8_DeveloperMayWriteToStaging"),
       p,
       Then(dev, Write(&Scenario::staging)),
       kApprove,
       "tp8.workforce_only_production_changes",
       kPass,
       {}},
      {n("TP8_DeveloperMayReadProduction"),
       p,
       Then(dev, Read(&Scenario::prod_web)),
       kApprove,
       "tp8.workforce_only_production_changes",
       kPass,
       {}},
      {n("TP8_DeniesDeveloperWithoutContract"),
       p,
       Then(dev, DropAgreement("agr_dev")),
       kDeny,
       "tp8.development_contract",
       kDenied,
       {"agreement", "dev_contract", "missing"}},
      {n("TP8_DeveloperWithContractGoesToApproval"),
       p,
       dev,
       kApprove,
       "tp8.development_contract",
       kPass,
       {"agreement", "agr_dev", "ok"}},
  };
}

std::vector<GateCase> AllCases() {
  std::vector<GateCase> all = LumaCases();
  for (auto& c : TrioCases("bloomapi", "Bloomapi")) all.push_back(std::move(c));
  for (auto& c : TrioCases("janus", "Janus")) all.push_back(std::move(c));
  return all;
}

INSTANTIATE_TEST_SUITE_P(Profiles, GateCaseTest, ::testing::ValuesIn(AllCases()),
                         [](const auto& info) { return info.param.name; });

TEST(GateTest, EveryRuleOfEveryProfileHasACase) {
  std::map<std::string, std::set<std::string>> covered;
  for (const auto& c : AllCases()) covered[c.profile].insert(c.rule);
  for (const auto& name : BuiltinProfileNames()) {
    for (const auto& rule : Builtin(name).access.rules) {
      EXPECT_TRUE(covered[name].contains(rule.id)) << name << ": no case for " << rule.id;
    }
  }
}

}  // namespace
}  // namespace accord::policy
