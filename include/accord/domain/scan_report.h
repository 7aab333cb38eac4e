// A scanner's output (TR-4) reduced to what Accord tracks: the target it scanned, one item per
// result with a stable fingerprint, and VEX statements. SARIF 2.1.0, Trivy JSON (SchemaVersion
// 2) and CycloneDX 1.4-1.6 (VEX) are read by a streaming parser: only one result at a time is a
// JSON value, so memory follows the number of results kept, not the file's size, and a file
// with more than `max_results` results is refused as soon as it has that many.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/clock.h"
#include "accord/core/result.h"

namespace accord::domain {

enum class ScanFormat { kSarif, kTrivy, kCycloneDx };
std::optional<ScanFormat> ParseScanFormat(std::string_view name);  // sarif | trivy | cyclonedx
std::string_view Name(ScanFormat format);

// One result: a vulnerability in a package, a misconfiguration, a secret or a code-scanning
// alert. `fingerprint` identifies it across scans of the same target and tool.
struct ScanItem {
  std::string fingerprint;  // hex SHA-256 of what identifies the result
  std::string kind;         // vulnerability | misconfiguration | secret | code
  std::string rule;         // CVE id, rule id, check id
  std::string title;
  std::string severity;  // critical | high | medium | low
  std::string package;   // vulnerabilities: the package name
  std::string installed_version, fixed_version;
  std::string location;     // file:line, the Trivy result's target, ...
  std::string description;  // at most kMaxDescription bytes
};

// A CycloneDX VEX analysis: what the vendor says of a vulnerability in a component.
struct VexStatement {
  std::string vulnerability_id;
  std::string state;          // not_affected | exploitable | resolved | in_triage | ...
  std::string justification;  // code_not_reachable, ... (for not_affected)
  std::string detail;
  std::vector<std::string> packages;  // names of the components it affects ("" = any)
};

struct ScanReport {
  ScanFormat format = ScanFormat::kTrivy;
  std::string tool;          // "Trivy", "CodeQL command-line toolchain", ...
  std::string tool_version;  // may be empty
  std::string target;        // the image, repository or host scanned ("" = not named)
  std::string target_kind;   // image | repository | filesystem | host | product
  int64_t results = 0;       // results read (passed checks not counted)
  // When the scanner ran, as the file says (issue 24): SARIF's latest
  // runs[].invocations[].endTimeUtc (else startTimeUtc), Trivy's CreatedAt, CycloneDX's
  // metadata.timestamp; nullopt when the file has none or it is not an RFC 3339 time.
  std::optional<TimePoint> scanned_at;
  std::string scanned_at_field;  // where it came from: "CreatedAt", "metadata.timestamp" …
  std::vector<ScanItem> items;
  std::vector<VexStatement> vex;
};

struct ScanLimits {
  int64_t max_results = 200000;
};

inline constexpr size_t kMaxScanDescription = 2000;

// Reads a report from `read` (called until it returns 0 bytes; it fills the buffer it is
// given). Errors: 400 (not JSON, truncated: with the byte offset), 422 naming the field
// (wrong schema version, a result that lacks what identifies it, too many results).
using ScanReader = std::function<size_t(char* buffer, size_t size)>;
Result<ScanReport> ParseScanReport(ScanFormat format, const ScanReader& read,
                                   const ScanLimits& limits = {});
Result<ScanReport> ParseScanReport(ScanFormat format, std::string_view text,
                                   const ScanLimits& limits = {});

}  // namespace accord::domain
