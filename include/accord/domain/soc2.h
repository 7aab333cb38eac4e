// A SOC 2 report's intake (TP-11): what a party submits about its report, what our reviewer
// records of it (exceptions, complementary user-entity controls), and the HIPAA citations a
// control may carry. Pure: no storage, no HTTP.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/domain/fields.h"

namespace accord::domain {

// The report's exceptions and complementary user-entity controls (CUECs): the reviewer's
// record, shared by the report's kind and the review action.
FieldSpec Soc2ExceptionsField();
FieldSpec Soc2UserEntityControlsField();

// The body of POST /soc2-reports/{id}/actions: {action: "review", reviewed_at?, exceptions?,
// user_entity_controls?, summary?}.
const std::vector<FieldSpec>& Soc2ActionFields();

// What only our reviewer records: a party submitting its own report may not send these.
const std::vector<std::string>& Soc2ReviewerFields();

// Why `text` is not a HIPAA citation of 45 CFR Part 164 ("164.308(a)(1)(ii)(A)": section,
// then paragraphs in the order letter, number, roman numeral, capital letter); nullopt if it
// is one.
std::optional<std::string> HipaaCitationProblem(std::string_view text);

// Appends a detail for every CUEC whose hipaa_citation is not a citation.
void CheckSoc2Controls(const boost::json::object& state, std::vector<ErrorDetail>& details);

}  // namespace accord::domain
