// The access gate (TP-2, TP-3, TP-4, TP-5, TP-8): decides whether a third party may be granted
// access to our systems, rule by rule, from the active profile's [access] section.
//
// Evaluate() is a pure function over views the caller owns: it reads the party, its
// agreements and records and the requested systems, and returns which rule passed, denied
// or needs approval, with the evidence it looked at. It never allocates, so it can run
// on every request and inside a write transaction. The result points into the policy and
// the request: keep both alive while you use it.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "accord/core/clock.h"

namespace accord::policy {

// --- vocabulary (wire names in comments) ------------------------------------------------

enum class PartyKind { kCustomer, kPartner, kSubcontractor, kContractedDeveloper };
// customer partner subcontractor contracted_developer
enum class Environment { kProduction, kStaging, kDevelopment };  // production staging development
enum class Permission { kRead, kWrite, kAdmin };                 // read write admin
enum class AgreementType { kBaa, kSla, kNda, kDevContract, kMsa, kDpa };
// baa sla nda dev_contract msa dpa
enum class AgreementStatus { kDraft, kSent, kExecuted, kExpired, kTerminated };
// draft sent executed expired terminated
enum class PartyStatus { kProspect, kOnboarding, kActive, kOffboarded };
// prospect onboarding active offboarded

// The built-in checks a profile's rule can use (docs/profiles.md describes each).
enum class CheckKind {
  kPartyStatus,                 // party_status
  kDueDiligence,                // due_diligence
  kControls,                    // controls
  kAgreementInForce,            // agreement_in_force
  kNoProductionEphi,            // no_production_ephi
  kTimeBound,                   // time_bound
  kMinimumNecessary,            // minimum_necessary
  kDeveloperNoProductionWrite,  // developer_no_production_write
  kInfrastructurePermission,    // infrastructure_permission
  kApproval,                    // approval
  kEncryptedTransit,            // encrypted_transit
};

enum class Outcome { kPass, kDeny, kNeedsApproval, kNotApplicable };
enum class Decision { kAllow, kDeny, kNeedsApproval };

std::optional<PartyKind> ParsePartyKind(std::string_view name);
std::optional<Environment> ParseEnvironment(std::string_view name);
std::optional<Permission> ParsePermission(std::string_view name);
std::optional<AgreementType> ParseAgreementType(std::string_view name);
std::optional<AgreementStatus> ParseAgreementStatus(std::string_view name);
std::optional<PartyStatus> ParsePartyStatus(std::string_view name);
std::optional<CheckKind> ParseCheckKind(std::string_view name);

std::string_view Name(PartyKind v);
std::string_view Name(Environment v);
std::string_view Name(Permission v);
std::string_view Name(AgreementType v);
std::string_view Name(AgreementStatus v);
std::string_view Name(PartyStatus v);
std::string_view Name(CheckKind v);
std::string_view Name(Outcome v);   // pass deny needs_approval not_applicable
std::string_view Name(Decision v);  // allow deny needs_approval

// A set of enum values as a bit mask: rules test membership on the hot path without
// touching the heap. Iterate with `for (int i = 0; i < 32; ++i) if (set.Has(E(i)))`.
template <typename E>
class EnumSet {
 public:
  constexpr EnumSet() = default;
  constexpr EnumSet(std::initializer_list<E> values) {
    for (E v : values) Add(v);
  }
  static constexpr EnumSet FromBits(uint32_t bits) {
    EnumSet s;
    s.bits_ = bits;
    return s;
  }
  constexpr void Add(E v) { bits_ |= Bit(v); }
  constexpr bool Has(E v) const { return (bits_ & Bit(v)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr uint32_t bits() const { return bits_; }
  friend constexpr bool operator==(EnumSet, EnumSet) = default;

 private:
  static constexpr uint32_t Bit(E v) { return uint32_t{1} << static_cast<int>(v); }
  uint32_t bits_ = 0;
};

// --- the policy (parsed from a profile's [access] section) ------------------------------

// Parameters of one rule. Each check reads only its own (the profile parser rejects the
// others); DefaultParams() gives each check's defaults, listed in docs/profiles.md.
struct RuleParams {
  // Party kinds the rule applies to; other kinds get kNotApplicable.
  EnumSet<PartyKind> party_kinds{PartyKind::kCustomer, PartyKind::kPartner,
                                 PartyKind::kSubcontractor, PartyKind::kContractedDeveloper};
  // party_status: statuses that may hold access.
  EnumSet<PartyStatus> statuses{PartyStatus::kOnboarding, PartyStatus::kActive};
  // no_production_ephi, developer_no_production_write, approval: environments concerned.
  EnumSet<Environment> environments{Environment::kProduction};
  // developer_no_production_write, infrastructure_permission, approval: levels concerned.
  EnumSet<Permission> permissions{Permission::kWrite, Permission::kAdmin};
  int max_age_days = 0;               // due_diligence, controls: 0 = a record of any age counts
  int max_backdate_hours = 24;        // time_bound: how far before `now` a grant may start
  bool require_justification = true;  // minimum_necessary
  bool ephi_only = false;             // approval: only requests touching ePHI systems
  // encrypted_transit: a line must name an endpoint when its system declares none (else the
  // line has nothing to check and the rule says so).
  bool require_endpoint = false;
};

// The defaults a rule of this check starts from before the profile's `params`.
RuleParams DefaultParams(CheckKind check);

struct AccessRule {
  std::string id;  // "tp2.agreement_in_force"
  CheckKind check = CheckKind::kApproval;
  std::string seed_ref;   // MISSION id: "TP-4"
  std::string seed;       // "000_9763f25ad8a1e683.txt §21.2 statement 1"
  std::string statement;  // short quote of the seed statement
  std::string citation;   // "HITRUST 05.k; HIPAA 164.314(a)(1)(i)"
  std::string remedy;     // what the officer does next when the rule does not pass
  std::string reason;     // approval: "needs approval by security_officer" (built if unset)
  RuleParams params;
  int line = 0;  // where the rule is in the profile, for messages
};

struct AccessPolicy {
  // At most this many rules: GateResult holds one result per rule without allocating.
  static constexpr size_t kMaxRules = 24;

  std::vector<AccessRule> rules;
  std::vector<std::string> approver_roles;  // who may approve a needs_approval request
  // From [separation]: whether the person who requested a grant may approve it.
  bool allow_self_approval = false;
  int max_grant_days = 0;  // time_bound: longest grant
  // Agreements a party needs before access, by PartyKind, and those added when the party
  // handles ePHI (CONTRACT.md: subcontractors a BAA; HIPAA 164.308(b), 164.314(a)).
  std::array<EnumSet<AgreementType>, 4> required_agreements{};
  std::array<EnumSet<AgreementType>, 4> required_agreements_if_ephi{};

  EnumSet<AgreementType> RequiredFor(PartyKind kind, bool handles_ephi) const;
};

// --- the request ------------------------------------------------------------------------

struct GateAgreement {
  std::string_view id;
  AgreementType type;
  AgreementStatus status;
  TimePoint effective_at;
  std::optional<TimePoint> expires_at;
};

// A due-diligence or control record.
struct GateRecord {
  std::string_view id;
  TimePoint date;
  bool passed;
};

// An explicit infrastructure-change permission (TP-8).
struct GatePermission {
  std::string_view id;
  std::string_view system_id;
  TimePoint valid_from;
  std::optional<TimePoint> valid_until;
};

struct GateParty {
  std::string_view id;
  PartyKind kind;
  PartyStatus status;
  bool handles_ephi;  // any of its services carries ePHI
  std::span<const GateAgreement> agreements;
  std::span<const GateRecord> due_diligence;
  std::span<const GateRecord> controls;
  std::span<const GatePermission> permissions;
};

// How a third party reaches a system (TP-5): one of its declared access endpoints.
struct GateEndpoint {
  std::string_view ref;       // "sys_…/sftp": the system and the endpoint's name
  std::string_view protocol;  // "sftp", "ftp"
  bool plaintext;             // the protocol carries data in clear
};

struct GateSystem {
  std::string_view id;
  std::string_view name;
  Environment environment;
  bool contains_ephi;
  bool infrastructure;
  std::span<const GateEndpoint> endpoints = {};  // every endpoint the system declares
};

// An endpoint a grant line names; null `endpoint`: the system declares none by that name.
struct GateLineEndpoint {
  std::string_view ref;  // as requested
  const GateEndpoint* endpoint;
};

struct GateLine {
  std::string_view system_ref;  // as requested
  const GateSystem* system;     // null: unknown system, or a wildcard ("*", "prod-*")
  Permission permission;
  std::string_view justification;
  // The endpoints the party will use; none named: any endpoint the system declares.
  std::span<const GateLineEndpoint> endpoints = {};
};

struct GateRequest {
  const GateParty* party;  // required
  std::span<const GateLine> lines;
  TimePoint start;
  TimePoint end;
  TimePoint now;
};

// --- the result -------------------------------------------------------------------------

struct Evidence {
  std::string_view kind;   // agreement due_diligence control system permission grant party approval
                           // endpoint
  std::string_view ref;    // an id, a wanted type ("baa"), a role or a grant field ("end")
  std::string_view state;  // ok missing failed not_in_force expires_before_end ... (static)
};

// N slots of T that are not initialized when constructed: a GateResult is built on every
// request, and zeroing 24 x 8 unused evidence slots cost five times more than running the
// rules. Only the first `count` slots (RuleResult::evidence_count) hold values.
template <typename T, size_t N>
class SlotArray {
 public:
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
  SlotArray() {}  // deliberately leaves the slots unset
  T& operator[](size_t i) { return slots_[i]; }
  const T& operator[](size_t i) const { return slots_[i]; }
  T* data() { return slots_; }
  const T* data() const { return slots_; }
  static constexpr size_t capacity() { return N; }

 private:
  union {
    T slots_[N];
  };
};

struct RuleResult {
  static constexpr size_t kMaxEvidence = 8;  // more is dropped; the first items say enough

  const AccessRule* rule;
  Outcome outcome;
  std::string_view reason;                     // static text, or the rule's own reason
  SlotArray<Evidence, kMaxEvidence> evidence;  // evidence[0 .. evidence_count)
  uint8_t evidence_count;

  std::span<const Evidence> evidence_list() const { return {evidence.data(), evidence_count}; }
};

struct GateResult {
  Decision decision;
  std::array<RuleResult, AccessPolicy::kMaxRules> rules;
  uint8_t rule_count;

  std::span<const RuleResult> results() const { return {rules.data(), rule_count}; }
  // The first rule with this id, or null.
  const RuleResult* Find(std::string_view rule_id) const;
};

// Runs every rule of the policy in order. Decision: deny if any rule denies, otherwise
// needs_approval if any rule needs approval, otherwise allow. Does not allocate.
GateResult Evaluate(const AccessPolicy& policy, const GateRequest& request);

}  // namespace accord::policy
