// The answer library's and customer questionnaires' read models (issue 28, part 5): the current
// state of each library answer and each of its versions; each questionnaire's state and its
// rows. Every document is stored in canonical JSON, so a rebuild writes the same bytes.
#include <boost/json.hpp>

#include "accord/core/jcs.h"
#include "accord/domain/registry.h"
#include "accord/storage/answer_library.h"
#include "accord/storage/projection.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

class AnswerLibraryProjection final : public Projection {
 public:
  std::string_view name() const override { return "answer_library"; }
  std::vector<ProjectedTable> tables() const override {
    return {{"rm_library_answers", "id"},
            {"rm_library_answer_versions", "id, version"},
            {"rm_customer_questionnaires", "id"},
            {"rm_customer_questionnaire_rows", "questionnaire_id, row_no"}};
  }

  Status Apply(Tx& tx, uint64_t index, const domain::Event& e) override {
    const json::value* s = e.payload.if_contains("state");
    if (!s || !s->is_object()) return Ok();
    if (e.subject.kind == "library_answer") return Answer(tx, index, s->as_object());
    if (e.subject.kind == "customer_questionnaire") return Questionnaire(tx, e, s->as_object());
    return Ok();
  }

 private:
  static Status Answer(Tx& tx, uint64_t index, const json::object& s) {
    std::string text;
    ACCORD_TRY(CanonicalizeObjectTo(s, text));
    std::string id = StateString(s, "id");
    const json::value* v = s.if_contains("version");
    int64_t version = v && v->is_int64() ? v->as_int64() : 1;
    ACCORD_TRY(tx.ExecDeferred(
        "INSERT INTO rm_library_answers(id, status, question, answer, version, doc) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET status = excluded.status, "
        "question = excluded.question, answer = excluded.answer, version = excluded.version, "
        "doc = excluded.doc",
        {id, StateString(s, "status"), StateString(s, "question"), StateString(s, "answer"),
         version, text}));
    return tx.ExecDeferred(
        "INSERT INTO rm_library_answer_versions(id, version, doc, ledger_index) "
        "VALUES (?, ?, ?, ?) ON CONFLICT(id, version) DO UPDATE SET doc = excluded.doc, "
        "ledger_index = excluded.ledger_index",
        {id, version, std::move(text), static_cast<int64_t>(index)});
  }

  static Status Questionnaire(Tx& tx, const domain::Event& e, const json::object& s) {
    std::string text;
    ACCORD_TRY(CanonicalizeObjectTo(s, text));
    std::string id = StateString(s, "id");
    ACCORD_TRY(tx.ExecDeferred(
        "INSERT INTO rm_customer_questionnaires(id, party_id, status, doc) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET status = excluded.status, doc = excluded.doc",
        {id, StateString(s, "party_id"), StateString(s, "status"), std::move(text)}));
    const json::value* rows = e.payload.if_contains("rows");
    if (!rows || !rows->is_array()) return Ok();
    for (const auto& r : rows->as_array()) {
      if (!r.is_object()) continue;
      const json::value* n = r.as_object().if_contains("row");
      if (!n || !n->is_int64()) continue;
      std::string row;
      ACCORD_TRY(CanonicalizeObjectTo(r.as_object(), row));
      ACCORD_TRY(tx.ExecDeferred(
          "INSERT INTO rm_customer_questionnaire_rows(questionnaire_id, row_no, doc) "
          "VALUES (?, ?, ?) ON CONFLICT(questionnaire_id, row_no) DO UPDATE SET doc = "
          "excluded.doc",
          {id, n->as_int64(), std::move(row)}));
    }
    return Ok();
  }
};

}  // namespace

std::unique_ptr<Projection> MakeAnswerLibraryProjection() {
  return std::make_unique<AnswerLibraryProjection>();
}

}  // namespace accord::storage
