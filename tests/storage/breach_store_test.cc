// The breach assessment on the store with a fake clock (TR-8): a breach opens one notice per
// affected covered entity with its own deadline (60 days, or the BAA's shorter term), refusals
// write nothing, a law-enforcement delay moves only the notices still due, the scheduler
// reminds before a deadline and escalates once after it, and the last notice sent completes
// the assessment.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <functional>
#include <map>
#include <string>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/policy/profile.h"
#include "accord/storage/breaches.h"
#include "accord/storage/documents.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/incidents.h"
#include "accord/storage/registry_commands.h"
#include "accord/storage/registry_expiry.h"
#include "accord/storage/registry_store.h"
#include "support/runtime_fixture.h"

namespace accord::testing {
namespace {

namespace json = boost::json;
using domain::StateString;
using std::chrono::hours;

const domain::Actor kOfficer{"usr_breach_officer", "privacy_officer"};

class BreachStoreTest : public ::testing::Test {
 protected:
  BreachStoreTest() {
    // The officers the reminders go to.
    Run([&](storage::CommandContext& c) -> Result<json::value> {
      auto profile = policy::LoadProfile("luma");
      if (!profile.ok()) return std::move(profile).error();
      auto u = storage::CreateUser(
          c, domain::Actor{"installer", "installer"},
          json::object{
              {"email", "po@breach.example"}, {"name", "Priya"}, {"role", "privacy_officer"}},
          "not-a-hash", profile->identity, true);
      if (!u.ok()) return std::move(u).error();
      return json::value(std::move(*u));
    });
    northwind_ = Customer("Northwind Clinic", 72);
    harbor_ = Customer("Harbor Health", std::nullopt);
    unsigned_ = Party("Sunset Labs", "customer");
    discovered_ = f_.clock().Now() - hours(24);
    incident_ = StateString(Run([&](storage::CommandContext& c) -> Result<json::value> {
                              auto i = storage::DeclareIncident(
                                  c, kOfficer,
                                  json::object{{"title", "Misdirected appointment export"},
                                               {"severity", "high"},
                                               {"discovered_at", FormatRfc3339(discovered_)}});
                              if (!i.ok()) return std::move(i).error();
                              return json::value(std::move(*i));
                            }),
                            "id");
  }

  Result<json::value> TryRun(std::function<Result<json::value>(storage::CommandContext&)> fn) {
    return f_.rt().log().Execute(std::move(fn));
  }
  json::object Run(std::function<Result<json::value>(storage::CommandContext&)> fn) {
    auto r = TryRun(std::move(fn));
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
    return r.ok() && r->is_object() ? r->as_object() : json::object{};
  }
  std::string Party(const std::string& name, const std::string& kind) {
    return StateString(Run([&](storage::CommandContext& c) {
                         return storage::CreateRegistryObject(
                             c, "party", "", json::object{{"name", name}, {"kind", kind}},
                             kOfficer);
                       }),
                       "id");
  }
  // A customer with a BAA in `status`, which runs out at `expires_at` when one is given.
  std::string Customer(const std::string& name, std::optional<double> hours,
                       const std::string& expires_at = "", const std::string& status = "executed") {
    std::string id = Party(name, "customer");
    json::object baa{{"safeguards", true},
                     {"subcontractor_flow_down", true},
                     {"incident_reporting", true},
                     {"responsibilities", "Each party secures ePHI in its custody."}};
    if (hours) baa["breach_notice_hours"] = *hours;
    json::object agreement{{"type", "baa"},
                           {"title", name + " BAA"},
                           {"status", status},
                           {"effective_at", "2026-01-01T00:00:00Z"},
                           {"baa", baa}};
    if (!expires_at.empty()) agreement["expires_at"] = expires_at;
    last_agreement_ =
        StateString(Run([&](storage::CommandContext& c) {
                      return storage::CreateRegistryObject(c, "agreement", id, agreement, kOfficer);
                    }),
                    "id");
    return id;
  }
  void Terminate(const std::string& agreement_id) {
    Run([&](storage::CommandContext& c) {
      return storage::PatchRegistryObject(c, "agreement", agreement_id,
                                          json::object{{"status", "terminated"}}, kOfficer);
    });
  }
  std::vector<storage::CoveredEntity> Covered() {
    std::vector<storage::CoveredEntity> out;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto c = storage::CoveredEntities(tx);
                      if (!c.ok()) return std::move(c).error();
                      out = std::move(*c);
                      return Ok();
                    })
                    .ok());
    return out;
  }
  json::object Body(const std::string& risk, json::array customers) {
    json::object factors;
    for (auto k :
         {"nature_and_extent", "unauthorized_person", "acquired_or_viewed", "mitigation"}) {
      factors[k] = json::object{{"risk", "low"}, {"notes", "assessed"}};
    }
    factors["acquired_or_viewed"] = json::object{{"risk", risk}};
    json::object b{{"discovered_at", FormatRfc3339(discovered_)},
                   {"factors", factors},
                   {"what_happened", "An export went to another customer's sFTP account."},
                   {"phi_types", "Names and appointment times."},
                   {"individual_steps", "Nothing is needed; watch for unusual messages."},
                   {"our_response", "We revoked the account and confirmed deletion."},
                   {"contact", "privacy@luma.example"},
                   {"individuals", 212}};
    if (!customers.empty()) b["customer_ids"] = customers;
    return b;
  }
  Result<json::value> Assess(const json::object& body) {
    return TryRun([&](storage::CommandContext& c) -> Result<json::value> {
      auto a = storage::AssessBreach(c, kOfficer, incident_, body);
      if (!a.ok()) return std::move(a).error();
      return json::value(std::move(*a));
    });
  }
  json::object Breach() {
    json::object out;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto b = storage::IncidentBreach(tx, incident_, "privacy_officer", false,
                                                       f_.clock().Now());
                      if (!b.ok()) return std::move(b).error();
                      if (b->has_value()) out = std::move(**b);
                      return Ok();
                    })
                    .ok());
    return out;
  }
  json::object NoticeOf(const json::object& breach, const std::string& party) {
    for (const auto& n : breach.at("notices").as_array()) {
      if (StateString(n.as_object(), "party_id") == party) return n.as_object();
    }
    return {};
  }
  Result<json::value> Act(const std::string& id, const json::object& body) {
    return TryRun([&](storage::CommandContext& c) -> Result<json::value> {
      auto r =
          storage::BreachNoticeAction(c, kOfficer, {kOfficer.id, kOfficer.role, "", ""}, id, body);
      if (!r.ok()) return std::move(r).error();
      return json::value(std::move(*r));
    });
  }
  int64_t OutboxCount(const std::string& ref_id) {
    int64_t n = 0;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto r =
                          tx.QueryOne("SELECT COUNT(*) FROM outbox WHERE ref_id = ?", {ref_id});
                      if (!r.ok()) return std::move(r).error();
                      n = (*r)->Int(0);
                      return Ok();
                    })
                    .ok());
    return n;
  }

  RuntimeFixture f_;
  std::string northwind_, harbor_, unsigned_, incident_, last_agreement_;
  TimePoint discovered_;
};

TEST_F(BreachStoreTest, BreachOpensANoticePerCustomerWithItsOwnDeadline) {
  ASSERT_TRUE(Assess(Body("medium", {json::value(northwind_), json::value(harbor_)})).ok());
  json::object b = Breach();
  const json::object& a = b.at("assessment").as_object();
  EXPECT_EQ(StateString(a, "status"), "notifying");
  EXPECT_TRUE(a.at("conclusion").at("breach").as_bool());
  ASSERT_EQ(b.at("notices").as_array().size(), 2u);
  json::object nw = NoticeOf(b, northwind_), hb = NoticeOf(b, harbor_);
  // The BAA's 72 hours beat the rule's 60 days; without a term, exactly 60 days.
  EXPECT_EQ(StateString(nw, "deadline_at"), FormatRfc3339(discovered_ + hours(72)));
  EXPECT_EQ(StateString(nw, "deadline_basis"), "the BAA: 72 hours after discovery");
  EXPECT_EQ(StateString(hb, "deadline_at"), FormatRfc3339(discovered_ + hours(24 * 60)));
  EXPECT_EQ(StateString(nw, "party_name"), "Northwind Clinic");
  EXPECT_FALSE(nw.at("overdue").as_bool());
  // The notice says how many, never who.
  std::string text = StateString(nw.at("notice").as_object(), "body");
  EXPECT_NE(text.find("212 individuals"), std::string::npos);
  EXPECT_NE(text.find("Secure Message"), std::string::npos);
  // Only customers with a BAA are offered.
  std::vector<std::string> covered;
  for (const auto& e : Covered()) covered.push_back(e.party_id);
  EXPECT_EQ(covered, (std::vector<std::string>{harbor_, northwind_}));
}

// A BAA that ran out (or was terminated) before the breach was found still leaves the customer
// a covered entity we owe a notice: the PHI we kept stays under the agreement's protections.
// One never signed (a draft) does not.
TEST_F(BreachStoreTest, ACustomerWhoseBaaHasEndedIsStillOwedANotice) {
  std::string ended =
      Customer("Old Mill Pediatrics", 48, FormatRfc3339(f_.clock().Now() - hours(1)));
  std::string drafted = Customer("Draft Dental", std::nullopt, "", "draft");
  // Withdrawn before anyone signed it: terminated, and never in force.
  std::string withdrawn = Customer("Withdrawn Wellness", std::nullopt, "", "sent");
  Terminate(last_agreement_);
  // Signed, then ended early: still owed a notice.
  std::string ended_early = Customer("Early End Clinic", std::nullopt);
  Terminate(last_agreement_);
  auto expired = storage::ExpireAgreements(f_.rt().log());
  ASSERT_TRUE(expired.ok()) << expired.error().message;
  EXPECT_EQ(*expired, 1);

  std::map<std::string, std::string> status;
  for (const auto& e : Covered()) status[e.party_id] = e.agreement_status;
  EXPECT_EQ(status[ended], "expired");
  EXPECT_EQ(status[ended_early], "terminated");
  EXPECT_EQ(status[northwind_], "executed");
  EXPECT_FALSE(status.contains(drafted));
  EXPECT_FALSE(status.contains(withdrawn)) << "a BAA terminated before it was signed";
  EXPECT_FALSE(status.contains(unsigned_));

  auto refused = Assess(Body("high", {json::value(drafted)}));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().details.at(0).field, "customer_ids[0]");
  auto a = Assess(Body("high", {json::value(ended)}));
  ASSERT_TRUE(a.ok()) << a.error().ToString();
  json::object notice = NoticeOf(Breach(), ended);
  EXPECT_EQ(StateString(notice, "deadline_at"), FormatRfc3339(discovered_ + hours(48)));
}

TEST_F(BreachStoreTest, RefusalsWriteNothing) {
  uint64_t before = f_.LedgerSize();
  auto not_covered = Assess(Body("high", {json::value(unsigned_)}));
  ASSERT_FALSE(not_covered.ok());
  EXPECT_EQ(not_covered.error().details.at(0).field, "customer_ids[0]");
  auto none = Assess(Body("high", {}));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().details.at(0).field, "customer_ids");
  // All four low: not a breach, so naming customers is a mistake.
  auto low = Assess(Body("low", {json::value(harbor_)}));
  ASSERT_FALSE(low.ok());
  EXPECT_EQ(low.error().details.at(0).field, "customer_ids");
  json::object phi = Body("high", {json::value(harbor_)});
  phi["what_happened"] = "Jane Roe, SSN 123-45-6789, was in the export.";
  auto guarded = Assess(phi);
  ASSERT_FALSE(guarded.ok());
  EXPECT_EQ(guarded.error().details.at(0).field, "what_happened");
  EXPECT_EQ(f_.LedgerSize(), before);
  // Not a breach: recorded, nothing to notify; a second assessment is a conflict.
  ASSERT_TRUE(Assess(Body("low", {})).ok());
  EXPECT_EQ(StateString(Breach().at("assessment").as_object(), "status"), "not_a_breach");
  EXPECT_TRUE(Breach().at("notices").as_array().empty());
  auto again = Assess(Body("high", {json::value(harbor_)}));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_F(BreachStoreTest, DelayMovesOnlyTheNoticesStillDue) {
  ASSERT_TRUE(Assess(Body("high", {json::value(northwind_), json::value(harbor_)})).ok());
  json::object b = Breach();
  std::string assessment = StateString(b.at("assessment").as_object(), "id");
  std::string nw = StateString(NoticeOf(b, northwind_), "id");
  ASSERT_TRUE(Act(nw, {{"action", "record_sent"}, {"method", "letter"}}).ok());
  json::object doc = Run([&](storage::CommandContext& c) {
    storage::DocumentUpload u{.actor = kOfficer,
                              .parent_kind = "breach_assessment",
                              .parent_id = assessment,
                              .filename = "fbi-letter.txt",
                              .content_type = "text/plain",
                              .body = "Please delay notification for 45 days."};
    return storage::StoreDocument(c, u);
  });
  json::object delay{{"written", true},
                     {"stated_at", FormatRfc3339(f_.clock().Now())},
                     {"days", 45},
                     {"official", "Special Agent Dana Cole, FBI"},
                     {"document_id", StateString(doc, "id")}};
  ASSERT_TRUE(Run([&](storage::CommandContext& c) -> Result<json::value> {
                auto r = storage::RecordLawEnforcementDelay(c, kOfficer, assessment, delay);
                if (!r.ok()) return std::move(r).error();
                return json::value(std::move(*r));
              }).contains("law_enforcement_delay"));
  json::object after = Breach();
  EXPECT_EQ(StateString(NoticeOf(after, harbor_), "deadline_at"),
            FormatRfc3339(discovered_ + hours(24 * (60 + 45))));
  EXPECT_EQ(StateString(NoticeOf(after, northwind_), "deadline_at"),
            StateString(NoticeOf(b, northwind_), "deadline_at"));
  // A statement without its document is refused.
  delay["document_id"] = "doc_missing";
  auto missing = TryRun([&](storage::CommandContext& c) -> Result<json::value> {
    auto r = storage::RecordLawEnforcementDelay(c, kOfficer, assessment, delay);
    if (!r.ok()) return std::move(r).error();
    return json::value(std::move(*r));
  });
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().details.at(0).field, "document_id");
}

TEST_F(BreachStoreTest, RemindsBeforeTheDeadlineAndEscalatesOnceAfter) {
  ASSERT_TRUE(Assess(Body("high", {json::value(northwind_)})).ok());
  std::string id = StateString(NoticeOf(Breach(), northwind_), "id");
  // 72 hours from discovery a day ago: 2 days left, inside the 3-day slot.
  auto first = storage::RunBreachNotices(f_.rt().log());
  ASSERT_TRUE(first.ok());
  int64_t reminders = OutboxCount(id);
  EXPECT_GT(reminders, 0);
  ASSERT_TRUE(storage::RunBreachNotices(f_.rt().log()).ok());
  EXPECT_EQ(OutboxCount(id), reminders);  // once per slot
  f_.clock().Advance(hours(24));          // 1 day left: the last reminder
  ASSERT_TRUE(storage::RunBreachNotices(f_.rt().log()).ok());
  EXPECT_GT(OutboxCount(id), reminders);
  f_.clock().Advance(hours(25));  // past the deadline
  uint64_t before = f_.LedgerSize();
  ASSERT_TRUE(storage::RunBreachNotices(f_.rt().log()).ok());
  json::object n = NoticeOf(Breach(), northwind_);
  EXPECT_TRUE(n.at("overdue").as_bool());
  EXPECT_TRUE(n.contains("escalated_at"));
  EXPECT_GT(f_.LedgerSize(), before);
  uint64_t escalated = f_.LedgerSize();
  ASSERT_TRUE(storage::RunBreachNotices(f_.rt().log()).ok());
  EXPECT_EQ(f_.LedgerSize(), escalated);
}

TEST_F(BreachStoreTest, TheLastNoticeSentCompletesTheAssessment) {
  ASSERT_TRUE(Assess(Body("high", {json::value(northwind_), json::value(harbor_)})).ok());
  json::object b = Breach();
  auto send = Act(StateString(NoticeOf(b, northwind_), "id"), {{"action", "send"}});
  ASSERT_FALSE(send.ok());
  EXPECT_EQ(send.error().details.at(0).field, "recipient");
  ASSERT_TRUE(Act(StateString(NoticeOf(b, northwind_), "id"),
                  {{"action", "send"}, {"recipient", "privacy@northwind.example"}})
                  .ok());
  EXPECT_EQ(OutboxCount(StateString(NoticeOf(b, northwind_), "id")), 1);
  EXPECT_EQ(StateString(Breach().at("assessment").as_object(), "status"), "notifying");
  auto twice = Act(StateString(NoticeOf(b, northwind_), "id"), {{"action", "record_sent"}});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(Act(StateString(NoticeOf(b, harbor_), "id"), {{"action", "record_sent"}}).ok());
  EXPECT_EQ(StateString(Breach().at("assessment").as_object(), "status"), "notified");
}

}  // namespace
}  // namespace accord::testing
