// The findings board's filters on GET /api/v1/findings (issue 20, item 5), beside the
// generic ones (severity, status, party_id, q): owner, source, due date, overdue.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <vector>

#include "accord/core/result.h"
#include "accord/core/time.h"
#include "accord/http/route.h"
#include "accord/storage/registry_store.h"

namespace accord::http::finding_filters {

std::vector<ParamDoc> Params();

// A test on a finding's stored state.
using Filter = std::function<bool(const boost::json::object&)>;

// The filter of ?owner_id= (an account id, or "none": nobody owns it), ?source= (manual,
// review, soc2_report, change_notice, schedule, or what a later issue adds), ?due_before= (a
// date) and ?overdue=true (still open, past its due date); empty when none is given.
Result<Filter> Parse(const Context& ctx, TimePoint now, const storage::ListQuery& q);

// One page of the list `q` describes, keeping only what `filter` accepts: reads the list in
// chunks until the page is full (findings are thousands, not millions).
Result<storage::ObjectPage> ListMatching(storage::Tx& tx, storage::ListQuery q,
                                         const storage::Scope& scope, const Filter& filter);

}  // namespace accord::http::finding_filters
