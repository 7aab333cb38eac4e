// What waits for one person (issue 20, "My work"): reviews assigned to them, reviews and access
// requests waiting for their approval, audit-report requests waiting for a decision, what
// third parties answered or announced that they have not read yet, the findings they own and
// the entitlement-review lines they may decide. Whether a person may act on an object is the
// workflow layer's answer (workflow/<kind>.h AllowedActions, separation of duties included):
// this file only finds the candidates and asks. What a person has read is kept in the side
// table my_work_reads, never in the ledger: a mark is a person's own, not evidence.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/core/time.h"
#include "accord/storage/object_views.h"
#include "accord/storage/store.h"

namespace accord::storage {

// The groups, in the order the answer lists them; each item carries its group's kind.
inline constexpr std::string_view kWorkKinds[] = {
    "review_to_document", "review_to_approve", "grant_to_approve", "report_request",
    "vendor_answer", "change_notice", "soc2_to_review", "finding", "entitlement_line",
    // Issue 27: vendor incidents waiting for an officer's assessment.
    "vendor_incident",
    // Issue 24: change requests waiting for this person's review, approval or release.
    "change_request",
    // Issue 27 (TR-8): notices owed to covered entities after a breach.
    "breach_notice",
    // Issue 28, item 2: colleague-account requests to decide; a party's contact's assigned
    // questionnaire sections (the only group a contact gets).
    "account_request", "questionnaire_section"};
// The kinds a person marks read (the others leave the list when the work is done).
inline constexpr std::string_view kReadKinds[] = {"vendor_answer", "change_notice"};

// {at, total, groups: [{kind, title, count, items: [{kind, id, title, detail, party_id,
// party_name, due_at, at, overdue, href, line_id?}]}]}: every group, each with its full
// count and at most `limit` items (0: counts only), soonest due (or newest news) first.
// `href` is the portal path (under /app) of the screen where the work is done, null where
// the portal has no screen for it yet. `viewer.profile` must be set.
Result<boost::json::object> MyWork(Tx& tx, const Viewer& viewer, TimePoint now, size_t limit);

struct ReadMark {
  std::string kind;  // one of kReadKinds
  std::string id;    // the review (vendor_answer) or change notice
};
// Marks items read for `user_id` at `now`: a vendor answer comes back when a newer answer
// arrives. 422 (field items[i].kind) for another kind, 404 for an object that does not exist;
// nothing is written unless every mark is valid.
Status MarkRead(Tx& tx, const std::string& user_id, const std::vector<ReadMark>& marks,
                TimePoint now);

// A person's choices that live with their account until the messaging issue's notification
// preferences replace them.
struct AccountSettings {
  bool daily_digest = true;  // the daily email of what waits for them (opt-out)
};
Result<AccountSettings> ReadAccountSettings(Tx& tx, const std::string& user_id);
Status WriteAccountSettings(Tx& tx, const std::string& user_id, const AccountSettings& settings,
                            TimePoint now);

}  // namespace accord::storage
