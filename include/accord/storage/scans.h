// Vulnerability scans (issue 24, TR-4): a scanner's report imported as findings (`source: scan`)
// on the findings board. One import is one command (all or nothing): the target is registered the
// first time a scan names it (flagged by a finding while it belongs to no system), each result is
// matched to the finding it raised before by target, tool and fingerprint, and only what changed
// is appended: new findings opened, fixed ones that came back reopened, open ones the scan no
// longer has resolved, CycloneDX VEX "not affected" statements recorded and applied. The
// scheduler's `scan cadence` job raises a finding for a target not scanned within the profile's
// `[reviews] scan_cadence_days`.
#pragma once

#include <boost/json.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accord/core/result.h"
#include "accord/domain/event.h"
#include "accord/domain/scan_report.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"
#include "accord/storage/projection.h"

namespace accord::storage {

struct ScanImport {
  domain::ScanReport report;
  std::string target;     // overrides the report's target ("" = the report's)
  std::string system_id;  // the system the target belongs to ("" = keep / none)
  std::string file_name;  // for the record, may be empty
  // When the scanner ran (default: now). Deadlines and the cadence count from it.
  std::optional<TimePoint> scanned_at;
};

// Imports one report; answers the scan's record (its counts, its target).
Result<boost::json::object> ImportScan(CommandContext& c, const domain::Actor& actor,
                                       const ScanImport& in, const policy::ReviewsPolicy& policy);

// Assigns a target to one of our systems (resolving the "belongs to no system" finding).
Result<boost::json::object> AssignScanTarget(CommandContext& c, const domain::Actor& actor,
                                             const std::string& target_id,
                                             const std::string& system_id);

// The scheduler's job: one finding per target whose last scan is older than the cadence (once
// while it stands). Returns how many findings it opened.
Result<int> RaiseStaleScanTargets(EventLog& log, const policy::ReviewsPolicy& policy);

struct ScanDue {
  std::string target_id, target_name;
  std::string due_at;  // last scan + the cadence (RFC 3339)
  bool overdue = false;
};
// When each target's next scan is due (for the audit calendar), soonest first.
Result<std::vector<ScanDue>> ScansDue(Tx& tx, TimePoint now, const policy::ReviewsPolicy& policy);

// Reads for the API and the portal: newest first, at most `limit`.
Result<boost::json::array> ListScans(Tx& tx, const std::string& target_id, int limit);
Result<std::optional<boost::json::object>> GetScan(Tx& tx, const std::string& scan_id);
Result<boost::json::array> ListScanTargets(Tx& tx, TimePoint now,
                                           const policy::ReviewsPolicy& policy);

std::unique_ptr<Projection> MakeScansProjection();

}  // namespace accord::storage
