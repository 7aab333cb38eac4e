// Due-diligence questionnaires (TP-2, issue 28): templates (versioned registry objects),
// sending one to a party's contact, the party's drafts and submissions, our review, and the
// decision that becomes the party's due-diligence record. The workflow's rules are
// workflow/questionnaire.h, the template and scoring domain/questionnaire.h; these commands
// load, ask and append (events `questionnaire_template.*`, `questionnaire.*`).
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "accord/core/result.h"
#include "accord/domain/event.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"
#include "accord/storage/registry_store.h"

namespace accord::storage {

// A template from a validated body (domain::TemplateFields): `questionnaire_template.created`.
// A revision replaces its questions and bumps its version (`questionnaire_template.revised`);
// questionnaires already sent keep the version they were sent with.
Result<boost::json::object> CreateQuestionnaireTemplate(CommandContext& c,
                                                        const domain::Actor& actor,
                                                        const boost::json::object& body);
Result<boost::json::object> ReviseQuestionnaireTemplate(CommandContext& c,
                                                        const domain::Actor& actor,
                                                        const std::string& id,
                                                        const boost::json::object& body);

// Sends a template's current version to a contact of the party (domain::SendFields), emails
// the contact through the outbox: `questionnaire.sent`. With prefill, the party's last accepted
// questionnaire of the template pre-fills the answers and is named as previous_id. The due date
// is not checked against now here (the route does): the demo sends one already overdue.
Result<boost::json::object> SendQuestionnaire(CommandContext& c, const domain::Actor& actor,
                                              const std::string& party_id,
                                              const boost::json::object& body);

// The party saves drafts (domain::AnswerFields): answers merged by question, replies to
// follow-up questions; documents must be the party's own. `questionnaire.answers_saved`.
Result<boost::json::object> SaveQuestionnaireAnswers(CommandContext& c, const domain::Actor& actor,
                                                     const std::string& id,
                                                     const boost::json::object& body,
                                                     const Scope& scope);

// submit (the party) | review | ask | accept | reject | apply_tier (our reviewer), body
// domain::QuestionnaireActionFields. A submission carries the answers' SHA-256; accept and
// reject record the party's due diligence and open a finding per knockout answer.
Result<boost::json::object> ActOnQuestionnaire(CommandContext& c, const domain::Actor& actor,
                                               const std::string& id,
                                               const boost::json::object& body, const Scope& scope,
                                               const policy::ReviewsPolicy& policy);

// The scheduler's job: reminders 7 days and 1 day before the due date, the overdue mark and
// its emails, and the yearly re-send of an accepted questionnaire (pre-filled) when its
// next_due_at comes. Returns how much it did.
Result<int> RunQuestionnaireSchedule(EventLog& log);

// The shipped HIPAA vendor template, installed once (409 when a template has its name).
Result<boost::json::object> InstallHipaaVendorTemplate(CommandContext& c,
                                                       const domain::Actor& actor);

}  // namespace accord::storage
