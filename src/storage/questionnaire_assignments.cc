// A questionnaire's sections assigned to the party's contact accounts (issue 28, item 2).
// The assignment says whom a section waits for; it does not lock anyone out: any contact
// account of the party still saves answers and submits (docs/questionnaires.md).
#include <algorithm>
#include <boost/json.hpp>

#include "accord/domain/registry.h"
#include "accord/storage/colleagues.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/outbox.h"
#include "accord/workflow/questionnaire.h"
#include "questionnaire_support.h"
#include "review_support.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateArray;
using domain::StateString;
namespace wf = workflow::questionnaire;
namespace rs = review_support;

Result<json::array> PartyContactAccounts(Tx& tx, const std::string& party_id) {
  ListQuery q{.kind = "user", .tag = "third_party_contact", .status = "active", .limit = 500};
  auto page = ListObjects(tx, q, Scope{party_id});
  if (!page.ok()) return std::move(page).error();
  json::array out;
  for (const auto& o : page->items) {
    if (o.party_id != party_id) continue;
    out.push_back(json::object{{"id", o.id},
                               {"name", StateString(o.doc, "name")},
                               {"email", StateString(o.doc, "email")}});
  }
  std::sort(out.begin(), out.end(), [](const json::value& a, const json::value& b) {
    return StateString(a.as_object(), "name") < StateString(b.as_object(), "name");
  });
  return out;
}

namespace {

// The assignee: an active contact account of the questionnaire's party. Another party's
// account reads as one that does not exist (TP-7).
Result<json::object> Assignee(Tx& tx, const std::string& user_id, const std::string& party_id) {
  auto user = FindUser(tx, user_id);
  if (!user.ok()) return std::move(user).error();
  if (!user->has_value() || StateString(**user, "role") != "third_party_contact" ||
      StateString(**user, "party_id") != party_id) {
    return ValidationError("user_id", "no contact account of this party has id " + user_id);
  }
  if (StateString(**user, "status") != "active") {
    return ValidationError("user_id", "the account is " + StateString(**user, "status") +
                                          ": assign the section to an active colleague");
  }
  return std::move(**user);
}

}  // namespace

Result<json::object> AssignQuestionnaireSection(CommandContext& c, const domain::Actor& actor,
                                                const std::string& id, const json::object& body,
                                                const Scope& scope) {
  auto loaded = GetObject(c.tx(), "questionnaire", id, scope);
  if (!loaded.ok()) return std::move(loaded).error();
  if (!loaded->has_value()) return NotFound("questionnaire " + id);
  json::object q = std::move((*loaded)->doc);
  wf::State from = wf::ParseState(StateString(q, "status")).value_or(wf::State::kSent);
  if (!wf::Next(from, wf::Action::kSave)) {
    return rs::Conflict("questionnaire " + id + " is " + std::string(wf::Name(from)), "action",
                        "sections are assigned only while the party answers");
  }
  const json::value* sv = body.if_contains("section");
  int64_t section = sv && sv->is_int64() ? sv->as_int64() : -1;
  const json::array& sections = StateArray(q, "sections");
  if (section < 0 || section >= static_cast<int64_t>(sections.size())) {
    return ValidationError(
        "section", "the questionnaire has sections 0 to " + std::to_string(sections.size() - 1));
  }
  std::string title = StateString(sections[section].as_object(), "title");
  json::array assignments = StateArray(q, "assignments");
  auto current = std::find_if(assignments.begin(), assignments.end(), [&](const json::value& a) {
    const json::value* s = a.as_object().if_contains("section");
    return s && s->is_int64() && s->as_int64() == section;
  });
  const json::value* uv = body.if_contains("user_id");
  std::string user_id = uv && uv->is_string() ? std::string(uv->as_string()) : "";
  std::string type;
  json::object extra{{"section", section}};
  if (user_id.empty()) {
    if (current == assignments.end()) {
      return rs::Conflict("section " + std::to_string(section) + " is not assigned", "section",
                          "is not assigned to anyone");
    }
    extra["user_id"] = StateString(current->as_object(), "user_id");
    assignments.erase(current);
    type = "questionnaire.section_unassigned";
  } else {
    auto user = Assignee(c.tx(), user_id, StateString(q, "party_id"));
    if (!user.ok()) return std::move(user).error();
    if (current != assignments.end() && StateString(current->as_object(), "user_id") == user_id) {
      return rs::Conflict("section " + std::to_string(section) + " is assigned to " +
                              StateString(*user, "email") + " already",
                          "user_id", "is the section's assignee already");
    }
    if (current != assignments.end()) assignments.erase(current);
    assignments.push_back(json::object{{"section", section},
                                       {"section_title", title},
                                       {"user_id", user_id},
                                       {"user_name", StateString(*user, "name")},
                                       {"user_email", StateString(*user, "email")},
                                       {"assigned_by", domain::ActorJson(actor)},
                                       {"assigned_at", FormatRfc3339(c.Now())}});
    std::sort(assignments.begin(), assignments.end(),
              [](const json::value& a, const json::value& b) {
                return a.at("section").as_int64() < b.at("section").as_int64();
              });
    extra["user_id"] = user_id;
    type = "questionnaire.section_assigned";
    auto queued = QueueMessage(
        c.tx(),
        OutboxMessage{.dedupe_key = "questionnaire:" + id + ":assigned:" + std::to_string(section) +
                                    ":" + user_id + ":" +
                                    std::to_string(q.at("version").to_number<int64_t>()),
                      .user_id = user_id,
                      .recipient = StateString(*user, "email"),
                      .subject = "A questionnaire section for you: " + title,
                      .body = "A colleague asked you to answer the section \"" + title +
                              "\" of the security questionnaire \"" + StateString(q, "title") +
                              "\", due " + questionnaire_support::DayOf(q, "due_at") +
                              ". Sign in to the vendor portal and open Questionnaires to "
                              "answer it.",
                      .ref_kind = "questionnaire",
                      .ref_id = id},
        c.Now());
    if (!queued.ok()) return std::move(queued).error();
  }
  if (assignments.empty()) {
    q.erase("assignments");
  } else {
    q["assignments"] = std::move(assignments);
  }
  rs::Bump(q, c.Now());
  return questionnaire_support::Append(c, "questionnaire", type, actor, std::move(q),
                                       std::move(extra));
}

}  // namespace accord::storage
