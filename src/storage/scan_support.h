// The scan commands' shared steps (private to storage/): targets, and the finding moves a scan
// makes by itself (resolve what is gone, reopen what came back).
#pragma once

#include <boost/json.hpp>
#include <string>

#include "accord/core/result.h"
#include "accord/domain/event.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"

namespace accord::storage::scan_support {

struct Target {
  std::string id, name, kind, system_id;
  bool is_new = false;
};

// A target's own findings, keyed in rm_scan_findings by this fingerprint (tool "").
inline constexpr const char* kNoSystem = "target_no_system";
inline constexpr const char* kNotScanned = "target_not_scanned";

std::string Clip(std::string s, size_t max);
// "not_affected" -> "not affected".
std::string HumanWords(std::string s);

// 422 system_id when no live system has that id.
Status CheckSystem(Tx& tx, const std::string& system_id);

Result<std::optional<Target>> FindTarget(Tx& tx, const std::string& column,
                                         const std::string& value);

// The target named `name`, registered (scan_target.registered) the first time; a new target with
// no system gets the "belongs to no system" finding; `system_id` assigns it.
Result<Target> RegisterTarget(CommandContext& c, const domain::Actor& actor,
                              const std::string& name, const std::string& kind,
                              const std::string& system_id, const std::string& scan_id);

// Opens a target's own finding (no system / not scanned) unless one stands open.
Status OpenTargetFinding(CommandContext& c, const domain::Actor& actor, const Target& target,
                         const std::string& fingerprint, const std::string& title,
                         const std::string& description, const std::string& severity,
                         TimePoint due);
// Resolves that finding if it stands open.
Status ResolveTargetFinding(CommandContext& c, const domain::Actor& actor, const Target& target,
                            const std::string& fingerprint, const std::string& comment,
                            const std::string& scan_id);

// finding.resolved by the scan (resolution.scan_id, and the VEX statement when there is one).
Status ResolveByScan(CommandContext& c, const domain::Actor& actor, const std::string& finding_id,
                     const std::string& comment, const std::string& scan_id,
                     boost::json::value vex);
// finding.reopened by the scan: a new deadline from today, by its severity.
Status ReopenByScan(CommandContext& c, const domain::Actor& actor, const std::string& finding_id,
                    const std::string& scan_id, const policy::ReviewsPolicy& policy);

}  // namespace accord::storage::scan_support
