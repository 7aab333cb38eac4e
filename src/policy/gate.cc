#include "accord/policy/gate.h"

#include <algorithm>
#include <chrono>

namespace accord::policy {
namespace {

using std::chrono::days;
using std::chrono::hours;

// --- names --------------------------------------------------------------------------------

constexpr std::string_view kPartyKindNames[] = {"customer", "partner", "subcontractor",
                                                "contracted_developer"};
constexpr std::string_view kEnvironmentNames[] = {"production", "staging", "development"};
constexpr std::string_view kPermissionNames[] = {"read", "write", "admin"};
constexpr std::string_view kAgreementTypeNames[] = {"baa",          "sla", "nda",
                                                    "dev_contract", "msa", "dpa"};
constexpr std::string_view kAgreementStatusNames[] = {"draft", "sent", "executed", "expired",
                                                      "terminated"};
constexpr std::string_view kPartyStatusNames[] = {"prospect", "onboarding", "active", "offboarded"};
constexpr std::string_view kCheckKindNames[] = {"party_status",
                                                "due_diligence",
                                                "controls",
                                                "agreement_in_force",
                                                "no_production_ephi",
                                                "time_bound",
                                                "minimum_necessary",
                                                "developer_no_production_write",
                                                "infrastructure_permission",
                                                "approval",
                                                "encrypted_transit"};
constexpr std::string_view kOutcomeNames[] = {"pass", "deny", "needs_approval", "not_applicable"};
constexpr std::string_view kDecisionNames[] = {"allow", "deny", "needs_approval"};

template <typename E, size_t N>
std::optional<E> ParseIn(const std::string_view (&names)[N], std::string_view name) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<E>(i);
  }
  return std::nullopt;
}

template <typename E, size_t N>
std::string_view NameIn(const std::string_view (&names)[N], E value) {
  auto i = static_cast<size_t>(value);
  return i < N ? names[i] : std::string_view("unknown");
}

// --- result building ------------------------------------------------------------------------

void Add(RuleResult& r, std::string_view kind, std::string_view ref, std::string_view state) {
  if (r.evidence_count < RuleResult::kMaxEvidence) {
    r.evidence[r.evidence_count++] = {kind, ref, state};
  }
}

void Set(RuleResult& r, Outcome outcome, std::string_view reason) {
  r.outcome = outcome;
  r.reason = reason;
}

// In force for the whole grant: from at or before the start, until at or after the end.
bool Covers(TimePoint from, const std::optional<TimePoint>& until, const GateRequest& q) {
  return from <= q.start && (!until || *until >= q.end);
}

bool IsWildcard(std::string_view ref) { return ref.find('*') != std::string_view::npos; }

// Evidence for a line whose system the gate cannot see (not in the registry, or a pattern).
std::string_view UnresolvedState(const GateLine& line) {
  return IsWildcard(line.system_ref) ? "wildcard" : "unknown";
}

constexpr std::string_view kNotThisKind = "does not apply to this kind of party";

// --- party_status ----------------------------------------------------------------------------

void CheckPartyStatus(const AccessRule& rule, const GateRequest& q, RuleResult& r) {
  const GateParty& p = *q.party;
  Add(r, "party", p.id, Name(p.status));
  if (rule.params.statuses.Has(p.status)) {
    Set(r, Outcome::kPass, "the party's status allows access");
  } else if (p.status == PartyStatus::kOffboarded) {
    Set(r, Outcome::kDeny, "the party is offboarded: it keeps no access");
  } else {
    Set(r, Outcome::kDeny, "the party is not onboarded yet: it gets no access");
  }
}

// --- due_diligence, controls ---------------------------------------------------------------

struct RecordTexts {
  std::string_view kind;
  std::string_view ok, missing, failed, after_start, stale;
};

constexpr RecordTexts kDueDiligenceTexts{
    "due_diligence",
    "due diligence with the party passed before the grant starts",
    "no due diligence is recorded for the party",
    "the party's recorded due diligence did not pass",
    "the party's due diligence is dated after the grant starts",
    "the party's last passed due diligence is older than the profile allows"};

constexpr RecordTexts kControlsTexts{
    "control",
    "controls to maintain compliance were recorded before the grant starts",
    "no controls are recorded for the party",
    "the party's recorded controls did not pass",
    "the party's controls are dated after the grant starts",
    "the party's last passed controls record is older than the profile allows"};

// Failure states from least to most nearly satisfied: the closest miss explains best.
enum class RecordState { kMissing, kFailed, kAfterStart, kStale, kOk };

RecordState Classify(const GateRecord& rec, const RuleParams& params, const GateRequest& q) {
  if (!rec.passed) return RecordState::kFailed;
  if (rec.date > q.start || rec.date > q.now) return RecordState::kAfterStart;
  if (params.max_age_days > 0 && rec.date < q.start - days(params.max_age_days)) {
    return RecordState::kStale;
  }
  return RecordState::kOk;
}

void CheckRecords(const AccessRule& rule, std::span<const GateRecord> records,
                  const RecordTexts& texts, const GateRequest& q, RuleResult& r) {
  RecordState best = RecordState::kMissing;
  const GateRecord* best_record = nullptr;
  for (const GateRecord& rec : records) {
    RecordState s = Classify(rec, rule.params, q);
    // Among equals, the latest record is the one to show.
    if (s > best || (s == best && best_record && rec.date > best_record->date)) {
      best = s;
      best_record = &rec;
    }
  }
  switch (best) {
    case RecordState::kOk:
      Add(r, texts.kind, best_record->id, "ok");
      return Set(r, Outcome::kPass, texts.ok);
    case RecordState::kStale:
      Add(r, texts.kind, best_record->id, "stale");
      return Set(r, Outcome::kDeny, texts.stale);
    case RecordState::kAfterStart:
      Add(r, texts.kind, best_record->id, "after_start");
      return Set(r, Outcome::kDeny, texts.after_start);
    case RecordState::kFailed:
      Add(r, texts.kind, best_record->id, "failed");
      return Set(r, Outcome::kDeny, texts.failed);
    case RecordState::kMissing:
      Add(r, texts.kind, "", "missing");
      return Set(r, Outcome::kDeny, texts.missing);
  }
}

// --- agreement_in_force ----------------------------------------------------------------------

// As for records: a higher state is a nearer miss.
enum class AgreementState {
  kMissing,
  kNotExecuted,
  kTerminated,
  kExpired,
  kNotInForce,
  kExpiresBeforeEnd,
  kOk
};

constexpr std::string_view kAgreementStateNames[] = {
    "missing", "not_executed", "terminated", "expired", "not_in_force", "expires_before_end", "ok"};

AgreementState Classify(const GateAgreement& a, const GateRequest& q) {
  switch (a.status) {
    case AgreementStatus::kDraft:
    case AgreementStatus::kSent:
      return AgreementState::kNotExecuted;
    case AgreementStatus::kTerminated:
      return AgreementState::kTerminated;
    case AgreementStatus::kExpired:
      return AgreementState::kExpired;
    case AgreementStatus::kExecuted:
      break;
  }
  if (a.expires_at && *a.expires_at < q.start) return AgreementState::kExpired;
  if (a.effective_at > q.start) return AgreementState::kNotInForce;
  if (a.expires_at && *a.expires_at < q.end) return AgreementState::kExpiresBeforeEnd;
  return AgreementState::kOk;
}

// Adds the evidence for one required type; true when an agreement satisfies it.
bool CheckAgreementType(AgreementType type, const GateRequest& q, RuleResult& r) {
  AgreementState best = AgreementState::kMissing;
  const GateAgreement* best_agreement = nullptr;
  for (const GateAgreement& a : q.party->agreements) {
    if (a.type != type) continue;
    AgreementState s = Classify(a, q);
    if (s > best) {
      best = s;
      best_agreement = &a;
    }
  }
  std::string_view ref = best_agreement ? best_agreement->id : Name(type);
  Add(r, "agreement", ref, kAgreementStateNames[static_cast<int>(best)]);
  return best == AgreementState::kOk;
}

void CheckAgreements(const AccessPolicy& policy, const GateRequest& q, RuleResult& r) {
  const GateParty& p = *q.party;
  EnumSet<AgreementType> required = policy.RequiredFor(p.kind, p.handles_ephi);
  if (required.empty()) {
    return Set(r, Outcome::kNotApplicable, "the profile requires no agreement of this party kind");
  }
  bool all_ok = true;
  for (int t = 0; t <= static_cast<int>(AgreementType::kDpa); ++t) {
    auto type = static_cast<AgreementType>(t);
    if (required.Has(type)) all_ok = CheckAgreementType(type, q, r) && all_ok;
  }
  if (all_ok) {
    return Set(r, Outcome::kPass,
               "every required agreement is executed and in force for the whole grant");
  }
  Set(r, Outcome::kDeny,
      "a required agreement is missing, not executed, or not in force for the whole grant");
}

// --- no_production_ephi ----------------------------------------------------------------------

void CheckNoProductionEphi(const AccessRule& rule, const GateRequest& q, RuleResult& r) {
  bool forbidden = false;
  bool unresolved = false;
  for (const GateLine& line : q.lines) {
    if (!line.system) {
      // Fail closed: a pattern or an unknown name may cover a production ePHI system.
      unresolved = true;
      Add(r, "system", line.system_ref, UnresolvedState(line));
    } else if (line.system->contains_ephi &&
               rule.params.environments.Has(line.system->environment)) {
      forbidden = true;
      Add(r, "system", line.system->id, "production_ephi");
    }
  }
  if (forbidden) {
    return Set(r, Outcome::kDeny,
               "third parties never get access to production systems containing ePHI");
  }
  if (unresolved) {
    return Set(r, Outcome::kDeny,
               "a requested system is unknown or a wildcard, so it may be a production system "
               "containing ePHI");
  }
  Set(r, Outcome::kPass, "no requested system is a production system containing ePHI");
}

// --- time_bound ------------------------------------------------------------------------------

void CheckTimeBound(const AccessPolicy& policy, const AccessRule& rule, const GateRequest& q,
                    RuleResult& r) {
  std::string_view reason;
  auto fail = [&](std::string_view ref, std::string_view state, std::string_view why) {
    Add(r, "grant", ref, state);
    if (reason.empty()) reason = why;
  };
  if (q.end <= q.start) fail("end", "not_after_start", "the grant must end after it starts");
  if (q.end - q.start > days(policy.max_grant_days)) {
    fail("duration", "exceeds_max_days", "the grant is longer than the profile allows");
  }
  if (q.start < q.now - hours(rule.params.max_backdate_hours)) {
    fail("start", "too_far_in_past", "the grant starts too far in the past");
  }
  if (q.end <= q.now) fail("end", "in_past", "the grant has already ended");
  if (!reason.empty()) return Set(r, Outcome::kDeny, reason);
  Add(r, "grant", "duration", "ok");
  Set(r, Outcome::kPass, "the grant ends within the longest duration the profile allows");
}

// --- minimum_necessary -----------------------------------------------------------------------

bool Blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

void CheckMinimumNecessary(const AccessRule& rule, const GateRequest& q, RuleResult& r) {
  if (q.lines.empty()) {
    Add(r, "grant", "systems", "empty");
    return Set(r, Outcome::kDeny, "the request names no system");
  }
  bool unresolved = false;
  bool unjustified = false;
  for (const GateLine& line : q.lines) {
    if (!line.system) {
      unresolved = true;
      Add(r, "system", line.system_ref, UnresolvedState(line));
    } else if (rule.params.require_justification && Blank(line.justification)) {
      unjustified = true;
      Add(r, "system", line.system->id, "no_justification");
    }
  }
  if (unresolved) {
    return Set(r, Outcome::kDeny, "access must name exact, known systems: no wildcards");
  }
  if (unjustified) {
    return Set(r, Outcome::kDeny, "every requested system needs a justification");
  }
  Set(r, Outcome::kPass, "every line names one known system, a permission and a justification");
}

// --- developer_no_production_write -----------------------------------------------------------

void CheckDeveloperProductionWrite(const AccessRule& rule, const GateRequest& q, RuleResult& r) {
  const RuleParams& params = rule.params;
  bool forbidden = false;
  bool unresolved = false;
  for (const GateLine& line : q.lines) {
    if (!params.permissions.Has(line.permission)) continue;
    if (!line.system) {
      unresolved = true;  // fail closed, as for ePHI
      Add(r, "system", line.system_ref, UnresolvedState(line));
    } else if (params.environments.Has(line.system->environment)) {
      forbidden = true;
      Add(r, "system", line.system->id, "production_write");
    }
  }
  if (forbidden) {
    return Set(r, Outcome::kDeny,
               "changes to production are approved and made by workforce members only: no "
               "write or admin access to production for this party");
  }
  if (unresolved) {
    return Set(r, Outcome::kDeny,
               "write access to an unknown system or a wildcard may reach production");
  }
  Set(r, Outcome::kPass, "no write or admin access to production is requested");
}

// --- infrastructure_permission ---------------------------------------------------------------

// Adds the evidence for one infrastructure line; true when a permission covers the grant.
bool CheckPermissionFor(const GateSystem& system, const GateRequest& q, RuleResult& r) {
  const GatePermission* near = nullptr;  // for this system, but not for the whole grant
  for (const GatePermission& p : q.party->permissions) {
    if (p.system_id != system.id) continue;
    if (Covers(p.valid_from, p.valid_until, q)) {
      Add(r, "permission", p.id, "ok");
      return true;
    }
    near = &p;
  }
  if (!near) {
    Add(r, "permission", system.id, "missing");
  } else {
    Add(r, "permission", near->id,
        near->valid_from > q.start ? "not_in_force" : "expires_before_end");
  }
  return false;
}

void CheckInfrastructurePermission(const AccessRule& rule, const GateRequest& q, RuleResult& r) {
  bool concerned = false;
  bool all_ok = true;
  for (const GateLine& line : q.lines) {
    if (!rule.params.permissions.Has(line.permission)) continue;
    if (!line.system) {
      concerned = true;
      all_ok = false;  // cannot show a permission for a system we cannot see
      Add(r, "system", line.system_ref, UnresolvedState(line));
    } else if (line.system->infrastructure) {
      concerned = true;
      all_ok = CheckPermissionFor(*line.system, q, r) && all_ok;
    }
  }
  if (!concerned) {
    return Set(r, Outcome::kNotApplicable, "no change access to infrastructure is requested");
  }
  if (all_ok) {
    return Set(r, Outcome::kPass,
               "an explicit permission covers every infrastructure change for the whole grant");
  }
  Set(r, Outcome::kDeny,
      "changes to infrastructure need an explicit permission in force for the whole grant");
}

// --- approval --------------------------------------------------------------------------------

bool NeedsApproval(const RuleParams& params, const GateLine& line) {
  if (!line.system) return true;
  return params.environments.Has(line.system->environment) &&
         params.permissions.Has(line.permission) &&
         (!params.ephi_only || line.system->contains_ephi);
}

void CheckApproval(const AccessPolicy& policy, const AccessRule& rule, const GateRequest& q,
                   RuleResult& r) {
  bool needed = std::any_of(q.lines.begin(), q.lines.end(),
                            [&](const GateLine& line) { return NeedsApproval(rule.params, line); });
  if (!needed) {
    return Set(r, Outcome::kNotApplicable, "no requested system needs approval under this profile");
  }
  for (const std::string& role : policy.approver_roles) Add(r, "approval", role, "required");
  Set(r, Outcome::kNeedsApproval, rule.reason);
}

// --- encrypted_transit -------------------------------------------------------------------

// Calls `visit` with each endpoint a line lets the party use (null: named but not declared):
// the named ones, or every endpoint of its system when the line names none.
template <typename Visit>
void ForEachEndpoint(const GateLine& line, Visit&& visit) {
  if (!line.endpoints.empty()) {
    for (const GateLineEndpoint& named : line.endpoints) visit(named.ref, named.endpoint);
    return;
  }
  for (const GateEndpoint& e : line.system->endpoints) visit(e.ref, &e);
}

void CheckEncryptedTransit(const AccessRule& rule, const GateRequest& q, RuleResult& r) {
  bool plaintext = false, unresolved = false, unnamed = false, checked = false;
  // The problems first, so that the evidence slots show them.
  for (const GateLine& line : q.lines) {
    if (!line.system) {
      unresolved = true;  // fail closed: its transport cannot be known
      Add(r, "system", line.system_ref, UnresolvedState(line));
      continue;
    }
    if (line.endpoints.empty() && line.system->endpoints.empty()) {
      if (rule.params.require_endpoint) {
        unnamed = true;
        Add(r, "system", line.system->id, "no_endpoint");
      }
      continue;
    }
    ForEachEndpoint(line, [&](std::string_view ref, const GateEndpoint* e) {
      checked = true;
      if (!e) {
        unresolved = true;
        Add(r, "endpoint", ref, "unknown");
      } else if (e->plaintext) {
        plaintext = true;
        Add(r, "endpoint", e->ref, "plaintext");
      }
    });
  }
  if (plaintext) {
    return Set(r, Outcome::kDeny,
               "an endpoint the party would use carries data in clear: every connection with a "
               "third party must be encrypted");
  }
  if (unresolved) {
    return Set(r, Outcome::kDeny,
               "a requested endpoint or system is unknown or a wildcard, so its transport cannot "
               "be shown to be encrypted");
  }
  if (unnamed) {
    return Set(r, Outcome::kDeny,
               "a requested system declares no access endpoint, so the party's transport is "
               "unknown");
  }
  if (!checked) {
    return Set(r, Outcome::kNotApplicable, "no requested system declares an access endpoint");
  }
  for (const GateLine& line : q.lines) {
    ForEachEndpoint(line, [&](std::string_view, const GateEndpoint* e) {
      Add(r, "endpoint", e->ref, "encrypted");
    });
  }
  Set(r, Outcome::kPass, "every endpoint the party will use is encrypted");
}

void Run(const AccessPolicy& policy, const AccessRule& rule, const GateRequest& q, RuleResult& r) {
  if (!rule.params.party_kinds.Has(q.party->kind))
    return Set(r, Outcome::kNotApplicable, kNotThisKind);
  switch (rule.check) {
    case CheckKind::kPartyStatus:
      return CheckPartyStatus(rule, q, r);
    case CheckKind::kDueDiligence:
      return CheckRecords(rule, q.party->due_diligence, kDueDiligenceTexts, q, r);
    case CheckKind::kControls:
      return CheckRecords(rule, q.party->controls, kControlsTexts, q, r);
    case CheckKind::kAgreementInForce:
      return CheckAgreements(policy, q, r);
    case CheckKind::kNoProductionEphi:
      return CheckNoProductionEphi(rule, q, r);
    case CheckKind::kTimeBound:
      return CheckTimeBound(policy, rule, q, r);
    case CheckKind::kMinimumNecessary:
      return CheckMinimumNecessary(rule, q, r);
    case CheckKind::kDeveloperNoProductionWrite:
      return CheckDeveloperProductionWrite(rule, q, r);
    case CheckKind::kInfrastructurePermission:
      return CheckInfrastructurePermission(rule, q, r);
    case CheckKind::kApproval:
      return CheckApproval(policy, rule, q, r);
    case CheckKind::kEncryptedTransit:
      return CheckEncryptedTransit(rule, q, r);
  }
}

}  // namespace

std::optional<PartyKind> ParsePartyKind(std::string_view n) {
  return ParseIn<PartyKind>(kPartyKindNames, n);
}
std::optional<Environment> ParseEnvironment(std::string_view n) {
  return ParseIn<Environment>(kEnvironmentNames, n);
}
std::optional<Permission> ParsePermission(std::string_view n) {
  return ParseIn<Permission>(kPermissionNames, n);
}
std::optional<AgreementType> ParseAgreementType(std::string_view n) {
  return ParseIn<AgreementType>(kAgreementTypeNames, n);
}
std::optional<AgreementStatus> ParseAgreementStatus(std::string_view n) {
  return ParseIn<AgreementStatus>(kAgreementStatusNames, n);
}
std::optional<PartyStatus> ParsePartyStatus(std::string_view n) {
  return ParseIn<PartyStatus>(kPartyStatusNames, n);
}
std::optional<CheckKind> ParseCheckKind(std::string_view n) {
  return ParseIn<CheckKind>(kCheckKindNames, n);
}

std::string_view Name(PartyKind v) { return NameIn(kPartyKindNames, v); }
std::string_view Name(Environment v) { return NameIn(kEnvironmentNames, v); }
std::string_view Name(Permission v) { return NameIn(kPermissionNames, v); }
std::string_view Name(AgreementType v) { return NameIn(kAgreementTypeNames, v); }
std::string_view Name(AgreementStatus v) { return NameIn(kAgreementStatusNames, v); }
std::string_view Name(PartyStatus v) { return NameIn(kPartyStatusNames, v); }
std::string_view Name(CheckKind v) { return NameIn(kCheckKindNames, v); }
std::string_view Name(Outcome v) { return NameIn(kOutcomeNames, v); }
std::string_view Name(Decision v) { return NameIn(kDecisionNames, v); }

RuleParams DefaultParams(CheckKind check) {
  RuleParams p;
  if (check == CheckKind::kApproval) {
    // Approval covers every request unless the profile narrows it.
    p.environments = {Environment::kProduction, Environment::kStaging, Environment::kDevelopment};
    p.permissions = {Permission::kRead, Permission::kWrite, Permission::kAdmin};
  }
  if (check == CheckKind::kDeveloperNoProductionWrite) {
    p.party_kinds = {PartyKind::kContractedDeveloper};
  }
  return p;
}

EnumSet<AgreementType> AccessPolicy::RequiredFor(PartyKind kind, bool handles_ephi) const {
  auto i = static_cast<size_t>(kind);
  uint32_t bits = required_agreements[i].bits();
  if (handles_ephi) bits |= required_agreements_if_ephi[i].bits();
  return EnumSet<AgreementType>::FromBits(bits);
}

const RuleResult* GateResult::Find(std::string_view rule_id) const {
  for (const RuleResult& r : results()) {
    if (r.rule && r.rule->id == rule_id) return &r;
  }
  return nullptr;
}

GateResult Evaluate(const AccessPolicy& policy, const GateRequest& request) {
  GateResult result;
  result.decision = Decision::kAllow;
  result.rule_count = 0;
  if (request.party == nullptr) {
    result.decision = Decision::kDeny;  // no party, no access; callers always pass one
    return result;
  }
  const size_t n = std::min(policy.rules.size(), AccessPolicy::kMaxRules);
  for (size_t i = 0; i < n; ++i) {
    RuleResult& r = result.rules[i];
    r.rule = &policy.rules[i];
    r.evidence_count = 0;
    Run(policy, policy.rules[i], request, r);
    if (r.outcome == Outcome::kDeny) {
      result.decision = Decision::kDeny;
    } else if (r.outcome == Outcome::kNeedsApproval && result.decision == Decision::kAllow) {
      result.decision = Decision::kNeedsApproval;
    }
  }
  result.rule_count = static_cast<uint8_t>(n);
  return result;
}

}  // namespace accord::policy
