// The registry's read model: every event about a registry object carries the object's
// whole state after the change ("state"), so an auditor reads each version straight from
// the ledger and this projection never has to read before it writes.
#include <boost/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "accord/core/jcs.h"
#include "accord/domain/fields.h"
#include "accord/domain/registry.h"
#include "accord/storage/payload.h"
#include "accord/storage/projection.h"
#include "accord/storage/registry_store.h"

namespace accord::storage {

namespace json = boost::json;

namespace {

constexpr size_t kWordsPerStatement = 32;

// "INSERT INTO rm_words ... VALUES (?, ?, ?), ..." with n rows; n a power of two up to 32, so
// each connection prepares at most six of them (twelve: `fresh`, for an object that has no
// words yet, leaves out ON CONFLICT, whose check before each row costs about a third).
const std::string& InsertWords(size_t n, bool fresh) {
  static const std::vector<std::string> kStatements = [] {
    std::vector<std::string> out(2 * (kWordsPerStatement + 1));
    for (size_t rows = 1; rows <= kWordsPerStatement; rows *= 2) {
      std::string sql = "INSERT INTO rm_words(kind, prefix, id) VALUES ";
      for (size_t i = 0; i < rows; ++i) sql += i ? ", (?, ?, ?)" : "(?, ?, ?)";
      out[rows] = sql + " ON CONFLICT DO NOTHING";
      out[kWordsPerStatement + 1 + rows] = sql;
    }
    return out;
  }();
  return kStatements[fresh ? kWordsPerStatement + 1 + n : n];
}

// The rm_words rows of a name: every prefix of every word. A finding a scan raised is titled
// "<what was found> (<where>)" and a scan raises thousands: the words of where (a file's path,
// a line) differ from one result to the next, so they are indexed whole (a search for "login"
// finds src/login.js:42, "log" does not), while the words of what was found keep every prefix.
// That is a third of the rows for a code scan's findings (issue 24's 100,000-result import).
std::set<std::string> SearchPrefixes(const domain::KindSpec& spec, const json::object& doc,
                                     std::string_view name) {
  std::set<std::string> out;
  auto prefixes = [&out](std::string_view text) {
    for (const auto& word : domain::NameWords(text)) {
      for (auto& p : domain::WordPrefixes(word)) out.insert(std::move(p));
    }
  };
  const json::value* scan = spec.kind == "finding" ? doc.if_contains("scan") : nullptr;
  std::string location =
      scan && scan->is_object() ? domain::StateString(scan->as_object(), "location") : "";
  std::string where = " (" + location + ")";
  if (location.empty() || !name.ends_with(where)) {
    prefixes(name);
    return out;
  }
  prefixes(name.substr(0, name.size() - where.size()));
  for (const auto& word : domain::NameWords(location)) out.insert(domain::IndexedPrefix(word));
  return out;
}

class RegistryProjection final : public Projection {
 public:
  std::string_view name() const override { return "registry"; }
  std::vector<ProjectedTable> tables() const override {
    return {{"rm_objects", "kind, id, from_idx"}, {"rm_words", "kind, prefix, id"}};
  }

  Status Apply(Tx& tx, uint64_t index, const domain::Event& e) override {
    const domain::KindSpec* spec = domain::FindKind(e.subject.kind);
    if (!spec) return Ok();
    const auto idx = static_cast<int64_t>(index);
    const json::value* state = e.payload.if_contains("state");
    bool deleted = e.type.ends_with(".deleted");
    if (!deleted && (!state || !state->is_object())) return Ok();
    // A party the CSV import created is new (the import gives each row a new id): it has no
    // version to close (an import of 100,000 parties saves as many statements) and no words.
    const bool imported =
        e.type == "party.created" && PayloadString(e.payload, "source") == "csv_import";
    if (!imported) {
      ACCORD_TRY(tx.ExecDeferred(
          "UPDATE rm_objects SET to_idx = ? WHERE kind = ? AND id = ? AND to_idx = ?",
          {idx, e.subject.kind, e.subject.id, kOpenVersion}));
    }
    if (deleted) return Ok();
    const json::object& doc = state->as_object();
    std::string party_id =
        spec->kind == "party" ? e.subject.id : domain::StateString(doc, "party_id");
    std::string parent_id = ParentOf(*spec, doc);
    std::string name = spec->name_field.empty() ? "" : domain::StateString(doc, spec->name_field);
    std::string text;
    ACCORD_TRY(CanonicalizeTo(*state, text));
    ACCORD_TRY(tx.ExecDeferred(
        "INSERT INTO rm_objects(kind, id, from_idx, to_idx, party_id, parent_id, name_lc, tag, "
        "status, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {e.subject.kind, e.subject.id, idx, kOpenVersion, party_id, parent_id,
         domain::Lowercase(name), domain::StateString(doc, spec->tag_field),
         spec->status_field.empty() ? "" : domain::StateString(doc, spec->status_field),
         std::move(text)}));
    std::set<std::string> prefixes = SearchPrefixes(*spec, doc, name);
    // A name has a few dozen prefixes: one statement for up to 32 of them, not one each.
    auto next = prefixes.begin();
    for (size_t left = prefixes.size(); left > 0;) {
      size_t n = kWordsPerStatement;
      while (n > left) n /= 2;
      std::vector<Value> params;
      params.reserve(3 * n);
      for (size_t i = 0; i < n; ++i, ++next) {
        params.emplace_back(e.subject.kind);
        params.emplace_back(*next);
        params.emplace_back(e.subject.id);
      }
      ACCORD_TRY(tx.ExecDeferred(InsertWords(n, imported), Params(params)));
      left -= n;
    }
    return Ok();
  }

 private:
  // Documents hang off an agreement or a certification when they belong to one; other
  // children off the party.
  static std::string ParentOf(const domain::KindSpec& spec, const json::object& doc) {
    if (spec.kind == "document") {
      std::string agreement = domain::StateString(doc, "agreement_id");
      if (!agreement.empty()) return agreement;
      std::string certification = domain::StateString(doc, "certification_id");
      if (!certification.empty()) return certification;
      std::string finding = domain::StateString(doc, "finding_id");
      if (!finding.empty()) return finding;
      std::string assessment = domain::StateString(doc, "breach_assessment_id");
      if (!assessment.empty()) return assessment;
      std::string answer = domain::StateString(doc, "library_answer_id");  // issue 28, part 5
      if (!answer.empty()) return answer;
    }
    if (spec.parent_kind.empty()) return "";
    return domain::StateString(doc, spec.parent_kind + "_id");
  }
};

}  // namespace

std::unique_ptr<Projection> MakeRegistryProjection() {
  return std::make_unique<RegistryProjection>();
}

}  // namespace accord::storage
