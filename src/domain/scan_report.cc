// SARIF 2.1.0, Trivy JSON and CycloneDX VEX to a ScanReport (TR-4). Each format names the paths
// whose values json_stream hands over; a result becomes a compact pending item at once, and the
// parts that may come after the results in the file (SARIF's rules, Trivy's result targets) are
// joined to them at the end.
#include "accord/domain/scan_report.h"

#include "accord/core/time.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cstring>
#include <map>

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "json_stream.h"

namespace accord::domain {

namespace json = boost::json;

std::optional<ScanFormat> ParseScanFormat(std::string_view name) {
  if (name == "sarif") return ScanFormat::kSarif;
  if (name == "trivy") return ScanFormat::kTrivy;
  if (name == "cyclonedx") return ScanFormat::kCycloneDx;
  return std::nullopt;
}

std::string_view Name(ScanFormat format) {
  switch (format) {
    case ScanFormat::kSarif:
      return "sarif";
    case ScanFormat::kTrivy:
      return "trivy";
    case ScanFormat::kCycloneDx:
      return "cyclonedx";
  }
  return "";
}

namespace {

const json::value* At(const json::value& v, std::initializer_list<std::string_view> path) {
  const json::value* cur = &v;
  for (auto key : path) {
    if (!cur->is_object()) return nullptr;
    cur = cur->as_object().if_contains(key);
    if (!cur) return nullptr;
  }
  return cur;
}

std::string Text(const json::value& v, std::initializer_list<std::string_view> path) {
  const json::value* f = At(v, path);
  if (!f) return "";
  if (f->is_string()) return std::string(f->as_string());
  if (f->is_int64()) return std::to_string(f->as_int64());
  if (f->is_uint64()) return std::to_string(f->as_uint64());
  return "";
}

std::string Clip(std::string s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  s.resize(cut);
  return s + "…";
}

std::string Fingerprint(std::initializer_list<std::string_view> parts) {
  std::string joined;
  for (auto p : parts) {
    joined.append(p);
    joined.push_back('\x1f');
  }
  return HexEncode(Sha256(joined));
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Trivy's and CycloneDX's words; anything else (UNKNOWN, info, none) is low.
std::string Severity(const std::string& word) {
  std::string w = Lower(word);
  if (w == "critical" || w == "high" || w == "medium" || w == "low") return w;
  return "low";
}

// CVSS score bands (SARIF's security-severity property).
std::string SeverityOfScore(double score) {
  if (score >= 9.0) return "critical";
  if (score >= 7.0) return "high";
  if (score >= 4.0) return "medium";
  return "low";
}

std::string SeverityOfLevel(const std::string& level) {
  if (level == "error") return "high";
  if (level == "note" || level == "none") return "low";
  return "medium";  // warning, SARIF's default
}

Error TooMany(int64_t max) {
  return Error{ErrorCode::kPayloadTooLarge,
               "results: more than " + std::to_string(max) +
                   " results in one file; split the scan (one file per target or per tool)",
               {{"results", "more than " + std::to_string(max)}}};
}

Error Missing(const std::string& field, const std::string& reason) {
  return ValidationError(field, reason);
}

// --- SARIF --------------------------------------------------------------------------------

struct SarifRule {
  std::string title, level;
  double score = -1;
};

// Keeps the later of the report's time and `text` (an RFC 3339 time; anything else is ignored).
void NoteScanTime(ScanReport& report, std::string_view text, std::string field) {
  auto t = ParseRfc3339(text);
  if (!t.ok() || (report.scanned_at && *report.scanned_at >= *t)) return;
  report.scanned_at = *t;
  report.scanned_at_field = std::move(field);
}

struct SarifPending {
  size_t run = 0;
  std::string rule_id, level, message, location, fingerprint_seed;
  int64_t rule_index = -1;
};

struct SarifState {
  std::string version;
  std::map<size_t, std::string> tool_names, tool_versions, repositories;
  std::map<size_t, std::vector<std::pair<std::string, SarifRule>>> rules;  // by run, in order
  std::vector<SarifPending> pending;
};

SarifRule RuleOf(const json::value& r) {
  SarifRule out;
  out.title = Text(r, {"shortDescription", "text"});
  if (out.title.empty()) out.title = Text(r, {"name"});
  out.level = Text(r, {"defaultConfiguration", "level"});
  if (const json::value* s = At(r, {"properties", "security-severity"})) {
    if (s->is_string()) {
      try {
        out.score = std::stod(std::string(s->as_string()));
      } catch (...) {
        out.score = -1;
      }
    } else if (s->is_number()) {
      out.score = s->to_number<double>();
    }
  }
  return out;
}

void ReadSarifTool(SarifState& st, size_t run, const json::value& tool) {
  st.tool_names[run] = Text(tool, {"driver", "name"});
  st.tool_versions[run] = Text(tool, {"driver", "semanticVersion"});
  if (st.tool_versions[run].empty()) st.tool_versions[run] = Text(tool, {"driver", "version"});
  auto& rules = st.rules[run];
  if (const json::value* rs = At(tool, {"driver", "rules"}); rs && rs->is_array()) {
    for (const auto& r : rs->as_array()) rules.emplace_back(Text(r, {"id"}), RuleOf(r));
  }
}

Result<SarifPending> ReadSarifResult(size_t run, size_t index, const json::value& r) {
  SarifPending p{.run = run};
  p.rule_id = Text(r, {"ruleId"});
  if (p.rule_id.empty()) p.rule_id = Text(r, {"rule", "id"});
  if (const json::value* i = At(r, {"ruleIndex"}); i && i->is_int64()) p.rule_index = i->as_int64();
  if (p.rule_id.empty() && p.rule_index < 0) {
    return Missing("runs[" + std::to_string(run) + "].results[" + std::to_string(index) + "]",
                   "names no rule (ruleId or ruleIndex)");
  }
  p.level = Text(r, {"level"});
  p.message = Text(r, {"message", "text"});
  std::string uri, line;
  if (const json::value* locs = At(r, {"locations"});
      locs && locs->is_array() && !locs->as_array().empty()) {
    const json::value& pl = locs->as_array()[0];
    uri = Text(pl, {"physicalLocation", "artifactLocation", "uri"});
    line = Text(pl, {"physicalLocation", "region", "startLine"});
  }
  p.location = line.empty() ? uri : uri + ":" + line;
  // A stable identity: the tool's own fingerprints first, then its partial ones, then where.
  std::string seed;
  for (const char* key : {"fingerprints", "partialFingerprints"}) {
    const json::value* fp = At(r, {key});
    if (!fp || !fp->is_object() || fp->as_object().empty()) continue;
    std::vector<std::pair<std::string, std::string>> kv;
    for (const auto& [k, v] : fp->as_object()) {
      kv.emplace_back(std::string(k), v.is_string() ? std::string(v.as_string()) : "");
    }
    std::sort(kv.begin(), kv.end());
    seed = key;
    for (const auto& [k, v] : kv) seed += "|" + k + "=" + v;
    break;
  }
  if (seed.empty()) seed = "location|" + p.location + "|" + p.message;
  p.fingerprint_seed = std::move(seed);
  return p;
}

Result<ScanReport> FinishSarif(SarifState& st, ScanReport report) {
  if (st.version != "2.1.0") {
    return Missing("version", st.version.empty()
                                  ? "is missing: only SARIF 2.1.0 is read"
                                  : "is " + st.version + ": only SARIF 2.1.0 is read");
  }
  std::vector<std::string> names;
  for (const auto& [run, name] : st.tool_names) {
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(name);
    }
  }
  for (const auto& n : names) report.tool += (report.tool.empty() ? "" : " + ") + n;
  if (!st.tool_versions.empty()) report.tool_version = st.tool_versions.begin()->second;
  for (const auto& [run, repo] : st.repositories) {
    if (!repo.empty()) {
      report.target = repo;
      report.target_kind = "repository";
      break;
    }
  }
  report.items.reserve(st.pending.size());
  for (auto& p : st.pending) {
    const SarifRule* rule = nullptr;
    auto& rules = st.rules[p.run];
    if (p.rule_index >= 0 && static_cast<size_t>(p.rule_index) < rules.size()) {
      rule = &rules[p.rule_index].second;
      if (p.rule_id.empty()) p.rule_id = rules[p.rule_index].first;
    } else {
      for (const auto& [id, r] : rules) {
        if (id == p.rule_id) {
          rule = &r;
          break;
        }
      }
    }
    ScanItem item;
    item.kind = "code";
    item.rule = p.rule_id;
    std::string level = !p.level.empty() ? p.level : (rule ? rule->level : "");
    item.severity =
        rule && rule->score >= 0 ? SeverityOfScore(rule->score) : SeverityOfLevel(level);
    item.title = rule && !rule->title.empty() ? rule->title : Clip(p.message, 200);
    item.location = p.location;
    item.description = Clip(p.message, kMaxScanDescription);
    item.fingerprint = Fingerprint({"sarif", st.tool_names[p.run], p.rule_id, p.fingerprint_seed});
    report.items.push_back(std::move(item));
  }
  st.pending.clear();
  return report;
}

Result<ScanReport> ParseSarif(const ScanReader& read, const ScanLimits& limits) {
  SarifState st;
  ScanReport report{.format = ScanFormat::kSarif};
  const std::vector<json_stream::Path> paths = {{"version"},
                                                {"runs", "*", "tool"},
                                                {"runs", "*", "results", "*"},
                                                {"runs", "*", "versionControlProvenance", "*"},
                                                {"runs", "*", "invocations", "*"}};
  auto on = [&](size_t which, const std::vector<size_t>& idx, json::value&& v) -> Status {
    switch (which) {
      case 0:
        st.version = v.is_string() ? std::string(v.as_string()) : "";
        if (st.version != "2.1.0") return FinishSarif(st, {}).error();
        return Ok();
      case 1:
        ReadSarifTool(st, idx[0], v);
        return Ok();
      case 2: {
        if (++report.results > limits.max_results) return TooMany(limits.max_results);
        auto p = ReadSarifResult(idx[0], idx[1], v);
        if (!p.ok()) return std::move(p).error();
        st.pending.push_back(std::move(*p));
        return Ok();
      }
      case 3:
        if (!st.repositories.contains(idx[0])) st.repositories[idx[0]] = Text(v, {"repositoryUri"});
        return Ok();
      case 4: {
        // When the run ended (else began): the latest of all the runs' invocations.
        std::string at =
            "runs[" + std::to_string(idx[0]) + "].invocations[" + std::to_string(idx[1]) + "].";
        std::string end = Text(v, {"endTimeUtc"});
        if (!end.empty()) {
          NoteScanTime(report, end, at + "endTimeUtc");
        } else {
          NoteScanTime(report, Text(v, {"startTimeUtc"}), at + "startTimeUtc");
        }
        return Ok();
      }
    }
    return Ok();
  };
  ACCORD_TRY(json_stream::Stream(read, paths, on));
  return FinishSarif(st, std::move(report));
}

// --- Trivy --------------------------------------------------------------------------------

struct TrivyPending {
  size_t result = 0;
  ScanItem item;
  std::string identity;  // joined with the result's target at the end
};

std::string TargetKindOfTrivy(const std::string& artifact_type) {
  if (artifact_type == "container_image") return "image";
  if (artifact_type == "repository") return "repository";
  if (artifact_type == "vm") return "host";
  return "filesystem";
}

Result<ScanReport> ParseTrivy(const ScanReader& read, const ScanLimits& limits) {
  ScanReport report{.format = ScanFormat::kTrivy, .tool = "Trivy"};
  std::optional<int64_t> schema;
  std::string artifact_type;
  std::map<size_t, std::string> targets;
  std::vector<TrivyPending> pending;
  const std::vector<json_stream::Path> paths = {{"SchemaVersion"},
                                                {"ArtifactName"},
                                                {"ArtifactType"},
                                                {"Trivy"},
                                                {"Results", "*", "Target"},
                                                {"Results", "*", "Vulnerabilities", "*"},
                                                {"Results", "*", "Misconfigurations", "*"},
                                                {"Results", "*", "Secrets", "*"},
                                                {"CreatedAt"}};
  auto on = [&](size_t which, const std::vector<size_t>& idx, json::value&& v) -> Status {
    if (which == 0) {
      schema = v.is_int64() ? v.as_int64() : -1;
      if (*schema != 2) {
        return Missing("SchemaVersion", "is " + json::serialize(v).substr(0, 20) +
                                            ": only Trivy's SchemaVersion 2 is read");
      }
      return Ok();
    }
    if (which == 1) report.target = v.is_string() ? std::string(v.as_string()) : "";
    if (which == 2) artifact_type = v.is_string() ? std::string(v.as_string()) : "";
    if (which == 3) report.tool_version = Text(v, {"Version"});
    if (which == 4) targets[idx[0]] = v.is_string() ? std::string(v.as_string()) : "";
    if (which == 8) {
      if (v.is_string()) NoteScanTime(report, v.as_string(), "CreatedAt");
      return Ok();
    }
    if (which < 5) return Ok();
    std::string where = "Results[" + std::to_string(idx[0]) + "]";
    TrivyPending p{.result = idx[0]};
    ScanItem& it = p.item;
    it.severity = Severity(Text(v, {"Severity"}));
    it.title = Text(v, {"Title"});
    if (which == 5) {
      it.kind = "vulnerability";
      it.rule = Text(v, {"VulnerabilityID"});
      it.package = Text(v, {"PkgName"});
      it.installed_version = Text(v, {"InstalledVersion"});
      it.fixed_version = Text(v, {"FixedVersion"});
      it.description = Clip(Text(v, {"Description"}), kMaxScanDescription);
      if (it.rule.empty() || it.package.empty()) {
        return Missing(where + ".Vulnerabilities[" + std::to_string(idx[1]) + "]",
                       "lacks VulnerabilityID or PkgName");
      }
      p.identity = it.rule + "|" + it.package;
    } else if (which == 6) {
      if (Text(v, {"Status"}) == "PASS") return Ok();  // a check that passed is no result
      it.kind = "misconfiguration";
      it.rule = Text(v, {"ID"});
      if (it.rule.empty()) it.rule = Text(v, {"AVDID"});
      it.description = Clip(Text(v, {"Message"}), kMaxScanDescription);
      if (it.rule.empty()) {
        return Missing(where + ".Misconfigurations[" + std::to_string(idx[1]) + "]", "lacks ID");
      }
      std::string line = Text(v, {"CauseMetadata", "StartLine"});
      it.location = line;
      p.identity = it.rule + "|" + line;
    } else {
      it.kind = "secret";
      it.rule = Text(v, {"RuleID"});
      std::string line = Text(v, {"StartLine"});
      it.location = line;
      it.description = Clip(Text(v, {"Category"}) + ": " + Text(v, {"Match"}), 300);
      if (it.rule.empty()) {
        return Missing(where + ".Secrets[" + std::to_string(idx[1]) + "]", "lacks RuleID");
      }
      p.identity = it.rule + "|" + line;
    }
    if (++report.results > limits.max_results) return TooMany(limits.max_results);
    if (it.title.empty()) it.title = it.rule;
    pending.push_back(std::move(p));
    return Ok();
  };
  ACCORD_TRY(json_stream::Stream(read, paths, on));
  if (!schema) return Missing("SchemaVersion", "is missing: is this a Trivy JSON report?");
  report.target_kind = TargetKindOfTrivy(artifact_type);
  report.items.reserve(pending.size());
  for (auto& p : pending) {
    const std::string& target = targets[p.result];
    ScanItem it = std::move(p.item);
    // Trivy's identity: the vulnerability, the package and the result's target.
    it.fingerprint = Fingerprint({"trivy", it.kind, target, p.identity});
    if (it.kind != "vulnerability") {
      it.location = it.location.empty() ? target : target + ":" + it.location;
    } else {
      it.location = target;
    }
    report.items.push_back(std::move(it));
  }
  return report;
}

// --- CycloneDX ----------------------------------------------------------------------------

// pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.4 -> jackson-databind
std::string PurlName(const std::string& purl) {
  if (!purl.starts_with("pkg:")) return "";
  std::string s = purl.substr(0, purl.find_first_of("@?#"));
  return s.substr(s.rfind('/') + 1);
}

Result<ScanReport> ParseCycloneDx(const ScanReader& read, const ScanLimits& limits) {
  ScanReport report{.format = ScanFormat::kCycloneDx, .tool = "CycloneDX"};
  std::string format, spec;
  std::map<std::string, std::string> names;  // bom-ref -> component name
  std::vector<json::value> vulns;
  const std::vector<json_stream::Path> paths = {{"bomFormat"},
                                                {"specVersion"},
                                                {"metadata", "component"},
                                                {"components", "*"},
                                                {"vulnerabilities", "*"},
                                                {"metadata", "tools"},
                                                {"metadata", "timestamp"}};
  auto on = [&](size_t which, const std::vector<size_t>&, json::value&& v) -> Status {
    switch (which) {
      case 0:
        format = v.is_string() ? std::string(v.as_string()) : "";
        if (format != "CycloneDX") return Missing("bomFormat", "must be CycloneDX");
        return Ok();
      case 1:
        spec = v.is_string() ? std::string(v.as_string()) : "";
        if (spec != "1.4" && spec != "1.5" && spec != "1.6") {
          return Missing("specVersion", "is " + spec + ": CycloneDX 1.4, 1.5 and 1.6 are read");
        }
        return Ok();
      case 2: {
        std::string name = Text(v, {"name"}), version = Text(v, {"version"});
        report.target = version.empty() ? name : name + "@" + version;
        report.target_kind = "product";
        return Ok();
      }
      case 3: {
        std::string ref = Text(v, {"bom-ref"});
        if (!ref.empty()) names[ref] = Text(v, {"name"});
        return Ok();
      }
      case 4:
        if (++report.results > limits.max_results) return TooMany(limits.max_results);
        vulns.push_back(std::move(v));
        return Ok();
      case 5:
        if (const json::value* c = At(v, {"components"});
            c && c->is_array() && !c->as_array().empty()) {
          report.tool = Text(c->as_array()[0], {"name"});
        } else if (v.is_array() && !v.as_array().empty()) {
          report.tool = Text(v.as_array()[0], {"name"});
        }
        if (report.tool.empty()) report.tool = "CycloneDX";
        return Ok();
      case 6:
        if (v.is_string()) NoteScanTime(report, v.as_string(), "metadata.timestamp");
        return Ok();
    }
    return Ok();
  };
  ACCORD_TRY(json_stream::Stream(read, paths, on));
  if (format.empty()) return Missing("bomFormat", "is missing: is this a CycloneDX BOM?");
  if (spec.empty()) return Missing("specVersion", "is missing");
  for (size_t i = 0; i < vulns.size(); ++i) {
    const json::value& v = vulns[i];
    std::string id = Text(v, {"id"});
    if (id.empty()) {
      return Missing("vulnerabilities[" + std::to_string(i) + "].id", "is required");
    }
    std::vector<std::string> packages;
    if (const json::value* aff = At(v, {"affects"}); aff && aff->is_array()) {
      for (const auto& a : aff->as_array()) {
        std::string ref = Text(a, {"ref"});
        std::string name = names.contains(ref) ? names[ref] : PurlName(ref);
        packages.push_back(name);
      }
    }
    std::string state = Text(v, {"analysis", "state"});
    if (state == "not_affected" || state == "false_positive" || state == "resolved") {
      std::string justification = Text(v, {"analysis", "justification"});
      if (state == "not_affected" && justification.empty()) {
        return Missing("vulnerabilities[" + std::to_string(i) + "].analysis.justification",
                       "is required when the state is not_affected");
      }
      report.vex.push_back(
          VexStatement{.vulnerability_id = id,
                       .state = state,
                       .justification = justification,
                       .detail = Clip(Text(v, {"analysis", "detail"}), kMaxScanDescription),
                       .packages = packages.empty() ? std::vector<std::string>{""} : packages});
      continue;
    }
    std::string severity = "low";
    if (const json::value* r = At(v, {"ratings"}); r && r->is_array() && !r->as_array().empty()) {
      severity = Severity(Text(r->as_array()[0], {"severity"}));
    }
    for (const auto& pkg : packages.empty() ? std::vector<std::string>{""} : packages) {
      ScanItem it{.fingerprint = Fingerprint({"cyclonedx", id, pkg}),
                  .kind = "vulnerability",
                  .rule = id,
                  .title = id + (pkg.empty() ? "" : " in " + pkg),
                  .severity = severity,
                  .package = pkg,
                  .description = Clip(Text(v, {"description"}), kMaxScanDescription)};
      report.items.push_back(std::move(it));
    }
  }
  return report;
}

}  // namespace

Result<ScanReport> ParseScanReport(ScanFormat format, const ScanReader& read,
                                   const ScanLimits& limits) {
  switch (format) {
    case ScanFormat::kSarif:
      return ParseSarif(read, limits);
    case ScanFormat::kTrivy:
      return ParseTrivy(read, limits);
    case ScanFormat::kCycloneDx:
      return ParseCycloneDx(read, limits);
  }
  return Internal("unknown scan format");
}

Result<ScanReport> ParseScanReport(ScanFormat format, std::string_view text,
                                   const ScanLimits& limits) {
  size_t at = 0;
  ScanReader read = [&](char* buf, size_t size) {
    size_t n = std::min(size, text.size() - at);
    std::memcpy(buf, text.data() + at, n);
    at += n;
    return n;
  };
  return ParseScanReport(format, read, limits);
}

}  // namespace accord::domain
