#include "accord/http/statuspage.h"

#include <boost/json.hpp>
#include <map>

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/http/schema.h"
#include "accord/storage/trust.h"

namespace accord::http {

namespace json = boost::json;
using storage::StatusComponent;

namespace {

int Severity(std::string_view status) {
  if (status == "major_outage") return 4;
  if (status == "partial_outage") return 3;
  if (status == "degraded_performance") return 2;
  if (status == "under_maintenance") return 1;
  return 0;
}

// A group's id: stable for its name, so a feed reader sees the same group across restarts.
std::string GroupId(const std::string& name) {
  return "grp_" + HexEncode(Sha256(name)).substr(0, 12);
}

json::value OrNull(const std::string& s) {
  return s.empty() ? json::value(nullptr) : json::value(s);
}

json::object ComponentObject(const StatusSnapshot& s, const StatusComponent& c, int position) {
  return json::object{
      {"id", c.id},
      {"name", c.name},
      {"status", c.status},
      {"created_at", c.created_at},
      {"updated_at", c.updated_at},
      {"position", position},
      {"description", OrNull(c.description)},
      {"showcase", true},
      {"start_date", c.created_at.substr(0, 10)},
      {"group_id", c.group.empty() ? json::value(nullptr) : json::value(GroupId(c.group))},
      {"page_id", s.page_id},
      {"group", false},
      {"only_show_if_degraded", false}};
}

}  // namespace

Result<StatusSnapshot> ReadStatusSnapshot(storage::Tx& tx, const std::string& page_url,
                                          TimePoint now) {
  StatusSnapshot s;
  s.now = now;
  s.page_url = page_url;
  auto org = storage::OrganisationName(tx);
  if (!org.ok()) return std::move(org).error();
  s.page_name = *org;
  auto id = tx.QueryOne("SELECT id FROM rm_org", {});
  if (!id.ok()) return std::move(id).error();
  s.page_id = id->has_value() ? (*id)->Text(0) : "";
  auto components = storage::ListStatusComponents(tx);
  if (!components.ok()) return std::move(components).error();
  s.components = std::move(*components);
  auto maintenances = storage::ListMaintenances(tx, now);
  if (!maintenances.ok()) return std::move(maintenances).error();
  s.maintenances = std::move(*maintenances);
  auto incidents = storage::PublicIncidents(tx, now);
  if (!incidents.ok()) return std::move(incidents).error();
  s.incidents = std::move(*incidents);
  // An incident names its components by id; Statuspage shows each as the page's component.
  std::map<std::string, const StatusComponent*> by_id;
  for (const auto& c : s.components) by_id[c.id] = &c;
  for (auto& i : s.incidents) {
    json::array components;
    int position = 1;
    if (const json::value* ids = i.if_contains("components"); ids && ids->is_array()) {
      for (const auto& id : ids->as_array()) {
        auto c = id.is_string() ? by_id.find(std::string(id.as_string())) : by_id.end();
        if (c != by_id.end()) components.push_back(ComponentObject(s, *c->second, position++));
      }
    }
    i["components"] = std::move(components);
    i["shortlink"] = s.page_url + "/status";
  }
  return s;
}

json::object OverallStatus(const std::vector<StatusComponent>& components) {
  int worst = 0;
  for (const auto& c : components) worst = std::max(worst, Severity(c.status));
  static const std::pair<const char*, const char*> kWords[] = {
      {"none", "All Systems Operational"},
      {"maintenance", "Service Under Maintenance"},
      {"minor", "Minor Service Outage"},
      {"minor", "Partial System Outage"},
      {"major", "Major System Outage"}};
  return json::object{{"indicator", kWords[worst].first}, {"description", kWords[worst].second}};
}

json::object PageJson(const StatusSnapshot& s) {
  std::string updated = FormatRfc3339(s.now);
  if (!s.components.empty()) {
    updated = s.components.front().updated_at;
    for (const auto& c : s.components) updated = std::max(updated, c.updated_at);
  }
  return json::object{{"id", s.page_id},
                      {"name", s.page_name},
                      {"url", s.page_url},
                      {"time_zone", "Etc/UTC"},
                      {"updated_at", updated}};
}

json::array ComponentsJson(const StatusSnapshot& s) {
  // Groups in the order their first component comes (components are sorted by group), each
  // group before its children, as Statuspage lists them.
  json::array out;
  int position = 1;
  std::map<std::string, size_t> group_at;
  for (const auto& c : s.components) {
    if (!c.group.empty() && !group_at.contains(c.group)) {
      group_at[c.group] = out.size();
      out.push_back(json::object{{"id", GroupId(c.group)},
                                 {"name", c.group},
                                 {"status", "operational"},
                                 {"created_at", c.created_at},
                                 {"updated_at", c.updated_at},
                                 {"position", position++},
                                 {"description", nullptr},
                                 {"showcase", false},
                                 {"start_date", nullptr},
                                 {"group_id", nullptr},
                                 {"page_id", s.page_id},
                                 {"group", true},
                                 {"only_show_if_degraded", false},
                                 {"components", json::array()}});
    }
    if (!c.group.empty()) {
      json::object& g = out[group_at[c.group]].as_object();
      g["components"].as_array().push_back(json::value(c.id));
      if (Severity(c.status) > Severity(g["status"].as_string())) g["status"] = c.status;
      g["created_at"] = std::min(std::string(g["created_at"].as_string()), c.created_at);
      g["updated_at"] = std::max(std::string(g["updated_at"].as_string()), c.updated_at);
    }
    out.push_back(ComponentObject(s, c, position++));
  }
  return out;
}

json::array MaintenancesJson(const StatusSnapshot& s, std::string_view which) {
  std::map<std::string, const StatusComponent*> by_id;
  for (const auto& c : s.components) by_id[c.id] = &c;
  json::array out;
  // Newest first, as Statuspage lists them.
  for (auto it = s.maintenances.rbegin(); it != s.maintenances.rend(); ++it) {
    const json::object& m = *it;
    std::string status(m.at("status").as_string());
    if (which == "upcoming" && status != "scheduled") continue;
    if (which == "active" && status != "in_progress") continue;
    std::string id(m.at("id").as_string());
    std::string created(m.at("created_at").as_string());
    json::array components, affected;
    int position = 1;
    for (const auto& cid : m.at("component_ids").as_array()) {
      auto c = by_id.find(std::string(cid.as_string()));
      if (c == by_id.end()) continue;
      components.push_back(ComponentObject(s, *c->second, position++));
      affected.push_back(json::object{{"code", c->second->id},
                                      {"name", c->second->name},
                                      {"old_status", "operational"},
                                      {"new_status", "under_maintenance"}});
    }
    json::object update{{"id", id + "_u1"},
                        {"status", "scheduled"},
                        {"body", m.at("body")},
                        {"incident_id", id},
                        {"created_at", created},
                        {"updated_at", created},
                        {"display_at", created},
                        {"affected_components", affected},
                        {"deliver_notifications", true},
                        {"custom_tweet", nullptr},
                        {"tweet_id", nullptr}};
    std::string until(m.at("scheduled_until").as_string());
    out.push_back(json::object{
        {"id", id},
        {"name", m.at("name")},
        {"status", status},
        {"created_at", created},
        {"updated_at", created},
        {"monitoring_at", nullptr},
        {"resolved_at", status == "completed" ? json::value(until) : json::value(nullptr)},
        {"impact", "maintenance"},
        {"shortlink", s.page_url + "/status"},
        {"started_at", m.at("scheduled_for")},
        {"page_id", s.page_id},
        {"incident_updates", json::array{update}},
        {"components", components},
        {"scheduled_for", m.at("scheduled_for")},
        {"scheduled_until", until},
        {"reminder_intervals", nullptr}});
  }
  return out;
}

json::object StatuspageDocument(const StatusSnapshot& s, std::string_view endpoint) {
  json::object doc{{"page", PageJson(s)}};
  auto unresolved = [&] {
    json::array out;
    for (const auto& i : s.incidents) {
      const json::value* st = i.if_contains("status");
      if (st && st->is_string() && st->as_string() != "resolved" &&
          st->as_string() != "postmortem") {
        out.push_back(i);
      }
    }
    return out;
  };
  if (endpoint == "summary") {
    doc["components"] = ComponentsJson(s);
    doc["incidents"] = unresolved();
    json::array maintenances = MaintenancesJson(s, "active");
    for (auto& m : MaintenancesJson(s, "upcoming")) maintenances.push_back(std::move(m));
    doc["scheduled_maintenances"] = std::move(maintenances);
    doc["status"] = OverallStatus(s.components);
  } else if (endpoint == "status") {
    doc["status"] = OverallStatus(s.components);
  } else if (endpoint == "components") {
    doc["components"] = ComponentsJson(s);
  } else if (endpoint == "incidents") {
    json::array all;
    for (const auto& i : s.incidents) all.push_back(i);
    doc["incidents"] = std::move(all);
  } else if (endpoint == "unresolved") {
    doc["incidents"] = unresolved();
  } else {
    doc["scheduled_maintenances"] =
        MaintenancesJson(s, endpoint == "maintenances" ? "all" : endpoint);
  }
  return doc;
}

json::object StatuspageSchema(std::string_view endpoint) {
  using namespace schema;
  json::object page = Object({{"id", String()},
                              {"name", String()},
                              {"url", String()},
                              {"time_zone", String()},
                              {"updated_at", Time()}});
  const auto state = [] {
    return Enum({"operational", "degraded_performance", "partial_outage", "major_outage",
                 "under_maintenance"});
  };
  json::object component = Object({{"id", String()},
                                   {"name", String()},
                                   {"status", state()},
                                   {"created_at", Time()},
                                   {"updated_at", Time()},
                                   {"position", Int()},
                                   {"description", Nullable(String())},
                                   {"showcase", Bool()},
                                   {"start_date", Nullable(String())},
                                   {"group_id", Nullable(String())},
                                   {"page_id", String()},
                                   {"group", Bool()},
                                   {"only_show_if_degraded", Bool()}},
                                  {{"components", ArrayOf(String())}});
  json::object affected = Object(
      {{"code", String()}, {"name", String()}, {"old_status", state()}, {"new_status", state()}});
  json::object update = Object({{"id", String()},
                                {"status", String()},
                                {"body", String()},
                                {"incident_id", String()},
                                {"created_at", Time()},
                                {"updated_at", Time()},
                                {"display_at", Time()},
                                {"affected_components", Nullable(ArrayOf(affected))},
                                {"deliver_notifications", Bool()},
                                {"custom_tweet", Nullable(String())},
                                {"tweet_id", Nullable(String())}});
  json::object incident =
      Object({{"id", String()},
              {"name", String()},
              {"status", String()},
              {"created_at", Time()},
              {"updated_at", Time()},
              {"monitoring_at", Nullable(Time())},
              {"resolved_at", Nullable(Time())},
              {"impact", Enum({"none", "minor", "major", "critical", "maintenance"})},
              {"shortlink", String()},
              {"started_at", Time()},
              {"page_id", String()},
              {"incident_updates", ArrayOf(update)},
              {"components", ArrayOf(component)},
              {"reminder_intervals", Nullable(String())}},
             {{"scheduled_for", Time()}, {"scheduled_until", Time()}});
  json::object status =
      Object({{"indicator", Enum({"none", "minor", "major", "critical", "maintenance"})},
              {"description", String()}});
  if (endpoint == "summary") {
    return Object({{"page", page},
                   {"components", ArrayOf(component)},
                   {"incidents", ArrayOf(incident)},
                   {"scheduled_maintenances", ArrayOf(incident)},
                   {"status", status}});
  }
  if (endpoint == "status") return Object({{"page", page}, {"status", status}});
  if (endpoint == "components") return Object({{"page", page}, {"components", ArrayOf(component)}});
  if (endpoint == "incidents" || endpoint == "unresolved") {
    return Object({{"page", page}, {"incidents", ArrayOf(incident)}});
  }
  return Object({{"page", page}, {"scheduled_maintenances", ArrayOf(incident)}});
}

}  // namespace accord::http
