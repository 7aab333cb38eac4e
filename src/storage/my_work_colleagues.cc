#include "my_work_colleagues.h"

#include <boost/json.hpp>

#include "accord/domain/registry.h"
#include "accord/storage/registry_store.h"
#include "accord/workflow/account_request.h"

namespace accord::storage::my_work_colleagues {

namespace json = boost::json;
using domain::StateArray;
using domain::StateString;

namespace {

template <class Fn>
Status EachOpen(Tx& tx, std::string_view sql, Fn take) {
  auto rows = tx.Query(sql, {kOpenVersion});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& r : *rows) {
    auto doc = domain::ParseStateDoc(r.Text(0));
    if (doc) take(*doc);
  }
  return Ok();
}

}  // namespace

Result<std::vector<json::object>> AccountRequestsToDecide(Tx& tx, const Viewer& viewer) {
  namespace wf = workflow::account_request;
  std::vector<json::object> out;
  if (!viewer.profile || wf::AllowedActions(viewer.profile->identity, viewer.role,
                                            viewer.break_glass, wf::State::kPending)
                             .empty()) {
    return out;
  }
  ACCORD_TRY(
      EachOpen(tx,
               "SELECT doc FROM rm_objects WHERE kind = 'account_request' AND to_idx = ? "
               "AND status = 'pending' ORDER BY id",
               [&](const json::object& doc) {
                 out.push_back(json::object{
                     {"id", StateString(doc, "id")},
                     {"title", "Account for " + StateString(doc, "name")},
                     {"detail", "Asked by a contact of the party: " + StateString(doc, "reason")},
                     {"party_id", StateString(doc, "party_id")},
                     {"at", StateString(doc, "created_at")},
                     {"href", "/account-requests#" + StateString(doc, "id")}});
               }));
  return out;
}

Result<std::vector<json::object>> SectionsAssignedTo(Tx& tx, const Viewer& viewer) {
  std::vector<json::object> out;
  if (viewer.role != "third_party_contact") return out;
  ACCORD_TRY(EachOpen(
      tx,
      "SELECT doc FROM rm_objects WHERE kind = 'questionnaire' AND to_idx = ? AND status IN "
      "('sent', 'follow_up') ORDER BY id",
      [&](const json::object& doc) {
        std::string titles;
        for (const auto& a : StateArray(doc, "assignments")) {
          if (StateString(a.as_object(), "user_id") != viewer.id) continue;
          titles += (titles.empty() ? "" : ", ") + StateString(a.as_object(), "section_title");
        }
        if (titles.empty()) return;
        out.push_back(json::object{{"id", StateString(doc, "id")},
                                   {"title", StateString(doc, "title")},
                                   {"detail", "Sections for you: " + titles},
                                   {"party_id", StateString(doc, "party_id")},
                                   {"due_at", StateString(doc, "due_at")},
                                   {"at", StateString(doc, "updated_at")},
                                   {"href", "/questionnaires/" + StateString(doc, "id")}});
      }));
  std::stable_sort(out.begin(), out.end(), [](const json::object& a, const json::object& b) {
    return StateString(a, "due_at") < StateString(b, "due_at");
  });
  return out;
}

}  // namespace accord::storage::my_work_colleagues
