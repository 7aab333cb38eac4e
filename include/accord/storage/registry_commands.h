// Creating, changing and deleting registry objects (parties, services, contacts, agreements,
// records, certifications): the kind spec validates, the store checks references and unique
// names, and each is one ledger event (<kind>.created, .updated or .status_changed,
// .deleted). The registry routes, the demo and the tests call these.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "accord/domain/event.h"
#include "accord/storage/event_log.h"
#include "accord/storage/registry_store.h"

namespace accord::storage {

// The object's state plus "ledger_index" (the event that wrote this version).
boost::json::object ObjectView(const StoredObject& object);

// `scope` is what the caller may see (a party's contact: its own party; a parent outside it
// is 404); `parent_id` is the party of a child kind. Each returns the object's view.
Result<boost::json::value> CreateRegistryObject(CommandContext& c, std::string_view kind,
                                                std::string parent_id, boost::json::object body,
                                                const domain::Actor& actor,
                                                const Scope& scope = {});
// Absent fields keep their value, null clears; nothing changed writes nothing.
Result<boost::json::value> PatchRegistryObject(CommandContext& c, std::string_view kind,
                                               std::string id, boost::json::object body,
                                               const domain::Actor& actor, const Scope& scope = {});
// For mistakes only: a prospect party without children, a draft agreement, ...
Result<boost::json::value> DeleteRegistryObject(CommandContext& c, std::string_view kind,
                                                std::string id, const domain::Actor& actor,
                                                const Scope& scope = {});

}  // namespace accord::storage
