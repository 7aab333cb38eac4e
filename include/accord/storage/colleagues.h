// A party's contacts working together on a questionnaire (issue 28, item 2): the party's
// contact accounts, a section assigned to one of them (questionnaire_assignments.cc), and a
// contact's request for a colleague's account that the Security Officer approves or declines
// (account_requests.cc; workflow/account_request.h). Events `questionnaire.section_assigned`,
// `.section_unassigned`, `account_request.requested|approved|declined`.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>

#include "accord/core/result.h"
#include "accord/domain/event.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"
#include "accord/storage/registry_store.h"

namespace accord::storage {

// The party's active contact accounts, [{id, name, email}] by name: whom a section can go to.
Result<boost::json::array> PartyContactAccounts(Tx& tx, const std::string& party_id);

// Assigns (body.user_id) or takes back (user_id null) one section of a questionnaire
// (domain::SectionAssignFields) while the party may still answer it. The assignee must be an
// active contact account of the questionnaire's party (422 naming user_id otherwise) and is
// emailed. Any contact account of the party may still save answers to any section and submit.
Result<boost::json::object> AssignQuestionnaireSection(CommandContext& c,
                                                       const domain::Actor& actor,
                                                       const std::string& id,
                                                       const boost::json::object& body,
                                                       const Scope& scope);

// A contact of `party_id` asks for a colleague's contact account (domain::AccountRequestFields):
// 409 naming email when an account or a waiting request has it. Emails the account
// administrators. `account_request.requested`.
Result<boost::json::object> RequestColleagueAccount(CommandContext& c, const domain::Actor& actor,
                                                    const std::string& party_id,
                                                    const boost::json::object& body);

// approve (creates the contact account as POST /api/v1/users does, with `password_hash`, the
// one-time initial password's; returns {request, user}) | decline (a reason; returns
// {request}). The requester is emailed either way.
Result<boost::json::object> DecideAccountRequest(CommandContext& c, const domain::Actor& actor,
                                                 const std::string& id,
                                                 const boost::json::object& body,
                                                 const std::string& password_hash,
                                                 const policy::IdentityPolicy& policy);

}  // namespace accord::storage
