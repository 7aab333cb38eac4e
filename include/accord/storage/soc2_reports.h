// SOC 2 report intake (TP-11): a party submits its report (status submitted), our reviewer
// records exceptions and complementary user-entity controls (status reviewed) and each
// exception, and a report that is not clean, opens a finding (storage::RaiseSoc2Findings).
// The workflow's rules are workflow/soc2_report.h; these commands load, ask and append.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "accord/core/result.h"
#include "accord/domain/event.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"
#include "accord/storage/registry_store.h"

namespace accord::storage {

// A new report of `party_id` (under `scope`: a contact's own party only, else 404). With
// reviewed_at (an officer recording a report already reviewed) it is reviewed at once and
// opens its findings (`soc2_report.created`, `finding.opened`…, `soc2_report.findings_opened`);
// without, it is submitted and awaits review. The report's documents must be the party's own.
Result<boost::json::object> SubmitSoc2Report(CommandContext& c, const domain::Actor& actor,
                                             const std::string& party_id,
                                             const boost::json::object& body, const Scope& scope,
                                             const policy::ReviewsPolicy& policy);

// The review of a submitted report (`body`: domain::Soc2ActionFields): reviewed_at (default
// now), exceptions, controls and summary recorded; findings opened; `soc2_report.reviewed`.
// 409 when the report was reviewed already.
Result<boost::json::object> ReviewSoc2Report(CommandContext& c, const domain::Actor& actor,
                                             const std::string& id, const boost::json::object& body,
                                             const policy::ReviewsPolicy& policy);

}  // namespace accord::storage
