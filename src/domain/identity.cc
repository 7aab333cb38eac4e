#include "accord/domain/identity.h"
#include "accord/domain/roles.h"

#include <algorithm>
#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/domain/registry.h"

namespace accord::domain {

namespace json = boost::json;

namespace {

using F = FieldType;

std::optional<TimePoint> TimeField(const json::object& o, std::string_view key) {
  std::string text = StateString(o, key);
  if (text.empty()) return std::nullopt;
  auto t = ParseRfc3339(text);
  if (!t.ok()) return std::nullopt;
  return *t;
}

const json::object* Attestation(const json::object& user, std::string_view kind) {
  const json::value* all = user.if_contains("attestations");
  if (!all || !all->is_object()) return nullptr;
  const json::value* one = all->as_object().if_contains(kind);
  return one && one->is_object() ? &one->as_object() : nullptr;
}

std::optional<TimePoint> TrainingExpiry(const json::object& user, std::string_view kind,
                                        int valid_days) {
  const json::object* a = Attestation(user, kind);
  if (!a) return std::nullopt;
  auto done = TimeField(*a, "completed_on");
  if (!done) return std::nullopt;
  return *done + std::chrono::days(valid_days);
}

}  // namespace

const std::vector<std::string>& AllRoles() {
  static const std::vector<std::string> kRoles = kEveryone;
  return kRoles;
}

const std::vector<IntegrationScope>& IntegrationScopes() {
  // The routes that take a scope name it (Route::scopes); later issues add their routes:
  // scanner uploads, SLA measurements for one party, SCIM provisioning.
  static const std::vector<IntegrationScope> kScopes = {
      {"ledger:read", "read the ledger: entries, proofs, checkpoints and keys", false},
      {"scans:write", "upload vulnerability scanner results", false},
      {"sla_measurements:write", "record SLA measurements for one party", true},
      {"scim", "provision and deprovision accounts (SCIM)", false},
      {"metrics:read", "scrape the Prometheus metrics (/metrics)", false},
      {"connections:write", "record the connections third parties made under their grants", false},
  };
  return kScopes;
}

const IntegrationScope* FindIntegrationScope(std::string_view name) {
  for (const auto& s : IntegrationScopes()) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

bool IsRole(std::string_view role) {
  const auto& all = AllRoles();
  return std::find(all.begin(), all.end(), role) != all.end();
}

bool IsWorkforceRole(std::string_view role) {
  return role == "security_officer" || role == "privacy_officer" || role == "staff";
}

bool IsElevatedRole(std::string_view role) {
  return role == "security_officer" || role == "privacy_officer";
}

const std::vector<std::string>& AttestationKinds() {
  static const std::vector<std::string> kKinds = {"background_check", "hipaa_training",
                                                  "security_training", "policy_acknowledgement",
                                                  "managed_device"};
  return kKinds;
}

bool IsTraining(std::string_view kind) {
  return kind == "hipaa_training" || kind == "security_training";
}

const std::vector<FieldSpec>& UserCreateFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "email", .type = F::kEmail, .required = true, .max_length = 254},
      {.name = "name", .type = F::kString, .required = true, .max_length = 200},
      {.name = "role", .type = F::kEnum, .required = true, .values = AllRoles()},
      {.name = "party_id",
       .type = F::kId,
       .description = "required for third_party_contact: the one party the account belongs to"},
      {.name = "expires_at",
       .type = F::kTime,
       .description = "optional end of access (e.g. an external auditor's engagement)"},
  };
  return kFields;
}

const std::vector<FieldSpec>& AttestationFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "kind", .type = F::kEnum, .required = true, .values = AttestationKinds()},
      {.name = "completed_on",
       .type = F::kTime,
       .required = true,
       .description = "when the check, training, acknowledgement or attestation happened"},
      {.name = "evidence",
       .type = F::kText,
       .max_length = 2000,
       .description = "where the record is kept (certificate id, vendor report, ...)"},
      {.name = "mdm_enrolled", .type = F::kBool, .description = "managed_device only"},
      {.name = "disk_encrypted", .type = F::kBool, .description = "managed_device only"},
      {.name = "endpoint_protection", .type = F::kBool, .description = "managed_device only"},
  };
  return kFields;
}

void CheckAttestation(const json::object& a, TimePoint now, std::vector<ErrorDetail>& details) {
  std::string kind = StateString(a, "kind");
  auto done = TimeField(a, "completed_on");
  if (done && *done > now + std::chrono::minutes(5)) {
    details.push_back({"completed_on", "may not be in the future", {}});
  }
  constexpr const char* kDevice[] = {"mdm_enrolled", "disk_encrypted", "endpoint_protection"};
  for (const char* f : kDevice) {
    const json::value* v = a.if_contains(f);
    if (kind == "managed_device") {
      if (!v || !v->is_bool() || !v->as_bool()) {
        details.push_back({f,
                           "must be true: TR-7 requires a managed device (MDM enrolled, "
                           "full-disk encryption, endpoint protection)",
                           {}});
      }
    } else if (v) {
      details.push_back({f, "applies only to kind managed_device", {}});
    }
  }
}

std::vector<std::string> MissingAttestations(const json::object& user, TimePoint now,
                                             int training_valid_days) {
  std::vector<std::string> missing;
  if (!IsWorkforceRole(StateString(user, "role"))) return missing;
  for (const auto& kind : AttestationKinds()) {
    if (!Attestation(user, kind)) {
      missing.push_back(kind + ": not recorded");
    } else if (IsTraining(kind)) {
      auto until = TrainingExpiry(user, kind, training_valid_days);
      if (until && *until <= now) {
        missing.push_back(kind + ": expired " + FormatRfc3339(*until) + ", record it again");
      }
    }
  }
  return missing;
}

std::string AccessUntil(const json::object& user, int training_valid_days) {
  std::optional<TimePoint> until = TimeField(user, "expires_at");
  if (IsWorkforceRole(StateString(user, "role"))) {
    for (const auto& kind : AttestationKinds()) {
      if (!IsTraining(kind)) continue;
      auto t = TrainingExpiry(user, kind, training_valid_days);
      if (t && (!until || *t < *until)) until = t;
    }
  }
  return until ? FormatRfc3339(*until) : "";
}

std::string AccessProblem(const json::object& user, TimePoint now) {
  std::string status = StateString(user, "status");
  if (status != "active") return "the account is " + status;
  std::string until = StateString(user, "access_until");
  if (!until.empty() && FormatRfc3339(now) >= until) {
    return "the account's access ended at " + until + " (engagement ended or training expired)";
  }
  return "";
}

}  // namespace accord::domain
