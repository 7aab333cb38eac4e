// Audit-report requests (IN-4): what a request carries, the actions on it, and the rules
// that need no store: report types, which email domains can identify an organisation, and
// the click-through NDA's default text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "accord/domain/fields.h"

namespace accord::domain {

// soc2_type2, soc2_type1, iso27001, hitrust, penetration_test, inheritance_matrix (a customer's
// own HIPAA inheritance matrix, rendered when approved), other. A request of type
// customer_questionnaire is only ever made by an officer sending a questionnaire's trust-center
// link (storage/questionnaire_links.h): no form offers it.
const std::vector<std::string>& ReportTypes();
// "SOC 2 Type II report", for pages and emails.
std::string ReportTypeLabel(std::string_view type);

// A request's fields: name, email, organisation, report_type, needed_by, message; staff may
// add party_id (a link by hand).
const std::vector<FieldSpec>& ReportRequestFields(bool staff);
// action (link | send_nda | approve | reject | cancel | reissue), party_id, document_id,
// expires_in_days, max_downloads, comment.
const std::vector<FieldSpec>& ReportRequestActionFields();

// The part after '@', lowercased ("" when there is none).
std::string EmailDomain(std::string_view email);
// Mailbox providers anyone can sign up to (gmail.com, outlook.com, ...): their domain says
// nothing about the organisation, so requests from them are never linked by domain.
bool IsPublicMailDomain(std::string_view domain);
// Text a stranger typed that must not reach a page or an email as is: C0/C1 controls (line
// breaks and tabs aside), U+2028/2029, and bidirectional overrides that can disguise a link.
bool HasUnsafeText(std::string_view text);
// The host of a website field ("https://www.acme.example/x" -> "acme.example"), lowercased,
// without a leading "www.".
std::string WebsiteDomain(std::string_view website);

// The click-through NDA used when the operator configures none ([trust] nda_file).
std::string_view DefaultNdaText();

}  // namespace accord::domain
