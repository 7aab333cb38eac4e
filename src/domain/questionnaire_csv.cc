// A questionnaire template as CSV, one row per question (docs/questionnaires.md): the API's
// import and export, and what the portal's spreadsheet conversion reads and writes.
#include <boost/json.hpp>
#include <map>
#include <set>

#include "accord/core/csv.h"
#include "accord/domain/questionnaire.h"
#include "questionnaire_detail.h"

namespace accord::domain {

namespace json = boost::json;
using F = FieldType;
using namespace questionnaire_detail;

namespace {

std::string Join(const json::array& a, char sep) {
  std::string out;
  for (const auto& v : a) {
    if (!v.is_string()) continue;
    if (!out.empty()) out += sep;
    out += v.as_string();
  }
  return out;
}

json::array Split(std::string_view s, char sep) {
  json::array out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    std::string_view part = s.substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.emplace_back(part);
    start = end + 1;
  }
  return out;
}

}  // namespace

const std::vector<std::string>& CsvTemplateHeader() {
  static const std::vector<std::string> kHeader = {"section",   "id",       "text",   "type",
                                                   "choices",   "required", "help",   "show_if",
                                                   "citations", "rules",    "weight", "knockout"};
  return kHeader;
}

std::string TemplateToCsv(const json::object& tmpl) {
  std::string out;
  AppendCsvRow(out, CsvTemplateHeader());
  for (const auto& s : StateArray(tmpl, "sections")) {
    if (!s.is_object()) continue;
    std::string section = StateString(s.as_object(), "title");
    for (const auto& qv : StateArray(s.as_object(), "questions")) {
      if (!qv.is_object()) continue;
      const json::object& q = qv.as_object();
      std::string show_if;
      if (const json::value* c = q.if_contains("show_if"); c && c->is_object()) {
        show_if =
            StateString(c->as_object(), "question") + "=" + StateString(c->as_object(), "equals");
      }
      const json::value* req = q.if_contains("required");
      const json::value* weight = q.if_contains("weight");
      std::vector<std::string> row = {
          section,
          StateString(q, "id"),
          StateString(q, "text"),
          StateString(q, "type"),
          Join(StateArray(q, "choices"), '|'),
          req && req->is_bool() && req->as_bool() ? "yes" : "no",
          StateString(q, "help"),
          show_if,
          Join(StateArray(q, "citations"), '|'),
          Join(StateArray(q, "rules"), '|'),
          weight && weight->is_int64() ? std::to_string(weight->as_int64()) : "",
          Join(StateArray(q, "knockout"), '|')};
      AppendCsvRow(out, row);
    }
  }
  return out;
}

Result<json::object> TemplateFromCsv(std::string_view text, std::string_view name) {
  auto table = ParseCsv(text, CsvOptions{.max_rows = 5000, .max_fields = 20});
  if (!table.ok()) return std::move(table).error();
  std::vector<ErrorDetail> details;
  const auto& header = CsvTemplateHeader();
  for (const auto& h : table->header) {
    if (std::find(header.begin(), header.end(), h) == header.end()) {
      details.push_back({"header", "unknown column " + h, 1});
    }
  }
  for (const char* needed : {"section", "id", "text", "type"}) {
    if (!table->Column(needed))
      details.push_back({"header", "needs the column " + std::string(needed), 1});
  }
  if (!details.empty()) return ValidationErrors(std::move(details));
  if (table->rows.empty()) return ValidationError("file", "holds no questions");

  json::array sections;
  std::map<std::string, size_t> section_index;
  std::map<std::string, int> line_of;  // sections[i].questions[j] -> line
  const auto question_specs = QuestionFields(true);
  for (const auto& row : table->rows) {
    auto cell = [&](std::string_view col) -> std::string {
      auto c = table->Column(col);
      return c ? row.fields[*c] : std::string();
    };
    json::object q{{"id", cell("id")}, {"text", cell("text")}, {"type", cell("type")}};
    if (auto v = Split(cell("choices"), '|'); !v.empty()) q["choices"] = std::move(v);
    std::string required = cell("required");
    if (required == "yes" || required == "true") {
      q["required"] = true;
    } else if (!required.empty() && required != "no" && required != "false") {
      details.push_back({"required", "must be yes or no", row.line});
    }
    if (std::string help = cell("help"); !help.empty()) q["help"] = help;
    if (std::string cond = cell("show_if"); !cond.empty()) {
      size_t eq = cond.find('=');
      if (eq == std::string::npos) {
        details.push_back({"show_if", "must be question=answer", row.line});
      } else {
        q["show_if"] =
            json::object{{"question", cond.substr(0, eq)}, {"equals", cond.substr(eq + 1)}};
      }
    }
    if (auto v = Split(cell("citations"), '|'); !v.empty()) q["citations"] = std::move(v);
    if (auto v = Split(cell("rules"), '|'); !v.empty()) q["rules"] = std::move(v);
    if (std::string w = cell("weight"); !w.empty()) {
      if (w.size() > 2 || !std::all_of(w.begin(), w.end(), ::isdigit)) {
        details.push_back({"weight", "must be a whole number from 0 to 10", row.line});
      } else {
        q["weight"] = std::stoi(w);
      }
    }
    if (auto v = Split(cell("knockout"), '|'); !v.empty()) q["knockout"] = std::move(v);
    json::object checked;
    std::vector<ErrorDetail> row_details;
    ValidateFields(question_specs, q, false, "", checked, row_details);
    for (auto& d : row_details) {
      d.line = row.line;
      details.push_back(std::move(d));
    }
    std::string section = cell("section");
    if (section.empty()) {
      details.push_back({"section", "is required", row.line});
      continue;
    }
    auto [it, fresh] = section_index.emplace(section, sections.size());
    if (fresh) sections.push_back(json::object{{"title", section}, {"questions", json::array{}}});
    json::array& qs = sections[it->second].as_object()["questions"].as_array();
    line_of["sections[" + std::to_string(it->second) + "].questions[" + std::to_string(qs.size()) +
            "]"] = row.line;
    qs.push_back(std::move(checked));
  }
  if (!details.empty()) return ValidationErrors(std::move(details));
  json::object tmpl{{"name", name}, {"sections", std::move(sections)}};
  std::vector<ErrorDetail> cross;
  CheckTemplate(tmpl, cross);
  for (auto& d : cross) {
    // "sections[0].questions[3].show_if.question" -> the column show_if on that row's line.
    size_t cut = d.field.find("].", d.field.find("questions["));
    if (cut != std::string::npos) {
      auto line = line_of.find(d.field.substr(0, cut + 1));
      if (line != line_of.end()) d.line = line->second;
      std::string column = d.field.substr(cut + 2);
      d.field = column.substr(0, column.find('.'));
    }
  }
  if (!cross.empty()) return ValidationErrors(std::move(cross));
  return tmpl;
}

}  // namespace accord::domain
