// The scheduler's breach-notice job (TR-8): reminders to the officers before a covered
// entity's deadline and one escalation after it, through the outbox. Reminders are messages,
// not evidence (dedupe keys make them once each); the escalation is in the ledger, with its
// alert, because 164.414(b) puts the burden of proof on us.
#include <boost/json.hpp>
#include <chrono>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/breaches.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/outbox.h"
#include "accord/workflow/breach_notice.h"
#include "breach_support.h"
#include "review_support.h"

namespace accord::storage {

namespace json = boost::json;
namespace nwf = workflow::breach_notice;
using domain::StateString;

namespace {

constexpr int kReminderDays[] = {7, 3, 1};  // before the deadline, latest reached only
const std::vector<std::string> kOfficerRoles = {"security_officer", "privacy_officer"};

// "4 Jan 2027 at 14:30 UTC": a 48-hour term makes the hour matter.
std::string WhenText(const std::string& at) {
  return HumanDay(at) + (at.size() >= 16 ? " at " + at.substr(11, 5) + " UTC" : "");
}

Result<std::string> CustomerName(Tx& tx, const json::object& n) {
  auto name = review_support::PartyName(tx, StateString(n, "party_id"));
  if (!name.ok()) return std::move(name).error();
  return name->empty() ? std::string("a customer") : *name;
}

Result<int> QueueReminders(Tx& tx, TimePoint now) {
  auto due = breach_support::NoticesWithStatus(tx, nwf::Name(nwf::State::kDue));
  if (!due.ok()) return std::move(due).error();
  int queued = 0;
  for (const auto& n : *due) {
    auto deadline = breach_support::TimeOf(n, "deadline_at");
    if (!deadline || *deadline < now) continue;
    int slot = 0;
    for (int days : kReminderDays) {
      if (*deadline - now <= std::chrono::hours(24 * days)) slot = days;
    }
    if (slot == 0) continue;
    auto customer = CustomerName(tx, n);
    if (!customer.ok()) return std::move(customer).error();
    std::string when = WhenText(StateString(n, "deadline_at"));
    OutboxMessage m{
        .dedupe_key = "breach_notice:" + StateString(n, "id") + ":remind:" + std::to_string(slot),
        .subject = "Breach notice to " + *customer + " due " + when,
        .body = "The notice of a breach of unsecured protected health information to " + *customer +
                " must be sent by " + when + " (" + StateString(n, "deadline_basis") +
                ").\n\nSend it from the incident's page in Accord, or record it as sent there "
                "if it went another way. The list of affected individuals goes only by Secure "
                "Message.\n",
        .ref_kind = "breach_notice",
        .ref_id = StateString(n, "id")};
    auto q = QueueForUsers(tx, kOfficerRoles, {}, std::move(m), now);
    if (!q.ok()) return std::move(q).error();
    queued += *q;
  }
  return queued;
}

Result<std::vector<json::object>> Unescalated(Tx& tx, TimePoint now) {
  auto due = breach_support::NoticesWithStatus(tx, nwf::Name(nwf::State::kDue));
  if (!due.ok()) return std::move(due).error();
  std::vector<json::object> out;
  for (auto& n : *due) {
    auto deadline = breach_support::TimeOf(n, "deadline_at");
    if (deadline && *deadline < now && !n.contains("escalated_at")) out.push_back(std::move(n));
  }
  return out;
}

}  // namespace

Result<int> RunBreachNotices(EventLog& log) {
  int done = 0;
  ACCORD_TRY(log.store().Write([&](Tx& tx) -> Status {
    auto q = QueueReminders(tx, log.clock().Now());
    if (!q.ok()) return std::move(q).error();
    done += *q;
    return Ok();
  }));
  bool any = false;
  ACCORD_TRY(log.store().Read([&](Tx& tx) -> Status {
    auto found = Unescalated(tx, log.clock().Now());
    if (!found.ok()) return std::move(found).error();
    any = !found->empty();
    return Ok();
  }));
  if (!any) return done;
  auto r = log.Execute([&](CommandContext& c) -> Result<json::value> {
    auto found = Unescalated(c.tx(), c.Now());
    if (!found.ok()) return std::move(found).error();
    int64_t n = 0;
    for (auto& state : *found) {
      auto customer = CustomerName(c.tx(), state);
      if (!customer.ok()) return std::move(customer).error();
      std::string id = StateString(state, "id");
      auto alert = RaiseAlert(c, domain::SystemActor(), "breach_notice_overdue", "high",
                              "Breach notice to " + *customer + " is overdue",
                              json::object{{"kind", "breach_notice"}, {"id", id}},
                              json::object{{"deadline_at", StateString(state, "deadline_at")},
                                           {"incident_id", StateString(state, "incident_id")}});
      if (!alert.ok()) return std::move(alert).error();
      state["escalated_at"] = FormatRfc3339(c.Now());
      review_support::Bump(state, c.Now());
      auto index = review_support::AppendState(c, "breach_notice", "breach_notice.escalated",
                                               domain::SystemActor(), state,
                                               json::object{{"alert_id", *alert}});
      if (!index.ok()) return std::move(index).error();
      ++n;
    }
    return json::value(n);
  });
  if (!r.ok()) return std::move(r).error();
  return done + static_cast<int>(r->as_int64());
}

}  // namespace accord::storage
