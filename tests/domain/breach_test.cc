// The breach assessment's conclusion and the notification clock (TR-8) against the reference
// facts of the Breach Notification Rule (tests/testdata/hipaa/breach-notification-ba.json).
// Times come from a fake clock: a deadline is checked to the millisecond, never against now.
#include "accord/domain/breach.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "accord/core/time.h"
#include "accord/messaging/phi_guard.h"
#include "support/temp_dir.h"

namespace accord::domain::breach {
namespace {

namespace json = boost::json;
using std::chrono::hours;

const json::object& Reference() {
  static const json::value kRef = [] {
    std::ifstream in(testing::TestdataDir() / "hipaa" / "breach-notification-ba.json");
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
  }();
  return kRef.as_object();
}

std::string Str(const json::value& v) { return std::string(v.as_string()); }

TimePoint Day(const std::string& date) { return *ParseRfc3339(date + "T00:00:00Z"); }
std::string DateOf(TimePoint t) { return FormatRfc3339(t).substr(0, 10); }

Assessment AllLow() { return {.factors = {Risk::kLow, Risk::kLow, Risk::kLow, Risk::kLow}}; }

TEST(BreachTest, FactorsAreTheFourOfTheRuleInItsOrder) {
  const json::array& ref =
      Reference().at("definitions").at("breach").at("risk_assessment_factors").as_array();
  ASSERT_EQ(ref.size(), kFactors.size());
  for (size_t i = 0; i < ref.size(); ++i) {
    EXPECT_EQ(FactorCitation(kFactors[i]), Str(ref[i].at("citation"))) << kFactors[i];
    EXPECT_FALSE(FactorTitle(kFactors[i]).empty());
  }
  EXPECT_EQ(FactorCitation("elsewhere"), "");
}

TEST(BreachTest, PresumedABreachUnlessEveryFactorIsLow) {
  EXPECT_FALSE(Conclude(AllLow()).breach);
  EXPECT_EQ(Conclude(AllLow()).citation, "164.402 (Breach)(2)");
  for (size_t i = 0; i < kFactors.size(); ++i) {
    for (Risk r : {Risk::kMedium, Risk::kHigh}) {
      Assessment a = AllLow();
      a.factors[i] = r;
      Conclusion c = Conclude(a);
      EXPECT_TRUE(c.breach) << kFactors[i] << " " << Name(r);
      EXPECT_NE(c.basis.find("presumed"), std::string::npos);
    }
  }
}

TEST(BreachTest, ExclusionsAndSecuredPhiAreNotBreaches) {
  const json::array& ref = Reference().at("definitions").at("breach").at("exclusions").as_array();
  const Exclusion kExclusions[] = {Exclusion::kGoodFaithWorkforceUse,
                                   Exclusion::kInadvertentAuthorizedDisclosure,
                                   Exclusion::kUnableToRetain};
  ASSERT_EQ(ref.size(), std::size(kExclusions));
  for (size_t i = 0; i < ref.size(); ++i) {
    Assessment a{.factors = {Risk::kHigh, Risk::kHigh, Risk::kHigh, Risk::kHigh},
                 .exclusion = kExclusions[i]};
    Conclusion c = Conclude(a);
    EXPECT_FALSE(c.breach);
    EXPECT_EQ(c.citation, Str(ref[i].at("citation")));
    EXPECT_EQ(ParseExclusion(Name(kExclusions[i])), kExclusions[i]);
  }
  Assessment secured{.factors = {Risk::kHigh, Risk::kHigh, Risk::kHigh, Risk::kHigh},
                     .phi_secured = true};
  EXPECT_FALSE(Conclude(secured).breach);
}

TEST(BreachTest, DeadlineIsExactlySixtyCalendarDaysAfterDiscovery) {
  const json::object& timing =
      Reference().at("business_associate_notification").at("timing").as_object();
  ASSERT_EQ(timing.at("max_calendar_days_after_discovery").as_int64(), kMaxNoticeDays);
  int checked = 0;
  for (const auto& c : Reference().at("deadline_examples").at("cases").as_array()) {
    if (!c.as_object().contains("latest_ba_notice")) continue;
    TimePoint discovered = Day(Str(c.at("discovered")));
    Deadline d = NoticeDeadline(discovered, std::nullopt, std::nullopt);
    EXPECT_EQ(DateOf(d.at), Str(c.at("latest_ba_notice"))) << Str(c.at("discovered"));
    EXPECT_EQ(d.at, Day(Str(c.at("latest_ba_notice"))));
    EXPECT_NE(d.basis.find("164.410(b)"), std::string::npos);
    ++checked;
  }
  EXPECT_EQ(checked, 3);
  // Discovered mid-afternoon: the deadline keeps the time of day, to the millisecond.
  TimePoint at = *ParseRfc3339("2026-03-03T15:42:07.125Z");
  EXPECT_EQ(NoticeDeadline(at, std::nullopt, std::nullopt).at, at + hours(24 * 60));
}

TEST(BreachTest, TheBaasShorterTermWins) {
  TimePoint discovered = *ParseRfc3339("2026-11-20T09:30:00Z");
  Deadline d = NoticeDeadline(discovered, 72.0, std::nullopt);
  EXPECT_EQ(d.at, discovered + hours(72));
  EXPECT_EQ(d.basis, "the BAA: 72 hours after discovery");
  // Zero hours means at discovery; a longer term than the rule's leaves the rule's.
  EXPECT_EQ(NoticeDeadline(discovered, 0.0, std::nullopt).at, discovered);
  Deadline longer = NoticeDeadline(discovered, 24.0 * 90, std::nullopt);
  EXPECT_EQ(longer.at, discovered + hours(24 * 60));
  EXPECT_NE(longer.basis.find("60 calendar days"), std::string::npos);
  // Exactly 60 days by the BAA ties: the rule's basis stays.
  EXPECT_EQ(NoticeDeadline(discovered, 24.0 * 60, std::nullopt).at, discovered + hours(24 * 60));
}

TEST(BreachTest, LawEnforcementDelayExtendsTheDeadlineByItsPeriod) {
  const json::object& ref = Reference().at("law_enforcement_delay").as_object();
  EXPECT_EQ(ref.at("oral_statement").at("max_days").as_int64(), kMaxOralDelayDays);
  TimePoint discovered = Day("2025-03-01");
  // Written: the period the official specified, however long.
  LawEnforcementDelay written{.written = true, .stated_at = Day("2025-03-10"), .days = 45};
  Deadline w = NoticeDeadline(discovered, std::nullopt, written);
  EXPECT_EQ(w.at, discovered + hours(24 * (60 + 45)));
  EXPECT_NE(w.basis.find("164.412"), std::string::npos);
  // With a BAA's shorter term, the delay extends that term.
  EXPECT_EQ(NoticeDeadline(discovered, 48.0, written).at, discovered + hours(48 + 24 * 45));
  // Oral: at most 30 days from the statement (the reference's example).
  for (const auto& c : Reference().at("deadline_examples").at("cases").as_array()) {
    if (!c.as_object().contains("oral_law_enforcement_delay_stated")) continue;
    LawEnforcementDelay oral{.written = false,
                             .stated_at = Day(Str(c.at("oral_law_enforcement_delay_stated"))),
                             .days = 90};
    EXPECT_EQ(DelayDays(oral), 30);
    EXPECT_EQ(DateOf(DelayEnds(oral)), Str(c.at("oral_delay_ends_no_later_than")));
    EXPECT_EQ(NoticeDeadline(Day(Str(c.at("discovered"))), std::nullopt, oral).at,
              Day(Str(c.at("discovered"))) + hours(24 * 90));
  }
  LawEnforcementDelay short_oral{.written = false, .stated_at = Day("2025-03-10"), .days = 10};
  EXPECT_EQ(DelayDays(short_oral), 10);
}

TEST(BreachTest, NoticeCarriesTheRequiredElementsAndNoIndividuals) {
  NoticeFacts f{.our_name = "Luma Health",
                .customer_name = "Northwind Clinic",
                .incident_title = "Misdirected export",
                .what_happened =
                    "An export of appointment records went to the wrong sFTP "
                    "account.",
                .breach_date = "2 Nov 2026",
                .discovery_date = "3 Nov 2026",
                .phi_types = "Names, appointment dates and clinic locations.",
                .individual_steps = "Watch for unexpected messages about appointments.",
                .our_response = "We revoked the account and confirmed deletion.",
                .contact = "privacy@luma.example, +1 800 555 0100",
                .individuals = 212};
  NoticeText t = RenderNotice(f);
  for (const std::string& part :
       {f.what_happened, f.breach_date, f.discovery_date, f.phi_types, f.individual_steps,
        f.our_response, f.contact, std::string("212 individuals"), std::string("Secure Message"),
        std::string("164.410(c)(1)")}) {
    EXPECT_NE(t.body.find(part), std::string::npos) << part;
  }
  EXPECT_NE(t.subject.find("Misdirected export"), std::string::npos);
  // Every 164.404(c)(1) element is in the reference; the notice has a heading for each.
  EXPECT_EQ(Reference()
                .at("business_associate_notification")
                .at("content")
                .at("covered_entity_notice_elements_164_404_c")
                .as_array()
                .size(),
            5u);
  // It passes the PHI guard every email passes.
  EXPECT_FALSE(messaging::CheckMessageForPhi(t.subject, t.body).refused);
}

}  // namespace
}  // namespace accord::domain::breach
