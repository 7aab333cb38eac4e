// The access requests in bench/cedar/cases.json, loaded as gate requests: the one scenario
// that both the gate benchmark and the Cedar comparison (bench/cedar/gate.mjs) evaluate.
#pragma once

#include <boost/json.hpp>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "accord/core/result.h"
#include "accord/policy/gate.h"

namespace accord::bench {

struct GateCase {
  std::string name;
  std::vector<std::string> profiles;  // the keys of "expect"
  std::vector<policy::GateAgreement> agreements;
  std::vector<policy::GateRecord> due_diligence;
  std::vector<policy::GateRecord> controls;
  std::vector<policy::GatePermission> permissions;
  std::vector<policy::GateLine> lines;
  policy::GateParty party{};
  TimePoint start, end, now;

  policy::GateRequest Request() const { return {&party, lines, start, end, now}; }
};

class GateCases {
 public:
  // $ACCORD_GATE_CASES, or bench/cedar/cases.json in the source tree.
  static std::string DefaultPath();
  static Result<std::unique_ptr<GateCases>> Load(const std::string& path);

  const std::vector<std::unique_ptr<GateCase>>& cases() const { return cases_; }
  const GateCase* Find(std::string_view name) const;

 private:
  boost::json::value doc_;  // owns every string the cases point into
  std::deque<policy::GateSystem> systems_;
  std::vector<std::unique_ptr<GateCase>> cases_;
};

// `accord_bench --gate-cases[=FILE]`: prints every case's decision under each of its
// profiles as JSON, for bench/run.sh to compare with Cedar's. Returns the exit code.
int PrintGateCases(const std::string& path);

}  // namespace accord::bench
