#include "demo_breach.h"

#include <boost/json.hpp>
#include <chrono>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/breaches.h"
#include "accord/storage/incidents.h"

namespace accord::app {

namespace json = boost::json;
using domain::StateString;

namespace {

const domain::Actor kPrivacy{"demo", "privacy_officer"};

Result<json::object> Run(Runtime& rt,
                         std::function<Result<json::object>(storage::CommandContext&)> fn) {
  auto r = rt.log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
    auto o = fn(c);
    if (!o.ok()) return std::move(o).error();
    return json::value(std::move(*o));
  });
  if (!r.ok()) return std::move(r).error();
  return r->as_object();
}

json::object Factor(const char* risk, const char* notes) {
  return json::object{{"risk", risk}, {"notes", notes}};
}

}  // namespace

Status SeedBreach(Runtime& rt, const std::map<std::string, std::string>& ids) {
  auto id = [&](const char* name) {
    auto it = ids.find(name);
    return it == ids.end() ? std::string() : it->second;
  };
  std::string discovered = FormatRfc3339(rt.log().clock().Now() - std::chrono::hours(48));
  auto incident = Run(rt, [&](storage::CommandContext& c) {
    return storage::DeclareIncident(
        c, kPrivacy,
        json::object{{"title", "Appointment export sent to the wrong customer"},
                     {"description",
                      "A scheduled export of appointment records went to another customer's "
                      "sFTP account for six hours."},
                     {"severity", "high"},
                     {"impact", "none"},
                     {"category", "privacy"},
                     {"discovered_at", discovered}});
  });
  if (!incident.ok()) return std::move(incident).error();
  json::object body{
      {"factors",
       json::object{
           {"nature_and_extent",
            Factor("medium", "Names, appointment times and clinic locations; no SSNs.")},
           {"unauthorized_person", Factor("low", "Another covered entity, itself bound by HIPAA.")},
           {"acquired_or_viewed", Factor("high", "The recipient's job downloaded the files.")},
           {"mitigation",
            Factor("medium", "Deletion confirmed in writing; backups not yet confirmed.")}}},
      {"what_happened",
       "A scheduled export of appointment records was delivered to another customer's sFTP "
       "account for six hours before we revoked it."},
      {"phi_types", "Patient names, appointment times and clinic locations."},
      {"individual_steps", "No action is needed; be alert to unexpected appointment messages."},
      {"our_response",
       "We revoked the delivery, obtained written confirmation of deletion and added a "
       "recipient check to every export."},
      {"contact", "Privacy Officer, privacy@luma.example"},
      {"individuals", 1240},
      {"customer_ids",
       json::array{json::value(id("Northwind Clinics")), json::value(id("Riverside Medical Group")),
                   json::value(id("Bayview Pediatrics"))}}};
  std::string incident_id = StateString(*incident, "id");
  auto assessed = Run(rt, [&](storage::CommandContext& c) {
    return storage::AssessBreach(c, kPrivacy, incident_id, body);
  });
  if (!assessed.ok()) return std::move(assessed).error();
  // One notice is out already: the deadlines table shows the three states.
  json::object view;
  ACCORD_TRY(rt.store().Read([&](storage::Tx& tx) -> Status {
    auto b =
        storage::IncidentBreach(tx, incident_id, "privacy_officer", false, rt.log().clock().Now());
    if (!b.ok()) return std::move(b).error();
    if (b->has_value()) view = std::move(**b);
    return Ok();
  }));
  if (!view.contains("notices")) return Ok();
  for (const auto& n : view.at("notices").as_array()) {
    if (StateString(n.as_object(), "party_id") != id("Bayview Pediatrics")) continue;
    std::string notice = StateString(n.as_object(), "id");
    auto sent = Run(rt, [&](storage::CommandContext& c) {
      return storage::BreachNoticeAction(
          c, kPrivacy, storage::SecureCaller{kPrivacy.id, kPrivacy.role, "", ""}, notice,
          json::object{{"action", "record_sent"}, {"method", "letter"}});
    });
    if (!sent.ok()) return std::move(sent).error();
  }
  return Ok();
}

}  // namespace accord::app
