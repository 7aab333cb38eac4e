// The breach assessment's commands and reads (TR-8): load, ask the workflow, append the whole
// state. The rule and the clock are domain/breach.h; reminders are breach_reminders.cc.
#include "accord/storage/breaches.h"

#include <algorithm>
#include <boost/json.hpp>

#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/breach.h"
#include "accord/domain/registry.h"
#include "accord/messaging/phi_guard.h"
#include "accord/storage/incidents.h"
#include "accord/storage/outbox.h"
#include "accord/storage/registry_store.h"
#include "accord/workflow/breach_assessment.h"
#include "accord/workflow/breach_notice.h"
#include "breach_support.h"
#include "review_support.h"

namespace accord::storage {

namespace json = boost::json;
namespace rule = domain::breach;
namespace awf = workflow::breach_assessment;
namespace nwf = workflow::breach_notice;
using domain::StateString;
using review_support::AppendState;
using review_support::Bump;

namespace breach_support {

std::optional<TimePoint> TimeOf(const json::object& o, std::string_view key) {
  auto t = ParseRfc3339(StateString(o, key));
  if (!t.ok()) return std::nullopt;
  return *t;
}

Result<std::vector<json::object>> NoticesOf(Tx& tx, const json::object& assessment) {
  std::vector<json::object> out;
  const json::value* ids = assessment.if_contains("notice_ids");
  if (!ids || !ids->is_array()) return out;
  for (const auto& id : ids->as_array()) {
    if (!id.is_string()) continue;
    auto n = review_support::Load(tx, "breach_notice", std::string(id.as_string()), "notice");
    if (!n.ok()) return std::move(n).error();
    out.push_back(std::move(*n));
  }
  return out;
}

Result<std::vector<json::object>> NoticesWithStatus(Tx& tx, std::string_view status) {
  std::vector<json::object> out;
  auto rows = tx.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'breach_notice' AND to_idx = ? AND status = ?",
      {kOpenVersion, std::string(status)});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& r : *rows) {
    auto doc = domain::ParseStateDoc(r.Text(0));
    if (doc) out.push_back(std::move(*doc));
  }
  std::stable_sort(out.begin(), out.end(), [](const json::object& a, const json::object& b) {
    return StateString(a, "deadline_at") < StateString(b, "deadline_at");
  });
  return out;
}

}  // namespace breach_support

namespace {

using breach_support::NoticesOf;
using breach_support::TimeOf;

// Text that goes into an email must pass the PHI guard: the details belong in Secure Message.
void CheckEmailText(const json::object& body, std::vector<ErrorDetail>& details) {
  for (const char* f :
       {"what_happened", "phi_types", "individual_steps", "our_response", "contact"}) {
    std::string text = StateString(body, f);
    if (text.empty()) continue;
    auto verdict = messaging::CheckForPhi(text);
    if (verdict.refused) {
      details.push_back({f, "goes into the notice's email and " + verdict.reason, {}});
    }
  }
}

rule::Assessment AssessmentOf(const json::object& body) {
  rule::Assessment a;
  const json::object& factors = body.at("factors").as_object();
  for (size_t i = 0; i < rule::kFactors.size(); ++i) {
    const json::object& f = factors.at(rule::kFactors[i]).as_object();
    a.factors[i] = rule::ParseRisk(StateString(f, "risk")).value_or(rule::Risk::kHigh);
  }
  a.exclusion =
      rule::ParseExclusion(StateString(body, "exclusion")).value_or(rule::Exclusion::kNone);
  const json::value* secured = body.if_contains("phi_secured");
  a.phi_secured = secured && secured->is_bool() && secured->as_bool();
  return a;
}

Result<bool> HasAssessment(Tx& tx, const std::string& incident_id) {
  auto rows = tx.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'breach_assessment' AND to_idx = ? AND doc LIKE ?",
      {kOpenVersion, "%\"" + incident_id + "\"%"});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& r : *rows) {
    auto doc = domain::ParseStateDoc(r.Text(0));
    if (doc && StateString(*doc, "incident_id") == incident_id) return true;
  }
  return false;
}

std::optional<double> HoursOf(const json::object& notice) {
  const json::value* h = notice.if_contains("baa_notice_hours");
  if (!h || h->is_null()) return std::nullopt;
  if (h->is_double()) return h->as_double();
  if (h->is_int64()) return static_cast<double>(h->as_int64());
  return std::nullopt;
}

// The notice's words from the assessment's state.
rule::NoticeText NoticeFor(const json::object& a, const std::string& our_name,
                           const std::string& customer_name, const std::string& incident_title) {
  const json::value* n = a.if_contains("individuals");
  return rule::RenderNotice(
      {.our_name = our_name,
       .customer_name = customer_name,
       .incident_title = incident_title,
       .what_happened = StateString(a, "what_happened"),
       .breach_date = a.contains("occurred_at") ? HumanDay(StateString(a, "occurred_at")) : "",
       .discovery_date = HumanDay(StateString(a, "discovered_at")),
       .phi_types = StateString(a, "phi_types"),
       .individual_steps = StateString(a, "individual_steps"),
       .our_response = StateString(a, "our_response"),
       .contact = StateString(a, "contact"),
       .individuals = n && n->is_int64() ? n->as_int64() : 0});
}

}  // namespace

Result<std::vector<CoveredEntity>> CoveredEntities(Tx& tx) {
  std::vector<CoveredEntity> out;
  auto parties = tx.Query(
      "SELECT id, doc FROM rm_objects WHERE kind = 'party' AND to_idx = ? AND tag = 'customer' "
      "ORDER BY name_lc, id",
      {kOpenVersion});
  if (!parties.ok()) return std::move(parties).error();
  for (const auto& p : *parties) {
    std::string party_id = p.Text(0);
    // A BAA that has since expired or been terminated still counts: PHI we kept, or held
    // when the breach happened, stays under its protections (164.504(e)(2)(ii)(J)), and the
    // customer is owed a notice. The agreement in force comes first, then the latest ended.
    // Signed at some point: only an executed agreement expires, but one withdrawn from draft
    // or sent is terminated too, and was never in force (its earlier versions say so).
    auto baas = tx.Query(
        "SELECT a.id, a.doc, a.status FROM rm_objects a WHERE a.party_id = ? AND "
        "a.kind = 'agreement' AND a.to_idx = ? AND a.tag = 'baa' AND "
        "(a.status IN ('executed', 'expired') OR (a.status = 'terminated' AND EXISTS (SELECT 1 "
        "FROM rm_objects h WHERE h.kind = 'agreement' AND h.id = a.id AND "
        "h.status = 'executed'))) "
        "ORDER BY CASE a.status WHEN 'executed' THEN 0 ELSE 1 END, a.id DESC",
        {party_id, kOpenVersion});
    if (!baas.ok()) return std::move(baas).error();
    if (baas->empty()) continue;
    auto party = domain::ParseStateDoc(p.Text(1));
    auto baa = domain::ParseStateDoc((*baas)[0].Text(1));
    CoveredEntity e{.party_id = party_id,
                    .party_name = party ? StateString(*party, "name") : "",
                    .agreement_id = (*baas)[0].Text(0),
                    .agreement_status = (*baas)[0].Text(2)};
    if (baa) {
      if (const json::value* b = baa->if_contains("baa"); b && b->is_object()) {
        e.breach_notice_hours =
            HoursOf(json::object{{"baa_notice_hours", b->as_object().contains("breach_notice_hours")
                                                          ? b->as_object().at("breach_notice_hours")
                                                          : json::value(nullptr)}});
      }
    }
    out.push_back(std::move(e));
  }
  return out;
}

Result<json::object> AssessBreach(CommandContext& c, const domain::Actor& actor,
                                  const std::string& incident_id, const json::object& body) {
  auto incident = LoadIncident(c.tx(), incident_id);
  if (!incident.ok()) return std::move(incident).error();
  auto exists = HasAssessment(c.tx(), incident_id);
  if (!exists.ok()) return std::move(exists).error();
  if (*exists) {
    return review_support::Conflict("incident " + incident_id + " has a breach assessment already",
                                    "incident_id", "is assessed: record a delay or the notices");
  }
  std::vector<ErrorDetail> details;
  json::object in;
  domain::ValidateFields(rule::AssessFields(), body, false, "", in, details);
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  if (!in.contains("discovered_at")) in["discovered_at"] = StateString(*incident, "discovered_at");
  TimePoint now = c.Now();
  auto discovered = TimeOf(in, "discovered_at");
  if (discovered && *discovered > now) {
    details.push_back({"discovered_at", "must not be in the future", {}});
  }
  auto occurred = TimeOf(in, "occurred_at");
  if (occurred && discovered && *occurred > *discovered) {
    details.push_back({"occurred_at", "must not be after discovered_at", {}});
  }
  CheckEmailText(in, details);
  rule::Conclusion conclusion = rule::Conclude(AssessmentOf(in));
  std::vector<std::string> customers;
  if (const json::value* ids = in.if_contains("customer_ids"); ids && ids->is_array()) {
    for (const auto& id : ids->as_array()) customers.emplace_back(id.as_string());
  }
  std::vector<CoveredEntity> affected;
  if (conclusion.breach) {
    for (const char* f : {"individual_steps", "our_response", "contact"}) {
      if (StateString(in, f).empty()) {
        details.push_back(
            {f, "is required for a breach: the notice carries it (164.404(c)(1))", {}});
      }
    }
    if (customers.empty()) {
      details.push_back({"customer_ids",
                         "name the covered entities affected: each gets a notice (164.410(a))",
                         {}});
    }
    auto covered = CoveredEntities(c.tx());
    if (!covered.ok()) return std::move(covered).error();
    for (size_t i = 0; i < customers.size(); ++i) {
      auto it = std::find_if(covered->begin(), covered->end(),
                             [&](const CoveredEntity& e) { return e.party_id == customers[i]; });
      if (it == covered->end()) {
        details.push_back({"customer_ids[" + std::to_string(i) + "]",
                           customers[i] + " is not a customer that has signed a BAA",
                           {}});
      } else if (std::find(customers.begin(), customers.begin() + i, customers[i]) ==
                 customers.begin() + i) {
        affected.push_back(*it);
      }
    }
  } else if (!customers.empty()) {
    details.push_back({"customer_ids",
                       "only a breach is notified; this assessment concludes: " + conclusion.basis,
                       {}});
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));

  auto org = c.tx().QueryOne("SELECT name FROM rm_org", {});
  if (!org.ok()) return std::move(org).error();
  std::string our_name = org->has_value() ? (*org)->Text(0) : "Your business associate";
  std::string at = FormatRfc3339(now);
  json::object state = in;
  state.erase("customer_ids");
  state["id"] = NewId("bra", now);
  state["incident_id"] = incident_id;
  if (!state.contains("exclusion")) state["exclusion"] = "none";
  if (!state.contains("phi_secured")) state["phi_secured"] = false;
  if (!state.contains("individuals")) state["individuals"] = 0;
  state["conclusion"] = json::object{{"breach", conclusion.breach},
                                     {"basis", conclusion.basis},
                                     {"citation", conclusion.citation}};
  state["status"] =
      std::string(awf::Name(conclusion.breach ? awf::State::kNotifying : awf::State::kNotABreach));
  state["assessed_by"] = domain::ActorJson(actor);
  state["created_at"] = at;
  state["updated_at"] = at;
  state["version"] = 1;
  std::vector<json::object> notices;
  json::array notice_ids;
  std::string title = StateString(*incident, "title");
  for (const auto& e : affected) {
    rule::Deadline d = rule::NoticeDeadline(*discovered, e.breach_notice_hours, std::nullopt);
    rule::NoticeText text = NoticeFor(state, our_name, e.party_name, title);
    json::object n{{"id", NewId("brn", now)},
                   {"party_id", e.party_id},
                   {"assessment_id", StateString(state, "id")},
                   {"incident_id", incident_id},
                   {"agreement_id", e.agreement_id},
                   {"status", std::string(nwf::Name(nwf::State::kDue))},
                   {"discovered_at", StateString(state, "discovered_at")},
                   {"deadline_at", FormatRfc3339(d.at)},
                   {"deadline_basis", d.basis},
                   {"notice", json::object{{"subject", text.subject}, {"body", text.body}}},
                   {"created_at", at},
                   {"updated_at", at},
                   {"version", 1}};
    if (e.breach_notice_hours) n["baa_notice_hours"] = *e.breach_notice_hours;
    notice_ids.push_back(n.at("id"));
    notices.push_back(std::move(n));
  }
  state["notice_ids"] = std::move(notice_ids);
  auto index = AppendState(c, "breach_assessment", "breach_assessment.assessed", actor, state);
  if (!index.ok()) return std::move(index).error();
  for (const auto& n : notices) {
    auto ni = AppendState(c, "breach_notice", "breach_notice.opened", actor, n);
    if (!ni.ok()) return std::move(ni).error();
  }
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

Result<json::object> RecordLawEnforcementDelay(CommandContext& c, const domain::Actor& actor,
                                               const std::string& assessment_id,
                                               const json::object& body) {
  auto loaded = review_support::Load(c.tx(), "breach_assessment", assessment_id, "assessment");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  auto from = awf::ParseState(StateString(state, "status"));
  if (!from || !awf::Next(*from, awf::Action::kRecordDelay)) {
    return review_support::Conflict(
        "assessment " + assessment_id + " is " + StateString(state, "status"), "action",
        "possible: " + (from ? awf::PossibleActions(*from) : std::string("none")));
  }
  std::vector<ErrorDetail> details;
  json::object in;
  domain::ValidateFields(rule::DelayFields(), body, false, "", in, details);
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  auto stated = TimeOf(in, "stated_at");
  if (stated && *stated > c.Now()) {
    details.push_back({"stated_at", "must not be in the future", {}});
  }
  std::string doc_id = StateString(in, "document_id");
  auto doc = GetObject(c.tx(), "document", doc_id, Scope{});
  if (!doc.ok()) return std::move(doc).error();
  if (!doc->has_value()) details.push_back({"document_id", "no document has id " + doc_id, {}});
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  rule::LawEnforcementDelay delay{.written = in.at("written").as_bool(),
                                  .stated_at = *stated,
                                  .days = static_cast<int>(in.at("days").as_int64())};
  in["ends_at"] = FormatRfc3339(rule::DelayEnds(delay));
  in["recorded_by"] = domain::ActorJson(actor);
  state["law_enforcement_delay"] = in;
  state.erase("ledger_index");
  Bump(state, c.Now());
  auto index =
      AppendState(c, "breach_assessment", "breach_assessment.delay_recorded", actor, state);
  if (!index.ok()) return std::move(index).error();
  auto notices = NoticesOf(c.tx(), state);
  if (!notices.ok()) return std::move(notices).error();
  auto discovered = TimeOf(state, "discovered_at");
  for (auto& n : *notices) {
    if (StateString(n, "status") != nwf::Name(nwf::State::kDue) || !discovered) continue;
    rule::Deadline d = rule::NoticeDeadline(*discovered, HoursOf(n), delay);
    n["deadline_at"] = FormatRfc3339(d.at);
    n["deadline_basis"] = d.basis;
    n.erase("escalated_at");
    Bump(n, c.Now());
    auto ni = AppendState(c, "breach_notice", "breach_notice.deadline_extended", actor, n);
    if (!ni.ok()) return std::move(ni).error();
  }
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

Result<json::object> BreachNoticeAction(CommandContext& c, const domain::Actor& actor,
                                        const SecureCaller& caller, const std::string& id,
                                        const json::object& body) {
  std::vector<ErrorDetail> details;
  json::object in;
  domain::ValidateFields(rule::NoticeActionFields(), body, false, "", in, details);
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  auto act = nwf::ParseAction(StateString(in, "action"));
  if (!act) return ValidationError("action", "unknown action");
  auto loaded = review_support::Load(c.tx(), "breach_notice", id, "notice");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  auto from = nwf::ParseState(StateString(state, "status"));
  if (!from) return Internal("notice " + id + " has an unknown status");
  auto next = nwf::Next(*from, *act);
  if (!next) {
    return review_support::Conflict("notice " + id + " is " + StateString(state, "status"),
                                    "action", "possible: " + nwf::PossibleActions(*from));
  }
  TimePoint now = c.Now();
  std::string recipient = StateString(in, "recipient");
  const json::object& notice = state.at("notice").as_object();
  switch (*act) {
    case nwf::Action::kSend: {
      if (recipient.empty()) {
        return ValidationError("recipient",
                               "is required to send: the covered entity's privacy contact");
      }
      std::string subject = StateString(notice, "subject"), text = StateString(notice, "body");
      auto verdict = messaging::CheckMessageForPhi(subject, text);
      if (verdict.refused) return ValidationError("notice", verdict.reason);
      OutboxMessage m{.dedupe_key = "breach_notice:" + id + ":notice",
                      .recipient = recipient,
                      .subject = subject,
                      .body = text,
                      .ref_kind = "breach_notice",
                      .ref_id = id};
      auto queued = QueueMessage(c.tx(), m, now);
      if (!queued.ok()) return std::move(queued).error();
      state["sent"] = json::object{{"at", FormatRfc3339(now)},
                                   {"method", "email"},
                                   {"recipient", recipient},
                                   {"by", domain::ActorJson(actor)}};
      break;
    }
    case nwf::Action::kRecordSent: {
      std::string sent_at = StateString(in, "sent_at");
      auto t = TimeOf(in, "sent_at");
      if (t && *t > now) return ValidationError("sent_at", "must not be in the future");
      json::object sent{
          {"at", sent_at.empty() ? FormatRfc3339(now) : sent_at},
          {"method", StateString(in, "method").empty() ? "other" : StateString(in, "method")},
          {"by", domain::ActorJson(actor)}};
      if (!recipient.empty()) sent["recipient"] = recipient;
      if (in.contains("note")) sent["note"] = in.at("note");
      state["sent"] = std::move(sent);
      break;
    }
    case nwf::Action::kLinkList: {
      std::string smg = StateString(in, "secure_message_id");
      if (smg.empty()) {
        return ValidationError("secure_message_id",
                               "is required: the Secure Message with the list");
      }
      Status readable = CheckSecureReader(c.tx(), smg, caller);
      if (!readable.ok()) {
        return ValidationError("secure_message_id", "no Secure Message of yours has id " + smg);
      }
      state["list_secure_message_id"] = smg;
      break;
    }
    case nwf::Action::kEscalate:
      return Internal("escalation is the schedule's");
  }
  state["status"] = std::string(nwf::Name(*next));
  state.erase("ledger_index");
  state.erase("overdue");
  Bump(state, now);
  auto index = AppendState(c, "breach_notice", "breach_notice." + std::string(nwf::EventVerb(*act)),
                           actor, state);
  if (!index.ok()) return std::move(index).error();
  // The last notice sent completes the assessment.
  if (*next == nwf::State::kSent && *from != nwf::State::kSent) {
    auto assessment = review_support::Load(c.tx(), "breach_assessment",
                                           StateString(state, "assessment_id"), "assessment");
    if (!assessment.ok()) return std::move(assessment).error();
    auto notices = NoticesOf(c.tx(), *assessment);
    if (!notices.ok()) return std::move(notices).error();
    bool all_sent = std::all_of(notices->begin(), notices->end(), [](const json::object& n) {
      return StateString(n, "status") == nwf::Name(nwf::State::kSent);
    });
    auto status = awf::ParseState(StateString(*assessment, "status"));
    if (all_sent && status && awf::Next(*status, awf::Action::kComplete)) {
      (*assessment)["status"] = std::string(awf::Name(awf::State::kNotified));
      assessment->erase("ledger_index");
      Bump(*assessment, now);
      auto ai = AppendState(c, "breach_assessment", "breach_assessment.completed",
                            domain::SystemActor(), *assessment);
      if (!ai.ok()) return std::move(ai).error();
    }
  }
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

}  // namespace accord::storage
