#include "accord/evidence/event_facts.h"

#include <algorithm>
#include <boost/json.hpp>

namespace accord::evidence {

namespace json = boost::json;

namespace {

std::string Str(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

const json::object* Obj(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_object() ? &v->as_object() : nullptr;
}

}  // namespace

EventFacts ReadEventFacts(const json::object& event) {
  EventFacts f;
  f.type = Str(event, "type");
  f.time = Str(event, "time");
  if (const auto* subject = Obj(event, "subject")) {
    f.subject_kind = Str(*subject, "kind");
    f.subject = f.subject_kind + "/" + Str(*subject, "id");
    if (f.subject_kind == "party") f.parties.push_back(Str(*subject, "id"));
  }
  if (const auto* payload = Obj(event, "payload")) {
    if (auto p = Str(*payload, "party_id"); !p.empty()) f.parties.push_back(p);
    if (const auto* state = Obj(*payload, "state")) {
      if (auto p = Str(*state, "party_id"); !p.empty()) f.parties.push_back(p);
      if (f.type == "document.uploaded") f.document_sha256 = Str(*state, "sha256");
    }
  }
  return f;
}

bool Matches(const EventFacts& f, std::string_view from, std::string_view until,
             const std::vector<std::string>& parties, const std::vector<std::string>& kinds) {
  if (!from.empty() && f.time < from) return false;
  if (!until.empty() && f.time >= until) return false;
  if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), f.subject_kind) == kinds.end()) {
    return false;
  }
  if (!parties.empty() && std::none_of(f.parties.begin(), f.parties.end(), [&](const auto& p) {
        return std::find(parties.begin(), parties.end(), p) != parties.end();
      })) {
    return false;
  }
  return true;
}

}  // namespace accord::evidence
