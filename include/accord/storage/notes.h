// Notes: free text about any subject (note.added), read back from the rm_notes read model.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "accord/domain/event.h"
#include "accord/storage/event_log.h"

namespace accord::storage {

// Records note.added on the subject, which must exist: the organisation, an API token
// (api_token) or a registry object; otherwise validation_failed naming subject.kind or
// subject.id. Returns the note as listed.
Result<boost::json::object> AddNote(CommandContext& c, const domain::Actor& actor,
                                    const domain::Subject& subject, const std::string& text);

// Notes oldest first, written after ledger index `after` and before ledger size `as_of`,
// optionally of one subject kind and id ("" = any); at most `limit`. Each is
// {id, subject {kind, id}, text, author {id, role}, created_at, ledger_index}.
Result<std::vector<boost::json::object>> ListNotes(Tx& tx, int64_t after, int64_t as_of,
                                                   const std::string& subject_kind,
                                                   const std::string& subject_id, size_t limit);

}  // namespace accord::storage
