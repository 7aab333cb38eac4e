// Change requests for our own systems (TR-5): the commands that load a request, ask
// workflow/change_request.h, and append change_request.<verb> with the whole new state; the
// forge intake (reviews and merges from GitHub and GitLab pull requests) and its secrets.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "accord/core/result.h"
#include "accord/domain/event.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"
#include "accord/workflow/change_request.h"

namespace accord::storage {

// Submits a change request (body: domain::ChangeRequestCreateFields, already validated).
// Its systems must exist; an emergency change says why; a linked change notice must be
// substantial and touch one of our production systems, and records the link too.
Result<boost::json::object> SubmitChangeRequest(CommandContext& c, const domain::Actor& actor,
                                                const boost::json::object& body);

// One step (body: domain::ChangeRequestActionFields). 409 naming the possible actions when
// the table refuses; 403 naming the rule for the roles and separation of duties.
Result<boost::json::object> ChangeRequestAction(CommandContext& c,
                                                const workflow::change_request::Caller& caller,
                                                const std::string& id,
                                                const boost::json::object& body,
                                                const policy::Profile* profile);

// The scheduler's job: an emergency change whose retrospective review is past its due time
// opens a high finding once (rule retrospective_review_overdue, source the change) and records
// change_request.retrospective_overdue with the finding's id. Returns how many it opened.
Result<int> RaiseRetrospectiveFindings(EventLog& log, const policy::ReviewsPolicy& policy);

// The duties recorded on a stored change request.
workflow::change_request::Duties DutiesOf(const boost::json::object& state);

// The account's logins on the forges (user.forge_logins_set); a login another account holds
// is refused (409).
Result<boost::json::object> SetForgeLogins(CommandContext& c, const domain::Actor& actor,
                                           const std::string& user_id,
                                           const boost::json::object& body,
                                           const policy::IdentityPolicy& policy);

// --- the forge intake (http/api_forge_hooks.cc parses the payloads) ---

// What a webhook delivery said, whatever the forge.
struct ForgeEvent {
  std::string forge;        // "github" | "gitlab"
  std::string delivery_id;  // X-GitHub-Delivery / X-Gitlab-Event-UUID
  enum class Kind { kReview, kMerge, kOther } kind = Kind::kOther;
  int64_t number = 0;  // the pull (merge) request's number (GitLab: iid)
  std::string url;
  std::string title;
  std::string text;          // the pull request's body / description
  std::string login;         // who reviewed or merged
  std::string review_state;  // "approved", "changes_requested", "commented"
  std::string at;            // RFC 3339, from the payload ("" = now)
};

// Records the delivery (a delivery id seen before is a replay: 409, nothing written), finds
// the change request the pull request names (its cr_ id in the title or body) and attaches
// the review or merge. An approving review by an account whose forge login is known counts
// as the change's peer review when the workflow and separation of duties allow it. Answers
// {status: "attached" | "ignored", change_request_id?, counted?, reason?}.
Result<boost::json::object> RecordForgeEvent(CommandContext& c, const ForgeEvent& event,
                                             const policy::Profile* profile);

// A new webhook secret for `forge` (replacing the old one), shown once. The ledger records
// that it changed, never the secret.
Result<std::string> RotateForgeSecret(CommandContext& c, const domain::Actor& actor,
                                      const std::string& forge);
// The forge's secret; nullopt when none was made (its hook then refuses every delivery).
Result<std::optional<std::string>> ForgeSecret(Tx& tx, const std::string& forge);

}  // namespace accord::storage
