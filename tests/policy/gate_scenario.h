// A third party and a request for the gate tests: by default a customer handling ePHI with
// everything in order (BAA, due diligence, controls) asking to read one staging system for
// 30 days. Each case changes one thing.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/policy/gate.h"
#include "accord/policy/gate_json.h"
#include "accord/policy/profile.h"

namespace accord::policy {

struct Scenario {
  static constexpr TimePoint kNow =
      TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 3 / 2).time_since_epoch());

  GateSystem prod_ephi{"sys_prod_db", "patient-db", Environment::kProduction, true, false};
  GateSystem prod_web{"sys_prod_web", "web", Environment::kProduction, false, false};
  GateSystem staging{"sys_staging", "staging-api", Environment::kStaging, false, false};
  GateSystem staging_k8s{"sys_stg_k8s", "k8s-staging", Environment::kStaging, false, true};
  GateSystem dev{"sys_dev", "sandbox", Environment::kDevelopment, false, false};

  std::vector<GateAgreement> agreements;
  std::vector<GateRecord> due_diligence{{"dd_1", kNow - std::chrono::days(30), true}};
  std::vector<GateRecord> controls{{"ctl_1", kNow - std::chrono::days(20), true}};
  std::vector<GatePermission> permissions;
  std::vector<GateLine> lines;
  GateParty party{"pty_acme", PartyKind::kCustomer, PartyStatus::kActive, true, {}, {}, {}, {}};
  TimePoint now = kNow;
  TimePoint start = kNow;
  TimePoint end = kNow + std::chrono::days(30);

  Scenario() {
    SetKind(PartyKind::kCustomer);
    lines = {Line(staging, Permission::kRead)};
  }

  // The kind and the agreements that kind needs, all executed and in force for a year.
  void SetKind(PartyKind kind) {
    party.kind = kind;
    party.handles_ephi = kind != PartyKind::kContractedDeveloper;
    agreements.clear();
    switch (kind) {
      case PartyKind::kCustomer:
      case PartyKind::kPartner:
        agreements = {Agreement("agr_baa", AgreementType::kBaa)};
        break;
      case PartyKind::kSubcontractor:
        agreements = {Agreement("agr_sla", AgreementType::kSla),
                      Agreement("agr_baa", AgreementType::kBaa)};
        break;
      case PartyKind::kContractedDeveloper:
        agreements = {Agreement("agr_dev", AgreementType::kDevContract)};
        break;
    }
  }

  static GateAgreement Agreement(std::string_view id, AgreementType type) {
    return {id, type, AgreementStatus::kExecuted, kNow - std::chrono::days(365),
            kNow + std::chrono::days(365)};
  }

  GateLine Line(const GateSystem& system, Permission p,
                std::string_view why = "integration support, ticket 42") const {
    return {system.name, &system, p, why};
  }

  void GrantPermission(std::string_view system_id, std::optional<TimePoint> until = {}) {
    permissions.push_back({"perm_1", system_id, kNow - std::chrono::days(1), until});
  }

  GateRequest Request() {
    party.agreements = agreements;
    party.due_diligence = due_diligence;
    party.controls = controls;
    party.permissions = permissions;
    return {&party, lines, start, end, now};
  }
};

// A built-in profile, loaded once per test binary.
inline const Profile& Builtin(const std::string& name) {
  static std::map<std::string, Profile> cache;
  auto it = cache.find(name);
  if (it == cache.end()) {
    auto p = LoadProfile(name);
    if (!p.ok()) ADD_FAILURE() << p.error().message;
    it = cache.emplace(name, p.ok() ? *p : Profile{}).first;
  }
  return it->second;
}

inline std::string Explain(const GateResult& r) { return boost::json::serialize(ToJson(r)); }

}  // namespace accord::policy
