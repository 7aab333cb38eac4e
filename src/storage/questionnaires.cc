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

namespace questionnaire_support {

Result<json::object> Append(CommandContext& c, const std::string& kind, const std::string& type,
                            const domain::Actor& actor, json::object state, json::object extra) {
  state.erase("ledger_index");
  auto index = rs::AppendState(c, kind, type, actor, state, std::move(extra));
  if (!index.ok()) return std::move(index).error();
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

// Emails the questionnaire's contact (the address it was sent to), deduplicated by `key`.
Status EmailContact(Tx& tx, const json::object& q, const std::string& key,
                    const std::string& subject, const std::string& body, TimePoint now) {
  const json::value* contact = q.if_contains("contact");
  if (!contact || !contact->is_object()) return Ok();
  std::string email = StateString(contact->as_object(), "email");
  if (email.empty()) return Ok();
  auto queued = QueueMessage(tx,
                             OutboxMessage{.dedupe_key = key,
                                           .recipient = email,
                                           .subject = subject,
                                           .body = body,
                                           .ref_kind = "questionnaire",
                                           .ref_id = StateString(q, "id")},
                             now);
  if (!queued.ok()) return std::move(queued).error();
  return Ok();
}

Status EmailOfficers(Tx& tx, const json::object& q, const std::string& key,
                     const std::string& subject, const std::string& body, TimePoint now) {
  auto queued = QueueForUsers(tx, {"security_officer"}, {},
                              OutboxMessage{.dedupe_key = key,
                                            .subject = subject,
                                            .body = body,
                                            .ref_kind = "questionnaire",
                                            .ref_id = StateString(q, "id")},
                              now);
  if (!queued.ok()) return std::move(queued).error();
  return Ok();
}

std::string DayOf(const json::object& q, std::string_view field) {
  return HumanDay(StateString(q, field));
}

// A new questionnaire from a template's current version, for one contact of the party.
Result<json::object> NewQuestionnaire(CommandContext& c, const json::object& tmpl,
                                      const std::string& party_id, const json::object& contact,
                                      const std::string& due_at, std::string title) {
  std::string id = NewId("qst", c.Now());
  if (title.empty()) title = StateString(tmpl, "name");
  std::string now = FormatRfc3339(c.Now());
  const json::value* version = tmpl.if_contains("version");
  return json::object{
      {"id", id},
      {"party_id", party_id},
      {"title", title},
      {"template_id", StateString(tmpl, "id")},
      {"template_version", version && version->is_int64() ? version->as_int64() : 1},
      {"contact_id", StateString(contact, "id")},
      {"contact", json::object{{"name", StateString(contact, "name")},
                               {"email", StateString(contact, "email")}}},
      {"due_at", due_at},
      {"status", std::string(wf::Name(wf::State::kSent))},
      {"sections", domain::QuestionsOf(tmpl)},
      {"scoring", domain::ScoringOf(tmpl)},
      {"answers", json::array{}},
      {"answers_version", 0},
      {"follow_ups", json::array{}},
      {"created_at", now},
      {"updated_at", now},
      {"version", 1}};
}

// Answers of `previous` for questions the new questionnaire still asks.
json::array Prefill(const json::object& fresh, const json::object& previous) {
  std::set<std::string> ids;
  for (const auto& s : StateArray(fresh, "sections")) {
    for (const auto& q : StateArray(s.as_object(), "questions")) {
      ids.insert(StateString(q.as_object(), "id"));
    }
  }
  json::array out;
  for (const auto& a : StateArray(previous, "answers")) {
    if (a.is_object() && ids.contains(StateString(a.as_object(), "question"))) out.push_back(a);
  }
  return out;
}

Result<json::object> SendEmailAndAppend(CommandContext& c, const domain::Actor& actor,
                                        json::object q, json::object extra) {
  ACCORD_TRY(EmailContact(c.tx(), q, "questionnaire:" + StateString(q, "id") + ":sent",
                          "Security questionnaire to complete: " + StateString(q, "title"),
                          "You have been asked to complete the security questionnaire \"" +
                              StateString(q, "title") + "\" by " + DayOf(q, "due_at") +
                              ". Sign in to the vendor portal to answer it; you can save a "
                              "draft and come back.",
                          c.Now()));
  return Append(c, "questionnaire", "questionnaire.sent", actor, std::move(q), std::move(extra));
}

}  // namespace questionnaire_support

using namespace questionnaire_support;

namespace {

Status CheckTemplateBody(Tx& tx, const json::object& body, const std::string& except_id) {
  std::vector<ErrorDetail> details;
  domain::CheckTemplate(body, details);
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  auto other = FindLiveByName(tx, "questionnaire_template", StateString(body, "name"), except_id);
  if (!other.ok()) return std::move(other).error();
  if (other->has_value()) {
    return Error{ErrorCode::kConflict,
                 "a questionnaire template is named " + StateString(body, "name") + " already",
                 {{"name", "is used by " + **other, {}}}};
  }
  return Ok();
}

Result<std::optional<json::object>> LastAccepted(Tx& tx, const std::string& party_id,
                                                 const std::string& template_id) {
  std::optional<json::object> best;
  ListQuery query{.kind = "questionnaire",
                  .party_id = party_id,
                  .tag = template_id,
                  .status = "accepted",
                  .limit = 500};
  auto page = ListObjects(tx, query, Scope{});
  if (!page.ok()) return std::move(page).error();
  for (auto& o : page->items) {
    if (!best || StateString(o.doc, "decided_at") > StateString(*best, "decided_at")) {
      best = std::move(o.doc);
    }
  }
  return best;
}

Status CheckDocuments(Tx& tx, const std::string& party_id, const json::array& answers) {
  std::vector<ErrorDetail> details;
  for (const auto& a : answers) {
    if (!a.is_object()) continue;
    for (const auto& d : StateArray(a.as_object(), "document_ids")) {
      if (!d.is_string()) continue;
      auto doc = GetObject(tx, "document", d.as_string(), Scope{party_id});
      if (!doc.ok()) return std::move(doc).error();
      if (!doc->has_value()) {
        details.push_back({"answers." + StateString(a.as_object(), "question") + ".document_ids",
                           "no document of this party has id " + std::string(d.as_string()),
                           {}});
      }
    }
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  return Ok();
}

// Merges `incoming` into `answers` by question id; an empty answer clears one.
json::array Merge(const json::array& answers, const json::array& incoming) {
  std::map<std::string, json::object> by_id;
  std::vector<std::string> order;
  auto put = [&](const json::object& a) {
    std::string id = StateString(a, "question");
    if (!by_id.contains(id)) order.push_back(id);
    by_id[id] = a;
  };
  for (const auto& a : answers) {
    if (a.is_object()) put(a.as_object());
  }
  for (const auto& a : incoming) {
    if (a.is_object()) put(a.as_object());
  }
  json::array out;
  for (const auto& id : order) {
    const json::object& a = by_id[id];
    if (StateString(a, "value").empty() && StateArray(a, "document_ids").empty() &&
        StateString(a, "note").empty()) {
      continue;
    }
    out.push_back(a);
  }
  return out;
}

std::set<std::string> QuestionIds(const json::object& q) {
  std::set<std::string> ids;
  for (const auto& s : StateArray(q, "sections")) {
    for (const auto& x : StateArray(s.as_object(), "questions")) {
      ids.insert(StateString(x.as_object(), "id"));
    }
  }
  return ids;
}

// Merges the officer's verdicts into the reviews; every verdict must name a question.
Status MergeVerdicts(json::object& q, const json::object& body) {
  const json::array& verdicts = StateArray(body, "verdicts");
  if (verdicts.empty()) return Ok();
  auto ids = QuestionIds(q);
  std::vector<ErrorDetail> details;
  std::map<std::string, json::object> by_id;
  std::vector<std::string> order;
  for (const auto& r : StateArray(q, "reviews")) {
    std::string id = StateString(r.as_object(), "question");
    order.push_back(id);
    by_id[id] = r.as_object();
  }
  for (size_t i = 0; i < verdicts.size(); ++i) {
    const json::object& v = verdicts[i].as_object();
    std::string id = StateString(v, "question");
    if (!ids.contains(id)) {
      details.push_back(
          {"verdicts[" + std::to_string(i) + "].question", "no question has id " + id, {}});
      continue;
    }
    if (!by_id.contains(id)) order.push_back(id);
    by_id[id] = v;
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  json::array out;
  for (const auto& id : order) out.push_back(by_id[id]);
  q["reviews"] = std::move(out);
  return Ok();
}

Status Rescore(json::object& q) {
  q["score"] = domain::ScoreJson(domain::Score(q));
  return Ok();
}

std::vector<std::string> EvidenceOf(const json::object& q) {
  std::vector<std::string> out;
  for (const auto& a : StateArray(q, "answers")) {
    for (const auto& d : StateArray(a.as_object(), "document_ids")) {
      if (!d.is_string() || out.size() >= 50) continue;
      // One document may answer several questions; the record lists it once.
      if (std::find(out.begin(), out.end(), d.as_string()) == out.end()) {
        out.emplace_back(d.as_string());
      }
    }
  }
  return out;
}

std::string QuestionText(const json::object& q, const std::string& id) {
  for (const auto& s : StateArray(q, "sections")) {
    for (const auto& x : StateArray(s.as_object(), "questions")) {
      if (StateString(x.as_object(), "id") == id) return StateString(x.as_object(), "text");
    }
  }
  return id;
}

std::string ReviewerName(Tx& tx, const domain::Actor& actor) {
  auto user = GetObject(tx, "user", actor.id, Scope{});
  if (user.ok() && user->has_value()) {
    std::string name = StateString((*user)->doc, "name");
    if (name.empty()) name = StateString((*user)->doc, "email");
    if (!name.empty()) return name;
  }
  return actor.id;
}

// Accept or reject: the party's due-diligence record (TP-2) and a finding per knockout.
Status Decide(CommandContext& c, const domain::Actor& actor, json::object& q, bool accept,
              const std::string& note, const policy::ReviewsPolicy& policy) {
  domain::QuestionnaireScore score = domain::Score(q);
  q["score"] = domain::ScoreJson(score);
  std::string party_id = StateString(q, "party_id");
  json::array evidence;
  for (const auto& d : EvidenceOf(q)) evidence.emplace_back(d);
  std::string result = !accept ? "failed" : score.knockouts.empty() ? "passed" : "conditional";
  std::string summary = "Questionnaire \"" + StateString(q, "title") + "\" " +
                        (accept ? "accepted" : "rejected") + ", score " +
                        std::to_string(score.score) + "%";
  if (!score.knockouts.empty()) {
    summary += ", " + std::to_string(score.knockouts.size()) + " knockout answer(s)";
  }
  if (!note.empty()) summary += ". " + note;
  if (summary.size() > 4000) summary.resize(4000);
  json::object record{{"date", FormatRfc3339(c.Now())},
                      {"reviewer", ReviewerName(c.tx(), actor)},
                      {"result", result},
                      {"scope", "security"},
                      {"summary", summary},
                      {"evidence", std::move(evidence)}};
  if (accept) record["next_due_at"] = FormatRfc3339(c.Now() + std::chrono::days(365));
  auto dd = CreateRegistryObject(c, "due_diligence", party_id, record, actor);
  if (!dd.ok()) return std::move(dd).error();
  q["due_diligence_id"] = StateString(dd->as_object(), "id");
  json::array findings;
  for (const auto& id : score.knockouts) {
    std::string text = QuestionText(q, id);
    if (text.size() > 150) text = text.substr(0, 150) + "…";
    auto f = OpenFinding(
        c, actor,
        NewFinding{.title = "Knockout answer: " + text,
                   .description = "The party's questionnaire \"" + StateString(q, "title") +
                                  "\" answered a question with an answer that "
                                  "fails due diligence on its own (question " +
                                  id + ").",
                   .severity = "high",
                   .party_id = party_id,
                   .source_kind = "questionnaire",
                   .source_id = StateString(q, "id"),
                   .rule = "questionnaire_knockout"},
        policy);
    if (!f.ok()) return std::move(f).error();
    findings.emplace_back(StateString(*f, "id"));
  }
  q["finding_ids"] = std::move(findings);
  q["decided_at"] = FormatRfc3339(c.Now());
  q["decided_by"] = domain::ActorJson(actor);
  if (!note.empty()) q["decision_note"] = note;
  if (accept) q["next_due_at"] = FormatRfc3339(c.Now() + std::chrono::days(365));
  return Ok();
}

// apply_tier: the suggested (or the officer's) tier recorded on the party as an override of
// the computed one, with who, when and why (party.risk_tier_overridden).
Status ApplyTier(CommandContext& c, const domain::Actor& actor, json::object& q,
                 const json::object& body) {
  std::string tier = StateString(body, "tier");
  const json::value* score = q.if_contains("score");
  if (tier.empty() && score && score->is_object()) {
    tier = StateString(score->as_object(), "suggested_tier");
  }
  if (tier.empty()) return ValidationError("tier", "is required until the answers are scored");
  auto party = rs::Load(c.tx(), "party", StateString(q, "party_id"), "party");
  if (!party.ok()) return std::move(party).error();
  json::object p = std::move(*party);
  p.erase("risk_tier_override");
  json::object override{{"tier", tier},
                        {"computed", domain::InherentRiskTier(p)},
                        {"by", domain::ActorJson(actor)},
                        {"at", FormatRfc3339(c.Now())},
                        {"questionnaire_id", StateString(q, "id")}};
  if (std::string note = StateString(body, "note"); !note.empty()) override["reason"] = note;
  p["risk_tier_override"] = override;
  p["risk_tier"] = tier;
  rs::Bump(p, c.Now());
  auto appended = Append(c, "party", "party.risk_tier_overridden", actor, std::move(p));
  if (!appended.ok()) return std::move(appended).error();
  override.erase("questionnaire_id");
  q["tier_override"] = std::move(override);
  return Ok();
}

}  // namespace

Result<json::object> CreateQuestionnaireTemplate(CommandContext& c, const domain::Actor& actor,
                                                 const json::object& body) {
  ACCORD_TRY(CheckTemplateBody(c.tx(), body, ""));
  json::object state = body;
  std::string now = FormatRfc3339(c.Now());
  state["id"] = NewId("qtp", c.Now());
  state["question_count"] = static_cast<int64_t>(domain::QuestionCount(body));
  state["created_at"] = now;
  state["updated_at"] = now;
  state["version"] = 1;
  return Append(c, "questionnaire_template", "questionnaire_template.created", actor,
                std::move(state));
}

Result<json::object> ReviseQuestionnaireTemplate(CommandContext& c, const domain::Actor& actor,
                                                 const std::string& id, const json::object& body) {
  auto loaded = rs::Load(c.tx(), "questionnaire_template", id, "questionnaire template");
  if (!loaded.ok()) return std::move(loaded).error();
  ACCORD_TRY(CheckTemplateBody(c.tx(), body, id));
  json::object state = std::move(*loaded);
  for (const char* f : {"name", "description", "sections"}) {
    if (const json::value* v = body.if_contains(f)) {
      state[f] = *v;
    } else {
      state.erase(f);
    }
  }
  state["question_count"] = static_cast<int64_t>(domain::QuestionCount(body));
  rs::Bump(state, c.Now());
  return Append(c, "questionnaire_template", "questionnaire_template.revised", actor,
                std::move(state));
}

Result<json::object> InstallHipaaVendorTemplate(CommandContext& c, const domain::Actor& actor) {
  auto tmpl =
      domain::TemplateFromCsv(domain::HipaaVendorTemplateCsv(), domain::kHipaaVendorTemplateName);
  if (!tmpl.ok()) return std::move(tmpl).error();
  (*tmpl)["description"] =
      "Accord's questionnaire for vendors that handle ePHI, written from the HIPAA Security "
      "Rule's safeguards (45 CFR 164.308-316) and the third-party policy.";
  return CreateQuestionnaireTemplate(c, actor, *tmpl);
}

Result<json::object> SendQuestionnaire(CommandContext& c, const domain::Actor& actor,
                                       const std::string& party_id, const json::object& body) {
  auto party = GetObject(c.tx(), "party", party_id, Scope{});
  if (!party.ok()) return std::move(party).error();
  if (!party->has_value()) return NotFound("party " + party_id);
  std::vector<ErrorDetail> details;
  auto tmpl = GetObject(c.tx(), "questionnaire_template", StateString(body, "template_id"), {});
  if (!tmpl.ok()) return std::move(tmpl).error();
  if (!tmpl->has_value()) {
    details.push_back({"template_id",
                       "no questionnaire template has id " + StateString(body, "template_id"),
                       {}});
  }
  auto contact = GetObject(c.tx(), "contact", StateString(body, "contact_id"), Scope{party_id});
  if (!contact.ok()) return std::move(contact).error();
  if (!contact->has_value()) {
    details.push_back(
        {"contact_id", "no contact of this party has id " + StateString(body, "contact_id"), {}});
  }
  std::string due = StateString(body, "due_at");
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  auto q =
      NewQuestionnaire(c, (*tmpl)->doc, party_id, (*contact)->doc, due, StateString(body, "title"));
  if (!q.ok()) return std::move(q).error();
  const json::value* prefill = body.if_contains("prefill");
  if (prefill && prefill->is_bool() && prefill->as_bool()) {
    auto last = LastAccepted(c.tx(), party_id, StateString(body, "template_id"));
    if (!last.ok()) return std::move(last).error();
    if (last->has_value()) {
      (*q)["answers"] = Prefill(*q, **last);
      (*q)["previous_id"] = StateString(**last, "id");
    }
  }
  return SendEmailAndAppend(c, actor, std::move(*q));
}

Result<json::object> SaveQuestionnaireAnswers(CommandContext& c, const domain::Actor& actor,
                                              const std::string& id, const json::object& body,
                                              const Scope& scope) {
  auto loaded = GetObject(c.tx(), "questionnaire", id, scope);
  if (!loaded.ok()) return std::move(loaded).error();
  if (!loaded->has_value()) return NotFound("questionnaire " + id);
  json::object q = std::move((*loaded)->doc);
  wf::State from = wf::ParseState(StateString(q, "status")).value_or(wf::State::kSent);
  if (!wf::Next(from, wf::Action::kSave)) {
    return rs::Conflict("questionnaire " + id + " is " + std::string(wf::Name(from)), "action",
                        "possible: " + wf::PossibleActions(from));
  }
  const json::array& incoming = StateArray(body, "answers");
  ACCORD_TRY(CheckDocuments(c.tx(), StateString(q, "party_id"), incoming));
  json::array merged = Merge(StateArray(q, "answers"), incoming);
  std::vector<ErrorDetail> details;
  domain::CheckAnswers(q, merged, false, details);
  json::array follow_ups = StateArray(q, "follow_ups");
  const json::array& replies = StateArray(body, "replies");
  for (size_t i = 0; i < replies.size(); ++i) {
    const json::object& r = replies[i].as_object();
    bool found = false;
    for (auto& f : follow_ups) {
      json::object& fo = f.as_object();
      if (StateString(fo, "question") != StateString(r, "question") || fo.contains("replied_at")) {
        continue;
      }
      fo["reply"] = r.at("text");
      found = true;
    }
    if (!found) {
      details.push_back({"replies[" + std::to_string(i) + "].question",
                         "no open follow-up question is on " + StateString(r, "question"),
                         {}});
    }
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  q["answers"] = std::move(merged);
  q["follow_ups"] = std::move(follow_ups);
  rs::Bump(q, c.Now());
  return Append(c, "questionnaire", "questionnaire.answers_saved", actor, std::move(q));
}

Result<json::object> ActOnQuestionnaire(CommandContext& c, const domain::Actor& actor,
                                        const std::string& id, const json::object& body,
                                        const Scope& scope, const policy::ReviewsPolicy& policy) {
  auto loaded = GetObject(c.tx(), "questionnaire", id, scope);
  if (!loaded.ok()) return std::move(loaded).error();
  if (!loaded->has_value()) return NotFound("questionnaire " + id);
  json::object q = std::move((*loaded)->doc);
  auto action = wf::ParseAction(StateString(body, "action"));
  if (!action) return ValidationError("action", "is not a questionnaire action");
  wf::State from = wf::ParseState(StateString(q, "status")).value_or(wf::State::kSent);
  auto to = wf::Next(from, *action);
  if (!to) {
    return rs::Conflict("questionnaire " + id + " is " + std::string(wf::Name(from)), "action",
                        "possible: " + wf::PossibleActions(from));
  }
  std::string note = StateString(body, "note");
  std::string type;
  json::object extra;
  switch (*action) {
    case wf::Action::kSave:
      return ValidationError("action", "save answers with PUT on the questionnaire's answers");
    case wf::Action::kSubmit: {
      std::vector<ErrorDetail> details;
      domain::CheckAnswers(q, StateArray(q, "answers"), true, details);
      for (const auto& f : StateArray(q, "follow_ups")) {
        const json::object& fo = f.as_object();
        if (!fo.contains("replied_at") && StateString(fo, "reply").empty()) {
          details.push_back({"replies." + StateString(fo, "question"),
                             "the follow-up question needs a reply",
                             {}});
        }
      }
      if (!details.empty()) return domain::ValidationErrors(std::move(details));
      for (auto& f : q["follow_ups"].as_array()) {
        json::object& fo = f.as_object();
        if (!fo.contains("replied_at")) fo["replied_at"] = FormatRfc3339(c.Now());
      }
      auto sha = domain::AnswersSha256(StateArray(q, "answers"));
      if (!sha.ok()) return std::move(sha).error();
      const json::value* v = q.if_contains("answers_version");
      int64_t version = (v && v->is_int64() ? v->as_int64() : 0) + 1;
      q["answers_version"] = version;
      q["answers_sha256"] = *sha;
      q["submitted_at"] = FormatRfc3339(c.Now());
      q.erase("overdue");
      if (std::string prev = StateString(q, "previous_id"); !prev.empty()) {
        auto last = GetObject(c.tx(), "questionnaire", prev, Scope{});
        if (!last.ok()) return std::move(last).error();
        if (last->has_value()) {
          json::array changed;
          for (const auto& cid : domain::ChangedAnswers(StateArray((*last)->doc, "answers"),
                                                        StateArray(q, "answers"))) {
            changed.emplace_back(cid);
          }
          q["changed_since_previous"] = std::move(changed);
        }
      }
      ACCORD_TRY(Rescore(q));
      ACCORD_TRY(EmailOfficers(c.tx(), q,
                               "questionnaire:" + id + ":submitted:" + std::to_string(version),
                               "Questionnaire answered: " + StateString(q, "title"),
                               "A party submitted its answers to \"" + StateString(q, "title") +
                                   "\". Review them in the portal.",
                               c.Now()));
      type = "questionnaire.submitted";
      extra = {{"answers_sha256", *sha}, {"answers_version", version}};
      break;
    }
    case wf::Action::kReview:
      if (StateArray(body, "verdicts").empty()) {
        return ValidationError("verdicts", "give at least one verdict to record a review");
      }
      ACCORD_TRY(MergeVerdicts(q, body));
      ACCORD_TRY(Rescore(q));
      type = "questionnaire.reviewed";
      break;
    case wf::Action::kAsk: {
      const json::array& asks = StateArray(body, "questions");
      if (asks.empty()) return ValidationError("questions", "ask at least one follow-up question");
      ACCORD_TRY(MergeVerdicts(q, body));
      auto ids = QuestionIds(q);
      std::vector<ErrorDetail> details;
      json::array& follow_ups = q["follow_ups"].as_array();
      for (size_t i = 0; i < asks.size(); ++i) {
        const json::object& a = asks[i].as_object();
        std::string on = StateString(a, "question");
        if (!ids.contains(on)) {
          details.push_back(
              {"questions[" + std::to_string(i) + "].question", "no question has id " + on, {}});
          continue;
        }
        follow_ups.push_back(json::object{
            {"question", on}, {"text", a.at("text")}, {"asked_at", FormatRfc3339(c.Now())}});
      }
      if (!details.empty()) return domain::ValidationErrors(std::move(details));
      ACCORD_TRY(EmailContact(
          c.tx(), q, "questionnaire:" + id + ":ask:" + std::to_string(follow_ups.size()),
          "Follow-up questions on " + StateString(q, "title"),
          "Our reviewer has follow-up questions on your answers to \"" + StateString(q, "title") +
              "\". Sign in to the vendor portal to reply and submit again.",
          c.Now()));
      type = "questionnaire.follow_up_asked";
      break;
    }
    case wf::Action::kAccept:
    case wf::Action::kReject:
      ACCORD_TRY(MergeVerdicts(q, body));
      ACCORD_TRY(Decide(c, actor, q, *action == wf::Action::kAccept, note, policy));
      type = *action == wf::Action::kAccept ? "questionnaire.accepted" : "questionnaire.rejected";
      break;
    case wf::Action::kApplyTier:
      ACCORD_TRY(ApplyTier(c, actor, q, body));
      type = "questionnaire.tier_applied";
      break;
  }
  q["status"] = std::string(wf::Name(*to));
  rs::Bump(q, c.Now());
  return Append(c, "questionnaire", type, actor, std::move(q), std::move(extra));
}

}  // namespace accord::storage
