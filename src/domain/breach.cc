// The breach assessment's conclusion and the notification clock (45 CFR 164.402, 164.410,
// 164.412): arithmetic on the injected clock's time points, nothing stored.
#include "accord/domain/breach.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace accord::domain::breach {

namespace {

constexpr std::array<std::string_view, 4> kCitations = {
    "164.402 (Breach)(2)(i)", "164.402 (Breach)(2)(ii)", "164.402 (Breach)(2)(iii)",
    "164.402 (Breach)(2)(iv)"};
constexpr std::array<std::string_view, 4> kTitles = {
    "Nature and extent of the PHI involved", "The unauthorised person",
    "Whether the PHI was actually acquired or viewed", "How far the risk has been mitigated"};

size_t FactorIndex(std::string_view factor) {
  for (size_t i = 0; i < kFactors.size(); ++i) {
    if (kFactors[i] == factor) return i;
  }
  return kFactors.size();
}

std::string HoursText(double hours) {
  double whole = std::floor(hours);
  std::string n =
      whole == hours ? std::to_string(static_cast<int64_t>(whole)) : std::to_string(hours);
  return n + (hours == 1 ? " hour" : " hours");
}

}  // namespace

std::string_view Name(Risk risk) {
  switch (risk) {
    case Risk::kLow:
      return "low";
    case Risk::kMedium:
      return "medium";
    case Risk::kHigh:
      return "high";
  }
  return "";
}

std::optional<Risk> ParseRisk(std::string_view name) {
  for (Risk r : {Risk::kLow, Risk::kMedium, Risk::kHigh}) {
    if (Name(r) == name) return r;
  }
  return std::nullopt;
}

std::string_view FactorCitation(std::string_view factor) {
  size_t i = FactorIndex(factor);
  return i < kCitations.size() ? kCitations[i] : "";
}

std::string_view FactorTitle(std::string_view factor) {
  size_t i = FactorIndex(factor);
  return i < kTitles.size() ? kTitles[i] : "";
}

std::string_view Name(Exclusion exclusion) {
  switch (exclusion) {
    case Exclusion::kNone:
      return "none";
    case Exclusion::kGoodFaithWorkforceUse:
      return "good_faith_workforce_use";
    case Exclusion::kInadvertentAuthorizedDisclosure:
      return "inadvertent_authorized_disclosure";
    case Exclusion::kUnableToRetain:
      return "unable_to_retain";
  }
  return "";
}

std::optional<Exclusion> ParseExclusion(std::string_view name) {
  for (Exclusion e : {Exclusion::kNone, Exclusion::kGoodFaithWorkforceUse,
                      Exclusion::kInadvertentAuthorizedDisclosure, Exclusion::kUnableToRetain}) {
    if (Name(e) == name) return e;
  }
  return std::nullopt;
}

Conclusion Conclude(const Assessment& a) {
  switch (a.exclusion) {
    case Exclusion::kGoodFaithWorkforceUse:
      return {false, "an exclusion applies: unintentional use in good faith by our workforce",
              "164.402 (Breach)(1)(i)"};
    case Exclusion::kInadvertentAuthorizedDisclosure:
      return {false, "an exclusion applies: inadvertent disclosure between authorised persons",
              "164.402 (Breach)(1)(ii)"};
    case Exclusion::kUnableToRetain:
      return {false, "an exclusion applies: the recipient could not reasonably have retained it",
              "164.402 (Breach)(1)(iii)"};
    case Exclusion::kNone:
      break;
  }
  if (a.phi_secured) {
    return {false, "the PHI was secured (unusable to unauthorised persons): not unsecured PHI",
            "164.402"};
  }
  bool all_low =
      std::all_of(a.factors.begin(), a.factors.end(), [](Risk r) { return r == Risk::kLow; });
  if (all_low) {
    return {false, "low probability that the PHI has been compromised on all four factors",
            "164.402 (Breach)(2)"};
  }
  return {true, "presumed a breach: the assessment does not show a low probability of compromise",
          "164.402 (Breach)(2)"};
}

int DelayDays(const LawEnforcementDelay& delay) {
  int days = std::max(delay.days, 0);
  return delay.written ? days : std::min(days, kMaxOralDelayDays);
}

TimePoint DelayEnds(const LawEnforcementDelay& delay) {
  return delay.stated_at + std::chrono::hours(24) * DelayDays(delay);
}

Deadline NoticeDeadline(TimePoint discovered, std::optional<double> baa_notice_hours,
                        const std::optional<LawEnforcementDelay>& delay) {
  Deadline d{discovered + std::chrono::hours(24) * kMaxNoticeDays,
             "60 calendar days after discovery (164.410(b))"};
  if (baa_notice_hours && *baa_notice_hours >= 0) {
    auto ms = std::chrono::milliseconds(static_cast<int64_t>(*baa_notice_hours * 3600000.0));
    TimePoint by_baa = discovered + ms;
    if (by_baa < d.at)
      d = {by_baa, "the BAA: " + HoursText(*baa_notice_hours) + " after discovery"};
  }
  if (delay) {
    int days = DelayDays(*delay);
    d.at += std::chrono::hours(24) * days;
    d.basis += ", extended " + std::to_string(days) + (days == 1 ? " day" : " days") +
               " at law enforcement's request (164.412)";
  }
  return d;
}

NoticeText RenderNotice(const NoticeFacts& f) {
  NoticeText t;
  t.subject = "Notice of a breach of unsecured protected health information: " + f.incident_title;
  std::string& b = t.body;
  b = "To " + f.customer_name + ",\n\n";
  b += f.our_name +
       ", your business associate, is notifying you of a breach of unsecured "
       "protected health information under 45 CFR 164.410.\n\n";
  b += "What happened\n" + f.what_happened + "\n";
  b += "Date of the breach: " +
       (f.breach_date.empty() ? std::string("not yet known") : f.breach_date) +
       "\nDate of discovery: " + f.discovery_date + "\n\n";
  b += "Types of information involved\n" + f.phi_types + "\n\n";
  b += "Who was affected\n" + std::to_string(f.individuals) +
       (f.individuals == 1 ? " individual" : " individuals") +
       ". We send the identification of each individual separately by Secure Message, never by "
       "email (164.410(c)(1)).\n\n";
  b += "What individuals should do to protect themselves\n" + f.individual_steps + "\n\n";
  b += "What we are doing\n" + f.our_response + "\n\n";
  b += "Questions\n" + f.contact + "\n\n";
  b += "We will send any further information you need for your notice to individuals "
       "(164.404(c)) as soon as we have it (164.410(c)(2)).\n";
  return t;
}

}  // namespace accord::domain::breach
