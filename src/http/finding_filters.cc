#include "finding_filters.h"

#include <boost/json.hpp>
#include <cctype>

#include "accord/domain/event.h"
#include "accord/domain/registry.h"
#include "accord/workflow/finding.h"

namespace accord::http::finding_filters {

namespace json = boost::json;
using domain::StateString;

std::vector<ParamDoc> Params() {
  return {
      {"owner_id", "query", "string", false, "filter: owned by this account (none: by nobody)"},
      {"source", "query", "string", false,
       "filter: what raised it (manual, review, soc2_report, change_notice, schedule, ...)"},
      {"due_before", "query", "string", false, "filter: due before (date or RFC 3339)"},
      {"overdue", "query", "boolean", false, "true: still open and past its due date"},
  };
}

Result<Filter> Parse(const Context& ctx, TimePoint now, const storage::ListQuery& q) {
  std::string owner(ctx.Query("owner_id"));
  std::string source(ctx.Query("source"));
  std::string due_before;
  if (std::string text(ctx.Query("due_before")); !text.empty()) {
    if (text.size() == 10) text += "T00:00:00Z";
    auto t = ParseRfc3339(text);
    if (!t.ok()) return ValidationError("due_before", "must be a date (YYYY-MM-DD) or RFC 3339");
    due_before = FormatRfc3339(*t);
  }
  std::string_view overdue_text = ctx.Query("overdue");
  if (!overdue_text.empty() && overdue_text != "true" && overdue_text != "false") {
    return ValidationError("overdue", "must be true or false");
  }
  bool overdue = overdue_text == "true";
  if (!owner.empty() && owner != "none" && !owner.starts_with("usr_")) {
    return ValidationError("owner_id", "must be an account id (usr_...) or none");
  }
  if (!source.empty()) {
    bool plain = source.size() <= 40;
    for (char c : source)
      plain = plain && (std::islower(static_cast<unsigned char>(c)) ||
                        std::isdigit(static_cast<unsigned char>(c)) || c == '_');
    if (!plain) {
      return ValidationError("source",
                             "must be a source kind such as manual, review, soc2_report, "
                             "change_notice or schedule");
    }
  }
  if (owner.empty() && source.empty() && due_before.empty() && !overdue) return Filter();
  if (q.as_of) {
    return ValidationError("as_of",
                           "cannot be combined with owner_id, source, due_before or overdue");
  }
  std::string now_text = FormatRfc3339(now);
  return Filter([owner, source, due_before, overdue, now_text](const json::object& doc) {
    if (!owner.empty()) {
      std::string id = domain::ActorIdOf(doc, "owner");
      if (owner == "none" ? !id.empty() : id != owner) return false;
    }
    if (!source.empty()) {
      const json::value* s = doc.if_contains("source");
      std::string kind = s && s->is_object() ? StateString(s->as_object(), "kind") : "";
      if (kind != source) return false;
    }
    std::string due = StateString(doc, "due_at");
    if (!due_before.empty() && (due.empty() || due >= due_before)) return false;
    if (overdue && (due.empty() || due >= now_text ||
                    !workflow::finding::IsOpen(StateString(doc, "status")))) {
      return false;
    }
    return true;
  });
}

Result<storage::ObjectPage> ListMatching(storage::Tx& tx, storage::ListQuery q,
                                         const storage::Scope& scope, const Filter& filter) {
  const size_t want = q.limit;
  storage::ObjectPage out;
  q.limit = 500;
  // Bounded: a million findings at most.
  for (int chunk = 0; chunk < 2000; ++chunk) {
    auto page = storage::ListObjects(tx, q, scope);
    if (!page.ok()) return std::move(page).error();
    for (auto& o : page->items) {
      if (!filter(o.doc)) continue;
      if (out.items.size() == want) {
        out.next_after = out.items.back().id;
        return out;
      }
      out.items.push_back(std::move(o));
    }
    if (!page->next_after) break;
    q.after_id = *page->next_after;
  }
  return out;
}

}  // namespace accord::http::finding_filters
