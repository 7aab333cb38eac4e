// Accounts (issue 5): roles, the workforce onboarding gate (TR-7) and when an account may
// act. Pure functions over the user's state object; storage and HTTP live elsewhere.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/domain/fields.h"

namespace accord::domain {

// CONTRACT.md roles.
const std::vector<std::string>& AllRoles();
bool IsRole(std::string_view role);
// Officers and staff: the workforce, who pass the onboarding gate before any access.
bool IsWorkforceRole(std::string_view role);
// "Elevated" accounts (CONTRACT.md): the two officer roles (and any break-glass session).
bool IsElevatedRole(std::string_view role);

// Integration tokens (issue 19): an API token that belongs to no person, made by the Security
// Officer for a system (a scanner, an SLA monitor, a ledger witness). Its principal has the
// role kIntegrationRole and acts only on routes that name one of its scopes.
inline constexpr std::string_view kIntegrationRole = "integration";
struct IntegrationScope {
  std::string_view name;         // "ledger:read"
  std::string_view description;  // for the form and the API's error
  bool party_bound;              // the token names the one party it may act for
};
const std::vector<IntegrationScope>& IntegrationScopes();
const IntegrationScope* FindIntegrationScope(std::string_view name);

// The TR-7 records a workforce account needs before activation, in this order.
const std::vector<std::string>& AttestationKinds();
// Trainings expire: an account whose training is older than the profile's validity
// loses access until the training is recorded again.
bool IsTraining(std::string_view kind);

// Request bodies.
const std::vector<FieldSpec>& UserCreateFields();   // POST /users, `accord user add`
const std::vector<FieldSpec>& AttestationFields();  // POST /users/{id}/attestations

// Validates an attestation body (after ValidateFields): a managed device must be
// MDM-enrolled, fully encrypted and protected; dates may not be in the future.
void CheckAttestation(const boost::json::object& attestation, TimePoint now,
                      std::vector<ErrorDetail>& details);

// What a workforce account still lacks for activation at `now`: missing records and
// expired trainings, as "kind: reason" strings. Empty for non-workforce roles.
std::vector<std::string> MissingAttestations(const boost::json::object& user, TimePoint now,
                                             int training_valid_days);

// The earliest time the account stops being usable by the clock alone (auditor expiry,
// training expiry), RFC 3339; "" when nothing expires. Stored as `access_until`.
std::string AccessUntil(const boost::json::object& user, int training_valid_days);

// Why the account may not act at `now` ("" when it may): not active, expired, training
// lapsed. Messages never say whether a password was right.
std::string AccessProblem(const boost::json::object& user, TimePoint now);

}  // namespace accord::domain
