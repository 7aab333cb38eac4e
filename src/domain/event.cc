#include "accord/domain/event.h"

#include <boost/json.hpp>

#include "accord/core/jcs.h"
#include "accord/core/time.h"

namespace accord::domain {

namespace json = boost::json;

Actor SystemActor() { return Actor{"system", "system"}; }

json::object ActorJson(const Actor& actor) {
  return json::object{{"id", actor.id}, {"role", actor.role}};
}

std::string ActorIdOf(const json::object& state, std::string_view field) {
  const json::value* by = state.if_contains(field);
  if (!by || !by->is_object()) return {};
  const json::value* id = by->as_object().if_contains("id");
  return id && id->is_string() ? std::string(id->as_string()) : std::string();
}

json::object ToJson(const Event& event) {
  return json::object{
      {"type", event.type},
      {"time", FormatRfc3339(event.time)},
      {"actor", ActorJson(event.actor)},
      {"subject", json::object{{"kind", event.subject.kind}, {"id", event.subject.id}}},
      {"payload", event.payload},
      {"org", event.org},
  };
}

Result<std::string> CanonicalLeaf(const Event& event) {
  if (!IsValidEventType(event.type)) {
    return ValidationError("event.type",
                           "must be noun.verb_past in snake case, got '" + event.type + "'");
  }
  // Members in RFC 8785 order (actor, org, payload, subject, time, type), written directly
  // so the payload is not copied on the append path.
  std::string out;
  out.reserve(256 + event.payload.size() * 32);
  auto field = [&](std::string_view raw_prefix, std::string_view value) {
    out += raw_prefix;
    return CanonicalizeStringTo(value, out);
  };
  ACCORD_TRY(field(R"({"actor":{"id":)", event.actor.id));
  ACCORD_TRY(field(R"(,"role":)", event.actor.role));
  ACCORD_TRY(field(R"(},"org":)", event.org));
  out += R"(,"payload":)";
  if (auto s = CanonicalizeObjectTo(event.payload, out); !s.ok()) {
    Error e = std::move(s).error();
    for (auto& d : e.details) d.field = "payload." + d.field;
    return e;
  }
  ACCORD_TRY(field(R"(,"subject":{"id":)", event.subject.id));
  ACCORD_TRY(field(R"(,"kind":)", event.subject.kind));
  ACCORD_TRY(field(R"(},"time":)", FormatRfc3339(event.time)));
  ACCORD_TRY(field(R"(,"type":)", event.type));
  out += '}';
  return out;
}

namespace {

Result<std::string> StringField(const json::object& obj, std::string_view key,
                                std::string_view path) {
  const json::value* v = obj.if_contains(key);
  if (!v || !v->is_string()) return ValidationError(std::string(path), "must be a string");
  return std::string(v->as_string());
}

Result<json::object> ObjectField(const json::object& obj, std::string_view key,
                                 std::string_view path) {
  const json::value* v = obj.if_contains(key);
  if (!v || !v->is_object()) return ValidationError(std::string(path), "must be an object");
  return v->as_object();
}

}  // namespace

Result<Event> ParseLeaf(std::string_view leaf) {
  json::error_code ec;
  json::value v = json::parse(leaf, ec);
  if (ec) return Error{ErrorCode::kMalformedJson, "event is not valid JSON: " + ec.message(), {}};
  return EventFromJson(std::move(v));
}

Result<Event> EventFromJson(json::value&& v) {
  if (!v.is_object()) return ValidationError("event", "must be a JSON object");
  json::object& o = v.as_object();
  Event e;
  auto type = StringField(o, "type", "event.type");
  if (!type.ok()) return std::move(type).error();
  e.type = *type;
  auto time = StringField(o, "time", "event.time");
  if (!time.ok()) return std::move(time).error();
  auto tp = ParseRfc3339(*time);
  if (!tp.ok()) return std::move(tp).error();
  e.time = *tp;
  auto actor = ObjectField(o, "actor", "event.actor");
  if (!actor.ok()) return std::move(actor).error();
  auto actor_id = StringField(*actor, "id", "event.actor.id");
  auto actor_role = StringField(*actor, "role", "event.actor.role");
  if (!actor_id.ok()) return std::move(actor_id).error();
  if (!actor_role.ok()) return std::move(actor_role).error();
  e.actor = Actor{*actor_id, *actor_role};
  auto subject = ObjectField(o, "subject", "event.subject");
  if (!subject.ok()) return std::move(subject).error();
  auto kind = StringField(*subject, "kind", "event.subject.kind");
  auto id = StringField(*subject, "id", "event.subject.id");
  if (!kind.ok()) return std::move(kind).error();
  if (!id.ok()) return std::move(id).error();
  e.subject = Subject{*kind, *id};
  json::value* payload = o.if_contains("payload");
  if (!payload || !payload->is_object())
    return ValidationError("event.payload", "must be an object");
  e.payload = std::move(payload->as_object());
  auto org = StringField(o, "org", "event.org");
  if (!org.ok()) return std::move(org).error();
  e.org = *org;
  return e;
}

bool IsValidEventType(std::string_view type) {
  auto dot = type.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == type.size()) return false;
  if (type.find('.', dot + 1) != std::string_view::npos) return false;
  for (char c : type) {
    if (c != '.' && c != '_' && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) return false;
  }
  return true;
}

}  // namespace accord::domain
