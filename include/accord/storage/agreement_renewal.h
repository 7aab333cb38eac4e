// Renewing an agreement (issue 20): an executed or expired agreement gets a successor with new
// dates and the same terms (type, title, checklists, SLA terms, data-use commitments, review
// schedule); the old one is kept as it was, with its documents, and names its successor
// (`renewed_by`), which names it back (`renews`). Renewing is the agreement workflow's
// `renew` (workflow/agreement.h): officers, once per agreement while the renewal stands.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "accord/domain/event.h"
#include "accord/domain/fields.h"
#include "accord/storage/event_log.h"
#include "accord/workflow/agreement.h"

namespace accord::storage {

// The renewal's body: effective_at (required), expires_at, status (draft | sent | executed;
// default draft: a renewal is usually signed later), signed_by, title (default the old one's).
const std::vector<domain::FieldSpec>& AgreementRenewalFields();

// What the workflow reads of a stored agreement beyond its status: whether a renewal of it
// stands (exists, not terminated).
Result<workflow::agreement::Facts> AgreementFacts(Tx& tx, const boost::json::object& agreement);

// Appends agreement.created (the successor, `renews` set) and agreement.renewed (the old one,
// `renewed_by` set) in one transaction; returns the successor's view. `body` is validated
// against AgreementRenewalFields(). 404: no such agreement; 409: not executed or expired, or
// renewed already; 422: what the successor itself fails (expires_at before effective_at, an
// executed BAA without its checklist).
Result<boost::json::object> RenewAgreement(CommandContext& c, const domain::Actor& actor,
                                           const std::string& id, const boost::json::object& body);

}  // namespace accord::storage
