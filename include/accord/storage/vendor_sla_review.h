// The quarterly vendor SLA review (issue 27, TP-13/TP-14): for each party with an SLA, its
// attainment against the uptime, response and resolution terms over one calendar quarter, the
// breaches the quarter (or its months) opened with their findings, and the vendor incidents that
// began in it with our assessment. Read from the side tables and the read models; nothing is
// stored.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/storage/store.h"

namespace accord::storage {

// [start, end) is the quarter; `label` its name ("2026Q4"). {quarter, from, to, complete, at,
// parties: [{party_id, name, terms, attainment, breaches: [...], vendor_incidents: [...]}],
// summary {parties, terms_met, terms_missed, terms_unmeasured, breaches, vendor_incidents}}.
Result<boost::json::object> VendorSlaQuarterReview(Tx& tx, TimePoint start, TimePoint end,
                                                   const std::string& label, TimePoint now);

}  // namespace accord::storage
