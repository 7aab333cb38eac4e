// My work's two groups of issue 28, item 2 (private to storage/): the colleague-account requests
// an account administrator may decide, and, for a party's contact, the questionnaire sections
// assigned to them while the party still answers.
#pragma once

#include <boost/json/object.hpp>
#include <vector>

#include "accord/core/result.h"
#include "accord/storage/object_views.h"
#include "accord/storage/store.h"

namespace accord::storage::my_work_colleagues {

// Items {id, title, detail, party_id, due_at, at, href}, in the order My work lists them.
Result<std::vector<boost::json::object>> AccountRequestsToDecide(Tx& tx, const Viewer& viewer);
Result<std::vector<boost::json::object>> SectionsAssignedTo(Tx& tx, const Viewer& viewer);

}  // namespace accord::storage::my_work_colleagues
