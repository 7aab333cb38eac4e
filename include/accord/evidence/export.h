// `accord evidence export` and the API's bundle route: the selected ledger events with their
// inclusion proofs, the documents they reference, the latest signed checkpoint, an optional
// consistency proof from an earlier bundle, the log's keys, a manifest signed by the log's
// key and the offline verify.html, in one zip (evidence/layout.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/ledger/note.h"
#include "accord/storage/store.h"

namespace accord::evidence {

// Which events go into a bundle: recorded in [from, until), and, when given, about one of
// `parties` (the party itself or an object filed under it) and of one of the subject `kinds`.
struct Selection {
  std::optional<TimePoint> from;
  std::optional<TimePoint> until;  // exclusive
  std::vector<std::string> parties;
  std::vector<std::string> kinds;
  // By control (evidence/control_selection.h): only these entries and the entries about these
  // objects ("kind/id"), when `control` is set.
  std::string control;
  std::set<uint64_t> entries;
  std::set<std::string> subjects;
};

// From the user's words: `from` and `to` are RFC 3339 or YYYY-MM-DD (a date covers its whole
// day: `--to 2026-12-31` includes that day). Errors name "from", "to", "party" or "kind".
[[nodiscard]] Result<Selection> ParseSelection(std::string_view from, std::string_view to,
                                               std::vector<std::string> parties,
                                               std::vector<std::string> kinds);

struct ExportOptions {
  Selection selection;
  std::filesystem::path since;  // an earlier bundle: adds a consistency proof from its checkpoint
  std::filesystem::path out;
  uint64_t max_events = 2'000'000;  // a larger selection is refused (field "selection")
};

struct ExportSummary {
  uint64_t events = 0;
  uint64_t documents = 0;
  uint64_t checkpoint_size = 0;
  std::optional<uint64_t> since_size;
  uint64_t bytes = 0;  // the archive's size
};

// Reads one snapshot of `store`: the latest stored checkpoint (events after it are not
// included: sign a checkpoint first) and everything the selection needs. `signer` signs the
// manifest; it must be the log's current key.
[[nodiscard]] Result<ExportSummary> ExportBundle(storage::Store& store,
                                                 const ledger::Signer& signer,
                                                 const std::string& origin,
                                                 const ExportOptions& options, const Clock& clock);

}  // namespace accord::evidence
