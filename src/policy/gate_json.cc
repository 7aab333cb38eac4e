#include "accord/policy/gate_json.h"

#include <boost/json.hpp>

namespace accord::policy {
namespace {

namespace json = boost::json;

json::array EvidenceJson(const RuleResult& r) {
  json::array out;
  for (const Evidence& e : r.evidence_list()) {
    out.push_back(json::object{{"kind", e.kind}, {"ref", e.ref}, {"state", e.state}});
  }
  return out;
}

json::object RuleJson(const RuleResult& r) {
  const bool failing = r.outcome == Outcome::kDeny || r.outcome == Outcome::kNeedsApproval;
  return json::object{{"id", r.rule->id},
                      {"seed_ref", r.rule->seed_ref},
                      {"citation", r.rule->citation},
                      {"statement", r.rule->statement},
                      {"outcome", Name(r.outcome)},
                      {"reason", r.reason},
                      {"remedy", failing ? std::string_view(r.rule->remedy) : ""},
                      {"evidence", EvidenceJson(r)}};
}

}  // namespace

json::object ToJson(const GateResult& result) {
  json::array rules;
  for (const RuleResult& r : result.results()) rules.push_back(RuleJson(r));
  return json::object{{"decision", Name(result.decision)}, {"rules", std::move(rules)}};
}

}  // namespace accord::policy
