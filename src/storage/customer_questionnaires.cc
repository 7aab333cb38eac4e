#include "accord/storage/customer_questionnaires.h"

#include <boost/json.hpp>
#include <cmath>
#include <map>

#include "accord/core/bytes.h"
#include "accord/core/csv.h"
#include "accord/core/ids.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/domain/answer_library_match.h"
#include "accord/domain/registry.h"
#include "accord/storage/answer_library.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/report_requests.h"
#include "accord/workflow/answer_library.h"

namespace accord::storage {

namespace json = boost::json;
namespace wf = workflow::customer_questionnaire;
using domain::StateString;

namespace {

constexpr size_t kMaxQuestionBytes = 4000;
constexpr size_t kMaxAnswerBytes = 20000;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Trim(std::string_view s) {
  size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
  return a == std::string_view::npos ? "" : std::string(s.substr(a, b - a + 1));
}

// The column a header names, or the first whose name holds one of `words`.
Result<size_t> FindColumn(const CsvTable& table, const std::string& name,
                          std::initializer_list<const char*> words, const char* field,
                          std::optional<size_t> not_this) {
  std::string names;
  for (const auto& h : table.header) names += (names.empty() ? "" : ", ") + h;
  if (!name.empty()) {
    if (auto i = table.Column(name)) return *i;
    return ValidationError(field, "no column is named \"" + name + "\"; the header has " + names);
  }
  for (size_t i = 0; i < table.header.size(); ++i) {
    if (not_this && *not_this == i) continue;
    for (const char* w : words) {
      if (Lower(table.header[i]).find(w) != std::string::npos) return i;
    }
  }
  return ValidationError(field, "no column's name holds \"" + std::string(*words.begin()) +
                                    "\": name the column (the header has " + names + ")");
}

bool IsContact(const QuestionnaireViewer& v) { return !v.party_id.empty(); }

Result<std::optional<json::object>> LoadState(Tx& tx, const std::string& id) {
  auto row = tx.QueryOne("SELECT doc FROM rm_customer_questionnaires WHERE id = ?", {id});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<json::object>();
  return std::optional<json::object>(json::parse((*row)->Text(0)).as_object());
}

Result<std::vector<json::object>> LoadRows(Tx& tx, const std::string& id) {
  std::vector<json::object> rows;
  Status s = tx.ForEach(
      "SELECT doc FROM rm_customer_questionnaire_rows WHERE questionnaire_id = ? ORDER BY row_no",
      {id}, [&](const Row& r) {
        rows.push_back(json::parse(r.Text(0)).as_object());
        return true;
      });
  if (!s.ok()) return std::move(s).error();
  return rows;
}

bool Visible(const QuestionnaireViewer& viewer, const json::object& state) {
  if (!IsContact(viewer)) return true;
  return StateString(state, "party_id") == viewer.party_id &&
         StateString(state, "status") == wf::Name(wf::State::kShared);
}

Result<json::object> View(Tx& tx, const QuestionnaireViewer& viewer, json::object state,
                          TimePoint now) {
  std::string party_id = StateString(state, "party_id");
  auto party = GetObject(tx, "party", party_id, Scope{});
  if (!party.ok()) return std::move(party).error();
  state["party_name"] = party->has_value() ? StateString((*party)->doc, "name") : "";
  auto nda = NdaInForce(tx, party_id, now);
  if (!nda.ok()) return std::move(nda).error();
  state["nda_in_force"] = nda->has_value();
  json::array actions;
  if (auto s = wf::ParseState(StateString(state, "status")); s && !IsContact(viewer)) {
    for (auto a : wf::AllowedActions(viewer.role, viewer.break_glass, *s)) {
      actions.emplace_back(wf::Name(a));
    }
  }
  state["allowed_actions"] = std::move(actions);
  if (IsContact(viewer)) {
    state.erase("created_by");
    state.erase("updated_by");
  }
  return state;
}

double Round3(double x) { return std::round(x * 1000.0) / 1000.0; }

Result<json::object> Record(CommandContext& c, const domain::Actor& actor,
                            const QuestionnaireViewer& viewer, const std::string& type,
                            json::object state, std::optional<json::array> rows) {
  json::object payload{{"state", state}};
  if (rows) payload["rows"] = std::move(*rows);
  auto index =
      c.Append(domain::Event{.type = type,
                             .actor = actor,
                             .subject = {"customer_questionnaire", StateString(state, "id")},
                             .payload = std::move(payload)});
  if (!index.ok()) return std::move(index).error();
  return View(c.tx(), viewer, std::move(state), c.Now());
}

Error Refused(wf::State from, std::string_view action) {
  return Error{ErrorCode::kConflict,
               "the questionnaire is " + std::string(wf::Name(from)) + ": it cannot take " +
                   std::string(action) + "; possible: " + wf::PossibleActions(from),
               {{"action", "possible: " + wf::PossibleActions(from), {}}}};
}

int64_t Answered(const std::vector<json::object>& rows) {
  int64_t n = 0;
  for (const auto& r : rows) n += !StateString(r, "question").empty() && r.at("answer").is_string();
  return n;
}

// The `answer` action: every entry checked before any row changes; returns the rows changed.
Result<json::array> Answer(CommandContext& c, const domain::Actor& actor, const json::object& body,
                           std::vector<json::object>& rows) {
  auto approved = ApprovedLibraryAnswers(c.tx());
  if (!approved.ok()) return std::move(approved).error();
  std::map<std::string, const json::object*> library;
  for (const auto& a : *approved) library[StateString(a, "id")] = &a;
  std::map<int64_t, json::object> changed;
  std::string now = FormatRfc3339(c.Now());
  auto confirm = [&](json::object& row, const json::object* from, std::string text) {
    json::object out = row;
    bool edited = !from || StateString(*from, "answer") != text;
    out["answer"] = text;
    out["answer_id"] = from ? json::value(StateString(*from, "id")) : json::value(nullptr);
    out["answer_version"] = from ? from->at("version") : json::value(nullptr);
    out["edited"] = edited;
    out["answered_at"] = now;
    out["answered_by"] = domain::ActorJson(actor);
    changed[row.at("row").to_number<int64_t>()] = out;
  };
  for (const auto& [k, _] : body) {
    if (k != "action" && k != "answers" && k != "accept_suggestions") {
      return ValidationError(std::string(k), "is not a field of the answer action");
    }
  }
  if (const json::value* list = body.if_contains("answers")) {
    if (!list->is_array()) return ValidationError("answers", "must be a list of {row, answer}");
    for (size_t i = 0; i < list->as_array().size(); ++i) {
      std::string at = "answers[" + std::to_string(i) + "]";
      const json::value& e = list->as_array()[i];
      if (!e.is_object()) return ValidationError(at, "must be {row, answer_id?, answer?}");
      const json::object& o = e.as_object();
      const json::value* row_no = o.if_contains("row");
      if (!row_no || !row_no->is_int64() || row_no->as_int64() < 1 ||
          row_no->as_int64() > static_cast<int64_t>(rows.size()) ||
          StateString(rows[row_no->as_int64() - 1], "question").empty()) {
        return ValidationError(at + ".row", "must be the number of a row that asks a question");
      }
      json::object& row = rows[row_no->as_int64() - 1];
      const json::object* from = nullptr;
      if (std::string id = StateString(o, "answer_id"); !id.empty()) {
        auto it = library.find(id);
        if (it == library.end()) {
          return ValidationError(at + ".answer_id", "is not an approved answer of the library");
        }
        from = it->second;
      }
      const json::value* text = o.if_contains("answer");
      if (text && (!text->is_string() || Trim(text->as_string()).empty() ||
                   text->as_string().size() > kMaxAnswerBytes)) {
        return ValidationError(at + ".answer", "must be a text of 1 to 20000 characters");
      }
      if (!text && !from) return ValidationError(at, "needs answer_id or answer");
      confirm(row, from, text ? std::string(text->as_string()) : StateString(*from, "answer"));
    }
  }
  if (const json::value* min = body.if_contains("accept_suggestions")) {
    if (!min->is_number() || min->to_number<double>() < 0 || min->to_number<double>() > 1) {
      return ValidationError("accept_suggestions", "must be a score from 0 to 1");
    }
    double floor = min->to_number<double>();
    for (auto& row : rows) {
      int64_t n = row.at("row").to_number<int64_t>();
      if (changed.contains(n) || !row.at("answer").is_null()) continue;
      const json::value* s = row.if_contains("suggestions");
      if (!s || !s->is_array() || s->as_array().empty()) continue;
      const json::object& best = s->as_array()[0].as_object();
      auto it = library.find(StateString(best, "answer_id"));
      if (it == library.end() || best.at("score").to_number<double>() < floor) continue;
      confirm(row, it->second, StateString(*it->second, "answer"));
    }
  }
  if (changed.empty()) {
    return ValidationError("answers", "confirms no row: give answers or accept_suggestions");
  }
  json::array out;
  for (auto& [n, row] : changed) {
    rows[n - 1] = row;
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

Result<json::object> ImportCustomerQuestionnaire(CommandContext& c, const domain::Actor& actor,
                                                 const QuestionnaireViewer& viewer,
                                                 const QuestionnaireImport& in) {
  if (auto refusal = wf::RoleRefusal(viewer.role, viewer.break_glass)) return *refusal;
  if (in.party_id.empty()) return ValidationError("party_id", "is required: the customer's id");
  auto party = GetObject(c.tx(), "party", in.party_id, Scope{});
  if (!party.ok()) return std::move(party).error();
  if (!party->has_value()) return ValidationError("party_id", "no party has this id");
  if (StateString((*party)->doc, "status") == "offboarded") {
    return ValidationError("party_id", "the party is offboarded");
  }
  std::string name = Trim(in.name);
  if (name.empty() || name.size() > 200) {
    return ValidationError("name", "is required: 1 to 200 characters");
  }
  auto table = ParseCsv(in.csv, CsvOptions{.max_rows = kMaxQuestionnaireRows});
  if (!table.ok()) return std::move(table).error();
  auto q = FindColumn(*table, in.question_column, {"question"}, "question_column", std::nullopt);
  if (!q.ok()) return std::move(q).error();
  auto a =
      FindColumn(*table, in.answer_column, {"answer", "response", "reply"}, "answer_column", *q);
  if (!a.ok()) return std::move(a).error();
  if (*a == *q) return ValidationError("answer_column", "must not be the question column");

  auto approved = ApprovedLibraryAnswers(c.tx());
  if (!approved.ok()) return std::move(approved).error();
  std::vector<domain::AnswerMatcher::Entry> entries;
  for (const auto& ans : *approved) {
    entries.push_back({StateString(ans, "question"), StateString(ans, "answer")});
  }
  domain::AnswerMatcher matcher(entries);
  json::array rows;
  int64_t questions = 0;
  for (size_t i = 0; i < table->rows.size(); ++i) {
    const CsvRow& r = table->rows[i];
    std::string question = Trim(r.fields[*q]);
    if (question.size() > kMaxQuestionBytes) {
      return Error{ErrorCode::kValidationFailed,
                   "line " + std::to_string(r.line) + ": the question is longer than 4000 bytes",
                   {{"row", "the question is longer than 4000 bytes", r.line}}};
    }
    json::array suggestions;
    if (!question.empty()) {
      ++questions;
      for (const auto& s : matcher.Match(question, 3)) {
        const json::object& ans = (*approved)[s.entry];
        suggestions.push_back(json::object{{"answer_id", StateString(ans, "id")},
                                           {"version", ans.at("version")},
                                           {"question", StateString(ans, "question")},
                                           {"score", Round3(s.score)}});
      }
    }
    json::array cells;
    for (const auto& f : r.fields) cells.emplace_back(f);
    rows.push_back(json::object{{"row", static_cast<int64_t>(i + 1)},
                                {"line", r.line},
                                {"cells", std::move(cells)},
                                {"question", question},
                                {"suggestions", std::move(suggestions)},
                                {"answer", nullptr},
                                {"answer_id", nullptr},
                                {"answer_version", nullptr},
                                {"edited", false},
                                {"answered_at", nullptr},
                                {"answered_by", nullptr}});
  }
  if (questions == 0) {
    return ValidationError("body",
                           "no row asks a question in the column \"" + table->header[*q] + "\"");
  }
  json::array header;
  for (const auto& h : table->header) header.emplace_back(h);
  std::string now = FormatRfc3339(c.Now());
  json::object state{{"id", NewId("cqn", c.Now())},
                     {"party_id", in.party_id},
                     {"name", name},
                     {"status", wf::Name(wf::State::kOpen)},
                     {"header", std::move(header)},
                     {"question_column", table->header[*q]},
                     {"answer_column", table->header[*a]},
                     {"rows", static_cast<int64_t>(rows.size())},
                     {"questions", questions},
                     {"answered", 0},
                     {"library_size", static_cast<int64_t>(approved->size())},
                     {"file_sha256", HexEncode(Sha256(in.csv))},
                     {"created_at", now},
                     {"created_by", domain::ActorJson(actor)},
                     {"updated_at", now},
                     {"updated_by", domain::ActorJson(actor)},
                     {"shared_at", nullptr}};
  json::array items = rows;
  auto view = Record(c, actor, viewer, "customer_questionnaire.imported", std::move(state),
                     std::move(rows));
  if (!view.ok()) return view;
  (*view)["items"] = std::move(items);
  return view;
}

Result<json::object> CustomerQuestionnaireAction(CommandContext& c, const domain::Actor& actor,
                                                 const QuestionnaireViewer& viewer,
                                                 const std::string& id, const json::object& body) {
  auto loaded = LoadState(c.tx(), id);
  if (!loaded.ok()) return std::move(loaded).error();
  if (!loaded->has_value() || !Visible(viewer, **loaded)) {
    return NotFound("customer questionnaire " + id);
  }
  json::object state = std::move(**loaded);
  std::string name = StateString(body, "action");
  auto action = wf::ParseAction(name);
  if (!action) {
    return ValidationError("action", "must be answer, complete, reopen, share or unshare");
  }
  if (auto refusal = wf::RoleRefusal(viewer.role, viewer.break_glass)) return *refusal;
  auto from = wf::ParseState(StateString(state, "status")).value_or(wf::State::kOpen);
  auto to = wf::Next(from, *action);
  if (!to) return Refused(from, name);
  if (*action != wf::Action::kAnswer && body.size() > 1) {
    for (const auto& [k, _] : body) {
      if (k != "action") return ValidationError(std::string(k), "only answer takes fields");
    }
  }
  std::optional<json::array> changed;
  if (*action == wf::Action::kAnswer || *action == wf::Action::kComplete) {
    auto rows = LoadRows(c.tx(), id);
    if (!rows.ok()) return std::move(rows).error();
    if (*action == wf::Action::kAnswer) {
      auto out = Answer(c, actor, body, *rows);
      if (!out.ok()) return std::move(out).error();
      changed = std::move(*out);
      state["answered"] = Answered(*rows);
    } else {
      std::vector<ErrorDetail> missing;
      for (const auto& r : *rows) {
        if (StateString(r, "question").empty() || r.at("answer").is_string()) continue;
        if (missing.size() < 20) {
          missing.push_back({"rows[" + std::to_string(r.at("row").to_number<int64_t>()) + "]",
                             "has no confirmed answer", r.at("line").to_number<int>()});
        }
      }
      if (!missing.empty()) {
        int64_t left = state.at("questions").to_number<int64_t>() - Answered(*rows);
        return Error{ErrorCode::kConflict,
                     std::to_string(left) + " questions have no confirmed answer yet",
                     std::move(missing)};
      }
    }
  }
  if (*action == wf::Action::kShare) {
    auto nda = NdaInForce(c.tx(), StateString(state, "party_id"), c.Now());
    if (!nda.ok()) return std::move(nda).error();
    if (!nda->has_value()) {
      return Error{ErrorCode::kConflict,
                   "the customer has no executed NDA in force: record one before sharing",
                   {{"nda", "no executed NDA of the party is in force", {}}}};
    }
    state["shared_at"] = FormatRfc3339(c.Now());
  }
  if (*action == wf::Action::kUnshare || *action == wf::Action::kReopen) {
    state["shared_at"] = nullptr;
  }
  state["status"] = wf::Name(*to);
  state["updated_at"] = FormatRfc3339(c.Now());
  state["updated_by"] = domain::ActorJson(actor);
  static const std::map<wf::Action, const char*> kTypes = {
      {wf::Action::kAnswer, "customer_questionnaire.answered"},
      {wf::Action::kComplete, "customer_questionnaire.completed"},
      {wf::Action::kReopen, "customer_questionnaire.reopened"},
      {wf::Action::kShare, "customer_questionnaire.shared"},
      {wf::Action::kUnshare, "customer_questionnaire.unshared"}};
  return Record(c, actor, viewer, kTypes.at(*action), std::move(state), std::move(changed));
}

Result<json::array> ListCustomerQuestionnaires(Tx& tx, const QuestionnaireViewer& viewer,
                                               const std::string& party_id, TimePoint now,
                                               size_t limit) {
  std::string party = IsContact(viewer) ? viewer.party_id : party_id;
  std::string status = IsContact(viewer) ? "shared" : "";
  auto rows = tx.Query(
      "SELECT doc FROM rm_customer_questionnaires WHERE (? = '' OR party_id = ?) AND "
      "(? = '' OR status = ?) ORDER BY id DESC LIMIT ?",
      {party, party, status, status, static_cast<int64_t>(limit)});
  if (!rows.ok()) return std::move(rows).error();
  json::array out;
  for (const auto& r : *rows) {
    auto v = View(tx, viewer, json::parse(r.Text(0)).as_object(), now);
    if (!v.ok()) return std::move(v).error();
    out.push_back(std::move(*v));
  }
  return out;
}

Result<std::optional<json::object>> GetCustomerQuestionnaire(Tx& tx,
                                                             const QuestionnaireViewer& viewer,
                                                             const std::string& id, TimePoint now) {
  auto loaded = LoadState(tx, id);
  if (!loaded.ok()) return std::move(loaded).error();
  if (!loaded->has_value() || !Visible(viewer, **loaded)) return std::optional<json::object>();
  auto rows = LoadRows(tx, id);
  if (!rows.ok()) return std::move(rows).error();
  auto view = View(tx, viewer, std::move(**loaded), now);
  if (!view.ok()) return std::move(view).error();
  json::array items;
  for (auto& r : *rows) {
    if (IsContact(viewer)) {
      items.push_back(json::object{{"row", r.at("row")},
                                   {"line", r.at("line")},
                                   {"cells", r.at("cells")},
                                   {"question", r.at("question")},
                                   {"answer", r.at("answer")}});
    } else {
      items.push_back(std::move(r));
    }
  }
  (*view)["items"] = std::move(items);
  return std::optional<json::object>(std::move(*view));
}

Result<std::string> ExportCustomerQuestionnaireCsv(Tx& tx, const QuestionnaireViewer& viewer,
                                                   const std::string& id, TimePoint now) {
  auto loaded = LoadState(tx, id);
  if (!loaded.ok()) return std::move(loaded).error();
  if (!loaded->has_value() || !Visible(viewer, **loaded)) {
    return NotFound("customer questionnaire " + id);
  }
  const json::object& state = **loaded;
  if (IsContact(viewer)) {
    auto nda = NdaInForce(tx, viewer.party_id, now);
    if (!nda.ok()) return std::move(nda).error();
    if (!nda->has_value()) {
      return Error{ErrorCode::kForbidden,
                   "your organisation has no NDA with us in force: ask us for one first",
                   {{"nda", "no executed NDA of your organisation is in force", {}}}};
    }
  }
  auto rows = LoadRows(tx, id);
  if (!rows.ok()) return std::move(rows).error();
  std::string out;
  std::vector<std::string> header;
  size_t answer_col = 0;
  for (const auto& h : state.at("header").as_array()) {
    if (h.as_string() == StateString(state, "answer_column")) answer_col = header.size();
    header.emplace_back(h.as_string());
  }
  AppendCsvRow(out, header, CsvFormulas::kKeep);
  for (const auto& r : *rows) {
    const json::array& cells = r.at("cells").as_array();
    for (size_t i = 0; i < cells.size(); ++i) {
      bool ours = i == answer_col && r.at("answer").is_string();
      std::string_view value = ours ? r.at("answer").as_string() : cells[i].as_string();
      out +=
          (i ? "," : "") + CsvEscape(value, ours ? CsvFormulas::kNeutralize : CsvFormulas::kKeep);
    }
    out += "\r\n";
  }
  return out;
}

Result<std::string> DownloadCustomerQuestionnaire(CommandContext& c, const domain::Actor& actor,
                                                  const QuestionnaireViewer& viewer,
                                                  const std::string& id) {
  auto csv = ExportCustomerQuestionnaireCsv(c.tx(), viewer, id, c.Now());
  if (!csv.ok()) return csv;
  auto state = LoadState(c.tx(), id);
  if (!state.ok()) return std::move(state).error();
  json::object payload{{"questionnaire_id", id},
                       {"party_id", StateString(**state, "party_id")},
                       {"sha256", HexEncode(Sha256(*csv))}};
  auto index = c.Append(domain::Event{.type = "customer_questionnaire.downloaded",
                                      .actor = actor,
                                      .subject = {"customer_questionnaire", id},
                                      .payload = std::move(payload)});
  if (!index.ok()) return std::move(index).error();
  return csv;
}

}  // namespace accord::storage
