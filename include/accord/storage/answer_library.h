// The answer library (issue 28, part 5): our own approved answers to the questions customers
// ask, with their evidence (our documents, certifications and the compliance catalog's
// controls), an owner and who approved which version when. Officers curate it; every change
// is a ledger event carrying the answer's whole state (library_answer.created, .revised,
// .approved, .retired); the `answer_library` projection keeps the current answers and every
// version. Customer questionnaires (customer_questionnaires.h) are matched against the
// approved ones.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accord/domain/event.h"
#include "accord/storage/documents.h"
#include "accord/storage/event_log.h"
#include "accord/storage/projection.h"

namespace accord::storage {

// Who is looking: the actions they may take are part of each answer's view.
struct LibraryViewer {
  std::string role;
  bool break_glass = false;
};

// {question, answer, evidence?, owner_id?}: a new draft, version 1. 422 naming the field for
// a missing or bad one (an evidence link to a document, certification or control that does
// not exist, an owner who is not an account); nothing written.
Result<boost::json::object> CreateLibraryAnswer(CommandContext& c, const domain::Actor& actor,
                                                const LibraryViewer& viewer,
                                                const boost::json::object& body);

// {action: revise | approve | retire, ...}: revise takes the fields to change (a new version,
// a draft again); approve records who and when; 409 naming the possible actions otherwise.
Result<boost::json::object> LibraryAnswerAction(CommandContext& c, const domain::Actor& actor,
                                                const LibraryViewer& viewer, const std::string& id,
                                                const boost::json::object& body);

// A file attached as an answer's evidence (answer_library_evidence.cc): stored as one of our
// documents (`upload`, checked by the caller like every upload; its parent is set here) and the
// answer revised in the same transaction: the file's link appended, or put in the place of the
// link to the record `replace` names. A new version, a draft again, like every revision. 422
// `replace` when the answer links no such record, `note` over 500 characters; nothing written.
struct EvidenceFile {
  DocumentUpload upload;
  std::string replace;  // the id of the linked record to replace ("" = add)
  std::string note;
};
Result<boost::json::object> AttachLibraryEvidence(CommandContext& c, const domain::Actor& actor,
                                                  const LibraryViewer& viewer,
                                                  const std::string& id, EvidenceFile file);

// Current answers, by id; optionally of one status and whose question or answer holds `q`.
Result<boost::json::array> ListLibraryAnswers(Tx& tx, const LibraryViewer& viewer,
                                              const std::string& status, const std::string& q,
                                              size_t limit);

// One answer with `versions` (each version's state, oldest first); nullopt when unknown.
Result<std::optional<boost::json::object>> GetLibraryAnswer(Tx& tx, const LibraryViewer& viewer,
                                                            const std::string& id);

// The approved answers' current states, by id: what a customer's questions are matched to.
Result<std::vector<boost::json::object>> ApprovedLibraryAnswers(Tx& tx);

// The read models of the library and of customer questionnaires (one projection).
std::unique_ptr<Projection> MakeAnswerLibraryProjection();

}  // namespace accord::storage
