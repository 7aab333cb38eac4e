// The recurring third-party reviews (TP-9 … TP-15): kinds, the workflow's states and what
// each kind must document, and the request shapes of reviews, change notices and findings.
// Pure: no storage, no HTTP.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/domain/fields.h"

namespace accord::domain {

// partner_list_review (TP-10), party_review (TP-11: security, compliance and SLA
// performance, SOC 2 of infrastructure partners), sla_review (TP-14), activity_review
// (TP-15), change_review (TP-9), risk_assessment (TP-9), sla_report (TP-15 quarterly).
const std::vector<std::string>& ReviewKinds();
bool IsReviewKind(std::string_view kind);
// Kinds the scheduler creates from the profile's [reviews.schedule].
bool IsScheduledReviewKind(std::string_view kind);
// Kinds about one party (every kind but partner_list_review and sla_report).
bool IsPartyReviewKind(std::string_view kind);
// "Annual partner and subcontractor list review", "SLA review", ...
std::string ReviewKindTitle(std::string_view kind);

// States: open → assigned → documented → approved; reject sends a documented review back
// to assigned (the rejection is kept in `rejections` and the ledger). Open-ended states:
bool IsOpenReviewStatus(std::string_view status);

// The `documentation` object of the `document` action.
const std::vector<FieldSpec>& ReviewDocumentationFields();
// Every required section the documentation lacks for this kind, as details
// ("documentation.sla_performance: is required for a party_review").
std::vector<ErrorDetail> MissingReviewSections(std::string_view kind,
                                               const boost::json::object& documentation);

// Request bodies.
const std::vector<FieldSpec>& ReviewCreateFields();  // an ad-hoc review
// assign | document | approve | reject | request_info
const std::vector<FieldSpec>& ReviewActionFields();
// A third party's answer to a review's request: {message, documents}.
const std::vector<FieldSpec>& ReviewResponseFields();
const std::vector<FieldSpec>& ChangeNoticeCreateFields();
const std::vector<FieldSpec>& ChangeNoticeActionFields();  // implemented | withdrawn
const std::vector<FieldSpec>& FindingCreateFields();
const std::vector<FieldSpec>& FindingActionFields();  // assign | resolve | accept_risk | reopen

const std::vector<std::string>& FindingSeverities();  // critical, high, medium, low

}  // namespace accord::domain
