// The HTTP API's routes, grouped by feature: each group is one AddXRoutes(router, deps) that
// declares its routes with ReadRoute / CommandRoute (route.h), its handlers named functions of
// ApiDeps or of one state object the group shares.
#pragma once

#include <atomic>
#include <map>
#include <string>

#include "accord/core/clock.h"
#include "accord/http/metrics.h"
#include "accord/http/router.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"
#include "accord/storage/status.h"
#include "accord/storage/trust.h"

namespace accord::ledger {
class Signer;
}
namespace accord::messaging {
class MasterKeyRing;
}

namespace accord::http {

class AuthService;
class OidcClient;
struct PhoneHookSettings;  // http/api_hooks.h: SMS and voice callbacks (issue 26)

// What handlers need from the running server.
// What the public trust center says about the organisation (`[trust]` in --config).
using TrustSettings = storage::TrustSettings;

struct ApiDeps {
  storage::Store& store;
  storage::EventLog& log;
  const Clock& clock;
  Metrics& metrics;
  std::string origin;
  std::atomic<bool>* ready = nullptr;
  const policy::Profile* profile = nullptr;  // the store's policy profile (the gate's rules)
  AuthService* auth = nullptr;               // sessions, tokens, slow password work
  const TrustSettings* trust = nullptr;      // the public trust center's settings
  const ledger::Signer* signer = nullptr;    // the log's key: signs evidence bundles' manifests
  OidcClient* oidc = nullptr;                // single sign-on ([oidc] in --config); null: off
  const PhoneHookSettings* phone_hooks = nullptr;  // [sms], [voice] callbacks; null: none
  // Secure Message (issue 26): the master keys (null: not set up) and whether one-time codes
  // may go by SMS (set by whoever registers an SMS channel).
  const messaging::MasterKeyRing* message_keys = nullptr;
  bool sms_codes = false;
  const storage::StatusSettings* status = nullptr;  // [status] in --config; null: defaults
};

void AddSystemRoutes(Router& router, ApiDeps& deps);
void AddLedgerRoutes(Router& router, ApiDeps& deps);
// GET /.well-known/accord/checkpoint (api_checkpoint.cc).
void AddCheckpointRoutes(Router& router, ApiDeps& deps);
void AddNoteRoutes(Router& router, ApiDeps& deps);
// The evidence bundle for auditors (docs/ledger.md), the same as `accord evidence export`.
void AddEvidenceRoutes(Router& router, ApiDeps& deps);
// The status page and its Statuspage v2 JSON (public), components, probes and maintenance
// (issue 27: api_status.cc, status_public.cc).
void AddStatusRoutes(Router& router, ApiDeps& deps);
// Must be last: it documents every route added before it.
void AddOpenApiRoute(Router& router, ApiDeps& deps);
// Every route group, in order, ending with the OpenAPI document; what `accord serve` uses.
void AddAllRoutes(Router& router, ApiDeps& deps);

boost::json::object OpenApiDocument(const Router& router);

// Replies with `result` as JSON (status `ok_status`) or the error in CONTRACT.md's shape.
Response ToResponse(const Result<boost::json::value>& result, int ok_status = 200);

// Lists: ?limit (default 50, max 500) and an opaque ?cursor.
struct Page {
  uint64_t limit = 50;
  std::optional<int64_t> after;         // decoded cursor: the last key seen (numeric keys)
  std::optional<std::string> after_id;  // or the last id seen (lists ordered by id)
};
Result<Page> ParsePage(const Context& ctx);
// ?limit= of an answer in groups (items per group): `fallback` when absent, else min-max.
Result<uint64_t> ParseGroupLimit(const Context& ctx, uint64_t fallback, uint64_t min, uint64_t max);
std::string EncodeCursor(int64_t key);
std::string EncodeIdCursor(std::string_view id);
// ?as_of=N (a ledger size), nullopt when absent.
Result<std::optional<int64_t>> ParseAsOf(const Context& ctx);

void AddRegistryRoutes(Router& router, ApiDeps& deps);
// /api/v1/auth/...: sign-in, TOTP, enrolment, recovery, sign-out, break-glass.
void AddAuthRoutes(Router& router, ApiDeps& deps);
// Single sign-on's settings and "test connection", for the Security Officer (issue 25).
void AddSsoRoutes(Router& router, ApiDeps& deps);
// SCIM 2.0 provisioning for an integration token scoped `scim` (issue 25).
void AddScimRoutes(Router& router, ApiDeps& deps);
// Accounts, onboarding records, API tokens, alerts.
void AddUserRoutes(Router& router, ApiDeps& deps);
// Integration tokens: API tokens for a system, with scopes (issue 19).
void AddIntegrationRoutes(Router& router, ApiDeps& deps);
// TR-3 entitlement review campaigns.
void AddEntitlementRoutes(Router& router, ApiDeps& deps);
void AddAccessRoutes(Router& router, ApiDeps& deps);
// TR-4: scanner reports imported as findings, the scans and their targets (issue 24).
void AddScanRoutes(Router& router, ApiDeps& deps);
// TP-5: connections a third party made, pushed by our systems.
void AddConnectionRoutes(Router& router, ApiDeps& deps);
// Reviews, SOC 2 reports, change notices, findings, dashboard, SLA report, outbox (issue 6).
void AddReviewRoutes(Router& router, ApiDeps& deps);
// Calendar-feed tokens and the public /calendar/{token}.ics feed (issue 6).
void AddCalendarRoutes(Router& router, ApiDeps& deps);
// The public trust center (issue 9): /trust, /api/v1/public/..., security.txt.
void AddTrustRoutes(Router& router, ApiDeps& deps);
// Audit-report requests (IN-4): the public form, the staff routes, /nda/{token} and
// /downloads/{token}; subprocessor-change subscriptions.
void AddReportRequestRoutes(Router& router, ApiDeps& deps);
// The day's work (issue 20): renewing an agreement, My work and account settings, the
// dashboard's red flags.
void AddAgreementRenewalRoutes(Router& router, ApiDeps& deps);
void AddMyWorkRoutes(Router& router, ApiDeps& deps);
void AddRedFlagRoutes(Router& router, ApiDeps& deps);
// SMS and voice (issue 26): the provider's signed callbacks under /hooks/ (api_hooks.cc), each
// message's delivery and the rate per channel, notification preferences (api_deliveries.cc).
void AddHookRoutes(Router& router, ApiDeps& deps);
void AddDeliveryRoutes(Router& router, ApiDeps& deps);
// Secure Message (issue 26): the API and the recipient's /secure/{token} pages.
void AddSecureMessageRoutes(Router& router, ApiDeps& deps);
// Compliance mapping (issue 23): the control catalog and status, the inheritance matrix.
void AddComplianceRoutes(Router& router, ApiDeps& deps);
// Incidents (issue 27, TR-8): declare, classify, updates, resolve, postmortem; IR tests.
void AddIncidentRoutes(Router& router, ApiDeps& deps);
// Issue 28: due-diligence questionnaires (api_questionnaires.cc).
void AddQuestionnaireRoutes(Router& router, ApiDeps& deps);
// Issue 27 (TR-8): breach assessments and notices (api_breaches.cc).
void AddBreachRoutes(Router& router, ApiDeps& deps);
// Issue 28, item 2: sections assigned to colleagues, colleagues' account requests
// (api_colleagues.cc).
void AddColleagueRoutes(Router& router, ApiDeps& deps);
// The inheritance matrix (storage/compliance.h) as a standalone page.
std::string MatrixHtml(const boost::json::object& matrix, std::string_view org_name);

}  // namespace accord::http
