// The scheduler's `questionnaires` job (docs/questionnaires.md): reminders before the due date,
// the overdue mark on the day, and the yearly re-send of an accepted questionnaire, pre-filled.
#include "accord/storage/questionnaires.h"

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <map>
#include <set>

#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/questionnaire.h"
#include "accord/domain/registry.h"
#include "accord/storage/outbox.h"
#include "accord/storage/registry_commands.h"
#include "accord/storage/reviews.h"
#include "accord/workflow/questionnaire.h"
#include "questionnaire_support.h"
#include "review_support.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateArray;
using domain::StateString;
namespace wf = workflow::questionnaire;
namespace rs = review_support;
using namespace questionnaire_support;

Result<int> RunQuestionnaireSchedule(EventLog& log) {
  // Reads first; a write only when something is due.
  struct Due {
    std::vector<std::pair<std::string, int>> reminders;  // id, days before
    std::vector<std::string> overdue, renew;
  };
  auto scan = [](Tx& tx, TimePoint now) -> Result<Due> {
    Due due;
    for (const char* status : {"sent", "follow_up", "accepted"}) {
      std::string after;
      for (int page_no = 0; page_no < 1000; ++page_no) {
        ListQuery query{.kind = "questionnaire", .status = status, .after_id = after, .limit = 500};
        auto page = ListObjects(tx, query, Scope{});
        if (!page.ok()) return std::move(page).error();
        for (const auto& o : page->items) {
          if (std::string(status) == "accepted") {
            auto next = ParseRfc3339(StateString(o.doc, "next_due_at"));
            if (next.ok() && *next <= now && StateString(o.doc, "renewed_by").empty()) {
              due.renew.push_back(o.id);
            }
            continue;
          }
          auto at = ParseRfc3339(StateString(o.doc, "due_at"));
          if (!at.ok()) continue;
          const json::value* flag = o.doc.if_contains("overdue");
          if (*at <= now) {
            if (!flag || !flag->is_bool() || !flag->as_bool()) due.overdue.push_back(o.id);
          } else {
            for (int days : {7, 1}) {
              if (*at - std::chrono::days(days) <= now) due.reminders.emplace_back(o.id, days);
            }
          }
        }
        if (!page->next_after) break;
        after = *page->next_after;
      }
    }
    return due;
  };
  Due due;
  ACCORD_TRY(log.store().Read([&](Tx& tx) -> Status {
    auto d = scan(tx, log.clock().Now());
    if (!d.ok()) return std::move(d).error();
    due = std::move(*d);
    return Ok();
  }));
  int done = 0;
  if (!due.reminders.empty()) {
    // Reminders are outbox rows only; the dedupe key makes each one go once.
    ACCORD_TRY(log.store().Write([&](Tx& tx) -> Status {
      for (const auto& [id, days] : due.reminders) {
        auto o = GetObject(tx, "questionnaire", id, Scope{});
        if (!o.ok()) return std::move(o).error();
        if (!o->has_value()) continue;
        const json::object& q = (*o)->doc;
        auto queued = QueueMessage(
            tx,
            OutboxMessage{.dedupe_key = "questionnaire:" + id + ":remind:" + std::to_string(days),
                          .recipient = StateString(q.at("contact").as_object(), "email"),
                          .subject = "Reminder: security questionnaire due " + DayOf(q, "due_at"),
                          .body = "The security questionnaire \"" + StateString(q, "title") +
                                  "\" is due on " + DayOf(q, "due_at") +
                                  ". Sign in to the vendor portal to finish and submit it.",
                          .ref_kind = "questionnaire",
                          .ref_id = id},
            log.clock().Now());
        if (!queued.ok()) return std::move(queued).error();
        if (*queued) ++done;
      }
      return Ok();
    }));
  }
  if (due.overdue.empty() && due.renew.empty()) return done;
  auto r = log.Execute([&](CommandContext& c) -> Result<json::value> {
    int64_t n = 0;
    domain::Actor system = domain::SystemActor();
    for (const auto& id : due.overdue) {
      auto o = GetObject(c.tx(), "questionnaire", id, Scope{});
      if (!o.ok()) return std::move(o).error();
      if (!o->has_value()) continue;
      json::object q = std::move((*o)->doc);
      std::string status = StateString(q, "status");
      if (status != "sent" && status != "follow_up") continue;
      q["overdue"] = true;
      rs::Bump(q, c.Now());
      std::string text = "The security questionnaire \"" + StateString(q, "title") +
                         "\" was due on " + DayOf(q, "due_at") + " and is not submitted.";
      ACCORD_TRY(EmailContact(c.tx(), q, "questionnaire:" + id + ":overdue",
                              "Overdue: security questionnaire " + StateString(q, "title"),
                              text + " Sign in to the vendor portal to submit it.", c.Now()));
      ACCORD_TRY(EmailOfficers(c.tx(), q, "questionnaire:" + id + ":overdue",
                               "Overdue questionnaire: " + StateString(q, "title"), text, c.Now()));
      auto a = Append(c, "questionnaire", "questionnaire.marked_overdue", system, std::move(q));
      if (!a.ok()) return std::move(a).error();
      ++n;
    }
    for (const auto& id : due.renew) {
      auto o = GetObject(c.tx(), "questionnaire", id, Scope{});
      if (!o.ok()) return std::move(o).error();
      if (!o->has_value() || !StateString((*o)->doc, "renewed_by").empty()) continue;
      json::object old = std::move((*o)->doc);
      auto tmpl = GetObject(c.tx(), "questionnaire_template", StateString(old, "template_id"), {});
      if (!tmpl.ok()) return std::move(tmpl).error();
      auto contact = GetObject(c.tx(), "contact", StateString(old, "contact_id"),
                               Scope{StateString(old, "party_id")});
      if (!contact.ok()) return std::move(contact).error();
      if (!tmpl->has_value() || !contact->has_value()) continue;
      auto fresh = NewQuestionnaire(c, (*tmpl)->doc, StateString(old, "party_id"), (*contact)->doc,
                                    FormatRfc3339(c.Now() + std::chrono::days(30)),
                                    StateString(old, "title"));
      if (!fresh.ok()) return std::move(fresh).error();
      (*fresh)["answers"] = Prefill(*fresh, old);
      (*fresh)["previous_id"] = id;
      std::string fresh_id = StateString(*fresh, "id");
      auto sent = SendEmailAndAppend(c, system, std::move(*fresh));
      if (!sent.ok()) return std::move(sent).error();
      old["renewed_by"] = fresh_id;
      rs::Bump(old, c.Now());
      auto a = Append(c, "questionnaire", "questionnaire.renewed", system, std::move(old));
      if (!a.ok()) return std::move(a).error();
      ++n;
    }
    return json::value(n);
  });
  if (!r.ok()) return std::move(r).error();
  return done + static_cast<int>(r->as_int64());
}

}  // namespace accord::storage
