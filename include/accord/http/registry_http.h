// Shared by the registry's route files (api_registry, api_access, api_documents,
// api_import): how a caller maps to a scope and an actor, and how objects become JSON.
#pragma once

#include <boost/json/object.hpp>

#include "accord/domain/event.h"
#include "accord/http/api.h"
#include "accord/storage/registry_store.h"

namespace accord::http {

// A third_party_contact sees only its own party (TP-7); everyone else the organisation.
storage::Scope ScopeOf(const Principal& principal);
domain::Actor ActorOf(const Principal& principal);

// The object's state plus "ledger_index" (the event that wrote this version).
boost::json::object ObjectJson(const storage::StoredObject& object);
// {"items": [...], "next_cursor": ...}
boost::json::object PageJson(const storage::ObjectPage& page);

// The commands behind the routes, for other callers (demo data, CLI). Each runs inside a
// write transaction and returns what the route would answer.
Result<boost::json::value> CreateObjectCommand(storage::CommandContext& c, std::string_view kind,
                                               std::string parent_id, boost::json::object body,
                                               const domain::Actor& actor);
Result<boost::json::value> PatchObjectCommand(storage::CommandContext& c, std::string_view kind,
                                              std::string id, boost::json::object body,
                                              const domain::Actor& actor);

// Stores a document (already checked: type, size, name) under an agreement, a party or a
// certification; what the upload route does after its checks.
Result<boost::json::value> UploadDocumentCommand(storage::CommandContext& c,
                                                 const std::string& parent_kind,
                                                 const std::string& parent_id, std::string filename,
                                                 std::string content_type, std::string body,
                                                 const domain::Actor& actor);
// A stored document as a download: attachment, sandboxed, its SHA-256 in X-Content-SHA256.
Response DocumentDownload(const boost::json::object& doc, std::string content);

void AddPartyImportRoutes(Router& router, ApiDeps& deps);
void AddDocumentRoutes(Router& router, ApiDeps& deps);

}  // namespace accord::http
