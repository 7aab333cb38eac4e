// Shared by the registry's route files (api_registry, api_access, api_documents,
// api_import): how a caller maps to a scope and an actor, and how objects become JSON.
#pragma once

#include <boost/json/object.hpp>

#include "accord/domain/event.h"
#include "accord/http/api.h"
#include "accord/storage/documents.h"
#include "accord/storage/object_views.h"
#include "accord/storage/registry_store.h"

namespace accord::http {

// A third_party_contact sees only its own party (TP-7); everyone else the organisation.
storage::Scope ScopeOf(const Principal& principal);
domain::Actor ActorOf(const Principal& principal);
// Who is looking, for the views' allowed_actions (storage/object_views.h).
storage::Viewer ViewerOf(const Principal& principal, const ApiDeps& deps);

// The object's state plus "ledger_index" (the event that wrote this version).
boost::json::object ObjectJson(const storage::StoredObject& object);
// {"items": [...], "next_cursor": ...}
boost::json::object PageJson(const storage::ObjectPage& page);

// A stored document as a download: attachment, sandboxed, its SHA-256 in X-Content-SHA256.
Response DocumentDownload(const boost::json::object& doc, std::string content);

// The request's document upload checked as every upload is (?filename=, ?effective_at=, the
// type by content, the size), ready for storage::StoreDocument once its parent is set; or the
// refusal. A body the server received into a file moves into `file`: keep it until the command
// has run.
Result<storage::DocumentUpload> CheckedUpload(Context& ctx, std::shared_ptr<const BodyFile>& file);

void AddPartyImportRoutes(Router& router, ApiDeps& deps);
void AddDocumentRoutes(Router& router, ApiDeps& deps);

}  // namespace accord::http
