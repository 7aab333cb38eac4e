// HIPAA breach assessment and the business associate's notification clock (TR-8), pure:
// the four-factor risk assessment of 45 CFR 164.402 with its conclusion, each covered entity's
// deadline (164.410(b): no later than 60 calendar days after discovery, or sooner where its
// BAA says so; 164.412: a law-enforcement delay extends it by the period stated), and the text
// of the notice (164.410(c)). Storage (storage/breaches.h) records what this decides.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/clock.h"
#include "accord/domain/fields.h"
#include "accord/domain/registry.h"

namespace accord::domain::breach {

// How strongly one factor points to a compromise of the PHI.
enum class Risk { kLow, kMedium, kHigh };
std::string_view Name(Risk risk);
std::optional<Risk> ParseRisk(std::string_view name);

// The four factors of 164.402 (Breach)(2)(i)-(iv), in the rule's order, as the API names them.
inline constexpr std::array<std::string_view, 4> kFactors = {
    "nature_and_extent", "unauthorized_person", "acquired_or_viewed", "mitigation"};
// "164.402 (Breach)(2)(i)" for "nature_and_extent"; "" for another name.
std::string_view FactorCitation(std::string_view factor);
// "Nature and extent of the PHI involved": the factor in words.
std::string_view FactorTitle(std::string_view factor);

// The three exclusions of 164.402 (Breach)(1)(i)-(iii), or none.
enum class Exclusion {
  kNone,
  kGoodFaithWorkforceUse,
  kInadvertentAuthorizedDisclosure,
  kUnableToRetain
};
std::string_view Name(Exclusion exclusion);
std::optional<Exclusion> ParseExclusion(std::string_view name);

struct Assessment {
  std::array<Risk, 4> factors{};  // in kFactors order
  Exclusion exclusion = Exclusion::kNone;
  // Rendered unusable to unauthorised persons (encryption or destruction per HHS guidance):
  // then it is not "unsecured PHI" and the notification rule does not apply.
  bool phi_secured = false;
};

struct Conclusion {
  bool breach = false;
  std::string basis;     // the reason, in words
  std::string citation;  // where the rule says so
};
// An impermissible use or disclosure is presumed a breach (164.402 (Breach)(2)) unless an
// exclusion applies, the PHI was secured, or every factor shows a low probability that the
// PHI has been compromised.
Conclusion Conclude(const Assessment& assessment);

inline constexpr int kMaxNoticeDays = 60;     // 164.410(b)
inline constexpr int kMaxOralDelayDays = 30;  // 164.412(b)

// A law enforcement official's statement that notice would impede an investigation (164.412).
struct LawEnforcementDelay {
  bool written = false;  // (a): the period specified; (b) oral: at most 30 days
  TimePoint stated_at{};
  int days = 0;  // the period the official stated
};
// The period the delay lasts: the stated days, an oral statement's capped at 30.
int DelayDays(const LawEnforcementDelay& delay);
// When the delay ends: stated_at + DelayDays.
TimePoint DelayEnds(const LawEnforcementDelay& delay);

struct Deadline {
  TimePoint at{};
  std::string basis;  // "60 calendar days after discovery (164.410(b))", "the BAA: 48 hours"
};
// The latest time the covered entity may be notified: discovery + 60 calendar days, or
// discovery + the BAA's hours where that is shorter; then extended by the delay's period.
Deadline NoticeDeadline(TimePoint discovered, std::optional<double> baa_notice_hours,
                        const std::optional<LawEnforcementDelay>& delay);

// What the notice to one covered entity says (164.410(c) and 164.404(c)(1)(A)-(E)). The
// identification of individuals (164.410(c)(1)) never goes into it: the list travels by
// Secure Message and the notice says so.
struct NoticeFacts {
  std::string our_name;       // the business associate
  std::string customer_name;  // the covered entity
  std::string incident_title;
  std::string what_happened;     // (A)
  std::string breach_date;       // (A) "5 Nov 2026", or "" when unknown
  std::string discovery_date;    // (A)
  std::string phi_types;         // (B)
  std::string individual_steps;  // (C)
  std::string our_response;      // (D)
  std::string contact;           // (E)
  int64_t individuals = 0;       // how many, never who
};
struct NoticeText {
  std::string subject;
  std::string body;
};
NoticeText RenderNotice(const NoticeFacts& facts);

// The registry kinds: an incident's assessment (`bra_…`, org level) and the notice task for
// one covered entity (`brn_…`, under its party). Both are written only by their commands.
KindSpec AssessmentKind();
KindSpec NoticeKind();
// POST /api/v1/incidents/{id}/breach-assessment.
const std::vector<FieldSpec>& AssessFields();
// POST /api/v1/breach-assessments/{id}/law-enforcement-delay.
const std::vector<FieldSpec>& DelayFields();
// POST /api/v1/breach-notices/{id}/actions.
const std::vector<FieldSpec>& NoticeActionFields();

}  // namespace accord::domain::breach
