// Policy profiles: a TOML file that turns one seed policy into rules (MISSION "Policy
// profiles"). This layer validates the file; each feature reads its own section.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "accord/core/password.h"
#include "accord/core/result.h"
#include "accord/policy/gate.h"

namespace accord::policy {

// [identity] (issue 5): sign-in, sessions, break-glass, onboarding and entitlement reviews.
// Optional: every key has the default below (docs/profiles.md).
struct IdentityPolicy {
  // Roles that must use TOTP; `mfa_required_for = "everyone"` lists every role.
  std::vector<std::string> mfa_required_roles = {"security_officer", "privacy_officer", "auditor"};
  int session_idle_minutes = 15;  // HIPAA 164.312(a)(2)(iii) automatic logoff
  int session_absolute_hours = 12;
  int break_glass_minutes = 60;  // how long an emergency elevation lasts
  std::vector<std::string> break_glass_roles = {"privacy_officer", "staff"};
  int training_valid_days = 365;  // TR-7: HIPAA and security training expire yearly
  int review_regular_days = 90;   // TR-3 entitlement reviews
  int review_elevated_days = 60;
  int review_window_days = 14;  // a campaign opens this long before it is due
  std::vector<std::string> user_admin_roles = {"security_officer"};
  std::vector<std::string> reviewer_roles = {"security_officer"};
  // A new password's least guessability, in bits as zxcvbn estimates it (0: length and the
  // common-password list only). Every place a password is set asks it (core/password.h).
  int password_min_bits = kDefaultPasswordMinBits;
  // Single sign-on is the way in (issue 25): with an [oidc] provider configured, a password
  // signs in only the accounts the server's `[identity] password_accounts` names.
  bool sso_required = false;

  bool MfaRequired(std::string_view role) const;
};

// [reviews] (issue 6): the recurring third-party reviews (TP-9 … TP-15), their workflow
// roles, schedules, reminders, finding deadlines and when a change is substantial.
// Optional: every key has the default below (docs/profiles.md).
struct ReviewsPolicy {
  // TP-12: who opens reviews (and records change notices and SOC 2 reports), who may be
  // assigned to document them, who approves or rejects them.
  std::vector<std::string> open_roles = {"security_officer"};
  std::vector<std::string> assignee_roles = {"security_officer", "privacy_officer"};
  std::vector<std::string> approve_roles = {"security_officer"};
  // [reviews.schedule]: RFC 5545 RRULE (subset, UTC) per recurring review kind. Keys:
  // partner_list_review, party_review, activity_review, sla_review (default for every
  // executed SLA; an agreement may set its own), sla_report (anchored on calendar quarters).
  std::string partner_list_review_rrule = "FREQ=YEARLY";
  std::string party_review_rrule = "FREQ=YEARLY";
  std::string activity_review_rrule = "FREQ=YEARLY";
  std::string sla_review_rrule = "FREQ=MONTHLY;INTERVAL=3";
  std::string sla_report_rrule = "FREQ=MONTHLY;INTERVAL=3";
  int open_ahead_days = 30;  // a scheduled review exists this long before due
  std::vector<int> reminder_days_before = {30, 7, 0};  // 0 = on the due date
  int overdue_reminder_days = 7;                       // then every this many days while overdue
  int soc2_max_age_months = 12;  // TP-11: reviewed within, and its period ended within, this long
  int scan_cadence_days = 31;    // TR-4: every scan target is scanned at least this often
  // [reviews.remediation_days]: a finding's due date by severity (TP-14 "reasonable and timely").
  int remediation_critical_days = 7;
  int remediation_high_days = 30;
  int remediation_medium_days = 90;
  int remediation_low_days = 180;
  // [reviews.substantial_change]: which change notices are substantial without the officer
  // saying so (TP-9: a substantial change opens a risk assessment).
  bool substantial_if_ephi_systems = true;       // touches a system holding ePHI
  bool substantial_if_new_subprocessor = true;   // brings in a new subprocessor
  bool substantial_if_new_data_location = true;  // moves data to a new location

  // From [separation]: whether the person who documented a review may approve it.
  bool allow_self_approval = false;

  int RemediationDays(std::string_view severity) const;             // 0 for an unknown severity
  const std::string& RRuleFor(std::string_view review_kind) const;  // "" if not recurring
};

// [separation] (issue 19): separation of duties. Nobody approves an access grant they
// requested or a review they documented, unless `allow_self_approval` names that action;
// break-glass never lifts it. Later workflows add their actions here (change requests:
// author, reviewer, approver and releaser are four people).
struct SeparationPolicy {
  std::vector<std::string> allow_self_approval;  // actions from SelfApprovalActions()

  bool AllowsSelfApproval(std::string_view action) const;
};

// The actions [separation] allow_self_approval may name: grant.approve, review.approve.
const std::vector<std::string>& SelfApprovalActions();

// [compliance] (issue 23): which controls of the compliance catalog (domain/compliance_catalog.h)
// each of the profile's access rules and each workflow implements. A control's status is
// computed from the live data of what implements it (storage/compliance.h).
struct ComplianceMapping {
  std::string source;  // "rule:<access rule id>" or "workflow:<name of ComplianceWorkflows()>"
  std::vector<std::string> controls;  // catalog ids: "164.308(b)(1)", "TP-11"
  int line = 0;
};

// The organisation's own answer to "what does a customer inherit" where it differs from the
// catalog's default ([compliance.inheritance]); a customer's BAA may change it again.
struct InheritanceOverride {
  std::string control;
  std::string inherited;  // "yes", "partially" or "no"
  std::string responsibility;
};

struct CompliancePolicy {
  std::vector<ComplianceMapping> mappings;
  std::vector<InheritanceOverride> inheritance;
};

// A workflow a profile may map to controls: its name, what a person reads, and how its status
// is known: "live" (computed from the registry and the ledger), "enforced" (the software applies
// the profile's rule to every request) or "procedure" (done outside Accord: documented only).
struct ComplianceWorkflow {
  std::string_view name, title, evidence;
};
const std::vector<ComplianceWorkflow>& ComplianceWorkflows();

struct Profile {
  std::string name;             // [profile] name
  std::string title;            // [profile] title
  std::string seed;             // [profile] seed: the source document
  std::string source;           // the TOML text as loaded
  std::string sha256;           // hex SHA-256 of source
  AccessPolicy access;          // [access]: the access gate's rules (required)
  IdentityPolicy identity;      // [identity]: optional, defaults above
  ReviewsPolicy reviews;        // [reviews]: optional, defaults above
  SeparationPolicy separation;  // [separation]: optional, strict by default
  CompliancePolicy compliance;  // [compliance]: optional (issue 23)
};

// The built-in profiles' names: luma, bloomapi, janus.
std::vector<std::string> BuiltinProfileNames();

// A built-in name, or a path to a TOML file. Errors carry the line of the problem.
Result<Profile> LoadProfile(std::string_view name_or_path);

// Parses profile TOML text; `origin` names it in error messages. Every problem found is
// reported: one ErrorDetail (field, reason, line) each, and one "origin:line: field: reason"
// line each in the message.
Result<Profile> ParseProfile(std::string_view toml, std::string_view origin);

}  // namespace accord::policy
