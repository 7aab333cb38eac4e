// The ledger event (CONTRACT.md): every state change in Accord is one of these.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "accord/core/clock.h"
#include "accord/core/result.h"

namespace accord::domain {

struct Actor {
  std::string id;
  std::string role;
};

struct Subject {
  std::string kind;
  std::string id;
};

struct Event {
  std::string type;  // noun.verb_past, e.g. "party.created"
  TimePoint time;
  Actor actor;
  Subject subject;
  boost::json::object payload;
  std::string org;
};

// The actor for work the server does by itself (bootstrap, checkpoints).
Actor SystemActor();
// {"id", "role"}: how an actor is written into events and into objects' "…_by" fields.
boost::json::object ActorJson(const Actor& actor);
// The id in an object's "…_by" field written by ActorJson; "" when absent or malformed.
std::string ActorIdOf(const boost::json::object& state, std::string_view field);

boost::json::object ToJson(const Event& event);
// RFC 8785 bytes: the ledger leaf.
Result<std::string> CanonicalLeaf(const Event& event);
// Parses a leaf; fails on malformed JSON or a missing/mistyped field.
Result<Event> ParseLeaf(std::string_view leaf);
// Same, from an already parsed value (moved from).
Result<Event> EventFromJson(boost::json::value&& value);

// Checks a type is noun.verb_past in snake case.
bool IsValidEventType(std::string_view type);

}  // namespace accord::domain
