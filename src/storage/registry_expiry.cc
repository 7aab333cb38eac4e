#include "accord/storage/registry_expiry.h"

#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/registry_store.h"
#include "accord/workflow/agreement.h"

namespace accord::storage {

namespace json = boost::json;

namespace {

// Executed agreements whose expiry is at or before `now` (RFC 3339 strings compare in time
// order: they are all UTC with milliseconds).
Result<std::vector<StoredObject>> DueAgreements(Tx& tx, const std::string& now) {
  std::vector<StoredObject> due;
  ACCORD_TRY(tx.ForEach(
      "SELECT id, party_id, doc FROM rm_objects WHERE kind = 'agreement' AND status = 'executed' "
      "AND to_idx = ?",
      {kOpenVersion}, [&](const Row& row) {
        boost::system::error_code ec;
        json::value v = json::parse(row.Text(2), ec);
        if (ec || !v.is_object()) return true;
        std::string expires = domain::StateString(v.as_object(), "expires_at");
        if (!expires.empty() && expires <= now) {
          due.push_back({row.Text(0), row.Text(1), "", 0, std::move(v.as_object())});
        }
        return true;
      }));
  return due;
}

}  // namespace

Result<int> ExpireAgreements(EventLog& log) {
  std::string now = FormatRfc3339(log.clock().Now());
  bool any = false;
  ACCORD_TRY(log.store().Read([&](Tx& tx) -> Status {
    auto due = DueAgreements(tx, now);
    if (!due.ok()) return std::move(due).error();
    any = !due->empty();
    return Ok();
  }));
  if (!any) return 0;
  auto r = log.Execute([](CommandContext& c) -> Result<json::value> {
    std::string at = FormatRfc3339(c.Now());
    auto due = DueAgreements(c.tx(), at);
    if (!due.ok()) return std::move(due).error();
    namespace wf = workflow::agreement;
    int64_t expired = 0;
    for (auto& a : *due) {
      auto from = wf::ParseState(domain::StateString(a.doc, "status"));
      auto to = from ? wf::Next(*from, wf::Action::kExpire) : std::nullopt;
      if (!to) continue;
      a.doc["status"] = std::string(wf::Name(*to));
      a.doc["updated_at"] = at;
      a.doc["version"] = a.doc.at("version").as_int64() + 1;
      auto index =
          c.Append(domain::Event{.type = "agreement.status_changed",
                                 .actor = domain::SystemActor(),
                                 .subject = {"agreement", a.id},
                                 .payload = json::object{{"state", a.doc},
                                                         {"changed", json::array{"status"}},
                                                         {"reason", "expires_at has passed"}}});
      if (!index.ok()) return std::move(index).error();
      ++expired;
    }
    return json::value(expired);
  });
  if (!r.ok()) return std::move(r).error();
  return static_cast<int>(r->as_int64());
}

}  // namespace accord::storage
