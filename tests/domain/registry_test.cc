// The registry's pure rules (domain/registry.h): new objects and patches, which status
// changes are allowed, and what an agreement needs before it is executed. No store, no
// server. The field rules: fields_test.cc.
#include "accord/domain/registry.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "accord/workflow/lifecycle.h"
#include "domain/registry_test.h"

namespace accord::domain::registry_test {
namespace {

Result<json::object> Patch(std::string_view kind, const json::object& current,
                           std::string_view body, std::vector<std::string>* changed = nullptr) {
  std::vector<std::string> local;
  return PatchObject(Kind(kind), current, Obj(body), kNow + std::chrono::hours(1),
                     changed ? *changed : local, workflow::NextStatuses);
}

// The lifecycle tables are the workflows' (workflow/party.h, workflow/agreement.h); PATCH is
// given them, and these say what a PATCH then accepts.
bool StatusTransitionAllowed(std::string_view kind, std::string_view from, std::string_view to) {
  return workflow::StatusTransitionAllowed(kind, from, to);
}
std::string NextStatuses(std::string_view kind, std::string_view from) {
  return StatusList(workflow::NextStatuses(kind, from));
}

// --- creating and patching --------------------------------------------------------------

TEST(RegistryTest, NewObjectsGetDefaultsAndServerFields) {
  json::object p = NewOk("party", R"({"name": "Acme Health", "kind": "customer"})");
  EXPECT_EQ(p.at("id"), "id_1");
  EXPECT_EQ(p.at("status"), "prospect");
  EXPECT_EQ(p.at("criticality"), "medium");
  EXPECT_EQ(p.at("version"), 1);
  EXPECT_EQ(p.at("created_at").as_string(), FormatRfc3339(kNow));
  EXPECT_EQ(p.at("updated_at").as_string(), FormatRfc3339(kNow));
  EXPECT_TRUE(p.contains("risk_tier"));
  EXPECT_FALSE(p.contains("party_id"));
  json::object a = NewOk("agreement", R"({"type": "nda"})", "pty_1");
  EXPECT_EQ(a.at("status"), "draft");
  EXPECT_EQ(a.at("party_id"), "pty_1");
  json::object s = NewOk("system", R"({"name": "Db", "environment": "staging",
                                       "contains_ephi": false, "owner": "Ops"})");
  EXPECT_FALSE(s.contains("status"));
  EXPECT_EQ(Fields(NewFails("system", R"({"name": "Db", "environment": "prod",
                                         "owner": "Ops"})")),
            (std::vector<std::string>{"environment", "contains_ephi"}));
}

TEST(RegistryTest, PatchKeepsAbsentFieldsClearsOptionalOnNullAndRefusesNullRequired) {
  json::object p = NewOk("party", R"({"name": "Acme", "kind": "customer", "owner": "Ann",
                                      "location": "Oslo"})");
  std::vector<std::string> changed;
  auto r = Patch("party", p, R"({"owner": null, "legal_name": "Acme AS"})", &changed);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_FALSE(r->contains("owner"));
  EXPECT_EQ(r->at("legal_name"), "Acme AS");
  EXPECT_EQ(r->at("location"), "Oslo");
  EXPECT_EQ(r->at("name"), "Acme");
  EXPECT_EQ(r->at("version"), 2);
  EXPECT_EQ(r->at("created_at"), p.at("created_at"));
  EXPECT_NE(r->at("updated_at"), p.at("updated_at"));
  std::sort(changed.begin(), changed.end());
  EXPECT_EQ(changed, (std::vector<std::string>{"legal_name", "owner"}));

  auto null_required = Patch("party", p, R"({"name": null})");
  ASSERT_FALSE(null_required.ok());
  EXPECT_EQ(Fields(null_required.error()), std::vector<std::string>{"name"});
  EXPECT_EQ(ReasonFor(null_required.error().details, "name"), "is required and cannot be null");
  EXPECT_FALSE(Patch("party", p, R"({"kind": null})").ok());
  // A status cannot be cleared either: every party and agreement is in some state.
  auto null_status = Patch("party", p, R"({"status": null})");
  ASSERT_FALSE(null_status.ok());
  EXPECT_EQ(Fields(null_status.error()), std::vector<std::string>{"status"});
  EXPECT_EQ(ReasonFor(null_status.error().details, "status"),
            "cannot be null; allowed next: onboarding, offboarded");

  auto read_only = Patch("party", p, R"({"version": 7})");
  ASSERT_FALSE(read_only.ok());
  EXPECT_EQ(Fields(read_only.error()), std::vector<std::string>{"version"});
  EXPECT_FALSE(Patch("party", p, R"({"unknown": 1})").ok());
}

TEST(RegistryTest, PatchWithoutChangeKeepsTheVersion) {
  json::object p = NewOk("party", R"({"name": "Acme", "kind": "customer"})");
  std::vector<std::string> changed;
  auto r = Patch("party", p, R"({"name": "Acme", "kind": "customer"})", &changed);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(changed.empty());
  EXPECT_EQ(r->at("version"), 1);
  EXPECT_EQ(r->at("updated_at"), p.at("updated_at"));
}

// --- lifecycles ---------------------------------------------------------------------------

TEST(RegistryTest, PartyLifecycle) {
  json::object p = NewOk("party", R"({"name": "Acme", "kind": "subcontractor"})");
  for (const char* next : {"onboarding", "active", "offboarded", "onboarding"}) {
    auto r = Patch("party", p, std::string(R"({"status": ")") + next + "\"}");
    ASSERT_TRUE(r.ok()) << next << ": " << r.error().ToString();
    p = *r;
  }
  EXPECT_TRUE(StatusTransitionAllowed("party", "prospect", "offboarded"));
  EXPECT_FALSE(StatusTransitionAllowed("party", "active", "prospect"));
  EXPECT_FALSE(StatusTransitionAllowed("party", "offboarded", "active"));

  json::object prospect = NewOk("party", R"({"name": "Acme", "kind": "subcontractor"})");
  auto skip = Patch("party", prospect, R"({"status": "active"})");
  ASSERT_FALSE(skip.ok());
  EXPECT_EQ(Fields(skip.error()), std::vector<std::string>{"status"});
  EXPECT_EQ(ReasonFor(skip.error().details, "status"),
            "cannot change from prospect to active; allowed next: onboarding, offboarded");
  auto bad = Patch("party", prospect, R"({"status": "gone"})");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(ReasonFor(bad.error().details, "status").find("must be one of"), std::string::npos);
}

TEST(RegistryTest, AgreementLifecycleEndsInFinalStates) {
  json::object a = NewOk("agreement", R"({"type": "nda", "effective_at": "2026-01-01"})", "p");
  for (const char* next : {"sent", "executed", "expired"}) {
    auto r = Patch("agreement", a, std::string(R"({"status": ")") + next + "\"}");
    ASSERT_TRUE(r.ok()) << next << ": " << r.error().ToString();
    a = *r;
  }
  auto again = Patch("agreement", a, R"({"status": "executed"})");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(ReasonFor(again.error().details, "status"),
            "cannot change from expired to executed; allowed next: none (final)");
  EXPECT_TRUE(StatusTransitionAllowed("agreement", "executed", "terminated"));
  EXPECT_TRUE(StatusTransitionAllowed("agreement", "sent", "draft"));
  EXPECT_FALSE(StatusTransitionAllowed("agreement", "executed", "draft"));
  EXPECT_FALSE(StatusTransitionAllowed("agreement", "terminated", "executed"));
  EXPECT_EQ(NextStatuses("agreement", "executed"), "expired, terminated");
  EXPECT_EQ(NextStatuses("agreement", "terminated"), "none (final)");
  // Kinds without a lifecycle have no transitions.
  EXPECT_FALSE(StatusTransitionAllowed("contact", "a", "b"));
}

// --- agreements ---------------------------------------------------------------------------

TEST(RegistryTest, ExecutedBaaNeedsTheChecklistAndResponsibilities) {
  json::object baa = NewOk("agreement", R"({"type": "baa", "effective_at": "2026-01-01"})", "p");
  auto r = Patch("agreement", baa, R"({"status": "executed"})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Fields(r.error()),
            (std::vector<std::string>{"baa.safeguards", "baa.subcontractor_flow_down",
                                      "baa.incident_reporting", "baa.responsibilities"}));
  EXPECT_NE(ReasonFor(r.error().details, "baa.safeguards").find("164.314(a)(2)(i)"),
            std::string::npos);
  // One item missing is named alone.
  r = Patch("agreement", baa, R"({"status": "executed", "baa": {"safeguards": true,
             "subcontractor_flow_down": true, "incident_reporting": false,
             "responsibilities": "Each party secures ePHI in its custody."}})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Fields(r.error()), std::vector<std::string>{"baa.incident_reporting"});
  r = Patch("agreement", baa, R"({"status": "executed", "baa": {"safeguards": true,
             "subcontractor_flow_down": true, "incident_reporting": true,
             "responsibilities": "Each party secures ePHI in its custody."}})");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  // Once executed, the checklist cannot be taken back.
  auto undo = Patch("agreement", *r, R"({"baa": null})");
  ASSERT_FALSE(undo.ok());
  EXPECT_EQ(Fields(undo.error()).front(), "baa.safeguards");
  // Created executed at once: the same checks, plus an effective date.
  auto e = NewFails("agreement", R"({"type": "baa", "status": "executed"})");
  EXPECT_EQ(Fields(e).front(), "effective_at");
  EXPECT_EQ(ReasonFor(e.details, "effective_at"), "is required before the agreement is executed");
}

TEST(RegistryTest, ExecutedSlaNeedsTheSeedSections) {
  json::object sla = NewOk("agreement", R"({"type": "sla", "effective_at": "2026-01-01",
      "sla": {"liability": true, "uptime_percent": 99.9}})",
                           "p");
  auto r = Patch("agreement", sla, R"({"status": "executed"})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Fields(r.error()),
            (std::vector<std::string>{"sla.service_definitions", "sla.security_controls",
                                      "sla.service_management"}));
  r = Patch("agreement", sla, R"({"status": "executed", "sla": {"liability": true,
      "service_definitions": true, "security_controls": true, "service_management": true,
      "uptime_percent": 99.95, "response_hours": 4, "breach_notice_hours": 72}})");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r->at("sla").at("breach_notice_hours"), 72);
  // Measurable terms are range-checked with their nested path.
  auto bad = NewFails("agreement", R"({"type": "sla", "sla": {"uptime_percent": 101}})");
  EXPECT_EQ(Fields(bad), std::vector<std::string>{"sla.uptime_percent"});
  // A checklist belongs to its own agreement type.
  EXPECT_EQ(Fields(NewFails("agreement", R"({"type": "nda", "sla": {"liability": true}})")),
            std::vector<std::string>{"sla"});
  EXPECT_EQ(Fields(NewFails("agreement", R"({"type": "sla", "baa": {"safeguards": true}})")),
            std::vector<std::string>{"baa"});
}

TEST(RegistryTest, ExpiryMustFollowTheEffectiveDate) {
  auto e = NewFails("agreement", R"({"type": "nda", "effective_at": "2026-06-01",
                                    "expires_at": "2026-05-31"})");
  EXPECT_EQ(Fields(e), std::vector<std::string>{"expires_at"});
  EXPECT_EQ(ReasonFor(e.details, "expires_at"), "must be after effective_at");
  EXPECT_EQ(e.message, "expires_at: must be after effective_at");
  // Equal instants are not "after", whichever way they were written.
  EXPECT_FALSE(NewObject(Kind("agreement"), Obj(R"({"type": "nda", "effective_at": "2026-06-01",
                                 "expires_at": "2026-06-01T02:00:00+02:00"})"),
                         "a", "p", kNow)
                   .ok());
  json::object a = NewOk("agreement", R"({"type": "nda", "effective_at": "2026-06-01",
                                          "expires_at": "2027-06-01"})",
                         "p");
  auto r = Patch("agreement", a, R"({"effective_at": "2027-07-01"})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Fields(r.error()), std::vector<std::string>{"expires_at"});
}

TEST(RegistryTest, RecordsAndControlsCheckTheirDates) {
  auto e = NewFails("due_diligence", R"({"date": "2026-06-01", "reviewer": "SO",
                                        "result": "passed", "next_due_at": "2026-01-01"})");
  EXPECT_EQ(Fields(e), std::vector<std::string>{"next_due_at"});
  auto c = NewFails("control", R"({"date": "2026-06-01", "reviewer": "SO", "result": "passed",
                                  "name": "Change permission",
                                  "type": "infrastructure_permission"})");
  EXPECT_EQ(Fields(c), std::vector<std::string>{"system_id"});
  NewOk("control", R"({"date": "2026-06-01", "reviewer": "SO", "result": "passed",
                      "name": "Change permission", "type": "infrastructure_permission",
                      "system_id": "sys_1"})",
        "p");
}

TEST(RegistryTest, DocumentsAndGrantsAreNotWrittenThroughTheGenericShape) {
  EXPECT_FALSE(Kind("document").generic_write);
  EXPECT_FALSE(Kind("grant").generic_write);
  // Identity objects are registry objects written only by their own commands (issue 5).
  for (const char* kind : {"user", "entitlement_review", "alert"}) {
    EXPECT_FALSE(Kind(kind).generic_write) << kind;
  }
  // So are the reviews' objects (issue 6): their commands check the workflow.
  for (const char* kind : {"review", "soc2_report", "change_notice", "finding"}) {
    EXPECT_FALSE(Kind(kind).generic_write) << kind;
  }
  EXPECT_FALSE(Kind("change_request").generic_write);   // issue 24: its workflow's commands
  EXPECT_FALSE(Kind("vendor_incident").generic_write);  // issue 27: the runner and its workflow
  EXPECT_EQ(Fields(NewFails("document", R"({"filename": "x.pdf"})")),
            std::vector<std::string>{"filename"});
  EXPECT_EQ(FindKind("vendor"), nullptr);
  EXPECT_TRUE(IsRegistryKind("due_diligence"));
  // + connection (issue 30), data_commitment, dpf_participation (issue 29), change_request
  // (issue 24), vendor_incident (issue 27), questionnaire_template and questionnaire (issue 28),
  // breach_assessment and breach_notice (issue 27, TR-8)
  EXPECT_EQ(RegistryKinds().size(), 28u);
}

TEST(RegistryTest, CertificationIsValidForAPeriod) {
  EXPECT_TRUE(Kind("certification").generic_write);
  EXPECT_EQ(Fields(NewFails("certification", R"({"name": "SOC 2 Type II",
      "framework": "soc2_type2", "issuer": "Example Assurance LLP",
      "valid_from": "2026-06-01T00:00:00Z", "valid_until": "2026-05-01T00:00:00Z"})")),
            std::vector<std::string>{"valid_until"});
  EXPECT_EQ(Fields(NewFails("certification", R"({"name": "ISO", "framework": "iso9001"})")),
            (std::vector<std::string>{"framework", "issuer", "valid_from", "valid_until"}));
}

// --- risk tier ----------------------------------------------------------------------------

TEST(RegistryTest, InherentRiskTierFromDataAccessAndCriticality) {
  EXPECT_EQ(InherentRiskTier(Obj(R"({})")), "low");
  EXPECT_EQ(InherentRiskTier(Obj(R"({"criticality": "medium"})")), "low");
  EXPECT_EQ(InherentRiskTier(Obj(R"({"data_categories": ["ephi"]})")), "medium");
  EXPECT_EQ(InherentRiskTier(Obj(R"({"data_categories": ["pii"], "criticality": "medium"})")),
            "medium");
  EXPECT_EQ(InherentRiskTier(Obj(R"({"data_categories": ["ephi"], "access_level": "production"})")),
            "high");
  EXPECT_EQ(InherentRiskTier(Obj(R"({"data_categories": ["public"], "criticality": "high"})")),
            "medium");
  EXPECT_EQ(InherentRiskTier(Obj(R"({"data_categories": ["ephi", "pii", "financial"],
                                     "access_level": "production", "criticality": "high"})")),
            "high");
  // The stored tier follows the answers, on create and on every change.
  json::object p = NewOk("party", R"({"name": "Acme", "kind": "customer",
                                      "data_categories": ["public"], "criticality": "low"})");
  EXPECT_EQ(p.at("risk_tier"), "low");
  auto r = Patch("party", p, R"({"data_categories": ["ephi"], "access_level": "production"})");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->at("risk_tier"), "high");
}

// --- email, phone, names -------------------------------------------------------------------

TEST(RegistryTest, EmailAddresses) {
  for (const char* good : {"a@b.co", "first.last+tag@sub.example.org", "o'brien@example.ie",
                           "x_y-z@a-b.example", "UPPER@EXAMPLE.COM", "1@2.3"}) {
    EXPECT_TRUE(IsValidEmail(good)) << good;
  }
  std::string long_local = std::string(65, 'a') + "@example.com";
  std::string long_label = "a@" + std::string(64, 'b') + ".com";
  std::string too_long = "a@" + std::string(250, 'b') + ".com";
  for (std::string bad : {std::string("plain"),
                          std::string("@example.com"),
                          std::string("a@"),
                          std::string("a@localhost"),
                          std::string("a..b@example.com"),
                          std::string(".a@example.com"),
                          std::string("a.@example.com"),
                          std::string("a@-x.com"),
                          std::string("a@x-.com"),
                          std::string("a@x..com"),
                          std::string("a@@x.com"),
                          std::string("a@b@x.com"),
                          std::string("a b@x.com"),
                          std::string("a@x.com."),
                          std::string("a@.x.com"),
                          std::string("a@x_y.com"),
                          std::string("<a@x.com>"),
                          std::string("a@x.com\n"),
                          long_local,
                          long_label,
                          too_long}) {
    EXPECT_FALSE(IsValidEmail(bad)) << bad;
  }
}

TEST(RegistryTest, E164PhoneNumbers) {
  for (const char* good : {"+14155550123", "+4512345678", "+123456789012345"}) {
    EXPECT_TRUE(IsValidE164(good)) << good;
  }
  for (const char* bad :
       {"14155550123", "+1234567", "+1234567890123456", "+04155550123", "+1 415 555 0123",
        "+1-415-555-0123", "+", "", "+1415555012a", "++14155550123"}) {
    EXPECT_FALSE(IsValidE164(bad)) << bad;
  }
  auto e = NewFails("contact", R"({"name": "Desk", "email": "desk@example", "phone": "5550123"})");
  EXPECT_EQ(Fields(e), (std::vector<std::string>{"email", "phone"}));
}

TEST(RegistryTest, NameWordsSplitOnPunctuationAndLowercase) {
  EXPECT_EQ(NameWords("Acme Health, Inc."), (std::vector<std::string>{"acme", "health", "inc"}));
  EXPECT_EQ(NameWords("O'Brien & Sons (EU)"),
            (std::vector<std::string>{"o", "brien", "sons", "eu"}));
  EXPECT_EQ(NameWords("  --  "), std::vector<std::string>{});
  EXPECT_EQ(NameWords(""), std::vector<std::string>{});
  EXPECT_EQ(NameWords("HL7/FHIR  v2"), (std::vector<std::string>{"hl7", "fhir", "v2"}));
  // Bytes of non-ASCII letters stay inside their word.
  EXPECT_EQ(NameWords("Z\xC3\xBCrich-Klinik"),
            (std::vector<std::string>{"z\xC3\xBCrich", "klinik"}));
  EXPECT_EQ(Lowercase("MiXeD 123"), "mixed 123");
}

// Issue 6: an SLA's own review cadence is an RRULE (TP-14); a bad one is refused with the
// rule's reason, and a review duty never ends.
TEST(RegistryReviewTest, SlaReviewRuleIsCheckedAndMustNotEnd) {
  json::object ok =
      NewOk("agreement", R"({"type": "sla", "review_rrule": "FREQ=MONTHLY;INTERVAL=1"})", "pty_1");
  EXPECT_EQ(StateString(ok, "review_rrule"), "FREQ=MONTHLY;INTERVAL=1");
  auto bad = NewFails("agreement", R"({"type": "sla", "review_rrule": "FREQ=HOURLY"})");
  ASSERT_EQ(Fields(bad), std::vector<std::string>{"review_rrule"});
  EXPECT_NE(bad.details[0].reason.find("HOURLY"), std::string::npos) << bad.details[0].reason;
  EXPECT_EQ(
      Fields(NewFails("agreement", R"({"type": "sla", "review_rrule": "FREQ=YEARLY;COUNT=2"})")),
      std::vector<std::string>{"review_rrule"});
  EXPECT_EQ(Fields(NewFails("agreement", R"({"type": "baa", "review_rrule": "FREQ=YEARLY"})")),
            std::vector<std::string>{"review_rrule"});
}

TEST(RegistryReviewTest, Soc2ReportPeriodsAndListsAreValidated) {
  EXPECT_EQ(Fields(NewFails("soc2_report", R"({"type": "type2", "period_end": "2026-06-30",
      "auditor": "A", "opinion": "unqualified", "reviewed_at": "2026-07-01"})")),
            std::vector<std::string>{"period_start"});
  EXPECT_EQ(Fields(NewFails("soc2_report", R"({"type": "type2", "period_start": "2026-06-30",
      "period_end": "2026-01-01", "auditor": "A", "opinion": "unqualified",
      "reviewed_at": "2026-07-01"})")),
            std::vector<std::string>{"period_end"});
  EXPECT_EQ(Fields(NewFails("soc2_report", R"({"type": "type1", "period_end": "2026-06-30",
      "auditor": "A", "opinion": "clean", "reviewed_at": "2026-07-01",
      "exceptions": [{"description": "no control"}, 5]})")),
            (std::vector<std::string>{"opinion", "exceptions[0].control", "exceptions[1]"}));
}

}  // namespace
}  // namespace accord::domain::registry_test
