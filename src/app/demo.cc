// `--demo`: a believable organisation seeded once into an empty store (luma profile), so a
// new user sees a working registry, gate and ledger at once. Everything goes through the
// same commands as the API, so the demo is also a smoke test of them.
#include <boost/json.hpp>

#include "accord/app/serve.h"
#include "accord/core/bytes.h"
#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/identity.h"
#include "accord/storage/connections.h"
#include "accord/storage/documents.h"
#include "accord/storage/grants.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/registry_commands.h"
#include "accord/storage/report_requests.h"
#include "accord/storage/reviews.h"
#include "demo_answer_library.h"
#include "demo_breach.h"
#include "demo_changes.h"
#include "demo_questionnaires.h"
#include "demo_scans.h"

namespace accord::app {

namespace json = boost::json;

namespace {

const domain::Actor kOfficer{"demo", "security_officer"};
// The system that reports third parties' connections (an integration token in real use).
const domain::Actor kConnectionMonitor{"demo_monitor", "integration"};
constexpr const char* kFileExchange = "Claims file exchange";
const domain::Actor kPrivacy{"demo", "privacy_officer"};

struct DemoParty {
  const char* name;
  const char* kind;
  const char* status;
  const char* purpose;
  bool infrastructure;
  bool public_subprocessor;
  bool ephi;
  const char* location;
};

const DemoParty kParties[] = {
    {"Nimbus Cloud Hosting", "subcontractor", "active", "Cloud hosting of the Luma platform", true,
     true, true, "United States (us-east, us-west)"},
    {"Relay SMS", "subcontractor", "active", "SMS appointment reminders", false, true, true,
     "United States"},
    {"Parcel Mail", "subcontractor", "active", "Transactional email delivery", false, true, true,
     "United States"},
    {"Beacon Monitoring", "subcontractor", "active", "Infrastructure monitoring and alerting",
     false, true, false, "United States, European Union"},
    {"Helpdesk Harbor", "subcontractor", "active", "Customer support ticketing", false, true, false,
     "United States"},
    // Announced on the trust center as planned while it is onboarded.
    {"Keystone Identity", "subcontractor", "onboarding", "Workforce single sign-on", false, true,
     false, "United States"},
    // An AI provider: bound to zero data retention and no training, as we publish.
    {"Cortex AI", "subcontractor", "active", "AI summaries of care-team notes", false, true, true,
     "United States"},
    {"Meridian EHR", "partner", "active", "EHR integration partner", false, false, true,
     "United States"},
    {"Bridgeway Integrations", "partner", "active", "HL7/FHIR integration engine", false, false,
     true, "United States"},
    {"Northwind Clinics", "customer", "active", "", false, false, true, "Oregon, United States"},
    {"Riverside Medical Group", "customer", "active", "", false, false, true,
     "Texas, United States"},
    {"Bayview Pediatrics", "customer", "active", "", false, false, true,
     "California, United States"},
    {"Summit Orthopedics", "customer", "active", "", false, false, true, "Colorado, United States"},
    {"Lakeside Dental", "customer", "active", "", false, false, true, "Ohio, United States"},
    {"Cedar Valley Health", "customer", "onboarding", "", false, false, true,
     "Iowa, United States"},
    {"Harbor Health Analytics", "customer", "prospect", "", false, false, true,
     "Maine, United States"},
    {"Brightcode Studio", "contracted_developer", "active", "Mobile app development", false, false,
     false, "Portugal"},
    {"DevForge Consulting", "contracted_developer", "active", "Data pipeline development", false,
     false, false, "Canada"},
    {"Quill Legal Services", "partner", "active", "Contract review", false, false, false,
     "United States"},
    {"Atlas Payments", "subcontractor", "active", "Card payments for patient invoices", false, true,
     false, "United States"},
    {"Signal Translation", "subcontractor", "offboarded", "Interpreter services (ended)", false,
     false, true, "United States"},
};

struct Seeder {
  Runtime& runtime;
  const policy::AccessPolicy& policy;
  TimePoint now;
  std::map<std::string, std::string> ids;                 // name -> id
  const policy::ReviewsPolicy* reviews_policy = nullptr;  // findings' deadlines

  Result<json::object> Run(std::function<Result<json::value>(storage::CommandContext&)> fn) {
    auto r = runtime.log().Execute(
        [&](storage::CommandContext& c) -> Result<json::value> { return fn(c); });
    if (!r.ok()) return std::move(r).error();
    return r->as_object();
  }
  Result<std::string> Create(std::string_view kind, const std::string& parent, json::object body,
                             const domain::Actor& actor = kPrivacy) {
    auto r = Run([&](storage::CommandContext& c) {
      return storage::CreateRegistryObject(c, kind, parent, body, actor);
    });
    if (!r.ok()) return std::move(r).error();
    return std::string(r->at("id").as_string());
  }
  std::string Day(int days) { return FormatRfc3339(now + std::chrono::hours(24 * days)); }

  // What the trust center shows: two attestations in force, one lapsed (it disappears).
  Status Certifications() {
    struct C {
      const char* name;
      const char* framework;
      const char* issuer;
      const char* scope;
      int from, until;
    };
    const C certs[] = {
        {"SOC 2 Type II", "soc2_type2", "Example Assurance LLP",
         "Luma care-coordination platform: security, availability, confidentiality", -200, 165},
        {"ISO/IEC 27001:2022", "iso27001_2022", "Example Certification Body",
         "Information security management system for the Luma platform", -400, 695},
        {"HITRUST r2 (lapsed)", "hitrust_r2", "Example HITRUST Assessor", "Luma platform", -800,
         -70},
    };
    for (const auto& c : certs) {
      auto id = Create("certification", "",
                       json::object{{"name", c.name},
                                    {"framework", c.framework},
                                    {"issuer", c.issuer},
                                    {"scope", c.scope},
                                    {"valid_from", Day(c.from)},
                                    {"valid_until", Day(c.until)}});
      if (!id.ok()) return std::move(id).error();
      ids[c.name] = *id;
    }
    // The report an approved audit-report request delivers (IN-4).
    auto report = Run([&](storage::CommandContext& c) {
      return storage::StoreDocument(
          c, storage::DocumentUpload{
                 .actor = kOfficer,
                 .parent_kind = "certification",
                 .parent_id = ids["SOC 2 Type II"],
                 .filename = "luma-soc2-type2-report-demo.txt",
                 .content_type = "text/plain",
                 .body = "Luma Health SOC 2 Type II report (demo placeholder)\n\nA real deployment "
                         "uploads the auditor's report here: POST "
                         "/api/v1/certifications/{id}/documents.\n"});
    });
    if (!report.ok()) return std::move(report).error();
    return Ok();
  }

  // TR-11: what we promise customers about their data, and our DPF participation.
  Status Commitments() {
    struct C {
      const char* statement;
      const char* key;
      const char* applies_to;
      const char* evidence_kind;
      std::string evidence_id;
      const char* note;
    };
    const C commitments[] = {
        {"We never sell or share your data.", "no_sale_or_sharing", "organisation",
         "agreement_clause", "", "Customer agreement, section 9.1"},
        {"We never use your data for advertising.", "no_advertising_use", "organisation",
         "agreement_clause", "", "Customer agreement, section 9.2"},
        {"The AI providers we use keep none of your data once they have answered.",
         "ai_zero_data_retention", "ai_providers", "agreement_clause", "",
         "Zero data retention clause of each AI provider's agreement"},
        {"No AI model is trained on your data.", "no_model_training", "ai_providers",
         "certification", ids["SOC 2 Type II"], ""},
    };
    for (const auto& c : commitments) {
      json::object body{{"statement", c.statement},
                        {"key", c.key},
                        {"applies_to", c.applies_to},
                        {"since", Day(-400)},
                        {"evidence_kind", c.evidence_kind}};
      if (!c.evidence_id.empty()) body["evidence_id"] = c.evidence_id;
      if (*c.note) body["evidence_note"] = c.note;
      ACCORD_TRY(Create("data_commitment", "", body));
    }
    ACCORD_TRY(Create("dpf_participation", "",
                      json::object{{"frameworks", json::array{"eu_us", "uk_extension", "swiss_us"}},
                                   {"status", "active"},
                                   {"last_recertified_at", Day(-200)},
                                   {"listing_url", "https://www.dataprivacyframework.gov/list"}}));
    return Ok();
  }

  Status Systems() {
    struct S {
      const char* name;
      const char* env;
      bool ephi;
      bool infra;
      const char* owner;
    };
    const S systems[] = {
        {"Luma platform (production)", "production", true, false, "Platform team"},
        {"Messaging service (production)", "production", true, false, "Messaging team"},
        {"Production cloud account", "production", true, true, "Infrastructure team"},
        {"Analytics warehouse", "production", true, false, "Data team"},
        {"Luma platform (staging)", "staging", false, false, "Platform team"},
        {"Mobile app build pipeline", "staging", false, true, "Mobile team"},
        {"Developer sandbox", "development", false, false, "Engineering"},
    };
    for (const auto& s : systems) {
      auto id = Create("system", "",
                       json::object{{"name", s.name},
                                    {"environment", s.env},
                                    {"contains_ephi", s.ephi},
                                    {"infrastructure", s.infra},
                                    {"owner", s.owner}},
                       kOfficer);
      if (!id.ok()) return std::move(id).error();
      ids[s.name] = *id;
    }
    // TP-5: how third parties reach the file exchange; the old FTP server is still declared,
    // and the gate refuses every request that would use it.
    auto exchange = Create(
        "system", "",
        json::object{{"name", kFileExchange},
                     {"environment", "staging"},
                     {"contains_ephi", false},
                     {"owner", "Integrations team"},
                     {"description", "Test files exchanged with contracted developers"},
                     {"endpoints",
                      json::array{json::object{{"name", "portal"},
                                               {"url", "https://files.luma.example/"},
                                               {"protocol", "https"}},
                                  json::object{{"name", "sftp"},
                                               {"url", "sftp://sftp.luma.example:22"},
                                               {"protocol", "sftp"}},
                                  json::object{{"name", "legacy-ftp"},
                                               {"url", "ftp.luma.example:21"},
                                               {"protocol", "ftp"},
                                               {"description",
                                                "kept for one old integration; to be retired"}}}}},
        kOfficer);
    if (!exchange.ok()) return std::move(exchange).error();
    ids[kFileExchange] = *exchange;
    return Ok();
  }

  // Services, a contact, due diligence, controls and the agreement the kind needs.
  Status Party(const DemoParty& p) {
    json::object body{{"name", p.name},
                      {"kind", p.kind},
                      {"status", p.status},
                      {"owner", "Privacy Officer"},
                      {"criticality", p.infrastructure ? "high"
                                      : p.ephi         ? "medium"
                                                       : "low"},
                      {"infrastructure_partner", p.infrastructure},
                      {"public_subprocessor", p.public_subprocessor},
                      {"location", p.location},
                      {"data_categories", p.ephi ? json::array{"ephi", "pii"} : json::array{"pii"}},
                      {"access_level", p.infrastructure ? "production" : "none"}};
    if (*p.purpose) body["purpose"] = p.purpose;
    if (IsAi(p)) body["ai_provider"] = true;
    auto id = Create("party", "", body);
    if (!id.ok()) return std::move(id).error();
    ids[p.name] = *id;
    std::string slug;
    for (const char* c = p.name; *c; ++c) {
      if (std::isalnum(static_cast<unsigned char>(*c))) slug += static_cast<char>(std::tolower(*c));
    }
    auto contact = Create("contact", *id,
                          json::object{{"name", std::string("Security desk, ") + p.name},
                                       {"email", "security@" + slug + ".example"},
                                       {"phone", "+14155550100"},
                                       {"role", "security"},
                                       {"primary", true}});
    if (!contact.ok()) return std::move(contact).error();
    ids[std::string(p.name) + "/contact"] = *contact;
    if (*p.purpose) {
      json::array systems;
      if (p.infrastructure) systems.push_back(json::value(ids["Production cloud account"]));
      auto svc = Create("service", *id,
                        json::object{{"name", p.purpose},
                                     {"direction", "provides"},
                                     {"handles_ephi", p.ephi},
                                     {"systems", std::move(systems)},
                                     {"environment_boundary", "its own tenant"}});
      if (!svc.ok()) return std::move(svc).error();
    }
    if (std::string(p.status) == "prospect") return Ok();
    ACCORD_TRY(Create("due_diligence", *id,
                      json::object{{"date", Day(-200)},
                                   {"reviewer", "Security Officer"},
                                   {"result", "passed"},
                                   {"scope", "security"},
                                   {"summary", "Security questionnaire and references reviewed."},
                                   {"next_due_at", Day(165)}},
                      kOfficer));
    ACCORD_TRY(Create("control", *id,
                      json::object{{"date", Day(-190)},
                                   {"reviewer", "Security Officer"},
                                   {"result", "passed"},
                                   {"name", "TLS 1.2+ on every connection"},
                                   {"type", "encryption_in_transit"}},
                      kOfficer));
    return Agreements(p, *id);
  }

  static bool IsAi(const DemoParty& p) { return std::string(p.name) == "Cortex AI"; }

  // Every agreement keeps customer data from sale, sharing and advertising; an AI provider's
  // also keeps none of it and trains on none of it (TR-11).
  Status Agreement(const std::string& party, const char* type, int effective, int expires,
                   const char* status, bool ai = false, json::array inheritance = {}) {
    json::object data_use{{"no_sale_or_sharing", true}, {"no_advertising_use", true}};
    if (ai) {
      data_use["ai_zero_data_retention"] = true;
      data_use["no_model_training"] = true;
    }
    json::object body{{"type", type},
                      {"title", std::string(type == std::string("baa")   ? "Business associate "
                                                                           "agreement"
                                            : type == std::string("sla") ? "Service level agreement"
                                                                         : "Development contract")},
                      {"effective_at", Day(effective)},
                      {"expires_at", Day(expires)},
                      {"renewal_notice_days", 60},
                      {"data_use", std::move(data_use)}};
    if (type == std::string("baa")) {
      body["baa"] = json::object{{"safeguards", true},
                                 {"subcontractor_flow_down", true},
                                 {"incident_reporting", true},
                                 {"responsibilities",
                                  "Each party secures ePHI in its custody; "
                                  "breaches reported within 72 hours."}};
      // Issue 27: Northwind's BAA asks for notice of a breach within 72 hours (TR-8).
      if (ids.contains("Northwind Clinics") && party == ids.at("Northwind Clinics")) {
        body["baa"].as_object()["breach_notice_hours"] = 72;
      }
      // Issue 23: a customer's BAA may depart from the default inheritance matrix.
      if (!inheritance.empty()) body["baa"].as_object()["inheritance"] = std::move(inheritance);
    }
    if (type == std::string("sla")) {
      body["sla"] = json::object{{"liability", true},         {"service_definitions", true},
                                 {"security_controls", true}, {"service_management", true},
                                 {"uptime_percent", 99.9},    {"response_hours", 4},
                                 {"resolution_hours", 24},    {"breach_notice_hours", 72}};
    }
    auto id = Create("agreement", party, body);
    if (!id.ok()) return std::move(id).error();
    for (const char* next : {"executed", status}) {
      if (std::string(next) == "executed" && std::string(status) == "draft") break;
      auto r = Run([&](storage::CommandContext& c) {
        return storage::PatchRegistryObject(c, "agreement", *id, json::object{{"status", next}},
                                            kPrivacy);
      });
      if (!r.ok()) return std::move(r).error();
      if (std::string(next) == status) break;
    }
    return Ok();
  }

  Status Agreements(const DemoParty& p, const std::string& id) {
    std::string kind = p.kind, name = p.name;
    // One agreement expiring soon, one expired: the dashboard has something to say.
    int baa_expiry = name == "Lakeside Dental" ? -20 : 500;
    const char* baa_status = name == "Lakeside Dental" ? "expired" : "executed";
    if (name == "Cedar Valley Health") baa_status = "draft";
    if (kind == "customer" || kind == "partner") {
      json::array inheritance;
      if (name == "Riverside Medical Group") {
        inheritance.push_back(json::object{
            {"control", "164.312(b)"},
            {"inherited", "partially"},
            {"responsibility", "Riverside reviews the audit logs of its own users monthly."}});
      }
      return Agreement(id, "baa", -700, baa_expiry, baa_status, false, std::move(inheritance));
    }
    if (kind == "contracted_developer") return Agreement(id, "dev_contract", -300, 400, "executed");
    int sla_expiry = name == "Relay SMS" ? 25 : 400;
    ACCORD_TRY(Agreement(id, "sla", -600, sla_expiry,
                         std::string(p.status) == "offboarded" ? "terminated" : "executed",
                         IsAi(p)));
    if (p.ephi) {
      return Agreement(id, "baa", -600, 700,
                       std::string(p.status) == "offboarded" ? "terminated" : "executed", IsAi(p));
    }
    return Ok();
  }

  Result<std::string> Grant(const std::string& party, const std::string& system,
                            const char* permission, std::string start, std::string end,
                            json::array endpoints = {}) {
    json::object line{{"system_id", ids[system]},
                      {"permission", permission},
                      {"justification", "Needed for the contracted work"}};
    if (!endpoints.empty()) line["endpoints"] = std::move(endpoints);
    json::object body{{"party_id", ids[party]},
                      {"contact_id", ids[party + "/contact"]},
                      {"purpose", "demo request"},
                      {"start_at", start},
                      {"end_at", end},
                      {"lines", json::array{std::move(line)}}};
    auto r = Run([&](storage::CommandContext& c) {
      return storage::RequestGrant(c, policy, body, domain::Actor{"demo_staff", "staff"});
    });
    if (!r.ok()) return std::move(r).error();
    return std::string(r->at("id").as_string());
  }

  // One account per role (CONTRACT.md), each with a password and an API token printed once,
  // plus a new hire still waiting for the onboarding gate (TR-7).
  Result<std::string> Accounts(const policy::IdentityPolicy& identity) {
    struct DemoUser {
      const char* role;
      const char* email;
      const char* name;
    };
    const DemoUser users[] = {
        {"security_officer", "officer@luma.example", "Sam Rivera"},
        {"privacy_officer", "privacy@luma.example", "Priya Shah"},
        {"staff", "staff@luma.example", "Alex Chen"},
        {"auditor", "auditor@luma.example", "Jordan Blake (external auditor)"},
        {"third_party_contact", "contact@relaysms.example", "Casey Morgan (Relay SMS)"},
    };
    const domain::Actor installer{"demo", "installer"};
    std::string accounts =
        "demo accounts (passwords shown once; TOTP enrolment at first sign-in"
        " where the profile requires MFA):\n";
    std::string tokens = "demo API tokens (shown once, keep them safe):\n";
    for (const auto& u : users) {
      json::object body{{"email", u.email}, {"name", u.name}, {"role", u.role}};
      if (u.role == std::string("third_party_contact")) body["party_id"] = ids["Relay SMS"];
      if (u.role == std::string("auditor")) {
        body["expires_at"] = FormatRfc3339(now + std::chrono::days(90));
      }
      std::string password = DemoPassword();
      auto user = AddUser(runtime.log(), installer, body, password, identity, true);
      if (!user.ok()) return std::move(user).error();
      std::string id(user->at("id").as_string());
      ids[u.email] = id;
      // Only the first officer is attested by the installer; the demo officer onboards the
      // rest of the workforce with dated records, as the gate wants (TR-7).
      if (user->at("status") == "pending") ACCORD_TRY(Onboard(id, identity));
      auto token = CreateApiToken(runtime.log(), installer, id, std::string("demo ") + u.role, "",
                                  std::nullopt);
      if (!token.ok()) return std::move(token).error();
      accounts += "  " + std::string(u.email) + "  password " + password + "  (" + u.role + ")\n";
      tokens += "  " + std::string(u.role) + ": " + token->secret + "\n";
    }
    tokens +=
        "  (the third_party_contact account belongs to Relay SMS, " + ids["Relay SMS"] + ")\n";
    // A new hire: background check and trainings recorded, policy acknowledgement and
    // device attestation still missing, so activation is refused until they are.
    json::object hire{
        {"email", "new.hire@luma.example"}, {"name", "Robin Park"}, {"role", "staff"}};
    auto created = AddUser(runtime.log(), installer, hire, DemoPassword(), identity, false);
    if (!created.ok()) return std::move(created).error();
    std::string hire_id(created->at("id").as_string());
    for (const char* kind : {"background_check", "hipaa_training", "security_training"}) {
      auto r = Run([&](storage::CommandContext& c) -> Result<json::value> {
        auto a = storage::RecordAttestation(
            c, kOfficer, hire_id,
            json::object{{"kind", kind},
                         {"completed_on", FormatRfc3339(now - std::chrono::days(3))},
                         {"evidence", "HR onboarding file"}},
            identity);
        if (!a.ok()) return std::move(a).error();
        return json::value(std::move(*a));
      });
      if (!r.ok()) return std::move(r).error();
    }
    return accounts + tokens;
  }

  Status Onboard(const std::string& id, const policy::IdentityPolicy& identity) {
    auto r = Run([&](storage::CommandContext& c) -> Result<json::value> {
      auto user = storage::OnboardUser(c, kOfficer, id, now - std::chrono::days(30),
                                       "HR onboarding file", identity);
      if (!user.ok()) return std::move(user).error();
      return json::value(std::move(*user));
    });
    if (!r.ok()) return std::move(r).error();
    return Ok();
  }

  static std::string DemoPassword() {
    // 16 characters from an unambiguous alphabet: ~80 bits.
    static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    Bytes random = RandomBytes(16);
    std::string out;
    for (uint8_t b : random) out += kAlphabet[b % (sizeof kAlphabet - 1)];
    return out;
  }

  // TP-9 … TP-15: the SOC 2 report of the hosting provider (one exception, so a finding),
  // a security/compliance/SLA review assigned to the Privacy Officer, and a substantial change
  // announced by Relay SMS, with its change review and risk assessment.
  Status Reviews(const policy::ReviewsPolicy& reviews) {
    std::string officer = ids["officer@luma.example"], privacy = ids["privacy@luma.example"];
    domain::Actor so{officer, "security_officer"};
    json::object soc2{
        {"type", "type2"},
        {"period_start", Day(-420)},
        {"period_end", Day(-55)},
        {"auditor", "Example Assurance LLP"},
        {"opinion", "unqualified"},
        {"issued_at", Day(-20)},
        {"reviewed_at", Day(-5)},
        {"exceptions",
         json::array{json::object{
             {"control", "CC6.2 user access removal"},
             {"description", "Two leavers kept console access for nine days after departure."},
             {"severity", "medium"}}}},
        {"user_entity_controls",
         json::array{
             json::object{{"control", "Customer manages its own IAM users and enforces MFA"},
                          {"owner_id", officer},
                          {"in_place", true},
                          {"hipaa_citation", "164.312(d)"}}}},
        {"summary", "Reviewed for the annual security review (TP-11)."}};
    auto report = Run([&](storage::CommandContext& c) -> Result<json::value> {
      auto created =
          storage::CreateRegistryObject(c, "soc2_report", ids["Nimbus Cloud Hosting"], soc2, so);
      if (!created.ok()) return std::move(created).error();
      auto findings = storage::RaiseSoc2Findings(c, so, created->as_object(), reviews);
      if (!findings.ok()) return std::move(findings).error();
      return created;
    });
    if (!report.ok()) return std::move(report).error();
    auto review = Run([&](storage::CommandContext& c) -> Result<json::value> {
      auto r = storage::OpenReview(c, so,
                                   storage::NewReview{.kind = "party_review",
                                                      .party_id = ids["Relay SMS"],
                                                      .due = now + std::chrono::days(20),
                                                      .assignee_id = privacy,
                                                      .comment = "SLA renewal is coming up"},
                                   reviews);
      if (!r.ok()) return std::move(r).error();
      return json::value(std::move(*r));
    });
    if (!review.ok()) return std::move(review).error();
    json::object change{
        {"party_id", ids["Relay SMS"]},
        {"title", "SMS gateway moves to a second region"},
        {"description", "Relay SMS will route messages through a new EU gateway for resilience."},
        {"system_ids", json::array{json::value(ids["Messaging service (production)"])}},
        {"planned_at", Day(21)},
        {"new_data_location", "EU (Frankfurt)"}};
    auto notice = Run([&](storage::CommandContext& c) -> Result<json::value> {
      auto r = storage::RecordChangeNotice(
          c, domain::Actor{ids["contact@relaysms.example"], "third_party_contact"}, change,
          reviews);
      if (!r.ok()) return std::move(r).error();
      return json::value(std::move(*r));
    });
    if (!notice.ok()) return std::move(notice).error();
    return Ok();
  }

  // IN-4: Riverside has an NDA in force; one of its people asked for the SOC 2 report on the
  // public form, so the request waits for an officer's decision.
  Status ReportRequests() {
    ACCORD_TRY(Create("agreement", ids["Riverside Medical Group"],
                      json::object{{"type", "nda"},
                                   {"title", "Mutual NDA"},
                                   {"status", "executed"},
                                   {"effective_at", Day(-100)},
                                   {"expires_at", Day(265)},
                                   {"signed_by", "Dana Kim, Compliance Manager"}}));
    auto r = Run([&](storage::CommandContext& c) -> Result<json::value> {
      auto request = storage::SubmitReportRequest(
          c, domain::Actor{"public_form", "requester"},
          json::object{{"name", "Dana Kim"},
                       {"email", "dana.kim@riversidemedicalgroup.example"},
                       {"organisation", "Riverside Medical Group"},
                       {"report_type", "soc2_type2"},
                       {"needed_by", Day(21)},
                       {"message", "For our annual vendor review."}},
          {"public_form", "203.0.113.7"}, storage::ReportRequestSettings{});
      if (!request.ok()) return std::move(request).error();
      return json::value(std::move(*request));
    });
    if (!r.ok()) return std::move(r).error();
    return Ok();
  }

  Status Grants() {
    // Active: read access to staging, approved by the Security Officer.
    auto active = Grant("Brightcode Studio", "Luma platform (staging)", "read", Day(0), Day(60));
    if (!active.ok()) return std::move(active).error();
    auto approved = Run([&](storage::CommandContext& c) {
      return storage::ApplyGrantAction(c, policy, *active, "approve", "Staging only, no ePHI",
                                       kOfficer);
    });
    if (!approved.ok()) return std::move(approved).error();
    // Denied by TP-4: a third party asking for the production platform with ePHI.
    auto denied = Grant("Relay SMS", "Luma platform (production)", "read", Day(0), Day(30));
    if (!denied.ok()) return std::move(denied).error();
    // Approved for two minutes: the expiry sweep records grant.expired by itself (TP-3).
    auto short_grant = Grant("DevForge Consulting", "Developer sandbox", "write", Day(0),
                             FormatRfc3339(now + std::chrono::minutes(2)));
    if (!short_grant.ok()) return std::move(short_grant).error();
    auto r = Run([&](storage::CommandContext& c) {
      return storage::ApplyGrantAction(c, policy, *short_grant, "approve", "One-day sandbox access",
                                       kOfficer);
    });
    if (!r.ok()) return std::move(r).error();
    return TransitGrants();
  }

  // TP-5: files over SFTP are approved; the legacy FTP server is refused by the gate; the
  // connections the file exchange saw are recorded, one of them with TLS 1.0 (a finding).
  Status TransitGrants() {
    // Started two hours ago, so that the connections below fall inside it.
    auto sftp = Grant("Brightcode Studio", kFileExchange, "read",
                      FormatRfc3339(now - std::chrono::hours(2)), Day(30), json::array{"sftp"});
    if (!sftp.ok()) return std::move(sftp).error();
    auto approved = Run([&](storage::CommandContext& c) {
      return storage::ApplyGrantAction(c, policy, *sftp, "approve", "Test files over SFTP only",
                                       kOfficer);
    });
    if (!approved.ok()) return std::move(approved).error();
    auto ftp = Grant("Brightcode Studio", kFileExchange, "read", Day(0), Day(30),
                     json::array{"legacy-ftp"});
    if (!ftp.ok()) return std::move(ftp).error();
    struct Seen {
      const char* endpoint;
      const char* tls;
      int minutes_ago;
    };
    for (const Seen& seen : {Seen{"sftp", "", 50}, Seen{"portal", "TLS 1.3", 40},
                             Seen{"portal", "TLS 1.0", 30}, Seen{"portal", "TLS 1.0", 20}}) {
      storage::ConnectionInput in{.system_id = ids[kFileExchange],
                                  .endpoint = seen.endpoint,
                                  .cipher = *seen.tls ? "TLS_AES_128_GCM_SHA256" : "",
                                  .connected_at = now - std::chrono::minutes(seen.minutes_ago),
                                  .source_address = "203.0.113.24"};
      if (*seen.tls) in.tls_version = seen.tls;
      if (std::string_view(seen.tls) == "TLS 1.0") in.cipher = "ECDHE-RSA-AES128-SHA";
      auto r = Run([&](storage::CommandContext& c) -> Result<json::value> {
        auto con = storage::RecordConnection(c, kConnectionMonitor, *sftp, in, *reviews_policy);
        if (!con.ok()) return std::move(con).error();
        return json::value(std::move(*con));
      });
      if (!r.ok()) return std::move(r).error();
    }
    return Ok();
  }
};

}  // namespace

Result<std::string> SeedDemo(Runtime& runtime, const policy::Profile& profile) {
  Seeder seeder{runtime, profile.access, runtime.log().clock().Now(), {}, &profile.reviews};
  ACCORD_TRY(seeder.Systems());
  ACCORD_TRY(seeder.Certifications());
  for (const auto& p : kParties) ACCORD_TRY(seeder.Party(p));
  ACCORD_TRY(seeder.Commitments());
  ACCORD_TRY(seeder.Grants());
  ACCORD_TRY(seeder.ReportRequests());

  auto accounts = seeder.Accounts(profile.identity);
  if (!accounts.ok()) return std::move(accounts).error();
  ACCORD_TRY(seeder.Reviews(profile.reviews));
  ACCORD_TRY(SeedDemoDeliveries(runtime));  // demo_channels.cc (issue 26)
  ACCORD_TRY(SeedChangeControl(runtime, profile, seeder.ids));
  ACCORD_TRY(SeedDemoScans(runtime, profile.reviews, seeder.ids));           // issue 24, TR-4
  ACCORD_TRY(SeedDemoAnswerLibrary(runtime, seeder.ids));                    // issue 28, part 5
  ACCORD_TRY(SeedDemoQuestionnaires(runtime, profile.reviews, seeder.ids));  // issue 28
  ACCORD_TRY(SeedBreach(runtime, seeder.ids));  // demo_breach.cc (issue 27, TR-8)
  std::string printed = std::move(*accounts);
  const char* notes[] = {
      "Annual review of the partner and subcontractor list is due in Q1 (TP-10).",
      "SOC 2 Type II report of the hosting provider requested for the annual review (TP-11).",
      "Third parties have no access to production systems containing ePHI (TP-4).",
  };
  const std::string org = runtime.log().org();
  for (const char* text : notes) {
    auto r = runtime.log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
      domain::Event e{.type = "note.added",
                      .actor = {"demo", "security_officer"},
                      .subject = {"org", org},
                      .payload = json::object{{"note_id", NewId("note", c.Now())}, {"text", text}}};
      auto index = c.Append(std::move(e));
      if (!index.ok()) return std::move(index).error();
      return json::value(*index);
    });
    if (!r.ok()) return std::move(r).error();
  }
  return printed;
}

}  // namespace accord::app
