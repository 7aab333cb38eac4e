#include "accord/domain/questionnaire.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <map>
#include <set>

#include "accord/core/bytes.h"
#include "accord/core/csv.h"
#include "accord/core/jcs.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/domain/colleagues.h"
#include "accord/domain/soc2.h"

#include "input_fields.h"
#include "output_fields.h"
#include "questionnaire_detail.h"

namespace accord::domain {

namespace json = boost::json;
using F = FieldType;
using namespace output_fields;

namespace questionnaire_detail {

std::vector<FieldSpec> QuestionFields(bool scoring) {
  std::vector<FieldSpec> f = {
      {.name = "id",
       .type = F::kString,
       .required = true,
       .max_length = 40,
       .description = "unique in the template: letters, digits, - _ ."},
      {.name = "text", .type = F::kText, .required = true, .max_length = 2000},
      {.name = "type", .type = F::kEnum, .required = true, .values = QuestionTypes()},
      {.name = "choices", .type = F::kStringList, .max_length = 30},
      {.name = "required", .type = F::kBool},
      {.name = "help", .type = F::kText, .max_length = 2000},
      {.name = "show_if",
       .type = F::kObject,
       .fields = {{.name = "question", .type = F::kString, .required = true, .max_length = 40},
                  {.name = "equals", .type = F::kString, .required = true}},
       .description = "asked only when an earlier question has this answer"},
      {.name = "citations",
       .type = F::kStringList,
       .max_length = 20,
       .description = "HIPAA citations such as 164.312(a)(2)(iv)"},
      {.name = "rules",
       .type = F::kStringList,
       .max_length = 20,
       .description = "the profile's rules it evidences, such as TP-2"},
  };
  if (scoring) {
    f.push_back({.name = "weight",
                 .type = F::kInt,
                 .min = 0,
                 .max = 10,
                 .description = "scoring weight (default 1; 0 = not scored)"});
    f.push_back({.name = "knockout",
                 .type = F::kStringList,
                 .max_length = 10,
                 .description = "answers that fail the questionnaire on their own"});
  }
  return f;
}

}  // namespace questionnaire_detail

using namespace questionnaire_detail;

namespace {

using input_fields::Internal;

void AddMeta(std::vector<FieldSpec>& fields, bool party) {
  fields.push_back(Out("id"));
  for (const char* f : {"created_at", "updated_at"}) fields.push_back(Out(f, F::kTime));
  fields.push_back(Out("version", F::kInt));
  if (party) fields.push_back(Out("party_id"));
}

std::vector<FieldSpec> SectionFields(bool scoring) {
  return {{.name = "title", .type = F::kString, .required = true},
          {.name = "questions",
           .type = F::kObjectList,
           .required = true,
           .max_length = 500,
           .fields = QuestionFields(scoring)}};
}

FieldSpec Sections(bool scoring) {
  return {.name = "sections",
          .type = F::kObjectList,
          .required = true,
          .max_length = 50,
          .fields = SectionFields(scoring)};
}

std::vector<FieldSpec> AnswerItemFields() {
  return {{.name = "question", .type = F::kString, .required = true, .max_length = 40},
          {.name = "value", .type = F::kText, .max_length = 4000},
          {.name = "document_ids", .type = F::kIdList, .max_length = 20},
          {.name = "note", .type = F::kText, .max_length = 2000}};
}

std::vector<FieldSpec> QuestionTextFields() {
  return {{.name = "question", .type = F::kString, .required = true, .max_length = 40},
          {.name = "text", .type = F::kText, .required = true, .max_length = 2000}};
}

std::string Str(const json::object& o, std::string_view key) { return StateString(o, key); }

bool ValidId(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

bool ValidRuleId(std::string_view r) {
  size_t dash = r.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= r.size()) return false;
  for (size_t i = 0; i < dash; ++i) {
    if (!std::isupper(static_cast<unsigned char>(r[i]))) return false;
  }
  for (size_t i = dash + 1; i < r.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(r[i]))) return false;
  }
  return true;
}

bool Contains(const json::array& a, std::string_view s) {
  return std::any_of(a.begin(), a.end(),
                     [&](const json::value& v) { return v.is_string() && v.as_string() == s; });
}

// The answers a question of this type may take ("" = any text).
bool AnswerFits(const json::object& q, std::string_view value) {
  std::string type = Str(q, "type");
  if (type == "yes_no") return value == "yes" || value == "no" || value == "n/a";
  if (type == "choice") return Contains(StateArray(q, "choices"), value);
  if (type == "date") {
    return value.size() == 10 && ParseRfc3339(std::string(value) + "T00:00:00Z").ok();
  }
  return true;
}

std::string Expected(const json::object& q) {
  std::string type = Str(q, "type");
  if (type == "yes_no") return "must be yes, no or n/a";
  if (type == "date") return "must be a date (YYYY-MM-DD)";
  std::string list;
  for (const auto& c : StateArray(q, "choices")) {
    if (!list.empty()) list += ", ";
    list += c.is_string() ? std::string(c.as_string()) : "";
  }
  return "must be one of: " + list;
}

struct Flat {
  const json::object* q;
  std::string path;  // sections[i].questions[j]
};

std::vector<Flat> FlatQuestions(const json::object& o) {
  std::vector<Flat> out;
  const json::array& sections = StateArray(o, "sections");
  for (size_t i = 0; i < sections.size(); ++i) {
    if (!sections[i].is_object()) continue;
    const json::array& qs = StateArray(sections[i].as_object(), "questions");
    for (size_t j = 0; j < qs.size(); ++j) {
      if (!qs[j].is_object()) continue;
      out.push_back({&qs[j].as_object(),
                     "sections[" + std::to_string(i) + "].questions[" + std::to_string(j) + "]"});
    }
  }
  return out;
}

std::map<std::string, const json::object*> AnswersById(const json::array& answers) {
  std::map<std::string, const json::object*> out;
  for (const auto& a : answers) {
    if (a.is_object()) out[Str(a.as_object(), "question")] = &a.as_object();
  }
  return out;
}

bool Answered(const json::object* a) {
  if (!a) return false;
  return !Str(*a, "value").empty() || !StateArray(*a, "document_ids").empty();
}

// Which questions are shown, given the answers: a condition needs its question shown and
// answered with the value; questions come in order, so one pass decides.
std::set<std::string> Shown(const std::vector<Flat>& flat,
                            const std::map<std::string, const json::object*>& answers) {
  std::set<std::string> shown;
  for (const auto& f : flat) {
    const json::value* cond = f.q->if_contains("show_if");
    if (cond && cond->is_object()) {
      std::string on = Str(cond->as_object(), "question");
      auto a = answers.find(on);
      if (!shown.contains(on) || a == answers.end() ||
          Str(*a->second, "value") != Str(cond->as_object(), "equals")) {
        continue;
      }
    }
    shown.insert(Str(*f.q, "id"));
  }
  return shown;
}

}  // namespace

const std::vector<std::string>& QuestionTypes() {
  static const std::vector<std::string> kTypes = {"yes_no", "choice", "text", "date", "file"};
  return kTypes;
}

KindSpec QuestionnaireTemplateKind() {
  KindSpec k{.kind = "questionnaire_template",
             .id_prefix = "qtp",
             .name_field = "name",
             .unique_name = true,
             .generic_write = false};
  k.fields = TemplateFields();
  k.fields.push_back(SectionAssignmentsField());  // issue 28, item 2 (domain/colleagues.h)
  k.fields.push_back(OutOpt("question_count", F::kInt));
  AddMeta(k.fields, false);
  return k;
}

KindSpec QuestionnaireKind() {
  KindSpec k{.kind = "questionnaire",
             .id_prefix = "qst",
             .parent_kind = "party",
             .name_field = "title",
             .tag_field = "template_id",
             .status_field = "status",
             .generic_write = false};
  k.fields = {
      Out("title"),
      Out("template_id"),
      Out("template_version", F::kInt),
      Out("contact_id"),
      OutObject("contact", {Out("name"), OutOpt("email", F::kEmail)}),
      Out("due_at", F::kTime),
      Out("status"),
      OutOpt("overdue", F::kBool),
      Out("sections", F::kObjectList),
      Out("answers", F::kObjectList),
      Out("answers_version", F::kInt),
      OutOpt("submitted_at", F::kTime),
      OutOpt("answers_sha256"),
      OutObject("follow_ups",
                {Out("question"), Out("text", F::kText), OutOpt("reply", F::kText),
                 OutOpt("asked_at", F::kTime), OutOpt("replied_at", F::kTime)},
                false, F::kObjectList),
      OutOpt("previous_id"),
      OutOpt("decided_at", F::kTime),
      ActorOut("decided_by"),
      OutOpt("next_due_at", F::kTime),
      OutOpt("renewed_by"),
      Internal(OutObject("scoring",
                         {Out("question"), Out("weight", F::kInt), Out("knockout", F::kStringList)},
                         false, F::kObjectList)),
      Internal(OutObject("reviews", {Out("question"), Out("verdict"), OutOpt("note", F::kText)},
                         false, F::kObjectList)),
      Internal(OutObject("score",
                         {Out("score", F::kInt), Out("earned", F::kInt), Out("possible", F::kInt),
                          Out("knockouts", F::kStringList), Out("suggested_tier")})),
      Internal(OutOpt("changed_since_previous", F::kStringList)),
      Internal(OutOpt("decision_note", F::kText)),
      Internal(OutOpt("due_diligence_id")),
      Internal(OutOpt("finding_ids", F::kIdList)),
      Internal(OutObject("tier_override", {Out("tier"), Out("computed"), OutOpt("reason", F::kText),
                                           ActorOut("by"), Out("at", F::kTime)})),
  };
  k.fields.push_back(
      Internal(OutObject("previous_answers", AnswerItemFields(), false, F::kObjectList)));
  k.fields.push_back(SectionAssignmentsField());  // issue 28, item 2 (domain/colleagues.h)
  k.fields.push_back(OutOpt("question_count", F::kInt));
  k.fields.push_back(OutOpt("answer_count", F::kInt));
  k.fields.push_back(OutOpt("allowed_actions", F::kStringList));
  AddMeta(k.fields, true);
  return k;
}

const std::vector<FieldSpec>& TemplateFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "name", .type = F::kString, .required = true},
      {.name = "description", .type = F::kText, .max_length = 4000},
      Sections(true)};
  return kFields;
}

const std::vector<FieldSpec>& SendFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "template_id", .type = F::kId, .required = true},
      {.name = "contact_id",
       .type = F::kId,
       .required = true,
       .description = "the party's contact who answers (emailed)"},
      {.name = "due_at", .type = F::kTime, .required = true},
      {.name = "title", .type = F::kString},
      {.name = "prefill",
       .type = F::kBool,
       .description = "pre-fill with the party's last accepted answers to this template"}};
  return kFields;
}

const std::vector<FieldSpec>& AnswerFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "answers",
       .type = F::kObjectList,
       .max_length = 1000,
       .fields = AnswerItemFields(),
       .description = "answers to save; an empty value without documents clears one"},
      {.name = "replies",
       .type = F::kObjectList,
       .max_length = 500,
       .fields = QuestionTextFields(),
       .description = "replies to the officer's follow-up questions"}};
  return kFields;
}

const std::vector<FieldSpec>& QuestionnaireActionFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "action",
       .type = F::kEnum,
       .required = true,
       .values = {"submit", "review", "ask", "accept", "reject", "apply_tier"}},
      {.name = "verdicts",
       .type = F::kObjectList,
       .max_length = 1000,
       .fields = {{.name = "question", .type = F::kString, .required = true, .max_length = 40},
                  {.name = "verdict",
                   .type = F::kEnum,
                   .required = true,
                   .values = {"ok", "concern", "unacceptable"}},
                  {.name = "note", .type = F::kText, .max_length = 2000}},
       .description = "review: the officer's verdict per answer"},
      {.name = "questions",
       .type = F::kObjectList,
       .max_length = 200,
       .fields = QuestionTextFields(),
       .description = "ask: follow-up questions, each on one question"},
      {.name = "note", .type = F::kText, .max_length = 4000},
      {.name = "tier", .type = F::kEnum, .values = {"low", "medium", "high"}}};
  return kFields;
}

void CheckTemplate(const json::object& tmpl, std::vector<ErrorDetail>& details) {
  std::map<std::string, const json::object*> seen;
  for (const auto& f : FlatQuestions(tmpl)) {
    const json::object& q = *f.q;
    std::string id = Str(q, "id");
    if (!ValidId(id)) {
      details.push_back({f.path + ".id", "must be letters, digits, - _ or . only", {}});
    } else if (seen.contains(id)) {
      details.push_back({f.path + ".id", "is used by another question: " + id, {}});
    }
    bool choice = Str(q, "type") == "choice";
    size_t choices = StateArray(q, "choices").size();
    if (choice && choices < 2) {
      details.push_back({f.path + ".choices", "a choice question needs at least two", {}});
    }
    if (!choice && choices > 0) {
      details.push_back({f.path + ".choices", "only a choice question has choices", {}});
    }
    if (const json::value* c = q.if_contains("show_if"); c && c->is_object()) {
      std::string on = Str(c->as_object(), "question");
      auto it = seen.find(on);
      if (it == seen.end()) {
        details.push_back({f.path + ".show_if.question", "must name an earlier question", {}});
      } else if (!AnswerFits(*it->second, Str(c->as_object(), "equals")) ||
                 Str(*it->second, "type") == "text" || Str(*it->second, "type") == "file") {
        details.push_back(
            {f.path + ".show_if.equals", "must be an answer of a yes/no or choice question", {}});
      }
    }
    for (const auto& k : StateArray(q, "knockout")) {
      std::string v = k.is_string() ? std::string(k.as_string()) : "";
      std::string type = Str(q, "type");
      if ((type != "yes_no" && type != "choice") || !AnswerFits(q, v)) {
        details.push_back({f.path + ".knockout",
                           "must be answers the yes/no or choice question can take: " + v,
                           {}});
      }
    }
    for (const auto& c : StateArray(q, "citations")) {
      if (!c.is_string()) continue;
      if (auto problem = HipaaCitationProblem(c.as_string())) {
        details.push_back(
            {f.path + ".citations", std::string(c.as_string()) + ": " + *problem, {}});
      }
    }
    for (const auto& r : StateArray(q, "rules")) {
      if (r.is_string() && !ValidRuleId(r.as_string())) {
        details.push_back(
            {f.path + ".rules", std::string(r.as_string()) + ": must be a rule id like TP-2", {}});
      }
    }
    if (ValidId(id) && !seen.contains(id)) seen[id] = &q;
  }
  if (seen.empty() && details.empty()) {
    details.push_back({"sections", "must hold at least one question", {}});
  }
}

json::array QuestionsOf(const json::object& tmpl) {
  json::array out;
  for (const auto& s : StateArray(tmpl, "sections")) {
    if (!s.is_object()) continue;
    json::object section = s.as_object();
    json::array qs;
    for (const auto& q : StateArray(s.as_object(), "questions")) {
      if (!q.is_object()) continue;
      json::object copy = q.as_object();
      copy.erase("weight");
      copy.erase("knockout");
      qs.push_back(std::move(copy));
    }
    section["questions"] = std::move(qs);
    out.push_back(std::move(section));
  }
  return out;
}

json::array ScoringOf(const json::object& tmpl) {
  json::array out;
  for (const auto& f : FlatQuestions(tmpl)) {
    const json::value* w = f.q->if_contains("weight");
    json::array knockout = StateArray(*f.q, "knockout");
    out.push_back(json::object{{"question", Str(*f.q, "id")},
                               {"weight", w && w->is_int64() ? w->as_int64() : 1},
                               {"knockout", std::move(knockout)}});
  }
  return out;
}

size_t QuestionCount(const json::object& questionnaire) {
  return FlatQuestions(questionnaire).size();
}

void CheckAnswers(const json::object& questionnaire, const json::array& answers, bool final,
                  std::vector<ErrorDetail>& details) {
  auto flat = FlatQuestions(questionnaire);
  std::map<std::string, const json::object*> questions;
  for (const auto& f : flat) questions[Str(*f.q, "id")] = f.q;
  auto by_id = AnswersById(answers);
  auto shown = Shown(flat, by_id);
  for (const auto& [id, a] : by_id) {
    std::string field = "answers." + id;
    auto q = questions.find(id);
    if (q == questions.end()) {
      details.push_back({field, "no question has id " + id, {}});
      continue;
    }
    if (!Answered(a)) continue;
    if (!shown.contains(id)) {
      details.push_back({field, "is not asked with the answers given to earlier questions", {}});
      continue;
    }
    std::string value = Str(*a, "value");
    if (!value.empty() && !AnswerFits(*q->second, value)) {
      details.push_back({field, Expected(*q->second), {}});
    }
  }
  if (!final) return;
  for (const auto& f : flat) {
    std::string id = Str(*f.q, "id");
    const json::value* req = f.q->if_contains("required");
    if (!req || !req->is_bool() || !req->as_bool() || !shown.contains(id)) continue;
    auto a = by_id.find(id);
    bool file = Str(*f.q, "type") == "file";
    bool ok = a != by_id.end() &&
              (file ? !StateArray(*a->second, "document_ids").empty() : Answered(a->second));
    if (!ok) {
      details.push_back({"answers." + id, file ? "needs a document attached" : "is required", {}});
    }
  }
}

Result<std::string> AnswersSha256(const json::array& answers) {
  auto canonical = Canonicalize(answers);
  if (!canonical.ok()) return std::move(canonical).error();
  Hash h = Sha256(*canonical);
  return HexEncode(h);
}

QuestionnaireScore Score(const json::object& questionnaire) {
  QuestionnaireScore s;
  auto flat = FlatQuestions(questionnaire);
  auto by_id = AnswersById(StateArray(questionnaire, "answers"));
  auto shown = Shown(flat, by_id);
  std::map<std::string, const json::object*> scoring, verdicts;
  for (const auto& v : StateArray(questionnaire, "scoring")) {
    if (v.is_object()) scoring[Str(v.as_object(), "question")] = &v.as_object();
  }
  for (const auto& v : StateArray(questionnaire, "reviews")) {
    if (v.is_object()) verdicts[Str(v.as_object(), "question")] = &v.as_object();
  }
  int earned2 = 0;  // in half points: a concern earns half
  for (const auto& f : flat) {
    std::string id = Str(*f.q, "id");
    if (!shown.contains(id)) continue;
    int weight = 1;
    const json::array* knockout = nullptr;
    if (auto it = scoring.find(id); it != scoring.end()) {
      const json::value* w = it->second->if_contains("weight");
      if (w && w->is_int64()) weight = static_cast<int>(w->as_int64());
      knockout = &StateArray(*it->second, "knockout");
    }
    auto a = by_id.find(id);
    std::string value = a != by_id.end() ? Str(*a->second, "value") : "";
    if (knockout && !value.empty() && Contains(*knockout, value)) s.knockouts.push_back(id);
    if (weight == 0 || value == "n/a") continue;
    s.possible += weight;
    bool good = a != by_id.end() && Answered(a->second);
    std::string type = Str(*f.q, "type");
    if (type == "yes_no") good = value == "yes";
    if (knockout && Contains(*knockout, value)) good = false;
    if (!good) continue;
    std::string verdict;
    if (auto v = verdicts.find(id); v != verdicts.end()) verdict = Str(*v->second, "verdict");
    if (verdict == "unacceptable") continue;
    earned2 += verdict == "concern" ? weight : 2 * weight;
  }
  s.earned = earned2 / 2;
  s.score = s.possible == 0 ? 100 : (earned2 * 50 + s.possible / 2) / s.possible;
  if (!s.knockouts.empty() || s.score < 60) {
    s.suggested_tier = "high";
  } else if (s.score < 85) {
    s.suggested_tier = "medium";
  } else {
    s.suggested_tier = "low";
  }
  return s;
}

json::object ScoreJson(const QuestionnaireScore& s) {
  json::array knockouts;
  for (const auto& k : s.knockouts) knockouts.emplace_back(k);
  return {{"score", s.score},
          {"earned", s.earned},
          {"possible", s.possible},
          {"knockouts", std::move(knockouts)},
          {"suggested_tier", s.suggested_tier}};
}

std::vector<std::string> ChangedAnswers(const json::array& before, const json::array& after) {
  auto a = AnswersById(before), b = AnswersById(after);
  std::set<std::string> ids;
  for (const auto& [id, _] : a) ids.insert(id);
  for (const auto& [id, _] : b) ids.insert(id);
  std::vector<std::string> out;
  auto same = [](const json::object* x, const json::object* y) {
    if (!x || !y) return Answered(x) == Answered(y) && !Answered(x);
    return Str(*x, "value") == Str(*y, "value") &&
           StateArray(*x, "document_ids") == StateArray(*y, "document_ids");
  };
  for (const auto& id : ids) {
    auto x = a.find(id), y = b.find(id);
    if (!same(x == a.end() ? nullptr : x->second, y == b.end() ? nullptr : y->second)) {
      out.push_back(id);
    }
  }
  return out;
}

}  // namespace accord::domain
