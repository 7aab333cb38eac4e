// Turns stored registry objects into the gate's input (policy/gate.h). The gate takes
// views; GateInput owns the strings and arrays they point into.
#pragma once

#include <boost/json/object.hpp>
#include <deque>
#include <span>
#include <string>
#include <vector>

#include "accord/core/result.h"
#include "accord/policy/gate.h"
#include "accord/storage/registry_store.h"

namespace accord::storage {

// A grant request as validated from JSON.
struct GrantLineInput {
  std::string system_ref;
  std::string permission;
  std::string justification;
  std::vector<std::string> endpoints;  // names of the system's endpoints the party will use
};
struct GrantInput {
  std::string party_id;
  std::string contact_id;
  std::string purpose;
  TimePoint start;
  TimePoint end;
  std::vector<GrantLineInput> lines;
};

// Validates a request body ({party_id, contact_id, start_at, end_at, purpose, lines}).
Result<GrantInput> ParseGrantInput(const boost::json::object& body);

class GateInput {
 public:
  // Loads the party (404 if not visible), its agreements, records and the systems named
  // by the lines (an unknown id is a validation error; a wildcard is left to the gate).
  static Result<std::unique_ptr<GateInput>> Load(Tx& tx, const GrantInput& input,
                                                 const Scope& scope);
  policy::GateRequest Request(TimePoint now) const;
  const StoredObject& party() const { return party_obj_; }
  // The lines as stored in the grant ({system_id, system_name, environment, permission,
  // justification, endpoints}).
  boost::json::array LinesJson() const;

 private:
  GateInput() = default;
  void Add(const std::string& kind, const StoredObject& o, bool& ephi);
  std::span<const policy::GateEndpoint> EndpointsOf(const StoredObject& system);
  const GrantInput* input_ = nullptr;
  StoredObject party_obj_;
  std::deque<StoredObject> objects_;  // stable addresses: the views point into them
  std::deque<std::string> strings_;
  policy::GateParty party_{};
  std::vector<policy::GateAgreement> agreements_;
  std::vector<policy::GateRecord> due_diligence_;
  std::vector<policy::GateRecord> controls_;
  std::vector<policy::GatePermission> permissions_;
  std::vector<policy::GateSystem> systems_;
  std::vector<policy::GateLine> lines_;
  // Per system and per line: the spans in systems_ and lines_ point into them.
  std::deque<std::vector<policy::GateEndpoint>> endpoints_;
  std::deque<std::vector<policy::GateLineEndpoint>> line_endpoints_;
};

}  // namespace accord::storage
