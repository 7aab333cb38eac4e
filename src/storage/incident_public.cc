// The public side of incidents (TR-8): what the status page and the Statuspage JSON show. An
// incident is public from its first public update; only public updates are shown, and nothing
// of the internal timeline leaks through the incident's times either (updated_at is the latest
// public update's).
#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/incidents.h"
#include "accord/storage/status.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

// Statuspage lists the recent past; an incident resolved longer ago than this leaves the page.
constexpr auto kHistory = std::chrono::days(90);
constexpr int64_t kMaxPublic = 50;

json::value OrNull(const std::string& s) {
  return s.empty() ? json::value(nullptr) : json::value(s);
}

json::object PublicIncident(const json::object& state, const std::string& page_id) {
  const std::string id = StateString(state, "id");
  json::array updates;
  std::string updated = StateString(state, "declared_at"), monitoring_at;
  const json::value* all = state.if_contains("updates");
  if (all != nullptr && all->is_array()) {
    // Newest first, as Statuspage publishes them.
    for (auto it = all->as_array().rbegin(); it != all->as_array().rend(); ++it) {
      const json::object& u = it->as_object();
      if (StateString(u, "visibility") != "public") continue;
      std::string at = StateString(u, "created_at");
      updated = std::max(updated, at);
      if (StateString(u, "status") == "monitoring") monitoring_at = at;  // the earliest wins
      updates.push_back(json::object{{"id", StateString(u, "id")},
                                     {"status", StateString(u, "status")},
                                     {"body", StateString(u, "body")},
                                     {"incident_id", id},
                                     {"created_at", at},
                                     {"updated_at", at},
                                     {"display_at", at},
                                     {"affected_components", nullptr},
                                     {"deliver_notifications", true},
                                     {"custom_tweet", nullptr},
                                     {"tweet_id", nullptr}});
    }
  }
  json::array components;
  if (const json::value* cs = state.if_contains("components"); cs && cs->is_array()) {
    for (const auto& c : cs->as_array()) components.push_back(c.at("id"));
  }
  const std::string status = StateString(state, "status");
  const bool resolved = status == "resolved" || status == "postmortem";
  return json::object{
      {"id", id},
      {"name", StateString(state, "title")},
      {"status", status},
      {"created_at", StateString(state, "declared_at")},
      {"updated_at", updated},
      {"monitoring_at", OrNull(monitoring_at)},
      {"resolved_at", resolved ? OrNull(StateString(state, "resolved_at")) : json::value(nullptr)},
      {"impact", StateString(state, "impact")},
      {"shortlink", ""},
      {"started_at", StateString(state, "discovered_at")},
      {"page_id", page_id},
      {"incident_updates", std::move(updates)},
      {"components", std::move(components)},
      {"reminder_intervals", nullptr}};
}

}  // namespace

Result<std::vector<json::object>> PublicIncidents(Tx& tx, TimePoint now) {
  auto org = tx.QueryOne("SELECT id FROM rm_org", {});
  if (!org.ok()) return std::move(org).error();
  const std::string page_id = org->has_value() ? (*org)->Text(0) : "";
  std::vector<json::object> out;
  ACCORD_TRY(tx.ForEach(
      "SELECT state FROM incidents WHERE public_at <> '' AND (resolved_at = '' OR resolved_at >= "
      "?) ORDER BY declared_at DESC, id DESC LIMIT ?",
      {FormatRfc3339(now - kHistory), kMaxPublic}, [&](const Row& r) {
        if (auto state = domain::ParseStateDoc(r.Text(0))) {
          out.push_back(PublicIncident(*state, page_id));
        }
        return true;
      }));
  return out;
}

}  // namespace accord::storage
