// Documents (TP-6 evidence, agreements' texts, our own reports): the bytes are stored once per
// SHA-256 in the `documents` table (carried by backups), the metadata is a registry object
// written by document.uploaded. Checks of type, size and name happen before (domain/document.h).
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <filesystem>
#include <string>

#include "accord/domain/event.h"
#include "accord/storage/event_log.h"
#include "accord/storage/registry_store.h"

namespace accord::storage {

struct DocumentUpload {
  Scope scope;  // what the uploader may see: its party for a contact
  domain::Actor actor;
  std::string parent_kind;  // "agreement" | "party" | "certification"
  std::string parent_id;
  std::string filename;
  std::string content_type;
  std::string body;
  std::string sha256;  // hex; computed here when empty (callers hash outside the writer)
  // Set instead of `body` for an upload received into a file: its `size` bytes are copied
  // into the store a chunk at a time (the caller keeps the file until the command has run).
  std::filesystem::path content_file;
  int64_t size = 0;
  // When the document took effect (a policy's start, a report's signing), as the uploader
  // says: RFC 3339 with ms, or empty. The recorded time is the ledger's (created_at).
  std::string effective_at;
};

// Stores the bytes (once per SHA-256) and records document.uploaded under the parent (404 if
// the scope does not see it); an agreement's documents are numbered as its versions. Returns
// the document's view.
Result<boost::json::value> StoreDocument(CommandContext& c, const DocumentUpload& upload);

// The bytes of a stored document, by its SHA-256 (an error if they are missing).
Result<std::string> ReadDocumentContent(Tx& tx, const std::string& sha256);

}  // namespace accord::storage
