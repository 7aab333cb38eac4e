// TP-5: connections a third party made under a grant, pushed by our systems (an integration
// token with connections:write). Each is a `connection` object of the grant's party, recorded
// as `connection.recorded`; a connection in clear or below TLS 1.2 opens a finding on the
// party, one per (grant, system, endpoint, weakness) while that finding stands.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "accord/core/result.h"
#include "accord/domain/event.h"
#include "accord/domain/fields.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"

namespace accord::storage {

struct ConnectionInput {
  std::string system_id;
  std::string endpoint;                    // the name of one of the system's endpoints
  std::string protocol;                    // "" = the endpoint's declared protocol
  std::optional<std::string> tls_version;  // canonical ("TLS 1.2")
  std::string cipher;
  TimePoint connected_at;
  std::string source_address;  // an IPv4 or IPv6 address
};

// The request body's fields (the OpenAPI schema is built from them).
const std::vector<domain::FieldSpec>& ConnectionFields();
// Validates a body; `now` bounds connected_at (not in the future).
Result<ConnectionInput> ParseConnectionInput(const boost::json::object& body, TimePoint now);

// Records one connection under grant `grant_id` (404 when there is none); the system must be
// one of the grant's lines and the endpoint one the system declares (422 with the field).
// Returns the connection's state, with `finding_id` when its transport was weak.
Result<boost::json::object> RecordConnection(CommandContext& c, const domain::Actor& actor,
                                             const std::string& grant_id,
                                             const ConnectionInput& input,
                                             const policy::ReviewsPolicy& policy);

}  // namespace accord::storage
