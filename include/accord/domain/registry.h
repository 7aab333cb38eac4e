// The third-party registry's objects (TP-1, TP-6): parties, their services, contacts,
// agreements, due diligence and control records, our systems, documents and access
// grants. Each kind is described once here; validation, events, storage and the HTTP
// routes are all driven by the description.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/domain/fields.h"

namespace accord::domain {

struct KindSpec {
  std::string kind;           // "party": event types are "party.created", ...
  std::string id_prefix;      // "pty"
  std::string parent_kind;    // "party", "agreement" or "" (org level)
  std::string name_field;     // searchable with ?q= and shown in lists; "" if none
  std::string tag_field;      // the main category, filterable (party kind, agreement type)
  std::string status_field;   // "" if the kind has no lifecycle
  bool unique_name = false;   // case-insensitive, among live objects of the kind
  bool generic_write = true;  // false: created and changed only by their own commands
  std::vector<FieldSpec> fields;
};

// Every registry kind, by name; null if unknown.
const KindSpec* FindKind(std::string_view kind);
// The kind in words, for messages: "due diligence", "change notice".
std::string KindTitle(const KindSpec& spec);
// "a party", "an agreement".
std::string WithArticle(std::string_view noun);
const std::vector<KindSpec>& RegistryKinds();
bool IsRegistryKind(std::string_view kind);

// Lifecycles: the statuses `kind`'s status may move to from `from` (the same status is not
// a move). The tables are the workflows' (workflow/lifecycle.h, a layer above): callers of
// PatchObject pass workflow::NextStatuses.
using NextStatusesFn = std::vector<std::string> (*)(std::string_view kind, std::string_view from);
// "onboarding, offboarded", or "none (final)": the allowed next statuses in a refusal.
std::string StatusList(const std::vector<std::string>& statuses);

// Rules across fields of one object (dates in order, checklists complete before an
// agreement is executed, ...): appends details.
void CheckObject(const KindSpec& spec, const boost::json::object& state,
                 std::vector<ErrorDetail>& details);

// HITRUST 05.i risk identification: inherent risk tier from data categories, access
// and criticality ("high" | "medium" | "low").
std::string InherentRiskTier(const boost::json::object& party);

// Builds the state of a new object from a create request: validates, applies defaults,
// adds id, parent, created_at/updated_at and version 1. `parent_id` may be empty.
Result<boost::json::object> NewObject(const KindSpec& spec, const boost::json::object& body,
                                      std::string id, std::string parent_id, TimePoint now);

// Applies a PATCH to the current state: validates, checks the lifecycle (`next_statuses`),
// bumps version. `changed` receives the names of the fields whose value changed.
Result<boost::json::object> PatchObject(const KindSpec& spec, const boost::json::object& current,
                                        const boost::json::object& body, TimePoint now,
                                        std::vector<std::string>& changed,
                                        NextStatusesFn next_statuses);

// Strings from a state object ("" when absent or not a string).
std::string StateString(const boost::json::object& state, std::string_view key);
// Arrays from a state object (an empty one when absent or not an array).
const boost::json::array& StateArray(const boost::json::object& state, std::string_view key);
// A stored state document (rm_objects.doc) as an object; nullopt if it is not one.
std::optional<boost::json::object> ParseStateDoc(std::string_view text);

}  // namespace accord::domain
